"""The IMAP adapter against the real loopback Dovecot: login, TLS, folders, fetches and moves."""

from __future__ import annotations

import base64
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import SMTP

import pytest
import testbed
from builders import build, ics
from testbed import Dovecot, MailUser

from inboxguard import imap
from inboxguard.config import Server
from inboxguard.errors import LoginError, ServerError
from inboxguard.imap import IMAPMailbox
from inboxguard.mailbox import CALENDAR_BYTES, EXCERPT_BYTES, FETCH_BATCH, FetchedMessage
from inboxguard.message import parse

pytestmark = pytest.mark.integration

SEEN = b"\\Seen"
DELETED = b"\\Deleted"


def _server(dovecot: Dovecot, user: MailUser, security: str = "none") -> Server:
    port = dovecot.tls_port if security == "tls" and dovecot.tls_port else dovecot.port
    return Server(dovecot.host, port, security, user.username, None)


def _raw(number: int, *, vendor: str = "bitesio.com", body: str = "Hello Alan.\n") -> bytes:
    return build(
        sender=f"Dana Seller <dana@{vendor}>",
        subject=f"message {number}",
        body=body,
        message_id=f"<imap-{number}@{vendor}>",
    )


def _flatten(batches: Iterator[list[FetchedMessage]]) -> list[FetchedMessage]:
    return [message for batch in batches for message in batch]


def _flags(dovecot: Dovecot, user: MailUser, folder: str) -> dict[int, set[bytes]]:
    with dovecot.session(user) as client:
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        return {uid: set(flags) for uid, flags in client.get_flags(uids).items()} if uids else {}


@pytest.fixture
def mailbox(dovecot: Dovecot, mail_user: MailUser) -> Iterator[IMAPMailbox]:
    """The adapter logged in as `mail_user` over plain IMAP on loopback."""
    connected = imap.connect(_server(dovecot, mail_user), mail_user.password)
    try:
        yield connected
    finally:
        connected.close()


# --- connecting --------------------------------------------------------------------------------


def test_plain_login_on_loopback_offers_what_the_guard_needs(
    dovecot: Dovecot, mailbox: IMAPMailbox
) -> None:
    assert {"IDLE", "MOVE", "UIDPLUS"} <= mailbox.capabilities
    assert f"{dovecot.host}:{dovecot.port}" in mailbox.where
    assert mailbox.status("INBOX").uidnext == 1


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_is_verified_against_the_test_ca(
    dovecot_tls: Dovecot, monkeypatch: pytest.MonkeyPatch, security: str
) -> None:
    assert dovecot_tls.cafile is not None
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot_tls.cafile))
    user = dovecot_tls.add_user()
    connected = imap.connect(_server(dovecot_tls, user, security), user.password)
    try:
        assert {"IDLE", "MOVE", "UIDPLUS"} <= connected.capabilities
        assert "STARTTLS" not in connected.capabilities  # the session is already TLS
        assert connected.sent_folder() == "Sent"
    finally:
        connected.close()


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_an_untrusted_certificate_is_one_server_error_naming_the_server(
    dovecot_tls: Dovecot, monkeypatch: pytest.MonkeyPatch, security: str
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    user = dovecot_tls.add_user()
    server = _server(dovecot_tls, user, security)
    with pytest.raises(ServerError) as raised:
        imap.connect(server, user.password)
    message = str(raised.value)
    assert not isinstance(raised.value, LoginError)
    assert "\n" not in message
    assert f"{server.host}:{server.port}" in message
    assert "certificate" in message


def test_a_wrong_password_is_one_login_error(dovecot: Dovecot, mail_user: MailUser) -> None:
    server = _server(dovecot, mail_user)
    with pytest.raises(LoginError) as raised:
        imap.connect(server, "not-" + mail_user.password)
    message = str(raised.value)
    assert "\n" not in message
    assert f"{server.host}:{server.port}" in message
    assert mail_user.username in message
    assert "not-" + mail_user.password not in message


def test_a_refused_port_is_a_server_error(mail_user: MailUser) -> None:
    port = testbed.free_port()
    server = Server(testbed.HOST, port, "none", mail_user.username, None)
    with pytest.raises(ServerError) as raised:
        imap.connect(server, mail_user.password, timeout=5)
    message = str(raised.value)
    assert not isinstance(raised.value, LoginError)
    assert "\n" not in message
    assert f"{testbed.HOST}:{port}" in message


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_asked_of_a_plain_server_is_one_server_error(
    dovecot: Dovecot, mail_user: MailUser, security: str
) -> None:
    server = Server(dovecot.host, dovecot.port, security, mail_user.username, None)
    with pytest.raises(ServerError) as raised:
        imap.connect(server, mail_user.password, timeout=5)
    message = str(raised.value)
    assert not isinstance(raised.value, LoginError)
    assert "\n" not in message
    assert f"{dovecot.host}:{dovecot.port}" in message


def test_a_server_that_never_greets_times_out_as_a_server_error(mail_user: MailUser) -> None:
    with socket.socket() as silent:
        silent.bind((testbed.HOST, 0))
        silent.listen(1)  # the kernel completes the handshake; nobody ever speaks
        port = silent.getsockname()[1]
        server = Server(testbed.HOST, port, "none", mail_user.username, None)
        with pytest.raises(ServerError) as raised:
            imap.connect(server, mail_user.password, timeout=0.5)
    assert "\n" not in str(raised.value)
    assert f"{testbed.HOST}:{port}" in str(raised.value)


def test_a_non_ascii_password_logs_in(dovecot: Dovecot) -> None:
    user = dovecot.add_user(password="pässwörd£")
    connected = imap.connect(_server(dovecot, user), user.password)
    try:
        assert connected.status("INBOX").uidnext == 1
    finally:
        connected.close()


def test_a_password_is_never_sent_in_the_clear_beyond_loopback(mail_user: MailUser) -> None:
    server = Server("192.0.2.1", 143, "none", mail_user.username, None)
    with pytest.raises(ServerError, match="without TLS"):
        imap.connect(server, mail_user.password, timeout=1)


# --- folders -----------------------------------------------------------------------------------


def test_sent_folder_is_found_by_special_use(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    dovecot.append(mail_user, "Sent Items", _raw(1))  # a name that looks right but is not marked
    assert mailbox.sent_folder() == "Sent"


def test_ensure_folders_creates_nested_folders_with_the_delimiter_and_is_idempotent(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    mailbox.ensure_folders(["Guard/Declined"])
    mailbox.ensure_folders(["Guard/Declined", "INBOX"])
    assert mailbox.delimiter == "/"
    with dovecot.session(mail_user) as client:
        listed = [name for _flags, _delimiter, name in client.list_folders()]
        subscribed = [name for _flags, _delimiter, name in client.list_sub_folders()]
    assert listed.count("Guard/Declined") == 1
    assert "Guard/Declined" in subscribed
    assert (mail_user.home / "Maildir" / "Guard" / "Declined" / "cur").is_dir()
    dovecot.append(mail_user, "Guard/Declined", _raw(1))
    assert mailbox.status("Guard/Declined").uidnext == 2


def test_status_gives_uidvalidity_and_a_growing_uidnext(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    before = mailbox.status("INBOX")
    uid = dovecot.append(mail_user, "INBOX", _raw(1))
    after = mailbox.status("INBOX")
    assert after.uidvalidity == before.uidvalidity > 0
    assert after.uidnext == uid + 1 > before.uidnext


# --- fetching ----------------------------------------------------------------------------------


def test_fetch_after_returns_only_newer_uids_in_batches(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    count = FETCH_BATCH + 3
    with dovecot.session(mail_user) as client:
        client.multiappend("INBOX", [_raw(n) for n in range(count)])
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
    assert len(uids) == count
    batches = list(mailbox.fetch_after("INBOX", uids[1]))
    assert [len(batch) for batch in batches] == [FETCH_BATCH, 1]
    fetched = [message.uid for batch in batches for message in batch]
    assert fetched == uids[2:]
    first = batches[0][0]
    assert b"Message-ID: <imap-2@bitesio.com>" in first.raw
    assert first.raw.rstrip().endswith(b"Hello Alan.")


def test_fetch_after_the_last_uid_is_empty(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    """`UID n:*` matches the last message even when n is above it; the adapter must not."""
    last = dovecot.append(mail_user, "INBOX", _raw(1))
    assert _flatten(mailbox.fetch_after("INBOX", last)) == []
    assert _flatten(mailbox.fetch_after("INBOX", last + 10)) == []
    assert [m.uid for m in _flatten(mailbox.fetch_after("INBOX", last - 1))] == [last]


def test_a_big_message_yields_its_header_and_a_bounded_excerpt(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    body = "Opening line of a very long message.\n" + "A line of filler text.\n" * 48_000
    raw = _raw(1, body=body)
    assert len(raw) > 1_000_000
    uid = dovecot.append(mail_user, "INBOX", raw)
    [fetched] = _flatten(mailbox.fetch_after("INBOX", 0))
    assert fetched.uid == uid
    assert len(fetched.raw) < EXCERPT_BYTES + 8 * 1024
    assert b"Subject: message 1" in fetched.raw
    assert b"Opening line of a very long message." in fetched.raw


def test_internaldate_is_an_aware_datetime(mail_user: MailUser, mailbox: IMAPMailbox) -> None:
    arrived = datetime(2025, 6, 3, 11, 15, 7, tzinfo=timezone(timedelta(hours=2)))
    mailbox.client.append("INBOX", _raw(1), msg_time=arrived)
    [fetched] = _flatten(mailbox.fetch_after("INBOX", 0))
    assert fetched.arrived.tzinfo is not None
    assert fetched.arrived.utcoffset() is not None
    assert fetched.arrived == datetime(2025, 6, 3, 9, 15, 7, tzinfo=UTC)


def _invite_after_long_text(uid: str) -> bytes:
    """A multipart/mixed message whose base64 calendar attachment starts past the excerpt."""
    mail = EmailMessage(policy=SMTP)
    mail["From"] = "Dana Seller <dana@bitesio.com>"
    mail["To"] = "alan@example.com"
    mail["Subject"] = "15 minutes next week?"
    mail["Message-ID"] = "<invite-late@bitesio.com>"
    mail.set_content("Agenda and background.\n" + "Some more background text.\n" * 3_000)
    mail.add_attachment(
        ics(uid=uid).encode(),
        maintype="text",
        subtype="calendar",
        params={"method": "REQUEST"},
        filename="invite.ics",
        cte="base64",
    )
    return mail.as_bytes()


def test_a_calendar_part_beyond_the_excerpt_is_fetched_separately(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    raw = _invite_after_long_text("evt-late@bitesio.com")
    encoded = base64.b64encode(ics(uid="evt-late@bitesio.com").encode())[:40]
    assert raw.index(encoded) > EXCERPT_BYTES
    dovecot.append(mail_user, "INBOX", raw)
    dovecot.append(mail_user, "INBOX", _raw(2))
    first, second = _flatten(mailbox.fetch_after("INBOX", 0))
    assert encoded not in first.raw
    assert b"BEGIN:VCALENDAR" not in first.raw
    [calendar] = first.calendars
    assert len(calendar) <= CALENDAR_BYTES
    assert calendar.startswith(b"BEGIN:VCALENDAR")
    assert b"UID:evt-late@bitesio.com" in calendar
    assert b"METHOD:REQUEST" in calendar
    assert second.calendars == ()
    [request] = parse(first.raw, first.calendars).calendars
    assert request.uid == "evt-late@bitesio.com"


@pytest.mark.parametrize("mode", ["inline", "alternative", "attachment"])
def test_an_invite_reaches_the_parser_wherever_its_calendar_part_is(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox, mode: str
) -> None:
    raw = build(calendar=ics(uid=f"evt-{mode}@bitesio.com"), calendar_mode=mode)
    dovecot.append(mail_user, "INBOX", raw)
    [message] = _flatten(mailbox.fetch_after("INBOX", 0))
    [request] = parse(message.raw, message.calendars).calendars
    assert request.uid == f"evt-{mode}@bitesio.com"
    assert request.is_request


def test_fetching_never_sets_seen(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox
) -> None:
    dovecot.append(mail_user, "INBOX", _raw(1))
    dovecot.append(mail_user, "INBOX", _invite_after_long_text("evt-seen@bitesio.com"))
    dovecot.append(mail_user, "INBOX", _raw(3))
    mailbox.ensure_folders(["Guard/Declined"])
    mailbox.move("INBOX", [1], "Guard/Declined")  # leaves INBOX selected read-write
    fetched = _flatten(mailbox.fetch_after("INBOX", 0))
    assert [message.uid for message in fetched] == [2, 3]
    assert fetched[0].calendars
    _flatten(mailbox.fetch_after("Guard/Declined", 0))
    for folder in ("INBOX", "Guard/Declined"):
        flags = _flags(dovecot, mail_user, folder)
        assert flags, folder
        assert all(SEEN not in these for these in flags.values()), (folder, flags)


# --- filing ------------------------------------------------------------------------------------


def _move_and_check(dovecot: Dovecot, user: MailUser, mailbox: IMAPMailbox) -> None:
    """Move two of four INBOX messages, one of the others flagged \\Deleted by the user."""
    raws = [_raw(n) for n in range(4)]
    uids = [dovecot.append(user, "INBOX", raw) for raw in raws]
    with dovecot.session(user) as client:
        client.select_folder("INBOX")
        client.add_flags([uids[3]], [DELETED])
    mailbox.ensure_folders(["Guard/Declined"])
    assert len(_flatten(mailbox.fetch_after("INBOX", 0))) == 4  # INBOX selected read-only
    mailbox.move("INBOX", [uids[0], uids[2]], "Guard/Declined")
    assert dovecot.messages(user, "Guard/Declined") == [raws[0], raws[2]]
    assert dovecot.messages(user, "INBOX") == [raws[1], raws[3]]
    assert dovecot.deleted_count(user, "INBOX") == 1  # the user's own \Deleted message
    assert dovecot.deleted_count(user, "Guard/Declined") == 0
    mailbox.move("INBOX", [], "Guard/Declined")
    assert len(dovecot.messages(user, "INBOX")) == 2


def test_move_uses_move(dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox) -> None:
    assert "MOVE" in mailbox.capabilities
    _move_and_check(dovecot, mail_user, mailbox)


def test_move_without_move_copies_and_expunges_only_its_own_uids(
    dovecot_no_move: Dovecot,
) -> None:
    user = dovecot_no_move.add_user()
    connected = imap.connect(_server(dovecot_no_move, user), user.password)
    try:
        assert "MOVE" not in connected.capabilities
        assert "UIDPLUS" in connected.capabilities
        _move_and_check(dovecot_no_move, user, connected)
    finally:
        connected.close()


@pytest.mark.parametrize("seen", [True, False])
def test_append_files_a_message_with_or_without_seen(
    dovecot: Dovecot, mail_user: MailUser, mailbox: IMAPMailbox, seen: bool
) -> None:
    raw = _raw(1)
    mailbox.append("Sent", raw, seen=seen)
    assert dovecot.messages(mail_user, "Sent") == [raw]
    [flags] = _flags(dovecot, mail_user, "Sent").values()
    assert (SEEN in flags) is seen


def test_move_without_move_or_uidplus_refuses_and_touches_nothing(
    make_dovecot: Callable[..., Dovecot],
) -> None:
    server = make_dovecot(hidden_capabilities=("MOVE", "UIDPLUS"))
    user = server.add_user()
    raws = [_raw(1), _raw(2)]
    uids = [server.append(user, "INBOX", raw) for raw in raws]
    connected = imap.connect(_server(server, user), user.password)
    try:
        assert not {"MOVE", "UIDPLUS"} & connected.capabilities
        connected.ensure_folders(["Guard/Declined"])
        with pytest.raises(ServerError) as raised:
            connected.move("INBOX", uids[:1], "Guard/Declined")
    finally:
        connected.close()
    assert "\n" not in str(raised.value)
    assert server.messages(user, "INBOX") == raws
    assert server.deleted_count(user, "INBOX") == 0
    assert server.messages(user, "Guard/Declined") == []
