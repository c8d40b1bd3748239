"""The ``ketenproef`` command line. A public interface: keep it stable and documented in the README.

What the user reads is Dutch (``ketenproef.cli_nl``); wrong input gives one line on stderr and exit 2."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from ketenproef.cli_nl import DutchParser, UsageError, add_renamed, os_reason, positive_int, report_usage_error
from ketenproef.clock import clock_for

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
DATUM_HELP = "'vandaag' voor de datumregels (TR135, TR378 ...), JJJJ-MM-DD; standaard de systeemdatum"
LIJST_HELP = ("JSON {ProductCategorie: [ProductCode, ...]}: de productcodelijst waartegen TR381 toetst "
              "(standaard: geen)")
IDENTIFICATIE_LENGTE = 12  # LDT_IdentificatieBericht / LDT_IdentificatieDeclaratie: 1..12 tekens


def _datum(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {value!r}") from exc


def _productcodelijst(value: str):
    """``--productcodelijst BESTAND``: JSON {ProductCategorie: [ProductCode, ...]}, the list TR381 judges against."""
    from ketenproef.keten.config import KetenConfig

    try:
        lijst = json.loads(Path(value).read_text(encoding="utf-8"))
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"productcodelijst {value}: {os_reason(exc)}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"productcodelijst {value} is geen leesbaar JSON-bestand (UTF-8)") from exc
    if not isinstance(lijst, dict) or not all(isinstance(c, list) and all(isinstance(x, str) for x in c)
                                              for c in lijst.values()):
        raise argparse.ArgumentTypeError(f"{value}: verwacht een JSON-object van ProductCategorie naar een lijst "
                                         f"ProductCodes, bv. {{\"02\": [\"02A16\"]}}")
    return KetenConfig(productcodes={str(k): frozenset(v) for k, v in lijst.items()})


def _identificatie(value: str) -> str:
    if not value.strip() or len(value) > IDENTIFICATIE_LENGTE:
        raise argparse.ArgumentTypeError(f"1 tot {IDENTIFICATIE_LENGTE} tekens, niet alleen spaties: {value!r}")
    return value


def _files(paths: list[str]) -> list[Path]:
    """The files to judge: each file, and every ``*.xml`` below each folder (a folder without any is an error)."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise UsageError(f"kan de map {raw} niet lezen: geen toegang (rechten)")
            found = sorted(path.rglob("*.xml"))
            if not found:
                raise UsageError(f"geen XML-bestanden in {raw} (gezocht naar *.xml, ook in submappen)")
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(f"{raw} bestaat niet")
    return out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"kan {path} niet lezen: {os_reason(exc)}") from exc


def cmd_validate(args) -> int:
    from ketenproef.validate import validate

    clock = clock_for(args.datum)
    all_valid = True
    for path in _files(args.files):
        report = validate(_read(path), clock=clock, config=args.productcodelijst)
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

    path = _one_file(args.file)
    clock = clock_for(args.datum)
    report = validate(_read(path), clock=clock, config=args.productcodelijst)
    _refuse_a_retour(report.bericht)
    tree = retour_for(report, clock=clock, identificatie=args.identificatie) if report.bericht else None
    if tree is None:
        print(_human(path, report), file=sys.stderr)
        print("Geen retourbericht: bij een XSD- of leesfout stuurt de ontvanger geen retour maar een "
              "foutrapport (IV028/IV087).", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.buffer.write(factory.serialise(tree))
    return EXIT_OK


def _one_file(raw: str) -> Path:
    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw} is een map; retour maakt het antwoord op een bericht (geef een bestand)")
    if not path.exists():
        raise UsageError(f"{raw} bestaat niet")
    return path


def _refuse_a_retour(bericht) -> None:
    """A retourbericht (302 ... 320) or a 325 gets no retour of its own."""
    if bericht is not None and bericht.number != "323" and not bericht.model.get("retour_message"):
        raise UsageError(f"{bericht.name} is zelf een retourbericht en krijgt geen retour; geef een heenbericht "
                         "(301, 305, 307, 315, 317, 319 of 323)")


def cmd_voorbeeld(args) -> int:
    from ketenproef import corpus
    from ketenproef.generator import voorbeeld

    name = args.bericht.upper()
    if name not in corpus.message_names():
        raise UsageError(f"onbekend bericht {args.bericht}; kies uit {', '.join(corpus.message_names())}")
    out = _output_folder(Path(args.uit))
    for i in range(args.aantal):
        path = out / f"{name}_{args.seed + i}.xml"
        try:
            path.write_bytes(voorbeeld(name, args.seed + i))
        except OSError as exc:
            raise UsageError(f"kan {path} niet schrijven: {os_reason(exc)}") from exc
        print(path)
    return EXIT_OK


def _output_folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise UsageError(f"--uit {out} is een bestand; geef een map (die wordt zo nodig gemaakt)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"kan de map {out} niet maken: {os_reason(exc)}") from exc
    return out


def cmd_corpus(args) -> int:
    from ketenproef.examples import check_corpus

    results = check_corpus()
    failed = [r for r in results if not r.ok]
    for r in results:
        if args.verbose or not r.ok:
            print(r.line())
    print(f"{len(results)} voorbeelden, {len(results) - len(failed)} zoals verwacht, {len(failed)} afwijkend")
    return EXIT_OK if not failed else EXIT_INVALID


CORE_COMMANDS = ("validate", "retour", "voorbeeld", "corpus")


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``ketenproef`` parser. ``command`` is the first argument on the command line, when known: then only
    what that command needs is loaded, so that ``validate`` starts at once. A core command loads no plugin, a
    plugin command only the entry point of its own name; anything else (none, help, a typo, an alias) loads
    every plugin, so help and the list of choices name every command. The subcommand's own parser, its help and
    its errors are the same either way (tests/unit/test_cli_start.py)."""
    p = DutchParser(prog="ketenproef", description="Conformancetoolkit voor iWmo 3.2 en iJw 3.2: berichten "
                    "beoordelen, retouren maken, de ketenpartner spelen en de conformancesuite draaien.")
    sub = p.add_subparsers(title="opdrachten", dest="command", required=True, metavar="OPDRACHT")
    _validate(sub)
    _retour(sub)
    _voorbeeld(sub)
    _corpus(sub)
    for register in _plugins(command):
        register(sub)
    return p


def _validate(sub) -> None:
    v = sub.add_parser("validate", help="beoordeel berichten zoals de ontvanger dat doet",
                       description="Beoordeel elk bestand (of elk *.xml in een map) zoals de ontvangende partij: "
                                   "exit 0 alles goed, 1 iets afgekeurd, 2 verkeerd gebruik.")
    v.add_argument("--json", action="store_true", help="per bestand een JSON-object op een regel")
    v.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD", help=DATUM_HELP)
    v.add_argument("--productcodelijst", type=_productcodelijst, metavar="BESTAND", help=LIJST_HELP)
    v.add_argument("files", nargs="+", metavar="BESTAND", help="XML-bestanden of mappen (elk *.xml erin)")
    v.set_defaults(func=cmd_validate)


def _retour(sub) -> None:
    r = sub.add_parser("retour", help="toon de retour (of 325) die een correcte ontvanger op een heenbericht stuurt",
                       description="Schrijf de retour (302 ... 320) of het declaratie-antwoord (325) op een "
                                   "heenbericht naar stdout: exit 0, 1 als de standaard geen retour stuurt (XSD- of "
                                   "leesfout), 2 verkeerd gebruik.")
    r.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD", help=DATUM_HELP)
    r.add_argument("--productcodelijst", type=_productcodelijst, metavar="BESTAND", help=LIJST_HELP)
    r.add_argument("--identificatie", type=_identificatie, default="RETOUR000001", metavar="ID",
                   help="IdentificatieRetour of de identificatie van de 325 (1 tot 12 tekens; standaard "
                        "RETOUR000001)")
    r.add_argument("file", metavar="BESTAND", help="het heenbericht (301, 305, 307, 315, 317, 319 of 323)")
    r.set_defaults(func=cmd_retour)


def _voorbeeld(sub) -> None:
    g = sub.add_parser("voorbeeld", help="schrijf geldige synthetische berichten",
                       description="Schrijf AANTAL geldige synthetische berichten van het type BERICHT in een map.")
    g.add_argument("bericht", metavar="BERICHT", help="WMO301 ... WMO325, JW301 ... JW325")
    g.add_argument("--aantal", type=positive_int, default=1, metavar="N", help="hoeveel berichten (standaard 1)")
    g.add_argument("--seed", type=int, default=1, metavar="ZAAD",
                   help="zaad van het eerste bericht, elk volgend +1 (standaard 1); hetzelfde zaad geeft hetzelfde "
                        "bericht")
    g.add_argument("--uit", required=True, metavar="MAP", help="de map voor de berichten (wordt zo nodig gemaakt)")
    g.set_defaults(func=cmd_voorbeeld)


def _corpus(sub) -> None:
    c = sub.add_parser("corpus", help="beoordeel elk meegeleverd voorbeeld tegen zijn verwachte uitkomst",
                       description="Beoordeel elk voorbeeld uit corpus/voorbeelden: exit 0 als alles gaat zoals "
                                   "verwacht, 1 anders.")
    add_renamed(c, ("-v", "--uitgebreid"), "--verbose", dest="verbose", action="store_true",
                help="toon elk voorbeeld, niet alleen de afwijkende")
    c.set_defaults(func=cmd_corpus)


def _plugins(command: str | None = None):
    """Subcommands contributed by the layers above the core (``serve`` by mockserver, ``run`` by the suite),
    through the entry-point group ``ketenproef.commands``; the core never imports them itself. An entry point is
    named after the command it registers: for a core ``command`` none is loaded (not even the entry-point
    metadata), for a plugin command only its own, otherwise all of them."""
    if command in CORE_COMMANDS:
        return
    from importlib.metadata import entry_points

    found = sorted(entry_points(group="ketenproef.commands"), key=lambda e: e.name)
    for ep in [ep for ep in found if ep.name == command] or found:
        yield ep.load()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(argv[0] if argv else None).parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        return report_usage_error(f"ketenproef {args.command}", str(exc))
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"ketenproef {args.command}: afgebroken", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
