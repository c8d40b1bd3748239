"""The whole chain state as plain data, to compare two Ketens (e.g. after withdrawing messages and after a replay).

Everything a query reads, in the order it reads it: the order of the toewijzingen (``nummers_van_gemeente``), of
the starts, stops and relaties per client, of the verzoeken per client, of the declaraties in an Administratie
and of the bookings in its indexes. The bookings in the indexes are named by the declaratie and position they have
there, so a booking that is not the declaratie's own object shows (a 325 changes the status through the
declaratie). Outer dictionaries that are only looked up compare without order. A Keten with nothing in it and an
Administratie without declaraties count as none: every query answers the same for them.
"""

from __future__ import annotations

from ketenproef.keten import Keten, Ketens, relaties
from ketenproef.keten import declaraties as decl
from ketenproef.keten.regie import Regie
from ketenproef.keten.verzoeken import Verzoeken


def toestand(ketens: Ketens) -> dict:
    out = {}
    for standaard, keten in ketens.per_standaard.items():
        t = keten_toestand(keten)
        if any(t.values()):
            out[standaard] = t
    return out


def keten_toestand(keten: Keten) -> dict:
    regie, verzoeken = keten.part(Regie), keten.part(Verzoeken)
    administraties = keten.part(decl.Part).administraties
    return {
        "toewijzingen": list(keten.toewijzingen.versies.items()),
        "starts": {k: list(v.items()) for k, v in regie._starts.items()},
        "stops": {k: list(v.items()) for k, v in regie._stops.items()},
        "identificaties": set(regie._identificaties),
        "verzoeken": dict(verzoeken._verzoeken),
        "antwoorden": dict(verzoeken._antwoorden),
        "toegewezen": dict(verzoeken._toegewezen),
        "per_client": dict(verzoeken._per_client),
        "relaties": {k: list(v.items()) for k, v in keten.part(relaties.Part)._relaties.items()},
        "declaraties": {k: administratie(adm) for k, adm in administraties.items() if adm.declaraties},
    }


def administratie(adm: decl.Administratie) -> dict:
    plek = {id(bk): (ident, i) for ident, d in adm.declaraties.items() for i, bk in enumerate(d.alle)}

    def naam(bk: decl.Boeking):
        return plek.get(id(bk), ("VREEMD", bk.declaratie, bk.prestatie.referentie, bk.status))

    return {
        "declaraties": [(ident, d.dagtekening, d.xsd_versie, d.nummer, d.periode, d.totaal, d.vervallen, d.beantwoord,
                         d.volgnummer, d.geboekt, [(r, naam(bk)) for r, bk in d.boekingen.items()],
                         [(bk.declaratie, bk.prestatie, bk.status) for bk in d.alle])
                        for ident, d in adm.declaraties.items()],
        "indexes": [{k: [naam(bk) for bk in v] for k, v in index.items()}
                    for index in (adm.referenties, adm.per_toewijzing, adm.per_combinatie, adm.credits)],
    }
