"""The benchmark: inboxguard on a 50,000-message mailbox against imapfilter and the floor.

    .venv/bin/python bench/run.py            # the full run (a few minutes), prints a table
    .venv/bin/python bench/run.py --quick    # a tenth of the sizes, to try it out

Starts the Dovecot test bed, seeds it by writing Maildir files, measures everything in one
run, prints a table and writes bench/results/<time>.json. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from imapclient import IMAPClient  # noqa: E402
from mailgen import BLOCKED, USER, USER_DOMAIN, MaildirWriter, mailbox_mix, message, sent_mix  # noqa: E402
from testbed import Dovecot, MailUser, SmtpSink, wait_until  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Results:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)

    def add(self, measure: str, value: str, goal: str = "", verdict: str = "") -> None:
        self.rows.append((measure, value, goal, verdict))
        print(f"  {measure}: {value} {goal} {verdict}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--latency-messages", type=int, default=50)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    scratch = Path(tempfile.mkdtemp(prefix="inboxguard-bench-", dir=_fast_tmp()))
    scratch.chmod(0o755)  # the Dovecot user must reach its root inside
    results = Results()
    results.data["sizes"] = {"scale": scale}
    with Dovecot(scratch / "dovecot") as dovecot, SmtpSink() as sink:
        bench = Bench(dovecot, sink, scratch, results)
        core_throughput(results)
        bench.history_reads([int(n * scale) for n in (5_000, 20_000, 50_000)])
        bench.new_mail(int(30_000 * scale), int(20_000 * scale))
        bench.idle_pass()
        if os.environ.get("BENCH_ONLY_DAEMON"):
            pass
        bench.daemon(args.idle_seconds * (0.25 if args.quick else 1), args.latency_messages)
    shutil.rmtree(scratch, ignore_errors=True)
    report(results, args.out)
    return 0


def _fast_tmp() -> str | None:
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


class Bench:
    def __init__(self, dovecot: Dovecot, sink: SmtpSink, scratch: Path, results: Results):
        self.dovecot = dovecot
        self.sink = sink
        self.scratch = scratch
        self.results = results
        self.owner = _dovecot_owner()
        self.guard_user: MailUser | None = None
        self.guard_config: Path | None = None

    # seeding

    def user(self, folders: tuple[str, ...] = ("INBOX", "Sent")) -> MailUser:
        user = self.dovecot.add_user()
        with self.dovecot.session(user) as client:
            for folder in folders:
                if not client.folder_exists(folder):
                    client.create_folder(folder)
                client.select_folder(folder)
        return user

    def writer(self, user: MailUser, folder: str) -> MaildirWriter:
        return MaildirWriter(user.home / "Maildir" / folder, *self.owner)

    def seed(
        self,
        users: list[MailUser],
        inbox: int,
        sent: int,
        seed: int,
        start: float,
        blocked_share: float = 0.0,
    ) -> float:
        began = time.perf_counter()
        writers = [(self.writer(u, "INBOX"), self.writer(u, "Sent")) for u in users]
        rng = random.Random(seed)
        for index, generated in enumerate(mailbox_mix(rng, inbox, start, blocked_share)):
            for inbox_writer, _ in writers:
                inbox_writer.write(generated.raw, start + index * 30, seen=index % 3 != 0)
        for index, raw in enumerate(sent_mix(random.Random(seed + 1), sent, start)):
            for _, sent_writer in writers:
                sent_writer.write(raw, start + index * 300)
        return time.perf_counter() - began

    def config(self, user: MailUser, name: str, block: tuple[str, ...] = ()) -> Path:
        path = self.scratch / name / "config.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'[account]\nemail = "{USER}"\nname = "Alan Porter"\ndomains = ["{USER_DOMAIN}"]\n'
            f'[imap]\nhost = "127.0.0.1"\nport = {self.dovecot.port}\nsecurity = "none"\n'
            f'username = "{user.username}"\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {self.sink.port}\nsecurity = "none"\n'
            f"[lists]\nblock = {json.dumps(list(block))}\n"
            f'[storage]\npath = "{path.parent / "ledger.sqlite3"}"\n'
            "[daemon]\npoll_seconds = 300\n",
            encoding="utf-8",
        )
        return path

    def guard(self, config: Path, user: MailUser, *args: str) -> tuple[float, float, str]:
        """One `guard … run --once`: wall seconds (process start included), peak RSS in MB."""
        env = dict(
            os.environ,
            INBOXGUARD_PASSWORD=user.password,
            HOME=str(config.parent),
            XDG_STATE_HOME=str(config.parent / "state"),
        )
        began = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "inboxguard",
                "--config",
                str(config),
                *(args or ("run", "--once")),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
        out = (process.stdout.read() if process.stdout else "") + (
            process.stderr.read() if process.stderr else ""
        )
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"guard failed ({process.returncode}): {out[-800:]}")
        return wall, usage.ru_maxrss / 1024, out.strip()

    # measures

    def history_reads(self, sizes: list[int]) -> None:
        print("History read (first run):", flush=True)
        points = []
        for size in sizes:
            user = self.user()
            self.seed([user], size, max(size // 10, 1), seed=11, start=time.time() - size * 60)
            wall, rss, _ = self.guard(self.config(user, f"history-{size}"), user)
            points.append(
                {"inbox": size, "sent": max(size // 10, 1), "seconds": wall, "rss_mb": rss}
            )
            self.results.add(
                f"history read {size:,} + {max(size // 10, 1):,}",
                f"{wall:.1f} s, {size / wall:,.0f} msg/s, peak RSS {rss:.0f} MB",
                "RSS < 150 MB",
                "met" if rss < 150 else "NOT met",
            )
        self.results.data["history"] = points

    def new_mail(self, existing: int, new: int) -> None:
        print("New mail at scale:", flush=True)
        guard_user, filter_user, floor_user = (self.user() for _ in range(3))
        start = time.time() - (existing + new) * 60
        seeded = self.seed(
            [guard_user, filter_user, floor_user],
            existing,
            5_000 if existing >= 10_000 else 500,
            seed=21,
            start=start,
        )
        config = self.config(guard_user, "guard", BLOCKED)
        self.guard(config, guard_user)  # the baseline pass: history
        floor_baseline = self._uidnext(floor_user)
        began = time.perf_counter()
        blocked_expected = self._seed_new(
            [guard_user, filter_user, floor_user], new, start + existing * 60
        )
        seeded += time.perf_counter() - began
        wall, rss, out = self.guard(config, guard_user)
        guard_moved = self._count(guard_user, "Guard/Ignored")
        filter_wall, filter_moved = imapfilter(self.dovecot, filter_user, self.scratch)
        floor_wall, floor_moved = floor(self.dovecot, floor_user, floor_baseline)
        self.guard_user, self.guard_config = guard_user, config
        ratio_filter, ratio_floor = wall / filter_wall, wall / floor_wall
        self.results.add(
            f"new mail: {new:,} new ({blocked_expected:,} block-listed) on {existing:,}",
            f"guard {wall:.2f} s ({new / wall:,.0f} msg/s, peak RSS {rss:.0f} MB, "
            f"filed {guard_moved:,})",
        )
        self.results.add("imapfilter, same seed", f"{filter_wall:.2f} s (filed {filter_moved:,})")
        self.results.add(
            "floor: one imapclient fetch + MOVE", f"{floor_wall:.2f} s (filed {floor_moved:,})"
        )
        self.results.add(
            "guard / imapfilter",
            f"{ratio_filter:.2f}x",
            "<= 1.0x",
            "met" if ratio_filter <= 1 else "NOT met",
        )
        self.results.add(
            "guard / floor",
            f"{ratio_floor:.2f}x",
            "<= 1.5x",
            "met" if ratio_floor <= 1.5 else "NOT met",
        )
        self.results.data["new_mail"] = {
            "existing": existing,
            "new": new,
            "blocked": blocked_expected,
            "seed_seconds": seeded,
            "guard_seconds": wall,
            "guard_rss_mb": rss,
            "guard_filed": guard_moved,
            "guard_summary": out,
            "imapfilter_seconds": filter_wall,
            "imapfilter_filed": filter_moved,
            "floor_seconds": floor_wall,
            "floor_filed": floor_moved,
            "guard_vs_imapfilter": ratio_filter,
            "guard_vs_floor": ratio_floor,
        }

    def _seed_new(self, users: list[MailUser], count: int, start: float) -> int:
        writers = [self.writer(u, "INBOX") for u in users]
        blocked = 0
        for index, generated in enumerate(
            mailbox_mix(random.Random(31), count, start, blocked_share=0.25)
        ):
            blocked += generated.kind == "blocked"
            for writer in writers:
                writer.write(generated.raw, start + index * 30, seen=False)
        return blocked

    def _uidnext(self, user: MailUser) -> int:
        with self.dovecot.session(user) as client:
            return int(client.folder_status("INBOX", ["UIDNEXT"])[b"UIDNEXT"])

    def _count(self, user: MailUser, folder: str) -> int:
        with self.dovecot.session(user) as client:
            if not client.folder_exists(folder):
                return 0
            return int(client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])

    def idle_pass(self) -> None:
        print("Idle pass:", flush=True)
        assert self.guard_user and self.guard_config
        walls = [self.guard(self.guard_config, self.guard_user)[0] for _ in range(5)]
        commands = count_imap_commands(self.guard_config, self.guard_user)
        wall = statistics.median(walls)
        self.results.add(
            "idle `guard run --once` (median of 5, process start included)",
            f"{wall:.2f} s",
            "< 1 s",
            "met" if wall < 1 else "NOT met",
        )
        self.results.add("IMAP commands in an idle pass", str(commands))
        self.results.data["idle"] = {"seconds": walls, "imap_commands": commands}

    def daemon(self, idle_seconds: float, latency_messages: int) -> None:
        print("Daemon:", flush=True)
        assert self.guard_user and self.guard_config
        user, config = self.guard_user, self.guard_config
        env = dict(
            os.environ,
            INBOXGUARD_PASSWORD=user.password,
            HOME=str(config.parent),
            XDG_STATE_HOME=str(config.parent / "state"),
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "inboxguard", "--config", str(config), "-v", "run"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        connected = threading.Event()
        lines: list[str] = []

        def drain() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                if "connected" in line:
                    connected.set()

        threading.Thread(target=drain, daemon=True).start()
        try:
            wait_until(connected.is_set, timeout=30)
            time.sleep(1.0)  # measurement: let the first pass and IDLE settle before counting CPU
            cpu_before = _cpu_seconds(process.pid)
            time.sleep(idle_seconds)  # measurement window, not synchronisation
            cpu = _cpu_seconds(process.pid) - cpu_before
            self.results.add(
                f"idle daemon CPU over {idle_seconds:.0f} s",
                f"{cpu:.3f} s ({100 * cpu / idle_seconds:.2f} %)",
                "~ 0",
                "met" if cpu / idle_seconds < 0.005 else "NOT met",
            )
            latencies = self._latencies(user, latency_messages)
            median = statistics.median(latencies)
            p95 = sorted(latencies)[max(0, int(len(latencies) * 0.95) - 1)]
            self.results.add(
                f"APPEND to filed through IDLE ({len(latencies)} messages)",
                f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms",
                "p95 < 1 s",
                "met" if p95 < 1 else "NOT met",
            )
            self.results.data["daemon"] = {
                "idle_seconds": idle_seconds,
                "idle_cpu_seconds": cpu,
                "latencies": latencies,
                "median": median,
                "p95": p95,
            }
        except TimeoutError:
            print("".join(lines[-30:]))
            raise
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)

    def _latencies(self, user: MailUser, count: int) -> list[float]:
        latencies = []
        rng = random.Random(41)
        with self.dovecot.session(user) as client:
            for index in range(count):
                before = int(client.folder_status("Guard/Ignored", ["MESSAGES"])[b"MESSAGES"])
                raw = message(rng, "blocked", BLOCKED[index % len(BLOCKED)], time.time()).raw
                began = time.perf_counter()
                client.append("INBOX", raw)
                wait_until(
                    lambda before=before: (
                        int(client.folder_status("Guard/Ignored", ["MESSAGES"])[b"MESSAGES"])
                        > before
                    ),
                    timeout=10,
                    interval=0.005,
                )
                latencies.append(time.perf_counter() - began)
        return latencies


def _dovecot_owner() -> tuple[int | None, int | None]:
    if os.geteuid() != 0:
        return None, None
    import pwd

    entry = pwd.getpwnam("mailtb")
    return entry.pw_uid, entry.pw_gid


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def imapfilter(dovecot: Dovecot, user: MailUser, scratch: Path) -> tuple[float, int]:
    """imapfilter moving the block-listed organisations' mail, as its users write it."""
    binary = shutil.which("imapfilter")
    if binary is None:
        return float("nan"), 0
    home = scratch / "imapfilter"
    (home / ".imapfilter").mkdir(parents=True, exist_ok=True)
    domains = ", ".join(f"'{d}'" for d in BLOCKED)
    config = home / "config.lua"
    config.write_text(
        "options.timeout = 600\noptions.create = true\noptions.subscribe = true\n"
        "options.starttls = false\n"
        f"account = IMAP {{ server = '127.0.0.1', port = {dovecot.port}, "
        f"username = '{user.username}', password = '{user.password}' }}\n"
        "local hits = Set {}\n"
        f"for _, d in ipairs({{ {domains} }}) do\n"
        "  hits = hits + account['INBOX']:contain_from('@' .. d)\nend\n"
        "hits:move_messages(account['Vendors'])\n"
    )
    began = time.perf_counter()
    subprocess.run(
        [binary, "-c", str(config)],
        env=dict(os.environ, HOME=str(home)),
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - began
    with dovecot.session(user) as client:
        return wall, int(client.folder_status("Vendors", ["MESSAGES"])[b"MESSAGES"])


def floor(dovecot: Dovecot, user: MailUser, baseline_uidnext: int) -> tuple[float, int]:
    """The least any client can do: one connection fetching the headers and structure of the
    new messages in batches of 2,000 and moving the block-listed set."""
    began = time.perf_counter()
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login(user.username, user.password)
    client.create_folder("Blocked")
    client.select_folder("INBOX")
    uids = [u for u in client.search(["UID", f"{baseline_uidnext}:*"]) if u >= baseline_uidnext]
    blocked = []
    for start in range(0, len(uids), 2000):
        chunk = uids[start : start + 2000]
        data = client.fetch(chunk, ["BODY.PEEK[HEADER]", "BODYSTRUCTURE"])
        for uid, item in data.items():
            header = item.get(b"BODY[HEADER]", b"").lower()
            line = header.split(b"\nfrom:", 1)[-1].split(b"\n", 1)[0]
            if any(domain.encode() in line for domain in BLOCKED):
                blocked.append(uid)
    client.move(blocked, "Blocked")
    client.logout()
    return time.perf_counter() - began, len(blocked)


def count_imap_commands(config: Path, user: MailUser) -> int:
    """The IMAP commands one idle pass sends, counted from imapclient's own command log."""
    from inboxguard.config import load
    from inboxguard.session import run_once

    commands: list[str] = []

    class Counter(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            text = record.getMessage()
            if text.startswith("> ") and not text.startswith(">   "):
                commands.append(text)

    logger = logging.getLogger("imapclient")
    handler = Counter()
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    os.environ["INBOXGUARD_PASSWORD"] = user.password
    try:
        run_once(load(config))
    finally:
        logger.removeHandler(handler)
    return len(commands)


def core_throughput(results: Results) -> None:
    """parse + classify of every labelled message, on one core, for about three seconds."""
    from inboxguard.classify import classify
    from inboxguard.message import parse
    from inboxguard.user import User

    raws = [
        p.read_bytes()
        for folder in (CORPUS / "messages", ROOT / "tests" / "heldout", ROOT / "tests" / "heldout2")
        for p in sorted(folder.glob("*.eml"))
    ]
    if not raws:
        return
    user = User("user@example.com", "", ("example.com",))
    done, began = 0, time.perf_counter()
    while time.perf_counter() - began < 3.0:
        for raw in raws:
            classify(parse(raw), user, complete=False)
        done += len(raws)
    rate = done / (time.perf_counter() - began)
    results.add(
        f"core: parse + classify over {len(raws)} labelled messages, one core", f"{rate:,.0f} msg/s"
    )
    results.data["core_messages_per_second"] = rate


def report(results: Results, folder: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="inboxguard benchmark")
    for column in ("measure", "value", "goal", ""):
        table.add_column(column)
    for row in results.rows:
        table.add_row(*row)
    Console(width=160).print(table)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    results.data["rows"] = results.rows
    path.write_text(json.dumps(results.data, indent=2, default=str), encoding="utf-8")
    print(f"written to {path}")


if __name__ == "__main__":
    sys.exit(main())
