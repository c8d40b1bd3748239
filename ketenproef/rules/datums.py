"""Generic date rules: dates that may not lie after the message Dagtekening."""

from __future__ import annotations

from functools import cache

from ketenproef import corpus
from ketenproef.bericht import Bericht, find
from ketenproef.rules.registry import regel

# Per message number: date element -> the parent elements in which TR134 compares it with the Dagtekening.
# (Geboortedatum is the client's, and in a 301 also each Relatie's.)
TR134_DATUMS = {
    "301": {"Datum": ("Geboortedatum",), "Toewijzingsdatum": ("ToegewezenProduct",)},
    "305": {"Datum": ("Geboortedatum",), "Begindatum": ("StartProduct",)},
    "307": {"Datum": ("Geboortedatum",), "Einddatum": ("StopProduct",)},
    "315": {"Datum": ("Geboortedatum",)},
    "323": {"Begindatum": ("DeclaratiePeriode", "ProductPeriode")},
    "325": {"Begindatum": ("ProductPeriode",)},
}


def _na(datum: str, dag: str) -> bool:
    """``datum`` lies after ``dag``; both ISO dates without time zone (XSD), compared as text when both have a
    4-digit year; the XSD also admits years past 9999 (later) and negative years (earlier)."""
    return datum > dag if len(datum) == 10 else not datum.startswith("-")


@regel("TR134", berichten=list(TR134_DATUMS))
def TR134(b: Bericht):
    """Geboortedatum, Toewijzingsdatum, begindatum van start, einddatum van stop en begindatum van
    declaratie- en productperiode liggen niet na de Dagtekening van het bericht."""
    dag = b.dagtekening.isoformat()
    if b.number in ("323", "325"):  # thousands of ProductPerioden: from the columns the declaratie rules read
        yield from _declaratie(b, dag)
        return
    for naam, paden in _paden(b.name):
        laat = [(datum, ouder) for pad, ouder in paden for datum in b.vind(pad) if _na(datum.text, dag)]
        if len(paden) > 1 and len(laat) > 1:  # late dates at several places: in document order, as before
            volgorde = {el: i for i, el in enumerate(b.root.iter())}
            laat.sort(key=lambda hit: volgorde[hit[0]])
        for datum, ouder in laat:
            yield datum, f"{ouder}/{naam} {datum.text} ligt na de Dagtekening {dag} van het bericht (TR134)."


@cache
def _paden(name: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Per date element of TR134 in message ``name``: its paths below Bericht with one of its parents of
    ``TR134_DATUMS`` above it, and that parent's name, from the message model (the rules judge XSD-valid messages, so
    these are all the places where it stands). The rule reads these few elements instead of searching the tree."""
    plekken: dict[str, list[tuple[str, str]]] = {naam: [] for naam in TR134_DATUMS[name[-3:]]}
    stack = [(node, "", "Bericht") for node in corpus.message_model(name)["tree"]]
    while stack:
        node, boven, ouder = stack.pop()
        pad = f"{boven}{node['name']}"
        if ouder in TR134_DATUMS[name[-3:]].get(node["name"], ()):
            plekken[node["name"]].append((pad, ouder))
        stack.extend((kind, f"{pad}/", node["name"]) for kind in node.get("children", ()))
    return tuple((naam, tuple(sorted(paden))) for naam, paden in plekken.items())


def _declaratie(b: Bericht, dag: str):
    """TR134 on a 323 (DeclaratiePeriode and each ProductPeriode) or 325 (each ProductPeriode): Begindatum; each
    period is tested once (``Prestaties.met_periode``), an element looked up only for a late one."""
    from ketenproef.rules.declaratie import prestaties

    periode = find(b.root, "Declaratie/DeclaratiePeriode/Begindatum") if b.number == "323" else None
    if periode is not None and _na(periode.text.strip(), dag):
        yield periode, (f"DeclaratiePeriode/Begindatum {periode.text} ligt na de Dagtekening {dag} van het bericht "
                        f"(TR134).")
    p = prestaties(b)
    for i in p.met_periode(lambda begin, _: _na(begin, dag)):
        yield (p.element(i, "ProductPeriode/Begindatum"),
               f"ProductPeriode/Begindatum {p.begin[i]} ligt na de Dagtekening {dag} van het bericht (TR134).")
