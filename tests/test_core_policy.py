"""policy.decide(): keep, decline, decline the invite or file — and every safety rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from builders import USER, build, ics

from inboxguard.classify import INVITE, OUTREACH, Verdict, classify
from inboxguard.config import Policy
from inboxguard.ledger import VendorState
from inboxguard.lists import Lists
from inboxguard.message import Message, parse
from inboxguard.policy import (
    DECLINE,
    DECLINE_INVITE,
    FILE,
    KEEP,
    Circumstances,
    Decision,
    decide,
)
from inboxguard.user import User

ALAN = User(USER, "Alan Porter", ("example.com",))
POLICY = Policy(
    mode="act", decline_after=2, grace_days=0, max_declines_per_day=20, max_messages_per_pass=50000
)
NOW = datetime(2025, 6, 3, 9, 15, tzinfo=UTC)
NO_AT = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)
ORG = "bitesio.com"
NO_LISTS = Lists()

PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)
INVITE_BODY = (
    "Hi Alan,\n\nI've booked us 15 minutes to show you how kitchens like yours cut food waste "
    "by 30%. If the time doesn't work, feel free to move it.\n\nDana\nbitesio.com\n"
)


def judged(raw: bytes, lists: Lists = NO_LISTS) -> tuple[Message, Verdict]:
    message = parse(raw)
    return message, classify(message, ALAN, lists)


def run(
    raw: bytes,
    state: VendorState | None = None,
    *,
    policy: Policy = POLICY,
    arrived: datetime = NOW,
    declines_last_day: int = 0,
    no_given_this_pass: bool = False,
    lists: Lists = NO_LISTS,
) -> Decision:
    message, verdict = judged(raw, lists)
    return decide(
        message,
        verdict,
        state or VendorState(ORG),
        ALAN,
        policy,
        Circumstances(arrived, declines_last_day, no_given_this_pass),
    )


def pitch(**kwargs: object) -> bytes:
    return build(body=PITCH, **kwargs)  # type: ignore[arg-type]


def told_no(via: str = "reply", at: datetime = NO_AT) -> VendorState:
    return VendorState(ORG, outreach=2, no_at=at, no_via=via)


# outreach counting and the decline


def test_the_pitch_is_outreach() -> None:
    assert judged(pitch())[1].kind == OUTREACH


def test_first_outreach_is_kept_and_counted() -> None:
    decision = run(pitch())
    assert decision.action == KEEP
    assert decision.counts
    assert not decision.declines
    assert decision.recipient is None
    assert not decision.offence
    assert "1st outreach" in decision.reasons[0]


def test_second_outreach_declines_to_from() -> None:
    decision = run(pitch(), VendorState(ORG, outreach=1))
    assert decision.action == DECLINE
    assert decision.declines
    assert decision.counts
    assert decision.recipient is not None
    assert decision.recipient.email == "dana@bitesio.com"
    assert decision.recipient.name == "Dana Seller"


def test_second_outreach_declines_to_reply_to() -> None:
    decision = run(pitch(reply_to="Sales <sales@bitesio.com>"), VendorState(ORG, outreach=1))
    assert decision.action == DECLINE
    assert decision.recipient is not None
    assert decision.recipient.email == "sales@bitesio.com"


def test_decline_after_one_declines_the_first() -> None:
    policy = Policy(
        mode="act",
        decline_after=1,
        grace_days=0,
        max_declines_per_day=20,
        max_messages_per_pass=50000,
    )
    assert run(pitch(), policy=policy).action == DECLINE


def test_decline_after_three_keeps_the_second() -> None:
    policy = Policy(
        mode="act",
        decline_after=3,
        grace_days=0,
        max_declines_per_day=20,
        max_messages_per_pass=50000,
    )
    decision = run(pitch(), VendorState(ORG, outreach=1), policy=policy)
    assert decision.action == KEEP
    assert decision.counts
    assert run(pitch(), VendorState(ORG, outreach=2), policy=policy).action == DECLINE


def test_reply_to_at_a_third_party_is_kept_without_decline() -> None:
    decision = run(pitch(reply_to="leads@leadbrokers.net"), VendorState(ORG, outreach=1))
    assert decision.action == KEEP
    assert not decision.declines
    assert decision.recipient is None
    assert decision.counts
    assert "third party" in decision.reasons[0]


def test_reply_to_at_the_users_organisation_is_kept() -> None:
    decision = run(pitch(reply_to="bob@example.com"), VendorState(ORG, outreach=1))
    assert decision.action == KEEP
    assert decision.recipient is None


def test_daily_cap_reached_keeps() -> None:
    state = VendorState(ORG, outreach=1)
    assert run(pitch(), state, declines_last_day=19).action == DECLINE
    decision = run(pitch(), state, declines_last_day=20)
    assert decision.action == KEEP
    assert decision.recipient is None
    assert decision.counts
    assert "daily cap" in decision.reasons[0]


def test_not_addressed_to_the_user_is_never_declined() -> None:
    decision = run(pitch(to="someone@else.example"), VendorState(ORG, outreach=1))
    assert decision.action == KEEP
    assert not decision.declines


def test_list_unsubscribe_alone_does_not_stop_the_decline() -> None:
    raw = pitch(headers={"List-Unsubscribe": "<mailto:unsub@bitesio.com>"})
    assert run(raw, VendorState(ORG, outreach=1)).action == DECLINE


def test_correspondent_is_kept() -> None:
    state = VendorState(ORG, outreach=1, correspondent_since=NO_AT)
    message = parse(pitch())
    verdict = Verdict("other", ORG, (), relation="correspondent")
    decision = decide(message, verdict, state, ALAN, POLICY, Circumstances(NOW))
    assert decision.action == KEEP
    assert not decision.counts
    assert not decision.declines


def test_thread_is_kept() -> None:
    raw = pitch(subject="Re: food waste", in_reply_to="<CAF1@mail.example.com>")
    decision = run(raw, VendorState(ORG, outreach=5))
    assert decision.action == KEEP
    assert not decision.declines
    assert not decision.counts


def test_allow_and_own_are_kept() -> None:
    assert run(pitch(), lists=Lists(allow=(ORG,))).action == KEEP
    assert run(pitch(), told_no(), lists=Lists(allow=(ORG,))).action == KEEP
    own = build(sender="bob@example.com", body=PITCH)
    assert run(own, VendorState("example.com", outreach=3)).action == KEEP


def test_forged_is_kept_even_after_a_no() -> None:
    raw = pitch(headers={"Authentication-Results": "mx; dmarc=fail header.from=bitesio.com"})
    decision = run(raw, told_no())
    assert decision.action == KEEP
    assert not decision.offence
    assert not decision.counts


# after a no


def test_after_a_no_the_message_is_filed_as_an_offence() -> None:
    decision = run(pitch(), told_no(), arrived=NO_AT + timedelta(hours=1))
    assert decision.action == FILE
    assert decision.offence
    assert not decision.declines
    assert decision.recipient is None
    assert "an offence" in decision.reasons[0]


def test_after_a_no_arriving_at_the_no_itself_is_an_offence_with_no_grace() -> None:
    assert run(pitch(), told_no(), arrived=NO_AT).offence


def test_after_a_no_arriving_before_it_is_filed_without_offence() -> None:
    decision = run(pitch(), told_no(), arrived=NO_AT - timedelta(minutes=5))
    assert decision.action == FILE
    assert not decision.offence
    assert "within grace" in decision.reasons[0]


@pytest.mark.parametrize(
    ("after", "offence"),
    [(timedelta(days=1), False), (timedelta(days=2), True), (timedelta(days=5), True)],
)
def test_grace_days(after: timedelta, offence: bool) -> None:
    policy = Policy(
        mode="act",
        decline_after=2,
        grace_days=2,
        max_declines_per_day=20,
        max_messages_per_pass=50000,
    )
    decision = run(pitch(), told_no(), policy=policy, arrived=NO_AT + after)
    assert decision.action == FILE
    assert decision.offence is offence


def test_the_no_given_in_this_pass_is_no_offence() -> None:
    decision = run(pitch(), told_no(), arrived=NOW, no_given_this_pass=True)
    assert decision.action == FILE
    assert not decision.offence


def test_any_message_from_the_organisation_after_a_no_is_filed() -> None:
    raw = build(sender="sam@bitesio.com", body="Hi Alan, any news?", subject="Hello")
    decision = run(raw, told_no(via="decline"))
    assert decision.action == FILE
    assert decision.offence


def test_declined_without_a_no_date_is_filed_without_offence() -> None:
    decision = run(pitch(), VendorState(ORG, outreach=2, declined=True))
    assert decision.action == FILE
    assert not decision.offence
    assert not decision.declines


def test_automatic_response_after_a_no_is_kept_and_no_offence() -> None:
    raw = build(
        sender="Dana Seller <dana@bitesio.com>",
        subject="Automatic reply: Re: food waste",
        body="I am out of the office until Monday.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    decision = run(raw, told_no(via="decline"), arrived=NOW)
    assert decision.action == KEEP
    assert not decision.offence
    assert not decision.counts
    assert not decision.declines


def test_block_relation_is_filed() -> None:
    decision = run(pitch(), VendorState(ORG), lists=Lists(block=(ORG,)))
    assert decision.action == FILE
    assert not decision.declines
    assert decision.recipient is None


def test_block_no_is_an_offence() -> None:
    decision = run(pitch(), told_no(via="block"), lists=Lists(block=(ORG,)))
    assert decision.action == FILE
    assert decision.offence


# invites


def invite(**kwargs: object) -> bytes:
    return build(
        subject="Invitation: Bitesio <> Example",
        body=INVITE_BODY,
        calendar=ics(**kwargs),  # type: ignore[arg-type]
    )


def test_the_invite_is_an_invite() -> None:
    assert judged(invite())[1].kind == INVITE


def test_unsolicited_invite_declines_to_the_organizer() -> None:
    raw = invite(organizer="dana.seller@bitesio.com", organizer_name="Dana S")
    decision = run(raw)
    assert decision.action == DECLINE_INVITE
    assert decision.declines
    assert decision.counts
    assert decision.recipient is not None
    assert decision.recipient.email == "dana.seller@bitesio.com"
    assert decision.recipient.name == "Dana S"


def test_invite_not_naming_the_user_as_attendee_is_kept() -> None:
    decision = run(invite(attendees=("bob@example.com",)))
    assert decision.action == KEEP
    assert not decision.declines
    assert decision.recipient is None


def test_invite_naming_an_alias_of_the_user_is_declined() -> None:
    user = User(USER, "Alan Porter", ("example.com",), aliases=("a.porter@example.com",))
    message = parse(invite(attendees=("a.porter@example.com",)))
    verdict = classify(message, user)
    decision = decide(message, verdict, VendorState(ORG), user, POLICY, Circumstances(NOW))
    assert decision.action == DECLINE_INVITE


def test_invite_organised_by_a_third_party_is_kept() -> None:
    decision = run(invite(organizer="events@leadbrokers.net"))
    assert decision.action == KEEP
    assert not decision.declines


def test_invite_after_a_no_is_filed() -> None:
    decision = run(invite(), told_no(via="decline"))
    assert decision.action == FILE
    assert decision.offence


def test_invite_past_the_daily_cap_is_kept() -> None:
    decision = run(invite(), declines_last_day=20)
    assert decision.action == KEEP
    assert decision.recipient is None
