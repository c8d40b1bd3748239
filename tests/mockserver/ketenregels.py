"""Helpers for the chain-rule tests over HTTP (test_ketenregels_http.py): an isolated conversation on a running
ketenpartner (``mockserver.handle.Ketenpartner``) and exact assertions on the retour it produces.

Scenarios are written with the values of the unit tests in tests/unit/keten/ (BSN 999990020 and 999990032,
AGB 12345678 and 87654321, ToewijzingNummer 586955 ..., ReferentieAanbieder VOT-0001 / VOW-0001), so they can be
copied from there. ``Gesprek.eigen`` translates them into values of this conversation only: its own BSNs, AGB
codes, ToewijzingNummers, references and identificaties. One ketenpartner can then serve many tests without one
test's chain state touching another's (TR318, TR332, TR333, TR347 ... are per aanbieder or per gemeente).
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable

from lxml import etree

from ketenproef import basis, factory
from ketenproef.bericht import local
from mockserver.handle import Ketenpartner
from tests.mockserver.helpers import ReferenceSut

BSN, ANDERE_BSN = basis.BSN, "999990032"  # as in tests/unit/keten
AGB, TWEEDE_AGB = basis.AGB, "87654321"
GEMEENTE = basis.GEMEENTE
NUMMERS = range(586955, 587000)  # ToewijzingNummers the unit scenarios use besides these:
EXTRA_NUMMERS = {445566: 50, 445567: 51, 999999: 99}
VERZONDEN_DOOR_GEMEENTE = ("301", "319", "325")
GEEN_OPMERKING, NIET_BEOORDEELD = "0200", "0233"

_gesprekken = itertools.count(1)


def elfproef_bsns():
    """Synthetic BSNs that pass the elfproef: 7xxxxxxxd."""
    for n in itertools.count(70_000_000):
        digits = [int(c) for c in str(n)]
        rest = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if rest <= 9:
            yield f"{n}{rest}"


_bsns = elfproef_bsns()


def verzender(name: str) -> str:
    return "gemeente" if name[-3:] in VERZONDEN_DOOR_GEMEENTE else "aanbieder"


class Gesprek:
    """One isolated conversation (two clients, two aanbieders) on a ketenpartner, in one standard.

    ``stuur`` puts a correct message into the chain state: the ketenpartner sends it itself
    (``POST /beheer/verzenden``) when it is its own role's message, otherwise the test delivers it as the SUT
    (``POST /berichten``) and it must be accepted. ``xml`` builds the SUT's message to deliver."""

    def __init__(self, kp: Ketenpartner, prefix: str, datum: str | None = None) -> None:
        self.kp, self.prefix, self.n = kp, prefix, next(_gesprekken)
        self.bsn, self.bsn2 = next(_bsns), next(_bsns)
        self.agb, self.agb2 = f"5{self.n:07d}", f"6{self.n:07d}"
        self.nummer = 1_000_000 + 100 * self.n
        self.teller = 0
        self.nummers = itertools.count(1)
        self.datum = datum or kp.config.datum.isoformat()
        self.sut = ReferenceSut(_date(self.datum))  # the SUT's own view of the chain (to build its retours)
        self.verstuurd: list[dict] = []  # the ketenpartner's heenberichten in this conversation (202 answers)
        if datum:
            for bsn in (self.bsn, self.bsn2):
                kp.set_datum(bsn, datum)

    # ------------------------------------------------------------------ values of this conversation
    def eigen(self, obj, key: str | None = None):
        """The unit-test values in ``obj`` replaced by the values of this conversation (a copy)."""
        if isinstance(obj, dict):
            return {k: self.eigen(v, k) for k, v in obj.items()}
        if isinstance(obj, list):
            return [self.eigen(v, key) for v in obj]
        if key == "Bsn":
            return {BSN: self.bsn, ANDERE_BSN: self.bsn2}.get(str(obj), obj)
        if key == "ToewijzingNummer":
            return self.toewijzingnummer(int(obj))
        if key == "ReferentieAanbieder" and obj:
            return f"{obj}-{self.n}"
        if key in ("Afzender", "Ontvanger"):
            return {AGB: self.agb, TWEEDE_AGB: self.agb2}.get(str(obj), obj)
        return obj

    def toewijzingnummer(self, nummer: int) -> int:
        if nummer in NUMMERS:
            return self.nummer + nummer - NUMMERS.start
        if nummer in EXTRA_NUMMERS:
            return self.nummer + EXTRA_NUMMERS[nummer]
        return nummer

    def identificatie(self) -> str:
        self.teller += 1
        return f"T{self.n:05d}{self.teller:04d}"

    def uniek(self, prefix: str) -> str:
        """A fresh value for a number that must be unique per aanbieder (DeclaratieNummer)."""
        return f"{prefix}{next(self.nummers):04d}"

    # ------------------------------------------------------------------ messages
    def bericht(self, nummer: str, wijzig: Callable[[dict], object] | None = None) -> dict:
        """The basis message (unit-test values), changed by ``wijzig``."""
        data = basis.basis(self.prefix + nummer)
        if wijzig is not None:
            wijzig(data)
        return data

    def xml(self, nummer: str, wijzig: Callable[[dict], object] | None = None, data: dict | None = None) -> bytes:
        """The SUT's message with the values of this conversation and a fresh Identificatie."""
        data = self.eigen(copy.deepcopy(data) if data is not None else self.bericht(nummer, wijzig))
        data["Header"]["BerichtIdentificatie"]["Identificatie"] = self.identificatie()
        return factory.to_bytes(self.prefix + nummer, data)

    def stuur(self, nummer: str, wijzig: Callable[[dict], object] | None = None, data: dict | None = None) -> dict:
        """Put a correct message into the chain state, sent by whichever side sends it; the 202 answer."""
        name = self.prefix + nummer
        if verzender(name) == self.kp.config.rol:
            data = self.eigen(copy.deepcopy(data) if data is not None else self.bericht(nummer, wijzig))
            sent = self.kp.send(name, data)
            rejecting = [f for f in sent["findings"] if f["level"] in ("bericht", "keten")]
            assert sent["valid"] and not rejecting, (name, sent["findings"])
            self.verstuurd.append(sent)
            return sent
        xml = self.xml(nummer, wijzig, data)
        answer = self.kp.deliver(xml)
        assert answer["http_status"] == 202 and answer["status"] == "geaccepteerd", (name, answer)
        self.sut.sent(xml)
        return answer

    def antwoord_325(self, sent: dict, wijzig: Callable[[dict], object] | None = None) -> bytes:
        """The SUT-gemeente's 325 on the ketenpartner's 323 ``sent``, judged with the SUT's own chain state,
        with a fresh Identificatie, optionally changed by ``wijzig`` (on plain data, values of this conversation)."""
        retour = self.sut.answer(self.kp.fetch(sent["id"]))
        name = sent["message"].replace("323", "325")
        data = factory.to_data(etree.fromstring(retour), name)
        data["Header"]["BerichtIdentificatie"]["Identificatie"] = self.identificatie()
        if wijzig is not None:
            wijzig(data)
        return factory.to_bytes(name, data)


def _date(value: str):
    import datetime as dt

    return dt.date.fromisoformat(value)


# ---------------------------------------------------------------------- the retour the ketenpartner produced


def retour_klassen(xml: bytes) -> list[tuple[etree._Element, list[str]]]:
    """(berichtklasse element, RetourCodes) for every RetourCodes in a retour, in document order."""
    root = etree.fromstring(xml)
    return [(rc.getparent(), [(c.text or "").strip() for c in rc if isinstance(c.tag, str)])
            for rc in root.iter("{*}RetourCodes")]


def assert_iv028(xml: bytes, klasse: str, code: str, aantal: int = 1) -> None:
    """IV028 (302 ... 320): a code in the Header means a retour with the Header only; a code in a body class means
    Header 0200, that class (``aantal`` times) exactly ``[code]``, every class below it 0233, every other 0200."""
    items = retour_klassen(xml)
    overzicht = [(local(el), codes) for el, codes in items]
    if klasse == "Header":
        assert overzicht == [("Header", [code])], overzicht
        return
    assert overzicht[0] == ("Header", [GEEN_OPMERKING]), overzicht
    afgekeurd = [el for el, codes in items[1:] if codes == [code]]
    assert len(afgekeurd) == aantal and {local(el) for el in afgekeurd} == {klasse}, overzicht
    for el, codes in items[1:]:
        if el in afgekeurd:
            continue
        onder = any(a in afgekeurd for a in el.iterancestors())
        assert codes == [NIET_BEOORDEELD if onder else GEEN_OPMERKING], (local(el), overzicht)


def _sleutel(el: etree._Element) -> str | None:
    name = local(el)
    if name == "Client":
        return el.findtext("{*}Bsn")
    if name == "Prestatie":
        return el.findtext("{*}ProductReferentie/{*}ReferentieNummer")
    return None


def codes_325(xml: bytes) -> dict[tuple[str, str | None], list[str]]:
    """RetourCodes of a 325 keyed by (class, Bsn for a Client / ReferentieNummer for a Prestatie)."""
    return {(local(el), _sleutel(el)): codes for el, codes in retour_klassen(xml)}


def assert_iv087(xml_325: bytes, xml_323: bytes, klasse: str, code: str, sleutel: str | None = None) -> None:
    """IV087 (325): Header only for a Header code; DeclaratieAntwoord with the code and no Clienten for a Declaratie
    code; for a Client (``sleutel`` = its Bsn) the code and all its prestaties 0233; for a Prestatie (``sleutel`` =
    its ReferentieNummer) the code, its Client 0200, and no other client or prestatie (they were approved)."""
    got = codes_325(xml_325)
    if klasse == "Header":
        assert got == {("Header", None): [code]}, got
        return
    want: dict = {("Header", None): [GEEN_OPMERKING]}
    if klasse == "Declaratie":
        want[("DeclaratieAntwoord", None)] = [code]
        assert got == want, got
        return
    want[("DeclaratieAntwoord", None)] = [GEEN_OPMERKING]
    bericht_323 = etree.fromstring(xml_323)
    clienten = {el.findtext("{*}Bsn"): el for el in bericht_323.iter("{*}Client")}
    if klasse == "Client":
        want[("Client", sleutel)] = [code]
        for p in clienten[sleutel].iter("{*}Prestatie"):
            want[("Prestatie", _sleutel(p))] = [NIET_BEOORDEELD]
    else:
        assert klasse == "Prestatie", klasse
        (bsn,) = [b for b, el in clienten.items() if sleutel in [_sleutel(p) for p in el.iter("{*}Prestatie")]]
        want[("Client", bsn)] = [GEEN_OPMERKING]
        want[("Prestatie", sleutel)] = [code]
    assert got == want, got


def toewijzing_301(prefix: str, nummer: int = 586955, bsn: str = BSN, **velden) -> dict:
    """A 301 with one ToegewezenProduct (default 4 uur per week, 2025-09-01 t/m 2026-06-30); a value None
    removes the element."""
    data = basis.basis(prefix + "301")
    data["Client"]["Bsn"] = bsn
    product = data["Client"]["ToegewezenProducten"][0]
    product.update(ToewijzingNummer=nummer, Toewijzingsdatum="2025-09-01", Ingangsdatum="2025-09-01",
                   Einddatum="2026-06-30")
    for key, value in velden.items():
        product.pop(key) if value is None else product.__setitem__(key, value)
    return data
