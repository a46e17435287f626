"""The user the guard works for: addresses, name and organisation."""

from __future__ import annotations

from dataclasses import dataclass

from .organisation import registrable_domain


@dataclass(frozen=True)
class User:
    """Who the mailbox belongs to. `domains` are the user's own organisation(s)."""

    email: str
    name: str = ""
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset(a.lower() for a in (self.email, *self.aliases))

    @property
    def organisations(self) -> frozenset[str]:
        own = self.domains or (self.email.rpartition("@")[2],)
        return frozenset(registrable_domain(d) for d in own)

    @property
    def organisation(self) -> str:
        own = self.domains or (self.email.rpartition("@")[2],)
        return registrable_domain(own[0])

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""

    def is_own_address(self, address: str) -> bool:
        return address.lower() in self.addresses

    def is_own_domain(self, domain: str) -> bool:
        return registrable_domain(domain) in self.organisations

    def is_colleague(self, address: str) -> bool:
        """The user, or someone at the user's own organisation(s)."""
        return self.is_own_address(address) or self.is_own_domain(address.rpartition("@")[2])
