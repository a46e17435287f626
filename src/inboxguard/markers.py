"""Markers in a message's headers: forged senders, automatic responses, list and bulk mail,
whether the user is addressed, and RFC 3834's cases where nobody may answer. Pure."""

from __future__ import annotations

import re

from .message import Message
from .organisation import is_relay_address, registrable_domain
from .user import User

_AUTOMATIC_LOCAL = re.compile(
    r"^(?:mailer-daemon|postmaster|listserv|majordomo|owner-.*|.*-request|.*no-?reply.*|"
    r"do-?not-?reply.*|bounces?(?:[+-].*)?|notifications?|microsoftexchange.*)$"
)
_AUTO_SUBJECT = re.compile(
    r"^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|"
    r"abwesenheit(?:snotiz|\b)|absence(?:\s*[:(\-–]|\s+(?:du|de|from|notice|until|jusqu)\b|$)|"
    r"réponse automatique|respuesta automática|undeliverable|"
    r"delivery status notification|read:|gelesen:|lu :|leído:)",
    re.IGNORECASE,
)
_LIST_HEADERS = (
    "list-id",
    "list-post",
    "list-owner",
    "list-subscribe",
    "list-help",
    "list-archive",
)
_BULK = re.compile(r"\b(?:bulk|list|junk)\b", re.I)
_NEWSLETTER_LOCAL = re.compile(
    r"^(?:updates?|news|newsletters?|marketing|digest|insights|offers|promotions?|product)$"
)


def forged_reason(message: Message) -> str | None:
    """Authentication-Results say the From domain failed DMARC or SPF."""
    if message.sender is None:
        return None
    from_org = registrable_domain(message.sender.domain)
    for result in message.auth_results:
        if result.method == "dmarc" and result.result == "fail":
            return f"forged sender: DMARC failed for {result.domain or message.sender.domain}"
        if (
            result.method == "spf"
            and result.result == "fail"
            and registrable_domain(result.domain or from_org) == from_org
        ):
            return f"forged sender: SPF failed for {result.domain or from_org}"
    return None


def automatic_reason(message: Message, calendar_request: bool = False) -> str | None:
    """Why a message is an automatic response or a robot's mail, if it is. A calendar request
    from a scheduling platform's system address still belongs to its organiser."""
    auto = (message.header("auto-submitted") or "").strip().lower()
    if auto and not auto.startswith("no"):
        return f"Auto-Submitted: {auto}"
    if message.content_type == "multipart/report":
        return "a delivery or read report (multipart/report)"
    if message.return_path == "":
        return "empty return path"
    suppress = (message.header("x-auto-response-suppress") or "").lower()
    if "all" in suppress or "oof" in suppress:
        return f"X-Auto-Response-Suppress: {suppress}"
    if message.sender and _AUTOMATIC_LOCAL.match(message.sender.local) and not calendar_request:
        return f"a system sender ({message.sender.email})"
    if _AUTO_SUBJECT.match(message.subject):
        return "an automatic reply or report by its subject"
    return None


def bulk_reason(message: Message) -> str | None:
    """Why a message is list or bulk mail, if it is (List-Unsubscribe alone is not enough)."""
    for name in _LIST_HEADERS:
        if message.has_header(name):
            return f"mailing-list mail ({name.title()})"
    precedence = message.header("precedence") or ""
    if _BULK.search(precedence):
        return f"Precedence: {precedence}"
    if (
        message.has_header("feedback-id")
        and message.has_header("list-unsubscribe")
        # a messaging platform's reply relay opens a conversation with a person, not a list
        and not any(is_relay_address(a.email) for a in message.reply_to)
    ):
        return "a bulk sender's Feedback-ID with List-Unsubscribe"
    sender = message.sender
    if sender and _NEWSLETTER_LOCAL.match(sender.local) and message.has_header("list-unsubscribe"):
        return f"a newsletter address ({sender.email}) with List-Unsubscribe"
    return None


def never_reply_reason(message: Message, user: User) -> str | None:
    """RFC 3834's cases where an automatic responder must not answer (List-Unsubscribe alone
    on a one-to-one message is allowed), plus forged senders."""
    for reason in (forged_reason(message), automatic_reason(message), bulk_reason(message)):
        if reason:
            return reason
    sender = message.sender
    if sender is None:
        return "no sender"
    if user.is_own_address(sender.email):
        return "from the user's own address"
    if not addressed_to_user(message, user):
        return "the user is not addressed directly"
    return None


def addressed_to_user(message: Message, user: User) -> bool:
    addressed = {a.email for a in message.recipients} | set(message.delivered_to)
    for name in ("resent-to", "resent-cc", "bcc", "resent-bcc"):
        value = message.header(name)
        if value:
            addressed |= set(re.findall(r"[\w.+'-]+@[\w.-]+", value.lower()))
    return bool(addressed & user.addresses)
