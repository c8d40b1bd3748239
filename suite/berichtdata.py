"""The heenberichten the ketenpartner sends when it plays the party that acts, as plain data
(``ketenproef.factory``), built from the same trigger data (``sut.acties``) a system under test receives."""

from __future__ import annotations

import copy
import datetime as dt

from ketenproef import fake
from ketenproef.calculations.afronding import ingediend_bedrag, ingediend_bedrag_minuten, minuuttarief
from suite.dossier import Dossier

PREFIX = {"iWmo": "WMO", "iJw": "JW"}
NIEUW, VERWIJDEREN = "1", "3"
GEINITIEERD_DOOR_AANBIEDER = "12"


def naam(standaard: str, nummer: str) -> str:
    return PREFIX[standaard] + nummer


def header(van: str, naar: str, vandaag: dt.date) -> dict:
    return {"Afzender": van, "Ontvanger": naar, "BerichtIdentificatie": {"Dagtekening": vandaag}}


def client_301(client: dict, relatienummers: bool = False) -> dict:
    """The Client of a 301. Relaties go without Nummer (the gemeente's system numbers them, OP071) unless
    ``relatienummers``: then each keeps the number it has in ``client`` (the ketenpartner's own numbering).
    Contactgegevens are one BRP address (Soort 01) from ``Adres`` unless the client has its own
    ``Contactgegevens`` (a list of Contact, as in the 301); ``Communicatie`` goes along when the client has it."""
    data = {k: copy.deepcopy(client[k]) for k in ("Bsn", "Geboortedatum", "Geslacht", "Naam")}
    if client.get("Communicatie"):
        data["Communicatie"] = copy.deepcopy(client["Communicatie"])
    data["Contactgegevens"] = copy.deepcopy(client.get("Contactgegevens")) or [
        {"Soort": "01", "Adres": copy.deepcopy(client["Adres"])}]
    if client.get("Relaties"):
        data["Relaties"] = [{k: copy.deepcopy(v) for k, v in r.items() if relatienummers or k != "Nummer"}
                            for r in client["Relaties"]]
    return data


def client_kort(client: dict) -> dict:
    out = {k: copy.deepcopy(client[k]) for k in ("Bsn", "Geboortedatum", "Geslacht")}
    out["Naam"] = fake.verkorte_naam(client["Naam"])
    return out


def maand(dag) -> dict:
    """The DeclaratiePeriode (one calendar month) around a day."""
    from ketenproef.calculations.perioden import declaratieperiode

    periode = declaratieperiode(_d(dag))
    return {"Begindatum": periode.begindatum, "Einddatum": periode.einddatum}


def _d(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# ------------------------------------------------------------------------------------------ gemeente: 301, 319

def toewijzing_product(product: dict, nummer: int, vandaag: dt.date, tijd: str) -> dict:
    """A ToegewezenProduct from trigger data (Product, Ingangsdatum, Einddatum, Omvang/Budget ...)."""
    out = {"ToewijzingNummer": nummer}
    if product.get("ReferentieAanbieder"):
        out["ReferentieAanbieder"] = product["ReferentieAanbieder"]
    if product.get("Product"):
        out["Product"] = product["Product"]
    out.update({"Toewijzingsdatum": vandaag, "Toewijzingstijd": tijd, "Ingangsdatum": product["Ingangsdatum"]})
    for key in ("Einddatum", "RedenWijziging", "Omvang", "Budget"):
        if product.get(key) is not None:
            out[key] = product[key]
    return out


def actuele(dossier: Dossier, vandaag: dt.date, behalve: set[int] = frozenset()) -> list[dict]:
    """OP087: the toewijzingen still valid on ``vandaag`` (unchanged versions, as last sent, but without the
    ReferentieAanbieder: that only travels in the 301 that honours the verzoek, IV097)."""
    return [{k: v for k, v in p.items() if k != "ReferentieAanbieder"}
            for n, p in sorted(dossier.toegewezen().items())
            if n not in behalve and (p.get("Einddatum") is None or _d(p["Einddatum"]) >= vandaag)
            and p.get("RedenWijziging") != "13"]


def bericht_301(client: dict, producten: list[dict]) -> dict:
    data = {"Client": client_301(client, relatienummers=True)}
    data["Client"]["ToegewezenProducten"] = sorted(producten, key=lambda p: int(p["ToewijzingNummer"]))
    return data


def gewijzigd(product: dict, gegevens: dict, vandaag: dt.date, tijd: str) -> dict:
    """A new version of a ToegewezenProduct (intrekken, oprekken, verwijderen, ander volume)."""
    out = copy.deepcopy(product)
    out.update({"Toewijzingsdatum": vandaag, "Toewijzingstijd": tijd})
    for key in ("Einddatum", "RedenWijziging", "Omvang", "Budget", "ReferentieAanbieder"):
        if gegevens.get(key) is not None:
            out[key] = gegevens[key]
    return out


def bericht_319(gegevens: dict) -> dict:
    antwoord = {"ReferentieAanbieder": gegevens["ReferentieAanbieder"], "VerzoekAntwoord": gegevens["VerzoekAntwoord"]}
    if gegevens.get("RedenAfwijzingVerzoek"):
        antwoord["RedenAfwijzingVerzoek"] = gegevens["RedenAfwijzingVerzoek"]
    if gegevens.get("Woonplaatsbeginsel"):
        antwoord["Woonplaatsbeginsel"] = {"Gemeente": gegevens["Woonplaatsbeginsel"]}
    return {"Antwoord": antwoord}


def honoreer_vot(dossier: Dossier, referentie: str) -> list[dict]:
    """Every AangevraagdProduct of the 315 that carries this ReferentieAanbieder, as toewijzen trigger products
    (IV094: each with its own ReferentieAanbieder)."""
    for r in dossier.berichten("315", heen=True):
        aangevraagd = (r.data or {}).get("Client", {}).get("AangevraagdeProducten", [])
        if any(p["ReferentieAanbieder"] == referentie for p in aangevraagd):
            return [_uit_aanvraag(p) for p in aangevraagd]
    raise LookupError(f"geen verzoek om toewijzing met ReferentieAanbieder {referentie}")


def _uit_aanvraag(p: dict) -> dict:
    out = {"ReferentieAanbieder": p["ReferentieAanbieder"], "Product": p["Product"],
           "Ingangsdatum": p["ToewijzingIngangsdatum"], "Einddatum": p.get("ToewijzingEinddatum")}
    out.update({k: p[k] for k in ("Omvang", "Budget") if k in p})
    return out


def laatste_verzoek(dossier: Dossier) -> str:
    """The ReferentieAanbieder of the latest verzoek (315 or 317) in the conversation."""
    regel = dossier.laatste("315", "317", heen=True)
    if regel is None or regel.data is None:
        raise AssertionError("er is in dit gesprek nog geen verzoek ingediend")
    client = regel.data["Client"]
    if regel.nummer == "317":
        return client["Verzoek"]["ReferentieAanbieder"]
    return client["AangevraagdeProducten"][0]["ReferentieAanbieder"]


def verzoek_317(dossier: Dossier, referentie: str) -> dict:
    for r in dossier.berichten("317", heen=True):
        verzoek = (r.data or {}).get("Client", {}).get("Verzoek", {})
        if verzoek.get("ReferentieAanbieder") == referentie:
            return verzoek
    raise LookupError(f"geen verzoek om wijziging met ReferentieAanbieder {referentie}")


def honoreer_vow(dossier: Dossier, verzoek: dict, vandaag: dt.date, tijd: str, nummer) -> list[dict]:
    """OP344/IV093: the VOW as a whole: unchanged products keep their content (with the VOW's reference),
    an extension is done by oprekken (OP380), another change ends the toewijzing the day before the new
    one starts, and every NieuwProduct becomes a new toewijzing."""
    ref = verzoek["ReferentieAanbieder"]
    huidige = dossier.toegewezen()
    out = []
    for p in verzoek.get("OngewijzigdeProducten", []):
        out.append(gewijzigd(huidige[int(p["ToewijzingNummer"])], {"ReferentieAanbieder": ref}, vandaag, tijd))
    for p in verzoek.get("TeWijzigenProducten", []):
        oud = huidige[int(p["ToewijzingNummer"])]
        if _oprekken(oud, p, vandaag):
            wijziging = {"Einddatum": p.get("Einddatum"), "RedenWijziging": GEINITIEERD_DOOR_AANBIEDER,
                         "ReferentieAanbieder": ref}
            out.append(gewijzigd(oud, wijziging, vandaag, tijd))
            continue
        einde = _d(p["GewensteIngangsdatum"]) - dt.timedelta(days=1)
        out.append(gewijzigd(oud, {"Einddatum": einde, "RedenWijziging": GEINITIEERD_DOOR_AANBIEDER,
                                   "ReferentieAanbieder": ref}, vandaag, tijd))
        nieuw = {"ReferentieAanbieder": ref, "Product": oud["Product"], "Ingangsdatum": p["GewensteIngangsdatum"],
                 "Einddatum": p.get("Einddatum", oud.get("Einddatum")), "Omvang": p.get("Omvang"),
                 "Budget": p.get("Budget")}
        out.append(toewijzing_product(nieuw, nummer(), vandaag, tijd))
    for p in verzoek.get("NieuweProducten", []):
        nieuw = {"ReferentieAanbieder": ref, "Product": p["Product"], "Ingangsdatum": p["GewensteIngangsdatum"],
                 "Einddatum": p.get("Einddatum"), "Omvang": p.get("Omvang"), "Budget": p.get("Budget")}
        out.append(toewijzing_product(nieuw, nummer(), vandaag, tijd))
    return out


def _oprekken(oud: dict, p: dict, vandaag: dt.date) -> bool:
    """OP380: same Omvang (or none asked), frequency not 'totaal', existing Einddatum not passed."""
    omvang = p.get("Omvang")
    zelfde = omvang is None or (str(omvang.get("Volume")) == str(oud.get("Omvang", {}).get("Volume"))
                                and str(omvang.get("Frequentie")) == str(oud.get("Omvang", {}).get("Frequentie")))
    frequentie = str((oud.get("Omvang") or {}).get("Frequentie"))
    einde = oud.get("Einddatum")
    return (zelfde and frequentie != "6" and (einde is None or _d(einde) >= vandaag)
            and _d(p["GewensteIngangsdatum"]) <= _d(oud["Ingangsdatum"]))


# --------------------------------------------------------------------------- aanbieder: 305, 307, 315, 317, 323

def bericht_305(client: dict, toewijzing: dict, begindatum, status: str = NIEUW) -> dict:
    start = {"ToewijzingNummer": toewijzing["ToewijzingNummer"], "Product": toewijzing.get("Product"),
             "ToewijzingIngangsdatum": toewijzing["Ingangsdatum"], "Begindatum": begindatum,
             "StatusAanlevering": status}
    start = {k: v for k, v in start.items() if v is not None}
    return {"Client": {**client_kort(client), "StartProducten": [start]}}


def bericht_307(client: dict, toewijzing: dict, begindatum, reden: str, einddatum, status: str = NIEUW) -> dict:
    stop = {"ToewijzingNummer": toewijzing["ToewijzingNummer"], "Product": toewijzing.get("Product"),
            "ToewijzingIngangsdatum": toewijzing["Ingangsdatum"], "Begindatum": begindatum,
            "RedenBeeindiging": reden, "Einddatum": einddatum, "StatusAanlevering": status}
    stop = {k: v for k, v in stop.items() if v is not None}
    return {"Client": {**client_kort(client), "StopProducten": [stop]}}


def bericht_315(client: dict, producten: list[dict]) -> dict:
    """Every AangevraagdProduct as given in the trigger data (the factory puts the elements in the order of the
    message), with a Verwijzer of Type 01 when none is given."""
    aangevraagd = []
    for p in producten:
        item = {k: copy.deepcopy(v) for k, v in p.items() if v is not None}
        item["Verwijzer"] = p.get("Verwijzer") or {"Type": "01"}
        aangevraagd.append(item)
    return {"Client": {**client_kort(client), "AangevraagdeProducten": aangevraagd}}


def bericht_317(dossier: Dossier, bsn: str, gegevens: dict, vandaag: dt.date) -> dict:
    """TR349: every actual toewijzing not being changed is listed as OngewijzigdProduct."""
    te_wijzigen = gegevens.get("TeWijzigenProducten") or []
    nummers = {int(p["ToewijzingNummer"]) for p in te_wijzigen}
    verzoek = {"ReferentieAanbieder": gegevens["ReferentieAanbieder"],
               "RedenVerzoek": gegevens.get("RedenVerzoek", "1")}
    ongewijzigd = [{"ToewijzingNummer": p["ToewijzingNummer"]} for p in actuele(dossier, vandaag, nummers)]
    if gegevens.get("OngewijzigdeProducten") is not None:
        ongewijzigd = gegevens["OngewijzigdeProducten"]
    if ongewijzigd:
        verzoek["OngewijzigdeProducten"] = ongewijzigd
    if te_wijzigen:
        verzoek["TeWijzigenProducten"] = te_wijzigen
    if gegevens.get("NieuweProducten"):
        verzoek["NieuweProducten"] = gegevens["NieuweProducten"]
    return {"Client": {"Bsn": bsn, "Verzoek": verzoek}}


def prestatie(p: dict, toewijzing: dict) -> dict:
    """A Prestatie from trigger data; the amount follows IV079/IV081 when an Uurtarief is given for minutes."""
    eenheid = str(p["Eenheid"])
    volume = int(p["GeleverdVolume"])
    tarief = p.get("ProductTarief")
    if p.get("Uurtarief") is not None:
        tarief, bedrag = minuuttarief(int(p["Uurtarief"])), ingediend_bedrag_minuten(int(p["Uurtarief"]), volume)
    else:
        # in euro's (83) the amount is the volume; a ProductTarief given anyway goes along as it is (CD087)
        bedrag = ingediend_bedrag(volume, int(tarief) if tarief is not None and eenheid != "83" else None, eenheid)
    out = {"ProductReferentie": {"ReferentieNummer": p["ReferentieNummer"]},
           "ToewijzingNummer": toewijzing["ToewijzingNummer"],
           "ProductCategorie": p.get("ProductCategorie") or (toewijzing.get("Product") or {}).get("Categorie"),
           "ProductCode": p.get("ProductCode") or (toewijzing.get("Product") or {}).get("Code"),
           "ProductPeriode": p["ProductPeriode"], "GeleverdVolume": volume, "Eenheid": eenheid}
    if tarief is not None:
        out["ProductTarief"] = tarief
    out["IngediendBedrag"] = {"Bedrag": p.get("Bedrag", bedrag), "DebetCredit": "D"}
    return out


def credit(debet: dict, nieuw_referentienummer: str) -> dict:
    out = copy.deepcopy(debet)
    out["ProductReferentie"] = {"ReferentieNummer": nieuw_referentienummer,
                                "VorigReferentieNummer": debet["ProductReferentie"]["ReferentieNummer"]}
    out["IngediendBedrag"] = {"Bedrag": debet["IngediendBedrag"]["Bedrag"], "DebetCredit": "C"}
    return out


def bericht_323(bsn: str, nummer: str, periode: dict, vandaag: dt.date, prestaties: list[dict]) -> dict:
    totaal = sum(int(p["IngediendBedrag"]["Bedrag"]) * (1 if p["IngediendBedrag"]["DebetCredit"] == "D" else -1)
                 for p in prestaties)
    return {"Declaratie": {
        "DeclaratieNummer": nummer, "DeclaratiePeriode": periode, "DeclaratieDagtekening": vandaag,
        "TotaalIngediendBedrag": {"TotaalBedrag": abs(totaal), "DebetCredit": "D" if totaal >= 0 else "C"},
        "Clienten": [{"Bsn": bsn, "Prestaties": prestaties}]}}


def prestaties_in(dossier: Dossier) -> dict[str, dict]:
    """Every Prestatie of the 323s of this conversation, by ReferentieNummer."""
    out = {}
    for r in dossier.berichten("323", heen=True):
        for c in (r.data or {}).get("Declaratie", {}).get("Clienten", []):
            for p in c["Prestaties"]:
                out[p["ProductReferentie"]["ReferentieNummer"]] = p
    return out
