"""Wrong variants of the declaratie-antwoord (325) for the mutants of the gemeente (``sut.mutanten``).

The reference gemeente builds its 325 with the core (``ketenproef.declaratie_antwoord``, ``ketenproef.retour``), so
switching a rule about the 325 off in its judgement changes nothing: nothing it sends depends on that judgement. A
mutant of such a rule instead gets a small, realistic mistake in exactly that part of the 325, made here on the tree
the core returns (the core itself is untouched): the mistake a real system makes when it gets the rule wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ketenproef.bericht import findall, text
from ketenproef.declaratie_antwoord import prestatie_data
from ketenproef.retour import GEEN_OPMERKING
from sut.referentie.gemeente import ReferentieGemeente

PRESTATIES = "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie"


def _codes(tree: etree._Element, pad: str) -> list[str]:
    return [c.text for c in findall(tree, f"{pad}/RetourCodes/RetourCode")]


def _geen_antwoord_als_alles_goed(tree, bericht, gemeente):
    """IV087: one 325 for every 323, always; this one sends none when everything was approved (8001)."""
    return None if "8001" in _codes(tree, "DeclaratieAntwoord") else tree


def _eigen_identificatie(tree, bericht, gemeente):
    """TR337: DeclaratieIdentificatie is the 323's BerichtIdentificatie; this one fills in the 325's own."""
    eigen = text(tree[0], "BerichtIdentificatie/Identificatie")
    for el in findall(tree[0], "DeclaratieIdentificatie/Identificatie"):
        el.text = eigen
    return tree


def _berichtidentificatie_als_nummer(tree, bericht, gemeente):
    """TR376: DeclaratieNummer is the 323's DeclaratieNummer; this one repeats the 323's BerichtIdentificatie."""
    for el in findall(tree, "DeclaratieAntwoord/DeclaratieNummer"):
        el.text = text(bericht.root[0], "BerichtIdentificatie/Identificatie")
    return tree


def _toegekend_is_ingediend(tree, bericht, gemeente):
    """TR342: TotaalToegekendBedrag is the submitted total minus the rejected prestaties; this one grants the
    submitted total anyway."""
    if not findall(tree, PRESTATIES):
        return tree
    ingediend = findall(tree, "DeclaratieAntwoord/TotaalIngediendBedrag")
    toegekend = findall(tree, "DeclaratieAntwoord/TotaalToegekendBedrag")
    for bron, doel in zip(ingediend, toegekend, strict=False):
        for b, d in zip(bron, doel, strict=False):
            d.text = b.text
    return tree


def _eigen_referentienummer(tree, bericht, gemeente):
    """TR366: a returned Prestatie carries the ProductReferentie of the 323; this one its own number for it."""
    for el in findall(tree, f"{PRESTATIES}/ProductReferentie/ReferentieNummer"):
        el.text = ("G" + (el.text or ""))[:20]
    return tree


def _volume_aangepast(tree, bericht, gemeente):
    """TR367: a returned Prestatie is returned unchanged; this one returns the volume it would have granted (one
    less) instead of the GeleverdVolume of the 323."""
    for el in findall(tree, f"{PRESTATIES}/GeleverdVolume"):
        el.text = str(max(int(el.text) - 1, 0))
    return tree


def _ook_goedgekeurde_clienten(tree, bericht, gemeente):
    """OP304: only clients with rejected prestaties are in the 325; this one lists every client and prestatie of a
    fully approved 323, each with 0200."""
    if "8001" not in _codes(tree, "DeclaratieAntwoord"):
        return tree
    return met_goedgekeurde_clienten(tree, bericht)


def met_goedgekeurde_clienten(tree, bericht):
    """The 325 ``tree`` of a fully approved 323 with every client and prestatie listed, each with 0200 (what OP304
    forbids; also the hand-written defect ``AntwoordMetGoedgekeurdePrestaties``)."""
    from ketenproef import factory

    name = bericht.name.replace("323", "325")
    data = factory.to_data(tree, name)
    goed = {"RetourCode": [GEEN_OPMERKING]}
    data["DeclaratieAntwoord"]["Clienten"] = [
        {"Bsn": text(c, "Bsn"), "RetourCodes": goed,
         "Prestaties": [{**prestatie_data(p), "RetourCodes": goed} for p in findall(c, "Prestaties/Prestatie")]}
        for c in bericht.all("Client")]
    return factory.build(name, data)


VERKEERD: dict[str, Callable] = {
    "IV087": _geen_antwoord_als_alles_goed,
    "OP304": _ook_goedgekeurde_clienten,
    "TR337": _eigen_identificatie,
    "TR342": _toegekend_is_ingediend,
    "TR366": _eigen_referentienummer,
    "TR367": _volume_aangepast,
    "TR376": _berichtidentificatie_als_nummer,
}


class MutantGemeente325(ReferentieGemeente):
    """The reference gemeente whose 325 gets the wrong variant of the rules in ``zonder_regels``."""

    def maak_retour(self, report, identificatie):
        tree = super().maak_retour(report, identificatie)
        if tree is None or report.bericht is None or report.bericht.number != "323":
            return tree
        for regel in sorted(self.zonder_regels & VERKEERD.keys()):
            tree = VERKEERD[regel](tree, report.bericht, self)
            if tree is None:
                return None
        return tree
