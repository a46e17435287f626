"""compose_decline(): the decline email and its iTIP METHOD:REPLY calendar decline."""

from __future__ import annotations

import email
import email.message
import email.policy
import re
from datetime import UTC, datetime

import icalendar
import pytest
from builders import USER, build, ics, literal

from inboxguard.calendar import CalendarRequest
from inboxguard.config import Decline
from inboxguard.message import Address, Message, parse
from inboxguard.reply import (
    ComposedReply,
    UnsafeReply,
    compose_calendar_decline,
    compose_decline,
    safe_address,
    safe_header_text,
)
from inboxguard.user import User

ALAN = User(USER, "Alan Porter", ("example.com",), aliases=("alan.porter@example.com",))
TEMPLATE = Decline(subject="Re: {subject}", body=None, auto_submitted=False)
NOW = datetime(2025, 6, 3, 9, 30, tzinfo=UTC)
VENDOR = "bitesio.com"

REPLY_HEADERS = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "x-auto-response-suppress",
    "auto-submitted",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
}


def read(raw: bytes) -> email.message.EmailMessage:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def header_names(raw: bytes) -> list[str]:
    return [name.lower() for name, _ in read(raw).items()]


def raw_header_lines(raw: bytes) -> list[str]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    return head.split("\r\n")


def text_of(raw: bytes) -> str:
    part = read(raw).get_body(preferencelist=("plain",))
    assert part is not None
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def decline(
    message: Message,
    recipient: Address | None = None,
    template: Decline = TEMPLATE,
    user: User = ALAN,
    invite: CalendarRequest | None = None,
) -> ComposedReply:
    target = recipient or message.sender
    assert target is not None
    return compose_decline(message, target, VENDOR, user, template, NOW, invite)


def pitch(**kwargs: object) -> Message:
    return parse(build(subject="Food waste at Example", **kwargs))  # type: ignore[arg-type]


# the decline email


def test_from_to_and_envelope() -> None:
    reply = decline(pitch())
    mail = read(reply.raw)
    assert mail["From"].addresses[0].addr_spec == USER
    assert mail["From"].addresses[0].display_name == "Alan Porter"
    assert mail["To"].addresses[0].addr_spec == "dana@bitesio.com"
    assert len(mail["To"].addresses) == 1
    assert reply.sender == USER
    assert reply.recipient == "dana@bitesio.com"


def test_to_is_the_recipient_given() -> None:
    reply = decline(pitch(), Address("Sales", "sales@bitesio.com"))
    assert read(reply.raw)["To"].addresses[0].addr_spec == "sales@bitesio.com"
    assert reply.recipient == "sales@bitesio.com"


@pytest.mark.parametrize(
    "subject",
    ["Food waste at Example", "Re: Food waste at Example", "RE: Food waste at Example"],
)
def test_subject_is_re_the_vendors_subject_without_a_double_re(subject: str) -> None:
    reply = decline(parse(build(subject=subject)))
    assert read(reply.raw)["Subject"] == "Re: Food waste at Example"


def test_subject_of_a_re_re_fake_thread_has_a_single_re() -> None:
    reply = decline(parse(build(subject="Re: Re: Food waste at Example")))
    assert read(reply.raw)["Subject"] == "Re: Food waste at Example"


def test_german_aw_prefix_is_replaced() -> None:
    reply = decline(parse(build(subject="AW: Ihre Anfrage")))
    assert read(reply.raw)["Subject"] == "Re: Ihre Anfrage"


def test_in_reply_to_and_references() -> None:
    message = pitch(
        message_id="<pitch-2@bitesio.com>",
        references="<root@bitesio.com> <pitch-1@bitesio.com>",
    )
    mail = read(decline(message).raw)
    assert mail["In-Reply-To"] == "<pitch-2@bitesio.com>"
    references = str(mail["References"]).split()
    assert references == ["<root@bitesio.com>", "<pitch-1@bitesio.com>", "<pitch-2@bitesio.com>"]


def test_references_are_bounded_and_end_with_the_original() -> None:
    chain = " ".join(f"<r{n}@bitesio.com>" for n in range(40))
    mail = read(decline(pitch(message_id="<last@bitesio.com>", references=chain)).raw)
    references = str(mail["References"]).split()
    assert references[-1] == "<last@bitesio.com>"
    assert references[-2] == "<r39@bitesio.com>"
    assert len(references) <= 21


def test_no_message_id_means_no_in_reply_to() -> None:
    names = header_names(decline(pitch(message_id=None)).raw)
    assert "in-reply-to" not in names
    assert "references" not in names


def test_own_message_id_and_date() -> None:
    reply = decline(pitch())
    mail = read(reply.raw)
    assert mail["Message-ID"] == f"<{reply.message_id}>"
    assert reply.message_id.endswith("@example.com")
    assert mail["Date"].datetime == NOW


def test_x_auto_response_suppress_all_and_no_auto_submitted_by_default() -> None:
    mail = read(decline(pitch()).raw)
    assert mail["X-Auto-Response-Suppress"] == "All"
    assert "Auto-Submitted" not in mail


def test_auto_submitted_when_configured() -> None:
    template = Decline(subject="Re: {subject}", body=None, auto_submitted=True)
    mail = read(decline(pitch(), template=template).raw)
    assert mail["Auto-Submitted"] == "auto-replied"
    assert mail["X-Auto-Response-Suppress"] == "All"


def test_default_body_says_remove_me_and_everyone_at_the_users_organisation() -> None:
    text = " ".join(text_of(decline(pitch()).raw).split())
    assert "remove me and everyone at example.com" in text
    assert text.startswith("Hello Dana,")
    assert "Alan Porter" in text


def test_custom_body_and_subject_templates() -> None:
    template = Decline(
        subject="Re: {subject} [{vendor}]",
        body="Dear {sender_name},\nplease remove me and everyone at {user_organisation}.\n"
        "{user_first_name}\n",
        auto_submitted=False,
    )
    reply = decline(pitch(), template=template)
    assert read(reply.raw)["Subject"] == "Re: Food waste at Example [bitesio.com]"
    text = text_of(reply.raw)
    assert "Dear Dana Seller," in text
    assert "please remove me and everyone at example.com." in text
    assert text.rstrip().endswith("Alan")


def test_a_single_text_part_without_an_invite() -> None:
    mail = read(decline(pitch()).raw)
    assert mail.get_content_type() == "text/plain"
    assert not mail.is_multipart()


# header injection

INJECTIONS = [
    "Food waste\r\nBcc: evil@attacker.example",
    "Food waste\nBcc: evil@attacker.example",
    "Food waste\rBcc: evil@attacker.example",
    "Food waste\u2028Bcc: evil@attacker.example",
    "Food waste\x00\x0bBcc: evil@attacker.example\r\n\r\nbody",
]


@pytest.mark.parametrize("subject", INJECTIONS)
def test_a_subject_with_cr_lf_never_yields_an_extra_header(subject: str) -> None:
    message = Message(
        message_id="pitch-1@bitesio.com",
        subject=subject,
        sender=Address("Dana Seller", "dana@bitesio.com"),
    )
    raw = decline(message).raw
    names = header_names(raw)
    assert set(names) <= REPLY_HEADERS
    assert "bcc" not in names
    assert len(names) == len(set(names))
    assert not any(line.lower().startswith("bcc") for line in raw_header_lines(raw))
    assert "evil@attacker.example" in read(raw)["Subject"]


@pytest.mark.parametrize("name", INJECTIONS)
def test_a_display_name_with_cr_lf_never_yields_an_extra_header(name: str) -> None:
    message = pitch()
    raw = decline(message, Address(name, "dana@bitesio.com")).raw
    names = header_names(raw)
    assert set(names) <= REPLY_HEADERS
    assert "bcc" not in names
    assert not any(line.lower().startswith("bcc") for line in raw_header_lines(raw))
    mail = read(raw)
    assert [a.addr_spec for a in mail["To"].addresses] == ["dana@bitesio.com"]


def test_encoded_cr_lf_from_the_wire_never_yields_an_extra_header() -> None:
    raw_in = literal(
        "From: =?utf-8?q?Dana=0D=0ABcc:_evil@attacker.example?= <dana@bitesio.com>",
        f"To: {USER}",
        "Subject: =?utf-8?q?Food_waste=0D=0ABcc:_evil@attacker.example?=",
        "Reply-To: =?utf-8?q?Sales=0D=0ACc:_evil@attacker.example?= <sales@bitesio.com>",
        "Message-ID: <pitch-1@bitesio.com>",
    )
    message = parse(raw_in)
    raw = decline(message, message.reply_to[0]).raw
    names = header_names(raw)
    assert set(names) <= REPLY_HEADERS
    assert "bcc" not in names
    assert "cc" not in names
    assert len(read(raw)["To"].addresses) == 1


def test_a_raw_folded_subject_from_the_wire_never_yields_an_extra_header() -> None:
    raw_in = (
        b"From: dana@bitesio.com\r\nTo: alan@example.com\r\n"
        b"Subject: Food waste\r\n Bcc: evil@attacker.example\r\n"
        b"Message-ID: <pitch-1@bitesio.com>\r\n\r\nHello.\r\n"
    )
    raw = decline(parse(raw_in)).raw
    assert "bcc" not in header_names(raw)
    assert set(header_names(raw)) <= REPLY_HEADERS


def test_a_message_id_with_cr_lf_is_not_copied() -> None:
    message = Message(
        message_id="a@b.example>\r\nBcc: evil@attacker.example",
        subject="Hi",
        sender=Address("Dana", "dana@bitesio.com"),
        references=("ok@bitesio.com", "bad>\r\nBcc: x@y.example"),
    )
    raw = decline(message).raw
    names = header_names(raw)
    assert "bcc" not in names
    assert "in-reply-to" not in names


@pytest.mark.parametrize(
    "address",
    [
        "a@b.example>\r\nBcc: x@y",
        "a@b.example\r\nBcc: x@y.example",
        "dana@bitesio.com, evil@attacker.example",
        "Dana <dana@bitesio.com>",
        "not-an-address",
        "",
    ],
)
def test_an_unsafe_recipient_raises(address: str) -> None:
    with pytest.raises(UnsafeReply):
        decline(pitch(), Address("Dana", address))
    with pytest.raises(UnsafeReply):
        safe_address(address)


def test_an_unsafe_user_address_raises() -> None:
    user = User("alan@example.com\r\nBcc: x@y.example", "Alan")
    with pytest.raises(UnsafeReply):
        decline(pitch(), user=user)


def test_safe_header_text() -> None:
    assert safe_header_text("a\r\nb\tc\x7fd\u2029e") == "a b c d e"
    assert len(safe_header_text("x" * 1000)) == 200


# the calendar decline


def invite_message(**kwargs: object) -> Message:
    return parse(
        build(
            subject="Invitation: Bitesio <> Example",
            body="I've booked us 15 minutes.",
            calendar=ics(**kwargs),  # type: ignore[arg-type]
        )
    )


def calendar_of(raw: bytes) -> tuple[email.message.EmailMessage, icalendar.Calendar]:
    parts = [p for p in read(raw).walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    part = parts[0]
    assert isinstance(part, email.message.EmailMessage)
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    return part, icalendar.Calendar.from_ical(data.decode("utf-8"))


def the_event(calendar: icalendar.Calendar) -> icalendar.Event:
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def declined_invite(
    message: Message, user: User = ALAN
) -> tuple[ComposedReply, email.message.EmailMessage, icalendar.Calendar]:
    assert message.calendars
    request = message.calendars[0]
    assert request.organizer is not None
    reply = compose_decline(
        message,
        Address(request.organizer_name, request.organizer),
        VENDOR,
        user,
        TEMPLATE,
        NOW,
        request,
    )
    part, calendar = calendar_of(reply.raw)
    return reply, part, calendar


def test_invite_decline_has_a_text_calendar_part_with_method_reply() -> None:
    reply, part, calendar = declined_invite(invite_message())
    assert part.get_param("method") == "REPLY"
    assert str(calendar["METHOD"]) == "REPLY"
    assert "remove me and everyone at example.com" in " ".join(text_of(reply.raw).split())
    assert reply.recipient == "dana@bitesio.com"


def test_invite_decline_copies_uid_sequence_and_organizer() -> None:
    _, _, calendar = declined_invite(invite_message(uid="evt-99@bitesio.com", sequence=4))
    event = the_event(calendar)
    assert str(event["UID"]) == "evt-99@bitesio.com"
    assert int(event["SEQUENCE"]) == 4
    assert str(event["ORGANIZER"]) == "mailto:dana@bitesio.com"
    assert "DTSTAMP" in event
    assert event.decoded("DTSTAMP") == NOW
    assert "RECURRENCE-ID" not in event


def test_invite_decline_copies_the_recurrence_id() -> None:
    _, _, calendar = declined_invite(invite_message(recurrence_id="20250617T140000Z"))
    event = the_event(calendar)
    assert event["RECURRENCE-ID"].to_ical() == b"20250617T140000Z"


def test_invite_decline_has_exactly_one_attendee_as_written_in_the_request() -> None:
    message = invite_message(attendees=("bob@example.com", "Alan.Porter@EXAMPLE.com"))
    _, _, calendar = declined_invite(message)
    attendee = the_event(calendar)["ATTENDEE"]
    assert not isinstance(attendee, list)
    assert str(attendee) == "mailto:Alan.Porter@EXAMPLE.com"
    assert attendee.params["PARTSTAT"] == "DECLINED"
    assert "RSVP" not in attendee.params


def test_invite_decline_attendee_is_the_user_when_the_request_does_not_name_them() -> None:
    _, _, calendar = declined_invite(invite_message(attendees=("bob@example.com",)))
    attendee = the_event(calendar)["ATTENDEE"]
    assert not isinstance(attendee, list)
    assert str(attendee).lower() == f"mailto:{USER}"
    assert attendee.params["PARTSTAT"] == "DECLINED"


def test_invite_decline_comment_is_the_decline_text() -> None:
    reply, _, calendar = declined_invite(invite_message())
    assert str(the_event(calendar)["COMMENT"]) == text_of(reply.raw).strip()


def test_invite_decline_has_no_alarm() -> None:
    message = invite_message(alarm=True)
    assert b"VALARM" in message.calendars[0].ics
    _, _, calendar = declined_invite(message)
    assert not any(component.name == "VALARM" for component in calendar.walk())


def test_calendar_decline_without_the_original_data_still_names_the_organizer() -> None:
    request = CalendarRequest(
        method="REQUEST",
        uid="evt-1@bitesio.com",
        sequence=2,
        recurrence_id=None,
        organizer="dana@bitesio.com",
        organizer_name="Dana",
        attendees=(USER,),
        summary="Intro",
        dtstart=None,
    )
    text = compose_calendar_decline(request, ALAN, "No, thank you.", NOW)
    calendar = icalendar.Calendar.from_ical(text)
    event = the_event(calendar)
    assert str(event["ORGANIZER"]) == "mailto:dana@bitesio.com"
    assert str(event["COMMENT"]) == "No, thank you."
    assert int(event["SEQUENCE"]) == 2
    assert str(event["ATTENDEE"]).lower() == f"mailto:{USER}"
    assert re.search(r"^METHOD:REPLY\r?$", text, re.M)
