"""The password: from INBOXGUARD_PASSWORD, else `password_command`, else the system keyring."""

from __future__ import annotations

import os
import subprocess

from .config import Server
from .errors import PasswordError

ENVIRONMENT_VARIABLE = "INBOXGUARD_PASSWORD"
KEYRING_SERVICE = "inboxguard"


def find_password(server: Server) -> str:
    """The password for `server`'s username. Never logged, never stored by the guard."""
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE)
    if from_environment:
        return from_environment
    if server.password_command:
        return _run_command(server.password_command)
    return _from_keyring(server.username)


def _run_command(command: str) -> str:
    try:
        done = subprocess.run(
            command, shell=True, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PasswordError(f"password_command failed: {error}") from error
    if done.returncode != 0:
        raise PasswordError(f"password_command exited with status {done.returncode}")
    password = done.stdout.rstrip("\r\n")
    if not password:
        raise PasswordError("password_command printed no password")
    return password


def _from_keyring(username: str) -> str:
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(KEYRING_SERVICE, username)
    except (KeyringError, RuntimeError) as error:
        raise PasswordError(f"the system keyring is not available ({error})") from error
    if password is None:
        raise PasswordError(
            f"no password for {username}: run `guard login`, set {ENVIRONMENT_VARIABLE} "
            "or [imap] password_command"
        )
    return password


def store_password(username: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, username, password)
    except (KeyringError, RuntimeError) as error:
        raise PasswordError(f"the system keyring is not available ({error})") from error
