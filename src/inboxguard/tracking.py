"""Tracking: the open pixels and rewritten links that sales-engagement tools leave in mail."""

from __future__ import annotations

import re

from .message import Message

TRACKING_HOSTS: tuple[tuple[str, str], ...] = (
    ("hubspotemail", "HubSpot"),
    ("sidekickopen", "HubSpot"),
    ("sigopn", "HubSpot"),
    ("signaux", "HubSpot"),
    ("t.senal", "HubSpot"),
    ("getsidekick.com", "HubSpot"),
    ("hubspotlinks.com", "HubSpot"),
    ("/e2t/", "HubSpot"),
    ("/e3t/", "HubSpot"),
    ("app.outreach.io", "Outreach"),
    ("outrch.com", "Outreach"),
    ("getoutreach.com", "Outreach"),
    ("salesloft.com/email_trackers", "Salesloft"),
    ("t.yesware.com", "Yesware"),
    ("yesware.com/trk", "Yesware"),
    ("track.mixmax.com", "Mixmax"),
    ("mslai.net", "Mailshake"),
    ("msstnu.com", "Mailshake"),
    ("pardot.com/r/", "Pardot"),
    ("/trk?t=1&mid=", "Marketo"),
    ("gmtrack.net", "GMass"),
    ("aplolinks.com", "Apollo"),
    ("custom.lemlist.com", "lemlist"),
    ("saleshandy", "SalesHandy"),
    ("toutapp", "ToutApp"),
    ("close.io/t", "Close"),
)
"""Known hosts and paths of sales-engagement trackers, with the tool's name."""

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b(width|height|src)\s*=\s*["']?([^"'\s>]+)""", re.I)
_LINK = re.compile(r"""href\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_TRACKING_PATH = re.compile(
    r"https?://(?:trk|track|t|click|links?|email|go|e)\.[^/]+/(?:c|o|t|r|ls|click|open)/", re.I
)


def tracking_marks(message: Message) -> list[str]:
    """What gives tracking away: known tracker hosts, 1x1 pixels, rewritten links."""
    markup = message.html
    marks: list[str] = []
    lower = markup.lower() + "\n" + message.text.lower()
    tools = sorted({tool for host, tool in TRACKING_HOSTS if host in lower})
    marks.extend(f"{tool} tracking" for tool in tools)
    for tag in _IMG.findall(markup):
        attrs = {k.lower(): v for k, v in _ATTR.findall(tag)}
        if attrs.get("width") in ("0", "1") and attrs.get("height") in ("0", "1"):
            marks.append("an open-tracking pixel")
            break
    if any(_TRACKING_PATH.match(link) for link in _LINK.findall(markup)):
        marks.append("click-tracking links")
    return marks
