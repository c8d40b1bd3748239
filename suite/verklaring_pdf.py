"""``verklaring.pdf``: the statement's page printed to A4 PDF, where a maintained library can do that offline.

That is Playwright for Python (a development dependency: ``pip install -e '.[dev]'``) driving the system's
chromium (``$KETENPROEF_CHROMIUM``, else ``/usr/bin/chromium`` or ``chromium`` on PATH), the same pair the browser
test of the coverage page uses. Never ``playwright install``: that downloads a browser of its own. Without them
there is no PDF and the statement says why; print ``verklaring.html`` instead (it has an A4 print style).
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
from concurrent.futures import Future
from pathlib import Path

STANDAARD_CHROMIUM = "/usr/bin/chromium"


def chromium() -> str | None:
    """The chromium to print with, or None."""
    eigen = os.environ.get("KETENPROEF_CHROMIUM")
    if eigen:
        return eigen if os.access(eigen, os.X_OK) else None
    if os.access(STANDAARD_CHROMIUM, os.X_OK):
        return STANDAARD_CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Drukker:
    """Prints ``verklaring.html`` to A4 PDF (as its print style says) with chromium, started in a thread of its own
    as soon as this is made: ``ketenproef run`` makes one when pytest ends, so chromium's start-up (a second or two)
    overlaps writing the other evidence; ``druk`` prints one page and closes it. Playwright's sync API stays in that
    one thread."""

    def __init__(self) -> None:
        self._opdracht: queue.Queue = queue.Queue()
        self._uitkomst: Future = Future()
        self._draad = threading.Thread(target=self._werk, name="verklaring-pdf", daemon=True)
        self._draad.start()

    def druk(self, html: Path, pdf: Path) -> str | None:
        """Print ``html`` to ``pdf``: None when written, else why not (Dutch). Once per Drukker."""
        self._opdracht.put((html, pdf))
        return self._uitkomst.result()

    def stop(self) -> None:
        """Close chromium without printing (a run that ends before its statement, also when interrupted while
        the scenarios run): waits a little for it, so no browser outlives the run."""
        self._opdracht.put(None)
        self._draad.join(timeout=10)

    def _werk(self) -> None:
        try:
            self._uitkomst.set_result(self._start_en_druk())
        except BaseException as exc:  # reported to the caller of druk
            self._uitkomst.set_exception(exc)

    def _start_en_druk(self) -> str | None:
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            return self._zonder("geen PDF: Playwright ontbreekt (pip install -e '.[dev]'); druk verklaring.html af")
        browser = chromium()
        if browser is None:
            return self._zonder("geen PDF: geen chromium gevonden (apt-get install chromium of KETENPROEF_CHROMIUM); "
                                "druk verklaring.html af")
        pdf = None
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=browser, headless=True, args=["--no-sandbox"])
                try:
                    opdracht = self._opdracht.get()
                    if opdracht is None:
                        return None
                    html, pdf = opdracht
                    pagina = b.new_page()
                    pagina.goto(html.resolve().as_uri())
                    pagina.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
                finally:
                    b.close()
        except Error as exc:
            if pdf is not None:
                pdf.unlink(missing_ok=True)
            eerste = (str(exc).strip().splitlines() or ["onbekende fout"])[0]
            return f"geen PDF: chromium ({browser}) kon de pagina niet afdrukken: {eerste}"
        return None

    def _zonder(self, reden: str) -> str:
        self._opdracht.get()  # answer when asked, like a printer that could start
        return reden
