"""Every labelled message is classified as labelled: the shared corpus exactly; the project's
own sets (tests/heldout*) with no false alarm, a recall of at least 0.95 on the sets whose misses
were tuned on, and on the sets in RECALL_FLOOR (their false alarms fixed, their misses left as
they were or only partly tuned on, see tests/HELDOUT.md) the recall they reach now, so that a
change that costs any of their hits is seen."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from testbed import unavailable

from inboxguard.classify import Verdict, classify
from inboxguard.explain import explain_file
from inboxguard.message import parse
from inboxguard.user import User

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("INBOXGUARD_CORPUS", HERE.parents[1] / "shared" / "corpus"))
OWN_SETS = sorted(p for p in HERE.glob("heldout*") if (p / "labels.toml").exists())
RECALL_FLOOR: dict[str, float] = {
    "heldout13": 0.94,
    "heldout15": 0.82,
    "heldout16": 0.86,
    "heldout17": 0.88,
    "heldout18": 0.85,
    "heldout20": 0.88,
    "heldout21": 0.82,
    "heldout22": 0.83,
    "heldout23": 0.82,
    "heldout24": 0.89,
    "heldout25": 0.78,
    "heldout26": 0.86,
    "heldout27": 0.94,
    "heldout28": 0.84,
    "heldout29": 0.94,
    "heldout30": 0.84,
    "heldout31": 0.92,
    "heldout32": 0.82,
    "heldout33": 0.86,
    "heldout34": 0.72,
    "heldout35": 0.88,
    "heldout36": 0.86,
    "heldout37": 0.80,
    "heldout38": 0.82,
}
"""Sets whose misses were not all tuned on, at the recall they reach now: heldout22 to 28
untouched since their one measurement but for their false alarms (24 and 26 then partly tuned on:
German and English phrasings, recruiters who fill vacancies); heldout13 and 15-18 with
their misses untuned, but read by the wording model's training; heldout20 and 21 with a first
phrasing for Afrikaans, Malay, Indonesian, Vietnamese, Chinese and Thai; heldout29 to 36 (session
4) with their false alarms fixed and only a few general phrasings their misses showed missing
(German and Dutch bumps and break-ups, a Dutch "heb je nog interesse"); heldout37 and 38 untouched
since their measurement (no false alarm)."""


def _labels(folder: Path) -> list[dict[str, str]]:
    return tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))["message"]


def _judge(folder: Path, file: str) -> Verdict:
    """As `guard explain` judges a message alone; a set whose user has more domains than the
    recipient's names them in `user_domains`, as the user's config would."""
    domains = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8")).get(
        "user_domains", []
    )
    return explain_file((folder / file).read_bytes(), None, own_domains=tuple(domains)).verdict


def _corpus_labels() -> list[dict[str, str]]:
    if not (CORPUS / "messages" / "labels.toml").exists():
        unavailable(f"the shared corpus is not beside the project ({CORPUS})")
    return _labels(CORPUS / "messages")


def test_every_corpus_message_is_classified_as_labelled() -> None:
    wrong = []
    for label in _corpus_labels():
        verdict = explain_file((CORPUS / "messages" / label["file"]).read_bytes(), None).verdict
        if (verdict.kind, verdict.vendor) != (label["verdict"], label.get("vendor")):
            wrong.append(
                f"{label['file']}: {label['verdict']} {label.get('vendor')} -> "
                f"{verdict.kind} {verdict.vendor} ({verdict.summary()})"
            )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", OWN_SETS, ids=[p.name for p in OWN_SETS])
def test_own_sets_have_no_false_alarm_and_high_recall(folder: Path) -> None:
    false_alarms, missed, positives = [], [], 0
    for label in _labels(folder):
        verdict = _judge(folder, label["file"])
        if label["verdict"] == "other":
            if verdict.kind != "other":
                false_alarms.append(f"{label['file']}: {verdict.kind} ({verdict.summary()})")
            continue
        positives += 1
        if verdict.kind == "other" or verdict.vendor != label.get("vendor"):
            missed.append(label["file"])
    assert not false_alarms, "\n".join(false_alarms)
    least = RECALL_FLOOR.get(folder.name, 0.95)
    recall = 1 - len(missed) / positives
    assert recall >= least, f"recall {recall:.2f}: missed {len(missed)} of {positives}: {missed}"


@pytest.mark.parametrize("folder", OWN_SETS, ids=[p.name for p in OWN_SETS])
def test_stopping_once_the_verdict_is_certain_never_changes_it(folder: Path) -> None:
    """The guard weighs phrasing only until the verdict is certain (`complete=False`); `guard
    explain` weighs it all. Both must judge every message alike."""
    differ = []
    for label in _labels(folder):
        message = parse((folder / label["file"]).read_bytes())
        address = message.delivered_to[0] if message.delivered_to else "user@invalid"
        user = User(address, "", (address.rpartition("@")[2],))
        quick = classify(message, user, complete=False)
        full = classify(message, user)
        if (quick.kind, quick.vendor) != (full.kind, full.vendor):
            differ.append(f"{label['file']}: {quick.kind} quickly, {full.kind} in full")
    assert not differ, "\n".join(differ)
