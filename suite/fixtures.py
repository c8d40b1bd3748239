"""Fixtures of the suite: the ketenpartner (one per session and xdist worker, in a background thread, playing the
role opposite the system under test), the system under test, and per scenario a synthetic client, "vandaag",
the standard and the conversation (``Gesprek``) whose evidence is attached to the report afterwards."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import zlib

import pytest

from ketenproef import fake
from mockserver.handle import Ketenpartner
from suite import bewijs
from suite.gesprek import Gesprek, Partijen
from suite.plugin import rol_van, sut_rol, sut_specs
from sut.base import Verbinding
from sut.registry import info, open_sut

VANDAAG = dt.date(2026, 1, 12)
LEEFTIJD = {"iWmo": (18, 95), "iJw": (1, 17)}
GEBOREN_VOOR = dt.date(2025, 6, 1)  # clients exist before the earliest date a scenario uses (TR134)


def _worker(config: pytest.Config) -> int:
    return int(getattr(config, "workerinput", {}).get("workerid", "gw0")[2:] or 0)


@pytest.fixture
def rol(pytestconfig: pytest.Config, sut_naam: str) -> str:
    """The role of the system under test of this scenario run."""
    return rol_van(pytestconfig, sut_naam)


@pytest.fixture(scope="session")
def ketenpartners():
    """One ketenpartner per role it plays, started when a scenario first needs it (a session over both reference
    systems has two), stopped at the end of the session."""
    gestart: dict[str, Ketenpartner] = {}

    def voor(sut_rol: str) -> Ketenpartner:
        partner_rol = "gemeente" if sut_rol == "aanbieder" else "aanbieder"
        if partner_rol not in gestart:
            gestart[partner_rol] = Ketenpartner.start(partner_rol)
        return gestart[partner_rol]

    yield voor
    for handle in gestart.values():
        handle.stop()


@pytest.fixture
def ketenpartner(ketenpartners, rol: str) -> Ketenpartner:
    return ketenpartners(rol)


@pytest.fixture(scope="session")
def sessie_partijen(pytestconfig: pytest.Config) -> Partijen:
    """The gemeente and aanbieder codes of the run (the system's own code never changes)."""
    rng = random.Random(f"partijen|{pytestconfig.getoption('seed')}")
    return Partijen(gemeente=fake.gemeentecode(rng), aanbieder=fake.agb_code(rng))


@pytest.fixture(scope="session")
def tegenpartijen(pytestconfig: pytest.Config, ingebouwd: bool):
    """Codes the ketenpartner plays, one per scenario, for a system from outside: a gemeente from the CBS list
    (TR378) or an AGB code, so every scenario has an administration of its own at the system."""
    if ingebouwd:  # built-in systems keep the run's codes (``partijen``)
        return None
    rng = random.Random(f"tegenpartijen|{pytestconfig.getoption('seed')}")
    if sut_rol(pytestconfig) == "aanbieder":
        codes = [code for code, _ in fake.gemeenten()]
        rng.shuffle(codes)
        return itertools.cycle(codes)
    return (f"7{n:07d}" for n in itertools.count(rng.randrange(1, 9_000_000)))


@pytest.fixture
def partijen(pytestconfig, sessie_partijen, ingebouwd, rol, tegenpartijen) -> Partijen:
    """The parties of this scenario. A built-in system is new every scenario, so the run's codes do; a system
    from outside remembers every scenario, so the ketenpartner plays another party in each (unless
    --vaste-tegenpartij)."""
    if ingebouwd or pytestconfig.getoption("vaste_tegenpartij"):
        return sessie_partijen
    code = next(tegenpartijen)
    if rol == "aanbieder":
        return Partijen(gemeente=code, aanbieder=sessie_partijen.aanbieder)
    return Partijen(gemeente=sessie_partijen.gemeente, aanbieder=code)


@pytest.fixture(scope="session")
def ingebouwd(pytestconfig: pytest.Config) -> bool:
    """Built-in systems get a fresh instance per scenario; a vendor's system is one instance for the run."""
    return all(info(spec) is not None for spec in sut_specs(pytestconfig))


@pytest.fixture
def sut_naam(pytestconfig: pytest.Config) -> str:
    """The --sut of this scenario (parametrized when --sut names several built-in systems)."""
    return sut_specs(pytestconfig)[0]


@pytest.fixture(scope="session")
def gedeeld_systeem(pytestconfig, ketenpartners, sessie_partijen, ingebouwd):
    """A system from outside: one instance for the whole run (None for built-in systems)."""
    if ingebouwd:
        yield None
        return
    rol = sut_rol(pytestconfig)
    ketenpartner = ketenpartners(rol)
    sut = _open(sut_specs(pytestconfig)[0], rol, ketenpartner, sessie_partijen)
    sut._ketenproef_verbinding = Verbinding(ketenpartner.url, sessie_partijen.van(rol),
                                            sessie_partijen.van("gemeente" if rol == "aanbieder" else "aanbieder"))
    yield sut
    sut.close()


def _open(spec: str, rol: str, partner: Ketenpartner, partijen: Partijen):
    sut = open_sut(spec, rol)
    ander = "gemeente" if rol == "aanbieder" else "aanbieder"
    sut.connect(Verbinding(partner.url, partijen.van(rol), partijen.van(ander)))
    return sut


@pytest.fixture
def systeem(sut_naam, rol, ketenpartner, partijen, sessie_partijen, gedeeld_systeem):
    """The system under test for this scenario (a system from outside hears its counterpart of the scenario)."""
    if gedeeld_systeem is not None:
        ander = "gemeente" if rol == "aanbieder" else "aanbieder"
        verbinding = Verbinding(ketenpartner.url, partijen.van(rol), partijen.van(ander))
        if getattr(gedeeld_systeem, "_ketenproef_verbinding", None) != verbinding:
            gedeeld_systeem.connect(verbinding)
            gedeeld_systeem._ketenproef_verbinding = verbinding
        yield gedeeld_systeem
        return
    sut = _open(sut_naam, rol, ketenpartner, partijen)
    yield sut
    sut.close()


@pytest.fixture(scope="session")
def toewijzingnummers(pytestconfig: pytest.Config):
    """ToewijzingNummers the ketenpartner gives out as gemeente: unique per run and worker (TR332)."""
    seed = zlib.crc32(str(pytestconfig.getoption("seed")).encode())
    return itertools.count(10_000_000 + seed % 800 * 100_000 + _worker(pytestconfig) % 10 * 10_000 + 1)


@pytest.fixture
def standaard(request: pytest.FixtureRequest) -> str:
    """iWmo or iJw: from the scenario's standard tag (scenarios tagged with both run once per standard)."""
    namen = {m.name for m in request.node.iter_markers()}
    return "iJw" if "ijw" in namen and "iwmo" not in namen else "iWmo"


@pytest.fixture
def vandaag() -> dt.date:
    """The frozen "vandaag" of the scenario; a step "het is ..." replaces it."""
    return VANDAAG


@pytest.fixture
def client(request: pytest.FixtureRequest, pytestconfig: pytest.Config, standaard: str) -> dict:
    """A synthetic client of its own per scenario, the same on every rerun with the same --seed."""
    rng = random.Random(f"{pytestconfig.getoption('seed')}|{request.node.nodeid}")
    persoon = fake.persoon(rng, peildatum=GEBOREN_VOOR, leeftijd=LEEFTIJD[standaard])
    return {**persoon, "Adres": fake.adres(rng)}


@pytest.fixture
def gesprek(request, ketenpartner, systeem, rol, partijen, client, standaard, toewijzingnummers, pytestconfig,
            ingebouwd):
    deadline = pytestconfig.getoption("retour_deadline") or 30.0
    g = Gesprek(ketenpartner, systeem, rol, partijen, client, standaard, toewijzingnummers, deadline)
    ketenpartner.reset(g.bsn)
    yield g
    try:
        bewijs.leg_vast(request, g)
    finally:
        for bsn in [g.bsn] + [a.bsn for a in g.anderen]:
            ketenpartner.clear_faults(bsn)
            ketenpartner.reset(bsn)
