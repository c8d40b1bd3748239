"""Small helpers for trigger data: dates, numbers, trimming plain data to the shape of a message class."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ketenproef import corpus
from sut.base import SutError


def datum(waarde: Any, veld: str = "datum") -> dt.date:
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde))
    except (TypeError, ValueError) as exc:
        raise SutError(f"{veld}: '{waarde}' is geen datum (JJJJ-MM-DD)") from exc


def optionele_datum(waarde: Any, veld: str = "datum") -> dt.date | None:
    return None if waarde in (None, "") else datum(waarde, veld)


def getal(waarde: Any, veld: str = "getal") -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError) as exc:
        raise SutError(f"{veld}: '{waarde}' is geen geheel getal") from exc


def verplicht(gegevens: dict, *velden: str) -> None:
    ontbreekt = [v for v in velden if gegevens.get(v) in (None, "", [])]
    if ontbreekt:
        raise SutError(f"de gegevens missen {', '.join(ontbreekt)}")


def knoop(naam: str, pad: str) -> list[dict]:
    """The children of the element at ``pad`` (e.g. ``Client``) in message ``naam``'s model."""
    nodes = corpus.message_model(naam)["tree"]
    for deel in pad.split("/"):
        node = next(n for n in nodes if n["name"] == deel)
        nodes = node["children"]
    return nodes


def bijsnijden(nodes: list[dict], data: dict) -> dict:
    """Keep only what the model allows (recursively for complex elements given as a mapping)."""
    by_name = {n["name"]: n for n in nodes}
    out = {}
    for key, value in data.items():
        node = by_name.get(key)
        if node is None or value in (None, ""):
            continue
        if "children" in node and isinstance(value, dict):
            value = bijsnijden(node["children"], value)
        out[key] = value
    return out


def client_kop(naam: str, client: dict) -> dict:
    """The Client head of message ``naam`` (Bsn, Geboortedatum, Geslacht, Naam ...) from fuller client data,
    without the repeating product lists."""
    nodes = [n for n in knoop(naam, "Client") if n["name"] not in (
        "ToegewezenProducten", "StartProducten", "StopProducten", "AangevraagdeProducten", "Verzoek")]
    return bijsnijden(nodes, client)
