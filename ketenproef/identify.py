"""Identify a parsed message: namespace + BerichtCode -> standard, release and message name."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from ketenproef import corpus
from ketenproef.findings import TECHNISCH, Finding

NAMESPACE = re.compile(r"^http://www\.istandaarden\.nl/(iwmo|ijw)/(\d+)_(\d+)/(wmo|jw)(\d{3})/schema$")
PREFIX = {"iwmo": "WMO", "ijw": "JW"}
STANDARD = {"iwmo": "iWmo", "ijw": "iJw"}
SUPPORTED_RELEASES = ("3.2",)


@dataclass(frozen=True)
class Identity:
    message: str
    standard: str
    release: str


def _refuse(text: str) -> Finding:
    return Finding(rule="IDENT", retourcode=None, klasse=None, path=None, line=None, text=text, level=TECHNISCH)


def identify(root: etree._Element) -> Identity | Finding:
    """The message's identity, or a Finding saying clearly why it is not an iWmo/iJw 3.2 message."""
    tag = root.tag
    found = _identify(tag) if isinstance(tag, str) else _identify_qname(etree.QName(root))
    return copy.copy(found) if isinstance(found, Finding) else found  # a refusal is the caller's own object


@lru_cache(maxsize=256)
def _identify(tag: str) -> Identity | Finding:
    """Decided once per root tag (namespace and name): the same few occur again and again."""
    return _identify_qname(etree.QName(tag))


def _identify_qname(qname: etree.QName) -> Identity | Finding:
    if qname.localname != "Bericht":
        return _refuse(f"Het rootelement is '{qname.localname}'; een iWmo/iJw-bericht begint met 'Bericht'.")
    match = NAMESPACE.match(qname.namespace or "")
    if not match:
        return _refuse(f"Onbekende namespace '{qname.namespace or '(geen)'}': dit is geen iWmo- of iJw-bericht.")
    std, major, minor, kind, number = match.groups()
    release = f"{major}.{minor}"
    if (std == "iwmo") != (kind == "wmo"):
        return _refuse(f"De namespace '{qname.namespace}' mengt standaard en berichttype.")
    name = f"{PREFIX[std]}{number}"
    if release not in SUPPORTED_RELEASES:
        return _refuse(f"{name} van release {release} wordt niet ondersteund; Ketenproef toetst release "
                       f"{', '.join(SUPPORTED_RELEASES)}.")
    if name not in corpus.message_names():
        return _refuse(f"Onbekend berichttype {name} in {STANDARD[std]} {release}.")
    return Identity(name, STANDARD[std], release)
