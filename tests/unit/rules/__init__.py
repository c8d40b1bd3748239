"""Helpers shared by the single-message rule tests: judge a (changed) basis message on a fixed day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ketenproef import factory
from ketenproef.basis import basis
from ketenproef.clock import FrozenClock
from ketenproef.validate import validate

CLOCK = FrozenClock(dt.date(2026, 1, 12))


def judge(name: str, change: Callable[[dict], None] | None = None):
    """The report on the basis message ``name``, changed by ``change``, as its receiver judges it on CLOCK."""
    data = basis(name)
    if change is not None:
        change(data)
    return validate(factory.to_bytes(name, data), clock=CLOCK)


def ids(report) -> set[str]:
    return {f.rule for f in report.findings}


def of(report, rule: str) -> list:
    return [f for f in report.findings if f.rule == rule]
