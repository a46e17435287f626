"""Organisations: the registrable domain behind an address, webmail, relay platforms, signatures."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from functools import cache

from publicsuffixlist import PublicSuffixList

WEBMAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.fr live.com msn.com
    yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es ymail.com icloud.com me.com mac.com
    aol.com proton.me protonmail.com pm.me gmx.de gmx.net gmx.com web.de t-online.de freenet.de
    orange.fr free.fr laposte.net wanadoo.fr sfr.fr libero.it virgilio.it tiscali.it yandex.ru
    yandex.com mail.ru zoho.com zohomail.com fastmail.com fastmail.fm hey.com tutanota.com
    tuta.io mail.com inbox.com terra.com.br uol.com.br bol.com.br hotmail.es telefonica.net
    seznam.cz wp.pl o2.pl qq.com 163.com 126.com naver.com onet.pl op.pl interia.pl interia.eu
    gazeta.pl poczta.fm tlen.pl email.cz centrum.cz atlas.cz post.cz volny.cz freemail.hu
    citromail.hu indamail.hu outlook.de outlook.fr outlook.es outlook.it hotmail.de hotmail.it
    live.co.uk live.fr live.de live.nl yahoo.it yahoo.co.in yahoo.com.br rediffmail.com
    bluewin.ch hispeed.ch online.no hotmail.se hotmail.no live.se live.dk mail.dk
    suomi24.fi luukku.com kolumbus.fi hot.ee mail.ee neti.ee simnet.is internet.is windowslive.com
    yahoo.com.mx prodigy.net.mx hotmail.com.mx outlook.com.br ig.com.br sapo.pt
    videotron.ca sympatico.ca bell.net rogers.com shaw.ca telus.net cogeco.ca hotmail.ca live.ca
    yahoo.ca comcast.net att.net verizon.net sbcglobal.net cox.net charter.net earthlink.net
    bellsouth.net btinternet.com sky.com talktalk.net virginmedia.com ntlworld.com bigpond.com
    bigpond.net.au optusnet.com.au iinet.net.au xtra.co.nz mweb.co.za telkomsa.net
    gmx.at gmx.ch gmx.fr gmx.es gmx.co.uk aon.at a1.net chello.at sunrise.ch live.be
    vodafone.de posteo.de mailbox.org
    vodamail.co.za webmail.co.za yahoo.com.sg singnet.com.sg yahoo.com.my streamyx.com
    yahoo.co.id yahoo.co.jp hanmail.net daum.net sina.com sohu.com foxmail.com yeah.net
    139.com aliyun.com yahoo.in skynet.be telenet.be hotmail.be ziggo.nl kpnmail.nl planet.nl
    home.nl xs4all.nl hetnet.nl alice.it tin.it arcor.de telia.com comhem.se bredband.net
    eircom.net eir.ie
    """.split()
)
"""Personal webmail providers: an address there is a person, never an organisation."""

WEBMAIL_BRANDS = frozenset(
    "gmail googlemail hotmail outlook live msn windowslive yahoo ymail rocketmail gmx aol".split()
)
"""Providers with a domain in nearly every country (hotmail.dk, outlook.com.ar, yahoo.com.mx):
any registrable domain they name is webmail, listed above or not."""

PLATFORM_DOMAINS = frozenset(
    """
    hubspotemail.net hubspot.com hs-sites.com outreach.io outrch.com getoutreach.com
    salesloft.com yesware.com mixmax.com mailshake.com mslai.net msstnu.com pardot.com
    mktomail.com marketo.com salesforce.com exacttarget.com apollo.io aplolinks.com lemlist.com
    reply.io woodpecker.co gmass.co gmtrack.net intercom.io intercom-mail.com intercommail.io
    drift.com driftmail.com zendesk.com freshdesk.com helpscout.net crisp.email customer.io
    sendgrid.net mailgun.org mandrillapp.com mcsv.net mailchimp.com amazonses.com
    sparkpostmail.com close.com closeio.com saleshandy.com toutapp.com calendly.com
    chilipiper.com
    """.split()
)
"""Sales-engagement, customer-messaging and sending platforms: never the organisation itself."""

COMMON_LINK_DOMAINS = frozenset(
    """
    google.com goo.gl youtube.com youtu.be linkedin.com twitter.com x.com facebook.com
    instagram.com zoom.us teams.microsoft.com microsoft.com office.com live.com apple.com
    w3.org schema.org gstatic.com googleapis.com cloudflare.com github.com wikipedia.org
    vimeo.com loom.com bit.ly tinyurl.com mailchimp.com example.com example.org example.net
    booking.com tripadvisor.com expedia.com airbnb.com trustpilot.com yelp.com amazon.com
    indeed.com stepstone.de monster.com glassdoor.com xing.com jobs.ch jobup.ch profession.hu
    pracuj.pl infojobs.net reed.co.uk totaljobs.com seek.com.au naukri.com
    """.split()
)
"""Domains that appear in signatures, links and pitches without saying whose mail it is."""

_RELAY_LOCAL = re.compile(
    r"^(reply|replies|r|bounce|bounces|msg|conv|c)[+._-](?=[a-z._=-]*\d)[a-z0-9._=-]{8,}$"
)
_DOMAIN_TOKEN = re.compile(
    r"(?<![@\w.-])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b",
    re.IGNORECASE,
)
_LINK_HOST = re.compile(r"""(?:href|src)\s*=\s*["']?https?://([^/"'\s>:?#]+)""", re.IGNORECASE)
_SIGNATURE_LINES = 15


@cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True, accept_unknown=False)


@cache
def registrable_domain(domain: str) -> str:
    """The registrable domain (eTLD+1) of a host name, e.g. `mail.bitesio.com` -> `bitesio.com`."""
    domain = domain.strip().strip(".").lower()
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    registrable = _psl().privatesuffix(domain)
    if registrable:
        return registrable
    return ".".join(domain.split(".")[-2:])


def is_webmail(domain: str) -> bool:
    registrable = registrable_domain(domain)
    return registrable in WEBMAIL_DOMAINS or registrable.split(".")[0] in WEBMAIL_BRANDS


def is_platform(domain: str) -> bool:
    return registrable_domain(domain) in PLATFORM_DOMAINS


def is_relay_address(address: str) -> bool:
    """A platform relay such as `reply+4kq8z1m7w2d9@relay.example`: it stands for someone else."""
    local, _, domain = address.lower().rpartition("@")
    return bool(_RELAY_LOCAL.match(local)) or (is_platform(domain) and "+" in local)


def identity(address: str) -> str:
    """The vendor key of an address: its organisation, or the address itself on webmail."""
    domain = address.rpartition("@")[2].lower()
    if is_webmail(domain):
        return address.lower()
    return registrable_domain(domain)


def mentioned_domains(text: str, html: str = "") -> Counter[str]:
    """Registrable domains named in the signature lines and the links, with their counts."""
    lines = [line for line in text.splitlines() if line.strip()]
    signature = "\n".join(lines[-_SIGNATURE_LINES:])
    found: Counter[str] = Counter()
    for token in _DOMAIN_TOKEN.findall(signature):
        found[registrable_domain(token)] += 2
    for host in _LINK_HOST.findall(html):
        found[registrable_domain(host)] += 1
    for token in _DOMAIN_TOKEN.findall(text):
        found[registrable_domain(token)] += 1
    return found


def company_behind(text: str, html: str, exclude: set[str]) -> str | None:
    """The company a relayed or webmail message speaks for: the domain its signature and links
    name most — of two named as often, the one named last, as a signature is — leaving out
    platforms, common services and `exclude` (e.g. the user's domains)."""
    lowered = text.lower()
    candidates = [
        (count, lowered.rfind(domain), domain)
        for domain, count in mentioned_domains(text, html).items()
        if domain not in exclude
        and domain not in PLATFORM_DOMAINS
        and domain not in WEBMAIL_DOMAINS
        and domain not in COMMON_LINK_DOMAINS
        and _psl().privatesuffix(domain) == domain
    ]
    if not candidates:
        return None
    return max(candidates)[2]


def is_private_person(organisation: str) -> bool:
    """Whether an organisation key is one webmail address (see `identity`): a person writing for
    no company."""
    return "@" in organisation


_PUBLIC_SUFFIX = re.compile(
    r"^(?:gov|mil|edu|int)$|^(?:[a-z]{2}\.)?(?:gov|gob|gouv|govt|gv|go|mil|edu|ac|sch|k12)\.[a-z]{2}$"
    r"|(?:^|\.)k12\."
)


def is_public_body(organisation: str | None) -> bool:
    """A government, military or academic domain (`cityhall.gov`, `ucnorte.edu.mx`,
    `ox.ac.uk`): nobody there sells to the user by cold mail."""
    if not organisation or is_private_person(organisation):
        return False
    suffix = _psl().publicsuffix(organisation) or ""
    return bool(_PUBLIC_SUFFIX.match(suffix))


def brand_of(organisation: str | None) -> str | None:
    """The name a company goes by, from its domain: `tessellate-bi.com` -> `tessellate`."""
    if not organisation or is_private_person(organisation):
        return None
    label = organisation.split(".")[0].split("-")[0]
    return label if len(label) >= 4 else None
