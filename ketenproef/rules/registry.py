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


_RULES: dict[str, Rule] = {}
_ADVIES: dict[str, Rule] = {}
_COVERED: dict[str, tuple[tuple[str, ...], str]] = {}


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
    """The checks of one phase for a message: its rules, then the advice on them."""
    return [r for r in rules(scope) + [a for a in adviezen() if a.scope == scope] if r.applies_to(name, standard)]


def get(rule_id: str) -> Rule:
    rules()
    return _RULES[rule_id]
