"""The wording model: its features, its arithmetic, its file, and how the classifier weighs it."""

from __future__ import annotations

import math
import re

import pytest
from builders import build

from inboxguard.classify import WEIGHTS, classify
from inboxguard.message import parse
from inboxguard.user import User
from inboxguard.wording import WordingModel, features, shipped_model

USER = User("alan@porter-kitchens.com", "Alan Porter", ("porter-kitchens.com",))


def test_features_are_the_words_and_word_pairs_without_links() -> None:
    assert features("Worth 15 minutes? See https://bitesio.com/demo") == {
        "worth",
        "15",
        "minutes",
        "see",
        "worth 15",
        "15 minutes",
        "minutes see",
    }


def test_a_reading_is_the_logistic_of_the_normalised_sum_and_names_the_strongest_words() -> None:
    model = WordingModel(-1.0, {"demo": 2.0, "pricing": 1.0, "invoice": -3.0})
    reading = model.read("demo pricing invoice lunch")
    assert reading.probability == pytest.approx(1 / (1 + math.exp(1.0)))  # (2 + 1 - 3) / √3 = 0
    assert reading.for_sales == ("demo", "pricing")
    assert model.read("nothing known here").probability == pytest.approx(1 / (1 + math.e))


def test_a_model_survives_its_file() -> None:
    model = WordingModel(-0.25, {"demo": 1.5, "15 minutes": 0.75, "invoice": -2.0})
    assert WordingModel.parse("\n".join(model.lines())) == model


def test_the_shipped_model_is_loaded_and_reads_a_pitch_as_sales_and_an_invoice_not() -> None:
    model = shipped_model()
    assert len(model.weights) > 10_000
    pitch = model.read("Worth 15 minutes next week to see how we cut your food waste by 30%?")
    invoice = model.read("Please find attached invoice 2291 for the March delivery. Thanks!")
    assert pitch.probability > 0.5 > invoice.probability


PITCH = (
    "Hi Alan,\n\nkitchens like yours cut food waste by 30% with our platform. "
    "Would you be open to a short demo next week?\n\nDana\nBitesio | bitesio.com\n"
)


def test_wording_counts_for_a_companys_pitch_up_to_its_weight_and_not_at_weight_zero() -> None:
    message = parse(build(body=PITCH))
    worded = [s for s in classify(message, USER).signals if s.name == "wording"]
    assert len(worded) == 1
    assert 0 < worded[0].weight <= WEIGHTS["wording"]
    assert re.match(r"worded like sales mail \((?:0\.\d\d|1\.00): \"", worded[0].reason)
    off = classify(message, USER, weights={"wording": 0})
    assert "wording" not in {s.name for s in off.signals}


def test_wording_never_counts_for_a_private_person() -> None:
    friend = build(
        sender="Joost <joost.vd@gmail.com>", body=PITCH.replace("Bitesio | bitesio.com", "")
    )
    assert "wording" not in {s.name for s in classify(parse(friend), USER).signals}


def test_words_that_weigh_alike_are_named_in_one_order_whatever_the_hash_seed() -> None:
    model = WordingModel(0.0, {"zeta": 1.0, "alpha": 1.0, "mid": 1.0, "low": 0.5})
    assert model.read("zeta low mid alpha").for_sales == ("alpha", "mid", "zeta")
