"""The WAL checkpoint of the store: the bulk in a thread of its own, the rest on the writer (see ``Checkpointer``)."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading

log = logging.getLogger("mockserver")


class Checkpointer:
    """Moves the WAL into the database file. The bulk runs in a thread of its own, on its own connection (WAL mode
    allows that beside the writer), so a commit on the event loop only appends to the WAL and syncs it: after a
    20 MB message that saves about 150 ms of blocked event loop. Durability is the WAL's either way (synced by
    ``Store.sync`` before anyone is answered; a checkpoint syncs the WAL before it copies from it).

    SQLite starts the WAL again from its beginning only when a write transaction began while every frame in it was
    already in the database file. The writer begins its next transaction soon after a commit, usually before the
    thread is done, so the WAL would keep growing. Hence a second step: after the thread is done, the writer's
    connection moves what was committed meanwhile (a small tail) itself, between two of its transactions; its next
    transaction then restarts the WAL. The WAL file is kept at ``WAL_BYTES`` (``journal_size_limit``) when it
    restarts, so its size tells when more than that waits."""

    WAL_BYTES = 4 * 1024 * 1024  # SQLite's own default threshold is 1,000 pages (about 4 MB)

    def __init__(self, path: str) -> None:
        self.path = path
        self._running = threading.Lock()
        self._thread: threading.Thread | None = None
        self._rest = False  # the thread moved its part: the writer moves the rest after its next commit

    def instellen(self, db: sqlite3.Connection) -> None:
        """Settings of the writer's connection: SQLite never checkpoints by itself, and a restarted WAL file is cut
        back to ``WAL_BYTES``. (Without that limit the file stayed at its largest size, and since that was over the
        threshold every commit started a checkpoint of a few pages: a thread, a connection and an fsync of the
        database file per commit, a fifth of the server's time.)"""
        db.execute("PRAGMA wal_autocheckpoint=0")
        db.execute(f"PRAGMA journal_size_limit={self.WAL_BYTES}")

    def maybe(self, db: sqlite3.Connection) -> None:
        """After a commit of ``db`` (the writer, between transactions): move the rest after the thread's part, or
        start the thread when more than ``WAL_BYTES`` wait in the WAL (and it is not running)."""
        if self._rest and not self._running.locked():
            self._rest = False
            self._checkpoint(db)
            return
        try:
            size = os.path.getsize(self.path + "-wal")
        except OSError:
            return
        if size > self.WAL_BYTES and self._running.acquire(blocking=False):
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            try:
                self._rest = self._checkpoint(db)
            finally:
                db.close()
        except sqlite3.Error as exc:  # a later commit tries again; the data is safe in the WAL
            log.warning("WAL-checkpoint mislukt: %s", exc)
        finally:
            self._running.release()

    @staticmethod
    def _checkpoint(db: sqlite3.Connection) -> bool:
        """A PASSIVE checkpoint (it never waits for the writer); whether it ran (else a later commit tries again)."""
        cursor = db.cursor()
        cursor.row_factory = None  # the writer's rows are dicts
        try:
            busy, _, _ = cursor.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.warning("WAL-checkpoint mislukt: %s", exc)
            return False
        return not busy

    def close(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout=60)
