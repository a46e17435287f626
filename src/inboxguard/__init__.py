"""inboxguard: tells repeat sales outreach no, once, and files what follows."""

__version__ = "0.1.0"
