"""Calendar parts: reading iTIP requests out of text/calendar data. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import icalendar

_MAILTO = re.compile(r"^\s*mailto:", re.IGNORECASE)


@dataclass(frozen=True)
class CalendarRequest:
    """One event of a calendar part: what a decline needs to answer it."""

    method: str
    uid: str
    sequence: int
    recurrence_id: str | None
    organizer: str | None
    organizer_name: str
    attendees: tuple[str, ...]
    summary: str
    dtstart: str | None
    description: str = field(default="", compare=False)
    ics: bytes = field(default=b"", repr=False, compare=False)

    @property
    def is_request(self) -> bool:
        return self.method == "REQUEST"


EVENT_TEXT_CHARS = 4000
"""Characters of an event's DESCRIPTION kept: all a classifier weighs."""


def calendar_address(value: object) -> str:
    """The lower-cased address of an ORGANIZER or ATTENDEE value (`mailto:` removed)."""
    return _MAILTO.sub("", str(value)).strip().lower()


def parse_calendar(data: bytes) -> list[CalendarRequest]:
    """Every VEVENT of a calendar part; malformed data gives an empty list, never an error."""
    try:
        calendar = icalendar.Calendar.from_ical(data.decode("utf-8", errors="replace"))
    except (ValueError, IndexError, KeyError, TypeError):
        return []
    method = str(calendar.get("METHOD", "")).strip().upper()
    requests = []
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "")).strip()
        if not uid:
            continue
        organizer = event.get("ORGANIZER")
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        requests.append(
            CalendarRequest(
                method=method,
                uid=uid,
                sequence=_int(event.get("SEQUENCE")),
                recurrence_id=_ical_text(event.get("RECURRENCE-ID")),
                organizer=calendar_address(organizer) if organizer else None,
                organizer_name=str(organizer.params.get("CN", "")) if organizer else "",
                attendees=tuple(calendar_address(a) for a in attendees),
                summary=str(event.get("SUMMARY", "")),
                dtstart=_ical_text(event.get("DTSTART")),
                description=str(event.get("DESCRIPTION", ""))[:EVENT_TEXT_CHARS],
                ics=data,
            )
        )
    return requests


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _ical_text(value: object) -> str | None:
    if value is None:
        return None
    try:
        return value.to_ical().decode()  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return str(value)
