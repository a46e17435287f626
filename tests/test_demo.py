"""`guard demo`: the whole pipeline over a local Maildir, from an empty home, offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path

import icalendar
import pytest

USER = "alan@northwind-learning.example"
"""The demo's user (demo.USER)."""

NETWORK_EVENTS = (
    "socket.connect",
    "socket.sendto",
    "socket.sendmsg",
    "socket.bind",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
)
"""Audit events (PEP 578) of a process that reaches for the network."""

AUDIT_HOOK = """\
import sys

_EVENTS = {events!r}


def _record(event, args):
    if event in _EVENTS:
        with open({path!r}, "a", encoding="utf-8") as log:
            log.write(f"{{event}} {{args!r}}\\n")


with open({path!r}, "a", encoding="utf-8") as log:
    log.write("armed\\n")
sys.addaudithook(_record)
"""
"""A sitecustomize.py that records every network audit event of the process it is imported in."""


@pytest.fixture
def demo_env(tmp_path: Path) -> dict[str, str]:
    """An environment with HOME and the XDG dirs in an empty temp dir, no guard settings, no
    password, and an audit hook (sitecustomize) that records any use of the network."""
    home = tmp_path / "home"
    home.mkdir()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        AUDIT_HOOK.format(events=NETWORK_EVENTS, path=str(tmp_path / "network.log")),
        encoding="utf-8",
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INBOXGUARD_", "XDG_")) and key not in ("HOME", "PYTHONPATH")
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")])),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def guard(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m inboxguard ARGS...` in `env`; never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "inboxguard", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def messages(folder: Path) -> list[Message]:
    """The messages of a Maildir folder (new and cur)."""
    files = sorted(path for sub in ("new", "cur") for path in (folder / sub).glob("*"))
    parser = BytesParser(policy=policy.default)
    return [parser.parsebytes(path.read_bytes()) for path in files]


def calendar_parts(message: Message) -> list[icalendar.Calendar]:
    """The text/calendar parts of `message`, parsed."""
    found = []
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            found.append(icalendar.Calendar.from_ical(payload))
    return found


def test_the_demo_runs_from_an_empty_home_offline_and_shows_every_decision(
    tmp_path: Path, demo_env: dict[str, str]
) -> None:
    directory = tmp_path / "demo"
    home = Path(demo_env["HOME"])

    completed = guard(demo_env, home, "demo", "--dir", str(directory))

    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    actions = set(
        re.findall(r"^\s+(keep|decline-invite|decline|file)\s", completed.stdout, re.MULTILINE)
    )
    assert actions == {"keep", "decline", "decline-invite", "file"}, completed.stdout

    # Exactly two declines, queued in the Maildir's Outbox: an email and a calendar reply.
    declines = messages(directory / "Mail" / "Outbox")
    assert len(declines) == 2, [str(message["Subject"]) for message in declines]
    recipients = {
        address for message in declines for _, address in getaddresses([str(message["To"])])
    }
    assert recipients == {"tyler.brandt@bitesio.example", "logan.pierce@sentrybay.example"}
    replies = [(message, calendar_parts(message)) for message in declines]
    with_calendar = [(message, parts) for message, parts in replies if parts]
    assert len(with_calendar) == 1, [str(message["Subject"]) for message, _ in replies]
    [(invite_decline, [calendar])] = with_calendar
    assert str(calendar["METHOD"]).upper() == "REPLY"
    [event] = calendar.walk("VEVENT")
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list), attendee  # only the user answers
    assert str(attendee).lower() == f"mailto:{USER}"
    assert attendee.params["PARTSTAT"] == "DECLINED"
    assert str(event["UID"]) == "demo-hold-7f3k2m@sentrybay.example"
    assert "logan.pierce@sentrybay.example" in str(invite_decline["To"])

    # The status of the demo's ledger: both vendors ignored their no.
    config = directory / "config.toml"
    status = guard(demo_env, home, "--config", str(config), "status", "--json")
    assert status.returncode == 0, status.stderr
    vendors = {row["vendor"]: row for row in json.loads(status.stdout)}
    assert set(vendors) == {"bitesio.example", "sentrybay.example"}, vendors
    assert all(row["ignored_no"] is True for row in vendors.values()), vendors

    # Nothing went over the network: no [smtp] to send with, and no socket reached out.
    assert "smtp" not in tomllib.loads(config.read_text(encoding="utf-8"))
    events = (tmp_path / "network.log").read_text(encoding="utf-8").splitlines()
    assert events[:1] == ["armed"], events  # the hook ran in the guard's process
    assert [event for event in events if event != "armed"] == []
