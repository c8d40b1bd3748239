"""Benchmark: full validation (parse + identify + XSD + every single-message rule) against bare lxml
(parse + XSD) on the same bytes, and small-message throughput. Not a test; prints figures.

    python benchmarks/bench_validate.py [--repeat 11] [--xmlschema] [--xslt FILE]

Every comparison is interleaved (a, b, a, b ...; one untimed warm-up each) and quoted as the median with the
spread (min..max). ``--xslt FILE`` adds the anchor the issue "snelheid" quotes: the standard owner's validation
stylesheet for the 323 (not shipped; point at your own copy) on 323s of about 1.9 and 4.8 MB, against Ketenproef's
full validation of the same bytes. An XSLT 1.0 stylesheet runs in lxml; a 2.0/3.0 one needs SaxonC-HE
(``pip install saxonche``), otherwise the benchmark says so and skips that anchor.
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


def interleaved(sides: dict, repeat: int, cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """Each side timed ``repeat`` times, the sides alternating (a, b, a, b ...) so that load on the machine
    falls on both alike; one untimed warm-up run each. ``cpu`` (a dict) receives the CPU time of each run as well
    (``time.process_time``: on a loaded machine the wall time also holds the time other processes ran)."""
    runs: dict[str, list[float]] = {name: [] for name in sides}
    for func in sides.values():
        func()
    for _ in range(repeat):
        for name, func in sides.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            runs[name].append(time.perf_counter() - start)
            if cpu is not None:
                cpu.setdefault(name, []).append(time.process_time() - start_cpu)
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

    cpu: dict[str, list[float]] = {}
    runs = interleaved({"bare": bare, "full": full}, repeat, cpu)
    ratios = [f / b for b, f in zip(runs["bare"], runs["full"], strict=True)]
    cpu_ratios = [f / b for b, f in zip(cpu["bare"], cpu["full"], strict=True)]
    print(f"{label}: {len(data) / 1e6:.1f} MB | bare lxml parse+XSD {spread(runs['bare'])} s | "
          f"ketenproef full {spread(runs['full'])} s | ratio {spread(ratios, '.2f')}x (median (min..max), "
          f"{repeat} interleaved runs); CPU time: bare {spread(cpu['bare'])} s, full {spread(cpu['full'])} s, "
          f"ratio {spread(cpu_ratios, '.2f')}x")
    if with_xmlschema:
        import xmlschema

        pure = xmlschema.XMLSchema(str(xsd_path()))
        print(f"  xmlschema (pure Python) validation: {timed(lambda: pure.validate(data.decode()), 1):.2f} s")


def xsd_path():
    from ketenproef import corpus

    return corpus.schema_dir("iJw") / "JW323.xsd"


def throughput(rounds: int, seconds: float = 1.0) -> None:
    """Small messages validated one after another on one core: ``rounds`` rounds of about ``seconds`` each. Also the
    CPU time per message (``time.process_time``), which load from other processes disturbs less than the rate."""
    messages = []
    for i, name in enumerate(SMALL * 10):
        data = voorbeeld_data(name, i)
        day = data["Header"]["BerichtIdentificatie"]["Dagtekening"]
        messages.append((factory.to_bytes(name, data), FrozenClock(dt.date.fromisoformat(str(day)))))
    for data, clock in messages:  # warm the schema cache
        validate(data, clock=clock)
    rates, cpu = [], []
    for _ in range(rounds):
        done, start, start_cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - start < seconds:
            for data, clock in messages:
                validate(data, clock=clock)
            done += len(messages)
        rates.append(done / (time.perf_counter() - start))
        cpu.append((time.process_time() - start_cpu) / done * 1e6)
    sizes = [len(data) for data, _ in messages]
    print(f"small messages (301/305/307/315/317/319, both standards, {min(sizes):,}..{max(sizes):,} bytes): "
          f"{spread(rates, ',.0f')} per second on one core, CPU {spread(cpu, '.0f')} us per message "
          f"({rounds} rounds of {seconds:g} s)")


def xslt_anchor(path: str, repeat: int) -> None:
    """The standard owner's validation stylesheet against Ketenproef on the same 323s (see the module docstring)."""
    transform = stylesheet(path)
    if transform is None:
        return
    for prestaties in (2_000, 5_000):
        data, clock = big_323(prestaties)
        runs = interleaved({"xslt": lambda data=data: transform(data),
                            "full": lambda data=data, clock=clock: validate(data, clock=clock)}, repeat)
        ratios = [x / f for x, f in zip(runs["xslt"], runs["full"], strict=True)]
        print(f"323 of {len(data) / 1e6:.1f} MB ({prestaties:,} prestaties) | stylesheet "
              f"{spread(runs['xslt'], '.2f')} s | ketenproef full {spread(runs['full'])} s | stylesheet / ketenproef "
              f"{spread(ratios, '.1f')}x ({repeat} interleaved runs)")


def stylesheet(path: str):
    """A function that applies the stylesheet at ``path`` to message bytes, or None (with the reason printed)."""
    tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
    version = tree.getroot().get("version", "1.0")
    if version.startswith("1."):
        transform = etree.XSLT(tree)
        return lambda data: transform(etree.fromstring(data))
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        print(f"--xslt {path}: XSLT {version} needs an XSLT 2.0/3.0 processor; pip install saxonche and run again "
              f"(anchor skipped)")
        return None
    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
    return lambda data: executable.transform_to_string(xdm_node=processor.parse_xml(xml_text=data.decode("utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="interleaved pairs per comparison (default 11)")
    parser.add_argument("--xmlschema", action="store_true", help="also time xmlschema on the 10,000 message")
    parser.add_argument("--xslt", metavar="FILE", help="the standard owner's validation stylesheet for the 323")
    args = parser.parse_args()
    data, clock = big_323(10_000)
    compare("323 with 10,000 prestaties", data, clock, args.repeat, args.xmlschema)
    data, clock, count = near_cap()
    compare(f"323 with {count:,} prestaties (below the 25 MB cap)", data, clock, args.repeat, False)
    throughput(args.repeat)
    if args.xslt:
        xslt_anchor(args.xslt, max(3, args.repeat // 4))
    assert voorbeeld  # the CLI's generator entry point is importable


if __name__ == "__main__":
    main()
