"""The scenario runner: replays every corpus mailbox timeline against Dovecot and judges the guard.

Replay per the corpus README ("How a harness replays a scenario"): a fresh mailbox and SMTP
sink, one `run --once` on the empty mailbox, then for each event an APPEND and a `run --once`,
then the judge: where every INBOX message ended, what the guard sent, and `status --json`.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from pathlib import Path
from typing import Any, NoReturn

import icalendar
import pytest
import testbed
from testbed import Dovecot, MailUser, RunGuard, SentMail, SmtpSink, WriteConfig

pytestmark = pytest.mark.integration

EXPECTED_FAILURES: frozenset[str] = frozenset()
"""Scenarios known to fail until outreach recognition lands; the lead keeps this list."""

CORPUS = Path(
    os.environ.get("INBOXGUARD_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus"
)
SCENARIOS = CORPUS / "scenarios"

DELIVERY_FOLDERS = {"INBOX": "INBOX", "Sent": "Sent"}
"""Event `folder` → the IMAP folder it is appended to."""

EXPECTED_FOLDER = {
    "keep": "INBOX",
    "decline": "Guard/Declined",
    "file": "Guard/Ignored",
    "decline-invite": "Guard/Invites",
}
"""Event `expect` → where the message must end (DESIGN.md's [folders] defaults)."""

POLICY_DEFAULTS: dict[str, Any] = {"decline_after": 2, "grace_days": 0, "mode": "act"}


def _scenario_params() -> list[Any]:
    if not SCENARIOS.is_dir():
        return [pytest.param(None, id="corpus-missing")]
    params = []
    for folder in sorted(SCENARIOS.iterdir()):
        if not (folder / "scenario.toml").is_file():
            continue
        marks = []
        if folder.name in EXPECTED_FAILURES:
            marks.append(
                pytest.mark.xfail(strict=True, reason="needs outreach recognition (issue 3)")
            )
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params or [pytest.param(None, id="corpus-missing")]


def _require_corpus() -> NoReturn:
    testbed.unavailable(
        f"no scenario corpus at {SCENARIOS} (set INBOXGUARD_CORPUS to the corpus folder)"
    )


# --- reading mail --------------------------------------------------------------------------


def _one_line(value: object) -> str:
    """A header value unfolded and stripped; '' for a missing header."""
    return "".join(str(value).splitlines()).strip() if value is not None else ""


def _message_id(headers: Message) -> str:
    return _one_line(headers["Message-ID"])


def _calendars(message: Message) -> list[icalendar.Calendar]:
    """Every iCalendar object in `message` (text/calendar or application/ics parts)."""
    found = []
    for part in message.walk():
        if part.get_content_type() not in ("text/calendar", "application/ics"):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            found.append(icalendar.Calendar.from_ical(payload))
    return found


def _address(value: object) -> str:
    """An iCalendar CAL-ADDRESS without `mailto:`, lower-cased."""
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text.lower()


def _attendees(event: icalendar.Event) -> list[Any]:
    value = event.get("ATTENDEE")
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@dataclass(frozen=True)
class Event:
    """One `[[event]]` of a scenario with what the judge needs from its message."""

    index: int
    file: str
    folder: str
    expect: str | None
    raw: bytes
    message_id: str
    reply_address: str  # Reply-To, else From, lower-cased
    invite_uid: str | None
    organizer: str | None

    @property
    def label(self) -> str:
        return f"{self.index:02d} {self.file}"


def _load_event(directory: Path, index: int, entry: dict[str, Any]) -> Event:
    raw = (directory / entry["file"]).read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    reply_to = message["Reply-To"] or message["From"]
    addresses = getattr(reply_to, "addresses", ()) if reply_to is not None else ()
    reply_address = addresses[0].addr_spec.lower() if addresses else ""
    invite_uid = organizer = None
    for calendar in _calendars(message):
        for vevent in calendar.walk("VEVENT"):
            invite_uid = str(vevent.get("UID", "")) or None
            if vevent.get("ORGANIZER") is not None:
                organizer = _address(vevent["ORGANIZER"])
            break
    return Event(
        index=index,
        file=entry["file"],
        folder=entry["folder"],
        expect=entry.get("expect"),
        raw=raw,
        message_id=_message_id(message),
        reply_address=reply_address,
        invite_uid=invite_uid,
        organizer=organizer,
    )


@dataclass(frozen=True)
class Scenario:
    name: str
    user: dict[str, Any]
    lists: dict[str, Any] | None
    policy: dict[str, Any]
    events: list[Event]
    expect_vendor: list[dict[str, Any]]


def _load_scenario(directory: Path) -> Scenario:
    spec = tomllib.loads((directory / "scenario.toml").read_text(encoding="utf-8"))
    events = [_load_event(directory, n, e) for n, e in enumerate(spec["event"], start=1)]
    ids = [event.message_id for event in events]
    if "" in ids or len(set(ids)) != len(ids):
        pytest.fail(f"{directory}: every event needs its own Message-ID", pytrace=False)
    return Scenario(
        name=directory.name,
        user=spec["user"],
        lists=spec.get("lists"),
        policy={**POLICY_DEFAULTS, **spec.get("policy", {})},
        events=events,
        expect_vendor=spec.get("expect_vendor", []),
    )


# --- judging -------------------------------------------------------------------------------


def _undeleted_message_ids(dovecot: Dovecot, user: MailUser) -> dict[str, list[str]]:
    """Message-ID → the judged folders holding a copy not flagged \\Deleted (one per copy)."""
    where: dict[str, list[str]] = defaultdict(list)
    parser = BytesHeaderParser()
    with dovecot.session(user) as client:
        for folder in sorted(set(EXPECTED_FOLDER.values())):
            if not client.folder_exists(folder):
                continue
            client.select_folder(folder, readonly=True)
            uids = client.search(["UNDELETED"])
            if not uids:
                continue
            for data in client.fetch(uids, ["BODY.PEEK[HEADER]"]).values():
                where[_message_id(parser.parsebytes(data[b"BODY[HEADER]"]))].append(folder)
    return where


def _judge_folders(scenario: Scenario, where: dict[str, list[str]]) -> list[str]:
    problems = []
    for event in scenario.events:
        if event.folder != "INBOX" or event.expect is None:
            continue
        expected = EXPECTED_FOLDER[event.expect]
        actual = where.get(event.message_id, [])
        if actual != [expected]:
            found = " and ".join(actual) if actual else "no judged folder (lost?)"
            problems.append(
                f"{event.label}: expect {event.expect} → in {expected}; actually in {found}"
            )
    return problems


def _describe(mail: SentMail, message: Message) -> str:
    return f"mail to {', '.join(mail.rcpt_tos)} ({_one_line(message['Subject'])!r})"


def _judge_invite_reply(event: Event, mail: SentMail, message: Message) -> list[str]:
    where = f"{event.label}: the calendar decline"
    replies = [c for c in _calendars(message) if str(c.get("METHOD", "")).upper() == "REPLY"]
    if len(replies) != 1:
        return [f"{where} has {len(replies)} text/calendar METHOD:REPLY parts, expected 1"]
    problems = []
    vevents = list(replies[0].walk("VEVENT"))
    if len(vevents) != 1:
        problems.append(f"{where} has {len(vevents)} VEVENTs, expected 1")
    for vevent in vevents[:1]:
        uid = str(vevent.get("UID", ""))
        if uid != event.invite_uid:
            problems.append(f"{where} has UID {uid!r}, the invite's is {event.invite_uid!r}")
        attendees = _attendees(vevent)
        states = [str(a.params.get("PARTSTAT", "")).upper() for a in attendees]
        if states != ["DECLINED"]:
            problems.append(f"{where}: ATTENDEE PARTSTAT {states}, expected ['DECLINED']")
    recipients = [r.lower() for r in mail.rcpt_tos]
    if event.organizer is None or event.organizer not in recipients:
        problems.append(f"{where} went to {recipients}, not the ORGANIZER {event.organizer}")
    return problems


def _judge_replies(scenario: Scenario, received: list[SentMail]) -> list[str]:
    problems: list[str] = []
    by_id = {event.message_id: event for event in scenario.events}
    replies: dict[int, list[tuple[SentMail, Message]]] = defaultdict(list)
    for mail in received:
        message = BytesParser(policy=policy.default).parsebytes(mail.data)
        in_reply_to = _one_line(message["In-Reply-To"])
        references = _one_line(message["References"]).split()
        event = by_id.get(in_reply_to)
        if event is None:
            problems.append(
                f"{_describe(mail, message)} replies to no event (In-Reply-To {in_reply_to!r})"
            )
            continue
        if not references or references[-1] != event.message_id:
            problems.append(
                f"{event.label}: the reply's References {references} do not end with "
                f"{event.message_id}"
            )
        replies[event.index].append((mail, message))

    for event in scenario.events:
        got = replies.get(event.index, [])
        wanted = 1 if event.expect in ("decline", "decline-invite") else 0
        if len(got) != wanted:
            what = event.expect or f"{event.folder} (the user's own mail)"
            sent = "; ".join(_describe(m, msg) for m, msg in got)
            problems.append(
                f"{event.label}: expect {what} → {wanted} reply; got {len(got)}: {sent}"
            )
            continue
        for mail, message in got:
            if event.expect == "decline":
                recipients = [r.lower() for r in mail.rcpt_tos]
                if event.reply_address not in recipients:
                    problems.append(
                        f"{event.label}: the decline went to {recipients}, not to "
                        f"{event.reply_address} (Reply-To, else From)"
                    )
                methods = [str(c.get("METHOD", "")).upper() for c in _calendars(message)]
                if "REPLY" in methods:
                    problems.append(f"{event.label}: a text decline with a calendar REPLY part")
            else:
                problems.extend(_judge_invite_reply(event, mail, message))

    declines = sum(e.expect in ("decline", "decline-invite") for e in scenario.events)
    if len(received) != declines:
        problems.append(f"the guard sent {len(received)} mail(s) in all, expected {declines}")
    return problems


def _judge_status(scenario: Scenario, stdout: str) -> list[str]:
    try:
        status = json.loads(stdout)
    except json.JSONDecodeError as error:
        return [f"status --json printed no JSON ({error}): {stdout[:500]!r}"]
    if not isinstance(status, list):
        return [f"status --json printed {type(status).__name__}, not an array"]
    by_vendor = {entry.get("vendor"): entry for entry in status if isinstance(entry, dict)}
    problems = []
    for expected in scenario.expect_vendor:
        vendor = expected["vendor"]
        entry = by_vendor.get(vendor, {"ignored_no": False, "after_no": 0})
        actual = (entry.get("ignored_no"), entry.get("after_no"))
        wanted = (expected["ignored_no"], expected["after_no"])
        if actual != wanted:
            problems.append(
                f"status {vendor}: expected ignored_no={wanted[0]}, after_no={wanted[1]}; "
                f"actually ignored_no={actual[0]}, after_no={actual[1]}"
                + ("" if vendor in by_vendor else " (absent)")
            )
    return problems


# --- the test ------------------------------------------------------------------------------


def _run_pass(run_guard: RunGuard, config: Path, step: str) -> None:
    completed = run_guard(config, "run", "--once")
    if completed.returncode != 0:
        pytest.fail(
            f"`run --once` {step} exited {completed.returncode}\n"
            f"stdout:\n{completed.stdout}\nstderr:\n{completed.stderr}",
            pytrace=False,
        )


@pytest.mark.parametrize("directory", _scenario_params())
def test_scenario(
    directory: Path | None,
    dovecot: Dovecot,
    mail_user: MailUser,
    smtp_sink: SmtpSink,
    write_config: WriteConfig,
    run_guard: RunGuard,
) -> None:
    if directory is None:
        _require_corpus()
    scenario = _load_scenario(directory)
    tables: dict[str, dict[str, Any]] = {"policy": scenario.policy}
    if scenario.lists is not None:
        tables["lists"] = scenario.lists
    config = write_config(
        mail_user,
        email=scenario.user["email"],
        name=scenario.user["name"],
        domains=scenario.user["domains"],
        smtp=smtp_sink,
        **tables,
    )

    _run_pass(run_guard, config, "on the empty mailbox")
    for event in scenario.events:
        if event.folder not in DELIVERY_FOLDERS:
            pytest.fail(f"{event.label}: unknown folder {event.folder!r}", pytrace=False)
        dovecot.append(mail_user, DELIVERY_FOLDERS[event.folder], event.raw)
        _run_pass(run_guard, config, f"after {event.label}")

    problems = _judge_folders(scenario, _undeleted_message_ids(dovecot, mail_user))
    problems += _judge_replies(scenario, smtp_sink.received)
    status = run_guard(config, "status", "--json")
    if status.returncode != 0:
        problems.append(f"status --json exited {status.returncode}: {status.stderr.strip()}")
    else:
        problems += _judge_status(scenario, status.stdout)
    assert not problems, f"{scenario.name}: {len(problems)} mismatch(es)\n" + "\n".join(
        f"  - {problem}" for problem in problems
    )


def test_expected_failures_name_real_scenarios() -> None:
    if not SCENARIOS.is_dir():
        _require_corpus()
    names = {folder.name for folder in SCENARIOS.iterdir() if (folder / "scenario.toml").is_file()}
    assert not EXPECTED_FAILURES - names, f"not scenarios: {sorted(EXPECTED_FAILURES - names)}"
