"""Opening what a pass needs: the mailbox, the way out for declines, the ledger and its lock."""

from __future__ import annotations

from .config import Config
from .errors import ServerError
from .ledger import Ledger
from .lock import ledger_lock
from .mailbox import Mailbox
from .password import find_password
from .run import GuardPass, PassReport, Sender
from .smtp import SendError


def open_mailbox(config: Config) -> Mailbox:
    if config.maildir is not None:
        from .maildir import MaildirMailbox

        return MaildirMailbox(config.maildir.path, config.maildir.layout)
    if config.imap is None:
        raise ServerError("no [imap] server and no [maildir] configured")
    from . import imap

    return imap.connect(config.imap, find_password(config.imap))


def make_sender(config: Config, mailbox: Mailbox) -> Sender:
    """SMTP when configured; else, for a Maildir, the outbox folder; else nothing can be sent."""
    server = config.smtp
    if server is not None:
        from . import smtp

        def send(raw: bytes, sender: str, recipient: str) -> None:
            smtp.send(server, find_password(server), raw, sender, recipient)

        return send
    if config.maildir is not None:
        outbox = config.maildir.outbox

        def queue(raw: bytes, sender: str, recipient: str) -> None:
            mailbox.append(outbox, raw, seen=False)

        return queue

    def refuse(raw: bytes, sender: str, recipient: str) -> None:
        raise SendError("no [smtp] server configured")

    return refuse


def run_once(config: Config) -> PassReport:
    """Take the ledger's lock, connect, make one pass, disconnect."""
    with ledger_lock(config.storage_path):
        ledger = Ledger.open(config.storage_path)
        try:
            mailbox = open_mailbox(config)
            try:
                return GuardPass(config, mailbox, ledger, make_sender(config, mailbox)).run()
            finally:
                mailbox.close()
        finally:
            ledger.close()
