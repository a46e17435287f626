"""Hostile input: whatever a vendor (or a broken mailer) sends, the guard never crashes and
never lets vendor text into a header, an address or a second ATTENDEE of anything it sends.

The pure pipeline (parse -> classify -> decide -> compose_decline) is fuzzed with hypothesis on
arbitrary bytes and on structured-but-hostile messages; real malformed mail (CPython's own email
test data and tests/hostile/*.eml) goes through it too; huge messages are bounded in time and
memory; and the hostile headers that matter go end to end through Dovecot and the SMTP sink.
"""

from __future__ import annotations

import base64
import email
import email.header
import email.message
import email.policy
import email.utils
import os
import random
import re
import sqlite3
import subprocess
import sysconfig
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from builders import USER, build, ics
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig

from inboxguard.calendar import CalendarRequest
from inboxguard.classify import classify as classify_message
from inboxguard.config import Decline, Policy
from inboxguard.ledger import VendorState
from inboxguard.lists import Lists
from inboxguard.markers import never_reply_reason
from inboxguard.message import Address, Message, parse
from inboxguard.policy import Circumstances, Decision, decide
from inboxguard.reply import MAX_MESSAGE_ID, ComposedReply, UnsafeReply, compose_decline
from inboxguard.user import User

ALAN = User(USER, "Alan Porter", ("example.com",))
POLICY = Policy(
    mode="act", decline_after=2, grace_days=0, max_declines_per_day=20, max_messages_per_pass=50000
)
TEMPLATE = Decline(subject="Re: {subject}", body=None, auto_submitted=False)
NOW = datetime(2025, 6, 3, 9, 15, tzinfo=UTC)
HERE = Path(__file__).parent
FIXTURES = HERE / "hostile"

PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)
INVITE_BODY = (
    "Hi Alan,\n\nI've booked us 15 minutes to show you how kitchens like yours cut food waste "
    "by 30%. If the time doesn't work, feel free to move it.\n\nDana\nbitesio.com\n"
)

FUZZ_EXAMPLES = int(os.environ.get("INBOXGUARD_FUZZ_EXAMPLES", "120"))
"""Examples per fuzz test; raise it locally (e.g. 5000) to hunt, CI keeps it modest."""

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- what a safe reply looks like ------------------------------------------------------------

BASE_HEADERS = frozenset(
    {"from", "to", "subject", "date", "message-id", "x-auto-response-suppress", "mime-version"}
)
_MESSAGE_ID = re.compile(r"[^\s<>()\\,;:\"\[\]]+@[^\s<>()\\,;:\"\[\]]+")
_FIELD = re.compile(rb"^([!-9;-~]+):")
_UNSAFE_IN_VALUE = re.compile(r"[\x00\r\n]")
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")


def expected_header_names(message: Message, invite: CalendarRequest | None) -> set[str]:
    """The header names a decline to `message` carries, no more and no fewer."""
    names = set(BASE_HEADERS) | {"content-type"}
    if invite is None:
        names.add("content-transfer-encoding")
    if (
        message.message_id
        and len(message.message_id) <= MAX_MESSAGE_ID
        and _MESSAGE_ID.fullmatch(message.message_id)
    ):
        names |= {"in-reply-to", "references"}
    if TEMPLATE.auto_submitted:
        names.add("auto-submitted")
    return names


def header_block(raw: bytes) -> bytes:
    head, separator, _ = raw.partition(b"\r\n\r\n")
    assert separator, "a composed reply has a header block ended by an empty CRLF line"
    return head


def assert_safe_reply(
    composed: ComposedReply,
    message: Message,
    recipient: Address,
    invite: CalendarRequest | None = None,
) -> email.message.EmailMessage:
    """The decline's bytes parse back with exactly the expected header names (each once), a
    single To that is the intended plain address, and no CR, LF or NUL inside a header value
    (raw or RFC 2047-decoded)."""
    raw = composed.raw
    names: list[str] = []
    for line in header_block(raw).split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line and b"\0" not in line, line
        if line[:1] in (b" ", b"\t"):
            assert names, f"a continuation line before any field: {line!r}"
            continue
        field = _FIELD.match(line)
        assert field, f"not a header field: {line[:120]!r}"
        names.append(field.group(1).decode("ascii").lower())
    assert Counter(names) == Counter(expected_header_names(message, invite)), names

    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    assert not parsed.defects, parsed.defects
    for name, value in parsed.items():
        assert not _UNSAFE_IN_VALUE.search(str(value)), (name, str(value)[:200])
    for name, value in email.message_from_bytes(raw, policy=email.policy.compat32).items():
        decoded = rfc2047_decoded(str(value))
        assert not _UNSAFE_IN_VALUE.search(decoded), (name, decoded[:200])

    intended = recipient.email.strip()
    assert _PLAIN_ADDRESS.fullmatch(intended), intended
    to_values = parsed.get_all("to") or []
    assert len(to_values) == 1
    assert [address for _, address in email.utils.getaddresses(to_values)] == [intended]
    assert composed.recipient == intended
    assert composed.sender == ALAN.email
    assert email.utils.parseaddr(str(parsed["from"]))[1] == ALAN.email
    for name in ("cc", "bcc", "reply-to", "resent-to", "resent-bcc"):
        assert parsed.get_all(name) is None, name
    if invite is not None:
        assert_one_attendee(parsed)
    return parsed


def rfc2047_decoded(value: str) -> str:
    """A header value unfolded and its encoded words decoded leniently, as a mail client
    would show it."""
    unfolded = re.sub(r"\r?\n[ \t]", " ", value)
    decoded = []
    for chunk, charset in email.header.decode_header(unfolded):
        if isinstance(chunk, str):
            decoded.append(chunk)
            continue
        try:
            decoded.append(chunk.decode(charset or "ascii", errors="replace"))
        except LookupError:
            decoded.append(chunk.decode("latin-1"))
    return "".join(decoded)


def calendar_part(parsed: email.message.EmailMessage) -> bytes:
    parts = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in parsed.walk()]
    payload = parts[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload


def assert_one_attendee(parsed: email.message.EmailMessage) -> None:
    """An iTIP REPLY with one VEVENT carrying exactly one ATTENDEE, the user, DECLINED."""
    data = calendar_part(parsed)
    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    lines = [line for line in re.split(rb"\r\n|\r|\n", unfolded) if line]
    attendee_lines = [line for line in lines if line.upper().startswith(b"ATTENDEE")]
    assert len(attendee_lines) == 1, attendee_lines
    assert b"PARTSTAT=DECLINED" in attendee_lines[0].upper()
    assert lines.count(b"METHOD:REPLY") == 1
    assert sum(1 for line in lines if line == b"BEGIN:VEVENT") == 1
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    attendee = event.get("ATTENDEE")
    assert not isinstance(attendee, list)
    assert str(attendee).lower().removeprefix("mailto:") in ALAN.addresses


def assert_clean_message(message: Message) -> None:
    """`Message` promises decoded header values free of CR/LF; addresses have no blanks."""
    for name, value in message.headers.items():
        assert not re.search(r"[\x00-\x1f\x7f]", value), (name, value[:200])
    assert not re.search(r"[\x00-\x1f\x7f]", message.subject)
    addresses = [*message.reply_to, *message.to, *message.cc]
    if message.sender is not None:
        addresses.append(message.sender)
    for address in addresses:
        assert not re.search(r"[\x00-\x20\x7f]", address.email), address
        assert address.email.count("@") == 1, address
        assert not re.search(r"[\x00-\x1f\x7f]", address.name), address


# --- the pipeline under attack -------------------------------------------------------------------


@dataclass
class Judged:
    message: Message
    decision: Decision
    replies: list[tuple[Address, CalendarRequest | None, ComposedReply]]
    refused: list[str]


def judge(
    raw: bytes,
    extra_calendars: Iterable[bytes] = (),
    outreach: int = 1,
    *,
    skip_known_bugs: bool = True,
) -> Judged:
    """parse -> classify -> decide as the pass does (the vendor already pitched `outreach`
    times, so a decline is due), then compose a decline to every address a decline could go
    to, with and without each calendar request: each must be safe, or refused as unsafe."""
    message = parse(raw, extra_calendars)
    assert_clean_message(message)
    # the lazily parsed body, as classify and the pass read it
    assert isinstance(message.text, str) and isinstance(message.html, str)
    assert isinstance(message.content_types, tuple)
    verdict = classify_message(message, ALAN, Lists(), complete=False)
    state = VendorState(verdict.organisation or "unknown.example", outreach=outreach)
    decision = decide(message, verdict, state, ALAN, POLICY, Circumstances(arrived=NOW))
    if decision.declines:
        assert decision.recipient is not None
        assert never_reply_reason(message, ALAN) is None, "a never-reply message is declined"
        assert not ALAN.is_colleague(decision.recipient.email)
    targets: list[Address] = []
    for target in (decision.recipient, *message.reply_to[:1], message.sender):
        if target is not None and target not in targets:
            targets.append(target)
    attempts: list[tuple[Address, CalendarRequest | None]] = [(t, None) for t in targets]
    for calendar in message.calendars[:3]:
        organizer = Address(calendar.organizer_name, calendar.organizer or "")
        for target in (organizer, decision.recipient):
            if target is not None and (target, calendar) not in attempts:
                attempts.append((target, calendar))
    judged = Judged(message, decision, [], [])
    for target, invite in attempts:
        if skip_known_bugs and known_bug(message, target):
            continue
        try:
            composed = compose_decline(
                message, target, verdict.organisation or "x", ALAN, TEMPLATE, NOW, invite
            )
        except UnsafeReply as refusal:
            judged.refused.append(str(refusal))
            continue
        assert_safe_reply(composed, message, target, invite)
        judged.replies.append((target, invite, composed))
    return judged


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ADDRESS_SPECIALS = re.compile(r'[:,;<>@"()\[\]\\]')


def known_bug(message: Message, target: Address) -> str | None:
    """Inputs that trigger a bug an xfail test reports, which the fuzzers then skip: none now
    (add a clause here beside a new xfail)."""
    del message, target
    return None


# --- hypothesis strategies -----------------------------------------------------------------------


def _b64(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return base64.b64encode(data).decode("ascii")


ATOMS = (
    "\r",
    "\n",
    "\r\n",
    "\r\n ",
    "\n\t",
    "\x00",
    "\x0b",
    "\x1b[31m",
    "\x7f",
    "\u2028",
    "\u0085",
    "\ufeff",
    "\ud800",  # written with surrogatepass: invalid UTF-8 bytes in the header
    "\udfff",
    "\U0001f600",
    "=?utf-8?q?Hi=0D=0ABcc:_evil@attacker.example?=",
    "=?utf-8?b?" + _b64("Hi\r\nBcc: evil@attacker.example") + "?=",
    "=?utf-8?q?=00=0A=0D?=",
    "=?UTF-8?Q?Dana=0ATo:_evil@attacker.example?=",
    "=?x-unknown?q?hello?=",
    "=?utf-7?q?Hi_+AKM-?=",
    "=?utf-7?b?" + _b64("+AKM-") + "?=",
    "=?utf-16-le?b?ANg=?=",
    "=?iso-8859-1?q?caf=E9?=",
    "=?utf-8?b?////?=",
    "=?utf-8?q?=?=",
    "=??q??=",
    "=?utf-8?x?abc?=",
    "=?",
    "?=",
    "<",
    ">",
    '"',
    ",",
    ";",
    ":",
    "@",
    "\\",
    "(",
    ")",
    "[",
    "]",
    " ",
    "\t",
    "dana@bitesio.com",
    "<dana@bitesio.com>",
    "alan@example.com",
    "evil@attacker.example",
    "Bcc: evil@attacker.example",
    "mailto:",
    "dana@xn--80ak6aa92e.com",
    "dana@bücher.example",
    "dmarc=fail header.from=bitesio.com",
    "spf=fail smtp.mailfrom=bitesio.com",
    "reply+8f2k3j4h5g6f@relay.hubspotemail.net",
)
HEADER_NAMES = (
    "From",
    "To",
    "Cc",
    "Bcc",
    "Reply-To",
    "Sender",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "Date",
    "Return-Path",
    "Delivered-To",
    "Resent-To",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Content-Disposition",
    "MIME-Version",
    "Authentication-Results",
    "Auto-Submitted",
    "Precedence",
    "List-Unsubscribe",
    "X-Auto-Response-Suppress",
    "X-Mailer",
    "X-Garbage",
)

header_atoms = st.one_of(st.sampled_from(ATOMS), st.text(max_size=12))
header_values = st.lists(header_atoms, max_size=10).map("".join)
header_names = st.one_of(
    st.sampled_from(HEADER_NAMES),
    st.text(alphabet=st.characters(codec="ascii"), min_size=0, max_size=12),
)
line_ends = st.sampled_from(["\r\n", "\n", "\r"])


@st.composite
def header_lines(draw: st.DrawFn) -> str:
    """A block of header lines, some hostile, usually with a From and To that make it mail."""
    lines: list[str] = []
    if draw(st.booleans()):
        name = draw(
            st.one_of(
                st.sampled_from(["Dana", "=?utf-8?q?Dana=0D=0ABcc:_x@attacker.example?="]),
                header_values,
            )
        )
        lines.append(f"From: {name} <dana@bitesio.com>")
    if draw(st.booleans()):
        lines.append(f"Reply-To: {draw(header_values)} <dana@bitesio.com>")
    if draw(st.booleans()):
        lines.append("To: Alan Porter <alan@example.com>")
    for _ in range(draw(st.integers(0, 8))):
        lines.append(f"{draw(header_names)}: {draw(header_values)}")
    if draw(st.booleans()):
        lines.append("Message-ID: <hostile-1@bitesio.com>")
    end = draw(line_ends)
    return end.join(lines) + end


def _ics(organizer: str, cn: str, attendees: int, method: str, extra: str) -> str:
    text = ics(
        method=method,
        organizer=organizer,
        organizer_name=cn,
        attendees=[USER, *(f"p{i}@bitesio.com" for i in range(attendees))],
    )
    return text.replace("BEGIN:VEVENT\r\n", extra + "BEGIN:VEVENT\r\n", 1)


calendars = st.builds(
    _ics,
    organizer=st.sampled_from(
        [
            "dana@bitesio.com",
            "dana@bitesio.com?bcc=evil@attacker.example",
            "dana@bitesio.com%0D%0ABcc:evil@attacker.example",
            "not an address",
            "",
            "evil@attacker.example",
        ]
    ),
    cn=st.sampled_from(
        ["Dana", '"Dana^nATTENDEE:mailto:evil@attacker.example"', "Dana\rBcc: x", "^n^'^^"]
    ),
    attendees=st.integers(0, 3),
    method=st.sampled_from(["REQUEST", "CANCEL", "", "request", "REPLY"]),
    extra=st.sampled_from(
        [
            "",
            "BEGIN:VTIMEZONE\r\nTZID:Loop\r\n" * 3,
            "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nTZOFFSETTO:bogus\r\nEND:VTIMEZONE\r\n",
            "END:VCALENDAR\r\nBEGIN:VCALENDAR\r\n",
        ]
    ),
)

LEAF_TYPES = (
    "text/plain",
    "text/plain; charset=utf-8",
    "text/plain; charset=x-unknown",
    "text/plain; charset=utf-7",
    'text/plain; charset=""',
    "text/plain; charset*=utf-8''%ZZ",
    "text/html; charset=iso-8859-1",
    "text/calendar; method=REQUEST",
    "text/calendar; method=REQUEST; charset=x-unknown",
    "application/ics",
    'application/octet-stream; name="invite.ics"',
    "application/pdf",
    "multipart/mixed",
    "multipart/alternative; boundary=",
    "",
)
ENCODINGS = ("", "7bit", "8bit", "binary", "base64", "BASE64 ", "quoted-printable", "x-uuencode")


@st.composite
def leaf_parts(draw: st.DrawFn) -> bytes:
    ctype = draw(st.sampled_from(LEAF_TYPES))
    encoding = draw(st.sampled_from(ENCODINGS))
    body = draw(
        st.one_of(
            st.just(PITCH.encode()),
            calendars.map(lambda text: text.encode("utf-8")),
            st.binary(max_size=200),
            st.sampled_from([b"=4", b"=", b"=ZZ=E9=\r\n", b"SGVsbG8gd29y", b"====", b"+2AA-"]),
        )
    )
    if encoding.strip().lower() == "base64" and draw(st.booleans()):
        encoded = base64.b64encode(body)
        body = encoded[: draw(st.integers(0, len(encoded)))]  # often truncated
    head = ""
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    if encoding:
        head += f"Content-Transfer-Encoding: {encoding}\r\n"
    return head.encode() + b"\r\n" + body


def _multipart(
    kids: list[bytes], subtype: str, declared: str, used: str, close: bool, preamble: bytes
) -> bytes:
    head = f'Content-Type: multipart/{subtype}; boundary="{declared}"\r\n\r\n'.encode()
    delimiter = b"--" + used.encode()
    body = preamble + b"".join(delimiter + b"\r\n" + kid + b"\r\n" for kid in kids)
    return head + body + (delimiter + b"--\r\n" if close else b"")


def _containers(children: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    boundaries = st.sampled_from(["b1", "=_x", "", "a" * 90, "--", ".*(+[", "b1 x", "b1"])
    multipart = st.builds(
        _multipart,
        kids=st.lists(children, max_size=4),
        subtype=st.sampled_from(["mixed", "alternative", "related", "report", "digest"]),
        declared=boundaries,
        used=boundaries,
        close=st.booleans(),
        preamble=st.sampled_from([b"", b"preamble\r\n", b"--b1\r\n"]),
    )
    rfc822 = children.map(
        lambda kid: b"Content-Type: message/rfc822\r\n\r\nFrom: Dana <dana@bitesio.com>\r\n" + kid
    )
    return st.one_of(multipart, rfc822)


mime_trees = st.recursive(leaf_parts(), _containers, max_leaves=8)


@st.composite
def hostile_messages(draw: st.DrawFn) -> bytes:
    text = draw(header_lines())
    body = draw(mime_trees)
    depth = draw(st.sampled_from([0, 0, 0, 50, 1000]))
    for level in range(depth):  # deep nesting, cheaply
        body = (
            f'Content-Type: multipart/mixed; boundary="n{level}"\r\n\r\n--n{level}\r\n'.encode()
            + body
            + f"\r\n--n{level}--\r\n".encode()
        )
    return text.encode("utf-8", "surrogatepass") + body


# --- fuzzing -------------------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    judge(raw)


@FUZZ
@given(
    head=st.sampled_from(
        [b"", b"From: Dana <dana@bitesio.com>\r\nTo: alan@example.com\r\nSubject: Hi\r\n"]
    ),
    tail=st.binary(max_size=3000),
)
def test_a_plausible_header_and_arbitrary_bytes_never_raise(head: bytes, tail: bytes) -> None:
    judge(head + tail)


@FUZZ
@given(raw=hostile_messages(), calendar=st.none() | calendars.map(str.encode))
def test_structured_hostile_messages_never_raise_and_replies_stay_safe(
    raw: bytes, calendar: bytes | None
) -> None:
    judge(raw, extra_calendars=() if calendar is None else (calendar,))


_ONE_LINE_ATOMS = header_atoms.map(lambda text: re.sub(r"[\r\n]", "", text))


@st.composite
def sprinkled_calendars(draw: st.DrawFn) -> bytes:
    """A calendar request with hostile text in its values and parameters and broken lines."""
    text = draw(calendars)
    for key in ("SUMMARY:", "UID:", "SEQUENCE:", "ORGANIZER;CN=", "DTSTART:", "ATTENDEE;"):
        if draw(st.booleans()):
            hostile = "".join(draw(st.lists(_ONE_LINE_ATOMS, max_size=4)))
            text = text.replace(key, key + hostile, 1)
    if draw(st.booleans()):
        text = text.replace("\r\n", draw(st.sampled_from(["\n", "\r", "\r\n "])), 5)
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(
    calendar=sprinkled_calendars(),
    mode=st.sampled_from(["inline", "alternative", "attachment", "fetched-apart"]),
)
def test_hostile_calendars_never_raise_and_declines_keep_one_attendee(
    calendar: bytes, mode: str
) -> None:
    if mode == "fetched-apart":  # as the IMAP adapter hands over a part beyond the excerpt
        judge(build(body=INVITE_BODY), extra_calendars=(calendar,))
    else:
        text = calendar.decode("utf-8", "replace")
        judge(build(body=INVITE_BODY, calendar=text, calendar_mode=mode))


def test_the_fuzzer_reaches_the_decline() -> None:
    """The harness is not vacuous: a plain pitch through it composes checked declines."""
    judged = judge(build(body=PITCH))
    assert judged.decision.declines
    assert judged.replies, judged.refused
    judged = judge(build(body=INVITE_BODY, calendar=ics()))
    assert any(invite is not None for _, invite, _ in judged.replies)


def literal_pitch(
    *,
    sender: str = "Dana Seller <dana@bitesio.com>",
    subject: str = "Re: Quick question",
    message_id: str = "<pitch-2@bitesio.com>",
    reply_to: str | None = None,
) -> bytes:
    """A follow-up pitch written byte for byte (no library re-encodes its headers)."""
    lines = [
        f"From: {sender}",
        "To: Alan Porter <alan@example.com>",
        f"Subject: {subject}",
        f"Message-ID: {message_id}",
        "Date: Tue, 03 Jun 2025 09:15:00 +0000",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    if reply_to is not None:
        lines.append(f"Reply-To: {reply_to}")
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("utf-8", "surrogatepass") + PITCH.replace("\n", "\r\n").encode()


# --- known bugs, each reported once here ---------------------------------------------------------

UTF7_SURROGATE = "=?utf-7?q?Dana_+2AA-?="
"""An encoded word that decodes to a lone surrogate (U+D800): Python's UTF-7 decoder allows it."""


@pytest.mark.parametrize("where", ["subject", "display-name"])
def test_a_lone_surrogate_in_a_header_never_breaks_the_decline(where: str) -> None:
    if where == "subject":
        raw = literal_pitch(subject=UTF7_SURROGATE)
    else:
        raw = literal_pitch(sender=f"{UTF7_SURROGATE} <dana@bitesio.com>")
    judged = judge(raw, skip_known_bugs=False)
    assert judged.replies or judged.refused  # a safe reply, or UnsafeReply: never a crash


UNDECODABLE_CRLF = "=?x-unknown?q?Quick_question=0D=0ABcc:_evil@attacker.example?="
"""An encoded word the guard cannot decode (unknown charset) that the email library can."""


@pytest.mark.parametrize(
    "subject",
    [
        UNDECODABLE_CRLF,
        "=?utf-8?q?Hi=0D=0ABcc:_evil@attacker.example?= =?x-unknown?q?a?=",
        "=?utf-8?q?Hi=0D=0ABcc:_evil@attacker.example?= =?utf-8?b?////?=",
    ],
    ids=["unknown-charset", "beside-unknown-charset", "beside-bad-base64"],
)
def test_an_undecodable_encoded_word_never_reaches_a_header(subject: str) -> None:
    judged = judge(literal_pitch(subject=subject), skip_known_bugs=False)
    assert judged.replies or judged.refused


def test_an_undecodable_encoded_word_in_a_display_name_never_breaks_the_decline() -> None:
    raw = literal_pitch(sender=f"{UNDECODABLE_CRLF} <dana@bitesio.com>")
    judged = judge(raw, skip_known_bugs=False)
    assert judged.replies or judged.refused  # a safe reply, or UnsafeReply: never a crash


GROUP_NAME = '"Dana: evil@attacker.example, Zo\u00eb" <dana@bitesio.com>'
"""A display name with ':' and ',' and one non-ASCII letter."""


def test_a_display_name_never_adds_a_recipient() -> None:
    judged = judge(literal_pitch(sender=GROUP_NAME), skip_known_bugs=False)
    assert judged.replies or judged.refused


def test_every_line_of_a_decline_fits_rfc_5322() -> None:
    raw = literal_pitch(
        sender="D" * 200_000 + " <dana@bitesio.com>",
        subject="S" * 200_000,
        message_id="<" + "m" * 5000 + "@bitesio.com>",
    )
    judged = judge(raw)
    assert judged.replies
    for _, _, composed in judged.replies:
        assert max(len(line) for line in composed.raw.split(b"\r\n")) <= 998


ENCODED_LOCAL_PART = "=??q?evil=40attacker.example=2C?=dana@bitesio.com"
"""An address whose local part is an encoded word with an empty charset: parse()'s mask of
encoded words (charset required) misses it, and safe_address() allows its characters."""


@pytest.mark.parametrize(
    "sender",
    [ENCODED_LOCAL_PART, f"Dana <{ENCODED_LOCAL_PART}>"],
    ids=["bare-address", "name-and-address"],
)
def test_an_encoded_word_in_an_address_never_adds_one(sender: str) -> None:
    judged = judge(literal_pitch(sender=sender), skip_known_bugs=False)
    assert judged.message.sender is None or judged.replies or judged.refused
    for _, _, composed in judged.replies:
        assert b"evil@attacker.example" not in composed.raw


def test_a_huge_message_id_is_not_echoed() -> None:
    judged = judge(literal_pitch(message_id="<" + "m" * 100_000 + "@bitesio.com>"))
    assert judged.replies
    for _, _, composed in judged.replies:
        parsed = email.message_from_bytes(composed.raw, policy=email.policy.compat32)
        for name in ("in-reply-to", "references"):
            assert "=?" not in str(parsed[name] or "")
        assert len(composed.raw) < 20_000


# --- real malformed mail -------------------------------------------------------------------------


def _cpython_email_data() -> list[Path]:
    roots = {Path(sysconfig.get_paths()["stdlib"])}
    try:
        import test  # the CPython test package, when this Python ships it

        roots.add(Path(test.__file__).parent.parent)
    except ImportError:
        pass
    found: set[Path] = set()
    for root in roots:
        found.update((root / "test" / "test_email" / "data").glob("msg_*.txt"))
    return sorted(found)


CPYTHON_DATA = _cpython_email_data()
OWN_FIXTURES = sorted(FIXTURES.glob("*.eml"))


def test_there_are_at_least_twenty_own_malformed_fixtures() -> None:
    assert len(OWN_FIXTURES) >= 20


@pytest.mark.parametrize(
    "path",
    [*OWN_FIXTURES, *CPYTHON_DATA],
    ids=[p.name for p in OWN_FIXTURES] + [f"cpython-{p.name}" for p in CPYTHON_DATA],
)
def test_real_malformed_mail_never_raises(path: Path) -> None:
    raw = path.read_bytes()
    judge(raw)
    judge(raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))  # as IMAP serves it


def test_header_injection_fixtures_reach_no_header() -> None:
    for name in ("bare-cr-header-injection.eml", "encoded-word-crlf.eml"):
        judged = judge((FIXTURES / name).read_bytes())
        assert judged.replies, name
        for _, _, composed in judged.replies:
            head = header_block(composed.raw).lower()
            assert b"\nbcc:" not in head and b"\ncc:" not in head
            if name == "encoded-word-crlf.eml":  # an encoded word never becomes an address
                assert composed.recipient == "sam@bitesio.com"


# --- deep, huge and wide -------------------------------------------------------------------------


def _nested(depth: int, leaf: bytes, kind: str) -> bytes:
    body = leaf
    for level in range(depth):
        if kind == "multipart":
            body = (
                f'Content-Type: multipart/mixed; boundary="d{level}"\r\n\r\n--d{level}\r\n'.encode()
                + body
                + f"\r\n--d{level}--\r\n".encode()
            )
        else:
            body = b"Content-Type: message/rfc822\r\n\r\nFrom: Dana <dana@bitesio.com>\r\n" + body
    return b"From: Dana <dana@bitesio.com>\r\nTo: alan@example.com\r\nSubject: deep\r\n" + body


@pytest.mark.parametrize("kind", ["multipart", "rfc822"])
def test_nesting_1000_deep_is_bounded(kind: str) -> None:
    leaf = b"Content-Type: text/calendar; method=REQUEST\r\n\r\n" + ics().encode()
    started = time.monotonic()
    judged = judge(_nested(1000, leaf, kind))
    assert time.monotonic() - started < 10
    assert judged.message.sender == Address("Dana", "dana@bitesio.com")
    assert judged.replies  # still answerable, and every reply composed was checked safe


def test_huge_header_lines_are_bounded() -> None:
    subject = "Quick question " + "A" * 1_000_000
    raw = (
        "From: " + "D" * 200_000 + " <dana@bitesio.com>\r\n"
        "To: alan@example.com\r\n"
        f"Subject: {subject}\r\n"
        "Message-ID: <" + "m" * 100_000 + "@bitesio.com>\r\n"
        "References: " + " ".join(f"<r{i}@bitesio.com>" for i in range(20_000)) + "\r\n"
        "Authentication-Results: mx; " + "dkim=pass header.d=bitesio.com; " * 20_000 + "\r\n"
        "X-Folded: " + "x\r\n " * 50_000 + "end\r\n"
        "\r\n" + PITCH
    ).encode()
    started = time.monotonic()
    judged = judge(raw)
    assert time.monotonic() - started < 10
    assert judged.replies
    for _, _, composed in judged.replies:
        parsed = email.message_from_bytes(composed.raw, policy=email.policy.default)
        assert len(str(parsed["subject"])) <= 260
        assert len(str(parsed["to"])) <= 400
        assert len(re.findall(r"<[^>]+>", str(parsed["references"] or ""))) <= 21
        assert max(len(line) for line in composed.raw.split(b"\r\n")) <= 998


def big_attachment_pitch(number: int, megabytes: int = 25) -> bytes:
    """A pitch whose ~`megabytes` MB are one base64 attachment."""
    data = random.Random(number).randbytes(megabytes * 1_000_000 * 3 // 4 * 97 // 100)
    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    return (
        b"From: Dana Seller <dana@bitesio.com>\r\nTo: alan@example.com\r\n"
        b"Subject: Re: Quick question\r\n"
        + f"Message-ID: <big-{number}@bitesio.com>\r\n".encode()
        + b"Date: Tue, 03 Jun 2025 09:15:00 +0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + PITCH.replace("\n", "\r\n").encode()
        + b"\r\n--b1\r\nContent-Type: application/pdf; name=deck.pdf\r\n"
        b"Content-Disposition: attachment; filename=deck.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + encoded + b"\r\n--b1--\r\n"
    )


def many_recipients_pitch(number: int, count: int = 10_000) -> bytes:
    others = ", ".join(f"Person {i} <person{i}@customer{i % 97}.example>" for i in range(count))
    return (
        "From: Dana Seller <dana@bitesio.com>\r\n"
        f"To: {others}, Alan Porter <alan@example.com>\r\n"
        f"Cc: {others}\r\n"
        "Subject: Re: Quick question\r\n"
        f"Message-ID: <wide-{number}@bitesio.com>\r\n"
        "Date: Tue, 03 Jun 2025 09:15:00 +0000\r\n\r\n" + PITCH.replace("\n", "\r\n")
    ).encode()


def _bounded(raw: bytes) -> tuple[float, int, Judged]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        message = parse(raw)
        verdict = classify_message(message, ALAN, Lists(), complete=False)
        assert message.text and message.calendars == ()
        state = VendorState(verdict.organisation or "", outreach=1)
        decision = decide(message, verdict, state, ALAN, POLICY, Circumstances(arrived=NOW))
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return elapsed, peak, Judged(message, decision, [], [])


def test_a_25_mb_message_is_parsed_in_bounded_time_and_memory() -> None:
    raw = big_attachment_pitch(1)
    assert len(raw) >= 24_000_000
    elapsed, peak, judged = _bounded(raw)
    assert elapsed < 10
    assert peak < 200_000_000, f"peak {peak / 1e6:.0f} MB"
    assert judged.message.sender == Address("Dana Seller", "dana@bitesio.com")
    assert "application/pdf" in judged.message.content_types


def test_ten_thousand_recipients_are_parsed_in_bounded_time_and_memory() -> None:
    raw = many_recipients_pitch(1)
    elapsed, peak, judged = _bounded(raw)
    assert elapsed < 10
    assert peak < 200_000_000, f"peak {peak / 1e6:.0f} MB"
    assert len(judged.message.to) == 10_001
    assert len(judged.message.cc) == 10_000


# --- hostile iCalendar ---------------------------------------------------------------------------


def _invite(calendar: str, mode: str = "alternative") -> bytes:
    return build(
        body=INVITE_BODY,
        subject="Invitation: Bitesio <> Example",
        calendar=calendar,
        calendar_mode=mode,
    )


def _with(calendar: str, old: str, new: str) -> str:
    assert old in calendar
    return calendar.replace(old, new, 1)


HOSTILE_CALENDARS: dict[str, str] = {
    "10000-attendees": ics(attendees=[USER, *(f"p{i}@bitesio.com" for i in range(10_000))]),
    "1mb-summary": ics(summary="Bitesio <> Example " + "x" * 1_000_000),
    "cn-with-rfc6868-newline": ics(organizer_name='"Dana^nATTENDEE:mailto:evil@attacker.example"'),
    "cn-with-bare-cr": _with(
        ics(), "CN=Dana Seller", "CN=Dana\rATTENDEE:mailto:evil@attacker.example\r"
    ),
    "mailto-with-crlf-fold": _with(
        ics(),
        "mailto:dana@bitesio.com",
        "mailto:dana@bitesio.com\r\n \r\nBcc: evil@attacker.example",
    ),
    "mailto-with-bcc-query": ics(organizer="dana@bitesio.com?bcc=evil@attacker.example"),
    "mailto-with-encoded-crlf": ics(organizer="dana@bitesio.com%0D%0ABcc:evil@attacker.example"),
    "mailto-not-an-address": ics(organizer="not an address"),
    "mailto-empty": ics(organizer=""),
    "organizer-second-address": ics(organizer="dana@bitesio.com, evil@attacker.example"),
    "vtimezone-recursive": _with(
        ics(), "METHOD:REQUEST\r\n", "METHOD:REQUEST\r\n" + "BEGIN:VTIMEZONE\r\nTZID:Loop\r\n" * 300
    ).replace("DTSTART:", "DTSTART;TZID=Loop:"),
    "vtimezone-malformed": _with(
        ics(),
        "METHOD:REQUEST\r\n",
        "METHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Loop\r\nBEGIN:STANDARD\r\n"
        "TZOFFSETFROM:+9999\r\nTZOFFSETTO:bogus\r\nRRULE:FREQ=YEARLY;BYMONTH=99\r\n"
        "END:VTIMEZONE\r\n",
    ).replace("DTSTART:", "DTSTART;TZID=Loop:"),
    "method-missing": _with(ics(), "METHOD:REQUEST\r\n", ""),
    "attendee-injection-in-summary": ics(summary="Intro\\nATTENDEE:mailto:evil@attacker.example"),
}


CALENDAR_CASES = [
    (name, mode)
    for name in sorted(HOSTILE_CALENDARS)
    for mode in ("alternative", "attachment")
    if mode == "alternative" or name not in ("10000-attendees", "1mb-summary")
]


@pytest.mark.parametrize(("name", "mode"), CALENDAR_CASES)
def test_hostile_icalendar_never_raises_and_declines_stay_single(name: str, mode: str) -> None:
    started = time.monotonic()
    judged = judge(_invite(HOSTILE_CALENDARS[name], mode))
    assert time.monotonic() - started < 10
    for target, invite, composed in judged.replies:
        assert target.email.strip() == composed.recipient
        if invite is not None:  # assert_safe_reply checked the single ATTENDEE already
            assert "evil@attacker.example" not in composed.recipient
    if judged.decision.declines:
        assert judged.decision.recipient is not None
        assert judged.decision.recipient.email == "dana@bitesio.com"


def test_an_organizer_with_a_bcc_injection_is_never_declined() -> None:
    for name in ("mailto-with-bcc-query", "mailto-with-encoded-crlf", "mailto-not-an-address"):
        judged = judge(_invite(HOSTILE_CALENDARS[name]))
        assert not judged.decision.declines, (name, judged.decision.reasons)
        organizer = judged.message.calendars[0].organizer
        assert organizer is not None
        assert all(target.email != organizer for target, _, _ in judged.replies)


def test_a_calendar_decline_stays_small_whatever_the_invite_says() -> None:
    judged = judge(_invite(HOSTILE_CALENDARS["1mb-summary"]))
    invites = [composed for _, invite, composed in judged.replies if invite is not None]
    assert invites
    assert all(len(composed.raw) < 64_000 for composed in invites)


# --- IDN, punycode and lookalikes ----------------------------------------------------------------

PAYPAL_USER = User("alan@paypal.com", "Alan Porter", ("paypal.com",))
LOOKALIKES = [
    (ALAN, "dana@examp1e.com"),
    (ALAN, "dana@exarnple.com"),
    (ALAN, "dana@\u0435xample.com"),  # Cyrillic small ie
    (ALAN, "dana@ex\u0430mple.com"),  # Cyrillic small a
    (ALAN, "dana@" + "\u0435xample.com".encode("idna").decode("ascii")),
    (ALAN, "dana@example.com.attacker.example"),
    (ALAN, "dana@example-com.attacker.example"),
    (ALAN, "dana@mail.example.co"),
    (PAYPAL_USER, "dana@paypa1.com"),
    (PAYPAL_USER, "dana@p\u0430ypal.com"),  # Cyrillic small a
    (PAYPAL_USER, "dana@" + "p\u0430ypal.com".encode("idna").decode("ascii")),
    (PAYPAL_USER, "dana@paypal.com.evil.example"),
]


@pytest.mark.parametrize(("user", "address"), LOOKALIKES, ids=[a for _, a in LOOKALIKES])
def test_a_lookalike_of_the_users_domain_is_not_the_users_organisation(
    user: User, address: str
) -> None:
    raw = (
        f"From: {user.name} <{address}>\r\nTo: {user.email}\r\nSubject: Re: Quick question\r\n"
        "Message-ID: <look-1@attacker.example>\r\n\r\n" + PITCH
    ).encode("utf-8")
    message = parse(raw)
    assert message.sender is not None and message.sender.email == address.lower()
    assert not user.is_colleague(message.sender.email)
    verdict = classify_message(message, user)
    assert verdict.relation != "own"
    assert "own-organisation" not in {s.name for s in verdict.signals}
    assert verdict.organisation not in user.organisations
    state = VendorState(verdict.organisation or "", outreach=1)
    decision = decide(message, verdict, state, user, POLICY, Circumstances(arrived=NOW))
    assert not any("own organisation" in reason for reason in decision.reasons)
    judge(raw)  # and nothing breaks on the way to a reply


@pytest.mark.parametrize(
    "sender",
    [
        "Dana <dana@xn--bcher-kva.example>",
        "Dana <dana@bücher.example>",
        "=?utf-8?q?D=C3=A4na?= <dana@xn--80ak6aa92e.com>",
        "Dana <dana@пример.испытание>",
        "Dana <dana@xn--.com>",
        "Dana <dana@xn--zz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.com>",
        "Dana <dana@" + "a" * 300 + ".com>",
    ],
)
def test_idn_and_punycode_senders_never_raise(sender: str) -> None:
    raw = (
        f"From: {sender}\r\nTo: alan@example.com\r\nSubject: Re: Quick question\r\n"
        "Message-ID: <idn-1@bitesio.com>\r\n\r\n" + PITCH
    ).encode("utf-8")
    judged = judge(raw)
    assert judged.message.sender is not None
    for target, _, _ in judged.replies:
        assert target.email.isascii()  # a decline goes only to a plain ASCII address


def test_the_users_own_idn_domain_in_punycode_is_still_the_users() -> None:
    user = User("alan@bücher.example", "Alan Porter", ("bücher.example",))
    raw = (
        "From: Kim <kim@xn--bcher-kva.example>\r\nTo: alan@bücher.example\r\n"
        "Subject: lunch\r\n\r\nLunch at noon?\r\n"
    ).encode()
    verdict = classify_message(parse(raw), user)
    assert verdict.relation == "own"


# --- end to end: Dovecot, run --once, the SMTP sink ---------------------------------------------


def passes(run_guard: RunGuard, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    completed = run_guard(config, *(args or ("run", "--once")))
    assert completed.returncode == 0, f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}"
    assert "Traceback" not in completed.stderr
    assert "Logging error" not in completed.stderr
    return completed


def ledger_rows(ledger: Path, sql: str, *parameters: Any) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql, parameters)]


def started_guard(
    mail_user: MailUser, smtp_sink: SmtpSink, write_config: WriteConfig, run_guard: RunGuard
) -> Path:
    """A config for `mail_user` with the sink, and a first pass over the empty mailbox (so what
    comes next is news, not history)."""
    config = write_config(mail_user, smtp=smtp_sink)
    passes(run_guard, config)
    return config


@pytest.mark.integration
@pytest.mark.parametrize("kind", ["25-mb-attachment", "10000-recipients"])
def test_huge_messages_through_dovecot_are_handled(
    kind: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    config = started_guard(mail_user, smtp_sink, write_config, run_guard)
    make = big_attachment_pitch if kind == "25-mb-attachment" else many_recipients_pitch
    prefix = "big" if kind == "25-mb-attachment" else "wide"
    dovecot.append(mail_user, "INBOX", build(body=PITCH, message_id=f"<{prefix}-0@bitesio.com>"))
    dovecot.append(mail_user, "INBOX", make(2))
    completed = passes(run_guard, config)
    assert "2 read" in completed.stdout
    rows = ledger_rows(
        tmp_path / "ledger.sqlite3",
        "SELECT verdict, action FROM messages WHERE message_id = ?",
        f"{prefix}-2@bitesio.com",
    )
    assert len(rows) == 1
    assert rows[0]["verdict"] in ("outreach", "other")
    if kind == "25-mb-attachment":
        assert rows[0]["verdict"] == "outreach"
        assert rows[0]["action"] == "decline"
        [decline] = smtp_sink.wait_for(1)
        assert decline.rcpt_tos == ("dana@bitesio.com",)


INJECTIONS: dict[str, dict[str, str]] = {
    "encoded-words": {
        "sender": "=?utf-8?q?Dana=0D=0ABcc:_evil@attacker.example?= <dana@bitesio.com>",
        "subject": "=?utf-8?b?" + _b64("Quick question\r\nBcc: evil@attacker.example") + "?=",
        "reply_to": "=?utf-8?q?Dana=0ACc:_evil@attacker.example?= <dana@bitesio.com>",
    },
    "raw-controls": {
        "sender": "Dana\x0b\x1bSeller <dana@bitesio.com>",
        "subject": "Quick question\x0bBcc: evil@attacker.example\x1b[2J\x7f",
        "reply_to": "Dana\x0c\x08Seller <dana@bitesio.com>",
    },
    "bare-cr": {  # the server stores a bare CR as a line break: a Bcc: field of the pitch
        "sender": "Dana Seller <dana@bitesio.com>",
        "subject": "Quick question\rBcc: evil@attacker.example\rCc: evil@attacker.example",
        "reply_to": "Dana Seller <dana@bitesio.com>",
    },
    "unicode-line-separators": {
        "sender": "Dana\u2028Seller <dana@bitesio.com>",
        "subject": "Quick question\u2029Bcc: evil@attacker.example\u0085",
        "reply_to": "=?utf-8?q?Dana=E2=80=A8Cc:_evil@attacker.example?= <dana@bitesio.com>",
    },
    "undecodable-word-in-subject": {
        "sender": "Dana Seller <dana@bitesio.com>",
        "subject": UNDECODABLE_CRLF,
        "reply_to": "Dana Seller <dana@bitesio.com>",
    },
    "undecodable-word-in-name": {
        "sender": f"{UNDECODABLE_CRLF} <dana@bitesio.com>",
        "subject": "Quick question",
        "reply_to": f"{UNDECODABLE_CRLF} <dana@bitesio.com>",
    },
    "group-display-name": {
        "sender": GROUP_NAME,
        "subject": "Quick question",
        "reply_to": GROUP_NAME,
    },
    "encoded-word-in-address": {
        "sender": f"Dana <{ENCODED_LOCAL_PART}>",
        "subject": "Quick question",
        "reply_to": f"Dana <{ENCODED_LOCAL_PART}>",
    },
}
INJECTION_BUGS: dict[str, str] = {}
"""Variants with a known bug, as xfail reasons (none now)."""
NEVER_ANSWERED = {"encoded-word-in-address"}
"""Variants whose sender is no plain address: the guard does not answer them at all."""


def injected_pitch(number: int, fields: dict[str, str]) -> bytes:
    return literal_pitch(
        sender=fields["sender"],
        subject=fields["subject"],
        reply_to=fields["reply_to"],
        message_id=f"<inject-{number}@bitesio.com>",
    )


DECLINE_HEADERS = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "x-auto-response-suppress",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
}


def assert_clean_decline(raw: bytes, in_reply_to: str) -> None:
    """The decline as it left (or as the Sent copy holds it): the expected header names, once
    each; no CR/LF/NUL inside a value, raw or decoded; one To, the vendor's plain address."""
    names = []
    for line in header_block(raw).split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line and b"\0" not in line, line
        if line[:1] not in (b" ", b"\t"):
            field = _FIELD.match(line)
            assert field, line
            names.append(field.group(1).decode().lower())
    assert Counter(names) == Counter(DECLINE_HEADERS), names
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    to = parsed.get_all("to") or []
    assert [address for _, address in email.utils.getaddresses(to)] == ["dana@bitesio.com"]
    for name, value in parsed.items():
        assert not _UNSAFE_IN_VALUE.search(str(value)), (name, str(value))
        assert not _UNSAFE_IN_VALUE.search(rfc2047_decoded(str(value))), name
    assert str(parsed["in-reply-to"]) == in_reply_to


@pytest.mark.integration
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=INJECTION_BUGS[name]))
        if name in INJECTION_BUGS
        else name
        for name in INJECTIONS
    ],
)
def test_header_injection_never_reaches_the_decline_end_to_end(
    variant: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    """A vendor pitches twice with hostile Subject, From and Reply-To: the one decline the sink
    receives, and its copy in Sent, carry no injected header and go to one plain address."""
    config = started_guard(mail_user, smtp_sink, write_config, run_guard)
    for number in (1, 2):
        dovecot.append(mail_user, "INBOX", injected_pitch(number, INJECTIONS[variant]))
    passes(run_guard, config)
    sent = smtp_sink.received  # the pass is over: whatever it sent has arrived
    # a decline is due; where a bug is known, refusing it (UnsafeReply) would be a fix too
    assert len(sent) == (0 if variant in NEVER_ANSWERED else 1), sent
    copies = dovecot.messages(mail_user, "Sent")
    assert len(copies) == len(sent)
    for mail in sent:
        assert mail.rcpt_tos == ("dana@bitesio.com",)
        assert mail.mail_from == "alan@example.com"
    for raw in [mail.data for mail in sent] + copies:
        assert_clean_decline(raw, "<inject-2@bitesio.com>")


SURVIVALS: dict[str, tuple[dict[str, str], str | None]] = {
    "utf7-surrogate-in-subject": ({"subject": UTF7_SURROGATE}, None),
    "utf7-surrogate-in-display-name": ({"sender": f"{UTF7_SURROGATE} <dana@bitesio.com>"}, None),
    "utf7-surrogate-in-message-id": ({"message_id": "=?utf-7?q?+2AA-?="}, None),
    "garbage-message-id": ({"message_id": "<\x00\x7f@@>  <>"}, None),
    "utf7-words-that-decode": ({"subject": "=?utf-7?q?Caf+AOk-?= =?x-unknown?q?hello?="}, None),
}


@pytest.mark.integration
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=bug)) if bug else name
        for name, (_, bug) in SURVIVALS.items()
    ],
)
def test_a_pass_survives_hostile_header_encodings(
    variant: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    """No traceback, exit 0, the hostile message judged and recorded, and the mail after it
    in the same pass still handled."""
    config = started_guard(mail_user, smtp_sink, write_config, run_guard)
    fields, _ = SURVIVALS[variant]
    dovecot.append(mail_user, "INBOX", literal_pitch(message_id="<first@bitesio.com>"))
    dovecot.append(mail_user, "INBOX", literal_pitch(**fields))
    dovecot.append(mail_user, "INBOX", build(sender="Kim <kim@friends.example>", message_id=None))
    completed = passes(run_guard, config, "-v", "run", "--once")
    assert "3 read" in completed.stdout
    rows = ledger_rows(tmp_path / "ledger.sqlite3", "SELECT uid, action FROM messages")
    assert sorted(row["uid"] for row in rows) == [1, 2, 3]
    assert len(smtp_sink.received) <= 1
