"""The store's WAL checkpoint: once per ``WAL_BYTES`` written, and the WAL file does not keep growing.

Before ``journal_size_limit`` the WAL file stayed at its largest size after a restart of the WAL, so from the first
checkpoint on every commit started another (a thread, a connection and an fsync per commit); and a writer that
began its next transaction before the thread was done kept the WAL from ever restarting. The thread is run at once
here (``Direct``), so what is checked does not depend on how fast a thread gets the processor.
"""

from __future__ import annotations

import os

from mockserver import checkpoint
from mockserver.store import Store

ROW = 2000  # bytes of XML per row, about the size of a small heenbericht


class Direct:
    """A stand-in for ``threading.Thread`` that runs its target when started."""

    def __init__(self, target, name=None, daemon=None) -> None:
        self.target = target

    def start(self) -> None:
        self.target()

    def join(self, timeout=None) -> None:
        return None


def test_one_checkpoint_per_wal_bytes_and_the_wal_stays_small(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint.Checkpointer, "WAL_BYTES", 128 * 1024)
    monkeypatch.setattr(checkpoint.threading, "Thread", Direct)
    runs = []
    original = checkpoint.Checkpointer._run
    monkeypatch.setattr(checkpoint.Checkpointer, "_run", lambda self: (runs.append(1), original(self)))
    store = Store(str(tmp_path / "k.sqlite"))
    wal, largest, commits = str(tmp_path / "k.sqlite-wal"), 0, 0
    for i in range(800):
        store.insert({"richting": "in", "status": "geaccepteerd", "grootte": ROW, "xml": os.urandom(ROW),
                      "eigen_id": f"B{i:09d}"}, [f"{100000000 + i % 97}"])
        if i % 4 == 3:
            store.commit()
            commits += 1
            largest = max(largest, os.path.getsize(wal))
    store.close()
    # About 6 kB of WAL per row (its pages and those of the indexes): some 40 checkpoints, not one per commit.
    assert 0 < len(runs) < commits // 4
    assert largest <= 2 * checkpoint.Checkpointer.WAL_BYTES  # restarted, and cut back when it does


def test_a_reopened_store_has_every_row(tmp_path, monkeypatch):
    """Checkpoints in between lose nothing: the rows are all there after closing and opening again."""
    monkeypatch.setattr(checkpoint.Checkpointer, "WAL_BYTES", 32 * 1024)
    monkeypatch.setattr(checkpoint.threading, "Thread", Direct)
    path = str(tmp_path / "k.sqlite")
    store = Store(path)
    for i in range(150):
        store.insert({"richting": "in", "status": "geaccepteerd", "grootte": ROW, "xml": bytes([i % 256]) * ROW}, [])
        store.commit()
    store.close()
    again = Store(path)
    try:
        assert again.count() == 150
        assert again.xml(150) == bytes([149]) * ROW
    finally:
        again.close()
