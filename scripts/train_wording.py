"""Train the wording model on labelled sets and write it to src/inboxguard/wording.tsv.

    pip install -e '.[train]'
    python scripts/train_wording.py tests/heldout tests/heldout2 … ../shared/corpus/messages

Each folder holds .eml files and a labels.toml (format: ../shared/corpus/README.md). The model
reads what the classifier weighs — the subject, an invitation's words and the sender's own
text — and learns which words and word pairs mark sales mail.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from inboxguard.classify import own_words
from inboxguard.message import parse
from inboxguard.wording import MODEL_FILE, WordingModel, features

REGULARISATION = 100.0
"""sklearn's C, chosen by leaving one labelled set out at a time (README: Recognition)."""
MIN_MESSAGES = 2
"""A word must occur in this many messages to be weighed: one message's names are noise."""
MAX_SHARE = 0.1
"""A word in more than this share of all messages ("the", "und", "de") says nothing of sales."""


def labelled(folders: list[Path]) -> tuple[list[str], list[bool]]:
    texts, sales = [], []
    for folder in folders:
        for label in tomllib.loads((folder / "labels.toml").read_text())["message"]:
            texts.append(own_words(parse((folder / label["file"]).read_bytes())))
            sales.append(label["verdict"] != "other")
    return texts, sales


def train(texts: list[str], sales: list[bool]) -> WordingModel:
    vectoriser = CountVectorizer(
        analyzer=features, binary=True, min_df=MIN_MESSAGES, max_df=MAX_SHARE
    )
    matrix = normalize(vectoriser.fit_transform(texts))
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=5000)
    model.fit(matrix, sales)
    weights = dict(zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True))
    return WordingModel(float(model.intercept_[0]), {f: float(w) for f, w in weights.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path("src/inboxguard") / MODEL_FILE)
    args = parser.parse_args()
    model = train(*labelled(args.folders))
    args.out.write_text("\n".join(model.lines()) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(model.weights)} words and word pairs from {len(args.folders)} sets")


if __name__ == "__main__":
    main()
