"""The CLI's contract against the real test bed: exit codes, one-line errors, explain, the lock."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
import testbed
from builders import build
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig

from inboxguard.lock import ledger_lock

pytestmark = pytest.mark.integration

FOLLOW_UP = (
    "Hi Alan,\n\n"
    "Just following up on my previous email. Teams like yours cut food waste by 30% with "
    "Bitesio in their first quarter.\nWould 15 minutes on Thursday work?\n\n"
    "Best,\nSam Rivers\nBitesio | bitesio.com\n"
)


def follow_up(number: int) -> bytes:
    """An outreach follow-up from bitesio.com to alan@example.com (the write_config user)."""
    return build(
        sender="Sam Rivers <sam@bitesio.com>",
        subject="Re: Quick question",
        body=FOLLOW_UP,
        message_id=f"<cli-{number}@bitesio.com>",
    )


def one_line_error(completed: subprocess.CompletedProcess[str]) -> str:
    """The single `guard: ...` line on stderr (no traceback, nothing else)."""
    lines = completed.stderr.splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("guard: "), completed.stderr
    assert "Traceback" not in completed.stderr
    return lines[0]


def message_count(ledger_path: Path) -> int:
    with closing(sqlite3.connect(f"file:{ledger_path}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])


def test_a_config_with_three_mistakes_prints_three_lines_and_exits_2(
    mail_user: MailUser, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    config = write_config(
        mail_user,
        imap={"port": 70000},
        policy={"decline_after": 0},
        lists={"block": ["not a domain"]},
    )
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 2, completed.stderr
    lines = completed.stderr.splitlines()
    assert len(lines) == 3, completed.stderr
    assert lines[0].startswith("guard: ")
    assert all(str(config) in line for line in lines)
    for line, key in zip(
        lines, ("[imap] port", "[policy] decline_after", "[lists] block"), strict=True
    ):
        assert key in line
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""


def test_a_wrong_password_is_one_line_and_exit_1(
    mail_user: MailUser, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    config = write_config(mail_user)
    completed = run_guard(config, "run", "--once", password="not-" + mail_user.password)
    assert completed.returncode == 1
    line = one_line_error(completed)
    assert mail_user.username in line
    assert "not-" + mail_user.password not in line
    assert completed.stdout == ""


def test_a_non_ascii_password_is_no_traceback(
    dovecot: Dovecot, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    user = dovecot.add_user(password="pässwörd£")
    config = write_config(user)
    completed = run_guard(config, "run", "--once")
    assert "Traceback" not in completed.stderr
    assert completed.returncode == 0, completed.stderr


def test_an_unreachable_server_is_one_line_and_exit_1(
    mail_user: MailUser, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    port = testbed.free_port()
    config = write_config(mail_user, imap={"port": port})
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 1
    assert f"{testbed.HOST}:{port}" in one_line_error(completed)


def test_a_pass_over_implicit_tls_trusts_the_configured_ca_only(
    dovecot_tls: Dovecot, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    user = dovecot_tls.add_user()
    dovecot_tls.append(user, "INBOX", follow_up(1))
    config = write_config(user, server=dovecot_tls, imap_security="tls")
    assert dovecot_tls.cafile is not None
    untrusted = run_guard(config, "run", "--once", env={"SSL_CERT_FILE": os.devnull})
    assert untrusted.returncode == 1
    line = one_line_error(untrusted)
    assert f"{dovecot_tls.host}:{dovecot_tls.tls_port}" in line
    assert "certificate" in line
    trusted = run_guard(config, "run", "--once")  # run_guard sets SSL_CERT_FILE to the test CA
    assert trusted.returncode == 0, trusted.stderr
    assert message_count(config.parent / "ledger.sqlite3") == 1


def test_status_json_on_a_fresh_ledger_is_an_empty_array(
    mail_user: MailUser, write_config: WriteConfig, run_guard: RunGuard
) -> None:
    config = write_config(mail_user)
    completed = run_guard(config, "status", "--json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == []


def test_explain_without_a_config_gives_the_contract_fields(tmp_path: Path) -> None:
    message = tmp_path / "pitch.eml"
    message.write_bytes(follow_up(1))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "no-config"))
    completed = subprocess.run(
        [sys.executable, "-m", "inboxguard", "explain", str(message), "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    explained = json.loads(completed.stdout)
    assert explained["verdict"] == "outreach"
    assert explained["vendor"] == "bitesio.com"
    assert explained["signals"]
    for signal in explained["signals"]:
        assert isinstance(signal["name"], str) and signal["name"]
        assert isinstance(signal["reason"], str) and signal["reason"]


def test_output_into_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    message = tmp_path / "pitch.eml"
    message.write_bytes(follow_up(1))
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `guard explain … | head` once head has gone
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "inboxguard", "explain", str(message)],
            env=dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "no-config")),
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert completed.returncode == 0
    assert "Traceback" not in completed.stderr


def test_explain_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "inboxguard", "explain", str(tmp_path / "absent.eml"), "--json"],
        env=dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "no-config")),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert "absent.eml" in one_line_error(completed)


def test_a_second_pass_on_a_locked_ledger_exits_3(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    config = write_config(mail_user, smtp=smtp_sink)
    ledger_path = config.parent / "ledger.sqlite3"
    dovecot.append(mail_user, "INBOX", follow_up(1))
    with ledger_lock(ledger_path):  # the first pass, still running
        completed = run_guard(config, "run", "--once")
        assert completed.returncode == 3
        assert "another guard" in one_line_error(completed)
        assert completed.stdout == ""
    assert not ledger_path.exists() or message_count(ledger_path) == 0
    after = run_guard(config, "run", "--once")
    assert after.returncode == 0, after.stderr
    assert message_count(ledger_path) == 1
