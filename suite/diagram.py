"""A small SVG sequence diagram of one conversation: the system under test and the ketenpartner as lifelines,
one arrow per exchanged message with its type, identificatie, retourcodes and (deliberate) faults."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

BREEDTE, KOP, STAP = 760, 70, 52
REGEL_HOOGTE, TEKENS_PER_REGEL = 16, 100  # a title line: 12px bold sans-serif stays within BREEDTE
X_SYSTEEM, X_PARTNER = 140, 620
_CODE = re.compile(rb"<(?:\w+:)?RetourCode(?:\s[^>]*)?>\s*(\w+)\s*<")


@dataclass
class Pijl:
    """One message on the diagram. ``van_systeem``: sent by the SUT (else by the ketenpartner)."""

    van_systeem: bool
    titel: str
    codes: list[str] = field(default_factory=list)
    opmerking: str = ""
    afgekeurd: bool = False
    retour: bool = False


def retourcodes(xml: bytes | None) -> list[str]:
    """The RetourCodes in a message, in document order, without repeats."""
    seen: dict[str, None] = {}
    for code in _CODE.findall(xml or b""):
        seen.setdefault(code.decode())
    return list(seen)


def pijl_uit_log(entry: dict, xml: bytes | None = None) -> Pijl:
    """An arrow for one entry of the ketenpartner's exchange log (``richting`` in = from the SUT)."""
    titel = f"{entry.get('message') or 'onbekend bericht'} {entry.get('identificatie') or ''}".strip()
    slecht = [o for o in entry.get("oordelen") or [] if not o.get("goed")]
    regels = sorted({b.get("rule") for b in entry.get("bevindingen") or [] if b.get("rule")})
    fouten = [f.get("naam") for f in entry.get("fouten") or [] if f.get("naam")]
    delen = []
    if regels:
        delen.append("bevindingen " + ", ".join(regels))
    if fouten:
        delen.append("fout: " + ", ".join(fouten))
    if slecht:
        delen.append("oordeel: " + ", ".join(o.get("soort", "?") for o in slecht))
    return Pijl(van_systeem=entry.get("richting") == "in", titel=titel, codes=retourcodes(xml),
                opmerking="; ".join(delen), afgekeurd=entry.get("status") in ("afgekeurd", "geweigerd") or bool(slecht),
                retour=entry.get("soort") == "retour")


def svg(pijlen: list[Pijl], titel: str = "", systeem: str = "systeem", partner: str = "ketenpartner",
        ondertitel: str = "") -> str:
    """The diagram as an SVG document (UTF-8 text). A long title is wrapped, never cut off."""
    kop, dy = _kop(titel, ondertitel)
    hoogte = KOP + dy + STAP * max(len(pijlen), 1) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{BREEDTE}" height="{hoogte}" '
           f'viewBox="0 0 {BREEDTE} {hoogte}" font-family="sans-serif" font-size="12">',
           '<defs><marker id="pijl" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">'
           '<path d="M0,0 L10,4 L0,8 z" fill="context-stroke"/></marker></defs>',
           f'<rect width="{BREEDTE}" height="{hoogte}" fill="white"/>', *kop]
    for x, naam in ((X_SYSTEEM, systeem), (X_PARTNER, partner)):
        out.append(f'<rect x="{x - 90}" y="{28 + dy}" width="180" height="26" rx="4" fill="#eef2f7" stroke="#345"/>')
        out.append(f'<text x="{x}" y="{45 + dy}" text-anchor="middle">{escape(naam)}</text>')
        out.append(f'<line x1="{x}" y1="{54 + dy}" x2="{x}" y2="{hoogte - 10}" stroke="#999" stroke-dasharray="4 4"/>')
    for i, p in enumerate(pijlen):
        out.extend(_pijl(p, KOP + dy + STAP * i + 18))
    if not pijlen:
        out.append(f'<text x="{BREEDTE // 2}" y="{KOP + dy + 20}" text-anchor="middle" fill="#777">'
                   'geen berichten uitgewisseld</text>')
    out.append("</svg>")
    return "\n".join(out)


def _kop(titel: str, ondertitel: str) -> tuple[list[str], int]:
    """The title (wrapped over as many lines as it needs) and a subtitle; the extra height they take."""
    regels = textwrap.wrap(titel, TEKENS_PER_REGEL) or [""]
    out = [f'<text x="{BREEDTE // 2}" y="{18 + REGEL_HOOGTE * i}" text-anchor="middle" font-weight="bold">'
           f'{escape(regel)}</text>' for i, regel in enumerate(regels)]
    if ondertitel:
        out.append(f'<text x="{BREEDTE // 2}" y="{18 + REGEL_HOOGTE * len(regels)}" text-anchor="middle" '
                   f'fill="#555">{escape(ondertitel)}</text>')
    return out, REGEL_HOOGTE * (len(regels) - 1 + bool(ondertitel))


def _pijl(p: Pijl, y: int) -> list[str]:
    x1, x2 = (X_SYSTEEM, X_PARTNER) if p.van_systeem else (X_PARTNER, X_SYSTEEM)
    kleur = "#b00020" if p.afgekeurd else ("#555" if p.retour else "#1a5fb4")
    streep = ' stroke-dasharray="6 3"' if p.retour else ""
    midden = (X_SYSTEEM + X_PARTNER) // 2
    label = p.titel + (f"  [{', '.join(p.codes)}]" if p.codes else "")
    out = [f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{kleur}" stroke-width="1.6"{streep} '
           'marker-end="url(#pijl)"/>',
           f'<text x="{midden}" y="{y - 6}" text-anchor="middle" fill="{kleur}">{escape(label)}</text>']
    if p.opmerking:
        out.append(f'<text x="{midden}" y="{y + 16}" text-anchor="middle" font-size="10" fill="#666">'
                   f'{escape(p.opmerking[:110])}</text>')
    return out
