"""The rule registry: small functions registered under their official id.

A single-message rule is ``def TR018(b: Bericht) -> Iterable[Hit]``; a chain rule receives the chain
state as a second argument: ``def TR019(b: Bericht, keten) -> Iterable[Hit]``. A Hit is
``(element, text)``: the offending element (its berichtklasse receives the retourcode) and a Dutch text a
functional tester understands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

Hit = tuple[etree._Element, str]
STANDARDS = ("iWmo", "iJw")


@dataclass(frozen=True)
class Rule:
    id: str
    berichten: frozenset[str]
    retourcode: str | None
    scope: str
    standaarden: tuple[str, ...]
    func: Callable[..., Iterable[Hit]]

    def applies_to(self, name: str, standard: str) -> bool:
        return name[-3:] in self.berichten and standard in self.standaarden


class _Register(dict):
    """A dict of rules that counts its changes, so that ``rules_for`` can keep its answers until the register changes
    (also when a test swaps or removes a rule with ``monkeypatch.setitem`` or ``pop``)."""

    versie = 0

    def _gewijzigd(self) -> None:
        _Register.versie += 1

    def __setitem__(self, key, value) -> None:
        self._gewijzigd()
        super().__setitem__(key, value)

    def __delitem__(self, key) -> None:
        self._gewijzigd()
        super().__delitem__(key)

    def pop(self, *args):
        self._gewijzigd()
        return super().pop(*args)

    def clear(self) -> None:
        self._gewijzigd()
        super().clear()

    def update(self, *args, **kwargs) -> None:
        self._gewijzigd()
        super().update(*args, **kwargs)

    def setdefault(self, key, default=None):
        self._gewijzigd()
        return super().setdefault(key, default)

    def popitem(self):
        self._gewijzigd()
        return super().popitem()


_RULES: dict[str, Rule] = _Register()
_ADVIES: dict[str, Rule] = _Register()
_COVERED: dict[str, tuple[tuple[str, ...], str]] = {}
_GEVONDEN: dict[tuple[str, str, str], list[Rule]] = {}  # rules_for's answers at _Register.versie
_GEVONDEN_BIJ = [-1]


def regel(rule_id: str, *, berichten: Iterable[str], retourcode: str | None = "0001", scope: str = "single",
          standaarden: Iterable[str] = STANDARDS):
    """Register the decorated function as the check of ``rule_id``."""

    def register(func: Callable[..., Iterable[Hit]]):
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        _RULES[rule_id] = Rule(rule_id, frozenset(berichten), retourcode, scope, tuple(standaarden), func)
        return func

    return register


def advies(rule_id: str, *, berichten: Iterable[str], standaarden: Iterable[str] = STANDARDS):
    """Register the decorated function as advice on ``rule_id``: a stricter reading of the rule's text than the
    official validation (and so a receiving party's software) applies. Its findings name the rule but carry no
    retourcode (level advies, ``validate._level``), so the message stays valid; the rule's own check keeps its
    retourcode and judges as the official validation does. A single-message check; one per rule."""

    def register(func: Callable[..., Iterable[Hit]]):
        if rule_id in _ADVIES:
            raise ValueError(f"advice on rule {rule_id} registered twice")
        _ADVIES[rule_id] = Rule(rule_id, frozenset(berichten), None, "single", tuple(standaarden), func)
        return func

    return register


def gedekt_door(rule_id: str, door: Iterable[str], toelichting: str) -> None:
    """Record that ``rule_id`` (usually a bedrijfsregel) is checked in full by other registered rules."""
    if rule_id in _COVERED or rule_id in _RULES:
        raise ValueError(f"rule {rule_id} registered twice")
    _COVERED[rule_id] = (tuple(door), toelichting)


def covered() -> dict[str, tuple[tuple[str, ...], str]]:
    rules()
    return dict(_COVERED)


def rules(scope: str | None = None) -> list[Rule]:
    """All registered rules (importing the rule modules first), optionally of one scope."""
    from ketenproef import rules as package

    package.load()
    return [r for r in _RULES.values() if scope is None or r.scope == scope]


def adviezen() -> list[Rule]:
    """The advice checks (``advies``): stricter readings of a rule's text, without retourcode."""
    rules()
    return list(_ADVIES.values())


def rules_for(name: str, standard: str, scope: str) -> list[Rule]:
    """The checks of one phase for a message: its rules, then the advice on them. Worked out once per message type
    and phase, until the register changes (a fresh list each call: callers may extend it)."""
    if _GEVONDEN_BIJ[0] != _Register.versie:
        rules()
        _GEVONDEN.clear()
        _GEVONDEN_BIJ[0] = _Register.versie
    key = (name, standard, scope)
    found = _GEVONDEN.get(key)
    if found is None:
        found = _GEVONDEN[key] = [r for r in rules(scope) + [a for a in adviezen() if a.scope == scope]
                                  if r.applies_to(name, standard)]
    return list(found)


def get(rule_id: str) -> Rule:
    rules()
    return _RULES[rule_id]
