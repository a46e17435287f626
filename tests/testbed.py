"""The loopback test bed: a throwaway Dovecot IMAP server and an aiosmtpd SMTP sink."""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import string
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, Protocol, TypeVar

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from imapclient import IMAPClient

HOST = "127.0.0.1"
RUN_USER = "mailtb"
"""The unprivileged system user every Dovecot process runs as when the tests run as root."""

REQUIRED_CAPABILITIES = ("IDLE", "MOVE", "UIDPLUS", "CONDSTORE", "SPECIAL-USE")
"""What the guard relies on; checked after login at every start (minus hidden ones)."""

IN_CI = os.environ.get("CI") == "true"
"""In CI a missing Dovecot or corpus fails the test instead of skipping it."""

_PROBE_USER = "tbprobe"
_START_TIMEOUT = 15.0
_STOP_TIMEOUT = 15.0
_FETCH_CHUNK = 500

T = TypeVar("T")


def unavailable(reason: str) -> NoReturn:
    """Skip the test for a missing server or corpus; in CI (CI=true) fail it instead."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: missing test infrastructure is a failure)", pytrace=False)
    pytest.skip(reason)


def wait_until(
    predicate: Callable[[], T], timeout: float, *, interval: float = 0.01, message: str = ""
) -> T:
    """Poll `predicate` until it returns a truthy value, and return that value.

    Raises TimeoutError (with `message`) when `timeout` seconds pass first.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TimeoutError(message or f"condition not met within {timeout:g} s")
        time.sleep(interval)


def free_port() -> int:
    """A loopback TCP port that was free a moment ago (bind 127.0.0.1:0, read it, close)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def find_dovecot() -> str | None:
    """The path of the `dovecot` master binary, or None when Dovecot is not installed."""
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/sbin"])
    return shutil.which("dovecot", path=search)


def make_self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """Write cert.pem and key.pem (CN localhost, SAN IP:127.0.0.1 and DNS:localhost, 7 days)."""
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / "cert.pem", directory / "key.pem"
    options = "-x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 7"
    names = "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost"
    subprocess.run(
        ["openssl", "req", *options.split(), *names.split(), "-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass(frozen=True)
class MailUser:
    """A mailbox on the test Dovecot: its login, password and home (the Maildir is home/Maildir)."""

    username: str
    password: str
    home: Path


@dataclass(frozen=True)
class _RunAs:
    """Who the Dovecot processes run as, and the command prefix that makes it so."""

    uid: int
    gid: int
    user: str
    group: str
    prefix: tuple[str, ...]


def _ensure_run_user() -> pwd.struct_passwd:
    """Create the system user `mailtb` once (root only); tolerate a parallel creator."""
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(RUN_USER)
    options = "--system --user-group --no-create-home --home-dir /nonexistent"
    created = subprocess.run(
        ["useradd", *options.split(), "--shell", "/usr/sbin/nologin", RUN_USER],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return pwd.getpwnam(RUN_USER)
    except KeyError:
        raise DovecotError(f"could not create the user {RUN_USER}: {created.stderr}") from None


def _run_identity() -> _RunAs:
    pdeathsig = ("setpriv", "--pdeathsig", "TERM")
    if os.geteuid() == 0:
        entry = _ensure_run_user()
        group = grp.getgrgid(entry.pw_gid).gr_name
        prefix = (*pdeathsig, "--reuid", RUN_USER, "--regid", group, "--clear-groups")
        return _RunAs(entry.pw_uid, entry.pw_gid, RUN_USER, group, prefix)
    uid, gid = os.getuid(), os.getgid()
    user = pwd.getpwuid(uid).pw_name
    return _RunAs(uid, gid, user, grp.getgrgid(gid).gr_name, pdeathsig)


def _live_group_members(pgid: int) -> list[int]:
    """PIDs of the processes in process group `pgid` that have not exited (zombies excluded)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


_CONFIG = string.Template(
    r"""# Written by tests/testbed.py: nothing from /etc/dovecot is included.
base_dir = $root/run
state_dir = $root/state
instance_name = testbed-$port
log_path = $root/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = 1
first_valid_gid = 1
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_chars =
auth_verbose = yes
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $root/passwd/%u
}
userdb {
  driver = passwd-file
  args = username_format=%u $root/passwd/%u
}
mail_location = maildir:~/Maildir:LAYOUT=fs:INBOX=~/Maildir/INBOX
mail_fsync = never
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \Junk
    auto = subscribe
  }
}
protocol imap {
  mail_max_userip_connections = 200
$capability}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $tls_port
  }
}
service anvil {
  chroot =
  # A penalty socket nobody may open: auth then disables its failed-login penalty per IP.
  # Otherwise one test's wrong password slows later logins from 127.0.0.1 by up to 15 s.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
$ssl
"""
)


class DovecotError(RuntimeError):
    """The test Dovecot could not be started, stopped or used; the message carries its log."""


class Dovecot:
    """A throwaway Dovecot IMAP server on loopback, rooted in its own directory.

    Nothing from /etc/dovecot is read. As root every Dovecot process runs as the system user
    `mailtb` (created on first use); otherwise as the caller. The master gets SIGTERM when the
    process that started it dies (setpriv --pdeathsig), so start it from the main thread.
    `root` must be reachable by that user: use a fresh `tempfile.mkdtemp()` directory, not
    pytest's tmp_path (mode 0700 under /tmp/pytest-of-root).

    `hidden_capabilities` are left out of CAPABILITY before and after login (the server still
    accepts the commands). Dovecot's `imap_capability` replaces the whole list and serves the
    greeting too, so such a server's greeting shows the post-login list minus those names.
    """

    host = HOST

    def __init__(
        self, root: Path, *, tls: bool = False, hidden_capabilities: Sequence[str] = ()
    ) -> None:
        binary = find_dovecot()
        if binary is None:
            raise DovecotError("dovecot is not installed (apt-get install dovecot-imapd)")
        self._binary = binary
        self.root = Path(root).resolve()
        self.tls = tls
        self.hidden_capabilities = tuple(name.upper() for name in hidden_capabilities)
        self._run_as = _run_identity()
        self.port = 0
        self.tls_port: int | None = None
        self.cafile: Path | None = None
        self.keyfile: Path | None = None
        self._capability: str | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._pgid: int | None = None
        self._prepared = False
        self._ports_settled = False
        self._lock = threading.Lock()
        self._users: list[MailUser] = []
        self._probe: MailUser | None = None

    # --- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Dovecot:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def processes(self) -> list[int]:
        """PIDs of this server's live processes (master and children); [] once stopped."""
        return _live_group_members(self._pgid) if self._pgid is not None else []

    def start(self) -> None:
        """Start the master and return once the server greets with `* OK` and logs users in."""
        if self._process is not None:
            raise DovecotError("this Dovecot is already started")
        if not self._prepared:
            self._prepare()
        for _attempt in range(5):
            if not self._ports_settled:
                self.port = free_port()
                self.tls_port = free_port() if self.tls else None
            self._write_config()
            if self._capability is None and self.hidden_capabilities:
                self._capability = self._capability_without_hidden()
                self._write_config()
            self._launch()
            try:
                self._wait_ready()
            except _PortTaken:
                self._kill()
                continue
            except BaseException:
                self._kill()
                raise
            self._ports_settled = True
            self._check_capabilities()
            return
        raise DovecotError(f"no free port after 5 attempts\n{self.log()}")

    def stop(self) -> None:
        """SIGTERM every Dovecot process and wait until all of them have exited.

        The signal goes to the master's whole process group: the master relays SIGTERM to its
        children anyway, but alone it then waits about a second for its log process.
        """
        process = self._process
        if process is None:
            return
        try:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=_STOP_TIMEOUT)
                wait_until(
                    lambda: not _live_group_members(process.pid),
                    _STOP_TIMEOUT,
                    message="dovecot processes still running",
                )
            except (subprocess.TimeoutExpired, TimeoutError):
                self._kill()
                raise DovecotError(f"dovecot did not stop cleanly; killed\n{self.log()}") from None
        finally:
            self._process = None

    def restart(self) -> None:
        """Stop and start again: same ports, users, config and mail."""
        self.stop()
        self.start()

    # --- users and mail --------------------------------------------------------------------

    def add_user(self, password: str = "secret") -> MailUser:
        """A fresh login `user<N>` with its own Maildir home; works while the server runs."""
        with self._lock:
            user = self._new_user(f"user{len(self._users) + 1}", password)
            self._users.append(user)
        return user

    def client(self, user: MailUser) -> IMAPClient:
        """An IMAPClient logged in as `user` over plain IMAP on `port`; the caller logs out."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        try:
            client.login(user.username, user.password)
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        return client

    @contextlib.contextmanager
    def session(self, user: MailUser) -> Iterator[IMAPClient]:
        """`client(user)` as a context manager that logs out at the end."""
        client = self.client(user)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    def append(self, user: MailUser, folder: str, raw: bytes) -> int:
        """APPEND `raw` to `folder` (created when missing) with no flags; returns its new UID."""
        with self.session(user) as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw)
        match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
        if match is None:
            raise DovecotError(f"APPEND gave no APPENDUID: {response!r}")
        return int(match.group(1))

    def messages(self, user: MailUser, folder: str) -> list[bytes]:
        """The raw bytes (CRLF line ends) of every message in `folder`, \\Deleted ones included,
        in UID order; [] when the folder does not exist."""
        with self.session(user) as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            uids = sorted(client.search(["ALL"]))
            raw: list[bytes] = []
            for start in range(0, len(uids), _FETCH_CHUNK):
                chunk = uids[start : start + _FETCH_CHUNK]
                fetched = client.fetch(chunk, ["BODY.PEEK[]"])
                raw.extend(fetched[uid][b"BODY[]"] for uid in chunk)
            return raw

    def deleted_count(self, user: MailUser, folder: str) -> int:
        """How many messages in `folder` carry \\Deleted (0 when the folder does not exist)."""
        with self.session(user) as client:
            if not client.folder_exists(folder):
                return 0
            client.select_folder(folder, readonly=True)
            return len(client.search(["DELETED"]))

    def log(self) -> str:
        """The Dovecot log, and anything the master wrote to stderr, for failure messages."""
        parts = []
        for name in ("dovecot.log", "master.stderr"):
            path = self.root / name
            if path.exists():
                text = path.read_text(errors="replace")
                if text:
                    parts.append(f"--- {name} ---\n{text}")
        return "\n".join(parts) or "(the dovecot log is empty)"

    # --- internals -------------------------------------------------------------------------

    def _prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self._check_reachable()
        for name in ("run", "state", "home", "passwd"):
            (self.root / name).mkdir(exist_ok=True)
        if self.tls:
            self.cafile, self.keyfile = make_self_signed_cert(self.root / "tls")
        self._probe = self._new_user(_PROBE_USER, "probe")
        self._chown(self.root)
        for path in self.root.rglob("*"):
            self._chown(path)
        self._prepared = True

    def _check_reachable(self) -> None:
        if os.geteuid() != 0:
            return
        for directory in self.root.parents:
            if not directory.stat().st_mode & 0o001:
                raise DovecotError(
                    f"{directory} is not searchable by {RUN_USER}, so Dovecot cannot reach "
                    f"{self.root}; use a directory from tempfile.mkdtemp()"
                )

    def _chown(self, path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, self._run_as.uid, self._run_as.gid, follow_symlinks=False)

    def _new_user(self, username: str, password: str) -> MailUser:
        """Create the home and the user's own passwd-file.

        One file per user (`passdb` path `passwd/%u`): Dovecot re-stats a passwd-file at most
        once a second, so a user appended to a shared file could not log in at once; a new
        file is read on the first lookup of its user.
        """
        if any(char in password for char in ":\r\n"):
            raise ValueError("a test password may not contain ':' or line breaks")
        home = self.root / "home" / username
        (home / "Maildir").mkdir(parents=True)
        self._chown(home)
        self._chown(home / "Maildir")
        uid, gid = self._run_as.uid, self._run_as.gid
        entry = self.root / "passwd" / username
        scratch = entry.with_name(f".{username}.new")
        scratch.write_text(f"{username}:{{PLAIN}}{password}:{uid}:{gid}::{home}::\n")
        self._chown(scratch)
        os.replace(scratch, entry)
        return MailUser(username, password, home)

    def _write_config(self) -> None:
        if self.tls:
            assert self.cafile is not None and self.keyfile is not None
            ssl_lines = ["ssl = yes", f"ssl_cert = <{self.cafile}", f"ssl_key = <{self.keyfile}"]
            if Path("/usr/share/dovecot/dh.pem").exists():
                ssl_lines.append("ssl_dh = </usr/share/dovecot/dh.pem")
        else:
            ssl_lines = ["ssl = no"]
        capability = f"  imap_capability = {self._capability}\n" if self._capability else ""
        text = _CONFIG.substitute(
            root=self.root,
            user=self._run_as.user,
            group=self._run_as.group,
            port=self.port,
            tls_port=self.tls_port or 0,
            capability=capability,
            ssl="\n".join(ssl_lines),
        )
        path = self.root / "dovecot.conf"
        path.write_text(text)
        self._chown(path)

    def _capability_without_hidden(self) -> str:
        """Ask this Dovecot what it advertises after login (a PREAUTH `imap` run as the probe
        user), and return that list without the hidden names, for `imap_capability`.

        An explicit `imap_capability` replaces the whole list, the names Dovecot adds itself
        (LITERAL+, NOTIFY, SPECIAL-USE) included, so the value must be the full list.
        """
        assert self._probe is not None
        search = os.pathsep.join([str(Path(self._binary).parent), "/usr/bin", "/usr/sbin"])
        doveadm = shutil.which("doveadm", path=search)
        if doveadm is None:
            raise DovecotError("doveadm is not installed; it is needed to hide capabilities")
        config = self.root / "dovecot.conf"
        completed = subprocess.run(
            [*self._run_as.prefix, doveadm, "-c", config, "exec", "imap"],
            input=b"a LOGOUT\r\n",
            capture_output=True,
            cwd=self.root,
            env={"PATH": os.environ.get("PATH", os.defpath), "USER": self._probe.username},
            timeout=30,
            check=False,
        )
        match = re.search(rb"^\* PREAUTH \[CAPABILITY ([^\]]+)\]", completed.stdout, re.M)
        if match is None:
            raise DovecotError(
                f"could not read Dovecot's capabilities: {completed.stdout!r} {completed.stderr!r}"
            )
        names = match.group(1).decode().split()
        return " ".join(name for name in names if name.upper() not in self.hidden_capabilities)

    def _launch(self) -> None:
        stderr = (self.root / "master.stderr").open("ab")
        try:
            self._process = subprocess.Popen(
                [*self._run_as.prefix, self._binary, "-F", "-c", str(self.root / "dovecot.conf")],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
                cwd=self.root,
                start_new_session=True,
            )
            self._pgid = self._process.pid
        finally:
            stderr.close()

    def _greets(self) -> bool:
        assert self._process is not None
        if self._process.poll() is not None:
            log = self.log()
            if "Address already in use" in log and not self._ports_settled:
                raise _PortTaken
            raise DovecotError(f"dovecot exited with {self._process.returncode}\n{log}")
        try:
            with socket.create_connection((self.host, self.port), timeout=2) as sock:
                return sock.recv(4096).startswith(b"* OK")
        except OSError:
            return False

    def _wait_ready(self) -> None:
        try:
            wait_until(self._greets, _START_TIMEOUT, interval=0.005)
        except TimeoutError:
            log = self.log()
            raise DovecotError(f"dovecot did not greet within {_START_TIMEOUT} s\n{log}") from None

    def _check_capabilities(self) -> None:
        assert self._probe is not None
        with self.session(self._probe) as client:
            names = {name.decode().upper() for name in client.capabilities()}
        wanted = [n for n in REQUIRED_CAPABILITIES if n not in self.hidden_capabilities]
        missing = [n for n in wanted if n not in names]
        shown = [n for n in self.hidden_capabilities if n in names]
        if missing or shown:
            self.stop()
            raise DovecotError(
                f"capabilities after login: missing {missing}, hidden but shown {shown}: "
                f"{sorted(names)}"
            )

    def _kill(self) -> None:
        """SIGKILL the master's whole process group and reap the master."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        with contextlib.suppress(TimeoutError):
            wait_until(lambda: not _live_group_members(process.pid), 5)
        self._process = None


class _PortTaken(Exception):
    """The master could not bind a port picked a moment ago; pick others."""


@dataclass(frozen=True)
class SentMail:
    """One message the SMTP sink accepted: envelope, raw bytes and the AUTH login (if any)."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    login: str | None


class _SinkHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self._sink._deliver(session, envelope)


def _accept_any(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    return AuthResult(success=True, auth_data=auth_data)


class SmtpSink:
    """An aiosmtpd server on a free loopback port that records every message it accepts.

    tls: "none" (plain, AUTH offered anyway), "starttls" (AUTH after STARTTLS) or "tls"
    (implicit TLS); the TLS modes need `cafile_pair` = (cert, key). Any credentials are
    accepted and the login is recorded.
    """

    host = HOST

    def __init__(
        self,
        *,
        tls: str = "none",
        cafile_pair: tuple[Path, Path] | None = None,
        fail_with: str | None = None,
    ) -> None:
        if tls not in ("none", "starttls", "tls"):
            raise ValueError(f"tls must be none, starttls or tls, not {tls!r}")
        if tls != "none" and cafile_pair is None:
            raise ValueError(f"tls={tls!r} needs cafile_pair=(cert, key)")
        self.tls = tls
        self.port = 0
        self._context: ssl.SSLContext | None = None
        if cafile_pair is not None:
            self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._context.load_cert_chain(str(cafile_pair[0]), str(cafile_pair[1]))
        self._failure = fail_with
        self._received: list[SentMail] = []
        self._changed = threading.Condition()
        self._controller: Controller | None = None

    def __enter__(self) -> SmtpSink:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        if self._controller is not None:
            raise RuntimeError("this SMTP sink is already started")
        options: dict[str, Any] = {"authenticator": _accept_any}
        if self.tls == "none":
            options["auth_require_tls"] = False
        elif self.tls == "starttls":
            options["tls_context"] = self._context
        else:
            options["ssl_context"] = self._context
            options["auth_require_tls"] = False  # the whole connection is TLS
        for _attempt in range(5):
            port = self.port or free_port()
            controller = Controller(
                _SinkHandler(self), hostname=self.host, port=port, ready_timeout=10, **options
            )
            try:
                controller.start()
            except OSError:
                controller.stop(no_assert=True)
                continue
            self.port, self._controller = port, controller
            return
        raise RuntimeError("the SMTP sink found no free port")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def received(self) -> list[SentMail]:
        """A copy of every message accepted so far, in arrival order."""
        with self._changed:
            return list(self._received)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[SentMail]:
        """Wait until at least `count` messages arrived; return them all (AssertionError if not)."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._received) >= count, timeout):
                raise AssertionError(
                    f"the SMTP sink got {len(self._received)} message(s) within {timeout:g} s, "
                    f"expected {count}"
                )
            return list(self._received)

    def clear(self) -> None:
        with self._changed:
            self._received.clear()

    def set_failure(self, reply: str | None) -> None:
        """Answer DATA with `reply` (e.g. "451 4.3.0 try later") from now on; None: accept."""
        with self._changed:
            self._failure = reply

    def _deliver(self, session: Session, envelope: Envelope) -> str:
        with self._changed:
            if self._failure is not None:
                return self._failure
            auth = session.auth_data
            login = auth.login.decode() if isinstance(auth, LoginPassword) else None
            raw = envelope.original_content or b""
            self._received.append(
                SentMail(envelope.mail_from or "", tuple(envelope.rcpt_tos), bytes(raw), login)
            )
            self._changed.notify_all()
        return "250 OK"


# --- the shapes of the guard fixtures (conftest.py), for type hints in tests --------------


class WriteConfig(Protocol):
    """The `write_config` fixture: a guard config TOML for `user` (see conftest.py)."""

    def __call__(
        self,
        user: MailUser,
        *,
        email: str = ...,
        name: str = ...,
        domains: list[str] | None = ...,
        smtp: SmtpSink | None = ...,
        server: Dovecot | None = ...,
        imap_security: str = ...,
        extra: str = ...,
        **tables: dict[str, Any] | None,
    ) -> Path: ...


class RunGuard(Protocol):
    """The `run_guard` fixture: `python -m inboxguard --config CONFIG ARGS...`."""

    def __call__(
        self,
        config: Path,
        *args: str,
        env: dict[str, str] | None = ...,
        timeout: float = ...,
        password: str | None = ...,
    ) -> subprocess.CompletedProcess[str]: ...


def message_ids(server: Dovecot, user: MailUser, folder: str) -> list[str]:
    """The Message-IDs (without <>) of the messages in `folder` not flagged \\Deleted, in UID
    order: the form the ledger keeps them in."""
    parser = BytesHeaderParser()
    with server.session(user) as client:
        if not client.folder_exists(folder):
            return []
        client.select_folder(folder, readonly=True)
        uids = sorted(client.search(["UNDELETED"]))
        if not uids:
            return []
        data = client.fetch(uids, ["BODY.PEEK[HEADER]"])
        headers = [parser.parsebytes(data[uid][b"BODY[HEADER]"]) for uid in uids]
        return [str(header["Message-ID"]).strip().strip("<>") for header in headers]


def guard_env(tmp_path: Path, password: str) -> dict[str, str]:
    """The environment the guard runs in under test: the password, the XDG dirs under
    tmp_path/xdg, the null keyring, unbuffered output."""
    xdg = tmp_path / "xdg"
    env = dict(os.environ)
    env.update(
        INBOXGUARD_PASSWORD=password,
        XDG_CONFIG_HOME=str(xdg / "config"),
        XDG_DATA_HOME=str(xdg / "data"),
        XDG_STATE_HOME=str(xdg / "state"),
        XDG_CACHE_HOME=str(xdg / "cache"),
        PYTHONUNBUFFERED="1",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return env


def ledger_rows(path: Path, sql: str, *parameters: object) -> list[dict[str, Any]]:
    """Rows of a read-only query on a ledger; [] when it has no such table (yet)."""
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in db.execute(sql, parameters)]
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return []
            raise
