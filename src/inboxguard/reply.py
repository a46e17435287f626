"""Composing declines: the reply email and the iTIP calendar decline (RFC 5546, RFC 6047). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

import icalendar

from .calendar import CalendarRequest, calendar_address
from .config import Decline
from .message import Address, Message
from .user import User

DEFAULT_BODY = """\
Hello {sender_first_name},

Thank you, but no. Please remove me and everyone at {user_organisation} from your lists and \
sequences, and do not contact us again, by email, phone or calendar invitation.

{user_name}
"""
"""The decline text when `[decline] body` is not set: firm, courteous, and plain about it."""

_SURROGATES = re.compile("[\ud800-\udfff]")
MAX_MESSAGE_ID = 960
"""Longer ids are not echoed: they would not fit a header line and help nobody thread."""
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")
_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"
)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|antw)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


_POLICY = SMTP.clone(max_line_length=998)
"""Long Message-IDs (Exchange's) must stay whole in In-Reply-To, not become encoded words."""


class UnsafeReply(ValueError):
    """A reply cannot be composed safely (a recipient that is not a plain address)."""


@dataclass(frozen=True)
class ComposedReply:
    """A decline ready to send: its bytes, the envelope and the Message-ID it carries."""

    raw: bytes
    sender: str
    recipient: str
    message_id: str


def safe_header_text(value: str, limit: int = 200) -> str:
    """Vendor-controlled text made fit for a header: no control characters, no lone
    surrogates, no encoded-word syntax left for a mail program to decode, bounded."""
    text = _SURROGATES.sub("\ufffd", _UNSAFE.sub(" ", value)).replace("=?", "= ?")
    return " ".join(text.split())[:limit]


def safe_address(address: str) -> str:
    address = address.strip()
    if not _ADDRESS.match(address) or len(address) > 254 or "=?" in address:
        raise UnsafeReply(f"not a plain address: {address!r}")
    return address


def placeholders(message: Message, recipient: Address, vendor: str, user: User) -> dict[str, str]:
    name = safe_header_text(recipient.name or (message.sender.name if message.sender else ""))
    first = name.split()[0] if name.split() else "there"
    return {
        "sender_name": name or recipient.email,
        "sender_first_name": first.strip(",;\"'"),
        "vendor": vendor,
        "subject": safe_header_text(_REPLY_PREFIX.sub("", message.subject)),
        "user_name": safe_header_text(user.name) or user.email,
        "user_first_name": safe_header_text(user.first_name),
        "user_organisation": user.organisation,
    }


def decline_text(template: Decline, values: dict[str, str]) -> str:
    return (template.body or DEFAULT_BODY).format(**values)


def compose_decline(
    message: Message,
    recipient: Address,
    vendor: str,
    user: User,
    template: Decline,
    now: datetime,
    invite: CalendarRequest | None = None,
) -> ComposedReply:
    """The decline: a reply to `message`, from the user, to `recipient`; with an iTIP
    METHOD:REPLY part declining `invite` when one is given."""
    to_address = safe_address(recipient.email)
    from_address = safe_address(user.email)
    values = placeholders(message, recipient, vendor, user)
    text = decline_text(template, values)
    message_id = make_msgid(domain=from_address.rpartition("@")[2])

    reply = EmailMessage(policy=_POLICY)
    try:
        reply["From"] = HeaderAddress(safe_header_text(user.name), addr_spec=from_address)
        to_name = values["sender_name"] if recipient.name else ""
        reply["To"] = HeaderAddress(to_name, addr_spec=to_address)
    except (ValueError, IndexError) as error:  # the email package's own refusal
        raise UnsafeReply(f"cannot address the reply: {error}") from error
    reply["Subject"] = safe_header_text(template.subject.format(**values), 250)
    reply["Date"] = format_datetime(now)
    reply["Message-ID"] = message_id
    if message.message_id and _is_message_id(message.message_id):
        reply["In-Reply-To"] = f"<{message.message_id}>"
        references = [r for r in message.references if _is_message_id(r)][-20:]
        reply["References"] = " ".join(f"<{r}>" for r in [*references, message.message_id])
    reply["X-Auto-Response-Suppress"] = "All"
    if template.auto_submitted:
        reply["Auto-Submitted"] = "auto-replied"
    reply.set_content(text)
    if invite is not None:
        calendar = compose_calendar_decline(invite, user, text, now)
        reply.make_alternative()
        reply.add_alternative(calendar, subtype="calendar", params={"method": "REPLY"}, cte="8bit")
    return ComposedReply(reply.as_bytes(), from_address, to_address, message_id.strip("<>"))


def _is_message_id(value: str) -> bool:
    return len(value) <= MAX_MESSAGE_ID and bool(
        re.fullmatch(r"[^\s<>()\\,;:\"\[\]]+@[^\s<>()\\,;:\"\[\]]+", value)
    )


def compose_calendar_decline(
    invite: CalendarRequest, user: User, comment: str, now: datetime
) -> str:
    """METHOD:REPLY for `invite`: same UID, SEQUENCE and RECURRENCE-ID, ORGANIZER copied,
    exactly one ATTENDEE (the user as the request wrote them) with PARTSTAT=DECLINED."""
    event = _original_event(invite)
    reply = icalendar.Calendar()
    reply.add("prodid", "-//inboxguard//decline//EN")
    reply.add("version", "2.0")
    reply.add("method", "REPLY")
    answer = icalendar.Event()
    answer.add("uid", invite.uid)
    answer.add("dtstamp", now)
    answer.add("sequence", invite.sequence)
    for name in ("RECURRENCE-ID", "DTSTART", "DTEND", "ORGANIZER"):
        if event is not None and name in event:
            answer[name] = event[name]
    if event is not None and "SUMMARY" in event:
        answer.add("summary", safe_header_text(str(event["SUMMARY"])))
    if "ORGANIZER" not in answer and invite.organizer:
        answer.add("organizer", f"mailto:{invite.organizer}")
    answer["ATTENDEE"] = _declining_attendee(event, user)
    answer.add("comment", comment.strip())
    reply.add_component(answer)
    return reply.to_ical().decode("utf-8")


def _original_event(invite: CalendarRequest) -> icalendar.cal.Component | None:
    try:
        calendar = icalendar.Calendar.from_ical(invite.ics.decode("utf-8", errors="replace"))
    except (ValueError, IndexError, KeyError, TypeError):
        return None
    for event in calendar.walk("VEVENT"):
        if str(event.get("UID", "")).strip() == invite.uid:
            recurrence = event.get("RECURRENCE-ID")
            recurrence_text = recurrence.to_ical().decode() if recurrence is not None else None
            if recurrence_text == invite.recurrence_id:
                return event
    return None


def _declining_attendee(event: icalendar.cal.Component | None, user: User) -> icalendar.vCalAddress:
    attendees = event.get("ATTENDEE", []) if event is not None else []
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        if calendar_address(attendee) in user.addresses:
            declined = icalendar.vCalAddress(str(attendee))
            for key, value in attendee.params.items():
                if key.upper() not in ("PARTSTAT", "RSVP"):
                    declined.params[key] = value
            declined.params["PARTSTAT"] = "DECLINED"
            return declined
    declined = icalendar.vCalAddress(f"mailto:{user.email}")
    if user.name:
        declined.params["CN"] = user.name
    declined.params["PARTSTAT"] = "DECLINED"
    return declined
