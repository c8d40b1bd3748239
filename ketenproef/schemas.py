"""Local XSD sets per standard and release, compiled once per thread and cached."""

from __future__ import annotations

import re
import threading

from lxml import etree

from ketenproef import corpus
from ketenproef.findings import XSD, Finding

_PER_THREAD = threading.local()


def schema(message: str) -> etree.XMLSchema:
    """The compiled XSD of one message, compiled once per thread (a few ms each): lxml keeps the errors of a validation
    in the schema object's ``error_log``, so threads validating with one object read each other's log, and an
    invalid message whose log another thread has just cleared would pass without findings."""
    compiled = getattr(_PER_THREAD, "schemas", None)
    if compiled is None:
        compiled = _PER_THREAD.schemas = {}
    found = compiled.get(message)
    if found is None:
        found = compiled[message] = _compile(message)
    return found


def _compile(message: str) -> etree.XMLSchema:
    """The XSD of one message compiled (imports resolve to the local basisschema.xsd; no network)."""
    model = corpus.message_model(message)
    path = corpus.schema_dir(model["standard"], model["release"]) / f"{message}.xsd"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(path), parser))


def _readable(message: str) -> str:
    """libxml2's message with Clark-notation names shortened to local names."""
    return re.sub(r"\{[^}]*\}", "", message)


# Constraints the XSD itself enforces with a pattern (control level 1): an XSD pattern error on these
# elements is reported with the constraint's id in its text.
XSD_CONSTRAINTS = {"BerichtSubversie": "CS015", "BerichtVersie": "CS025", "DeclaratieNummer": "CS319"}


def _constraint(error) -> str | None:
    if "[facet 'pattern']" not in error.message:
        return None
    match = re.match(r"Element '(?:\{[^}]*\})?([A-Za-z]+)'", error.message)
    return XSD_CONSTRAINTS.get(match.group(1)) if match else None


def _readable_path(path: str | None) -> str | None:
    """``/wmo301:Bericht/wmo301:Client`` -> ``/Bericht/Client``."""
    return re.sub(r"[A-Za-z0-9_]+:", "", path) if path else path


def xsd_findings(message: str, root: etree._Element, limit: int = 50) -> list[Finding]:
    """Validate against the message XSD; at most ``limit`` findings."""
    xsd = schema(message)
    if xsd.validate(root):
        return []
    findings = []
    for error in list(xsd.error_log)[:limit]:
        text = _readable(error.message)
        constraint = _constraint(error)
        if constraint:
            text += f" ({constraint})"
        findings.append(Finding(rule="XSD", retourcode=None, klasse=None, path=_readable_path(error.path),
                                line=error.line, text=text, level=XSD))
    return findings
