"""Parsing: raw message bytes (whole, or headers plus a bounded excerpt) into a `Message`. Pure."""

from __future__ import annotations

import binascii
import email
import email.errors
import email.header
import email.message
import email.parser
import email.utils
import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email import policy

from .calendar import CalendarRequest, parse_calendar

TEXT_LIMIT = 20_000
"""Characters of decoded text kept per message: enough for a pitch and its signature."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<(br|/p|/div|/tr|/h\d|/li)\b[^>]*>", re.IGNORECASE)
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_PLAIN_ADDRESS = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
_SIMPLE_ADDRESS = re.compile(
    rf"^\s*(?:([A-Za-z0-9 .'-]*)<({_PLAIN_ADDRESS})>|({_PLAIN_ADDRESS}))\s*$"
)
_CALENDAR_HINTS = (b"text/calendar", b"application/ics", b".ics")
_UNFOLD = re.compile(r"\r?\n[ \t]*")
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
_ENCODED_RUN = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=(?:\s+=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=)*")
_SURROGATES = re.compile("[\ud800-\udfff]")
_PLACEHOLDER = "igword"
_HIDDEN = re.compile(rf"{_PLACEHOLDER}(\d+){_PLACEHOLDER}")


@dataclass(frozen=True)
class Address:
    """One mailbox of a header: its display name and its lower-cased address."""

    name: str
    email: str

    @property
    def local(self) -> str:
        return self.email.rpartition("@")[0]

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True)
class AuthResult:
    """One method's verdict from Authentication-Results, e.g. dmarc=fail for header.from."""

    method: str
    result: str
    domain: str


class Message:
    """What the guard knows of one message. Header values are decoded and free of CR/LF.

    The body (text, HTML, calendar parts, MIME structure) is parsed only when first asked
    for: most mail is judged on its headers alone."""

    def __init__(
        self,
        message_id: str | None,
        subject: str,
        sender: Address | None,
        reply_to: tuple[Address, ...] = (),
        to: tuple[Address, ...] = (),
        cc: tuple[Address, ...] = (),
        delivered_to: tuple[str, ...] = (),
        in_reply_to: tuple[str, ...] = (),
        references: tuple[str, ...] = (),
        return_path: str | None = None,
        date: datetime | None = None,
        headers: dict[str, str] | None = None,
        auth_results: tuple[AuthResult, ...] = (),
        *,
        text: str = "",
        html: str = "",
        calendars: tuple[CalendarRequest, ...] = (),
        content_types: tuple[str, ...] = (),
        source: bytes | None = None,
        extra_calendars: tuple[bytes, ...] = (),
    ) -> None:
        self.message_id = message_id
        self.subject = subject
        self.sender = sender
        self.reply_to = reply_to
        self.to = to
        self.cc = cc
        self.delivered_to = delivered_to
        self.in_reply_to = in_reply_to
        self.references = references
        self.return_path = return_path
        self.date = date
        self.headers = headers or {}
        self.auth_results = auth_results
        self._source = source
        self._extra_calendars = extra_calendars
        self._body: _Body | None = None
        if source is None:
            self._body = _Body(text, html, calendars, content_types)

    def __repr__(self) -> str:
        return f"Message({self.message_id!r}, {self.subject!r}, {self.sender!r})"

    @property
    def body(self) -> _Body:
        if self._body is None:
            assert self._source is not None
            self._body = _parse_body(self._source, self._extra_calendars)
            self._source = None
        return self._body

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def html(self) -> str:
        return self.body.html

    @property
    def calendars(self) -> tuple[CalendarRequest, ...]:
        return self.body.calendars

    @property
    def content_types(self) -> tuple[str, ...]:
        return self.body.content_types

    @property
    def may_have_calendar(self) -> bool:
        """Whether a calendar part could be here, without parsing the body to find out."""
        if self._body is not None:
            return bool(self._body.calendars)
        source = (self._source or b"").lower()
        return bool(self._extra_calendars) or any(hint in source for hint in _CALENDAR_HINTS)

    @property
    def content_type(self) -> str:
        """The top-level media type, from the header alone."""
        value = self.headers.get("content-type", "text/plain")
        return value.split(";", 1)[0].strip().lower()

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def has_header(self, name: str) -> bool:
        return name.lower() in self.headers

    @property
    def recipients(self) -> tuple[Address, ...]:
        return self.to + self.cc

    @property
    def thread_ids(self) -> tuple[str, ...]:
        return self.in_reply_to + tuple(r for r in self.references if r not in self.in_reply_to)


@dataclass(frozen=True)
class _Body:
    """The parsed body: decoded text (or text from HTML), HTML, calendar parts, MIME types."""

    text: str
    html: str
    calendars: tuple[CalendarRequest, ...]
    content_types: tuple[str, ...]


def parse(raw: bytes, extra_calendars: Iterable[bytes] = ()) -> Message:
    """Parse a message's headers now and its body when it is needed; `extra_calendars` are
    calendar parts fetched apart from the excerpt."""
    mail = _RawHeaders(_split_header(raw)[0])
    headers = _headers(mail)
    return Message(
        message_id=_first_id(_raw_field(mail, "message-id")),
        subject=headers.get("subject", ""),
        sender=_first(_addresses(mail, "from")),
        reply_to=_addresses(mail, "reply-to"),
        to=_addresses(mail, "to"),
        cc=_addresses(mail, "cc"),
        delivered_to=tuple(
            a.email for a in _addresses(mail, "delivered-to") + _addresses(mail, "x-original-to")
        ),
        in_reply_to=_ids(_raw_field(mail, "in-reply-to")),
        references=_ids(_raw_field(mail, "references")),
        return_path=_return_path(headers.get("return-path")),
        date=_date(headers.get("date")),
        headers=headers,
        auth_results=tuple(_auth_results(mail.get_all("authentication-results") or [])),
        source=raw,
        extra_calendars=tuple(extra_calendars),
    )


def _parse_body(raw: bytes, extra_calendars: tuple[bytes, ...]) -> _Body:
    texts: list[str] = []
    htmls: list[str] = []
    calendars: list[CalendarRequest] = []
    types: list[str] = []
    header, body = _split_header(raw)
    for part in _parts(header, body):
        types.append(part.content_type)
        if part.content_type.startswith("multipart/"):
            continue
        if part.is_calendar:
            calendars.extend(parse_calendar(part.payload()))
        elif part.content_type == "text/plain" and not part.filename:
            texts.append(part.text())
        elif part.content_type == "text/html" and not part.filename:
            htmls.append(part.text())
    for extra in extra_calendars:
        calendars.extend(parse_calendar(extra))
    plain = "\n".join(texts)[:TEXT_LIMIT]
    markup = "\n".join(htmls)[:TEXT_LIMIT]
    return _Body(
        text=plain or html_to_text(markup)[:TEXT_LIMIT],
        html=markup,
        calendars=tuple(_unique_calendars(calendars)),
        content_types=tuple(types),
    )


def decode_header_value(value: object) -> str:
    """Decode RFC 2047 encoded words, word by word, and fold the value onto one line with no
    control characters and no lone surrogates. A word that cannot be decoded stays as text."""
    text = str(value)
    if "=?" in text:
        text = _ENCODED_RUN.sub(_decode_words, text)
    return _CONTROL.sub(" ", _SURROGATES.sub("\ufffd", text)).strip()


def _decode_words(found: re.Match[str]) -> str:
    try:
        parts = email.header.decode_header(found.group(0))
    except (ValueError, email.errors.HeaderParseError):
        return found.group(0)
    decoded = []
    for data, charset in parts:
        if isinstance(data, str):
            decoded.append(data)
            continue
        try:
            decoded.append(data.decode(charset or "ascii", errors="replace"))
        except (LookupError, UnicodeError):
            decoded.append(data.decode("utf-8", errors="replace"))
    return "".join(decoded)


def html_to_text(markup: str) -> str:
    """A rough text rendering of HTML, good enough for phrasing and signatures."""
    markup = _SCRIPT.sub(" ", markup)
    markup = _BREAK.sub("\n", markup)
    text = html.unescape(_TAG.sub(" ", markup))
    return "\n".join(_BLANKS.sub(" ", line).strip() for line in text.splitlines()).strip()


class _RawHeaders:
    """A header block split into fields: lower-cased names, raw values with their folding.
    Lines break at LF only, so no other line separator can start a field."""

    def __init__(self, block: bytes) -> None:
        self.fields: list[tuple[str, str]] = []
        name: str | None = None
        value: list[str] = []
        for line in block.decode("utf-8", errors="replace").split("\n"):
            line = line.rstrip("\r")
            if line[:1] in (" ", "\t") and name is not None:
                value.append(line)
                continue
            if name is not None:
                self.fields.append((name, "\n".join(value)))
            name, colon, first = line.partition(":")
            if not colon or not name.strip() or " " in name.strip():
                name = None  # not a field (a mbox "From " line, or garbage)
                continue
            name, value = name.strip().lower(), [first.lstrip()]
        if name is not None:
            self.fields.append((name, "\n".join(value)))

    def get_all(self, name: str) -> list[str]:
        return [value for field, value in self.fields if field == name]


def _raw_field(mail: _RawHeaders, name: str) -> str | None:
    """A field as sent, unfolded, never decoded: message ids are not text."""
    values = mail.get_all(name)
    return _CONTROL.sub(" ", values[0]).strip() if values else None


def _headers(mail: _RawHeaders) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in mail.fields:
        if name not in headers:
            headers[name] = decode_header_value(value)
    return headers


def _addresses(mail: _RawHeaders, name: str) -> tuple[Address, ...]:
    """Addresses split on the raw header, display names decoded after: an encoded word can
    never become an address."""
    found: list[Address] = []
    for value in mail.get_all(name) or []:
        simple = _SIMPLE_ADDRESS.match(value)
        if simple:  # the common shapes, without the general parser
            display, addr = (simple.group(1) or "").strip(), simple.group(2) or simple.group(3)
            found.append(Address(name=decode_header_value(display), email=addr.lower()))
            continue
        words: list[str] = []

        def hide(match: re.Match[str], words: list[str] = words) -> str:
            words.append(match.group(0))
            return f'"{_PLACEHOLDER}{len(words) - 1}{_PLACEHOLDER}"'

        masked = _ENCODED_WORD.sub(hide, _UNFOLD.sub(" ", str(value)))
        for display, addr in email.utils.getaddresses([masked]):
            addr = _CONTROL.sub("", addr).strip().lower()
            if addr.count("@") != 1 or " " in addr or addr.startswith("@") or _PLACEHOLDER in addr:
                continue
            display = _HIDDEN.sub(_restorer(words), display)
            found.append(Address(name=decode_header_value(display), email=addr))
    return tuple(found)


def _restorer(words: list[str]) -> Callable[[re.Match[str]], str]:
    """Puts hidden encoded words back into a display name."""
    return lambda found: words[int(found.group(1))]


def _first(addresses: tuple[Address, ...]) -> Address | None:
    return addresses[0] if addresses else None


def _ids(value: str | None) -> tuple[str, ...]:
    return tuple(_MESSAGE_ID.findall(value or ""))


def _first_id(value: str | None) -> str | None:
    ids = _ids(value)
    if ids:
        return ids[0]
    stripped = (value or "").strip()
    return stripped or None


def _return_path(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip().strip("<>").strip().lower()


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


MAX_DEPTH = 8
"""Nesting of MIME parts followed; deeper structure is not mail, it is an attack."""


class _Part:
    """One leaf of the MIME tree: its headers (as an email.message.Message) and raw body."""

    def __init__(self, info: email.message.Message, body: bytes) -> None:
        self.info = info
        self.body = body
        self.content_type = info.get_content_type()
        self.filename = (info.get_filename() or "").lower()

    @property
    def is_calendar(self) -> bool:
        return self.content_type in ("text/calendar", "application/ics") or (
            self.filename.endswith(".ics")
        )

    def payload(self) -> bytes:
        encoding = str(self.info.get("content-transfer-encoding", "")).strip().lower()
        if encoding == "base64":
            return _base64(self.body)
        if encoding == "quoted-printable":
            return binascii.a2b_qp(self.body)
        return self.body

    def text(self) -> str:
        charset = self.info.get_content_charset() or "utf-8"
        data = self.payload()
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            return data.decode("utf-8", errors="replace")


def _parts(header: bytes, body: bytes, depth: int = 0) -> Iterator[_Part]:
    """The parts of a MIME tree in order, containers before their children; a truncated
    excerpt yields what it holds."""
    info = _HEADER_PARSER.parsebytes(header)
    content_type = info.get_content_type()
    if content_type.startswith("multipart/") and depth < MAX_DEPTH:
        yield _Part(info, b"")
        boundary = info.get_boundary()
        if boundary:
            for chunk in _split_parts(body, boundary.encode("utf-8", errors="replace")):
                yield from _parts(*_split_header(chunk), depth + 1)
            return
    if content_type == "message/rfc822" and depth < MAX_DEPTH:
        yield from _parts(*_split_header(body), depth + 1)
        return
    yield _Part(info, body)


def _split_parts(body: bytes, boundary: bytes) -> Iterator[bytes]:
    pieces = (b"\n" + body).split(b"\n--" + boundary)
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            return  # the closing delimiter; the epilogue is not a part
        line_end = piece.find(b"\n")
        part = piece[line_end + 1 :] if line_end >= 0 else b""
        yield part[:-1] if part.endswith(b"\r") else part  # its CR belongs to the delimiter


def _split_header(raw: bytes) -> tuple[bytes, bytes]:
    """Header block and body of a message or part, at the first empty line."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        index = raw.find(separator)
        if index >= 0:
            lf = raw.find(b"\n\n")
            if separator == b"\r\n\r\n" and 0 <= lf < index:
                index, separator = lf, b"\n\n"
            return raw[: index + len(separator)], raw[index + len(separator) :]
    if raw.startswith((b"\n", b"\r\n")):
        return b"", raw
    return raw, b""


def _base64(data: bytes) -> bytes:
    """Lenient base64: junk ignored, a truncated tail dropped."""
    compact = bytes(c for c in data if c in _BASE64_ALPHABET)
    compact = compact[: len(compact) - len(compact) % 4]
    try:
        return binascii.a2b_base64(compact)
    except binascii.Error:
        return b""


_BASE64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_HEADER_PARSER = email.parser.BytesHeaderParser(policy=policy.compat32)


def _unique_calendars(calendars: list[CalendarRequest]) -> list[CalendarRequest]:
    seen: set[tuple[str, str, int, str | None]] = set()
    unique = []
    for cal in calendars:
        key = (cal.method, cal.uid, cal.sequence, cal.recurrence_id)
        if key not in seen:
            seen.add(key)
            unique.append(cal)
    return unique


_AUTH_ITEM = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*([a-z]+)\b([^;]*)", re.IGNORECASE)
_AUTH_DOMAIN = re.compile(
    r"\b(?:header\.from|header\.d|smtp\.mailfrom|header\.i)\s*=\s*([^\s;()]+)", re.I
)


def _auth_results(values: list[str]) -> Iterable[AuthResult]:
    for value in values:
        for method, result, rest in _AUTH_ITEM.findall(str(value)):
            domain_match = _AUTH_DOMAIN.search(rest)
            domain = domain_match.group(1).rpartition("@")[2].lower() if domain_match else ""
            yield AuthResult(method.lower(), result.lower(), domain)
