"""Setting up: `guard init`, `doctor`, `service --print`, `allow` and `block`, on real servers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from testbed import Dovecot, MailUser, SmtpSink, WriteConfig

from inboxguard.config import load

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="systemd units are Linux's")


def guard(
    tmp_path: Path, *args: str, stdin: str = "", password: str = "secret"
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        INBOXGUARD_PASSWORD=password,
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return subprocess.run(
        [sys.executable, "-m", "inboxguard", *args],
        input=stdin,
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_service_print_shows_a_unit_that_runs_this_guard(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    done = guard(tmp_path, "--config", str(config), "service", "install", "--print")
    assert done.returncode == 0, done.stderr
    assert (
        f"ExecStart={sys.executable} -m inboxguard --config {config.resolve()} run" in done.stdout
    )
    assert "Restart=on-failure" in done.stdout
    assert "WantedBy=default.target" in done.stdout
    assert not (tmp_path / ".config" / "systemd").exists()  # --print installs nothing


def test_doctor_passes_against_real_servers(
    tmp_path: Path, mail_user: MailUser, smtp_sink: SmtpSink, write_config: WriteConfig
) -> None:
    config = write_config(mail_user, smtp=smtp_sink)
    done = guard(tmp_path, "--config", str(config), "doctor", password=mail_user.password)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✓ imap connection and login" in done.stdout
    assert "✓ imap IDLE: offered" in done.stdout
    assert "✓ sent folder: Sent" in done.stdout
    assert "✓ smtp connection and login" in done.stdout
    assert "✗" not in done.stdout


def test_doctor_names_the_failure_and_its_fix(
    tmp_path: Path, mail_user: MailUser, smtp_sink: SmtpSink, write_config: WriteConfig
) -> None:
    config = write_config(mail_user, smtp=smtp_sink)
    done = guard(tmp_path, "--config", str(config), "doctor", password="wrong")
    assert done.returncode == 1
    assert "✗ imap login" in done.stdout
    assert "fix:" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_init_writes_a_commented_config_that_doctor_accepts(
    tmp_path: Path, dovecot: Dovecot, mail_user: MailUser, smtp_sink: SmtpSink
) -> None:
    config = tmp_path / "new" / "config.toml"
    answers = [
        "Alan@Northwind.example",
        "Alan Porter",
        "127.0.0.1",
        str(dovecot.port),
        "none",
        "127.0.0.1",
        str(smtp_sink.port),
        "none",
        mail_user.username,
        "secret",
    ]
    done = guard(
        tmp_path,
        "--config",
        str(config),
        "init",
        stdin="\n".join(answers) + "\n",
        password=mail_user.password,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    loaded = load(config)
    assert loaded.account.email == "alan@northwind.example"
    assert loaded.account.domains == ("northwind.example",)
    assert (
        (loaded.imap.host, loaded.imap.port, loaded.imap.username)
        == ("127.0.0.1", dovecot.port, mail_user.username)
        if loaded.imap
        else False
    )
    assert loaded.policy.mode == "observe"
    assert "# Your address (required)." in config.read_text()
    assert config.stat().st_mode & 0o777 == 0o600
    assert "✓ imap connection and login" in done.stdout


def test_init_for_webmail_keeps_other_webmail_users_out_of_the_own_organisation(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    answers = ["kim.lee@gmail.com", "Kim Lee", "", "", "", "", "", "", "", ""]
    done = guard(tmp_path, "--config", str(config), "init", stdin="\n".join(answers) + "\n")
    loaded = load(config)
    assert loaded.account.domains == ()
    assert loaded.imap is not None and loaded.imap.host == "imap.gmail.com"
    assert loaded.folders.sent == "[Gmail]/Sent Mail"
    assert "app password" in done.stdout


def test_allow_and_block_edit_the_lists_and_keep_the_comments(
    tmp_path: Path, mail_user: MailUser, write_config: WriteConfig
) -> None:
    config = write_config(mail_user, extra="# a comment of the user's\n")
    done = guard(tmp_path, "--config", str(config), "block", "Pushy.example")
    assert done.returncode == 0, done.stderr
    assert "pushy.example added to the block list" in done.stdout
    again = guard(tmp_path, "--config", str(config), "block", "pushy.example")
    assert "already on the block list" in again.stdout
    guard(tmp_path, "--config", str(config), "allow", "boss@bigco.example")
    loaded = load(config)
    assert "pushy.example" in loaded.lists.block
    assert "boss@bigco.example" in loaded.lists.allow
    assert "# a comment of the user's" in config.read_text()
