"""The SMTP adapter: sends one message over TLS, STARTTLS or (loopback only) plain, with AUTH."""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from .config import Server, is_loopback
from .errors import LoginError, ServerError


class SendError(ServerError):
    """The message was certainly not accepted: it may be sent again later."""


class UncertainSendError(ServerError):
    """The connection broke after the message data went out: it may have been sent."""


def send(
    server: Server, password: str, raw: bytes, sender: str, recipient: str, timeout: float = 30.0
) -> None:
    """Send `raw` from `sender` to `recipient`; raise SendError when it certainly did not go."""
    with session(server, password, timeout) as client:
        _send_data(client, _where(server), raw, sender, recipient)


@contextmanager
def session(server: Server, password: str, timeout: float = 30.0) -> Iterator[smtplib.SMTP]:
    """A connected, secured and (where AUTH is offered) logged-in SMTP session; every failure
    is one LoginError or SendError naming the server."""
    where = _where(server)
    if server.security == "none" and not is_loopback(server.host):
        raise SendError(f"{where}: refusing to send a password without TLS")
    context = ssl.create_default_context()
    try:
        if server.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            client.ehlo()
            if server.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if server.username and client.has_extn("auth"):
                _login(client, server.username, password)
            yield client
    except smtplib.SMTPAuthenticationError as error:
        raise LoginError(
            f"{where}: login refused for {server.username} ({_reply(error)})"
        ) from error
    except ssl.SSLCertVerificationError as error:
        raise SendError(f"{where}: TLS certificate not trusted ({error.verify_message})") from error
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        if isinstance(error, ServerError):
            raise
        raise SendError(f"{where}: {_reply(error)}") from error


def _where(server: Server) -> str:
    return f"SMTP server {server.host}:{server.port}"


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH, with a UTF-8 AUTH PLAIN when the credentials are not ASCII (smtplib's are)."""
    if (username + password).isascii():
        client.login(username, password)
        return
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _send_data(client: smtplib.SMTP, where: str, raw: bytes, sender: str, recipient: str) -> None:
    try:
        refused = client.sendmail(sender, [recipient], raw)
    except smtplib.SMTPResponseException as error:
        raise SendError(f"{where}: message refused ({_reply(error)})") from error
    except smtplib.SMTPRecipientsRefused as error:
        raise SendError(f"{where}: recipient {recipient} refused") from error
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise UncertainSendError(
            f"{where}: connection lost while sending, the decline may have gone out"
        ) from error
    if refused:
        raise SendError(f"{where}: recipient {recipient} refused")


def _reply(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
        return f"{error.smtp_code} {text}".splitlines()[0]
    return (str(error) or type(error).__name__).splitlines()[0]
