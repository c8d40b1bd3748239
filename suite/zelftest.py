"""``ketenproef zelftest``: does the suite catch a system that breaks exactly one rule? Per rule and role.

Each mutant (``sut.mutanten``: a reference system with one rule switched off) runs the scenarios tagged with its
rule plus a fixed sample of others (``--eigen-scenarios``), all mutants of a role in one pytest session. A mutant
is ``betrapt`` when a scenario with its rule fails, ``equivalent`` when ``suite/equivalent.json`` says why the
rule can never show in an exchange with that role, and ``gemist`` otherwise. Exit 0 only when nothing is gemist.

The result goes to ``zelftest.json`` in the report folder::

    {"regels": {"TR019": {"gemeente": {"uitkomst": "betrapt", "scenarios": [...], "melding": "..."}, ...}},
     "score": {"betrapt": n, "gemist": n, "equivalent": n}, "per_familie": {...}, "duur_seconden": s}
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from collections import Counter
from pathlib import Path

from suite.cli import EXIT_GEFAALD, EXIT_OK, UsageError, pytest_basis

EQUIVALENT = Path(__file__).with_name("equivalent.json")
MUTATIESCORE = Path(__file__).with_name("mutatiescore.json")  # the last full zelftest, shown on the coverage page
OPEN = Path(__file__).with_name("mutanten_open.json")  # mutants not caught yet, each waiting for its scenario
ROLLEN = ("aanbieder", "gemeente")
BETRAPT, GEMIST, EQUIV = "betrapt", "gemist", "equivalent"


def register(sub) -> None:
    p = sub.add_parser("zelftest", help="bewijs per regel dat de suite een systeem betrapt dat die regel breekt",
                       description="Draai per regel en rol een mutant (het referentiesysteem met precies die regel "
                                   "uitgezet) tegen de scenario's van die regel en een vaste steekproef van andere. "
                                   "Exit 0 als elke niet-equivalente mutant betrapt is, 1 als er een gemist is, 2 bij "
                                   "verkeerd gebruik.")
    p.add_argument("--rol", choices=ROLLEN, help="alleen de mutanten van deze rol (standaard beide)")
    p.add_argument("--regel", nargs="+", metavar="ID", help="alleen de mutanten van deze regels, bv. TR019 TR063")
    p.add_argument("-n", dest="workers", type=int, default=2, metavar="N", help="pytest-xdist-workers (standaard 2)")
    p.add_argument("--json", action="store_true", help="de uitkomst als JSON op stdout (zoals zelftest.json)")
    p.add_argument("--rapport", metavar="MAP", help="map voor zelftest.json en de logs (standaard "
                                                   "reports/zelftest-JJJJMMDD-HHMMSS)")
    p.add_argument("--leg-vast", action="store_true",
                   help="bewaar de uitkomst als de mutatiescore die de coverage-pagina toont (suite/mutatiescore.json; "
                        "alleen bij een volledige zelftest, zonder --rol en --regel)")
    p.set_defaults(func=cmd_zelftest)


def equivalent() -> dict[str, dict[str, str]]:
    """Rule id -> role -> why the rule can never show in an exchange with that role (``suite/equivalent.json``)."""
    data = json.loads(EQUIVALENT.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def open_gaten() -> dict[str, list[str]]:
    """Rule id -> roles whose mutant the suite does not catch yet (``suite/mutanten_open.json``)."""
    data = json.loads(OPEN.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def cmd_zelftest(args) -> int:
    from sut import mutanten

    if args.workers < 1:
        raise UsageError("-n is minstens 1")
    rollen = [args.rol] if args.rol else list(ROLLEN)
    gekozen = set(args.regel) if args.regel else None
    plan = {rol: [m.name for m in mutanten.alle(rol, gekozen)] for rol in rollen}
    if args.leg_vast and (args.rol or args.regel):
        raise UsageError("--leg-vast alleen bij een volledige zelftest (zonder --rol en --regel)")
    if not any(plan.values()):
        raise UsageError(f"geen mutanten voor {', '.join(sorted(gekozen or []))}: geen geregistreerde controle met "
                         "die id (de ids staan in ketenproef regels of de coverage-pagina)")
    rapport = Path(args.rapport or f"reports/zelftest-{dt.datetime.now():%Y%m%d-%H%M%S}")
    rapport.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    resultaten = {}
    for rol, namen in plan.items():
        if namen:
            resultaten.update(draai(rol, namen, rapport / rol, args.workers, stil=args.json))
    uitkomst = beoordeel(plan, resultaten, equivalent())
    uitkomst["duur_seconden"] = round(time.monotonic() - start, 1)
    (rapport / "zelftest.json").write_text(json.dumps(uitkomst, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.leg_vast:
        leg_vast(uitkomst)
    if args.json:
        print(json.dumps(uitkomst, ensure_ascii=False, indent=1))
    else:
        print("\n".join(samenvatting(uitkomst, rapport)))
    return EXIT_OK if uitkomst["score"][GEMIST] == 0 else EXIT_GEFAALD


def leg_vast(uitkomst: dict) -> None:
    """The outcome per rule and role, the score and the date, for the coverage page of every later run."""
    kort = {regel: {rol: i["uitkomst"] for rol, i in per_rol.items()} for regel, per_rol in uitkomst["regels"].items()}
    data = {"datum": dt.date.today().isoformat(), "score": uitkomst["score"], "per_familie": uitkomst["per_familie"],
            "duur_seconden": uitkomst.get("duur_seconden"), "regels": kort}
    MUTATIESCORE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def mutatiescore() -> dict | None:
    """The last full zelftest kept with ``--leg-vast`` (None before the first)."""
    return json.loads(MUTATIESCORE.read_text(encoding="utf-8")) if MUTATIESCORE.is_file() else None


def draai(rol: str, namen: list[str], map_: Path, workers: int, stil: bool) -> dict[str, list[dict]]:
    """One pytest session for the mutants of a role; their result records per mutant."""
    map_.mkdir(parents=True, exist_ok=True)
    cmd = [*pytest_basis(), "-p", "no:allure_pytest_bdd", "-q", "--sut", ",".join(namen), "--rol", rol,
           "--eigen-scenarios", "--rapport", str(map_), "-n", str(workers)]
    if not stil:
        print(f"ketenproef zelftest: {len(namen)} mutanten van de {rol} (log: {map_ / 'pytest.log'})", flush=True)
    with open(map_ / "pytest.log", "w", encoding="utf-8") as log:
        code = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, check=False).returncode
    if code not in (0, 1):
        raise UsageError(f"pytest kon de mutanten van de {rol} niet draaien (exit {code}); zie {map_ / 'pytest.log'}")
    from suite.coverage import lees_runs

    return {run["sut"]: run["resultaten"] for run in lees_runs(map_)}


def beoordeel(plan: dict[str, list[str]], resultaten: dict[str, list[dict]],
              equiv: dict[str, dict[str, str]]) -> dict:
    """Per rule and role: betrapt (with the failing scenarios of the rule and the first assertion), equivalent
    (with the reason) or gemist; plus what the mutant broke among the sample of other scenarios."""
    from ketenproef import corpus
    from sut import mutanten

    register = corpus.rule_register()
    regels: dict[str, dict[str, dict]] = {}
    for rol, namen in plan.items():
        for naam in namen:
            _, regel = mutanten.ontleed(naam)
            eigen = [r for r in resultaten.get(naam, []) if regel in r.get("tags", [])]
            anders = [r for r in resultaten.get(naam, []) if regel not in r.get("tags", [])]
            gefaald = [r for r in eigen if r["uitkomst"] == "failed"]
            if gefaald:
                item = {"uitkomst": BETRAPT, "scenarios": [r["naam"] for r in gefaald],
                        "melding": gefaald[0].get("melding", "")}
            elif regel in equiv and rol in equiv[regel]:
                item = {"uitkomst": EQUIV, "reden": equiv[regel][rol]}
            else:
                item = {"uitkomst": GEMIST, "scenarios": [r["naam"] for r in eigen],
                        "reden": "geen scenario met deze regel voor deze rol" if not eigen else
                        f"{len(eigen)} scenario's met deze regel slaagden toch"}
            item["breekt_ook"] = [r["naam"] for r in anders if r["uitkomst"] == "failed"]
            regels.setdefault(regel, {})[rol] = item
    score = Counter(i["uitkomst"] for per_rol in regels.values() for i in per_rol.values())
    familie: dict[str, Counter] = {}
    for regel, per_rol in regels.items():
        soort = register.get(regel, {}).get("soort", "onbekend")
        familie.setdefault(soort, Counter()).update(i["uitkomst"] for i in per_rol.values())
    return {"regels": dict(sorted(regels.items())),
            "score": {k: score.get(k, 0) for k in (BETRAPT, GEMIST, EQUIV)},
            "per_familie": {k: dict(v) for k, v in sorted(familie.items())}}


def samenvatting(uitkomst: dict, rapport: Path) -> list[str]:
    score = uitkomst["score"]
    beoordeeld = score[BETRAPT] + score[GEMIST]
    pct = f"{100 * score[BETRAPT] / beoordeeld:.0f} %" if beoordeeld else "-"
    uit = ["", "Zelftest", f"  mutatiescore: {score[BETRAPT]} van {beoordeeld} mutanten betrapt ({pct}); "
                           f"{score[EQUIV]} equivalent; {uitkomst['duur_seconden']:.0f} s"]
    uit += [f"  {soort}: " + ", ".join(f"{n} {k}" for k, n in sorted(tel.items()))
            for soort, tel in uitkomst["per_familie"].items()]
    gemist = [(regel, rol, i) for regel, per_rol in uitkomst["regels"].items() for rol, i in per_rol.items()
              if i["uitkomst"] == GEMIST]
    if gemist:
        uit.append(f"  gemist ({len(gemist)}): " + ", ".join(f"{regel} ({rol})" for regel, rol, _ in gemist[:40])
                   + (f" en nog {len(gemist) - 40}" if len(gemist) > 40 else ""))
    uit.append(f"  uitkomst per regel: {rapport / 'zelftest.json'}")
    return uit
