"""The conformance statement of a run (``verklaring.json`` and ``verklaring.html`` in the report folder) and
``ketenproef verklaring controleer MAP``, which checks a report folder against its statement.

The statement names the systems (with their version), the Ketenproef version, a SHA-256 over the corpus (and one
over the rule register), the date, seed and selection, the verdict, the rule counts of the coverage matrix, the
failed rules, and a SHA-256 manifest of every evidence file in the folder (relative paths, sorted; all files but
``verklaring.*`` and the report folders of other runs below it). It is written last, after every other piece of
evidence. The HTML page (and, where it can be made offline, ``verklaring.pdf``: ``suite.verklaring_pdf``) is
written before the JSON, which records their hashes (``eigen_sha256``), so ``controleer`` notices a changed page
too. Markup and print style are in ``verklaring_pagina.html`` next to this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from html import escape
from importlib import metadata
from pathlib import Path
from string import Template

from ketenproef.cli_nl import UsageError

JSON_NAAM, HTML_NAAM, PDF_NAAM = "verklaring.json", "verklaring.html", "verklaring.pdf"
EIGEN_PREFIX = "verklaring."  # verklaring.json, .html and .pdf (and any later form) are not evidence
SJABLOON = Path(__file__).with_name("verklaring_pagina.html")
UITKOMSTEN = ("geslaagd", "gefaald", "niet uitgevoerd", "niet gedekt", "niet toetsbaar")
VOLDOET, VOLDOET_NIET = "voldoet", "voldoet niet"
EXIT_OK, EXIT_AFWIJKING, EXIT_GEBRUIK = 0, 1, 2
FORMAAT = 1
BLOK = 1 << 20


# ------------------------------------------------------------------------------------------------ hashes
def sha256_bestand(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        while blok := f.read(BLOK):
            h.update(blok)
    return h.hexdigest()


def _eigen(relatief: str) -> bool:
    """The statement's own files (top level ``verklaring.*``) are not part of the evidence."""
    return "/" not in relatief and relatief.startswith(EIGEN_PREFIX)


def _andere_run(map_: Path) -> bool:
    """A subfolder that is the report folder of a run of its own (``reports/run-...`` inside the ``reports/`` of
    ``make rapport``): it has its own ``resultaten/`` or ``verklaring.json``, and is not evidence of this run."""
    return (map_ / "resultaten").is_dir() or (map_ / JSON_NAAM).is_file()


def bestanden(map_: Path) -> list[str]:
    """Every evidence file below ``map_``: relative POSIX paths, sorted, without ``verklaring.*`` and without the
    report folders of other runs below it."""
    out = []
    basis = os.fspath(map_)
    for wortel, mappen, namen in os.walk(basis):  # plain strings: a Path per file cost more than its hash
        mappen[:] = [m for m in mappen if not _andere_run(Path(wortel, m))]
        rel = os.path.relpath(wortel, basis)
        voor = "" if rel == "." else Path(rel).as_posix() + "/"
        out += [voor + naam for naam in namen
                if os.path.isfile(os.path.join(wortel, naam)) and not _eigen(voor + naam)]
    return sorted(out)


def manifest(map_: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every evidence file in the report folder, in sorted order."""
    return {rel: sha256_bestand(map_ / rel) for rel in bestanden(map_)}


def map_hash(map_: Path) -> str:
    """One SHA-256 over a folder: per file (sorted relative path) a line ``path NUL sha256``; caches skipped."""
    h = hashlib.sha256()
    for pad in sorted((p for p in map_.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                      key=lambda p: p.relative_to(map_).as_posix()):
        h.update(f"{pad.relative_to(map_).as_posix()}\0{sha256_bestand(pad)}\n".encode())
    return h.hexdigest()


def ketenproef_versie() -> str:
    try:
        return metadata.version("ketenproef")
    except metadata.PackageNotFoundError:
        return "onbekend (niet geinstalleerd)"


# ------------------------------------------------------------------------------------------- the statement
def verklaring(map_: Path, matrix: dict | None, *, specs: list[str], selectie: str | None,
               sut_versie: str | None = None) -> dict:
    """The statement as a dict, with the manifest of ``map_`` as it is now."""
    from ketenproef import corpus
    from sut.registry import systems

    ingebouwd = {s.name for s in systems()}
    versie = ketenproef_versie()
    rules = (matrix or {}).get("rules", {})
    per_uitkomst = (matrix or {}).get("per_uitkomst", {})
    corpusmap = corpus.corpus_dir()
    systemen = [_systeem(run, ingebouwd, versie, sut_versie) for run in _runs(matrix, specs)]
    voldoet = (matrix or {}).get("oordeel") == VOLDOET and all(s["oordeel"] == VOLDOET for s in systemen)
    return {
        "formaat": FORMAAT,
        "oordeel": VOLDOET if voldoet else VOLDOET_NIET,
        "systemen": systemen,
        "ketenproef": versie,
        "corpus": {"sha256": map_hash(corpusmap), "register_sha256": sha256_bestand(corpusmap / "regels" /
                                                                                    "register.json")},
        "datum": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "selectie": selectie or "",
        "regels": {"totaal": len(rules), **{u: per_uitkomst.get(u, 0) for u in UITKOMSTEN}},
        "uitvoeringen": (matrix or {}).get("uitvoeringen", {}),
        "gefaalde_regels": _gefaald(rules),
        "manifest": manifest(map_),
    }


def _runs(matrix: dict | None, specs: list[str]) -> list[dict]:
    runs = (matrix or {}).get("runs") or []
    gezien = {run.get("sut") for run in runs}
    return runs + [{"sut": spec, "oordeel": VOLDOET_NIET} for spec in specs if spec not in gezien]


def _systeem(run: dict, ingebouwd: set[str], versie: str, sut_versie: str | None) -> dict:
    naam = run.get("sut") or ""
    if sut_versie:
        eigen = sut_versie
    elif naam in ingebouwd or {s.strip() for s in naam.split(",")} <= ingebouwd:
        eigen = f"ketenproef {versie} (ingebouwd systeem)"
    else:
        eigen = "niet opgegeven (ketenproef run --sut-versie)"
    return {"naam": naam, "versie": eigen, "rol": run.get("rol"), "seed": run.get("seed"),
            "datum": run.get("datum"), "oordeel": run.get("oordeel", VOLDOET_NIET),
            "uitvoeringen": run.get("uitvoeringen", {})}


def _gefaald(rules: dict) -> list[dict]:
    out = []
    for rule_id, rule in sorted(rules.items()):
        if rule.get("verdict") != "gefaald":
            continue
        mis = [s for s in rule.get("scenarios", []) if s.get("uitkomst") == "failed"]
        out.append({"id": rule_id, "titel": rule.get("titel", ""), "retourcode": rule.get("retourcode"),
                    "gefaalde_uitvoeringen": len(mis),
                    "scenarios": [{"sut": s.get("sut"), "titel": s.get("titel") or s.get("naam"),
                                   "melding": s.get("melding", "")} for s in mis]})
    return out


def schrijf(map_: Path, matrix: dict | None, *, specs: list[str], selectie: str | None,
            sut_versie: str | None = None, pdf: bool = True, drukker=None) -> dict:
    """Write verklaring.html, verklaring.pdf (where possible), then verklaring.json (with the hashes of the other
    two) into ``map_``; return the statement. Call it after every other piece of evidence is in the folder.
    ``drukker``: a ``verklaring_pdf.Drukker`` started earlier (else chromium starts now)."""
    from suite import verklaring_pdf

    data = verklaring(map_, matrix, specs=specs, selectie=selectie, sut_versie=sut_versie)
    (map_ / HTML_NAAM).write_text(pagina(data), encoding="utf-8")
    (map_ / PDF_NAAM).unlink(missing_ok=True)
    if not pdf:
        reden = "geen PDF gevraagd"
    else:
        reden = (drukker or verklaring_pdf.Drukker()).druk(map_ / HTML_NAAM, map_ / PDF_NAAM)
    data["pdf"] = PDF_NAAM if reden is None else reden
    data["eigen_sha256"] = {naam: sha256_bestand(map_ / naam) for naam in (HTML_NAAM, PDF_NAAM)
                            if (map_ / naam).is_file()}
    (map_ / JSON_NAAM).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return data


# ------------------------------------------------------------------------------------------------ the check
def lees(map_: Path) -> dict:
    """verklaring.json of a report folder; UsageError (exit 2) when the folder or a usable statement is missing."""
    if not map_.is_dir():
        raise UsageError(f"{map_} {'is geen map' if map_.exists() else 'bestaat niet'}; geef een rapportmap")
    pad = map_ / JSON_NAAM
    if not pad.is_file():
        raise UsageError(f"geen {JSON_NAAM} in {map_}; die schrijft 'ketenproef run' aan het eind van een run")
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except OSError as exc:
        from ketenproef.cli_nl import os_reason

        raise UsageError(f"kan {pad} niet lezen: {os_reason(exc)}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{pad} is geen leesbaar JSON-bestand (UTF-8)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("manifest"), dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data["manifest"].items()):
        raise UsageError(f"{pad} is geen verklaring van ketenproef: er staat geen manifest (pad -> sha256) in")
    return data


def afwijkingen(map_: Path, data: dict) -> list[str]:
    """One Dutch line per changed, missing, added or unreadable file (empty when the folder matches)."""
    verwacht: dict[str, str] = dict(data["manifest"])
    eigen = data.get("eigen_sha256")
    if isinstance(eigen, dict):
        verwacht.update({k: v for k, v in eigen.items() if k in (HTML_NAAM, PDF_NAAM) and isinstance(v, str)})
    aanwezig = set(bestanden(map_)) | {naam for naam in (HTML_NAAM, PDF_NAAM) if (map_ / naam).is_file()}
    regels = []
    for rel in sorted(verwacht.keys() | aanwezig):
        if rel not in aanwezig:
            regels.append(f"ontbreekt: {rel}")
        elif rel not in verwacht:
            regels.append(f"toegevoegd: {rel}")
        else:
            try:
                nu = sha256_bestand(map_ / rel)
            except OSError:
                regels.append(f"onleesbaar: {rel}")
                continue
            if nu != verwacht[rel]:
                regels.append(f"gewijzigd: {rel}")
    return regels


def controleer(map_: Path) -> tuple[int, list[str]]:
    """(exit code, lines to print): 0 and a confirmation when the folder matches its statement, 1 and one line
    per deviation otherwise. A usage error raises UsageError (exit 2)."""
    data = lees(map_)
    regels = afwijkingen(map_, data)
    if regels:
        return EXIT_AFWIJKING, [*regels, f"{map_}: {len(regels)} afwijking(en) van {JSON_NAAM}: het bewijs is "
                                          "niet meer zoals de run het schreef"]
    eigen = "".join(f", {naam}" for naam in sorted(data.get("eigen_sha256") or {}))
    return EXIT_OK, [f"{map_}: in orde, alle {len(data['manifest'])} bewijsbestanden{eigen} komen overeen met "
                     f"{JSON_NAAM} (oordeel: {data.get('oordeel', '?')})"]


# -------------------------------------------------------------------------------------------------- command
def register(sub) -> None:
    """``ketenproef verklaring controleer MAP`` (entry-point group ``ketenproef.commands``)."""
    p = sub.add_parser("verklaring", help="de conformanceverklaring van een run (verklaring.json/.html)",
                       description="Werk met de verklaring die 'ketenproef run' in de rapportmap schrijft.")
    opdrachten = p.add_subparsers(title="opdrachten", dest="verklaring_opdracht", required=True,
                                  metavar="OPDRACHT")
    c = opdrachten.add_parser("controleer", help="controleer een rapportmap tegen haar verklaring.json",
                              description="Vergelijk elk bestand in de rapportmap met het manifest (SHA-256) in "
                                          "verklaring.json: een regel per gewijzigd, ontbrekend of toegevoegd "
                                          "bestand. Exit 0 als alles klopt, 1 bij een afwijking, 2 bij verkeerd "
                                          "gebruik.")
    c.add_argument("map", metavar="MAP", help="de rapportmap van een run (met verklaring.json)")
    c.set_defaults(func=cmd_controleer)


def cmd_controleer(args) -> int:
    code, regels = controleer(Path(args.map))
    print("\n".join(regels))
    return code


# ----------------------------------------------------------------------------------------------------- page
def pagina(data: dict) -> str:
    """verklaring.html: verdict on top, the facts, the failed rules, the manifest; print-friendly (A4)."""
    oordeel = data["oordeel"]
    return Template(SJABLOON.read_text(encoding="utf-8")).substitute(
        oordeel=escape(oordeel), klasse="voldoet" if oordeel == VOLDOET else "voldoet-niet",
        feiten=_feiten(data), regels=_telling(data["regels"]), gefaald=_gefaalde(data["gefaalde_regels"]),
        aantal=len(data["manifest"]), manifest="".join(
            f"<tr><td>{escape(rel)}</td><td class=hash>{h}</td></tr>" for rel, h in data["manifest"].items()))


def _feiten(data: dict) -> str:
    rijen = []
    for s in data["systemen"]:
        rijen.append(("systeem", f"{s['naam']} ({s.get('rol') or 'rol onbekend'}): {s['oordeel']}"))
        rijen.append(("versie van het systeem", s["versie"]))
        rijen.append(("seed", s.get("seed") or "-"))
    rijen += [("versie van Ketenproef", data["ketenproef"]), ("datum", data["datum"]),
              ("selectie (-m)", data["selectie"] or "alles"), ("corpus (SHA-256)", data["corpus"]["sha256"]),
              ("regelregister (SHA-256)", data["corpus"]["register_sha256"])]
    u = data.get("uitvoeringen") or {}
    if u:
        rijen.append(("scenario-uitvoeringen", f"{u.get('totaal', 0)}: {u.get('geslaagd', 0)} geslaagd, "
                                               f"{u.get('gefaald', 0)} gefaald, {u.get('overgeslagen', 0)} "
                                               "overgeslagen"))
    return "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rijen)


def _telling(regels: dict) -> str:
    return "".join(f"<tr><th>{escape(k)}</th><td>{regels.get(k, 0)}</td></tr>" for k in ("totaal", *UITKOMSTEN))


def _gefaalde(gefaald: list[dict]) -> str:
    if not gefaald:
        return "<p>Geen regel gefaald.</p>"
    items = []
    for r in gefaald:
        code = f" (retourcode {escape(r['retourcode'])})" if r.get("retourcode") else ""
        scen = "".join(f"<li>{escape(s['titel'] or '')}{' [' + escape(s['sut']) + ']' if s.get('sut') else ''}"
                       f"{': ' + escape(s['melding']) if s.get('melding') else ''}</li>" for s in r["scenarios"])
        items.append(f"<li><strong>{escape(r['id'])}</strong>{code}: {escape(r['titel'])} - "
                     f"{r['gefaalde_uitvoeringen']} gefaalde scenario-uitvoering(en)<ul>{scen}</ul></li>")
    return f"<ol class=gefaald>{''.join(items)}</ol>"
