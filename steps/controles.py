"""Dan-steps: what the receiver of a message did with it, judged from the ketenpartner's exchange log."""

from __future__ import annotations

from pytest_bdd import parsers, then

from suite import oordeel


@then("keurt de ontvanger het bericht niet af")
def niet_afgekeurd(gesprek, uitkomst):
    oordeel.niet_afgekeurd(gesprek, uitkomst)


@then("keurt de ontvanger alle berichten goed")
def alles_goed(gesprek):
    for uitkomst in gesprek.uitkomsten:
        if not uitkomst.historie:
            oordeel.niet_afgekeurd(gesprek, uitkomst)


@then(parsers.parse('keurt de ontvanger het bericht af met retourcode "{code}"'))
def afgekeurd(gesprek, uitkomst, code):
    oordeel.afgekeurd_met(gesprek, uitkomst, code)


@then(parsers.parse('keurt de ontvanger het bericht af met retourcode "{code}" op "{klasse}"'))
def afgekeurd_op(gesprek, uitkomst, code, klasse):
    oordeel.afgekeurd_met(gesprek, uitkomst, code, klasse)


@then(parsers.parse('gaat het bericht niet door: de aanbieder stuurt het niet of de gemeente keurt het af met '
                    '"{code}" op "{klasse}"'))
@then(parsers.parse('gaat het bericht niet door: de gemeente stuurt het niet of de aanbieder keurt het af met '
                    '"{code}" op "{klasse}"'))
def voorkomen_of_afgekeurd(gesprek, uitkomst, code, klasse):
    oordeel.voorkomen_of_afgekeurd(gesprek, uitkomst, code, klasse)


@then(parsers.parse("is de {wat} volgens de ketenpartner {oordeel_} gemeld"))
def tijdigheid(gesprek, uitkomst, wat, oordeel_):
    regel = {"start": "OP271", "stop": "OP272"}[wat]
    oordeel.termijn(oordeel.heenberichten(gesprek, uitkomst)[-1], regel, oordeel_, f"de {wat}")


@then(parsers.parse("is het verzoek volgens de ketenpartner {oordeel_} beantwoord"))
def antwoordtermijn(gesprek, uitkomst, oordeel_):
    oordeel.termijn(oordeel.heenberichten(gesprek, uitkomst)[-1], "OP346", oordeel_, "het antwoord")


@then("beantwoordt het systeem het bericht zoals een correcte ontvanger dat doet")
def zoals_correcte_ontvanger(gesprek, uitkomst):
    oordeel.zoals_correcte_ontvanger(gesprek, uitkomst)


@then(parsers.parse("bevat het laatste toewijzingsbericht {aantal:d} toegewezen producten"))
def aantal_toegewezen(gesprek, aantal):
    laatste = gesprek.dossier().laatste("301", heen=True)
    gevonden = len(laatste.data["Client"]["ToegewezenProducten"])
    assert gevonden == aantal, f"het toewijzingsbericht bevat {gevonden} toegewezen producten, verwacht {aantal}"


@then("heeft elke toewijzing in het gesprek een eigen ToewijzingNummer")
def eigen_nummers(gesprek):
    toegewezen = gesprek.dossier().toegewezen().values()
    sleutels = {(p["Product"].get("Code"), str(p["Ingangsdatum"])) for p in toegewezen}
    assert len(sleutels) == len(toegewezen), f"toewijzingen delen een nummer: {sorted(sleutels)}"


@then(parsers.parse('heeft de toewijzing nog hetzelfde ToewijzingNummer met einddatum "{dag}" en reden wijziging '
                    '"{reden}"'))
def zelfde_nummer(gesprek, dag, reden):
    toegewezen = gesprek.dossier().toegewezen()
    assert len(toegewezen) == 1, f"verwacht een toewijzing onder hetzelfde nummer, gevonden {sorted(toegewezen)}"
    p = next(iter(toegewezen.values()))
    assert (str(p.get("Einddatum")), p.get("RedenWijziging")) == (dag, reden), \
        f"toewijzing {p['ToewijzingNummer']}: einddatum {p.get('Einddatum')}, reden wijziging {p.get('RedenWijziging')}"


@then("heeft geen enkele toewijzing in het laatste toewijzingsbericht een ReferentieAanbieder")
def geen_referentie(gesprek):
    laatste = gesprek.dossier().laatste("301", heen=True)
    met = [p for p in laatste.data["Client"]["ToegewezenProducten"] if p.get("ReferentieAanbieder")]
    assert not met, f"toewijzing(en) met ReferentieAanbieder zonder verzoek: {met}"


@then(parsers.parse('is de levering gestopt met reden "{reden}" per "{dag}"'))
def gestopt_met(gesprek, reden, dag):
    stops = [(s["RedenBeeindiging"], str(s["Einddatum"])) for s in gesprek.dossier().stops()]
    assert (reden, dag) in stops, f"geen geaccepteerde stop met reden {reden} per {dag}; stops: {stops}"


@then("volgt op de intrekking geen nieuwe stop")
def geen_nieuwe_stop(gesprek):
    regels = gesprek.dossier().berichten("301", "307", heen=True)
    laatste_301 = max(i for i, r in enumerate(regels) if r.nummer == "301")
    na = [r.entry.get("identificatie") for r in regels[laatste_301 + 1:] if r.nummer == "307"]
    assert not na, f"na de intrekking volgde nog een stop: {na}"


@then(parsers.parse('heeft het systeem uit zichzelf een stop gestuurd met reden "{reden}" per "{dag}"'))
def zelf_gestopt(gesprek, reden, dag):
    stops = [(s["RedenBeeindiging"], str(s["Einddatum"]))
             for r in gesprek.dossier().berichten("307", heen=True, van_systeem=True)
             for s in r.data["Client"]["StopProducten"]]
    assert (reden, dag) in stops, f"het systeem stuurde na de intrekking geen stop met reden {reden} per {dag} " \
                                  f"(OP288); wel: {stops or 'geen stop'}"


@then("hebben de twee clienten verschillende ToewijzingNummers")
def verschillende_nummers(gesprek):
    eigen = set(gesprek.dossier().toegewezen())
    ander = {n for a in gesprek.anderen for n in a.dossier().toegewezen()}
    assert eigen and ander and not (eigen & ander), f"gedeelde ToewijzingNummers: {sorted(eigen & ander)}"


@then("keurt de ontvanger het bericht af")
def iets_afgekeurd(gesprek, uitkomst):
    heen = oordeel.heenberichten(gesprek, uitkomst)[-1]
    afkeur = oordeel.afkeur(oordeel.codes(oordeel.retour_van(gesprek, heen)))
    assert afkeur, f"de ontvanger keurde {oordeel.beschrijf(heen)} niet af"


@then("houdt elke relatie in alle toewijzingsberichten hetzelfde nummer")
def relatienummers_stabiel(gesprek):
    """OP071: per person one Nummer over all 301s of the conversation, and the ketenpartner found nothing."""
    nummers: dict[tuple, set[str]] = {}
    for r in gesprek.dossier().berichten("301", heen=True):
        advies = oordeel.bevindingen(r, "OP071")
        assert not advies, f"de ketenpartner meldt OP071 bij {oordeel.beschrijf(r)}: {[b.get('text') for b in advies]}"
        for relatie in r.data["Client"].get("Relaties") or []:
            naam = relatie["Naam"]
            wie = (relatie["Soort"], naam["Geslachtsnaam"]["Achternaam"], naam.get("Voorletters"))
            nummers.setdefault(wie, set()).add(str(relatie["Nummer"]))
    assert nummers, "geen enkel toewijzingsbericht noemt relaties"
    wisselend = {wie: sorted(n) for wie, n in nummers.items() if len(n) > 1}
    assert not wisselend, f"relaties met wisselende nummers: {wisselend}"
    alle = [next(iter(n)) for n in nummers.values()]
    assert len(alle) == len(set(alle)), f"een nummer voor meer personen: {nummers}"


@then("verwerkt het systeem daarna een gewoon bericht van de ketenpartner zoals een correcte ontvanger")
def daarna_gewoon(gesprek, vandaag):
    """Bad input left nothing behind: the ketenpartner's next ordinary heenbericht (a toewijzing from a gemeente, a
    verzoek om toewijzing from an aanbieder) gets exactly the right retour."""
    if gesprek.partner_rol == "gemeente":
        uitkomst = gesprek.toewijzing_afgeven(vandaag, None, "2026-02-02", "2026-07-31")
    else:
        uitkomst = gesprek.verzoek_om_toewijzing(vandaag, [gesprek.aanvraag(None, "2026-02-02", "2026-07-31")])
    oordeel.niet_afgekeurd(gesprek, uitkomst)
