"""Steps about declaring (323), the declaratie-antwoord (325) and crediting."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from steps.berichten import _gebeurd
from suite import berichtdata as bd
from suite.handelingen import ANDERE_CATEGORIE, centen, datum

UUR, MINUUT, ETMAAL, EURO = "04", "01", "14", "83"


def _declareer(gesprek, vandaag, maand, *prestaties):
    with gesprek.mag_weigeren():
        return gesprek.declareer(vandaag, maand, list(prestaties))


@given(parsers.parse('de aanbieder heeft over "{maand}" {volume:d} uur gedeclareerd tegen "{tarief}" per uur'))
def gedeclareerd(gesprek, vandaag, maand, volume, tarief):
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=centen(tarief))
    _gebeurd(gesprek, gesprek.declareer(vandaag, maand, [prestatie]))


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert tegen "{tarief}" per uur'),
      target_fixture="uitkomst")
def declareer_uren(gesprek, vandaag, maand, volume, tarief):
    return _declareer(gesprek, vandaag, maand, gesprek.prestatie(maand, volume, ProductTarief=centen(tarief)))


@when(parsers.parse('de aanbieder voor "{code}" over "{maand}" {volume:d} uur declareert tegen "{tarief}" per uur'),
      target_fixture="uitkomst")
def declareer_product(gesprek, vandaag, code, maand, volume, tarief):
    prestatie = gesprek.prestatie(maand, volume, code=code, ProductTarief=centen(tarief))
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} minuten declareert tegen "{tarief}" per uur'),
      target_fixture="uitkomst")
def declareer_minuten(gesprek, vandaag, maand, volume, tarief):
    return _declareer(gesprek, vandaag, maand, gesprek.prestatie(maand, volume, MINUUT, Uurtarief=centen(tarief)))


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} etmalen declareert tegen "{tarief}"'),
      target_fixture="uitkomst")
def declareer_etmalen(gesprek, vandaag, maand, volume, tarief):
    return _declareer(gesprek, vandaag, maand, gesprek.prestatie(maand, volume, ETMAAL, ProductTarief=centen(tarief)))


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert met productperiode "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
def declareer_periode(gesprek, vandaag, maand, volume, begin, eind):
    periode = {"Begindatum": datum(begin), "Einddatum": datum(eind)}
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=5000, ProductPeriode=periode)
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert onder toewijzing {nummer:d}'),
      target_fixture="uitkomst")
def declareer_onbekend(gesprek, vandaag, maand, volume, nummer):
    periode = bd.maand(datum(maand + "-01"))
    prestatie = gesprek.prestatie(maand, volume, nummer=nummer, ProductTarief=5000, ProductPeriode=periode,
                                  ProductCategorie=gesprek.productcode(None)[:2], ProductCode=gesprek.productcode(None))
    return _declareer(gesprek, vandaag, maand, prestatie)


def _in_euro(gesprek, maand, code, bedrag) -> dict:
    """A prestatie in euro (Eenheid 83) under the toewijzing of ``code``. Without a ProductCode in the toewijzing the
    prestatie names code A01 of its category (aspecific toewijzing), without any Product the standard product."""
    t = gesprek.toewijzing(gesprek.productcode(code))
    product = t.get("Product") or {}
    declareer_als = product.get("Code") or (f"{product['Categorie']}A01" if product else gesprek.productcode(None))
    return gesprek.prestatie(maand, centen(bedrag), EURO, nummer=int(t["ToewijzingNummer"]),
                             ProductCategorie=declareer_als[:2], ProductCode=declareer_als)


@given(parsers.parse('de aanbieder heeft voor "{code}" over "{maand}" "{bedrag}" euro gedeclareerd'))
def in_euro_gedeclareerd(gesprek, vandaag, code, maand, bedrag):
    _gebeurd(gesprek, gesprek.declareer(vandaag, maand, [_in_euro(gesprek, maand, code, bedrag)]))


@when(parsers.parse('de aanbieder voor "{code}" over "{maand}" "{bedrag}" euro declareert'), target_fixture="uitkomst")
def in_euro(gesprek, vandaag, code, maand, bedrag):
    return _declareer(gesprek, vandaag, maand, _in_euro(gesprek, maand, code, bedrag))


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert onder de toewijzing van de andere client'),
      target_fixture="uitkomst")
def declareer_andere_client(gesprek, vandaag, andere, maand, volume):
    """TR304: the prestatie is declared for this client under a toewijzing of another client."""
    nummer = andere.nummer()
    prestatie = gesprek.prestatie(maand, volume, nummer=nummer, ProductTarief=5000,
                                  ProductPeriode=andere.productperiode(maand, nummer),
                                  ProductCategorie=gesprek.productcode(None)[:2], ProductCode=gesprek.productcode(None))
    return _declareer(gesprek, vandaag, maand, prestatie)


def andere_code(code: str) -> str:
    return f"{code[:-2]}{(int(code[-2:]) + 1) % 100:02d}"


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert met een andere productcode'),
      target_fixture="uitkomst")
def declareer_andere_code(gesprek, vandaag, maand, volume):
    return _declareer(gesprek, vandaag, maand, _met_andere_code(gesprek, maand, volume))


def _met_andere_code(gesprek, maand, volume) -> dict:
    """A prestatie under the standard toewijzing, declared with another code of its category (TR340)."""
    code = andere_code(gesprek.productcode(None))
    return gesprek.prestatie(maand, volume, ProductTarief=5000, ProductCategorie=code[:2], ProductCode=code)


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert met een productcode van een andere '
                    'categorie'), target_fixture="uitkomst")
def declareer_andere_categorie(gesprek, vandaag, maand, volume):
    categorie, code = ANDERE_CATEGORIE[gesprek.standaard]
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=5000, ProductCategorie=categorie, ProductCode=code)
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de ketenpartner over "{maand}" {volume:d} uur declareert tegen "{tarief}" per uur met een '
                    'IngediendBedrag van "{bedrag}"'), target_fixture="uitkomst")
def declareer_verkeerd_bedrag(gesprek, vandaag, maand, volume, tarief, bedrag):
    """TR346: the amount is not GeleverdVolume x ProductTarief (only the ketenpartner sends such a prestatie: a
    system under test is asked for volume and tariff, and computes the amount itself)."""
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=centen(tarief), Bedrag=centen(bedrag))
    return gesprek.declareer(vandaag, maand, [prestatie])


@given(parsers.parse('de ketenpartner heeft over "{maand}" {volume:d} uur gedeclareerd met een andere productcode, '
                     'wat de gemeente afkeurde'))
def afgekeurd_gedeclareerd(gesprek, vandaag, maand, volume):
    from suite import oordeel

    uitkomst = gesprek.declareer(vandaag, maand, [_met_andere_code(gesprek, maand, volume)])
    uitkomst.historie = True
    oordeel.afgekeurd_met(gesprek, uitkomst, "9340", "Prestatie")


@when("de ketenpartner die afgekeurde prestatie crediteert", target_fixture="uitkomst")
def afgekeurde_crediteren(gesprek, vandaag):
    return gesprek.crediteer(vandaag, _prestaties(gesprek)[-1]["ProductReferentie"]["ReferentieNummer"])


@given(parsers.parse('de ketenpartner heeft over "{maand}" {volume:d} uur gedeclareerd tegen "{tarief}" per uur en de '
                     'gemeente heeft haar post nog niet gelezen'), target_fixture="declaratie")
def gedeclareerd_post_ligt(gesprek, vandaag, maand, volume, tarief):
    """OP090x4: the 323 waits in the gemeente system's mailbox until a later step reads it."""
    with gesprek.post_blijft_liggen():
        return gesprek.declareer(vandaag, maand, [gesprek.prestatie(maand, volume, ProductTarief=centen(tarief))])


@when("de gemeente haar post leest", target_fixture="uitkomst")
def post_lezen(gesprek, vandaag, declaratie):
    """The mailbox is read now; the outcome judged is the 323 that waited (its answer came just now)."""
    gesprek.postbus(vandaag)
    return declaratie


@then(parsers.parse("is het declaratie-antwoord volgens de ketenpartner {oordeel_} gegeven"))
def declaratie_antwoordtermijn(gesprek, uitkomst, oordeel_):
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    antwoorden = [r for r in gesprek.dossier().retour_op(heen) if r.nummer == "325"]
    assert antwoorden, f"geen declaratie-antwoord op {oordeel.beschrijf(heen)}"
    oordeel.termijn(antwoorden[0], "OP090x4", oordeel_, "het declaratie-antwoord")


def _prestaties(gesprek) -> list[dict]:
    return list(bd.prestaties_in(gesprek.dossier()).values())


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert met het referentienummer van de vorige '
                    'prestatie'), target_fixture="uitkomst")
def declareer_zelfde_referentie(gesprek, vandaag, maand, volume):
    referentie = _prestaties(gesprek)[-1]["ProductReferentie"]["ReferentieNummer"]
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=5000, ReferentieNummer=referentie)
    return _declareer(gesprek, vandaag, maand, prestatie)


@given("de aanbieder heeft de vorige prestatie gecrediteerd")
def gecrediteerd(gesprek, vandaag):
    referentie = _prestaties(gesprek)[-1]["ProductReferentie"]["ReferentieNummer"]
    _gebeurd(gesprek, gesprek.crediteer(vandaag, referentie))


@when("de aanbieder de vorige prestatie crediteert", target_fixture="uitkomst")
@when("de aanbieder de eerste prestatie nog een keer crediteert", target_fixture="uitkomst")
def crediteren(gesprek, vandaag):
    debet = [p for p in _prestaties(gesprek) if p["IngediendBedrag"]["DebetCredit"] == "D"]
    with gesprek.mag_weigeren():
        return gesprek.crediteer(vandaag, debet[0]["ProductReferentie"]["ReferentieNummer"])


@when(parsers.parse('de ketenpartner over "{maand}" twee prestaties declareert waarvan een met een verkeerde '
                    'productcode'), target_fixture="uitkomst")
def twee_prestaties(gesprek, vandaag, maand):
    goed = gesprek.prestatie(maand, 8, ProductTarief=5000)
    code = andere_code(gesprek.productcode("ander"))
    fout = gesprek.prestatie(maand, 8, code="ander", ProductTarief=5000, ProductCategorie=code[:2], ProductCode=code)
    return gesprek.declareer(vandaag, maand, [goed, fout])


# --------------------------------------------------------------------------------------------------- checks
def _antwoord(gesprek, uitkomst) -> dict:
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    retouren = [r for r in gesprek.dossier().retour_op(heen) if r.nummer == "325"]
    assert retouren and retouren[0].data, f"geen declaratie-antwoord (325) op {heen.naam}"
    return retouren[0].data


@then("is de declaratie volledig toegewezen")
def volledig(gesprek, uitkomst):
    antwoord = _antwoord(gesprek, uitkomst)["DeclaratieAntwoord"]
    codes = antwoord["RetourCodes"]["RetourCode"]
    assert "8001" in codes and not antwoord.get("Clienten"), f"declaratie-antwoord: {antwoord}"


@then(parsers.parse('bevat het declaratie-antwoord alleen de afgekeurde prestatie, met retourcode "{code}"'))
def alleen_afgekeurd(gesprek, uitkomst, code):
    antwoord = _antwoord(gesprek, uitkomst)["DeclaratieAntwoord"]
    prestaties = [p for c in antwoord.get("Clienten", []) for p in c["Prestaties"]]
    assert len(prestaties) == 1, f"verwacht een afgekeurde prestatie in de 325, gevonden {len(prestaties)}"
    assert code in prestaties[0]["RetourCodes"]["RetourCode"], f"retourcodes: {prestaties[0]['RetourCodes']}"


@then(parsers.parse('bevat het declaratie-antwoord alleen de afgekeurde prestatie, met precies retourcode "{code}"'))
def precies_afgekeurd(gesprek, uitkomst, code):
    antwoord = _antwoord(gesprek, uitkomst)["DeclaratieAntwoord"]
    prestaties = [p for c in antwoord.get("Clienten", []) for p in c["Prestaties"]]
    assert len(prestaties) == 1, f"verwacht een afgekeurde prestatie in de 325, gevonden {len(prestaties)}"
    assert prestaties[0]["RetourCodes"]["RetourCode"] == [code], f"retourcodes: {prestaties[0]['RetourCodes']}"


def _laatste_prestatie(gesprek) -> dict:
    return _prestaties(gesprek)[-1]


@then(parsers.parse('is de productperiode "{begin}" tot "{eind}"'))
def productperiode(gesprek, begin, eind):
    pp = _laatste_prestatie(gesprek)["ProductPeriode"]
    assert (str(pp["Begindatum"]), str(pp["Einddatum"])) == (begin, eind), f"productperiode {pp}"


@then(parsers.parse('is het ingediende bedrag "{bedrag}" met producttarief "{tarief}"'))
def bedrag(gesprek, bedrag, tarief):
    p = _laatste_prestatie(gesprek)
    gevonden = (int(p["IngediendBedrag"]["Bedrag"]), int(p.get("ProductTarief") or 0))
    assert gevonden == (centen(bedrag), centen(tarief)), f"ingediend bedrag en tarief (centen): {gevonden}"


@when(parsers.parse('de aanbieder over "{maand}" declareert:'), target_fixture="uitkomst")
def declareer_tabel(gesprek, vandaag, maand, datatable):
    kop, *rijen = datatable
    prestaties = []
    for r in (dict(zip(kop, rij, strict=True)) for rij in rijen):
        periode = {"Begindatum": datum(r["begin"]), "Einddatum": datum(r["eind"])}
        prestaties.append(gesprek.prestatie(maand, int(r["volume"]), r["eenheid"], code=r["product"],
                                            ProductTarief=centen(r["tarief"]), ProductPeriode=periode))
    return _declareer(gesprek, vandaag, maand, *prestaties)


@when(parsers.parse('de aanbieder voor "{code}" over "{maand}" {volume:d} minuten declareert tegen "{tarief}" per uur'),
      target_fixture="uitkomst")
def declareer_product_minuten(gesprek, vandaag, code, maand, volume, tarief):
    prestatie = gesprek.prestatie(maand, volume, MINUUT, code=code, Uurtarief=centen(tarief))
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de ketenpartner over "{maand}" {volume:d} uur declareert met het declaratienummer van de vorige '
                    'declaratie'), target_fixture="uitkomst")
def declareer_zelfde_nummer(gesprek, vandaag, maand, volume):
    vorige = gesprek.dossier().laatste("323", heen=True).data["Declaratie"]["DeclaratieNummer"]
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=5000)
    return gesprek.declareer(vandaag, maand, [prestatie], DeclaratieNummer=vorige)


@given(parsers.parse('de aanbieder heeft voor het andere product over "{maand}" {volume:d} uur gedeclareerd tegen '
                     '"{tarief}" per uur'))
def ander_gedeclareerd(gesprek, vandaag, maand, volume, tarief):
    prestatie = gesprek.prestatie(maand, volume, code="ander", ProductTarief=centen(tarief))
    _gebeurd(gesprek, gesprek.declareer(vandaag, maand, [prestatie]))


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert met declaratieperiode "{begin}" tot '
                    '"{eind}"'), target_fixture="uitkomst")
def declareer_declaratieperiode(gesprek, vandaag, maand, volume, begin, eind):
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=5000)
    with gesprek.mag_weigeren():
        return gesprek.declareer(vandaag, maand, [prestatie],
                                 DeclaratiePeriode={"Begindatum": datum(begin), "Einddatum": datum(eind)})


@then("verwijst het declaratie-antwoord naar de declaratie met haar BerichtIdentificatie en DeclaratieNummer")
def verwijst_naar_declaratie(gesprek, uitkomst):
    """TR337 and TR376: DeclaratieIdentificatie is the 323's BerichtIdentificatie, DeclaratieNummer its
    DeclaratieNummer."""
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    antwoord = _antwoord(gesprek, uitkomst)
    verwacht = (heen.data["Header"]["BerichtIdentificatie"]["Identificatie"],
                heen.data["Declaratie"]["DeclaratieNummer"])
    gevonden = (antwoord["Header"]["DeclaratieIdentificatie"]["Identificatie"],
                antwoord["DeclaratieAntwoord"]["DeclaratieNummer"])
    assert gevonden == verwacht, (f"het declaratie-antwoord noemt DeclaratieIdentificatie en DeclaratieNummer "
                                  f"{gevonden}, de declaratie heeft {verwacht} (TR337, TR376)")


@when(parsers.parse('de aanbieder voor "{code}" over "{maand}" "{bedrag}" euro declareert met een producttarief van '
                    '"{tarief}"'), target_fixture="uitkomst")
def in_euro_met_tarief(gesprek, vandaag, code, maand, bedrag, tarief):
    prestatie = {**_in_euro(gesprek, maand, code, bedrag), "ProductTarief": centen(tarief)}
    return _declareer(gesprek, vandaag, maand, prestatie)


# --------------------------------------------------------------------------------------------------- crediting and
# declaratie numbers, the aanbieder as sender (CD060, CS325, IV091, TR315, TR323, TR333)
@given(parsers.parse('alleen de gemeente heeft voor het product een contracttarief van "{tarief}" per uur vastgelegd'))
def contracttarief_alleen_gemeente(gesprek, ketenpartner, request, tarief):
    """The gemeente (the ketenpartner) judges ProductTarief against a contract tariff the aanbieder does not know
    (TR418, 0611): so a prestatie the aanbieder sends in good faith is rejected. The contract is the ketenpartner's
    for the session; after the scenario it is as before."""
    voor = ketenpartner.contract()
    nieuw = {"gemeente": gesprek.partijen.gemeente, "aanbieder": gesprek.partijen.aanbieder,
             "ProductCode": gesprek.productcode(None), "Eenheid": UUR, "tarief": centen(tarief)}
    ketenpartner.set_contract({**voor, "tarieven": [*(voor.get("tarieven") or []), nieuw]})
    request.addfinalizer(lambda: ketenpartner.set_contract(voor))


@given(parsers.parse('de aanbieder heeft over "{maand}" {volume:d} uur gedeclareerd tegen "{tarief}" per uur, wat de '
                     'gemeente afkeurde met "{code}"'))
def gedeclareerd_en_afgekeurd(gesprek, vandaag, maand, volume, tarief, code):
    from suite import oordeel

    uitkomst = gesprek.declareer(vandaag, maand, [gesprek.prestatie(maand, volume, ProductTarief=centen(tarief))])
    uitkomst.historie = True
    oordeel.afgekeurd_met(gesprek, uitkomst, code, "Prestatie")


@given(parsers.parse('de aanbieder heeft over "{maand}" {volume:d} minuten gedeclareerd tegen "{tarief}" per uur'))
def minuten_gedeclareerd(gesprek, vandaag, maand, volume, tarief):
    prestatie = gesprek.prestatie(maand, volume, MINUUT, Uurtarief=centen(tarief))
    _gebeurd(gesprek, gesprek.declareer(vandaag, maand, [prestatie]))


def _totaal(gesprek, uitkomst):
    """The system's last 323 of this action and its TotaalIngediendBedrag as (cents, DebetCredit)."""
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    totaal = heen.data["Declaratie"]["TotaalIngediendBedrag"]
    return heen, (int(totaal["TotaalBedrag"]), totaal["DebetCredit"])


def _debetten(gesprek) -> list[dict]:
    return [p for p in _prestaties(gesprek) if p["IngediendBedrag"]["DebetCredit"] == "D"]


@when("de aanbieder de vorige prestatie twee keer in hetzelfde bericht crediteert", target_fixture="uitkomst")
def twee_keer_crediteren(gesprek, vandaag):
    """TR315: the trigger names the same debet twice; a correct aanbieder refuses, it credits a debet once."""
    referentie = _debetten(gesprek)[-1]["ProductReferentie"]["ReferentieNummer"]
    credits = [{"ReferentieNummer": referentie, "NieuwReferentieNummer": gesprek.referentie("C")[-20:]}
               for _ in range(2)]
    with gesprek.mag_weigeren():
        return gesprek.doe("crediteer", {"standaard": gesprek.standaard, "credits": credits}, vandaag)


@when(parsers.parse('de aanbieder de vorige prestatie crediteert en in hetzelfde bericht {volume:d} uur declareert '
                    'tegen "{tarief}" per uur'), target_fixture="uitkomst")
def crediteren_en_opnieuw(gesprek, vandaag, volume, tarief):
    """IV086: the credit and the corrected debet in one 323 (the credit counts first, OP366)."""
    debet = _debetten(gesprek)[-1]
    maand = str(debet["ProductPeriode"]["Begindatum"])[:7]
    gegevens = {"standaard": gesprek.standaard,
                "credits": [{"ReferentieNummer": debet["ProductReferentie"]["ReferentieNummer"],
                             "NieuwReferentieNummer": gesprek.referentie("C")[-20:]}],
                "prestaties": [gesprek.prestatie(maand, volume, ProductTarief=centen(tarief))]}
    with gesprek.mag_weigeren():
        return gesprek.doe("crediteer", gegevens, vandaag)


@then(parsers.parse('is het TotaalIngediendBedrag "{bedrag}" met DebetCredit "{dc}"'))
def totaal_ingediend(gesprek, uitkomst, bedrag, dc):
    from suite import oordeel

    heen, gevonden = _totaal(gesprek, uitkomst)
    assert gevonden == (centen(bedrag), dc), (
        f"TotaalIngediendBedrag van {oordeel.beschrijf(heen)} is {gevonden[0]} cent met DebetCredit {gevonden[1]}, "
        f"verwacht {centen(bedrag)} cent met {dc} (een saldo van 0 is debet, CS325)")


@then("is elke creditprestatie een kopie van haar debetprestatie, op ReferentieNummer, VorigReferentieNummer en "
      "DebetCredit na")
def credit_is_kopie(gesprek, uitkomst):
    """IV091 (advice, no retourcode): the credit equals the debet it credits except ProductReferentie and DebetCredit
    C; the IngediendBedrag is copied, not computed again."""
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    alle = bd.prestaties_in(gesprek.dossier())
    credits = [p for c in heen.data["Declaratie"]["Clienten"] for p in c["Prestaties"]
               if p["IngediendBedrag"]["DebetCredit"] == "C"]
    assert credits, f"{oordeel.beschrijf(heen)} bevat geen creditprestatie"
    for credit in credits:
        vorig = credit["ProductReferentie"].get("VorigReferentieNummer")
        debet = alle.get(vorig)
        assert debet is not None, (f"creditprestatie {credit['ProductReferentie']['ReferentieNummer']} verwijst met "
                                   f"VorigReferentieNummer {vorig} niet naar een debetprestatie in dit gesprek")
        zonder = ("ProductReferentie", "IngediendBedrag")
        verschil = sorted({k for k in set(credit) | set(debet) if k not in zonder and credit.get(k) != debet.get(k)}
                          | ({"IngediendBedrag/Bedrag"} if int(credit["IngediendBedrag"]["Bedrag"]) !=
                             int(debet["IngediendBedrag"]["Bedrag"]) else set()))
        assert not verschil, (
            f"creditprestatie {credit['ProductReferentie']['ReferentieNummer']} wijkt af van debetprestatie {vorig} in "
            + ", ".join(f"{k} ({_waarde(credit, k)} in plaats van {_waarde(debet, k)})" for k in verschil)
            + "; een credit is een kopie van de debet, op ReferentieNummer, VorigReferentieNummer en DebetCredit na "
              "(IV091)")
        assert credit["ProductReferentie"]["ReferentieNummer"] != vorig, (
            f"creditprestatie heeft hetzelfde ReferentieNummer {vorig} als de debet; een credit krijgt een nieuw "
            f"ReferentieNummer (IV091)")


def _waarde(prestatie: dict, pad: str):
    waarde = prestatie
    for deel in pad.split("/"):
        waarde = (waarde or {}).get(deel)
    return waarde


# --------------------------------------------------------------------------------------------------- calculations
# (IV079 hours from minutes, IV089 the ProductPeriode, IV090 late declaring, TR358 the total, CS339 euro's, TR339)
def _minuten(tekst: str) -> list[int]:
    """ "100, 100, 100 en 100" -> [100, 100, 100, 100]."""
    return [int(m) for m in tekst.replace(" en ", ",").split(",") if m.strip()]


@when(parsers.parse('de aanbieder over "{maand}" zorg van {minuten} minuten in uren declareert tegen "{tarief}" per '
                    'uur'), target_fixture="uitkomst")
def declareer_minuten_in_uren(gesprek, vandaag, maand, minuten, tarief):
    """IV079: the system gets the minutes of each delivery and declares whole hours (GeleverdeMinuten)."""
    prestatie = gesprek.prestatie(maand, None, UUR, ProductTarief=centen(tarief), GeleverdeMinuten=_minuten(minuten))
    del prestatie["GeleverdVolume"]
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de aanbieder over "{maand}" {volume:d} uur declareert tegen "{tarief}" per uur en zelf de '
                    'productperiode bepaalt'), target_fixture="uitkomst")
def declareer_zonder_productperiode(gesprek, vandaag, maand, volume, tarief):
    """IV089: no ProductPeriode in the trigger; the system takes the part of the month within the toewijzing."""
    prestatie = gesprek.prestatie(maand, volume, ProductTarief=centen(tarief))
    del prestatie["ProductPeriode"]
    return _declareer(gesprek, vandaag, maand, prestatie)


@when(parsers.parse('de aanbieder voor "{code}" over "{maand}" "{bedrag}" euro declareert met de productcode van een '
                    'andere categorie'), target_fixture="uitkomst")
def in_euro_andere_categorie(gesprek, vandaag, code, maand, bedrag):
    """TR339: under a toewijzing of one ProductCategorie (without ProductCode) a product of another category."""
    ander = gesprek.productcode("standaard")
    prestatie = {**_in_euro(gesprek, maand, code, bedrag), "ProductCategorie": ander[:2], "ProductCode": ander}
    assert ander[:2] != (gesprek.toewijzing(gesprek.productcode(code)).get("Product") or {}).get("Categorie")
    return _declareer(gesprek, vandaag, maand, prestatie)


@then(parsers.parse('is het geleverde volume {uren:d} uur en het ingediende bedrag "{bedrag}"'))
def volume_en_bedrag(gesprek, uren, bedrag):
    p = _laatste_prestatie(gesprek)
    gevonden = (int(p["GeleverdVolume"]), p["Eenheid"], int(p["IngediendBedrag"]["Bedrag"]))
    assert gevonden == (uren, UUR, centen(bedrag)), (
        f"GeleverdVolume, Eenheid en IngediendBedrag (centen) zijn {gevonden}, verwacht ({uren}, '{UUR}', "
        f"{centen(bedrag)}): IV079 telt eerst de minuten op en rondt dan af op hele uren, minimaal 1 uur; IV076 telt "
        "een levering in de maand van haar leverdatum")


@then(parsers.parse('is het ingediende bedrag "{bedrag}"'))
def alleen_bedrag(gesprek, bedrag):
    p = _laatste_prestatie(gesprek)
    gevonden = int(p["IngediendBedrag"]["Bedrag"])
    assert gevonden == centen(bedrag), (f"IngediendBedrag is {gevonden} cent, verwacht {centen(bedrag)} "
                                        f"(GeleverdVolume {p['GeleverdVolume']}, Eenheid {p['Eenheid']})")


@then(parsers.parse('is het totaal ingediende bedrag "{bedrag}"'))
def totaal_bedrag(gesprek, uitkomst, bedrag):

    heen, gevonden = _totaal(gesprek, uitkomst)
    som = sum(int(p["IngediendBedrag"]["Bedrag"]) for c in heen.data["Declaratie"]["Clienten"]
              for p in c["Prestaties"])
    assert gevonden == (centen(bedrag), "D"), (f"TotaalIngediendBedrag is {gevonden}, verwacht ({centen(bedrag)}, 'D'):"
                                               f" de som van de ingediende bedragen ({som} cent, TR358)")


@then(parsers.parse('is de declaratieperiode "{begin}" tot "{eind}"'))
def declaratieperiode_is(gesprek, uitkomst, begin, eind):
    from suite import oordeel

    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    dp = heen.data["Declaratie"]["DeclaratiePeriode"]
    assert (str(dp["Begindatum"]), str(dp["Einddatum"])) == (begin, eind), (
        f"DeclaratiePeriode {dp['Begindatum']} - {dp['Einddatum']}, verwacht {begin} - {eind}: te laat gedeclareerde "
        "zorg gaat mee in de gevraagde declaratieperiode, niet in de maand van de zorg (IV090)")


@given(parsers.parse('de gemeente heeft vandaag een toewijzing voor het andere product afgegeven die loopt vanaf '
                     '"{begin}" tot "{eind}"'))
def toewijzing_met_terugwerkende_kracht(gesprek, vandaag, begin, eind):
    """A toewijzing given today for a period that began long ago (the Toewijzingsdatum is today)."""
    _gebeurd(gesprek, gesprek.toewijzing_afgeven(vandaag, "ander", begin, eind))


@when(parsers.parse('de aanbieder over "{maand}" de leveringen {leveringen} declareert tegen "{tarief}" per uur'),
      target_fixture="uitkomst")
def declareer_leveringen(gesprek, vandaag, maand, leveringen, tarief):
    """IV076: the system gets the deliveries with their dates ("2 uur op 2025-10-20, ... en 2 uur op 2025-11-03") and
    declares for the month the volume of those that count in it."""
    import re

    gevonden = re.findall(r"(\d+) uur op (\d{4}-\d{2}-\d{2})", leveringen)
    assert gevonden, f"geen leveringen in '{leveringen}' (schrijf: 2 uur op 2025-10-20, 2 uur op 2025-10-30)"
    prestatie = gesprek.prestatie(maand, None, UUR, ProductTarief=centen(tarief),
                                  Leveringen=[{"Datum": datum(d), "Volume": int(v)} for v, d in gevonden])
    del prestatie["GeleverdVolume"]
    return _declareer(gesprek, vandaag, maand, prestatie)
