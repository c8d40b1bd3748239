"""The running ketenpartner: configuration, store, Keten (with its one lock), conversation settings, tasks."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time

from ketenproef.bericht import Bericht
from ketenproef.clock import Clock, FrozenClock, SystemClock
from ketenproef.identify import identify
from ketenproef.parse import parse_bytes
from mockserver import contract, fouten
from mockserver.beoordeling import Beoordelaar
from mockserver.berichten import ONBEKEND, bsns, eigen_identificatie, referenties
from mockserver.config import SMALL_BODY, Config
from mockserver.durable import GroupCommit
from mockserver.journaal import Journaal, JournaalKetens
from mockserver.store import CONTRACT, Store

log = logging.getLogger("mockserver")


def _klaar(wachter: asyncio.Future) -> None:
    if not wachter.done():
        wachter.set_result(None)


class Partner:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.db)
        self.lock = asyncio.Lock()  # one lock around the Keten: validate-with-chain, apply and store in one go
        self.journaal = Journaal()  # what the Keten saw applied, so a large message can be judged off the lock
        self._keten = JournaalKetens(journaal=self.journaal)  # one Keten per standard (iWmo and iJw apart)
        self.contract = contract.leeg()  # canonical contract data; the Ketens' KetenConfig (set by load)
        self.gesprekken: dict[str, dict] = {}  # bsn -> {"fouten": [...], "datum": date | None}
        self.opgehaald: set[int] = set()  # the mock's heenberichten awaiting a retour that the SUT fetched
        self.tasks: set[asyncio.Task] = set()
        self.stopping = asyncio.Event()
        self.http = None  # aiohttp.ClientSession for push, set at start-up when --push-url is given
        self.started = time.time()
        self.beoordelaar = Beoordelaar(config.beoordelaars, config.max_bytes)  # judges large messages off the loop
        # await partner.durable() before answering: the commit on the event loop, the wait for the disk in a thread
        self.durable = GroupCommit(lambda: self.store.commit(sync=False), self.lock.locked,
                                   self.store.sync if self.store.on_disk else None)
        self._wachters: set[asyncio.Future] = set()  # who waits for the next verdict (``nieuw_oordeel``)
        self.store.na_oordeel = self._oordeel_gemeld

    async def settled(self) -> None:
        """Wait until nothing written is uncommitted or unsynced (so a reader never sees what a crash could still
        lose)."""
        if self.store.db.in_transaction or self.durable.open:
            await self.durable()

    async def nieuw_oordeel(self, seconden: float) -> None:
        """Return when the next verdict is written, or after ``seconden``: what a waiter checks again then."""
        wachter = asyncio.get_running_loop().create_future()
        self._wachters.add(wachter)
        try:
            await asyncio.wait_for(wachter, max(seconden, 0.0))
        except TimeoutError:
            pass
        finally:
            self._wachters.discard(wachter)

    def _oordeel_gemeld(self) -> None:
        for wachter in list(self._wachters):  # from any thread: each on its own loop
            wachter.get_loop().call_soon_threadsafe(_klaar, wachter)

    @property
    def keten(self) -> JournaalKetens:
        return self._keten

    @keten.setter
    def keten(self, value: JournaalKetens) -> None:
        """A new chain state (a rebuild) touches everything a judgement in progress may have read."""
        value.journaal = self.journaal
        self._keten = value
        self.journaal.alles()

    def identificatie(self, bericht_id: int) -> str:
        """The mock's own Identificatie for its message ``bericht_id`` (unique across databases)."""
        return eigen_identificatie(bericht_id, self.store.serie)

    # --- start-up ---------------------------------------------------------------------------------------------
    def load(self) -> None:
        for row in self.store.gesprekken():
            datum = dt.date.fromisoformat(row["datum"]) if row["datum"] else None
            self.gesprekken[row["bsn"]] = {"fouten": row["fouten"], "datum": datum}
        self.contract = self.start_contract()
        self.keten = self.rebuild()

    def start_contract(self) -> dict:
        """``--contract`` replaces the stored contract (and is stored); without it the stored one counts."""
        if self.config.contract is not None:
            value = contract.normalise(self.config.contract)
            self.store.set_instelling(CONTRACT, json.dumps(value))
            return value
        stored = self.store.instelling(CONTRACT)
        return json.loads(stored) if stored else contract.leeg()

    def rebuild(self) -> JournaalKetens:
        """The chain state as a fold over the accepted messages, in the order they were applied."""
        keten = JournaalKetens(config=contract.config_of(self.contract), journaal=Journaal())  # replay: not noted
        for nummer, bericht, skipped in self._herlees(self.store.replay()):
            keten.apply(bericht, skipped, nummer)
        return keten

    def _herlees(self, rows):
        """(id, Bericht, afgekeurd) of stored rows that were applied, parsed again."""
        for row in rows:
            parsed = parse_bytes(row["xml"], max(self.config.max_bytes, len(row["xml"])))
            if parsed.root is None or not hasattr(identify(parsed.root), "message"):
                log.warning("bericht %s kan niet opnieuw worden toegepast", row["id"])
                continue
            yield row["id"], Bericht(row["bericht"], parsed.root), row["afgekeurd"]

    # --- conversations ----------------------------------------------------------------------------------------
    def clock(self, bsn: str | None = None) -> Clock:
        datum = self.gesprekken.get(bsn, {}).get("datum") if bsn else None
        datum = datum or self.config.datum
        return FrozenClock(datum, _now_time()) if datum else SystemClock()

    def needs_hint(self) -> bool:
        """Whether any conversation has settings, so an incoming message must be peeked at for its BSN first."""
        return any(g["fouten"] or g["datum"] for g in self.gesprekken.values())

    async def hint(self, data: bytes) -> list[str]:
        """The conversations an incoming message belongs to, found before it is judged (its Client/Bsn, or for a
        319 or a 325 without clients the conversation of the message it answers; else ``onbekend``, whose
        settings count like any other conversation's)."""
        if not self.needs_hint():
            return []
        if len(data) <= SMALL_BODY:
            return self.conversations(parse_bytes(data, self.config.max_bytes).root)
        parsed = await asyncio.to_thread(parse_bytes, data, self.config.max_bytes)  # off the loop
        return self.conversations(parsed.root)

    def conversations(self, root) -> list[str]:
        """The BSNs a message belongs to; a 319 (no Client) belongs to the verzoek its ReferentieAanbieder names,
        a 325 without clients to the 323 it answers (its DeclaratieIdentificatie)."""
        found = bsns(root)
        if not found and root is not None:
            found = [b for b in map(self.store.bsn_for_referentie, referenties(root)) if b][:1]
        if not found and root is not None:
            found = self._bsns_of_answered_declaratie(root)
        return found or [ONBEKEND]

    def _bsns_of_answered_declaratie(self, root) -> list[str]:
        ident = root.findtext("{*}Header/{*}DeclaratieIdentificatie/{*}Identificatie")
        if not ident:
            return []
        heen = self.store.mock_heen(ident.strip())
        return self.store.bsns(heen[-1]["id"]) if heen else []

    def faults(self, bsn_list: list[str], level: str, number: str | None = None) -> list[dict]:
        """Faults of ``level`` that apply now (to message ``number``) in these conversations; counts (``aantal``)
        are used up durably."""
        used = []
        for bsn in bsn_list:
            gesprek = self.gesprekken.get(bsn)
            if not gesprek or not gesprek["fouten"]:
                continue
            taken = fouten.take(gesprek["fouten"], level, number)
            if any("aantal" in f["params"] for f in taken):
                self.store.set_gesprek(bsn, commit=False, fouten=gesprek["fouten"])  # with the message
            used.extend(taken)
        return used

    def set_faults(self, bsn: str, faults: list[dict]) -> None:
        self.store.set_gesprek(bsn, fouten=faults)
        self.gesprekken.setdefault(bsn, {"fouten": [], "datum": None})["fouten"] = faults

    def set_datum(self, bsn: str, datum: dt.date | None) -> None:
        self.store.set_gesprek(bsn, datum=datum.isoformat() if datum else None)
        self.gesprekken.setdefault(bsn, {"fouten": [], "datum": None})["datum"] = datum

    # --- contract data ----------------------------------------------------------------------------------------
    async def set_contract(self, value: dict | None) -> dict:
        """Replace the contract data (canonical, see ``contract.normalise``; None clears it) of both standards'
        Ketens, durably. Replaying never reads the configuration (it applies the stored rejected class paths), so
        swapping it in place gives the same state as a restart would."""
        async with self.lock:
            self.store.set_instelling(CONTRACT, json.dumps(value) if value is not None else None)
            self.contract = value if value is not None else contract.leeg()
            config = contract.config_of(self.contract)
            self.keten.config = config
            for keten in self.keten.per_standaard.values():
                keten.config = config
            self.journaal.alles()
        return self.contract

    async def reset(self, bsn: str) -> int:
        """Withdraw one conversation: its messages leave the store's log and mailbox, and the chain state loses
        what they contributed, by replaying only the messages that share a piece of chain state with them
        (``ketenproef.keten.intrekken``; the same state a replay of everything gives)."""
        async with self.lock:
            toegepast = self.store.toegepast_van(bsn)
            count = self.store.reset(bsn)
            self.gesprekken.pop(bsn, None)
            if toegepast and self.keten.intrekken(toegepast, self.herlees) is None:
                self.keten = self.rebuild()
        return count

    def herlees(self, ids: list[int]):
        """(id, Bericht, afgekeurd) of the applied messages with these ids, in id order, parsed again."""
        return self._herlees(self.store.replay(ids))

    # --- background work --------------------------------------------------------------------------------------
    def spawn(self, coro) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("achtergrondtaak faalde", exc_info=task.exception())

    async def sleep(self, seconds: float) -> bool:
        """Sleep unless the server stops first; True when the full time passed."""
        try:
            await asyncio.wait_for(self.stopping.wait(), timeout=max(seconds, 0))
        except TimeoutError:
            return True
        return False

    async def close(self) -> None:
        self.stopping.set()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.http is not None:
            await self.http.close()
        self.beoordelaar.close()
        self.durable.close()
        self.store.close()


def _now_time() -> dt.time:
    return dt.datetime.now().time().replace(microsecond=0)
