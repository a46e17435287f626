"""Spoofing and backscatter, end to end: Dovecot, `guard run --once` and the SMTP sink.

Every case sends two pitches, so a decline would be due at the second; a forged or misdirected
sender must never receive it. A control case (the same pitches, authenticated) shows that the
decline does go out when nothing forbids it, so an empty sink means what it says.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig

pytestmark = pytest.mark.integration

PITCH = (
    "Hi Alan,\r\n\r\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\r\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\r\n\r\n"
    "Best,\r\nDana Seller\r\nBitesio | bitesio.com\r\n"
)
PASS_RESULTS = (
    "mx.example.com; spf=pass smtp.mailfrom=bitesio.com; "
    "dkim=pass header.d=bitesio.com; dmarc=pass header.from=bitesio.com"
)


def pitch(
    number: int,
    *,
    sender: str = "Dana Seller <dana@bitesio.com>",
    to: str = "Alan Porter <alan@example.com>",
    domain: str = "bitesio.com",
    extra: tuple[str, ...] = (),
) -> bytes:
    """Pitch number `number` (1 or 2) from `sender`, byte for byte."""
    lines = [
        *extra,
        f"From: {sender}",
        f"To: {to}",
        "Subject: Re: Quick question" if number > 1 else "Subject: Quick question",
        f"Message-ID: <spoof-{number}@{domain}>",
        f"Date: Tue, 0{number + 2} Jun 2025 09:15:00 +0000",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n" + PITCH).encode()


def results(value: str) -> tuple[str, ...]:
    return (f"Authentication-Results: {value}",)


@dataclass(frozen=True)
class Case:
    """Two pitches that must never be answered; `forged` ones are not even counted."""

    make: Callable[[int], bytes]
    forged: bool
    domain: str = "bitesio.com"
    """The domain of the pitches' Message-IDs."""


CASES: dict[str, Case] = {
    "forged-from-dmarc-fail": Case(
        lambda n: pitch(
            n,
            extra=results(
                "mx.example.com; spf=pass smtp.mailfrom=mailer.attacker.example; "
                "dkim=none; dmarc=fail (p=reject) header.from=bitesio.com"
            ),
        ),
        forged=True,
    ),
    "spf-fail-for-the-from-domain": Case(
        lambda n: pitch(
            n,
            extra=results(
                "mx.example.com; spf=fail (sender IP is 192.0.2.66) smtp.mailfrom=bitesio.com; "
                "dkim=none; dmarc=none"
            ),
        ),
        forged=True,
    ),
    "a-forged-pass-below-the-real-fail": Case(
        lambda n: pitch(
            n,
            extra=(
                *results("mx.example.com; dmarc=fail header.from=bitesio.com"),
                *results(PASS_RESULTS),  # added by the forger, further down the trace
            ),
        ),
        forged=True,
    ),
    "forged-from-the-users-own-domain": Case(
        lambda n: pitch(
            n,
            sender="Chris Boss <ceo@example.com>",
            domain="example.com",
            extra=results("mx.example.com; spf=softfail; dmarc=fail header.from=example.com"),
        ),
        forged=True,
        domain="example.com",
    ),
    "reply-to-a-third-party": Case(
        lambda n: pitch(n, extra=("Reply-To: Victim <victim@innocent.example>",)),
        forged=False,
    ),
    "user-not-among-the-recipients": Case(
        lambda n: pitch(n, to="Purchasing <buyers@example.org>, Pat <pat@other.example>"),
        forged=False,
    ),
    "null-return-path": Case(lambda n: pitch(n, extra=("Return-Path: <>",)), forged=False),
}


def passes(run_guard: RunGuard, config: Path) -> subprocess.CompletedProcess[str]:
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr
    return completed


def rows(ledger: Path, sql: str, *parameters: Any) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql, parameters)]


def two_pitches_after_a_first_pass(
    dovecot: Dovecot,
    user: MailUser,
    sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    make: Callable[[int], bytes],
) -> Path:
    """A config acting through the sink; a pass over the empty mailbox (so what follows is
    news, not history); the two pitches; a pass over them. Returns the config."""
    config = write_config(user, smtp=sink)
    passes(run_guard, config)
    for number in (1, 2):
        dovecot.append(user, "INBOX", make(number))
    completed = passes(run_guard, config)
    assert "2 read" in completed.stdout
    return config


def inbox_ids(dovecot: Dovecot, user: MailUser, folder: str = "INBOX") -> list[bytes]:
    return [
        raw.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0]
        for raw in dovecot.messages(user, folder)
    ]


def test_the_same_pitches_authenticated_are_declined_once(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    """The control: nothing but the spoofing marks stands between these pitches and a decline."""
    two_pitches_after_a_first_pass(
        dovecot,
        mail_user,
        smtp_sink,
        write_config,
        run_guard,
        lambda n: pitch(n, extra=results(PASS_RESULTS)),
    )
    [decline] = smtp_sink.received
    assert decline.rcpt_tos == ("dana@bitesio.com",)
    assert inbox_ids(dovecot, mail_user, "Guard/Declined") == [b"<spoof-2@bitesio.com>"]
    ledger = tmp_path / "ledger.sqlite3"
    assert rows(ledger, "SELECT organisation, outreach FROM vendors") == [
        {"organisation": "bitesio.com", "outreach": 2}
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_forged_or_misdirected_sender_is_never_answered(
    case: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    spec = CASES[case]
    config = two_pitches_after_a_first_pass(
        dovecot, mail_user, smtp_sink, write_config, run_guard, spec.make
    )
    assert smtp_sink.received == []  # the pass is over: nothing was sent, to anyone
    # kept where they are: nothing filed, nothing declined
    assert inbox_ids(dovecot, mail_user) == [f"<spoof-{n}@{spec.domain}>".encode() for n in (1, 2)]
    for folder in ("Guard/Declined", "Guard/Ignored", "Guard/Invites"):
        assert dovecot.messages(mail_user, folder) == []
    assert dovecot.messages(mail_user, "Sent") == []
    ledger = tmp_path / "ledger.sqlite3"
    assert rows(ledger, "SELECT * FROM declines") == []
    recorded = rows(ledger, "SELECT verdict, action FROM messages WHERE folder = 'INBOX'")
    assert [row["action"] for row in recorded] == ["keep", "keep"]
    if spec.forged:
        # forged mail is nobody's: verdict other, never counted as anyone's outreach
        assert [row["verdict"] for row in recorded] == ["other", "other"]
        counted = rows(ledger, "SELECT outreach FROM vendors WHERE outreach > 0")
        assert counted == []
    # a third pass changes nothing: still never answered
    passes(run_guard, config)
    assert smtp_sink.received == []
    status = run_guard(config, "status", "--json", "--all")
    assert status.returncode == 0, status.stderr
    vendors = {entry["vendor"]: entry for entry in json.loads(status.stdout)}
    assert all(entry["no_via"] is None for entry in vendors.values())
