"""What ``ketenproef run`` shows while pytest runs: live progress instead of pytest's own output.

pytest runs in a subprocess with its output (dots, tracebacks, the list of failures) written to a log file in the
report folder; the plugin ``suite.voortgang`` sends one JSON line per finished scenario run over a pipe. On a
terminal that becomes a ``rich`` progress bar (counts, time left, the last scenario); elsewhere (CI logs) a plain
line at every tenth of the run and at least every ``HARTSLAG`` seconds, so a log is never silent for long.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rich import progress as rp
from rich.console import Group
from rich.live import Live
from rich.text import Text

from suite.voortgang import ENV_FD

HARTSLAG = 20.0  # seconds: the longest a plain log stays silent while scenarios run
LOG_STAART = 15  # lines of the pytest log shown (on stdout, like pytest's own) when pytest could not run
UITKOMSTEN = ("geslaagd", "gefaald", "overgeslagen")


def draai(cmd: list[str], spec: str, log: Path, bij_start=None) -> int:
    """Run pytest (``cmd``) with its output into ``log`` while showing its progress; pytest's exit code.
    ``bij_start`` (optional) is called once, when pytest reports how many scenario runs it collected."""
    lees, schrijf = os.pipe()
    env = {**os.environ, ENV_FD: str(schrijf)}
    try:
        with open(log, "w", encoding="utf-8") as uit:
            proces = subprocess.Popen(cmd, stdout=uit, stderr=subprocess.STDOUT, pass_fds=(schrijf,), env=env)
    finally:
        os.close(schrijf)
    try:
        with os.fdopen(lees, "rb") as stroom, _weergave(spec) as weergave:
            for gebeurtenis in gebeurtenissen(stroom.fileno(), HARTSLAG / 4):
                weergave.verwerk(gebeurtenis)
                if bij_start is not None and gebeurtenis is not None and "totaal" in gebeurtenis:
                    bij_start()
                    bij_start = None
        code = proces.wait()
    finally:
        if proces.poll() is None:
            proces.terminate()
            proces.wait()
    if code not in (0, 1, 5):
        _staart(log)
    return code


def gebeurtenissen(fd: int, wachttijd: float) -> Iterator[dict | None]:
    """The events on the pipe, and ``None`` each time ``wachttijd`` seconds pass without one; ends at EOF."""
    rest = b""
    while True:
        klaar, _, _ = select.select([fd], [], [], wachttijd)
        if not klaar:
            yield None
            continue
        blok = os.read(fd, 65536)
        if not blok:
            return
        *regels, rest = (rest + blok).split(b"\n")
        for regel in regels:
            if regel.strip():
                yield json.loads(regel)


def _staart(log: Path) -> None:
    regels = log.read_text(encoding="utf-8", errors="replace").splitlines()[-LOG_STAART:]
    print("\n".join(["uitvoer van pytest (laatste regels, alles in " + str(log) + "):", *regels]), flush=True)


def _weergave(spec: str) -> Weergave:
    return Balk(spec) if sys.stdout.isatty() else Regels(spec)


class Weergave:
    """Counts what has finished; the subclasses show it."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        systemen = spec.split(",")
        self.naam = spec if len(systemen) == 1 else f"{systemen[0]} en {len(systemen) - 1} andere"
        self.totaal = 0
        self.telling = dict.fromkeys(UITKOMSTEN, 0)
        self.laatste = ""
        self.begin = time.monotonic()

    @property
    def klaar(self) -> int:
        return sum(self.telling.values())

    def verwerk(self, gebeurtenis: dict | None) -> None:
        if gebeurtenis is None:
            self.stil()
        elif "totaal" in gebeurtenis:
            self.totaal = int(gebeurtenis["totaal"])
            self.gestart()
        elif gebeurtenis.get("uitkomst") in self.telling:
            self.telling[gebeurtenis["uitkomst"]] += 1
            self.laatste = gebeurtenis.get("titel", "")
            self.bijgewerkt()

    def tellingen(self) -> str:
        return ", ".join(f"{n} {uitkomst}" for uitkomst, n in self.telling.items())

    def gestart(self) -> None: ...

    def bijgewerkt(self) -> None: ...

    def stil(self) -> None: ...

    def __enter__(self) -> Weergave:
        return self

    def __exit__(self, *exc) -> None: ...


class Regels(Weergave):
    """Plain lines for a log: one per tenth of the run, and one whenever ``HARTSLAG`` seconds passed without one."""

    def __init__(self, spec: str) -> None:
        super().__init__(spec)
        self.volgende = 1
        self.vorige_regel = self.begin_uitvoering = time.monotonic()

    def gestart(self) -> None:
        self.volgende = max(1, self.totaal // 10)
        self.begin_uitvoering = time.monotonic()
        self.regel(f"{self.totaal} scenario-uitvoeringen")

    def bijgewerkt(self) -> None:
        stap = max(1, self.totaal // 10)
        if self.klaar >= self.volgende or self.klaar >= self.totaal or time.monotonic() - self.vorige_regel >= HARTSLAG:
            self.volgende = (self.klaar // stap + 1) * stap
            self.stand()

    def stil(self) -> None:
        if time.monotonic() - self.vorige_regel >= HARTSLAG:
            self.stand(bezig=True)

    def stand(self, bezig: bool = False) -> None:
        nu = time.monotonic()
        if not self.totaal:
            self.regel(f"scenario's verzamelen en workers starten, {_duur(nu - self.begin)} verstreken")
            return
        over = ""
        if self.klaar and self.totaal > self.klaar:  # the pace since the scenarios started, not since start-up
            over = f", nog ca. {_duur((nu - self.begin_uitvoering) / self.klaar * (self.totaal - self.klaar))}"
        wacht = f"; bezig, laatste klaar: {_kort(self.laatste, 80)}" if bezig and self.laatste else ""
        self.regel(f"{self.klaar}/{self.totaal} ({self.tellingen()}), {_duur(nu - self.begin)} verstreken"
                   f"{over}{wacht}")

    def regel(self, tekst: str) -> None:
        print(f"  {self.naam}: {tekst}", flush=True)
        self.vorige_regel = time.monotonic()


class Balk(Weergave):
    """On a terminal, two lines that ``rich`` keeps up to date: a bar with done/total, the counts per outcome and
    the time left, and beneath it the scenario that finished last."""

    def __init__(self, spec: str) -> None:
        super().__init__(spec)
        self.progress = rp.Progress(
            rp.TextColumn(" "), rp.BarColumn(bar_width=None), rp.MofNCompleteColumn(),
            rp.TextColumn("[green]{task.fields[geslaagd]} geslaagd[/] [red]{task.fields[gefaald]} gefaald[/] "
                          "[yellow]{task.fields[overgeslagen]} overgeslagen[/]"),
            rp.TextColumn("nog"), rp.TimeRemainingColumn(), expand=True)
        self.taak = self.progress.add_task(spec, total=None, **self.telling)
        self.tekst = Text("  scenario's verzamelen ...", style="dim", no_wrap=True, overflow="ellipsis")
        self.live = Live(Group(self.progress, self.tekst), refresh_per_second=4)

    def __enter__(self) -> Balk:
        self.live.start()
        return self

    def __exit__(self, *exc) -> None:
        self.tekst.plain = f"  {self.klaar} scenario-uitvoeringen in {_duur(time.monotonic() - self.begin)}"
        self.live.stop()

    def gestart(self) -> None:
        self.progress.update(self.taak, total=self.totaal)

    def bijgewerkt(self) -> None:
        self.progress.update(self.taak, completed=self.klaar, **self.telling)
        self.tekst.plain = f"  {self.laatste}"


def _duur(seconden: float) -> str:
    minuten, rest = divmod(int(seconden), 60)
    return f"{minuten}:{rest:02d}"


def _kort(tekst: str, lengte: int) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"
