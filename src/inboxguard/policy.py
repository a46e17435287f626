"""Policy: a verdict, the vendor's state and the settings give a decision. Pure; every safety
rule about answering lives here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .classify import INVITE, OTHER, Verdict
from .config import Policy
from .ledger import VendorState
from .markers import never_reply_reason
from .message import Address, Message
from .organisation import identity
from .user import User

KEEP = "keep"
DECLINE = "decline"
DECLINE_INVITE = "decline-invite"
FILE = "file"


@dataclass(frozen=True)
class Decision:
    """What to do with one message, and why. `counts` marks an outreach message to count."""

    action: str
    reasons: tuple[str, ...]
    counts: bool = False
    offence: bool = False
    recipient: Address | None = None

    @property
    def declines(self) -> bool:
        return self.action in (DECLINE, DECLINE_INVITE)


@dataclass(frozen=True)
class Circumstances:
    """The facts around a decision that are not in the message or the vendor's state."""

    arrived: datetime
    declines_last_day: int = 0
    no_given_this_pass: bool = False


def decide(
    message: Message,
    verdict: Verdict,
    state: VendorState,
    user: User,
    policy: Policy,
    circumstances: Circumstances,
) -> Decision:
    """Keep, decline, decline the invite or file one INBOX message."""
    organisation = verdict.organisation or "this sender"
    if verdict.forged:
        return Decision(KEEP, ("forged sender: never answered, never counted",))
    if verdict.relation in ("own", "allow"):
        return Decision(KEEP, (verdict.summary(),))
    if verdict.automatic:
        return Decision(KEEP, ("an automatic response: never answered, never an offence",))
    if state.no_at is not None or state.declined or verdict.relation == "block":
        return _after_no(organisation, state, policy, circumstances)
    if verdict.relation in ("correspondent", "thread") or verdict.kind == OTHER:
        return Decision(KEEP, (f"not outreach: {verdict.summary() or 'no sales signals'}",))

    count = state.outreach + 1
    if verdict.kind == INVITE:
        if verdict.invite is None or not set(verdict.invite.attendees) & user.addresses:
            return Decision(KEEP, ("an invite that does not name the user as attendee",), True)
        why = f"an unsolicited invite from {organisation}"
        target = _invite_recipient(verdict)
    else:
        if count < policy.decline_after:
            return Decision(
                KEEP,
                (
                    f"{_ordinal(count)} outreach message from {organisation}; "
                    f"declines at the {_ordinal(policy.decline_after)}",
                ),
                counts=True,
            )
        why = f"{_ordinal(count)} outreach message from {organisation}"
        target = _reply_recipient(message)
    refusal = _refusal(message, verdict, state, user, target, policy, circumstances)
    if refusal:
        return Decision(KEEP, (f"{why}, but no decline: {refusal}",), counts=True)
    action = DECLINE_INVITE if verdict.kind == INVITE else DECLINE
    return Decision(action, (f"{why}: decline",), counts=True, recipient=target)


def _after_no(
    organisation: str, state: VendorState, policy: Policy, circumstances: Circumstances
) -> Decision:
    if state.no_at is None:
        return Decision(FILE, (f"{organisation} was declined already",))
    told = f"{organisation} was told no ({state.no_via}) on {state.no_at:%Y-%m-%d}"
    since = state.no_at.replace(microsecond=0) + timedelta(days=policy.grace_days)
    offence = circumstances.arrived >= since and not circumstances.no_given_this_pass
    return Decision(
        FILE, (f"{told}: {'an offence' if offence else 'within grace'}",), offence=offence
    )


def _reply_recipient(message: Message) -> Address | None:
    return message.reply_to[0] if message.reply_to else message.sender


def _invite_recipient(verdict: Verdict) -> Address | None:
    invite = verdict.invite
    if invite is None or not invite.organizer:
        return None
    return Address(invite.organizer_name, invite.organizer)


def _refusal(
    message: Message,
    verdict: Verdict,
    state: VendorState,
    user: User,
    target: Address | None,
    policy: Policy,
    circumstances: Circumstances,
) -> str | None:
    """Why this message must not be answered, if it must not."""
    reason = never_reply_reason(message, user)
    if reason:
        return reason
    if state.ever_declined:
        return "it was declined once already, and never is twice"
    if target is None:
        return "no address to answer"
    if user.is_colleague(target.email):
        return "the reply would go to the user's own organisation"
    sender_identity = identity(message.sender.email) if message.sender else None
    if identity(target.email) not in (sender_identity, verdict.organisation):
        return f"the reply would go to a third party ({target.email})"
    if circumstances.declines_last_day >= policy.max_declines_per_day:
        return f"the daily cap of {policy.max_declines_per_day} declines is reached"
    return None


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
