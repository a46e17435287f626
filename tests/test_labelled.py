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
    "heldout15": 0.94,
    "heldout16": 0.94,
    "heldout17": 0.94,
    "heldout21": 0.94,
    "heldout23": 0.90,
    "heldout47": 0.94,
    "heldout54": 0.88,
    "heldout67": 0.94,
    "heldout68": 0.94,
    "heldout108": 0.94,
    "heldout117": 0.94,
    "heldout118": 0.92,
    "heldout119": 0.90,
    "heldout121": 0.94,
    "heldout122": 0.90,
    "heldout125": 0.92,
    "heldout127": 0.86,
    "heldout129": 0.92,
    "heldout130": 0.82,
    "heldout131": 0.94,
    "heldout133": 0.92,
}
"""Sets below 0.95, at the recall they reach now. Sets 1 to 117 train the wording model, so for
them this is recall on mail the model has read (118 and later it has not); what each set measured
once, on mail nobody had tuned for, is in tests/HELDOUT.md and the README. The misses left here
were never tuned on one by one (heldout13 and 15-18; 22-133 but for general phrasings their misses
showed missing)."""


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
