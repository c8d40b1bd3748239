"""Deliberate faults per conversation: transport faults (this server) and message faults (``ketenproef.faults``).

A conversation's faults are a list of ``{"naam": ..., "params": {...}}``. Every fault accepts the param
``aantal``: how many times it still applies (absent = every time). Transport faults also accept
``verwerken`` (true/false): whether the mock still processes the message it answers badly.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

TRANSPORT, RETOUR, HEEN = "transport", "retour", "heen"  # the levels of ketenproef.faults


@dataclass(frozen=True)
class TransportFault:
    name: str
    description: str
    params: dict
    verwerken: bool  # default: is the message processed (stored, judged, answered in the mailbox)?
    level: str = TRANSPORT


TRANSPORT_FAULTS = {f.name: f for f in (
    TransportFault("vertraging", "Het antwoord op een HTTP-verzoek komt pas na een aantal seconden.",
                   {"seconden": "wachttijd in seconden (standaard 5)"}, True),
    TransportFault("http500", "De ketenpartner antwoordt 500 Internal Server Error en verwerkt het bericht niet.",
                   {}, False),
    TransportFault("http503", "De ketenpartner antwoordt 503 Service Unavailable (met Retry-After) en verwerkt het "
                              "bericht niet.", {"retry_after": "seconden in de Retry-After-header (standaard 1)"},
                   False),
    TransportFault("verbinding-verbroken", "De ketenpartner verbreekt de TCP-verbinding zonder antwoord.", {}, False),
    TransportFault("geen-antwoord", "De ketenpartner antwoordt niet; de verbinding blijft open tot de client opgeeft.",
                   {"seconden": "hoe lang de verbinding maximaal open blijft (standaard 60)"}, False),
    TransportFault("antwoord-kwijt", "De ketenpartner verwerkt het bericht (opgeslagen, beoordeeld, retour in de "
                                     "postbus) en verbreekt daarna de verbinding zonder antwoord: het antwoord gaat "
                                     "verloren. Dezelfde bytes opnieuw krijgen 200 met Ketenproef-Herhaling en de "
                                     "oorspronkelijke uitkomst.", {}, True),
    TransportFault("trage-body", "De ketenpartner stuurt de body van het antwoord in kleine stukjes, traag.",
                   {"seconden": "totale duur van het versturen van de body (standaard 5)"}, True),
)}


class FaultError(ValueError):
    """A fault that does not exist or cannot be used (status: the HTTP status to answer)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def message_faults():
    """The module ``ketenproef.faults`` or None while it does not exist yet."""
    try:
        return importlib.import_module("ketenproef.faults")
    except ModuleNotFoundError as exc:
        if exc.name != "ketenproef.faults":
            raise
        return None


def catalogue() -> list[dict]:
    """Every fault the mock knows, transport and message, as JSON-ready dicts."""
    out = [{"naam": f.name, "niveau": f.level, "beschrijving": f.description, "params": f.params,
            "verwerken": f.verwerken} for f in TRANSPORT_FAULTS.values()]
    module = message_faults()
    if module is not None:
        for name, fault in sorted(module.catalogue().items()):
            if fault.level != TRANSPORT:
                out.append({"naam": name, "niveau": fault.level, "beschrijving": fault.description,
                            "params": fault.params, "berichten": list(fault.messages)})
    return out


def level_of(name: str) -> str:
    if name in TRANSPORT_FAULTS:
        return TRANSPORT
    module = message_faults()
    if module is None:
        raise FaultError(f"Berichtfout {name!r} kan nog niet: de foutencatalogus (ketenproef.faults) is er nog "
                         "niet. Alleen transportfouten werken: " + ", ".join(TRANSPORT_FAULTS), status=501)
    fault = module.catalogue().get(name)
    if fault is None:
        raise FaultError(f"Onbekende fout {name!r}; zie GET /beheer/fouten.")
    return fault.level


def applies(fault: dict, number: str | None) -> bool:
    """Whether a message fault is meant for this message number (ketenproef.faults lists them per fault)."""
    if number is None or fault["niveau"] == TRANSPORT:
        return True
    known = message_faults().catalogue().get(fault["naam"])
    return known is not None and (not known.messages or number in known.messages)


def normalise(raw) -> list[dict]:
    """Faults from a request body: a name, ``{"naam", "params"}``, ``{"fouten": [...]}`` or a list; checked."""
    if raw is None:
        return []
    if isinstance(raw, dict) and "fouten" in raw:
        raw = raw["fouten"]
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if isinstance(item, str):
            item = {"naam": item}
        if not isinstance(item, dict) or not isinstance(item.get("naam"), str):
            raise FaultError(f"Een fout is een naam of een object met 'naam' en 'params', niet {item!r}.")
        params = item.get("params") or {}
        if not isinstance(params, dict):
            raise FaultError(f"'params' van fout {item['naam']!r} moet een object zijn.")
        out.append({"naam": item["naam"], "niveau": level_of(item["naam"]), "params": params})
    return out


def take(faults: list[dict], level: str, number: str | None = None) -> list[dict]:
    """The faults of one level that apply (to message ``number``), using up one of each ``aantal``."""
    used = []
    for fault in faults:
        if fault["niveau"] != level or not applies(fault, number):
            continue
        left = fault["params"].get("aantal")
        if left is not None:
            if int(left) <= 0:
                continue
            fault["params"]["aantal"] = int(left) - 1
        used.append(fault)
    return used


def verwerken(fault: dict) -> bool:
    default = TRANSPORT_FAULTS[fault["naam"]].verwerken
    return bool(fault["params"].get("verwerken", default))


def for_retour(fault: dict, retour_tree, heen_bericht, clock) -> list[bytes]:
    """The messages to deliver instead of the correct retour (delegated to ketenproef.faults)."""
    params = {k: v for k, v in fault["params"].items() if k != "aantal"}
    return message_faults().apply_to_retour(fault["naam"], retour_tree, heen_bericht, clock=clock, params=params)


def for_heen(fault: dict, message_name: str, data: dict) -> dict:
    params = {k: v for k, v in fault["params"].items() if k != "aantal"}
    return message_faults().apply_to_heen(fault["naam"], message_name, data, params=params)
