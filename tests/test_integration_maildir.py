"""The Maildir backend: the mailbox contract on a real directory tree, and one pass through it."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from itertools import count
from pathlib import Path

import pytest
import testbed
from builders import build
from testbed import RunGuard

from inboxguard.errors import ServerError
from inboxguard.mailbox import FetchedMessage
from inboxguard.maildir import MaildirMailbox

pytestmark = pytest.mark.integration

LAYOUTS = ("fs", "maildir++")
_names = count()

FOLLOW_UP = (
    "Hi Alan,\n\n"
    "Just following up on my previous email. Teams like yours cut food waste by 30% with "
    "Bitesio in their first quarter.\nWould 15 minutes on Thursday work?\n\n"
    "Best,\nSam Rivers\nBitesio | bitesio.com\n"
)
PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)


def on_disk(root: Path, layout: str, folder: str) -> Path:
    """Where mbsync would keep `folder` in `layout`, written out independently of the adapter."""
    if layout == "fs":
        return root / folder
    return root if folder == "INBOX" else root / ("." + folder.replace("/", "."))


def make_folder(root: Path, layout: str, folder: str) -> Path:
    directory = on_disk(root, layout, folder)
    for sub in ("cur", "new", "tmp"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    return directory


def deliver(root: Path, layout: str, folder: str, raw: bytes, *, at: float | None = None) -> Path:
    """Deliver as an MDA does: write in tmp/, then rename into new/; `at` sets the mtime."""
    directory = on_disk(root, layout, folder)
    name = f"{1_700_000_000 + next(_names)}.M{next(_names)}P{os.getpid()}.testhost"
    scratch = directory / "tmp" / name
    scratch.write_bytes(raw)
    if at is not None:
        os.utime(scratch, (at, at))
    final = directory / "new" / name
    os.rename(scratch, final)
    return final


def files(root: Path, layout: str, folder: str, sub: str = "cur") -> list[Path]:
    return sorted((on_disk(root, layout, folder) / sub).iterdir())


def outbox(root: Path, layout: str) -> list[Path]:
    """The declines queued for the user's mailer (none when the Outbox does not exist yet)."""
    return sorted((on_disk(root, layout, "Outbox") / "new").glob("*"))


def raw(number: int) -> bytes:
    return build(subject=f"message {number}", message_id=f"<md-{number}@bitesio.com>")


def fetched(mailbox: MaildirMailbox, folder: str, after: int = 0) -> list[FetchedMessage]:
    return [message for batch in mailbox.fetch_after(folder, after) for message in batch]


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def root(tmp_path: Path, layout: str) -> Path:
    """A Maildir tree with INBOX and Sent, as a sync tool leaves it."""
    tree = tmp_path / "Mail"
    make_folder(tree, layout, "INBOX")
    make_folder(tree, layout, "Sent")
    return tree


# --- the mailbox contract ------------------------------------------------------------------------


def test_a_missing_tree_or_folder_is_a_server_error(
    tmp_path: Path, root: Path, layout: str
) -> None:
    with pytest.raises(ServerError, match="no such folder"):
        MaildirMailbox(tmp_path / "absent", layout)
    with pytest.raises(ServerError, match="Archive"):
        MaildirMailbox(root, layout).status("Archive")


def test_sent_folder_is_found_by_name(tmp_path: Path, root: Path, layout: str) -> None:
    assert MaildirMailbox(root, layout).sent_folder() == "Sent"
    bare = tmp_path / "Bare"
    make_folder(bare, layout, "INBOX")
    assert MaildirMailbox(bare, layout).sent_folder() is None


def test_ensure_folders_creates_the_layouts_directories_and_is_idempotent(
    root: Path, layout: str
) -> None:
    mailbox = MaildirMailbox(root, layout)
    mailbox.ensure_folders(["Guard/Declined", "Guard/Ignored"])
    declined = on_disk(root, layout, "Guard/Declined")
    for sub in ("cur", "new", "tmp"):
        assert (declined / sub).is_dir()
        assert (on_disk(root, layout, "Guard/Ignored") / sub).is_dir()
    kept = deliver(root, layout, "Guard/Declined", raw(1))
    mailbox.ensure_folders(["Guard/Declined", "INBOX"])
    assert kept.read_bytes() == raw(1)
    assert [m.raw for m in fetched(mailbox, "Guard/Declined")] == [raw(1)]


def test_status_uidnext_grows_and_uidvalidity_stays(root: Path, layout: str) -> None:
    mailbox = MaildirMailbox(root, layout)
    assert mailbox.status("INBOX").uidnext == 1
    deliver(root, layout, "INBOX", raw(1))
    first = mailbox.status("INBOX")
    assert first.uidnext == 2
    deliver(root, layout, "INBOX", raw(2))
    deliver(root, layout, "INBOX", raw(3))
    second = MaildirMailbox(root, layout).status("INBOX")
    assert second.uidnext == 4
    assert mailbox.status("INBOX") == second
    assert first.uidvalidity == second.uidvalidity > 0


def next_second() -> None:
    """Wait until the wall clock's whole second changes (UIDVALIDITY is a time in seconds)."""
    start = int(time.time())
    testbed.wait_until(lambda: int(time.time()) > start, 3, message="the clock stood still")


def test_an_empty_folders_uidvalidity_survives_a_restart(root: Path, layout: str) -> None:
    before = MaildirMailbox(root, layout).status("INBOX")
    next_second()
    assert MaildirMailbox(root, layout).status("INBOX") == before
    deliver(root, layout, "INBOX", raw(1))
    assert MaildirMailbox(root, layout).status("INBOX").uidvalidity == before.uidvalidity


def test_fetch_after_by_uid_is_stable_across_instances(root: Path, layout: str) -> None:
    paths = [deliver(root, layout, "INBOX", raw(n), at=1_750_000_000 + n) for n in (1, 2, 3)]
    first = fetched(MaildirMailbox(root, layout), "INBOX")
    assert [(m.uid, m.raw) for m in first] == [(1, raw(1)), (2, raw(2)), (3, raw(3))]
    assert first[0].arrived == datetime.fromtimestamp(1_750_000_001, UTC)
    assert first[0].arrived.tzinfo is not None

    # A mail client reads message 1: new/NAME becomes cur/NAME:2,S. Then a 4th arrives.
    os.rename(paths[0], paths[0].parent.parent / "cur" / f"{paths[0].name}:2,S")
    deliver(root, layout, "INBOX", raw(4), at=1_750_000_004)

    restarted = MaildirMailbox(root, layout)
    assert restarted.status("INBOX").uidnext == 5
    assert [(m.uid, m.raw) for m in fetched(restarted, "INBOX", 2)] == [(3, raw(3)), (4, raw(4))]
    assert [(m.uid, m.raw) for m in fetched(restarted, "INBOX")][:1] == [(1, raw(1))]
    assert fetched(restarted, "INBOX", 4) == []


def test_move_keeps_the_bytes_and_the_other_uids(root: Path, layout: str) -> None:
    for n in (1, 2, 3):
        deliver(root, layout, "INBOX", raw(n), at=1_750_000_000 + n)
    mailbox = MaildirMailbox(root, layout)
    mailbox.ensure_folders(["Guard/Declined"])
    assert [m.uid for m in fetched(mailbox, "INBOX")] == [1, 2, 3]
    mailbox.move("INBOX", [2, 99], "Guard/Declined")  # 99: no such message, nothing happens
    [moved] = files(root, layout, "Guard/Declined")
    assert moved.read_bytes() == raw(2)
    assert ":2," in moved.name
    restarted = MaildirMailbox(root, layout)
    assert [(m.uid, m.raw) for m in fetched(restarted, "INBOX")] == [(1, raw(1)), (3, raw(3))]
    assert [m.raw for m in fetched(restarted, "Guard/Declined")] == [raw(2)]
    assert restarted.status("INBOX").uidnext == 4  # a moved UID is never given again


@pytest.mark.parametrize("seen", [True, False])
def test_append_files_a_message_in_cur_or_new(root: Path, layout: str, seen: bool) -> None:
    mailbox = MaildirMailbox(root, layout)
    mailbox.append("Outbox", raw(1), seen=seen)  # the folder is created when missing
    where = files(root, layout, "Outbox", "cur" if seen else "new")
    assert [path.read_bytes() for path in where] == [raw(1)]
    assert where[0].name.endswith(":2,S") is seen
    assert files(root, layout, "Outbox", "new" if seen else "cur") == []
    assert files(root, layout, "Outbox", "tmp") == []
    assert [m.raw for m in fetched(MaildirMailbox(root, layout), "Outbox")] == [raw(1)]


# --- one pass through the CLI --------------------------------------------------------------------


def maildir_config(tmp_path: Path, root: Path, layout: str) -> Path:
    """A guard config with [maildir] and neither [imap] nor [smtp]."""
    config = tmp_path / "maildir.toml"
    config.write_text(
        "[account]\n"
        'email = "alan@example.com"\n'
        'name = "Alan Porter"\n'
        'domains = ["example.com"]\n\n'
        "[maildir]\n"
        f'path = "{root}"\n'
        f'layout = "{layout}"\n\n'
        "[storage]\n"
        f'path = "{tmp_path / "ledger.sqlite3"}"\n\n'
        "[policy]\n"
        "grace_days = 0\n",
        encoding="utf-8",
    )
    return config


def one_pass(run_guard: RunGuard, config: Path) -> None:
    completed = run_guard(config, "run", "--once")
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr


def test_a_pass_over_a_maildir_declines_into_the_outbox(
    tmp_path: Path, root: Path, layout: str, run_guard: RunGuard
) -> None:
    config = maildir_config(tmp_path, root, layout)
    one_pass(run_guard, config)  # the empty mailbox
    first = build(body=PITCH, message_id="<md-pitch-1@bitesio.com>")
    deliver(root, layout, "INBOX", first)
    one_pass(run_guard, config)
    assert outbox(root, layout) == []
    second = build(
        sender="Sam Rivers <sam@bitesio.com>",
        subject="Re: Quick question",
        body=FOLLOW_UP,
        message_id="<md-pitch-2@bitesio.com>",
    )
    deliver(root, layout, "INBOX", second)
    one_pass(run_guard, config)

    [queued] = outbox(root, layout)  # unread: for the user's mailer to send
    decline = BytesParser(policy=policy.default).parsebytes(queued.read_bytes())
    assert str(decline["In-Reply-To"]).strip() == "<md-pitch-2@bitesio.com>"
    assert "sam@bitesio.com" in str(decline["To"])
    assert "alan@example.com" in str(decline["From"])
    assert [path.read_bytes() for path in files(root, layout, "Guard/Declined")] == [second]
    inbox = [p.read_bytes() for sub in ("new", "cur") for p in files(root, layout, "INBOX", sub)]
    assert inbox == [first]
    [copy] = files(root, layout, "Sent")
    assert copy.read_bytes() == queued.read_bytes()

    one_pass(run_guard, config)  # the copy in Sent is the guard's own: nothing more is queued
    assert outbox(root, layout) == [queued]


@pytest.mark.parametrize("layout", ["fs"])  # the same bug in both layouts: one is enough
def test_mail_arriving_after_an_empty_start_is_news(
    tmp_path: Path, root: Path, layout: str, run_guard: RunGuard
) -> None:
    config = maildir_config(tmp_path, root, layout)
    one_pass(run_guard, config)  # the empty mailbox
    next_second()
    deliver(root, layout, "INBOX", build(body=PITCH, message_id="<md-pitch-1@bitesio.com>"))
    deliver(
        root,
        layout,
        "INBOX",
        build(sender="Sam Rivers <sam@bitesio.com>", body=FOLLOW_UP, message_id="<md-2@b.com>"),
    )
    one_pass(run_guard, config)
    assert len(outbox(root, layout)) == 1
