"""Garbage collection in the ``serve`` process: no full collection while a large message is judged.

Python's cyclic collector runs in whatever thread allocates, and holds the GIL while it walks every tracked object
of the generations it collects. Judging a 20 MB 323 makes millions of short-lived objects, which trigger a full
(generation 2) collection every second or so; each walked the whole heap, including the Keten, for 40 to 260 ms
in which the event loop could not run (measured with ``gc.callbacks`` during ``bench_mockserver.py --groot``: every
stall of the loop over 40 ms was such a collection, and none of them found garbage). So, in ``serve`` only:

- after start-up (corpus, register and the Keten rebuilt) everything that exists is frozen (``gc.freeze``): it
  lives as long as the process, and later collections skip it;
- while a large message is being judged, only the youngest generation is collected (the thresholds of the older
  two are raised out of reach); the objects of the judgement are acyclic and freed by reference counting;
- when the last large message is done, what survived it (mostly the Keten's new state) is frozen too, and the
  thresholds are back to what they were. Freezing costs nothing (it moves lists); a reference cycle that became
  garbage during such a window is not collected any more, which the measurements above did not see happen.

In-process uses of the ketenpartner (the test suite) keep Python's own collector: ``inschakelen`` is for serve.
"""

from __future__ import annotations

import contextlib
import gc

BUITEN_BEREIK = 1_000_000_000  # a threshold that the count of younger collections never reaches


class Afvalbeheer:
    def __init__(self) -> None:
        self.actief = False
        self._open = 0  # large messages being judged (changed on the event loop only)
        self._drempels: tuple[int, int, int] | None = None

    def inschakelen(self) -> None:
        self.actief = True

    def bevries(self) -> None:
        """Everything alive now lives as long as the process: later collections skip it."""
        if self.actief:
            gc.freeze()

    @contextlib.contextmanager
    def groot(self, is_groot: bool = True):
        """Around the judging of a large message: only young collections until the last such message is done."""
        if not (self.actief and is_groot):
            yield
            return
        self._open += 1
        if self._open == 1:
            self._drempels = gc.get_threshold()
            gc.set_threshold(self._drempels[0], BUITEN_BEREIK, BUITEN_BEREIK)
        try:
            yield
        finally:
            self._open -= 1
            if self._open == 0:
                gc.freeze()
                gc.set_threshold(*self._drempels)


beheer = Afvalbeheer()
