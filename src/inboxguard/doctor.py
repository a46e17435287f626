"""`guard doctor`: checks the config, the password, the servers and the ledger, with a fix each."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import Config, Server, load
from .errors import ConfigError, GuardError, LoginError, PasswordError
from .password import ENVIRONMENT_VARIABLE, find_password

PASS = "pass"
WARN = "warn"
FAIL = "fail"


@dataclass(frozen=True)
class Check:
    """One line of the checklist."""

    name: str
    result: str
    detail: str = ""
    fix: str = ""


def run_checks(config_path: Path | None) -> list[Check]:
    checks: list[Check] = []
    try:
        config = load(config_path)
    except ConfigError as error:
        fix = "edit the file as the lines say, or run `guard init`"
        return [Check("config", FAIL, str(error).replace("\n", "; "), fix)]
    checks.append(Check("config", PASS, str(config.source)))
    checks.extend(_ledger(config))
    if config.maildir is not None:
        ok = config.maildir.path.is_dir()
        checks.append(
            Check(
                "maildir",
                PASS if ok else FAIL,
                str(config.maildir.path),
                "" if ok else "create it, or point [maildir] path at your Maildir",
            )
        )
    if config.imap is not None:
        checks.extend(_imap(config, config.imap))
    if config.smtp is not None:
        checks.extend(_smtp(config.smtp))
    elif not config.policy.observe and config.maildir is None:
        checks.append(
            Check("smtp", FAIL, "no [smtp] server", 'add [smtp], or set mode = "observe"')
        )
    return checks


def _ledger(config: Config) -> Iterator[Check]:
    from .ledger import Ledger

    try:
        Ledger.open(config.storage_path).close()
    except GuardError as error:
        yield Check("ledger", FAIL, str(error), "check the folder's permissions and free space")
        return
    yield Check("ledger", PASS, str(config.storage_path))


def _password(server: Server, what: str) -> tuple[str | None, Check]:
    try:
        password = find_password(server)
    except PasswordError as error:
        fix = f"run `guard login`, set {ENVIRONMENT_VARIABLE} or [{what}] password_command"
        return None, Check(f"{what} password", FAIL, str(error), fix)
    return password, Check(f"{what} password", PASS, "found")


def _lookup(server: Server, what: str) -> Check:
    try:
        socket.getaddrinfo(server.host, server.port, proto=socket.IPPROTO_TCP)
    except OSError as error:
        return Check(
            f"{what} name lookup",
            FAIL,
            f"{server.host}: {error}",
            f"check [{what}] host and your network",
        )
    return Check(f"{what} name lookup", PASS, server.host)


def _imap(config: Config, server: Server) -> Iterator[Check]:
    from . import imap

    lookup = _lookup(server, "imap")
    yield lookup
    password, check = _password(server, "imap")
    yield check
    if lookup.result == FAIL or password is None:
        return
    where = f"{server.host}:{server.port} ({server.security}) as {server.username}"
    try:
        mailbox = imap.connect(server, password, timeout=15)
    except LoginError as error:
        yield Check(
            "imap login",
            FAIL,
            str(error),
            "check the username and password; many "
            "providers want an app password (see `guard init`)",
        )
        return
    except GuardError as error:
        fix = (
            "trust the server's certificate (SSL_CERT_FILE) or fix its name"
            if "certificate" in str(error)
            else "check [imap] host, port and security"
        )
        yield Check("imap connection", FAIL, str(error), fix)
        return
    yield Check("imap connection and login", PASS, where)
    try:
        for capability, why in (
            ("IDLE", "new mail waits for the next poll"),
            ("MOVE", "filing uses COPY + UID EXPUNGE"),
            ("UIDPLUS", "without MOVE too, nothing can be filed"),
            ("SPECIAL-USE", "set [folders] sent by hand"),
        ):
            present = capability in mailbox.capabilities
            yield Check(
                f"imap {capability}",
                PASS if present else WARN,
                "offered" if present else f"not offered: {why}",
            )
        sent = config.folders.sent or mailbox.sent_folder()
        yield Check(
            "sent folder",
            PASS if sent else WARN,
            sent or "not found",
            "" if sent else "set [folders] sent",
        )
        folders = config.folders
        missing = [
            f
            for f in (folders.declined, folders.ignored, folders.invites)
            if not mailbox.folder_exists(f)
        ]
        yield Check(
            "guard folders",
            PASS,
            f"will be created: {', '.join(missing)}" if missing else "present",
        )
    finally:
        mailbox.close()


def _smtp(server: Server) -> Iterator[Check]:
    lookup = _lookup(server, "smtp")
    yield lookup
    password, check = _password(server, "smtp")
    yield check
    if lookup.result == FAIL or password is None:
        return
    from . import smtp

    try:
        with smtp.session(server, password, timeout=15) as client:
            auth = "AUTH accepted" if client.has_extn("auth") else "no AUTH offered"
    except LoginError as error:
        yield Check(
            "smtp login", FAIL, str(error), "check the username and password (an app password?)"
        )
        return
    except GuardError as error:
        yield Check("smtp connection", FAIL, str(error), "check [smtp] host, port and security")
        return
    yield Check(
        "smtp connection and login",
        PASS,
        f"{server.host}:{server.port} ({server.security}), {auth}",
    )


def render(checks: list[Check]) -> str:
    marks = {PASS: "✓", WARN: "!", FAIL: "✗"}
    lines = []
    for check in checks:
        line = f"{marks[check.result]} {check.name}: {check.detail}"
        if check.fix:
            line += f"\n    fix: {check.fix}"
        lines.append(line)
    return "\n".join(lines)
