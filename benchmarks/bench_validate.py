"""Benchmark: full validation (parse + identify + XSD + every single-message rule) against bare lxml
(parse + XSD) on the same bytes, and small-message throughput. Not a test; prints figures.

    python benchmarks/bench_validate.py [--repeat 5] [--xmlschema]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from lxml import etree

from ketenproef import factory
from ketenproef.clock import FrozenClock
from ketenproef.generator import voorbeeld, voorbeeld_data
from ketenproef.parse import MAX_BYTES
from ketenproef.schemas import schema
from ketenproef.validate import validate

SMALL = ("WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "JW301", "JW305", "JW307", "JW315", "JW317",
         "JW319")


def timed(func, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def interleaved(sides: dict, repeat: int) -> dict[str, list[float]]:
    """Each side timed ``repeat`` times, the sides alternating (a, b, a, b ...) so that load on the machine
    falls on both alike; one untimed warm-up run each."""
    runs: dict[str, list[float]] = {name: [] for name in sides}
    for func in sides.values():
        func()
    for _ in range(repeat):
        for name, func in sides.items():
            start = time.perf_counter()
            func()
            runs[name].append(time.perf_counter() - start)
    return runs


def spread(values: list[float], fmt: str = ".3f") -> str:
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}..{max(values):{fmt}})"


def big_323(prestaties: int) -> tuple[bytes, FrozenClock]:
    data = voorbeeld_data("JW323", 7, aantal_prestaties=prestaties)
    day = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
    day = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    return factory.to_bytes("JW323", data), FrozenClock(day)


def near_cap() -> tuple[bytes, FrozenClock, int]:
    """The largest generated 323 that stays below the 25 MB cap."""
    probe, _ = big_323(2000)
    count = int(2000 * (MAX_BYTES * 0.97) / len(probe))
    data, clock = big_323(count)
    while len(data) > MAX_BYTES:
        count = int(count * 0.98)
        data, clock = big_323(count)
    return data, clock, count


def compare(label: str, data: bytes, clock: FrozenClock, repeat: int, with_xmlschema: bool) -> None:
    xsd = schema("JW323")

    def bare():
        assert xsd.validate(etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)))

    def full():
        report = validate(data, clock=clock)
        assert report.valid, report.as_dict()["findings"][:3]

    runs = interleaved({"bare": bare, "full": full}, repeat)
    ratios = [f / b for b, f in zip(runs["bare"], runs["full"], strict=True)]
    print(f"{label}: {len(data) / 1e6:.1f} MB | bare lxml parse+XSD {spread(runs['bare'])} s | "
          f"ketenproef full {spread(runs['full'])} s | ratio {spread(ratios, '.2f')}x (median (min..max), "
          f"{repeat} interleaved runs)")
    if with_xmlschema:
        import xmlschema

        pure = xmlschema.XMLSchema(str(xsd_path()))
        print(f"  xmlschema (pure Python) validation: {timed(lambda: pure.validate(data.decode()), 1):.2f} s")


def xsd_path():
    from ketenproef import corpus

    return corpus.schema_dir("iJw") / "JW323.xsd"


def throughput(seconds: float = 3.0) -> None:
    messages = []
    for i, name in enumerate(SMALL * 10):
        data = voorbeeld_data(name, i)
        day = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
        messages.append((factory.to_bytes(name, data), FrozenClock(dt.date.fromisoformat(str(day)))))
    for data, clock in messages:  # warm the schema cache
        validate(data, clock=clock)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for data, clock in messages:
            validate(data, clock=clock)
        done += len(messages)
    elapsed = time.perf_counter() - start
    print(f"small messages (301/305/307/315/317/319, both standards, {len(messages[0][0])} bytes and up): "
          f"{done / elapsed:,.0f} per second on one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--xmlschema", action="store_true", help="also time xmlschema on the 10,000 message")
    args = parser.parse_args()
    data, clock = big_323(10_000)
    compare("323 with 10,000 prestaties", data, clock, args.repeat, args.xmlschema)
    data, clock, count = near_cap()
    compare(f"323 with {count:,} prestaties (below the 25 MB cap)", data, clock, args.repeat, False)
    throughput()
    assert voorbeeld  # the CLI's generator entry point is importable


if __name__ == "__main__":
    main()
