"""The Maildir adapter: the mailbox port over a local Maildir tree (mbsync, offlineimap, demo)."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from .errors import ServerError
from .mailbox import FETCH_BATCH, FetchedMessage, FolderStatus

UID_FILE = ".inboxguard-uids"
"""Per folder: the UIDs this adapter gave its messages, so progress survives restarts."""

READ_LIMIT = 4 * 1024 * 1024
"""Bytes read of one message file: more than the classifier needs, bounded for huge mail."""

SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail", "INBOX/Sent")

_unique = count()


class MaildirMailbox:
    """A Maildir tree. Layout "fs": one directory per folder (`Guard/Declined/cur`);
    "maildir++": the inbox at the top, folders as `.Guard.Declined`."""

    def __init__(self, root: Path, layout: str = "fs") -> None:
        self.root = root
        self.layout = layout
        if not root.is_dir():
            raise ServerError(f"Maildir {root}: no such folder")

    def folder_path(self, folder: str) -> Path:
        if self.layout == "maildir++":
            if folder.upper() == "INBOX":
                return self.root
            return self.root / ("." + folder.replace("/", "."))
        return self.root / ("INBOX" if folder.upper() == "INBOX" else folder)

    def sent_folder(self) -> str | None:
        for name in SENT_NAMES:
            if (self.folder_path(name) / "cur").is_dir():
                return name
        return None

    def ensure_folders(self, folders: Iterable[str]) -> None:
        for folder in folders:
            for sub in ("cur", "new", "tmp"):
                (self.folder_path(folder) / sub).mkdir(parents=True, exist_ok=True, mode=0o700)

    def status(self, folder: str) -> FolderStatus:
        uidvalidity, next_uid, _ = self._uids(folder)
        return FolderStatus(uidvalidity=uidvalidity, uidnext=next_uid)

    def fetch_after(self, folder: str, last_uid: int) -> Iterator[list[FetchedMessage]]:
        _, _, files = self._uids(folder)
        wanted = sorted((uid, path) for uid, path in files.items() if uid > last_uid)
        for start in range(0, len(wanted), FETCH_BATCH):
            batch = []
            for uid, path in wanted[start : start + FETCH_BATCH]:
                fetched = _read(uid, path)
                if fetched is not None:
                    batch.append(fetched)
            if batch:
                yield batch

    def move(self, folder: str, uids: list[int], destination: str) -> None:
        _, _, files = self._uids(folder)
        target = self.folder_path(destination) / "cur"
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        for uid in uids:
            path = files.get(uid)
            if path is None:
                continue
            name = path.name if ":2," in path.name else f"{path.name}:2,"
            os.rename(path, target / name)

    def append(self, folder: str, raw: bytes, seen: bool = True) -> None:
        self.ensure_folders([folder])
        base = self.folder_path(folder)
        name = f"{time.time_ns()}.P{os.getpid()}Q{next(_unique)}.{socket.gethostname()}"
        temporary = base / "tmp" / name
        descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(raw)
        if seen:
            os.rename(temporary, base / "cur" / f"{name}:2,S")
        else:
            os.rename(temporary, base / "new" / name)

    def holds(self, folder: str, message_id: str) -> bool:
        _, _, files = self._uids(folder)
        wanted = f"<{message_id}>".encode()
        for path in files.values():
            with path.open("rb") as handle:
                if wanted in handle.read(65536).split(b"\n\n", 1)[0]:
                    return True
        return False

    def close(self) -> None:
        pass

    def _uids(self, folder: str) -> tuple[int, int, dict[int, Path]]:
        """Scan the folder, give new files the next UIDs (oldest first), save the map."""
        base = self.folder_path(folder)
        if not (base / "cur").is_dir():
            raise ServerError(f"Maildir {self.root}: no folder {folder}")
        present: dict[str, Path] = {}
        for sub in ("new", "cur"):
            for entry in os.scandir(base / sub):
                if entry.is_file() and not entry.name.startswith("."):
                    present[entry.name.split(":", 1)[0]] = Path(entry.path)
        uidvalidity, next_uid, known = _load_uids(base / UID_FILE)
        files = {uid: present[key] for key, uid in known.items() if key in present}
        kept = {key: uid for key, uid in known.items() if key in present}
        fresh = sorted(
            (path.stat().st_mtime, key) for key, path in present.items() if key not in kept
        )
        for _, key in fresh:
            kept[key] = next_uid
            files[next_uid] = present[key]
            next_uid += 1
        if fresh or len(kept) != len(known) or not (base / UID_FILE).exists():
            _save_uids(base / UID_FILE, uidvalidity, next_uid, kept)
        return uidvalidity, next_uid, files


def _load_uids(path: Path) -> tuple[int, int, dict[str, int]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        uidvalidity, next_uid = (int(word) for word in lines[0].split())
        known = {key: int(uid) for uid, key in (line.split(" ", 1) for line in lines[1:] if line)}
    except (OSError, ValueError, IndexError):
        return int(time.time()), 1, {}
    return uidvalidity, next_uid, known


def _save_uids(path: Path, uidvalidity: int, next_uid: int, known: dict[str, int]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    lines = [f"{uidvalidity} {next_uid}", *(f"{uid} {key}" for key, uid in known.items())]
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _read(uid: int, path: Path) -> FetchedMessage | None:
    """The message, up to READ_LIMIT bytes: local reads are cheap, so no excerpt."""
    try:
        with path.open("rb") as handle:
            data = handle.read(READ_LIMIT)
        arrived = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except FileNotFoundError:
        return None  # moved or deleted by another program meanwhile
    return FetchedMessage(uid=uid, arrived=arrived, raw=data)
