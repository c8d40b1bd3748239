"""The group commit answers nobody before the sync that follows the commit of its rows (``mockserver.durable``).

The sync runs in a thread while the event loop goes on; these tests hold it with an event, so nothing here depends on
how fast anything runs.
"""

from __future__ import annotations

import asyncio
import threading

from mockserver.durable import GroupCommit


class Disk:
    """A commit and a sync that note their order; the sync waits until the test lets it go."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.go = threading.Event()
        self.in_sync = threading.Event()

    def commit(self) -> None:
        self.log.append("commit")

    def sync(self) -> None:
        self.in_sync.set()
        self.go.wait(timeout=30)
        self.log.append("sync")


async def _until(event: threading.Event) -> None:
    while not event.is_set():
        await asyncio.sleep(0.001)


async def test_nobody_is_answered_before_the_sync_after_its_commit():
    disk = Disk()
    group = GroupCommit(disk.commit, lambda: False, disk.sync)
    try:
        first = asyncio.ensure_future(group())
        await _until(disk.in_sync)
        assert disk.log == ["commit"] and not first.done() and group.open
        second = asyncio.ensure_future(group())  # comes while the first group's sync runs
        await asyncio.sleep(0.01)
        assert not second.done()
        disk.in_sync.clear()
        disk.go.set()
        await asyncio.wait_for(asyncio.gather(first, second), 30)
        assert disk.log == ["commit", "sync", "commit", "sync"]  # the second waited for its own commit and sync
        assert not group.open
    finally:
        disk.go.set()
        group.close()


async def test_a_failing_sync_reaches_every_waiter():
    def broken() -> None:
        raise OSError("schijf weg")

    group = GroupCommit(lambda: None, lambda: False, broken)
    try:
        results = await asyncio.gather(group(), group(), return_exceptions=True)
        assert all(isinstance(r, OSError) for r in results)
    finally:
        group.close()


async def test_without_sync_the_commit_alone_answers():
    log: list[str] = []
    group = GroupCommit(lambda: log.append("commit"), lambda: False)
    await asyncio.gather(group(), group())
    assert log == ["commit"]
