"""Builders for 323 Prestatie dicts used by the calculation tests (not a conftest: plain functions)."""

from datetime import date

from ketenproef.calculations import Prestatie


def maak_prestatie(
    referentienummer: str = "972715",
    *,
    vorig: str | None = None,
    toewijzingnummer: str = "445567",
    categorie: str = "02",
    code: str = "02A16",
    begin: date = date(2025, 10, 6),
    eind: date = date(2025, 10, 31),
    volume: int = 8,
    eenheid: str = "04",
    tarief: int | None = 20000,
    bedrag: int | None = None,
    dc: str = "D",
) -> Prestatie:
    """Default: Geertje's begeleiding prestatie of October 2025 (seed 001, lines 2140-2160)."""
    if bedrag is None:
        bedrag = volume * (tarief or 1)
    return {
        "ProductReferentie": {"ReferentieNummer": referentienummer, "VorigReferentieNummer": vorig},
        "ToewijzingNummer": toewijzingnummer,
        "ProductCategorie": categorie,
        "ProductCode": code,
        "ProductPeriode": {"Begindatum": begin, "Einddatum": eind},
        "GeleverdVolume": volume,
        "Eenheid": eenheid,
        "ProductTarief": tarief,
        "IngediendBedrag": {"Bedrag": bedrag, "DebetCredit": dc},
    }
