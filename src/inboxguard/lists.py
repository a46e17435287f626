"""The allow and block lists: addresses, or domains that cover their subdomains."""

from __future__ import annotations

from dataclasses import dataclass

from .organisation import identity, registrable_domain


def entry_matches(entry: str, address: str) -> bool:
    """`boss@bigco.example` matches that address; `bigco.example` its domain and subdomains."""
    address = address.lower()
    if "@" in entry:
        return address == entry
    domain = address.rpartition("@")[2]
    return domain == entry or domain.endswith("." + entry)


def entry_organisation(entry: str) -> str:
    """The vendor a block-list entry tells no: an address's identity, a domain's organisation."""
    return identity(entry) if "@" in entry else registrable_domain(entry)


@dataclass(frozen=True)
class Lists:
    """The user's allow and block lists, lower-cased."""

    allow: tuple[str, ...] = ()
    block: tuple[str, ...] = ()

    def allowed(self, *addresses: str) -> str | None:
        """The allow-list entry that matches any of `addresses`, if one does."""
        return _first_match(self.allow, addresses)

    def blocked(self, *addresses: str) -> str | None:
        return _first_match(self.block, addresses)

    def blocks_organisation(self, organisation: str | None) -> str | None:
        """The block-list entry that names `organisation` itself (for relayed mail)."""
        if organisation is None:
            return None
        for entry in self.block:
            if entry_organisation(entry) == organisation:
                return entry
        return None


def _first_match(entries: tuple[str, ...], addresses: tuple[str, ...]) -> str | None:
    for entry in entries:
        for address in addresses:
            if address and entry_matches(entry, address):
                return entry
    return None
