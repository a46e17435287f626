"""Organisations (registrable domains, webmail, relays, signatures) and the allow/block lists."""

from __future__ import annotations

import pytest

from inboxguard.lists import Lists, entry_matches, entry_organisation
from inboxguard.organisation import (
    company_behind,
    identity,
    is_platform,
    is_relay_address,
    is_webmail,
    mentioned_domains,
    registrable_domain,
)
from inboxguard.user import User

SIGNATURE = (
    "Hi Alan,\n\nWorth a quick chat about food waste?\n\n"
    "Dana Seller\nHead of Sales, Bitesio\nwww.bitesio.com | linkedin.com/in/danaseller\n"
)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("mail.x.co.uk", "x.co.uk"),
        ("x.co.uk", "x.co.uk"),
        ("eu.mail.bitesio.com", "bitesio.com"),
        ("MAIL.Bitesio.COM.", "bitesio.com"),
        ("bitesio.com", "bitesio.com"),
        ("shop.example.com.au", "example.com.au"),
        ("a.b.vendor.example", "vendor.example"),
    ],
)
def test_registrable_domain(host: str, expected: str) -> None:
    assert registrable_domain(host) == expected


def test_registrable_domain_of_an_idn_is_its_ascii_form() -> None:
    assert registrable_domain("post.münchen-metall.de") == "xn--mnchen-metall-wob.de"


def test_webmail_identity_is_the_address() -> None:
    assert is_webmail("gmail.com")
    assert is_webmail("hotmail.co.uk")
    assert is_webmail("telia.com")
    assert identity("Jane.Doe@Gmail.com") == "jane.doe@gmail.com"
    assert identity("jane@gmail.com") != identity("john@gmail.com")


@pytest.mark.parametrize("domain", ["hotmail.dk", "outlook.dk", "live.no", "yahoo.com.ar"])
def test_a_big_provider_is_webmail_in_every_country(domain: str) -> None:
    """Each is a person's address, never an organisation that one vendor's no would file."""
    assert is_webmail(domain)
    assert identity(f"jesper@{domain}") != identity(f"anne@{domain}")


def test_company_identity_is_the_registrable_domain() -> None:
    assert not is_webmail("bitesio.com")
    assert identity("Dana@eu.mail.Bitesio.com") == "bitesio.com"
    assert identity("dana@bitesio.com") == identity("sam@news.bitesio.com")


@pytest.mark.parametrize(
    "address",
    [
        "reply+4kq8z1m7w2d9@relay.example",
        "reply.4kq8z1m7w2d9x@mail.somecrm.com",
        "bounces+a1b2c3d4e5@em.vendor.com",
        "jane+abc@hubspotemail.net",
    ],
)
def test_relay_addresses(address: str) -> None:
    assert is_relay_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "reply@bitesio.com",
        "dana+news@bitesio.com",
        "reply+abc@bitesio.com",
        "dana@bitesio.com",
        "r.meyer-lorenz@foerderlotse-logistik.de",
        "c.vandenberghe@sablon-events.be",
    ],
)
def test_ordinary_addresses_are_not_relays(address: str) -> None:
    assert not is_relay_address(address)


def test_platforms() -> None:
    assert is_platform("t.hubspotemail.net")
    assert is_platform("app.outreach.io")
    assert not is_platform("bitesio.com")


def test_company_behind_a_signature() -> None:
    assert company_behind(SIGNATURE, "", set()) == "bitesio.com"


def test_company_behind_leaves_out_excluded_platforms_and_common_domains() -> None:
    assert company_behind(SIGNATURE, "", {"bitesio.com"}) is None
    text = "Thanks\n\nSent via HubSpot\nhubspot.com | linkedin.com | gmail.com\n"
    assert company_behind(text, "", set()) is None
    assert company_behind("no domains here at all", "", set()) is None


def test_of_two_domains_named_as_often_the_company_behind_is_the_one_named_last() -> None:
    text = "I saw your advert on jobboard.pl.\n\nPiotr Nowak\nAgencja Most\nwww.mostpraca.pl\n"
    assert company_behind(text, "", set()) == "mostpraca.pl"


def test_company_behind_reads_links_in_html() -> None:
    markup = (
        '<a href="https://app.fleetwise.io/demo">demo</a>'
        '<img src="https://t.hubspotemail.net/e2t/o/abc">'
    )
    assert company_behind("Thanks", markup, set()) == "fleetwise.io"


def test_signature_mentions_weigh_more_than_a_mention_in_the_body() -> None:
    filler = "".join(f"Line {n} of a long pitch.\n" for n in range(16))
    text = "We compared us with rivalco.com last year.\n" + filler + SIGNATURE
    counts = mentioned_domains(text)
    assert counts["bitesio.com"] > counts["rivalco.com"] > 0
    assert company_behind(text, "", set()) == "bitesio.com"


def test_user_organisation() -> None:
    user = User("Alan@Example.com", "Alan Porter", ("mail.example.com", "example.org"))
    assert user.organisation == "example.com"
    assert user.organisations == frozenset({"example.com", "example.org"})
    assert user.is_own_address("ALAN@example.com")
    assert user.is_colleague("bob@eu.example.org")
    assert not user.is_colleague("bob@notexample.com")
    assert user.first_name == "Alan"


def test_user_without_domains_is_of_its_address_domain() -> None:
    user = User("alan@mail.x.co.uk", aliases=("a.porter@x.co.uk",))
    assert user.organisation == "x.co.uk"
    assert user.addresses == frozenset({"alan@mail.x.co.uk", "a.porter@x.co.uk"})
    assert user.first_name == ""


# lists


def test_address_entry_matches_only_that_address() -> None:
    assert entry_matches("boss@bigco.example", "Boss@BigCo.example")
    assert not entry_matches("boss@bigco.example", "other@bigco.example")


def test_domain_entry_covers_subdomains() -> None:
    assert entry_matches("bitesio.com", "dana@bitesio.com")
    assert entry_matches("bitesio.com", "dana@eu.mail.bitesio.com")


def test_domain_entry_is_not_a_suffix_match() -> None:
    assert not entry_matches("bitesio.com", "dana@notbitesio.com")
    assert not entry_matches("bitesio.com", "dana@bitesio.com.evil.example")


def test_lists_allowed_and_blocked() -> None:
    lists = Lists(
        allow=("boss@bigco.example", "partner.example"),
        block=("bitesio.com", "jane@gmail.com"),
    )
    assert lists.allowed("x@y.example", "boss@bigco.example") == "boss@bigco.example"
    assert lists.allowed("x@eu.partner.example") == "partner.example"
    assert lists.allowed("x@notpartner.example") is None
    assert lists.allowed("") is None
    assert lists.blocked("x@mail.bitesio.com") == "bitesio.com"
    assert lists.blocked("x@notbitesio.com") is None
    assert lists.blocked("jane@gmail.com") == "jane@gmail.com"
    assert lists.blocked("john@gmail.com") is None


def test_block_entries_name_organisations() -> None:
    lists = Lists(block=("mail.bitesio.com", "jane@gmail.com", "dana@fleetwise.io"))
    assert lists.blocks_organisation("bitesio.com") == "mail.bitesio.com"
    assert lists.blocks_organisation("jane@gmail.com") == "jane@gmail.com"
    assert lists.blocks_organisation("fleetwise.io") == "dana@fleetwise.io"
    assert lists.blocks_organisation("gmail.com") is None
    assert lists.blocks_organisation(None) is None
    assert entry_organisation("Jane@Gmail.com") == "jane@gmail.com"
