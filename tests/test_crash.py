"""Crash safety: the guard SIGKILLed at random moments, over and over, loses no mail, never
declines one organisation twice and leaves a ledger that agrees with the mailbox.

One seeded schedule (`random.Random(seed)`) decides everything: which message arrives in which
round, whether the round runs `guard run --once` or the daemon (`guard run`), what kills it and
when. The seed is in the test id and in every assertion message, with the whole schedule and
what happened in each round; `INBOXGUARD_CRASH_SEEDS=N pytest tests/test_crash.py` replays a
failing run (INBOXGUARD_CRASH_ROUNDS changes the number of rounds). Timing still varies between
runs of one seed (a kill lands a few milliseconds earlier or later): a seed names the schedule,
not the interleaving.

Each round: mail is APPENDed to INBOX (a block-listed vendor, two vendors whose 2nd outreach
message is due a decline, a vendor inviting to a meeting, colleagues, newsletters), some of it
only once the guard runs; a guard process starts; once it holds the ledger's lock (it writes
its pid into the lock file) it is SIGKILLed (unless it has exited already) by the round's rule:
after 0-300 ms; or the moment the SMTP sink has taken a decline, before it answers; or at the
nth IMAP command of a kind (FETCH, MOVE, APPEND, SEARCH, SELECT, STATUS), seen by a relay
between the guard and Dovecot, before Dovecot gets it or after Dovecot answered it. After the
last round one clean pass runs, then the invariants are checked.

A second, deterministic test kills the guard as the SMTP server takes a decline, on the first
attempt and on the retry of a decline the server had refused.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import pytest
import testbed
from builders import build, ics
from testbed import (
    Dovecot,
    MailUser,
    RunGuard,
    SentMail,
    SmtpSink,
    WriteConfig,
    guard_env,
    ledger_rows,
)

pytestmark = pytest.mark.integration

SEEDS = [int(s) for s in os.environ.get("INBOXGUARD_CRASH_SEEDS", "20250603,1729").split(",") if s]
ROUNDS = int(os.environ.get("INBOXGUARD_CRASH_ROUNDS", "30"))
MAX_DELAY = 0.3
"""The longest a guard process runs, after taking the ledger's lock, before it is killed."""
TRIGGER_FALLBACK = 0.6
"""How long a guard waiting for its round's trigger (an IMAP command, a decline accepted) may
run before it is killed anyway: --once passes are over by then, daemons idle."""
START_TIMEOUT = 20.0

INBOX = "INBOX"
DECLINED = "Guard/Declined"
IGNORED = "Guard/Ignored"
INVITES = "Guard/Invites"
FILING = (INBOX, DECLINED, IGNORED, INVITES)
"""Where a message may end: every delivered message is in exactly one of these."""
ACTION_FOLDER = {"keep": INBOX, "decline": DECLINED, "file": IGNORED, "decline-invite": INVITES}

BLOCKED = "pushy.example"
VENDORS = ("bitesio.com", "crateflow.io")
"""Vendors writing 2-3 outreach messages: the 2nd is declined, later ones are filed."""
INVITER = "slotwise.com"
"""A vendor whose first touch is a calendar invite: declined at once, its follow-up filed."""
DECLINING = (*VENDORS, INVITER)


# --- the mail ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mail:
    """One message of the schedule, with what a clean run does with it."""

    message_id: str  # without <>
    organisation: str
    kind: str  # outreach, invite, blocked, colleague, newsletter
    raw: bytes


def _pitch(organisation: str, rep: str, number: int) -> Mail:
    company = organisation.split(".")[0].title()
    first = rep.split()[0].lower()
    if number == 1:
        subject = "Quick question"
        body = (
            f"Hi Alan,\n\nI'm reaching out because teams like yours cut costs by 30% with "
            f"{company}.\nWorth a 15 minute call next week?\n\nBest,\n{rep}\n"
            f"{company} | {organisation}\n"
        )
    else:
        subject = "Re: Quick question"
        body = (
            "Hi Alan,\n\nJust following up on my previous email. Teams like yours cut costs by "
            f"30% with {company} in their first quarter.\nWould 15 minutes on Thursday work?"
            f"\n\nBest,\n{rep}\n{company} | {organisation}\n"
        )
    message_id = f"crash-{number}@{organisation}"
    raw = build(
        sender=f"{rep} <{first}@{organisation}>",
        subject=subject,
        body=body,
        message_id=f"<{message_id}>",
    )
    return Mail(message_id, organisation, "outreach", raw)


def _invite() -> Mail:
    message_id = f"crash-invite@{INVITER}"
    raw = build(
        sender=f"Dana Seller <dana@{INVITER}>",
        subject="Invitation: Slotwise <> Example: 15 minute intro",
        body=(
            "Hi Alan,\n\nI'm reaching out because teams like yours save 10 hours a week with "
            "Slotwise.\nI sent a quick invite for a 15 minute intro call.\n\nBest,\nDana\n"
            f"Slotwise | {INVITER}\n"
        ),
        message_id=f"<{message_id}>",
        calendar=ics(
            organizer=f"dana@{INVITER}",
            organizer_name="Dana Seller",
            uid=f"evt-crash@{INVITER}",
            summary="Slotwise <> Example: 15 minute intro",
        ),
    )
    return Mail(message_id, INVITER, "invite", raw)


def _blocked(number: int) -> Mail:
    message_id = f"crash-{number}@{BLOCKED}"
    raw = build(
        sender=f"Pat Pushy <pat@{BLOCKED}>",
        subject=f"Quick question ({number})",
        body="Hi Alan,\n\nWorth a 15 minute call next week?\n\nPat\n",
        message_id=f"<{message_id}>",
    )
    return Mail(message_id, BLOCKED, "blocked", raw)


def _colleague(number: int) -> Mail:
    message_id = f"crash-colleague-{number}@example.com"
    raw = build(
        sender="Bob Lind <bob@example.com>",
        subject=f"Notes from the planning meeting ({number})",
        body=f"Hi Alan,\n\nHere are my notes from meeting {number}. Lunch later?\n\nBob\n",
        message_id=f"<{message_id}>",
    )
    return Mail(message_id, "example.com", "colleague", raw)


def _newsletter(number: int) -> Mail:
    message_id = f"crash-issue-{number}@digest.example"
    raw = build(
        sender="Weekly Digest <news@digest.example>",
        subject=f"This week in food, issue {number}",
        body="Top stories this week.\n\nUnsubscribe: https://digest.example/u\n",
        message_id=f"<{message_id}>",
        headers={
            "List-Id": "Weekly Digest <weekly.digest.example>",
            "List-Unsubscribe": "<https://digest.example/u>",
            "Precedence": "bulk",
        },
    )
    return Mail(message_id, "digest.example", "newsletter", raw)


def mail_pool(rng: random.Random) -> list[Mail]:
    """Every message of a run, in arrival order: the streams interleaved at random, each
    organisation's own messages in order (first touch before follow-up)."""
    streams: list[list[Mail]] = [
        [_pitch(VENDORS[0], "Dana Seller", n) for n in range(1, 4)],
        [_pitch(VENDORS[1], "Lee Park", n) for n in range(1, rng.randint(2, 3) + 1)],
        [_invite(), _pitch(INVITER, "Dana Seller", 2)],
        [_blocked(n) for n in range(1, 9)],
        [_colleague(n) for n in range(1, 7)],
        [_newsletter(n) for n in range(1, 6)],
    ]
    order: list[Mail] = []
    while any(streams):
        stream = rng.choice([s for s in streams if s])
        order.append(stream.pop(0))
    return order


# --- what kills the guard ------------------------------------------------------------------


class KillSwitch:
    """SIGKILLs the round's guard process, once, from whichever thread sees its moment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self.reason: str | None = None
        self.on_smtp = False  # fire when the SMTP sink accepts a decline

    def arm(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._process, self.reason = process, None

    def disarm(self) -> None:
        with self._lock:
            self._process = None

    def fire(self, reason: str) -> bool:
        """Kill the armed process (unless it has exited); whether this call killed it."""
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None:
                return False
            process.send_signal(signal.SIGKILL)
            self._process, self.reason = None, reason
            return True


@dataclass
class ImapTrigger:
    """Kill the guard at the `nth` IMAP command matching `command`: before the server gets it,
    or (`answered`) once the server has carried it out and answered, before the guard reads the
    answer."""

    command: bytes
    nth: int
    answered: bool
    seen: int = 0

    def describe(self) -> str:
        when = "answered" if self.answered else "unsent"
        return f"at {self.command.decode()} #{self.nth} ({when})"


IMAP_COMMANDS = {
    b"UID MOVE": 4,  # filing: after it, before the pass advances its progress
    b"UID FETCH": 2,  # reading: before any decision is recorded
    b"APPEND": 2,  # the decline's copy to Sent: after 'sent' is committed
    b"UID SEARCH": 1,
    b"SELECT": 1,
    b"STATUS": 1,
}
"""The IMAP commands a round may kill the guard at, with their weights."""


class KillingRelay:
    """A pass-through TCP relay between the guard and Dovecot that kills the guard at an
    IMAP command of the round's choosing."""

    def __init__(self, upstream: Dovecot, switch: KillSwitch) -> None:
        self.upstream = upstream
        self.switch = switch
        self.trigger: ImapTrigger | None = None
        self._lock = threading.Lock()
        self._listener = socket.create_server((testbed.HOST, 0))
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self._stopping = threading.Event()
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def set_trigger(self, trigger: ImapTrigger | None) -> None:
        with self._lock:
            self.trigger = trigger

    def close(self) -> None:
        self._stopping.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection((self.upstream.host, self.upstream.port), 2)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            waiting: dict[bytes, str] = {}  # tag -> reason to kill when its answer comes
            with self._lock:
                self._sockets += [client, server]
            for source, target, watch in (
                (client, server, self._from_client),
                (server, client, self._from_server),
            ):
                thread = threading.Thread(
                    target=self._pump, args=(source, target, watch, waiting), daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        watch: Callable[[bytes, dict[bytes, str]], bool],
        waiting: dict[bytes, str],
    ) -> None:
        buffer = b""
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                buffer += data
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    if not watch(line, waiting):
                        return  # the guard was killed here: pass nothing on
                    target.sendall(line + b"\r\n")
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def _from_client(self, line: bytes, waiting: dict[bytes, str]) -> bool:
        tag, _, command = line.partition(b" ")
        with self._lock:
            trigger = self.trigger
            if trigger is None or not command.upper().startswith(trigger.command + b" "):
                return True
            trigger.seen += 1
            if trigger.seen != trigger.nth:
                return True
            self.trigger = None
            if trigger.answered:
                waiting[tag] = trigger.describe()
                return True
        return not self.switch.fire(trigger.describe())

    def _from_server(self, line: bytes, waiting: dict[bytes, str]) -> bool:
        tag = line.partition(b" ")[0]
        with self._lock:
            reason = waiting.pop(tag, None)
        return reason is None or not self.switch.fire(reason)


# --- the guard as a process ----------------------------------------------------------------


@dataclass
class Round:
    """One round of the schedule and, once played, what happened in it."""

    number: int
    mail: list[Mail]
    daemon: bool
    delay: float
    on_smtp: bool  # kill the moment the SMTP server accepted a decline (before it answers)
    imap: ImapTrigger | None
    late_mail: int  # how many of `mail` arrive once the guard runs
    outcome: str = "not played"

    def describe(self) -> str:
        mode = "daemon" if self.daemon else "--once"
        triggers = [f"after {self.delay * 1000:5.1f} ms"]
        if self.on_smtp:
            triggers.append("on a decline accepted")
        if self.imap is not None:
            triggers.append(self.imap.describe())
        ids = ", ".join(m.message_id for m in self.mail) or "-"
        return (
            f"round {self.number:2d}: {mode} kill {' or '.join(triggers)}; "
            f"mail {ids} ({self.late_mail} late): {self.outcome}"
        )


@dataclass
class Schedule:
    """Every round of one seed's run."""

    seed: int
    rounds: list[Round] = field(default_factory=list)

    def describe(self) -> str:
        return f"seed {self.seed}:\n" + "\n".join(r.describe() for r in self.rounds)


def make_schedule(seed: int, rounds: int) -> tuple[Schedule, list[Mail]]:
    rng = random.Random(seed)
    pool = mail_pool(rng)
    arrivals = sorted(rng.randrange(rounds) for _ in pool)  # sorted: streams stay in order
    schedule = Schedule(seed)
    for number in range(rounds):
        mail = [m for m, r in zip(pool, arrivals, strict=True) if r == number]
        daemon = rng.random() < 0.3
        trigger = rng.choice(("delay", "delay", "smtp", "imap", "imap"))
        imap = None
        if trigger == "imap":
            [command] = rng.choices(list(IMAP_COMMANDS), weights=list(IMAP_COMMANDS.values()))
            imap = ImapTrigger(command, 1 if rng.random() < 0.7 else 2, rng.random() < 0.5)
        schedule.rounds.append(
            Round(
                number=number,
                mail=mail,
                daemon=daemon,
                delay=rng.uniform(0.0, MAX_DELAY) if trigger == "delay" else TRIGGER_FALLBACK,
                on_smtp=trigger == "smtp",
                imap=imap,
                late_mail=rng.randint(0, len(mail)) if rng.random() < 0.3 else 0,
            )
        )
    return schedule, pool


def lock_holder(lock: Path) -> int | None:
    """The pid a guard wrote into the ledger's lock file once it took the lock."""
    try:
        text = lock.read_text()
    except OSError:
        return None
    return int(text) if text.strip().isdigit() else None


@dataclass
class Bench:
    """What every round needs."""

    config: Path
    tmp_path: Path
    env: dict[str, str]
    dovecot: Dovecot
    user: MailUser
    relay: KillingRelay
    switch: KillSwitch
    seed: int


def play(round_: Round, bench: Bench) -> None:
    """Deliver the round's mail, start a guard, kill it by the round's rules."""
    early = round_.mail[: len(round_.mail) - round_.late_mail]
    for mail in early:
        bench.dovecot.append(bench.user, INBOX, mail.raw)
    lock = bench.tmp_path / "ledger.sqlite3.lock"
    command = [sys.executable, "-m", "inboxguard", "--config", str(bench.config), "-v", "run"]
    if not round_.daemon:
        command.append("--once")
    stderr_path = bench.tmp_path / f"round-{round_.number}.stderr"
    with stderr_path.open("wb") as output:
        bench.relay.set_trigger(round_.imap)
        process = subprocess.Popen(
            command,
            env=bench.env,
            cwd=bench.tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
        )
        bench.switch.arm(process)
        try:
            testbed.wait_until(
                lambda: lock_holder(lock) == process.pid or process.poll() is not None,
                START_TIMEOUT,
                interval=0.002,
                message=f"seed {bench.seed} round {round_.number}: the guard took no lock",
            )
            started = time.monotonic()
            for mail in round_.mail[len(early) :]:
                bench.dovecot.append(bench.user, INBOX, mail.raw)
            # The schedule's delay, cut short when a trigger fires (the process is gone then).
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.0, started + round_.delay - time.monotonic()))
            bench.switch.fire(f"after {round_.delay * 1000:.1f} ms")
            code = process.wait(timeout=10)
            ran = (time.monotonic() - started) * 1000
        finally:
            bench.switch.disarm()
            bench.relay.set_trigger(None)
            if process.poll() is None:
                process.kill()
                process.wait()
    if bench.switch.reason is not None:
        round_.outcome = f"killed {bench.switch.reason} ({ran:.0f} ms)"
    else:
        round_.outcome = f"exited {code} after {ran:.0f} ms"
        stderr = stderr_path.read_text(errors="replace")
        if code != 0:
            lines = stderr.strip().splitlines()
            round_.outcome += f": {lines[-1] if lines else ''}"
        if "Traceback" in stderr:
            round_.outcome += " WITH A TRACEBACK"


# --- what the mailbox and the ledger hold ----------------------------------------------------


def census(dovecot: Dovecot, user: MailUser) -> dict[str, list[tuple[str, tuple[bytes, ...]]]]:
    """Every folder's messages as (Message-ID without <>, flags), in UID order."""
    parser = BytesHeaderParser()
    found: dict[str, list[tuple[str, tuple[bytes, ...]]]] = {}
    with dovecot.session(user) as client:
        for flags, _delimiter, name in client.list_folders():
            if b"\\Noselect" in flags or b"\\NonExistent" in flags:
                continue  # a parent like "Guard": no messages of its own
            folder = name if isinstance(name, str) else name.decode()
            client.select_folder(folder, readonly=True)
            uids = sorted(client.search(["ALL"]))
            entries = []
            if uids:
                data = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]", "FLAGS"])
                for uid in uids:
                    item = data[uid]
                    header = next(v for k, v in item.items() if k.startswith(b"BODY[HEADER"))
                    message_id = str(parser.parsebytes(header)["Message-ID"] or "")
                    entries.append((message_id.strip().strip("<>"), tuple(item[b"FLAGS"])))
            found[folder] = entries
    return found


def header(raw: bytes, name: str) -> str:
    return str(BytesHeaderParser().parsebytes(raw)[name] or "").strip()


# --- the test --------------------------------------------------------------------------------


@pytest.fixture
def switch() -> KillSwitch:
    return KillSwitch()


@pytest.fixture
def relay(dovecot: Dovecot, switch: KillSwitch) -> Iterator[KillingRelay]:
    opened = KillingRelay(dovecot, switch)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def killing_sink(smtp_sink: SmtpSink, switch: KillSwitch) -> SmtpSink:
    """The SMTP sink, which kills the guard (in `on_smtp` rounds) after it took a decline and
    before it says so: the decline is out, the guard never learns it."""
    accept = smtp_sink._deliver

    def accept_then_kill(*args: Any) -> str:
        reply = accept(*args)
        if switch.on_smtp:
            switch.fire("on a decline accepted")
        return reply

    smtp_sink._deliver = accept_then_kill  # type: ignore[method-assign]
    return smtp_sink


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed={s}" for s in SEEDS])
def test_kill_9_at_random_moments_loses_nothing_and_declines_once(
    seed: int,
    dovecot: Dovecot,
    mail_user: MailUser,
    killing_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
    relay: KillingRelay,
    switch: KillSwitch,
    tmp_path: Path,
) -> None:
    schedule, pool = make_schedule(seed, ROUNDS)
    config = write_config(
        mail_user,
        smtp=killing_sink,
        server=dovecot,
        imap={"port": relay.port},
        lists={"block": [BLOCKED]},
        daemon={"poll_seconds": 60, "sent_poll_seconds": 60},
    )
    ledger = tmp_path / "ledger.sqlite3"
    baseline = run_guard(config, "run", "--once")  # the empty mailbox: nothing is history
    assert baseline.returncode == 0, f"seed {seed}: the first pass failed: {baseline.stderr}"

    bench = Bench(
        config=config,
        tmp_path=tmp_path,
        env=guard_env(tmp_path, mail_user.password),
        dovecot=dovecot,
        user=mail_user,
        relay=relay,
        switch=switch,
        seed=seed,
    )
    for round_ in schedule.rounds:
        switch.on_smtp = round_.on_smtp
        play(round_, bench)
    switch.on_smtp = False
    traced = [r.number for r in schedule.rounds if r.outcome.endswith("WITH A TRACEBACK")]
    assert not traced, f"seed {seed}: rounds {traced} ended in a traceback\n{schedule.describe()}"
    killed = sum(1 for round_ in schedule.rounds if round_.outcome.startswith("killed"))
    assert killed >= len(schedule.rounds) // 4, (
        f"seed {seed}: only {killed} guards were killed; the schedule tests little\n"
        f"{schedule.describe()}"
    )
    final = run_guard(config, "run", "--once")
    where = f"seed {seed} (INBOXGUARD_CRASH_SEEDS={seed} replays it)\n{schedule.describe()}"
    assert final.returncode == 0, f"{where}\nthe last clean pass failed:\n{final.stderr}"
    assert "Traceback" not in final.stderr, f"{where}\n{final.stderr}"
    check_invariants(where, pool, census(dovecot, mail_user), ledger, killing_sink.received)
    print(f"\n{schedule.describe()}")


def check_invariants(
    where: str,
    pool: list[Mail],
    folders: dict[str, list[tuple[str, tuple[bytes, ...]]]],
    ledger: Path,
    received: list[SentMail],
) -> None:
    delivered = {mail.message_id: mail for mail in pool}
    declines = {row["organisation"]: row for row in ledger_rows(ledger, "SELECT * FROM declines")}
    decline_ids = {row["message_id"].strip("<>"): row for row in declines.values()}

    # No mail lost, none duplicated, none flagged \Deleted, nothing that nobody delivered.
    places: dict[str, list[str]] = {}
    for folder, entries in folders.items():
        for message_id, flags in entries:
            assert b"\\Deleted" not in flags, f"{where}\n{message_id} is \\Deleted in {folder}"
            places.setdefault(message_id, []).append(folder)
    for message_id in delivered:
        found = places.get(message_id, [])
        assert len(found) == 1, f"{where}\n{message_id} is in {found}, not in exactly one folder"
        assert found[0] in FILING, f"{where}\n{message_id} is in {found}"
    strays = {m: f for m, f in places.items() if m not in delivered and m not in decline_ids}
    assert not strays, f"{where}\nmessages nobody delivered: {strays}"

    # At most one decline per organisation reached the SMTP server, each one in the ledger,
    # answering that organisation's mail; the ledger's sent declines all reached it.
    per_organisation = Counter(mail.rcpt_tos[0].rpartition("@")[2] for mail in received)
    assert all(n == 1 for n in per_organisation.values()), (
        f"{where}\ndeclines received per organisation: {dict(per_organisation)}"
    )
    received_ids = set()
    for mail in received:
        message_id = header(mail.data, "Message-ID").strip("<>")
        in_reply_to = header(mail.data, "In-Reply-To").strip("<>")
        received_ids.add(message_id)
        assert message_id in decline_ids, (
            f"{where}\nthe sink got {message_id}, unknown to the ledger"
        )
        row = decline_ids[message_id]
        assert row["state"] in ("sent", "pending", "uncertain"), (
            f"{where}\n{message_id} was received but the ledger says {row['state']}"
        )
        assert delivered[in_reply_to].organisation == row["organisation"], (
            f"{where}\n{message_id} answers {in_reply_to}, not {row['organisation']}'s mail"
        )
    for organisation, row in declines.items():
        assert organisation in DECLINING, f"{where}\n{organisation} was declined: {row}"
        assert row["state"] != "unsent", f"{where}\nthe clean pass left {organisation} unsent"
        if row["state"] == "sent":
            assert row["message_id"].strip("<>") in received_ids, (
                f"{where}\nthe ledger says the decline to {organisation} was sent; "
                "the sink never got it"
            )

    # Each declining organisation was declined once (a decision survives any crash), the
    # message declined is in the declined (or invites) folder, the block-listed vendor's mail is
    # filed, the colleagues' and the newsletters' mail is still in the inbox.
    for organisation in DECLINING:
        assert organisation in declines, f"{where}\n{organisation} has no decline in the ledger"
        answered = declines[organisation]["in_reply_to"].strip("<>")
        target = INVITES if organisation == INVITER else DECLINED
        assert places[answered] == [target], (
            f"{where}\n{organisation}'s declined message {answered} is in {places[answered]}"
        )
    for mail in pool:
        if mail.kind == "blocked":
            assert places[mail.message_id] == [IGNORED], f"{where}\n{mail.message_id} not filed"
        if mail.kind in ("colleague", "newsletter"):
            assert places[mail.message_id] == [INBOX], f"{where}\n{mail.message_id} was moved"

    # The ledger: one decision per delivered message, and the message is where it says; its
    # copies in Sent are of declines the SMTP server took, one each.
    recorded = ledger_rows(ledger, "SELECT * FROM messages WHERE folder = 'INBOX'")
    decisions = Counter(row["message_id"] for row in recorded)
    assert set(decisions) == set(delivered), (
        f"{where}\nnever decided: {sorted(set(delivered) - set(decisions))}; "
        f"decided, never delivered: {sorted(set(decisions) - set(delivered))}"
    )
    assert all(n == 1 for n in decisions.values()), f"{where}\ndecided twice: {decisions}"
    for row in recorded:
        folder = ACTION_FOLDER.get(row["action"])
        assert places[row["message_id"]] == [folder], (
            f"{where}\n{row['message_id']}: the ledger says {row['action']}, "
            f"it is in {places[row['message_id']]}"
        )
    copies = Counter(message_id for message_id, _ in folders.get("Sent", []))
    for message_id, count in copies.items():
        assert count == 1, f"{where}\nSent holds {count} copies of {message_id}"
        assert message_id in received_ids, f"{where}\n{message_id} in Sent was never sent"
    for row in ledger_rows(ledger, "SELECT * FROM vendors"):
        arrived = sum(1 for m in pool if m.organisation == row["organisation"])
        assert row["outreach"] <= arrived, f"{where}\n{row} counts more mail than arrived"


# --- one deterministic crash: the moment the SMTP server takes a decline ----------------------


@pytest.mark.parametrize(
    "attempt",
    [
        "first",
        "retry",
    ],
)
def test_a_guard_killed_as_the_server_takes_its_decline_never_sends_it_again(
    attempt: str,
    dovecot: Dovecot,
    mail_user: MailUser,
    killing_sink: SmtpSink,
    switch: KillSwitch,
    write_config: WriteConfig,
    run_guard: RunGuard,
    tmp_path: Path,
) -> None:
    """The first attempt and a retry of an unsent decline: SIGKILL lands after the SMTP server
    accepted the message and before the guard heard so (a crash may cost a decline's 'sent'
    mark, never cause a second decline)."""
    ledger = tmp_path / "ledger.sqlite3"
    config = write_config(mail_user, smtp=killing_sink)
    assert run_guard(config, "run", "--once").returncode == 0
    first, second = _pitch(VENDORS[0], "Dana Seller", 1), _pitch(VENDORS[0], "Sam Rivers", 2)
    for mail in (first, second):
        dovecot.append(mail_user, INBOX, mail.raw)
    if attempt == "retry":
        killing_sink.set_failure("451 4.3.0 try later")
        refused = run_guard(config, "run", "--once")
        assert refused.returncode == 1, refused.stderr
        assert [r["state"] for r in ledger_rows(ledger, "SELECT state FROM declines")] == ["unsent"]
        killing_sink.set_failure(None)

    switch.on_smtp = True
    process = subprocess.Popen(
        [sys.executable, "-m", "inboxguard", "--config", str(config), "run", "--once"],
        env=guard_env(tmp_path, mail_user.password),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    switch.arm(process)
    try:
        code = process.wait(timeout=START_TIMEOUT)
    finally:
        switch.disarm()
        switch.on_smtp = False
    assert code == -signal.SIGKILL and switch.reason == "on a decline accepted", code
    assert len(killing_sink.received) == 1

    for _ in range(2):
        after = run_guard(config, "run", "--once")
        assert after.returncode == 0, after.stderr
    received = killing_sink.received
    assert [m.rcpt_tos for m in received] == [("sam@bitesio.com",)], (
        f"{len(received)} declines reached the SMTP server"
    )
    [decline] = ledger_rows(ledger, "SELECT state, message_id FROM declines")
    assert decline["message_id"].strip("<>") == header(received[0].data, "Message-ID").strip("<>")
    folders = census(dovecot, mail_user)
    assert [m for m, _ in folders[DECLINED]] == [second.message_id]
    assert [m for m, _ in folders[INBOX]] == [first.message_id]
