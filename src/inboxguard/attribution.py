"""Attribution: the organisation behind a message — its sender's, its organiser's, the company a
relay or webmail rep writes for, or a known vendor's second brand. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .calendar import CalendarRequest
from .history import History, NoHistory
from .ledger import VendorState
from .message import Address, Message
from .organisation import (
    brand_of,
    company_behind,
    identity,
    is_platform,
    is_relay_address,
    is_webmail,
    registrable_domain,
)
from .user import User
from .words import signature, strip_quotes


def attribute(
    message: Message,
    user: User,
    history: History | None = None,
    *,
    read_body: bool = True,
    invite: CalendarRequest | None = None,
) -> str | None:
    """The organisation behind a message: its sender's; for a calendar request sent through a
    platform, its organiser's; the company a relay or webmail rep writes for; or the known
    vendor or the brand its signature names (a sending domain such as `trygrowthkiln.com`). With
    `read_body` false, only what the headers tell."""
    sender = message.sender
    if sender is None:
        return None
    history = history or NoHistory()
    own = set(user.organisations)
    if invite is not None and invite.organizer and _sent_for_organizer(message, sender, invite):
        return identity(invite.organizer)
    if _relayed(message, sender, read_body):
        human_reply = [a for a in message.reply_to if not is_relay_address(a.email)]
        if human_reply and not is_platform(human_reply[0].domain):
            return identity(human_reply[0].email)
        sending = registrable_domain(sender.domain)
        if not read_body or _names_itself(message, sender, sending):
            return sending
        exclude = own | {sending}
        behind = company_behind(message.text, message.html, exclude)
        behind = behind or _unsubscribing_company(message, exclude)
        return behind or _platform_customer(sender.domain)
    if is_webmail(sender.domain):
        behind = company_behind(message.text, "", own) if read_body else None
        return behind or sender.email
    organisation = registrable_domain(sender.domain)
    if not read_body:
        return organisation
    label = organisation.split(".")[0]
    others = own | {organisation}
    signed = company_behind(signature(strip_quotes(message.text)), "", others)
    signed = signed or company_behind(signature(message.text), "", others)  # the quoted pitch's
    if signed and _second_brand_of(label, signed):
        return signed
    known = history.vendor_brands()
    for brand in _substrings(label):
        other = known.get(brand)
        if (
            other
            and other != organisation
            and not _is_known_vendor(history.vendor(organisation))
            and company_behind(message.text, "", own | {organisation}) == other
        ):
            return other
    return organisation


def _sent_for_organizer(message: Message, sender: Address, invite: CalendarRequest) -> bool:
    """A scheduling platform sending an invite on behalf of its organiser."""
    organizer = identity(invite.organizer or "")
    if organizer == identity(sender.email):
        return False
    replies = {identity(a.email) for a in message.reply_to}
    return organizer in replies or message.has_header("sender") or is_platform(sender.domain)


_LEADING_WORD = re.compile(r"[a-z]{4,}")
_BRAND_LIKE = re.compile(r"^(?=.*\d)[a-z0-9.-]+$|^[a-z]{4,}$")
_SENT_VIA = re.compile(r"^\s*sent via [A-Z]\w+\s*$", re.M | re.I)


def _relayed(message: Message, sender: Address, read_body: bool = True) -> bool:
    """Sent through a platform on someone else's behalf: a relay address (as From or
    Reply-To), a platform domain, a "Sent via" footer, or a local part that names the company
    the signature names."""
    if _sent_from_platform(sender):
        return True
    if any(is_relay_address(a.email) for a in message.reply_to):
        return True
    if not read_body or not _BRAND_LIKE.match(sender.local):
        return False  # a person's own address: no need to read the body
    if _SENT_VIA.search(message.text):
        return True
    local_brand = _LEADING_WORD.match(sender.local)
    behind = company_behind(message.text, message.html, {registrable_domain(sender.domain)})
    return bool(local_brand and behind and brand_of(behind) == local_brand.group(0))


def _sent_from_platform(sender: Address) -> bool:
    return is_relay_address(sender.email) or is_platform(sender.domain)


def _names_itself(message: Message, sender: Address, sending: str) -> bool:
    """A company writing from its own domain, with only the replies relayed (Intercom's
    `reply+…@intercom-mail.com`), names that domain in its mail; a sending service's does not."""
    if _sent_from_platform(sender) or is_webmail(sender.domain):
        return False
    return sending in f"{message.text}\n{message.html}".lower()


def _platform_customer(domain: str) -> str:
    """A platform's customer named by nothing but its sending host: the host itself
    (`glowmetric.intercom-mail.com`), so that one customer's no never files another's mail."""
    return domain.lower() if is_platform(domain) else registrable_domain(domain)


_LINK = re.compile(r"https?://([^/>\s:?#]+)", re.I)


def _unsubscribing_company(message: Message, exclude: set[str]) -> str | None:
    """A platform's customer whose mail names no domain of its own may still be named by the
    unsubscribe link the platform adds (`<https://intercom.dockit.app/unsubscribe/…>`)."""
    for host in _LINK.findall(message.header("list-unsubscribe") or ""):
        domain = registrable_domain(host)
        if domain not in exclude and not is_platform(domain):
            return domain
    return None


SECOND_BRAND_AFFIX = 6
"""Letters a cold-mail sending domain adds to the brand it sends for: `trygrowthkiln.com`,
`getkeelgard.io`, `growthkilnhq.com`."""

_AFFIXES = re.compile(
    r"^(?:try|get|use|go|join|meet|with|hey|hello|team|mail|email|the|my)"
    r"|(?:hq|app|mail|team|io|labs|group|global|capital|solutions|systems|software|digital)$"
)


def _second_brand_of(label: str, signed: str) -> bool:
    """Whether a domain label is a sending variant of the brand its signature names: the brand
    with a few letters added, or both the same once `try-`, `get`, `-hq`, `capital` and the like
    are off (`try-tutorly` and `tutorlyhq`, `getstackbridge` and `stackbridgecapital`), or the
    sending label without its `get` the brand's first word (`getthreadline`, `threadlinescrubs`),
    or the signed name and a word after a hyphen (`vts-labo-verrerie` for `vts-labo.fr`)."""
    signed_label = signed.split(".")[0]
    if len(signed_label) >= 4 and label.startswith(f"{signed_label}-"):
        return True
    brand = brand_of(signed)
    if brand is None:
        return False
    sending, signed = label.replace("-", ""), brand.replace("-", "")
    if sending == signed:
        return False
    if len(signed) >= 5 and signed in sending and len(sending) - len(signed) <= SECOND_BRAND_AFFIX:
        return True
    core, sending_core = _AFFIXES.sub("", signed), _AFFIXES.sub("", sending)
    if len(core) >= 5 and sending_core == core:
        return True
    return sending_core != sending and len(sending_core) >= 6 and signed.startswith(sending_core)


def _is_known_vendor(state: VendorState) -> bool:
    return state.outreach > 0 or state.no_at is not None or state.declined


def _substrings(label: str, shortest: int = 4) -> Iterator[str]:
    """Every part of a domain label a brand could be: `gobinwright` holds `binwright`."""
    for start in range(len(label)):
        for end in range(start + shortest, len(label) + 1):
            yield label[start:end]
