"""History: what judging a message may ask of the ledger, and the history of one judged alone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .ledger import VendorState


class History(Protocol):
    """What the classifier may ask of the ledger (the ledger is one)."""

    def vendor(self, organisation: str) -> VendorState: ...

    def is_mine(self, message_id: str) -> bool: ...

    def organisation_of(self, message_ids: tuple[str, ...]) -> str | None: ...

    def template_seen(self, organisation: str, fingerprint: str) -> bool: ...

    def thread_verdict(self, message_ids: tuple[str, ...], organisation: str) -> str | None: ...

    def vendor_brands(self) -> Mapping[str, str]:
        """The brand of every vendor known (outreach counted or told no): brand -> vendor."""
        ...


class NoHistory:
    """The history of a message judged alone: nobody known, nothing sent."""

    def vendor(self, organisation: str) -> VendorState:
        return VendorState(organisation)

    def is_mine(self, message_id: str) -> bool:
        return False

    def organisation_of(self, message_ids: tuple[str, ...]) -> str | None:
        return None

    def template_seen(self, organisation: str, fingerprint: str) -> bool:
        return False

    def thread_verdict(self, message_ids: tuple[str, ...], organisation: str) -> str | None:
        return None

    def vendor_brands(self) -> Mapping[str, str]:
        return {}
