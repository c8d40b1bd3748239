"""Crediting Prestaties and totals of a 323 (IV085, IV086, IV091, TR316, TR323, TR358, TR390, TR416, CS325).

Prestaties are plain dicts keyed by the 323 element names (see ``prestatie.Prestatie``).
"""

import copy
from collections import Counter
from collections.abc import Collection, Iterable

from .codes import CREDIT, DEBET, DebetCredit
from .prestatie import Prestatie

MAX_LENGTE_REFERENTIENUMMER = 20  # LDT_ReferentieNummer


def debet_credit(prestatie: Prestatie) -> DebetCredit:
    """The IngediendBedrag/DebetCredit of a Prestatie, checked against codelist COD043."""
    teken = prestatie["IngediendBedrag"]["DebetCredit"]
    if teken == DEBET:
        return DEBET
    if teken == CREDIT:
        return CREDIT
    raise ValueError(f"unknown DebetCredit {teken!r} (codelist COD043)")


def is_creditprestatie(prestatie: Prestatie) -> bool:
    """Whether the Prestatie is a credit: DebetCredit = C (CD060: then VorigReferentieNummer is required)."""
    return debet_credit(prestatie) == CREDIT


def maak_creditprestatie(debet: Prestatie, referentienummer: str) -> Prestatie:
    """Build the credit Prestatie for an earlier debet Prestatie (IV091, CD060).

    The credit equals the debet except: ReferentieNummer = the new ``referentienummer``,
    VorigReferentieNummer = the debet's ReferentieNummer and IngediendBedrag/DebetCredit = C. The
    debet itself is not changed. A debet with Bedrag 0 cannot be credited: a zero amount must be
    D (CS325).
    """
    if debet_credit(debet) != DEBET:
        raise ValueError("IV091: only a debet Prestatie can be credited")
    oud = debet["ProductReferentie"]["ReferentieNummer"]
    if not referentienummer or len(referentienummer) > MAX_LENGTE_REFERENTIENUMMER:
        raise ValueError(f"ReferentieNummer must be 1-{MAX_LENGTE_REFERENTIENUMMER} characters")
    if referentienummer == oud:
        raise ValueError("IV091: the credit Prestatie needs a new ReferentieNummer")
    if debet["IngediendBedrag"]["Bedrag"] == 0:
        raise ValueError("CS325: a Bedrag of 0 must be debet, so a zero debet cannot be credited")
    credit = copy.deepcopy(debet)
    credit["ProductReferentie"] = {"ReferentieNummer": referentienummer, "VorigReferentieNummer": oud}
    credit["IngediendBedrag"]["DebetCredit"] = CREDIT
    return credit


def controleer_creditprestatie(credit: Prestatie, debet: Prestatie) -> list[str]:
    """Rule ids violated by ``credit`` as the credit of ``debet``; empty when it is a correct credit.

    CD060 (credit without VorigReferentieNummer), TR323 (VorigReferentieNummer is not the debet's
    ReferentieNummer), IV091 (not C, same ReferentieNummer as the debet, or any other element differs).
    """
    fouten: list[str] = []
    vorig = credit["ProductReferentie"].get("VorigReferentieNummer")
    if not vorig:
        fouten.append("CD060")
    elif vorig != debet["ProductReferentie"]["ReferentieNummer"]:
        fouten.append("TR323")
    overig_credit = {k: v for k, v in credit.items() if k not in ("ProductReferentie", "IngediendBedrag")}
    overig_debet = {k: v for k, v in debet.items() if k not in ("ProductReferentie", "IngediendBedrag")}
    if (
        overig_credit != overig_debet
        or credit["IngediendBedrag"]["Bedrag"] != debet["IngediendBedrag"]["Bedrag"]
        or debet_credit(credit) != CREDIT
        or credit["ProductReferentie"]["ReferentieNummer"] == debet["ProductReferentie"]["ReferentieNummer"]
    ):
        fouten.append("IV091")
    return fouten


def totaal_ingediend(prestaties: Iterable[Prestatie]) -> tuple[int, DebetCredit]:
    """TotaalIngediendBedrag of a 323 as (TotaalBedrag, DebetCredit) (IV086, TR358, CS325).

    Sum of the debet IngediendBedragen minus the sum of the credit IngediendBedragen; a negative result
    is returned as its absolute value with C, zero or positive with D.
    """
    saldo = 0
    for prestatie in prestaties:
        bedrag = prestatie["IngediendBedrag"]["Bedrag"]
        saldo += bedrag if debet_credit(prestatie) == DEBET else -bedrag
    return (saldo, DEBET) if saldo >= 0 else (-saldo, CREDIT)


def credits_met_debet_in_zelfde_bericht(prestaties: Iterable[Prestatie]) -> list[str]:
    """ReferentieNummers of credit Prestaties whose debet is in the same 323 (IV086, TR316).

    A debet and its own credit may not be sent in one declaratie (a VorigReferentieNummer may not
    equal any ReferentieNummer in the message, its own included); a credit together with a new,
    corrected debet is allowed. Empty list = no violation.
    """
    lijst = list(prestaties)
    referenties = {p["ProductReferentie"]["ReferentieNummer"] for p in lijst}
    return [
        p["ProductReferentie"]["ReferentieNummer"]
        for p in lijst
        if p["ProductReferentie"].get("VorigReferentieNummer") in referenties
    ]


def dubbele_debetprestaties(prestaties: Iterable[Prestatie]) -> list[str]:
    """ReferentieNummers of debet Prestaties that repeat a combination within one 323 (TR416).

    The combination is ProductPeriode (Begindatum, Einddatum), ProductCategorie, ToewijzingNummer and
    ProductCode; every debet after the first with the same combination is returned.
    """
    gezien: Counter[tuple[object, ...]] = Counter()
    dubbel: list[str] = []
    for p in prestaties:
        if debet_credit(p) != DEBET:
            continue
        sleutel = (
            p["ProductPeriode"]["Begindatum"],
            p["ProductPeriode"]["Einddatum"],
            p["ProductCategorie"],
            p["ToewijzingNummer"],
            p["ProductCode"],
        )
        if gezien[sleutel]:
            dubbel.append(p["ProductReferentie"]["ReferentieNummer"])
        gezien[sleutel] += 1
    return dubbel


def goedgekeurde_referentienummers(
    ingediend: Iterable[Prestatie], afgewezen_referentienummers: Collection[str]
) -> set[str]:
    """ReferentieNummers of the debet Prestaties of an answered 323 that the 325 approved (IV087).

    A 325 only lists the rejected Prestaties, so every debet of the 323 not in
    ``afgewezen_referentienummers`` is approved. (When the whole declaratie was rejected, pass all its
    ReferentieNummers as rejected.)
    """
    return {
        p["ProductReferentie"]["ReferentieNummer"]
        for p in ingediend
        if debet_credit(p) == DEBET
        and p["ProductReferentie"]["ReferentieNummer"] not in afgewezen_referentienummers
    }


def mag_credit_sturen(
    debet: Prestatie, goedgekeurd: Collection[str], gecrediteerd: Collection[str] = ()
) -> bool:
    """Whether a credit for ``debet`` may be sent now (IV085, IV091, TR323, OP360/TR390).

    Only for a debet Prestatie that a received 325 approved (its ReferentieNummer is in
    ``goedgekeurd``; a rejected or not yet answered Prestatie is never credited), and only once (its
    ReferentieNummer is not in ``gecrediteerd``, the debets credited before).
    """
    if debet_credit(debet) != DEBET:
        return False
    referentie = debet["ProductReferentie"]["ReferentieNummer"]
    return referentie in goedgekeurd and referentie not in gecrediteerd
