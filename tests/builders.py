"""A small builder of real RFC 5322 messages (and iCalendar requests) for the core unit tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.policy import SMTP

USER = "alan@example.com"
"""The user every test message is written to unless a test says otherwise."""

VENDOR = "Dana Seller <dana@bitesio.com>"
"""A vendor's rep at a real-looking registrable domain."""


def build(
    *,
    sender: str | None = VENDOR,
    to: str = USER,
    subject: str = "Quick question",
    body: str = "Hello Alan,\n\nA few words.\n\nDana",
    html: str | None = None,
    message_id: str | None = "<pitch-1@bitesio.com>",
    in_reply_to: str | None = None,
    references: str | None = None,
    reply_to: str | None = None,
    headers: Mapping[str, str] | None = None,
    calendar: str | None = None,
    calendar_mode: str = "alternative",
) -> bytes:
    """A message as bytes. `calendar` (iCalendar text) goes in `calendar_mode`: `inline` (the
    whole message is text/calendar), `alternative` (Google's multipart/alternative) or
    `attachment` (an `invite.ics` attachment beside the text)."""
    mail = EmailMessage(policy=SMTP)
    if sender is not None:
        mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = "Tue, 03 Jun 2025 09:15:00 +0000"
    if message_id is not None:
        mail["Message-ID"] = message_id
    if in_reply_to is not None:
        mail["In-Reply-To"] = in_reply_to
    if references is not None:
        mail["References"] = references
    if reply_to is not None:
        mail["Reply-To"] = reply_to
    for name, value in (headers or {}).items():
        mail[name] = value
    if calendar is not None and calendar_mode == "inline":
        mail.set_content(calendar, subtype="calendar", params={"method": "REQUEST"})
        return mail.as_bytes()
    mail.set_content(body)
    if html is not None:
        mail.add_alternative(html, subtype="html")
    if calendar is not None and calendar_mode == "alternative":
        if html is None:
            mail.make_alternative()
        mail.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    elif calendar is not None and calendar_mode == "attachment":
        mail.add_attachment(
            calendar.encode("utf-8"),
            maintype="application",
            subtype="ics",
            filename="invite.ics",
        )
    return mail.as_bytes()


def html_only(*, html: str, sender: str = VENDOR, subject: str = "Hello") -> bytes:
    """A message whose only body is text/html."""
    mail = EmailMessage(policy=SMTP)
    mail["From"] = sender
    mail["To"] = USER
    mail["Subject"] = subject
    mail["Message-ID"] = "<html-1@bitesio.com>"
    mail.set_content(html, subtype="html")
    return mail.as_bytes()


def literal(*lines: str, body: str = "Hello.") -> bytes:
    """A message from literal header lines (for headers no library would write), CRLF-ended."""
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


def ics(
    *,
    method: str = "REQUEST",
    uid: str = "evt-7781@bitesio.com",
    sequence: int = 1,
    organizer: str = "dana@bitesio.com",
    organizer_name: str = "Dana Seller",
    attendees: Sequence[str] = (USER,),
    summary: str = "Bitesio <> Example: 15 minute intro",
    recurrence_id: str | None = None,
    alarm: bool = False,
    description: str | None = None,
) -> str:
    """An iTIP calendar with one VEVENT, CRLF-ended as RFC 5545 wants."""
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        "DTSTART:20250610T140000Z",
        "DTEND:20250610T141500Z",
        "DTSTAMP:20250603T091500Z",
        f"ORGANIZER;CN={organizer_name}:mailto:{organizer}",
        f"UID:{uid}",
    ]
    if recurrence_id is not None:
        lines.append(f"RECURRENCE-ID:{recurrence_id}")
    for attendee in attendees:
        lines.append(
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
            f"RSVP=TRUE:mailto:{attendee}"
        )
    lines += [
        f"SEQUENCE:{sequence}",
        "STATUS:CONFIRMED",
        f"SUMMARY:{summary}",
    ]
    if description is not None:
        lines.append(f"DESCRIPTION:{description}")
    if alarm:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "TRIGGER:-PT10M",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"
