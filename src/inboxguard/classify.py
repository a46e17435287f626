"""Classification: a parsed message and what the ledger knows give a verdict with signals. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .attribution import attribute
from .calendar import CalendarRequest
from .history import History, NoHistory
from .lists import Lists
from .markers import addressed_to_user, automatic_reason, bulk_reason, forged_reason
from .message import Address, Message
from .organisation import (
    brand_of,
    identity,
    is_private_person,
    is_public_body,
    is_webmail,
    registrable_domain,
)
from .phrasing import (
    BUYER_TITLE,
    DISARMING,
    NOT_OUTREACH_PHRASING,
    OUTREACH_PHRASING,
    PUBLIC_BODY,
    SALES_TITLE,
    Phrasing,
)
from .tracking import tracking_marks
from .user import User
from .wording import Reading, shipped_model
from .words import (
    ADDRESS_OR_LINK,
    FROM_FIELD,
    QUOTE_ATTRIBUTION,
    fold,
    signature,
    strip_quotes,
    template_fingerprint,
    unwrapped,
    without_signature,
)

OUTREACH = "outreach"
INVITE = "invite"
OTHER = "other"

WEIGHTS: Mapping[str, float] = {
    "meeting-ask": 1.5,
    "value-pitch": 1.5,
    "offer": 1.5,
    "follow-up": 1.5,
    "break-up": 2.5,
    "referral-ask": 2.0,
    "sequence-opt-out": 2.0,
    "first-touch": 1.0,
    "self-introduction": 1.0,
    "company-voice": 0.5,
    "asks-the-reader": 0.75,
    "sales-title": 1.5,
    "priority-question": 2.0,
    "self-promotion": 1.5,
    "fake-thread": 1.5,
    "tracking": 2.0,
    "sales-mailer": 1.5,
    "repeated-template": 1.5,
    "buyer": -4.0,
    "press": -4.0,
    "paid-media": 2.0,
    "staffing-pitch": 1.5,
    "acquisition-pitch": 1.5,
    "public-body": -4.0,
    "job-offer": -4.0,
    "job-application": -4.0,
    "community": -3.0,
    "confirmation": -3.0,
    "relationship": -3.0,
    "several-recipients": -1.5,
    "names-your-company": 1.0,
    "personal-mailbox": 0.75,
    "vendor-meets-you": 1.5,
    "brief-pitch": 1.0,
    "wording": 2.5,
}
"""Every signal's weight, in one place (for `wording`, the most it adds); `[weights]` in the
config overrides any of them."""

DECISIVE = frozenset({"buyer", "public-body", "job-offer", "job-application", "press"})
"""Counter-signals that settle it: a customer or buyer (who may well bump, fake a "Re:" and ask
for a call), a recruiter offering the user a job, someone applying for one, or a journalist, is
never outreach, however salesy the rest reads (DESIGN: rules of judgement)."""

BUSINESS_VOICE = frozenset(
    {
        "self-promotion",
        "names-your-company",
        "vendor-meets-you",
        "company-voice",
        "asks-the-reader",
        "meeting-ask",
        "sales-title",
        "self-introduction",
        "personal-mailbox",
    }
)
"""Signals that say only that a company wants the reader's time (or who is writing), as
customers, partners, institutions and event organisers do too: however many, they never make a
pitch alone. A verdict of outreach or invite also needs one signal that sells (a sales tool,
sales phrasing, sales wording)."""

CHASING = frozenset({"follow-up", "fake-thread", "value-pitch"})
"""Sales signals that a customer chasing the quote she asked for shares with a bump ("Re:", "just
checking in", "best rates", "free of charge"): they add to a pitch's score, but like a company's
voice they cannot make one alone."""

_CANNOT_CARRY = BUSINESS_VOICE | CHASING

THRESHOLD = 3.0
"""A one-to-one message from outside scoring this much is outreach."""

INVITE_THRESHOLD = 1.5
"""A calendar request from outside needs this much commercial evidence to count as an invite."""

CANCELLED = frozenset({"CANCEL", "REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"})


@dataclass(frozen=True)
class Signal:
    """One piece of evidence with its weight and a one-line reason a person can read."""

    name: str
    weight: float
    reason: str


@dataclass(frozen=True)
class Verdict:
    """What the message is, whose it is, and why."""

    kind: str
    organisation: str | None
    signals: tuple[Signal, ...]
    score: float = 0.0
    automatic: bool = False
    forged: bool = False
    relation: str | None = None
    invite: CalendarRequest | None = None
    fingerprint: str | None = None
    """Of the sender's own words, for the repeated-template signal, when they were weighed."""

    @property
    def vendor(self) -> str | None:
        return self.organisation if self.kind != OTHER else None

    def summary(self) -> str:
        return "; ".join(s.reason for s in self.signals)


_REPLY_SUBJECT = re.compile(
    r"^\s*(?:re|aw|sv|antw|r|rif|rv|réf|res|odp|vs|ynt|vá|svar)\s*(?:\[\d+\])?\s*:", re.I
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|i|enc|pd|vl|vb|ilt)\s*:", re.I)
_SALES_MAILERS = re.compile(
    r"hubspot|outreach|salesloft|yesware|mixmax|mailshake|apollo|lemlist|reply\.io|"
    r"woodpecker|gmass|saleshandy|close\.com|sequenc|cadence|sprocketly|parlayo|cadencely",
    re.I,
)
_SALES_HEADER = re.compile(
    r"^x-(?:sfdc|marketoid|mkt|hubspot|hs-|outreach|salesloft|yesware|mixmax|mailshake|apollo|"
    r"lemlist|sprocketly|parlayo|cadencely)",
    re.I,
)


def classify(
    message: Message,
    user: User,
    lists: Lists | None = None,
    history: History | None = None,
    weights: Mapping[str, float] | None = None,
    complete: bool = True,
) -> Verdict:
    """Judge one INBOX message for `user`. Header rules come first; the body is read only for
    mail that gets past them. `complete` false stops weighing once the verdict is certain."""
    history = history or NoHistory()
    lists = lists or Lists()
    weight = {**WEIGHTS, **(weights or {})}
    sender = message.sender
    if sender is None:
        return Verdict(OTHER, None, (Signal("no-sender", 0, "no usable From address"),))

    organisation = attribute(message, user, history, read_body=False)
    signals: list[Signal] = []

    def verdict(
        kind: str, *, relation: str | None = None, automatic: bool = False, forged: bool = False
    ) -> Verdict:
        score = sum(s.weight for s in signals)
        return Verdict(
            kind, organisation, tuple(signals), score, automatic, forged, relation=relation
        )

    forged = forged_reason(message)
    if forged:
        signals.append(Signal("forged", 0, forged))
        return verdict(OTHER, forged=True)
    if user.is_colleague(sender.email):
        own = f"from the user's own organisation ({sender.domain})"
        signals.append(Signal("own-organisation", 0, own))
        return verdict(OTHER, relation="own")
    allowed = lists.allowed(sender.email, *(a.email for a in message.reply_to))
    if allowed:
        signals.append(Signal("allow-list", 0, f"on the allow list ({allowed})"))
        return verdict(OTHER, relation="allow")
    blocked = lists.blocked(sender.email, *(a.email for a in message.reply_to))
    blocked = blocked or lists.blocks_organisation(organisation)
    relation = "block" if blocked else None
    invite = _unsolicited_request(message, user)

    if invite is None and _cancellation(message):
        signals.append(Signal("cancellation", 0, "a calendar cancellation: never answered"))
        return verdict(OTHER, relation=relation)
    automatic = automatic_reason(message, calendar_request=invite is not None)
    if automatic:
        signals.append(Signal("automatic", 0, automatic))
        return verdict(OTHER, automatic=True, relation=relation)
    bulk = bulk_reason(message)
    if bulk:
        signals.append(Signal("bulk", 0, bulk))
        return verdict(OTHER, relation=relation)

    organisation = attribute(message, user, history, invite=invite)
    if not blocked:
        blocked = lists.blocks_organisation(organisation)
        relation = "block" if blocked else None
    state = history.vendor(organisation) if organisation else None
    if blocked:
        signals.append(Signal("block-list", 0, f"on the block list ({blocked})"))
        return verdict(OTHER, relation=relation)
    if state and (state.no_at or state.declined):
        signals.append(Signal("told-no", 0, f"{organisation} was told no already"))
        return verdict(OTHER, relation=relation)
    if state and state.correspondent:
        signals.append(Signal("correspondent", 0, f"the user corresponds with {organisation}"))
        return verdict(OTHER, relation="correspondent")
    thread = _thread_with_user(message, user, history)
    if thread:
        signals.append(Signal("user-thread", 0, thread))
        return verdict(OTHER, relation="thread")
    earlier = history.thread_verdict(message.thread_ids, organisation) if organisation else None
    if earlier == OTHER:
        why = f"continues {organisation}'s earlier message, which was not outreach"
        signals.append(Signal("own-thread", 0, why))
        return verdict(OTHER, relation=relation)
    if _is_forward(message) and _forwards_someone(message, sender):
        signals.append(Signal("forward", 0, "a forwarded message"))
        return verdict(OTHER, relation=relation)
    if organisation and is_private_person(organisation):
        why = f"a private person ({organisation}), writing for no company"
        signals.append(Signal("private-person", 0, why))
        return verdict(OTHER, relation=relation)
    if is_public_body(organisation):
        why = f"a government or academic sender ({organisation})"
        signals.append(Signal("public-body", 0, why))
        return verdict(OTHER, relation=relation)

    fingerprint = template_fingerprint(message.text) if organisation else None
    signals.extend(_evidence(message, user, organisation, history, weight, complete, fingerprint))
    score = sum(s.weight for s in signals)
    if any(s.name in DECISIVE and s.weight < 0 for s in signals):  # weighted 0: not counted
        return verdict(OTHER, relation=relation)  # a buyer, a job or the press: never a pitch
    if not _sells(signals):
        why = "nothing that only a pitch would say: customers and partners write all this too"
        signals.append(Signal("no-sales-signal", 0, why))
        return verdict(OTHER, relation=relation)
    if invite is not None:
        if any(s.name == "relationship" for s in signals):
            return verdict(OTHER, relation=relation)  # a review, a kick-off: someone it works with
        # every invitation asks for a meeting: that alone says nothing about who sends it
        score -= sum(s.weight for s in signals if s.name == "meeting-ask")
        kind = INVITE if score >= weight.get("invite-threshold", INVITE_THRESHOLD) else OTHER
    else:
        if not user.is_own_address(sender.email) and not addressed_to_user(message, user):
            signals.append(Signal("not-addressed", 0, "the user is not among the recipients"))
        kind = OUTREACH if score >= weight.get("threshold", THRESHOLD) else OTHER
    return Verdict(
        kind,
        organisation,
        tuple(signals),
        score,
        relation=relation,
        invite=invite,
        fingerprint=fingerprint,
    )


def _thread_with_user(message: Message, user: User, history: History) -> str | None:
    for message_id in message.thread_ids:
        domain = message_id.rpartition("@")[2].lower()
        if history.is_mine(message_id):
            return "continues a thread the user wrote in"
        if (domain and user.is_own_domain(domain.split(".", 1)[-1])) or user.is_own_domain(domain):
            return "continues a thread with a message from the user's organisation"
    if _quotes_user(message, user):
        return "quotes the user's own mail"
    return None


_QUOTE_HEADER = re.compile(
    rf"^\s*(?:{QUOTE_ATTRIBUTION}|(?:{FROM_FIELD}) ?[:：] ?.*)\s*$",
    re.M,
)


def _quotes_user(message: Message, user: User) -> bool:
    return _quote_header_naming(message.text, user.addresses, user.name) is not None


def _quote_header_naming(
    text: str, addresses: Iterable[str], name: str | None
) -> re.Match[str] | None:
    """The first quote header ("On Tue, Dana <dana@bitesio.com> wrote:") that names one of
    `addresses` (lower case) or `name`."""
    addresses = tuple(addresses)
    for found in _QUOTE_HEADER.finditer(text):
        line = found.group(0).lower()
        if any(address in line for address in addresses) or (name and name.lower() in line):
            return found
    return None


def _is_forward(message: Message) -> bool:
    return bool(_FORWARD_SUBJECT.match(message.subject))


_FORWARDED_FROM = re.compile(rf"^\s*(?:{FROM_FIELD}) ?[:：]\s*.*?([\w.+'-]+@[\w.-]+)", re.M | re.I)
_FORWARDED_NAME = re.compile(rf"^\s*(?:{FROM_FIELD}) ?[:：]\s*([^@\n]+?)\s*$", re.M | re.I)


def _forwards_someone(message: Message, sender: Address) -> bool:
    """Whether a "Fwd:" forwards someone else's mail: a vendor "forwarding" its own earlier
    pitch (named by address, or by name alone as Outlook writes it), or nothing at all under a
    "Fwd:", plays a sales trick."""
    found = _FORWARDED_FROM.search(message.text)
    if found is not None:
        return identity(found.group(1)) != identity(sender.email)
    named = _FORWARDED_NAME.search(message.text)
    if named is not None:
        name = named.group(1).strip("\"'").lower()
        if name in signature(message.text[: named.start()]).lower():
            return False  # signed by the name it forwards: "Bauer GmbH" forwarding Tilo Bauer's
        if sender.name:
            return name != sender.name.lower()
    return _QUOTE_HEADER.search(message.text) is not None


def _cancellation(message: Message) -> bool:
    return message.may_have_calendar and any(c.method == "CANCEL" for c in message.calendars)


def _unsolicited_request(message: Message, user: User) -> CalendarRequest | None:
    if not message.may_have_calendar:
        return None
    for request in message.calendars:
        if request.method in CANCELLED or not request.is_request:
            continue
        if request.organizer and user.is_colleague(request.organizer):
            continue
        return request
    return None


EVIDENCE_CHARS = 4000
"""Characters of the sender's own words weighed: pitches say what they want early."""


def _evidence(
    message: Message,
    user: User,
    organisation: str | None,
    history: History,
    weight: Mapping[str, float],
    complete: bool = True,
    fingerprint: str | None = None,
) -> list[Signal]:
    """Every signal; with `complete` false, the phrasing and the wording of a pitch are weighed
    only until the score reaches the threshold (counter-signals are always weighed first, so the
    verdict is the same)."""
    body = _own_text(message)
    with_quotes = message.text[: EVIDENCE_CHARS * 2]
    events = _event_words(message)
    earlier = _own_earlier_text(message)
    words = unwrapped(_joined(message.subject, events, body, earlier))
    signals = _structure(
        message, user, organisation, history, weight, body, earlier, events, fingerprint
    )
    counter_words = unwrapped(f"{message.subject}\n{events}\n{with_quotes}")
    for phrasing in NOT_OUTREACH_PHRASING:
        found = phrasing.find(counter_words)
        if found:
            signals.append(_signal(phrasing, found, weight))
    for phrasing, disarmed in DISARMING:  # the sender's own words, its quoted pitch too
        found = phrasing.find(words)
        if found:
            signals = [s for s in signals if s.name != disarmed]
            signals.append(_signal(phrasing, found, weight))
    own_signature = signature(body)
    signatures = f"{own_signature}\n{signature(with_quotes)}"
    for signed in (BUYER_TITLE, PUBLIC_BODY):
        found = signed.find(_short_lines(signatures))
        if found:  # the quoted signature counts: a buyer's bump quotes her own first mail
            signals.append(_signal(signed, found, weight))
    title = SALES_TITLE.find(_short_lines(own_signature))
    if title:
        signals.append(_signal(SALES_TITLE, title, weight))
    threshold = weight.get("threshold", THRESHOLD)

    def enough() -> bool:
        return not complete and sum(s.weight for s in signals) >= threshold

    def certain() -> bool:
        return enough() and _sells(signals)

    for phrasing in OUTREACH_PHRASING:
        if certain():
            break
        if phrasing.name in _CANNOT_CARRY and enough():
            continue  # the score is there: only a signal that sells can change the verdict
        found = phrasing.find(words)
        if found:
            signals.append(_signal(phrasing, found, weight))
    # a company's words only: a private person's mail was settled before the evidence
    if weight["wording"] and organisation and not certain():
        worded = _wording(shipped_model().read(words), weight["wording"])
        if worded:
            signals.append(worded)
    asks = any(s.name in ASKS for s in signals)
    if asks and _brief_and_signed(body, own_signature, organisation):
        reason = "a few lines signed for its company, asking for the reader's time"
        signals.append(Signal("brief-pitch", weight["brief-pitch"], reason))
    return signals


def _sells(signals: list[Signal]) -> bool:
    return any(s.weight > 0 and s.name not in _CANNOT_CARRY for s in signals)


def own_words(message: Message) -> str:
    """What the sender wrote: the subject, an invitation's words, the text above any quote and
    the sender's own earlier message that it quotes."""
    return _joined(
        message.subject, _event_words(message), _own_text(message), _own_earlier_text(message)
    )


def _own_text(message: Message) -> str:
    return strip_quotes(message.text)[:EVIDENCE_CHARS]


_QUOTE_MARK = re.compile(r"^[ \t>]+", re.M)


def _own_earlier_text(message: Message) -> str:
    """The sender's own earlier message under a quote header that names the sender ("On Tue,
    Dana Whitfield <dana@bitesio.com> wrote:") or a colleague at its company's domain: a bump's
    pitch is in the mail it quotes."""
    sender = message.sender
    if sender is None:
        return ""
    domain = sender.domain.lower()
    colleagues = () if is_webmail(domain) else (f"@{domain}",)
    found = _quote_header_naming(message.text, (sender.email.lower(), *colleagues), sender.name)
    if found is None:
        return ""
    return _QUOTE_MARK.sub("", message.text[found.end() :])[:EVIDENCE_CHARS]


def _joined(subject: str, events: str, body: str, earlier: str) -> str:
    return f"{subject}\n{events}\n{body}\n{earlier}"


def _wording(reading: Reading, most: float) -> Signal | None:
    """Words that read like sales mail count up to `most`; words that do not count nothing,
    since the model knows fewer kinds of ordinary mail than there are."""
    if reading.probability <= 0.5:
        return None
    words = ", ".join(f'"{w}"' for w in reading.for_sales)
    weight = most * (2 * reading.probability - 1)
    return Signal("wording", weight, f"worded like sales mail ({reading.probability:.2f}: {words})")


ASKS = frozenset({"referral-ask", "priority-question", "first-touch"})
BRIEF_WORDS = 50
"""A cold one-liner has little room for evidence: a few lines from a company that ask for
something weigh a little more."""


def _brief_and_signed(body: str, own_signature: str, organisation: str | None) -> bool:
    brand = brand_of(organisation)
    return (
        brand is not None
        and _spells(brand, own_signature)
        and len(_LETTERS.findall(without_signature(body))) <= BRIEF_WORDS
    )


def _spells(brand: str, text: str) -> bool:
    """Whether `text` spells the brand, spaces and accents aside ("Lavanderia Alvorada")."""
    return brand in fold(text).lower().replace(" ", "")


def _signs_for(organisation: str, sender: Address | None, body: str) -> bool:
    """Whether a webmail sender signs for a company, as a rep writing from a personal mailbox
    does ("Niklas, CADkraft Nordic AB, cadkraft.se")."""
    if sender is None or not is_webmail(sender.domain):
        return False
    own_signature = signature(body)
    brand = brand_of(organisation)
    return organisation in own_signature.lower() or bool(brand and _spells(brand, own_signature))


def _event_words(message: Message) -> str:
    """What an invitation says of itself: its titles and descriptions (an invite may say
    nothing else: "Sensoria Riego - sondas para Fincas La Calva")."""
    if not message.may_have_calendar:
        return ""
    return "\n".join(f"{c.summary}\n{c.description}" for c in message.calendars)[:EVIDENCE_CHARS]


def _structure(
    message: Message,
    user: User,
    organisation: str | None,
    history: History,
    weight: Mapping[str, float],
    body: str,
    earlier: str,
    events: str,
    fingerprint: str | None,
) -> list[Signal]:
    """The signals that are not phrasing: who is named, the subject, tracking, tools. The
    sender's own earlier message that it quotes (`earlier`) counts as its words."""
    signals: list[Signal] = []

    def add(name: str, reason: str) -> None:
        signals.append(Signal(name, weight[name], reason))

    brand = brand_of(organisation)
    unsigned = "\n".join(without_signature(text) for text in (body, earlier) if text)
    if brand and (
        _word_pattern(brand).search(fold(ADDRESS_OR_LINK.sub(" ", unsigned)))
        or _spells(brand, ADDRESS_OR_LINK.sub(" ", events))
    ):
        add("self-promotion", f"talks up its own company ({brand.title()})")
    written = f"{body}\n{earlier}"
    user_brand = brand_of(user.organisation)
    if user_brand and _names_company(user_brand, fold(written)):
        add("names-your-company", "written about the user's company")
    if organisation and _signs_for(organisation, message.sender, body):
        add("personal-mailbox", f"writes for {organisation} from a personal mailbox")
    if _MEETS.search(message.subject):
        add("vendor-meets-you", f'a "vendor <> you" subject ("{message.subject[:60]}")')
    plural = _FIRST_PLURAL.findall(written.lower())
    if len(plural) >= 2:
        add("company-voice", f'speaks for a company ("{plural[0]}", "{plural[1]}")')
    question = _question_to_reader(body)
    if question:
        add("asks-the-reader", f'asks the reader ("{question[:60]}")')
    if _REPLY_SUBJECT.match(message.subject) or _is_forward(message):
        add("fake-thread", '"Re:" with no reply to anything the user sent')
    others = _others_addressed(message, user, organisation)
    if others:
        more = f" and {len(others) - 1} more" if len(others) > 1 else ""
        add("several-recipients", f"written to others beside the user ({others[0]}{more})")
    marks = tracking_marks(message)
    if marks:
        add("tracking", "; ".join(marks))
    mailer = message.header("x-mailer") or ""
    sales_headers = [name for name in message.headers if _SALES_HEADER.match(name)]
    if _SALES_MAILERS.search(mailer) or sales_headers:
        tool = f"X-Mailer: {mailer}" if _SALES_MAILERS.search(mailer) else sales_headers[0]
        add("sales-mailer", f"sent by a sales-engagement tool ({tool})")
    if organisation and fingerprint and history.template_seen(organisation, fingerprint):
        add("repeated-template", f"the same text as an earlier message from {organisation}")
    return signals


_GENERIC_MAILBOX = re.compile(
    r"^(?:info|contact|contacto|contato|kontakt|office|hello|mail|post|enquiries|inquiries"
    r"|procurement|purchasing|einkauf|achats|compras|inkoop)@"
)


def _others_addressed(message: Message, user: User, organisation: str | None) -> list[str]:
    """Who else, outside the sender's organisation, the message or its invitation is addressed
    to (the user's own name at another of the user's domains is the user): a sequence writes to
    one person, a customer or a partner copies the team — not the company's `info@` or
    `procurement@`, as a vendor copying whatever address it found does."""
    sender = message.sender.domain if message.sender else ""
    own = {organisation, registrable_domain(sender)}
    user_local = user.email.partition("@")[0].lower()
    invited = (
        (a for c in message.calendars for a in c.attendees) if message.may_have_calendar else ()
    )
    others: list[str] = []
    for address in (*(a.email for a in message.recipients), *invited):
        address = address.lower()
        domain = address.rpartition("@")[2]
        if (
            address in others
            or user.is_own_address(address)
            or (address.partition("@")[0] == user_local and user.is_own_domain(domain))
            or registrable_domain(domain) in own
            or (_GENERIC_MAILBOX.match(address) and user.is_own_domain(domain))
        ):
            continue
        others.append(address)
    return others


SIGNATURE_LINE = 60
"""Characters of a line that can hold a title: "Senior Buyer, Frozen", not a sentence about
category buyers."""


def _short_lines(text: str) -> str:
    """The lines that can be a signature's: short, and not the end of a sentence ("… 11 hours per
    buyer a week.")."""
    return "\n".join(
        line
        for line in text.splitlines()
        if len(line) <= SIGNATURE_LINE and not _SENTENCE_END.search(line)
    )


_SENTENCE_END = re.compile(r"^[^|]*?(?:\S+\s+){4,}[^\W\d_]*[a-zà-öø-ÿ]{3}[.?!]\s*$")


def _signal(phrasing: Phrasing, found: str, weight: Mapping[str, float]) -> Signal:
    return Signal(phrasing.name, weight[phrasing.name], f'{phrasing.reason} ("{found[:60]}")')


_MEETS = re.compile(r"\S\s*(?:<>|<->|\bx\b|\u00d7|\bmeets\b)\s*\S")
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def _names_company(brand: str, text: str) -> bool:
    """Whether `text` names the company whose domain label is `brand`: a word it starts with
    ("Brimfield" for `brimfieldsupply`), or two or three words that spell it ("Brzeg Foods")."""
    words = _LETTERS.findall(text.lower())
    for i, word in enumerate(words):
        if len(word) >= 5 and len(word) >= min(len(brand), 6) and brand.startswith(word):
            return True
        if brand.startswith(word) and brand in (
            "".join(words[i : i + 2]),
            "".join(words[i : i + 3]),
        ):
            return True
    return False


_FIRST_PLURAL = re.compile(
    r"\b(?:we|we're|we've|we'll|our|ours|wir|unser\w*|nous|notre|nos|nosotros|nuestr[oa]s?|"
    r"noi|nostr[oaie]|wij|onze|nós|noss[oa]s?|vi|vår\w*|vores|vort|vore|nasz\w*|ons|kami|"
    r"chúng tôi|bên em|bên mình)\b"
)
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|sie|ihnen|ihr\w*|du|dir|dich|vous|votre|vos|tu|usted|ustedes|su|te|lei|"
    r"u|uw|je|jij|jullie|você|vocês|lhe|le|dig|deg|ni|er|jer|pan|pani|państwo|vám|vás|"
    r"jy|jou|anda|awak|ibu|bapak|bu|pak|encik|puan|anh|chị|bạn|"
    r"\w+(?:ría|rías|"
    r"riez|rebbe|ria))\b"
)


def _question_to_reader(text: str) -> str | None:
    """A question the sender puts to the reader: the call to action of a pitch."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        sentence = sentence.strip()
        if sentence.endswith("?") and _SECOND_PERSON.search(sentence.lower()):
            return " ".join(sentence.split())
    return None
