"""Group commit: every request waits until a commit that includes its rows, but concurrent requests share one.

With synchronous=FULL a commit costs an fsync (milliseconds). Requests queued on the Keten lock all write
their rows first; the flush waits (briefly, at most ``MAX_WAIT``) while others are still queued, then commits
once and wakes every waiter. Nobody is answered before its rows are durable.
"""

from __future__ import annotations

import asyncio
import time

MAX_WAIT = 0.005  # seconds a flush may be postponed to gather more writers


class GroupCommit:
    def __init__(self, commit, busy) -> None:
        self._commit = commit  # the store's commit
        self._busy = busy  # () -> bool: more writers are queued (the Keten lock is taken)
        self._waiters: list[asyncio.Future] = []
        self._first = 0.0

    async def __call__(self) -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self._waiters:
            self._first = time.monotonic()
            loop.call_soon(self._flush)
        self._waiters.append(future)
        await future

    def _flush(self) -> None:
        if self._busy() and time.monotonic() - self._first < MAX_WAIT:
            asyncio.get_running_loop().call_soon(self._flush)
            return
        waiters, self._waiters = self._waiters, []
        try:
            self._commit()
        except Exception as exc:  # every waiter learns that its rows are not durable
            for future in waiters:
                if not future.done():
                    future.set_exception(exc)
            return
        for future in waiters:
            if not future.done():
                future.set_result(None)
