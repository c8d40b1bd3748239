"""The ketenpartner's durable state in one SQLite file (WAL, synced before every answer: ``commit``, ``sync``).

Every message in or out is a row of ``berichten`` (raw bytes byte for byte, findings, intended faults, the
rejected class paths the Keten skipped); the Keten itself is not stored but rebuilt by replaying the rows with
``toegepast = 1`` in id order. Conversation settings (faults, a frozen date), verdicts, push attempts and
mailbox cursors have their own tables; settings of the whole database (the random series of the mock's
identificaties, the contract data) are rows of ``instellingen``. All calls run on the event loop thread (``sync``
runs in any); each commit is durable (``commit``), or after ``sync`` for the group commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator

from mockserver.berichten import nieuwe_serie
from mockserver.bewaarvorm import Ingepakt, als_json, uitpakken
from mockserver.checkpoint import Checkpointer

SCHEMA = """
CREATE TABLE IF NOT EXISTS berichten (
  id INTEGER PRIMARY KEY, tijd TEXT NOT NULL, richting TEXT NOT NULL, bericht TEXT, soort TEXT,
  van TEXT, voor TEXT, eigen_id TEXT, ref_id TEXT, status TEXT NOT NULL, grootte INTEGER NOT NULL,
  xml BLOB, bevindingen TEXT NOT NULL DEFAULT '[]', fouten TEXT NOT NULL DEFAULT '[]', heen_id INTEGER,
  toegepast INTEGER NOT NULL DEFAULT 0, afgekeurd TEXT NOT NULL DEFAULT '[]', verwachting TEXT,
  beantwoord INTEGER NOT NULL DEFAULT 0, actief INTEGER NOT NULL DEFAULT 1, sha256 TEXT, herhaling_van INTEGER,
  ingepakt INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS berichten_voor ON berichten(voor, id) WHERE richting = 'uit';
CREATE INDEX IF NOT EXISTS berichten_eigen ON berichten(eigen_id);
CREATE INDEX IF NOT EXISTS berichten_heen ON berichten(heen_id);
CREATE TABLE IF NOT EXISTS bericht_bsn (bsn TEXT NOT NULL, bericht_id INTEGER NOT NULL,
  PRIMARY KEY (bsn, bericht_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS oordelen (id INTEGER PRIMARY KEY, tijd TEXT NOT NULL, heen_id INTEGER,
  retour_id INTEGER, soort TEXT NOT NULL, goed INTEGER NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS oordelen_heen ON oordelen(heen_id);
CREATE INDEX IF NOT EXISTS oordelen_retour ON oordelen(retour_id);
CREATE TABLE IF NOT EXISTS pushes (id INTEGER PRIMARY KEY, bericht_id INTEGER NOT NULL, tijd TEXT NOT NULL,
  poging INTEGER NOT NULL, status INTEGER, fout TEXT, gelukt INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS pushes_bericht ON pushes(bericht_id);
CREATE TABLE IF NOT EXISTS cursors (partij TEXT PRIMARY KEY, cursor INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS gesprekken (bsn TEXT PRIMARY KEY, fouten TEXT NOT NULL DEFAULT '[]', datum TEXT);
CREATE TABLE IF NOT EXISTS referenties (referentie TEXT NOT NULL, bsn TEXT NOT NULL,
  PRIMARY KEY (referentie, bsn)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS instellingen (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
"""
SERIE, CONTRACT = "serie", "contract"  # keys in instellingen
# Columns added after the first release: (name, type); an older database gets them when it opens.
ADDED = (("sha256", "TEXT"), ("herhaling_van", "INTEGER"), ("ingepakt", "INTEGER NOT NULL DEFAULT 0"))
VERWERKT = ("geaccepteerd", "afgekeurd")  # an incoming message that was processed (a repeat gets its outcome)

JSON_COLUMNS = ("bevindingen", "fouten", "afgekeurd", "verwachting")
# A heenbericht of the mock that still waits for the SUT's retour.
WACHT_OP_RETOUR = ("richting = 'uit' AND soort = 'heen' AND actief = 1 AND verwachting IS NOT NULL "
                   "AND beantwoord = 0")


META = ("id, tijd, richting, bericht, soort, van, voor, eigen_id, ref_id, status, grootte, bevindingen, fouten, "
        "heen_id, toegepast, afgekeurd, verwachting, beantwoord, actief, herhaling_van")


_datasync = getattr(os, "fdatasync", os.fsync)  # fdatasync where there is one (Linux), as SQLite does


def nu() -> str:
    """Now in UTC to the millisecond, ``2026-12-08T01:24:51.547Z`` (a row's ``tijd``). The part up to the seconds is
    made once a second: a few rows per message, and datetime with a time zone costs microseconds each."""
    global _seconde
    now = time.time()
    whole = int(now)
    if whole != _seconde[0]:
        _seconde = (whole, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)))
    return f"{_seconde[1]}.{int((now - whole) * 1000):03d}Z"


_seconde = (-1, "")  # (a whole second since the epoch, it as text up to the seconds) for ``nu``


def _json(value) -> str:
    """A JSON column's text; most lists stored are empty (no findings, no faults)."""
    return "[]" if value == [] else als_json(value)


def _row(cursor: sqlite3.Cursor, values: tuple) -> dict:
    out = {col[0]: value for col, value in zip(cursor.description, values, strict=True)}
    for key in JSON_COLUMNS:
        if out.get(key) is not None:
            out[key] = json.loads(out[key])
    return out


def _xml(row: dict) -> bytes | None:
    return uitpakken(row["xml"]) if row["ingepakt"] and row["xml"] is not None else row["xml"]


class Store:
    def __init__(self, path: str) -> None:
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level="DEFERRED")
        self.db.row_factory = _row
        self.na_oordeel = None  # called after every verdict written (the partner wakes who waits for one)
        self._checkpoint = Checkpointer(path) if path != ":memory:" else None
        if self._checkpoint is not None:
            self.db.execute("PRAGMA journal_mode=WAL")
            self._checkpoint.instellen(self.db)  # the Checkpointer checkpoints, off the event loop
        # NORMAL: a commit writes the WAL without syncing it; ``commit`` syncs it itself (``sync``), so that the
        # group commit can wait for the disk in a thread while the event loop goes on (what FULL does, later).
        self.db.execute("PRAGMA synchronous=NORMAL" if self._checkpoint is not None else "PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self._migrate()
        self.commit()
        self._last = self.db.execute("SELECT coalesce(max(id), 0) AS m FROM berichten").fetchone()["m"]
        self._sha256: dict[int, str] = {}  # id -> SHA-256 of the bytes the row with that id will store
        self.serie = self._serie()

    def close(self) -> None:
        if self._checkpoint is not None:
            self._checkpoint.close()
        self.db.close()

    def commit(self, sync: bool = True) -> None:
        """Commit what was written, durably; with ``sync=False`` without waiting for the disk: then it is durable
        only after ``sync`` (the group commit runs that in a thread, and answers no one before it returns)."""
        self.db.commit()
        if self._checkpoint is not None:
            self._checkpoint.maybe(self.db)
        if sync:
            self.sync()

    @property
    def on_disk(self) -> bool:
        """Whether the store is a file (``sync`` has something to do), not a database in memory."""
        return self._checkpoint is not None

    def sync(self) -> None:
        """Make every commit so far durable: an fdatasync of the WAL file, which holds them (what synchronous=FULL
        does inside each commit). Any thread; the file is opened each time, so a WAL that SQLite made anew is the
        one synced."""
        if self._checkpoint is None:  # in memory: nothing to sync
            return
        try:
            fd = os.open(self.path + "-wal", os.O_RDONLY)
        except FileNotFoundError:  # no WAL (yet): what was committed is in the database file
            fd = os.open(self.path, os.O_RDONLY)
        try:
            _datasync(fd)
        finally:
            os.close(fd)

    def _migrate(self) -> None:
        """Bring an older database up to date: the added columns, and the SHA-256 of incoming messages stored
        before it existed (so their repeat is recognised too)."""
        have = {row["name"] for row in self.db.execute("PRAGMA table_info(berichten)")}
        for name, kind in ADDED:
            if name not in have:
                self.db.execute(f"ALTER TABLE berichten ADD COLUMN {name} {kind}")
        if "sha256" not in have:
            rows = self.db.execute("SELECT id, xml FROM berichten WHERE richting = 'in' AND xml IS NOT NULL")
            self.db.executemany("UPDATE berichten SET sha256 = ? WHERE id = ?",
                                [(hashlib.sha256(r["xml"]).hexdigest(), r["id"]) for r in rows.fetchall()])
        self.db.execute("CREATE INDEX IF NOT EXISTS berichten_sha256 ON berichten(sha256) WHERE richting = 'in'")

    def _serie(self) -> str:
        """The series of this database's identificaties, made when the database (or an old one without) opens."""
        self.db.execute("INSERT OR IGNORE INTO instellingen VALUES (?, ?)", (SERIE, nieuwe_serie()))
        self.commit()
        return self.instelling(SERIE)

    def next_id(self) -> int:
        self._last += 1
        return self._last

    # --- messages -------------------------------------------------------------------------------------------
    def insert(self, rec: dict, bsns: Iterable[str]) -> int:
        rec = {k: (_json(v) if k in JSON_COLUMNS and v is not None else v) for k, v in rec.items()}
        if "id" not in rec:
            rec["id"] = self.next_id()
        if isinstance(rec.get("xml"), Ingepakt):
            rec["ingepakt"] = 1
        if rec["id"] in self._sha256:
            rec["sha256"] = self._sha256.pop(rec["id"])
        rec.setdefault("tijd", nu())
        cols = ", ".join(rec)
        self.db.execute(f"INSERT INTO berichten ({cols}) VALUES ({', '.join('?' * len(rec))})", tuple(rec.values()))
        self.db.executemany("INSERT OR IGNORE INTO bericht_bsn VALUES (?, ?)", [(b, rec["id"]) for b in set(bsns)])
        return rec["id"]

    def sha256_bij(self, bericht_id: int, sha256: str) -> None:
        """The row ``bericht_id`` (not yet inserted) gets this SHA-256 when it is: setting it in the INSERT costs
        nothing, an UPDATE afterwards rewrites the whole row (about 0.1 s for a 20 MB message)."""
        self._sha256[bericht_id] = sha256

    def sha256_vastleggen(self, bericht_id: int) -> None:
        """After the outcome: a SHA-256 that no insert took goes on the row with an UPDATE."""
        digest = self._sha256.pop(bericht_id, None)
        if digest is not None:
            self.update(bericht_id, sha256=digest)
        self._sha256.clear()

    def update(self, bericht_id: int, **values) -> None:
        values = {k: (_json(v) if k in JSON_COLUMNS else v) for k, v in values.items()}
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(f"UPDATE berichten SET {sets} WHERE id = ?", (*values.values(), bericht_id))

    def bericht(self, bericht_id: int) -> dict | None:
        return self.db.execute(f"SELECT {META} FROM berichten WHERE id = ?", (bericht_id,)).fetchone()

    def xml(self, bericht_id: int) -> bytes | None:
        row = self.db.execute("SELECT xml, ingepakt FROM berichten WHERE id = ?", (bericht_id,)).fetchone()
        return _xml(row) if row else None

    def bsns(self, bericht_id: int) -> list[str]:
        rows = self.db.execute("SELECT bsn FROM bericht_bsn WHERE bericht_id = ?", (bericht_id,)).fetchall()
        return [r["bsn"] for r in rows]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) AS n FROM berichten").fetchone()["n"]

    def accepted_heen(self, bericht: str, van: str, eigen_id: str) -> bool:
        """Whether the SUT already delivered an accepted heenbericht of this type with this identificatie."""
        row = self.db.execute(
            "SELECT 1 AS x FROM berichten WHERE eigen_id = ? AND bericht = ? AND van = ? AND richting = 'in' "
            "AND soort = 'heen' AND status != 'geweigerd' AND actief = 1 LIMIT 1", (eigen_id, bericht, van)).fetchone()
        return row is not None

    def herhaling(self, sha256: str) -> dict | None:
        """The first processed incoming message with exactly these bytes (same SHA-256), or None."""
        return self.db.execute(
            f"SELECT {META} FROM berichten WHERE sha256 = ? AND richting = 'in' AND status IN {VERWERKT} "
            "AND actief = 1 ORDER BY id LIMIT 1", (sha256,)).fetchone()

    def uitgaand_op(self, heen_id: int) -> list[dict]:
        """The mock's messages answering incoming message ``heen_id`` (its retour, or what a fault made of it)."""
        return self.db.execute(f"SELECT {META} FROM berichten WHERE heen_id = ? AND richting = 'uit' AND actief = 1 "
                               "ORDER BY id", (heen_id,)).fetchall()

    def mock_heen(self, identificatie: str) -> list[dict]:
        """The mock's own active heenberichten with this identificatie (normally one)."""
        return self.db.execute(
            f"SELECT {META} FROM berichten WHERE eigen_id = ? AND richting = 'uit' AND soort = 'heen' AND actief = 1 "
            "ORDER BY id", (identificatie,)).fetchall()

    def replay(self, ids: list[int] | None = None) -> Iterator[dict]:
        """The messages applied to the Keten, in the order they were applied (only those with these ids)."""
        query = "SELECT id, bericht, xml, ingepakt, afgekeurd FROM berichten WHERE toegepast = 1 AND actief = 1"
        if ids is None:
            chunks = [()]
        else:
            chunks = [tuple(ids[i:i + 500]) for i in range(0, len(ids), 500)]
        for chunk in chunks:
            where = f" AND id IN ({', '.join('?' * len(chunk))})" if ids is not None else ""
            for row in self.db.execute(query + where + " ORDER BY id", chunk):
                row["xml"] = _xml(row)
                yield row

    def toegepast_van(self, bsn: str) -> list[int]:
        """The ids of the active messages of conversation ``bsn`` that were applied to the Keten."""
        rows = self.db.execute("SELECT b.id FROM berichten b JOIN bericht_bsn k ON k.bericht_id = b.id "
                               "WHERE k.bsn = ? AND b.toegepast = 1 AND b.actief = 1 ORDER BY b.id", (bsn,))
        return [r["id"] for r in rows]

    def pending(self) -> list[dict]:
        """The mock's heenberichten still waiting for a retour from the SUT."""
        return self.db.execute(f"SELECT {META} FROM berichten WHERE {WACHT_OP_RETOUR} ORDER BY id").fetchall()

    def pending_van(self, bsn: str) -> list[dict]:
        """The mock's heenberichten in conversation ``bsn`` still waiting for a retour from the SUT."""
        return self.db.execute(
            f"SELECT {META} FROM berichten WHERE {WACHT_OP_RETOUR} AND id IN (SELECT bericht_id FROM bericht_bsn "
            "WHERE bsn = ?) ORDER BY id", (bsn,)).fetchall()

    def unpushed(self) -> list[int]:
        rows = self.db.execute(
            "SELECT id FROM berichten b WHERE richting = 'uit' AND actief = 1 AND xml IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM pushes p WHERE p.bericht_id = b.id AND (p.gelukt = 1 OR p.fout = 'opgegeven')) "
            "ORDER BY id").fetchall()
        return [r["id"] for r in rows]

    # --- mailbox --------------------------------------------------------------------------------------------
    def mailbox(self, voor: str, na: int | None, limiet: int) -> list[dict]:
        if na is None:
            na = self.cursor(voor)
        else:
            self.db.execute("INSERT INTO cursors VALUES (?, ?) ON CONFLICT(partij) DO UPDATE SET "
                            "cursor = max(cursor, excluded.cursor)", (voor, na))
            self.commit()
        return self.db.execute(
            "SELECT id, id AS cursor, bericht, soort, van, voor, eigen_id AS identificatie, heen_id, tijd, grootte "
            "FROM berichten WHERE richting = 'uit' AND voor = ? AND id > ? AND actief = 1 AND xml IS NOT NULL "
            "ORDER BY id LIMIT ?", (voor, na, limiet)).fetchall()

    def cursor(self, voor: str) -> int:
        row = self.db.execute("SELECT cursor FROM cursors WHERE partij = ?", (voor,)).fetchone()
        return row["cursor"] if row else 0

    # --- conversation log -----------------------------------------------------------------------------------
    def log(self, bsn: str) -> list[dict]:
        rows = self.db.execute(
            f"SELECT {', '.join('b.' + c.strip() for c in META.split(','))} FROM berichten b "
            "JOIN bericht_bsn k ON k.bericht_id = b.id WHERE k.bsn = ? AND b.actief = 1 ORDER BY b.id",
            (bsn,)).fetchall()
        for row in rows:
            row["oordelen"] = self.oordelen(row["id"])
            row["pushes"] = self.pushes(row["id"])
        return rows

    def oordelen(self, bericht_id: int) -> list[dict]:
        return self.db.execute(
            "SELECT id, tijd, heen_id, retour_id, soort, goed, detail FROM oordelen "
            "WHERE heen_id = ? OR retour_id = ? ORDER BY id", (bericht_id, bericht_id)).fetchall()

    def add_oordeel(self, heen_id: int | None, retour_id: int | None, soort: str, goed: bool, detail: str) -> None:
        self.db.execute("INSERT INTO oordelen (tijd, heen_id, retour_id, soort, goed, detail) VALUES (?,?,?,?,?,?)",
                        (nu(), heen_id, retour_id, soort, int(goed), detail))
        if self.na_oordeel is not None:
            self.na_oordeel()

    def pushes(self, bericht_id: int) -> list[dict]:
        return self.db.execute("SELECT tijd, poging, status, fout, gelukt FROM pushes WHERE bericht_id = ? "
                               "ORDER BY id", (bericht_id,)).fetchall()

    def add_push(self, bericht_id: int, poging: int, status: int | None, fout: str | None, gelukt: bool) -> None:
        self.db.execute("INSERT INTO pushes (bericht_id, tijd, poging, status, fout, gelukt) VALUES (?,?,?,?,?,?)",
                        (bericht_id, nu(), poging, status, fout, int(gelukt)))
        self.commit()

    # --- conversations --------------------------------------------------------------------------------------
    def gesprekken(self) -> list[dict]:
        return self.db.execute("SELECT bsn, fouten, datum FROM gesprekken").fetchall()

    def set_gesprek(self, bsn: str, commit: bool = True, **values) -> None:
        values = {k: (json.dumps(v, ensure_ascii=False) if k == "fouten" else v) for k, v in values.items()}
        self.db.execute("INSERT OR IGNORE INTO gesprekken (bsn) VALUES (?)", (bsn,))
        self.db.execute(f"UPDATE gesprekken SET {', '.join(f'{k} = ?' for k in values)} WHERE bsn = ?",
                        (*values.values(), bsn))
        if commit:
            self.commit()

    def add_referenties(self, referenties: Iterable[str], bsn: str) -> None:
        self.db.executemany("INSERT OR IGNORE INTO referenties VALUES (?, ?)", [(r, bsn) for r in referenties])

    def bsn_for_referentie(self, referentie: str) -> str | None:
        row = self.db.execute("SELECT bsn FROM referenties WHERE referentie = ? LIMIT 1", (referentie,)).fetchone()
        return row["bsn"] if row else None

    def reset(self, bsn: str) -> int:
        """Withdraw every message of one conversation (kept in the file, left out of log, mailbox and Keten)."""
        cur = self.db.execute("UPDATE berichten SET actief = 0 WHERE id IN "
                              "(SELECT bericht_id FROM bericht_bsn WHERE bsn = ?)", (bsn,))
        self.db.execute("DELETE FROM gesprekken WHERE bsn = ?", (bsn,))
        self.db.execute("DELETE FROM referenties WHERE bsn = ?", (bsn,))
        self.commit()
        return cur.rowcount

    # --- settings of the whole database ---------------------------------------------------------------------
    def instelling(self, sleutel: str) -> str | None:
        row = self.db.execute("SELECT waarde FROM instellingen WHERE sleutel = ?", (sleutel,)).fetchone()
        return row["waarde"] if row else None

    def set_instelling(self, sleutel: str, waarde: str | None) -> None:
        """Store (or with None remove) one setting, durably."""
        if waarde is None:
            self.db.execute("DELETE FROM instellingen WHERE sleutel = ?", (sleutel,))
        else:
            self.db.execute("INSERT INTO instellingen VALUES (?, ?) ON CONFLICT(sleutel) DO UPDATE SET "
                            "waarde = excluded.waarde", (sleutel, waarde))
        self.commit()
