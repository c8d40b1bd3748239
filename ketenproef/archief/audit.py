"""Judging an archive (ketenaudit, issue 12 item 2, the core): every heenbericht as its receiver would, its retour in
the archive against the retour a correct receiver sends.

``beoordeel(archief, rol)`` walks the records of ``lees_archief`` in chain order with one Keten per standard
(``Ketens``, as the ketenpartner keeps). A heenbericht is validated with "vandaag" = its receipt day (the index's
``tijd`` when there is one, else its Dagtekening) and the chain as it stands; what a correct receiver records
enters the chain (``Ketens.verwerk``: IV032, IV087). The expected retour is the one ``retour_for`` builds, as
RetourCodes per class path (``codes_map``, the ketenpartner's ``verwachte_retour``); the retour in the archive is
compared with it in that form. A 325 in the archive that answers a 323 enters the chain where it stands (the
gemeente's approval, as the ketenpartner applies a 325 it receives or sends), when it is XSD-valid.

Not in this step: "te-laat" (deadlines), the open pairs at a peildatum, identificatie uniqueness (BRS20 is the
node's refusal, not a rule), partitioning per client. ``rol`` (whose archive it is) is only recorded in the
samenvatting: both directions are judged the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ketenproef.archief.lezen import Archief
from ketenproef.archief.record import HEEN, Melding, Record
from ketenproef.clock import FrozenClock
from ketenproef.findings import TECHNISCH, XSD, Report
from ketenproef.keten import Ketens, afgekeurde_paden
from ketenproef.parse import parse_bytes
from ketenproef.retour import retour_for
from ketenproef.retourcodes import codes_map
from ketenproef.validate import validate

CORRECT, VERKEERDE_CODES, ONTBREEKT = "correct", "verkeerde-codes", "ontbreekt"
UITKOMSTEN = (CORRECT, VERKEERDE_CODES, ONTBREEKT)
_HEEN_VAN = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319", "325": "323"}
_VERWACHT_ID = "VERWACHT"  # the expected retour's own identificatie: not compared


def beoordeel(archief: Archief, rol: str) -> Iterator[dict]:
    """One dict per judged heenbericht (``soort`` "bericht", when its retour is found or at the end), per retour
    without a heenbericht (``soort`` "zonder-heen"), per member that could not be read again ("niet-gelezen"),
    and last the ``samenvatting`` with the counts. Never raises for a bad message."""
    heen_van = _koppel(archief.records)
    ketens, open_heen, wachtend, beantwoord = Ketens(), {}, {}, set()
    telling: Counter = Counter()
    for r in archief.records:
        for uit in _stap(archief, r, heen_van, ketens, open_heen, wachtend, beantwoord):
            telling[uit.get("uitkomst") or uit["soort"]] += 1
            yield uit
    for heen in open_heen.values():  # heenberichten without a retour in the archive, in chain order
        uit = _uitkomst(heen, None)
        telling[uit["uitkomst"]] += 1
        yield uit
    for r, _ in wachtend.values():  # retours whose heenbericht was listed but could not be read again
        telling["zonder-heen"] += 1
        yield _zonder_heen(r, "Het heenbericht waarop deze retour antwoordt is niet gelezen.")
    yield _samenvatting(archief, rol, telling)


def _stap(archief: Archief, r: Record, heen_van: dict, ketens: Ketens, open_heen: dict, wachtend: dict,
          beantwoord: set):
    """Judge one record in order; yields what is decided by it. ``open_heen``: judged heenberichten waiting for
    their retour; ``wachtend``: retours read before their heenbericht; ``beantwoord``: heenberichten answered."""
    data = archief.bron.lees(r.bestand) if archief.bron is not None else Melding(r.bestand, "Geen archief.")
    if isinstance(data, Melding):
        yield {"soort": "niet-gelezen", "bestand": r.bestand, "bericht": r.bericht, "reden": data.reden}
        return
    if r.richting == HEEN:
        open_heen[r.volgnummer] = _heen(r, data, ketens)
        vroeg = wachtend.pop(r.volgnummer, None)  # its retour came earlier (an index may say so)
        if vroeg is not None:
            yield _uitkomst(open_heen.pop(r.volgnummer), vroeg[1])
            beantwoord.add(r.volgnummer)
        return
    heen = heen_van.get(r.volgnummer)
    if heen is None:
        yield _zonder_heen(r, "Geen heenbericht in het archief waarop deze retour antwoordt.")
        return
    gegeven = _retour(r, data, ketens)
    if heen.volgnummer in open_heen:
        yield _uitkomst(open_heen.pop(heen.volgnummer), gegeven)
        beantwoord.add(heen.volgnummer)
    elif heen.volgnummer in wachtend or heen.volgnummer in beantwoord:
        yield _zonder_heen(r, f"Een tweede retour op {heen.bericht} {heen.identificatie} ({heen.bestand}).")
    else:  # its heenbericht comes later in the order (an index may say so): judged when it comes
        wachtend[heen.volgnummer] = (r, gegeven)


def _koppel(records: list[Record]) -> dict[int, Record]:
    """Per retour (by volgnummer) the heenbericht it answers, by the reader's key: standard (in the message name),
    party pair, heen message, Identificatie and Dagtekening; the first heenbericht with that key counts."""
    heenberichten: dict[tuple, Record] = {}
    for r in records:
        if r.richting == HEEN:
            heenberichten.setdefault((r.bericht, frozenset((r.afzender, r.ontvanger)), r.identificatie,
                                      r.dagtekening), r)
    out = {}
    for r in records:
        if r.richting != HEEN and r.bericht[-3:] in _HEEN_VAN:
            sleutel = (r.bericht[:-3] + _HEEN_VAN[r.bericht[-3:]], frozenset((r.afzender, r.ontvanger)),
                       r.heen_identificatie, r.heen_dagtekening)
            if sleutel in heenberichten:
                out[r.volgnummer] = heenberichten[sleutel]
    return out


def _vandaag(r: Record) -> FrozenClock | None:
    """The receipt day: the index's time, else the Dagtekening; None (the system clock) when neither is known,
    which only happens for a message the XSD rejects anyway."""
    dag: dt.date | None = r.tijd.date() if r.tijd is not None else r.dagtekening
    return FrozenClock(dag) if dag is not None else None


def _heen(r: Record, data: bytes, ketens: Ketens) -> dict:
    """The receiver's judgement of a heenbericht and the codes of its expected retour; the chain records it."""
    clock = _vandaag(r)
    report = validate(data, clock=clock, keten=ketens)
    verwacht, fout = None, None
    if report.bericht is not None and not report.at_level(TECHNISCH, XSD):
        try:
            tree = retour_for(report, clock=clock or FrozenClock(dt.date.today()), identificatie=_VERWACHT_ID)
            verwacht = codes_map(tree) if tree is not None else None
        except Exception as exc:  # a defect in building the retour: reported on this message, the audit goes on
            fout = f"De verwachte retour kon niet worden gemaakt: {exc!r}"
    ketens.verwerk(report)
    out = {"soort": "bericht", "bestand": r.bestand, "bericht": r.bericht, "bsn": r.bsns[0] if r.bsns else None,
           "identificatie": r.identificatie, "verwacht": verwacht, "bevindingen": _bevindingen(report)}
    if fout is not None:
        out["fout"] = fout
    return out


def _bevindingen(report: Report) -> list[dict]:
    """The rejecting findings: where the expected codes come from."""
    return [{"rule": f.rule, "retourcode": f.retourcode, "class": f.klasse, "path": f.path}
            for f in report.findings if f.rejecting]


def _retour(r: Record, data: bytes, ketens: Ketens) -> dict[str, list[str]]:
    """The codes of a retour in the archive; a 325 that is XSD-valid enters the chain (the approval decides which
    prestaties count)."""
    if r.bericht.endswith("325"):
        report = validate(data, clock=_vandaag(r))
        if report.bericht is not None:
            if not report.at_level(TECHNISCH, XSD):
                ketens.apply(report.bericht, afgekeurde_paden(report) or ())  # as ontvangst/oordelen apply it
            return codes_map(report.bericht.root)  # the tree validate parsed: not parsed a second time
    parsed = parse_bytes(data)
    return codes_map(parsed.root) if parsed.ok else {}


def _uitkomst(heen: dict, gegeven: dict | None) -> dict:
    """correct: the codes per class path equal the expected ones (no retour where none is due is correct too);
    ontbreekt: a retour is due and the archive has none; verkeerde-codes otherwise (also a retour where none is
    due), with ``verschil``: the class paths that differ."""
    verwacht = heen["verwacht"]
    if gegeven is None:
        uitkomst = CORRECT if verwacht is None else ONTBREEKT
    else:
        uitkomst = CORRECT if verwacht == gegeven else VERKEERDE_CODES
    out = {**heen, "gegeven": gegeven, "uitkomst": uitkomst}
    if uitkomst == VERKEERDE_CODES:
        out["verschil"] = _verschil(verwacht or {}, gegeven)
    return out


def _verschil(verwacht: dict, gegeven: dict) -> list[str]:
    """The class paths whose codes differ (a class missing on one side counts): what a reader looks at first."""
    return [pad for pad in sorted(set(verwacht) | set(gegeven)) if verwacht.get(pad) != gegeven.get(pad)]


def _zonder_heen(r: Record, reden: str) -> dict:
    return {"soort": "zonder-heen", "bestand": r.bestand, "bericht": r.bericht, "bsn": r.bsns[0] if r.bsns else None,
            "identificatie": r.identificatie, "heen_identificatie": r.heen_identificatie, "reden": reden}


def _samenvatting(archief: Archief, rol: str, telling: Counter) -> dict:
    per_uitkomst = {u: telling[u] for u in UITKOMSTEN}
    return {"soort": "samenvatting", "rol": rol, "berichten": sum(per_uitkomst.values()), **per_uitkomst,
            "zonder-heen": telling["zonder-heen"], "niet-gelezen": telling["niet-gelezen"],
            "meldingen": len(archief.meldingen)}
