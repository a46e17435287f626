"""Well-known mail providers: server settings suggested by `guard init` from the address."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    """Settings for one provider, and what its users must do to let the guard log in."""

    name: str
    imap: tuple[str, int, str]
    smtp: tuple[str, int, str]
    advice: str
    sent: str | None = None


GMAIL = Provider(
    "Gmail",
    ("imap.gmail.com", 993, "tls"),
    ("smtp.gmail.com", 465, "tls"),
    "Gmail needs an app password (Google Account > Security > 2-Step Verification > App "
    "passwords); your normal password is refused. IMAP must be on in Gmail's settings.",
    sent="[Gmail]/Sent Mail",
)
OUTLOOK = Provider(
    "Outlook / Microsoft 365",
    ("outlook.office365.com", 993, "tls"),
    ("smtp.office365.com", 587, "starttls"),
    "Microsoft accounts with two-step verification need an app password (account.microsoft.com "
    "> Security). Many Microsoft 365 organisations have turned basic authentication off; ask "
    "your administrator if the login is refused.",
)
FASTMAIL = Provider(
    "Fastmail",
    ("imap.fastmail.com", 993, "tls"),
    ("smtp.fastmail.com", 465, "tls"),
    "Fastmail needs an app password with IMAP and SMTP access (Settings > Privacy & Security).",
)
ICLOUD = Provider(
    "iCloud Mail",
    ("imap.mail.me.com", 993, "tls"),
    ("smtp.mail.me.com", 587, "starttls"),
    "iCloud needs an app-specific password (appleid.apple.com > Sign-In and Security); the "
    "username is your full iCloud address.",
)
YAHOO = Provider(
    "Yahoo Mail",
    ("imap.mail.yahoo.com", 993, "tls"),
    ("smtp.mail.yahoo.com", 465, "tls"),
    "Yahoo needs an app password (Account Info > Account Security > Generate app password).",
)
PROTON = Provider(
    "Proton Mail (through Proton Mail Bridge)",
    ("127.0.0.1", 1143, "starttls"),
    ("127.0.0.1", 1025, "starttls"),
    "Proton needs Proton Mail Bridge running on this computer; use the password the Bridge "
    "shows, not your Proton password. The Bridge's certificate is its own: export it from the "
    "Bridge and point SSL_CERT_FILE at it, or the TLS check fails.",
)

BY_DOMAIN = {
    "gmail.com": GMAIL,
    "googlemail.com": GMAIL,
    "outlook.com": OUTLOOK,
    "hotmail.com": OUTLOOK,
    "live.com": OUTLOOK,
    "msn.com": OUTLOOK,
    "fastmail.com": FASTMAIL,
    "fastmail.fm": FASTMAIL,
    "icloud.com": ICLOUD,
    "me.com": ICLOUD,
    "mac.com": ICLOUD,
    "yahoo.com": YAHOO,
    "ymail.com": YAHOO,
    "proton.me": PROTON,
    "protonmail.com": PROTON,
    "pm.me": PROTON,
}
"""Providers by the domain of the address; other domains get `guess(domain)`."""


def suggest(address: str) -> Provider:
    domain = address.rpartition("@")[2].lower()
    return BY_DOMAIN.get(domain) or guess(domain)


def guess(domain: str) -> Provider:
    return Provider(
        f"your provider ({domain})",
        (f"imap.{domain}", 993, "tls"),
        (f"smtp.{domain}", 465, "tls"),
        "These server names are a guess: check them in your provider's help pages. Google "
        "Workspace domains use Gmail's servers; Microsoft 365 domains use Outlook's.",
    )
