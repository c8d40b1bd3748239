"""Regels voor de verzoeken: 315 verzoek om toewijzing, 317 verzoek om wijziging en 319 antwoordbericht."""

from __future__ import annotations

from ketenproef.bericht import Bericht, date, find, text
from ketenproef.rules.registry import advies, gedekt_door, regel

# Verwijzer-typen met een zorgverlenercode (AGB): huisarts, jeugdarts, gecertificeerde instelling, medisch specialist.
TYPE_MET_AGB = frozenset({"02", "03", "04", "05"})
WOONPLAATSBEGINSEL = "8"


# ---------------------------------------------------------------- 315 verzoek om toewijzing

@regel("TR383", berichten=["315"])
def TR383(b: Bericht):
    """Binnen een 315 heeft ieder AangevraagdProduct een eigen ReferentieAanbieder."""
    eerder: dict[str, int] = {}
    for nummer, product in enumerate(b.all("AangevraagdProduct"), 1):
        el = find(product, "ReferentieAanbieder")
        ref = (el.text or "").strip()
        if ref in eerder:
            yield el, (f"ReferentieAanbieder {ref} komt ook voor bij AangevraagdProduct {eerder[ref]}; ieder "
                       f"AangevraagdProduct moet een eigen ReferentieAanbieder hebben (TR383).")
        else:
            eerder[ref] = nummer


@regel("CD043", berichten=["315"])
def CD043(b: Bericht):
    """BeschikkingIngangsdatum is gevuld als BeschikkingNummer gevuld is, en anders leeg."""
    for product in b.all("AangevraagdProduct"):
        nummer, ingang = find(product, "BeschikkingNummer"), find(product, "BeschikkingIngangsdatum")
        if nummer is not None and ingang is None:
            yield nummer, f"BeschikkingNummer {nummer.text} is gevuld, maar BeschikkingIngangsdatum ontbreekt (CD043)."
        elif nummer is None and ingang is not None:
            yield ingang, (f"BeschikkingIngangsdatum {ingang.text} is gevuld zonder BeschikkingNummer; laat de "
                           f"ingangsdatum leeg als er geen beschikkingnummer is (CD043).")


def _verwijzers(b: Bericht):
    """(Verwijzer, Type, Naam-element, ZorgverlenerCode-element) per AangevraagdProduct."""
    for product in b.all("AangevraagdProduct"):
        verwijzer = find(product, "Verwijzer")
        yield verwijzer, text(verwijzer, "Type"), find(verwijzer, "Naam"), find(verwijzer, "ZorgverlenerCode")


@regel("CD066", berichten=["315"])
def CD066(b: Bericht):
    """Bij Verwijzer/Type 02, 03, 04 of 05 met een ZorgverlenerCode blijft Verwijzer/Naam leeg."""
    for _verwijzer, soort, naam, code in _verwijzers(b):
        if soort in TYPE_MET_AGB and code is not None and naam is not None:
            yield naam, (f"Verwijzer type {soort} heeft ZorgverlenerCode {code.text}; dan moet Naam leeg blijven, "
                         f"maar Naam is '{naam.text}' (CD066).")


@regel("CD067", berichten=["315"])
def CD067(b: Bericht):
    """Bij Verwijzer/Type 02, 03, 04 of 05 zonder ZorgverlenerCode is Verwijzer/Naam gevuld."""
    for verwijzer, soort, naam, code in _verwijzers(b):
        if soort in TYPE_MET_AGB and code is None and naam is None:
            yield verwijzer, (f"Verwijzer type {soort} heeft geen ZorgverlenerCode en geen Naam; vul de "
                              f"ZorgverlenerCode of anders de Naam van de verwijzer (CD067).")


@regel("CD068", berichten=["315"])
def CD068(b: Bericht):
    """Bij een Verwijzer/Type anders dan 02, 03, 04 of 05 blijft ZorgverlenerCode leeg."""
    for _verwijzer, soort, _naam, code in _verwijzers(b):
        if soort not in TYPE_MET_AGB and code is not None:
            yield code, (f"Verwijzer type {soort} mag geen ZorgverlenerCode hebben (gevonden: {code.text}); alleen "
                         f"type 02, 03, 04 en 05 hebben een zorgverlenercode (CD068).")


gedekt_door("OP297", ["CD066", "CD067", "CD068"],
            "Of de aanbieder de zorgverlenercode van de verwijzer kent, staat niet in het bericht. Wat wel te "
            "controleren is (type 02-05: ZorgverlenerCode of anders Naam, niet beide; andere typen: geen "
            "ZorgverlenerCode) controleren CD066, CD067 en CD068.")


# ---------------------------------------------------------------- 317 verzoek om wijziging

@regel("TR352", berichten=["317"])
def TR352(b: Bericht):
    """Een Verzoek bevat minstens een OngewijzigdProduct of TeWijzigenProduct."""
    for verzoek in b.all("Verzoek"):
        if find(verzoek, "OngewijzigdeProducten") is None and find(verzoek, "TeWijzigenProducten") is None:
            yield verzoek, ("Het Verzoek bevat geen OngewijzigdProduct en geen TeWijzigenProduct; een verzoek om "
                            "wijziging noemt altijd de lopende toewijzingen van de client (TR352).")


@regel("TR353", berichten=["317"])
def TR353(b: Bericht):
    """Een Verzoek bevat minstens een TeWijzigenProduct of NieuwProduct."""
    for verzoek in b.all("Verzoek"):
        if find(verzoek, "TeWijzigenProducten") is None and find(verzoek, "NieuweProducten") is None:
            yield verzoek, ("Het Verzoek bevat geen TeWijzigenProduct en geen NieuwProduct; er wordt dan niets "
                            "gewijzigd of aangevraagd (TR353).")


@regel("TR380", berichten=["317"])
def TR380(b: Bericht):
    """NieuwProduct/GewensteIngangsdatum ligt na de Dagtekening van het bericht."""
    dagtekening = b.dagtekening
    for product in b.all("NieuwProduct"):
        gewenst = date(product, "GewensteIngangsdatum")
        if gewenst <= dagtekening:
            yield find(product, "GewensteIngangsdatum"), (
                f"GewensteIngangsdatum {gewenst} van het NieuwProduct ligt niet na de Dagtekening {dagtekening} "
                f"van het bericht (TR380).")


# ---------------------------------------------------------------- 319 antwoordbericht

@regel("CD085", berichten=["319"])
def CD085(b: Bericht):
    """Bij VerzoekAntwoord 1 (verzoek afgewezen) is RedenAfwijzingVerzoek gevuld."""
    for antwoord in b.all("Antwoord"):
        if text(antwoord, "VerzoekAntwoord") == "1" and find(antwoord, "RedenAfwijzingVerzoek") is None:
            yield find(antwoord, "VerzoekAntwoord"), ("VerzoekAntwoord is 1 (verzoek afgewezen), maar "
                                                      "RedenAfwijzingVerzoek ontbreekt (CD085).")


@regel("CD086", berichten=["319"])
def CD086(b: Bericht):
    """Bij VerzoekAntwoord 2 (aanvraag in onderzoek) blijft RedenAfwijzingVerzoek leeg."""
    for antwoord in b.all("Antwoord"):
        reden = find(antwoord, "RedenAfwijzingVerzoek")
        if text(antwoord, "VerzoekAntwoord") == "2" and reden is not None:
            yield reden, (f"VerzoekAntwoord is 2 (aanvraag in onderzoek); dan hoort er geen RedenAfwijzingVerzoek "
                          f"bij, maar die is {reden.text} (CD086).")


@regel("TR377", berichten=["319"], standaarden=["iJw"])
def TR377(b: Bericht):
    """Bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) is de berichtklasse Woonplaatsbeginsel aanwezig."""
    for antwoord in b.all("Antwoord"):
        reden = find(antwoord, "RedenAfwijzingVerzoek")
        if reden is not None and reden.text == WOONPLAATSBEGINSEL and find(antwoord, "Woonplaatsbeginsel") is None:
            yield reden, ("RedenAfwijzingVerzoek is 8 (woonplaatsbeginsel), maar de berichtklasse Woonplaatsbeginsel "
                          "met de verantwoordelijke gemeente ontbreekt (TR377).")


@regel("TR409", berichten=["319"], standaarden=["iJw"])
def TR409(b: Bericht):
    """De berichtklasse Woonplaatsbeginsel komt alleen voor bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel). Zoals
    de officiele validatie: alleen beoordeeld als RedenAfwijzingVerzoek gevuld is (zonder reden: ``TR409_advies``)."""
    for _, woonplaats, reden in woonplaatsbeginsel(b):
        if reden is not None and reden != WOONPLAATSBEGINSEL:
            yield woonplaats, (f"Woonplaatsbeginsel (gemeente {text(woonplaats, 'Gemeente')}) is opgenomen, maar "
                               f"RedenAfwijzingVerzoek is {reden}; de klasse mag alleen bij reden 8 "
                               f"(woonplaatsbeginsel) (TR409).")


@advies("TR409", berichten=["319"], standaarden=["iJw"])
def TR409_advies(b: Bericht):
    """De tekst van TR409 ("als RedenAfwijzingVerzoek niet 8 is, is Woonplaatsbeginsel leeg") geldt ook zonder
    reden (bv. VerzoekAntwoord 2, in onderzoek); de officiele validatie keurt dat niet af, dus alleen advies."""
    for antwoord, woonplaats, reden in woonplaatsbeginsel(b):
        if reden is None:
            yield woonplaats, (f"Woonplaatsbeginsel (gemeente {text(woonplaats, 'Gemeente')}) is opgenomen zonder "
                               f"RedenAfwijzingVerzoek (VerzoekAntwoord {text(antwoord, 'VerzoekAntwoord')}); volgens "
                               f"de tekst van TR409 hoort de klasse alleen bij reden 8 (woonplaatsbeginsel). Advies: "
                               f"de officiele validatie keurt dit niet af (TR409).")


def woonplaatsbeginsel(b: Bericht):
    """(Antwoord, Woonplaatsbeginsel, RedenAfwijzingVerzoek of None) voor elk Antwoord met een Woonplaatsbeginsel."""
    for antwoord in b.all("Antwoord"):
        woonplaats = find(antwoord, "Woonplaatsbeginsel")
        if woonplaats is not None:
            yield antwoord, woonplaats, text(antwoord, "RedenAfwijzingVerzoek")
