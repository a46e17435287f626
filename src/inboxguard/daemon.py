"""The daemon: passes on new mail (IDLE) or on a schedule; reconnects, reloads, stops cleanly."""

from __future__ import annotations

import logging
import random
import signal
import threading
from pathlib import Path
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from .config import Config, load
from .errors import ConfigError, GuardError, LedgerError, ServerError
from .imap import NETWORK_ERRORS, IMAPMailbox
from .ledger import Ledger
from .lock import ledger_lock
from .mailbox import Mailbox
from .run import GuardPass
from .session import make_sender, open_mailbox

log = logging.getLogger("inboxguard.daemon")

IDLE_RENEW_SECONDS = 25 * 60
"""IDLE is re-issued well before the 29 minutes after which RFC 2177 lets a server drop it."""

BACKOFF_FIRST = 1.0
BACKOFF_CAP = 300.0


class Backoff:
    """Capped exponential backoff with jitter: 1 s, 2 s, 4 s … 300 s, each ±25 %."""

    def __init__(self, first: float = BACKOFF_FIRST, cap: float = BACKOFF_CAP) -> None:
        self.first = first
        self.cap = cap
        self.failures = 0

    def next_delay(self) -> float:
        delay = min(self.cap, self.first * 2**self.failures)
        self.failures += 1
        return delay * random.uniform(0.75, 1.25)

    def reset(self) -> None:
        self.failures = 0


class Daemon:
    """`guard run`: one lock on the ledger for its whole life; never prompts, never busy-loops."""

    def __init__(self, config: Config, config_path: Path | None = None) -> None:
        self.config = config
        self.config_path = config_path or config.source
        self._config_mtime = self._mtime()
        self._stop = threading.Event()
        self._due = threading.Event()
        self._mailbox: Mailbox | None = None
        self._ledger: Ledger | None = None
        self._state = "starting"
        self._backoff = Backoff()

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        if not self._stop.is_set():
            log.info("stopping (%s)", signal.Signals(signum).name if signum else "asked")
        self._stop.set()

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        scheduler = BackgroundScheduler(daemon=True)
        scheduler.add_job(
            self._due.set,
            "interval",
            seconds=self._interval(),
            id="pass",
            max_instances=1,
            coalesce=True,
        )
        with ledger_lock(self.config.storage_path):
            scheduler.start()
            try:
                self._loop(scheduler)
            finally:
                scheduler.shutdown(wait=False)
                self._disconnect()
                if self._ledger is not None:
                    self._ledger.close()
        log.info("stopped")
        return 0

    def _interval(self) -> int:
        """With IDLE the schedule only reads Sent; without, it is the poll."""
        daemon = self.config.daemon
        return daemon.sent_poll_seconds if self._idles() else daemon.poll_seconds

    def _idles(self) -> bool:
        return isinstance(self._mailbox, IMAPMailbox) and self._mailbox.can_idle

    def _loop(self, scheduler: BackgroundScheduler) -> None:
        while not self._stop.is_set():
            self._reload_config(scheduler)
            try:
                self._pass()
                self._backoff.reset()
                self._wait(scheduler)
            except (ServerError, LedgerError, *NETWORK_ERRORS) as error:
                self._disconnect()
                delay = self._backoff.next_delay()
                self._set_state(
                    f"disconnected: {error}; retrying in {delay:.0f} s", logging.WARNING
                )
                self._stop.wait(delay)

    def _pass(self) -> None:
        if self._mailbox is None:
            self._mailbox = open_mailbox(self.config)
            self._set_state("connected", logging.INFO)
        if self._ledger is None:
            self._ledger = Ledger.open(self.config.storage_path)
        sender = make_sender(self.config, self._mailbox)
        report = GuardPass(
            self.config, self._mailbox, self._ledger, sender, stopping=self._stop.is_set
        ).run()
        if report.read:
            log.info("pass: %s", report.summary())

    def _wait(self, scheduler: BackgroundScheduler) -> None:
        """Until new mail, the schedule, or a stop."""
        self._due.clear()
        scheduler.reschedule_job("pass", trigger="interval", seconds=self._interval())
        mailbox = self._mailbox
        inbox = self.config.folders.inbox
        while not self._interrupted():
            if isinstance(mailbox, IMAPMailbox) and mailbox.can_idle:
                progress = self._ledger.progress(inbox) if self._ledger else None
                seen = progress.last_uid + 1 if progress else 0
                if mailbox.wait_for_mail(inbox, seen, IDLE_RENEW_SECONDS, self._interrupted):
                    return
            else:
                self._due.wait(1.0)

    def _interrupted(self) -> bool:
        return self._stop.is_set() or self._due.is_set() or self._config_changed()

    def _disconnect(self) -> None:
        if self._mailbox is not None:
            try:
                self._mailbox.close()
            except (GuardError, *NETWORK_ERRORS):
                pass
            self._mailbox = None

    def _set_state(self, state: str, level: int) -> None:
        """Log a change of state once, not every retry."""
        kind = state.split(":", 1)[0]
        if kind != self._state.split(":", 1)[0]:
            log.log(level, "%s", state)
        self._state = state

    def _mtime(self) -> float | None:
        try:
            return self.config_path.stat().st_mtime
        except OSError:
            return None

    def _config_changed(self) -> bool:
        return self._mtime() != self._config_mtime

    def _reload_config(self, scheduler: BackgroundScheduler) -> None:
        """A changed config takes effect at the next pass; a broken one is reported and the
        last good one kept."""
        if not self._config_changed():
            return
        self._config_mtime = self._mtime()
        try:
            config = load(self.config_path)
        except ConfigError as error:
            log.error(
                "config not reloaded, keeping the last good one: %s", str(error).replace("\n", "; ")
            )
            return
        if config.storage_path != self.config.storage_path:
            log.error("config not reloaded: [storage] path cannot change while running")
            return
        if (config.imap, config.maildir) != (self.config.imap, self.config.maildir):
            self._disconnect()
        self.config = config
        log.info("config reloaded from %s", self.config_path)
        scheduler.reschedule_job("pass", trigger="interval", seconds=self._interval())
