"""Calendar invites from vendors: the shapes real calendars send, and the iTIP decline.

Pure tests take each shape through parse -> classify -> decide -> compose and read the decline
back with icalendar, field by field (RFC 5546 §3.2.3, RFC 6047). Round trips go through the
CLI, Dovecot and the SMTP sink.

Every fixture is built here, in the shape its calendar writes it: Google Calendar
(multipart/mixed around multipart/alternative with an inline text/calendar, plus invite.ics),
Outlook/Exchange (multipart/alternative, base64 text/calendar, VTIMEZONE with a Windows zone
name, X-MICROSOFT-CDO-*), Apple Calendar (an invite.ics attachment, quoted-printable).
"""

from __future__ import annotations

import base64
import email
import email.message
import email.policy
import email.utils
import json
import quopri
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from testbed import Dovecot, MailUser, RunGuard, SentMail, SmtpSink, WriteConfig, message_ids

from inboxguard.classify import INVITE, OTHER, Verdict, classify
from inboxguard.config import Decline, Policy
from inboxguard.ledger import VendorState
from inboxguard.message import Address, Message, parse
from inboxguard.policy import DECLINE_INVITE, KEEP, Circumstances, Decision, decide
from inboxguard.reply import DEFAULT_BODY, compose_calendar_decline, compose_decline
from inboxguard.user import User

CRLF = "\r\n"

USER_EMAIL = "alan@example.com"
USER_NAME = "Alan Porter"
ALIAS = "a.porter@example.com"
ALIAS_AS_WRITTEN = "A.Porter@Example.com"
USER = User(USER_EMAIL, USER_NAME, ("example.com",), (ALIAS,))
TEMPLATE = Decline(subject="Re: {subject}", body=None, auto_submitted=False)
POLICY = Policy(
    mode="act", decline_after=2, grace_days=0, max_declines_per_day=20, max_messages_per_pass=50000
)
INVITES, IGNORED, DECLINED = "Guard/Invites", "Guard/Ignored", "Guard/Declined"


@dataclass(frozen=True)
class Person:
    name: str
    email: str

    @property
    def header(self) -> str:
        return f"{self.name} <{self.email}>"


PRIYA = Person("Priya Raman", "priya.raman@ledgerloom.com")  # writes with Google Calendar
MARCUS = Person("Marcus Hale", "marcus.hale@shipwise-analytics.com")  # Outlook / Exchange
JONAS = Person("Jonas Berg", "jonas.berg@fernpoint.io")  # Apple Calendar
BOB = Person("Bob Lind", "bob.lind@example.com")  # the user's colleague


# --- iCalendar text ------------------------------------------------------------------------


def fold(line: str) -> str:
    """RFC 5545 §3.1 folding at 75 octets (fixtures are ASCII), as every calendar does."""
    pieces = [line[:75]]
    rest = line[75:]
    while rest:
        pieces.append(" " + rest[:74])
        rest = rest[74:]
    return CRLF.join(pieces)


def ical_text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 §3.3.11)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def vcalendar(lines: Sequence[str]) -> str:
    return CRLF.join(fold(line) for line in lines) + CRLF


def b64(data: str | bytes) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return base64.encodebytes(raw).decode("ascii").replace("\n", CRLF)


def qp(text: str) -> str:
    """Quoted-printable, line by line, with CRLF line ends kept as real line breaks."""
    return CRLF.join(
        quopri.encodestring(line.encode("utf-8")).decode("ascii").replace("\n", CRLF)
        for line in text.replace(CRLF, "\n").split("\n")
    )


def lines_of(text: str) -> str:
    return text.replace(CRLF, "\n").replace("\n", CRLF)


# --- what a test expects of a shape ------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """A fixture message and what its calendar part says."""

    name: str
    raw: bytes
    message_id: str
    uid: str
    sequence: int
    organizer: Person
    attendees: tuple[str, ...]
    """Lower-cased attendee addresses, in the order the request lists them."""
    user_as_written: str
    """The user's ATTENDEE value exactly as the request wrote it (mailto: included)."""
    recurrence_id: tuple[str, str | None] | None = None
    """(value, TZID) of RECURRENCE-ID, or None for a whole event or series."""
    rrule: bool = False
    """Whether the request is a series (RRULE)."""


# --- Google Calendar -----------------------------------------------------------------------

GOOGLE_PITCH = (
    "Hi Alan,\n\n"
    "I'd love 20 minutes to show you how LedgerLoom cuts month-end close from ten days to "
    "three for finance teams like yours. I've sent a placeholder for Wednesday, feel free to "
    "move it if the time doesn't suit.\n\n"
    "Best,\nPriya Raman\nAccount Executive, LedgerLoom\nledgerloom.com"
)
GOOGLE_UID = "4kq1v7o0t3cmb2s9e8hd6fjl5a@google.com"
GOOGLE_SUMMARY = "LedgerLoom <> Example: 20 minutes on month-end close"
LONDON = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def google_attendee(address: str, *, cn: str | None = None, partstat: str = "NEEDS-ACTION") -> str:
    """Google writes the bare address as CN when it knows no name."""
    cn = cn or address.partition(":")[2]
    return (
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
        f"PARTSTAT={partstat};RSVP=TRUE;CN={cn};X-NUM-GUESTS=0:{address}"
    )


def google_ics(
    *,
    method: str = "REQUEST",
    uid: str = GOOGLE_UID,
    sequence: int = 0,
    organizer: Person = PRIYA,
    attendees: Sequence[str] | None = None,
    summary: str = GOOGLE_SUMMARY,
    description: str = GOOGLE_PITCH,
    recurrence_id: str | None = None,
) -> str:
    """Google's calendar text: UTC times, or Europe/London with its VTIMEZONE for an instance
    of a series (Google writes RECURRENCE-ID in the series' zone)."""
    if attendees is None:
        attendees = [
            google_attendee(f"mailto:{organizer.email}", cn=organizer.name, partstat="ACCEPTED"),
            google_attendee(f"mailto:{USER_EMAIL}"),
        ]
    when = (
        [
            "DTSTART;TZID=Europe/London:20250624T150000",
            "DTEND;TZID=Europe/London:20250624T152000",
        ]
        if recurrence_id
        else ["DTSTART:20250618T150000Z", "DTEND:20250618T152000Z"]
    )
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        *(LONDON if recurrence_id else []),
        "BEGIN:VEVENT",
        *when,
        "DTSTAMP:20250611T091204Z",
        f"ORGANIZER;CN={organizer.name}:mailto:{organizer.email}",
        f"UID:{uid}",
        *([f"RECURRENCE-ID;TZID=Europe/London:{recurrence_id}"] if recurrence_id else []),
        *attendees,
        "X-GOOGLE-CONFERENCE:https://meet.google.com/xkp-qwre-tyu",
        "CREATED:20250611T090958Z",
        "DESCRIPTION:"
        + ical_text(
            description + "\n\nJoin with Google Meet: https://meet.google.com/xkp-qwre-tyu"
        ),
        "LAST-MODIFIED:20250611T091204Z",
        "LOCATION:",
        f"SEQUENCE:{sequence}",
        "STATUS:CANCELLED" if method == "CANCEL" else "STATUS:CONFIRMED",
        f"SUMMARY:{ical_text(summary)}",
        "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:This is an event reminder",
        "TRIGGER:-P0DT0H10M0S",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return vcalendar(lines)


GOOGLE_FOOTER = (
    "\n\nReply for {user}\nYes\nNo\nMaybe\nMore options\n\n"
    "Invitation from Google Calendar\n\n"
    "You are receiving this email because you are an attendee on the event. To stop receiving "
    "future updates for this event, decline this event.\n\n"
    "Forwarding this invitation could allow any recipient to send a response to the organiser, "
    "be added to the guest list, invite others regardless of their own invitation status or "
    "modify your RSVP. Learn more https://support.google.com/calendar/answer/37135#forwarding\n"
)


def google_mail(
    calendar: str,
    *,
    method: str = "REQUEST",
    subject: str = f"Invitation: {GOOGLE_SUMMARY} @ Wed 18 Jun 2025 16:00 - 16:20 (BST)",
    message_id: str = "calendar-6f0b9e1c-2d4a-4b8e-9f3a-1c2d3e4f5a6b@google.com",
    organizer: Person = PRIYA,
    to: str = USER_EMAIL,
    pitch: str = GOOGLE_PITCH,
) -> bytes:
    """A Google Calendar invitation email around `calendar`."""
    outer, inner = "000000000000a1b2c3061f4e9d80", "000000000000a1b2c1061f4e9d7e"
    plain = (
        f"{subject.partition(': ')[2].partition(' @ ')[0]}\n"
        "Wednesday 18 June 2025 16:00 - 16:20 (British Summer Time)\n\n"
        f"Organiser\n{organizer.name}\n{organizer.email}\n\n"
        f"Guests\n{organizer.name} - organiser\n{to}\n\n"
        f"{pitch}" + GOOGLE_FOOTER.format(user=to)
    )
    html = "<html><body><div>" + "<br>\n".join(plain.splitlines()) + "</div></body></html>"
    head = [
        f"Return-Path: <{organizer.email}>",
        f"Delivered-To: {to}",
        "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])",
        "\tby mx.example.com (Postfix) with ESMTPS id 4Q7Z2k0x1Nz9",
        f"\tfor <{to}>; Wed, 11 Jun 2025 10:12:07 +0100 (BST)",
        "Authentication-Results: mx.example.com;",
        f"\tdkim=pass header.d={organizer.email.partition('@')[2]} header.s=google;",
        f"\tspf=pass smtp.mailfrom={organizer.email.partition('@')[2]};",
        f"\tdmarc=pass (p=NONE) header.from={organizer.email.partition('@')[2]}",
        "MIME-Version: 1.0",
        f"Reply-To: {organizer.header}",
        "Sender: Google Calendar <calendar-notification@google.com>",
        "Auto-Submitted: no",
        f"Message-ID: <{message_id}>",
        "Date: Wed, 11 Jun 2025 09:12:04 +0000",
        f"Subject: {subject}",
        f"From: {organizer.header}",
        f"To: {to}",
        f'Content-Type: multipart/mixed; boundary="{outer}"',
    ]
    body = [
        f"--{outer}",
        f'Content-Type: multipart/alternative; boundary="{inner}"',
        "",
        f"--{inner}",
        'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes',
        "Content-Transfer-Encoding: base64",
        "",
        b64(lines_of(plain)),
        f"--{inner}",
        'Content-Type: text/html; charset="UTF-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(html),
        "",
        f"--{inner}",
        f'Content-Type: text/calendar; charset="UTF-8"; method={method}',
        "Content-Transfer-Encoding: 7bit",
        "",
        calendar,
        f"--{inner}--",
        "",
        f"--{outer}",
        'Content-Type: application/ics; name="invite.ics"',
        'Content-Disposition: attachment; filename="invite.ics"',
        "Content-Transfer-Encoding: base64",
        "",
        b64(calendar),
        f"--{outer}--",
        "",
    ]
    return (CRLF.join(head) + CRLF + CRLF + CRLF.join(body)).encode("utf-8")


def google_shape() -> Shape:
    message_id = "calendar-6f0b9e1c-2d4a-4b8e-9f3a-1c2d3e4f5a6b@google.com"
    return Shape(
        name="google",
        raw=google_mail(google_ics(), message_id=message_id),
        message_id=message_id,
        uid=GOOGLE_UID,
        sequence=0,
        organizer=PRIYA,
        attendees=(PRIYA.email, USER_EMAIL),
        user_as_written=f"mailto:{USER_EMAIL}",
    )


def google_update() -> bytes:
    """The same event moved: SEQUENCE:1, "Updated invitation"."""
    return google_mail(
        google_ics(sequence=1),
        subject=f"Updated invitation: {GOOGLE_SUMMARY} @ Thu 19 Jun 2025 16:00 - 16:20 (BST)",
        message_id="calendar-0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d@google.com",
    )


def google_cancel() -> bytes:
    """The organiser cancels: METHOD:CANCEL, STATUS:CANCELLED, still with the pitch."""
    pitch = (
        "Hi Alan,\n\n"
        "I've cancelled the placeholder for now. I'd still love 20 minutes to show you how "
        "LedgerLoom cuts month-end close for finance teams like yours; happy to find "
        "another time.\n\nBest,\nPriya Raman\nAccount Executive, LedgerLoom\nledgerloom.com"
    )
    return google_mail(
        google_ics(method="CANCEL", sequence=1, description=pitch),
        method="CANCEL",
        subject=f"Cancelled event: {GOOGLE_SUMMARY} @ Wed 18 Jun 2025 16:00 - 16:20 (BST)",
        message_id="calendar-c4nc3l00-1111-4a3b-2c1d-0e9f8a7b6c5d@google.com",
        pitch=pitch,
    )


def google_instance_shape() -> Shape:
    """One instance of a weekly series: RECURRENCE-ID in the series' zone."""
    uid = "7hs2k4m9q0p1r3t5v7x9z1b3d5_R20250617T140000@google.com"
    message_id = "calendar-1nst4nce-2d4a-4b8e-9f3a-1c2d3e4f5a6b@google.com"
    raw = google_mail(
        google_ics(uid=uid, sequence=2, recurrence_id="20250624T150000"),
        subject=f"Invitation: {GOOGLE_SUMMARY} @ Tue 24 Jun 2025 15:00 - 15:20 (BST)",
        message_id=message_id,
    )
    return Shape(
        name="google-instance",
        raw=raw,
        message_id=message_id,
        uid=uid,
        sequence=2,
        organizer=PRIYA,
        attendees=(PRIYA.email, USER_EMAIL),
        user_as_written=f"mailto:{USER_EMAIL}",
        recurrence_id=("20250624T150000", "Europe/London"),
    )


def alias_shape() -> Shape:
    """Google's shape, the user invited under an alias written in upper case."""
    message_id = "calendar-a11a5000-2d4a-4b8e-9f3a-1c2d3e4f5a6b@google.com"
    attendees = [
        google_attendee(f"mailto:{PRIYA.email}", cn=PRIYA.name, partstat="ACCEPTED"),
        google_attendee(f"MAILTO:{ALIAS_AS_WRITTEN}", cn=USER_NAME),
    ]
    raw = google_mail(
        google_ics(uid="a1ia5q0t3cmb2s9e8hd6fjl5a@google.com", attendees=attendees),
        message_id=message_id,
        to=ALIAS_AS_WRITTEN,
    )
    return Shape(
        name="alias",
        raw=raw,
        message_id=message_id,
        uid="a1ia5q0t3cmb2s9e8hd6fjl5a@google.com",
        sequence=0,
        organizer=PRIYA,
        attendees=(PRIYA.email, ALIAS),
        user_as_written=f"MAILTO:{ALIAS_AS_WRITTEN}",
    )


# --- Outlook / Exchange --------------------------------------------------------------------

OUTLOOK_PITCH = (
    "Hi Alan,\n\n"
    "I'd love 20 minutes to show you how Shipwise cuts carrier spend by 12% for distributors "
    "like Example. I've sent a placeholder for Tuesday; feel free to move it or propose a new "
    "time.\n\n"
    "Kind regards,\nMarcus Hale | Shipwise Analytics | shipwise-analytics.com"
)
TEAMS = (
    "\n\n________________________________________________________________________________\n"
    "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ1ZjM4%40thread.v2/0\n"
    "Meeting ID: 231 884 092 117\nPasscode: Rk3wP9\n"
    "________________________________________________________________________________\n"
)
OUTLOOK_UID = (
    "040000008200E00074C5B7101A82E00800000000D05C8E2B5FDBDB01000000000000000010000000"
    "3F4A5B6C7D8E9FA0B1C2D3E4F5061728"
)
PACIFIC = [
    "BEGIN:VTIMEZONE",
    "TZID:Pacific Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0700",
    "TZOFFSETTO:-0800",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:-0800",
    "TZOFFSETTO:-0700",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def outlook_ics(
    *,
    uid: str = OUTLOOK_UID,
    sequence: int = 0,
    rrule: str | None = None,
    recurrence_id: str | None = None,
    summary: str = "Shipwise x Example - carrier spend review",
    footer: str = TEAMS,
) -> str:
    instance_type = "3" if recurrence_id else ("1" if rrule else "0")
    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REQUEST",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        *PACIFIC,
        "BEGIN:VEVENT",
        f"ORGANIZER;CN={MARCUS.name}:mailto:{MARCUS.email}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={USER_NAME}:"
        f"mailto:{USER_EMAIL}",
        "DESCRIPTION;LANGUAGE=en-US:" + ical_text(OUTLOOK_PITCH + footer),
        *([f"RRULE:{rrule}"] if rrule else []),
        *([f"RECURRENCE-ID;TZID=Pacific Standard Time:{recurrence_id}"] if recurrence_id else []),
        f"UID:{uid}",
        f"SUMMARY;LANGUAGE=en-US:{ical_text(summary)}",
        "DTSTART;TZID=Pacific Standard Time:20250701T090000",
        "DTEND;TZID=Pacific Standard Time:20250701T093000",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        "DTSTAMP:20250612T163512Z",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        f"SEQUENCE:{sequence}",
        "LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting",
        f"X-MICROSOFT-CDO-APPT-SEQUENCE:{sequence}",
        "X-MICROSOFT-CDO-OWNERAPPTID:2117734583",
        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        f"X-MICROSOFT-CDO-INSTTYPE:{instance_type}",
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT",
        "X-MICROSOFT-ISRESPONSEREQUESTED:TRUE",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return vcalendar(lines)


def outlook_mail(calendar: str, *, message_id: str, subject: str, footer: str = TEAMS) -> bytes:
    boundary = "_000_SN7PR11MB6847D05C8E2B5FDB0A1B2C3D4E5F6SN7PR11MB6847namp_"
    plain = OUTLOOK_PITCH + footer
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '</head><body><div style="font-family:Aptos,sans-serif;font-size:11pt">'
        + "<br>\n".join(plain.splitlines())
        + "</div></body></html>"
    )
    head = [
        f"Return-Path: <{MARCUS.email}>",
        f"Delivered-To: {USER_EMAIL}",
        "Received: from NAM12-DM6-obe.outbound.protection.outlook.com "
        "(mail-dm6nam12on2118.outbound.protection.outlook.com [40.107.243.118])",
        f"\tby mx.example.com (Postfix) with ESMTPS id 4Q8B1m3c2Hz7 for <{USER_EMAIL}>;",
        "\tThu, 12 Jun 2025 16:35:15 +0000 (UTC)",
        "Authentication-Results: mx.example.com; dkim=pass header.d=shipwise-analytics.com;",
        "\tspf=pass smtp.mailfrom=shipwise-analytics.com;",
        "\tdmarc=pass header.from=shipwise-analytics.com",
        f"From: {MARCUS.header}",
        f"To: {USER_NAME} <{USER_EMAIL}>",
        f"Subject: {subject}",
        f"Thread-Topic: {subject}",
        "Thread-Index: AdvbXk3q9Rz0Lm1nQ2uJ8yT4s6vWxA==",
        "Date: Thu, 12 Jun 2025 16:35:12 +0000",
        f"Message-ID: <{message_id}>",
        "Accept-Language: en-US",
        "Content-Language: en-US",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        "x-ms-exchange-calendar-series-instance-id: BAAAAIIA4AB0xbcQGoLgCAAAAADQXI4rX9vbAQ==",
        "X-MS-Exchange-Organization-SCL: 1",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
    ]
    body = [
        f"--{boundary}",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(plain),
        "",
        f"--{boundary}",
        'Content-Type: text/html; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(html),
        "",
        f"--{boundary}",
        'Content-Type: text/calendar; charset="utf-8"; method=REQUEST',
        "Content-Transfer-Encoding: base64",
        "",
        b64(calendar),
        f"--{boundary}--",
        "",
    ]
    return (CRLF.join(head) + CRLF + CRLF + CRLF.join(body)).encode("utf-8")


def outlook_shape() -> Shape:
    message_id = "SN7PR11MB6847D05C8E2B5FDB0A1B2C3D4E5F6@SN7PR11MB6847.namprd11.prod.outlook.com"
    return Shape(
        name="outlook",
        raw=outlook_mail(
            outlook_ics(),
            message_id=message_id,
            subject="Shipwise x Example - carrier spend review",
        ),
        message_id=message_id,
        uid=OUTLOOK_UID,
        sequence=0,
        organizer=MARCUS,
        attendees=(USER_EMAIL,),
        user_as_written=f"mailto:{USER_EMAIL}",
    )


OUTLOOK_SERIES_UID = OUTLOOK_UID.replace("3F4A5B6C", "5E5E5E5E")


def outlook_series_shape() -> Shape:
    message_id = (
        "SN7PR11MB68475E5E5E5E7D8E9FA0B1C2D3E4F5061@SN7PR11MB6847.namprd11.prod.outlook.com"
    )
    return Shape(
        name="outlook-series",
        raw=outlook_mail(
            outlook_ics(
                uid=OUTLOOK_SERIES_UID,
                rrule="FREQ=WEEKLY;UNTIL=20250826T160000Z;INTERVAL=1;BYDAY=TU;WKST=SU",
                summary="Shipwise x Example - weekly pilot check-in",
            ),
            message_id=message_id,
            subject="Shipwise x Example - weekly pilot check-in",
        ),
        message_id=message_id,
        uid=OUTLOOK_SERIES_UID,
        sequence=0,
        organizer=MARCUS,
        attendees=(USER_EMAIL,),
        user_as_written=f"mailto:{USER_EMAIL}",
        rrule=True,
    )


def outlook_instance_shape() -> Shape:
    """One occurrence of the weekly series, moved: RECURRENCE-ID with the Windows zone."""
    message_id = (
        "SN7PR11MB6847A1B2C3D4E5F60718293A4B5C6D7E8@SN7PR11MB6847.namprd11.prod.outlook.com"
    )
    return Shape(
        name="outlook-instance",
        raw=outlook_mail(
            outlook_ics(
                uid=OUTLOOK_SERIES_UID,
                sequence=3,
                recurrence_id="20250708T090000",
                summary="Shipwise x Example - weekly pilot check-in",
            ),
            message_id=message_id,
            subject="Shipwise x Example - weekly pilot check-in",
        ),
        message_id=message_id,
        uid=OUTLOOK_SERIES_UID,
        sequence=3,
        organizer=MARCUS,
        attendees=(USER_EMAIL,),
        user_as_written=f"mailto:{USER_EMAIL}",
        recurrence_id=("20250708T090000", "Pacific Standard Time"),
    )


# --- Apple Calendar ------------------------------------------------------------------------

APPLE_PITCH = (
    "Hi Alan,\n\n"
    "I'd love 20 minutes to show you how Fernpoint cuts technician drive time by 18% for "
    "field-service teams like yours. I've sent a placeholder for next Wednesday, feel free to "
    "move it.\n\n"
    "Cheers,\nJonas Berg\nFernpoint | fernpoint.io"
)
APPLE_UID = "5B8E2F7A-3C41-4D9E-A0B6-7F1C2D3E4A5B"
BERLIN = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "DTSTART:19810329T020000",
    "TZNAME:CEST",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "DTSTART:19961027T030000",
    "TZNAME:CET",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def apple_ics() -> str:
    return vcalendar(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Apple Inc.//macOS 14.5//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:REQUEST",
            *BERLIN,
            "BEGIN:VEVENT",
            f'ATTENDEE;CN="{USER_NAME}";CUTYPE=INDIVIDUAL;EMAIL="{USER_EMAIL}";'
            f"PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{USER_EMAIL}",
            f'ATTENDEE;CN="{JONAS.name}";CUTYPE=INDIVIDUAL;EMAIL="{JONAS.email}";'
            f"PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:{JONAS.email}",
            "CREATED:20250612T081502Z",
            "DESCRIPTION:" + ical_text(APPLE_PITCH),
            "DTEND;TZID=Europe/Berlin:20250625T103000",
            "DTSTAMP:20250612T081544Z",
            "DTSTART;TZID=Europe/Berlin:20250625T101000",
            "LAST-MODIFIED:20250612T081544Z",
            f'ORGANIZER;CN="{JONAS.name}";EMAIL="{JONAS.email}":mailto:{JONAS.email}',
            "SEQUENCE:1",
            "SUMMARY:Fernpoint <> Example: 20 minutes",
            "TRANSP:OPAQUE",
            f"UID:{APPLE_UID}",
            "URL;VALUE=URI:",
            "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
    )


def apple_shape() -> Shape:
    message_id = "8C1F2A3B-4D5E-4F60-8172-93A4B5C6D7E8@fernpoint.io"
    boundary = "Apple-Mail=_3A0E2C4B-6D8F-4A1B-9C2D-5E7F8A9B0C1D"
    head = [
        f"Return-Path: <{JONAS.email}>",
        f"Delivered-To: {USER_EMAIL}",
        "Received: from smtp.fernpoint.io (smtp.fernpoint.io [198.51.100.23])",
        f"\tby mx.example.com (Postfix) with ESMTPS id 4Q8C2n4d3Jz8 for <{USER_EMAIL}>;",
        "\tThu, 12 Jun 2025 10:15:48 +0200 (CEST)",
        "Authentication-Results: mx.example.com; dkim=pass header.d=fernpoint.io;",
        "\tspf=pass smtp.mailfrom=fernpoint.io; dmarc=pass header.from=fernpoint.io",
        f"From: {JONAS.header}",
        f'Content-Type: multipart/mixed; boundary="{boundary}"',
        "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))",
        "Subject: Fernpoint <> Example: 20 minutes",
        f"Message-Id: <{message_id}>",
        "Date: Thu, 12 Jun 2025 10:15:44 +0200",
        f"To: {USER_NAME} <{USER_EMAIL}>",
        "X-Mailer: Apple Mail (2.3774.600.62)",
    ]
    body = [
        f"--{boundary}",
        "Content-Transfer-Encoding: 7bit",
        "Content-Type: text/plain;",
        "\tcharset=us-ascii",
        "",
        lines_of(APPLE_PITCH),
        "",
        f"--{boundary}",
        "Content-Disposition: attachment;",
        "\tfilename=invite.ics",
        "Content-Type: text/calendar;",
        "\tx-unix-mode=0644;",
        "\tname=invite.ics;",
        "\tmethod=REQUEST;",
        "\tcharset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(apple_ics()),
        f"--{boundary}--",
        "",
    ]
    raw = (CRLF.join(head) + CRLF + CRLF + CRLF.join(body)).encode("utf-8")
    return Shape(
        name="apple",
        raw=raw,
        message_id=message_id,
        uid=APPLE_UID,
        sequence=1,
        organizer=JONAS,
        attendees=(USER_EMAIL, JONAS.email),
        user_as_written=f"mailto:{USER_EMAIL}",
    )


# --- a colleague forwards a vendor's invite ---------------------------------------------------


def forwarded_invite() -> bytes:
    """Bob (example.com) forwards Priya's invite, which names Bob and Priya, not the user."""
    attendees = [
        google_attendee(f"mailto:{PRIYA.email}", cn=PRIYA.name, partstat="ACCEPTED"),
        google_attendee(f"mailto:{BOB.email}", cn=BOB.name),
    ]
    calendar = google_ics(uid="f0rw4rd3dcmb2s9e8hd6fjl5a@google.com", attendees=attendees)
    outer = "0000000000005e6f7a061f4fa1b2"
    plain = (
        "Alan, this vendor keeps booking time with the team. Is this something we need?\n\n"
        "Bob\n\n"
        "---------- Forwarded message ---------\n"
        f"From: {PRIYA.name} <{PRIYA.email}>\n"
        "Date: Wed, 11 Jun 2025 at 10:12\n"
        f"Subject: Invitation: {GOOGLE_SUMMARY} @ Wed 18 Jun 2025 16:00 - 16:20 (BST)\n"
        f"To: <{BOB.email}>\n\n" + GOOGLE_PITCH.replace("Hi Alan", "Hi Bob")
    )
    head = [
        f"Return-Path: <{BOB.email}>",
        f"Delivered-To: {USER_EMAIL}",
        "MIME-Version: 1.0",
        "Date: Wed, 11 Jun 2025 11:02:31 +0100",
        "Message-ID: <CAF0rwardB0b+x7Qm2Lp9sN4vT1wR8yU3zK6hJ5gD@mail.gmail.com>",
        f"Subject: Fwd: Invitation: {GOOGLE_SUMMARY} @ Wed 18 Jun 2025 16:00 - 16:20 (BST)",
        f"From: {BOB.header}",
        f"To: {USER_NAME} <{USER_EMAIL}>",
        f'Content-Type: multipart/mixed; boundary="{outer}"',
    ]
    body = [
        f"--{outer}",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(plain),
        "",
        f"--{outer}",
        'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST; name="invite.ics"',
        'Content-Disposition: attachment; filename="invite.ics"',
        "Content-Transfer-Encoding: base64",
        "",
        b64(calendar),
        f"--{outer}--",
        "",
    ]
    return (CRLF.join(head) + CRLF + CRLF + CRLF.join(body)).encode("utf-8")


# --- malformed calendar parts -------------------------------------------------------------


def _truncated_calendar() -> bytes:
    """A real request cut off mid-event: no END:VEVENT, no END:VCALENDAR."""
    whole = google_ics(uid="trunc4t3dmb2s9e8hd6fjl5a@google.com")
    return whole[: whole.index("SEQUENCE:")].encode("utf-8")


def _garbage_calendar() -> bytes:
    return bytes(range(256)) * 3 + b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n\x00\xff\xfe"


def _broken_lines_calendar() -> bytes:
    """A calendar whose lines break every rule: an unterminated component, bad values."""
    return (
        'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID;X="unclosed:'
        "broken@ledgerloom.com\r\nDTSTART:not-a-date\r\nSEQUENCE:one\r\n"
        f"ORGANIZER;CN=Priya Raman:mailto:{PRIYA.email}\r\n"
        f"ATTENDEE;RSVP=TRUE:mailto:{USER_EMAIL}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    ).encode()


MALFORMED = {
    "truncated": _truncated_calendar,
    "garbage": _garbage_calendar,
    "broken-lines": _broken_lines_calendar,
}


def malformed_invite(kind: str) -> bytes:
    """Google's outer shape with a calendar part (inline and as invite.ics) that is broken."""
    data = MALFORMED[kind]()
    outer, inner = "0000000000009b8a7f061f50c3d4", "0000000000009b8a7e061f50c3d2"
    head = [
        f"Return-Path: <{PRIYA.email}>",
        f"Delivered-To: {USER_EMAIL}",
        "MIME-Version: 1.0",
        f"Reply-To: {PRIYA.header}",
        f"Message-ID: <calendar-m4lf0rm3d-{kind}@google.com>",
        "Date: Wed, 11 Jun 2025 09:12:04 +0000",
        f"Subject: Invitation: {GOOGLE_SUMMARY} @ Wed 18 Jun 2025 16:00 - 16:20 (BST)",
        f"From: {PRIYA.header}",
        f"To: {USER_EMAIL}",
        f'Content-Type: multipart/mixed; boundary="{outer}"',
    ]
    body = [
        f"--{outer}",
        f'Content-Type: multipart/alternative; boundary="{inner}"',
        "",
        f"--{inner}",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(GOOGLE_PITCH),
        "",
        f"--{inner}",
        'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST',
        "Content-Transfer-Encoding: base64",
        "",
        b64(data),
        f"--{inner}--",
        "",
        f"--{outer}",
        'Content-Type: application/ics; name="invite.ics"',
        'Content-Disposition: attachment; filename="invite.ics"',
        "Content-Transfer-Encoding: base64",
        "",
        b64(data),
        f"--{outer}--",
        "",
    ]
    return (CRLF.join(head) + CRLF + CRLF + CRLF.join(body)).encode("utf-8")


def follow_up_email() -> bytes:
    """A plain follow-up from Priya, after her invite was declined."""
    text = (
        "Hi Alan,\n\n"
        "Just following up on the invite I sent last week. Finance teams like yours cut "
        "month-end close by 40% with LedgerLoom in their first quarter.\n"
        "Would 20 minutes on Thursday work?\n\n"
        "Best,\nPriya Raman\nAccount Executive, LedgerLoom\nledgerloom.com"
    )
    head = [
        f"Return-Path: <{PRIYA.email}>",
        f"Delivered-To: {USER_EMAIL}",
        f"From: {PRIYA.header}",
        f"To: {USER_EMAIL}",
        "Subject: Month-end close at Example",
        "Date: Wed, 18 Jun 2025 08:01:00 +0000",
        "Message-ID: <CAL3dg3rL00mF0ll0wUp+9x@mail.gmail.com>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: 7bit",
    ]
    return (CRLF.join(head) + CRLF + CRLF + lines_of(text) + CRLF).encode("utf-8")


SHAPES = {
    shape.name: shape
    for shape in (
        google_shape(),
        outlook_shape(),
        apple_shape(),
        outlook_series_shape(),
        outlook_instance_shape(),
        google_instance_shape(),
        alias_shape(),
    )
}


# --- reading a decline back ----------------------------------------------------------------


def mime(raw: bytes) -> email.message.Message:
    """The message as sent, headers untouched (compat32 decodes no encoded words)."""
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def raw_header(raw: bytes, name: str) -> str | None:
    """A header's value as written on the wire, unfolded (RFC 5322 §2.2.3)."""
    value = mime(raw)[name]
    if value is None:
        return None
    return "".join(str(value).replace("\r\n", "\n").split("\n")).strip()


def text_part(raw: bytes) -> str:
    parts = [p for p in mime(raw).walk() if p.get_content_type() == "text/plain"]
    assert len(parts) == 1, [p.get_content_type() for p in mime(raw).walk()]
    data = parts[0].get_payload(decode=True)
    assert isinstance(data, bytes)
    return data.decode(parts[0].get_content_charset() or "ascii").replace("\r\n", "\n")


def calendar_part(raw: bytes) -> tuple[email.message.Message, icalendar.Calendar]:
    parts = [p for p in mime(raw).walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in mime(raw).walk()]
    data = parts[0].get_payload(decode=True)
    assert isinstance(data, bytes)
    return parts[0], icalendar.Calendar.from_ical(data.decode("utf-8"))


def request_event(shape: Shape) -> icalendar.Event:
    """The request's own VEVENT, read from the fixture with icalendar."""
    [request] = parse(shape.raw).calendars
    calendar = icalendar.Calendar.from_ical(request.ics.decode("utf-8"))
    [event] = calendar.walk("VEVENT")
    return event


def check_reply_calendar(
    calendar: icalendar.Calendar,
    shape: Shape,
    comment: str,
    stamped: tuple[datetime, datetime],
) -> None:
    """RFC 5546 §3.2.3 REPLY declining `shape`'s request, field by field."""
    assert str(calendar["METHOD"]) == "REPLY"
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    [event] = events
    assert str(event["UID"]) == shape.uid
    assert int(event["SEQUENCE"]) == shape.sequence
    if shape.recurrence_id is None:
        assert "RECURRENCE-ID" not in event
    else:
        value, tzid = shape.recurrence_id
        recurrence = event["RECURRENCE-ID"]
        assert recurrence.to_ical().decode() == value
        assert recurrence.params.get("TZID") == tzid
    assert "DTSTAMP" in event
    stamp = event.decoded("DTSTAMP")
    assert isinstance(stamp, datetime) and stamp.tzinfo is not None
    earliest, latest = stamped
    assert earliest.replace(microsecond=0) <= stamp <= latest
    organizer, asked_by = event["ORGANIZER"], request_event(shape)["ORGANIZER"]
    assert str(organizer) == str(asked_by)
    assert str(organizer).lower() == f"mailto:{shape.organizer.email}"
    assert organizer.params.get("CN") == asked_by.params["CN"] == shape.organizer.name
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list), "exactly one ATTENDEE"
    assert str(attendee) == shape.user_as_written
    assert attendee.params.get("PARTSTAT") == "DECLINED"
    assert "RSVP" not in attendee.params
    assert str(event["COMMENT"]) == comment.strip()
    assert not [c for c in calendar.walk() if c.name == "VALARM"]


def check_threading(raw: bytes, shape: Shape) -> None:
    """In-Reply-To and References name the invite's Message-ID, verbatim on the wire."""
    assert raw_header(raw, "In-Reply-To") == f"<{shape.message_id}>"
    assert raw_header(raw, "References") == f"<{shape.message_id}>"


def check_decline_email(
    raw: bytes, shape: Shape, stamped: tuple[datetime, datetime], *, verbatim_ids: bool = True
) -> None:
    """The decline email around the REPLY: headers, a text part and the calendar part.
    `verbatim_ids=False` reads In-Reply-To as a mail reader that decodes RFC 2047 would
    (`check_threading` holds the strict check)."""
    if verbatim_ids:
        check_threading(raw, shape)
    decoded = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(decoded["In-Reply-To"]).strip() == f"<{shape.message_id}>"
    to = email.utils.getaddresses([raw_header(raw, "To") or ""])
    assert [address.lower() for _, address in to] == [shape.organizer.email]
    assert email.utils.parseaddr(raw_header(raw, "From") or "")[1] == USER_EMAIL
    part, calendar = calendar_part(raw)
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REPLY"
    assert part.get_content_charset() == "utf-8"
    text = text_part(raw)
    assert "remove me and everyone at example.com" in " ".join(text.split())
    check_reply_calendar(calendar, shape, text, stamped)


def judged(raw: bytes, state: VendorState | None = None) -> tuple[Message, Verdict, Decision]:
    """parse -> classify -> decide, as a pass does for one INBOX message."""
    message = parse(raw)
    verdict = classify(message, USER)
    state = state or VendorState(verdict.organisation or "")
    circumstances = Circumstances(arrived=datetime.now(UTC))
    return message, verdict, decide(message, verdict, state, USER, POLICY, circumstances)


SHAPE_PARAMS = list(SHAPES)  # Exchange Message-IDs are 80-90 characters: kept whole


# --- pure: parsing ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_parses_to_one_calendar_request(name: str) -> None:
    shape = SHAPES[name]
    message = parse(shape.raw)
    assert len(message.calendars) == 1, "inline part and invite.ics are one request"
    [request] = message.calendars
    assert request.method == "REQUEST" and request.is_request
    assert request.uid == shape.uid
    assert request.sequence == shape.sequence
    assert request.organizer == shape.organizer.email
    assert request.organizer_name == shape.organizer.name
    assert request.attendees == shape.attendees
    expected_recurrence = shape.recurrence_id[0] if shape.recurrence_id else None
    assert request.recurrence_id == expected_recurrence
    assert ("RRULE" in request_event(shape)) == shape.rrule
    assert message.message_id == shape.message_id
    assert "I'd love 20 minutes" in message.text


def test_the_google_shape_has_the_calendar_inline_and_as_invite_ics() -> None:
    parts = list(mime(SHAPES["google"].raw).walk())
    types = [p.get_content_type() for p in parts]
    assert types == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    assert parts[4].get_param("method") == "REQUEST"
    assert parts[5].get_filename() == "invite.ics"
    assert parts[4].get_payload(decode=True) == parts[5].get_payload(decode=True)


def test_the_outlook_shape_is_base64_with_a_windows_time_zone() -> None:
    parts = [p for p in mime(SHAPES["outlook"].raw).walk() if not p.is_multipart()]
    calendar = parts[-1]
    assert calendar.get_content_type() == "text/calendar"
    assert calendar["Content-Transfer-Encoding"] == "base64"
    data = calendar.get_payload(decode=True)
    assert isinstance(data, bytes)
    assert b"X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE" in data
    event = request_event(SHAPES["outlook"])
    assert event["DTSTART"].params["TZID"] == "Pacific Standard Time"
    assert b"BEGIN:VTIMEZONE\r\nTZID:Pacific Standard Time" in data


def test_the_apple_shape_is_a_quoted_printable_attachment() -> None:
    [calendar] = [
        p for p in mime(SHAPES["apple"].raw).walk() if p.get_content_type() == "text/calendar"
    ]
    assert calendar.get_content_disposition() == "attachment"
    assert calendar.get_filename() == "invite.ics"
    assert calendar["Content-Transfer-Encoding"] == "quoted-printable"
    assert calendar.get_param("method") == "REQUEST"
    assert "=\r\n" in str(calendar.get_payload()), "long lines are soft-broken"


def test_the_series_carries_its_rule_and_the_instance_its_recurrence_id() -> None:
    series = request_event(SHAPES["outlook-series"])
    assert "RRULE" in series and "RECURRENCE-ID" not in series
    instance = request_event(SHAPES["outlook-instance"])
    assert instance["RECURRENCE-ID"].params["TZID"] == "Pacific Standard Time"
    assert str(instance["UID"]) == str(series["UID"])


# --- pure: classify and decide --------------------------------------------------------------


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_vendor_shape_is_an_invite_declined_to_its_organiser(name: str) -> None:
    shape = SHAPES[name]
    _, verdict, decision = judged(shape.raw)
    assert verdict.kind == INVITE, verdict.summary()
    assert verdict.organisation == shape.organizer.email.partition("@")[2]
    assert verdict.invite is not None and verdict.invite.uid == shape.uid
    assert decision.action == DECLINE_INVITE, decision.reasons
    assert decision.recipient == Address(shape.organizer.name, shape.organizer.email)


def test_a_forwarded_invite_is_the_colleagues_and_is_kept() -> None:
    message, verdict, decision = judged(forwarded_invite())
    [request] = message.calendars
    assert request.is_request and request.organizer == PRIYA.email
    assert USER_EMAIL not in request.attendees and BOB.email in request.attendees
    assert verdict.kind == OTHER
    assert verdict.vendor is None
    assert decision.action == KEEP and not decision.declines


def test_an_update_after_the_decline_is_filed_not_declined_again() -> None:
    declined = VendorState(
        "ledgerloom.com",
        outreach=1,
        no_at=datetime.now(UTC) - timedelta(days=3),
        no_via="invite",
        declined=True,
    )
    message, _, decision = judged(google_update(), declined)
    [request] = message.calendars
    assert (request.uid, request.sequence) == (GOOGLE_UID, 1)
    assert decision.action == "file"
    assert not decision.declines and decision.offence


def test_a_cancellation_is_never_an_invite_to_decline() -> None:
    for state in (None, VendorState("ledgerloom.com", outreach=1)):
        message, verdict, decision = judged(google_cancel(), state)
        [request] = message.calendars
        assert request.method == "CANCEL" and not request.is_request
        assert verdict.kind != INVITE
        assert verdict.invite is None
        assert decision.action != DECLINE_INVITE


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_calendar_part_never_crashes_and_is_never_declined_as_an_invite(
    kind: str,
) -> None:
    message, verdict, decision = judged(malformed_invite(kind))
    assert message.calendars == ()
    assert verdict.kind != INVITE and verdict.invite is None
    assert decision.action != DECLINE_INVITE


def test_the_teams_join_footer_adds_no_signal_to_an_outlook_invite() -> None:
    """Every Teams invite carries teams.microsoft.com/l/meetup-join/...: boilerplate, not a
    community meetup (it once cost every Outlook invite 3 points)."""
    with_teams = classify(parse(SHAPES["outlook"].raw), USER)
    without = outlook_mail(
        outlook_ics(footer=""),
        message_id="no-teams@SN7PR11MB6847.namprd11.prod.outlook.com",
        subject="Shipwise x Example - carrier spend review",
        footer="",
    )
    assert "meetup-join" in parse(SHAPES["outlook"].raw).text
    plain = parse(without)
    assert "meetup" not in plain.text
    assert {s.name for s in with_teams.signals} == {s.name for s in classify(plain, USER).signals}


# --- pure: the decline --------------------------------------------------------------------


def declined(shape: Shape) -> tuple[bytes, tuple[datetime, datetime]]:
    """The decline a pass would compose for `shape`, and when it was composed."""
    message, verdict, decision = judged(shape.raw)
    assert decision.recipient is not None and verdict.organisation is not None
    before = datetime.now(UTC)
    reply = compose_decline(
        message,
        decision.recipient,
        verdict.organisation,
        USER,
        TEMPLATE,
        datetime.now(UTC),
        invite=verdict.invite,
    )
    after = datetime.now(UTC)
    assert reply.recipient == shape.organizer.email
    assert reply.sender == USER_EMAIL
    return reply.raw, (before, after)


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_decline_email_carries_an_itip_reply(name: str) -> None:
    raw, stamped = declined(SHAPES[name])
    check_decline_email(raw, SHAPES[name], stamped, verbatim_ids=False)


@pytest.mark.parametrize("name", SHAPE_PARAMS)
def test_the_decline_threads_with_the_invite(name: str) -> None:
    raw, _ = declined(SHAPES[name])
    check_threading(raw, SHAPES[name])


@pytest.mark.parametrize("name", list(SHAPES))
def test_compose_calendar_decline_answers_the_request(name: str) -> None:
    shape = SHAPES[name]
    [request] = parse(shape.raw).calendars
    comment = DEFAULT_BODY.format(
        sender_first_name=shape.organizer.name.split()[0],
        user_organisation="example.com",
        user_name=USER_NAME,
    )
    now = datetime.now(UTC)
    text = compose_calendar_decline(request, USER, comment, now)
    assert "\r\nMETHOD:REPLY\r\n" in text
    check_reply_calendar(icalendar.Calendar.from_ical(text), shape, comment, (now, now))


def test_the_alias_is_answered_as_written_not_as_configured() -> None:
    shape = SHAPES["alias"]
    message, verdict, decision = judged(shape.raw)
    assert decision.action == DECLINE_INVITE
    reply = compose_decline(
        message,
        decision.recipient or Address("", ""),
        "ledgerloom.com",
        USER,
        TEMPLATE,
        datetime.now(UTC),
        invite=verdict.invite,
    )
    _, calendar = calendar_part(reply.raw)
    [event] = calendar.walk("VEVENT")
    assert str(event["ATTENDEE"]) == f"MAILTO:{ALIAS_AS_WRITTEN}"
    assert ALIAS not in str(event["ATTENDEE"]) and USER_EMAIL not in str(event["ATTENDEE"])


# --- round trips through Dovecot and the SMTP sink ------------------------------------------


def passes(run_guard: RunGuard, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A CLI call that must exit 0 without a traceback."""
    completed = run_guard(config, *(args or ("run", "--once")))
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


def where(dovecot: Dovecot, user: MailUser, message_id: str) -> list[str]:
    """Every folder holding `message_id`."""
    folders = ["INBOX", INVITES, IGNORED, DECLINED, "Sent"]
    return [f for f in folders if message_id in message_ids(dovecot, user, f)]


def vendors(run_guard: RunGuard, config: Path) -> dict[str, dict[str, Any]]:
    completed = passes(run_guard, config, "status", "--json", "--all")
    return {entry["vendor"]: entry for entry in json.loads(completed.stdout)}


def started(
    write_config: WriteConfig,
    run_guard: RunGuard,
    user: MailUser,
    smtp: SmtpSink,
    **tables: dict[str, Any] | None,
) -> Path:
    """A config with SMTP and the user's domain, after a first pass on the empty mailbox (so
    what is delivered next is news, not history)."""
    config = write_config(user, smtp=smtp, domains=["example.com"], **tables)
    passes(run_guard, config)
    return config


def delivered(
    dovecot: Dovecot, user: MailUser, run_guard: RunGuard, config: Path, raw: bytes
) -> tuple[datetime, datetime]:
    """Deliver `raw` to INBOX and run a pass; returns when the pass started and ended."""
    dovecot.append(user, "INBOX", raw)
    before = datetime.now(UTC)
    passes(run_guard, config)
    return before, datetime.now(UTC)


def only_mail(sink: SmtpSink) -> SentMail:
    received = sink.received
    assert len(received) == 1, [m.rcpt_tos for m in received]
    return received[0]


@pytest.mark.integration
def test_google_invite_round_trip_update_and_follow_up(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    shape = SHAPES["google"]
    config = started(write_config, run_guard, mail_user, smtp_sink)
    assert smtp_sink.received == []

    stamped = delivered(dovecot, mail_user, run_guard, config, shape.raw)
    sent = only_mail(smtp_sink)
    assert sent.rcpt_tos == (PRIYA.email,)
    assert sent.mail_from == USER_EMAIL
    check_decline_email(sent.data, shape, stamped)
    assert where(dovecot, mail_user, shape.message_id) == [INVITES]
    decline_id = raw_header(sent.data, "Message-ID")
    assert decline_id is not None
    assert where(dovecot, mail_user, decline_id.strip("<>")) == ["Sent"]
    status = vendors(run_guard, config)["ledgerloom.com"]
    assert status["no_via"] == "invite"
    assert status["no_at"] is not None
    assert status["after_no"] == 0 and status["ignored_no"] is False

    update = google_update()
    delivered(dovecot, mail_user, run_guard, config, update)
    assert len(smtp_sink.received) == 1, "no second decline for the update"
    update_id = parse(update).message_id or ""
    assert where(dovecot, mail_user, update_id) == [IGNORED]
    after_update = vendors(run_guard, config)["ledgerloom.com"]["after_no"]

    follow_up = follow_up_email()
    delivered(dovecot, mail_user, run_guard, config, follow_up)
    assert len(smtp_sink.received) == 1
    assert where(dovecot, mail_user, parse(follow_up).message_id or "") == [IGNORED]
    status = vendors(run_guard, config)["ledgerloom.com"]
    assert status["after_no"] >= 1
    assert status["after_no"] == after_update + 1, "the follow-up counts as an offence"
    assert status["ignored_no"] is True
    assert status["no_via"] == "invite"
    assert message_ids(dovecot, mail_user, "INBOX") == []


@pytest.mark.integration
@pytest.mark.parametrize("name", list(SHAPES))
def test_each_shape_is_declined_through_dovecot(
    name: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    """The IMAP adapter fetches the calendar part apart (base64, quoted-printable, 7bit)."""
    shape = SHAPES[name]
    config = started(write_config, run_guard, mail_user, smtp_sink, account={"aliases": [ALIAS]})
    stamped = delivered(dovecot, mail_user, run_guard, config, shape.raw)
    sent = only_mail(smtp_sink)
    assert sent.rcpt_tos == (shape.organizer.email,)
    check_decline_email(sent.data, shape, stamped, verbatim_ids=False)
    assert where(dovecot, mail_user, shape.message_id) == [INVITES]


@pytest.mark.integration
def test_the_alias_attendee_is_answered_as_written(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    shape = SHAPES["alias"]
    config = started(write_config, run_guard, mail_user, smtp_sink, account={"aliases": [ALIAS]})
    delivered(dovecot, mail_user, run_guard, config, shape.raw)
    sent = only_mail(smtp_sink)
    _, calendar = calendar_part(sent.data)
    [event] = calendar.walk("VEVENT")
    attendee = event["ATTENDEE"]
    assert not isinstance(attendee, list)
    assert str(attendee) == f"MAILTO:{ALIAS_AS_WRITTEN}"
    assert attendee.params["PARTSTAT"] == "DECLINED"
    assert where(dovecot, mail_user, shape.message_id) == [INVITES]


@pytest.mark.integration
def test_an_alias_invite_without_the_alias_configured_is_not_declined(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    """The same invite, but the config does not know the alias: not the user's to answer."""
    shape = SHAPES["alias"]
    config = started(write_config, run_guard, mail_user, smtp_sink)
    delivered(dovecot, mail_user, run_guard, config, shape.raw)
    assert smtp_sink.received == []
    assert where(dovecot, mail_user, shape.message_id) == ["INBOX"]


@pytest.mark.integration
def test_a_forwarded_invite_stays_in_the_inbox_unanswered(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    raw = forwarded_invite()
    config = started(write_config, run_guard, mail_user, smtp_sink)
    delivered(dovecot, mail_user, run_guard, config, raw)
    assert smtp_sink.received == []
    assert where(dovecot, mail_user, parse(raw).message_id or "") == ["INBOX"]
    assert "ledgerloom.com" not in vendors(run_guard, config)
    path = tmp_path / "forwarded.eml"
    path.write_bytes(raw)
    explained = json.loads(passes(run_guard, config, "explain", str(path), "--json").stdout)
    assert explained["verdict"] == "other"
    assert explained["vendor"] is None


@pytest.mark.integration
def test_a_cancellation_is_never_answered(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    raw = google_cancel()
    config = started(write_config, run_guard, mail_user, smtp_sink)
    delivered(dovecot, mail_user, run_guard, config, raw)
    assert smtp_sink.received == []
    found = where(dovecot, mail_user, parse(raw).message_id or "")
    assert len(found) == 1 and found != [INVITES]
    assert vendors(run_guard, config).get("ledgerloom.com", {}).get("no_via") is None


@pytest.mark.integration
@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_calendar_is_kept_or_filed_never_answered(
    kind: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    raw = malformed_invite(kind)
    config = started(write_config, run_guard, mail_user, smtp_sink)
    delivered(dovecot, mail_user, run_guard, config, raw)  # exit 0, no traceback
    assert smtp_sink.received == []
    found = where(dovecot, mail_user, f"calendar-m4lf0rm3d-{kind}@google.com")
    assert len(found) == 1, "never lost, never copied"
    assert found != [INVITES]


@pytest.mark.integration
def test_observe_mode_sends_nothing_and_moves_nothing(
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    shape = SHAPES["google"]
    config = started(write_config, run_guard, mail_user, smtp_sink, policy={"mode": "observe"})
    delivered(dovecot, mail_user, run_guard, config, shape.raw)
    assert smtp_sink.received == []
    assert message_ids(dovecot, mail_user, "INBOX") == [shape.message_id]
    for folder in (INVITES, IGNORED, DECLINED, "Sent"):
        assert message_ids(dovecot, mail_user, folder) == []
    status = vendors(run_guard, config).get("ledgerloom.com")
    assert status is not None, "observe mode still records the vendor"
    assert status["no_via"] is None
