"""Properties of the ketenpartner over the example corpus (hypothesis, fixed seed, small budget; the long form is
``python -m tools.fuzz``): a real server on a loopback port, both roles, twice each.

- A message with comments, processing instructions and whitespace between its elements gets the same answer
  (HTTP status, status, code, findings) as the clean message gets from a twin server in the same state.
- A damaged message never gets a 5xx (KETENPROEF_STRIKT is set: a rule that raises would give a 500).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketenproef.examples import examples
from mockserver.handle import Ketenpartner
from tests.mockserver.helpers import DATUM
from tools.fuzz.bezorging import answer_key, receiver, unique
from tools.fuzz.mutaties import muteer, ruis

EXAMPLES = examples()
BUDGET = settings(derandomize=True, deadline=None, max_examples=80, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_ids = itertools.count()


@pytest.fixture(scope="module")
def partners():
    started = {rol: (Ketenpartner.start(rol, datum=DATUM), Ketenpartner.start(rol, datum=DATUM))
               for rol in ("gemeente", "aanbieder")}
    yield started
    for pair in started.values():
        for partner in pair:
            partner.stop()


def post(partner: Ketenpartner, data: bytes) -> tuple[int, dict]:
    answer = partner.deliver(data)
    return answer.pop("http_status"), answer


@BUDGET
@given(example=st.sampled_from(EXAMPLES), rnd=st.randoms(use_true_random=False), count=st.integers(1, 8))
def test_noise_gets_the_same_answer_as_the_clean_message(partners, example, rnd, count):
    first, twin = partners[receiver(example, rnd)]
    data = unique(example.path.read_bytes(), f"E{next(_ids):07d}")
    clean = post(first, data)
    noisy = post(twin, ruis(data, rnd, count))
    assert answer_key(*noisy) == answer_key(*clean)


@BUDGET
@given(example=st.sampled_from(EXAMPLES), rnd=st.randoms(use_true_random=False), count=st.integers(1, 4))
def test_damage_never_gives_a_server_error(partners, example, rnd, count):
    first, _ = partners[receiver(example, rnd)]
    status, body = post(first, muteer(unique(example.path.read_bytes(), f"M{next(_ids):07d}"), rnd, count))
    assert status < 500, body
