"""Declaraties (323) and declaratie-antwoorden (325) as the chain knows them, per gemeente, aanbieder and standard.

A Prestatie goes through these states:

- ``ingediend``: received in a 323, no 325 yet;
- ``goedgekeurd``: the 325 did not list it (IV087: only rejected prestaties are returned);
- ``afgewezen``: listed in the 325 (or its Client was), or its class was already rejected when the 323 was
  applied (``afgekeurd``). Its ReferentieNummer stays used (TR314), it counts for nothing else;
- ``vervallen``: the whole declaratie was rejected (Header or Declaratie in error, IV087): it "counts as not
  sent", so its DeclaratieNummer and ReferentieNummers are free again.

Ingediend and goedgekeurd prestaties are "actief": they count for volumes (TR322, TR369), earlier debets
(TR389) and earlier credits (TR390). Only goedgekeurde debets may be credited (TR323, IV085).
The 325 is matched to its 323 by Header/DeclaratieIdentificatie; the first 325 of a 323 decides.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from ketenproef.bericht import Bericht, find, findall, local, text
from ketenproef.calculations import Periode

INGEDIEND, GOEDGEKEURD, AFGEWEZEN, VERVALLEN = "ingediend", "goedgekeurd", "afgewezen", "vervallen"
ACTIEF = frozenset({INGEDIEND, GOEDGEKEURD})
GEEN_OPMERKING, VOLLEDIG_TOEGEKEND = "0200", "8001"


class Prestatie(NamedTuple):
    """One Prestatie of a 323 (or 325) with the Bsn of its Client; amounts in cents."""

    referentie: str
    vorig: str | None
    toewijzing: int
    categorie: str
    code: str
    begin: dt.date
    einde: dt.date
    volume: int
    eenheid: str
    tarief: int | None
    bedrag: int
    debet_credit: str
    bsn: str

    @property
    def credit(self) -> bool:
        return self.debet_credit == "C"

    @property
    def periode(self) -> Periode:
        return Periode(self.begin, self.einde)

    @property
    def combinatie(self) -> tuple:
        """ToewijzingNummer, ProductCategorie, ProductCode and ProductPeriode (TR389, TR416)."""
        return self.toewijzing, self.categorie, self.code, self.begin, self.einde

    def volume_regel(self) -> dict:
        """The part of ``als_dict`` that ``netto_geleverd_volume`` reads (cheap: used per prestatie)."""
        return {"GeleverdVolume": self.volume, "Eenheid": self.eenheid,
                "IngediendBedrag": {"Bedrag": self.bedrag, "DebetCredit": self.debet_credit}}

    def als_dict(self) -> dict:
        """The shape ``ketenproef.calculations`` works with (element names of the 323 Prestatie)."""
        return {"ProductReferentie": {"ReferentieNummer": self.referentie, "VorigReferentieNummer": self.vorig},
                "ToewijzingNummer": self.toewijzing, "ProductCategorie": self.categorie, "ProductCode": self.code,
                "ProductPeriode": {"Begindatum": self.begin, "Einddatum": self.einde},
                "GeleverdVolume": self.volume, "Eenheid": self.eenheid, "ProductTarief": self.tarief,
                "IngediendBedrag": {"Bedrag": self.bedrag, "DebetCredit": self.debet_credit}}


class Item(NamedTuple):
    """A Prestatie of the message being judged, with its element and its Client element."""

    prestatie: Prestatie
    el: etree._Element
    client: etree._Element


def prestaties(b: Bericht) -> list[Item]:
    """Every Prestatie of a 323 or 325 in document order; one pass, cached on the Bericht."""
    cached = b.__dict__.get("_keten_prestaties")
    if cached is None:
        cached, b.__dict__["_keten_ruw"] = _lees(b)
        b.__dict__["_keten_prestaties"] = cached
    return cached


def ruwe_waarden(b: Bericht) -> list[str]:
    """Per item of ``prestaties`` its values as the message writes them (``VELDEN`` order), joined by ``RUW_SCHEIDING``,
    ``RUW_ONTBREEKT`` for a value that is absent: what the 325's writer copies (``declaratie_antwoord.Schrijver``),
    read in the same pass. One string per prestatie (about 130 bytes) rather than twelve."""
    prestaties(b)
    return b.__dict__["_keten_ruw"]


def body(b: Bericht) -> etree._Element | None:
    """Declaratie (323) or DeclaratieAntwoord (325); None for a 325 with a Header only."""
    elements = [el for el in b.root if isinstance(el.tag, str)]
    return elements[1] if len(elements) > 1 else None


VELDEN = ("ReferentieNummer", "VorigReferentieNummer", "ToewijzingNummer", "ProductCategorie", "ProductCode",
          "Begindatum", "Einddatum", "GeleverdVolume", "Eenheid", "ProductTarief", "Bedrag", "DebetCredit")
_VELDEN = {naam: i for i, naam in enumerate(VELDEN)}
_TAGS = tuple("{*}" + naam for naam in ("Bsn", "Prestatie", *_VELDEN))
RUW_SCHEIDING, RUW_ONTBREEKT = "\x1f", "\x1e"  # no XML text holds either (not XML 1.0 characters)


def _lees(b: Bericht) -> tuple[list[Item], list[str]]:
    """One tag-filtered pass (lxml's C iterator) over Clienten; comments and PIs are skipped by the filter."""
    decl = body(b)
    container = None if decl is None else find(decl, "Clienten")
    out: list[Item] = []
    ruw: list[str] = []
    if container is None:
        return out, ruw
    posities: dict[str, int | str] = {}
    bsn = client = el = waarden = None
    for node in container.iter(*_TAGS):
        pos = posities.get(node.tag)
        if pos is None:
            pos = posities[node.tag] = _VELDEN.get(local(node), local(node))
        if pos.__class__ is int:
            waarden[pos] = node.text
            continue
        if waarden is not None:
            out.append(Item(_prestatie(waarden, bsn), el, client))
            ruw.append(_ruw(waarden))
            waarden = None
        if pos == "Prestatie":
            el, waarden = node, [None] * len(_VELDEN)
        else:
            bsn, client = node.text, node.getparent()
    if waarden is not None:
        out.append(Item(_prestatie(waarden, bsn), el, client))
        ruw.append(_ruw(waarden))
    return out, ruw


def _ruw(waarden: list) -> str:
    return RUW_SCHEIDING.join([RUW_ONTBREEKT if w is None else w for w in waarden])


def clienten(b: Bericht) -> list[etree._Element]:
    decl = body(b)
    return [] if decl is None else findall(decl, "Clienten/Client")


def _prestatie(w: list, bsn: str) -> Prestatie:
    return Prestatie(w[0], w[1], int(w[2]), _een(w[3]), _een(w[4]), _datum(w[5]), _datum(w[6]), int(w[7]), _een(w[8]),
                     None if w[9] is None else int(w[9]), int(w[10]), _een(w[11]), bsn)


@lru_cache(maxsize=4096)
def _een(waarde: str) -> str:
    """One object for a value that recurs in every prestatie (ProductCategorie, ProductCode, Eenheid, DebetCredit):
    a large 323 repeats a handful of them tens of thousands of times."""
    return waarde


@lru_cache(maxsize=4096)
def _datum(waarde: str) -> dt.date:
    return dt.date.fromisoformat(waarde.strip())


def paden(b: Bericht) -> list[tuple[str, str]]:
    """(readable path of the Client, of the Prestatie) per item, as ``readable_path`` writes them; no XPath. Cached
    on the Bericht, like ``prestaties``."""
    cached = b.__dict__.get("_keten_paden")
    if cached is None:
        cached = b.__dict__["_keten_paden"] = _paden(b)
    return cached


def _paden(b: Bericht) -> list[tuple[str, str]]:
    items, alle = prestaties(b), clienten(b)
    nummer = {id(c): i for i, c in enumerate(alle, 1)}
    aantal = Counter(id(item.client) for item in items)
    basis = f"/Bericht/{local(body(b))}/Clienten/Client" if alle else ""
    out, per_client = [], {}  # per Client: its path, its Prestaties' path, whether they need a position, how many
    for item in items:
        c = id(item.client)
        stand = per_client.get(c)
        if stand is None:
            client_pad = basis + (f"[{nummer[c]}]" if len(alle) > 1 else "")
            stand = per_client[c] = [client_pad, f"{client_pad}/Prestaties/Prestatie", aantal[c] > 1, 0]
        stand[3] += 1
        out.append((stand[0], f"{stand[1]}[{stand[3]}]" if stand[2] else stand[1]))
    return out


def signed(el: etree._Element | None, bedrag: str, teken: str = "DebetCredit") -> int | None:
    """A (Totaal)Bedrag with its DebetCredit as a signed number of cents."""
    if el is None:
        return None
    value = int(text(el, bedrag))
    return -value if text(el, teken) == "C" else value


@dataclass(slots=True)
class Boeking:
    """A received Prestatie and its state."""

    prestatie: Prestatie
    declaratie: str
    status: str = INGEDIEND

    @property
    def actief(self) -> bool:
        return self.status in ACTIEF


@dataclass
class Declaratie:
    """A received 323: its identification, totals and the bookings of its prestaties by ReferentieNummer."""

    identificatie: str
    dagtekening: dt.date
    xsd_versie: tuple[str | None, str | None]
    nummer: str
    periode: Periode
    totaal: int
    boekingen: dict[str, Boeking] = field(default_factory=dict)
    alle: list[Boeking] = field(default_factory=list)
    vervallen: bool = False
    beantwoord: bool = False
    # the order of the declaraties in an Administratie (the volgnummer of the applying message) and whether its
    # bookings are filed in the indexes (not when it was rejected whole as it arrived); for ``neem_over``
    volgnummer: int = field(default=0, compare=False)
    geboekt: bool = field(default=False, compare=False)


@dataclass
class Administratie:
    """Everything declared between one gemeente and one aanbieder in one standard."""

    declaraties: dict[str, Declaratie] = field(default_factory=dict)
    referenties: dict[str, list[Boeking]] = field(default_factory=dict)
    per_toewijzing: dict[int, list[Boeking]] = field(default_factory=dict)
    per_combinatie: dict[tuple, list[Boeking]] = field(default_factory=dict)
    credits: dict[str, list[Boeking]] = field(default_factory=dict)

    def gebruikt(self, referentie: str) -> bool:
        """Whether an earlier, not vervallen 323 used this ReferentieNummer (TR314)."""
        return any(bk.status != VERVALLEN for bk in self.referenties.get(referentie, ()))

    def boeking(self, referentie: str) -> Boeking | None:
        """The booking of a ReferentieNummer (the first that is not vervallen), or None."""
        return next((bk for bk in self.referenties.get(referentie, ()) if bk.status != VERVALLEN), None)

    def goedgekeurd_debet(self, referentie: str) -> Prestatie | None:
        """The approved debet Prestatie with this ReferentieNummer (TR323), or None."""
        bk = self.boeking(referentie)
        ok = bk is not None and bk.status == GOEDGEKEURD and not bk.prestatie.credit
        return bk.prestatie if ok else None

    def gecrediteerd(self, referentie: str) -> bool:
        """Whether an active credit with this VorigReferentieNummer exists (TR389, TR390)."""
        return any(bk.actief for bk in self.credits.get(referentie, ()))

    def op_toewijzing(self, nummer: int) -> list[Prestatie]:
        """Active debet and credit prestaties on a ToewijzingNummer (TR322, TR369)."""
        return [bk.prestatie for bk in self.per_toewijzing.get(nummer, ()) if bk.actief]

    def debetten(self, combinatie: tuple) -> list[Prestatie]:
        """Active debet prestaties with this ToewijzingNummer, ProductCategorie, ProductCode, ProductPeriode."""
        return [bk.prestatie for bk in self.per_combinatie.get(combinatie, ()) if bk.actief]

    def declaratienummers(self) -> set[str]:
        """DeclaratieNummers of the 323s that were not rejected as a whole (TR333)."""
        return {d.nummer for d in self.declaraties.values() if not d.vervallen}

    def laatste_periode(self) -> Periode | None:
        """The latest DeclaratiePeriode submitted (not rejected as a whole) (TR318, IV090)."""
        perioden = [d.periode for d in self.declaraties.values() if not d.vervallen]
        return max(perioden, default=None, key=lambda p: p.begindatum)

    def boek_groepen(self, groepen: Groepen) -> None:
        """File bookings grouped beforehand (``voorbereid``) under their ReferentieNummer, ToewijzingNummer, combinatie
        and VorigReferentieNummer, after the bookings already there."""
        for index, groep in zip((self.referenties, self.per_toewijzing, self.per_combinatie, self.credits), groepen,
                                strict=True):
            for key, boekingen in groep.items():
                found = index.get(key)
                if found is None:
                    index[key] = boekingen
                else:
                    found.extend(boekingen)

    def schrap(self, declaratie: Declaratie) -> None:
        """Take a declaratie out again, with its bookings in the indexes (``Part.neem_over``)."""
        del self.declaraties[declaratie.identificatie]
        if not declaratie.geboekt:
            return
        weg = {id(bk) for bk in declaratie.alle}
        for index, groep in zip((self.referenties, self.per_toewijzing, self.per_combinatie, self.credits),
                                groeperen(declaratie.alle), strict=True):
            for key in groep:
                over = [bk for bk in index[key] if id(bk) not in weg]
                if over:
                    index[key] = over
                else:
                    del index[key]

    def voeg_in(self, declaratie: Declaratie) -> None:
        """Put a declaratie in at the place of its volgnummer, as if it was applied in that order."""
        laatste = max((d.volgnummer for d in self.declaraties.values()), default=-1)
        self.declaraties[declaratie.identificatie] = declaratie
        if declaratie.volgnummer < laatste:
            self.declaraties = dict(sorted(self.declaraties.items(), key=lambda kv: kv[1].volgnummer))
        if not declaratie.geboekt:
            return
        def volgnummer(bk: Boeking) -> int:
            return self.declaraties[bk.declaratie].volgnummer
        for index, groep in zip((self.referenties, self.per_toewijzing, self.per_combinatie, self.credits),
                                groeperen(declaratie.alle), strict=True):
            for key, boekingen in groep.items():
                lijst = index.get(key)
                if lijst is None:
                    index[key] = boekingen
                else:
                    plek = bisect.bisect_right(lijst, declaratie.volgnummer, key=volgnummer)
                    lijst[plek:plek] = boekingen

    def verval(self, declaratie: Declaratie) -> None:
        """The whole declaratie was rejected: it counts as not sent (IV087)."""
        declaratie.vervallen = True
        for boeking in declaratie.alle:
            boeking.status = VERVALLEN


@dataclass
class Part:
    """The ledger part of declaraties: one Administratie per (gemeente, aanbieder, standard)."""

    administraties: dict[tuple[str, str, str], Administratie] = field(default_factory=dict)

    def administratie(self, gemeente: str, aanbieder: str, standaard: str) -> Administratie:
        """The administration of one party pair and standard (an empty one when nothing was declared)."""
        return self.administraties.get((gemeente, aanbieder, standaard)) or Administratie()

    def goedgekeurd(self, gemeente: str, aanbieder: str, nummer: int) -> bool:
        """Whether the toewijzing has an approved debet Prestatie that is not credited (TR385)."""
        for (g, a, _), adm in self.administraties.items():
            if (g, a) != (gemeente, aanbieder):
                continue
            for bk in adm.per_toewijzing.get(nummer, ()):
                p = bk.prestatie
                if bk.status == GOEDGEKEURD and not p.credit and not adm.gecrediteerd(p.referentie):
                    return True
        return False

    def van(self, b: Bericht) -> Administratie:
        """The administration a 323 or 325 belongs to."""
        from ketenproef.keten import partijen

        return self.administratie(*partijen(b), b.standard)

    def apply(self, b: Bericht, afgekeurd: frozenset[str], keten) -> None:
        if b.number not in ("323", "325"):
            return
        from ketenproef.keten import partijen

        adm = self.administraties.setdefault((*partijen(b), b.standard), Administratie())
        if b.number == "323":
            self._declaratie(b, afgekeurd, adm, getattr(keten, "volgnummer", 0))
        else:
            self._antwoord(b, afgekeurd, adm)

    def _declaratie(self, b: Bericht, afgekeurd: frozenset[str], adm: Administratie, volgnummer: int) -> None:
        klaar = b.__dict__.pop("_keten_voorbereid", None)
        if klaar is None or klaar.afgekeurd != afgekeurd:
            klaar = voorbereid(b, afgekeurd)
        declaratie = klaar.declaratie
        if declaratie.identificatie in adm.declaraties:
            return  # a second message with the same BerichtIdentificatie (TR056) does not replace the first
        adm.declaraties[declaratie.identificatie] = declaratie
        declaratie.volgnummer, declaratie.geboekt = volgnummer, not klaar.geheel
        if klaar.geheel:
            adm.verval(declaratie)
        else:
            adm.boek_groepen(klaar.groepen)

    # ------------------------------------------------------------------ withdrawing messages (``intrekken``)

    def eenheden(self, b: Bericht, afgekeurd: frozenset[str]) -> set[tuple]:
        """What a 323 or 325 may change: the declaratie it is or answers, ("declaratie", ((gemeente, aanbieder,
        standard), Identificatie)). The indexes of an Administratie follow from its declaraties in their order."""
        if b.number not in ("323", "325"):
            return set()
        from ketenproef.keten import partijen

        ident = b.identificatie if b.number == "323" else text(b.header, "DeclaratieIdentificatie/Identificatie")
        return {("declaratie", ((*partijen(b), b.standard), ident))}

    def neem_over(self, bron: Part, eenheden) -> None:
        """These declaraties as ``bron`` has them, each at the place of its volgnummer."""
        for soort, key in eenheden:
            if soort != "declaratie":
                continue
            sleutel, ident = key
            adm, van = self.administraties.get(sleutel), bron.administraties.get(sleutel)
            oud = adm.declaraties.get(ident) if adm is not None else None
            nieuw = van.declaraties.get(ident) if van is not None else None
            if oud is None and nieuw is None:
                continue
            if nieuw is not None and oud is not None and nieuw.volgnummer == oud.volgnummer \
                    and nieuw.geboekt == oud.geboekt and len(nieuw.alle) == len(oud.alle):
                # the same 323: only what a 325 decided can differ; kept in place, the indexes hold these bookings
                oud.vervallen, oud.beantwoord = nieuw.vervallen, nieuw.beantwoord
                for boeking, zo in zip(oud.alle, nieuw.alle, strict=True):
                    boeking.status = zo.status
                continue
            if adm is None:
                adm = self.administraties[sleutel] = Administratie()
            if oud is not None:
                adm.schrap(oud)
            if nieuw is not None:
                adm.voeg_in(nieuw)
            if not adm.declaraties:
                del self.administraties[sleutel]

    def _antwoord(self, b: Bericht, afgekeurd: frozenset[str], adm: Administratie) -> None:
        declaratie = adm.declaraties.get(text(b.header, "DeclaratieIdentificatie/Identificatie"))
        if "/Bericht/Header" in afgekeurd or declaratie is None or declaratie.beantwoord or declaratie.vervallen:
            return
        declaratie.beantwoord = True
        antwoord = body(b)
        if antwoord is None or set(codes(b.header)) - {GEEN_OPMERKING} \
                or set(codes(antwoord)) - {GEEN_OPMERKING, VOLLEDIG_TOEGEKEND}:
            adm.verval(declaratie)
            return
        lijst = Samenvatting.van(b, afgekeurd)
        for boeking in declaratie.alle:
            referentie = boeking.prestatie.referentie
            if boeking.status != INGEDIEND or referentie in lijst.open_:
                continue
            rejected = referentie in lijst.afgewezen or boeking.prestatie.bsn in lijst.bsns
            boeking.status = AFGEWEZEN if rejected else GOEDGEKEURD


# bookings by ReferentieNummer, ToewijzingNummer, combinatie (debet) and VorigReferentieNummer (credit)
Groepen = tuple[dict, dict, dict, dict]


@dataclass
class Voorbereid:
    """What applying a 323 adds to an Administratie, worked out from the message alone (``voorbereid``)."""

    afgekeurd: frozenset[str]
    declaratie: Declaratie
    geheel: bool
    groepen: Groepen


def voorbereid(b: Bericht, afgekeurd: frozenset[str]) -> Voorbereid:
    """The Declaratie of a 323 with its bookings, and the bookings grouped as ``Administratie.boek_groepen`` files them.
    Pure: a large 323 is prepared outside the Keten lock (``voorbereiden``), so applying it only merges."""
    decl_el = body(b)
    declaratie = Declaratie(
        identificatie=b.identificatie, dagtekening=b.dagtekening,
        xsd_versie=(text(b.header, "XsdVersie/BasisschemaXsdVersie"), text(b.header, "XsdVersie/BerichtXsdVersie")),
        nummer=text(decl_el, "DeclaratieNummer"),
        periode=Periode(dt.date.fromisoformat(text(decl_el, "DeclaratiePeriode/Begindatum")),
                        dt.date.fromisoformat(text(decl_el, "DeclaratiePeriode/Einddatum"))),
        totaal=signed(find(decl_el, "TotaalIngediendBedrag"), "TotaalBedrag"))
    geheel = bool(afgekeurd & {"/Bericht/Header", "/Bericht/Declaratie"})
    items = prestaties(b)
    wegen = paden(b) if afgekeurd and not geheel else [("", "")] * len(items)
    identificatie, boekingen, alle = declaratie.identificatie, declaratie.boekingen, declaratie.alle
    for item, (client_pad, pad) in zip(items, wegen, strict=True):  # names bound once: 20,000 prestaties and more
        p = item.prestatie
        boeking = Boeking(p, identificatie, AFGEWEZEN if client_pad in afgekeurd or pad in afgekeurd else INGEDIEND)
        boekingen.setdefault(p.referentie, boeking)
        alle.append(boeking)
    return Voorbereid(afgekeurd, declaratie, geheel, groeperen(alle))


def groeperen(boekingen: list[Boeking]) -> Groepen:
    """Bookings grouped as the indexes file them: by ReferentieNummer, ToewijzingNummer, combinatie (debet) and
    VorigReferentieNummer (credit), each group in the order given."""
    referenties, per_toewijzing, per_combinatie, credits = {}, {}, {}, {}
    for boeking in boekingen:  # Prestatie.credit and .combinatie written out: a property call per prestatie costs more
        p = boeking.prestatie
        referenties.setdefault(p.referentie, []).append(boeking)
        per_toewijzing.setdefault(p.toewijzing, []).append(boeking)
        if p.debet_credit == "C":
            credits.setdefault(p.vorig, []).append(boeking)
        else:
            per_combinatie.setdefault((p.toewijzing, p.categorie, p.code, p.begin, p.einde), []).append(boeking)
    return referenties, per_toewijzing, per_combinatie, credits


def voorbereiden(b: Bericht, afgekeurd: frozenset[str]) -> None:
    """Prepare applying a 323 ahead (cached on the Bericht; ``Part.apply`` uses it when ``afgekeurd`` matches)."""
    if b.number == "323":
        b.__dict__["_keten_voorbereid"] = voorbereid(b, afgekeurd)


def codes(klasse: etree._Element) -> list[str]:
    """The RetourCodes of a berichtklasse element of a 325."""
    return [el.text for el in findall(klasse, "RetourCodes/RetourCode")]


@dataclass(frozen=True)
class Samenvatting:
    """What a 325 lists, as applying it needs: the ReferentieNummers of its prestaties (``afgewezen``), those of them
    in a class the receiver of the 325 rejected (``open_``: they stay ingediend) and the Bsns of its Clients with a
    code other than 0200 (all their prestaties are rejected); ``clienten``: the Bsns of all its Clients, when it was
    given with the 325 (``zet``: then the 325's tree holds no Clienten to read them from)."""

    afgewezen: frozenset[str]
    open_: frozenset[str]
    bsns: frozenset[str]
    clienten: tuple[str, ...] = ()

    @staticmethod
    def van(b: Bericht, afgekeurd: frozenset[str]) -> Samenvatting:
        """Read from the 325, or given with it by whoever wrote it (``zet``: the ketenpartner's own 325, applied
        without rejected classes, whose prestaties are never read back)."""
        gegeven = Samenvatting.gegeven(b)
        if gegeven is not None and not afgekeurd:
            return gegeven
        afgewezen, open_, bsns = set(), set(), set()
        items = prestaties(b)
        wegen = paden(b) if afgekeurd else [("", "")] * len(items)
        for item, (client_pad, pad) in zip(items, wegen, strict=True):
            (open_ if pad in afgekeurd or client_pad in afgekeurd else afgewezen).add(item.prestatie.referentie)
        for client in clienten(b):
            if set(codes(client)) - {GEEN_OPMERKING}:
                bsns.add(text(client, "Bsn"))
        return Samenvatting(frozenset(afgewezen), frozenset(open_), frozenset(bsns))

    @staticmethod
    def gegeven(b: Bericht) -> Samenvatting | None:
        return b.__dict__.get("_samenvatting_325")

    @staticmethod
    def zet(b: Bericht, lijst) -> None:
        """Give a 325 (its Header and DeclaratieAntwoord without Clienten) what it lists
        (``declaratie_antwoord.Lijst``)."""
        b.__dict__["_samenvatting_325"] = Samenvatting(frozenset(lijst.referenties), frozenset(),
                                                       frozenset(lijst.afgewezen_bsns), tuple(lijst.bsns))


__all__ = ["ACTIEF", "AFGEWEZEN", "Administratie", "Boeking", "Declaratie", "GOEDGEKEURD", "INGEDIEND", "Item",
           "Part", "Prestatie", "Samenvatting", "VERVALLEN", "Voorbereid", "body", "clienten", "codes", "paden",
           "prestaties", "signed", "voorbereid", "voorbereiden"]
