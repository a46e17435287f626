"""`guard init` and `guard login`: the only commands that ask questions."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from .config import default_path
from .config_edit import new_config_text, write_config
from .errors import GuardError, PasswordError
from .organisation import is_webmail
from .password import store_password
from .providers import suggest

Ask = Callable[[str], str]


class Cancelled(GuardError):
    """The user stopped `guard init`."""


def init(path: Path | None, ask: Ask = input, ask_secret: Ask = getpass.getpass) -> Path:
    """Ask for the address and servers, write a commented config, store the password."""
    path = path or default_path()
    if path.exists() and not _yes(ask(f"{path} exists. Replace it? [y/N] ")):
        raise Cancelled(f"kept {path} as it was")
    email = _required(ask, "Your email address: ").lower()
    if email.count("@") != 1:
        raise Cancelled(f"not an email address: {email}")
    name = ask("Your name (for the decline's signature): ").strip()
    provider = suggest(email)
    print(f"\n{provider.name}: {provider.advice}\n")
    imap_host = _default(ask, "IMAP server", provider.imap[0])
    imap_port = _port(_default(ask, "IMAP port", str(provider.imap[1])))
    imap_security = _default(ask, "IMAP security (tls/starttls)", provider.imap[2])
    smtp_host = _default(ask, "SMTP server", provider.smtp[0])
    smtp_port = _port(_default(ask, "SMTP port", str(provider.smtp[1])))
    smtp_security = _default(ask, "SMTP security (tls/starttls)", provider.smtp[2])
    username = _default(ask, "Login name", email)
    domain = email.rpartition("@")[2]
    domains = [] if is_webmail(domain) else [domain]
    text = new_config_text(
        {
            "account": {"email": email, "name": name, "domains": domains},
            "imap": {
                "host": imap_host,
                "port": imap_port,
                "security": imap_security,
                "username": username,
            },
            "smtp": {
                "host": smtp_host,
                "port": smtp_port,
                "security": smtp_security,
                "username": username,
            },
            "folders": {"sent": provider.sent},
            "policy": {"mode": "observe"},
        }
    )
    write_config(path, text)
    print(f'Wrote {path} (mode = "observe": nothing is sent or moved until you set "act").')
    password = ask_secret(f"Password for {username} (stored in the system keyring): ")
    if password:
        try:
            store_password(username, password)
            print("Stored the password in the system keyring.")
        except PasswordError as error:
            print(
                f"Could not store the password: {error}. Set INBOXGUARD_PASSWORD or "
                "[imap] password_command instead."
            )
    return path


def login(username: str, ask_secret: Ask = getpass.getpass) -> None:
    password = ask_secret(f"New password for {username}: ")
    if not password:
        raise Cancelled("no password given; nothing changed")
    store_password(username, password)
    print(f"Stored the password for {username} in the system keyring.", file=sys.stderr)


def _required(ask: Ask, prompt: str) -> str:
    answer = ask(prompt).strip()
    if not answer:
        raise Cancelled("nothing written")
    return answer


def _default(ask: Ask, what: str, default: str) -> str:
    return ask(f"{what} [{default}]: ").strip() or default


def _port(answer: str) -> int:
    if not answer.isdigit() or not 0 < int(answer) < 65536:
        raise Cancelled(f"not a port number: {answer}")
    return int(answer)


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "yes")
