"""Logging: one line per decision to a rotating log file, and to stderr on a terminal."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    return platformdirs.user_log_path("inboxguard") / "guard.log"


def configure(verbose: bool = False, to_file: bool = False) -> Path | None:
    """Warnings to stderr (every decision too with `verbose` or on a terminal); with `to_file`,
    every decision to the rotating log, created 0600 in a 0700 folder."""
    root = logging.getLogger("inboxguard")
    root.setLevel(logging.INFO)
    root.handlers.clear()
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    console.setLevel(logging.INFO if verbose or sys.stderr.isatty() else logging.WARNING)
    root.addHandler(console)
    if not to_file:
        return None
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        root.warning("no log file at %s (%s); logging to stderr only", path, error)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
