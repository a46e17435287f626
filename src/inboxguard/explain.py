"""Explaining: the verdict and decision for one message file, with every signal and reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .classify import OTHER, Verdict, classify
from .config import Config, Policy, default_policy
from .history import History, NoHistory
from .ledger import Ledger, VendorState, utcnow
from .lists import Lists
from .message import Message, parse
from .policy import Circumstances, Decision, decide
from .run import user_of
from .user import User


@dataclass(frozen=True)
class Explanation:
    """A message judged: the verdict, what the guard would do, and for whom it judged."""

    message: Message
    verdict: Verdict
    decision: Decision
    user: User
    count: int

    def as_json(self) -> dict[str, object]:
        return {
            "verdict": self.verdict.kind,
            "vendor": self.verdict.vendor,
            "organisation": self.verdict.organisation,
            "score": round(self.verdict.score, 2),
            "signals": [
                {"name": s.name, "weight": s.weight, "reason": s.reason}
                for s in self.verdict.signals
            ],
            "decision": {"action": self.decision.action, "reasons": list(self.decision.reasons)},
            "user": self.user.email,
            "message_id": self.message.message_id,
        }


def explain_file(
    raw: bytes,
    config_path: Path | None,
    now: datetime | None = None,
    own_domains: tuple[str, ...] = (),
) -> Explanation:
    """Judge a message as the guard would: with the config and ledger when `config_path` names a
    config, else alone, taking its recipient to be the user (at `own_domains` too, if given)."""
    message = parse(raw)
    if config_path is None:
        user = _recipient_user(message, own_domains)
        return explain(message, user, Lists(), NoHistory(), default_policy(), now)
    from .config import load

    config: Config = load(config_path)
    lists = Lists(config.lists.allow, config.lists.block)
    if not config.storage_path.exists():
        return explain(message, user_of(config), lists, NoHistory(), config.policy, now, config)
    ledger = Ledger.open(config.storage_path)
    try:
        return explain(message, user_of(config), lists, ledger, config.policy, now, config)
    finally:
        ledger.close()


def explain(
    message: Message,
    user: User,
    lists: Lists,
    history: History,
    policy: Policy,
    now: datetime | None = None,
    config: Config | None = None,
) -> Explanation:
    verdict = classify(message, user, lists, history, config.weights if config else None)
    organisation = verdict.organisation
    state = history.vendor(organisation) if organisation else VendorState("")
    decision = decide(message, verdict, state, user, policy, Circumstances(arrived=now or utcnow()))
    return Explanation(message, verdict, decision, user, state.outreach + 1)


def _recipient_user(message: Message, own_domains: tuple[str, ...] = ()) -> User:
    """The user of a message judged alone: Delivered-To, else the first To."""
    address = (
        message.delivered_to[0]
        if message.delivered_to
        else (message.to[0].email if message.to else "user@invalid")
    )
    return User(address, "", (address.rpartition("@")[2], *own_domains))


def render_explanation(explanation: Explanation) -> str:
    verdict = explanation.verdict
    decision = explanation.decision
    who = verdict.organisation or "an unknown sender"
    evidence = "; ".join(s.reason for s in verdict.signals if s.weight or verdict.kind == OTHER)
    head = f"{verdict.kind} from {who}"
    if evidence:
        head += f" — {evidence}"
    action = {
        "keep": "keep",
        "file": "file",
        "decline": "decline",
        "decline-invite": "decline the invite",
    }
    lines = [
        head,
        f"→ would {action.get(decision.action, decision.action)}: {'; '.join(decision.reasons)}",
    ]
    lines.append(f"  (judged for {explanation.user.email}; score {verdict.score:.1f})")
    return "\n".join(lines)
