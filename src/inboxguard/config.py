"""The config file: TOML read once into frozen dataclasses, with every problem reported at once."""

from __future__ import annotations

import difflib
import ipaddress
import json
import math
import re
import string
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import platformdirs

from inboxguard.errors import ConfigError

DEFAULT_DECLINE_PLACEHOLDERS = frozenset(
    {"sender_name", "sender_first_name", "vendor", "subject"}
    | {"user_name", "user_first_name", "user_organisation"}
)

SECURITIES = ("tls", "starttls", "none")
MODES = ("act", "observe")
_IMAP_PORTS = {"tls": 993, "starttls": 143, "none": 143}
_SMTP_PORTS = {"tls": 465, "starttls": 587, "none": 25}

# Every table and the keys it may hold; [weights] holds any signal name.
_KEYS: dict[str, tuple[str, ...]] = {
    "account": ("email", "name", "domains", "aliases"),
    "imap": ("host", "port", "security", "username", "password_command"),
    "smtp": ("host", "port", "security", "username", "password_command"),
    "folders": ("inbox", "sent", "declined", "ignored", "invites"),
    "policy": (
        "mode",
        "decline_after",
        "grace_days",
        "max_declines_per_day",
        "max_messages_per_pass",
    ),
    "lists": ("allow", "block"),
    "decline": ("subject", "body", "auto_submitted"),
    "storage": ("path",),
    "daemon": ("poll_seconds", "sent_poll_seconds"),
    "weights": (),
    "maildir": ("path", "layout", "outbox"),
}

_NO_FILE = 'no config file here; run "guard init" or pass --config PATH'


@dataclass(frozen=True)
class Account:
    """The user whose mailbox is guarded."""

    email: str
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def addresses(self) -> tuple[str, ...]:
        """The user's own addresses, lower-cased: the email first, then the aliases."""
        return tuple(dict.fromkeys(address.lower() for address in (self.email, *self.aliases)))


@dataclass(frozen=True)
class Server:
    """Where and how to log in to an IMAP or SMTP server."""

    host: str
    port: int
    security: str
    username: str
    password_command: str | None


@dataclass(frozen=True)
class Folders:
    """The folders the guard reads and files into; `sent` None means found by \\Sent."""

    inbox: str
    sent: str | None
    declined: str
    ignored: str
    invites: str


@dataclass(frozen=True)
class Policy:
    """When to decline and how much the guard may do in one pass or one day."""

    mode: str
    decline_after: int
    grace_days: int
    max_declines_per_day: int
    max_messages_per_pass: int

    @property
    def observe(self) -> bool:
        """True when the guard decides and records but sends and moves nothing."""
        return self.mode == "observe"


@dataclass(frozen=True)
class Lists:
    """The allow and block lists: lower-cased addresses and domains."""

    allow: tuple[str, ...]
    block: tuple[str, ...]


@dataclass(frozen=True)
class Decline:
    """The decline's templates; `body` None means the built-in text."""

    subject: str
    body: str | None
    auto_submitted: bool


@dataclass(frozen=True)
class Daemon:
    """How often the background service looks at the mailbox."""

    poll_seconds: int
    sent_poll_seconds: int


@dataclass(frozen=True)
class MaildirStore:
    """A local Maildir tree used instead of IMAP (the demo, mbsync and offlineimap users)."""

    path: Path
    layout: str
    outbox: str


@dataclass(frozen=True)
class Config:
    """The whole validated config, and the file it came from."""

    source: Path
    account: Account
    imap: Server | None
    smtp: Server | None
    folders: Folders
    policy: Policy
    lists: Lists
    decline: Decline
    storage_path: Path
    daemon: Daemon
    weights: Mapping[str, float] = field(hash=False)
    maildir: MaildirStore | None = None


def default_path() -> Path:
    """Where the config file lives when no --config is given."""
    return platformdirs.user_config_path("inboxguard") / "config.toml"


def default_ledger_path() -> Path:
    """Where the ledger lives when [storage] path is not set."""
    return platformdirs.user_data_path("inboxguard") / "ledger.sqlite3"


def is_loopback(host: str) -> bool:
    """True for "localhost", 127.0.0.0/8 and ::1 (also written as an IPv4-mapped address)."""
    name = host.strip().lower()
    if name.rstrip(".") == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def load(path: Path | None = None) -> Config:
    """Read and parse the config file (default_path() when `path` is None)."""
    source = (default_path() if path is None else Path(path).expanduser()).absolute()
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise ConfigError(source, [_NO_FILE]) from None
    except OSError as error:
        raise ConfigError(source, [f"cannot read the file: {error.strerror or error}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(source, [f"not UTF-8 text (bad byte at offset {error.start})"]) from None
    return parse(text, source)


def parse(text: str, source: Path) -> Config:
    """Turn TOML text into a Config, or raise ConfigError listing every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = " ".join(str(error).split())
        raise ConfigError(source, [f"TOML syntax error: {message}"]) from None

    problems: list[str] = []
    tables = _split_tables(data, problems)

    def table(name: str) -> _Table:
        return _Table(name, tables.get(name, {}), problems)

    account = _account(table("account"))
    maildir = _maildir(table("maildir"), source) if "maildir" in tables else None
    imap = None
    if "imap" in tables or maildir is None:
        imap = _server(table("imap"), account.email, _IMAP_PORTS)
    policy = _policy(table("policy"))
    smtp = None
    if "smtp" in tables:
        smtp = _server(table("smtp"), imap.username if imap else account.email, _SMTP_PORTS)
    elif "smtp" not in data and policy.mode == "act" and maildir is None:
        problems.append('[smtp]: required when [policy] mode = "act"')
    config = Config(
        source=source,
        account=account,
        imap=imap,
        smtp=smtp,
        folders=_folders(table("folders")),
        policy=policy,
        lists=_lists(table("lists")),
        decline=_decline(table("decline")),
        storage_path=_storage_path(table("storage"), source),
        daemon=_daemon(table("daemon")),
        weights=_weights(tables.get("weights", {}), problems),
        maildir=maildir,
    )
    if problems:
        raise ConfigError(source, problems)
    return config


# --- structure: tables and keys ---------------------------------------------------------------


def _split_tables(data: Mapping[str, Any], problems: list[str]) -> dict[str, dict[str, Any]]:
    """The known tables that are tables; records unknown tables, stray keys and unknown keys."""
    tables: dict[str, dict[str, Any]] = {}
    for name, value in data.items():
        if name in _KEYS:
            if isinstance(value, dict):
                tables[name] = value
            else:
                problems.append(f"[{name}]: must be a table, not {_show(value)}")
        elif isinstance(value, dict | list):
            hint = _suggest(name, _KEYS, "[{}]")
            problems.append(f"[{name}]: unknown table ({hint})")
        else:
            homes = [f"[{table}] {name}" for table, keys in _KEYS.items() if name in keys]
            hint = f"did you mean {' or '.join(homes)}?" if homes else "keys belong in a table"
            problems.append(f"{name}: unknown key outside any table ({hint})")
    for name, values in tables.items():
        known = _KEYS[name]
        if not known:
            continue
        for key in values:
            if key not in known:
                hint = _suggest(key, known, '"{}"')
                problems.append(f"[{name}] {key}: unknown key ({hint})")
    return tables


def _suggest(word: str, choices: Iterable[str], shape: str) -> str:
    """'did you mean "port"?' for a close match, else the list of what is known."""
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1)
    if close:
        return f"did you mean {shape.format(close[0])}?"
    return "known: " + ", ".join(shape.format(option) for option in options)


def _show(value: object) -> str:
    """A value as the user wrote it in TOML, shortened for one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = json.dumps(value, ensure_ascii=False)
        return shown if len(shown) <= 60 else shown[:56] + '..."'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


# --- typed readers ------------------------------------------------------------------------------


class _Table:
    """One table being read: each reader returns a valid value, or records a problem."""

    def __init__(self, name: str, data: Mapping[str, Any], problems: list[str]) -> None:
        self.name = name
        self.data = data
        self.problems = problems

    def problem(self, key: str, text: str) -> None:
        self.problems.append(f"[{self.name}] {key}: {text}")

    def _string(self, key: str, *, one_line: bool, allow_empty: bool) -> str | None:
        if key not in self.data:
            return None
        raw = self.data[key]
        if not isinstance(raw, str):
            self.problem(key, f"must be a string, not {_show(raw)}")
        elif not allow_empty and not raw.strip():
            self.problem(key, "must not be empty")
        elif one_line and ("\n" in raw or "\r" in raw):
            self.problem(key, "must be one line")
        else:
            return raw
        return None

    def text(
        self, key: str, default: str, *, one_line: bool = True, allow_empty: bool = False
    ) -> str:
        value = self._string(key, one_line=one_line, allow_empty=allow_empty)
        return default if value is None else value

    def optional_text(self, key: str, *, one_line: bool = True) -> str | None:
        return self._string(key, one_line=one_line, allow_empty=False)

    def required_text(self, key: str, example: str) -> str:
        if key not in self.data:
            self.problem(key, f"required (e.g. {key} = {_show(example)})")
            return ""
        return self.text(key, "")

    def whole(self, key: str, default: int, minimum: int, maximum: int | None = None) -> int:
        if key not in self.data:
            return default
        raw = self.data[key]
        if type(raw) is int and raw >= minimum and (maximum is None or raw <= maximum):
            return raw  # type(), not isinstance(): a TOML true is a bool, and bool is an int
        span = f"of at least {minimum}" if maximum is None else f"from {minimum} to {maximum}"
        self.problem(key, f"must be a whole number {span}, not {_show(raw)}")
        return default

    def flag(self, key: str, default: bool) -> bool:
        raw = self.data.get(key, default)
        if isinstance(raw, bool):
            return raw
        self.problem(key, f"must be true or false, not {_show(raw)}")
        return default

    def choice(self, key: str, default: str, choices: tuple[str, ...]) -> str | None:
        """The value when it is one of `choices`; None (after a problem) when it is not."""
        raw = self.data.get(key, default)
        if isinstance(raw, str) and raw in choices:
            return raw
        options = ", ".join(f'"{choice}"' for choice in choices)
        self.problem(key, f"must be one of {options}, not {_show(raw)}")
        return None

    def strings(
        self, key: str, default: tuple[str, ...], valid: Callable[[str], bool], want: str
    ) -> tuple[str, ...]:
        """A list of strings that pass `valid`, lower-cased and without repeats."""
        if key not in self.data:
            return default
        raw = self.data[key]
        if not isinstance(raw, list):
            self.problem(key, f"must be a list of strings, not {_show(raw)}")
            return default
        items: list[str] = []
        for number, item in enumerate(raw, 1):
            if not isinstance(item, str):
                self.problem(key, f"item {number} must be a string, not {_show(item)}")
            elif not valid(item):
                self.problem(key, f"item {number} must be {want}, not {_show(item)}")
            else:
                items.append(item.lower())
        return tuple(dict.fromkeys(items))


def _is_address(text: str) -> bool:
    local, _, domain = text.partition("@")
    return bool(local) and not any(char.isspace() for char in local) and _is_domain(domain)


def _is_domain(text: str) -> bool:
    return (
        bool(text)
        and not any(char.isspace() or char in "@/\\:" for char in text)
        and not text.startswith(".")
        and not text.endswith(".")
        and ".." not in text
    )


def _is_pattern(text: str) -> bool:
    return _is_address(text) if "@" in text else _is_domain(text)


def _is_host(text: str) -> bool:
    if ":" in text:
        try:
            ipaddress.IPv6Address(text)
        except ValueError:
            return False
        return True
    return not any(char.isspace() or char in "/\\@" for char in text)


# --- the tables ---------------------------------------------------------------------------------


def _account(table: _Table) -> Account:
    email = table.required_text("email", "you@example.com")
    if email and not _is_address(email):
        table.problem("email", f"must be an address like you@example.com, not {_show(email)}")
    email = email.lower()
    default_domains = (email.partition("@")[2],) if "@" in email else ()
    domain_want = "a domain like example.com"
    return Account(
        email=email,
        name=table.text("name", "", allow_empty=True),
        domains=table.strings("domains", default_domains, _is_domain, domain_want),
        aliases=table.strings("aliases", (), _is_address, "an address like you@example.com"),
    )


def _server(table: _Table, default_username: str, ports: Mapping[str, int]) -> Server:
    host = table.required_text("host", f"{table.name}.example.com")
    if host and not _is_host(host):
        want = "a host name or IP address (no scheme, no port)"
        table.problem("host", f"must be {want}, not {_show(host)}")
    security = table.choice("security", "tls", SECURITIES)
    if security == "none" and host and not is_loopback(host):
        table.problem(
            "security",
            '"none" sends the password unencrypted; allowed only for a loopback host, '
            f"not {_show(host)}",
        )
    return Server(
        host=host,
        port=table.whole("port", ports[security or "tls"], 1, 65535),
        security=security or "tls",
        username=table.text("username", default_username),
        password_command=table.optional_text("password_command"),
    )


def _folders(table: _Table) -> Folders:
    return Folders(
        inbox=table.text("inbox", "INBOX"),
        sent=table.optional_text("sent"),
        declined=table.text("declined", "Guard/Declined"),
        ignored=table.text("ignored", "Guard/Ignored"),
        invites=table.text("invites", "Guard/Invites"),
    )


def default_policy() -> Policy:
    """The policy of a config that says nothing about it."""
    return _policy(_Table("policy", {}, []))


def _policy(table: _Table) -> Policy:
    return Policy(
        mode=table.choice("mode", "act", MODES) or "act",
        decline_after=table.whole("decline_after", 2, 1),
        grace_days=table.whole("grace_days", 2, 0),
        max_declines_per_day=table.whole("max_declines_per_day", 20, 0),
        max_messages_per_pass=table.whole("max_messages_per_pass", 50000, 1),
    )


def _lists(table: _Table) -> Lists:
    want = "an address (a@b.example) or a domain (b.example, which covers its subdomains)"
    return Lists(
        allow=table.strings("allow", (), _is_pattern, want),
        block=table.strings("block", (), _is_pattern, want),
    )


def _decline(table: _Table) -> Decline:
    subject = table.text("subject", "Re: {subject}")
    body = table.optional_text("body", one_line=False)
    for key, template in (("subject", subject), ("body", body)):
        for problem in _template_problems(template or ""):
            table.problem(key, problem)
    return Decline(subject=subject, body=body, auto_submitted=table.flag("auto_submitted", False))


def _template_problems(template: str) -> list[str]:
    """What is wrong with a decline template's {placeholders}, one finding each."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        return [f"bad braces ({error}); write {{{{ or }}}} for a literal brace"]
    known = sorted(DEFAULT_DECLINE_PLACEHOLDERS)
    problems: list[str] = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        base = re.split(r"[.\[]", name, maxsplit=1)[0]
        if base not in DEFAULT_DECLINE_PLACEHOLDERS:
            hint = _suggest(name, known, "{{{}}}")
            problems.append(f"unknown placeholder {{{name}}} ({hint})")
        elif base != name or spec or conversion:
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            problems.append(f"placeholder {{{written}}} must be a bare name: write {{{base}}}")
    return problems


def _storage_path(table: _Table, source: Path) -> Path:
    raw = table.optional_text("path")
    if raw is None:
        return default_ledger_path()
    return _path_near(raw, source)


def _path_near(raw: str, source: Path) -> Path:
    """`~` expanded; a relative path is relative to the config file's folder."""
    path = Path(raw).expanduser()
    return path if path.is_absolute() else source.parent / path


def _maildir(table: _Table, source: Path) -> MaildirStore:
    raw = table.required_text("path", "~/Mail")
    return MaildirStore(
        path=_path_near(raw or ".", source),
        layout=table.choice("layout", "fs", ("fs", "maildir++")) or "fs",
        outbox=table.text("outbox", "Outbox"),
    )


def _daemon(table: _Table) -> Daemon:
    return Daemon(
        poll_seconds=table.whole("poll_seconds", 300, 10),
        sent_poll_seconds=table.whole("sent_poll_seconds", 900, 10),
    )


def _weights(data: Mapping[str, Any], problems: list[str]) -> Mapping[str, float]:
    weights: dict[str, float] = {}
    for name, value in data.items():
        if type(value) is int and abs(value) < 2**63:  # TOML's own limit; bool is not a number
            weights[name] = float(value)
        elif isinstance(value, float) and math.isfinite(value):
            weights[name] = value
        else:
            problems.append(f"[weights] {name}: must be a number, not {_show(value)}")
    return MappingProxyType(weights)
