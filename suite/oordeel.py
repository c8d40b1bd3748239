"""Judging an exchange from the log, whichever side the system under test was on: did the receiver accept the
heenbericht, or reject it with exactly the expected retourcode on the expected berichtklasse?

When the system sent the heenbericht, the ketenpartner judged it (its findings and the retour it sent). When
the ketenpartner sent it, the system's retour is compared by the ketenpartner with the retour a correct receiver
sends (the verdicts ``juiste-codes``, ``op-tijd`` ...). Failures raise AssertionError with a Dutch explanation.
"""

from __future__ import annotations

import time

from ketenproef.parse import parse_bytes
from mockserver.berichten import codes_map
from suite.dossier import Regel
from suite.gesprek import Gesprek, Uitkomst

GOED = frozenset({"0200", "8001"})
TIJD = ("op-tijd", "te-laat", "nooit", "geen-retour", "dubbel")


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
    oordelen(gesprek, heen)
    retour = retour_van(gesprek, heen)
    afgekeurd = afkeur(codes(retour))
    if retour is None or afgekeurd:
        raise AssertionError(f"het systeem keurt {beschrijf(heen)} af: "
                             f"{afgekeurd if retour is not None else 'geen retour ontvangen'}")


def _ketenpartner_accepteert(heen: Regel) -> None:
    fout = [b for b in heen.entry.get("bevindingen") or [] if b.get("retourcode") or b.get("level") in ("xsd",
                                                                                                     "technisch")]
    if heen.entry.get("status") != "geaccepteerd" or fout:
        regels = "; ".join(f"{b.get('rule')} [{b.get('retourcode')}] {b.get('text')}" for b in fout)
        raise AssertionError(f"de ketenpartner keurt {beschrijf(heen)} van het systeem af: {regels or heen.entry}")


def _systeem_accepteert(gesprek: Gesprek, heen: Regel) -> None:
    verdicts = oordelen(gesprek, heen)
    slecht = [v for v in verdicts if not v["goed"]]
    retour = retour_van(gesprek, heen)
    afgekeurd = afkeur(codes(retour))
    if slecht or afgekeurd or retour is None:
        uitleg = "; ".join(f"{v['soort']}: {v['detail']}" for v in slecht) or f"afkeur {afgekeurd}"
        raise AssertionError(f"het systeem accepteert {beschrijf(heen)} van de ketenpartner niet zoals verwacht: "
                             f"{uitleg if retour is not None else 'geen retour ontvangen'}")


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
                                 f"bevindingen: {[b.get('rule') for b in heen.entry.get('bevindingen') or []]}")
        return
    verdicts = oordelen(gesprek, heen)
    retour = retour_van(gesprek, heen)
    gevonden = codes(retour)
    if retour is None or not _waar(gevonden, code, klasse):
        raise AssertionError(f"het systeem keurde {beschrijf(heen)} niet af met {code}"
                             f"{' op ' + klasse if klasse else ''}; retourcodes in zijn retour: {gevonden or 'geen'}")
    slecht = [v for v in verdicts if not v["goed"]]
    if slecht:
        raise AssertionError("de retour van het systeem klopt niet helemaal: "
                             + "; ".join(f"{v['soort']}: {v['detail']}" for v in slecht))


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
                             + "; ".join(f"{v['soort']}: {v['detail']}" for v in verdicts))


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
        if uitkomst.geweigerd or not uitkomst.heen_ids:
            return
        heen = heenberichten(gesprek, uitkomst)[-1]
        raise AssertionError(f"het systeem stuurde {beschrijf(heen)}, een bericht dat de ontvanger met {code} moet "
                             f"afkeuren; bevindingen: {[b.get('rule') for b in heen.entry.get('bevindingen') or []]}")
    afgekeurd_met(gesprek, uitkomst, code, klasse)


def zoals_correcte_ontvanger(gesprek: Gesprek, uitkomst: Uitkomst) -> None:
    """The system's retour (or absence of one) is exactly what a correct receiver sends (all verdicts good)."""
    for heen in heenberichten(gesprek, uitkomst):
        if heen.van_systeem:
            raise AssertionError(f"{beschrijf(heen)} kwam van het systeem; hier hoort een bericht van de ketenpartner")
        slecht = [v for v in oordelen(gesprek, heen) if not v["goed"]]
        if slecht:
            raise AssertionError(f"het systeem beantwoordt {beschrijf(heen)} niet zoals een correcte ontvanger: "
                                 + "; ".join(f"{v['soort']}: {v['detail']}" for v in slecht))


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
