"""Tests of the test bed itself: the loopback Dovecot and the SMTP sink behave as promised."""

from __future__ import annotations

import imaplib
import os
import smtplib
import ssl
import tempfile
import time
import tomllib
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
import testbed
from imapclient import IMAPClient
from imapclient.exceptions import LoginError
from testbed import Dovecot, MailUser, SmtpSink, WriteConfig

pytestmark = pytest.mark.integration


def _raw(subject: str, body: str = "Hello.") -> bytes:
    message = EmailMessage()
    message["From"] = "Dana Vendor <dana@vendor.example>"
    message["To"] = "Alan Porter <alan@example.com>"
    message["Subject"] = subject
    message["Message-ID"] = f"<{subject.replace(' ', '-')}@vendor.example>"
    message.set_content(body)
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def _capabilities(client: IMAPClient) -> set[str]:
    return {name.decode().upper() for name in client.capabilities()}


def _tls_context(cafile: Path | None) -> ssl.SSLContext:
    assert cafile is not None
    return ssl.create_default_context(cafile=str(cafile))


# --- Dovecot -------------------------------------------------------------------------------


def test_plain_login_has_the_capabilities_the_guard_needs(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with dovecot.session(mail_user) as client:
        names = _capabilities(client)
    assert {"IDLE", "MOVE", "UIDPLUS", "CONDSTORE", "SPECIAL-USE"} <= names


def test_plain_server_offers_no_starttls(dovecot: Dovecot) -> None:
    client = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=10)
    try:
        assert "STARTTLS" not in _capabilities(client)
    finally:
        client.shutdown()


def test_sent_and_other_special_use_folders_are_listed_and_subscribed(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with dovecot.session(mail_user) as client:
        folders = {name: set(flags) for flags, _delimiter, name in client.list_folders()}
        subscribed = {name for _flags, _delimiter, name in client.list_sub_folders()}
        delimiter = client.namespace().personal[0][1]
    assert b"\\Sent" in folders["Sent"]
    assert b"\\Drafts" in folders["Drafts"]
    assert b"\\Trash" in folders["Trash"]
    assert b"\\Junk" in folders["Junk"]
    assert "INBOX" in folders
    assert {"Sent", "Drafts", "Trash", "Junk"} <= subscribed
    assert delimiter == "/"


def test_folders_nest_with_slash_and_may_contain_dots(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    dovecot.append(mail_user, "Guard/Declined", _raw("nested"))
    dovecot.append(mail_user, "a.b", _raw("dotted"))
    with dovecot.session(mail_user) as client:
        folders = {name: set(flags) for flags, _delimiter, name in client.list_folders()}
    assert b"\\HasChildren" in folders["Guard"]
    assert "Guard/Declined" in folders and "a.b" in folders
    assert (mail_user.home / "Maildir" / "Guard" / "Declined" / "cur").is_dir()


def test_implicit_tls_login_on_tls_port_verifies_the_certificate(dovecot_tls: Dovecot) -> None:
    user = dovecot_tls.add_user()
    assert dovecot_tls.tls_port is not None
    for hostname in ("127.0.0.1", "localhost"):
        client = IMAPClient(
            hostname,
            port=dovecot_tls.tls_port,
            ssl=True,
            ssl_context=_tls_context(dovecot_tls.cafile),
            timeout=10,
        )
        try:
            client.login(user.username, user.password)
            assert "UIDPLUS" in _capabilities(client)
        finally:
            client.logout()


def test_starttls_on_port_then_login(dovecot_tls: Dovecot) -> None:
    user = dovecot_tls.add_user()
    client = IMAPClient(dovecot_tls.host, port=dovecot_tls.port, ssl=False, timeout=10)
    try:
        assert "STARTTLS" in _capabilities(client)
        client.starttls(_tls_context(dovecot_tls.cafile))
        client.login(user.username, user.password)
        assert "MOVE" in _capabilities(client)
    finally:
        client.logout()


def test_tls_server_certificate_is_refused_without_its_ca(dovecot_tls: Dovecot) -> None:
    assert dovecot_tls.tls_port is not None
    trusts_nothing = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(
            dovecot_tls.host,
            port=dovecot_tls.tls_port,
            ssl=True,
            ssl_context=trusts_nothing,
            timeout=10,
        )


def test_a_wrong_password_is_refused(dovecot: Dovecot, mail_user: MailUser) -> None:
    client = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=10)
    try:
        with pytest.raises(LoginError):
            client.login(mail_user.username, "not-" + mail_user.password)
    finally:
        client.shutdown()


def test_a_wrong_password_does_not_slow_later_logins(dovecot: Dovecot, mail_user: MailUser) -> None:
    """Dovecot's per-IP failed-login penalty (2 s, then 4 s, ... from 127.0.0.1) is off."""
    client = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=10)
    try:
        with pytest.raises(LoginError):
            client.login(mail_user.username, "wrong")
    finally:
        client.shutdown()
    started = time.monotonic()
    with dovecot.session(mail_user):
        pass
    assert time.monotonic() - started < 1.5


def test_append_returns_increasing_uids_and_messages_returns_the_bytes(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    raws = [_raw(f"message {n}", f"Body {n}.") for n in range(3)]
    uids = [dovecot.append(mail_user, "INBOX", raw) for raw in raws]
    assert uids == sorted(uids) and len(set(uids)) == 3
    assert dovecot.messages(mail_user, "INBOX") == raws
    sent_uid = dovecot.append(mail_user, "Sent", raws[0])
    assert sent_uid >= 1
    assert dovecot.messages(mail_user, "Sent") == raws[:1]


def test_messages_come_back_with_crlf_line_ends(dovecot: Dovecot, mail_user: MailUser) -> None:
    dovecot.append(mail_user, "INBOX", b"Subject: lf\n\nline one\nline two\n")
    assert dovecot.messages(mail_user, "INBOX") == [b"Subject: lf\r\n\r\nline one\r\nline two\r\n"]


def test_messages_of_a_missing_folder_is_empty(dovecot: Dovecot, mail_user: MailUser) -> None:
    assert dovecot.messages(mail_user, "Guard/Declined") == []
    assert dovecot.deleted_count(mail_user, "Guard/Declined") == 0


def test_deleted_messages_are_returned_and_counted(dovecot: Dovecot, mail_user: MailUser) -> None:
    first = dovecot.append(mail_user, "INBOX", _raw("keep me"))
    second = dovecot.append(mail_user, "INBOX", _raw("delete me"))
    with dovecot.session(mail_user) as client:
        client.select_folder("INBOX")
        client.add_flags([second], [b"\\Deleted"])
    assert first < second
    assert len(dovecot.messages(mail_user, "INBOX")) == 2
    assert dovecot.deleted_count(mail_user, "INBOX") == 1


def test_move_is_hidden_before_and_after_login(dovecot_no_move: Dovecot) -> None:
    user = dovecot_no_move.add_user()
    client = IMAPClient(dovecot_no_move.host, port=dovecot_no_move.port, ssl=False, timeout=10)
    try:
        assert "MOVE" not in _capabilities(client)
        client.login(user.username, user.password)
        after_login = _capabilities(client)
    finally:
        client.logout()
    # The LOGIN response above; now an explicit CAPABILITY command, as a client may send.
    raw = imaplib.IMAP4(dovecot_no_move.host, dovecot_no_move.port, timeout=10)
    try:
        raw.login(user.username, user.password)
        _status, lines = raw.capability()  # imaplib keeps the LOGIN response's list first
    finally:
        raw.logout()
    asked = {name.upper() for name in lines[-1].decode().split()}
    for names in (after_login, asked):
        assert "MOVE" not in names
        assert {"UIDPLUS", "IDLE", "CONDSTORE", "SPECIAL-USE", "LITERAL+"} <= names
    with dovecot_no_move.session(user) as client:
        assert not client.has_capability("MOVE")


def test_users_are_unique_and_log_in_as_soon_as_they_are_added(dovecot: Dovecot) -> None:
    first = dovecot.add_user()
    second = dovecot.add_user(password="other")
    assert first.username != second.username
    assert first.home != second.home
    for user in (first, second):
        with dovecot.session(user) as client:
            assert client.folder_exists("INBOX")


def test_users_do_not_see_each_others_mail(dovecot: Dovecot) -> None:
    alice, bob = dovecot.add_user(), dovecot.add_user()
    dovecot.append(alice, "INBOX", _raw("for alice"))
    assert dovecot.messages(bob, "INBOX") == []
    assert len(dovecot.messages(alice, "INBOX")) == 1


def test_many_connections_from_one_user(dovecot: Dovecot, mail_user: MailUser) -> None:
    clients = []
    try:
        for _ in range(15):  # Dovecot's default limit is 10 per user and IP
            clients.append(dovecot.client(mail_user))
    finally:
        for client in clients:
            client.logout()


def test_restart_keeps_ports_users_and_mail(make_dovecot: Callable[..., Dovecot]) -> None:
    server = make_dovecot()
    user = server.add_user()
    raw = _raw("survives a restart")
    uid = server.append(user, "INBOX", raw)
    port = server.port
    server.restart()
    assert server.port == port
    assert server.messages(user, "INBOX") == [raw]
    assert server.append(user, "INBOX", _raw("after the restart")) > uid
    newcomer = server.add_user()
    with server.session(newcomer) as client:
        assert client.folder_exists("Sent")


def test_restart_keeps_tls(make_dovecot: Callable[..., Dovecot]) -> None:
    server = make_dovecot(tls=True)
    user = server.add_user()
    tls_port = server.tls_port
    server.restart()
    assert server.tls_port == tls_port is not None
    client = IMAPClient(
        server.host, port=tls_port, ssl=True, ssl_context=_tls_context(server.cafile), timeout=10
    )
    try:
        client.login(user.username, user.password)
    finally:
        client.logout()


def test_stop_leaves_no_dovecot_process() -> None:
    if testbed.find_dovecot() is None:
        testbed.unavailable("Dovecot is not installed (apt-get install dovecot-imapd)")
    with tempfile.TemporaryDirectory(prefix="inboxguard-dovecot-") as root:
        server = Dovecot(Path(root))
        with server:
            assert len(server.processes()) >= 4  # master, log, config, auth, ...
            client = server.client(server.add_user())  # an imap process is running too
            client.select_folder("INBOX")
        assert not server.running
        assert server.processes() == []
        try:
            with pytest.raises((OSError, imaplib.IMAP4.error)):
                client.noop()
        finally:
            client.shutdown()
        server.stop()  # a second stop is harmless


def test_log_tells_what_happened(dovecot: Dovecot) -> None:
    user = dovecot.add_user()
    with dovecot.session(user):
        pass
    # Dovecot's log process writes a moment later.
    testbed.wait_until(lambda: f"user=<{user.username}>" in dovecot.log(), 5)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the server to another user")
def test_an_unreachable_root_is_refused_for_root() -> None:
    if testbed.find_dovecot() is None:
        testbed.unavailable("Dovecot is not installed (apt-get install dovecot-imapd)")
    with tempfile.TemporaryDirectory() as outer:
        Path(outer).chmod(0o700)
        server = Dovecot(Path(outer) / "root")
        with pytest.raises(testbed.DovecotError, match="not searchable"):
            server.start()


def test_wait_until_returns_the_value_or_times_out() -> None:
    values = iter([0, None, 7])
    assert testbed.wait_until(lambda: next(values), 1) == 7
    with pytest.raises(TimeoutError, match="never"):
        testbed.wait_until(lambda: False, 0.05, message="never")


# --- guard configs ---------------------------------------------------------------------------


def test_write_config_follows_the_config_contract(
    write_config: WriteConfig, mail_user: MailUser, smtp_sink: SmtpSink, dovecot: Dovecot
) -> None:
    path = write_config(
        mail_user,
        email="olivia.grant@harbourlightphysio.com",
        name='Olivia "Liv" Grant',
        smtp=smtp_sink,
        policy={"decline_after": 3},
        lists={"allow": ["partner.example"], "block": ["quotasmith.io"]},
        extra="[decline]\nauto_submitted = true",
    )
    config = tomllib.loads(path.read_text())
    assert config["account"] == {
        "email": "olivia.grant@harbourlightphysio.com",
        "name": 'Olivia "Liv" Grant',
        "domains": ["harbourlightphysio.com"],
    }
    assert config["imap"] == {
        "host": "127.0.0.1",
        "port": dovecot.port,
        "security": "none",
        "username": mail_user.username,
    }
    assert config["smtp"] == {
        "host": "127.0.0.1",
        "port": smtp_sink.port,
        "security": "none",
        "username": mail_user.username,
    }
    assert config["policy"] == {"grace_days": 0, "decline_after": 3}
    assert config["lists"] == {"allow": ["partner.example"], "block": ["quotasmith.io"]}
    assert config["storage"]["path"] == str(path.parent / "ledger.sqlite3")
    assert config["decline"] == {"auto_submitted": True}


def test_write_config_without_smtp_observes_and_overrides_remove_keys(
    write_config: WriteConfig, mail_user: MailUser, dovecot_tls: Dovecot
) -> None:
    first = write_config(mail_user, server=dovecot_tls, imap_security="tls", domains=[])
    second = write_config(mail_user, policy={"grace_days": None, "mode": "act"}, storage=None)
    assert first != second
    config = tomllib.loads(first.read_text())
    assert "smtp" not in config
    assert config["policy"] == {"grace_days": 0, "mode": "observe"}
    assert config["imap"]["port"] == dovecot_tls.tls_port
    assert config["imap"]["security"] == "tls"
    assert config["account"]["domains"] == []
    config = tomllib.loads(second.read_text())
    assert config["policy"] == {"mode": "act"}
    assert "storage" not in config


# --- SMTP sink -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cert_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return testbed.make_self_signed_cert(tmp_path_factory.mktemp("cert"))


def _send(client: smtplib.SMTP, *, login: str | None = "alan@example.com") -> bytes:
    raw = _raw("smtp test")
    if login is not None:
        client.login(login, "any password")
    client.sendmail("alan@example.com", ["dana@vendor.example", "eve@vendor.example"], raw)
    return raw


def _assert_recorded(sink: SmtpSink, raw: bytes, login: str | None) -> None:
    [mail] = sink.wait_for(1)
    assert mail.mail_from == "alan@example.com"
    assert mail.rcpt_tos == ("dana@vendor.example", "eve@vendor.example")
    assert mail.data == raw
    assert mail.login == login


def test_smtp_sink_plain_with_auth(smtp_sink: SmtpSink) -> None:
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as client:
        client.ehlo()
        assert client.has_extn("auth")
        raw = _send(client)
    _assert_recorded(smtp_sink, raw, "alan@example.com")


def test_smtp_sink_records_no_login_without_auth(smtp_sink: SmtpSink) -> None:
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as client:
        raw = _send(client, login=None)
    _assert_recorded(smtp_sink, raw, None)


def test_smtp_sink_starttls(cert_pair: tuple[Path, Path]) -> None:
    with (
        SmtpSink(tls="starttls", cafile_pair=cert_pair) as sink,
        smtplib.SMTP(sink.host, sink.port, timeout=10) as client,
    ):
        client.ehlo()
        assert client.has_extn("starttls")
        client.starttls(context=_tls_context(cert_pair[0]))
        client.ehlo()
        raw = _send(client)
        _assert_recorded(sink, raw, "alan@example.com")


def test_smtp_sink_implicit_tls(cert_pair: tuple[Path, Path]) -> None:
    with (
        SmtpSink(tls="tls", cafile_pair=cert_pair) as sink,
        smtplib.SMTP_SSL(
            sink.host, sink.port, context=_tls_context(cert_pair[0]), timeout=10
        ) as client,
    ):
        raw = _send(client)
        _assert_recorded(sink, raw, "alan@example.com")


def test_smtp_sink_set_failure_makes_the_client_raise(smtp_sink: SmtpSink) -> None:
    smtp_sink.set_failure("451 4.3.0 try later")
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as client:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            _send(client)
        assert refused.value.smtp_code == 451
    assert smtp_sink.received == []
    smtp_sink.set_failure(None)
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as client:
        raw = _send(client)
    _assert_recorded(smtp_sink, raw, "alan@example.com")


def test_smtp_sink_fail_with_from_the_start() -> None:
    with (
        SmtpSink(fail_with="554 5.7.1 rejected") as sink,
        smtplib.SMTP(sink.host, sink.port, timeout=10) as client,
        pytest.raises(smtplib.SMTPDataError),
    ):
        _send(client)


def test_smtp_sink_clear_and_wait_for_timeout(smtp_sink: SmtpSink) -> None:
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as client:
        _send(client)
    assert len(smtp_sink.wait_for(1)) == 1
    smtp_sink.clear()
    assert smtp_sink.received == []
    with pytest.raises(AssertionError, match="got 0 message"):
        smtp_sink.wait_for(1, timeout=0.05)
