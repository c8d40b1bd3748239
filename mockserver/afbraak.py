"""Freeing the objects of a large judgement bit by bit in a worker thread, so the event loop keeps running.

When the last reference to a judged 20 MB 323 goes (its tree and path caches, some hundred thousand findings,
prestaties and the 325), CPython frees the whole structure in one cascade of deallocations without giving up the
GIL: about 90 ms in which no request is served (measured in ``bench_mockserver.py --groot``). ``afbreken`` takes
the references over and, in a worker thread, empties the containers it holds alone one item at a time, so the
thread hands the GIL over between items as it does for any Python code. A container that something else still
refers to (the Keten keeps the prestaties it applied) is only let go of, never emptied.
"""

from __future__ import annotations

import sys


def afbreken(stapel: list) -> None:
    """Let go of what ``stapel`` holds (the caller hands the list over and keeps no other reference to its items),
    emptying the lists, dicts and instance dicts only this function refers to first."""
    while stapel:
        obj = stapel.pop()
        # references: ``obj`` itself and getrefcount's argument; anything more is someone else's
        if sys.getrefcount(obj) > 2:
            continue
        if isinstance(obj, list):
            stapel.extend(obj)
            obj.clear()
        elif isinstance(obj, dict):
            stapel.extend(obj.values())
            obj.clear()
        elif isinstance(obj, tuple | set | frozenset):
            stapel.extend(obj)
        elif hasattr(obj, "__dict__") and type(obj).__module__.startswith(("ketenproef", "mockserver")):
            stapel.extend(vars(obj).values())
            vars(obj).clear()
        del obj

