"""Verdicts on the SUT's retours to the mock's own heenberichten.

For each heenbericht the mock sent it stored an expectation: which retour, the codes per berichtklasse that
``retour_for`` builds from the mock's own validation of the message as the receiver (the mock sees both sides,
so its Keten is the receiver's state), the header to mirror, and a deadline. Verdicts (``soort``):

op-tijd, te-laat, nooit (deadline passed), dubbel (a second retour), onbekend-bericht (no such heenbericht),
verkeerd-type (retour of another type), verkeerde-referentie (Dagtekening/Afzender/Ontvanger do not mirror the
heenbericht), juiste-codes / verkeerde-codes (each difference names the rule the expected code comes from and the
line in the retour), verkeerde-dagtekening (DagtekeningRetour, or a 325's own Dagtekening, is not the "vandaag" of
the conversation when the retour arrives), ongeldig (the retour breaks single-message rules), geen-retour
(correctly none: the heenbericht was XSD-invalid on purpose, or - sent raw - unreadable or not identifiable; a
retour on such a message gets verkeerde-codes, whatever its type).
"""

from __future__ import annotations

import datetime as dt
import time

from ketenproef.bericht import text
from ketenproef.clock import Clock, FrozenClock
from ketenproef.findings import Report
from mockserver import problems
from mockserver.berichten import Meta, afgekeurd, codes_map
from mockserver.ontvangst import Uitkomst, record
from mockserver.tijdigheid import declaratie_antwoordtermijn

WACHTEND, BEANTWOORD, VERLOPEN = 0, 1, 2
TIJDOORDELEN = ("op-tijd", "te-laat", "nooit", "geen-retour", "dubbel", "onbekend-bericht", "verkeerd-type")  # a retour
# (or its absence) was judged: what the suite waits for after sending a heenbericht
XSD_REDEN = "het heenbericht voldeed niet aan de XSD"


def retour_in(partner, data: bytes, report: Report, m: Meta, transport: list[dict], retour_id: int,
              clock=None) -> Uitkomst:
    store = partner.store
    candidates = store.mock_heen(m.ref_id) if m.ref_id else []
    heen = candidates[-1] if candidates else None
    bsn_list = store.bsns(heen["id"]) if heen else partner.conversations(report.bericht.root)
    vandaag = partner.clock(bsn_list[0] if bsn_list else None)  # the conversation's "vandaag" as it arrives
    verdicts, answered = judge(heen, report, m, time.time(), vandaag)
    status = "geaccepteerd" if report.valid else "afgekeurd"
    heen_id = heen["id"] if heen else None
    findings = problems.finding_dicts(report.findings)
    if answered and clock is not None and m.bericht.endswith("325"):
        findings += declaratie_antwoordtermijn(heen["verwachting"].get("dagtekening"), clock)
    store.insert(record("in", m, status, data, findings, transport, id=retour_id, heen_id=heen_id), bsn_list)
    for soort, goed, detail in verdicts:
        store.add_oordeel(heen_id, retour_id, soort, goed, detail)
    if answered and m.bericht.endswith("325"):  # the gemeente's answer decides which prestaties count as approved
        skipped = afgekeurd(report) or []
        partner.keten.apply(report.bericht, skipped, retour_id)
        store.update(retour_id, toegepast=1, afgekeurd=skipped)
    if answered:
        store.update(heen_id, beantwoord=BEANTWOORD)
        partner.opgehaald.discard(heen_id)  # answered: no postbus run has to close it
    body = {"id": retour_id, "message": m.bericht, "status": status, "retour_id": None, "heen_id": heen_id,
            "oordelen": [{"soort": s, "goed": g, "detail": d} for s, g, d in verdicts]}
    return Uitkomst(202, body)


def judge(heen: dict | None, report: Report, m: Meta, now: float,
          clock: Clock | None = None) -> tuple[list[tuple[str, bool, str]], bool]:
    """The verdicts on one retour and whether it answers the heenbericht; ``clock``: the conversation's
    "vandaag" the retour's own date must equal."""
    if heen is None:
        return [("onbekend-bericht", False, f"De ketenpartner verstuurde geen heenbericht met identificatie "
                                            f"{m.ref_id}; {m.bericht} verwijst naar een onbekend bericht.")], False
    expected = heen["verwachting"]
    if expected["retour"] is not None and expected["retour"] != m.bericht:  # None: not identifiable, no type due
        return [("verkeerd-type", False, f"{m.bericht} is geen retour op {heen['bericht']} "
                                         f"(verwacht: {expected['retour']}).")], False
    verdicts = [timing(heen, expected, now)]
    verdicts.extend(reference(expected, m))
    verdicts.append(codes(expected.get("codes"), report, reden(expected), heen.get("bevindingen")))
    if clock is not None:
        verdicts.extend(dagtekening(report, clock))
    if not report.valid:
        first = next(f for f in report.findings if f.rejecting)
        verdicts.append(("ongeldig", False, f"De retour zelf is onjuist: {first.rule}: {first.text}"))
    return verdicts, True


def timing(heen: dict, expected: dict, now: float) -> tuple[str, bool, str]:
    if heen["beantwoord"] == BEANTWOORD:
        return "dubbel", False, f"Er was al een {expected['retour']} op {heen['eigen_id']} ontvangen."
    late = now - expected["deadline"]
    if late <= 0:
        return "op-tijd", True, f"Retour ontvangen binnen {expected['deadline_seconden']} seconden."
    return "te-laat", False, f"Retour {late:.1f} seconden na de deadline ({expected['deadline_seconden']} s) ontvangen."


def reference(expected: dict, m: Meta) -> list[tuple[str, bool, str]]:
    wrong = []
    if m.ref_dagtekening != expected["dagtekening"]:
        wrong.append(f"Dagtekening {m.ref_dagtekening} in plaats van {expected['dagtekening']}")
    if m.bericht.endswith("325"):
        pairs = ((m.afzender, expected["ontvanger"], "Afzender"), (m.ontvanger, expected["afzender"], "Ontvanger"))
    else:
        pairs = ((m.afzender, expected["afzender"], "Afzender"), (m.ontvanger, expected["ontvanger"], "Ontvanger"))
    wrong.extend(f"{name} {got} in plaats van {want}" for got, want, name in pairs if got != want)
    if not wrong:
        return []
    return [("verkeerde-referentie", False, f"De retour verwijst niet goed naar {m.ref_id}: " + "; ".join(wrong))]


def dagtekening(report: Report, clock: Clock) -> list[tuple[str, bool, str]]:
    """The retour's own date (DagtekeningRetour; in a 325 its BerichtIdentificatie/Dagtekening) is the "vandaag"
    of the conversation (docs/SUT-TRIGGERS.md: the trigger's ``vandaag``, never the machine's clock). On the
    machine's clock (no date frozen) the day before also counts: the retour may have been made before midnight."""
    bericht = report.bericht
    if bericht is None:
        return []
    naam = "Dagtekening" if bericht.number == "325" else "DagtekeningRetour"
    waarde = text(bericht.header, "BerichtIdentificatie/Dagtekening" if bericht.number == "325" else naam)
    vandaag = clock.today()
    goed = {vandaag.isoformat()}
    if not isinstance(clock, FrozenClock):
        goed.add((vandaag - dt.timedelta(days=1)).isoformat())
    if waarde is None or waarde.strip() in goed:
        return []
    return [("verkeerde-dagtekening", False, f"{naam} {waarde.strip()} in plaats van {vandaag.isoformat()} (de "
                                             f"'vandaag' van dit gesprek)")]


def reden(expected: dict) -> str:
    """Why no retour was due (older expectations only knew XSD-invalid heenberichten)."""
    return expected.get("reden") or XSD_REDEN


def codes(want: dict | None, report: Report, geen: str = XSD_REDEN,
          bevindingen: list[dict] | None = None) -> tuple[str, bool, str]:
    """Compare the retour's codes per berichtklasse with ``want``; each difference says the class (its line in the
    retour), the expected codes with the rules of the heenbericht's ``bevindingen`` they come from, and the
    codes received."""
    got = codes_map(report.bericht.root)
    if want is None:
        return ("verkeerde-codes", False, f"Er was geen retour verwacht: {geen} "
                                          "(daarop volgt een foutrapport, geen retourbericht).")
    paths = [path for path in sorted(set(want) | set(got)) if want.get(path) != got.get(path)]
    if paths:
        lines = regelnummers(report.bericht)
        diff = [f"{path}{f' (regel {lines[path]})' if lines.get(path) else ''}: verwacht "
                f"{', '.join(met_regels(code, path, bevindingen) for code in want.get(path, [])) or '(geen)'}, "
                f"ontvangen {', '.join(got.get(path, [])) or '(geen)'}" for path in paths]
        return "verkeerde-codes", False, "; ".join(diff)
    return "juiste-codes", True, "De retourcodes per berichtklasse kloppen."


def regelnummers(bericht) -> dict[str, int]:
    """The line in the retour of each berichtklasse that carries RetourCodes, by its readable path."""
    return {bericht.path_of(el.getparent()): el.getparent().sourceline for el in bericht.root.iter("{*}RetourCodes")}


def met_regels(code: str, path: str, bevindingen: list[dict] | None) -> str:
    """``code`` with the rule ids that give it at the berichtklasse ``path`` (``9001 (TR019)``); a code no
    finding gives (0200, 0233) stands alone."""
    rules = regels_van(code, path, bevindingen or [])
    return f"{code} ({', '.join(rules)})" if rules else code


def regels_van(code: str, path: str, bevindingen: list[dict]) -> list[str]:
    """The rules of the heenbericht's findings behind an expected ``code`` on the retour's class ``path``: those
    on the same element when the retour mirrors the heenbericht's paths, else those on a class of that name, else
    any finding with the code (0001 in the Header stands for every single-message rule that failed)."""
    found = [b for b in bevindingen if b.get("retourcode") == code and b.get("rule")]
    klasse = path.rstrip("/").rsplit("/", 1)[-1].split("[", 1)[0]
    same = [b for b in found if b.get("class") == klasse]
    here = [b for b in same if (b.get("path") or "") == path or (b.get("path") or "").startswith(path + "/")]
    return list(dict.fromkeys(b["rule"] for b in here or same or found))


async def watch(partner, heen_id: int, deadline: float) -> None:
    """At the deadline: record 'nooit' (or 'geen-retour' when none was due) unless a retour arrived."""
    if not await partner.sleep(deadline - time.time()):
        return
    row = partner.store.bericht(heen_id)
    if row is not None and verloop(partner, row, f"binnen {row['verwachting']['deadline_seconden']} seconden"):
        partner.store.commit()


def verloop(partner, row: dict, wanneer: str) -> bool:
    """Close the wait for a retour on the mock's heenbericht ``row``: 'nooit' (or 'geen-retour' when none was
    due); False when it was no longer waiting (answered, closed before, withdrawn)."""
    if not row["actief"] or row["beantwoord"] != WACHTEND:
        return False
    heen_id, expected = row["id"], row["verwachting"]
    if expected.get("codes") is None:
        partner.store.add_oordeel(heen_id, None, "geen-retour", True, f"Terecht geen retour: {reden(expected)}.")
    else:
        partner.store.add_oordeel(heen_id, None, "nooit", False, f"Geen {expected['retour']} ontvangen {wanneer}.")
    partner.store.update(heen_id, beantwoord=VERLOPEN)
    partner.opgehaald.discard(heen_id)
    return True


NA_POSTBUS = "toen het systeem zijn postbus had verwerkt"


def sluit_na_postbus(partner, bsn: str) -> list[int]:
    """The SUT says it has processed its mailbox (the trigger ``verwerk_postbus`` returned, docs/SUT-TRIGGERS.md):
    every heenbericht of this conversation that it fetched and did not answer gets its verdict now instead of at
    the deadline. A heenbericht it did not fetch (a transport fault on the way, a mailbox it reads later) keeps
    waiting for its deadline. The ids closed."""
    closed = []
    for row in partner.store.pending_van(bsn):
        if row["id"] in partner.opgehaald and verloop(partner, row, NA_POSTBUS):
            closed.append(row["id"])
    return closed
