"""learn_from_sent(): whom the user wrote to or engaged with, and to whom the user said no."""

from __future__ import annotations

import pytest
from builders import build

from inboxguard.learning import Lesson, learn_from_sent
from inboxguard.message import Message, parse
from inboxguard.user import User

ALAN = User("alan@example.com", "Alan Porter", ("example.com",))


class History:
    """The ledger's answer to "whose thread is this?", and a record of the questions."""

    def __init__(self, organisation: str | None = None) -> None:
        self.organisation = organisation
        self.asked: list[tuple[str, ...]] = []

    def organisation_of(self, ids: tuple[str, ...]) -> str | None:
        self.asked.append(ids)
        return self.organisation


def sent(
    body: str,
    *,
    to: str = "Dana Seller <dana@bitesio.com>",
    reply: bool = True,
    cc: str | None = None,
) -> Message:
    return parse(
        build(
            sender="Alan Porter <alan@example.com>",
            to=to,
            subject="Re: Food waste at Example" if reply else "Your product",
            body=body,
            message_id="<sent-1@example.com>",
            in_reply_to="<pitch-1@bitesio.com>" if reply else None,
            references="<pitch-1@bitesio.com>" if reply else None,
            headers={"Cc": cc} if cc else None,
        )
    )


def learn(message: Message, history: History | None = None) -> list[Lesson]:
    return learn_from_sent(message, ALAN, history or History())


def only(lessons: list[Lesson]) -> Lesson:
    assert len(lessons) == 1
    return lessons[0]


def test_a_new_message_makes_a_correspondent() -> None:
    lesson = only(learn(sent("Hi Dana, could you tell me about your product?", reply=False)))
    assert lesson.organisation == "bitesio.com"
    assert not lesson.says_no
    assert lesson.reason == "the user wrote first"


def test_a_new_message_with_no_words_is_still_not_a_no() -> None:
    body = "Hi Dana, we are not interested in the old plan, but tell me about the new one."
    assert not only(learn(sent(body, reply=False))).says_no


@pytest.mark.parametrize(
    "body",
    [
        "Not interested, please remove me.",
        "Thanks, but we will reach out if we have need of you.",
        "If a need should ever arise, I'll look you up.",
        "Please don't email me again.",
        "Stop emailing me.",
        "I read it and deleted it.",
        "No thank you, we're all set.",
        "Kein Interesse, danke.",
    ],
)
def test_a_reply_that_says_no(body: str) -> None:
    lesson = only(learn(sent(body)))
    assert lesson.organisation == "bitesio.com"
    assert lesson.says_no
    assert lesson.reason.startswith("the user said no")


@pytest.mark.parametrize(
    "body",
    [
        "Not now, but feel free to reach out next year.",
        "Please send pricing by email.",
        "Try me in Q3.",
        "Sounds good, let's talk on Tuesday.",
    ],
)
def test_a_reply_that_leaves_the_door_open_is_engagement(body: str) -> None:
    lesson = only(learn(sent(body)))
    assert lesson.organisation == "bitesio.com"
    assert not lesson.says_no
    assert lesson.reason.startswith("the user engaged")


def test_a_plain_reply_engages() -> None:
    lesson = only(learn(sent("Thanks Dana, see attached.")))
    assert not lesson.says_no
    assert lesson.reason == "the user replied"


def test_no_words_quoted_from_the_vendor_are_not_the_users() -> None:
    body = (
        "Happy to chat on Tuesday.\n\n"
        "On Mon, 2 Jun 2025 at 10:00, Dana Seller <dana@bitesio.com> wrote:\n"
        "> Not interested? Just reply stop and I'll remove you.\n"
    )
    assert not only(learn(sent(body))).says_no


@pytest.mark.parametrize(
    "body",
    [
        "Please remove me. Do not send me pricing or anything else.",
        "Not interested. Not now, not later, not ever.",
    ],
)
def test_a_no_that_negates_an_open_door_is_still_a_no(body: str) -> None:
    assert only(learn(sent(body))).says_no


def test_recipients_at_the_users_own_domain_give_no_lesson() -> None:
    assert learn(sent("Not interested.", to="Bob <bob@example.com>")) == []
    assert learn(sent("Hi team", to="carol@eu.example.com", reply=False)) == []


def test_only_outside_organisations_get_a_lesson() -> None:
    message = sent(
        "Please remove me.",
        to="Dana <dana@bitesio.com>, Sam <sam@mail.bitesio.com>",
        cc="Bob <bob@example.com>",
    )
    lesson = only(learn(message))
    assert lesson.organisation == "bitesio.com"
    assert lesson.says_no


def test_one_lesson_per_organisation_addressed() -> None:
    message = sent("Thanks both.", to="dana@bitesio.com, jo@fleetwise.io", reply=False)
    assert sorted(lesson.organisation for lesson in learn(message)) == [
        "bitesio.com",
        "fleetwise.io",
    ]


def test_a_webmail_recipient_is_the_address_not_the_provider() -> None:
    lesson = only(learn(sent("Not interested.", to="Jane <Jane.Rep@gmail.com>")))
    assert lesson.organisation == "jane.rep@gmail.com"


def test_a_reply_to_a_relay_address_is_for_the_organisation_the_history_names() -> None:
    history = History("bitesio.com")
    message = sent("No thanks, not interested.", to="reply+4kq8z1m7w2d9@relay.hubspotemail.net")
    lesson = only(learn(message, history))
    assert lesson.organisation == "bitesio.com"
    assert lesson.says_no
    assert history.asked == [("pitch-1@bitesio.com",)]


def test_a_relay_address_unknown_to_the_history_is_the_company_behind_it() -> None:
    body = "Sounds good.\n\n> Dana Seller\n> Bitesio\n> www.bitesio.com\n"
    message = sent(body, to="reply+4kq8z1m7w2d9@relay.hubspotemail.net")
    lesson = only(learn(message, History(None)))
    assert lesson.organisation == "bitesio.com"
    assert not lesson.says_no


def test_an_ordinary_address_does_not_ask_the_history() -> None:
    history = History("someone-else.com")
    assert only(learn(sent("Not interested."), history)).organisation == "bitesio.com"
    assert history.asked == []
