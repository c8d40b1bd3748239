"""Logical keys of the berichtklassen (corpus/berichten/<MSG>.json ``logical_keys``) and TR101: no duplicate
classes within one message.

A 323 can hold 30,000 Prestaties, so elements and key values are collected with ``iter`` passes over the tree
(C speed) rather than a path search per element.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from lxml import etree

from ketenproef import corpus
from ketenproef.bericht import Bericht, find, first_children, local, text
from ketenproef.rules.registry import regel


@dataclass(frozen=True)
class Sleutelklasse:
    klasse: str
    pad: str  # below Bericht, e.g. Declaratie/Clienten/Client/Prestaties/Prestatie
    velden: tuple[str, ...]  # paths below the class element, e.g. ("Product/Categorie", "Product/Code")
    ouder: str | None  # path of the nearest ancestor class that has a logical key
    tussen: tuple[str, ...]  # element names between the class and that ancestor, innermost first


def velden(spec: str) -> list[str]:
    """A key field of the message model as element paths: ``Product (Categorie, Code)`` -> Product/Categorie,
    Product/Code; ``Bsn`` -> Bsn."""
    samengesteld = re.fullmatch(r"(\w+) \((.+)\)", spec)
    if samengesteld is None:
        return [spec]
    return [f"{samengesteld[1]}/{deel.strip()}" for deel in samengesteld[2].split(",")]


def sleutelklassen(b: Bericht) -> tuple[Sleutelklasse, ...]:
    """The classes of the message that have a logical key, parents before children."""
    return _sleutelklassen(b.name)


@cache
def _sleutelklassen(name: str) -> tuple[Sleutelklasse, ...]:
    model = corpus.message_model(name)
    keys = model.get("logical_keys") or {}
    paden = sorted(((k["class"], k["path"].split("/", 1)[1]) for k in model["berichtklassen"] if k["class"] in keys),
                   key=lambda kp: kp[1].count("/"))
    result = []
    for klasse, pad in paden:
        ouder = max((p for _, p in paden if pad.startswith(p + "/")), key=len, default=None)
        tussen = tuple(reversed(pad[len(ouder) + 1:].split("/")[:-1])) if ouder else ()
        result.append(Sleutelklasse(klasse, pad, tuple(v for spec in keys[klasse] for v in velden(spec)), ouder,
                                    tussen))
    return tuple(result)


def _omhoog(el: etree._Element | None, stappen: int) -> etree._Element | None:
    """The ancestor ``stappen`` levels up (None above the root)."""
    for _ in range(stappen):
        if el is None:
            return None
        el = el.getparent()
    return el


def _eigen_sleutels(b: Bericht, sk: Sleutelklasse, ouders: dict) -> dict[etree._Element, tuple]:
    """Class element -> tuple of its own key values (None where absent), in document order.

    Below a parent class this is one ``iter`` pass over the class elements and key fields together. An element
    is placed by its depth below the parent class element (or the class element) and that element's identity;
    in these schemas no element of the same name sits at the same depth in another container."""
    if sk.ouder is None:
        elementen = b.vind(sk.pad)
        return {el: tuple(text(el, veld) for veld in sk.velden) for el in elementen}
    stappen = len(sk.tussen) + 1
    veld_van = {veld.rsplit("/", 1)[-1]: (i, veld.count("/") + 1) for i, veld in enumerate(sk.velden)}
    rijen: dict[etree._Element, list] = {}
    for el in b.root.iter("{*}" + sk.klasse, *("{*}" + blad for blad in veld_van)):
        naam = local(el)
        if naam == sk.klasse and _omhoog(el, stappen) in ouders:
            rijen[el] = [None] * len(sk.velden)
        elif naam in veld_van:
            i, diepte = veld_van[naam]
            rij = rijen.get(_omhoog(el, diepte))
            if rij is not None:
                rij[i] = el.text
    return {el: tuple(rij) for el, rij in rijen.items()}


def sleutels(b: Bericht) -> dict[str, dict[etree._Element, tuple]]:
    """Per class path: element -> its logical key combined with the keys of its parent classes, a tuple of
    (klasse, values) pairs. Below a duplicate element the children are keyed on that element itself (a
    ``("#", element)`` pair), so they are compared only with their own siblings, as the standard's XSLT does."""
    if "_sleutels" not in b.__dict__:
        per_pad: dict[str, dict] = {}
        voor_kinderen: dict[str, dict] = {}
        for sk in sleutelklassen(b):
            ouders = voor_kinderen.get(sk.ouder, {})
            stappen = len(sk.tussen) + 1
            per_pad[sk.pad], voor_kinderen[sk.pad], gezien = {}, {}, set()
            for el, waarden in _eigen_sleutels(b, sk, ouders).items():
                sleutel = (ouders[_omhoog(el, stappen)] if sk.ouder else ()) + ((sk.klasse, waarden),)
                per_pad[sk.pad][el] = sleutel
                voor_kinderen[sk.pad][el] = sleutel + (("#", el),) if sleutel in gezien else sleutel
                gezien.add(sleutel)
        b.__dict__["_sleutels"] = per_pad
    return b.__dict__["_sleutels"]


@cache
def _unieke_velden(name: str) -> dict[str, str]:
    """Per class path of message ``name``: the name of a key field that every class element has exactly once
    and that occurs nowhere else in the message. If its values are all different, the class has no duplicates."""
    knopen, telling = {}, Counter()

    def loop(nodes: list[dict], pad: str) -> None:
        for node in nodes:
            telling[node["name"]] += 1
            knopen[f"{pad}{node['name']}"] = node
            loop(node.get("children", []), f"{pad}{node['name']}/")

    model = corpus.message_model(name)
    loop(model["tree"], "")
    result = {}
    for k in model["berichtklassen"]:
        pad = k["path"].split("/", 1)[1]
        for veld in (v for spec in model.get("logical_keys", {}).get(k["class"], []) for v in velden(spec)):
            delen = veld.split("/")
            stappen = [knopen.get("/".join([pad, *delen[:i + 1]])) for i in range(len(delen))]
            if all(n is not None and n["min"] >= 1 and n["max"] == 1 for n in stappen) and telling[delen[-1]] == 1:
                result.setdefault(pad, delen[-1])
    return result


@regel("TR101", berichten=["301", "305", "307", "315", "317", "323", "325"])
def TR101(b: Bericht):
    """Binnen een bericht komt iedere berichtklasse maar een keer voor met dezelfde logische sleutel,
    gecombineerd met de sleutels van de bovenliggende klassen; de tweede (en volgende) is fout."""
    # Small messages: a class found once (or not at all) cannot repeat, and counting it is cheap. A 323/325 is not
    # counted: that would make an element object for each of up to 30,000 Prestaties, where the fast path below
    # compares the values of one field read as a column.
    declaratie = b.number in ("323", "325")
    for sk, veld, pad in _snelle_velden(b.name):
        if not declaratie and len(b.vind(sk.pad)) < 2:  # one element (or none) of the class: no duplicate
            continue
        if veld is not None:  # fast path (a 323 with 30,000 Prestaties): the values of a field that must differ
            waarden = _waarden(b, sk, veld, pad)
            if len(set(waarden)) == len(waarden):
                continue
        elif _geen_dubbele_broers(b, sk):
            continue
        eerste: dict[tuple, etree._Element] = {}
        for el, sleutel in sleutels(b)[sk.pad].items():
            if sleutel in eerste:
                yield el, _melding(sk, sleutel, eerste[sleutel])
            else:
                eerste[sleutel] = el


@cache
def _snelle_velden(name: str) -> tuple[tuple[Sleutelklasse, str | None, str | None], ...]:
    """Per class of message ``name`` with a logical key: the class, and the name and path of its field for the fast
    path of TR101 (``_unieke_velden``), or None and None."""
    snel = _unieke_velden(name)
    return tuple((sk, snel.get(sk.pad), None if sk.pad not in snel else _veldpad(sk, snel[sk.pad]))
                 for sk in _sleutelklassen(name))


def _geen_dubbele_broers(b: Bericht, sk: Sleutelklasse) -> bool:
    """True when no two elements of the class under the same container have the same own key. Only such siblings
    can be duplicates: elements under different containers differ in a parent key, or their parents are duplicates
    themselves and their keys are scoped to their own parent (``sleutels``)."""
    per_ouder: dict[etree._Element, set[tuple]] = {}
    for el in b.vind(sk.pad):
        eigen = tuple(_veldtekst(el, veld) for veld in sk.velden)
        gezien = per_ouder.setdefault(el.getparent(), set())
        if eigen in gezien:
            return False
        gezien.add(eigen)
    return True


def _waarden(b: Bericht, sk: Sleutelklasse, veld: str, pad: str) -> list[str | None]:
    """The texts of the key field ``veld`` (at ``pad`` below the class element) of every element of the class; a
    323/325's ReferentieNummers from the columns its rules read. Per class element, not a pass over the whole tree."""
    if veld == "ReferentieNummer" and b.number in ("323", "325"):
        from ketenproef.rules.declaratie import prestaties

        return prestaties(b).rn
    if b.number in ("323", "325"):  # hundreds of Clienten: no per-element memory (``first_children``)
        return [None if el is None else el.text for el in first_children(b.vind(sk.pad), pad)]
    return [_veldtekst(klasse, pad) for klasse in b.vind(sk.pad)]


def _veldpad(sk: Sleutelklasse, veld: str) -> str:
    """The key field of ``sk`` whose last element is ``veld`` (``Product/Code`` for Code)."""
    return next(v for v in sk.velden if v.rsplit("/", 1)[-1] == veld)


def _veldtekst(el: etree._Element, veld: str) -> str | None:
    """A key field's text as the key comparison has it: None when the field is absent (or has no text)."""
    found = find(el, veld)
    return None if found is None else found.text


def _melding(sk: Sleutelklasse, sleutel: tuple, eerste: etree._Element) -> str:
    waarden = ", ".join(f"{veld.rsplit('/', 1)[-1]}={'(leeg)' if w is None else w}"
                        for veld, w in zip(sk.velden, sleutel[-1][1], strict=True))
    ouders = [(klasse, w) for klasse, w in sleutel[:-1] if klasse != "#"]
    ouder = ""
    if ouders:
        klasse, ouder_waarden = ouders[-1]
        ouder = f" bij {klasse} {'/'.join('(leeg)' if w is None else w for w in ouder_waarden)}"
    return (f"{sk.klasse} met sleutel {waarden}{ouder} komt dubbel voor in het bericht "
            f"(eerder op regel {eerste.sourceline}) (TR101).")
