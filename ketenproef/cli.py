"""The ``ketenproef`` command line. A public interface: keep it stable and documented in the README."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ketenproef.clock import clock_for

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
DATUM_HELP = "'vandaag' for the date rules (TR135 ...), JJJJ-MM-DD; default: the system date"
LIJST_HELP = "JSON {ProductCategorie: [ProductCode, ...]}: the product code list TR381 judges against (default: none)"


def _datum(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {value!r}") from exc


def _productcodelijst(value: str):
    """``--productcodelijst FILE``: JSON {ProductCategorie: [ProductCode, ...]}, the list TR381 judges against."""
    from ketenproef.keten.config import KetenConfig

    try:
        lijst = json.loads(Path(value).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"geen leesbare productcodelijst {value!r}: {exc}") from exc
    if not isinstance(lijst, dict) or not all(isinstance(c, list) and all(isinstance(x, str) for x in c)
                                              for c in lijst.values()):
        raise argparse.ArgumentTypeError(f"{value}: verwacht een JSON-object van ProductCategorie naar een lijst "
                                         f"ProductCodes, bv. {{\"02\": [\"02A16\"]}}")
    return KetenConfig(productcodes={str(k): frozenset(v) for k, v in lijst.items()})


def _files(paths: list[str]) -> list[Path]:
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(path.rglob("*.xml")))
        elif path.is_file():
            out.append(path)
        else:
            raise FileNotFoundError(raw)
    return out


def cmd_validate(args) -> int:
    from ketenproef.validate import validate

    clock = clock_for(args.datum)
    all_valid = True
    for path in _files(args.files):
        report = validate(path.read_bytes(), clock=clock, config=args.productcodelijst)
        all_valid &= report.valid
        if args.json:
            print(json.dumps({"file": str(path), **report.as_dict()}, ensure_ascii=False))
        else:
            print(_human(path, report))
    return EXIT_OK if all_valid else EXIT_INVALID


def _human(path: Path, report) -> str:
    what = f"{report.message} ({report.standard} {report.release})" if report.message else "onbekend bericht"
    lines = [f"{path}: {what}: {'GOED' if report.valid else 'AFGEKEURD'}"]
    for f in report.findings:
        where = f" regel {f.line}" if f.line else ""
        code = f" [{f.retourcode}]" if f.retourcode else ""
        lines.append(f"  {f.rule}{code} {f.path or ''}{where}: {f.text}")
    return "\n".join(lines)


def cmd_retour(args) -> int:
    from ketenproef import factory
    from ketenproef.retour import retour_for
    from ketenproef.validate import validate

    clock = clock_for(args.datum)
    report = validate(Path(args.file).read_bytes(), clock=clock, config=args.productcodelijst)
    tree = retour_for(report, clock=clock, identificatie=args.identificatie) if report.bericht else None
    if tree is None:
        print(_human(Path(args.file), report), file=sys.stderr)
        print("Geen retourbericht: bij een XSD- of leesfout stuurt de ontvanger geen retour maar een "
              "foutrapport (IV028/IV087).", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.buffer.write(factory.serialise(tree))
    return EXIT_OK


def cmd_voorbeeld(args) -> int:
    from ketenproef import corpus
    from ketenproef.generator import voorbeeld

    name = args.bericht.upper()
    if name not in corpus.message_names():
        print(f"onbekend bericht {args.bericht}; kies uit {', '.join(corpus.message_names())}", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.uit)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(args.aantal):
        path = out / f"{name}_{args.seed + i}.xml"
        path.write_bytes(voorbeeld(name, args.seed + i))
        print(path)
    return EXIT_OK


def cmd_corpus(args) -> int:
    from ketenproef.examples import check_corpus

    results = check_corpus()
    failed = [r for r in results if not r.ok]
    for r in results:
        if args.verbose or not r.ok:
            print(r.line())
    print(f"{len(results)} voorbeelden, {len(results) - len(failed)} zoals verwacht, {len(failed)} afwijkend")
    return EXIT_OK if not failed else EXIT_INVALID


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ketenproef", description="Conformance toolkit for iWmo 3.2 and iJw 3.2.")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="judge messages as the receiving party would")
    v.add_argument("--json", action="store_true", help="one JSON object per file per line")
    v.add_argument("--datum", type=_datum, help=DATUM_HELP)
    v.add_argument("--productcodelijst", type=_productcodelijst, metavar="FILE", help=LIJST_HELP)
    v.add_argument("files", nargs="+", metavar="FILE", help="XML files or folders")
    v.set_defaults(func=cmd_validate)
    r = sub.add_parser("retour", help="print the retour (or 325) a correct receiver sends for a heenbericht")
    r.add_argument("--datum", type=_datum, help=DATUM_HELP)
    r.add_argument("--productcodelijst", type=_productcodelijst, metavar="FILE", help=LIJST_HELP)
    r.add_argument("--identificatie", default="RETOUR000001", help="IdentificatieRetour / id of the 325")
    r.add_argument("file", metavar="FILE")
    r.set_defaults(func=cmd_retour)
    g = sub.add_parser("voorbeeld", help="write valid synthetic messages")
    g.add_argument("bericht", metavar="BERICHT", help="WMO301 ... WMO325, JW301 ... JW325")
    g.add_argument("--aantal", type=int, default=1)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--uit", required=True, metavar="DIR")
    g.set_defaults(func=cmd_voorbeeld)
    c = sub.add_parser("corpus", help="judge every bundled example against its expected outcome")
    c.add_argument("-v", "--verbose", action="store_true")
    c.set_defaults(func=cmd_corpus)
    for register in _plugins():
        register(sub)
    return p


def _plugins():
    """Subcommands contributed by the layers above the core (``serve`` by mockserver, ``run`` by the suite),
    through the entry-point group ``ketenproef.commands``; the core never imports them itself."""
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group="ketenproef.commands"), key=lambda e: e.name):
        yield ep.load()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as exc:
        print(f"ketenproef: bestand niet gevonden: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
