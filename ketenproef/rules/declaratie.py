"""Single-message rules of the declaratie (323) and the declaratie-antwoord (325).

A 25 MB 323 holds ~30,000 Prestaties, so the Prestatie fields are read once per message by
``prestaties(b)`` into plain columns (tuples, index i = the i-th Prestatie in document order) and every
rule works on those; an element is looked up only for a violation. Reading the fields costs two tag
filtered passes over the Clienten subtree (lxml's C iterator): one for the child counts of Prestaties,
Prestatie and ProductReferentie (which give the client of each Prestatie and whether the optional ProductTarief
and VorigReferentieNummer are there), one for the texts of the ten mandatory fields (a fixed stride of ten per
Prestatie). Comments or processing instructions inside Clienten would disturb those counts and texts; when
there are any, they are corrected for them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import operator
import re
from collections.abc import Callable, Iterator
from itertools import compress

from lxml import etree

from ketenproef.bericht import Bericht, date, find, findall, local, text
from ketenproef.calculations.perioden import declaratieperiode
from ketenproef.rules.registry import gedekt_door, regel

_VELDEN = ("ReferentieNummer", "ToewijzingNummer", "ProductCategorie", "ProductCode", "Begindatum", "Einddatum",
           "GeleverdVolume", "Eenheid", "Bedrag", "DebetCredit")  # the mandatory leaves, in document order
_STER = tuple("{*}" + naam for naam in _VELDEN)
_OVERIG = (etree.Comment, etree.ProcessingInstruction)
_KINDEREN = {"323": 8, "325": 9}  # element children of a Prestatie without ProductTarief
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_EERSTE_DAG = "2021-01-01"  # CS100


class Prestaties:
    """The Prestaties of one 323/325 as columns of plain values (dates as ISO text, amounts as int)."""

    def __init__(self, clienten: etree._Element | None, kolommen: list[list], vorig: dict[int, str],
                 tarief: list[bool], client: list[int]):
        # Tuples, not lists: a tuple of texts and numbers leaves the cyclic collector's view at its first collection,
        # a list of 30,000 is walked again at every collection of its generation while the message is judged.
        (self.rn, self.tnr, self.cat, self.code, self.begin, self.eind, self.volume, self.eenheid, self.bedrag,
         self.dc) = map(tuple, kolommen)
        self.n, self.vorig, self.tarief, self.client = len(self.rn), vorig, tuple(tarief), tuple(client)
        self._clienten, self._elementen = clienten, None
        self.perioden = set(zip(self.begin, self.eind, strict=True))
        if not all(_ISO.fullmatch(d) for periode in self.perioden for d in periode):  # xs:date allows whitespace
            self.begin = tuple(d.strip() for d in self.begin)
            self.eind = tuple(d.strip() for d in self.eind)
            self.perioden = set(zip(self.begin, self.eind, strict=True))

    def element(self, i: int, pad: str | None = None) -> etree._Element:
        """The i-th Prestatie element (or its descendant at ``pad``)."""
        if self._elementen is None:
            self._elementen = list(self._clienten.iter("{*}Prestatie"))
        el = self._elementen[i]
        return el if pad is None else find(el, pad)

    def met_periode(self, fout: Callable[[str, str], bool]) -> Iterator[int]:
        """Indexes of the Prestaties whose (Begindatum, Einddatum) satisfy ``fout``; tested once per period."""
        slecht = {p for p in self.perioden if fout(*p)}
        if slecht:
            yield from (i for i, p in enumerate(zip(self.begin, self.eind, strict=True)) if p in slecht)


def prestaties(b: Bericht) -> Prestaties:
    """The Prestaties of a 323 or 325, read once per message and kept on the Bericht."""
    cached = b.__dict__.get("_prestaties")
    if cached is None:
        clienten = find(b.root, b.klassen["Client"].rsplit("/", 1)[0])
        leeg = Prestaties(None, [[] for _ in _VELDEN], {}, [], [])  # a 325 without rejected Prestaties
        cached = b.__dict__["_prestaties"] = leeg if clienten is None else _lees(clienten, _KINDEREN[b.number])
    return cached


def _lees(clienten: etree._Element, kinderen: int) -> Prestaties:
    """Read all Prestaties below Clienten in two tag-filtered passes (see the module docstring)."""
    # pass 1: child counts of the containers; the leaves VorigReferentieNummer, comments and PIs kept as elements
    tellingen = [len(el) or el for el in clienten.iter("{*}Prestaties", "{*}Prestatie", "{*}ProductReferentie",
                                                         "{*}VorigReferentieNummer", *_OVERIG)]
    losse = [x for x in tellingen if type(x) is not int]
    aantallen = [x for x in tellingen if type(x) is int] if losse else tellingen
    commentaar: dict[etree._Element, int] = {}  # element -> its number of comment/PI children
    for el in losse:
        if not isinstance(el.tag, str):
            ouder = el.getparent()
            commentaar[ouder] = commentaar.get(ouder, 0) + 1
    vorige = [el for el in losse if isinstance(el.tag, str)]
    if commentaar:  # rare: count element children only, and join the text around comments in a leaf
        vorige = list(clienten.iter("{*}VorigReferentieNummer"))  # one holding a comment was counted as a container
        volle = {el: "".join(el.itertext()) for el, k in commentaar.items() if len(el) == k}
        aantallen = [len(el) - commentaar.get(el, 0)
                     for el in clienten.iter("{*}Prestaties", "{*}Prestatie", "{*}ProductReferentie")]
        teksten = [volle[el] if el in volle else el.text for el in clienten.iter(*_STER)]
        vorig_teksten = [volle[el] if el in volle else el.text for el in vorige]
    else:  # pass 2: the ten mandatory leaves
        teksten = [el.text for el in clienten.iter(*_STER)]
        vorig_teksten = [el.text for el in vorige]
    lp, lr, client = _per_client(aantallen)
    met_vorig = list(compress(range(len(lr)), map((2).__eq__, lr)))  # ProductReferentie with 2 children
    if len(teksten) != 10 * len(lp) or len(met_vorig) != len(vorig_teksten) or len(lr) != len(lp):
        raise ValueError("de Prestaties hebben niet de vorm die de XSD voorschrijft")
    kolommen = [teksten[k::10] for k in range(10)]
    kolommen[1] = list(map(int, kolommen[1]))
    kolommen[8] = list(map(int, kolommen[8]))
    vorig = dict(zip(met_vorig, vorig_teksten, strict=True))
    return Prestaties(clienten, kolommen, vorig, list(map(kinderen.__lt__, lp)), client)


def _per_client(aantallen: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Split the counts [Prestaties, (Prestatie, ProductReferentie) x k, ...] into the children of each
    Prestatie, of each ProductReferentie, and the client (0, 1, ...) of each Prestatie."""
    lp, lr, client, pos, c = [], [], [], 0, 0
    while pos < len(aantallen):
        k = aantallen[pos]
        blok = aantallen[pos + 1:pos + 1 + 2 * k]
        lp += blok[0::2]
        lr += blok[1::2]
        client += [c] * k
        pos, c = pos + 1 + 2 * k, c + 1
    return lp, lr, client


def _met_teken(el: etree._Element, bedrag: str) -> int:
    """A (Totaal)Bedrag with its DebetCredit as a signed number of cents."""
    waarde = int(text(el, bedrag))
    return -waarde if text(el, "DebetCredit") == "C" else waarde


def _saldo(p: Prestaties) -> int:
    """Sum of IngediendBedrag over all Prestaties: debet added, credit subtracted."""
    credit = sum(compress(p.bedrag, map("C".__eq__, p.dc)))
    return sum(p.bedrag) - 2 * credit


def _vijf_jaar_eerder(dag: dt.date) -> dt.date:
    """60 months before ``dag``, clamped to the end of a shorter month (and to the first representable day for a
    DeclaratieDagtekening in the years 1-5, which the XSD allows)."""
    if dag.year <= dt.MINYEAR + 4:
        return dt.date.min
    return dag.replace(year=dag.year - 5, day=min(dag.day, calendar.monthrange(dag.year - 5, dag.month)[1]))


# --- periods ---------------------------------------------------------------------------------------------

@regel("TR137", berichten=["323", "325"])
def TR137(b: Bericht):
    """Einddatum van DeclaratiePeriode (323) en ProductPeriode (323, 325) ligt niet voor de Begindatum en niet
    na de Dagtekening van het bericht."""
    dag = b.dagtekening.isoformat()
    for periode in [find(b.root, "Declaratie/DeclaratiePeriode")] if b.number == "323" else []:
        begin, eind = text(periode, "Begindatum").strip(), text(periode, "Einddatum").strip()
        yield from _tr137(find(periode, "Einddatum"), "DeclaratiePeriode", begin, eind, dag)
    p = prestaties(b)
    for i in p.met_periode(lambda begin, eind: eind < begin or eind > dag):
        yield from _tr137(p.element(i, "ProductPeriode/Einddatum"), "ProductPeriode", p.begin[i], p.eind[i], dag)


def _tr137(el: etree._Element, naam: str, begin: str, eind: str, dag: str):
    if eind < begin:
        yield el, f"Einddatum {eind} van de {naam} ligt voor de Begindatum {begin} (TR137)."
    if eind > dag:
        yield el, f"Einddatum {eind} van de {naam} ligt na de Dagtekening {dag} van het bericht (TR137)."


@regel("TR319", berichten=["323"], retourcode="9319")
def TR319(b: Bericht):
    """Een Prestatie valt binnen de huidige of een eerdere declaratieperiode: Begindatum en Einddatum van de
    ProductPeriode liggen niet na de Einddatum van de DeclaratiePeriode."""
    einde = text(b.root, "Declaratie/DeclaratiePeriode/Einddatum").strip()
    p = prestaties(b)
    for i in p.met_periode(lambda begin, eind: begin > einde or eind > einde):
        yield p.element(i), (f"ProductPeriode {p.begin[i]} t/m {p.eind[i]} valt (deels) na de DeclaratiePeriode, "
                             f"die eindigt op {einde} (TR319).")


@regel("TR335", berichten=["323"])
def TR335(b: Bericht):
    """Einddatum van de ProductPeriode ligt niet meer dan 5 jaar (60 maanden) voor de DeclaratieDagtekening."""
    grens = _vijf_jaar_eerder(date(b.root, "Declaratie/DeclaratieDagtekening")).isoformat()
    p = prestaties(b)
    for i in p.met_periode(lambda begin, eind: eind < grens):
        yield p.element(i, "ProductPeriode/Einddatum"), (
            f"Einddatum {p.eind[i]} van de ProductPeriode ligt meer dan 5 jaar voor de DeclaratieDagtekening; "
            f"de vroegst toegestane Einddatum is {grens} (TR335).")


@regel("CS100", berichten=["323"])
def CS100(b: Bericht):
    """Begindatum van DeclaratiePeriode en van ProductPeriode is 01-01-2021 of later."""
    begin = text(b.root, "Declaratie/DeclaratiePeriode/Begindatum").strip()
    if begin < _EERSTE_DAG:
        yield find(b.root, "Declaratie/DeclaratiePeriode/Begindatum"), (
            f"Begindatum {begin} van de DeclaratiePeriode ligt voor 2021-01-01 (CS100).")
    p = prestaties(b)
    for i in p.met_periode(lambda begin, eind: begin < _EERSTE_DAG):
        yield p.element(i, "ProductPeriode/Begindatum"), (
            f"Begindatum {p.begin[i]} van de ProductPeriode ligt voor 2021-01-01 (CS100).")


@regel("CS337", berichten=["323"])
def CS337(b: Bericht):
    """Einddatum van de ProductPeriode ligt in dezelfde kalendermaand en hetzelfde jaar als de Begindatum."""
    p = prestaties(b)
    for i in p.met_periode(lambda begin, eind: begin[:7] != eind[:7]):
        yield p.element(i, "ProductPeriode/Einddatum"), (
            f"ProductPeriode {p.begin[i]} t/m {p.eind[i]} ligt niet binnen een kalendermaand (CS337).")


@regel("CS340", berichten=["323"])
def CS340(b: Bericht):
    """De DeclaratiePeriode is precies een kalendermaand: de 1e t/m de laatste dag van dezelfde maand."""
    periode = find(b.root, "Declaratie/DeclaratiePeriode")
    begin, eind = date(periode, "Begindatum"), date(periode, "Einddatum")
    maand = declaratieperiode(begin)
    eerste, laatste = maand.begindatum, maand.einddatum
    if (begin, eind) != (eerste, laatste):
        yield periode, (f"DeclaratiePeriode {begin} t/m {eind} is geen hele kalendermaand; bedoeld is bijvoorbeeld "
                        f"{eerste} t/m {laatste} (CS340).")


gedekt_door("OP280", ["CS340", "TR319"], "Een 323 heeft een DeclaratiePeriode (XSD) van precies een kalendermaand "
                                        "(CS340); Prestaties uit latere perioden weert TR319.")
gedekt_door("OP367", ["CS337"], "CS337 eist dat Begindatum en Einddatum van de ProductPeriode in dezelfde "
                                "kalendermaand liggen.")


# --- references ------------------------------------------------------------------------------------------

@regel("TR315", berichten=["323"])
def TR315(b: Bericht):
    """Een VorigReferentieNummer komt maar een keer voor in het bericht."""
    p = prestaties(b)
    if len(set(p.vorig.values())) == len(p.vorig):
        return
    gezien: dict[str, int] = {}
    for i, vorig in p.vorig.items():
        if vorig in gezien:
            yield p.element(i, "ProductReferentie/VorigReferentieNummer"), (
                f"VorigReferentieNummer {vorig} komt al voor bij de Prestatie met ReferentieNummer "
                f"{p.rn[gezien[vorig]]}; een debetprestatie mag maar een keer gecrediteerd worden (TR315).")
        gezien.setdefault(vorig, i)


@regel("TR316", berichten=["323"])
def TR316(b: Bericht):
    """Een VorigReferentieNummer is niet gelijk aan een ReferentieNummer in hetzelfde bericht (ook niet het
    eigen): een debetregel mag niet in hetzelfde bericht gecrediteerd worden."""
    p = prestaties(b)
    if set(p.vorig.values()).isdisjoint(p.rn):  # the usual case, in C: no ReferentieNummer set is built
        return
    referenties = set(p.rn)
    for i, vorig in p.vorig.items():
        if vorig in referenties:
            yield p.element(i, "ProductReferentie/VorigReferentieNummer"), (
                f"VorigReferentieNummer {vorig} is het ReferentieNummer van een Prestatie in ditzelfde bericht; "
                f"een debetprestatie mag niet in hetzelfde bericht gecrediteerd worden (TR316).")


@regel("CD060", berichten=["323", "325"])
def CD060(b: Bericht):
    """VorigReferentieNummer is gevuld als DebetCredit van IngediendBedrag C (credit) is, en anders leeg."""
    p = prestaties(b)
    if p.dc.count("C") == len(p.vorig) and all(p.dc[i] == "C" for i in p.vorig):
        return
    for i, (dc, rn) in enumerate(zip(p.dc, p.rn, strict=True)):
        if dc == "C" and i not in p.vorig:
            yield p.element(i, "ProductReferentie"), (
                f"Prestatie {rn} is een creditprestatie (DebetCredit C) zonder VorigReferentieNummer (CD060).")
        elif dc != "C" and i in p.vorig:
            yield p.element(i, "ProductReferentie/VorigReferentieNummer"), (
                f"Prestatie {rn} is een debetprestatie maar heeft VorigReferentieNummer {p.vorig[i]}; dat mag "
                f"alleen bij DebetCredit C (CD060).")


@regel("TR416", berichten=["323"])
def TR416(b: Bericht):
    """Binnen een Client zijn er geen twee debetprestaties met gelijke ProductPeriode, ProductCategorie,
    ToewijzingNummer en ProductCode."""
    p = prestaties(b)
    debet = list(map("D".__eq__, p.dc))
    kolommen = [list(compress(kolom, debet)) for kolom in (p.client, p.begin, p.eind, p.cat, p.tnr, p.code)]
    if len(set(map(hash, zip(*kolommen, strict=True)))) == len(kolommen[0]):
        return  # the usual case, decided in C: all keys of the debets hash differently, so no two are alike
    sleutels = list(zip(p.client, p.begin, p.eind, p.cat, p.tnr, p.code, p.dc, strict=True))
    eerste: dict[tuple, int] = {}
    for i, sleutel in enumerate(sleutels):
        if sleutel[6] == "D":
            j = eerste.setdefault(sleutel, i)
            if j != i:
                yield p.element(i), (
                    f"Debetprestatie {p.rn[i]} heeft dezelfde ProductPeriode ({p.begin[i]} t/m {p.eind[i]}), "
                    f"ToewijzingNummer {p.tnr[i]}, ProductCategorie {p.cat[i]} en ProductCode {p.code[i]} als "
                    f"debetprestatie {p.rn[j]} van dezelfde Client (TR416).")


# --- amounts and units -----------------------------------------------------------------------------------

@regel("TR358", berichten=["323"])
def TR358(b: Bericht):
    """TotaalIngediendBedrag is de som van IngediendBedrag van alle Prestaties (debet opgeteld, credit
    afgetrokken), met DebetCredit D bij een positieve en C bij een negatieve som."""
    totaal = find(b.root, "Declaratie/TotaalIngediendBedrag")
    saldo, opgegeven = _saldo(prestaties(b)), _met_teken(totaal, "TotaalBedrag")
    if opgegeven != saldo:
        yield totaal, (f"TotaalIngediendBedrag is {abs(opgegeven)} {text(totaal, 'DebetCredit')}, maar de som van de "
                       f"Prestaties (debet min credit) is {abs(saldo)} {'C' if saldo < 0 else 'D'} (TR358).")


@regel("TR342", berichten=["325"])
def TR342(b: Bericht):
    """Een 325 bevat alleen afgewezen Prestaties. Zonder afkeur op DeclaratieAntwoord (alleen 0200/8001) is de
    som van hun IngediendBedrag gelijk aan TotaalIngediendBedrag min TotaalToegekendBedrag; met afkeur op
    DeclaratieAntwoord is TotaalToegekendBedrag 0."""
    antwoord = find(b.root, "DeclaratieAntwoord")
    if antwoord is None:
        return
    toegekend = find(antwoord, "TotaalToegekendBedrag")
    ingediend = _met_teken(find(antwoord, "TotaalIngediendBedrag"), "TotaalBedrag")
    codes = {el.text for el in findall(antwoord, "RetourCodes/RetourCode")}
    if not codes <= {"0200", "8001"}:
        if _met_teken(toegekend, "TotaalBedrag") != 0:
            yield toegekend, (f"DeclaratieAntwoord is afgekeurd (RetourCode {', '.join(sorted(codes))}), dus moet "
                              f"TotaalToegekendBedrag 0 zijn; het is {text(toegekend, 'TotaalBedrag')} (TR342).")
        return
    verschil, saldo = ingediend - _met_teken(toegekend, "TotaalBedrag"), _saldo(prestaties(b))
    if verschil != saldo:
        yield toegekend, (f"TotaalIngediendBedrag min TotaalToegekendBedrag is {verschil} cent, maar de teruggestuurde "
                          f"(afgewezen) Prestaties tellen op tot {saldo} cent (debet min credit) (TR342).")


@regel("CS325", berichten=["323", "325"])
def CS325(b: Bericht):
    """Is een (Totaal)Bedrag 0, dan is DebetCredit D."""
    for pad in ("Declaratie/TotaalIngediendBedrag", "DeclaratieAntwoord/TotaalIngediendBedrag",
                "DeclaratieAntwoord/TotaalToegekendBedrag"):
        bedrag = find(b.root, pad)
        if bedrag is not None and int(text(bedrag, "TotaalBedrag")) == 0 and text(bedrag, "DebetCredit") == "C":
            yield find(bedrag, "DebetCredit"), f"{local(bedrag)} is 0 met DebetCredit C; 0 is altijd D (CS325)."
    p = prestaties(b)
    if 0 in p.bedrag:
        for i in (i for i, (bedrag, dc) in enumerate(zip(p.bedrag, p.dc, strict=True)) if bedrag == 0 and dc == "C"):
            yield p.element(i, "IngediendBedrag/DebetCredit"), (
                f"IngediendBedrag van Prestatie {p.rn[i]} is 0 met DebetCredit C; 0 is altijd D (CS325).")


@regel("CD087", berichten=["323"])
def CD087(b: Bericht):
    """ProductTarief is gevuld als Eenheid niet 83 (euro's) is, en leeg bij Eenheid 83."""
    p = prestaties(b)
    met, zonder = set(compress(p.eenheid, p.tarief)), set(compress(p.eenheid, map(operator.not_, p.tarief)))
    if "83" not in met and zonder <= {"83"}:
        return
    for i, (eenheid, tarief) in enumerate(zip(p.eenheid, p.tarief, strict=True)):
        if eenheid == "83" and tarief:
            yield p.element(i, "ProductTarief"), (
                f"Prestatie {p.rn[i]} heeft Eenheid 83 (euro's); dan moet ProductTarief leeg zijn (CD087).")
        elif eenheid != "83" and not tarief:
            yield p.element(i, "Eenheid"), (
                f"Prestatie {p.rn[i]} heeft Eenheid {eenheid} maar geen ProductTarief; dat is verplicht bij "
                f"elke Eenheid behalve 83 (euro's) (CD087).")


@regel("CS339", berichten=["323"])
def CS339(b: Bericht):
    """Bij Eenheid 83 (euro's) is IngediendBedrag gelijk aan GeleverdVolume."""
    p = prestaties(b)
    if "83" not in p.eenheid:
        return
    for i in compress(range(p.n), map("83".__eq__, p.eenheid)):  # the Prestaties in euro's, picked out in C
        volume, bedrag = p.volume[i], p.bedrag[i]
        if int(volume) != bedrag:
            yield p.element(i, "IngediendBedrag/Bedrag"), (
                f"Prestatie {p.rn[i]} heeft Eenheid 83 (euro's): IngediendBedrag {bedrag} moet gelijk zijn aan "
                f"GeleverdVolume {int(volume)} (CS339).")
