"""Steps about verzoeken (315, 317) and their answers (319, or a 301 that honours them)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from steps.berichten import _gebeurd
from suite.handelingen import centen, datum, omvang, product

AFGEWEZEN, IN_ONDERZOEK, WOONPLAATSBEGINSEL = "1", "2", "8"


# ---------------------------------------------------------------------------------------- verzoek om toewijzing
@given(parsers.parse('de aanbieder heeft een verzoek om toewijzing ingediend vanaf "{begin}" tot "{eind}"'))
def vot_ingediend(gesprek, vandaag, begin, eind):
    _gebeurd(gesprek, gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag(None, begin, eind)]))


@given(parsers.parse('de aanbieder heeft een verzoek om toewijzing ingediend voor een ander product vanaf "{begin}" '
                     'tot "{eind}"'))
def vot_ander_ingediend(gesprek, vandaag, begin, eind):
    _gebeurd(gesprek, gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag("ander", begin, eind)]))


@when(parsers.parse('de aanbieder een verzoek om toewijzing indient vanaf "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
@when(parsers.parse('de aanbieder nog een verzoek om toewijzing indient vanaf "{begin}" tot "{eind}"'),
      target_fixture="uitkomst")
def vot(gesprek, vandaag, begin, eind):
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag(None, begin, eind)])


@when(parsers.parse('de aanbieder een verzoek om toewijzing indient voor een ander product vanaf "{begin}" tot '
                    '"{eind}"'), target_fixture="uitkomst")
def vot_ander(gesprek, vandaag, begin, eind):
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag("ander", begin, eind)])


@when("de aanbieder een verzoek om toewijzing indient voor de producten:", target_fixture="uitkomst")
def vot_tabel(gesprek, vandaag, datatable):
    kop, *rijen = datatable
    producten = [gesprek.aanvraag(None if r["product"] == "standaard" else r["product"], r["ingangsdatum"],
                                  r["einddatum"]) for r in (dict(zip(kop, rij, strict=True)) for rij in rijen)]
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, producten)


@when("de aanbieder een nieuw verzoek om toewijzing indient met dezelfde ReferentieAanbieder",
      target_fixture="uitkomst")
def vot_zelfde_referentie(gesprek, vandaag):
    referentie = gesprek.laatste_verzoek()
    aanvraag = gesprek.aanvraag("ander", "2026-03-01", "2026-07-31", ReferentieAanbieder=referentie)
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [aanvraag])


# ---------------------------------------------------------------------------------------------- antwoorden
@given("de gemeente heeft het verzoek gehonoreerd")
def gehonoreerd(gesprek, vandaag):
    _gebeurd(gesprek, gesprek.honoreer(vandaag, gesprek.laatste_verzoek()))


@when("de gemeente het verzoek honoreert", target_fixture="uitkomst")
def honoreren(gesprek, vandaag):
    with gesprek.mag_weigeren():
        return gesprek.honoreer(vandaag, gesprek.laatste_verzoek())


@given(parsers.parse('de gemeente heeft het verzoek afgewezen met reden "{reden}"'))
def afgewezen(gesprek, vandaag, reden):
    _gebeurd(gesprek, gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), AFGEWEZEN, reden))


@when(parsers.parse('de gemeente het verzoek afwijst met reden "{reden}"'), target_fixture="uitkomst")
def afwijzen(gesprek, vandaag, reden):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), AFGEWEZEN, reden)


@when(parsers.parse('de gemeente het verzoek "{referentie}" afwijst met reden "{reden}"'), target_fixture="uitkomst")
def afwijzen_referentie(gesprek, vandaag, referentie, reden):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, referentie, AFGEWEZEN, reden)


@given("de gemeente heeft gemeld dat het verzoek in onderzoek is")
def in_onderzoek_gemeld(gesprek, vandaag):
    _gebeurd(gesprek, gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), IN_ONDERZOEK))


@when("de gemeente meldt dat het verzoek in onderzoek is", target_fixture="uitkomst")
@when("de gemeente nog een keer meldt dat het verzoek in onderzoek is", target_fixture="uitkomst")
def in_onderzoek(gesprek, vandaag):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), IN_ONDERZOEK)


@when(parsers.parse('de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel, verantwoordelijk is '
                    'gemeente "{gemeente}"'), target_fixture="uitkomst")
def woonplaatsbeginsel(gesprek, vandaag, gemeente):
    """A gemeentecode outside the CBS indeling (TR378) makes a correct gemeente refuse the opdracht."""
    referentie = gesprek.laatste_verzoek()
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, referentie, AFGEWEZEN, WOONPLAATSBEGINSEL, gemeente)


@then("neemt de toewijzing de ReferentieAanbieder van het verzoek over")
def referentie_overgenomen(gesprek):
    dossier = gesprek.dossier()
    referentie = gesprek.laatste_verzoek()
    laatste = dossier.laatste("301", heen=True).data["Client"]["ToegewezenProducten"]
    assert any(p.get("ReferentieAanbieder") == referentie for p in laatste), \
        f"geen toegewezen product met ReferentieAanbieder {referentie}: {laatste}"


@then(parsers.parse('noemt het antwoordbericht gemeente "{gemeente}" als verantwoordelijke gemeente'))
def verantwoordelijke_gemeente(gesprek, gemeente):
    antwoord = gesprek.dossier().laatste("319", heen=True).data["Antwoord"]
    gevonden = (antwoord.get("Woonplaatsbeginsel") or {}).get("Gemeente")
    assert gevonden == gemeente, f"verantwoordelijke gemeente in de 319: {gevonden}, verwacht {gemeente}"


@given(parsers.parse('de aanbieder heeft een verzoek om wijziging ingediend dat de einddatum verschuift naar "{dag}"'))
def vow_verlenging_ingediend(gesprek, vandaag, dag):
    toewijzing = gesprek.toewijzing()
    wijziging = {"ToewijzingNummer": toewijzing["ToewijzingNummer"], "GewensteIngangsdatum": toewijzing["Ingangsdatum"],
                 "Einddatum": datum(dag), "Omvang": toewijzing["Omvang"]}
    _gebeurd(gesprek, gesprek.verzoek_om_wijziging(vandaag, [wijziging]))


# --------------------------------------------------------------------------------------- verzoek om wijziging
def _te_wijzigen(gesprek, rij: dict) -> dict:
    """A TeWijzigenProduct from a table row: product, gewenste ingangsdatum, einddatum, and volume (the Omvang of
    the toewijzing with another Volume; a toewijzing without Omvang gets 'volume' uur per week) or budget (euro)."""
    t = gesprek.toewijzing(gesprek.productcode(rij["product"]))
    p = {"ToewijzingNummer": t["ToewijzingNummer"], "GewensteIngangsdatum": datum(rij["gewenste ingangsdatum"]),
         "Einddatum": datum(rij["einddatum"])}
    if rij.get("volume"):
        p["Omvang"] = {**(t.get("Omvang") or omvang(eenheid="04", frequentie="2")), "Volume": int(rij["volume"])}
    if rij.get("budget"):
        p["Budget"] = centen(rij["budget"])
    return p


@when("de aanbieder een verzoek om wijziging indient:", target_fixture="uitkomst")
def vow(gesprek, vandaag, datatable):
    kop, *rijen = datatable
    wijzigingen = [_te_wijzigen(gesprek, dict(zip(kop, r, strict=True))) for r in rijen]
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, wijzigingen)


@when("de ketenpartner een verzoek om wijziging stuurt zonder de ongewijzigde toewijzing", target_fixture="uitkomst")
def vow_onvolledig(gesprek, vandaag):
    rij = {"product": "standaard", "gewenste ingangsdatum": "2025-10-06", "einddatum": "2026-02-28", "volume": "1"}
    return gesprek.verzoek_om_wijziging(vandaag, [_te_wijzigen(gesprek, rij)], OngewijzigdeProducten=[])


@when(parsers.parse("de ketenpartner een verzoek om wijziging stuurt voor toewijzing {nummer:d}"),
      target_fixture="uitkomst")
def vow_onbekend(gesprek, vandaag, nummer):
    wijziging = {"ToewijzingNummer": nummer, "GewensteIngangsdatum": datum("2026-02-01"),
                 "Einddatum": datum("2026-09-30"), "Omvang": {"Volume": 1, "Eenheid": "04", "Frequentie": "2"}}
    return gesprek.verzoek_om_wijziging(vandaag, [wijziging])


@when(parsers.parse('de aanbieder een verzoek om wijziging indient met een nieuw product "{code}" vanaf "{begin}" tot '
                    '"{eind}"'), target_fixture="uitkomst")
def vow_nieuw_product(gesprek, vandaag, code, begin, eind):
    nieuw = {"Product": product(gesprek.productcode(code)), "GewensteIngangsdatum": datum(begin),
             "Einddatum": datum(eind), "Omvang": omvang()}
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, nieuw=[nieuw])


@when(parsers.parse('de aanbieder een verzoek om wijziging indient voor de toewijzing van de andere client tot '
                    '"{eind}"'), target_fixture="uitkomst")
def vow_andere_client(gesprek, vandaag, andere, eind):
    """TR304: the TeWijzigenProduct refers to a toewijzing of another client of the same gemeente and aanbieder."""
    t = andere.toewijzing()
    wijziging = {"ToewijzingNummer": t["ToewijzingNummer"], "GewensteIngangsdatum": datum(t["Ingangsdatum"]),
                 "Einddatum": datum(eind), "Omvang": t["Omvang"]}
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, [wijziging])


@when(parsers.parse('de ketenpartner een verzoek om wijziging stuurt met de beeindigde toewijzing voor "{code}" als '
                    'ongewijzigd product'), target_fixture="uitkomst")
def vow_beeindigd_ongewijzigd(gesprek, vandaag, code):
    """TR350: every actual toewijzing as OngewijzigdProduct, plus one that has ended."""
    from suite import berichtdata as bd

    beeindigd = gesprek.toewijzing(gesprek.productcode(code))["ToewijzingNummer"]
    ongewijzigd = [{"ToewijzingNummer": p["ToewijzingNummer"]} for p in bd.actuele(gesprek.dossier(), vandaag)]
    t = gesprek.toewijzing(gesprek.productcode("ander"))  # an actual one, extended
    wijziging = {"ToewijzingNummer": t["ToewijzingNummer"], "GewensteIngangsdatum": datum(t["Ingangsdatum"]),
                 "Einddatum": datum("2026-12-31"), "Omvang": t["Omvang"]}
    ongewijzigd = [o for o in ongewijzigd if o["ToewijzingNummer"] != t["ToewijzingNummer"]]
    return gesprek.verzoek_om_wijziging(vandaag, [wijziging],
                                        OngewijzigdeProducten=[*ongewijzigd, {"ToewijzingNummer": beeindigd}])


def _van_product(gesprek, code: str) -> list[dict]:
    code = gesprek.productcode(code)
    return sorted((p for p in gesprek.dossier().toegewezen().values() if p["Product"].get("Code") == code),
                  key=lambda p: int(p["ToewijzingNummer"]))


@then(parsers.parse('is de toewijzing voor "{code}" opgerekt tot "{dag}" onder hetzelfde nummer'))
def opgerekt(gesprek, code, dag):
    versies = _van_product(gesprek, code)
    assert len(versies) == 1, f"verwacht een toewijzing voor {code} (oprekken, OP380), gevonden {len(versies)}"
    p = versies[0]
    assert str(p.get("Einddatum")) == dag, f"einddatum {p.get('Einddatum')}, verwacht {dag}"
    assert p.get("RedenWijziging") == "12", f"reden wijziging {p.get('RedenWijziging')}, verwacht 12 (IV093)"


@then(parsers.parse('is de toewijzing voor "{code}" beeindigd per "{eind}" en vervangen door een toewijzing vanaf '
                    '"{begin}" met volume {volume:d}'))
def vervangen(gesprek, code, eind, begin, volume):
    versies = _van_product(gesprek, code)
    assert len(versies) == 2, f"verwacht een beeindigde en een nieuwe toewijzing voor {code}, gevonden {versies}"
    oud, nieuw = versies
    assert (str(oud.get("Einddatum")), oud.get("RedenWijziging")) == (eind, "12"), f"oude toewijzing: {oud}"
    assert (str(nieuw["Ingangsdatum"]), int(nieuw["Omvang"]["Volume"])) == (begin, volume), f"nieuwe: {nieuw}"


@then("dragen alle toewijzingen in het laatste toewijzingsbericht de ReferentieAanbieder van het verzoek")
def alle_met_referentie(gesprek):
    dossier = gesprek.dossier()
    referentie = gesprek.laatste_verzoek()
    producten = dossier.laatste("301", heen=True).data["Client"]["ToegewezenProducten"]
    zonder = [p["ToewijzingNummer"] for p in producten if p.get("ReferentieAanbieder") != referentie]
    assert not zonder, f"toewijzing(en) {zonder} zonder ReferentieAanbieder {referentie} (IV093, IV097)"


@then(parsers.parse("zijn er {aantal:d} toewijzingen, ongewijzigd"))
def ongewijzigd(gesprek, aantal):
    toegewezen = list(gesprek.dossier().toegewezen().values())
    assert len(toegewezen) == aantal, f"{len(toegewezen)} toewijzingen, verwacht {aantal}"
    gewijzigd = [p["ToewijzingNummer"] for p in toegewezen if p.get("RedenWijziging")]
    assert not gewijzigd, f"toewijzing(en) {gewijzigd} zijn toch gewijzigd"


@then(parsers.parse("noemt het verzoek om wijziging {aantal:d} actuele toewijzingen"))
def vow_volledig(gesprek, aantal):
    verzoek = gesprek.dossier().laatste("317", heen=True).data["Client"]["Verzoek"]
    genoemd = len(verzoek.get("OngewijzigdeProducten", [])) + len(verzoek.get("TeWijzigenProducten", []))
    assert genoemd == aantal, f"het verzoek noemt {genoemd} toewijzingen, verwacht {aantal} (TR349)"


@when("de aanbieder een verzoek om toewijzing indient met:", target_fixture="uitkomst")
def vot_volledig(gesprek, vandaag, datatable):
    kop, *rijen = datatable
    producten = []
    for r in (dict(zip(kop, rij, strict=True)) for rij in rijen):
        omvang = {"Volume": int(r["volume"]), "Eenheid": r["eenheid"], "Frequentie": r["frequentie"]}
        producten.append(gesprek.aanvraag(r["product"], r["ingangsdatum"], r["einddatum"], Omvang=omvang,
                                          ReferentieAanbieder=r["referentie"],
                                          Verwijzer={"Type": r["verwijzer"], "Naam": "Huisarts"}))
    return gesprek.verzoek_om_toewijzing(vandaag, producten)


@then("neemt elke toewijzing de ReferentieAanbieder van het aangevraagde product over")
def referenties_overgenomen(gesprek):
    dossier = gesprek.dossier()
    gevraagd = {(p["Product"].get("Code"), p["ReferentieAanbieder"])
                for r in dossier.berichten("315", heen=True) for p in r.data["Client"]["AangevraagdeProducten"]}
    toegewezen = {(p["Product"].get("Code"), p.get("ReferentieAanbieder")) for p in dossier.toegewezen().values()}
    zonder = sorted(g for g in gevraagd - toegewezen if g[0] not in {code for code, _ in toegewezen})
    assert not zonder, (f"aangevraagde producten zonder toewijzing: {zonder}; een gehonoreerd verzoek om toewijzing "
                        f"geeft elk aangevraagd product een toewijzing of een afwijzing (OP344)")
    assert gevraagd <= toegewezen, f"niet overgenomen: {sorted(gevraagd - toegewezen)} (IV094)"


@when(parsers.parse('de aanbieder een verzoek om wijziging indient om "{code}" te verlengen tot "{dag}" zonder omvang'),
      target_fixture="uitkomst")
def vow_zonder_omvang(gesprek, vandaag, code, dag):
    t = gesprek.toewijzing(gesprek.productcode(code))
    wijziging = {"ToewijzingNummer": t["ToewijzingNummer"], "GewensteIngangsdatum": datum(t["Ingangsdatum"]),
                 "Einddatum": datum(dag)}
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, [wijziging])


@when("de gemeente het verzoek afwijst zonder reden", target_fixture="uitkomst")
def afwijzen_zonder_reden(gesprek, vandaag):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), AFGEWEZEN)


@when(parsers.parse('de gemeente meldt dat het verzoek in onderzoek is met reden afwijzing "{reden}"'),
      target_fixture="uitkomst")
def in_onderzoek_met_reden(gesprek, vandaag, reden):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), IN_ONDERZOEK, reden)


@when("de gemeente het verzoek afwijst op grond van het woonplaatsbeginsel zonder verantwoordelijke gemeente",
      target_fixture="uitkomst")
def woonplaatsbeginsel_zonder_gemeente(gesprek, vandaag):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), AFGEWEZEN, WOONPLAATSBEGINSEL)


@when(parsers.parse('de gemeente het verzoek afwijst met reden "{reden}" en verantwoordelijke gemeente "{gemeente}"'),
      target_fixture="uitkomst")
def afwijzen_met_gemeente(gesprek, vandaag, reden, gemeente):
    with gesprek.mag_weigeren():
        return gesprek.beantwoord(vandaag, gesprek.laatste_verzoek(), AFGEWEZEN, reden, gemeente)


@when(parsers.parse('de aanbieder een verzoek om toewijzing indient vanaf "{begin}" tot "{eind}" met in het '
                    'aangevraagde product:'), target_fixture="uitkomst")
def vot_met_gegevens(gesprek, vandaag, begin, eind, datatable):
    """Columns gegeven (a path in the AangevraagdProduct, e.g. "Verwijzer/ZorgverlenerCode", "Omvang/Eenheid") and
    waarde ("(leeg)" leaves the element out). The system gets the product so in its trigger data and must refuse
    what breaks a rule; as ketenpartner the aanbieder sends it as it is."""
    from steps.berichten import _zet

    aanvraag = gesprek.aanvraag(None, begin, eind)
    kop, *rijen = datatable
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        _zet(aanvraag, rij["gegeven"], rij["waarde"])
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [aanvraag])


@when("de aanbieder een verzoek om toewijzing indient voor twee producten met dezelfde ReferentieAanbieder",
      target_fixture="uitkomst")
def vot_twee_met_zelfde_referentie(gesprek, vandaag):
    eerste = gesprek.aanvraag(None, "2026-02-01", "2026-07-31")
    tweede = gesprek.aanvraag("ander", "2026-02-01", "2026-07-31",
                              ReferentieAanbieder=eerste["ReferentieAanbieder"])
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [eerste, tweede])


@when(parsers.parse('de aanbieder een verzoek om wijziging indient met een nieuw product vanaf "{begin}" tot "{eind}" '
                    'met in het nieuwe product:'), target_fixture="uitkomst")
def vow_nieuw_met_gegevens(gesprek, vandaag, begin, eind, datatable):
    """Columns gegeven (a path in the NieuwProduct, e.g. "Product/Code", "Omvang/Eenheid") and waarde ("(leeg)"
    leaves the element out); the NieuwProduct is the product "derde" with the default Omvang."""
    from steps.berichten import _zet

    nieuw = {"Product": product(gesprek.productcode("derde")), "GewensteIngangsdatum": datum(begin),
             "Einddatum": datum(eind), "Omvang": omvang()}
    kop, *rijen = datatable
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        _zet(nieuw, rij["gegeven"], rij["waarde"])
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, nieuw=[nieuw])


@when("de aanbieder een verzoek om wijziging indient met deze nieuwe producten:", target_fixture="uitkomst")
def vow_nieuwe_producten(gesprek, vandaag, datatable):
    kop, *rijen = datatable
    nieuw = [{"Product": product(gesprek.productcode(r["product"])), "GewensteIngangsdatum": datum(r["ingangsdatum"]),
              "Einddatum": datum(r["einddatum"]), "Omvang": omvang()}
             for r in (dict(zip(kop, rij, strict=True)) for rij in rijen)]
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag, nieuw=nieuw)


@when("de aanbieder een verzoek om wijziging indient zonder te wijzigen of nieuwe producten", target_fixture="uitkomst")
def vow_leeg(gesprek, vandaag):
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_wijziging(vandaag)


@when(parsers.parse('de aanbieder een verzoek om toewijzing indient vanaf "{begin}" tot "{eind}" voor een client met '
                    'deze gegevens:'), target_fixture="uitkomst")
def vot_met_clientgegevens(gesprek, vandaag, begin, eind, datatable):
    """Columns gegeven (a path in the Client of the 315, e.g. "Geboortedatum/DatumGebruik") and waarde ("(leeg)"
    leaves the element out); both sides take the client so from this conversation."""
    from steps.berichten import _zet

    kop, *rijen = datatable
    for rij in (dict(zip(kop, r, strict=True)) for r in rijen):
        _zet(gesprek.client, rij["gegeven"], rij["waarde"])
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag(None, begin, eind)])


# ------------------------------------------------------------------------------------ BSN (CS002), OP307
@when(parsers.parse('de aanbieder een verzoek om toewijzing indient vanaf "{begin}" tot "{eind}" voor een client met '
                    'een BSN dat niet aan de elfproef voldoet'), target_fixture="uitkomst")
def vot_bsn_zonder_elfproef(gesprek, vandaag, begin, eind):
    """CS002: the client's own (synthetic) BSN with its last digit one higher, so the 11-proof's sum is no longer
    0 modulo 11. The conversation goes on under that number, so the ketenpartner's log of it holds the message."""
    bsn = gesprek.client["Bsn"]
    fout = bsn[:8] + str((int(bsn[8]) + 1) % 10)
    gesprek.partner.reset(fout)
    gesprek.client["Bsn"] = fout
    gesprek.partner.set_datum(fout, vandaag)
    with gesprek.mag_weigeren():
        return gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag(None, begin, eind)])


@then("stuurt de aanbieder geen verzoek om toewijzing voor zorg die al is toegewezen")
def geen_vot_voor_toegewezen_zorg(gesprek, uitkomst):
    """OP307 has no retourcode: the gemeente does not reject such a VOT, so only the aanbieder can keep the rule.
    A correct aanbieder refuses the trigger (and asks a verzoek om wijziging instead)."""
    from suite import oordeel

    assert uitkomst.door_systeem, "deze stap gaat over een verzoek van het systeem als aanbieder"
    if uitkomst.geweigerd:
        return
    regels = gesprek.heen(uitkomst)
    verstuurd = [oordeel.beschrijf(r) for r in regels] or [str(i) for i in uitkomst.antwoord.get("verstuurd") or []]
    advies = [b.get("text") for r in regels for b in oordeel.bevindingen(r, "OP307")]
    assert not verstuurd, (f"het systeem stuurde {', '.join(verstuurd)}: een verzoek om toewijzing voor een product "
                           f"en periode waarvoor de client al een actuele toewijzing heeft; daarvoor is een verzoek om "
                           f"wijziging (OP307). De ketenpartner: {'; '.join(advies) or 'geen bevinding'}")
