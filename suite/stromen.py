"""Short, ordinary courses of events that end with the system sending one particular message (or retour), for
the generated feature "Berichten volgens de regels". Each returns the Uitkomst whose heenbericht is judged:
the system's own heenbericht, or the ketenpartner's heenbericht that the system answered with its retour."""

from __future__ import annotations

import datetime as dt

from suite import berichtdata as bd
from suite import oordeel
from suite.gesprek import Gesprek, Uitkomst
from suite.handelingen import TIJDELIJK

D = dt.date.fromisoformat


def _ok(g: Gesprek, u: Uitkomst) -> Uitkomst:
    u.historie = True
    oordeel.niet_afgekeurd(g, u, streng=False)
    return u


def _toewijzing(g: Gesprek) -> Uitkomst:
    return _ok(g, g.toewijzing_afgeven(D("2025-10-06"), begin="2025-10-06", eind="2026-09-30"))


def _start(g: Gesprek) -> Uitkomst:
    _toewijzing(g)
    return g.start(D("2025-10-08"), "2025-10-08")


def _stop(g: Gesprek) -> Uitkomst:
    _ok(g, _start(g))
    return g.stop(D("2025-11-02"), TIJDELIJK, "2025-11-02")


def _vot(g: Gesprek) -> Uitkomst:
    return g.verzoek_om_toewijzing(D("2026-01-12"), [g.aanvraag(None, "2026-02-01", "2026-07-31")])


def _vow(g: Gesprek) -> Uitkomst:
    _toewijzing(g)
    t = g.toewijzing()
    wijziging = {"ToewijzingNummer": t["ToewijzingNummer"], "GewensteIngangsdatum": D(str(t["Ingangsdatum"])),
                 "Einddatum": D("2026-12-31"), "Omvang": t["Omvang"]}
    return g.verzoek_om_wijziging(D("2026-01-12"), [wijziging])


def _antwoord(g: Gesprek) -> Uitkomst:
    _ok(g, _vot(g))
    return g.beantwoord(D("2026-01-13"), bd.laatste_verzoek(g.dossier()), "1", "2")


def _declaratie(g: Gesprek) -> Uitkomst:
    _ok(g, _start(g))
    return g.declareer(D("2025-11-04"), "2025-10", [g.prestatie("2025-10", 8, ProductTarief=5000)])


STROMEN = {"301": _toewijzing, "302": _toewijzing, "305": _start, "306": _start, "307": _stop, "308": _stop,
           "315": _vot, "316": _vot, "317": _vow, "318": _vow, "319": _antwoord, "320": _antwoord,
           "323": _declaratie, "325": _declaratie}


def verloop(gesprek: Gesprek, nummer: str) -> Uitkomst:
    return STROMEN[nummer](gesprek)
