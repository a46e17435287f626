"""The SQLite ledger, on a temporary file: schema, permissions, noes, declines and status."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inboxguard.errors import LedgerError
from inboxguard.ledger import MIGRATIONS, Decline, Ledger, MessageRecord, Progress

T0 = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=3)
T2 = T0 + timedelta(days=10)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "ledger.sqlite3"


@pytest.fixture
def ledger(path: Path) -> Iterator[Ledger]:
    opened = Ledger.open(path)
    try:
        yield opened
    finally:
        opened.close()


def pending(organisation: str, message_id: str, kind: str = "decline") -> Decline:
    return Decline(
        organisation=organisation,
        kind=kind,
        state="pending",
        recipient=f"dana@{organisation}",
        message_id=message_id,
        in_reply_to="pitch-2@" + organisation,
        created_at=T1,
        sent_at=None,
        raw=b"From: alan@example.com\r\n\r\nNo.\r\n",
    )


def migrations_rows(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT version FROM migrations")]
    finally:
        connection.close()


# schema and files


def test_migrations_are_recorded(ledger: Ledger, path: Path) -> None:
    assert ledger.schema_version >= 1
    assert ledger.schema_version == len(MIGRATIONS)
    assert migrations_rows(path) == list(range(1, len(MIGRATIONS) + 1))


def test_migrations_are_idempotent_on_reopen(path: Path) -> None:
    first = Ledger.open(path)
    with first.transaction():
        first.count_outreach("bitesio.com", T0)
    version = first.schema_version
    first.close()
    again = Ledger.open(path)
    try:
        assert again.schema_version == version
        assert again.vendor("bitesio.com").outreach == 1
    finally:
        again.close()
    assert migrations_rows(path) == list(range(1, len(MIGRATIONS) + 1))


def test_journal_mode_is_wal(ledger: Ledger, path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    finally:
        connection.close()


def test_file_is_private_and_new_folder_is_private(ledger: Ledger, path: Path) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_unopenable_path_raises_ledger_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LedgerError):
        Ledger.open(blocker / "ledger.sqlite3")


def test_a_corrupt_file_raises_ledger_error(tmp_path: Path) -> None:
    corrupt = tmp_path / "ledger.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LedgerError):
        Ledger.open(corrupt)


# folders and messages


def test_progress_is_stored_per_folder(ledger: Ledger) -> None:
    assert ledger.progress("INBOX") is None
    with ledger.transaction():
        ledger.set_progress("INBOX", Progress(7, 100))
        ledger.set_progress("INBOX", Progress(7, 120))
    assert ledger.progress("INBOX") == Progress(7, 120)
    assert ledger.progress("Sent") is None


def test_a_failed_transaction_is_rolled_back(ledger: Ledger) -> None:
    with pytest.raises(RuntimeError), ledger.transaction():
        ledger.count_outreach("bitesio.com", T0)
        raise RuntimeError("crash mid-pass")
    assert ledger.vendor("bitesio.com").outreach == 0


def test_messages_threads_and_mine(ledger: Ledger) -> None:
    record = MessageRecord(
        folder="INBOX",
        uidvalidity=7,
        uid=1,
        message_id="pitch-1@bitesio.com",
        sender="dana@bitesio.com",
        organisation="bitesio.com",
        verdict="outreach",
        action="keep",
        reasons=("1st outreach",),
        arrived_at=T0,
    )
    with ledger.transaction():
        ledger.record_message(record)
        ledger.record_message(record)
    assert ledger.knows_message("pitch-1@bitesio.com")
    assert ledger.recorded_action("INBOX", 7, 1) == "keep"
    assert ledger.recorded_action("INBOX", 7, 2) is None
    assert ledger.organisation_of(("unknown@x.com", "pitch-1@bitesio.com")) == "bitesio.com"
    assert ledger.thread_verdict(("pitch-1@bitesio.com",), "bitesio.com") == "outreach"
    assert not ledger.is_mine("pitch-1@bitesio.com")
    with ledger.transaction():
        ledger.add_decline(pending("bitesio.com", "decline-1@example.com"))
    assert ledger.is_mine("decline-1@example.com")
    assert ledger.is_decline("decline-1@example.com")


# vendors, noes and declines


def test_add_decline_twice_for_one_organisation_raises(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.add_decline(pending("bitesio.com", "decline-1@example.com"))
    with pytest.raises(LedgerError), ledger.transaction():
        ledger.add_decline(pending("bitesio.com", "decline-2@example.com", kind="invite"))
    declines = ledger.declines(organisation="bitesio.com")
    assert [d.message_id for d in declines] == ["decline-1@example.com"]
    assert declines[0].state == "pending"


def test_a_decline_marks_a_counted_vendor_declined(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.count_outreach("bitesio.com", T0)
        ledger.add_decline(pending("bitesio.com", "decline-1@example.com"))
    assert ledger.vendor("bitesio.com").declined


def test_a_decline_alone_marks_the_vendor_declined(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.add_decline(pending("bitesio.com", "decline-1@example.com"))
    assert ledger.vendor("bitesio.com").declined


def test_decline_state_moves_to_sent(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.add_decline(pending("bitesio.com", "decline-1@example.com"))
        ledger.set_decline_state("bitesio.com", "sent")
    (decline,) = ledger.declines(state="sent")
    assert decline.sent_at is not None
    assert decline.raw.startswith(b"From: alan@example.com")
    assert ledger.declines(state="pending") == []
    assert ledger.declines_in_last_day(T1 + timedelta(hours=1)) == 1
    assert ledger.declines_in_last_day(T1 + timedelta(days=2)) == 0


def test_record_no_keeps_the_first_nos_date(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_no("bitesio.com", T0, "reply", "sent-1@example.com")
        ledger.record_no("bitesio.com", T1, "decline", "decline-1@example.com")
    state = ledger.vendor("bitesio.com")
    assert state.no_at == T0
    assert state.no_via == "reply"


def test_record_no_ends_the_correspondent_exemption(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_engagement("bitesio.com", T0)
    assert ledger.vendor("bitesio.com").correspondent
    with ledger.transaction():
        ledger.record_no("bitesio.com", T1, "reply")
    state = ledger.vendor("bitesio.com")
    assert not state.correspondent
    assert state.no_at == T1


def test_record_engagement_lifts_a_reply_no(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_no("bitesio.com", T0, "reply")
        ledger.record_engagement("bitesio.com", T1)
    state = ledger.vendor("bitesio.com")
    assert state.no_at is None
    assert state.no_via is None
    assert state.correspondent
    with ledger.transaction():
        ledger.record_no("bitesio.com", T2, "reply")
    assert ledger.vendor("bitesio.com").no_at == T2


def test_record_engagement_does_not_lift_a_block_no(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_no("bitesio.com", T0, "block")
        ledger.record_engagement("bitesio.com", T1)
    state = ledger.vendor("bitesio.com")
    assert state.no_at == T0
    assert state.no_via == "block"
    assert ledger.blocked_organisations() == {"bitesio.com"}


def test_an_unknown_vendor_has_an_empty_state(ledger: Ledger) -> None:
    state = ledger.vendor("nobody.example")
    assert state.outreach == 0
    assert state.no_at is None
    assert not state.correspondent
    assert not state.declined


# status


def test_status_lists_only_vendors_with_offences_unless_include_all(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.count_outreach("fleetwise.io", T0)
        ledger.count_outreach("bitesio.com", T0)
        ledger.record_no("bitesio.com", T0, "decline")
        ledger.record_offence("bitesio.com", "p3@bitesio.com", "dana@bitesio.com", "Bump", T1)
        ledger.record_offence("bitesio.com", "p4@bitesio.com", "sam@bitesio.com", "Bump", T2)
        ledger.record_no("quietco.com", T0, "reply")
        ledger.record_engagement("friendly.com", T0)
    (row,) = ledger.status()
    assert row.vendor == "bitesio.com"
    assert row.ignored_no
    assert row.after_no == 2
    assert row.no_at == T0
    assert row.no_via == "decline"
    assert row.last_offence_at == T2
    everyone = {s.vendor: s for s in ledger.status(include_all=True)}
    assert set(everyone) == {"bitesio.com", "fleetwise.io", "quietco.com"}
    assert not everyone["fleetwise.io"].ignored_no
    assert everyone["fleetwise.io"].no_at is None
    assert everyone["quietco.com"].after_no == 0


def test_status_json_has_the_contract_fields(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_no("bitesio.com", T0, "invite")
        ledger.record_offence("bitesio.com", None, None, "", T1)
    (row,) = ledger.status()
    data = row.as_json()
    assert data["vendor"] == "bitesio.com"
    assert data["ignored_no"] is True
    assert data["after_no"] == 1
    assert data["no_via"] == "invite"
    assert isinstance(data["no_at"], str)
    assert datetime.fromisoformat(data["no_at"]) == T0
