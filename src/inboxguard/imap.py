"""The IMAP adapter: the mailbox port over imapclient; TLS, PEEK-only fetches, safe moves."""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import quopri
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import imapclient
from imapclient.exceptions import IMAPClientError
from imapclient.exceptions import LoginError as IMAPLoginError

from .config import Server, is_loopback
from .errors import LoginError, ServerError
from .mailbox import CALENDAR_BYTES, EXCERPT_BYTES, FETCH_BATCH, FetchedMessage, FolderStatus

log = logging.getLogger(__name__)

_SKIPPED_HEADERS = (
    "Received X-Received DKIM-Signature X-Google-DKIM-Signature ARC-Seal "
    "ARC-Message-Signature ARC-Authentication-Results"
)
HEADER_ITEM = f"BODY.PEEK[HEADER.FIELDS.NOT ({_SKIPPED_HEADERS})]"
TEXT_ITEM = f"BODY.PEEK[TEXT]<0.{EXCERPT_BYTES}>"
FETCH_ITEMS = (HEADER_ITEM, TEXT_ITEM, "INTERNALDATE")
_MESSAGE_ID_ITEM = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"

NETWORK_ERRORS = (OSError, socket.timeout, ssl.SSLError, IMAPClientError, EOFError)
"""What a dropped or refused connection raises inside imapclient and the socket layer."""


def connect(server: Server, password: str, timeout: float = 30.0) -> IMAPMailbox:
    """Connect, secure and log in; every failure is one `ServerError` naming the server."""
    where = f"IMAP server {server.host}:{server.port}"
    return IMAPMailbox(
        _login(server, password, timeout), where, lambda: _login(server, password, timeout)
    )


def _login(server: Server, password: str, timeout: float) -> imapclient.IMAPClient:
    where = f"IMAP server {server.host}:{server.port}"
    if server.security == "none" and not is_loopback(server.host):
        raise ServerError(f"{where}: refusing to send a password without TLS")
    context = ssl.create_default_context()
    try:
        client = imapclient.IMAPClient(
            server.host,
            port=server.port,
            ssl=server.security == "tls",
            ssl_context=context,
            timeout=timeout,
        )
        if server.security == "starttls":
            client.starttls(context)
    except ssl.SSLCertVerificationError as error:
        raise ServerError(
            f"{where}: TLS certificate not trusted ({error.verify_message})"
        ) from error
    except NETWORK_ERRORS as error:
        raise ServerError(f"{where}: cannot connect ({_describe(error)})") from error
    try:
        if (server.username + password).isascii():
            client.login(server.username, password)
        else:
            client.plain_login(server.username, password)  # AUTHENTICATE PLAIN carries UTF-8
    except IMAPLoginError as error:
        client.shutdown()
        raise LoginError(
            f"{where}: login refused for {server.username} (wrong username or password?)"
        ) from error
    except NETWORK_ERRORS as error:
        raise ServerError(f"{where}: login failed ({_describe(error)})") from error
    client.normalise_times = False
    return client


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0]


class IMAPMailbox:
    """A logged-in IMAP session. Errors from the server become `ServerError`."""

    def __init__(
        self,
        client: imapclient.IMAPClient,
        where: str,
        reconnect: Callable[[], imapclient.IMAPClient] | None = None,
    ) -> None:
        self.client = client
        self.where = where
        self._reconnect = reconnect
        self._watcher: imapclient.IMAPClient | None = None
        self.capabilities = frozenset(
            c.decode().upper() if isinstance(c, bytes) else str(c).upper()
            for c in client.capabilities()
        )
        self._delimiter: str | None = None
        self._selected: tuple[str, bool] | None = None

    def close(self) -> None:
        for client in (self.client, self._watcher):
            if client is None:
                continue
            try:
                client.logout()
            except NETWORK_ERRORS:
                client.shutdown()

    def _call(self, what: str, function: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except NETWORK_ERRORS as error:
            raise ServerError(f"{self.where}: {what} failed ({_describe(error)})") from error

    # folders

    @property
    def delimiter(self) -> str:
        if self._delimiter is None:
            listing = self._call("LIST", self.client.list_folders, "", "")
            raw = listing[0][1] if listing else b"/"
            self._delimiter = (raw.decode() if isinstance(raw, bytes) else raw) or "/"
        return self._delimiter

    def _name(self, folder: str) -> str:
        return folder if folder.upper() == "INBOX" else folder.replace("/", self.delimiter)

    def sent_folder(self) -> str | None:
        found = self._call("LIST", self.client.find_special_folder, imapclient.imapclient.SENT)
        if found is None:
            return None
        return str(found).replace(self.delimiter, "/")

    def folder_exists(self, folder: str) -> bool:
        return bool(self._call("LIST", self.client.folder_exists, self._name(folder)))

    def ensure_folders(self, folders: Iterable[str]) -> None:
        for folder in folders:
            name = self._name(folder)
            if not self.folder_exists(folder):
                log.info("creating folder %s", folder)
                self._call("CREATE", self.client.create_folder, name)
                self._call("SUBSCRIBE", self.client.subscribe_folder, name)

    def status(self, folder: str) -> FolderStatus:
        if self._selected is not None and self._selected[0] == folder:
            # STATUS on the selected folder answers from the session's old view: select anew
            data = self._call("SELECT", self.client.select_folder, self._name(folder), True)
            self._selected = (folder, True)
        else:
            data = self._call(
                "STATUS", self.client.folder_status, self._name(folder), ["UIDVALIDITY", "UIDNEXT"]
            )
        return FolderStatus(uidvalidity=int(data[b"UIDVALIDITY"]), uidnext=int(data[b"UIDNEXT"]))

    def _select(self, folder: str, readonly: bool) -> None:
        if self._selected == (folder, readonly):
            return
        self._call("SELECT", self.client.select_folder, self._name(folder), readonly=readonly)
        self._selected = (folder, readonly)

    # reading

    def fetch_after(self, folder: str, last_uid: int) -> Iterator[list[FetchedMessage]]:
        self._select(folder, readonly=True)
        found = self._call("SEARCH", self.client.search, ["UID", f"{last_uid + 1}:*"])
        uids = sorted(uid for uid in found if uid > last_uid)
        for start in range(0, len(uids), FETCH_BATCH):
            yield self._fetch(uids[start : start + FETCH_BATCH])

    def _fetch(self, uids: list[int]) -> list[FetchedMessage]:
        data = self._call("FETCH", self.client.fetch, uids, FETCH_ITEMS)
        calendars = self._fetch_calendars(
            [uid for uid, item in data.items() if _may_hide_calendar(item)]
        )
        fetched = []
        for uid in uids:
            item = data.get(uid)
            if item is None:
                continue  # expunged meanwhile
            header = _item(item, b"BODY[HEADER")
            text = _item(item, b"BODY[TEXT]")
            arrived = item.get(b"INTERNALDATE")
            if not isinstance(arrived, datetime):
                arrived = datetime.now(UTC)
            elif arrived.tzinfo is None:
                arrived = arrived.replace(tzinfo=UTC)
            fetched.append(
                FetchedMessage(
                    uid=uid,
                    arrived=arrived,
                    raw=header + text,
                    calendars=tuple(calendars.get(uid, ())),
                )
            )
        return fetched

    def _fetch_calendars(self, uids: list[int]) -> dict[int, list[bytes]]:
        """Calendar parts that lie beyond the excerpt, found through BODYSTRUCTURE."""
        if not uids:
            return {}
        structures = self._call("FETCH", self.client.fetch, uids, ["BODYSTRUCTURE"])
        found: dict[int, list[bytes]] = {}
        for uid, item in structures.items():
            parts = list(_calendar_parts(item.get(b"BODYSTRUCTURE")))
            if not parts:
                continue
            items = [f"BODY.PEEK[{number}]<0.{CALENDAR_BYTES}>" for number, _ in parts]
            data = self._call("FETCH", self.client.fetch, [uid], items).get(uid, {})
            for number, encoding in parts:
                body = _item(data, f"BODY[{number}]".encode())
                found.setdefault(uid, []).append(_decode(body, encoding))
        return found

    # waiting

    @property
    def can_idle(self) -> bool:
        return "IDLE" in self.capabilities

    def wait_for_mail(
        self, folder: str, seen_uidnext: int, timeout: float, interrupted: Callable[[], bool]
    ) -> bool:
        """IDLE (RFC 2177) on `folder` until mail arrives (True), `timeout` passes or
        `interrupted()` turns true (False). Mail that came after the last pass read up to
        `seen_uidnext`, but before IDLE began, counts as arrived."""
        selected = self._call("SELECT", self.client.select_folder, self._name(folder), True)
        self._selected = (folder, True)
        if int(selected.get(b"UIDNEXT", 0)) > seen_uidnext:
            return True
        self._call("IDLE", self.client.idle)
        try:
            if self._uidnext_elsewhere(folder) > seen_uidnext:
                return True  # it came while IDLE was being set up
            deadline = time.monotonic() + timeout
            while not interrupted():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                began = time.monotonic()
                responses = self._call("IDLE", self.client.idle_check, min(1.0, remaining))
                if _announces_mail(responses):
                    return True
                if _says_bye(responses) or (
                    not responses and time.monotonic() - began < min(1.0, remaining) / 2
                ):
                    # readable but nothing to read: the server closed the connection
                    raise ServerError(f"{self.where}: connection closed during IDLE")
            return False
        finally:
            with contextlib.suppress(ServerError):
                self._call("DONE", self.client.idle_done)

    def _uidnext_elsewhere(self, folder: str) -> int:
        """UIDNEXT seen from a second connection: the check right after entering IDLE that
        no server race can fool. Without a way to reconnect, 0 (no check)."""
        if self._reconnect is None:
            return 0
        if self._watcher is None:
            self._watcher = self._call("LOGIN", self._reconnect)
        status = self._call("STATUS", self._watcher.folder_status, self._name(folder), ["UIDNEXT"])
        return int(status[b"UIDNEXT"])

    # filing

    def move(self, folder: str, uids: list[int], destination: str) -> None:
        if not uids:
            return
        self._select(folder, readonly=False)
        target = self._name(destination)
        if "MOVE" in self.capabilities:
            self._call("MOVE", self.client.move, uids, target)
            return
        if "UIDPLUS" not in self.capabilities:
            raise ServerError(
                f"{self.where}: offers neither MOVE nor UIDPLUS, so mail cannot be filed "
                "without touching other messages"
            )
        self._call("COPY", self.client.copy, uids, target)
        self._call("STORE", self.client.add_flags, uids, [imapclient.DELETED], silent=True)
        self._call("UID EXPUNGE", self.client.expunge, uids)

    def holds(self, folder: str, message_id: str) -> bool:
        self._select(folder, readonly=True)
        found = self._call("SEARCH", self.client.search, ["HEADER", "Message-ID", message_id])
        if not found:
            return False
        # SEARCH HEADER is a substring match: confirm the exact id
        data = self._call("FETCH", self.client.fetch, found, [_MESSAGE_ID_ITEM])
        return any(
            f"<{message_id}>".encode() in _item(item, b"BODY[HEADER") for item in data.values()
        )

    def append(self, folder: str, raw: bytes, seen: bool = True) -> None:
        flags = [imapclient.SEEN] if seen else []
        self._call("APPEND", self.client.append, self._name(folder), raw, flags=flags)


def _may_hide_calendar(item: dict[bytes, Any]) -> bool:
    """A multipart message cut short by the excerpt may carry a calendar part further on."""
    cut = len(_item(item, b"BODY[TEXT]")) >= EXCERPT_BYTES
    return cut and b"multipart/" in _item(item, b"BODY[HEADER").lower()


def _announces_mail(responses: Any) -> bool:
    """Whether untagged responses include `* N EXISTS` or `* N RECENT`."""
    return any(
        isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT")
        for r in responses or ()
    )


def _says_bye(responses: Any) -> bool:
    return any(isinstance(r, tuple) and r[:1] == (b"BYE",) for r in responses or ())


def _item(item: dict[bytes, Any], prefix: bytes) -> bytes:
    for key, value in item.items():
        if isinstance(key, bytes) and key.upper().startswith(prefix):
            return value if isinstance(value, bytes) else b""
    return b""


def _calendar_parts(structure: Any, number: str = "") -> Iterator[tuple[str, str]]:
    """(part number, transfer encoding) of every calendar part in a BODYSTRUCTURE."""
    if structure is None:
        return
    if getattr(structure, "is_multipart", False):
        for index, child in enumerate(structure[0], start=1):
            yield from _calendar_parts(child, f"{number}.{index}" if number else str(index))
        return
    try:
        ctype = f"{_text(structure[0])}/{_text(structure[1])}".lower()
        encoding = _text(structure[5]).lower()
    except (IndexError, TypeError):
        return
    ics_named = any(value.lower().endswith(".ics") for value in _strings(structure[2:]))
    if ctype in ("text/calendar", "application/ics") or ics_named:
        yield (number or "1", encoding)


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a nested BODYSTRUCTURE field (parameters, disposition)."""
    if isinstance(value, bytes | str):
        yield _text(value)
    elif isinstance(value, tuple | list):
        for child in value:
            yield from _strings(child)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", errors="replace")
    return "" if value is None else str(value)


def _decode(body: bytes, encoding: str) -> bytes:
    try:
        if encoding == "base64":
            return base64.b64decode(body + b"===", validate=False)
        if encoding == "quoted-printable":
            return quopri.decodestring(body)
    except (binascii.Error, ValueError):
        return b""
    return body
