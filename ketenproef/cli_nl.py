"""The command line in Dutch: an argparse parser whose own texts (usage, help, errors) are Dutch, one-line usage
errors, and Dutch reasons for OS errors. Shared by ``ketenproef`` and the commands that plug into it.

argparse makes its texts translatable through gettext (its module-level ``_`` and ``ngettext``; see "How to
translate the argparse output" in the Python docs). Installing a gettext domain would translate every argparse
user in the process (pytest too, when the command line runs inside a test), so the Dutch catalog below is put in
place only while one of our parsers builds, formats or parses, and the previous functions are restored after.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_USAGE = 2

# msgid (as in Lib/argparse.py) -> Dutch; tests/unit/test_cli_gebruik.py checks each msgid still exists there.
CATALOG = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "subcommands": "opdrachten",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "waarde %r hoort niet bij deze optie",
    "the following arguments are required: %s": "verplicht maar niet opgegeven: %s",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "expected one argument": "verwacht een waarde",
    "expected at most one argument": "verwacht hooguit een waarde",
    "expected at least one argument": "verwacht minstens een waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r (verwacht: %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
}

OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "geen toegang (rechten)",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOSPC: "geen ruimte meer op de schijf",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EADDRINUSE: "het adres is al in gebruik (draait er al een?)",
    errno.EADDRNOTAVAIL: "dat adres hoort niet bij deze machine",
}
UNKNOWN_HOST = "onbekende host"  # socket.EAI_NONAME (os_reason: socket is not imported just for that number)


class UsageError(Exception):
    """Wrong input from the user: reported as one Dutch line on stderr, exit 2."""


def os_reason(exc: OSError) -> str:
    """A Dutch reason for an OS error (the system's own text for the rare ones)."""
    reason = OS_REASONS.get(exc.errno)
    if reason is None:
        socket = sys.modules.get("socket")  # a resolver error (gaierror) comes from socket, so it is loaded by then
        if socket is not None and exc.errno == socket.EAI_NONAME:
            reason = UNKNOWN_HOST
    return reason or exc.strerror or str(exc)


def _gettext(message: str) -> str:
    return CATALOG.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextmanager
def dutch() -> Iterator[None]:
    """argparse speaks Dutch inside this block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser in Dutch whose usage errors are one line on stderr (exit 2). Subparsers are of this class
    too (argparse creates them with the class of their parent)."""

    def __init__(self, *args, **kwargs) -> None:
        with dutch():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with dutch():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        """As argparse, but arguments nobody knows are reported by the (sub)command they were given to."""
        with dutch():
            namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            _chosen(self, namespace).error(_gettext("unrecognized arguments: %s") % " ".join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        with dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with dutch():
            return super().format_help()

    def error(self, message: str):
        self.exit(EXIT_USAGE, usage_line(self.prog, f"{message} (hulp: {self.prog} -h)"))


def _chosen(parser: argparse.ArgumentParser, namespace: argparse.Namespace) -> argparse.ArgumentParser:
    """The innermost subcommand parser that the namespace says was chosen (``parser`` itself without one)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            sub = action.choices.get(getattr(namespace, action.dest, None))
            if sub is not None:
                return _chosen(sub, namespace)
    return parser


def usage_line(prog: str, message: str) -> str:
    """The one line a usage error prints: ``prog: message``, newlines folded."""
    return f"{prog}: {' '.join(str(message).split())}\n"


def report_usage_error(prog: str, message: str) -> int:
    sys.stderr.write(usage_line(prog, message))
    return EXIT_USAGE


def add_renamed(parser: argparse.ArgumentParser, names: tuple[str, ...], old: str, **kwargs) -> None:
    """An option under its (Dutch) name, with its earlier spelling still accepted but no longer shown."""
    action = parser.add_argument(*names, **kwargs)
    hidden = {k: v for k, v in kwargs.items() if k not in ("help", "default", "metavar", "dest")}
    parser.add_argument(old, dest=action.dest, default=argparse.SUPPRESS, help=argparse.SUPPRESS, **hidden)


def positive_int(value: str) -> int:
    """``type=`` for a count of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"moet minstens 1 zijn, niet {number}")
    return number


def positive_seconds(value: str) -> float:
    """``type=`` for a duration in seconds, more than 0."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen getal (seconden): {value!r}") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"moet meer dan 0 seconden zijn, niet {value}")
    return seconds
