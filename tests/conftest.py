"""Shared fixtures: the Dovecot and SMTP test bed, guard configs and the guard's CLI."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
import testbed
from testbed import Dovecot, MailUser, RunGuard, SmtpSink, WriteConfig

_SERVER_FIXTURES = ("dovecot", "dovecot_tls", "dovecot_no_move")
_LOG_TAIL_LINES = 60


@contextlib.contextmanager
def _served(**options: Any) -> Iterator[Dovecot]:
    """A started Dovecot in a fresh temp root; stopped and removed afterwards, whatever happens.

    INBOXGUARD_KEEP_TESTBED=1 keeps the root (config, log, Maildirs) for a post-mortem.
    """
    if testbed.find_dovecot() is None:
        testbed.unavailable("Dovecot is not installed (apt-get install dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="inboxguard-dovecot-"))
    try:
        with Dovecot(root, **options) as server:
            yield server
    finally:
        if os.environ.get("INBOXGUARD_KEEP_TESTBED") != "1":
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """The shared plain-IMAP Dovecot (no TLS); give each test its own user (`mail_user`)."""
    with _served() as server:
        yield server


@pytest.fixture(scope="session")
def dovecot_tls() -> Iterator[Dovecot]:
    """A shared Dovecot with STARTTLS on `port` and implicit TLS on `tls_port` (see `cafile`)."""
    with _served(tls=True) as server:
        yield server


@pytest.fixture(scope="session")
def dovecot_no_move() -> Iterator[Dovecot]:
    """A shared Dovecot that does not advertise MOVE (before or after login)."""
    with _served(hidden_capabilities=("MOVE",)) as server:
        yield server


@pytest.fixture
def make_dovecot() -> Iterator[Callable[..., Dovecot]]:
    """A factory of private, started Dovecots (e.g. for restart tests); all stopped at the end.

    Takes Dovecot's keyword arguments: `make_dovecot(tls=True)`.
    """
    with contextlib.ExitStack() as stack:

        def make(**options: Any) -> Dovecot:
            return stack.enter_context(_served(**options))

        yield make


@pytest.fixture
def mail_user(dovecot: Dovecot) -> MailUser:
    """A fresh user with an empty mailbox on the shared `dovecot`."""
    return dovecot.add_user()


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """A plain SMTP sink (AUTH offered without TLS, any credentials accepted)."""
    with SmtpSink() as sink:
        yield sink


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach the tail of each shared Dovecot's log to a failing test's report."""
    report = yield
    if report.when == "call" and report.failed:
        funcargs = getattr(item, "funcargs", {})
        for name in _SERVER_FIXTURES:
            server = funcargs.get(name)
            if isinstance(server, Dovecot):
                tail = "\n".join(server.log().splitlines()[-_LOG_TAIL_LINES:])
                report.sections.append((f"{name} log (last {_LOG_TAIL_LINES} lines)", tail))
    return report


# --- guard configs and the CLI ------------------------------------------------------------


def _toml_key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "")
    return key if bare.isascii() and bare.isalnum() else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str | Path):
        # A JSON string is a TOML basic string, but TOML wants DEL escaped too.
        return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


def render_toml(tables: dict[str, dict[str, Any]]) -> str:
    """TOML text for one level of tables; a None value leaves its key out."""
    blocks = []
    for table, values in tables.items():
        lines = [f"[{_toml_key(table)}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in values.items() if v is not None]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


class _ConfigRecord:
    """What `write_config` knows that `run_guard` needs: each config's password and CA file."""

    def __init__(self) -> None:
        self.passwords: dict[Path, str] = {}
        self.cafiles: dict[Path, Path] = {}


@pytest.fixture
def _config_record() -> _ConfigRecord:
    return _ConfigRecord()


@pytest.fixture
def write_config(
    tmp_path: Path, request: pytest.FixtureRequest, _config_record: _ConfigRecord
) -> WriteConfig:
    """A factory writing a guard config TOML into tmp_path (guard.toml, guard-2.toml, ...).

    `server` defaults to the shared `dovecot`; without `smtp` the guard is in observe mode.
    Keyword tables are merged into the table of that name (`policy={"decline_after": 3}`,
    `lists={"allow": [...]}`, `folders={...}`); a None value removes a key, `table=None` the
    whole table. `extra` is appended raw.
    """
    written: list[Path] = []

    def write(
        user: MailUser,
        *,
        email: str = "alan@example.com",
        name: str = "Alan Porter",
        domains: list[str] | None = None,
        smtp: SmtpSink | None = None,
        server: Dovecot | None = None,
        imap_security: str = "none",
        extra: str = "",
        **tables: dict[str, Any] | None,
    ) -> Path:
        imap_server: Dovecot = server or request.getfixturevalue("dovecot")
        if imap_security == "tls":
            if imap_server.tls_port is None:
                raise ValueError("imap_security='tls' needs a Dovecot started with tls=True")
            port = imap_server.tls_port
        else:
            port = imap_server.port
        config: dict[str, dict[str, Any]] = {
            "account": {
                "email": email,
                "name": name,
                "domains": domains if domains is not None else [email.rpartition("@")[2]],
            },
            "imap": {
                "host": imap_server.host,
                "port": port,
                "security": imap_security,
                "username": user.username,
            },
        }
        if smtp is not None:
            config["smtp"] = {
                "host": smtp.host,
                "port": smtp.port,
                "security": "none",
                "username": user.username,
            }
        config["storage"] = {"path": tmp_path / "ledger.sqlite3"}
        config["policy"] = {"grace_days": 0}
        if smtp is None:
            config["policy"]["mode"] = "observe"
        for table, values in tables.items():
            if values is None:
                config.pop(table, None)
            else:
                config.setdefault(table, {}).update(values)
        text = render_toml(config)
        if extra:
            text += "\n" + extra.strip("\n") + "\n"
        tomllib.loads(text)  # a broken test config should fail here, not inside the guard
        path = tmp_path / ("guard.toml" if not written else f"guard-{len(written) + 1}.toml")
        path.write_text(text, encoding="utf-8")
        written.append(path)
        _config_record.passwords[path] = user.password
        if imap_security != "none" and imap_server.cafile is not None:
            _config_record.cafiles[path] = imap_server.cafile
        return path

    return write


@pytest.fixture
def run_guard(tmp_path: Path, _config_record: _ConfigRecord) -> RunGuard:
    """Run `python -m inboxguard --config CONFIG ARGS...`; returns the CompletedProcess (text).

    Never raises on a non-zero exit. INBOXGUARD_PASSWORD is `password`, else the password of
    the user the config was written for, else "secret"; `env` overrides anything. The guard
    runs in tmp_path with XDG dirs under it and the null keyring; a config written for a TLS
    Dovecot gets SSL_CERT_FILE = its cafile.
    """
    xdg = tmp_path / "xdg"

    def run(
        config: Path,
        *args: str,
        env: dict[str, str] | None = None,
        timeout: float = 60,
        password: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        config = Path(config)
        full_env = dict(os.environ)
        full_env.update(
            INBOXGUARD_PASSWORD=password or _config_record.passwords.get(config, "secret"),
            XDG_CONFIG_HOME=str(xdg / "config"),
            XDG_DATA_HOME=str(xdg / "data"),
            XDG_STATE_HOME=str(xdg / "state"),
            XDG_CACHE_HOME=str(xdg / "cache"),
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        )
        if config in _config_record.cafiles:
            full_env["SSL_CERT_FILE"] = str(_config_record.cafiles[config])
        full_env.update(env or {})
        command = [sys.executable, "-m", "inboxguard", "--config", str(config), *args]
        try:
            return subprocess.run(
                command,
                env=full_env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as expired:
            pytest.fail(
                f"{' '.join(command[2:])} did not finish within {timeout:g} s\n"
                f"stdout:\n{_text(expired.stdout)}\nstderr:\n{_text(expired.stderr)}",
                pytrace=False,
            )

    return run


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""
