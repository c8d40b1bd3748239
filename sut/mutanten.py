"""Mutants: a reference system with exactly one rule switched off, derived from the rule registry.

For every rule the core registers as a check (``ketenproef.rules.registry``) and every role that sends or receives
one of the rule's messages there is a mutant ``mutant-<rol>-<ID>``: that role's reference system, which neither
checks the rule on what it receives (it accepts what the rule forbids and its retour lacks the code) nor keeps
it in what it sends (its own check before sending ignores the rule). Everything else is the reference behaviour.

Calculations the sender of a message performs (an invulinstructie marked ``"berekening": true`` in the rule register,
corpus/regels/register.json, e.g. IV079 rounding hours) have no registered check of their own; they get a mutant for
the role that sends their message: the reference system with a small, realistic wrong variant of that calculation
(rounding down, a broken week counted differently; ``houdt_zich_aan`` in the reference system).

Nothing here is a hand-written list: a newly registered rule gets its mutants by itself, and ``ketenproef zelftest``
(suite/zelftest.py) proves that the scenarios tagged with the rule catch them. The hand-written broken variants in
``sut.defecten`` stay: they model defects real systems have.
"""

from __future__ import annotations

from functools import cache

from sut.base import AANBIEDER, GEMEENTE
from sut.registry import SutInfo

PREFIX = "mutant-"
ROLLEN = (AANBIEDER, GEMEENTE)


def naam(rol: str, regel: str) -> str:
    return f"{PREFIX}{rol}-{regel}"


def ontleed(spec: str) -> tuple[str, str] | None:
    """(rol, regel) of a mutant's name, or None when ``spec`` names no mutant."""
    if not spec.startswith(PREFIX):
        return None
    rol, _, regel = spec.removeprefix(PREFIX).partition("-")
    return (rol, regel) if rol in ROLLEN and regel in _regels_per_rol().get(rol, ()) else None


def regels(rol: str) -> tuple[str, ...]:
    """The rules a mutant of ``rol`` exists for: every registered check on a message the role sends or receives, and
    every calculation (register ``berekening``) on a message the role sends."""
    return _regels_per_rol()[rol]


@cache
def _regels_per_rol() -> dict[str, tuple[str, ...]]:
    from ketenproef import corpus
    from ketenproef.rules.registry import rules

    nummers: dict[str, set[str]] = {rol: set() for rol in ROLLEN}
    verstuurd: dict[str, set[str]] = {rol: set() for rol in ROLLEN}
    for bericht in corpus.message_names():
        model = corpus.message_model(bericht)
        for rol in (model["sent_by"], model["sent_to"]):
            if rol in nummers:
                nummers[rol].add(bericht[-3:])
        if model["sent_by"] in verstuurd:
            verstuurd[model["sent_by"]].add(bericht[-3:])
    return {rol: tuple(sorted({r.id for r in rules() if r.berichten & nummers[rol]}
                              | set(berekeningen(verstuurd[rol])))) for rol in ROLLEN}


def berekeningen(verstuurd: set[str]) -> list[str]:
    """The register entries marked as a calculation (``berekening``) about a message in ``verstuurd``."""
    from ketenproef import corpus

    return [e["id"] for e in corpus.rule_register().values() if e.get("berekening") and set(e["berichten"]) & verstuurd]


def is_berekening(regel: str) -> bool:
    from ketenproef import corpus

    return bool(corpus.rule_register().get(regel, {}).get("berekening"))


def info(spec: str) -> SutInfo | None:
    """The mutant ``spec`` as a built-in system (not registered: ``ketenproef suts`` lists only the others)."""
    gevonden = ontleed(spec)
    if gevonden is None:
        return None
    rol, regel = gevonden
    uitleg = (f"De referentie-{rol} die {regel} verkeerd berekent: een kleine, realistische fout in die berekening."
              if is_berekening(regel) else
              f"De referentie-{rol} zonder regel {regel}: hij controleert die niet bij ontvangst en houdt zich er bij "
              "verzenden niet aan.")
    return SutInfo(spec, rol, True, uitleg, lambda: maak(rol, regel), (regel,))


def alle(rol: str | None = None, alleen: set[str] | None = None) -> list[SutInfo]:
    """Every mutant (of one role; of some rules only)."""
    out = []
    for r in ROLLEN if rol is None else (rol,):
        out += [info(naam(r, regel)) for regel in regels(r) if alleen is None or regel in alleen]
    return out


def maak(rol: str, regel: str):
    from sut.referentie import ReferentieAanbieder, ReferentieGemeente
    from sut.verkeerd_325 import VERKEERD, MutantGemeente325

    if rol == AANBIEDER:
        sut = ReferentieAanbieder()
    else:  # a rule about the 325 the gemeente sends: a wrong variant of that part of the 325 (sut.verkeerd_325)
        sut = (MutantGemeente325 if regel in VERKEERD else ReferentieGemeente)()
    sut.zonder_regels = frozenset({regel})
    sut.name = naam(rol, regel)
    # Its own range of BerichtIdentificaties: the mutants of a session share a ketenpartner per worker and each
    # scenario gets a fresh instance, so two mutants running the same scenario would otherwise send the same
    # identificatie (refused as not unique, BRS20) and fail for a reason that is not their rule.
    sut.tellers["bericht"] = (regels(rol).index(regel) + 1) * 10**7
    return sut
