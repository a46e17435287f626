"""Learning from Sent: whom the user wrote to or engaged with, and to whom the user said no."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .message import Message
from .organisation import (
    company_behind,
    identity,
    is_platform,
    is_relay_address,
    registrable_domain,
)
from .phrasing import ENGAGEMENT, SOFT_NO
from .user import User
from .words import strip_quotes


@dataclass(frozen=True)
class Lesson:
    """What one Sent message says about one organisation."""

    organisation: str
    says_no: bool
    reason: str


class ThreadHistory(Protocol):
    def organisation_of(self, message_ids: tuple[str, ...]) -> str | None: ...


def learn_from_sent(message: Message, user: User, history: ThreadHistory) -> list[Lesson]:
    """One lesson per outside organisation the message is addressed to. A reply whose own
    words say no (and do not leave the door open) is a no; anything else engages."""
    words = strip_quotes(message.text)
    no = SOFT_NO.find(words)
    open_door = ENGAGEMENT.find_unnegated(words)
    is_reply = bool(message.in_reply_to or message.references)
    if is_reply and no and not open_door:
        says_no, reason = True, f'the user said no ("{no}")'
    elif is_reply:
        says_no = False
        reason = f'the user engaged ("{open_door}")' if open_door else "the user replied"
    else:
        says_no, reason = False, "the user wrote first"
    lessons: dict[str, Lesson] = {}
    for recipient in message.recipients:
        if user.is_colleague(recipient.email):
            continue
        organisation = _organisation_of_recipient(recipient.email, message, user, history)
        if organisation and organisation not in user.organisations:
            lessons.setdefault(organisation, Lesson(organisation, says_no, reason))
    return list(lessons.values())


def _organisation_of_recipient(
    address: str, message: Message, user: User, history: ThreadHistory
) -> str | None:
    """A relay address stands for the company in the thread, not for the platform."""
    domain = address.rpartition("@")[2]
    if not (is_relay_address(address) or is_platform(domain)):
        return identity(address)
    known = history.organisation_of(message.thread_ids)
    if known:
        return known
    behind = company_behind(
        message.text, message.html, set(user.organisations) | {registrable_domain(domain)}
    )
    return behind or registrable_domain(domain)
