"""The mock sends one of its own heenberichten (POST /beheer/verzenden) and waits for the SUT's retour.

The message is built from plain data (``ketenproef.factory``), optionally spoiled by a message fault, judged by
the mock itself as the receiver would judge it (that judgement is the expected retour), applied to the Keten,
put in the SUT's mailbox (and pushed), and watched until its deadline.
"""

from __future__ import annotations

import copy
import datetime as dt
import time

from ketenproef import basis, corpus, factory
from ketenproef.findings import TECHNISCH
from ketenproef.retour import retour_for
from mockserver import fouten, problems
from mockserver.berichten import ONBEKEND, Meta, afgekeurd, bsns, codes_map, meta, referenties
from mockserver.ontvangst import Uitkomst, record, run_validate
from mockserver.oordelen import watch

ZELF_VERSTUURD = {"gemeente": ("301", "319"), "aanbieder": ("305", "307", "315", "317", "323")}


class RefusedError(Exception):
    def __init__(self, problem: dict) -> None:
        super().__init__(problem["detail"])
        self.problem = problem


def check_name(partner, name: str) -> None:
    rol = partner.config.rol
    if name not in corpus.message_names() or name[-3:] not in ZELF_VERSTUURD[rol]:
        allowed = ", ".join(f"WMO{n}/JW{n}" for n in ZELF_VERSTUURD[rol])
        raise RefusedError(problems.bad_request(
            f"Als {rol} verstuurt de ketenpartner zelf: {allowed} (de 325 gaat vanzelf als antwoord op een 323); "
            f"niet {name!r}.", slug="bericht-niet-toegestaan", title="Bericht niet toegestaan"))


def data_bsns(partner, name: str, data: dict, explicit) -> list[str]:
    if explicit:
        return [str(explicit)]
    client = data.get("Client") if isinstance(data.get("Client"), dict) else {}
    found = [str(client["Bsn"])] if client.get("Bsn") else []
    for item in (data.get("Declaratie") or {}).get("Clienten") or []:
        if isinstance(item, dict) and item.get("Bsn") and str(item["Bsn"]) not in found:
            found.append(str(item["Bsn"]))
    referentie = (data.get("Antwoord") or {}).get("ReferentieAanbieder") if isinstance(data.get("Antwoord"),
                                                                                        dict) else None
    if not found and referentie:
        bsn = partner.store.bsn_for_referentie(str(referentie))
        found = [bsn] if bsn else []
    return found or [ONBEKEND]


def with_header(partner, name: str, data: dict, bericht_id: int, clock, identificatie: str | None) -> dict:
    fixed = partner.config.eigen_code
    header = dict(data.get("Header") or {})
    if fixed:
        header["Afzender"] = fixed
    header.setdefault("Afzender", basis.GEMEENTE if partner.config.rol == "gemeente" else basis.AGB)
    ident = dict(header.get("BerichtIdentificatie") or {})
    ident["Identificatie"] = identificatie or partner.identificatie(bericht_id)
    ident.setdefault("Dagtekening", clock.today())
    header["BerichtIdentificatie"] = ident
    if not header.get("Ontvanger"):
        raise RefusedError(problems.bad_request("Header/Ontvanger ontbreekt: aan wie stuurt de ketenpartner dit?"))
    return {**data, "Header": header}


async def verzend(partner, body: dict) -> Uitkomst:
    name = str(body.get("bericht", "")).upper()
    check_name(partner, name)
    data = copy.deepcopy(body.get("data") or basis.basis(name))
    explicit = fouten.normalise(body.get("fout"))
    wrong = [f["naam"] for f in explicit if f["niveau"] != fouten.HEEN]
    if wrong:
        raise fouten.FaultError(f"Bij verzenden past alleen een fout in het heenbericht; {', '.join(wrong)} niet "
                                "(zet retour- en transportfouten per gesprek).")
    seconds = float(body.get("deadline_seconden", partner.config.deadline_seconden))
    bsn_list = data_bsns(partner, name, data, body.get("bsn"))
    clock = partner.clock(bsn_list[0])
    async with partner.lock:
        bericht_id = partner.store.next_id()
        data = with_header(partner, name, data, bericht_id, clock, body.get("identificatie"))
        data, intended = spoil(partner, name, data, explicit + partner.faults(bsn_list, fouten.HEEN, name[-3:]))
        try:
            xml = factory.to_bytes(name, data)
        except (factory.FactoryError, ValueError, TypeError) as exc:
            raise RefusedError(problems.bad_request(f"De data past niet in {name}: {exc}", slug="data-past-niet",
                                                 title="Data past niet in het bericht")) from exc
        report = await run_validate(partner, xml, clock)
        expected = expectation(report, name, data, clock, seconds)
        skipped = afgekeurd(report)
        if skipped is not None:
            partner.keten.apply(report.bericht, skipped, bericht_id)
        m = meta(report.bericht) if report.bericht is not None else header_meta(name, data)
        findings = problems.finding_dicts(report.findings)
        partner.store.insert(record("uit", m, "verzonden", xml, findings, intended, id=bericht_id,
                                    toegepast=int(skipped is not None), afgekeurd=skipped or [],
                                    verwachting=expected), bsn_list)
        if report.bericht is not None:
            partner.store.add_referenties(referenties(report.bericht.root), bsn_list[0])
    await partner.durable()
    partner.spawn(watch(partner, bericht_id, expected["deadline"]))
    out = {"id": bericht_id, "message": name, "identificatie": m.eigen_id, "bsn": bsn_list[0],
           "voor": m.voor, "deadline": iso_tijd(expected["deadline"]), "valid": report.valid, "findings": findings,
           "fouten": intended, "verwachte_retour": {"bericht": expected["retour"], "codes": expected["codes"]}}
    return Uitkomst(202, out, push=[bericht_id])


def spoil(partner, name: str, data: dict, faults: list[dict]) -> tuple[dict, list[dict]]:
    """Apply the first message fault that fits a heenbericht; the others are logged as not applied."""
    intended = []
    for fault in faults:
        if fault["niveau"] != fouten.HEEN:
            continue
        if any("niet_toegepast" not in f for f in intended):
            intended.append({**fault, "niet_toegepast": "slechts een berichtfout per bericht"})
            continue
        try:
            data = fouten.for_heen(fault, name, copy.deepcopy(data))
            intended.append({**fault, "op": "heen"})
        except Exception as exc:  # not applicable to this message: logged, message goes out unspoiled
            intended.append({**fault, "niet_toegepast": repr(exc)})
    return data, intended


def expectation(report, name: str, data: dict, clock, seconds: float) -> dict:
    """What the SUT's retour must look like: type, codes per class (None: no retour due), mirrored header."""
    header = data["Header"]
    kop = (str(header["BerichtIdentificatie"]["Dagtekening"]), str(header["Afzender"]), str(header["Ontvanger"]))
    return verwachting(report, corpus.message_model(name)["retour_message"], kop, clock, seconds)


def verwachting(report, retour: str | None, kop: tuple, clock, seconds: float) -> dict:
    """The expectation stored with a heenbericht of the mock: the retour type, its codes per berichtklasse (None
    with the ``reden`` why no retour is due), the header values it mirrors (Dagtekening, Afzender, Ontvanger)
    and the deadline."""
    tree = retour_for(report, clock=clock, identificatie="VERWACHT") if report.bericht is not None else None
    dagtekening, afzender, ontvanger = kop
    out = {"retour": retour, "codes": codes_map(tree) if tree is not None else None,
           "deadline": time.time() + seconds, "deadline_seconden": seconds,
           "dagtekening": dagtekening, "afzender": afzender, "ontvanger": ontvanger}
    if tree is None:
        out["reden"] = geen_retour_reden(report)
    return out


def geen_retour_reden(report) -> str:
    """Why no retour is due on a message the receiver cannot take in (IV028: no retour below level 2)."""
    technical = report.at_level(TECHNISCH)
    if technical and technical[0].rule == "IDENT":
        return f"het heenbericht is geen iWmo- of iJw 3.2-bericht ({technical[0].text})"
    if technical:
        return f"het heenbericht is niet te lezen ({technical[0].text})"
    return "het heenbericht voldeed niet aan de XSD"


def header_meta(name: str, data: dict) -> Meta:
    h = data["Header"]
    ident = str(h["BerichtIdentificatie"]["Identificatie"])
    return Meta(name, "heen", str(h["Afzender"]), str(h["Ontvanger"]), ident, None, None, str(h["Afzender"]),
                str(h["Ontvanger"]))


def iso_tijd(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


__all__ = ["RefusedError", "verzend", "bsns"]
