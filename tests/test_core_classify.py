"""classify(): a parsed message and what the ledger knows give a verdict with named signals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from builders import USER, build, ics

from inboxguard.classify import (
    INVITE,
    OTHER,
    OUTREACH,
    THRESHOLD,
    WEIGHTS,
    Verdict,
    classify,
)
from inboxguard.ledger import Ledger, MessageRecord
from inboxguard.lists import Lists
from inboxguard.markers import never_reply_reason
from inboxguard.message import parse
from inboxguard.user import User

ALAN = User(USER, "Alan Porter", ("example.com",))
NO_LISTS = Lists()

PITCH = (
    "Hi Alan,\n\n"
    "I'm reaching out because kitchens like yours cut food waste by 30% with Bitesio.\n"
    "Just following up on my previous email. Worth a 15 minute call next week?\n\n"
    "Best,\nDana Seller\nBitesio | bitesio.com\n"
)

GERMAN = (
    "Sehr geehrter Herr Porter,\n\n"
    "ich bin auf Ihr Unternehmen über LinkedIn aufmerksam geworden. "
    "Unsere Kunden haben ihre Rüstzeiten um 30 % reduziert.\n\n"
    "Hätten Sie nächste Woche 15 Minuten Zeit für ein kurzes Gespräch?\n\n"
    "Mit freundlichen Grüßen\nJürgen Müller\nFertigungsdaten GmbH\n"
)
FRENCH = (
    "Bonjour Alan,\n\n"
    "Je me permets de vous écrire car nous aidons les boutiques comme la vôtre. "
    "Nos clients réduisent leurs ruptures de stock de 25 % en trois mois.\n\n"
    "Seriez-vous disponible pour un appel rapide de 15 minutes cette semaine ?\n\n"
    "Bien cordialement,\nClaire Dubois\nStockMalin\n"
)
SPANISH = (
    "Hola Alan,\n\n"
    "Le escribo porque ayudamos a distribuidoras a cobrar antes. "
    "Nuestros clientes han reducido su morosidad un 40 %.\n\n"
    "¿Tendría 15 minutos para una breve llamada la semana que viene?\n\n"
    "Un saludo,\nAna García\nCobroFácil\n"
)
CUSTOMER = (
    "Hi Alan,\n\n"
    "Just following up on my previous email: could you send us a quote for 500 boxes of "
    "nitrile gloves? We need pricing by Friday for our purchase order.\n\n"
    "Thanks,\nPriya\nNorth Clinic\n"
)
RECRUITER = (
    "Hi Alan,\n\n"
    "I'm recruiting for a VP Engineering role at a Series C logistics company (confidential "
    "search). Your background looks like a great fit, and the base salary is well above "
    "market.\n\nOpen to a quick call this week?\n\nTom Hunt\nTalentBridge\n"
)


def judge(raw: bytes, lists: Lists = NO_LISTS, **kwargs: object) -> Verdict:
    return classify(parse(raw), ALAN, lists, **kwargs)  # type: ignore[arg-type]


def names(verdict: Verdict) -> list[str]:
    return [signal.name for signal in verdict.signals]


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    opened = Ledger.open(tmp_path / "ledger.sqlite3")
    try:
        yield opened
    finally:
        opened.close()


# outreach


def test_cold_pitch_with_a_follow_up_is_outreach_from_the_registrable_domain() -> None:
    verdict = judge(build(sender="Dana Seller <dana@eu.mail.bitesio.com>", body=PITCH))
    assert verdict.kind == OUTREACH
    assert verdict.vendor == "bitesio.com"
    assert verdict.organisation == "bitesio.com"
    assert "follow-up" in names(verdict)
    assert verdict.score >= 3.0
    assert verdict.score == pytest.approx(sum(s.weight for s in verdict.signals))
    assert not verdict.automatic
    assert not verdict.forged
    assert verdict.relation is None


@pytest.mark.parametrize(
    ("sender", "body", "vendor"),
    [
        ("Jürgen Müller <jm@fertigungsdaten.de>", GERMAN, "fertigungsdaten.de"),
        ("Claire Dubois <claire@stockmalin.fr>", FRENCH, "stockmalin.fr"),
        ("Ana García <ana@cobrofacil.es>", SPANISH, "cobrofacil.es"),
    ],
    ids=["de", "fr", "es"],
)
def test_pitches_in_other_languages_are_outreach(sender: str, body: str, vendor: str) -> None:
    verdict = judge(build(sender=sender, subject="Kurze Frage", body=body))
    assert verdict.kind == OUTREACH
    assert verdict.vendor == vendor
    assert {"meeting-ask", "value-pitch"} <= set(names(verdict))


MORE_LANGUAGES = {
    "pl": (
        "Dzień dobry,\n\nnazywam się Piotr Nowak. Pomagamy producentom żywności skrócić "
        "przestoje linii pakujących. Czy znalazłby Pan 15 minut na krótką rozmowę?\n\n"
        "Pozdrawiam\nPiotr Nowak\nPrzedstawiciel handlowy, Pakmar"
    ),
    "cs": (
        "Dobrý den,\n\npsal jsem vám minulý týden. Pomáháme výrobcům snížit spotřebu "
        "energie. Mohu vám ukázat, jak to funguje, na krátké schůzce?\n\n"
        "S pozdravem\nJan Novák\nobchodní zástupce, Energon"
    ),
    "hu": (
        "Tisztelt Kovács Úr!\n\nA nevem Nagy Péter. Segítünk a szállodáknak csökkenteni az "
        "energiaköltséget. Lenne ideje egy rövid megbeszélésre a jövő héten?\n\n"
        "Üdvözlettel\nNagy Péter\nértékesítési vezető, Energia Pont"
    ),
    "da": (
        "Hej Mette,\n\nHvor mange af jeres henvendelser handler om de samme ti spørgsmål? "
        "Vi hjælper boligselskaber med at svare automatisk.\n\n"
        "Skal jeg vise dig det på et kort møde?\n\nRasmus\nSalgschef, Svarbox"
    ),
    "fi": (
        "Hei Jonas,\n\nnimeni on Mikko. Autamme hotelleja vähentämään pesulakuluja. "
        "Sopiiko teille lyhyt puhelu ensi viikolla?\n\nMikko\nmyyntipäällikkö, Pesuexpert"
    ),
    "tr": (
        "Merhaba Priya Hanım,\n\nismim Ayşe. Fintech şirketlerine güvenlik testlerinde "
        "yardımcı oluyoruz. Gelecek hafta kısa bir görüşme için uygun musunuz?\n\n"
        "Ayşe Yılmaz\nSatış Müdürü, Guvenli"
    ),
}


@pytest.mark.parametrize("language", sorted(MORE_LANGUAGES))
def test_pitches_in_more_languages_are_outreach(language: str) -> None:
    raw = build(sender="Rep <rep@vendor-example.eu>", subject="?", body=MORE_LANGUAGES[language])
    assert judge(raw).kind == OUTREACH


@pytest.mark.parametrize(
    ("body", "counter"),
    [
        (
            "Dzień dobry,\nw załączeniu zapytanie ofertowe na 20 palet folii. Termin: piątek.",
            "buyer",
        ),
        (
            "Hej,\nvi är 40 personer och vill göra en gruppbokning i maj. Kan ni ge oss ett pris?",
            "buyer",
        ),
        (
            "Hi Alan,\nI'd like to apply for the data engineer role. My CV is attached; I help "
            "teams ship pipelines faster and would love a 15 minute call.",
            "job-application",
        ),
        (
            "Hi Alan,\nthanks for the deck. Before our partner meeting on Monday, could you "
            "share the cap table? Happy to set up a call.",
            "relationship",
        ),
        (
            "Hola Alan,\nSoy Jordi, director comercial de Frutas Garrigós. Estamos buscando "
            "arándano para mayo. Si me puedes pasar un precio orientativo, te llamo.",
            "buyer",
        ),
        (
            "Alan Bey merhaba,\nAnadolu Gıda olarak depomuz için sigorta tekliflerimizi yeniden "
            "değerlendirmek istiyoruz. Sizden bir teklif ve kısa bir görüşme rica ediyoruz.",
            "buyer",
        ),
        (
            "Hi Alan,\nWe're a small payment firm and we're looking at outsourcing compliance. "
            "Could we have a quick call next week to talk about how it would work and your fees?",
            "buyer",
        ),
    ],
    ids=[
        "pl-rfq",
        "sv-group-booking",
        "en-applicant",
        "en-investor",
        "es-produce-buyer",
        "tr-buyer",
        "en-prospect",
    ],
)
def test_what_only_sounds_like_a_pitch_in_more_languages_is_other(body: str, counter: str) -> None:
    verdict = judge(build(sender="Someone <someone@stranger.example>", body=body))
    assert verdict.kind == OTHER
    assert counter in names(verdict)


def test_list_unsubscribe_alone_on_a_one_to_one_pitch_is_still_outreach() -> None:
    raw = build(
        body=PITCH,
        headers={"List-Unsubscribe": "<mailto:unsubscribe@bitesio.com?subject=stop>"},
    )
    message = parse(raw)
    verdict = classify(message, ALAN)
    assert verdict.kind == OUTREACH
    assert never_reply_reason(message, ALAN) is None


def test_list_unsubscribe_with_feedback_id_is_bulk() -> None:
    raw = build(
        body=PITCH,
        headers={
            "List-Unsubscribe": "<https://bitesio.com/unsub>",
            "Feedback-ID": "campaign42:bitesio:esp",
        },
    )
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert "bulk" in names(verdict)


def test_list_unsubscribe_from_a_newsletter_address_is_bulk() -> None:
    headers = {"List-Unsubscribe": "<https://bitesio.com/unsub>"}
    update = judge(build(sender="Bitesio <updates@mail.bitesio.com>", body=PITCH, headers=headers))
    assert update.kind == OTHER
    assert "bulk" in names(update)
    assert judge(build(sender="Bitesio <updates@mail.bitesio.com>", body=PITCH)).kind == OUTREACH


def test_feedback_id_with_a_messaging_platforms_reply_relay_is_a_conversation() -> None:
    raw = build(
        body=PITCH,
        headers={
            "List-Unsubscribe": "<https://bitesio.com/unsub>",
            "Feedback-ID": "campaign42:bitesio:esp",
            "Reply-To": "Dana from Bitesio <reply+6d2bf9a17c40e3@intercom-mail.com>",
        },
    )
    verdict = judge(raw)
    assert "bulk" not in names(verdict)
    assert verdict.kind == OUTREACH


def test_fake_re_without_any_link_to_the_user_is_a_signal() -> None:
    verdict = judge(build(subject="Re: our chat", body=PITCH))
    assert verdict.kind == OUTREACH
    assert "fake-thread" in names(verdict)


def test_signals_each_have_a_name_and_a_reason() -> None:
    raws = [
        build(body=PITCH, headers={"X-Mailer": "Mixmax"}),
        build(sender="Priya <priya@northclinic.com>", body=CUSTOMER),
        build(body=PITCH, headers={"Auto-Submitted": "auto-replied"}),
        build(sender="bob@example.com", body=PITCH),
        build(sender=None),
    ]
    seen = 0
    for raw in raws:
        verdict = judge(raw)
        assert verdict.signals
        for signal in verdict.signals:
            assert signal.name.strip()
            assert signal.reason.strip()
            seen += 1
        assert verdict.summary()
    assert seen >= 8


def test_sales_mailer_header_is_a_signal() -> None:
    verdict = judge(build(body=PITCH, headers={"X-Mailer": "Mixmax"}))
    assert "sales-mailer" in names(verdict)
    reason = next(s.reason for s in verdict.signals if s.name == "sales-mailer")
    assert "Mixmax" in reason


def test_weights_override_raises_the_threshold() -> None:
    assert judge(build(body=PITCH)).kind == OUTREACH
    verdict = judge(build(body=PITCH), weights={"threshold": 100})
    assert verdict.kind == OTHER
    assert verdict.vendor is None


def test_weights_override_changes_a_signal_weight() -> None:
    verdict = judge(build(body=PITCH), weights={"follow-up": 7.0})
    follow_up = next(s for s in verdict.signals if s.name == "follow-up")
    assert follow_up.weight == 7.0
    assert follow_up.weight != WEIGHTS["follow-up"]


def test_weights_override_can_make_a_buyer_look_like_outreach() -> None:
    raw = build(sender="Priya <priya@northclinic.com>", subject="Gloves", body=CUSTOMER)
    assert judge(raw).kind == OTHER
    unweighed = judge(raw, weights={"buyer": 0.0, "threshold": 1.0})
    assert unweighed.score >= 1.0
    assert "no-sales-signal" in names(unweighed)  # a follow-up alone is what a buyer's chaser says
    opener = raw.replace(b"Just following up on my previous email", b"I'm reaching out because")
    assert judge(opener, weights={"buyer": 0.0, "threshold": 1.0}).kind == OUTREACH


# not outreach


def test_own_domain_sender_is_other() -> None:
    for sender in ("Bob <bob@example.com>", "carol@eu.example.com"):
        verdict = judge(build(sender=sender, body=PITCH))
        assert verdict.kind == OTHER
        assert verdict.relation == "own"
        assert names(verdict) == ["own-organisation"]


def test_allow_list_is_other_with_relation_allow() -> None:
    for entry in ("bitesio.com", "dana@bitesio.com"):
        verdict = judge(build(body=PITCH), Lists(allow=(entry,)))
        assert verdict.kind == OTHER
        assert verdict.relation == "allow"
        assert entry in verdict.signals[0].reason


def test_allow_list_matches_the_reply_to() -> None:
    raw = build(sender="dana@bitesio.com", reply_to="boss@bigco.example", body=PITCH)
    verdict = judge(raw, Lists(allow=("boss@bigco.example",)))
    assert verdict.relation == "allow"


def test_dmarc_fail_is_forged_and_other() -> None:
    raw = build(
        body=PITCH,
        headers={
            "Authentication-Results": "mx.example.com; spf=pass smtp.mailfrom=x@spoof.example;"
            " dmarc=fail (p=NONE) header.from=bitesio.com"
        },
    )
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert verdict.forged
    assert verdict.vendor is None
    assert names(verdict) == ["forged"]
    assert never_reply_reason(parse(raw), ALAN) is not None


def test_spf_fail_for_the_from_domain_is_forged() -> None:
    raw = build(
        body=PITCH,
        headers={"Authentication-Results": "mx.example.com; spf=fail smtp.mailfrom=bitesio.com"},
    )
    assert judge(raw).forged


def test_spf_fail_for_another_domain_is_not_forged() -> None:
    raw = build(
        body=PITCH,
        headers={
            "Authentication-Results": "mx.example.com; spf=fail smtp.mailfrom=bounce.esp.net;"
            " dmarc=pass header.from=bitesio.com"
        },
    )
    verdict = judge(raw)
    assert not verdict.forged
    assert verdict.kind == OUTREACH


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated"},
        {"X-Auto-Response-Suppress": "OOF, AutoReply"},
    ],
)
def test_automatic_mail_is_other(headers: dict[str, str]) -> None:
    verdict = judge(build(body=PITCH, headers=headers))
    assert verdict.kind == OTHER
    assert verdict.automatic
    assert "automatic" in names(verdict)


@pytest.mark.parametrize(
    ("subject", "automatic"),
    [
        ("Absence du bureau", True),
        ("Absence : retour le 12 mai", True),
        ("Abwesenheitsnotiz: Alan Porter", True),
        ("Absence analytics for your plants", False),
        ("Abwesenheitsmanagement für Ihre Werke", False),
    ],
)
def test_an_out_of_office_subject_is_automatic_and_a_pitch_about_absence_is_not(
    subject: str, automatic: bool
) -> None:
    assert judge(build(subject=subject, body=PITCH)).automatic is automatic


def test_auto_submitted_no_is_not_automatic() -> None:
    verdict = judge(build(body=PITCH, headers={"Auto-Submitted": "no"}))
    assert not verdict.automatic
    assert verdict.kind == OUTREACH


def test_a_delivery_report_is_automatic() -> None:
    raw = (
        "From: Mail Delivery System <postmaster@mx.bitesio.com>\r\n"
        f"To: {USER}\r\nSubject: Undelivered Mail\r\nMessage-ID: <dsn-1@mx.bitesio.com>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain\r\n\r\nI'm reaching out: worth a 15 minute call?\r\n"
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        "Final-Recipient: rfc822; x@y.com\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--\r\n"
    ).encode()
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert verdict.automatic
    assert "multipart/report" in verdict.signals[-1].reason


def test_an_empty_return_path_is_automatic() -> None:
    verdict = judge(build(body=PITCH, headers={"Return-Path": "<>"}))
    assert verdict.kind == OTHER
    assert verdict.automatic


def test_a_system_sender_is_automatic() -> None:
    verdict = judge(build(sender="Bitesio <no-reply@bitesio.com>", body=PITCH))
    assert verdict.kind == OTHER
    assert verdict.automatic


@pytest.mark.parametrize(
    "headers",
    [
        {"List-Id": "Food waste forum <forum.bitesio.com>"},
        {"List-Post": "<mailto:forum@bitesio.com>"},
        {"Precedence": "bulk"},
        {"Precedence": "list"},
        {"Precedence": "junk"},
    ],
)
def test_list_and_bulk_mail_is_other(headers: dict[str, str]) -> None:
    verdict = judge(build(body=PITCH, headers=headers))
    assert verdict.kind == OTHER
    assert "bulk" in names(verdict)
    assert not verdict.automatic


@pytest.mark.parametrize(
    "link",
    [
        {"in_reply_to": "<CAF3x9@mail.example.com>"},
        {"in_reply_to": "<20250602.1234@example.com>"},
        {"references": "<root@bitesio.com> <CAF3x9@mail.example.com>"},
    ],
)
def test_a_reply_to_a_message_from_the_users_domain_is_a_thread(link: dict[str, str]) -> None:
    verdict = judge(build(subject="Re: food waste", body=PITCH, **link))  # type: ignore[arg-type]
    assert verdict.kind == OTHER
    assert verdict.relation == "thread"
    assert "user-thread" in names(verdict)


def test_a_reply_to_a_message_the_user_sent_from_elsewhere_is_a_thread(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_message(
            MessageRecord(
                folder="Sent",
                uidvalidity=1,
                uid=7,
                message_id="sent-7@gmail.com",
                sender=USER,
                organisation=None,
                verdict="sent",
                action="learn",
                reasons=(),
                arrived_at=datetime(2025, 6, 1, tzinfo=UTC),
                mine=True,
            )
        )
    raw = build(subject="Re: hello", in_reply_to="<sent-7@gmail.com>", body=PITCH)
    assert judge(raw).kind == OUTREACH
    verdict = judge(raw, history=ledger)
    assert verdict.relation == "thread"
    assert verdict.kind == OTHER


def test_a_reply_quoting_the_user_is_a_thread() -> None:
    body = (
        "Thanks Alan, following up as promised.\n\n"
        "On Mon, 2 Jun 2025 at 10:00, Alan Porter <alan@example.com> wrote:\n"
        "> Send me something next week.\n"
    )
    verdict = judge(build(subject="Re: hello", body=body))
    assert verdict.relation == "thread"


def test_a_correspondent_organisation_is_other(ledger: Ledger) -> None:
    with ledger.transaction():
        ledger.record_engagement("bitesio.com", datetime(2025, 5, 1, tzinfo=UTC))
    verdict = judge(build(sender="sam@bitesio.com", body=PITCH), history=ledger)
    assert verdict.kind == OTHER
    assert verdict.relation == "correspondent"


def test_a_customer_asking_for_a_quote_and_bumping_is_other() -> None:
    raw = build(
        sender="Priya Shah <priya@northclinic.com>",
        subject="Re: quote for 500 gloves",
        body=CUSTOMER,
    )
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert "buyer" in names(verdict)
    assert "follow-up" in names(verdict)


def test_a_customer_who_bumps_fakes_a_re_and_asks_for_a_call_is_never_outreach() -> None:
    body = (
        "Hi Alan,\n\nJust bumping this - we're an Example customer (contract VL-2291). "
        "Can you confirm SSO works on both tenants? A 15-minute call this week would be fine."
        "\n\nIngrid\nHead of IT | Norrland Bank\n"
    )
    verdict = judge(build(sender="Ingrid <ingrid@norrlandbank.com>", subject="RE: SSO", body=body))
    assert verdict.kind == OTHER
    salesy = sum(s.weight for s in verdict.signals if s.name != "buyer")
    assert salesy >= 3.0  # outreach on its own; the buyer settles it
    assert "buyer" in names(verdict)


def test_a_buyer_signs_as_one_even_below_a_quoted_first_mail() -> None:
    body = (
        "Hi Alan,\n\nBumping this up: we still need the completed forms. Can we hop on a "
        "quick call tomorrow?\n\nThanks,\nMegan\n\nFrom: Megan Torres\nSent: Monday\n"
        "To: Alan Porter <alan@example.com>\n\nHi Alan, forms attached.\n\nMegan Torres\n"
        "Senior Procurement Specialist\nCorvalis Payments\n"
    )
    verdict = judge(build(sender="Megan <megan@corvalis.com>", subject="RE: forms", body=body))
    assert verdict.kind == OTHER
    assert any(s.reason.startswith("signed by a buyer") for s in verdict.signals)


def test_a_vendor_offering_an_indicative_price_is_no_buyer_asking_for_one() -> None:
    offer = (
        "Hi Alan,\n\nWe run IT for thirty design firms. Happy to share a case study and an "
        "indicative price. Would 20 minutes next week be useful?\n\nRoss\nClydeTech IT\n"
    )
    assert "buyer" not in names(judge(build(body=offer)))
    request = offer.replace("Happy to share a case study and", "Could you send us")
    assert "buyer" in names(judge(build(sender="Anna <anna@acme.com>", body=request)))


@pytest.mark.parametrize(
    ("body", "title", "signature", "signal"),
    [
        (
            "Fala Alan,\n\nA gente criou o Cotaí, uma IA que monta o mapa de cotação.\nQuem usa "
            "hoje corta\nem média 11 horas por comprador por semana.\n\nAbs,\nRafael\nCotaí\n",
            "Rafael\n",
            "Rafael\nComprador\n",
            "buyer",
        ),
        (
            "Bonjour Alan,\n\nComme évoqué avec votre directeur commercial, je vous propose ce "
            "rendez-vous pour finaliser notre accord.\n\nFrançois\nDelorme & Associés\n",
            "François\n",
            "François\nDirecteur commercial\n",
            "sales-title",
        ),
    ],
    ids=["buyer", "sales"],
)
def test_a_title_named_in_a_sentence_signs_nobody(
    body: str, title: str, signature: str, signal: str
) -> None:
    assert signal not in names(judge(build(body=body)))
    assert signal in names(judge(build(body=body.replace(title, signature))))


def test_a_podcast_asking_to_be_paid_is_a_vendor_and_one_inviting_a_guest_is_the_press() -> None:
    invitation = (
        "Hi Alan,\n\nI host The Scaling CTO Show and we'd love to have you on. "
        "Would a 30 minute recording next week work?\n\nMarcus\nscalingctoshow.com\n"
    )
    paid = invitation.replace(
        "Would a", "Featured guest episodes come with a production package ($1,450). Would a"
    )
    sender = "Marcus <marcus@scalingctoshow.com>"
    free = judge(build(sender=sender, subject="Podcast", body=invitation))
    assert free.kind == OTHER
    assert "press" in names(free)
    sold = judge(build(sender=sender, subject="Podcast", body=paid))
    assert sold.kind == OUTREACH
    assert "paid-media" in names(sold)
    assert "press" not in names(sold)


def test_a_hyphenated_sending_domain_belongs_to_the_name_its_bump_signs_with() -> None:
    earlier = (
        "Le lun. 2 mars 2026, Lucie <lucie@vts-labo-verrerie.fr> a écrit :\n> Bonjour Alan,\n"
        "> nous fournissons des fioles.\n> Lucie\n"
    )
    body = f"Bonjour Alan,\n\nUn devis ?\n\nLucie\nVerrerie du Sud – www.vts-labo.fr\n\n{earlier}"
    verdict = judge(build(sender="Lucie <lucie@vts-labo-verrerie.fr>", body=body))
    assert verdict.organisation == "vts-labo.fr"
    unrelated = body.replace("www.vts-labo.fr", "www.verrerie-sud.fr")
    verdict = judge(build(sender="Lucie <lucie@vts-labo-verrerie.fr>", body=unrelated))
    assert verdict.organisation == "vts-labo-verrerie.fr"


def test_a_sending_domain_belongs_to_the_brand_it_signs_for() -> None:
    body = (
        "Marta,\n\none of three things happened. Should I close your file?\n\n"
        "Tyler Brooks, Growthkiln\ngrowthkiln.com\n"
    )
    verdict = judge(build(sender="Tyler <tyler@trygrowthkiln.com>", body=body))
    assert verdict.organisation == "growthkiln.com"
    assert judge(build(sender="Tyler <tyler@growthkiln.com>", body=body)).organisation == (
        "growthkiln.com"
    )
    signed = body.replace("Growthkiln\ngrowthkiln.com", "Growthkiln Capital\ngrowthkilncapital.com")
    verdict = judge(build(sender="Tyler <tyler@getgrowthkiln.com>", body=signed))
    assert verdict.organisation == "growthkilncapital.com"
    product = body.replace("Growthkiln\ngrowthkiln.com", "Growthkiln Ads\ngrowthkilnads.com")
    verdict = judge(build(sender="Tyler <tyler@getgrowthkiln.com>", body=product))
    assert verdict.organisation == "growthkilnads.com"
    other = body.replace("Growthkiln\ngrowthkiln.com", "Kilnworks\nkilnworks.com")
    assert judge(build(sender="Tyler <tyler@getgrowthkiln.com>", body=other)).organisation == (
        "getgrowthkiln.com"
    )


def test_a_platforms_customer_named_only_by_its_unsubscribe_link_is_the_vendor() -> None:
    relayed = build(
        sender="Sam from Dockit <sam@dockit.intercom-mail.com>",
        reply_to="Dockit <reply+57c9b456e3@dockit.intercom-mail.com>",
        headers={"List-Unsubscribe": "<https://intercom.dockit.app/unsubscribe/14016fdaa6>"},
        body=PITCH.replace("Bitesio | bitesio.com", "Dockit").replace("Bitesio", "Dockit"),
    )
    verdict = judge(relayed)
    assert verdict.kind == OUTREACH
    assert verdict.organisation == "dockit.app"


def test_a_company_writing_from_its_own_domain_with_relayed_replies_is_the_vendor() -> None:
    """Intercom sends from the company's own address and relays only the replies: the help
    centre its footer links to (intercom.help) is not the company."""
    relayed = build(
        sender="Elodie de Planifab <elodie@planifab.com>",
        reply_to="Planifab <reply+582e9b7e45@intercom-mail.com>",
        body=PITCH.replace("Bitesio | bitesio.com", "Planifab | planifab.com")
        + "\nAide : https://planifab.intercom.help/fr/\n",
    )
    assert judge(relayed).organisation == "planifab.com"


def test_a_platforms_customer_named_by_nothing_else_is_its_sending_host() -> None:
    """Not the platform: a no to one of its customers must never file another customer's mail."""
    relayed = build(
        sender="Sam from Dockit <sam@dockit.intercom-mail.com>",
        reply_to="Dockit <reply+57c9b456e3@dockit.intercom-mail.com>",
        body=PITCH.replace("Bitesio | bitesio.com", "Dockit").replace("Bitesio", "Dockit"),
    )
    assert judge(relayed).organisation == "dockit.intercom-mail.com"


def test_a_signed_one_liner_asking_for_time_is_outreach_and_a_friends_is_not() -> None:
    pitch = "Alan, worth ten minutes to see how we log reefer temperatures without paper?"
    signed = judge(
        build(
            sender="Joost <joost@coldtrace.eu>",
            body=f"{pitch}\n\nJoost\nColdtrace | coldtrace.eu\n",
        )
    )
    assert signed.kind == OUTREACH
    assert "brief-pitch" in names(signed)
    friend = judge(
        build(
            sender="Joost <joost.vd@gmail.com>",
            body="Alan, worth ten minutes for a quick call?\n\nJoost\n",
        )
    )
    assert friend.kind == OTHER


def test_german_bumps_and_break_ups_are_outreach() -> None:
    bump = (
        "Hallo Herr Porter,\n\nnur kurz nachgehakt, falls meine Nachricht untergegangen ist: "
        "Für Dezember hätten wir noch zwei Köche verfügbar.\n\nAnna Kovács\nPersonalbrücke\n"
    )
    goodbye = (
        "Guten Tag Herr Porter,\n\nich habe Sie zweimal angeschrieben und nichts gehört. Ich "
        "gehe davon aus, dass das Thema keine Rolle spielt, und melde mich nicht weiter.\n\n"
        "Henrik Baumgartner\nVertrieb, Voralpen Strom\n"
    )
    for body, phrasing in ((bump, "follow-up"), (goodbye, "break-up")):
        raw = build(sender="Rep <rep@vendor-example.de>", subject="Re: Küche", body=body)
        verdict = judge(raw)
        assert phrasing in names(verdict)
        assert verdict.kind == OUTREACH


def test_dutch_referral_asks_nudges_and_break_ups_are_outreach() -> None:
    sender = "Rep <rep@vendor-example.nl>"
    referral = (
        "Goedemorgen,\n\nIk ben op zoek naar de persoon die verantwoordelijk is voor Google "
        "Ads. Kunt u mij doorverwijzen naar de juiste collega?\n\nThijs\nGroeihuis\n"
    )
    asked = judge(build(sender=sender, subject="Vraag", body=referral))
    assert "buyer" not in names(asked)  # looking for the right person, not for a supplier
    assert "referral-ask" in names(asked)
    nudge = "Alan, heb je nog interesse in goedkopere verzendlabels?\n\nBas | Vendor-example\n"
    assert "first-touch" in names(judge(build(sender=sender, subject="labels", body=nudge)))
    goodbye = "Omdat ik niets hoorde, zal ik u niet langer lastigvallen.\n\nPieter-Jan\n"
    assert "break-up" in names(judge(build(sender=sender, subject="Extra handen", body=goodbye)))


def test_a_product_update_to_the_users_own_account_confirms_a_relationship() -> None:
    update = (
        "Upgrade to Business before March 15 and get 25% off.\n\nYou're receiving product "
        "updates because you're an admin of a Tracklane workspace.\n"
    )
    verdict = judge(build(sender="Tracklane <updates@tracklane.example>", body=update))
    assert "confirmation" in names(verdict)
    assert verdict.kind == OTHER


def test_the_users_own_name_at_another_own_domain_is_the_user() -> None:
    user = User(USER, "Alan Porter", ("example.com", "example.org"))
    local = USER.partition("@")[0]
    raw = build(body=PITCH, headers={"Cc": f"{local}@example.org"})
    assert "several-recipients" not in names(classify(parse(raw), user, NO_LISTS))
    raw = build(body=PITCH, headers={"Cc": "bob@example.org"})
    assert "several-recipients" in names(classify(parse(raw), user, NO_LISTS))


def test_a_forward_of_the_senders_own_mail_named_only_by_name_is_a_fake_thread() -> None:
    own = "\n-----Ursprüngliche Nachricht-----\nVon: Dana Seller\nBetreff: Bitesio\n\nHallo\n"
    fake = judge(build(subject="WG: Bitesio", body=PITCH + own))
    assert "fake-thread" in names(fake)
    assert fake.kind == OUTREACH
    other = own.replace("Dana Seller", "Bob Buyer")
    assert "forward" in names(judge(build(subject="WG: Bitesio", body=PITCH + other)))


def test_a_company_forwarding_its_reps_own_pitch_is_a_fake_thread() -> None:
    own = (
        "\n\nVon: Tilo Bauer\nGesendet: Mittwoch\nBetreff: Regale\n\nwir statten Transporter aus.\n"
    )
    body = f"Sehr geehrter Herr Porter,\n\nanbei nochmals meine Nachricht.\n\nTilo Bauer{own}"
    sender = "Bauer Fahrzeugeinrichtung <vertrieb@bauer.de>"
    assert "forward" not in names(judge(build(sender=sender, subject="WG: Regale", body=body)))
    colleague = body.replace("\n\nTilo Bauer\n\nVon", "\n\nAnna Schmidt\n\nVon")
    assert "forward" in names(judge(build(sender=sender, subject="WG: Regale", body=colleague)))


@pytest.mark.parametrize("subject", ["ENC: Proposta", "Fwd: Proposal", "WG: Angebot"])
def test_a_forward_that_forwards_nothing_is_a_fake_thread(subject: str) -> None:
    fake = judge(build(subject=subject, body=PITCH))
    assert fake.kind == OUTREACH
    assert "fake-thread" in names(fake)
    forwarded = PITCH + "\n---------- Forwarded message ---------\nFrom: Bob <bob@else.example>\n"
    real = judge(build(subject=subject, body=forwarded))
    assert real.kind == OTHER
    assert "forward" in names(real)


def test_a_new_customers_short_signed_note_asking_for_a_call_is_not_a_pitch() -> None:
    body = "Hi Alan, a quick call tomorrow about our order 4411?\n\nAnna\nAcme | acme.com\n"
    verdict = judge(build(sender="Anna <anna@acme.com>", subject="call?", body=body))
    assert verdict.kind == OTHER
    assert "buyer" in names(verdict)


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        ("sam@northwind.com", "Hi Alan, are you free for a quick chat about our account renewal?"),
        ("jo@fund.org", "Alan, the board asked me to set up time with you. 30 minutes Thursday?"),
    ],
    ids=["customer", "grant-maker"],
)
def test_a_short_signed_request_for_a_meeting_alone_is_not_a_cold_one_liner(
    sender: str, body: str
) -> None:
    brand = sender.partition("@")[2]
    raw = build(
        sender=sender, subject="quick call", body=f"{body}\n\nSam\n{brand.title()} | {brand}\n"
    )
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert "brief-pitch" not in names(verdict)


COMPANY_VOICE = (
    "Hi Alan,\n\nWe at Thornbury have been talking about Example's range for next season. "
    "Could you spare 30 minutes with our team next week? We would like to go through the "
    "plans.\n\nHarriet Cole\nSales Director\nThornbury\n"
)


def test_a_companys_voice_alone_is_never_a_pitch() -> None:
    """Talking up its company, naming the user's, "we", a question and a meeting ask are what a
    customer or a partner writes too: without one signal that sells, it is not outreach."""
    no_model = {"wording": 0}
    sender, subject = "Harriet <harriet@thornbury.co.uk>", "Next season"
    voice = judge(build(sender=sender, subject=subject, body=COMPANY_VOICE), weights=no_model)
    assert voice.score >= THRESHOLD
    assert voice.kind == OTHER
    assert "no-sales-signal" in names(voice)
    tasting = ics(
        organizer="harriet@thornbury.co.uk",
        summary="Thornbury tasting",
        description="Thornbury's new vintages, with the Example team.",
    )
    invitation = build(sender=sender, subject="Invitation: Thornbury tasting", calendar=tasting)
    assert judge(invitation, weights=no_model).kind == OTHER
    mailed = build(
        sender=sender, subject=subject, body=COMPANY_VOICE, headers={"X-Mailer": "HubSpot"}
    )
    tool = judge(mailed, weights=no_model)
    assert tool.kind == OUTREACH
    assert "sales-mailer" in names(tool)


def test_a_chaser_alone_is_never_a_pitch() -> None:
    """A fake "Re:", a bump and a free offer are what a customer chasing her quote writes too;
    with a cold opener beside them, they make a pitch."""
    chaser = (
        "Hi Alan,\n\nJust checking in on the below. Happy to jump on a call this week - our "
        "groups travel free of charge with us.\n\nCharlotte\nSnowline Holidays\n"
    )
    sender, no_model = "Charlotte <charlotte@snowline.example>", {"wording": 0}
    chasing = judge(build(sender=sender, subject="Re: Lift passes", body=chaser), weights=no_model)
    assert {"fake-thread", "follow-up", "value-pitch"} <= set(names(chasing))
    assert chasing.score >= THRESHOLD
    assert chasing.kind == OTHER
    opened = chaser.replace("Just checking in on the below.", "I came across your resort.")
    cold = judge(build(sender=sender, subject="Re: Lift passes", body=opened), weights=no_model)
    assert cold.kind == OUTREACH


def test_mail_copied_to_others_outside_the_senders_company_counts_against() -> None:
    alone = judge(build(body=PITCH))
    own_colleague = judge(build(body=PITCH, headers={"Cc": "sam@bitesio.com"}))
    copied = judge(build(body=PITCH, headers={"Cc": "bob@example.com, ann@partner.example"}))
    assert "several-recipients" not in names(alone) + names(own_colleague)
    counter = next(s for s in copied.signals if s.name == "several-recipients")
    assert counter.weight < 0
    assert counter.reason == "written to others beside the user (bob@example.com and 1 more)"
    assert copied.score == pytest.approx(alone.score + counter.weight)
    team = ics(attendees=(USER, "bob@example.com", "sam@bitesio.com"))
    invited = judge(build(body=INVITE_BODY, calendar=team))
    assert "bob@example.com" in next(s.reason for s in invited.signals if s.weight < 0)


LOOK_ALIKES = [
    (
        "Re: cross-border trucking, still waiting",
        "ray.wong@hengfatrading.com.my",
        (
            "Hi Alan,\n\nSorry follow up again. Last week I asked for your quotation for daily "
            "trucking from our factory to your warehouse. Can send by this Friday?\n\nThanks,\n"
            "Ray Wong\nPurchasing, Heng Fa Trading Sdn Bhd\n"
        ),
    ),
    (
        "RE: Liquidación semana 5 pendiente",
        "mhuaman@costaverde.com.pe",
        (
            "Estimado Alan:\n\nInsisto con este tema porque seguimos sin recibir la liquidación de "
            "la semana 5. ¿Podemos tener una llamada mañana con su equipo?\n\nMilagros Huamán\n"
            "Jefa de Tesorería – Costa Verde\n\nDe: Milagros Huamán\nEnviado: jueves\n\n"
            "Estimado Alan, le escribo porque la liquidación aún no se refleja en nuestra cuenta.\n"
        ),
    ),
    (
        "Kurze Frage zu ProdaxERP",
        "werner.hafner@hafner-maschinenbau.at",
        (
            "Servus Alan,\n\nIhr habt doch letztes Jahr auch mit ProdaxERP geredet, oder? Hättest "
            "du 10 Minuten für ein Telefonat, wie deine Eindrücke waren?\n\nDanke und lg\nWerner"
            "\n\nHafner Maschinenbau GmbH, Weiz\n"
        ),
    ),
    (
        "Präventionsberatung – Terminvorschlag",
        "praevention.graz@auva.at",
        (
            "Sehr geehrter Herr Porter,\n\nim Rahmen unseres Präventionsschwerpunktes bieten wir "
            "Mitgliedsbetrieben eine kostenlose Beratung an. Wir schlagen als Termin Dienstag, 24. "
            "März vor.\n\nMit freundlichen Grüßen\nKarin Neuhold\nPräventionsabteilung\n"
            "AUVA Landesstelle Graz\n"
        ),
    ),
    (
        "Bolsa de productores freelance",
        "quique@quiquenavarro.es",
        (
            "Hola Alan:\n\nHe visto en vuestra web que estáis ampliando la bolsa de productores "
            "freelance y me gustaría apuntarme. Mi portfolio está en quiquenavarro.es y te puedo "
            "pasar referencias.\n\nUn saludo,\nQuique Navarro\nProductor técnico freelance\n"
        ),
    ),
    (
        "Betriebsbesichtigung – Terminvorschlag",
        "rainer.osterloh@bgvl.de",
        (
            "Sehr geehrter Herr Porter,\n\nim Rahmen unserer Präventionsarbeit möchte ich die "
            "Betriebsstätte der Example GmbH besichtigen. Bitte geben Sie mir Bescheid, ob der "
            "Termin passt.\n\nMit freundlichen Grüßen\nRainer Osterloh\nAufsichtsperson\n"
            "Berufsgenossenschaft Verkehr und Logistik (BGVL)\n"
        ),
    ),
    (
        "Pliego petitorio revisión salarial 2026",
        "seccion14@stima-nl.org.mx",
        (
            "SINDICATO DE TRABAJADORES STIMA\nSección 14 – Example\n\nPor medio del presente, el "
            "Comité Ejecutivo de esta Sección le hace llegar el pliego petitorio para la revisión "
            "salarial 2026 del Example.\n\nSolicitamos se fije fecha para la primera mesa de "
            "negociación.\n\nRoberto Mata\nSecretario General, Stima\n"
        ),
    ),
    (
        "Leveranciersvragenlijst informatiebeveiliging – Example",
        "katleen.deckers@vanhoutte-coatings.be",
        (
            "Geachte heer Porter,\n\nVanhoutte Coatings moet de informatiebeveiliging van onze "
            "kritieke leveranciers beoordelen. Mag ik u vragen de bijgevoegde vragenlijst in te "
            "vullen? Indien nodig plannen we een kort overleg in.\n\nKatleen Deckers\n"
            "Aankoop & Leveranciersbeheer\nVanhoutte Coatings NV\n"
        ),
    ),
    (
        "Supplier re-qualification 2026",
        "ingrid.halvorsen@fjordbank.no",
        (
            "Dear Alan,\n\nAs part of our annual supplier re-qualification, Fjordbank asks all IT "
            "service suppliers to submit a completed supplier questionnaire. Your account manager "
            "suggested that you are the right contact. Let me know if you need a short call.\n\n"
            "Ingrid Halvorsen\nCategory Manager, IT Services\nFjordbank ASA, Procurement\n"
        ),
    ),
    (
        "Prośba o komentarz – biura firm IT",
        "paulina.sowa@gazetadolnoslaska.pl",
        (
            "Dzień dobry Panie Alanie,\n\nprzygotowuję tekst o biurach firm IT. Czy zgodziłby się "
            "Pan na krótką rozmowę telefoniczną (15 minut)?\n\nZ pozdrowieniami\nPaulina Sowa\n"
            "dziennikarka, dział Biznes\nGazeta Dolnośląska\n"
        ),
    ),
    (
        "Re: your talk",
        "lena@techconf.io",
        (
            "Hi Alan,\n\nThanks again for agreeing to speak at TechConf. Could we do a 15-minute "
            "call on Monday to go through the run of show? We help all our speakers with "
            "slides.\n\nLena\nProgramme team, TechConf\ntechconf.io\n"
        ),
    ),
    (
        "Partnership",
        "raj@bigretail.com",
        (
            "Hi Alan,\n\nI lead partnerships at BigRetail. We'd love to explore listing your "
            "products in our stores next season. Would you have 30 minutes next week?\n\nRaj "
            "Patel\nHead of Partnerships, BigRetail\nbigretail.com\n"
        ),
    ),
    (
        "Intro: Alan <> Mia",
        "tom@friendvc.com",
        (
            "Alan, Mia - as promised, connecting you two. Mia runs ops at Finly and had questions "
            "about your onboarding flow. I'll let you take it from here.\n\nTom\n"
        ),
    ),
    (
        "Following up",
        "carla@cityhall.gov",
        (
            "Dear Mr Porter,\n\nFollowing up on my previous email regarding the business licence "
            "renewal: could you send the signed form by Friday? Happy to set up a short call if "
            "that helps.\n\nCarla Gomez\nLicensing Officer, City of Springfield\n"
        ),
    ),
    (
        "Quick question",
        "ben@unistudent.edu",
        (
            "Hi Alan, I'm a final-year student researching SaaS pricing. Would you be open to a "
            "20-minute interview? I'm happy to share the results.\n\nBen\n"
        ),
    ),
    (
        "Your order",
        "orders@supplierco.com",
        (
            "Hi Alan,\n\nQuick question about your order 5512: do you want the second pallet "
            "delivered on Tuesday or Thursday? Happy to call if easier.\n\nMaria\nCustomer "
            "Service, SupplierCo\nsupplierco.com\n"
        ),
    ),
    (
        "Renewal",
        "jess@insureco.com",
        (
            "Hi Alan,\n\nYour policy renews on 1 March. I've attached the renewal terms; can we "
            "book 20 minutes to go through the cover changes?\n\nJess\nAccount Manager, "
            "InsureCo\ninsureco.com\n"
        ),
    ),
    (
        "Webinar follow-up",
        "kim@analystfirm.com",
        (
            "Hi Alan,\n\nThanks for attending our webinar yesterday. Here are the slides you asked "
            "for. Let me know if you'd like a copy of the full report.\n\nKim\nResearch Director, "
            "AnalystFirm\n"
        ),
    ),
    (
        "Board meeting",
        "peter@gmail.com",
        (
            "Alan, can we grab a coffee before the board meeting on Thursday? I want your view on "
            "the budget.\n\nPeter\n"
        ),
    ),
    (
        "Invoice 2291",
        "ar@vendorco.com",
        (
            "Hi Alan,\n\nJust following up on invoice 2291, which is now 30 days overdue. Could "
            "you let me know when we can expect payment?\n\nSara\nAccounts Receivable, VendorCo\n"
        ),
    ),
    (
        "Referral",
        "nina@clientco.com",
        (
            "Hi Alan,\n\nOur CFO recommended your company. We're looking for a partner for our "
            "data migration. Who would be the right person to talk to about pricing?\n\nNina\nIT "
            "Manager, ClientCo\nclientco.com\n"
        ),
    ),
    (
        "Volunteer day",
        "amy@foodbank.org",
        (
            "Hi Alan,\n\nWe're organising our spring volunteer day and would love your team to "
            "join. Could you let me know by Friday how many people might come?\n\nAmy\nVolunteer "
            "Coordinator, City Food Bank\n"
        ),
    ),
    (
        "Jahresabschlussprüfung 2026",
        "m.huber@prueferpartner.de",
        (
            "Sehr geehrter Herr Porter,\n\nwir möchten die Termine für die Jahresabschlussprüfung "
            "abstimmen. Hätten Sie nächste Woche 30 Minuten Zeit für ein kurzes Gespräch?\n\nMit "
            "freundlichen Grüßen\nMarkus Huber\nWirtschaftsprüfer, Prüfer & "
            "Partner\nprueferpartner.de\n"
        ),
    ),
    (
        "Preisanpassung ab 1. April",
        "vertrieb@lieferant-gmbh.de",
        (
            "Sehr geehrter Herr Porter,\n\nleider müssen wir unsere Preise ab dem 1. April um 4 % "
            "anpassen. Gerne erläutere ich Ihnen die Gründe in einem kurzen Telefonat.\n\nViele "
            "Grüße\nSabine Keller\nVertrieb, Lieferant GmbH\n"
        ),
    ),
    (
        "Su stand en Alimentaria",
        "stands@feriaexpo.es",
        (
            "Estimado Alan:\n\nLe confirmamos la reserva de su stand B-214 en Alimentaria. "
            "¿Podemos agendar una llamada breve para revisar el montaje?\n\nSaludos,\nLaura "
            "Gil\nDepartamento Comercial, Feria Expo\nferiaexpo.es\n"
        ),
    ),
    (
        "2026 Annual Credit Review",
        "s.orr@valleybank.com",
        (
            "Good morning Alan,\n\nAs part of the annual review of Example's revolving line of "
            "credit, we'll need your year-end statements by April 30. Could you send me a few "
            "dates in May for an hour with you? Congratulations on a strong year.\n\nStephanie "
            "Orr\nSenior Vice President, Commercial Banking\nValley Bank\n"
        ),
    ),
    (
        "Nabídka pozice: vedoucí skladu v Brně",
        "k.benesova@talentbridge.cz",
        (
            "Dobrý den, pane Porter,\n\nna LinkedInu jsem narazila na Váš profil. Hledáme "
            "vedoucího skladu v Brně. Nabízíme nadstandardní mzdu a služební auto. Měl byste "
            "zájem o krátký telefonát?\n\nKateřina Benešová\nSenior Recruiter, TalentBridge\n"
        ),
    ),
    (
        "Röportaj talebi: ABD gümrük vergileri",
        "pinar@seramikdunyasi.com.tr",
        (
            "Alan Bey merhaba,\n\nSeramik Dünyası dergisinin mayıs sayısı için bir dosya "
            "hazırlıyoruz. Telefonla 20 dakika yeterli olur. Yayın öncesi alıntıları onayınıza "
            "sunuyoruz.\n\nPınar Esen\nEditör, Seramik Dünyası\n"
        ),
    ),
    (
        "Votre ligne de crédit",
        "j.martin@banque-rhone.fr",
        (
            "Bonjour Monsieur Porter,\n\nEn tant que votre chargé d'affaires, je vous propose un "
            "rendez-vous pour faire le point sur votre ligne de crédit avant son renouvellement. "
            "Seriez-vous disponible la semaine prochaine ?\n\nCordialement,\nJulien Martin\nChargé "
            "d'affaires entreprises, Banque du Rhône\n"
        ),
    ),
    (
        "Projeto Alfa - próxima fase",
        "carla@clientebr.com.br",
        (
            "Oi Alan, tudo bem?\n\nPodemos marcar uma reunião rápida para falar da próxima fase do "
            "projeto Alfa? Nosso diretor quer fechar o escopo ainda este "
            "mês.\n\nAbraço,\nCarla\nClienteBR | clientebr.com.br\n"
        ),
    ),
    (
        "Cooperación en el proyecto europeo",
        "ana@universidad-privada.com",
        (
            "Hola Alan:\n\nEstamos preparando una propuesta para Horizonte Europa y nos gustaría "
            "contar con su empresa como socio industrial. ¿Tendría 20 minutos esta semana para una "
            "videollamada?\n\nAna López\nOficina de Proyectos\n"
        ),
    ),
    (
        "Steuererklärung",
        "kanzlei@steuerberater-mueller.de",
        (
            "Hallo Herr Porter,\n\nfür die Steuererklärung fehlen uns noch die Belege für Q4. "
            "Können Sie uns diese bis Freitag senden? Gerne auch kurz telefonieren.\n\nIhre "
            "Kanzlei Müller\n"
        ),
    ),
    (
        "Invitation : comité de pilotage",
        "paul@client-fr.fr",
        (
            "Bonjour Alan,\n\nComme convenu, je vous envoie l'invitation pour le comité de "
            "pilotage du projet. N'hésitez pas à proposer un autre créneau.\n\nPaul\nDirecteur de "
            "projet, Client FR\n"
        ),
    ),
    (
        "Ervaringen met een leverancier?",
        "r.westra@eemvliet.nl",
        (
            "Hoi Alan,\n\nKort vraagje: wij worden benaderd door een leverancier van chatbots. "
            "Hebben jullie daar ervaring mee? Bel gerust als dat makkelijker is.\n\nGroet,\n"
            "Ruud Westra\nTeamleider Informatievoorziening\nGemeente Eemvliet\n"
        ),
    ),
    (
        "Richiesta listino 2027",
        "acquisti@grandimagazzini.it",
        (
            "Gentile Dott. Porter,\n\nsiamo interessati alla vostra collezione e vorremmo ricevere "
            "il listino prezzi e le condizioni per i rivenditori. Possiamo fissare una breve "
            "chiamata la prossima settimana?\n\nCordiali saluti,\nElena Conti\nUfficio Acquisti, "
            "Grandi Magazzini Roma\n"
        ),
    ),
    (
        "Afspraak showroom",
        "info@showroom-amsterdam.nl",
        (
            "Beste Alan,\n\nHierbij bevestigen wij uw afspraak in onze showroom op 14 maart om "
            "10:00. Zullen we vooraf even kort bellen over de collectie die u wilt laten "
            "zien?\n\nMet vriendelijke groet,\nSanne\nShowroom Amsterdam\n"
        ),
    ),
    (
        "Zmiana cen od kwietnia",
        "biuro@dostawca.pl",
        (
            "Dzień dobry,\n\nuprzejmie informujemy, że od 1 kwietnia ceny naszych opakowań wzrosną "
            "o 5%. Chętnie omówimy szczegóły telefonicznie.\n\nZ poważaniem\nAnna Nowak\nDział "
            "Obsługi Klienta, Dostawca Sp. z o.o.\n"
        ),
    ),
    (
        "Möte om avtalet",
        "lars@kundbolaget.se",
        (
            "Hej Alan,\n\nVårt avtal med er löper ut i juni. Kan vi ses en halvtimme nästa vecka "
            "och prata om en förlängning?\n\nHälsningar\nLars\nInköpschef, Kundbolaget AB\n"
        ),
    ),
    (
        "Tarjous: kevään koulutus",
        "tiina@koulutuskeskus.fi",
        (
            "Hei Alan,\n\nkiitos tilauksestanne! Lähetämme koulutuksen materiaalit ensi viikolla. "
            "Sopiiko teille lyhyt puhelu ennen koulutusta?\n\nTiina\nKoulutuskeskus\n"
        ),
    ),
    (
        "Votre stand au salon",
        "exposants@salon-pro.fr",
        (
            "Bonjour Monsieur Porter,\n\nNous vous confirmons votre inscription comme exposant au "
            "Salon Pro 2027 (stand C12). Pourriez-vous nous envoyer votre logo avant le 15 février "
            "?\n\nCordialement,\nL'équipe exposants, Salon Pro\n"
        ),
    ),
    (
        "Pedido 4471",
        "compras@tiendas-sol.es",
        (
            "Hola Alan:\n\nNecesitamos adelantar la entrega del pedido 4471 a la semana que viene. "
            "¿Podemos hablar por teléfono mañana?\n\nGracias,\nJavier\nCompras, Tiendas Sol\n"
        ),
    ),
    (
        "Collaborazione",
        "marco@studiofoto.it",
        (
            "Ciao Alan,\n\ncome d'accordo ti mando il preventivo per lo shooting di marzo. Se va "
            "bene possiamo sentirci giovedì per i dettagli.\n\nMarco\nStudio Foto Milano\n"
        ),
    ),
    (
        "More seats for Lyon",
        "claire@maisonbrisson.fr",
        (
            "Hi Alan,\n\nwe already use Porter Kitchens in our Paris kitchens and love it. Could "
            "you send pricing for 8 additional seats and a short case study for our CFO? Happy to "
            "do a 20-minute call.\n\nClaire\nHead of Operations, Maison Brisson\n"
        ),
    ),
    (
        "RFQ: prep tables, 3 sites",
        "j.ortiz@hotelesmar.es",
        (
            "Dear Alan,\n\nwe're comparing three suppliers for the refit of our kitchens. Please "
            "quote for 14 stainless prep tables, delivered to three sites, by 20 March. Could we "
            "have 30 minutes next week to go through the drawings?\n\nJavier Ortiz\n"
            "Purchasing, Hoteles Mar\n"
        ),
    ),
    (
        "Porter Kitchens - grant claim 2 and site visit",
        "niamh@westernenterprise.ie",
        (
            "Alan,\n\nbefore I can process claim 2 under the capital grant I need the Q4 payroll "
            "figures. Could we also find 45 minutes for our board member to visit the new "
            "kitchen?\n\nNiamh Walsh\nClient Manager\nWestern Enterprise Agency\n"
        ),
    ),
    (
        "Porter Kitchens - annual review of your card acquiring facility",
        "h.shah@northernmerchantbank.co.uk",
        (
            "Dear Alan,\n\nas part of our annual review of your merchant acquiring facility I need "
            "your updated PCI attestation. Could you send it by 13 March? I'm happy to arrange a "
            "short call.\n\nHannah Shah\nRelationship Manager, Northern Merchant Bank\n"
        ),
    ),
    (
        "Speaking at our autumn conference?",
        "events@kitchenguild.org.uk",
        (
            "Dear Alan,\n\nwe'd love to have you on a panel at the Kitchen Guild's autumn "
            "conference: 45 minutes with two other members. We cover travel and the dinner. Would "
            "you be interested? Happy to have a quick call.\n\nRuth\nEvents Manager, Kitchen "
            "Guild\n"
        ),
    ),
    (
        "WG: Lombardkredit",
        "thomas.vogt@vogt-partner.ch",
        (
            "Sehr geehrter Herr Porter\n\nIch erlaube mir, auf meine untenstehende Anfrage "
            "zurückzukommen. Könnten Sie mir ein Angebot mit Zinssatz zukommen lassen? Wäre es "
            "möglich, nächste Woche kurz zu telefonieren?\n\nThomas Vogt\nVogt & Partner\n"
        ),
    ),
    (
        "Relance : demande d'offre",
        "ac.lemaire@fondation-lemaire.ch",
        (
            "Monsieur Porter,\n\nJe me permets de vous relancer : nous n'avons pas reçu votre "
            "offre suite à notre demande du 3 février. Seriez-vous disponible cette semaine pour "
            "un entretien ?\n\nAnne-Catherine Lemaire\nFondation Lemaire\n"
        ),
    ),
    (
        "RE: Custody fees",
        "c.pemberton@harcourtfo.co.uk",
        (
            "Hi Alan,\n\nJust checking in on the revised fee schedule - could you send us the "
            "revised custody fee schedule by the 12th? Could we hop on a quick 15-minute call "
            "tomorrow?\n\nCharlotte\nHarcourt Family Office\n"
        ),
    ),
    (
        "Re: Confidential - COO",
        "nikhil@ardentsearch.com",
        (
            "Hi Alan,\n\nJust resurfacing this in case it got buried. My client is looking for "
            "a COO - would you be open to a confidential 20-minute conversation?\n\nNikhil\n"
            "Ardent Search\n"
        ),
    ),
    (
        "Kurze Frage",
        "andreas.frei@bluewin.ch",
        (
            "Hoi Alan\n\nKurze Frage: Hättest du mal zehn Minuten für einen kurzen Anruf? Es "
            "geht um das Praktikum meines Sohnes.\n\nLiebe Grüsse\nAndreas\n"
        ),
    ),
    (
        "WG: Anfrage Tageskarten Busgruppe",
        "office@busreisen-wagner.at",
        (
            "Sehr geehrter Herr Porter,\n\nich darf mich nochmals bezüglich unserer Anfrage "
            "melden. Leider haben wir bisher kein Angebot erhalten, und unsere Kunden möchten "
            "die Fahrt fix machen.\n\nGerhard Wagner\nBusreisen Wagner\n"
        ),
    ),
    (
        "RE: contract rates",
        "charlotte@snowlineholidays.co.uk",
        (
            "Hi Alan,\n\nJust checking in on the below - could you please send us your "
            "tour-operator contract rates for next winter? Happy to jump on a call this "
            "week.\n\nCharlotte\nProduct Manager, Snowline Holidays\n"
        ),
    ),
    (
        "Panel invitation: spring programme",
        "m.ortiz@statebar-section.org",
        (
            "Dear Ms. Hale,\n\nOur section is putting together a lunchtime programme on "
            "supply-contract disputes and we would love your firm's view. Would you be willing "
            "to join a short panel in May? There is no cost to speakers. Could we find 15 "
            "minutes for a quick call next week?\n\nMaria Ortiz\nCo-Chair, Business Law "
            "Section\n"
        ),
    ),
    (
        "Re: litigation partner opportunity",
        "tom@harborlegalsearch.com",
        (
            "Hi Dana,\n\nFollowing up on my note about the litigation partner opportunity in "
            "Boston. If the timing is not right, would you be open to me keeping you in mind "
            "for future roles?\n\nTom\n"
        ),
    ),
    (
        "Intro - a client who needs a mobile team",
        "dan@clearbrook-digital.com",
        (
            "Alan,\n\nWe have a client in Denver who needs six engineers for a rebuild, more "
            "than our bench can take, and I told them about you. Would you be up for an intro "
            "call with their CTO next week? Our partner agreement's referral terms would "
            "apply.\n\nDan\nManaging Partner, Clearbrook Digital\n"
        ),
    ),
    (
        "Salon Cosmetic 360 : confirmation de votre réservation de stand",
        "exposants@cosmetic360-salon.fr",
        (
            "Madame,\n\nNous avons le plaisir de vous confirmer la réservation de votre stand "
            "B14 (12 m²) pour le salon des 14 et 15 octobre. Votre acompte de 1 800 € a bien "
            "été reçu ; le solde est à régler avant le 1er septembre.\n\nVotre chargée de "
            "compte exposants reste à votre disposition pour un rendez-vous sur le plan du "
            "salon.\n\nCordialement,\nÉmilie Roux\nService exposants, Cosmetic 360\n"
        ),
    ),
    (
        "New patient enquiry",
        "reception@brightsmiledental.co.uk",
        (
            "Hi Alan,\n\nI got your name from Dr. Patel, who says your team set up his "
            "booking system. We are a three-chair practice looking for the same. Could we have "
            "a quick call this week to see whether you could do it for us?\n\nKind regards,\n"
            "Sarah Collins\nPractice Manager, Bright Smile Dental\n"
        ),
    ),
    (
        "Re: Satış Direktörü – gizli süreç",
        "selin.kaya@ustyonetim.com.tr",
        (
            "Merhaba Alan Bey,\n\nAnkara merkezli bir sanayi grubu adına Satış Direktörü için "
            "gizli bir arama yürütüyoruz. Profilinizin bu pozisyona çok uygun olduğunu "
            "düşünüyorum. Bu hafta kısa bir telefon görüşmesi yapabilir miyiz?\n\n"
            "Saygılarımla,\nSelin Kaya\nÜst Yönetim Danışmanlık\n"
        ),
    ),
    (
        "Entry confirmation - Porter Cider (2 entries)",
        "entries@ciderawards.example",
        (
            "Dear Alan,\n\nThank you for entering the 2026 Northern Cider Awards. We confirm the "
            "following entries: NCA-311 Dry Cider, NCA-312 Perry.\n\nEntry fees: £120 (paid). "
            "Please send two bottles per entry by 12 May.\n\nThe NCA team\n"
        ),
    ),
    (
        "Saludos desde Puebla – ¿comparamos indicadores?",
        "laura.mendez@colegiosvalle.example",
        (
            "Hola Alan:\n\nNos conocimos en el congreso de finanzas en Lima; soy la directora de "
            "finanzas de Colegios del Valle. Me encantaría comparar algunos indicadores de "
            "cobranza con un grupo como el suyo; con gusto te comparto los nuestros.\n\n"
            "¿Te parece si hacemos una llamada de media hora en mayo?\n\nUn abrazo,\nLaura "
            "Méndez\nDirectora de Finanzas – Colegios del Valle\n"
        ),
    ),
    (
        "Felkérés: panelbeszélgetés az Őszi Raktárlogisztikai Napon",
        "titkarsag@raktarszovetseg.example",
        (
            "Kedves Alan!\n\nAz egyesület elnöksége nevében szeretnélek felkérni, hogy vegyél "
            "részt az októberi konferencia panelbeszélgetésén. A beszélgetés 45 perces, előtte "
            "egy rövid online egyeztetést tartanánk. Tagvállalati képviselőként a részvételed "
            "díjmentes.\n\nÜdvözlettel:\nKiss Anna\nfőtitkár\nRaktárszövetség\n"
        ),
    ),
    (
        "融資契約のご更新について",
        "k.tanaka@minato-bank.example",
        (
            "ポーター・トレーディング株式会社\nアラン・ポーター 様\n\n港銀行 法人営業課の田中で"
            "ございます。融資契約のご更新にあたり、決算書一式のご提出をお願いしたく、ご連絡いたし"
            "ました。30分ほどお時間を頂戴できますでしょうか。\n\n港銀行 法人営業課 田中\n"
        ),
    ),
    (
        "Upcoming change to your plan price",
        "billing@fieldapp.example",
        (
            "Hi Alan,\n\nWe're writing to you as the billing contact for the Fieldapp account of "
            "Porter Ltd (account ID PL-2211). From your next renewal the Pro plan changes from "
            "USD 39 to USD 45 per seat. Your current subscription has 12 seats.\n\nThe Fieldapp "
            "team\n"
        ),
    ),
    (
        "Erfahrungsaustausch WLAN-Ausschreibung",
        "t.richter@schule-duesseldorf.example",
        (
            "Lieber Herr Porter,\n\nwir haben uns im November bei der Tagung kurz kennengelernt. "
            "Wir haben unsere WLAN-Ausschreibung gerade hinter uns und ich teile gerne unsere "
            "Erfahrungen. Hätten Sie in den nächsten Wochen Zeit für ein kurzes Telefonat?\n\n"
            "Thomas Richter\nLeiter Facility Management\nInternationale Schule Düsseldorf\n"
        ),
    ),
]
"""Mail that reads like a pitch and is not: a speaker's organiser, a retailer who wants to stock the
user's products, an introduction, a city licensing office, a student, a supplier, an insurer's
renewal, an analyst, a friend, a dunning note, a customer's referral ask, a food bank; an auditor,
a supplier's price rise, a trade fair, the bank, a customer's project, a research consortium, the
tax adviser and a client's steering committee, in German, Spanish, French and Portuguese; a
neighbouring town hall in Dutch; a department store, a showroom, a supplier's price rise, a
customer's contract, a training order, a trade fair, an order moved forward and a photographer, in
Italian, Dutch, Polish, Swedish, Finnish, French and Spanish; a bar section asking the user onto a
panel, a legal recruiter's follow-up about a partner role, and a partner passing on a client; a
trade fair confirming the stand the user booked, in French, a prospect a customer referred, a
Turkish headhunter's confidential search, an awards scheme confirming the entries it was paid
for, a peer offering to compare figures, and a trade association asking a member onto a panel, in
Hungarian; the company's bank renewing a credit line, in Japanese, a subscribed tool's price
change, and a peer school's exchange of experience, in German."""


@pytest.mark.parametrize(
    ("subject", "sender", "body"), LOOK_ALIKES, ids=[s for _, s, _ in LOOK_ALIKES]
)
def test_what_reads_like_a_pitch_and_is_not(subject: str, sender: str, body: str) -> None:
    assert judge(build(sender=f"X <{sender}>", subject=subject, body=body)).kind == OTHER


def test_a_client_looking_for_a_coo_is_a_job_and_a_fractional_cfo_a_pitch() -> None:
    search = "Alan, my client is looking for a COO. Open to a confidential chat?\n\nNikhil\n"
    assert "job-offer" in names(judge(build(sender="N <n@search.example>", body=search)))
    service = (
        "Hi Alan,\n\nIf you are looking for a CFO but not ready for a full-time hire, we run "
        "finance for 20 start-ups like yours. Worth a 15-minute call?\n\nSam\nLedgerlight CFO\n"
    )
    pitch = judge(build(sender="Sam <sam@ledgerlightcfo.com>", subject="Finance", body=service))
    assert "job-offer" not in names(pitch)
    assert pitch.kind == OUTREACH


def test_a_recruiter_offering_a_job_is_other() -> None:
    raw = build(sender="Tom Hunt <tom@talentbridge.com>", subject="VP role", body=RECRUITER)
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert "job-offer" in names(verdict)


def test_a_message_not_addressed_to_the_user_is_flagged() -> None:
    message = parse(build(to="someone@else.example", body=PITCH))
    verdict = classify(message, ALAN)
    assert "not-addressed" in names(verdict)
    assert never_reply_reason(message, ALAN) == "the user is not addressed directly"


def test_the_user_addressed_by_delivered_to_or_bcc() -> None:
    for headers in ({"Delivered-To": USER}, {"Bcc": USER}):
        message = parse(build(to="undisclosed-recipients:;", body=PITCH, headers=headers))
        assert never_reply_reason(message, ALAN) is None


def test_block_list_gives_relation_block() -> None:
    verdict = judge(build(body=PITCH), Lists(block=("bitesio.com",)))
    assert verdict.relation == "block"
    assert "block-list" in names(verdict)


# invites

INVITE_BODY = (
    "Hi Alan,\n\nI've booked us 15 minutes to show you how kitchens like yours cut food waste "
    "by 30%. If the time doesn't work, feel free to move it.\n\nDana\nbitesio.com\n"
)


def test_an_unsolicited_invite_is_an_invite() -> None:
    verdict = judge(build(body=INVITE_BODY, calendar=ics(), subject="Invitation: Bitesio"))
    assert verdict.kind == INVITE
    assert verdict.vendor == "bitesio.com"
    assert verdict.invite is not None
    assert verdict.invite.uid == "evt-7781@bitesio.com"


def test_an_invite_that_says_it_all_in_its_description_is_an_invite() -> None:
    calendar = ics(
        summary="Placeholder",
        description="Alan - 15 minutes to show how Bitesio cuts food waste. Dial-in below.",
    )
    verdict = judge(build(body="", calendar=calendar, subject="Invitation: Placeholder"))
    assert verdict.kind == INVITE
    assert "self-promotion" in names(verdict)


def test_a_link_in_an_invitation_does_not_talk_up_the_company() -> None:
    calendar = ics(summary="Webinar", description="Your link: https://events.bitesio.com/j/42")
    verdict = judge(build(body="See you there.", calendar=calendar, subject="Webinar"))
    assert "self-promotion" not in names(verdict)


@pytest.mark.parametrize(
    ("organizer", "summary", "description"),
    [
        ("harriet@thornbury.co.uk", "Thornbury / Example - Q3 supplier review", "OTIF, pricing."),
        ("anna@clientco.de", "ClientCo x Example: Projekt-Kickoff", "Kickoff der Einführung."),
        ("lisa@partnerfirm.com", "Partnerfirm <> Example: joint proposal", "For the tender."),
        ("ken@eventco.com", "Speaker prep call - TechConf", "15 minutes on your slot."),
        (
            "m.bellini@medicor-distribuzione.it",
            "QBR Q2 2026 - Medicor / Example",
            "Ciao Alan, come ogni trimestre, ti mando l'invito per la revisione delle vendite "
            "di Example in Italia.\n\nMarco Bellini\nDirettore Commerciale - Medicor",
        ),
        (
            "ncastells@grupomarelo.es",
            "Revisión colección SS27 - Grupo Marelo / Example",
            "Hola Alan, te envío la convocatoria para revisar la colección: prototipos "
            "aprobados, precios finales y calendario de pedidos de enero.\n\nNuria",
        ),
    ],
    ids=["customer-review", "customer-kickoff", "partner", "organiser", "distributor-qbr", "buyer"],
)
def test_a_customers_or_partners_invitation_is_not_an_unsolicited_invite(
    organizer: str, summary: str, description: str
) -> None:
    calendar = ics(organizer=organizer, summary=summary, description=description, uid="u-1@x")
    raw = build(sender=f"X <{organizer}>", subject=f"Invitation: {summary}", calendar=calendar)
    assert judge(raw).kind == OTHER


def test_a_cancellation_is_not_an_invite() -> None:
    verdict = judge(build(body=INVITE_BODY, calendar=ics(method="CANCEL")))
    assert verdict.kind != INVITE
    assert verdict.invite is None


def test_a_colleagues_invite_is_not_an_invite() -> None:
    raw = build(
        sender="bob@example.com",
        body="Pipeline review, 15 minutes.",
        calendar=ics(organizer="bob@example.com"),
    )
    verdict = judge(raw)
    assert verdict.kind == OTHER
    assert verdict.relation == "own"


def test_a_recruiter_offering_to_fill_the_users_vacancies_sells_a_service() -> None:
    sender = "Konstantin Weber <k.weber@weber-executive.de>"
    selling = (
        "Sehr geehrter Herr Porter,\n\nIhrer Stellenanzeige entnehme ich, dass Sie eine Leitung "
        "Küche suchen. Ich erlaube mir, Ihnen hierfür die Unterstützung unserer Personalberatung "
        "anzubieten. Gerne erläutere ich Ihnen unser Vorgehen in einem persönlichen Gespräch.\n\n"
        "Dr. Konstantin Weber\nWeber Executive Search GmbH\n"
    )
    verdict = judge(build(sender=sender, subject="Besetzung Ihrer Position", body=selling))
    assert verdict.kind == OUTREACH
    assert "staffing-pitch" in names(verdict)
    assert "job-offer" not in names(verdict)
    offering = (
        "Sehr geehrter Herr Porter,\n\nim Rahmen einer vertraulichen Suche für einen Mandanten "
        "möchte ich Ihnen eine Position als Geschäftsführer vorstellen. Ihr Werdegang passt "
        "hervorragend. Hätten Sie Zeit für ein kurzes Telefonat?\n\n"
        "Dr. Konstantin Weber\nWeber Executive Search GmbH\n"
    )
    assert judge(build(sender=sender, subject="Vertraulich", body=offering)).kind == OTHER


def test_a_vendor_asking_for_a_slot_is_no_buyer_and_a_buyer_asking_for_a_quote_is() -> None:
    vendor = (
        "Bonjour Monsieur Porter,\n\nTerracuit fabrique des parements en terre cuite pour "
        "façades ventilées. Pourriez-vous nous indiquer un créneau qui vous conviendrait pour "
        "une présentation de vingt minutes ?\n\nCordialement,\nLéa Morel\nTerracuit\n"
    )
    pitch = judge(build(sender="lea@terracuit.fr", subject="Parements terre cuite", body=vendor))
    assert "buyer" not in names(pitch)
    asking = vendor.replace(
        "Pourriez-vous nous indiquer un créneau qui vous conviendrait pour une présentation de "
        "vingt minutes ?",
        "Pourriez-vous nous envoyer un devis pour 400 m² ?",
    )
    buyer = judge(build(sender="lea@terracuit.fr", subject="Devis", body=asking))
    assert "buyer" in names(buyer)
    assert buyer.kind == OTHER


def test_a_podcast_selling_a_featured_package_or_a_pr_agency_is_no_journalist() -> None:
    podcast = (
        "Hi Alan,\n\nI host Build Forward, a weekly show for operations leaders. Here's how the "
        "featured-founder package works: a 35-minute interview, edited, and three clips.\n\n"
        "Jess\nHost & Producer, Build Forward\n"
    )
    agency = (
        "Hello Alan,\n\nMy name's Rachel and I run Snowfield PR, a small London agency. We take "
        "four to six trade journalists on a press trip each January.\n\nRachel\n"
    )
    for sender, body in (
        ("jess@buildforwardpodcast.com", podcast),
        ("r@snowfieldpr.co.uk", agency),
    ):
        verdict = judge(build(sender=sender, subject="An idea", body=body))
        assert "press" not in names(verdict)
        assert "paid-media" in names(verdict)


def test_an_auditors_revision_des_comptes_is_no_price_revision() -> None:
    body = (
        "Madame,\n\nNotre assistant automatise la révision des comptes des cabinets d'expertise "
        "comptable.\n\nCordialement,\nJean Dupuis\n"
    )
    verdict = judge(build(sender="jean@expertia-ia.fr", subject="Révision", body=body))
    assert "relationship" not in names(verdict)


def test_a_bump_is_read_with_its_own_earlier_pitch_that_it_quotes() -> None:
    earlier = (
        "On Tue, 3 Jun 2025 at 09:15, Dana Whitfield <dana@bitesio.com> wrote:\n"
        "> Hi Alan,\n> we specialise in tracking food waste per kitchen.\n> Dana\n"
    )
    bump = judge(build(subject="Re: food waste", body=f"Alan, any thoughts?\n\nDana\n\n{earlier}"))
    assert "offer" in names(bump)
    someone_else = earlier.replace("Dana Whitfield <dana@bitesio.com>", "Chris <chris@other.com>")
    forward = judge(build(subject="Re: food waste", body=f"Alan, thoughts?\n\n{someone_else}"))
    assert "offer" not in names(forward)


_QUOTED_PITCH = "> Hi Alan,\n> we specialise in tracking food waste per kitchen.\n"
_FORWARDED_PITCH = "\nHi Alan,\nwe specialise in tracking food waste per kitchen.\n"


@pytest.mark.parametrize(
    ("subject", "earlier"),
    [
        ("Re:", "22 Nis 2026 Çar, 11:15 tarihinde Dana Whitfield <dana@bitesio.com> şunu yazdı:"),
        ("Re:", "Dňa st 22. 4. 2026 o 9:05 Dana Whitfield <dana@bitesio.com> napísal(a):"),
        ("Re:", "pt., 6 mar 2026 o 09:02 Dana Whitfield <dana@bitesio.com> napisał(a):"),
        (
            "Re:",
            "El dl., 23 de febr. 2026 a les 16:40, Dana Whitfield <dana@bitesio.com> va escriure:",
        ),
        (
            "Re:",
            "---- On Thu, 29 Jan 2026 11:34:27 +0530 Dana Whitfield <dana@bitesio.com> wrote ---",
        ),
        (
            "Fwd:",
            "-------- Пересилане повідомлення --------\nВід: Dana Whitfield <dana@bitesio.com>",
        ),
        ("Fwd:", "________________________________\nFrån: Dana Whitfield <dana@bitesio.com>"),
        ("Fwd:", "-----Oorspronklike boodskap-----\nVan: Dana Whitfield <dana@bitesio.com>"),
        ("Fwd:", "________________________________\n差出人: Dana Whitfield <dana@bitesio.com>"),
    ],
    ids=["tr", "sk", "pl", "ca", "zoho", "uk-forward", "sv-forward", "af-forward", "ja-forward"],
)
def test_a_bump_quoting_its_pitch_in_more_languages_is_read_with_it(
    subject: str, earlier: str
) -> None:
    pitch = _QUOTED_PITCH if subject == "Re:" else _FORWARDED_PITCH
    body = f"Alan, any thoughts?\n\nDana\n\n{earlier}\n{pitch}"
    bump = judge(build(subject=f"{subject} food waste", body=body))
    assert "forward" not in names(bump)
    assert "offer" in names(bump)


def test_a_bump_quoting_a_colleagues_pitch_is_read_with_it_and_a_webmail_strangers_is_not() -> None:
    earlier = (
        "De: Ricardo Abalsamo <ricardo@bitesio.com>\nEnviado: martes, 10 de marzo\n\n"
        "Hi Alan,\nwe specialise in tracking food waste per kitchen.\n"
        "Bitesio kitchens waste a third less.\n\nRicardo\nBitesio\n"
    )
    bump = judge(build(subject="RE: food waste", body=f"Alan, any thoughts?\n\nDana\n\n{earlier}"))
    assert "offer" in names(bump)
    assert "self-promotion" in names(bump)  # "Bitesio" in the quoted pitch, not the signature
    webmail = earlier.replace("bitesio.com", "gmail.com")
    sender = "Dana <dana.whitfield@gmail.com>"
    stranger = judge(build(sender=sender, subject="RE: food waste", body=f"Alan?\n\n{webmail}"))
    assert "offer" not in names(stranger)


def test_an_applicant_naming_the_job_board_is_a_private_person_applying() -> None:
    body = (
        "Sehr geehrter Herr Porter\n\nMit grossem Interesse habe ich Ihr Inserat auf jobs.ch "
        "gelesen. Gerne überzeuge ich Sie in einem persönlichen Gespräch.\n\nIm Anhang finden "
        "Sie meinen Lebenslauf.\n\nFreundliche Grüsse\nDominik Brändli\n079 623 44 91\n"
    )
    webmail = judge(build(sender="Dominik <d.braendli@gmx.ch>", subject="Stelle", body=body))
    assert webmail.kind == OTHER
    assert webmail.organisation == "d.braendli@gmx.ch"
    company = judge(build(sender="Dominik <dominik@logistik-ost.ch>", subject="Stelle", body=body))
    assert "job-application" in names(company)


def test_a_phrase_is_found_across_the_line_break_of_hard_wrapped_text() -> None:
    body = (
        "Kære Alan\n\nVi er bekendt med, at I udvider på Østersøen, og vi vil gerne\r\n"
        "præsentere en løsning for jeres trailere.\n\nPernille\nLindø Terminal Service A/S\n"
    )
    assert "first-touch" in names(judge(build(subject="Ro-ro", body=body)))
    ended = body.replace("vil gerne\r\n", "vil gerne.\r\n")
    assert "first-touch" not in names(judge(build(subject="Ro-ro", body=ended)))


def test_a_phone_meeting_in_french_is_no_press_request() -> None:
    body = (
        "Monsieur Porter,\n\nJe me permets de vous contacter en ma qualité de consultante du "
        "cabinet Innovatax. Seriez-vous disposé à m'accorder un entretien téléphonique d'une "
        "vingtaine de minutes ?\n\nHélène Vasseur\nInnovatax\n"
    )
    verdict = judge(build(body=body))
    assert "press" not in names(verdict)
    assert "first-touch" in names(verdict)


def test_the_users_auditor_arranging_the_inventory_count_is_a_relationship() -> None:
    body = (
        "Hi Alan,\n\nAs part of our audit of Example's financial statements, our team will "
        "observe the year-end physical inventory counts. Sandra mentioned you're the right "
        "contact. We'd also like 30 minutes with you.\n\nLaura Fitzgerald, CPA\n"
        "Audit Senior Manager\nWhitman & Reyes LLP\n"
    )
    raw = build(
        sender="Laura <lfitzgerald@whitmanreyes.com>",
        subject="Year-end inventory observation",
        body=body,
        headers={"Cc": "sandra@example.com"},
    )
    verdict = judge(raw)
    assert "relationship" in names(verdict)
    assert verdict.kind == OTHER


def test_a_copy_to_the_users_generic_mailbox_is_not_someone_else_addressed() -> None:
    generic = judge(build(body=PITCH, headers={"Cc": "info@example.com"}))
    assert "several-recipients" not in names(generic)
    colleague = judge(build(body=PITCH, headers={"Cc": "bob@example.com"}))
    assert "several-recipients" in names(colleague)


def test_a_rep_signing_for_a_company_from_a_personal_mailbox_says_so() -> None:
    body = (
        "Hi Alan,\n\nquick one: we have two stand builders free for the March fair in Madrid "
        "if you still need one.\n\nDana\nBitesio Stands | bitesio.com\n"
    )
    rep = judge(build(sender="Dana <dana.seller@gmail.com>", body=body))
    assert rep.organisation == "bitesio.com"
    assert "personal-mailbox" in names(rep)
    company = judge(build(body=body))
    assert "personal-mailbox" not in names(company)
    applicant = (
        "Dear Mr Porter,\n\nI am applying for the warehouse shift lead role advertised on "
        "bitesio.com.\n\nFor nine years I have worked in warehouse logistics.\n\nFor four of "
        "them I led a team of 35.\n\nI drive a forklift.\n\nMy CV is attached.\n\nKind "
        "regards,\nTamas Gulyas\n+36 30 612 7840\n"
    )
    candidate = judge(build(sender="Tamas <gulyas.tamas88@gmail.com>", body=applicant))
    assert "personal-mailbox" not in names(candidate)


MORE_SALES_PHRASING = [
    (
        "Hey Alan,\n\nviermal geschrieben, viermal Funkstille – ich lass dich ab jetzt in Ruhe."
        "\n\nKevin\nSichtbar Solar",
        "break-up",
    ),
    (
        "Guten Tag Herr Porter,\n\nfür Ihre Monteure bieten wir im Frühjahr die Qualifizierung "
        "an – 80 Unterrichtseinheiten.\n\nBernd Lorenz\nAGT Akademie",
        "offer",
    ),
    (
        "Hej Alan,\n\nOkej, jag fattar vinken. Jag slutar tjata nu.\n\nAmir\nRörelse Reklambyrå",
        "break-up",
    ),
    (
        "Geachte heer Porter,\n\nIk heb geen reactie ontvangen. Ik zal u hierover niet verder "
        "benaderen.\n\nHenk Kroeze\nKroeze Assurantiën B.V.",
        "break-up",
    ),
    (
        "Olá Alan, fazemos almoços de equipa. Posso enviar a nossa tabela de preços?\n\nInês\n"
        "Cozinha da Baixa",
        "offer",
    ),
    (
        "Hi Alan,\n\nIt's the UK's biggest interiors podcast and I look after its ad sales. We've "
        "got two host-read slots left.\n\nTasha\nAudiofolk Media",
        "paid-media",
    ),
    (
        "Dear Alan,\n\nI would be glad to offer a complimentary one-hour session with your "
        "finance team.\n\nErin Fitzgerald\nHartley Voss",
        "offer",
    ),
    (
        "Estimado Lic. Porter,\n\nPor medio de la presente, Monedero Norte se complace en "
        "presentarle su propuesta de valor.\n\nAna Sáenz\nMonedero Norte",
        "first-touch",
    ),
    (
        "Buongiorno,\n\nNon sono sicuro che sia Lei a occuparsi dell'arredo: potrebbe indicarmi il "
        "nome del responsabile del progetto?\n\nLuca Galbiati\nArredo Contract Brianza",
        "referral-ask",
    ),
    (
        "Bonjour Monsieur Porter,\n\nJe ne veux pas encombrer votre boîte.\n\n1 - Pas "
        "d'intérêt, merci de ne plus me contacter\n2 - Plus tard\n\nArnaud\nConformia",
        "sequence-opt-out",
    ),
    (
        "Kære Alan\n\nJeg håber, det er i orden, at jeg skriver direkte til dig.\n\nHenrik\n"
        "Skagen Skibsproviant ApS",
        "first-touch",
    ),
    (
        "Kære Alan\n\nJeg har ikke hørt fra dig. Jeg lukker derfor sagen hos mig.\n\nBirgitte"
        "\nMaritimt Kursuscenter",
        "break-up",
    ),
    (
        "Respected Madam,\n\nSub: Request for empanelment as security service provider.\n\n"
        "We humbly introduce ourselves as Garuda Shield.\n\nBD Team\nGaruda Shield Security",
        "first-touch",
    ),
    (
        "Hi Ananya,\n\nI don't want to be the vendor who keeps clogging your inbox, so I'll take "
        "the silence as a no.\n\nKavya\nPolicyVault",
        "break-up",
    ),
    (
        "Hi Ananya ji,\n\nMain aur disturb nahi karunga. Yeh meri last mail hai is baare mein."
        "\n\nVarun\nDhoom Events",
        "break-up",
    ),
    (
        "Hallo Herr Porter,\n\nich will Ihr Postfach nicht weiter verstopfen - das hier ist "
        "meine letzte Mail zum Thema.\n\nLukas Brand\nKettwerk Software GmbH",
        "break-up",
    ),
    (
        "Grüezi Herr Porter\n\nBrauchen Sie im Frühling Verstärkung? Wir hätten zwei erfahrene "
        "Logistiker per sofort verfügbar.\n\nSandro Keller\nFlexpers Temporär AG",
        "staffing-pitch",
    ),
    (
        "Grüezi Herr Porter – laufen Ihre Microsoft-365-Lizenzen auch Ende Juni aus?\n\nGruss\n"
        "Marco Frei, IT-Werk Ost AG",
        "priority-question",
    ),
    (
        "Hi Fiona - when does the gas and electricity contract for your Queen Street office run "
        "out?\n\nThanks,\nLeah | Gridwise Utilities",
        "priority-question",
    ),
    (
        "Dear Fiona,\n\nThistle Risk is an independent Lloyd's broker specialising in "
        "professional indemnity for architects.\n\nAlasdair Munro\nThistle Risk Partners Ltd",
        "offer",
    ),
    (
        "Prezado Senhor,\n\nA Creditum Consultoria Tributária vem respeitosamente apresentar "
        "seus serviços.\n\nMarcelo Figueira\nCreditum Consultoria",
        "offer",
    ),
    (
        "Dear Ma'am,\n\nI have not been able to reach you, so I am closing the file on our side. "
        "I do not want to keep filling your inbox.\n\nHarish Gowda\nSunKiran Solar",
        "break-up",
    ),
    (
        "Dear Madam,\n\nWith due respect, we wish to introduce ourselves as Agnishaman Fire "
        "Safety Services.\n\nR. Venkatesh\nAgnishaman Fire Safety Services",
        "first-touch",
    ),
    (
        "Hello madam,\n\nWe do indoor plant rental and maintenance for offices.\n\nDeepak",
        "offer",
    ),
    (
        "Hyvä Antti Koskinen,\n\notan yhteyttä Kivilinna IT:stä. Tarjoamme IT-palveluja "
        "teollisuusyrityksille.\n\nTommi Vainio\nKivilinna IT Oy",
        "first-touch",
    ),
    (
        "Hyvä Antti Koskinen,\n\nTarjoamme IT-palveluja teollisuusyrityksille.\n\nTommi",
        "offer",
    ),
    (
        "Antti, onko jälleenmyyjien tarjouskonfiguraattori teillä ajankohtainen vielä tänä "
        "keväänä?\n\nAleksi / Kvotia",
        "priority-question",
    ),
    (
        "Benvolgut Sr. Puig,\n\nEm poso en contacte amb vostè en nom d'Enginyeria Tèrmica "
        "Osona.\n\nPere Casadevall\nEnginyeria Tèrmica Osona",
        "first-touch",
    ),
    (
        "Benvolgut Sr. Puig,\n\nA Circular Pack ajudem els departaments de compres a preparar "
        "el PPWR.\n\nMireia Fàbregas\nCircular Pack",
        "offer",
    ),
    (
        "Jordi, ¿quién lleva el estuchado y el cartón en Montseny?\n\nÒscar · Cartonajes Segarra",
        "referral-ask",
    ),
    (
        "Zeynep Hanım merhaba,\n\nCersaie standı için birkaç kez yazdım ama dönüş alamadım. "
        "Son kez rahatsız ediyorum; dosyanızı kapatıyorum.\n\nDerya Koç\nStandart Fuar",
        "break-up",
    ),
    (
        "Sayın Zeynep Hanım,\n\nLisan Çeviri olarak 40 dilde teknik çeviri hizmeti veriyoruz. "
        "Bir sayfalık örnek çeviriyi ücretsiz yapmaktan memnuniyet duyarız.\n\nNihan Korkmaz\n"
        "Lisan Çeviri",
        "offer",
    ),
    (
        "Dobrý deň pán Novák,\n\ndovoľte mi predstaviť agentúru Tatra Work. Zabezpečujeme "
        "dočasné pridelenie zamestnancov pre výrobné podniky.\n\nZuzana Kováčová\nTatra Work",
        "offer",
    ),
    (
        "Hej Tomasz,\n\nmyśleliście o sprzedaży na Allegro? Zajmujemy się tym dla marek "
        "meblowych. Podrzuć proszę, z kim najlepiej pogadać.\n\nOla\nSklepowo",
        "referral-ask",
    ),
    (
        "Dobrý den,\n\nmohl byste mi poradit, kdo u Vás ve firmě má na starosti nákup látek? "
        "Rádi bychom Vám poslali vzorník.\n\nJana Procházková\nLiberecká textilie",
        "referral-ask",
    ),
    (
        "Dzień dobry Panie Tomaszu,\n\npodbijam temat. Produkujemy folię stretch i możemy "
        "zagwarantować obecną cenę do końca marca.\n\nKamil Jankowski\nFolpak",
        "follow-up",
    ),
    (
        "Dobrý den, pane Dvořáku,\n\nnavazuji na naši předchozí komunikaci ohledně NIS2. "
        "Máte 20 minut příští týden?\n\nTereza Hájková\nKyberštít s.r.o.",
        "follow-up",
    ),
    (
        "Dear Mr Tan,\n\nWe make glass jars and bottles for sauce makers. Can we quote your "
        "jars for next year?\n\nKevin Lim\nClearPack Glass",
        "offer",
    ),
    (
        "Selamat pagi Pak,\n\nIni email terakhir dari saya karena belum ada balasan. Kalau "
        "nanti perlu kemasan, silakan hubungi kami.\n\nDewi\nPT Kemas Jaya",
        "break-up",
    ),
    (
        "Salam Encik Tan,\n\nBoleh saya tahu siapa yang uruskan pembelian bahan mentah di "
        "syarikat encik?\n\nAiman\nRempah Murni Sdn Bhd",
        "referral-ask",
    ),
    (
        "Bonjour Madame,\n\nJe suis agent commercial indépendant et je représente depuis dix "
        "ans des fabricants de flacons.\n\nPaul Martin",
        "self-introduction",
    ),
    (
        "Sayın Alan Bey,\n\nKaraca Ambalaj olarak dondurulmuş gıda için baskılı karton kutu "
        "üretiyoruz.\n\nBurak Karaca\nKaraca Ambalaj",
        "offer",
    ),
    (
        "Merhaba Alan Bey,\n\nBugüne kadar 30'dan fazla otel işletmesinin enerji projelerine "
        "danışmanlık verdik.\n\nEce Tan\nVerim Enerji",
        "offer",
    ),
    (
        "Merhaba Alan Bey,\n\nyeni paketleme hattımızı tanıtmak isterim. Bir daha yazmamı "
        "istemezseniz söylemeniz yeterli.\n\nCan\nPaketsan",
        "sequence-opt-out",
    ),
    (
        "Guten Tag Herr Porter,\n\nfür Hotels in Bayern bieten wir die Wartung der Lüftung zum "
        "Festpreis an.\n\nJonas Huber\nLuftwerk GmbH",
        "offer",
    ),
    (
        "Guten Tag Herr Porter,\n\ndarf ich Ihnen unser Angebot zeigen? Wenn Sie keine weiteren "
        "Nachrichten von mir möchten, genügt ein kurzes Nein.\n\nJonas Huber\nLuftwerk",
        "sequence-opt-out",
    ),
    (
        "Bonjour Monsieur,\n\nJe reviens vers vous au sujet de nos capteurs. Si vous préférez "
        "que je ne vous écrive plus, dites-le-moi simplement.\n\nLéa\nCaptair",
        "sequence-opt-out",
    ),
    (
        "Alan, want a list of 2,300 verified HVAC distributors with direct emails? $250.\n\n"
        "Kyle | leadvault.io",
        "offer",
    ),
    (
        "Hi Alan, I can walk you through our dispatch board in 15 minutes. Free Thursday?\n\n"
        "Mia, Routewise",
        "first-touch",
    ),
    (
        "Alan Bey merhaba, stok entegrasyonumuzu 5 dakikada gösterebilirim. Yarın uygun "
        "musunuz?\n\nOnur / Stokla",
        "first-touch",
    ),
    (
        "Alan,\n\nwe sell pre-qualified solar leads in Ohio, one contractor per zip code.\n\n"
        "Dale | LeadPatch",
        "offer",
    ),
    (
        "Alan - who picks up your phones on Sunday? We cover weekend calls for 60 plumbing "
        "shops.\n\nTina, Callnest",
        "offer",
    ),
    (
        "Saw your trucks on I-35 - the decals are fading. We'd wrap them for $1,900 each.\n\n"
        "Rico | WrapKing",
        "offer",
    ),
    (
        "Hello Alan,\n\nI've reserved time for the insurance review I mentioned.\n\n"
        "Beth Moore\nCovermark",
        "first-touch",
    ),
    (
        "Alan,\n\nI wanted to get our new parts catalogue in front of you before the summer "
        "rush.\n\nGreg\nPartsway",
        "first-touch",
    ),
    (
        "Alan,\n\nI spotted two of your vans on Main Street. Ours are leased by the week.\n\n"
        "Tom\nFleetly",
        "first-touch",
    ),
    (
        "Ciao Alan,\n\nti ho scritto due volte per la stampa 3D e non ho avuto risposta: non "
        "voglio intasarti la casella, chiudo qui.\n\nMarco\nStampa Veloce",
        "break-up",
    ),
    (
        "Gentile Architetto,\n\nrealizziamo prototipi in resina e alluminio per studi di design "
        "e aziende di elettrodomestici.\n\nLuca Ferri\nPrototipi Ferri",
        "offer",
    ),
    (
        "Ciao Alan, vi serve qualcuno per i video dei nuovi prodotti? Se vuoi ti giro il "
        "portfolio.\n\nSara - Studio Lampo",
        "first-touch",
    ),
    (
        "Dear Mr Porter,\n\nyour studio qualifies for the 2026 Packaging Stars. The early-bird "
        "entry fee is EUR 190 per project.\n\nAnna Berg\nPackaging Stars",
        "paid-media",
    ),
    (
        "Sehr geehrter Herr Porter,\n\ndie Teilnahmegebühr beträgt 300 Euro; bis Juni gilt "
        "ein Frühbucherrabatt von 10 %.\n\nDr. Eva Roth\nMöbelpreis Süd",
        "paid-media",
    ),
    (
        "Szanowna Pani Dyrektor,\n\nproponuję bezpłatną konsultację w sprawie PPK.\n\n"
        "Anna Lis\nLis Doradztwo",
        "offer",
    ),
    (
        "Dzień dobry,\n\nprowadzimy szkolenia BHP w zakładzie, po zmianie.\n\nEwa\nBHP Serwis",
        "offer",
    ),
    (
        "Szanowna Pani,\n\nkieruję do Pani propozycję obsługi kadrowej.\n\nJan Wit\nKadry24",
        "first-touch",
    ),
    (
        "Dzień dobry,\n\npisałem do Was kiedyś w sprawie wózków.\n\nPiotr\nWózkoPol",
        "follow-up",
    ),
    (
        "Добрий день!\n\nМене звати Олег, я представляю агенцію «Праця Плюс».\n\nОлег",
        "self-introduction",
    ),
    (
        "Добрий день!\n\nМи вже п'ятий рік підбираємо працівників для заводів.\n\nОлег",
        "offer",
    ),
    (
        "Добрий день!\n\nЧи могли б ми коротко поговорити наступного тижня?\n\nОлег",
        "meeting-ask",
    ),
    (
        "Dear Madam,\n\nWe write to introduce Brightpath Catering, caterers to clinics in "
        "Ibadan.\n\nFunmi Ade\nBrightpath Catering",
        "first-touch",
    ),
    (
        "Dear Madam,\n\nWe would like to be added to your vendor list for theatre gowns.\n\n"
        "Chika Obi\nGownline Ltd",
        "first-touch",
    ),
    (
        "Good morning Ma. Any appetite for a generator service contract this quarter?\n\n"
        "Musa\nPowerkeep",
        "first-touch",
    ),
    (
        "Dear Sir/Madam,\n\nWe are a professional manufacturer of hospital trolleys since "
        "2006.\n\nKevin Wu\nWu Medical Co., Ltd.",
        "offer",
    ),
    (
        "Dear Madam,\n\nWe would be grateful for the opportunity to carry out a free energy "
        "audit of your hospitals.\n\nEngr. Bayo\nSunvolt Ltd",
        "offer",
    ),
    (
        "Dear Madam,\n\nWe therefore seek your kind permission to visit and make a short "
        "presentation to your team.\n\nTunde\nCleanwave Ltd",
        "meeting-ask",
    ),
    (
        "Buenas Alan, el martes tenemos un camión libre a Lyon. ¿Os interesa cargar algo?\n\n"
        "Iker - Transportes Ibaizabal",
        "first-touch",
    ),
    (
        "Olá Alan, ainda precisam de paletes para o armazém?\n\nRui\nPaletes Norte",
        "first-touch",
    ),
    (
        "Bonjour, souhaitez-vous un devis pour le contrôle de vos extincteurs ?\n\nLéo\nFeuStop",
        "meeting-ask",
    ),
    (
        "Dear Mr Porter,\n\nFor August shipment we can offer:\n- wire rod, USD 540/MT\n\n"
        "Li Wei\nSales, Sunrise Wire Co.",
        "offer",
    ),
    (
        "Dear Mr Porter,\n\nWe are expanding our customer base in Northern Europe.\n\nAnh\n"
        "Saigon Steel",
        "first-touch",
    ),
    (
        "Estimado Alan:\n\nPodemos ofrecerle chapa galvanizada a precio cerrado.\n\nSergio\n"
        "Aceros Levante",
        "offer",
    ),
    (
        "Estimado Alan:\n\nLe reenvío la propuesta que le hice llegar la semana pasada.\n\n"
        "Sergio\nAceros Levante",
        "follow-up",
    ),
    (
        "Hello Alan !\n\nJ'ai vu votre annonce pour des magasiniers.\n\nManon\nPetite Pub",
        "first-touch",
    ),
    (
        "Hello Alan !\n\nPartant pour un café la semaine prochaine ?\n\nManon\nPetite Pub",
        "meeting-ask",
    ),
    (
        "Bună ziua,\n\nrevin la mesajul meu de săptămâna trecută.\n\nIoana\nTalentBridge",
        "follow-up",
    ),
    (
        "Prezada Sra. Porter,\n\nVenho apresentar o Sistema Nova de Ensino.\n\nCláudia\nNova",
        "first-touch",
    ),
    (
        "Hyvä Alan Porter,\n\nKattovoima Oy rakentaa aurinkovoimaloita teollisuuskiinteistöjen "
        "katoille.\n\nMatti\nKattovoima Oy",
        "offer",
    ),
    (
        "Hei Alan,\n\nRakennamme kylmähuoneita leipomoille ja kaupoille.\n\nIlkka\nKylmätila",
        "offer",
    ),
    (
        "Hei Alan,\n\nkuka teillä hoitaa kiinteistöhuollon hankinnat?\n\nIlkka\nHuoltopiste",
        "referral-ask",
    ),
    (
        "Hei Alan,\n\ntämä jää viimeiseksi viestikseni, enkä vaivaa sinua enempää.\n\nMarko\n"
        "Pakkaus Oy",
        "break-up",
    ),
    (
        "Moi Alan, saanko laittaa kevään jauhohinnaston sulle?\n\nRiku / Jauhotukku",
        "first-touch",
    ),
    (
        "Hej Alan! Får jag skicka tre förslag på förpackningar?\n\n/Elsa, Paketbyrån",
        "first-touch",
    ),
    (
        "Hyvä Alan Porter,\n\nhoidamme rekrytoinnin ja palkanmaksun, ja meillä on tällä hetkellä "
        "käytettävissä kokeneita pakkaajia.\n\nRiikka\nVahvuus Oy",
        "staffing-pitch",
    ),
    (
        "Lugupeetud hr Porter,\n\nPakendiabi OÜ toodab Tartus toidupakendeid.\n\nTiina\n"
        "Pakendiabi OÜ",
        "offer",
    ),
    (
        "Tere Alan,\n\nsaatsin kaks nädalat tagasi pakkumise, aga vastust pole veel tulnud."
        "\n\nKadri\nKullerabi",
        "follow-up",
    ),
    (
        "Αξιότιμε κύριε Porter,\n\nΘα θέλαμε να σας παρουσιάσουμε την εταιρεία μας.\n\n"
        "Νίκος\nAegean Parts",
        "first-touch",
    ),
    (
        "Αξιότιμε κύριε Porter,\n\nΠροσφέρουμε λιπαντικά για όλο τον στόλο.\n\nΝίκος\nLubex",
        "offer",
    ),
    (
        "Καλησπέρα σας,\n\nποιος είναι ο αρμόδιος για τις αγορές καυσίμων;\n\nΕλένη\nFuelex",
        "referral-ask",
    ),
    (
        "Κύριε Porter,\n\nεπανέρχομαι στο προηγούμενο μήνυμά μου.\n\nΒάσω\nCrewline",
        "follow-up",
    ),
    (
        "Κύριε Porter,\n\nνα σας στείλω την ενδεικτική προσφορά;\n\nΗλίας\nSkyNet Marine",
        "meeting-ask",
    ),
    (
        "Dear Alan, any orders coming up this month? We can quote within the hour.\n\nEmre\n"
        "Bosphorus Trading",
        "offer",
    ),
    (
        "Good morning,\n\nWe are a ship chandler based in Antwerp, supplying provisions.\n\n"
        "Pieter\nScheldt Supplies",
        "offer",
    ),
    (
        "Hej Alan\n\nJeg lagde mærke til, at jeres vinduer trænger til pudsning.\n\nJens\nKlar",
        "first-touch",
    ),
    (
        "Hei Alan,\n\nJeg har prøvd å nå deg et par ganger, så jeg gir meg her.\n\nKari\nPrint",
        "break-up",
    ),
    (
        "Hej Alan\n\nEarly bird-prisen udløber på fredag: 4.900 kr. pr. projekt.\n\nNanna\n"
        "Byggepris",
        "paid-media",
    ),
    (
        "Stimată doamnă,\n\nvă scriu pentru că lansăm o nouă gamă de dube frigorifice.\n\n"
        "Cristina\nFrigovan",
        "first-touch",
    ),
    (
        "Stimată doamnă,\n\nElectra vă poate oferi un preț fix pe 24 de luni.\n\nOana\nElectra",
        "offer",
    ),
    (
        "Salut Alan,\n\nnu vreau să devin pisălog, așa că ăsta e ultimul meu mesaj.\n\nCosmin"
        "\nPaleta",
        "break-up",
    ),
    (
        "Bună ziua,\n\nrevin la mesajul de mai jos, poate s-a pierdut.\n\nOana\nElectra",
        "follow-up",
    ),
    (
        "Stimată doamnă,\n\nvă rog să-mi indicați o persoană de contact pentru logistică.\n\n"
        "Andrei\nCurier Rapid",
        "referral-ask",
    ),
    (
        "Hi Alan, quick one: are you still on fixed desks? We retrofit sit-stand frames.\n\n"
        "Theo | Deskfit",
        "offer",
    ),
    (
        "Bonjour Alan, on peut sûrement vous faire économiser sur vos voyages. Un appel?\n\n"
        "Amélie, Voyages Nord",
        "offer",
    ),
    (
        "ポーター様\n\n突然のご連絡失礼いたします。株式会社ミナトの高橋と申します。\n\n高橋",
        "first-touch",
    ),
    (
        "ポーター様\n\n弊社では、外資系企業様の記帳と給与計算を代行しております。\n\n野口",
        "offer",
    ),
    (
        "ポーター様\n\nお返事をいただけていないため、今回を最後のご連絡とさせていただきます。"
        "\n\n加藤",
        "break-up",
    ),
    (
        "ポーター様\n\n先日お送りしたご案内、ご覧いただけましたでしょうか。\n\n松本",
        "follow-up",
    ),
    (
        "ポーター様\n\n貴社で情報システムをご担当されている方はどなたになりますでしょうか。\n\n石田",
        "referral-ask",
    ),
    (
        "ポーター様\n\n弊社は製造業エンジニア専門の人材紹介会社です。成功報酬型です。\n\n吉田",
        "staffing-pitch",
    ),
    (
        "Tisztelt Porter Úr!\n\nTöbb ügyfelünk objektumát is őrizzük, ezért bátorkodom "
        "megkeresni.\n\nSzabó Péter\nŐrszem Kft.",
        "first-touch",
    ),
    (
        "Tisztelt Porter Úr!\n\nA Fólia Kft. gépi sztreccsfóliát gyárt.\n\nPintér Ádám\nFólia Kft.",
        "offer",
    ),
    (
        "Tisztelt Porter Úr!\n\nDíjmentes felmérést ajánlunk a raktárára.\n\nSzabó\nŐrszem",
        "offer",
    ),
    (
        "Tisztelt Porter Úr!\n\nTakács Róbert vagyok, a TankPont Kft. területi képviselője.\n\n"
        "Takács Róbert",
        "self-introduction",
    ),
    (
        "Tisztelt Porter Úr!\n\nMunkaerő-kölcsönzéssel segítjük a raktárakat.\n\nHumán Kft.",
        "staffing-pitch",
    ),
    (
        "Quick q, Alan: are you happy with where your site ranks?\n\nMaya\nRankly",
        "first-touch",
    ),
    (
        "Chào anh Alan, anh cho em xin Zalo để gửi báo giá nhé?\n\nLinh\nXe Tốt",
        "first-touch",
    ),
    (
        "Hej!\n\nVi är ett mindre städföretag med kunder på Kungsholmen.\n\nLena\nStädtjänst",
        "first-touch",
    ),
    (
        "Hej Alan,\n\nVi hyr ut kaffemaskiner med service till kontor.\n\nJonas\nBönan",
        "offer",
    ),
    (
        "Hej Alan, är det du som äger frågan om telefoni hos er, eller ska jag prata med IT?"
        "\n\n/Marcus, Telia Partner",
        "referral-ask",
    ),
    (
        "Hei uudelleen,\n\npalaan vielä alla olevaan viestiini.\n\nTiina\nSiivous Oy",
        "follow-up",
    ),
    (
        "Доброго дня, пане Алане!\n\nНагадую про свій лист від 9 березня.\n\nАндрій\nQaforge",
        "follow-up",
    ),
    (
        "Пане Алане, підкажіть, хто у Porter відповідає за тестування?\n\nАндрій\nKvit",
        "referral-ask",
    ),
    (
        "Szanowny Panie,\n\npozwoliłem sobie wysłać zaproszenie na krótką wizytę w biurze.\n\n"
        "Piotr\nCityspace",
        "first-touch",
    ),
    (
        "Dear Alan, any feedback about the free glove samples? USD 1.35/pair.\n\nAmy\nSafeguard",
        "offer",
    ),
    (
        "Dear Alan,\n\nSorry to disturb you again. Did you receive my email last week?\n\nLeo",
        "follow-up",
    ),
    (
        "Need temporary general workers for the shutdown? We have 80 inducted and ready.\n\n"
        "Thandeka, Ubuntu Labour Hire",
        "staffing-pitch",
    ),
]


def test_an_advisers_break_up_quoting_its_offer_to_sell_the_company_is_outreach() -> None:
    first = (
        "Dear Alan,\n\nBuyer appetite for regional groups is strong. Would you welcome a "
        "confidential conversation and an informal view of value?\n\nJonathan\nOakmoor CF"
    )
    bump = (
        "Dear Alan,\n\nI have written a couple of times, so I shan't trouble you further.\n\n"
        "Jonathan\n\nOn Mon, 12 Jan 2026, Jonathan Ackroyd <jonathan@oakmoorcf.example> wrote:\n"
        + "".join(f"> {line}\n" for line in first.splitlines())
    )
    verdict = judge(build(sender="Jonathan Ackroyd <jonathan@oakmoorcf.example>", body=bump))
    assert "acquisition-pitch" in names(verdict)
    assert "job-offer" not in names(verdict)
    assert verdict.kind == OUTREACH


def test_a_vendor_sparing_the_reader_a_quote_request_is_not_a_buyer_asking_for_one() -> None:
    for body in (
        "Good morning,\n\nOur fixed price list lets you order without requesting a quote.\n\nTom",
        "Dear Alan,\n\nIf you need parts, send us the list and we will offer.\n\nKim",
    ):
        assert "buyer" not in names(judge(build(sender="tom@chandler.example", body=body)))
    buyer = "Dear Tom,\n\nPlease send us the revised quote for the deck stores.\n\nAlan"
    assert "buyer" in names(judge(build(sender="alan@owner.example", body=buyer)))


def test_a_site_that_is_exactly_the_profile_is_a_pitch_and_a_candidate_who_is_a_job() -> None:
    pitch = "Hi Alan,\n\nYour Leeds site is exactly the profile for our pilot.\n\nKim\nKinetra"
    search = "Hi Alan,\n\nyou have exactly the profile my client is after.\n\nNina\nSearchCo"
    assert "job-offer" not in names(judge(build(sender="kim@kinetra.example", body=pitch)))
    assert "job-offer" in names(judge(build(sender="nina@searchco.example", body=search)))


def test_a_tracked_price_change_to_the_billing_contact_is_a_relationship() -> None:
    body = (
        "Hi Alan,\n\nWe're writing to you as the billing contact for the Fieldapp account of "
        "Porter Ltd. From your next renewal the Pro plan changes from USD 39 to USD 45 per seat. "
        "We're adding offline reports at no extra cost.\n\nThe Fieldapp team\n"
    )
    pixel = '<p>Hi Alan</p><img src="https://u123.ct.sendgrid.net/wf/open?upn=abc" width="1">'
    verdict = judge(build(sender="billing@fieldapp.example", body=body, html=pixel))
    assert "relationship" in names(verdict)
    assert verdict.kind == OTHER


def test_a_japanese_importer_asking_for_prices_is_a_buyer() -> None:
    body = (
        "ポーター様\n\n突然のご連絡失礼いたします。株式会社サクラ通商の山田と申します。\n"
        "輸出用の製品カタログおよび価格表（FOB条件）と最小発注数量をご教示いただけますでしょうか。"
        "\n\n山田"
    )
    verdict = judge(build(sender="yamada@sakura-tsusho.example", body=body))
    assert "buyer" in names(verdict)
    assert verdict.kind == OTHER


def test_quote_requests_a_vendor_promises_are_not_a_buyers() -> None:
    vendor = "Szia Alan!\n\nEgy hűtőraktárnak 31 érdemi ajánlatkérést hoztunk.\n\nBence"
    customer = "Tisztelt Porter Úr!\n\nAjánlatkérés: raklaphelyek bérlése Gyálon.\n\nKiss Anna"
    assert "buyer" not in names(judge(build(sender="bence@kattintas.example", body=vendor)))
    assert "buyer" in names(judge(build(sender="anna@ugyfel.example", body=customer)))


def test_a_prospect_thanking_for_the_users_offer_is_a_buyer() -> None:
    body = (
        "Panie Alanie, dzięki za ofertę. Proponuję krótką rozmowę o wdrożeniu i terminach – "
        "zanim podpiszemy umowę.\n\nMarek Sobczak\nKadencja"
    )
    assert "buyer" in names(judge(build(sender="marek@kadencja.example", body=body)))
    english = "Hi Alan,\n\nThanks for the quote. A quick call before we sign?\n\nMark"
    assert "buyer" in names(judge(build(sender="mark@client.example", body=english)))


def test_a_vendors_clients_are_not_a_customer_saying_it_works_with_the_user() -> None:
    vendor = "Hola Alan,\n\nYa trabajamos con 70 colegios en México.\n\nDiego\nCobralia"
    customer = "Hola Alan,\n\nYa trabajamos con ustedes desde 2024.\n\nMarta"
    assert "buyer" not in names(judge(build(sender="diego@cobralia.example", body=vendor)))
    assert "buyer" in names(judge(build(sender="marta@cliente.example", body=customer)))


def test_a_vendor_offering_a_formal_quotation_is_not_a_buyer_asking_for_one() -> None:
    vendor = "Dear Madam,\n\nWe will be glad to submit a formal quotation for your linen.\n\nAde"
    buyer = "Dear Sir,\n\nKindly send us a formal quotation for 40 beds.\n\nDr. Ade, Procurement"
    assert "buyer" not in names(judge(build(sender="ade@linenco.example", body=vendor)))
    assert "buyer" in names(judge(build(sender="ade@hospital.example", body=buyer)))


def test_a_broker_who_wants_to_buy_the_company_is_not_offering_a_job() -> None:
    body = (
        "Alan,\n\nI represent a funded buyer looking to acquire a plumbing company in Ohio. "
        "Would you be open to a confidential conversation about what Porter Plumbing would "
        "bring?\n\nGary Lind\nMidwest Exits"
    )
    verdict = judge(build(sender="gary@midwestexits.com", subject="A buyer", body=body))
    assert "acquisition-pitch" in names(verdict)
    assert "job-offer" not in names(verdict)


@pytest.mark.parametrize(("body", "carrier"), MORE_SALES_PHRASING)
def test_sales_phrasing_in_more_languages(body: str, carrier: str) -> None:
    verdict = judge(build(sender="Rep <rep@vendor-example.eu>", subject="Oferta", body=body))
    assert carrier in names(verdict)


def test_saying_what_it_sells_carries_a_pitch_and_price_words_alone_do_not() -> None:
    letter = (
        "Beste heer Porter,\n\n{claim} Heeft u volgende week een kwartier voor een gesprek?\n\n"
        "Met vriendelijke groet,\nSanne de Vries\nLabelrijk\n"
    )
    no_wording = {"wording": 0.0}
    sender = "sanne@labelrijk.nl"
    offering = letter.format(claim="Wij bieden verzendlabels voor webwinkels.")
    pitch = judge(build(sender=sender, subject="Labels", body=offering), weights=no_wording)
    assert "offer" in names(pitch)
    assert pitch.kind == OUTREACH
    pricing = letter.format(claim="De verzending is gratis.")
    chaser = judge(build(sender=sender, subject="Labels", body=pricing), weights=no_wording)
    assert "value-pitch" in names(chaser)
    assert chaser.kind == OTHER


def test_a_trials_welcome_mail_confirms_what_the_user_started() -> None:
    body = (
        "Welcome to Amendr, Alan!\n\nYour 14-day trial workspace is ready. Three things to try "
        "first: upload a protocol, invite a colleague, export the impact list.\n\nAna, Customer "
        "Success at Amendr\n\nYou're receiving this because you started a trial at amendr.io.\n"
    )
    verdict = judge(build(sender="Ana at Amendr <hello@amendr.io>", subject="Welcome", body=body))
    assert "confirmation" in names(verdict)
    assert verdict.kind == OTHER
