"""Words: a sender's own words — quotes and quoted originals removed, the signature apart, accents
folded — and a fingerprint of them. Pure."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Text without accents, so `CobraFácil` matches `cobrafacil.es`."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def signature(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[-6:])


def without_signature(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[:-4]) if len(lines) > 6 else "\n".join(lines[1:-2])


_QUOTED_LINE = re.compile(r"^\s*>.*$", re.M)
FROM_FIELD = (
    r"From|Von|De|De la|Da|Van|Från|Fra|Od|Lähettäjä|Saatja|Feladó|Kimden|Gönderen|Від|От"
    r"|Από|Nuo|Šalje|Pošiljatelj|Remitente|差出人|发件人|寄件者|보낸 사람"
)
""""From" in the header block a mail program writes above a quoted or forwarded message, in the
languages mail programs are localised to."""
QUOTE_ATTRIBUTION = (
    r"On .{5,80} wrote:|Am .{5,80} schrieb .*:|Le .{5,80} a écrit ?:|El .{5,80} escribió:"
    r"|Op .{5,80} schreef .*:|Den .{5,80} skrev .*:|Il .{5,80} ha scritto:|Em .{5,80} escreveu:"
    r"|.{5,80} napisał(?:\(a\))?:|W dniu .{5,80} pisze.*:|Dne .{5,80} napsal.*:"
    r"|Dňa .{5,80} napísal.*:|.{5,80} kirjoitti:|.{5,80} tarihinde .{5,80} yazdı:"
    r"|.{5,80} va escriure:|-{2,} ?On .{5,80} wrote ?-{2,}|.{5,80} (?:пише|пишет|написал\w*):"
)
"""The line a mail program writes above a quoted message ("On Tue, Dana <dana@bitesio.com>
wrote:"), in the languages of the labelled sets."""
# Where the quoted original starts: the attributions, also a German or French one that a mail
# program wrapped before its colon.
_ORIGINAL = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Messaggio originale|Ursprüngliche "
    r"Nachricht|Message d'origine|Mensaje original|Mensagem original|Oorspronkelijk bericht"
    r"|Wiadomość oryginalna|Původní zpráva|Pôvodná správa|Orijinal Mesaj)"
    r"|-{5,} ?\w[\w ]{2,40} ?-{5,}\s*$"  # "-------- Пересилане повідомлення --------"
    rf"|_{{10,}}|Am .{{5,80}} schrieb|Le .{{5,80}} a écrit|{QUOTE_ATTRIBUTION})",
    re.M | re.I,
)
ADDRESS_OR_LINK = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


_WRAPPED = re.compile(r"(?<=[^\s.!?:;])[ \t]*\r?\n(?=[a-zà-öø-ÿа-яёіїєґα-ω])")


def unwrapped(text: str) -> str:
    """`text` with the line breaks of hard-wrapped plain text (a line going on in lower case)
    made spaces, so that a phrase is found across them."""
    return _WRAPPED.sub(" ", text)


def strip_quotes(text: str) -> str:
    """The sender's own words: quoted lines and everything from a quoted original on removed."""
    text = _QUOTED_LINE.sub("", text)
    cut = _ORIGINAL.search(text)
    return text[: cut.start()] if cut else text


def template_fingerprint(text: str) -> str | None:
    """A fingerprint of a message's own words, blind to names, numbers and quotes."""
    words = re.findall(r"[a-zà-ÿ]{4,}", strip_quotes(text).lower())
    if len(words) < 25:
        return None
    return " ".join(words[5:45])
