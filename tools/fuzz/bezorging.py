"""Delivering fuzzed messages to a ketenpartner: which role receives an example, a unique Identificatie per
delivery (so BRS20 does not hide the verdict), and the part of an answer that is its verdict."""

from __future__ import annotations

import random
import re

from ketenproef import corpus

_IDENT = re.compile(rb"(<(?:[\w-]+:)?Identificatie>)([^<]*)(<)")


def answer_key(status: int, body: dict) -> tuple:
    findings = sorted((f.get("rule"), f.get("retourcode"), f.get("class"), f.get("level"))
                      for f in body.get("findings") or [] if isinstance(f, dict))
    return status, body.get("status"), body.get("code"), body.get("message"), tuple(findings)


def receiver(example, rnd: random.Random) -> str:
    """The role of the mock that receives this example: the addressee of a heenbericht, the sender of the
    heenbericht a retour answers."""
    if example.message is None:
        return rnd.choice(("gemeente", "aanbieder"))
    model = corpus.message_model(example.message)
    if model["kind"] == "retour" and model.get("retour_on") and not example.message.endswith("325"):
        return corpus.message_model(model["retour_on"])["sent_by"]
    return model["sent_to"]


def unique(data: bytes, token: str) -> bytes:
    return _IDENT.sub(lambda m: m.group(1) + token.encode() + m.group(3), data, count=1)
