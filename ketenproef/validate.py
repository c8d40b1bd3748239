"""The validation pipeline: parse -> identify -> XSD (stop on errors) -> single-message rules -> chain rules."""

from __future__ import annotations

import os
from collections.abc import Iterable

from lxml import etree

from ketenproef.bericht import Bericht, onthouden
from ketenproef.clock import Clock, SystemClock
from ketenproef.findings import ADVIES, BERICHT, KETEN, TECHNISCH, Finding, Report
from ketenproef.identify import Identity, identify
from ketenproef.keten.config import KetenConfig, Referentie
from ketenproef.parse import MAX_BYTES, parse_bytes
from ketenproef.rules.registry import Rule, rules_for
from ketenproef.schemas import xsd_findings


def validate(data: bytes, *, clock: Clock | None = None, keten=None, max_bytes: int = MAX_BYTES,
             config: KetenConfig | None = None) -> Report:
    """Judge one message as the receiving party would: every rule that the message, "vandaag" (``clock``) and the
    bundled reference data decide; ``keten`` (chain state: a Keten, or Ketens holding one per standard) adds the
    chain rules and the configured contract data (``keten.config``); without a chain ``config`` gives the
    rules on external sources their configuration (e.g. a product code list for TR381)."""
    parsed = parse_bytes(data, max_bytes)
    if not parsed.ok:
        return Report(findings=parsed.findings)
    report = validate_tree(parsed.root, clock=clock, keten=keten, config=config)
    report.findings[:0] = parsed.findings
    return report


def validate_tree(root: etree._Element, *, clock: Clock | None = None, keten=None,
                  config: KetenConfig | None = None) -> Report:
    with onthouden():  # one memory for both phases: the chain rules look up fields the message rules looked up
        report = judge_message(root, clock=clock)
        judge_chain(report, keten, config)
    return report


def judge_message(root: etree._Element, *, clock: Clock | None = None) -> Report:
    """Levels 1 and 2: identify, XSD (stop on errors) and the single-message rules. Reads no chain state, so the
    ketenpartner runs it outside its Keten lock."""
    identity = identify(root)
    if isinstance(identity, Finding):
        return Report(findings=[identity])
    report = Report(identity.message, identity.standard, identity.release)
    report.findings.extend(xsd_findings(identity.message, root))
    if report.findings:
        return report
    bericht = Bericht(identity.message, root, clock or SystemClock())
    report.bericht = bericht
    report.findings.extend(run_rules(bericht, rules_for(identity.message, identity.standard, "single"), BERICHT))
    return report


def judge_chain(report: Report, keten=None, config: KetenConfig | None = None) -> None:
    """Levels 3 and 4 added to a report of ``judge_message`` (``run_chain``), unless it was rejected before."""
    if report.bericht is None or report.technically_rejected:
        return
    if hasattr(keten, "voor"):
        keten = keten.voor(report.standard)
    report.findings.extend(run_chain(report.bericht, keten, config))


def run_chain(bericht: Bericht, keten=None, config: KetenConfig | None = None) -> list[Finding]:
    """Control levels 3 and 4 for one message. The rules on external sources (scope 'external': the message,
    "vandaag" from the clock and reference data, e.g. TR135, TR378, TR346) always run; without a chain they get
    ``keten=None`` (or a ``Referentie`` holding ``config``) and judge on the message and the bundled data. The
    chain rules (scope 'chain': they need earlier messages) run only when ``keten`` holds the chain state."""
    rules = rules_for(bericht.name, bericht.standard, "external")
    if keten is not None:
        return run_rules(bericht, rules_for(bericht.name, bericht.standard, "chain") + rules, KETEN, keten)
    return run_rules(bericht, rules, KETEN, None if config is None else Referentie(config))


STRICT_ENV = "KETENPROEF_STRIKT"  # set (the tests do): a rule that raises propagates instead of being reported


def run_rules(bericht: Bericht, rules: Iterable[Rule], level: str, *state) -> list[Finding]:
    with onthouden():  # the rules look up the same fields of one message again and again
        return _run_rules(bericht, rules, level, *state)


def _run_rules(bericht: Bericht, rules: Iterable[Rule], level: str, *state) -> list[Finding]:
    findings = []
    for rule in rules:
        try:
            for element, text in rule.func(bericht, *state):  # the level is worked out for a hit only (few)
                findings.append(finding(bericht, rule, element, text, _level(rule, level)))
        except Exception as exc:
            if os.environ.get(STRICT_ENV):
                raise
            findings.append(internal_error(rule, exc))
    return findings


def internal_error(rule: Rule, exc: Exception) -> Finding:
    """A rule that raises is a defect in Ketenproef, never a verdict on the message: the message is refused
    technically (no acceptance, no retour built on a half-judged message) and the finding says so."""
    return Finding(rule="INTERN", retourcode=None, klasse=None, path=None, line=None, level=TECHNISCH,
                   text=f"Interne fout in Ketenproef bij de controle {rule.id} ({type(exc).__name__}: {exc}); het "
                        f"bericht is daarom niet beoordeeld en niet geaccepteerd. Meld dit als defect.")


def _level(rule: Rule, phase: str) -> str:
    """A rule without retourcode gives advice; a single-message rule with its own retourcode (not 0001, e.g.
    TR319 / 9319) is control level 3: its code goes on the berichtklasse, not 0001 in the Header."""
    if rule.retourcode is None:
        return ADVIES
    if phase == BERICHT and rule.retourcode != "0001":
        return KETEN
    return phase


def finding(bericht: Bericht, rule: Rule, element: etree._Element, text: str, level: str) -> Finding:
    return Finding(rule=rule.id, retourcode=rule.retourcode, klasse=bericht.klasse_of(element),
                   path=bericht.path_of(element), line=element.sourceline, text=text, level=level,
                   element=element)


__all__ = ["Identity", "validate", "validate_tree", "run_chain"]
