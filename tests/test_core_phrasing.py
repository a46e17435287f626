"""Phrasing: the patterns are compiled for speed (one shared `\\b`) without changing what they
match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inboxguard.phrasing import BUYER, RELATIONSHIP, _alternatives, _phrasing

PATTERNS = (
    r"\b(?:quick|short) (?:call|chat)\b|\bbook (?:a )?demo",
    r"\b(?:ab|ac)+d\b|x\b(?:y|z)",
    r"\b(?:a|b)?c\b|\b[|(]d",
    r"\d+ ?%|\bfree (?:trial|pilot)s?\b",
    r"(?:^|\n)\s*(?:compras|einkauf)\b|\b(?:jd|cv)\b",
)


def test_alternatives_split_only_at_the_top_level() -> None:
    assert _alternatives(r"a|(b|c)|[|]d|\|e") == ["a", "(b|c)", "[|]d", r"\|e"]


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, derandomize=True)
@given(text=st.text(alphabet="abcdxyz |(%1\nquickshortcalldemofreetrialjdcv", max_size=40))
def test_the_compiled_phrasing_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    compiled = _phrasing("name", "reason", pattern)
    assert bool(compiled.pattern.search(text)) == bool(re.search(pattern, text))


def test_a_buyer_asks_for_prices_and_a_vendor_offers_its_own() -> None:
    assert BUYER.find("Could you send us your price list for 2027?")
    assert not BUYER.find("Would you like me to send our price list and some photos?")


def test_a_buyers_czech_enquiry_is_theirs_and_a_vendor_answering_yours_is_not() -> None:
    assert BUYER.find("posíláme vám poptávku na dodávku 40 t plechu")
    assert BUYER.find("Naše poptávka č. 2026/114 je v příloze.")
    assert not BUYER.find("Rádi bychom vám nabídli spolupráci, pokud máte nějakou poptávku.")


def test_a_vendor_pointing_at_its_own_earlier_mail_is_no_relationship() -> None:
    assert RELATIONSHIP.find("As discussed on Tuesday, the contract is attached.")
    assert not RELATIONSHIP.find("As discussed in my earlier emails, we cut freight costs.")
    assert RELATIONSHIP.find("Thanks for sending the deck before the partner meeting.")
    assert not RELATIONSHIP.find("Happy to send you the deck if useful.")
