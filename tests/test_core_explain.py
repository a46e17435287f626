"""explain: one message judged as the guard would, with every signal and reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from builders import build

from inboxguard.classify import OUTREACH
from inboxguard.config import default_policy
from inboxguard.explain import explain, explain_file, render_explanation
from inboxguard.ledger import Ledger
from inboxguard.lists import Lists
from inboxguard.message import parse
from inboxguard.user import User

NOW = datetime(2025, 6, 3, 9, 30, tzinfo=UTC)
PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)


def test_explain_alone_gives_the_contract_json() -> None:
    explanation = explain_file(build(body=PITCH), None, NOW)
    data = json.loads(json.dumps(explanation.as_json()))
    assert data["verdict"] == "outreach"
    assert data["vendor"] == "bitesio.com"
    assert data["signals"]
    assert all(s["name"] and s["reason"] for s in data["signals"])
    assert data["decision"]["action"] == "keep"
    assert data["decision"]["reasons"]
    assert data["message_id"] == "pitch-1@bitesio.com"


def test_explain_alone_takes_the_recipient_to_be_the_user() -> None:
    raw = build(to="Sam <sam@kitchens.co.uk>", body=PITCH)
    explanation = explain_file(raw, None, NOW)
    assert explanation.user.email == "sam@kitchens.co.uk"
    assert explanation.user.organisation == "kitchens.co.uk"
    assert explanation.as_json()["user"] == "sam@kitchens.co.uk"


def test_explain_alone_prefers_delivered_to() -> None:
    raw = build(to="team@kitchens.co.uk", body=PITCH, headers={"Delivered-To": "jo@kitchens.co.uk"})
    assert explain_file(raw, None, NOW).user.email == "jo@kitchens.co.uk"


def test_explain_of_a_colleague_is_other_with_a_null_vendor() -> None:
    raw = build(sender="Bob <bob@example.com>", body=PITCH)
    data = explain_file(raw, None, NOW).as_json()
    assert data["verdict"] == "other"
    assert data["vendor"] is None
    assert [s["name"] for s in data["signals"]] == ["own-organisation"]  # type: ignore[index]


def test_explain_with_the_ledger_counts_earlier_outreach(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.sqlite3")
    try:
        with ledger.transaction():
            ledger.count_outreach("bitesio.com", NOW)
        user = User("alan@example.com", "Alan Porter", ("example.com",))
        explanation = explain(
            parse(build(body=PITCH)), user, Lists(), ledger, default_policy(), NOW
        )
    finally:
        ledger.close()
    assert explanation.verdict.kind == OUTREACH
    assert explanation.count == 2
    assert explanation.decision.action == "decline"


def test_render_explanation_names_the_verdict_and_the_action() -> None:
    text = render_explanation(explain_file(build(body=PITCH), None, NOW))
    assert text.startswith("outreach from bitesio.com")
    assert "→ would keep" in text
    assert "follow-up phrasing" in text
    assert "judged for alan@example.com" in text
