"""How much a message's own words read like sales mail: a logistic model over its words and
word pairs, trained on the labelled sets by `scripts/train_wording.py` and shipped as
`wording.tsv`. It weighs vocabulary no phrasing lists — in any language the sets hold."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

_TOKEN = re.compile(r"\w+")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.I)


def features(text: str) -> set[str]:
    """The words and word pairs of `text`, lower-cased, links left out."""
    tokens = _TOKEN.findall(_LINK.sub(" ", text.lower()))
    return {*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))}


@dataclass(frozen=True)
class Reading:
    """The model's view of one text: the probability that it is sales mail, and the words that
    weighed most for it."""

    probability: float
    for_sales: tuple[str, ...]


@dataclass(frozen=True)
class WordingModel:
    bias: float
    weights: Mapping[str, float]

    def read(self, text: str, shown: int = 3) -> Reading:
        present = [f for f in features(text) if f in self.weights]
        scale = 1 / math.sqrt(len(present)) if present else 0.0
        logit = self.bias + scale * sum(self.weights[f] for f in present)
        strongest = sorted(present, key=lambda f: (-self.weights[f], f))[:shown]  # ties: by name
        return Reading(
            1 / (1 + math.exp(-logit)), tuple(f for f in strongest if self.weights[f] > 0)
        )

    def lines(self) -> Iterable[str]:
        yield f"\t{self.bias:.4f}"
        for feature, weight in sorted(self.weights.items()):
            yield f"{feature}\t{weight:.4f}"

    @classmethod
    def parse(cls, text: str) -> WordingModel:
        bias, weights = 0.0, {}
        for line in text.splitlines():
            feature, _, weight = line.rpartition("\t")
            if feature:
                weights[feature] = float(weight)
            else:
                bias = float(weight)
        return cls(bias, weights)


MODEL_FILE = "wording.tsv"


@cache
def shipped_model() -> WordingModel:
    return WordingModel.parse(resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8"))
