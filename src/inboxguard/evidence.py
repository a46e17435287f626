"""`guard show` and `guard report`: what the ledger holds on one vendor, as evidence of a no."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .ledger import Ledger, Offence, VendorState

DEADLINES = (
    ("CAN-SPAM (US, 15 U.S.C. 7704(a)(4))", 10),
    ("CASL (Canada)", 10),
)
"""Business days after an opt-out within which mail must stop; GDPR Art. 21(3) allows none."""


def business_days(start: date, end: date) -> int:
    """Monday-to-Friday days after `start`, up to and including `end`."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += day.weekday() < 5
    return days


def show(ledger: Ledger, vendor: str) -> str:
    state = ledger.vendor(vendor)
    lines = [f"{vendor}: {state.outreach} outreach message(s) counted"]
    lines.append(_no_line(state))
    for decline in ledger.declines(organisation=vendor):
        sent = f", sent {decline.sent_at:%Y-%m-%d %H:%M}" if decline.sent_at else ""
        lines.append(f"decline ({decline.kind}) to {decline.recipient}: {decline.state}{sent}")
    offences = ledger.offences(vendor)
    lines.append(f"{len(offences)} message(s) after the no:")
    lines.extend(f"  {_offence_line(o)}" for o in offences)
    return "\n".join(lines)


def report(ledger: Ledger, vendor: str, now: datetime) -> str:
    """A plain-text evidence report: the no, every later message, the deadlines each passed."""
    state = ledger.vendor(vendor)
    if state.no_at is None:
        return f"{vendor} has not been told no; there is nothing to report."
    offences = ledger.offences(vendor)
    lines = [
        f"Evidence report: {vendor}, prepared {now:%Y-%m-%d %H:%M} UTC",
        "",
        _no_line(state),
        f"Messages received from {vendor} after the no: {len(offences)}",
        "",
    ]
    for offence in offences:
        elapsed = business_days(state.no_at.date(), offence.arrived_at.date())
        passed = [name for name, days in DEADLINES if elapsed > days]
        lines.append(f"- {_offence_line(offence)}")
        lines.append(
            f"  {elapsed} business day(s) after the no"
            + (f"; past the deadline of {', '.join(passed)}" if passed else "")
        )
        lines.append("  GDPR Art. 21(3): after an objection, no further direct marketing at all")
    return "\n".join(lines)


def _no_line(state: VendorState) -> str:
    if state.no_at is None:
        return "no: not told no"
    how = {
        "decline": "the guard's decline",
        "invite": "the guard's calendar decline",
        "reply": "the user's own reply",
        "block": "the block list",
    }.get(state.no_via or "", "")
    return f"no: {state.no_at:%Y-%m-%d %H:%M} UTC, by {how}"


def _offence_line(offence: Offence) -> str:
    return (
        f"{offence.arrived_at:%Y-%m-%d %H:%M} from {offence.sender or '?'}: "
        f"{offence.subject!r} <{offence.message_id or 'no Message-ID'}>"
    )
