"""A parsed, identified message with namespace-free helpers that rules use.

Rules run only on messages that passed the XSD, so element names are unambiguous and the
``{*}`` wildcard is safe; it keeps rules readable (``b.text(el, "Product/Code")``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from lxml import etree

from ketenproef import corpus
from ketenproef.clock import Clock, SystemClock


@cache
def _namespaces() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Per message namespace: its basisschema namespace, and the names of its elements of a CDT_ type
    (whose children are in the basisschema namespace)."""
    basis_of: dict[str, str] = {}
    cdt: dict[str, set[str]] = {}
    for name in corpus.message_names():
        model = corpus.message_model(name)
        basis_of[model["namespace"]] = model["basis_namespace"]
        names = cdt.setdefault(model["namespace"], set())
        stack = list(model["tree"])
        while stack:
            node = stack.pop()
            if node["ns"] == "bericht" and node["type"].startswith("CDT_"):
                names.add(node["name"])
            stack.extend(c for c in node.get("children", ()) if c["ns"] == "bericht")
    return basis_of, {ns: frozenset(names) for ns, names in cdt.items()}


@lru_cache(maxsize=8192)
def _resolve(tag: str, path: str) -> tuple[str, ...]:
    """The qualified tags of a path of local names below an element with ``tag``, so lookups run in C
    (lxml's ElementPath, and a ``{*}`` wildcard above all, runs in Python and is several times slower)."""
    basis_of, cdt = _namespaces()
    ns, _, name = tag[1:].partition("}")
    if ns not in basis_of and ns not in basis_of.values():
        return tuple("{*}" + part for part in path.split("/"))
    tags = []
    for part in path.split("/"):
        if ns in basis_of and name in cdt[ns]:
            ns = basis_of[ns]
        tags.append(f"{{{ns}}}{part}")
        name = part
    return tuple(tags)


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag[tag.rfind("}") + 1:] if isinstance(tag, str) else ""


class _Onthouden(threading.local):
    """Lookups remembered while the rules judge one message (``onthouden``): the rules of a message look up the same
    fields again and again (about half of all lookups), and its tree does not change while they run. ``kinderen``
    holds the children per tag of each element looked below (``_children``), so that a lookup is a dict read after
    the first one below that element, instead of an lxml search each time."""

    gevonden: dict | None = None
    kinderen: dict | None = None


_ONTHOUDEN = _Onthouden()


class onthouden:  # noqa: N801 (a context manager used like a function: ``with onthouden():``)
    """Remember ``find`` results and children per tag in this thread until the block ends (``validate.run_rules``,
    and ``validate_tree`` around both phases of one message). A block inside a block keeps the outer one's memory:
    no tree changes while rules run. A class rather than a ``contextmanager`` generator: it is entered several times
    per message and the generator costs more."""

    def __enter__(self) -> None:
        self.eerder = _ONTHOUDEN.gevonden, _ONTHOUDEN.kinderen
        if self.eerder[0] is None:
            _ONTHOUDEN.gevonden, _ONTHOUDEN.kinderen = {}, {}

    def __exit__(self, *exc) -> None:
        _ONTHOUDEN.gevonden, _ONTHOUDEN.kinderen = self.eerder


_GEEN = object()  # not remembered yet


def find(el: etree._Element, path: str) -> etree._Element | None:
    gevonden = _ONTHOUDEN.gevonden
    if gevonden is None:
        return find_direct(el, path)
    key = (el, path)
    found = gevonden.get(key, _GEEN)
    if found is _GEEN:
        found = _find_onthouden(el, path, _ONTHOUDEN.kinderen)
        if len(gevonden) < ONTHOUDEN_HOOGSTENS:
            gevonden[key] = found
    return found


ONTHOUDEN_HOOGSTENS = 4096  # a small message needs a few hundred; thousands of prestaties gain nothing from it
KINDEREN_HOOGSTENS = 1024  # elements whose children are kept per tag (a small message looks below some 5 to 50)


def _children(el: etree._Element, kinderen: dict) -> dict[str, list[etree._Element]] | None:
    """The children of ``el`` per tag, in document order: what ``iterchildren(tag)`` gives for each tag, read in one
    pass over the children the first time a lookup goes below ``el`` in this block; None once KINDEREN_HOOGSTENS
    elements have theirs (a 323 with thousands of prestaties: lxml searches as before, nothing more kept)."""
    per_tag = kinderen.get(el)
    if per_tag is None and len(kinderen) < KINDEREN_HOOGSTENS:
        per_tag = kinderen[el] = {}
        for child in el:
            tag = child.tag
            lijst = per_tag.get(tag)
            if lijst is None:
                per_tag[tag] = [child]
            else:
                lijst.append(child)
    return per_tag


def _find_onthouden(el: etree._Element, path: str, kinderen: dict) -> etree._Element | None:
    """``find_direct`` inside an ``onthouden`` block: each step a dict read in the children per tag of the element (the
    steps of ``_first`` written out: this runs for most lookups of a small message, hundreds per message, and a call
    per step costs more than the step itself)."""
    tags = _resolve(el.tag, path)
    if tags[0][1] == "*":  # a {*} wildcard is left to lxml
        return find_direct(el, path)
    for tag in tags:
        per_tag = kinderen.get(el)
        if per_tag is None:
            per_tag = _children(el, kinderen)
            if per_tag is None:
                el = next(el.iterchildren(tag), None)
                if el is None:
                    return None
                continue
        found = per_tag.get(tag)
        if found is None:
            return None
        el = found[0]
    return el


def _every(el: etree._Element, tag: str, kinderen: dict) -> Iterable[etree._Element]:
    per_tag = kinderen.get(el)
    if per_tag is None:
        per_tag = _children(el, kinderen)
        if per_tag is None:
            return el.iterchildren(tag)
    return per_tag.get(tag, ())


def find_direct(el: etree._Element, path: str) -> etree._Element | None:
    """``find`` without the lookup memory: lxml's tag-filtered child iterator per step (in C). What ``find`` uses
    outside an ``onthouden`` block, and for a caller that asks each element once (the memory would only cost)."""
    for tag in _resolve(el.tag, path):
        el = next(el.iterchildren(tag), None)
        if el is None:
            return None
    return el


def findall(el: etree._Element, path: str) -> list[etree._Element]:
    tags = _resolve(el.tag, path)
    kinderen = _ONTHOUDEN.kinderen
    if kinderen is not None and tags[0][1] != "*":  # exact tags (a {*} wildcard is left to lxml)
        if len(tags) == 1:
            return list(_every(el, tags[0], kinderen))
        current = [el]
        for tag in tags:
            current = [child for parent in current for child in _every(parent, tag, kinderen)]
        return current
    current = [el]
    for tag in tags:
        current = [child for parent in current for child in parent.iterchildren(tag)]
    return current


def first_children(elements: Iterable[etree._Element], path: str) -> list[etree._Element | None]:
    """``find(el, path)`` for each of many elements (the Bsn of each Client of a 323), nothing remembered: one C-level
    search per step, and no dict or list per element that the cyclic collector would walk while thousands of them
    are alive (which a lookup inside ``onthouden`` keeps)."""
    resolved: dict[str, tuple[str, ...]] = {}
    found = []
    for el in elements:
        tag = el.tag
        tags = resolved.get(tag)
        if tags is None:
            tags = resolved[tag] = _resolve(tag, path)
        for step in tags:
            el = next(el.iterchildren(step), None)
            if el is None:
                break
        found.append(el)
    return found


def text(el: etree._Element, path: str) -> str | None:
    found = find(el, path)
    return None if found is None else (found.text or "")


def date(el: etree._Element, path: str) -> dt.date | None:
    gevonden = _ONTHOUDEN.gevonden
    if gevonden is None:
        return _date(el, path)
    # The memo steps of ``find`` written out again on purpose: a shared helper would cost a call per lookup on the
    # hottest path of small messages (hundreds of lookups each).
    key = (el, path, date)  # beside find's (el, path) in the same memory: several rules read the same dates
    found = gevonden.get(key, _GEEN)
    if found is _GEEN:
        found = _date(el, path)
        if len(gevonden) < ONTHOUDEN_HOOGSTENS:
            gevonden[key] = found
    return found


def _date(el: etree._Element, path: str) -> dt.date | None:
    value = text(el, path)
    return dt.date.fromisoformat(value.strip()) if value and value.strip() else None


def integer(el: etree._Element, path: str) -> int | None:
    value = text(el, path)
    return int(value) if value is not None and value.strip() else None


def readable_path(el: etree._Element) -> str:
    """An XPath of local names with positions where an element repeats: /Bericht/Client/.../Prestatie[3].
    Linear in the number of siblings; ``Bericht.path_of`` is the cached form for many findings."""
    parts = []
    while el is not None:
        parent = el.getparent()
        parts.append(_step(el, parent))
        el = parent
    return "/" + "/".join(reversed(parts))


def _step(el: etree._Element, parent: etree._Element | None, position: int | None = None) -> str:
    name = local(el)
    if parent is None:
        return name
    if position is None:
        before = sum(1 for _ in el.itersiblings(el.tag, preceding=True))
        after = next(el.itersiblings(el.tag), None) is not None
        position = before + 1 if (before or after) else 0
    return f"{name}[{position}]" if position else name


class _lazy:  # noqa: N801 (used as a decorator, like functools.cached_property)
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first access, which costs more
    than the small values computed here): the value is computed on first access and kept in the instance. A Bericht is
    judged in one thread; should two threads ever race, both compute the same value."""

    def __init__(self, func) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass
class Bericht:
    """One identified message: its model, its tree and the clock rules read "vandaag" from."""

    name: str
    root: etree._Element
    clock: Clock = field(default_factory=SystemClock)

    @_lazy
    def model(self) -> dict:
        return corpus.message_model(self.name)

    @property
    def standard(self) -> str:
        return self.model["standard"]

    @_lazy
    def number(self) -> str:
        return self.name[-3:]

    @property
    def header(self) -> etree._Element:
        return self.root[0]

    @_lazy
    def dagtekening(self) -> dt.date:
        return date(self.header, "BerichtIdentificatie/Dagtekening")

    @_lazy
    def identificatie(self) -> str:
        return text(self.header, "BerichtIdentificatie/Identificatie")

    @property
    def klassen(self) -> dict[str, str]:
        """Berichtklasse name -> its (last) path below Bericht (``Client/ToegewezenProducten/ToegewezenProduct``).
        Use ``klasse_paden`` for classes at two places (301 Contact under Contactgegevens and under Relatie)."""
        return _klassen(self.name)[1]

    @property
    def klasse_paden(self) -> dict[str, list[str]]:
        """Berichtklasse name -> every path below Bericht where it stands."""
        return _klassen(self.name)[0]

    def all(self, klasse: str) -> list[etree._Element]:
        """Every element of a berichtklasse, in document order (looked up once per message: many rules ask)."""
        found = self._gevonden.get(klasse)
        if found is None:
            paths = self.klasse_paden[klasse]
            if len(paths) == 1:
                found = self.vind(paths[0])
            else:
                found = [el for path in paths for el in self.vind(path)]
                order = {el: i for i, el in enumerate(self.root.iter())}
                found.sort(key=order.__getitem__)
            self._gevonden[klasse] = found
        return list(found)

    def vind(self, path: str) -> list[etree._Element]:
        """``findall(root, path)`` for a path below Bericht, looked up once per message (the tree of a judged message
        does not change)."""
        found = self._gevonden.get(path)
        if found is None:
            found = self._gevonden[path] = findall(self.root, path)
        return list(found)

    @_lazy
    def _gevonden(self) -> dict[str, list[etree._Element]]:
        return {}

    def iter(self, path: str) -> Iterator[etree._Element]:
        return iter(self.vind(path))

    def path_of(self, el: etree._Element) -> str:
        """readable_path with sibling positions computed once per parent and the path of each parent once (fast for
        thousands of findings: a finding's path is its parent's, which is known, plus one step)."""
        paden = self._paden
        found = paden.get(el)
        if found is None:
            parent = el.getparent()
            if parent is None:
                found = "/" + _step(el, None)
            elif (local(parent), local(el)) in _enkelvoudig(self.name):  # at most once there (XSD): no position
                found = f"{self.path_of(parent)}/{local(el)}"
            else:
                found = f"{self.path_of(parent)}/{_step(el, parent, self._positions(parent).get(el, 0))}"
            paden[el] = found
        return found

    @_lazy
    def _paden(self) -> dict[etree._Element, str]:
        return {}

    @_lazy
    def _posities(self) -> dict[etree._Element, dict[etree._Element, int]]:
        return {}

    def _positions(self, parent: etree._Element) -> dict[etree._Element, int]:
        cache = self._posities
        found = cache.get(parent)
        if found is None:
            counts: dict[str, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
            seen: dict[str, int] = {}
            found = {}
            for child in parent:
                if counts[child.tag] > 1:
                    seen[child.tag] = seen.get(child.tag, 0) + 1
                    found[child] = seen[child.tag]
            cache[parent] = found
        return found

    def klasse_of(self, el: etree._Element) -> str | None:
        """The nearest berichtklasse at or above an element."""
        names = self._class_names
        while el is not None:
            name = local(el)
            if name in names:
                return name
            el = el.getparent()
        return None

    def klasse_element(self, el: etree._Element) -> etree._Element | None:
        names = self._class_names
        while el is not None:
            if local(el) in names:
                return el
            el = el.getparent()
        return None

    @property
    def _class_names(self) -> frozenset[str]:
        return _klassen(self.name)[2]


@cache
def _enkelvoudig(name: str) -> frozenset[tuple[str, str]]:
    """(parent, child) element names of message ``name`` where the child occurs at most once under that parent in
    every place of the model: its readable path step never needs a position (the rules judge XSD-valid messages)."""
    veelvoud: set[tuple[str, str]] = set()
    paren: set[tuple[str, str]] = set()
    stack = [("Bericht", node) for node in corpus.message_model(name)["tree"]]
    while stack:
        ouder, node = stack.pop()
        paar = (ouder, node["name"])
        paren.add(paar)
        if node["max"] != 1:
            veelvoud.add(paar)
        stack.extend((node["name"], kind) for kind in node.get("children", ()))
    return frozenset(paren - veelvoud)


@cache
def _klassen(name: str) -> tuple[dict[str, list[str]], dict[str, str], frozenset[str]]:
    """Per message type (worked out once): every path of each berichtklasse, its last path, and the class names."""
    paden: dict[str, list[str]] = {}
    for k in corpus.message_model(name)["berichtklassen"]:
        paden.setdefault(k["class"], []).append(k["path"].split("/", 1)[1])
    return paden, {klasse: lijst[-1] for klasse, lijst in paden.items()}, frozenset(paden)
