"""The ledger: the local SQLite record of folders read, messages seen, vendors, noes, declines."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .errors import LedgerError

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE folders (
        name TEXT PRIMARY KEY,
        uidvalidity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        folder TEXT NOT NULL,
        uidvalidity INTEGER NOT NULL,
        uid INTEGER NOT NULL,
        message_id TEXT,
        mine INTEGER NOT NULL DEFAULT 0,
        sender TEXT,
        organisation TEXT,
        verdict TEXT NOT NULL,
        action TEXT NOT NULL,
        reasons TEXT NOT NULL,
        arrived_at TEXT,
        recorded_at TEXT NOT NULL,
        UNIQUE (folder, uidvalidity, uid)
    );
    CREATE INDEX messages_by_message_id ON messages (message_id);
    CREATE INDEX messages_by_organisation ON messages (organisation);
    CREATE TABLE vendors (
        organisation TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL,
        outreach INTEGER NOT NULL DEFAULT 0,
        correspondent_since TEXT,
        no_at TEXT,
        no_via TEXT,
        no_message_id TEXT
    );
    CREATE TABLE noes (
        id INTEGER PRIMARY KEY,
        organisation TEXT NOT NULL,
        at TEXT NOT NULL,
        via TEXT NOT NULL,
        message_id TEXT,
        lifted_at TEXT
    );
    CREATE TABLE declines (
        organisation TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        recipient TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        in_reply_to TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        error TEXT,
        raw BLOB NOT NULL,
        copied INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE offences (
        id INTEGER PRIMARY KEY,
        organisation TEXT NOT NULL,
        message_id TEXT,
        sender TEXT,
        subject TEXT,
        arrived_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX offences_by_organisation ON offences (organisation);
    CREATE TABLE templates (
        organisation TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (organisation, fingerprint)
    );
    """,
)
"""Numbered schema migrations: entry N is version N+1. Only ever append."""


_SINCE_THE_NO = (
    "o.organisation = v.organisation AND v.no_at IS NOT NULL "
    "AND substr(o.arrived_at, 1, 19) >= substr(v.no_at, 1, 19)"
)
"""Offences count against the standing no only: a forgiven no leaves its history behind."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="microseconds") if moment else None


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Progress:
    """How far a folder has been read: valid while the folder's UIDVALIDITY stays the same."""

    uidvalidity: int
    last_uid: int


@dataclass(frozen=True)
class VendorState:
    """What the ledger knows of one organisation when a message from it is judged."""

    organisation: str
    outreach: int = 0
    correspondent_since: datetime | None = None
    no_at: datetime | None = None
    no_via: str | None = None
    declined: bool = False
    """A decline is on its way (pending, unsent, or its fate unknown): as good as a no."""
    ever_declined: bool = False
    """A decline was made once: there is never a second, even after `guard forgive`."""

    @property
    def correspondent(self) -> bool:
        return self.correspondent_since is not None


@dataclass(frozen=True)
class MessageRecord:
    """One message as the ledger keeps it."""

    folder: str
    uidvalidity: int
    uid: int
    message_id: str | None
    sender: str | None
    organisation: str | None
    verdict: str
    action: str
    reasons: tuple[str, ...]
    arrived_at: datetime | None
    mine: bool = False


@dataclass(frozen=True)
class Decline:
    """A decline in the outbox: pending until the SMTP server accepted it, then sent."""

    organisation: str
    kind: str
    state: str
    recipient: str
    message_id: str
    in_reply_to: str | None
    created_at: datetime
    sent_at: datetime | None
    raw: bytes = b""
    copied: bool = False


@dataclass(frozen=True)
class Offence:
    """A message that arrived from an organisation after its no."""

    message_id: str | None
    sender: str | None
    subject: str
    arrived_at: datetime


@dataclass(frozen=True)
class VendorStatus:
    """A row of `guard status`."""

    vendor: str
    ignored_no: bool
    after_no: int
    no_at: datetime | None
    no_via: str | None
    outreach: int
    last_offence_at: datetime | None
    decline_state: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "vendor": self.vendor,
            "ignored_no": self.ignored_no,
            "after_no": self.after_no,
            "no_at": _iso(self.no_at),
            "no_via": self.no_via,
            "outreach": self.outreach,
            "last_offence_at": _iso(self.last_offence_at),
            "decline": self.decline_state,
        }


class Ledger:
    """The SQLite ledger. Every write happens inside `transaction()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._brands: dict[str, str] | None = None

    @classmethod
    def open(cls, path: Path) -> Ledger:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(path, timeout=10, isolation_level=None)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            ledger = cls(connection, path)
            ledger._migrate()
        except (OSError, sqlite3.Error) as error:
            raise LedgerError(f"ledger {path}: {error}") from error
        return ledger

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise LedgerError(f"ledger {self.path}: {error}") from error
        try:
            yield
        except sqlite3.Error as error:
            self._rollback()
            raise LedgerError(f"ledger {self.path}: {error}") from error
        except BaseException:
            self._rollback()
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise LedgerError(f"ledger {self.path}: {error}") from error

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not undone it itself (a full disk)."""
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT)"
        )
        done = {row[0] for row in self._db.execute("SELECT version FROM migrations")}
        for version, script in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            statements = [s for s in script.split(";") if s.strip()]
            with self.transaction():
                for statement in statements:
                    self._db.execute(statement)
                self._db.execute("INSERT INTO migrations VALUES (?, ?)", (version, _iso(utcnow())))

    @property
    def schema_version(self) -> int:
        return self._db.execute("SELECT MAX(version) FROM migrations").fetchone()[0] or 0

    # folders

    def progress(self, folder: str) -> Progress | None:
        row = self._db.execute(
            "SELECT uidvalidity, last_uid FROM folders WHERE name = ?", (folder,)
        ).fetchone()
        return Progress(row[0], row[1]) if row else None

    def set_progress(self, folder: str, progress: Progress) -> None:
        self._db.execute(
            "INSERT INTO folders VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
            "updated_at = excluded.updated_at",
            (folder, progress.uidvalidity, progress.last_uid, _iso(utcnow())),
        )

    # messages

    def record_message(self, record: MessageRecord) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO messages (folder, uidvalidity, uid, message_id, mine, sender, "
            "organisation, verdict, action, reasons, arrived_at, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.folder,
                record.uidvalidity,
                record.uid,
                record.message_id,
                int(record.mine),
                record.sender,
                record.organisation,
                record.verdict,
                record.action,
                json.dumps(record.reasons),
                _iso(record.arrived_at),
                _iso(utcnow()),
            ),
        )

    def recorded_action(self, folder: str, uidvalidity: int, uid: int) -> str | None:
        """The action already decided for a message, when a pass stopped before applying it."""
        row = self._db.execute(
            "SELECT action FROM messages WHERE folder = ? AND uidvalidity = ? AND uid = ?",
            (folder, uidvalidity, uid),
        ).fetchone()
        return str(row[0]) if row else None

    def knows_message(self, message_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM messages WHERE message_id = ? LIMIT 1", (message_id,)
        ).fetchone()
        return row is not None

    def organisation_of(self, message_ids: tuple[str, ...]) -> str | None:
        """The organisation of the newest non-user message among `message_ids`, if seen."""
        for message_id in reversed(message_ids):
            row = self._db.execute(
                "SELECT organisation FROM messages WHERE message_id = ? AND mine = 0 "
                "AND organisation IS NOT NULL ORDER BY id DESC LIMIT 1",
                (message_id,),
            ).fetchone()
            if row:
                return str(row[0])
        return None

    def thread_verdict(self, message_ids: tuple[str, ...], organisation: str) -> str | None:
        """The verdict on the newest earlier message of `organisation` among `message_ids`."""
        for message_id in reversed(message_ids):
            row = self._db.execute(
                "SELECT verdict FROM messages WHERE message_id = ? AND organisation = ? "
                "AND mine = 0 ORDER BY id DESC LIMIT 1",
                (message_id, organisation),
            ).fetchone()
            if row:
                return str(row[0])
        return None

    def is_mine(self, message_id: str) -> bool:
        """Whether the user (or the guard, for the user) sent this message."""
        row = self._db.execute(
            "SELECT 1 FROM messages WHERE message_id = ? AND mine = 1 "
            "UNION SELECT 1 FROM declines WHERE message_id = ? LIMIT 1",
            (message_id, message_id),
        ).fetchone()
        return row is not None

    def is_decline(self, message_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM declines WHERE message_id = ?", (message_id,)
        ).fetchone()
        return row is not None

    def template_seen(self, organisation: str, fingerprint: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM templates WHERE organisation = ? AND fingerprint = ?",
            (organisation, fingerprint),
        ).fetchone()
        return row is not None

    def record_template(self, organisation: str, fingerprint: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO templates VALUES (?, ?)", (organisation, fingerprint)
        )

    # vendors

    def vendor(self, organisation: str) -> VendorState:
        row = self._db.execute(
            "SELECT v.outreach, v.correspondent_since, v.no_at, v.no_via, "
            "d.organisation IS NOT NULL AS ever_declined, "
            "d.organisation IS NOT NULL AND d.state != 'sent' AS declined FROM vendors v "
            "LEFT JOIN declines d ON d.organisation = v.organisation "
            "WHERE v.organisation = ?",
            (organisation,),
        ).fetchone()
        if row is None:
            return VendorState(organisation)
        return VendorState(
            organisation=organisation,
            outreach=row["outreach"],
            correspondent_since=_moment(row["correspondent_since"]),
            no_at=_moment(row["no_at"]),
            no_via=row["no_via"],
            declined=bool(row["declined"]),
            ever_declined=bool(row["ever_declined"]),
        )

    def vendor_brands(self) -> dict[str, str]:
        """brand -> vendor for every vendor with outreach counted or a no (cached)."""
        if self._brands is None:
            rows = self._db.execute(
                "SELECT organisation FROM vendors WHERE outreach > 0 OR no_at IS NOT NULL"
            )
            brands = {}
            for (organisation,) in rows:
                label = str(organisation).split(".")[0].split("-")[0]
                if "@" not in organisation and len(label) >= 4:
                    brands[label] = str(organisation)
            self._brands = brands
        return self._brands

    def _ensure_vendor(self, organisation: str, at: datetime) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO vendors (organisation, first_seen) VALUES (?, ?)",
            (organisation, _iso(at)),
        )

    def _forget_brands(self, organisation: str) -> None:
        if self._brands is not None and organisation not in self._brands.values():
            self._brands = None

    def count_outreach(self, organisation: str, at: datetime) -> None:
        self._forget_brands(organisation)
        self._ensure_vendor(organisation, at)
        self._db.execute(
            "UPDATE vendors SET outreach = outreach + 1 WHERE organisation = ?", (organisation,)
        )

    def record_engagement(self, organisation: str, at: datetime) -> None:
        """The user wrote first or engaged: a correspondent; a standing no is lifted."""
        self._ensure_vendor(organisation, at)
        self._db.execute(
            "UPDATE noes SET lifted_at = ? WHERE organisation = ? AND lifted_at IS NULL "
            "AND via != 'block'",
            (_iso(at), organisation),
        )
        self._db.execute(
            "UPDATE vendors SET correspondent_since = COALESCE(correspondent_since, ?), "
            "no_at = CASE WHEN no_via = 'block' THEN no_at END, "
            "no_via = CASE WHEN no_via = 'block' THEN no_via END, "
            "no_message_id = CASE WHEN no_via = 'block' THEN no_message_id END "
            "WHERE organisation = ?",
            (_iso(at), organisation),
        )

    def record_no(
        self, organisation: str, at: datetime, via: str, message_id: str | None = None
    ) -> None:
        """A no: the first standing no keeps its date; it ends any correspondent exemption."""
        self._forget_brands(organisation)
        self._ensure_vendor(organisation, at)
        self._db.execute(
            "INSERT INTO noes (organisation, at, via, message_id) VALUES (?, ?, ?, ?)",
            (organisation, _iso(at), via, message_id),
        )
        self._db.execute(
            "UPDATE vendors SET correspondent_since = NULL, "
            "no_via = CASE WHEN no_at IS NULL THEN ? ELSE no_via END, "
            "no_message_id = CASE WHEN no_at IS NULL THEN ? ELSE no_message_id END, "
            "no_at = COALESCE(no_at, ?) WHERE organisation = ?",
            (via, message_id, _iso(at), organisation),
        )

    def record_offence(
        self,
        organisation: str,
        message_id: str | None,
        sender: str | None,
        subject: str,
        arrived_at: datetime,
    ) -> None:
        self._db.execute(
            "INSERT INTO offences (organisation, message_id, sender, subject, arrived_at, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (organisation, message_id, sender, subject, _iso(arrived_at), _iso(utcnow())),
        )

    def offences(self, organisation: str) -> list[Offence]:
        """The offences against the standing no, oldest first."""
        rows = self._db.execute(
            "SELECT o.message_id, o.sender, o.subject, o.arrived_at FROM offences o "
            f"JOIN vendors v ON v.organisation = o.organisation WHERE {_SINCE_THE_NO} "
            "AND o.organisation = ? ORDER BY o.arrived_at",
            (organisation,),
        )
        return [Offence(row[0], row[1], row[2] or "", _moment(row[3]) or utcnow()) for row in rows]

    def forgive(self, organisation: str, at: datetime) -> bool:
        """Lift a standing no; its offences stay as history but count no more."""
        found = self._db.execute(
            "UPDATE vendors SET no_at = NULL, no_via = NULL, no_message_id = NULL "
            "WHERE organisation = ? AND no_at IS NOT NULL",
            (organisation,),
        ).rowcount
        self._db.execute(
            "UPDATE noes SET lifted_at = ? WHERE organisation = ? AND lifted_at IS NULL",
            (_iso(at), organisation),
        )
        self._brands = None
        return bool(found)

    def blocked_organisations(self) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT organisation FROM noes WHERE via = 'block'")
        return {row[0] for row in rows}

    # declines

    def add_decline(self, decline: Decline) -> None:
        """Put a decline in the outbox. A second decline to one organisation is refused."""
        self._ensure_vendor(decline.organisation, decline.created_at)
        try:
            self._db.execute(
                "INSERT INTO declines (organisation, kind, state, recipient, message_id, "
                "in_reply_to, created_at, raw) VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)",
                (
                    decline.organisation,
                    decline.kind,
                    decline.recipient,
                    decline.message_id,
                    decline.in_reply_to,
                    _iso(decline.created_at),
                    decline.raw,
                ),
            )
        except sqlite3.IntegrityError as error:
            raise LedgerError(f"{decline.organisation} was declined already") from error

    def set_decline_state(self, organisation: str, state: str, error: str | None = None) -> None:
        sent_at = _iso(utcnow()) if state == "sent" else None
        self._db.execute(
            "UPDATE declines SET state = ?, sent_at = COALESCE(?, sent_at), error = ? "
            "WHERE organisation = ?",
            (state, sent_at, error, organisation),
        )

    def declines(self, state: str | None = None, organisation: str | None = None) -> list[Decline]:
        rows = self._db.execute(
            "SELECT * FROM declines WHERE (? IS NULL OR state = ?) "
            "AND (? IS NULL OR organisation = ?) ORDER BY created_at",
            (state, state, organisation, organisation),
        )
        return [
            Decline(
                organisation=row["organisation"],
                kind=row["kind"],
                state=row["state"],
                recipient=row["recipient"],
                message_id=row["message_id"],
                in_reply_to=row["in_reply_to"],
                created_at=_moment(row["created_at"]) or utcnow(),
                sent_at=_moment(row["sent_at"]),
                raw=row["raw"],
                copied=bool(row["copied"]),
            )
            for row in rows
        ]

    def copies_owed(self) -> list[Decline]:
        """Sent declines whose copy is not in the user's Sent folder yet."""
        return [d for d in self.declines(state="sent") if not d.copied]

    def mark_copied(self, organisation: str) -> None:
        self._db.execute("UPDATE declines SET copied = 1 WHERE organisation = ?", (organisation,))

    def declines_in_last_day(self, now: datetime) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM declines WHERE created_at >= ?",
            (_iso(now - timedelta(days=1)),),
        ).fetchone()
        return int(row[0])

    # status

    def status(self, include_all: bool = False) -> list[VendorStatus]:
        rows = self._db.execute(
            "SELECT v.organisation, v.outreach, v.no_at, v.no_via, d.state AS decline_state, "
            f"(SELECT COUNT(*) FROM offences o WHERE {_SINCE_THE_NO}) AS after_no, "
            f"(SELECT MAX(arrived_at) FROM offences o WHERE {_SINCE_THE_NO}) "
            "AS last_offence_at FROM vendors v "
            "LEFT JOIN declines d ON d.organisation = v.organisation "
            "WHERE v.outreach > 0 OR v.no_at IS NOT NULL OR d.organisation IS NOT NULL "
            "ORDER BY after_no DESC, v.organisation"
        )
        statuses = [
            VendorStatus(
                vendor=row["organisation"],
                ignored_no=row["after_no"] > 0,
                after_no=row["after_no"],
                no_at=_moment(row["no_at"]),
                no_via=row["no_via"],
                outreach=row["outreach"],
                last_offence_at=_moment(row["last_offence_at"]),
                decline_state=row["decline_state"],
            )
            for row in rows
        ]
        return statuses if include_all else [s for s in statuses if s.ignored_no]
