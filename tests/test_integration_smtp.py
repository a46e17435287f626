"""The SMTP adapter against the aiosmtpd sink: plain, STARTTLS and TLS, refusals as SendError."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import testbed
from builders import build
from testbed import SmtpSink

from inboxguard import smtp
from inboxguard.config import Server
from inboxguard.errors import LoginError
from inboxguard.smtp import SendError, UncertainSendError

pytestmark = pytest.mark.integration

RAW = build(sender="Alan Porter <alan@example.com>", to="dana@bitesio.com", message_id="<s@e>")


@pytest.fixture(scope="module")
def cert_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return testbed.make_self_signed_cert(tmp_path_factory.mktemp("smtp-cert"))


@pytest.fixture(params=["starttls", "tls"])
def tls_sink(request: pytest.FixtureRequest, cert_pair: tuple[Path, Path]) -> Iterator[SmtpSink]:
    with SmtpSink(tls=str(request.param), cafile_pair=cert_pair) as sink:
        yield sink


def _server(sink: SmtpSink, security: str = "none", port: int = 0) -> Server:
    return Server(sink.host, port or sink.port, security, "alan@example.com", None)


def test_plain_send_on_loopback_logs_in_and_delivers_the_bytes(smtp_sink: SmtpSink) -> None:
    smtp.send(_server(smtp_sink), "secret", RAW, "alan@example.com", "dana@bitesio.com")
    [mail] = smtp_sink.wait_for(1)
    assert mail.mail_from == "alan@example.com"
    assert mail.rcpt_tos == ("dana@bitesio.com",)
    assert mail.data == RAW
    assert mail.login == "alan@example.com"


def test_tls_is_verified_against_the_test_ca(
    tls_sink: SmtpSink, cert_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_pair[0]))
    smtp.send(_server(tls_sink, tls_sink.tls), "secret", RAW, "alan@example.com", "d@bitesio.com")
    [mail] = tls_sink.wait_for(1)
    assert mail.data == RAW
    assert mail.login == "alan@example.com"


def test_an_untrusted_certificate_is_a_send_error_naming_the_server(
    tls_sink: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with pytest.raises(SendError) as raised:
        smtp.send(_server(tls_sink, tls_sink.tls), "secret", RAW, "alan@example.com", "d@b.com")
    message = str(raised.value)
    assert "\n" not in message
    assert f"{tls_sink.host}:{tls_sink.port}" in message
    assert "certificate" in message
    assert tls_sink.received == []


def test_a_refused_message_is_a_certain_send_error(smtp_sink: SmtpSink) -> None:
    smtp_sink.set_failure("451 4.3.0 try later")
    with pytest.raises(SendError) as raised:
        smtp.send(_server(smtp_sink), "secret", RAW, "alan@example.com", "dana@bitesio.com")
    assert not isinstance(raised.value, UncertainSendError)  # safe to send again later
    assert "451" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_closed_port_is_a_certain_send_error() -> None:
    port = testbed.free_port()
    server = Server(testbed.HOST, port, "none", "alan@example.com", None)
    with pytest.raises(SendError) as raised:
        smtp.send(server, "secret", RAW, "alan@example.com", "dana@bitesio.com", timeout=5)
    assert not isinstance(raised.value, UncertainSendError)
    assert f"{testbed.HOST}:{port}" in str(raised.value)


def test_a_password_is_never_sent_in_the_clear_beyond_loopback() -> None:
    server = Server("192.0.2.1", 25, "none", "alan@example.com", None)
    with pytest.raises(SendError, match="without TLS"):
        smtp.send(server, "secret", RAW, "alan@example.com", "dana@bitesio.com", timeout=1)


def test_a_non_ascii_password_logs_in(smtp_sink: SmtpSink) -> None:
    try:
        smtp.send(_server(smtp_sink), "pässwörd£", RAW, "alan@example.com", "dana@bitesio.com")
    except LoginError:
        pytest.fail("the sink accepts any credentials")
    assert smtp_sink.wait_for(1)[0].login == "alan@example.com"
