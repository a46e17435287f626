"""Secrets and transport safety, end to end: the password never lands in a file, a log or the
guard's output; the guard's own files are private; no password travels unencrypted to a
non-loopback host; TLS is verified by default."""

from __future__ import annotations

import base64
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
import testbed
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig

pytestmark = pytest.mark.integration

PASSWORD = "Qv7-hunter2-94b1f2e8c3-Zk"
"""Distinctive: it cannot turn up in a file or a log by chance."""
PASSWORD_CORE = "hunter2-94b1f2e8c3"
"""A part of it: found even where the password was cut, quoted or escaped."""

PITCH = (
    "Hi Alan,\r\n\r\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\r\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\r\n\r\n"
    "Best,\r\nDana Seller\r\nBitesio | bitesio.com\r\n"
)


def pitch(number: int) -> bytes:
    lines = [
        "From: Dana Seller <dana@bitesio.com>",
        "To: Alan Porter <alan@example.com>",
        "Subject: Re: Quick question" if number > 1 else "Subject: Quick question",
        f"Message-ID: <secret-{number}@bitesio.com>",
        "Date: Tue, 03 Jun 2025 09:15:00 +0000",
        "Content-Type: text/plain; charset=utf-8",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n" + PITCH).encode()


def needles(username: str, password: str = PASSWORD) -> list[bytes]:
    """The password, a distinctive part of it, and the base64 forms that carry it (AUTH PLAIN
    tokens, as a debug log would show them)."""
    return [
        password.encode(),
        PASSWORD_CORE.encode(),
        base64.b64encode(password.encode()),
        base64.b64encode(f"\0{username}\0{password}".encode()),
        base64.b64encode(f"{username}\0{username}\0{password}".encode()),
    ]


def assert_nowhere(data: bytes, where: str, hidden: list[bytes]) -> None:
    for needle in hidden:
        assert needle not in data, f"the password ({needle!r}) is in {where}"


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def passes(
    run_guard: RunGuard, config: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    completed = run_guard(config, *(args or ("run", "--once")), env=env)
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr
    return completed


@contextmanager
def reader_on(ledger: Path) -> Iterator[sqlite3.Connection]:
    """A second connection held open on the ledger, so its -wal and -shm files outlive the
    guard's process and their bytes can be read too."""
    with closing(sqlite3.connect(ledger)) as db:
        db.execute("SELECT COUNT(*) FROM vendors").fetchall()
        yield db


def set_keys(config: Path, table: str, **values: str) -> None:
    """Set keys of one table of a config written by write_config (TOML basic strings)."""
    text = config.read_text(encoding="utf-8")
    header = f"[{table}]\n"
    assert header in text
    before, _, after = text.partition(header)
    body, separator, rest = after.partition("\n\n")
    lines = [line for line in body.splitlines() if line.split(" = ")[0] not in values]
    lines += [f"{key} = {_toml(value)}" for key, value in values.items()]
    config.write_text(before + header + "\n".join(lines) + separator + rest, encoding="utf-8")


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- the password is nowhere ---------------------------------------------------------------------


def test_the_password_is_in_no_file_log_copy_or_output(
    dovecot: Dovecot,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    user = dovecot.add_user(password=PASSWORD)
    ledger = tmp_path / "data" / "guard" / "ledger.sqlite3"
    config = write_config(user, smtp=smtp_sink, storage={"path": ledger})
    outputs = [passes(run_guard, config, "-v", "run", "--once")]
    with reader_on(ledger):
        for number in (1, 2):
            dovecot.append(user, "INBOX", pitch(number))
        outputs.append(passes(run_guard, config, "-v", "run", "--once"))
        outputs.append(passes(run_guard, config, "status", "--json", "--all"))
        outputs.append(run_guard(config, "doctor"))
        # a full pass with a decline: sent once, copied to Sent, logged daemon-style
        [sent] = smtp_sink.received
        assert sent.rcpt_tos == ("dana@bitesio.com",)
        assert sent.login == user.username  # it did authenticate, with the password
        copies = dovecot.messages(user, "Sent")
        assert len(copies) == 1
        log = tmp_path / "xdg" / "state" / "inboxguard" / "log" / "guard.log"
        assert "bitesio.com | decline | sent to dana@bitesio.com" in log.read_text("utf-8")
        wal, shm = ledger.with_name(ledger.name + "-wal"), ledger.with_name(ledger.name + "-shm")
        assert wal.stat().st_size > 0 and shm.exists()

        hidden = needles(user.username)
        found = files_under(tmp_path)
        assert {config, ledger, wal, shm, log} <= set(found)
        for path in found:
            assert_nowhere(path.read_bytes(), str(path), hidden)
        assert_nowhere(sent.data, "the decline sent", hidden)
        assert_nowhere(copies[0], "the Sent copy", hidden)
        for completed in outputs:
            assert "Traceback" not in completed.stderr
            assert_nowhere(completed.stdout.encode(), f"stdout of {completed.args[4:]}", hidden)
            assert_nowhere(completed.stderr.encode(), f"stderr of {completed.args[4:]}", hidden)

        # private: files 0600, their folders 0700
        lock = ledger.with_name(ledger.name + ".lock")
        for path in (ledger, wal, shm, lock, log):
            assert mode(path) == 0o600, f"{path} is {mode(path):o}"
        for folder in (ledger.parent, log.parent):
            assert mode(folder) == 0o700, f"{folder} is {mode(folder):o}"


def test_password_command_output_is_used_and_never_logged(
    dovecot: Dovecot,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    user = dovecot.add_user(password=PASSWORD)
    config = write_config(user, smtp=smtp_sink)
    encoded = base64.b64encode(PASSWORD.encode()).decode()
    command = f"printf %s {encoded} | base64 -d"  # the config never holds the password itself
    for table in ("imap", "smtp"):
        set_keys(config, table, password_command=command)
    no_variable = {"INBOXGUARD_PASSWORD": ""}
    outputs = [passes(run_guard, config, "-v", "run", "--once", env=no_variable)]
    for number in (1, 2):
        dovecot.append(user, "INBOX", pitch(number))
    outputs.append(passes(run_guard, config, "-v", "run", "--once", env=no_variable))
    [sent] = smtp_sink.received  # IMAP took the command's password; SMTP logged in and sent
    assert sent.login == user.username

    wrong = write_config(user, smtp=smtp_sink)
    set_keys(wrong, "imap", password_command="printf %s not-the-password-5521")
    refused = run_guard(wrong, "-v", "run", "--once", env=no_variable)
    assert refused.returncode == 1, refused.stderr
    assert "login refused" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "not-the-password-5521" not in refused.stderr + refused.stdout

    hidden = [PASSWORD.encode(), PASSWORD_CORE.encode()]
    log = tmp_path / "xdg" / "state" / "inboxguard" / "log" / "guard.log"
    assert log.exists()
    for path in files_under(tmp_path):
        assert_nowhere(path.read_bytes(), str(path), hidden)
        assert b"not-the-password-5521" not in path.read_bytes() or path == wrong
    for completed in outputs:
        assert_nowhere((completed.stdout + completed.stderr).encode(), "the output", hidden)


# --- no password in the clear to a non-loopback host ---------------------------------------------

NON_LOOPBACK = ["imap.example.com", "192.0.2.25", "localhost.attacker.example", "127.0.0.1.nip.io"]


@pytest.mark.parametrize("host", NON_LOOPBACK)
@pytest.mark.parametrize("table", ["imap", "smtp"])
def test_security_none_towards_a_non_loopback_host_is_refused(
    table: str,
    host: str,
    mail_user: MailUser,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    if table == "imap":
        config = write_config(mail_user, imap={"host": host})
    else:
        smtp = f'[smtp]\nhost = "{host}"\nport = 25\nsecurity = "none"\nusername = "alan"\n'
        config = write_config(mail_user, extra=smtp)
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 2, completed.stderr
    lines = completed.stderr.splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("guard: ")
    assert f"[{table}] security" in lines[0] and host in lines[0]
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""


def test_security_none_to_loopback_is_allowed(
    dovecot: Dovecot, mail_user: MailUser, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    """The control: the same config on 127.0.0.1 runs (so the refusals above are the rule)."""
    passes(run_guard, write_config(mail_user, imap={"host": "127.0.0.1"}))


# --- TLS verified by default ---------------------------------------------------------------------


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_an_untrusted_imap_certificate_is_refused_in_one_line(
    security: str, dovecot_tls: Dovecot, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    user = dovecot_tls.add_user()
    config = write_config(user, server=dovecot_tls, imap_security=security)
    untrusted = run_guard(config, "run", "--once", env={"SSL_CERT_FILE": os.devnull})
    assert untrusted.returncode == 1, untrusted.stderr
    lines = untrusted.stderr.splitlines()
    assert len(lines) == 1, untrusted.stderr
    port = dovecot_tls.tls_port if security == "tls" else dovecot_tls.port
    assert lines[0].startswith(f"guard: IMAP server {dovecot_tls.host}:{port}")
    assert "certificate" in lines[0]
    assert "Traceback" not in untrusted.stderr
    passes(run_guard, config)  # the control: with the CA trusted it connects


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_an_untrusted_smtp_certificate_sends_nothing(
    security: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    cert, key = testbed.make_self_signed_cert(tmp_path / "smtp-tls")
    with SmtpSink(tls=security, cafile_pair=(cert, key)) as sink:
        config = write_config(mail_user, smtp=sink)
        set_keys(config, "smtp", security=security)
        passes(run_guard, config)
        for number in (1, 2):
            dovecot.append(mail_user, "INBOX", pitch(number))
        untrusted = run_guard(config, "run", "--once", env={"SSL_CERT_FILE": os.devnull})
        assert untrusted.returncode == 1, untrusted.stderr
        assert "Traceback" not in untrusted.stderr
        lines = [line for line in untrusted.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, untrusted.stderr
        assert "certificate" in lines[0] and f"{sink.host}:{sink.port}" in lines[0]
        assert sink.received == []
        # the control: trusted, the decline that could not go goes now, once
        passes(run_guard, config, env={"SSL_CERT_FILE": str(cert)})
        [sent] = sink.received
        assert sent.rcpt_tos == ("dana@bitesio.com",)
