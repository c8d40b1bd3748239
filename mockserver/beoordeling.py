"""Judging a message in two steps, so that a large one never holds up the others.

1. ``enkel``: parse, identify, XSD and the single-message rules. It reads no chain state, so it runs outside
   the Keten lock; a large body runs in a worker thread (lxml parses and validates without the GIL).
2. ``keten_deel``: the chain rules (and rules on external data) against the Keten, under the Keten lock, so the
   order in which the Keten sees messages is the order in the store.

Together they are exactly ``ketenproef.validate.validate(data, clock=..., keten=...)``; a test keeps it so.
The ``Beoordelaar`` counts what is being judged, for the health check.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from ketenproef.findings import Report
from ketenproef.parse import parse_bytes
from ketenproef.validate import judge_chain, judge_message
from mockserver.afbraak import afbreken
from mockserver.config import SMALL_BODY


def enkel(data: bytes, clock, max_bytes: int) -> Report:
    """The judgement on the message alone (levels 1 and 2 and the single-message rules); pure."""
    parsed = parse_bytes(data, max_bytes)
    if not parsed.ok:
        return Report(findings=parsed.findings)
    report = judge_message(parsed.root, clock=clock)
    report.findings[:0] = parsed.findings
    return report


def keten_deel(report: Report, keten) -> None:
    """Add the chain rules' findings (given the Keten, or Ketens with one per standard); reads the Keten."""
    judge_chain(report, keten)


class Beoordelaar:
    """The worker threads for large messages, and how many messages are being judged or wait for the Keten."""

    def __init__(self, workers: int, max_bytes: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="beoordeling")
        self.max_bytes = max_bytes
        self._tel = threading.Lock()  # the counters change in worker threads too
        self.wachtrij = 0  # large messages waiting for a worker thread
        self.bezig = 0  # messages in their single-message part
        self.op_keten = 0  # messages waiting for or holding the Keten lock
        self.beoordeeld = 0
        self.opruimen = 0  # large judgements whose objects are still being freed (afbraak)

    async def enkel(self, data: bytes, clock) -> tuple[Report, str]:
        """The single-message judgement and the SHA-256 of the bytes (for a repeated delivery)."""
        if len(data) <= SMALL_BODY:
            return self._enkel(data, clock, queued=False)
        self._count(wachtrij=1)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, self._enkel, data, clock, True)

    def _enkel(self, data: bytes, clock, queued: bool) -> tuple[Report, str]:
        self._count(wachtrij=-1 if queued else 0, bezig=1)
        try:
            return enkel(data, clock, self.max_bytes), hashlib.sha256(data).hexdigest()
        finally:
            self._count(bezig=-1, beoordeeld=1)

    def _count(self, **delta: int) -> None:
        with self._tel:
            for name, value in delta.items():
                setattr(self, name, getattr(self, name) + value)

    def ruim_op(self, bak: list) -> None:
        """Free what judging a large message made, in a worker thread (``afbraak``); counted until done."""
        self._count(opruimen=1)
        self.pool.submit(self._ruim_op, bak)

    def _ruim_op(self, bak: list) -> None:
        try:
            afbreken(bak)
        finally:
            self._count(opruimen=-1)

    @contextlib.asynccontextmanager
    async def keten(self, lock: asyncio.Lock):
        """Hold the Keten lock, counted."""
        self._count(op_keten=1)
        try:
            async with lock:
                yield
        finally:
            self._count(op_keten=-1)

    def stand(self) -> dict:
        return {"wachtrij": self.wachtrij, "bezig": self.bezig, "wacht_op_keten": self.op_keten,
                "beoordeeld": self.beoordeeld, "opruimen": self.opruimen}

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
