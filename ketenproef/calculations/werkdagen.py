"""Dutch werkdagen and the message time limits expressed in werkdagen (OP271, OP272, OP090, OP090x4, ...).

A werkdag is a Monday-Friday that is not a Dutch public holiday. The holidays come from the
``holidays`` package (``country_holidays("NL")``); no calendar is written here.

What the library does for the Netherlands (checked with holidays 0.109):

* PUBLIC: Nieuwjaarsdag, Goede Vrijdag, Eerste/Tweede paasdag, Koningsdag (27 April, on 26 April when
  the 27th is a Sunday), Hemelvaartsdag, Eerste/Tweede pinksterdag, Eerste/Tweede kerstdag, and
  Bevrijdingsdag (5 May) only in lustrum years (2025, 2030, ...);
* OPTIONAL: Bevrijdingsdag every year.

Decision: Bevrijdingsdag is NOT a werkdag in any year. The iStandaarden do not define "werkdag";
the general Dutch definition for time limits, the Algemene termijnenwet (art. 3), lists 5 May as an
"algemeen erkende feestdag" every year (the library notes this too, and files the non-lustrum years
under OPTIONAL only because many CAOs give the day off once every five years). Goede Vrijdag is
kept as a non-werkdag because the library lists it as a public holiday, although the Algemene
termijnenwet does not. Both choices only ever make a deadline later, never earlier, so a message
that is on time under any common reading of "werkdag" is never reported as late.
"""

from datetime import date, timedelta

TERMIJN_REGIEBERICHT = 5
"""OP271 (Start zorg 305) and OP272 (Stop zorg 307): within 5 werkdagen."""
TERMIJN_RETOURBERICHT = 3
"""OP090: a retour message within 3 werkdagen after receipt of the heenbericht."""
TERMIJN_DECLARATIEANTWOORD = 10
"""OP090x4: a 325 within 10 werkdagen after receipt of the 323."""
TERMIJN_ANTWOORD_VERZOEK = 5
"""OP274 (VOT, 315) and OP346 (VOW, 317): a 301 or 319 within 5 werkdagen."""

_ZATERDAG = 5
_BEVRIJDINGSDAG = (5, 5)


def feestdagen(jaar: int) -> frozenset[date]:
    """The Dutch public holidays of ``jaar`` that are not werkdagen for OP271/OP272 (see module docstring).

    All PUBLIC holidays of the library, plus Bevrijdingsdag (5 May) from its OPTIONAL category in
    the years that are not lustrum years. Any other OPTIONAL day a future library version might add is
    not counted.
    """
    import holidays  # here, not at the top: only a time-limit check needs it (the CLI's validate path does not)

    publiek = holidays.country_holidays("NL", years=jaar)
    optioneel = holidays.country_holidays("NL", years=jaar, categories=(holidays.OPTIONAL,))
    bevrijdingsdag = {d for d in optioneel if (d.month, d.day) == _BEVRIJDINGSDAG}
    return frozenset(d for d in publiek if d.year == jaar) | frozenset(bevrijdingsdag)


class _Kalender:
    """Holidays per year, looked up once per public call (no module-level cache)."""

    def __init__(self) -> None:
        self._per_jaar: dict[int, frozenset[date]] = {}

    def is_werkdag(self, dag: date) -> bool:
        if dag.weekday() >= _ZATERDAG:
            return False
        if dag.year not in self._per_jaar:
            self._per_jaar[dag.year] = feestdagen(dag.year)
        return dag not in self._per_jaar[dag.year]


def is_feestdag(dag: date) -> bool:
    """Whether ``dag`` is a public holiday, not a werkdag for OP271/OP272 (Bevrijdingsdag every year)."""
    return dag in feestdagen(dag.year)


def is_werkdag(dag: date) -> bool:
    """Whether ``dag`` is a werkdag (OP271/OP272): Monday-Friday and not a Dutch public holiday.

    Bevrijdingsdag is a public holiday in every year here (see the module docstring).
    """
    return _Kalender().is_werkdag(dag)


def werkdagen_tussen(van: date, tot: date) -> int:
    """Number of werkdagen after ``van`` up to and including ``tot`` (counting for OP271/OP272, OP090).

    The day of the event itself does not count: from Tuesday 6 January 2026 to Friday 9 January 2026
    is 3 werkdagen; 0 when the dates are equal. When ``tot`` lies before ``van`` the result is minus
    the number of werkdagen from ``tot`` (included) up to ``van`` (excluded), so that
    ``werkdagen_tussen(d, plus_werkdagen(d, n)) == n`` holds in both directions.
    """
    kalender = _Kalender()
    if tot < van:
        return -sum(1 for i in range((van - tot).days) if kalender.is_werkdag(tot + timedelta(days=i)))
    return sum(1 for i in range(1, (tot - van).days + 1) if kalender.is_werkdag(van + timedelta(days=i)))


def plus_werkdagen(dag: date, aantal: int) -> date:
    """The ``aantal``-th werkdag after ``dag`` (OP271/OP272, OP090, OP090x4 time limits).

    Before ``dag`` when ``aantal`` is negative; ``dag`` itself for 0.

    ``werkdagen_tussen(dag, plus_werkdagen(dag, n)) == n`` for every n.
    """
    stap = 1 if aantal >= 0 else -1
    resterend = abs(aantal)
    huidige = dag
    kalender = _Kalender()
    while resterend:
        huidige += timedelta(days=stap)
        if kalender.is_werkdag(huidige):
            resterend -= 1
    return huidige


def regiebericht_deadline(
    gebeurtenis_datum: date,
    werkdagen: int = TERMIJN_REGIEBERICHT,
    *,
    ontvangst_toewijzing: date | None = None,
) -> date:
    """Last day on which a Start zorg (305) or Stop zorg (307) is on time (OP271, OP272; see OP295, OP363).

    OP271: the 305 within 5 werkdagen after the actual start of the care; when the care was allocated
    with retroactive effect (the 301 was received after the start, ``ontvangst_toewijzing``), within 5
    werkdagen after receipt of the 301. OP272: the 307 within 5 werkdagen after the actual end; for a
    definitive stop after a temporary stop pass the date on which the definitive end became known.
    """
    if werkdagen < 0:
        raise ValueError(f"werkdagen must not be negative, got {werkdagen}")
    start = gebeurtenis_datum
    if ontvangst_toewijzing is not None and ontvangst_toewijzing > start:
        start = ontvangst_toewijzing
    return plus_werkdagen(start, werkdagen)


def is_tijdig(
    gebeurtenis_datum: date,
    verzenddatum: date,
    werkdagen: int = TERMIJN_REGIEBERICHT,
    *,
    ontvangst_toewijzing: date | None = None,
) -> bool:
    """Whether a message sent on ``verzenddatum`` meets the time limit of ``werkdagen`` after the event.

    Same counting as ``regiebericht_deadline`` (OP271/OP272 by default; pass ``werkdagen`` for OP090,
    OP090x4, OP274, OP346); sending before (or on) the event day is on time.
    """
    deadline = regiebericht_deadline(gebeurtenis_datum, werkdagen, ontvangst_toewijzing=ontvangst_toewijzing)
    return verzenddatum <= deadline
