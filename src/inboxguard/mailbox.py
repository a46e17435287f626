"""The mailbox port: what a pass needs from a mail store, whatever the backend."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

FETCH_BATCH = 500
"""Messages per FETCH command: few round trips, bounded memory."""

EXCERPT_BYTES = 32_768
"""Bytes of a message body fetched for the classifier; the rest is never read."""

CALENDAR_BYTES = 262_144
"""Bytes of a calendar part fetched apart from the excerpt."""


@dataclass(frozen=True)
class FolderStatus:
    """A folder's identity and extent: messages have UIDs below `uidnext`."""

    uidvalidity: int
    uidnext: int


@dataclass(frozen=True)
class FetchedMessage:
    """One message as fetched: its header and a bounded excerpt of its body."""

    uid: int
    arrived: datetime
    raw: bytes
    calendars: tuple[bytes, ...] = ()


class Mailbox(Protocol):
    """A mail store the guard reads and files in. Folder names use "/" as the separator."""

    def sent_folder(self) -> str | None:
        """The folder marked \\Sent, if the store marks one."""
        ...

    def ensure_folders(self, folders: Iterable[str]) -> None:
        """Create the folders that do not exist yet."""
        ...

    def status(self, folder: str) -> FolderStatus: ...

    def fetch_after(self, folder: str, last_uid: int) -> Iterator[list[FetchedMessage]]:
        """Messages with a UID above `last_uid`, oldest first, in batches."""
        ...

    def move(self, folder: str, uids: list[int], destination: str) -> None:
        """Move messages; never deletes anything but its own copies."""
        ...

    def append(self, folder: str, raw: bytes, seen: bool = True) -> None: ...

    def holds(self, folder: str, message_id: str) -> bool:
        """Whether a message with this Message-ID is in the folder."""
        ...

    def close(self) -> None: ...
