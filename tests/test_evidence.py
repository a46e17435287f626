"""`guard show`, `report` and `forgive`: what the ledger says of one vendor, and lifting a no."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from inboxguard.evidence import business_days, report, show
from inboxguard.ledger import Decline, Ledger

NO_AT = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # a Monday


def told_no(tmp_path: Path) -> Ledger:
    ledger = Ledger.open(tmp_path / "ledger.sqlite3")
    with ledger.transaction():
        ledger.count_outreach("bitesio.com", NO_AT - timedelta(days=3))
        ledger.add_decline(
            Decline(
                "bitesio.com",
                "email",
                "pending",
                "tyler@bitesio.com",
                "d1@example.com",
                "p2@bitesio.com",
                NO_AT,
                None,
                b"raw",
            )
        )
        ledger.set_decline_state("bitesio.com", "sent")
        ledger.record_no("bitesio.com", NO_AT, "decline", "d1@example.com")
        for days in (1, 20):
            ledger.record_offence(
                "bitesio.com",
                f"o{days}@bitesio.com",
                "dana@bitesio.com",
                f"pitch {days}",
                NO_AT + timedelta(days=days),
            )
    return ledger


def test_business_days_skip_weekends() -> None:
    assert business_days(date(2025, 3, 7), date(2025, 3, 10)) == 1  # Friday to Monday
    assert business_days(date(2025, 3, 3), date(2025, 3, 17)) == 10


def test_show_lists_the_no_the_decline_and_every_message_after_it(tmp_path: Path) -> None:
    text = show(told_no(tmp_path), "bitesio.com")
    assert "no: 2025-03-03 09:00 UTC, by the guard's decline" in text
    assert "decline (email) to tyler@bitesio.com: sent" in text
    assert "2 message(s) after the no" in text
    assert "<o20@bitesio.com>" in text


def test_report_names_the_deadlines_each_message_passed(tmp_path: Path) -> None:
    text = report(told_no(tmp_path), "bitesio.com", NO_AT + timedelta(days=30))
    first, late = text.split("- ")[1], text.split("- ")[2]
    assert "1 business day(s) after the no" in first and "past the deadline" not in first
    assert "14 business day(s) after the no; past the deadline of CAN-SPAM" in late
    assert "CASL" in late


def test_forgive_lifts_the_no_but_never_allows_a_second_decline(tmp_path: Path) -> None:
    ledger = told_no(tmp_path)
    assert [s.vendor for s in ledger.status()] == ["bitesio.com"]
    with ledger.transaction():
        assert ledger.forgive("bitesio.com", NO_AT + timedelta(days=40))
    state = ledger.vendor("bitesio.com")
    assert state.no_at is None and not state.declined and state.ever_declined
    assert ledger.status() == []  # its offences stay as history, but count no more
    assert "not been told no" in report(ledger, "bitesio.com", NO_AT + timedelta(days=41))


def test_a_forgiven_vendor_is_never_declined_a_second_time() -> None:
    from builders import build

    from inboxguard.classify import classify
    from inboxguard.config import default_policy
    from inboxguard.ledger import VendorState
    from inboxguard.message import parse
    from inboxguard.policy import KEEP, Circumstances, decide
    from inboxguard.user import User

    user = User("alan@example.com", "Alan Porter", ("example.com",))
    pitch = parse(
        build(
            body="Hi Alan,\n\nJust circling back - worth a 15 minute call? Our "
            "platform helps teams like yours cut costs by 30%.\n\nDana\nBitesio"
        )
    )
    verdict = classify(pitch, user)
    state = VendorState("bitesio.com", outreach=3, ever_declined=True)
    decision = decide(pitch, verdict, state, user, default_policy(), Circumstances(NO_AT))
    assert verdict.kind == "outreach"
    assert decision.action == KEEP
    assert "never is twice" in decision.reasons[0]
