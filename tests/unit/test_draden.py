"""validate from several threads at once (the ketenpartner judges in worker threads): every thread gets the verdict
a single thread gets. lxml keeps a validation's errors on the schema object, so one schema shared by threads once
let an XSD-invalid message pass without findings when another thread's validation cleared the log in between."""

from __future__ import annotations

import threading

from ketenproef.clock import clock_for
from ketenproef.examples import examples
from ketenproef.findings import XSD
from ketenproef.validate import validate

ROUNDS = 25


def _findings(example) -> list[tuple]:
    report = validate(example.path.read_bytes(), clock=clock_for(example.datum))
    return [(f.rule, f.retourcode, f.klasse, f.path, f.line, f.text, f.level) for f in report.findings]


def test_threads_get_the_verdict_of_one_thread():
    chosen = [e for e in examples() if e.message is not None and e.message.endswith(("301", "305"))]
    reference = {e.path: _findings(e) for e in chosen}
    xsd_fout = [e for e in chosen if any(f[-1] == XSD for f in reference[e.path])]
    goed = [e for e in chosen if e.valid]
    assert xsd_fout and goed
    alle = xsd_fout + goed
    afwijkend: list[str] = []

    def judge(order: list) -> None:
        for _ in range(ROUNDS):
            for e in order:
                if _findings(e) != reference[e.path]:
                    afwijkend.append(e.path.name)

    threads = [threading.Thread(target=judge, args=(alle if i % 2 else goed,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not afwijkend, sorted(set(afwijkend))
