"""One pass: gather new mail from Sent and INBOX, decide for each message, then apply."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from .classify import INVITE, OUTREACH, Verdict, classify
from .config import Config
from .errors import LedgerError
from .learning import learn_from_sent
from .ledger import Decline, Ledger, MessageRecord, Progress, VendorState, utcnow
from .lists import Lists, entry_organisation
from .mailbox import FetchedMessage, Mailbox
from .message import Message, parse
from .policy import DECLINE, DECLINE_INVITE, FILE, KEEP, Circumstances, Decision, decide
from .reply import UnsafeReply, compose_decline
from .smtp import SendError, UncertainSendError
from .user import User

log = logging.getLogger("inboxguard.pass")

Sender = Callable[[bytes, str, str], None]
"""Sends raw bytes from an address to an address; raises SendError when it surely did not."""

Judge = Callable[[str, int, Iterable[FetchedMessage], bool], None]
"""Handles a batch of one folder's messages, in order."""


class _UntilStopped:
    """A batch handed out message by message until a stop is asked for; counts what it gave."""

    def __init__(self, batch: list[FetchedMessage], stopping: Callable[[], bool]) -> None:
        self.batch = batch
        self.stopping = stopping
        self.count = 0

    def __iter__(self) -> Iterator[FetchedMessage]:
        for fetched in self.batch:
            if self.stopping():
                return
            self.count += 1
            yield fetched


@dataclass(frozen=True)
class Outcome:
    """One INBOX message's fate, as the CLI and the demo show it."""

    sender: str
    subject: str
    organisation: str | None
    verdict: str
    action: str
    reasons: tuple[str, ...]


@dataclass
class PassReport:
    """What a pass saw and did, for the CLI and the logs."""

    outcomes: list[Outcome] = field(default_factory=list)
    read: int = 0
    kept: int = 0
    filed: int = 0
    declined: int = 0
    history: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.read} read, {self.declined} declined, {self.filed} filed, "
            f"{self.kept} kept, {self.history} history"
            + (f", {len(self.errors)} errors" if self.errors else "")
        )


@dataclass(frozen=True)
class Planned:
    """A decision waiting to be applied to the message with this UID."""

    uid: int
    organisation: str | None
    action: str


def user_of(config: Config) -> User:
    account = config.account
    return User(account.email, account.name, account.domains, account.aliases)


class GuardPass:
    """One pass over a mailbox. `--once`, the daemon and the tests all use it."""

    def __init__(
        self,
        config: Config,
        mailbox: Mailbox,
        ledger: Ledger,
        send: Sender,
        now: Callable[[], datetime] = utcnow,
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self.config = config
        self.stopping = stopping
        self.mailbox = mailbox
        self.ledger = ledger
        self.send = send
        self.now = now
        self.user = user_of(config)
        self.lists = Lists(config.lists.allow, config.lists.block)
        self.report = PassReport()
        self._declined_this_pass: set[str] = set()
        self._sent_folder: str | None = None

    @property
    def acting(self) -> bool:
        return not self.config.policy.observe

    def run(self) -> PassReport:
        folders = self.config.folders
        if self.acting:
            self.mailbox.ensure_folders((folders.declined, folders.ignored, folders.invites))
        self._record_block_list()
        self._sent_folder = folders.sent or self.mailbox.sent_folder()
        if self.acting:
            self._retry_unsent()
        if self._sent_folder:
            self._read_folder(self._sent_folder, self._learn)
        else:
            log.warning("no Sent folder found: set [folders] sent to learn from the user's mail")
        self._read_folder(folders.inbox, self._judge)
        return self.report

    def _record_block_list(self) -> None:
        known = self.ledger.blocked_organisations()
        new = {entry_organisation(e) for e in self.config.lists.block} - known
        if new:
            with self.ledger.transaction():
                for organisation in sorted(new):
                    self.ledger.record_no(organisation, self.now(), "block")

    def _read_folder(self, folder: str, judge: Judge) -> None:
        status = self.mailbox.status(folder)
        progress = self.ledger.progress(folder)
        first_sight = progress is None or progress.uidvalidity != status.uidvalidity
        if progress is not None and first_sight:
            log.warning("%s: UIDVALIDITY changed; reading it again as history", folder)
        last_uid = 0 if first_sight or progress is None else progress.last_uid
        if not first_sight and status.uidnext - 1 <= last_uid:
            return
        # History is read whole: a cap here would make old mail look new next pass.
        budget = 2**62 if first_sight else self.config.policy.max_messages_per_pass
        for batch in self.mailbox.fetch_after(folder, last_uid):
            batch = batch[:budget]
            taken = _UntilStopped(batch, self.stopping)
            judge(folder, status.uidvalidity, taken, first_sight)
            handled = taken.count
            budget -= handled
            if handled:
                last_uid = batch[handled - 1].uid
                with self.ledger.transaction():
                    self.ledger.set_progress(folder, Progress(status.uidvalidity, last_uid))
            if handled < len(batch) or self.stopping():
                return
            if budget <= 0:
                log.info("%s: message cap of this pass reached; the rest comes next pass", folder)
                return
        if first_sight:
            with self.ledger.transaction():
                self.ledger.set_progress(
                    folder, Progress(status.uidvalidity, max(last_uid, status.uidnext - 1))
                )

    # Sent: learning

    def _learn(
        self, folder: str, uidvalidity: int, batch: Iterable[FetchedMessage], history: bool
    ) -> None:
        with self.ledger.transaction():
            for fetched in batch:
                self.report.read += 1
                if self.ledger.recorded_action(folder, uidvalidity, fetched.uid):
                    continue
                message = parse(fetched.raw)
                if message.message_id and (
                    self.ledger.is_decline(message.message_id)
                    or (history and self.ledger.knows_message(message.message_id))
                ):
                    continue
                lessons = learn_from_sent(message, self.user, self.ledger)
                for lesson in lessons:
                    if lesson.says_no:
                        self.ledger.record_no(
                            lesson.organisation, fetched.arrived, "reply", message.message_id
                        )
                    else:
                        self.ledger.record_engagement(lesson.organisation, fetched.arrived)
                    log.info("Sent | %s | %s", lesson.organisation, lesson.reason)
                self.ledger.record_message(
                    MessageRecord(
                        folder=folder,
                        uidvalidity=uidvalidity,
                        uid=fetched.uid,
                        message_id=message.message_id,
                        sender=self.user.email,
                        organisation=None,
                        verdict="sent",
                        action="learn",
                        reasons=tuple(f"{x.organisation}: {x.reason}" for x in lessons),
                        arrived_at=fetched.arrived,
                        mine=True,
                    )
                )

    # INBOX: judging

    def _judge(
        self, folder: str, uidvalidity: int, batch: Iterable[FetchedMessage], history: bool
    ) -> None:
        planned: list[Planned] = []
        with self.ledger.transaction():
            for fetched in batch:
                recorded = self.ledger.recorded_action(folder, uidvalidity, fetched.uid)
                if recorded is not None:
                    planned.append(Planned(fetched.uid, None, recorded))  # decided, not applied
                    continue
                plan = self._decide(folder, uidvalidity, fetched, history)
                if plan is not None:
                    planned.append(plan)
        if self.acting:
            self._apply(folder, planned)

    def _decide(
        self, folder: str, uidvalidity: int, fetched: FetchedMessage, history: bool
    ) -> Planned | None:
        self.report.read += 1
        try:
            message = parse(fetched.raw, fetched.calendars)
            if history and message.message_id and self.ledger.knows_message(message.message_id):
                return None  # read again after a UIDVALIDITY change: already counted
            verdict = classify(
                message, self.user, self.lists, self.ledger, self.config.weights, complete=False
            )
        except Exception as error:  # one bad message never stops a pass; it stays in place
            log.error(
                "%s UID %d: cannot judge it (%s); left where it is", folder, fetched.uid, error
            )
            self.report.errors.append(f"{folder} UID {fetched.uid}: {error}")
            return None
        organisation = verdict.organisation
        state = self.ledger.vendor(organisation) if organisation else VendorState("")
        circumstances = Circumstances(
            arrived=fetched.arrived,
            declines_last_day=self.ledger.declines_in_last_day(self.now()),
            no_given_this_pass=organisation in self._declined_this_pass,
        )
        policy = self.config.policy
        decision = decide(message, verdict, state, self.user, policy, circumstances)
        if history:
            self.report.history += 1
            decision = Decision(
                KEEP,
                ("history: learned from, not acted on", *decision.reasons),
                counts=decision.counts,
            )
        self._remember(message, verdict, decision, fetched)
        if decision.declines and self.acting:
            decision = self._queue_decline(message, verdict, decision)
        action = decision.action if self.acting else f"would {decision.action}"
        log.info(
            "%s | %s | %s | %s",
            organisation or "-",
            verdict.kind,
            action,
            "; ".join(decision.reasons),
        )
        sender = message.sender.email if message.sender else None
        self.report.outcomes.append(
            Outcome(
                sender or "-", message.subject, organisation, verdict.kind, action, decision.reasons
            )
        )
        self.ledger.record_message(
            MessageRecord(
                folder=folder,
                uidvalidity=uidvalidity,
                uid=fetched.uid,
                message_id=message.message_id,
                sender=sender,
                organisation=organisation,
                verdict=verdict.kind,
                action=action,
                reasons=decision.reasons,
                arrived_at=fetched.arrived,
            )
        )
        return Planned(fetched.uid, organisation, decision.action)

    def _remember(
        self, message: Message, verdict: Verdict, decision: Decision, fetched: FetchedMessage
    ) -> None:
        organisation = verdict.organisation
        if not organisation:
            return
        if decision.offence and self.acting:
            self.ledger.record_offence(
                organisation,
                message.message_id,
                message.sender.email if message.sender else None,
                message.subject,
                fetched.arrived,
            )
        if verdict.kind not in (OUTREACH, INVITE):
            return
        if decision.counts:
            self.ledger.count_outreach(organisation, fetched.arrived)
        if verdict.fingerprint:
            self.ledger.record_template(organisation, verdict.fingerprint)

    def _queue_decline(self, message: Message, verdict: Verdict, decision: Decision) -> Decision:
        """Put the decline in the outbox; it is sent after the batch is committed."""
        organisation = verdict.organisation
        if organisation is None or decision.recipient is None:
            return Decision(KEEP, (*decision.reasons, "no decline: nobody to send it to"))
        invite = verdict.invite if decision.action == DECLINE_INVITE else None
        try:
            composed = compose_decline(
                message,
                decision.recipient,
                organisation,
                self.user,
                self.config.decline,
                self.now(),
                invite=invite,
            )
        except (UnsafeReply, ValueError, UnicodeError) as error:
            return Decision(KEEP, (*decision.reasons, f"no decline: {error}"))
        decline = Decline(
            organisation=organisation,
            kind="invite" if invite else "email",
            state="pending",
            recipient=composed.recipient,
            message_id=composed.message_id,
            in_reply_to=message.message_id,
            created_at=self.now(),
            sent_at=None,
            raw=composed.raw,
        )
        try:
            self.ledger.add_decline(decline)
        except LedgerError as error:  # the ledger's own guard against a second decline
            return Decision(KEEP, (*decision.reasons, f"no decline: {error}"))
        self._declined_this_pass.add(organisation)
        return decision

    # applying

    def _apply(self, folder: str, planned: list[Planned]) -> None:
        folders = self.config.folders
        destinations = {
            FILE: folders.ignored,
            DECLINE: folders.declined,
            DECLINE_INVITE: folders.invites,
        }
        moves: dict[str, list[int]] = {}
        for plan in planned:
            if plan.action in (DECLINE, DECLINE_INVITE) and plan.organisation:
                self._send_pending(plan.organisation)
            destination = destinations.get(plan.action)
            if destination:
                moves.setdefault(destination, []).append(plan.uid)
            if plan.action == FILE:
                self.report.filed += 1
            elif plan.action == KEEP:
                self.report.kept += 1
        for destination, uids in moves.items():
            self.mailbox.move(folder, uids, destination)

    def _retry_unsent(self) -> None:
        """Declines the server surely refused go again, each 'pending' (committed) first, so
        a crash mid-send leaves it never to be sent again; owed Sent copies are appended."""
        for decline in self.ledger.declines(state="unsent"):
            log.info("%s | decline | trying again to send", decline.organisation)
            with self.ledger.transaction():
                self.ledger.set_decline_state(decline.organisation, "pending")
            self._send(decline)
        for decline in self.ledger.copies_owed():
            if self._sent_folder and self.mailbox.holds(self._sent_folder, decline.message_id):
                with self.ledger.transaction():  # appended before a crash, not yet marked
                    self.ledger.mark_copied(decline.organisation)
            else:
                self._copy_to_sent(decline)

    def _send_pending(self, organisation: str) -> None:
        for decline in self.ledger.declines(state="pending", organisation=organisation):
            self._send(decline)

    def _send(self, decline: Decline) -> None:
        """Send one decline from the outbox: at most once, whatever happens."""
        organisation = decline.organisation
        try:
            self.send(decline.raw, self.user.email, decline.recipient)
        except UncertainSendError as error:
            log.error("%s | decline | %s; it will not be sent again", organisation, error)
            self._set_state(organisation, "uncertain", str(error))
            return
        except SendError as error:
            log.error("%s | decline | not sent (%s); will try again", organisation, error)
            self._set_state(organisation, "unsent", str(error))
            return
        with self.ledger.transaction():
            self.ledger.set_decline_state(organisation, "sent")
            via = "invite" if decline.kind == "invite" else "decline"
            self.ledger.record_no(organisation, self.now(), via, decline.message_id)
        log.info("%s | decline | sent to %s", organisation, decline.recipient)
        self.report.declined += 1
        self._copy_to_sent(decline)

    def _copy_to_sent(self, decline: Decline) -> None:
        if not self._sent_folder:
            return
        self.mailbox.append(self._sent_folder, decline.raw, seen=True)
        with self.ledger.transaction():
            self.ledger.mark_copied(decline.organisation)

    def _set_state(self, organisation: str, state: str, error: str) -> None:
        self.report.errors.append(error)
        with self.ledger.transaction():
            self.ledger.set_decline_state(organisation, state, error)
