"""What the adapters share: checking an action against the role, and the JSON form of the Verbinding."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sut.acties import acties_voor
from sut.base import SutError, Verbinding


def check_actie(actie: str, role: str) -> None:
    if actie not in acties_voor(role):
        raise SutError(f"actie '{actie}' bestaat niet voor een {role}; wel: {', '.join(acties_voor(role))}")


def verbinding_json(verbinding: Verbinding | None) -> dict | None:
    return dataclasses.asdict(verbinding) if verbinding is not None else None


def iso(vandaag: dt.date | str) -> str:
    return vandaag if isinstance(vandaag, str) else vandaag.isoformat()


TEKST_LENGTE = 1000  # characters of a SUT's own error text kept in a message


def sut_tekst(inhoud: bytes | str | None, lengte: int = TEKST_LENGTE) -> str:
    """A SUT's own error text (an HTTP body, a program's stderr) as one line for a step's message: decoded,
    whitespace collapsed, at most ``lengte`` characters; "(geen tekst)" when it said nothing."""
    if isinstance(inhoud, bytes):
        inhoud = inhoud.decode("utf-8", "replace")
    tekst = " ".join((inhoud or "").split())
    if not tekst:
        return "(geen tekst)"
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def json_object(tekst: str, wat: str) -> dict:
    """The JSON object in ``tekst`` (empty text: an empty result); otherwise a SutError that says ``wat`` gave
    no (object of) JSON, with the start of what came."""
    if not tekst.strip():
        return {}
    try:
        data = json.loads(tekst)
    except ValueError as exc:
        raise SutError(f"{wat} geen JSON: {tekst[:500]!r}") from exc
    if not isinstance(data, dict):
        raise SutError(f"{wat} geen JSON-object: {data!r}")
    return data
