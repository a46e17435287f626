"""`guard demo`: the real pipeline over a local Maildir seeded with the stories behind the guard."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from rich.console import Console

from .config import load
from .ledger import Ledger
from .maildir import MaildirMailbox
from .run import GuardPass
from .session import make_sender
from .status import render_status

USER = ("Alan Porter", "alan@northwind-learning.example")
CONFIG = """\
# The demo's config: a local Maildir, declines to its Outbox folder, nothing on the network.
[account]
email = "{email}"
name = "{name}"
domains = ["northwind-learning.example"]

[maildir]
path = "Mail"

[policy]
decline_after = 2
grace_days = 0

[storage]
path = "ledger.sqlite3"
"""

BODY_FIRST_TOUCH = """\
Hi Alan,

I'm reaching out because teams like yours at Northwind usually spend weeks building onboarding
courses. Bitesio turns them into 5-minute lessons; customers like Harbor Bank cut ramp time by 30%.

Would you have 15 minutes next week for a quick demo?

Tyler Brandt
Account Executive | Bitesio
bitesio.example
"""

BODY_FOLLOW_UP = """\
Hi Alan,

Just circling back on my note below - did you get a chance to look? Happy to set up a quick call
whenever suits.

Tyler
"""

BODY_AFTER_NO = """\
Hi Alan,

I've just taken over the Northwind account at Bitesio. Teams like yours see onboarding time drop
by 30% with our micro-lessons - could we grab 20 minutes this week?

Dana Reyes
Senior Account Executive | Bitesio
"""

BODY_COLLEAGUE = "Alan - lunch on Thursday? The new place on Fenwick Street.\n\nSam\n"

BODY_NEWSLETTER = "THE L&D BRIEF - issue 212\n\n1. Why microlearning stalls after week two.\n"

BODY_INVITE = """\
Hi Alan,

Hope you don't mind the placeholder - I'd love 20 minutes to show you how Sentrybay stops
credential phishing. If the time doesn't work, feel free to move it.

Logan Pierce
Sentrybay
"""


@dataclass(frozen=True)
class Story:
    """One step of the demo: a message that arrives, and what the reader should notice."""

    note: str
    raw: bytes
    folder: str = "INBOX"


def run_demo(directory: Path | None = None, console: Console | None = None) -> Path:
    """Seed a Maildir, run a pass after each arrival, show each decision and the status."""
    console = console or Console()
    root = directory or Path(tempfile.mkdtemp(prefix="inboxguard-demo-"))
    (root / "Mail").mkdir(parents=True, exist_ok=True)
    config_path = root / "config.toml"
    config_path.write_text(CONFIG.format(name=USER[0], email=USER[1]), encoding="utf-8")
    config = load(config_path)
    mailbox = MaildirMailbox(config.maildir.path if config.maildir else root / "Mail")
    mailbox.ensure_folders(["INBOX", "Sent"])
    ledger = Ledger.open(config.storage_path)
    try:
        console.print(
            f"[bold]inboxguard demo[/] in {root} (a Maildir; nothing leaves this machine)\n"
        )
        GuardPass(config, mailbox, ledger, make_sender(config, mailbox)).run()
        for story in stories():
            mailbox.append(story.folder, story.raw, seen=False)
            report = GuardPass(config, mailbox, ledger, make_sender(config, mailbox)).run()
            console.print(f"[dim]{story.note}[/]")
            for outcome in report.outcomes:
                console.print(
                    f"  [bold]{outcome.action:14}[/] {outcome.subject[:60]!r} from {outcome.sender}"
                )
                console.print(f"  {'':14} {'; '.join(outcome.reasons)}")
            console.print()
        outbox = config.maildir.outbox if config.maildir else "Outbox"
        console.print(f"Declines written to {mailbox.folder_path(outbox)}")
        render_status(ledger.status(), [], console=console)
    finally:
        ledger.close()
    console.print(f"\nRun it again: guard --config {config_path} status --all")
    return root


def stories() -> Iterator[Story]:
    start = datetime.now(UTC) - timedelta(days=7)
    name, email = USER
    first = _mail(
        "Tyler Brandt <tyler.brandt@bitesio.example>",
        "Bite-sized onboarding for Northwind?",
        BODY_FIRST_TOUCH,
        start,
    )
    yield Story("A vendor's first cold email: counted, kept.", first.as_bytes())
    yield Story(
        "A colleague:",
        _mail(
            "Sam Lee <sam.lee@northwind-learning.example>",
            "Lunch Thursday?",
            BODY_COLLEAGUE,
            start + timedelta(hours=2),
        ).as_bytes(),
    )
    newsletter = _mail(
        "The L&D Brief <brief@ldbrief.example>",
        "The L&D Brief #212",
        BODY_NEWSLETTER,
        start + timedelta(days=1),
    )
    newsletter["List-Id"] = "L&D Brief <brief.ldbrief.example>"
    newsletter["List-Unsubscribe"] = "<https://ldbrief.example/u/212>"
    yield Story("A newsletter the user subscribed to:", newsletter.as_bytes())
    follow = _mail(
        "Tyler Brandt <tyler.brandt@bitesio.example>",
        "Re: Bite-sized onboarding for Northwind?",
        BODY_FOLLOW_UP,
        start + timedelta(days=2),
        reply_to=first,
    )
    yield Story(
        "The same vendor follows up unasked: the 2nd outreach, so the guard says no, once.",
        follow.as_bytes(),
    )
    yield Story(
        "Another rep of that vendor writes after the no: filed, an offence.",
        _mail(
            "Dana Reyes <dana.reyes@bitesio.example>",
            "Northwind + Bitesio",
            BODY_AFTER_NO,
            start + timedelta(days=4),
        ).as_bytes(),
    )
    yield Story(
        "A cold calendar hold from a second vendor: declined the way a calendar declines.",
        _invite(start + timedelta(days=5), sequence=0).as_bytes(),
    )
    yield Story(
        "That vendor moves the hold: filed, no second decline.",
        _invite(start + timedelta(days=6), sequence=1).as_bytes(),
    )
    del name, email


def _mail(
    sender: str, subject: str, body: str, when: datetime, reply_to: EmailMessage | None = None
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"{USER[0]} <{USER[1]}>"
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">"))
    if reply_to is not None:
        message["In-Reply-To"] = reply_to["Message-ID"]
        message["References"] = reply_to["Message-ID"]
    message.set_content(body)
    return message


def _invite(when: datetime, sequence: int) -> EmailMessage:
    start = (when + timedelta(days=3)).strftime("%Y%m%dT150000Z")
    end = (when + timedelta(days=3)).strftime("%Y%m%dT153000Z")
    calendar = (
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
        "METHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        f"DTSTART:{start}\r\nDTEND:{end}\r\nDTSTAMP:{when:%Y%m%dT%H%M%SZ}\r\n"
        "ORGANIZER;CN=Logan Pierce:mailto:logan.pierce@sentrybay.example\r\n"
        "UID:demo-hold-7f3k2m@sentrybay.example\r\n"
        f"ATTENDEE;CN={USER[0]};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{USER[1]}\r\n"
        f"SEQUENCE:{sequence}\r\nSUMMARY:[Hold] Intro: Sentrybay <> Northwind\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    prefix = "Updated invitation" if sequence else "Invitation"
    message = _mail(
        "Logan Pierce <logan.pierce@sentrybay.example>",
        f"{prefix}: [Hold] Intro: Sentrybay <> Northwind",
        BODY_INVITE,
        when,
    )
    message.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    return message
