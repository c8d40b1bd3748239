"""The RetourCodes of a retour (or 325) per berichtklasse: the form in which a retour is compared with the one a
correct receiver sends (the ketenpartner's ``verwachte_retour``, ketenaudit's ``verwacht`` and ``gegeven``)."""

from __future__ import annotations

from lxml import etree

from ketenproef.bericht import readable_path


def codes_map(root: etree._Element) -> dict[str, list[str]]:
    """RetourCodes per berichtklasse of a retour, keyed by the readable path of the class."""
    out: dict[str, list[str]] = {}
    for el in root.iter("{*}RetourCodes"):
        codes = sorted({(c.text or "").strip() for c in el if isinstance(c.tag, str)})
        out[readable_path(el.getparent())] = codes
    return out
