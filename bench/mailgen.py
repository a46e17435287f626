"""Realistic generated mail for the benchmark, and a fast Maildir writer for Dovecot's folders."""

from __future__ import annotations

import base64
import os
import random
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

USER = "alan.porter@northwind-learning.example"
USER_DOMAIN = "northwind-learning.example"
BLOCKED = tuple(f"pushy{n}.example" for n in range(10))
"""The ten block-listed organisations of the new-mail benchmark."""

_FIRST = "Dana Tyler Priya Marco Hannah Lukas Claire Tom Elena Jamie Sofia Ravi Noah Mei".split()
_LAST = "Reyes Brandt Raman Ruiz Okafor Vogel Dubois Hollis Varga Ortiz Marchand Menon".split()
_WORDS = (
    "quarter planning onboarding budget review schedule update report shipment invoice team "
    "project timeline meeting notes proposal contract renewal support ticket release customer "
    "order forecast training session agenda draft feedback launch pipeline results numbers"
).split()
_PITCH = (
    "Hi {first},\n\nI'm reaching out because teams like yours at Northwind usually spend weeks on "
    "{topic}. {brand} cuts that by 30% - customers like Harbor Bank saw results in a month.\n\n"
    "Would you have 15 minutes next week for a quick demo? Here's my calendar: "
    "https://{domain}/meet/{local}\n\n{name}\nAccount Executive | {brand}\n{domain}\n"
)
_FOLLOW = (
    "Hi {first},\n\nJust circling back on my note below - did you get a chance to look? Happy to "
    "set up a quick call whenever suits.\n\n{name}\n"
)


@dataclass(frozen=True)
class Generated:
    raw: bytes
    kind: str
    domain: str


def _sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(_sentence(rng) for _ in range(5)) for _ in range(count))


def _headers(
    rng: random.Random, sender: str, name: str, subject: str, when: float, extra: list[str]
) -> list[str]:
    domain = sender.rpartition("@")[2]
    ip = f"198.51.100.{rng.randrange(1, 254)}"
    stamp = format_datetime(__import__("datetime").datetime.fromtimestamp(when).astimezone())
    token = base64.b64encode(rng.randbytes(180)).decode()
    return [
        f"Return-Path: <{sender}>",
        f"Delivered-To: {USER}",
        f"Received: from mx{rng.randrange(1, 9)}.{USER_DOMAIN} (mx.{USER_DOMAIN} [203.0.113.5])\n"
        f"\tby imap.{USER_DOMAIN} (Postfix) with ESMTPS id {rng.randrange(10**9):X}\n"
        f"\tfor <{USER}>; {stamp}",
        f"Received: from mail.{domain} (mail.{domain} [{ip}])\n\tby mx.{USER_DOMAIN} with ESMTPS; "
        f"{stamp}",
        f"Received: from [10.0.0.{rng.randrange(2, 250)}] by mail.{domain} with ESMTPSA; {stamp}",
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\n"
        f"\th=from:to:subject:date:message-id; bh={token[:44]};\n\tb={token[44:]}",
        f"Authentication-Results: mx.{USER_DOMAIN};\n\tdkim=pass header.d={domain};\n"
        f"\tspf=pass smtp.mailfrom={domain};\n\tdmarc=pass header.from={domain}",
        f"From: {name} <{sender}>",
        f"To: Alan Porter <{USER}>",
        f"Subject: {subject}",
        f"Date: {stamp}",
        f"Message-ID: <{rng.randrange(10**18):x}.{int(when)}@{domain}>",
        "MIME-Version: 1.0",
        *extra,
    ]


def _alternative(rng: random.Random, text: str, pixel: str | None = None) -> tuple[str, str]:
    boundary = f"b{rng.randrange(10**12):x}"
    html_body = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
    if pixel:
        html_body += f'<img src="{pixel}" width="1" height="1" alt="">'
    body = (
        f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n"
        f"--{boundary}\nContent-Type: text/html; charset=utf-8\n\n<html><body>{html_body}"
        f"</body></html>\n--{boundary}--\n"
    )
    return f'Content-Type: multipart/alternative; boundary="{boundary}"', body


def _with_attachment(rng: random.Random, content_type: str, body: str) -> tuple[str, str]:
    boundary = f"m{rng.randrange(10**12):x}"
    pdf = base64.encodebytes(rng.randbytes(24_000)).decode()
    return (
        f'Content-Type: multipart/mixed; boundary="{boundary}"',
        f"--{boundary}\n{content_type}\n\n{body}\n--{boundary}\nContent-Type: application/pdf; "
        f'name="report.pdf"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; '
        f'filename="report.pdf"\n\n{pdf}\n--{boundary}--\n',
    )


def message(rng: random.Random, kind: str, domain: str, when: float) -> Generated:
    """One message of a kind: colleague, newsletter, automated, outreach, customer, blocked."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    local = f"{first}.{last}".lower()
    name = f"{first} {last}"
    extra: list[str] = []
    pixel = None
    if kind == "colleague":
        text = f"Hi Alan,\n\n{_paragraphs(rng, 3)}\n\n{first}"
        subject = f"{rng.choice(_WORDS).title()} {rng.choice(_WORDS)} for Thursday"
    elif kind == "newsletter":
        local, name = "news", f"{domain.split('.')[0].title()} Weekly"
        text = f"THIS WEEK\n\n{_paragraphs(rng, 4)}\n\nUnsubscribe: https://{domain}/u"
        subject = f"{name}: {_sentence(rng, 6)}"
        extra = [
            f"List-Id: <news.{domain}>",
            f"List-Unsubscribe: <https://{domain}/u>",
            "Precedence: bulk",
            f"Feedback-ID: 1:news:{domain}",
        ]
    elif kind == "automated":
        local, name = "notifications", f"{domain.split('.')[0].title()}"
        text = f"Hello,\n\n{_paragraphs(rng, 1)}\n\nThis is an automated message."
        subject = f"[{name}] {rng.choice(_WORDS)} #{rng.randrange(10**5)} updated"
        extra = ["Auto-Submitted: auto-generated"]
    elif kind in ("outreach", "blocked"):
        brand = domain.split(".")[0].title()
        template = _FOLLOW if rng.random() < 0.4 else _PITCH
        text = (
            template.format(
                first="Alan",
                topic=rng.choice(_WORDS),
                brand=brand,
                domain=domain,
                local=local,
                name=name,
            )
            + "\n"
            + _paragraphs(rng, 1)
        )
        subject = f"{brand} for Northwind's {rng.choice(_WORDS)}?"
        pixel = f"https://t.yesware.com/t/{rng.randrange(10**9):x}/o.gif"
        extra = ["X-Mailer: Yesware"] if rng.random() < 0.5 else []
    else:  # customer
        ask = "Could you send us a quote for the renewal?"
        text = f"Hi Alan,\n\n{_paragraphs(rng, 2)}\n\n{ask}\n\n{name}"
        subject = f"Re: {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
    content_type, body = _alternative(rng, text, pixel)
    if rng.random() < 0.05:
        content_type, body = _with_attachment(rng, content_type, body)
    headers = _headers(rng, f"{local}@{domain}", name, subject, when, [*extra, content_type])
    return Generated(("\n".join(headers) + "\n\n" + body).encode(), kind, domain)


def mailbox_mix(
    rng: random.Random, count: int, start: float, blocked_share: float = 0.0
) -> Iterator[Generated]:
    """`count` messages, oldest first: colleagues, lists, robots, vendors, customers."""
    vendors = [f"vendor{n}.example" for n in range(300)]
    lists = [f"letters{n}.example" for n in range(30)]
    robots = [f"saas{n}.example" for n in range(40)]
    customers = [f"client{n}.example" for n in range(120)]
    for index in range(count):
        when = start + index * 30
        if rng.random() < blocked_share:
            yield message(rng, "blocked", rng.choice(BLOCKED), when)
            continue
        kind = rng.choices(
            ("colleague", "newsletter", "automated", "outreach", "customer"), (25, 20, 20, 20, 15)
        )[0]
        domain = {
            "colleague": USER_DOMAIN,
            "newsletter": rng.choice(lists),
            "automated": rng.choice(robots),
            "outreach": rng.choice(vendors),
            "customer": rng.choice(customers),
        }[kind]
        yield message(rng, kind, domain, when)


def sent_mix(rng: random.Random, count: int, start: float) -> Iterator[bytes]:
    """The user's own mail: to colleagues and customers."""
    for index in range(count):
        when = start + index * 300
        domain = USER_DOMAIN if rng.random() < 0.6 else f"client{rng.randrange(120)}.example"
        first = rng.choice(_FIRST)
        stamp = format_datetime(__import__("datetime").datetime.fromtimestamp(when).astimezone())
        yield (
            f"From: Alan Porter <{USER}>\nTo: {first} <{first.lower()}@{domain}>\n"
            f"Subject: {_sentence(rng, 5)}\nDate: {stamp}\n"
            f"Message-ID: <{rng.randrange(10**18):x}@{USER_DOMAIN}>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=utf-8\n\n"
            f"Hi {first},\n\n{_paragraphs(rng, 2)}\n\nAlan\n"
        ).encode()


class MaildirWriter:
    """Writes messages straight into a Dovecot Maildir folder (cur/), as Dovecot names them;
    the file's mtime is the message's INTERNALDATE."""

    def __init__(self, folder: Path, uid: int | None = None, gid: int | None = None) -> None:
        self.folder = folder
        self.uid = uid
        self.gid = gid
        self.sequence = 0
        self.host = socket.gethostname()
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)

    def write(self, raw: bytes, when: float | None = None, seen: bool = True) -> None:
        raw = raw.replace(b"\r\n", b"\n")
        self.sequence += 1
        lines = raw.count(b"\n")
        name = (
            f"{int(when or time.time())}.M{self.sequence}P{os.getpid()}.{self.host},"
            f"S={len(raw)},W={len(raw) + lines}:2,{'S' if seen else ''}"
        )
        path = self.folder / "cur" / name
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, raw)
            if self.uid is not None and self.gid is not None:
                os.fchown(descriptor, self.uid, self.gid)
        finally:
            os.close(descriptor)
        if when is not None:
            os.utime(path, (when, when))
