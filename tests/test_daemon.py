"""The daemon (`guard run`) as a real process against real Dovecot servers: IDLE, the schedule,
reconnecting, stop signals, the lock, config reloads, the cost of idling and the log file.

Most daemons here reach Dovecot through an ImapTap, a transparent loopback relay that shows
when the daemon is really in IDLE (so a test never appends while a pass is running by
accident), counts its connection attempts, and can hold one command to provoke a race.

Measurements (IDLE latency, restart recovery) are printed (`pytest -s`) and written as JSON to
`daemon-measurements.json` in the test's tmp_path; with INBOXGUARD_MEASUREMENTS=PATH they are
also merged into that file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import sqlite3
import stat
import statistics
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import pytest
import testbed
from builders import build
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig, guard_env, message_ids

pytestmark = pytest.mark.integration

BLOCKED = "pushy.example"
"""The block-listed vendor of every test here: its mail is filed into IGNORED."""

IGNORED = "Guard/Ignored"
IDLE_LATENCY_LIMIT = 2.0
STOP_LIMIT = 5.0
START_TIMEOUT = 20.0
"""Generous: a loaded CI machine may take a few seconds to import and connect."""

T = TypeVar("T")

# --- the daemon as a process ---------------------------------------------------------------


class Guard:
    """A running `guard --config CONFIG -v run`; its stderr goes to a file read as it runs."""

    def __init__(
        self,
        config: Path,
        ledger: Path,
        tmp_path: Path,
        password: str,
        name: str,
        tap: ImapTap | None = None,
    ) -> None:
        self.config = config
        self.ledger = ledger
        self.tap = tap
        self.stderr_path = tmp_path / f"{name}.stderr"
        self._output = self.stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "inboxguard", "--config", str(config), "-v", "run"],
            env=guard_env(tmp_path, password),
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=self._output,
            stderr=self._output,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def lines(self, pattern: str) -> list[str]:
        """The stderr lines that match the regular expression `pattern`."""
        return [line for line in self.stderr().splitlines() if re.search(pattern, line)]

    def check_alive(self) -> None:
        """Fail the test, with the daemon's stderr, once it has exited."""
        if not self.alive():
            raise AssertionError(
                f"the daemon exited with {self.process.returncode}:\n{self.stderr()}"
            )

    def wait_for_line(self, pattern: str, timeout: float = 10.0) -> str:
        """The first stderr line matching `pattern`, once there; fails at once if it exits."""

        def found() -> str | None:
            lines = self.lines(pattern)
            if lines:
                return lines[0]
            self.check_alive()
            return None

        return _waited(found, timeout, f"no line matching {pattern!r} on stderr", self)

    def wait_first_pass(self, timeout: float = START_TIMEOUT) -> None:
        """Until the first pass has read INBOX (its progress row is in the ledger)."""

        def done() -> bool:
            self.check_alive()
            return inbox_progress(self.ledger) is not None

        _waited(done, timeout, "the daemon made no first pass", self)

    def wait_idle(self, timeout: float = START_TIMEOUT) -> None:
        """Until the first pass is done and a session of the daemon is in IDLE, as its tap
        sees it: from then on Dovecot pushes every new message to the daemon."""
        assert self.tap is not None, "wait_idle needs the daemon behind an ImapTap"
        tap = self.tap
        self.wait_first_pass(timeout)

        def idling() -> bool:
            self.check_alive()
            return tap.idling

        _waited(idling, timeout, "the daemon never entered IDLE", self)

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait_exit(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"the daemon did not exit within {timeout:g} s:\n{self.stderr()}"
            ) from None

    def close(self) -> None:
        """SIGTERM, then SIGKILL after STOP_LIMIT; whatever state the test left it in."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_LIMIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._output.close()


def _waited(predicate: Callable[[], T], timeout: float, message: str, guard: Guard) -> T:
    try:
        return testbed.wait_until(predicate, timeout, message=message)
    except TimeoutError as error:
        raise AssertionError(f"{error} within {timeout:g} s; stderr:\n{guard.stderr()}") from None


StartGuard = Callable[..., Guard]


@pytest.fixture
def start_guard(tmp_path: Path, imap_tap: MakeTap) -> Iterator[StartGuard]:
    """`start_guard(config, password, tap=None)`: start `guard -v run` on a config written by
    write_config; every daemon started is stopped at the end, killed if it will not stop."""
    guards: list[Guard] = []

    def start(config: Path, password: str, tap: ImapTap | None = None) -> Guard:
        name = f"guard-{len(guards) + 1}"
        guard = Guard(config, tmp_path / "ledger.sqlite3", tmp_path, password, name, tap)
        guards.append(guard)
        return guard

    try:
        yield start
    finally:  # before the taps close (this fixture depends on imap_tap)
        for guard in guards:
            guard.close()


def inbox_progress(ledger: Path) -> tuple[int, int] | None:
    """(uidvalidity, last_uid) of INBOX in the ledger, read-only; None before the first pass."""
    if not ledger.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT uidvalidity, last_uid FROM folders WHERE name = 'INBOX'"
            ).fetchone()
    except sqlite3.Error:
        return None  # not created or migrated yet
    return (int(row[0]), int(row[1])) if row else None


def blocked_in_ledger(ledger: Path, organisation: str) -> bool:
    """Whether the ledger holds the block list's no for `organisation`."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT count(*) FROM noes WHERE organisation = ?", (organisation,)
            ).fetchone()
    except sqlite3.Error:
        return False
    return bool(row and row[0])


def cpu_seconds(pid: int) -> float:
    """utime + stime of the whole process (all threads), from /proc/PID/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rfind(")") + 2 :].split()  # fields[0] is field 3, the state
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- mail ----------------------------------------------------------------------------------


def pushy(number: int, domain: str = BLOCKED) -> bytes:
    """An outreach message from a rep of `domain`, with a unique Message-ID."""
    return build(
        sender=f"Pat Pushy <pat@{domain}>",
        subject=f"Quick question ({number})",
        body="Hi Alan,\n\nWorth a 15 minute call next week?\n\nPat\n",
        message_id=f"<daemon-{number}@{domain}>",
    )


class Probe:
    """The test's own IMAP session: APPEND to INBOX and watch folder counts without a new
    login each time, so latencies measure the daemon, not the test."""

    def __init__(self, server: Dovecot, user: MailUser) -> None:
        self.client: IMAPClient = server.client(user)

    def __enter__(self) -> Probe:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(Exception):
            self.client.logout()

    def append(self, raw: bytes) -> None:
        self.client.append("INBOX", raw)

    def count(self, folder: str) -> int:
        try:
            return int(self.client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])
        except IMAPClientError:
            return 0  # not created yet

    def filed(self, raw: bytes, total: int, timeout: float, guard: Guard) -> float:
        """APPEND `raw`, wait until IGNORED holds `total` messages; the seconds that took."""
        started = time.monotonic()
        self.append(raw)

        def arrived() -> bool:
            if self.count(IGNORED) >= total:
                return True
            guard.check_alive()
            return False

        try:
            testbed.wait_until(arrived, timeout, interval=0.005)
        except TimeoutError:
            raise AssertionError(
                f"message {total} not in {IGNORED} within {timeout:g} s; "
                f"INBOX holds {self.count('INBOX')}; stderr:\n{guard.stderr()}"
            ) from None
        return time.monotonic() - started


def record(tmp_path: Path, name: str, values: dict[str, Any]) -> Path:
    """Print a measurement and write it to tmp_path/daemon-measurements.json (and to
    $INBOXGUARD_MEASUREMENTS when set)."""
    print(f"\n{name}: {json.dumps(values)}")
    targets = [tmp_path / "daemon-measurements.json"]
    if os.environ.get("INBOXGUARD_MEASUREMENTS"):
        targets.append(Path(os.environ["INBOXGUARD_MEASUREMENTS"]))
    for target in targets:
        data = json.loads(target.read_text()) if target.exists() else {}
        data[name] = values
        target.write_text(json.dumps(data, indent=2) + "\n")
    return targets[0]


@dataclass
class TapSession:
    """One connection through an ImapTap: the daemon's lines (tags stripped) and its IDLE."""

    commands: list[tuple[float, bytes]] = field(default_factory=list)
    idle_asked: bool = False
    idling: bool = False
    hold_next: bool = False


class ImapTap:
    """A loopback relay between the daemon and Dovecot that watches the IMAP lines going by.

    It knows when one of the daemon's sessions is in IDLE (the server said `+` to an IDLE and
    no DONE followed), counts connection attempts (one made while the upstream is down is
    reset at once), and can hold a session's next command after one matching a pattern.
    """

    def __init__(self, upstream: Dovecot) -> None:
        self.upstream = upstream
        self._listener = socket.create_server((testbed.HOST, 0))
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._attempts = 0
        self._sessions: list[TapSession] = []
        self._hold_after: bytes | None = None
        self._held: bytes | None = None
        self._release = threading.Event()
        self._stopping = threading.Event()
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    # what the test reads

    @property
    def attempts(self) -> int:
        """Connections the daemon opened (or tried to) so far."""
        with self._lock:
            return self._attempts

    @property
    def idling(self) -> bool:
        with self._lock:
            return any(session.idling for session in self._sessions)

    def sessions(self) -> list[list[bytes]]:
        """Each relayed session's commands, in order."""
        with self._lock:
            return [[command for _, command in s.commands] for s in self._sessions]

    @property
    def commands(self) -> list[bytes]:
        """Every command of every session, in the order they went by."""
        with self._lock:
            return [command for _, command in sorted(c for s in self._sessions for c in s.commands)]

    def first_since(self, command: bytes, since: float) -> float | None:
        """When (time.monotonic()) the daemon first sent `command` at or after `since`."""
        with self._lock:
            times = [
                when
                for session in self._sessions
                for when, sent in session.commands
                if when >= since and sent.upper() == command
            ]
        return min(times, default=None)

    def hold_after(self, pattern: bytes) -> None:
        """Hold the next command of the session that sends a line matching `pattern` (a
        regex) until `release()`."""
        with self._lock:
            self._hold_after, self._held = pattern, None
            self._release.clear()

    def held(self) -> bytes | None:
        with self._lock:
            return self._held

    def release(self) -> None:
        self._release.set()

    def close(self) -> None:
        self._stopping.set()
        self._release.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the pump blocked in recv()
            sock.close()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    # the relay

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._attempts += 1
            try:
                server = socket.create_connection((self.upstream.host, self.upstream.port), 2)
            except OSError:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()
                continue
            for sock in (client, server):
                sock.settimeout(None)  # a session may be silent for minutes in IDLE
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle delays
            session = TapSession()
            with self._lock:
                self._sockets += [client, server]
                self._sessions.append(session)
            for source, target, watch in (
                (client, server, self._from_client),
                (server, client, self._from_server),
            ):
                thread = threading.Thread(
                    target=self._pump, args=(source, target, watch, session), daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        watch: Callable[[TapSession, bytes], None],
        session: TapSession,
    ) -> None:
        buffer = b""
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if hasattr(socket, "TCP_QUICKACK"):  # Linux: ack at once, as an endpoint would
                    source.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                buffer += data
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    watch(session, line)
                    target.sendall(line + b"\r\n")
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def _from_client(self, session: TapSession, line: bytes) -> None:
        command = line.split(b" ", 1)[1] if b" " in line else line
        hold = False
        with self._lock:
            session.commands.append((time.monotonic(), command))
            if command.upper() == b"IDLE":
                session.idle_asked = True
            elif command.upper() == b"DONE":
                session.idling = session.idle_asked = False
            if session.hold_next:
                session.hold_next, self._held, hold = False, command, True
            elif self._hold_after is not None and re.search(self._hold_after, command):
                self._hold_after, session.hold_next = None, True
        if hold:
            self._release.wait(timeout=30)

    def _from_server(self, session: TapSession, line: bytes) -> None:
        with self._lock:
            if session.idle_asked and line.startswith(b"+"):
                session.idling = True


@pytest.fixture
def imap_tap() -> Iterator[Callable[[Dovecot], ImapTap]]:
    """A factory of ImapTaps in front of a Dovecot; all closed at the end."""
    taps: list[ImapTap] = []

    def make(server: Dovecot) -> ImapTap:
        taps.append(ImapTap(server))
        return taps[-1]

    try:
        yield make
    finally:
        for tap in taps:
            tap.close()


MakeTap = Callable[[Dovecot], ImapTap]


def _blocking_config(
    write_config: WriteConfig,
    user: MailUser,
    smtp_sink: SmtpSink,
    tap: ImapTap | None = None,
    **options: Any,
) -> Path:
    """A config acting on `user`'s mailbox with BLOCKED on the block list; through `tap` when
    given (the daemon then connects to the tap, which relays to the tap's Dovecot)."""
    if tap is not None:
        options.update(server=tap.upstream, imap={"port": tap.port})
    return write_config(user, smtp=smtp_sink, lists={"block": [BLOCKED]}, **options)


# --- 1. IDLE -------------------------------------------------------------------------------


def test_new_mail_is_filed_within_two_seconds_through_idle(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
    tmp_path: Path,
) -> None:
    tap = imap_tap(dovecot)
    config = _blocking_config(write_config, mail_user, smtp_sink, tap)
    guard = start_guard(config, mail_user.password, tap)
    guard.wait_idle()
    assert guard.lines(r" connected$"), guard.stderr()

    count = 20
    latencies: list[float] = []
    pushes: list[float] = []  # from APPEND to the daemon ending IDLE: the server's share
    with Probe(dovecot, mail_user) as probe:
        for number in range(1, count + 1):
            guard.wait_idle()  # one at a time: each message finds the daemon in IDLE
            started = time.monotonic()
            latencies.append(probe.filed(pushy(number), number, 10.0, guard))
            done = tap.first_since(b"DONE", started)
            assert done is not None, tap.commands[-5:]
            pushes.append(done - started)

    where = record(
        tmp_path,
        "idle_latency_seconds",
        {
            "messages": count,
            "median": round(statistics.median(latencies), 4),
            "worst": round(max(latencies), 4),
            "all": [round(latency, 4) for latency in latencies],
            "push_median": round(statistics.median(pushes), 4),
            "push_worst": round(max(pushes), 4),
        },
    )
    print(f"IDLE latency of {count} messages written to {where}")
    assert max(latencies) < IDLE_LATENCY_LIMIT, latencies
    expected = [f"daemon-{n}@{BLOCKED}" for n in range(1, count + 1)]
    assert message_ids(dovecot, mail_user, IGNORED) == expected
    assert message_ids(dovecot, mail_user, "INBOX") == []
    assert smtp_sink.received == []  # a block-listed vendor is filed, never answered
    assert len(guard.lines(r" connected$")) == 1, guard.stderr()  # never reconnected
    assert guard.alive()


def test_mail_arriving_just_after_a_filing_is_not_missed(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
) -> None:
    """The race behind the NOOP/UIDNEXT check before IDLE: a message that arrives after the
    pass's SEARCH but before the daemon's next command (before 1337d66, a re-EXAMINE that
    swallowed its EXISTS, so it sat in INBOX until the next scheduled pass)."""
    tap = imap_tap(dovecot)
    config = _blocking_config(write_config, mail_user, smtp_sink, tap)
    guard = start_guard(config, mail_user.password, tap)
    guard.wait_idle()
    with Probe(dovecot, mail_user) as probe:
        # Hold whatever the daemon sends first after filing message 1; message 2 arrives then.
        tap.hold_after(rb"\bMOVE\b")
        probe.append(pushy(1))
        held = _waited(tap.held, 10.0, "the daemon sent nothing after its MOVE", guard)
        probe.append(pushy(2))
        tap.release()
        try:
            testbed.wait_until(lambda: probe.count(IGNORED) >= 2, IDLE_LATENCY_LIMIT)
        except TimeoutError:
            raise AssertionError(
                f"message 2 (arrived before the daemon's {held!r}) still in INBOX "
                f"{IDLE_LATENCY_LIMIT:g} s later; the daemon said {tap.commands[-3:]!r}"
            ) from None
    assert message_ids(dovecot, mail_user, "INBOX") == []


# --- 2. a server restart -------------------------------------------------------------------


def test_the_daemon_survives_a_server_restart_and_logs_the_outage_once(
    make_dovecot: Callable[..., Dovecot],
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
    tmp_path: Path,
) -> None:
    server = make_dovecot()
    user = server.add_user()
    tap = imap_tap(server)
    config = _blocking_config(write_config, user, smtp_sink, tap)
    guard = start_guard(config, user.password, tap)
    guard.wait_idle()

    connections = tap.attempts
    server.stop()
    guard.wait_for_line(r"disconnected: ", timeout=5.0)
    # The tap resets every connection while its upstream is down: wait for two retries.

    def retried() -> bool:
        return tap.attempts >= connections + 2

    _waited(retried, 20.0, "the daemon did not retry twice", guard)
    assert guard.alive(), guard.stderr()

    server.start()  # same port, users and mail
    back = time.monotonic()
    with Probe(server, user) as probe:
        probe.filed(pushy(1), 1, 30.0, guard)
    recovery = time.monotonic() - back
    record(tmp_path, "restart_recovery_seconds", {"after_server_back": round(recovery, 3)})

    assert guard.alive(), guard.stderr()
    # Three failures (the dropped IDLE, two refused retries), one line; then one reconnection.
    assert len(guard.lines(r"disconnected: ")) == 1, guard.stderr()
    assert len(guard.lines(r" connected$")) == 2, guard.stderr()
    assert "Traceback" not in guard.stderr()


# --- 3. stop signals -----------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_while_idling_exits_0_within_5_seconds(
    signum: signal.Signals,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
) -> None:
    tap = imap_tap(dovecot)
    config = _blocking_config(write_config, mail_user, smtp_sink, tap)
    guard = start_guard(config, mail_user.password, tap)
    guard.wait_idle()

    signalled = time.monotonic()
    guard.signal(signum)
    status = guard.wait_exit(STOP_LIMIT + 5)
    elapsed = time.monotonic() - signalled

    assert status == 0, guard.stderr()
    assert elapsed < STOP_LIMIT, f"{elapsed:.2f} s"
    assert guard.lines(rf"stopping \({signum.name}\)"), guard.stderr()
    assert guard.lines(r" stopped$"), guard.stderr()
    assert "Traceback" not in guard.stderr()
    # A clean stop: every session logged out, the one in IDLE after ending it with DONE.
    for session in tap.sessions():
        commands = [command.upper() for command in session]
        assert commands[-1:] == [b"LOGOUT"], commands[-4:]
        if b"IDLE" in commands:
            assert commands[-2:] == [b"DONE", b"LOGOUT"], commands[-4:]


# --- 4. the lock ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("run", "--once"), ("run",)], ids=["once", "daemon"])
def test_a_second_guard_on_the_same_ledger_exits_3_with_one_line(
    command: tuple[str, ...],
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    run_guard: RunGuard,
) -> None:
    config = _blocking_config(write_config, mail_user, smtp_sink)
    guard = start_guard(config, mail_user.password)
    guard.wait_first_pass()

    second = run_guard(config, *command, timeout=20)

    assert second.returncode == 3, second.stderr
    lines = second.stderr.splitlines()
    assert len(lines) == 1, second.stderr
    assert lines[0].startswith("guard: ") and "another guard is running" in lines[0]
    assert second.stdout == ""
    assert guard.alive(), guard.stderr()


# --- 5. config reload ----------------------------------------------------------------------


def _replace(path: Path, text: str) -> None:
    """Write `text` to `path` in one step, as an editor saving atomically does."""
    scratch = path.with_name(f".{path.name}.new")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)


def test_a_changed_config_is_reloaded_and_a_broken_one_is_reported_once_and_ignored(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
) -> None:
    tap = imap_tap(dovecot)
    config = _blocking_config(write_config, mail_user, smtp_sink, tap)
    guard = start_guard(config, mail_user.password, tap)
    guard.wait_idle()
    nagging = "nagging.example"

    with Probe(dovecot, mail_user) as probe:
        wider = write_config(
            mail_user,
            smtp=smtp_sink,
            imap={"port": tap.port},
            lists={"block": [BLOCKED, nagging]},
        )
        _replace(config, wider.read_text(encoding="utf-8"))
        guard.wait_for_line(r"config reloaded from ")
        _waited(lambda: blocked_in_ledger(guard.ledger, nagging), 10.0, "no block no", guard)
        guard.wait_idle()
        probe.filed(pushy(1, nagging), 1, 10.0, guard)

        _replace(config, config.read_text(encoding="utf-8") + "\n[lists\nblock = [\n")
        guard.wait_for_line(r"config not reloaded, keeping the last good one: .*TOML syntax")
        guard.wait_idle()
        probe.filed(pushy(2, nagging), 2, 10.0, guard)
        guard.wait_idle()
        probe.filed(pushy(3), 3, 10.0, guard)

    assert guard.alive(), guard.stderr()
    assert len(guard.lines(r"config not reloaded")) == 1, guard.stderr()
    assert len(guard.lines(r"config reloaded from ")) == 1, guard.stderr()
    assert len(guard.lines(r" connected$")) == 1, guard.stderr()  # no restart, no reconnection
    assert message_ids(dovecot, mail_user, IGNORED) == [
        f"daemon-1@{nagging}",
        f"daemon-2@{nagging}",
        f"daemon-3@{BLOCKED}",
    ]


# --- 6. no busy loop -----------------------------------------------------------------------


def test_an_idle_daemon_uses_almost_no_cpu(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
    tmp_path: Path,
) -> None:
    tap = imap_tap(dovecot)
    config = _blocking_config(write_config, mail_user, smtp_sink, tap)
    guard = start_guard(config, mail_user.password, tap)
    guard.wait_idle()

    window = 3.0
    before, started = cpu_seconds(guard.pid), time.monotonic()
    # Measurement, not synchronisation: let the daemon idle for `window` seconds.
    testbed.wait_until(lambda: time.monotonic() - started >= window, window + 1, interval=0.1)
    used = cpu_seconds(guard.pid) - before
    elapsed = time.monotonic() - started

    record(tmp_path, "idle_cpu_seconds", {"window": round(elapsed, 2), "cpu": round(used, 3)})
    assert guard.alive(), guard.stderr()
    assert tap.idling  # it idled in IDLE all along, not in passes
    assert used < 0.3, f"{used:.2f} s of CPU in {elapsed:.1f} s of idling"


# --- 7. without IDLE -----------------------------------------------------------------------


def test_without_idle_a_scheduled_pass_files_new_mail(
    make_dovecot: Callable[..., Dovecot],
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
    tmp_path: Path,
) -> None:
    server = make_dovecot(hidden_capabilities=("IDLE",))
    user = server.add_user()
    tap = imap_tap(server)
    poll = 10
    config = _blocking_config(write_config, user, smtp_sink, tap, daemon={"poll_seconds": poll})
    guard = start_guard(config, user.password, tap)
    guard.wait_first_pass()

    with Probe(server, user) as probe:
        latency = probe.filed(pushy(1), 1, poll + 2.0, guard)

    record(tmp_path, "poll_latency_seconds", {"poll_seconds": poll, "latency": round(latency, 3)})
    assert latency < poll + 2.0
    assert b"IDLE" not in [command.upper() for command in tap.commands]  # never offered
    assert message_ids(server, user, IGNORED) == [f"daemon-1@{BLOCKED}"]


# --- 8. the log file -----------------------------------------------------------------------


def test_the_log_file_is_private_and_has_the_decision_but_not_the_password(
    dovecot: Dovecot,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    start_guard: StartGuard,
    imap_tap: MakeTap,
    tmp_path: Path,
) -> None:
    password = "Pw-7kq3Zx-m41lb0x"
    user = dovecot.add_user(password)
    tap = imap_tap(dovecot)
    guard = start_guard(_blocking_config(write_config, user, smtp_sink, tap), password, tap)
    guard.wait_idle()
    with Probe(dovecot, user) as probe:
        probe.filed(pushy(1), 1, 10.0, guard)

    logs = list((tmp_path / "xdg").rglob("guard.log"))
    assert len(logs) == 1, logs
    [log] = logs
    assert log.is_relative_to(tmp_path / "xdg" / "state"), log  # under $XDG_STATE_HOME
    assert stat.S_IMODE(log.stat().st_mode) == 0o600, oct(log.stat().st_mode)
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700, oct(log.parent.stat().st_mode)
    text = log.read_text(encoding="utf-8")
    decision = rf"INFO inboxguard\.pass: {re.escape(BLOCKED)} \| \w+ \| file \| "
    assert re.search(decision, text), text
    assert password not in text
    assert password not in guard.stderr()
