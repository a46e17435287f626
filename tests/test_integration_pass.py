"""One pass end to end through the CLI (`guard run --once`) against Dovecot and the SMTP sink."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
import testbed
from builders import build
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig, message_ids

from inboxguard.ledger import Ledger

pytestmark = pytest.mark.integration

PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)
FOLLOW_UP = (
    "Hi Alan,\n\n"
    "Just following up on my previous email. Teams like yours cut food waste by 30% with "
    "Bitesio in their first quarter.\nWould 15 minutes on Thursday work?\n\n"
    "Best,\nSam Rivers\nBitesio | bitesio.com\n"
)
GUARD_FOLDERS = ("Guard/Declined", "Guard/Ignored", "Guard/Invites")


def pitch(number: int, *, follow_up: bool = False) -> bytes:
    """An outreach message from bitesio.com to alan@example.com (the write_config user)."""
    if follow_up:
        return build(
            sender="Sam Rivers <sam@bitesio.com",
            subject="Re: Quick question",
            body=FOLLOW_UP,
            message_id=f"<pitch-{number}@bitesio.com>",
        )
    return build(body=PITCH, message_id=f"<pitch-{number}@bitesio.com>")


def folder_exists(dovecot: Dovecot, user: MailUser, folder: str) -> bool:
    with dovecot.session(user) as client:
        return bool(client.folder_exists(folder))


def passes(run_guard: RunGuard, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`run --once` (or `args`), which must exit 0 and print no traceback."""
    completed = run_guard(config, *(args or ("run", "--once")))
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr
    return completed


def rows(ledger_path: Path, sql: str, *parameters: object) -> list[dict[str, Any]]:
    """Rows of a read-only query on the guard's ledger."""
    with closing(sqlite3.connect(f"file:{ledger_path}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql, parameters)]


def status(run_guard: RunGuard, config: Path, *args: str) -> dict[str, dict[str, Any]]:
    completed = passes(run_guard, config, "status", "--json", *args)
    return {entry["vendor"]: entry for entry in json.loads(completed.stdout)}


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """Where write_config puts the ledger."""
    return tmp_path / "ledger.sqlite3"


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_path)
    try:
        yield opened
    finally:
        opened.close()


# --- history and incremental reading -----------------------------------------------------------


def test_first_pass_on_a_non_empty_mailbox_is_history(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    for number in (1, 2, 3):
        dovecot.append(mail_user, "INBOX", pitch(number, follow_up=number > 1))
    config = write_config(mail_user, smtp=smtp_sink)
    passes(run_guard, config)
    assert message_ids(dovecot, mail_user, "INBOX") == [f"pitch-{n}@bitesio.com" for n in (1, 2, 3)]
    for folder in GUARD_FOLDERS:
        assert message_ids(dovecot, mail_user, folder) == []
    assert smtp_sink.received == []
    recorded = rows(ledger_path, "SELECT uid, action, reasons FROM messages ORDER BY uid")
    assert [row["uid"] for row in recorded] == [1, 2, 3]
    assert all(row["action"] == "keep" for row in recorded)
    assert all("history" in json.loads(row["reasons"])[0] for row in recorded)
    assert rows(ledger_path, "SELECT * FROM declines") == []


def test_a_second_pass_reads_only_new_mail(
    dovecot: Dovecot,
    mail_user: MailUser,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user)
    dovecot.append(mail_user, "INBOX", pitch(1))
    dovecot.append(
        mail_user,
        "INBOX",
        build(sender="Kim <kim@friends.example>", message_id="<kim-1@friends.example>"),
    )
    passes(run_guard, config)
    first = rows(ledger_path, "SELECT uid FROM messages WHERE folder = 'INBOX' ORDER BY uid")
    assert [row["uid"] for row in first] == [1, 2]
    # Forget the history rows: a pass that read them again would record them again.
    with closing(sqlite3.connect(ledger_path)) as db, db:
        db.execute("DELETE FROM messages")
    new_uid = dovecot.append(mail_user, "INBOX", pitch(3, follow_up=True))
    passes(run_guard, config)
    second = rows(ledger_path, "SELECT uid, message_id, reasons FROM messages")
    assert [(row["uid"], row["message_id"]) for row in second] == [(new_uid, "pitch-3@bitesio.com")]
    assert "history" not in second[0]["reasons"]
    [progress] = rows(ledger_path, "SELECT last_uid FROM folders WHERE name = 'INBOX'")
    assert progress["last_uid"] == new_uid
    passes(run_guard, config)  # nothing new: the forgotten rows stay forgotten
    assert rows(ledger_path, "SELECT COUNT(*) AS n FROM messages")[0]["n"] == 1


def _doveadm() -> str:
    search = os.pathsep.join(["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"])
    found = shutil.which("doveadm", path=os.pathsep.join([os.environ.get("PATH", ""), search]))
    if found is None:
        testbed.unavailable("doveadm is not installed (it comes with dovecot-core)")
    return found


def _set_uidvalidity(dovecot: Dovecot, user: MailUser, folder: str, uidvalidity: int) -> None:
    """Give `folder` a new UIDVALIDITY, as a server does when it rebuilds a folder's index."""
    config = str(dovecot.root / "dovecot.conf")
    update = ["mailbox", "update", "-u", user.username, "--uid-validity", str(uidvalidity)]
    subprocess.run(
        [_doveadm(), "-c", config, *update, folder],
        check=True,
        capture_output=True,
        timeout=30,
    )


def test_a_uidvalidity_change_reads_the_folder_again_as_history(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, policy={"decline_after": 3})
    dovecot.append(mail_user, "INBOX", pitch(1))
    dovecot.append(mail_user, "INBOX", pitch(2, follow_up=True))
    passes(run_guard, config)
    [before] = rows(ledger_path, "SELECT uidvalidity FROM folders WHERE name = 'INBOX'")
    assert rows(ledger_path, "SELECT outreach FROM vendors") == [{"outreach": 2}]

    _set_uidvalidity(dovecot, mail_user, "INBOX", before["uidvalidity"] + 1000)
    with dovecot.session(mail_user) as client:
        now = client.folder_status("INBOX", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    assert now == before["uidvalidity"] + 1000
    passes(run_guard, config)

    [after] = rows(ledger_path, "SELECT uidvalidity, last_uid FROM folders WHERE name = 'INBOX'")
    assert after == {"uidvalidity": now, "last_uid": 2}
    reread = rows(ledger_path, "SELECT action, reasons FROM messages WHERE uidvalidity = ?", now)
    assert all(row["action"] == "keep" and "history" in row["reasons"] for row in reread)
    assert smtp_sink.received == []
    assert message_ids(dovecot, mail_user, "INBOX") == [
        "pitch-1@bitesio.com",
        "pitch-2@bitesio.com",
    ]
    # The same two messages, read twice, are still two outreach messages ...
    assert rows(ledger_path, "SELECT outreach FROM vendors") == [{"outreach": 2}]
    # ... and the next one is news again: the 3rd, so declined.
    dovecot.append(mail_user, "INBOX", pitch(3))
    passes(run_guard, config)
    assert [mail.rcpt_tos for mail in smtp_sink.wait_for(1)] == [("dana@bitesio.com",)]
    assert rows(ledger_path, "SELECT outreach FROM vendors") == [{"outreach": 3}]
    assert message_ids(dovecot, mail_user, "Guard/Declined") == ["pitch-3@bitesio.com"]


# --- acting --------------------------------------------------------------------------------------


def test_a_block_listed_vendor_is_filed_and_counted(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, lists={"block": ["bitesio.com"]})
    passes(run_guard, config)  # the empty mailbox; the block entry is dated now
    dovecot.append(mail_user, "INBOX", pitch(1))
    dovecot.append(
        mail_user,
        "INBOX",
        build(sender="Kim <kim@friends.example>", message_id="<kim-1@friends.example>"),
    )
    passes(run_guard, config)
    assert message_ids(dovecot, mail_user, "Guard/Ignored") == ["pitch-1@bitesio.com"]
    assert message_ids(dovecot, mail_user, "INBOX") == ["kim-1@friends.example"]
    assert message_ids(dovecot, mail_user, "Guard/Declined") == []
    assert smtp_sink.received == []
    entry = status(run_guard, config)["bitesio.com"]
    assert entry["no_via"] == "block"
    assert entry["after_no"] == 1
    assert entry["ignored_no"] is True
    assert entry["no_at"] is not None


def test_a_decline_round_trip(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger: Ledger,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink)
    passes(run_guard, config)
    dovecot.append(mail_user, "INBOX", pitch(1))
    passes(run_guard, config)
    assert smtp_sink.received == []
    dovecot.append(mail_user, "INBOX", pitch(2, follow_up=True))
    passes(run_guard, config)

    [mail] = smtp_sink.wait_for(1)
    decline = BytesParser(policy=policy.default).parsebytes(mail.data)
    assert mail.rcpt_tos == ("sam@bitesio.com",)
    assert mail.mail_from == "alan@example.com"
    assert str(decline["In-Reply-To"]).strip() == "<pitch-2@bitesio.com>"
    assert str(decline["References"]).split()[-1] == "<pitch-2@bitesio.com>"
    assert str(decline["Subject"]).startswith("Re:")
    assert message_ids(dovecot, mail_user, "Guard/Declined") == ["pitch-2@bitesio.com"]
    assert message_ids(dovecot, mail_user, "INBOX") == ["pitch-1@bitesio.com"]
    assert message_ids(dovecot, mail_user, "Sent") == [
        str(decline["Message-ID"]).strip().strip("<>")
    ]

    # The next pass reads the decline's copy in Sent: it is the guard's, not the user's word.
    passes(run_guard, config)
    vendor = ledger.vendor("bitesio.com")
    assert vendor.correspondent_since is None
    assert vendor.no_via == "decline"
    sent = ledger.progress("Sent")
    assert sent is not None and sent.last_uid == 1

    dovecot.append(mail_user, "INBOX", pitch(3))
    passes(run_guard, config)
    assert message_ids(dovecot, mail_user, "Guard/Ignored") == ["pitch-3@bitesio.com"]
    assert len(smtp_sink.received) == 1
    assert status(run_guard, config)["bitesio.com"]["after_no"] == 1


def test_observe_mode_records_but_sends_and_moves_nothing(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, policy={"mode": "observe"})
    passes(run_guard, config)
    dovecot.append(mail_user, "INBOX", pitch(1))
    dovecot.append(mail_user, "INBOX", pitch(2, follow_up=True))
    passes(run_guard, config)
    assert message_ids(dovecot, mail_user, "INBOX") == [
        "pitch-1@bitesio.com",
        "pitch-2@bitesio.com",
    ]
    assert message_ids(dovecot, mail_user, "Sent") == []
    for folder in GUARD_FOLDERS:
        assert not folder_exists(dovecot, mail_user, folder)
    assert smtp_sink.received == []
    recorded = rows(ledger_path, "SELECT message_id, action FROM messages ORDER BY uid")
    assert recorded == [
        {"message_id": "pitch-1@bitesio.com", "action": "would keep"},
        {"message_id": "pitch-2@bitesio.com", "action": "would decline"},
    ]
    assert rows(ledger_path, "SELECT * FROM declines") == []


def test_a_refused_decline_is_sent_once_on_a_later_pass(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger: Ledger,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink)
    passes(run_guard, config)
    dovecot.append(mail_user, "INBOX", pitch(1))
    dovecot.append(mail_user, "INBOX", pitch(2, follow_up=True))
    smtp_sink.set_failure("451 4.3.0 try later")
    refused = run_guard(config, "run", "--once")
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert smtp_sink.received == []
    assert [d.state for d in ledger.declines()] == ["unsent"]
    smtp_sink.set_failure(None)
    passes(run_guard, config)
    passes(run_guard, config)
    [mail] = smtp_sink.wait_for(1)
    assert b"In-Reply-To: <pitch-2@bitesio.com>" in mail.data
    assert [d.state for d in ledger.declines()] == ["sent"]
    assert message_ids(dovecot, mail_user, "Guard/Declined") == ["pitch-2@bitesio.com"]
    assert len(message_ids(dovecot, mail_user, "Sent")) == 1


def test_filing_without_move_leaves_the_users_deleted_mail_alone(
    dovecot_no_move: Dovecot,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    user = dovecot_no_move.add_user()
    config = write_config(
        user, server=dovecot_no_move, smtp=smtp_sink, lists={"block": ["bitesio.com"]}
    )
    doomed = build(sender="Kim <kim@friends.example>", message_id="<doomed@friends.example>")
    doomed_uid = dovecot_no_move.append(user, "INBOX", doomed)
    with dovecot_no_move.session(user) as client:
        client.select_folder("INBOX")
        client.add_flags([doomed_uid], [b"\\Deleted"])
    passes(run_guard, config)  # history: nothing moves
    dovecot_no_move.append(user, "INBOX", pitch(1))
    dovecot_no_move.append(user, "INBOX", pitch(2, follow_up=True))
    passes(run_guard, config)
    assert message_ids(dovecot_no_move, user, "Guard/Ignored") == [
        "pitch-1@bitesio.com",
        "pitch-2@bitesio.com",
    ]
    assert dovecot_no_move.messages(user, "INBOX") == [doomed]
    assert dovecot_no_move.deleted_count(user, "INBOX") == 1
    assert smtp_sink.received == []


def test_old_mail_beyond_the_message_cap_is_still_history(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    for number in (1, 2, 3):
        dovecot.append(mail_user, "INBOX", pitch(number, follow_up=number > 1))
    config = write_config(mail_user, smtp=smtp_sink, policy={"max_messages_per_pass": 1})
    for _ in range(3):
        passes(run_guard, config)
    recorded = rows(ledger_path, "SELECT uid, action FROM messages WHERE folder = 'INBOX'")
    assert len(recorded) == 3
    assert smtp_sink.received == []
    assert message_ids(dovecot, mail_user, "INBOX") == [f"pitch-{n}@bitesio.com" for n in (1, 2, 3)]
    assert all(row["action"] == "keep" for row in recorded)
