"""Judging an exchange from the log, whichever side the system under test was on: did the receiver accept the
heenbericht, or reject it with exactly the expected retourcode on the expected berichtklasse?

When the system sent the heenbericht, the ketenpartner judged it (its findings and the retour it sent). When
the ketenpartner sent it, the system's retour is compared by the ketenpartner with the retour a correct receiver
sends (the verdicts ``juiste-codes``, ``op-tijd`` ...). Failures raise AssertionError with a Dutch explanation
a vendor can act on: the ketenpartner's verdicts (also on a retour it could not pair with the heenbericht), and
for a message of the system the rule, element and line of each finding.
"""

from __future__ import annotations

import time

from ketenproef.parse import parse_bytes
from mockserver.berichten import ONBEKEND, codes_map
from suite.dossier import Regel
from suite.gesprek import Gesprek, Uitkomst

GOED = frozenset({"0200", "8001"})
TIJD = ("op-tijd", "te-laat", "nooit", "geen-retour", "dubbel")
# Verdicts on a retour of the system that the ketenpartner could not pair with the heenbericht it was meant for.
LOS = ("onbekend-bericht", "dubbel", "verkeerd-type")


def codes(regel: Regel | None) -> dict[str, list[str]]:
    if regel is None or regel.xml is None:
        return {}
    root = parse_bytes(regel.xml, max(len(regel.xml), 1)).root  # elements only, as the ketenpartner read it
    return {} if root is None else codes_map(root)


def afkeur(codes_per_klasse: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: [c for c in v if c not in GOED] for k, v in codes_per_klasse.items() if set(v) - GOED}


def heenberichten(gesprek: Gesprek, uitkomst: Uitkomst) -> list[Regel]:
    regels = gesprek.heen(uitkomst)
    if not regels:
        wie = "het systeem" if uitkomst.door_systeem else "de ketenpartner"
        reden = f"het weigerde: {uitkomst.geweigerd}" if uitkomst.geweigerd else f"antwoord: {uitkomst.antwoord}"
        raise AssertionError(f"{wie} heeft bij '{uitkomst.actie}' geen heenbericht verstuurd ({reden})")
    return regels


def oordelen(gesprek: Gesprek, heen: Regel, wachten: bool = True) -> list[dict]:
    """The ketenpartner's verdicts on the system's retour to one of its own heenberichten."""
    verdicts = heen.entry.get("oordelen") or []
    if wachten and not any(v["soort"] in TIJD for v in verdicts):
        verdicts = gesprek.partner.wait_for_verdict(heen.id, timeout=gesprek.deadline + 2)
        gesprek.vergeet()
    return verdicts


def retour_van(gesprek: Gesprek, heen: Regel) -> Regel | None:
    for g in [gesprek, *gesprek.anderen]:
        retouren = g.dossier().retour_op(heen)
        if retouren:
            return retouren[0]
    return None


def beschrijf(heen: Regel) -> str:
    return f"{heen.naam} {heen.entry.get('identificatie')}"


def uitleg(gesprek: Gesprek, heen: Regel, verdicts: list[dict], retour: Regel | None) -> str:
    """What was wrong with the system's retour on the ketenpartner's ``heen``, as the ketenpartner judged it: its
    failing verdicts, and without a paired retour the retouren of the system it could not pair with ``heen``."""
    delen = [f"{v['soort']}: {v['detail']}" for v in verdicts if not v["goed"]]
    if retour is None:
        delen += [_los_beschreven(r, heen) for r in losse_retouren(gesprek, heen)]
    return "; ".join(delen) or ("geen retour ontvangen" if retour is None else "")


def losse_retouren(gesprek: Gesprek, heen: Regel) -> list[dict]:
    """Log entries of retouren the system sent after ``heen`` between the same parties that the ketenpartner did
    not pair with it: they name an Identificatie it never sent (``onbekend-bericht``; a retour without a client of
    this conversation is logged under ``onbekend``) or another heenbericht's (``dubbel``, ``verkeerd-type``)."""
    entries = [r.entry for g in [gesprek, *gesprek.anderen] for r in g.dossier().regels]
    try:
        entries += gesprek.partner.log(ONBEKEND)
    except Exception:  # the explanation of a failure must not fail itself
        pass
    partijen = {heen.entry.get("van"), heen.entry.get("voor")}
    gezien, out = set(), []
    for e in entries:
        if (e["id"] in gezien or e.get("richting") != "in" or e.get("soort") == "heen" or e["id"] <= heen.id
                or e.get("heen_id") == heen.id or {e.get("van"), e.get("voor")} != partijen):
            continue
        if e.get("heen_id") is None or any(v["soort"] in LOS and not v["goed"] and v.get("retour_id") == e["id"]
                                           for v in e.get("oordelen") or []):
            gezien.add(e["id"])
            out.append(e)
    return sorted(out, key=lambda e: e["id"])


def _los_beschreven(e: dict, heen: Regel) -> str:
    fout = [f"{v['soort']}: {v['detail']}" for v in e.get("oordelen") or []
            if not v["goed"] and v.get("retour_id") == e["id"]]
    return (f"wel ontving de ketenpartner {e.get('message')} {e.get('identificatie')} van het systeem, maar die "
            f"verwijst naar {e.get('referentie') or '(geen identificatie)'} in plaats van "
            f"{heen.entry.get('identificatie')}" + (f" ({'; '.join(fout)})" if fout else ""))


def bevinding(b: dict) -> str:
    """A finding of the ketenpartner on a message of the system: rule, retourcode, text, then where in the
    message: the element and its line."""
    waar = ", ".join(w for w in (b.get("path"), f"regel {b['line']}" if b.get("line") else None) if w)
    return f"{b.get('rule')} [{b.get('retourcode') or '-'}] {b.get('text')}{f' (bij {waar})' if waar else ''}"


def afwijzend(heen: Regel) -> list[dict]:
    """The findings on a message of the system that reject it (a retourcode, or XSD and technical errors)."""
    return [b for b in heen.entry.get("bevindingen") or [] if b.get("retourcode") or b.get("level") in ("xsd",
                                                                                                         "technisch")]


def _bevindingen_tekst(heen: Regel) -> str:
    return "; ".join(bevinding(b) for b in afwijzend(heen)) or "geen"


def niet_afgekeurd(gesprek: Gesprek, uitkomst: Uitkomst, streng: bool = True) -> None:
    """The receiver accepted every heenbericht of the action. ``streng``: the system's retour must also be
    exactly right (all verdicts); without it (history in "Gegeven" steps) it only has to reject nothing."""
    for heen in heenberichten(gesprek, uitkomst):
        if heen.van_systeem:
            _ketenpartner_accepteert(heen)
        elif streng:
            _systeem_accepteert(gesprek, heen)
        else:
            _systeem_keurt_niets_af(gesprek, heen)


def _systeem_keurt_niets_af(gesprek: Gesprek, heen: Regel) -> None:
    verdicts = oordelen(gesprek, heen)
    retour = retour_van(gesprek, heen)
    afgekeurd = afkeur(codes(retour))
    if retour is None or afgekeurd:
        raise AssertionError(f"het systeem keurt {beschrijf(heen)} af: "
                             f"{afgekeurd if retour is not None else uitleg(gesprek, heen, verdicts, None)}")


def _ketenpartner_accepteert(heen: Regel) -> None:
    fout = afwijzend(heen)
    if heen.entry.get("status") != "geaccepteerd" or fout:
        regels = "; ".join(bevinding(b) for b in fout)
        raise AssertionError(f"de ketenpartner keurt {beschrijf(heen)} van het systeem af: {regels or heen.entry}")


def _systeem_accepteert(gesprek: Gesprek, heen: Regel) -> None:
    verdicts = oordelen(gesprek, heen)
    slecht = [v for v in verdicts if not v["goed"]]
    retour = retour_van(gesprek, heen)
    afgekeurd = afkeur(codes(retour))
    if slecht or afgekeurd or retour is None:
        raise AssertionError(f"het systeem accepteert {beschrijf(heen)} van de ketenpartner niet zoals verwacht: "
                             f"{uitleg(gesprek, heen, verdicts, retour) or f'afkeur {afgekeurd}'}")


def afgekeurd_met(gesprek: Gesprek, uitkomst: Uitkomst, code: str, klasse: str | None = None) -> None:
    """The receiver rejected the (last) heenbericht of the action with ``code`` (on ``klasse``)."""
    heen = heenberichten(gesprek, uitkomst)[-1]
    if heen.van_systeem:
        retour = retour_van(gesprek, heen)
        gevonden = codes(retour)
        waar = _waar(gevonden, code, klasse)
        if not waar:
            raise AssertionError(f"de ketenpartner keurde {beschrijf(heen)} niet af met {code}"
                                 f"{' op ' + klasse if klasse else ''}; retourcodes: {gevonden or 'geen'}; "
                                 f"bevindingen: {_bevindingen_tekst(heen)}")
        return
    verdicts = oordelen(gesprek, heen)
    retour = retour_van(gesprek, heen)
    gevonden = codes(retour)
    if retour is None:
        raise AssertionError(f"het systeem keurde {beschrijf(heen)} niet af met {code}"
                             f"{' op ' + klasse if klasse else ''}: {uitleg(gesprek, heen, verdicts, None)}")
    if not _waar(gevonden, code, klasse):
        oordeel = uitleg(gesprek, heen, verdicts, retour)
        raise AssertionError(f"het systeem keurde {beschrijf(heen)} niet af met {code}"
                             f"{' op ' + klasse if klasse else ''}; retourcodes in zijn retour: {gevonden or 'geen'}"
                             + (f"; oordelen: {oordeel}" if oordeel else ""))
    if any(not v["goed"] for v in verdicts):
        raise AssertionError("de retour van het systeem klopt niet helemaal: " + uitleg(gesprek, heen, verdicts,
                                                                                        retour))


def _waar(gevonden: dict[str, list[str]], code: str, klasse: str | None) -> list[str]:
    return [pad for pad, cs in gevonden.items() if code in cs and (klasse is None or _klasse(pad) == klasse)]


def _klasse(pad: str) -> str:
    return pad.rstrip("/").rsplit("/", 1)[-1].split("[", 1)[0]


def geen_retour(gesprek: Gesprek, uitkomst: Uitkomst) -> None:
    """XSD-level: the system must not answer with a retourbericht (it reports outside the messaging)."""
    heen = heenberichten(gesprek, uitkomst)[-1]
    verdicts = oordelen(gesprek, heen)
    if not any(v["soort"] == "geen-retour" and v["goed"] for v in verdicts):
        raise AssertionError(f"op het XSD-ongeldige {beschrijf(heen)} hoort geen retourbericht; oordelen: "
                             + ("; ".join(f"{v['soort']}: {v['detail']}" for v in verdicts) or "geen"))


def bevindingen(heen: Regel, regel_id: str) -> list[dict]:
    return [b for b in heen.entry.get("bevindingen") or [] if b.get("rule") == regel_id]


def termijn(regel: Regel, regel_id: str, verwacht: str, wat: str) -> None:
    """The ketenpartner judged ``regel`` (a message it received) 'tijdig' or 'te laat' under deadline rule
    ``regel_id`` (a ``proces`` finding means late), as ``verwacht`` says."""
    te_laat = bevindingen(regel, regel_id)
    if (verwacht == "te laat") != bool(te_laat):
        raise AssertionError(f"de ketenpartner vond {wat} {'te laat' if te_laat else 'tijdig'} ({regel_id}); "
                             f"verwacht: {verwacht}; {[b.get('text') for b in te_laat]}")


def wacht(seconden: float) -> None:
    time.sleep(seconden)


def voorkomen_of_afgekeurd(gesprek: Gesprek, uitkomst: Uitkomst, code: str, klasse: str | None = None) -> None:
    """A message that breaks a rule: a correct sender does not send it (the system refuses the trigger), a
    correct receiver rejects it with ``code``."""
    if uitkomst.door_systeem:
        if uitkomst.geweigerd:
            return
        if not uitkomst.heen_ids:  # nothing of it in this conversation: did it send anything at all?
            verstuurd = [str(i) for i in uitkomst.antwoord.get("verstuurd") or []]
            if verstuurd:
                raise AssertionError(f"het systeem meldt dat het {', '.join(verstuurd)} verstuurde, een bericht dat de "
                                     f"ontvanger met {code} moet afkeuren; een correcte verzender verstuurt het niet "
                                     f"(de ketenpartner vond het niet in het gesprek van deze client)")
            return
        heen = heenberichten(gesprek, uitkomst)[-1]
        raise AssertionError(f"het systeem stuurde {beschrijf(heen)}, een bericht dat de ontvanger met {code} moet "
                             f"afkeuren; bevindingen: {_bevindingen_tekst(heen)}")
    afgekeurd_met(gesprek, uitkomst, code, klasse)


def zoals_correcte_ontvanger(gesprek: Gesprek, uitkomst: Uitkomst) -> None:
    """The system's retour (or absence of one) is exactly what a correct receiver sends (all verdicts good)."""
    for heen in heenberichten(gesprek, uitkomst):
        if heen.van_systeem:
            raise AssertionError(f"{beschrijf(heen)} kwam van het systeem; hier hoort een bericht van de ketenpartner")
        verdicts = oordelen(gesprek, heen)
        if any(not v["goed"] for v in verdicts):
            retour = retour_van(gesprek, heen)
            raise AssertionError(f"het systeem beantwoordt {beschrijf(heen)} niet zoals een correcte ontvanger: "
                                 + uitleg(gesprek, heen, verdicts, retour))


def niets_dubbel(gesprek: Gesprek) -> None:
    """No heenbericht from the system twice (same identificatie, or the same content accepted twice) and nothing
    the ketenpartner had to refuse as a repeat (TR056, TR074)."""
    regels = gesprek.dossier().berichten(heen=True, van_systeem=True)
    verwerkt = [r for r in regels if r.entry.get("status") in ("geaccepteerd", "afgekeurd", "geweigerd")]
    ids = [(r.naam, r.entry.get("identificatie")) for r in verwerkt]
    dubbel = {i for i in ids if ids.count(i) > 1}
    herhaald = [r.entry.get("identificatie") for r in verwerkt
                if any(b.get("rule") in ("TR056", "TR074") for b in r.entry.get("bevindingen") or [])
                or "identificatie-niet-uniek" in str(r.entry.get("bevindingen"))]
    inhoud = [_kern(r) for r in verwerkt if r.entry.get("status") == "geaccepteerd"]
    zelfde = {k for k in inhoud if inhoud.count(k) > 1}
    assert not (dubbel or herhaald or zelfde), (f"het systeem verstuurde iets dubbel: identificaties {dubbel or '-'}, "
                                                f"herhalingen {herhaald or '-'}, zelfde inhoud {len(zelfde)}x")


def _kern(regel: Regel) -> str:
    """The body of a message without its header: two accepted messages with the same body are a double booking."""
    import json

    body = {k: v for k, v in (regel.data or {}).items() if k != "Header"}
    return json.dumps(body, sort_keys=True, default=str)
