"""Group commit: every request waits until a commit that includes its rows is on disk, but concurrent requests
share one.

A commit on the event loop only writes the WAL (synchronous=NORMAL, fast); waiting for the disk (``Store.sync``, an
fdatasync of milliseconds) runs in a thread of its own, so the event loop judges and stores the next messages
meanwhile, and those that finish during it share the next commit. Requests queued on the Keten lock write their rows
first: a flush waits (briefly, at most ``MAX_WAIT``) while others are still queued. Nobody is answered before
the sync that followed the commit of its rows has returned: before, the event loop itself waited in every commit's
fsync, in which no request was served.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

MAX_WAIT = 0.005  # seconds a flush may be postponed to gather more writers


class GroupCommit:
    def __init__(self, commit, busy, sync=None) -> None:
        self._commit = commit  # () -> None: commits the rows written (without waiting for the disk when sync is given)
        self._busy = busy  # () -> bool: more writers are queued (the Keten lock is taken)
        self._sync = sync  # () -> None: makes what was committed durable; blocking, so run in the thread below
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="wal-sync") if sync is not None else None
        self._waiters: list[asyncio.Future] = []
        self._first = 0.0
        self._flusher: asyncio.Task | None = None

    @property
    def open(self) -> bool:
        """Whether something committed may not be durable yet (a flush is under way)."""
        return self._flusher is not None

    async def __call__(self) -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self._waiters:
            self._first = loop.time()
        self._waiters.append(future)
        if self._flusher is None:
            self._flusher = loop.create_task(self._flush_all())
        await future

    async def _flush_all(self) -> None:
        """Commit and sync for whoever waits, again until nobody does (those who came during a sync are next)."""
        loop = asyncio.get_running_loop()
        try:
            while self._waiters:
                while self._busy() and loop.time() - self._first < MAX_WAIT:
                    await asyncio.sleep(0)
                waiters, self._waiters = self._waiters, []
                try:
                    self._commit()
                    if self._thread is not None:
                        await loop.run_in_executor(self._thread, self._sync)
                except Exception as exc:  # every waiter learns that its rows are not durable
                    _settle(waiters, exc)
                    continue
                _settle(waiters, None)
        finally:
            self._flusher = None

    def close(self) -> None:
        """After the last flush: the sync thread ends (a sync under way finishes first)."""
        if self._thread is not None:
            self._thread.shutdown(wait=True)


def _settle(waiters: list[asyncio.Future], exc: Exception | None) -> None:
    for future in waiters:
        if not future.done():
            if exc is None:
                future.set_result(None)
            else:
                future.set_exception(exc)
