"""Contract data for the chain rules on external data (``KetenConfig``), set while the ketenpartner runs.

``PUT /beheer/contract`` and ``ketenproef serve --contract FILE.json`` take one JSON object (every key optional)::

    {"tarieven": [{"gemeente": "0363", "aanbieder": "12345678", "ProductCode": "02A16", "Eenheid": "04",
                   "tarief": 5000}],
     "gemeentecodes": ["0999"],
     "productcodes": {"02": ["02A16"]},
     "productcodelijsten": [{"gemeente": "0363", "aanbieder": "12345678", "productcodes": {"02": ["ABCDE"]}}]}

``tarieven`` are contract tariffs in euro cents (TR418, retourcode 0611; also TR346 and TR341), ``gemeentecodes``
extra valid gemeentecodes besides the CBS list (TR378), ``productcodes`` the agreed ProductCodes per
ProductCategorie for every pair (TR381; absent or null = no list: only the published hulpmiddelen list of iWmo is
judged, IV075), ``productcodelijsten`` a list for one gemeente and aanbieder (e.g. the gemeente's own list in their
contract), which goes before ``productcodes`` for that pair; a later entry for the same pair replaces an earlier.
``normalise`` checks the input and gives the one canonical form that is stored, returned by ``GET`` and turned
into a ``KetenConfig`` by ``config_of``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ketenproef.keten.config import KetenConfig

VELDEN = ("tarieven", "gemeentecodes", "productcodes", "productcodelijsten")
LIJST_VELDEN = ("gemeente", "aanbieder", "productcodes")
TARIEF_VELDEN = ("gemeente", "aanbieder", "ProductCode", "Eenheid", "tarief")
MAX_TARIEF = 99_999_999  # LDT_Bedrag
PATRONEN = {
    "gemeente": (re.compile(r"[0-9]{4}"), "een gemeentecode van 4 cijfers"),
    "aanbieder": (re.compile(r"[0-9]{8}"), "een AGB-code van 8 cijfers"),
    "ProductCode": (re.compile(r"\S{1,5}"), "een ProductCode van 1 tot 5 tekens zonder spaties"),
    "Eenheid": (re.compile(r"[0-9]{2}"), "een Eenheid-code van 2 cijfers"),
    "ProductCategorie": (re.compile(r"[0-9]{2}"), "een ProductCategorie van 2 cijfers"),
}


class ContractError(ValueError):
    """Contract data that cannot be used; the message says in Dutch what is wrong and where."""


def leeg() -> dict:
    return {"tarieven": [], "gemeentecodes": [], "productcodes": None, "productcodelijsten": []}


def normalise(body) -> dict:
    """The canonical contract (all keys, sorted, without duplicates), or ContractError."""
    if not isinstance(body, dict):
        raise ContractError("Het contract is een JSON-object met 'tarieven', 'gemeentecodes', 'productcodes' en/of "
                            "'productcodelijsten'.")
    _geen_onbekende(body, VELDEN, "het contract")
    return {"tarieven": tarieven(body.get("tarieven")), "gemeentecodes": gemeentecodes(body.get("gemeentecodes")),
            "productcodes": productcodes(body.get("productcodes")),
            "productcodelijsten": productcodelijsten(body.get("productcodelijsten"))}


def tarieven(value) -> list[dict]:
    out: dict[tuple, dict] = {}
    for i, item in enumerate(_lijst(value, "tarieven")):
        t = tarief(item, f"tarieven[{i}]")
        key = sleutel(t)
        if key in out:
            raise ContractError(f"tarieven[{i}]: er is al een tarief voor gemeente {key[0]}, aanbieder {key[1]}, "
                                f"ProductCode {key[2]} en Eenheid {key[3]}.")
        out[key] = t
    return [out[key] for key in sorted(out)]


def _object(item, velden: tuple[str, ...], waar: str, wat: str) -> None:
    """``item`` is an object with exactly these fields, all filled (ContractError otherwise)."""
    if not isinstance(item, dict):
        raise ContractError(f"{waar}: {wat} is een object met {', '.join(velden)}.")
    _geen_onbekende(item, velden, waar)
    missend = [veld for veld in velden if item.get(veld) is None]
    if missend:
        raise ContractError(f"{waar}: {', '.join(missend)} ontbreekt.")


def tarief(item, waar: str) -> dict:
    _object(item, TARIEF_VELDEN, waar, "een tarief")
    out = {veld: code(item[veld], veld, f"{waar}.{veld}") for veld in TARIEF_VELDEN[:-1]}
    out["tarief"] = bedrag(item["tarief"], f"{waar}.tarief")
    return out


def sleutel(t: dict) -> tuple[str, str, str, str]:
    return t["gemeente"], t["aanbieder"], t["ProductCode"], t["Eenheid"]


def bedrag(value, waar: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContractError(f"{waar}: het tarief is een geheel aantal eurocent, niet {value!r}.")
    if not 0 <= value <= MAX_TARIEF:
        raise ContractError(f"{waar}: het tarief ligt tussen 0 en {MAX_TARIEF} eurocent, niet {value}.")
    return value


def code(value, soort: str, waar: str) -> str:
    patroon, uitleg = PATRONEN[soort]
    if not isinstance(value, str) or not patroon.fullmatch(value):
        raise ContractError(f"{waar}: verwacht {uitleg} (als tekst), niet {value!r}.")
    return value


def gemeentecodes(value) -> list[str]:
    return sorted({code(v, "gemeente", f"gemeentecodes[{i}]") for i, v in enumerate(_lijst(value, "gemeentecodes"))})


def productcodes(value, waar_lijst: str = "productcodes") -> dict[str, list[str]] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ContractError(f"{waar_lijst}: een object van ProductCategorie naar een lijst ProductCodes, "
                            "bv. {\"02\": [\"02A16\"]}.")
    out = {}
    for categorie, codes in sorted(value.items()):
        waar = f"{waar_lijst}[{categorie!r}]"
        code(categorie, "ProductCategorie", waar)
        out[categorie] = sorted({code(c, "ProductCode", f"{waar}[{i}]") for i, c in enumerate(_lijst(codes, waar))})
    return out


def productcodelijsten(value) -> list[dict]:
    """Lists per (gemeente, aanbieder), sorted; a later entry for the same pair replaces an earlier one."""
    out: dict[tuple[str, str], dict] = {}
    for i, item in enumerate(_lijst(value, "productcodelijsten")):
        waar = f"productcodelijsten[{i}]"
        _object(item, LIJST_VELDEN, waar, "een productcodelijst")
        paar = (code(item["gemeente"], "gemeente", f"{waar}.gemeente"),
                code(item["aanbieder"], "aanbieder", f"{waar}.aanbieder"))
        out[paar] = {"gemeente": paar[0], "aanbieder": paar[1],
                     "productcodes": productcodes(item["productcodes"], f"{waar}.productcodes")}
    return [out[paar] for paar in sorted(out)]


def _lijst(value, waar: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ContractError(f"{waar}: verwacht een lijst, niet {type(value).__name__}.")
    return value


def _geen_onbekende(obj: dict, toegestaan: tuple[str, ...], waar: str) -> None:
    onbekend = sorted(str(k) for k in obj if k not in toegestaan)
    if onbekend:
        raise ContractError(f"Onbekend veld in {waar}: {', '.join(onbekend)}; toegestaan: {', '.join(toegestaan)}.")


def config_of(contract: dict) -> KetenConfig:
    """The chain rules' view of a canonical contract."""
    codes = contract.get("productcodes")
    return KetenConfig(tarieven={sleutel(t): t["tarief"] for t in contract.get("tarieven", [])},
                       productcodes=None if codes is None else _frozen(codes),
                       productcodelijsten={(lijst["gemeente"], lijst["aanbieder"]): _frozen(lijst["productcodes"])
                                           for lijst in contract.get("productcodelijsten", [])},
                       gemeentecodes=frozenset(contract.get("gemeentecodes", [])))


def _frozen(codes: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in codes.items()}


def lees(path: str | Path) -> dict:
    """A contract file (``serve --contract``), canonical; ContractError names the file."""
    try:
        body = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ContractError(f"{path}: geen leesbaar JSON-bestand: {exc}") from exc
    try:
        return normalise(body)
    except ContractError as exc:
        raise ContractError(f"{path}: {exc}") from exc
