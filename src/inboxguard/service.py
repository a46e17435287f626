"""`guard service`: run `guard run` in the background, as a systemd user unit or a launchd agent."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import GuardError

UNIT_NAME = "inboxguard.service"
AGENT_LABEL = "io.inboxguard.guard"


class ServiceError(GuardError):
    """The service manager is missing or refused."""


def command(config_path: Path) -> list[str]:
    """What the service runs: this Python's guard, with the config named explicitly."""
    return [sys.executable, "-m", "inboxguard", "--config", str(config_path.resolve()), "run"]


def systemd_unit(config_path: Path) -> str:
    argv = " ".join(_quote(part) for part in command(config_path))
    return f"""\
[Unit]
Description=inboxguard: tells repeat sales outreach no, once, and files what follows
After=network-online.target
Wants=network-online.target

[Service]
ExecStart={argv}
Restart=on-failure
RestartSec=30
KillSignal=SIGTERM
TimeoutStopSec=20

[Install]
WantedBy=default.target
"""


def launchd_plist(config_path: Path, log_folder: Path) -> str:
    agent = {
        "Label": AGENT_LABEL,
        "ProgramArguments": command(config_path),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ThrottleInterval": 30,
        "StandardErrorPath": str(log_folder / "launchd.err"),
    }
    return plistlib.dumps(agent).decode("utf-8")


def unit_path() -> Path:
    if sys.platform == "darwin":
        return Path.home() / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
    return Path.home() / ".config" / "systemd" / "user" / UNIT_NAME


def render(config_path: Path) -> str:
    if sys.platform == "darwin":
        from .logs import log_path

        return launchd_plist(config_path, log_path().parent)
    return systemd_unit(config_path)


def install(config_path: Path) -> Path:
    path = unit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(config_path), encoding="utf-8")
    if sys.platform == "darwin":
        _manager(["launchctl", "load", "-w", str(path)])
    else:
        _manager(["systemctl", "--user", "daemon-reload"])
        _manager(["systemctl", "--user", "enable", "--now", UNIT_NAME])
    return path


def uninstall() -> Path:
    path = unit_path()
    if sys.platform == "darwin":
        if path.exists():
            _manager(["launchctl", "unload", "-w", str(path)])
    else:
        _manager(["systemctl", "--user", "disable", "--now", UNIT_NAME], check=False)
    path.unlink(missing_ok=True)
    if sys.platform != "darwin":
        _manager(["systemctl", "--user", "daemon-reload"], check=False)
    return path


def status() -> str:
    if sys.platform == "darwin":
        return _manager(["launchctl", "list", AGENT_LABEL], check=False)
    return _manager(["systemctl", "--user", "status", "--no-pager", UNIT_NAME], check=False)


def _manager(argv: list[str], check: bool = True) -> str:
    if shutil.which(argv[0]) is None:
        raise ServiceError(
            f"{argv[0]} is not available here; `guard service install --print` "
            "shows the unit to install by hand"
        )
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ServiceError(f"{' '.join(argv)} failed: {detail[0] if detail else done.returncode}")
    return done.stdout + done.stderr


def _quote(part: str) -> str:
    """systemd's quoting for an ExecStart word."""
    if part and all(c.isalnum() or c in "/._-=+:@" for c in part):
        return part
    return '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'
