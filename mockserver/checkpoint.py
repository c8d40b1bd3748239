"""The WAL checkpoint of the store, in a thread of its own (see ``Checkpointer``)."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading

log = logging.getLogger("mockserver")


class Checkpointer:
    """Moves the WAL into the database file in a thread of its own, on its own connection (WAL mode allows that
    beside the writer), so a commit on the event loop only appends to the WAL and syncs it: after a 20 MB message
    that saves about 150 ms of blocked event loop. Durability is the WAL's (synchronous=FULL) either way."""

    WAL_BYTES = 4 * 1024 * 1024  # SQLite's own default threshold is 1,000 pages (about 4 MB)

    def __init__(self, path: str) -> None:
        self.path = path
        self._running = threading.Lock()
        self._thread: threading.Thread | None = None

    def maybe(self) -> None:
        try:
            size = os.path.getsize(self.path + "-wal")
        except OSError:
            return
        if size >= self.WAL_BYTES and self._running.acquire(blocking=False):
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                db.close()
        except sqlite3.Error as exc:  # a later commit tries again; the data is safe in the WAL
            log.warning("WAL-checkpoint mislukt: %s", exc)
        finally:
            self._running.release()

    def close(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout=60)
