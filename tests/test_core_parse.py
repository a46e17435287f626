"""parse(): raw RFC 5322 bytes into a Message — headers, bodies, thread ids, calendars."""

from __future__ import annotations

import base64
import re
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from builders import USER, build, html_only, ics, literal

from inboxguard.calendar import parse_calendar
from inboxguard.classify import OTHER, classify
from inboxguard.message import AuthResult, decode_header_value, html_to_text, parse
from inboxguard.user import User

CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _b64_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode("utf-8")).decode("ascii") + "?="


# headers


def test_encoded_word_subject_is_decoded() -> None:
    raw = literal(
        "From: dana@bitesio.com",
        f"To: {USER}",
        "Subject: =?utf-8?q?Caf=C3=A9_cr=C3=A8me?= =?iso-8859-1?q?_=E0_la_carte?=",
    )
    assert parse(raw).subject == "Café crème à la carte"


def test_encoded_word_display_name_is_decoded() -> None:
    raw = literal(
        "From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <JM@Metallbau-Mueller.de>",
        f"To: {USER}",
        "Subject: Hallo",
    )
    sender = parse(raw).sender
    assert sender is not None
    assert sender.name == "Jürgen Müller"
    assert sender.email == "jm@metallbau-mueller.de"
    assert sender.local == "jm"
    assert sender.domain == "metallbau-mueller.de"


@pytest.mark.parametrize(
    "word",
    [
        _b64_word("Hello\r\nBcc: evil@attacker.example"),
        "=?utf-8?q?Hello=0D=0ABcc:_evil@attacker.example?=",
        "=?utf-8?q?Hello=0ABcc:_evil@attacker.example=00=7F?=",
    ],
)
def test_control_characters_encoded_in_a_subject_are_removed(word: str) -> None:
    message = parse(literal("From: dana@bitesio.com", f"To: {USER}", f"Subject: {word}"))
    assert not CONTROL.search(message.subject)
    assert message.subject.startswith("Hello")
    assert "Bcc: evil@attacker.example" in message.subject
    assert "bcc" not in message.headers


def test_control_characters_encoded_in_a_display_name_are_removed() -> None:
    raw = literal(
        "From: =?utf-8?q?Dana=0D=0ASeller?= <dana@bitesio.com>",
        f"To: {USER}",
        "Subject: Hi",
    )
    sender = parse(raw).sender
    assert sender is not None
    assert sender.email == "dana@bitesio.com"
    assert not CONTROL.search(sender.name)
    assert sender.name == "Dana Seller"


def test_every_header_value_is_free_of_control_characters() -> None:
    raw = literal(
        "From: dana@bitesio.com",
        f"To: {USER}",
        "Subject: " + _b64_word("a\tb\r\nc"),
        "X-Note: " + _b64_word("one\rtwo\x00three"),
    )
    message = parse(raw)
    assert all(not CONTROL.search(value) for value in message.headers.values())
    assert message.header("X-NOTE") == "one two three"


@pytest.mark.parametrize(
    "name",
    [
        "=?utf-8?q?boss=40example.com=2C?=",
        "=?utf-8?q?Dana=0D=0ABcc:_evil@attacker.example?=",
        "=?utf-8?q?Sales_Cc:_evil@attacker.example?=",
    ],
)
def test_an_encoded_display_name_cannot_replace_the_address(name: str) -> None:
    raw = literal(
        f"From: {name} <dana@bitesio.com>",
        f"Reply-To: {name} <sales@bitesio.com>",
        f"To: {USER}",
        "Subject: Quick question",
    )
    message = parse(raw)
    assert message.sender is not None
    assert message.sender.email == "dana@bitesio.com"
    assert [a.email for a in message.reply_to] == ["sales@bitesio.com"]


def test_decode_header_value_survives_a_broken_encoded_word() -> None:
    assert decode_header_value("=?x-unknown-charset?q?abc?=") != ""
    assert decode_header_value("plain\r\n value") == "plain  value"


def test_first_header_of_a_name_wins_and_names_are_lower_cased() -> None:
    raw = literal(
        "From: dana@bitesio.com",
        f"To: {USER}",
        "Subject: first",
        "Subject: second",
        "X-Mailer: Mixmax",
    )
    message = parse(raw)
    assert message.subject == "first"
    assert message.header("x-mailer") == "Mixmax"
    assert message.has_header("X-MAILER")
    assert not message.has_header("List-Id")


def test_message_id_in_reply_to_and_references() -> None:
    raw = build(
        message_id="<pitch-2@bitesio.com>",
        in_reply_to="<pitch-1@bitesio.com>",
        references="<root@bitesio.com> <pitch-1@bitesio.com>",
    )
    message = parse(raw)
    assert message.message_id == "pitch-2@bitesio.com"
    assert message.in_reply_to == ("pitch-1@bitesio.com",)
    assert message.references == ("root@bitesio.com", "pitch-1@bitesio.com")
    assert message.thread_ids == ("pitch-1@bitesio.com", "root@bitesio.com")


def test_a_message_without_ids() -> None:
    message = parse(build(message_id=None))
    assert message.message_id is None
    assert message.in_reply_to == ()
    assert message.references == ()
    assert message.thread_ids == ()


def test_addresses_of_to_cc_reply_to_and_delivered_to() -> None:
    raw = literal(
        "From: Dana Seller <dana@bitesio.com>",
        'To: "Porter, Alan" <Alan@Example.com>, bob@example.com',
        "Cc: Carol <carol@example.com>",
        "Reply-To: Sales <sales@bitesio.com>",
        "Delivered-To: alan@example.com",
        "X-Original-To: alan.porter@example.com",
        "Subject: Hi",
    )
    message = parse(raw)
    assert [a.email for a in message.to] == ["alan@example.com", "bob@example.com"]
    assert message.to[0].name == "Porter, Alan"
    assert [a.email for a in message.cc] == ["carol@example.com"]
    assert [a.email for a in message.recipients] == [
        "alan@example.com",
        "bob@example.com",
        "carol@example.com",
    ]
    assert message.reply_to[0].email == "sales@bitesio.com"
    assert message.delivered_to == ("alan@example.com", "alan.porter@example.com")


def test_empty_return_path_is_the_empty_string() -> None:
    message = parse(literal("Return-Path: <>", "From: MAILER-DAEMON@mx.example.com", "Subject: x"))
    assert message.return_path == ""


def test_return_path_absent_and_present() -> None:
    assert parse(build()).return_path is None
    raw = literal("Return-Path: <Bounce@Bitesio.com>", "From: dana@bitesio.com", "Subject: x")
    assert parse(raw).return_path == "bounce@bitesio.com"


def test_date_parsed_and_garbage_date_ignored() -> None:
    assert parse(build()).date is not None
    bad = literal("From: dana@bitesio.com", "Date: not a date at all", "Subject: x")
    assert parse(bad).date is None


def test_a_message_with_no_from() -> None:
    message = parse(build(sender=None))
    assert message.sender is None
    user = User(USER, "Alan Porter", ("example.com",))
    verdict = classify(message, user)
    assert verdict.kind == OTHER
    assert verdict.vendor is None
    assert [s.name for s in verdict.signals] == ["no-sender"]


def test_a_from_without_a_usable_address() -> None:
    message = parse(literal("From: Dana Seller", f"To: {USER}", "Subject: x"))
    assert message.sender is None


# Authentication-Results


def test_authentication_results_dmarc_fail_header_from() -> None:
    raw = build(
        headers={
            "Authentication-Results": "mx.example.com; spf=pass smtp.mailfrom=bounce@mailer.net;"
            " dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=Bitesio.com"
        }
    )
    results = parse(raw).auth_results
    assert AuthResult("dmarc", "fail", "bitesio.com") in results
    assert AuthResult("spf", "pass", "mailer.net") in results
    assert {r.method for r in results} == {"spf", "dkim", "dmarc"}


def test_several_authentication_results_headers_are_all_read() -> None:
    raw = literal(
        "From: dana@bitesio.com",
        "Authentication-Results: mx1.example.com; dmarc=pass header.from=bitesio.com",
        "Authentication-Results: mx2.example.com; spf=softfail smtp.mailfrom=bitesio.com",
        "Subject: x",
    )
    results = parse(raw).auth_results
    assert AuthResult("dmarc", "pass", "bitesio.com") in results
    assert AuthResult("spf", "softfail", "bitesio.com") in results


# bodies


def test_iso_8859_1_quoted_printable_body() -> None:
    raw = literal(
        "From: jm@metallbau.de",
        f"To: {USER}",
        "Subject: Angebot",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        body="Gr=FC=DFe aus M=FCnchen,=\r\n und sch=F6ne Gr=FC=DFe",
    )
    assert parse(raw).text.strip() == "Grüße aus München, und schöne Grüße"


def test_base64_utf8_body() -> None:
    encoded = base64.b64encode("Le escribo porque su clínica crece.".encode()).decode()
    raw = literal(
        "From: ana@cobros.es",
        f"To: {USER}",
        "Subject: Hola",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        body=encoded,
    )
    assert parse(raw).text.strip() == "Le escribo porque su clínica crece."


def test_latin1_bytes_in_an_8bit_body() -> None:
    head = (
        "From: jm@metallbau.de\r\nTo: alan@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    )
    raw = head.encode("ascii") + "Straße und Größe".encode("latin-1") + b"\r\n"
    assert parse(raw).text.strip() == "Straße und Größe"


def test_unknown_charset_falls_back_without_error() -> None:
    raw = literal(
        "From: a@b.com",
        "Subject: x",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=x-no-such-charset",
        body="plain words",
    )
    assert "plain words" in parse(raw).text


def test_html_only_body_gives_text() -> None:
    markup = (
        "<html><head><style>p { color: red }</style><script>var x = 1;</script></head>"
        "<body><p>Hi&nbsp;Alan,</p><p>Worth a <b>15 minute</b> call?</p>"
        "<div>Dana &amp; team</div><br>bitesio.com</body></html>"
    )
    message = parse(html_only(html=markup))
    assert message.html
    lines = message.text.splitlines()
    assert "Hi\xa0Alan," in lines
    assert "Worth a 15 minute call?" in lines
    assert "Dana & team" in lines
    assert "bitesio.com" in lines
    assert "color" not in message.text
    assert "var x" not in message.text
    assert "<" not in message.text


def test_plain_text_wins_over_html() -> None:
    message = parse(build(body="Plain words.", html="<p>Rich words.</p>"))
    assert message.text.strip() == "Plain words."
    assert "Rich words." in message.html
    assert message.content_types == ("multipart/alternative", "text/plain", "text/html")


def test_html_to_text_breaks_lines() -> None:
    assert html_to_text("one<br>two</p>three<li>x</li>") == "one\ntwo\nthree x"


def test_text_is_bounded() -> None:
    message = parse(build(body="word " * 10_000))
    assert 0 < len(message.text) <= 20_000


def test_a_text_attachment_is_not_body_text() -> None:
    mail = EmailMessage(policy=SMTP)
    mail["From"] = "dana@bitesio.com"
    mail["To"] = USER
    mail["Subject"] = "Deck"
    mail.set_content("See the attachment.")
    mail.add_attachment("SECRET ATTACHMENT WORDS", filename="notes.txt")
    message = parse(mail.as_bytes())
    assert "See the attachment." in message.text
    assert "SECRET ATTACHMENT WORDS" not in message.text


def test_multipart_report_content_type_is_recorded() -> None:
    raw = literal(
        "From: MAILER-DAEMON@mx.example.com",
        f"To: {USER}",
        "Subject: Undelivered Mail Returned to Sender",
        "MIME-Version: 1.0",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        body="--b1\r\nContent-Type: text/plain\r\n\r\nUser unknown.\r\n"
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        "Final-Recipient: rfc822; x@y.com\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--",
    )
    message = parse(raw)
    assert message.content_types[0] == "multipart/report"
    assert "User unknown." in message.text


# calendars


@pytest.mark.parametrize("mode", ["inline", "alternative", "attachment"])
def test_calendar_request_is_found(mode: str) -> None:
    raw = build(
        calendar=ics(
            uid="evt-42@bitesio.com",
            sequence=3,
            organizer="Dana@Bitesio.com",
            attendees=("Alan@Example.com", "bob@example.com"),
        ),
        calendar_mode=mode,
    )
    message = parse(raw)
    assert len(message.calendars) == 1
    request = message.calendars[0]
    assert request.method == "REQUEST"
    assert request.is_request
    assert request.uid == "evt-42@bitesio.com"
    assert request.sequence == 3
    assert request.organizer == "dana@bitesio.com"
    assert request.organizer_name == "Dana Seller"
    assert request.attendees == ("alan@example.com", "bob@example.com")
    assert request.recurrence_id is None
    assert request.dtstart == "20250610T140000Z"
    assert b"BEGIN:VCALENDAR" in request.ics


def test_the_same_event_inline_and_attached_counts_once() -> None:
    calendar = ics()
    mail = EmailMessage(policy=SMTP)
    mail["From"] = "dana@bitesio.com"
    mail["To"] = USER
    mail["Subject"] = "Invitation"
    mail.set_content("You are invited.")
    mail.add_alternative(calendar, subtype="calendar", params={"method": "REQUEST"})
    mail.make_mixed()
    mail.add_attachment(
        calendar.encode(), maintype="application", subtype="ics", filename="invite.ics"
    )
    message = parse(mail.as_bytes())
    assert len(message.calendars) == 1


def test_recurrence_id_and_cancel_method() -> None:
    request = parse_calendar(
        ics(method="CANCEL", recurrence_id="20250617T140000Z").encode("utf-8")
    )[0]
    assert request.method == "CANCEL"
    assert not request.is_request
    assert request.recurrence_id == "20250617T140000Z"


def test_calendar_parts_fetched_apart_are_added() -> None:
    message = parse(build(), extra_calendars=[ics(uid="apart@bitesio.com").encode()])
    assert [c.uid for c in message.calendars] == ["apart@bitesio.com"]


@pytest.mark.parametrize(
    "data",
    [
        "BEGIN:VCALENDAR\r\nthis is not icalendar at all\r\n",
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        "\x00\x01\x02 garbage",
        "",
    ],
)
def test_a_malformed_calendar_part_gives_no_calendar(data: str) -> None:
    raw = build(body="See the invite.", calendar=data, calendar_mode="alternative")
    message = parse(raw)
    assert message.calendars == ()
    assert "See the invite." in message.text
    assert "text/calendar" in message.content_types
