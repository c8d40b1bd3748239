"""The injectable clock: every rule that reads "vandaag" asks a Clock, and tests freeze it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The machine's local date and time."""

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now()


@dataclass(frozen=True)
class FrozenClock:
    """A clock that always says the same day (time of day: ``at``, default 12:00)."""

    day: dt.date
    at: dt.time = dt.time(12, 0)

    def today(self) -> dt.date:
        return self.day

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self.day, self.at)


def clock_for(datum: str | dt.date | None) -> Clock:
    """A FrozenClock for an ISO date (``--datum``), else the system clock."""
    if datum is None:
        return SystemClock()
    if isinstance(datum, str):
        datum = dt.date.fromisoformat(datum)
    return FrozenClock(datum)
