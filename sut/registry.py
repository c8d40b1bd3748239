"""The built-in systems (reference systems and their deliberately broken variants) and how a ``--sut`` value
is turned into a SystemUnderTest.

``--sut`` accepts: the name of a built-in system (``ketenproef suts``), ``http://...`` / ``https://...`` (a
vendor's trigger endpoint, see docs/SUT-TRIGGERS.md), ``cmd:PATH`` (a vendor executable), or
``handmatig:aanbieder`` / ``handmatig:gemeente`` (a person carries out each trigger).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sut.base import SystemUnderTest


@dataclass(frozen=True)
class SutInfo:
    name: str
    role: str
    broken: bool
    defect: str | None  # what is wrong with it, in Dutch, for broken variants
    factory: Callable[[], SystemUnderTest] = field(repr=False, compare=False)
    rules: tuple[str, ...] = ()  # the rule ids whose scenarios must catch the defect


_SYSTEMS: dict[str, SutInfo] = {}
# The reference systems' names and roles, known without importing them: ``ketenproef run`` and pytest's xdist
# controller only ask whether a name is built in and which role it plays, and importing the systems (the corpus,
# the message factory, the chain) costs about half a second before the workers can start. tests/sut checks that
# this table matches what sut.referentie registers.
REFERENTIE_ROLLEN = {"referentie-aanbieder": "aanbieder", "referentie-gemeente": "gemeente"}


def register(info: SutInfo) -> SutInfo:
    if info.name in _SYSTEMS:
        raise ValueError(f"system {info.name} registered twice")
    _SYSTEMS[info.name] = info
    return info


def systems() -> list[SutInfo]:
    """Every built-in system, reference systems first."""
    _load()
    return sorted(_SYSTEMS.values(), key=lambda s: (s.broken, s.role, s.name))


def _load() -> None:
    import importlib

    for module in ("sut.referentie", "sut.defecten"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def info(spec: str) -> SutInfo | None:
    """The built-in system ``spec``: a registered one, or a mutant (``sut.mutanten``); None for anything else."""
    _load()
    if spec in _SYSTEMS:
        return _SYSTEMS[spec]
    from sut import mutanten

    return mutanten.info(spec)


def rol(spec: str) -> str | None:
    """The role of the built-in system ``spec`` (for a reference system without loading it); None for anything
    that is not built in."""
    if spec in REFERENTIE_ROLLEN:
        return REFERENTIE_ROLLEN[spec]
    gevonden = info(spec)
    return gevonden.role if gevonden is not None else None


def open_sut(spec: str, role: str | None = None) -> SystemUnderTest:
    """A SystemUnderTest for a ``--sut`` value. ``role`` is required for http:// and cmd: systems."""
    ingebouwd = info(spec)
    if ingebouwd is not None:
        return ingebouwd.factory()
    if spec.startswith(("http://", "https://")):
        from sut.adapters.http import HttpSut

        return HttpSut(spec, role=_need(role, spec))
    if spec.startswith("cmd:"):
        from sut.adapters.command import CommandSut

        return CommandSut(spec[4:], role=_need(role, spec))
    if spec.startswith("handmatig:"):
        from sut.adapters.handmatig import HandmatigSut

        return HandmatigSut(role=spec.split(":", 1)[1])
    raise ValueError(f"onbekend systeem '{spec}'; kies uit {', '.join(s.name for s in systems())}, "
                     "http://..., cmd:PAD of handmatig:aanbieder|gemeente")


def _need(role: str | None, spec: str) -> str:
    if role not in ("aanbieder", "gemeente"):
        raise ValueError(f"geef bij {spec} de rol op (--rol aanbieder of --rol gemeente)")
    return role
