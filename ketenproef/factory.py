"""Build and serialise messages from plain data, and read them back.

Plain data mirrors the message tree with the standard's element names: a dict per complex element,
a list for a repeating element, and for a container whose only child repeats (``ToegewezenProducten``,
``Prestaties``, ``Clienten`` ...) simply the list of that child. Values may be str, int, date or time.
Element order, namespaces and the fixed header values come from the message model, so the output is
well-formed and in schema order by construction; values are the caller's responsibility.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ketenproef import corpus
from ketenproef.bericht import local

FIXED_HEADER = ("BerichtCode", "BerichtVersie", "BerichtSubversie")


class FactoryError(ValueError):
    """The plain data does not fit the message model."""


def _container_child(node: dict) -> dict | None:
    kids = node.get("children") or []
    if len(kids) == 1 and kids[0]["max"] != 1 and "children" in kids[0]:
        return kids[0]
    return None


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        raise FactoryError("booleans have no XML form here; use the codelist value ('1'/'2')")
    if isinstance(value, dt.datetime):
        raise FactoryError("use a date or a time, not a datetime")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def header_defaults(name: str) -> dict:
    """The header values the model fixes: BerichtCode, versions and XsdVersie."""
    model = corpus.message_model(name)
    fixed = {n["name"]: n["fixed"] for n in model["tree"][0]["children"] if "fixed" in n}
    fixed["XsdVersie"] = {"BasisschemaXsdVersie": model["basisschema_xsd_versie"],
                          "BerichtXsdVersie": model["bericht_xsd_versie"]}
    return fixed


def build(name: str, data: dict) -> etree._Element:
    """The XML tree of message ``name`` (e.g. ``JW301``) for plain data ``data``."""
    model = corpus.message_model(name)
    ns = {"bericht": model["namespace"], "basis": model["basis_namespace"]}
    nsmap = {model["prefix"]: model["namespace"], model["basis_prefix"]: model["basis_namespace"]}
    root = etree.Element(f"{{{ns['bericht']}}}Bericht", nsmap=nsmap)
    _fill(root, model["tree"], met_vaste_kop(name, data), ns, "Bericht")
    return root


def met_vaste_kop(name: str, data: dict) -> dict:
    """``data`` (a copy) with the Header completed by the values the model fixes (``header_defaults``)."""
    return {**data, "Header": {**header_defaults(name), **dict(data.get("Header") or {})}}


def _fill(parent: etree._Element, nodes: list[dict], data: dict, ns: dict, where: str) -> None:
    for node, item in items(nodes, data, where):
        _element(parent, node, item, ns, f"{where}/{node['name']}")


_EENVOUDIG = (str, int, dict, dt.date, dt.time)  # values that are never a list of values


def items(nodes: list[dict], data: dict, where: str) -> Iterator[tuple[dict, Any]]:
    """The children to make for ``data`` under model ``nodes``, in schema order: (node, value) per element, after
    the checks against the model (``where`` names the parent in an error). A repeating element's values may be an
    iterator (``ketenproef.schrijver`` writes them as they come, without a list)."""
    if not isinstance(data, dict):
        raise FactoryError(f"{where}: expected a mapping, got {type(data).__name__}")
    if not data.keys() <= _namen(nodes):
        unknown = set(data) - _namen(nodes)
        raise FactoryError(f"{where}: unknown element(s) {sorted(unknown)}; allowed: {[n['name'] for n in nodes]}")
    for node in nodes:
        value = data.get(node["name"])
        if value is None or value == []:
            if node["min"] > 0:
                raise FactoryError(f"{where}/{node['name']} is mandatory")
            continue
        if type(value) is list:
            lazy, many = False, True
        elif isinstance(value, _EENVOUDIG):
            lazy = many = False
        else:
            lazy = many = isinstance(value, Iterator)
        if not many or node["max"] == 1:
            if many:
                inner = _container_child(node)
                if inner is None:
                    raise FactoryError(f"{where}/{node['name']} occurs at most once")
                value = {inner["name"]: value}
            yield node, value
            continue
        if node["max"] is not None and not lazy and len(value) > node["max"]:
            raise FactoryError(f"{where}/{node['name']} occurs at most {node['max']} times")
        for item in value:
            yield node, item


_NAMEN: dict[int, tuple[list[dict], frozenset[str]]] = {}


def _namen(nodes: list[dict]) -> frozenset[str]:
    """The element names of a model node list, worked out once per list (the list is kept, so its id is never
    another list's)."""
    found = _NAMEN.get(id(nodes))
    if found is None or found[0] is not nodes:
        found = _NAMEN[id(nodes)] = (nodes, frozenset(n["name"] for n in nodes))
    return found[1]


def _element(parent: etree._Element, node: dict, item: Any, ns: dict, where: str) -> None:
    el = etree.SubElement(parent, f"{{{ns[node['ns']]}}}{node['name']}")
    if "children" in node:
        _fill(el, node["children"], item, ns, where)
    else:
        el.text = value_text(item)


def serialise(root: etree._Element) -> bytes:
    """UTF-8 with an XML declaration, no BOM, indented, CR/LF line endings (OP192).

    A tree without whitespace between its elements (built here, or parsed by ``ketenproef.parse``) is indented by
    libxml2 while it writes; only a tree that carries whitespace of its own is re-indented first (that adds a text
    node to every element: for a 325 of 20,000 prestaties tens of MB)."""
    if root.text is not None or (len(root) and root[0].tail is not None):
        etree.indent(root, space="  ")
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n")
    return body.replace(b"\n", b"\r\n")


def to_bytes(name: str, data: dict) -> bytes:
    return serialise(build(name, data))


def to_data(root: etree._Element, name: str | None = None) -> dict:
    """Plain data (all values as strings) of a message tree; containers become lists."""
    if name is None:
        from ketenproef.identify import identify

        identity = identify(root)
        if not hasattr(identity, "message"):
            raise FactoryError(identity.text)
        name = identity.message
    model = corpus.message_model(name)
    return _read(root, model["tree"])


def header_data(root: etree._Element, name: str) -> dict:
    """Plain data of the Header only (cheap for a large message)."""
    model = corpus.message_model(name)
    return _read(root[0], model["tree"][0]["children"])


def _read(el: etree._Element, nodes: list[dict]) -> dict:
    by_name = {n["name"]: n for n in nodes}
    out: dict[str, Any] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        node = by_name.get(name)
        if node is None:
            raise FactoryError(f"unexpected element {name} in {local(el)}")
        if "children" in node:
            inner = _container_child(node)
            value: Any = _read(child, node["children"])
            if inner is not None:
                value = value.get(inner["name"], [])
        else:
            value = child.text or ""
        if node["max"] != 1:
            out.setdefault(name, []).append(value)
        else:
            out[name] = value
    return out
