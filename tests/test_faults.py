"""Faults: each one ends in one clear line on stderr and a state the ledger and the mailbox
agree on, and the next clean pass finishes the work without doing anything twice.

Real servers and processes throughout: Dovecot (the shared one, or a private one to restart),
the aiosmtpd sink, `guard run --once` as a subprocess. The IMAP connection is cut by a
pass-through TCP relay between the guard and Dovecot (`CuttingRelay`); SMTP fails by a closed
port or the sink's `set_failure`; the full disk is a tiny tmpfs (root only: skipped otherwise)
filled before the pass, leaving too little room for the pass, or filled by the sink the moment
it takes a decline; the read-only ledger is a tmpfs remounted read-only (root, whom chmod does
not stop) or a chmod-ed folder; the SQLite lock is held by a second process.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import pytest
import testbed
from builders import build
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig, ledger_rows

from inboxguard.errors import LedgerError
from inboxguard.ledger import Ledger, MessageRecord
from inboxguard.lock import ledger_lock

pytestmark = pytest.mark.integration

INBOX = "INBOX"
DECLINED = "Guard/Declined"
IGNORED = "Guard/Ignored"
INVITES = "Guard/Invites"
FILING = (INBOX, DECLINED, IGNORED, INVITES)
ACTION_FOLDER = {"keep": INBOX, "decline": DECLINED, "file": IGNORED, "decline-invite": INVITES}
VENDOR = "bitesio.com"
BLOCKED = "pushy.example"


# --- mail ----------------------------------------------------------------------------------


def pitch(number: int) -> bytes:
    """Outreach from bitesio.com: the 1st is kept, the 2nd declined, later ones filed."""
    if number == 1:
        body = (
            "Hi Alan,\n\nI'm reaching out because kitchens like yours cut food waste by 30% "
            "with Bitesio.\nWorth a 15 minute call next week?\n\nBest,\nDana Seller\n"
            "Bitesio | bitesio.com\n"
        )
        sender, subject = "Dana Seller <dana@bitesio.com>", "Quick question"
    else:
        body = (
            "Hi Alan,\n\nJust following up on my previous email. Teams like yours cut food "
            "waste by 30% with Bitesio in their first quarter.\nWould 15 minutes on Thursday "
            "work?\n\nBest,\nSam Rivers\nBitesio | bitesio.com\n"
        )
        sender, subject = "Sam Rivers <sam@bitesio.com>", "Re: Quick question"
    return build(sender=sender, subject=subject, body=body, message_id=f"<fault-{number}@{VENDOR}>")


def pushy(number: int) -> bytes:
    """Mail from the block-listed vendor: filed to Guard/Ignored, never answered."""
    return build(
        sender=f"Pat Pushy <pat@{BLOCKED}>",
        subject=f"Quick question ({number})",
        body="Hi Alan,\n\nWorth a 15 minute call next week?\n\nPat\n",
        message_id=f"<fault-{number}@{BLOCKED}>",
    )


def colleague(number: int) -> bytes:
    return build(
        sender="Bob Lind <bob@example.com>",
        subject=f"Planning notes ({number})",
        body="Hi Alan,\n\nMy notes from the meeting are attached.\n\nBob\n",
        message_id=f"<fault-{number}@example.com>",
    )


def message_id_of(raw: bytes) -> str:
    return str(BytesHeaderParser().parsebytes(raw)["Message-ID"] or "").strip().strip("<>")


# --- the pass-through relay that cuts connections ---------------------------------------------


@dataclass(frozen=True)
class Cut:
    """Cut the connection when the guard sends a command matching `command` (a regex on the
    line without its tag): before passing it on, or (`forward`) once the server's answer to it
    has begun and `server_bytes` of it went through."""

    command: bytes
    forward: bool = False
    server_bytes: int = 0


@dataclass
class _Session:
    client: socket.socket
    server: socket.socket
    budget: int | None = None  # bytes of the server's answer still let through; None: all
    commands: list[bytes] = field(default_factory=list)


class CuttingRelay:
    """A loopback TCP relay in front of a Dovecot that can cut one connection mid-command."""

    def __init__(self, upstream: Dovecot) -> None:
        self.upstream = upstream
        self._listener = socket.create_server((testbed.HOST, 0))
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._cut: Cut | None = None
        self._cuts: list[bytes] = []
        self._sessions: list[_Session] = []
        self._stopping = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def arm(self, cut: Cut) -> None:
        """Cut the next connection that sends a matching command (once)."""
        with self._lock:
            self._cut = cut

    @property
    def cuts(self) -> list[bytes]:
        """The commands at which a connection was cut."""
        with self._lock:
            return list(self._cuts)

    @property
    def commands(self) -> list[bytes]:
        with self._lock:
            return [command for session in self._sessions for command in session.commands]

    def close(self) -> None:
        self._stopping.set()
        with self._lock:
            sessions = list(self._sessions)
        for session in sessions:
            self._drop(session)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection((self.upstream.host, self.upstream.port), 2)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            session = _Session(client, server)
            with self._lock:
                self._sessions.append(session)
            for target in (self._from_client, self._from_server):
                thread = threading.Thread(target=target, args=(session,), daemon=True)
                self._threads.append(thread)
                thread.start()

    @staticmethod
    def _drop(session: _Session) -> None:
        """Reset both sides at once, as a dead network or a crashed peer would."""
        for sock in (session.client, session.server):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _from_client(self, session: _Session) -> None:
        buffer = b""
        try:
            while True:
                data = session.client.recv(65536)
                if not data:
                    break
                buffer += data
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    if not self._client_line(session, line):
                        return
                    session.server.sendall(line + b"\r\n")
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                session.server.shutdown(socket.SHUT_WR)

    def _client_line(self, session: _Session, line: bytes) -> bool:
        """Whether to pass `line` on; a cut before it drops the session."""
        command = line.split(b" ", 1)[1] if b" " in line else line
        with self._lock:
            session.commands.append(command)
            cut = self._cut
            if cut is None or not re.search(cut.command, command):
                return True
            self._cut = None
            self._cuts.append(command)
            if cut.forward:
                session.budget = cut.server_bytes
                return True
        self._drop(session)
        return False

    def _from_server(self, session: _Session) -> None:
        try:
            while True:
                data = session.server.recv(65536)
                if not data:
                    break
                with self._lock:
                    budget = session.budget
                    if budget is not None:
                        data = data[:budget]
                        session.budget = budget - len(data)
                if data:
                    session.client.sendall(data)
                if budget is not None and budget - len(data) <= 0:
                    self._drop(session)
                    return
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                session.client.shutdown(socket.SHUT_WR)


@pytest.fixture
def relay(dovecot: Dovecot) -> Iterator[CuttingRelay]:
    opened = CuttingRelay(dovecot)
    try:
        yield opened
    finally:
        opened.close()


# --- what the mailbox, the ledger and the sink hold -------------------------------------------


def census(dovecot: Dovecot, user: MailUser) -> dict[str, list[str]]:
    """Message-ID -> the folders holding it; asserts that nothing is flagged \\Deleted."""
    parser = BytesHeaderParser()
    places: dict[str, list[str]] = {}
    with dovecot.session(user) as client:
        for flags, _delimiter, name in client.list_folders():
            if b"\\Noselect" in flags or b"\\NonExistent" in flags:
                continue
            folder = name if isinstance(name, str) else name.decode()
            client.select_folder(folder, readonly=True)
            uids = sorted(client.search(["ALL"]))
            if not uids:
                continue
            data = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]", "FLAGS"])
            for uid in uids:
                item = data[uid]
                assert b"\\Deleted" not in item[b"FLAGS"], f"UID {uid} in {folder} is \\Deleted"
                header = next(v for k, v in item.items() if k.startswith(b"BODY[HEADER"))
                message_id = str(parser.parsebytes(header)["Message-ID"] or "")
                places.setdefault(message_id.strip().strip("<>"), []).append(folder)
    return places


def check_consistent(
    dovecot: Dovecot,
    user: MailUser,
    ledger: Path,
    sink: SmtpSink,
    delivered: list[bytes],
    *,
    settled: bool,
) -> dict[str, list[str]]:
    """Every delivered message in exactly one folder, nothing out of INBOX or sent that the
    ledger does not know of; `settled` (after a clean pass): every message decided once and
    where its decision says. Returns Message-ID -> folders."""
    places = census(dovecot, user)
    ids = [message_id_of(raw) for raw in delivered]
    for message_id in ids:
        assert len(places.get(message_id, [])) == 1, f"{message_id}: {places.get(message_id)}"
        assert places[message_id][0] in FILING, f"{message_id}: {places[message_id]}"
    recorded: dict[str, list[str]] = {}
    for row in ledger_rows(
        ledger, "SELECT message_id, action FROM messages WHERE folder = ?", INBOX
    ):
        recorded.setdefault(row["message_id"], []).append(row["action"])
    for message_id in ids:
        [folder] = places[message_id]
        actions = recorded.get(message_id, [])
        if folder != INBOX:
            assert [ACTION_FOLDER.get(a) for a in actions] == [folder], (
                f"{message_id} is in {folder}; the ledger says {actions}"
            )
        if settled:
            assert len(actions) == 1, f"{message_id}: decided {actions}"
            assert ACTION_FOLDER.get(actions[0]) == folder, f"{message_id} {actions} {folder}"
    declines = {
        row["message_id"].strip("<>"): row for row in ledger_rows(ledger, "SELECT * FROM declines")
    }
    for mail in sink.received:
        message_id = message_id_of(mail.data)
        assert message_id in declines, f"the sink got {message_id}; the ledger does not know it"
        assert declines[message_id]["state"] != "unsent", declines[message_id]
    organisations = [mail.rcpt_tos[0].rpartition("@")[2] for mail in sink.received]
    assert len(organisations) == len(set(organisations)), f"declined twice: {organisations}"
    return places


def one_line(completed: subprocess.CompletedProcess[str]) -> str:
    """The only line on stderr (no traceback, nothing else)."""
    assert "Traceback" not in completed.stderr, completed.stderr
    lines = [line for line in completed.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got:\n{completed.stderr}"
    return lines[0]


def passes(run_guard: RunGuard, config: Path) -> subprocess.CompletedProcess[str]:
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


def deliver(dovecot: Dovecot, user: MailUser, *messages: bytes) -> list[bytes]:
    for raw in messages:
        dovecot.append(user, INBOX, raw)
    return list(messages)


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite3"


# --- 1. the IMAP connection cut mid-command ---------------------------------------------------


@pytest.mark.parametrize(
    "cut",
    [
        Cut(rb"^UID FETCH "),
        Cut(rb"^UID FETCH ", forward=True, server_bytes=300),
        Cut(rb"^UID MOVE "),
        Cut(rb"^UID MOVE ", forward=True, server_bytes=0),
        Cut(rb"^APPEND "),
    ],
    ids=["fetch-unsent", "fetch-mid-answer", "move-unsent", "move-done-unanswered", "append"],
)
def test_a_connection_cut_mid_command_fails_in_one_line_and_the_next_pass_files_everything(
    cut: Cut,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    relay: CuttingRelay,
    ledger_path: Path,
) -> None:
    config = write_config(
        mail_user,
        smtp=smtp_sink,
        server=dovecot,
        imap={"port": relay.port},
        lists={"block": [BLOCKED]},
    )
    passes(run_guard, config)  # the empty mailbox
    mail = deliver(dovecot, mail_user, pitch(1), pushy(1), colleague(1), pitch(2), pushy(2))
    relay.arm(cut)
    failed = run_guard(config, "run", "--once")
    assert relay.cuts, f"the relay never saw {cut.command!r}: {relay.commands}"
    assert failed.returncode == 1, failed
    line = one_line(failed)
    assert line.startswith(f"guard: IMAP server {relay.upstream.host}:{relay.port}: "), line
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=False)
    if b"MOVE" in cut.command:
        # Sending comes before filing: the decline went out, then the first MOVE (the block-
        # listed mail to Ignored) was cut before Dovecot saw it, or after Dovecot did it.
        assert len(smtp_sink.received) == 1
        moved = [IGNORED] if cut.forward else [INBOX]
        assert places[f"fault-1@{BLOCKED}"] == places[f"fault-2@{BLOCKED}"] == moved, places
    elif b"APPEND" in cut.command:
        # The decline's copy to Sent: the decline went out and the ledger says so.
        assert len(smtp_sink.received) == 1
        assert [r["state"] for r in ledger_rows(ledger_path, "SELECT state FROM declines")] == [
            "sent"
        ]
    else:
        assert smtp_sink.received == []  # the FETCH comes before any decision
        assert all(folders == [INBOX] for folders in places.values()), places

    passes(run_guard, config)
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=True)
    assert places[f"fault-1@{VENDOR}"] == [INBOX]
    assert places[f"fault-2@{VENDOR}"] == [DECLINED]
    assert places[f"fault-1@{BLOCKED}"] == places[f"fault-2@{BLOCKED}"] == [IGNORED]
    assert places["fault-1@example.com"] == [INBOX]
    [decline] = smtp_sink.wait_for(1)
    assert decline.rcpt_tos == ("sam@bitesio.com",)
    passes(run_guard, config)
    assert len(smtp_sink.received) == 1  # the pass after that sends nothing again
    copies = [m for m, folders in census(dovecot, mail_user).items() if folders == ["Sent"]]
    assert copies == [message_id_of(decline.data)], f"Sent holds {copies}"


# --- 2. Dovecot restarted between two passes -----------------------------------------------------


def test_a_pass_after_dovecot_restarted_works(
    make_dovecot: Callable[..., Dovecot],
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    server = make_dovecot()
    user = server.add_user()
    config = write_config(user, smtp=smtp_sink, server=server, lists={"block": [BLOCKED]})
    passes(run_guard, config)
    mail = deliver(server, user, pitch(1), pushy(1))
    passes(run_guard, config)
    server.restart()
    mail += deliver(server, user, pitch(2), pushy(2), colleague(1))
    passes(run_guard, config)
    places = check_consistent(server, user, ledger_path, smtp_sink, mail, settled=True)
    assert places[f"fault-2@{VENDOR}"] == [DECLINED]
    assert places[f"fault-1@{BLOCKED}"] == places[f"fault-2@{BLOCKED}"] == [IGNORED]
    assert [m.rcpt_tos for m in smtp_sink.wait_for(1)] == [("sam@bitesio.com",)]
    [progress] = ledger_rows(ledger_path, "SELECT last_uid FROM folders WHERE name = ?", INBOX)
    assert progress["last_uid"] == 5  # read on, not again as history


# --- 3. SMTP unreachable or refusing ----------------------------------------------------------


@pytest.mark.parametrize("failure", ["closed-port", "451", "554"])
def test_a_decline_that_could_not_be_sent_is_sent_once_when_smtp_recovers(
    failure: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, lists={"block": [BLOCKED]})
    good = config.read_text()
    if failure == "closed-port":
        closed = testbed.free_port()  # bound a moment ago, nothing listens there
        config.write_text(good.replace(f"port = {smtp_sink.port}\n", f"port = {closed}\n"))
        server = f"SMTP server {smtp_sink.host}:{closed}"
    else:
        reply = {"451": "451 4.3.0 try later", "554": "554 5.7.1 rejected as spam"}[failure]
        smtp_sink.set_failure(reply)
        server = f"SMTP server {smtp_sink.host}:{smtp_sink.port}"
    passes(run_guard, config)
    mail = deliver(dovecot, mail_user, pitch(1), pushy(1), pitch(2))

    failed = run_guard(config, "run", "--once")
    assert failed.returncode == 1, failed
    line = one_line(failed)
    assert f"{VENDOR} | decline | not sent ({server}: " in line, line
    if failure != "closed-port":
        assert failure in line, line
    [decline] = ledger_rows(ledger_path, "SELECT state, error, in_reply_to FROM declines")
    assert decline["state"] == "unsent", decline
    assert decline["in_reply_to"].strip("<>") == f"fault-2@{VENDOR}"
    assert smtp_sink.received == []
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=True)
    # The declined message is in Guard/Declined already: the decision to decline is made and
    # recorded, its decline waits in the outbox (retried by every pass until the server takes
    # it), and the message is handled once, never judged again.
    assert places[f"fault-2@{VENDOR}"] == [DECLINED]
    assert places[f"fault-1@{VENDOR}"] == [INBOX]
    assert places[f"fault-1@{BLOCKED}"] == [IGNORED]
    assert ledger_rows(ledger_path, "SELECT no_at FROM vendors WHERE organisation = ?", VENDOR) == [
        {"no_at": None}  # no decline went out: the vendor has not been told no yet
    ]

    # Still failing: the retry fails the same way; a 3rd message is filed, no 2nd decline.
    mail += deliver(dovecot, mail_user, pitch(3))
    again = run_guard(config, "run", "--once")
    assert again.returncode == 1, again
    assert "not sent" in one_line(again)
    assert smtp_sink.received == []
    assert len(ledger_rows(ledger_path, "SELECT * FROM declines")) == 1

    config.write_text(good)
    smtp_sink.set_failure(None)
    passes(run_guard, config)
    [sent] = smtp_sink.wait_for(1)
    assert sent.rcpt_tos == ("sam@bitesio.com",)
    assert f"In-Reply-To: <fault-2@{VENDOR}>".encode() in sent.data
    [decline] = ledger_rows(ledger_path, "SELECT state, sent_at FROM declines")
    assert decline["state"] == "sent" and decline["sent_at"] is not None, decline
    passes(run_guard, config)
    assert len(smtp_sink.received) == 1  # sent once, never again
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=True)
    assert places[f"fault-3@{VENDOR}"] == [IGNORED]
    assert len([p for p in places.values() if p == ["Sent"]]) == 1  # its copy in Sent


# --- 4. a full disk or a read-only ledger -------------------------------------------------------


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` (root only: skipped for anyone else)."""
    if os.geteuid() != 0:
        pytest.skip("a tiny file system needs root (mount -t tmpfs)")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


class Filler:
    """Fills a file system to the last page, and frees it again."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "filler"

    def fill(self, room: int = 0) -> None:
        """Write until the disk is full, then free `room` bytes again."""
        with self.path.open("ab", buffering=0) as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 4096)
        os.truncate(self.path, max(0, self.path.stat().st_size - room))

    def free(self) -> None:
        self.path.unlink(missing_ok=True)


def append_all(dovecot: Dovecot, user: MailUser, messages: list[bytes]) -> list[bytes]:
    """APPEND many messages to INBOX in one session."""
    with dovecot.session(user) as client:
        for raw in messages:
            client.append(INBOX, raw)
    return messages


@pytest.mark.parametrize("when", ["before-the-pass", "mid-pass", "while-sending"])
def test_a_full_disk_fails_in_one_line_naming_the_ledger_and_the_ledger_knows_all(
    when: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        ledger = disk / "ledger.sqlite3"
        config = write_config(
            mail_user, smtp=smtp_sink, lists={"block": [BLOCKED]}, storage={"path": ledger}
        )
        passes(run_guard, config)
        mail = deliver(dovecot, mail_user, pitch(1), pushy(1), colleague(1), pitch(2))
        filler = Filler(disk)
        if when == "before-the-pass":
            filler.fill()  # not even SQLite's shared-memory file fits: the ledger cannot open
        elif when == "mid-pass":
            # Room to open the ledger (its 32 KiB -shm) and read, not to record 60 decisions.
            mail += append_all(dovecot, mail_user, [colleague(n) for n in range(2, 60)])
            filler.fill(room=48 * 1024)
        else:
            # The disk fills up the moment the SMTP server accepts the decline: the ledger
            # cannot record it as sent.
            deliver_ = smtp_sink._deliver

            def accept_and_fill(*args: Any) -> str:
                reply = deliver_(*args)
                filler.fill()
                return reply

            smtp_sink._deliver = accept_and_fill  # type: ignore[method-assign]
        failed = run_guard(config, "run", "--once")
        filler.free()  # (SQLite cannot even read a WAL ledger on a full disk)
        assert failed.returncode == 1, failed
        line = one_line(failed)
        assert line.startswith(f"guard: ledger {ledger}: "), line
        places = check_consistent(dovecot, mail_user, ledger, smtp_sink, mail, settled=False)
        # Decisions are recorded before anything is done, and nothing is filed before they
        # are committed; a decline the server took is in the ledger, still 'pending'.
        assert all(folders == [INBOX] for folders in places.values()), places
        declines = ledger_rows(ledger, "SELECT state FROM declines")
        decided = ledger_rows(ledger, "SELECT message_id, action FROM messages WHERE uid > 0")
        if when == "while-sending":
            assert len(smtp_sink.received) == 1
            assert declines == [{"state": "pending"}]
            assert {"message_id": f"fault-2@{VENDOR}", "action": "decline"} in decided
        else:
            assert smtp_sink.received == []
            assert declines == []
            assert decided == []  # the batch's decisions rolled back together

        passes(run_guard, config)
        places = check_consistent(dovecot, mail_user, ledger, smtp_sink, mail, settled=True)
        assert places[f"fault-2@{VENDOR}"] == [DECLINED]
        assert places[f"fault-1@{BLOCKED}"] == [IGNORED]
        passes(run_guard, config)
        assert len(smtp_sink.received) == 1  # the pending decline is never sent again


def record_until_full(ledger: Ledger) -> None:
    """Record history rows in one transaction until SQLite (or the disk) gives up."""
    with ledger.transaction():
        for uid in range(1, 100_000):
            ledger.record_message(
                MessageRecord(
                    folder=INBOX,
                    uidvalidity=1,
                    uid=uid,
                    message_id=f"big-{uid}@example.net",
                    sender="someone@example.net",
                    organisation="example.net",
                    verdict="other",
                    action="keep",
                    reasons=("history: learned from, not acted on" * 5,),
                    arrived_at=datetime.now(UTC),
                )
            )


def test_a_disk_filling_up_inside_a_big_transaction_is_one_ledger_error(tmp_path: Path) -> None:
    """A transaction larger than SQLite's page cache (2 MB) writes before its COMMIT, so the
    disk can fill up in the middle of it: that must still be one LedgerError naming the ledger.
    (A pass's own transactions are smaller than that today; a bigger batch would get here.)"""
    with tmpfs(tmp_path / "disk", "1m") as disk:
        path = disk / "ledger.sqlite3"
        ledger = Ledger.open(path)
        try:
            with pytest.raises(LedgerError, match=f"^ledger {re.escape(str(path))}: "):
                record_until_full(ledger)
        finally:
            ledger.close()


@contextlib.contextmanager
def ledger_folder(tmp_path: Path) -> Iterator[tuple[Path, Callable[[bool], None]]]:
    """A folder for the ledger and a switch that makes it read-only (True) or writable again:
    as root (whom chmod does not stop) a tmpfs remounted read-only, else chmod a-w."""
    if os.geteuid() == 0:
        with tmpfs(tmp_path / "ro", "1m") as folder:

            def remount(read_only: bool) -> None:
                option = "remount,ro" if read_only else "remount,rw"
                subprocess.run(["mount", "-o", option, str(folder)], check=True)

            try:
                yield folder, remount
            finally:
                remount(False)
        return
    folder = tmp_path / "ro"
    folder.mkdir()

    def chmod(read_only: bool) -> None:
        folder.chmod(0o700)
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink():
                path.chmod(0o400 if read_only else 0o600)
        folder.chmod(0o500 if read_only else 0o700)

    try:
        yield folder, chmod
    finally:
        chmod(False)


@pytest.mark.parametrize("lock", ["beside", "elsewhere"])
def test_a_read_only_ledger_fails_in_one_line_naming_it_and_nothing_is_done(
    lock: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    with ledger_folder(tmp_path) as (folder, read_only):
        ledger = folder / "ledger.sqlite3"
        if lock == "elsewhere":  # the lock file writable elsewhere: the ledger alone is stuck
            (folder / "ledger.sqlite3.lock").symlink_to(tmp_path / "ledger.lock")
        config = write_config(
            mail_user, smtp=smtp_sink, lists={"block": [BLOCKED]}, storage={"path": ledger}
        )
        passes(run_guard, config)
        mail = deliver(dovecot, mail_user, pitch(1), pushy(1), colleague(1), pitch(2))
        read_only(True)
        failed = run_guard(config, "run", "--once")
        assert failed.returncode == 1, failed
        line = one_line(failed)
        assert line.startswith(f"guard: {'lock' if lock == 'beside' else 'ledger'} {ledger}"), line
        read_only(False)  # (SQLite cannot even read a WAL ledger in a read-only folder)
        places = check_consistent(dovecot, mail_user, ledger, smtp_sink, mail, settled=False)
        assert all(folders == [INBOX] for folders in places.values()), places
        assert smtp_sink.received == []

        passes(run_guard, config)
        places = check_consistent(dovecot, mail_user, ledger, smtp_sink, mail, settled=True)
        assert places[f"fault-2@{VENDOR}"] == [DECLINED]
        assert len(smtp_sink.wait_for(1)) == 1


# --- 5. a ledger locked by another process ------------------------------------------------------

HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""


@contextlib.contextmanager
def sqlite_lock_held(ledger: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding BEGIN EXCLUSIVE on the ledger until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ledger)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield holder
    finally:
        with contextlib.suppress(OSError):
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.flush()
        holder.wait(timeout=10)


def test_a_ledger_locked_by_another_process_fails_cleanly_after_the_busy_timeout(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, lists={"block": [BLOCKED]})
    passes(run_guard, config)
    mail = deliver(dovecot, mail_user, pitch(1), pushy(1), colleague(1), pitch(2))
    with sqlite_lock_held(ledger_path):
        started = time.monotonic()
        failed = run_guard(config, "run", "--once")
        waited = time.monotonic() - started
    assert failed.returncode == 1, failed
    line = one_line(failed)
    assert line == f"guard: ledger {ledger_path}: database is locked", line
    assert waited >= 9.0, f"gave up after {waited:.1f} s, before the 10 s busy timeout"
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=False)
    assert all(folders == [INBOX] for folders in places.values()), places
    assert smtp_sink.received == []

    passes(run_guard, config)
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=True)
    assert places[f"fault-2@{VENDOR}"] == [DECLINED]
    assert len(smtp_sink.wait_for(1)) == 1


def test_the_guards_lock_held_exits_3_and_touches_nothing(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    ledger_path: Path,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink, lists={"block": [BLOCKED]})
    passes(run_guard, config)
    before = ledger_rows(ledger_path, "SELECT * FROM folders")
    mail = deliver(dovecot, mail_user, pitch(1), pushy(1), pitch(2))
    with ledger_lock(ledger_path):
        locked = run_guard(config, "run", "--once")
    assert locked.returncode == 3, locked
    assert one_line(locked) == f"guard: another guard is running on {ledger_path}"
    assert ledger_rows(ledger_path, "SELECT * FROM folders") == before
    assert ledger_rows(ledger_path, "SELECT * FROM messages WHERE folder = 'INBOX'") == []
    places = check_consistent(dovecot, mail_user, ledger_path, smtp_sink, mail, settled=False)
    assert all(folders == [INBOX] for folders in places.values()), places
    assert smtp_sink.received == []
    passes(run_guard, config)  # the lock released: the next pass does the work
    assert len(smtp_sink.wait_for(1)) == 1
