"""Phrasing: the words of sales outreach, and of the mail that only sounds like it, by language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrasing:
    """One kind of phrasing: a name, what a reader is told, and its patterns in any language."""

    name: str
    reason: str
    pattern: re.Pattern[str]

    def find(self, text: str) -> str | None:
        """The first match, as the text wrote it."""
        lowered = text.lower()
        found = self.pattern.search(lowered)
        return _quote(text, lowered, found) if found else None

    def find_unnegated(self, text: str) -> str | None:
        """The first match not just after a negation ("do not send me pricing")."""
        lowered = text.lower()
        for found in self.pattern.finditer(lowered):
            if not _NEGATION.search(lowered[max(0, found.start() - 20) : found.start()]):
                return _quote(text, lowered, found)
        return None


def _quote(text: str, lowered: str, found: re.Match[str]) -> str:
    same = len(text) == len(lowered)
    return " ".join((text[found.start() : found.end()] if same else found.group(0)).split())


_NEGATION = re.compile(
    r"\b(?:not|no|never|don'?t|do not|won'?t|nor|kein\w*|nicht|pas|ni)\b[^.;!?]*$"
)


def _phrasing(name: str, reason: str, *patterns: str) -> Phrasing:
    """Patterns are matched against lower-cased text, lower-cased themselves (escapes such as
    \\S kept): much faster than re.IGNORECASE. The alternatives that start at a word boundary
    share one `\\b`: the engine tries every alternative at every position, and each `\\b`
    alternative costs about as much as a whole group of them."""
    branches = [branch for pattern in patterns for branch in _alternatives(_lower(pattern))]
    at_word = [branch[2:] for branch in branches if branch.startswith("\\b")]
    elsewhere = [branch for branch in branches if not branch.startswith("\\b")]
    grouped = [rf"\b(?:{'|'.join(at_word)})"] if at_word else []
    return Phrasing(name, reason, re.compile("|".join(grouped + elsewhere)))


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    cuts = [i for i, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern outside escapes and character classes, with its index and
    the depth of groups after it."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        else:
            depth += char == "("
            depth -= char == ")"
            yield i, char, depth
        i += 1


def _lower(pattern: str) -> str:
    return _ESCAPE_OR_TEXT.sub(
        lambda m: m.group(0) if m.group(0).startswith("\\") else m.group(0).lower(), pattern
    )


_ESCAPE_OR_TEXT = re.compile(r"\\.|[^\\]+")


_MINUTES = r"\b(?:1[05]|20|30|45|10|5|five|ten|fifteen|twenty|thirty|diez|quince|veinte|treinta|dix|quinze|vingt|trente|zehn|fünfzehn|zwanzig|dreißig|dieci|quindici|venti|trenta|tien|vijftien|twintig|dertig|dez|vinte|trinta|tio|femton|tjugo|ti|femten|tyve|tredive)[- ]?(?:min\b|mins\b|minutes?|minuten|minutos|minuti|minuto|minutter|minuter|minutt|minut\w*)"

MEETING_ASK = _phrasing(
    "meeting-ask",
    "asks for a call or a meeting",
    _MINUTES,
    r"\b(?:quick|short|brief|intro(?:ductory)?|discovery) (?:call|chat|demo|walkthrough|conversation)",
    r"\b(?:book|grab|pick|find|schedule|set up) (?:a |some )?(?:time|slot|call|meeting|demo)",
    r"\bhere'?s my calendar\b|\bmy calendar\b|calendly\.com/|/meet/|\bscheduling link\b",
    r"\b(?:personali[sz]ed|free|quick) (?:demo|walkthrough|audit|pilot|bill analysis|assessment)",
    r"\bworth (?:a|20|15|30) ?(?:look|chat|call|conversation|minutes)",
    r"\bopen to (?:a|an) (?:call|chat|conversation|intro)",
    r"\bbuy you (?:a )?coffee\b|\bswing by\b",
    r"\b(?:Termin|Gespräch|Kennenlernen|Vorstellung)\b.{0,60}\b(?:passt|Zeit|vorschlagen)",
    r"\bHätten Sie\b.{0,40}\bZeit\b",
    r"\b(?:disponible|un appel|un échange|échanger)\b.{0,40}\b(?:semaine|minutes|rapide)",
    r"\b(?:una )?(?:breve |rápida )?(?:llamada|reunión|videollamada)\b",
    r"\b(?:una )?(?:breve )?(?:chiamata|call conoscitiva)\b|\been (?:kort )?(?:gesprek|belletje)\b",
    r"\buma (?:breve )?(?:chamada|reunião)\b",
    r"\b(?:want|shall|should|can|could|may) I send (?:it|this|them|you|over|across)\b|\bwant me to send\b",
    r"\b(?:tomar|tomamos) un café\b|\bprendre un café\b|\b(?:einen|auf einen) Kaffee\b|\bun caffè\b|\bkopje koffie\b",
    r"\b(?:hablemos|charlamos|conversemos)\b|\bun créneau\b|\bdémonstration\b|\bdemostración\b|\bvideochiamata\b|\bmezz'ora\b|\bhalf uur(?:tje)?\b|\bhalbe Stunde\b",
    r"\bhappy to (?:share|send|show|walk you)\b|\b(?:shall|can|could|may) I (?:share|show you|call you|give you a call)\b",
    r"\b(?:Darf|Dürfen) (?:ich|wir) Ihnen\b|\bGern(?:e)? würde ich\b|\bkurzes? (?:Telefonat|Gespräch|Kennenlernen)\b",
    r"\bPosso (?:te|lhe|vos) (?:mandar|enviar|ligar|mostrar)\b|\b¿?(?:Le|Te) (?:envío|mando|llamo|parece)\b|\b¿?Podemos hablar\b",
    r"\bPuis-je vous (?:envoyer|adresser|appeler|présenter)\b|\bseriez-vous disponible\b|\bun rendez-vous\b",
    r"\bPosso (?:inviarle|mandarle|chiamarla)\b|\bMag ik u\b|\been (?:korte )?afspraak\b|\bKan jag (?:skicka|ringa)\b",
    r"\bI (?:can|could) send (?:you |it |them |that )?(?:over|across)\b|\bI(?:'m| am) free (?:most of |on )?(?:next|this)\b",
    r"\b(?:kort samtal|kort snak|kort prat|krótk\w+ rozmow\w+|breve (?:conversa|conversación|conversazione|chamada)|te lo enseño|je passe vous voir|paso por|ich komme gern vorbei)\b",
    r"\b(?:mohu vám (?:poslat|zavolat)|skal jeg sende|zal ik (?:u|je) .{0,30}(?:sturen|bellen)|kan jeg sende|får jeg sende|kan jag skicka|czy mogę (?:przesłać|wysłać|zadzwonić)|schicken sie mir|envíeme|mándame|¿qué día le)\b",
    r"\b(?:mi scriva|schreiben sie mir|écrivez-moi|escríbame|skriv til mig|skriv till mig|ligo-lhe|qual é o melhor horário|skal jeg finde en dato|hvornår passer)\b",
    r"\b(?:would|does|could|will|is) (?:next )?(?:monday|tuesday|wednesday|thursday|friday|a (?:monday|tuesday|wednesday|thursday|friday))\b.{0,40}\b(?:work|suit|be (?:ok|okay|possible))",
    r"\b(?:happy|glad|love) to (?:talk|chat|meet|jump on|hop on|set up|arrange|pop by|drop by|come by|bring)\b|\b(?:hop|jump) on a (?:quick )?(?:call|zoom|teams)\b|\bset up a (?:visit|site visit|tour|trial)\b|\bshow you (?:around|how|what)\b|\b(?:bring|do) a (?:quick )?demo\b",
    r"meetings\.hubspot\.com/|\bcal\.com/|chilipiper\.com|savvycal\.com/|zcal\.co/|tidycal\.com/|youcanbook\.me|/bookings/|outlook\.office365\.com/(?:owa/)?calendar/|calendar\.app\.google/|calendar/appointments",
    r"\b\d{1,2}\s?(?:perc(?:es)?|dakika\w*|minuutti\w*|minutit|mínút\w*|minuts)\b|\d{1,2}\s?分",
    r"\b(?:kort (?:møde|möte|møte|samtale|videomøde|teamsmøde|demo)|lyhy\w* (?:palaveri|puhelu|tapaami\w*|keskustelu|esittely)|rövid (?:megbeszélés|hívás|beszélgetés|bemutató|egyeztetés|online)|kısa bir (?:görüşme|toplantı|demo|sunum|telefon)|krótk\w+ (?:spotkani\w+|prezentacj\w+|rozmow\w+)|krátk\w+ (?:schůzk\w+|hovor\w*|prezentac\w+|ukázk\w+)|lühike\w* (?:kõne|kohtumi\w+|vestlus\w*|demo)|stutt\w* (?:fund\w*|símtal\w*|kynning\w*)|una breu (?:trucada|reunió|conversa))\b",
    r"\b(?:vise (?:dig|deg|jer|dere) (?:det|hvordan)|visa (?:dig|er) hur|näyttää (?:teille|sinulle)|megmutatni|pokazać (?:panu|pani|państwu)|ukázat vám|göstermek|näidata teile|sýna þér|mostrar-vos|us ho ensenyo)\b",
    r"\b(?:passer det (?:dig|deg|jer|dere)|passar det (?:dig|er)|sopiiko (?:teille|sinulle)|megfelel (?:Önnek|neked)|odpowiada (?:panu|pani|państwu)|vyhovoval by vám|size uygun mu|kas teile sobiks|hentar þér|us aniria bé)\b",
    r"お打ち合わせ|オンライン面談|ご面談|お時間をいただ",
    r"\d+分(?:ほど|だけ)?(?:、)?(?:オンラインで|お電話で)?(?:ご説明|お話し)|オンラインデモ|資料をお送り(?:いたします|できます|いたしますので)|料金表もお送りできます|内覧のご予約",
    r"\bworth (?:a|an|\d+|one|two|five|ten|fifteen|twenty|thirty)[- ]?(?:minute|minutes|min|mins|look|chat|call|conversation|quick look)\b",
    r"\b(?:(?:le|te) parecería|(?:le|te) vendría bien|que (?:le|te) llam\w+|llamarle|llamarte)\b|\bmag ik (?:je|u) (?:een )?(?:demo|voorstel|offerte|voorbeeld|proefmonster)\b|\blohnt sich (?:ein|eine) (?:kurze[rs]? )?(?:austausch|gespräch|telefonat|demo)\b",
    r"\b(?:chętnie (?:prześlę|wyślę|pokażę|opowiem|zadzwonię)|rád(?:a)? vám (?:pošlu|ukážu|zavolám)|szívesen (?:elküldöm|megmutatom|felhívom)|lähetän mielelläni|näytän mielelläni|skickar gärna|visar gärna|sender (?:gjerne|gerne)|viser (?:gjerne|gerne)|envío con gusto|je vous envoie volontiers|schicke ich ihnen gern\w*|invio volentieri|stuur ik (?:u|je) graag)\b",
    r"\b(?:prześlę|wyślę|pošlu|elküldöm|lähetän|skickar jag|sender jeg) (?:\w+ )?(?:cennik|ofert\w+|ceník|nabídk\w+|árlist\w+|ajánlat\w*|hinnaston|prislist\w+)\b",
    r"\b(?:send|bring|drop off|arrange) (?:you |over )?(?:a |some |our )?(?:price list|samples?|brochure|catalogue|catalog|tasting)\b|\b(?:je vous envoie|je peux vous envoyer) (?:\w+ ){0,2}(?:bouteilles|échantillons|catalogue|tarifs|grille tarifaire)\b|\b(?:saadan|saadaksin) (?:hea meelega )?(?:hinnakirja|pakkumise|näidised)\b",
    r"\b(?:komme|kommer|kom) (?:gjerne|gerne|gärna) (?:forbi|innom|förbi|på besøg|på besök)\b|\b(?:komme forbi|kigge forbi|stikke innom|titta förbi)\b|\bget ég komið (?:með|við)\b|\b(?:sende|skicka|send) (?:dere|jer|dig|deg|er) (?:en |et )?(?:prisliste|prislista|tilbud|offert|vareprøve\w*|prøver)\b|\blähet(?:ä|tää|täisin|än) (?:teille )?(?:hinnaston|tarjouksen|näytteitä)\b|\b(?:muster|proben|preisliste) (?:zu)?(?:schicken|senden)\b|\benviar(?:le|les)? (?:unas )?(?:muestras|la lista de precios|el catálogo)\b|\binviar(?:le|vi) (?:dei )?(?:campioni|il listino)\b",
    r"\blyhy\w+ (?:\w+-)?(?:palaveri\w*|tapaami\w*|puhelu\w*|keskustelu\w*)|\b(?:sopisiko|sopiiko) (?:teille|sinulle)\b|\bvoisimmeko sopia\b",
    r"\b(?:te|le|les) puedo (?:armar|preparar|enviar|mandar|pasar|mostrar|hacer)\b|\b(?:querés|quieres|quiere|desea|gustaría) que (?:te |le |les )?(?:la |lo |las |los )?(?:prepare|envíe|mande|pase|muestre|llame)\b|\b(?:le|te) paso (?:precios|la cotización|el catálogo|info\w*)\b|\bcon gusto (?:puedo|le|te) (?:visitar\w*|enviar\w*|llamar\w*|mostrar\w*)\b|\bpuedo visitarle\b|\bposso (?:te|lhe) (?:preparar|enviar|mandar|mostrar)\b|\bus (?:podria|puc) (?:enviar|fer|preparar|trucar)\b|\bus envio\b",
    r"\b(?:hast du (?:kurz |mal )?zeit|lust auf einen kurzen (?:austausch|call)|kurze[rn]? (?:call|austausch|videocall)|passt (?:dir|ihnen) (?:der|ein)|sollen wir (?:kurz )?telefonieren)\b",
    r"\b(?:podemos (?:conversar|marcar|agendar)|posso (?:te |lhe )?ligar|vamos marcar|bora (?:marcar|conversar)|topa (?:uma|um)|consegue (?:uma|um) (?:call|conversa|reunião)|um papo rápido|bate-papo|minutinhos)\b",
    r"\b(?:agendemos|agendamos) (?:una|un) (?:llamada|reunión|videollamada)\b|\b¿?(?:tienes|tiene|tenés) (?:\d+|unos|quince|diez) minutos\b|\b(?:le|te) interesaría\b",
    r"\b(?:kratek (?:sestanek|klic|pogovor)|kratki (?:sastanak|poziv|razgovor)|kratak (?:sastanak|poziv|razgovor))\b",
    r"\b(?:bih li vam (?:mogao|mogla) poslati|mogu li vam poslati|bi vam to ustrezalo|bi vam odgovarao|lahko vam pošljem|bi lahko prinesla|bi lahko prinesel)\b",
    r"\bpasst es (?:ihnen |dir )?(?:nächste|kommende|diese) woche\b",
    r"\b(?:apresentação rápida|breve apresentação|breve demonstração|fazer-lhe uma|posso fazer uma (?:simulação|proposta|análise|demonstração)|me chama|me liga)\b",
    r"\bwould (?:a |an )?(?:call|chat|meeting|demo|visit)? ?(?:on )?(?:next )?(?:monday|tuesday|wednesday|thursday|friday)\b[^.?\n]{0,30}\b(?:work|suit)\b|\bI can (?:put together|pull together|prepare|draft) (?:a|an|some)\b",
    r"\bwould you like (?:a|some|our) (?:free )?(?:sample|samples|demo|trial|quote|catalog|catalogue|brochure)\b",
    r"\b(?:souhaitez-vous (?:un |une )?(?:devis|offre|démonstration|échantillon)|(?:quiere|desea|queréis|quieres) (?:un |una )?(?:presupuesto|oferta|cotización|muestra)|(?:partant|partante|dispo|disponible)s? pour un (?:café|call|appel|échange))\b",
    r"\b(?:can|could|may) I (?:stop|swing|drop|come) by\b",
    r"\b(?:kom inloer|'n (?:kort )?(?:oproep|gesprek|demonstrasie|koppie koffie)|(?:tien|vyftien|twintig|dertig|\d+) minute|watter dag (?:werk|pas) vir (?:jou|u)|kan ek (?:jou|u) (?:bel|skakel))\b",
    r"\b(?:\d+ (?:menit|minit)|(?:panggilan|pertemuan|mesyuarat|perbincangan|meeting|demo) (?:singkat|ringkas)|(?:ada|punya) (?:waktu|masa) (?:untuk|sebentar)|(?:boleh|bisa) (?:saya )?(?:hubungi|telefon|telepon|call))\b",
    r"(?:\d+ phút|cuộc gọi ngắn|dành chút thời gian|hẹn (?:một )?buổi|\d+\s*分钟|远程演示|线上演示|约个时间|哪个时间方便|简短(?:通话|交流)|\d+\s*นาที|ขอนัด|สะดวกคุย|โทรคุย)",
    r"\b(?:(?:über|auf) (?:die Gelegenheit zu )?(?:ein|einem) (?:persönliches|persönlichen|kurzes|kurzen) (?:Gespräch|Telefonat|Kennenlernen)|in einem (?:persönlichen|kurzen) (?:Gespräch|Telefonat)|für ein (?:kurzes|persönliches) (?:Telefonat|Gespräch)|(?:rufe|melde) ich (?:Sie|mich) (?:\w+ ){0,4}(?:an|bei Ihnen)|einen Termin (?:abzustimmen|vereinbaren|zu vereinbaren))\b",
    r"\bfancy a (?:look|chat|call|demo|coffee|quick call)\b",
    r"\b(?:pasuje (?:ci|panu|pani|państwu|wam)|przy kawie|na kawę|(?:mogę|mógłbym) (?:też )?wpaść|wstąpiłbym|zastavil|stretnúť|schůzk\w+|görüşme ayarla\w*|toplantı talep ediyoruz|kahve içelim|ücretsiz (?:bir )?(?:\w+ )?(?:değerlendirme|denetim\w*|analiz|demo|deneme|örnek))\b",
    r"\b(?:ta en kaffe (?:här|hos oss)|visar jag runt|en halvtime for å vise|soitanko (?:teille|sinulle))\b",
    r"\b(?:vă pot suna|o scurtă (?:discu[țţ]ie|întâlnire|prezentare)|un appel ?\?)",
    r"\b(?:hvis jeg skal (?:komme med|sende) (?:dig |jer )?(?:et )?(?:konkret )?tilbud|kig forbi til en rundvisning)\b",
    r"(?:να σας (?:στείλω|φέρω) (?:την |ένα |έναν |τον |το )?(?:\w+ )?(?:προσφορά|τιμοκατάλογο|κατάλογο)|πίνατε (?:έναν )?καφέ|σύντομη (?:διαδικτυακή )?(?:παρουσίαση|συνάντηση|κλήση)|αίτημα συνάντησης)",
    r"\b(?:kas võiksin (?:teile|sulle) helistada|ehtisitkö (?:\w+ ){0,3}(?:vartin|puheluun|palaveriin|tapaamiseen))\b",
    r"\b(?:seek your (?:kind )?permission to (?:visit|present|make)|make a (?:short |brief )?presentation to you)\b",
    r"\b(?:коротко поговорити|поговорити (?:по )?телефону|коротк\w* (?:розмов|дзвін|зустріч|разговор|звонок|встреч)\w*|созвониться)\b",
    r"\b(?:venir(?:e|la|ti|vi) a trovar(?:la|ti|vi)|passare a trovar(?:la|ti|vi)|(?:ti|le|vi) (?:giro|mando|invio|inoltro) (?:il|la|i|le) (?:portfolio|catalogo|listino|brochure|presentazione))\b",
    r"\b(?:katalo\w+ (?:\S+ ){0,3}(?:atayım|göndereyim|gönderebilirim|ileteyim|paylaşayım)|(?:fiyat|teklif)\w* (?:çıkarmamı|hazırlamamı|göndermemi) ister misiniz)",
)

_CLIENTELE = (
    r"(?:companies|teams|brands|businesses|firms|schools|hotels|restaurants|manufacturers|clinics"
    r"|saas|start-?ups|retailers|universities|organi[sz]ations|groups|operators|chains|producers"
    r"|distributors|warehouses|agencies|owners|founders|leaders|managers|directors|offices"
    r"|campuses|plants|factories|practices|hospitals|banks|insurers|fleets|shops|contractors|dealers)\b"
)
"""Whom a vendor says it serves: "I help restaurant groups …", "we build … for hotels"."""

VALUE_PITCH = _phrasing(
    "value-pitch",
    "pitches a product with claimed results",
    r"\b(?:cut|cuts|reduce[sd]?|save[sd]?|saving|lift|boost|increase[sd]?|overpay|fewer)\b[^.\n]{0,60}\d+ ?%",
    r"\d+ ?%[^.\n]{0,40}\b(?:savings?|less|faster|lift|fewer|cheaper|reduction|off)\b",
    r"\b\w+s (?:like yours|like you|in our customer base|your size|our size)\b|\bfor a (?:business|company|firm|builder|practice) of (?:your|[\w'’]+) size\b",
    r"\b(?:beat|undercut)\b[^.\n]{0,40}\bprice\b|\bgift card\b|\bas a thank-you\b",
    r"\b(?:packages?|plans?|pricing|prices) start(?:s|ing)? at\b|\$\d[\d,.]*(?:-\$?\d+)? ?(?:/hr|/hour|per hour|/month|per month|per seat)\b",
    r"\bcase study\b|\bROI\b|\bfree (?:trial|pilot|audit|analysis)\b|\bbook (?:a|your) demo\b",
    r"\b(?:reduziert|senken|sparen|spart|Einsparung)\b[^.\n]{0,60}\d+ ?%|\d+ ?%[^.\n]{0,40}\b(?:reduziert|weniger|gesenkt)",
    r"\b(?:réduisent|réduire|économis\w+|diminu\w+)\b[^.\n]{0,60}\d+ ?%",
    r"\b(?:reducido|reducir|ahorr\w+)\b[^.\n]{0,60}\d+ ?%|\bhan reducido\b",
    r"\b(?:ridotto|ridurre|risparmi\w+)\b[^.\n]{0,60}\d+ ?%|\b(?:verlaagd|besparen|bespaard)\b[^.\n]{0,60}\d+ ?%",
    r"\b(?:reduziram|reduzir|economiz\w+)\b[^.\n]{0,60}\d+ ?%",
    r"\b(?:cut|reduc\w*|redujo|réduit|senkt\w*|ridot\w*|verla\w*|save[sd]?|gagnent|ganan|sparen)\b[^.\n]{0,60}\d+\s*(?:days?|hours?|días|jours?|Tage[n]?|giorni|dagen|horas|heures|Stunden)",
    r"\b(?:doubled|tripled|halved)\b|\bno (?:charge|obligation|strings attached)\b|\b(?:short|quick|free) audit\b",
    r"\b(?:nos|nuestros|unsere|i nostri|onze|os nossos) (?:clients|clientes|Kunden|clienti|klanten)\b",
    r"\bour (?:customers|clients) (?:typically|usually|see|saw|save|cut|get|gain|won)\b",
    r"\bwe (?:work with|partner with|run|build|handle|place)\b",
    r"\bour (?:team|staff|engineers|consultants|developers|specialists|platform|app|software|service)s? (?:work|can|will|help|handle|take|is|are)\b",
    r"\bWir (?:unterstützen|überlassen|liefern|arbeiten mit)\b|\bunsere Kunden\b",
    r"\bNous travaillons avec\b",
    r"\b(?:Somos una|Trabajamos con|Somos uma|Trabalhamos com|costumamos gerar)\b",
    r"\b(?:Lavoriamo con|Wij werken met)\b",
    r"\b(?:kostenlos|gratuit|gratuito|gratis|free of charge|no cost to you|sans engagement|unverbindlich)\w*\b|\b(?:ne vous coûte rien|kostet Sie nichts|no le cuesta nada|non (?:le|vi) costa nulla)\b",
    r"\d+ ?%[^.\n]{0,30}\b(?:lavere|billigere|lägre|billigare|lavere præmier)\b",
    r"\bfree (?:trial|pilot|audit|analysis|assessment|consultation|quote|review|sample|survey|inspection|site (?:survey|visit)|layout|food trial)s?\b|\bat free of cost\b|\b(?:trade|special|introductory|exclusive) pric\w+\b|\bside-by-side\b|\bwe (?:usually|typically|often) (?:find|save|cut|see)\b",
    r"\b(?:desenvolvemos|desarrollamos|nous avons (?:développé|conçu)|abbiamo sviluppato|wij hebben .{0,20}ontwikkeld|vi har (?:byggt|utvecklat|udviklet))\b|\bwe (?:built|developed|designed) (?:one|a|an|it|this)\b",
    r"\d[\d.,]*\s?(?:€|eur|euro|kr\.?|kč|zł|£|\$|usd|gbp|sek|dkk|nok|chf|ct)\s?(?:/|per|pr\.?|por|pro|par|al|im|each|la|a)\s?(?:kwh|month|mes|mois|monat|maand|måned|månad|miesiąc|měsíc|user|usuario|seat|hour|hr|arbejdsplads|m²|m2)\b",
    r"\b(?:from|ab|desde|à partir de|fra|från|od|vanaf|a partire da|a partir de)\s(?:€|£|\$)?\s?\d[\d.,]*\s?(?:€|eur|kr\.?|kč|zł|£|\$)",
    r"\b(?:konkretes angebot|unser angebot|das angebot ist|la oferta (?:que|termina)|nuestra oferta|notre offre|cette offre|et tilbud|ett erbjudande|een offerte|un'offerta|nabídk\w+|oferta especial|gültig bis|valable jusqu|válida hasta|geldig tot|gyldig til|giltigt till)\b",
    r"\b(?:sin costo|sin compromiso|zdarma|bezpłatn\w*|ilmai\w*|maksuton|vederlagsfri\w*|kostnadsfri\w*|sem compromisso|senza impegno|gratis proef)\b",
    r"\bwe(?:'ve| have) (?:run|done|delivered|helped|built|placed) (?:\w+ ){0,3}(?:of these|projects|companies|clients|teams|firms|for)\b",
    r"\d[\d.,]*\s?(?:€|eur|euro|kr|£|\$)?\s*(?:statt|invece di|au lieu de|en lugar de|en vez de|i stedet for|istället för|in plaats van|zamiast|instead of)\s\d",
    r"\d+\s?%\s?(?:off|rabatt|sconto|de descuento|de réduction|korting|rabat)\b|\b(?:sconto|rabatt|descuento|réduction|korting|rabat) (?:del |de |von |van )?\d+\s?%|\b\d+\s?% (?:fino al|bis zum|jusqu'au|hasta el|tot en met)\b",
    r"\b(?:mache|erstelle|schicke) (?:ich )?ihnen (?:gern )?ein (?:unverbindliches )?angebot\b|\bhappy to quote\b|\bconsegne .{0,20}gratuite\b",
    r"\b(?:lavoriamo|trabajamos|trabalhamos|wij verzorgen|wir warten|wir liefern)\b",
    r"\b(?:szállítunk|levererar vi|vi levererar)\b",
    r"\b(?:firmy takie jak|firmám jako|cégek(?:nek)?,? mint|şirketler(?:e)? gibi|yrityksille kuten|ettevõtetele nagu|virksomheder som (?:jeres|din)|företag som (?:ert|ditt|er)|bedrifter som (?:deres|din)|empreses com la vostra)\b",
    r"(?:を提供しております|を提供しています|導入実績|削減できます|無料トライアル|無料デモ)",
    r"\bwe are (?:a |the |an )?(?:leading |reputed |renowned |trusted |top |established |experienced )?(?:manufacturer|exporter|supplier|provider|distributor|developer|agency|consultancy)s?\b|\b(?:very |highly )?competitive (?:prices?|pricing|rates)\b|\bbest (?:price|quotation|rates|offer)\b",
    r"\b(?:kedvező áron|atrakcyjn\w+ cen\w+|konkurencyjn\w+ cen\w+|výhodn\w+ cen\w+|günstig\w* (?:preis\w*|konditionen)|prix compétitifs?|precios competitivos|prezzi competitivi|concurrerende prijzen|konkurrenskraftiga priser|konkurransedyktige priser|konkurrencedygtige priser|edulli\w+ hinn\w+|uygun fiyat\w*|soodsa hinnaga)\b",
    r"\bza darmo\b|\bingyenes\w*\b",
    r"\b(?:see|show you|hear) how (?:we|our)\b",
    r"\b(?:maksaa itsensä takaisin|pays? for itself|payback (?:period|time|of)|betaler sig hjem|betaler seg (?:hjem|tilbake)|betalar sig|amortisiert sich|se rentabilise|se amortiza|si ripaga|prices that compete)\b",
    r"\d+\s?%\s?(?:madalamad|odavamad|lavere|lägre|billigere|billigare|halvempi|halvemmat|alacsonyabb|niższe|nižší|daha ucuz|lower|cheaper|less)\b",
    r"\b(?:helt )?(?:uforpliktende|uforpligtende|utan förpliktelse\w*|ilman sitoumu\w+|kohustusteta|án skuldbindinga)\b",
    r"\b(?:tenemos|temos|abbiamo|nous avons|wir haben|tenim) (?:\w+ ){0,2}(?:clientes|clients|clienti|kunden)\b|\b(?:precios|preços|prix|prezzi|preus) (?:especiales|especiais|spéciaux|speciali|preferenciales)\b|\bcondiciones especiales\b",
    r"\b(?:somos|nous sommes|wir sind|siamo|we are|som) (?:[\w-]+ ){0,3}(?:fabricantes|proveedores|distribuidores|especialistas|fabricants|fournisseurs|hersteller|anbieter|produttori|fornitori|manufacturers|suppliers|specialists)\b",
    r"\batendemos (?:\w+ ){0,2}(?:hospitais|clínicas|empresas|laboratórios|escolas|hotéis|indústrias)\b|\b(?:brezplačn\w*|besplatn\w*)\b",
    r"\b(?:a nossa|nossa|nuestra|notre|unsere) (?:solução|solución|solution|lösung|plataforma|plateforme|plattform) (?:está|es|est|ist) (?:implementada|utilizada|usada|en uso|déployée|im einsatz)\b|\b(?:implementada|utilizada|usada|used|trusted|deployed) (?:em|en|by|por|in) (?:mais de )?\d+",
    r"\bdesconto (?:garantido )?de \d+|\bcom comodato\b|\bem comodato\b",
    r"\b(?:that'?s|it'?s) (?:literally |exactly )?(?:all|what) we do\b|\ball we do\b|\bwe (?:also )?help (?:with|you)\b|\bno[- ]cost\b|\bno strings\b|\b\w+s that (?:do|use|switch to|try) this (?:tend to|usually|typically)\b",
    r"\b(?:gratis (?:proef|monster|toets)\w*|bespaar (?:tot )?\d+|uji coba gratis|percubaan percuma|sampel percuma)\b",
    r"(?:dùng thử miễn phí|cài thử miễn phí|免费试用|免费(?:提供|样品)|ทดลองใช้ฟรี)",
    r"\b(?:kosten(?:freie[nm]?|lose[nm]?) (?:Erst\w*|Analyse|Beratung|Check|Potenzialanalyse|Test\w*)|auf Erfolgsbasis|ohne Vorab-?\w*)\b",
    r"\bunsere (?:Dienstleistungen|Leistungen|Produkte|Lösungen)\b[^.]{0,100}\banzubieten\b",
    r"\bwould (?:probably |likely )?save (?:you|your) (?:\w+ ){0,3}(?:a day|an hour|hours|days|\d+ ?%)|\bwe'?re seeing (?:\w+ ){0,3}\d+ ?% (?:under|below|less|lower)\b",
)

OFFER = _phrasing(
    "offer",
    "says what it sells",
    r"\bwe help(?:ed)? (?:\w+ ){0,4}(?:companies|teams|brands|fleets|leaders|manufacturers|firms|businesses|startups|clinics|retailers|you)",
    r"\bI work with (?:several|many|a lot of|dozens of|\d+) \w+",
    r"\b(?:our|the) (?:platform|solution|software|tool|product) (?:helps|lets|gives|automates)",
    r"\b(?:ayudamos|nous aidons|wir helfen|aiutiamo|wij helpen|ajudamos)\b",
    r"\bI run (?:SEO|marketing|sales|growth|lead gen\w*|outbound)\b",
    rf"\bI help (?:\w+[ -]){{0,3}}{_CLIENTELE}",
    rf"\bwe (?:make|build|design|create|develop|produce|provide|supply|install|sell|deliver|implement|run|do|cover|serve|handle)\b[^.\n]{{0,100}}\bfor (?:\w+[ -]){{0,3}}{_CLIENTELE}",
    r"\b(?:pomagamy|pomáháme|segítünk|segít\w* (?:cégeknek|vállalatoknak)|yardımcı oluyoruz|autamme|aitame|vi hjælper|vi hjelper|hjälper vi|hjelper vi|hjælper vi|við hjálpum|ofereixo|oferim)\b",
    r"\b(?:armamos|hacemos|fabricamos|brindamos|diseñamos|instalamos|proveemos|fazemos|fornecemos|fem|instal·lem)\b[^.\n]{0,80}\bpara (?:\w+ ){0,2}(?:universidades|instituciones|instituições|empresas|escuelas|escolas|hospitales|hospitais|hoteles|hotéis|facultades|faculdades|colegios|clínicas|restaurantes|fábricas|pymes|negocios|industrias|indústrias)\b",
    r"\bwe (?:resell|sell|distribute|install|implement|integrate|retrofit)\b",
    r"\bwe (?:specialise in|specialize in|offer|provide|supply)\b",
    r"\bWir (?:helfen|bieten|sind spezialisiert)\b|\bWir von\b",
    r"\bNous (?:accompagnons|aidons|proposons|offrons|sommes spécialisés)\b",
    r"\b(?:Ofrecemos|Nos especializamos|Oferecemos)\b",
    r"\b(?:Offriamo|Siamo specializzati|Vi hjälper)\b|\bWij (?:bieden|helpen|zijn gespecialiseerd)\b",
    r"\b(?:pomagam|pomáhám|segítek|autan|hjälper jag|hjelper jeg|hjælper jeg|ayudo a|j'aide|aiuto (?:le|i|gli)|ik help|ajudo)\b",
    r"\bwir (?:begleiten|unterstützen|helfen) (?:\w+ ){0,3}(?:dabei|bei)\b",
    r"\b(?:(?:hizmet\w*|çözüm\w*|danışmanlık|destek) (?:vermekteyiz|veriyoruz|sunuyoruz|sunmaktayız|sağlıyoruz|sağlamaktayız)|(?:üretimi(?:ni)?|modernizasyonunu|kurulumunu|kampanyaları) yapıyoruz|katkı sağlayabileceğimizi düşünüyoruz|(?:\w+ )?(?:markalarıyla|firmalarıyla|şirketleriyle|üreticileriyle) çalışıyoruz|(?:ürün\w*|hizmet\w*|çözüm\w*|hattımızı|sistemimizi|firmamızı|şirketimizi) tanıtmak)\b",
    r"\b(?:zajmujemy się|specjalizujemy się|produkujemy|dostarczamy|świadczymy|oferujemy|vyrábíme|dodáváme|poskytujeme|specializujeme se|zajišťujeme|nabízíme|zabezpečujeme|ponúkame|dodávame|vyrábame|špecializujeme sa|kínálunk|specializálódtunk|sunuyoruz|sağlıyoruz|uzmanıyız|tarjoamme|toimitamme|erikoistun\w*|pakume|tarnime|forniamo|tilbyder vi|vi tilbyder|vi erbjuder|bjóðum|proporcionem|pomagamo|nudimo|ponujamo)\b",
    r"\b(?:rakennamme|asennamme|vuokraamme|teemme (?:sitä|tätä|niitä) jo|oy (?:\w+ ){0,3}(?:rakentaa|valmistaa|toimittaa|tarjoaa|tuottaa|myy)|oü (?:\w+ ){0,3}(?:toodab|pakub|müüb|valmistab|ehitab)|soovime (?:teile |sulle )?pakkuda|pakume)\b",
    r"\b(?:ylläpidämme|valmistamme|suunnittelemme ja (?:rakennamme|toteutamme|valmistamme)|(?:me )?(?:teemme|tehdään) (?:\w+ ){0,2}nimenomaan)\b",
    r"\b(?:ajudem|(?:li|us) proposem|(?:empresa|consultora|firma) especiali(?:tzada|zada) en|estem especialitzats)\b",
    r"\b(?:med speciale i|specialiseret os i|spesialisert (?:oss )?på|(?:vi (?:leverer|producerer|produserer|tilbyr|fører|fremstiller)|leverer vi)|\w+ (?:foglalkozunk|foglalkozom)|(?:kft|zrt|bt)\.?(?: \w+){0,12} (?:foglalkozik|fejleszt|telepít|kínál|gyárt|forgalmaz|kölcsönöz)|tudunk ajánlani|csinálunk egy ingyenes|rendelkezésünkre áll\w*)\b",
    r"\bwe are (?:an? )?(?:[\w-]+ ){1,3}speciali[sz](?:e|ing|ed) in\b|\b(?:can|could|may) (?:we|i) (?:quote|price) (?:you|your|for you|on your)\b",
    r"\bkami (?:menawarkan|menyediakan|memproduksi)\b",
    r"\bvi (?:monterar|servar|installerar|levererar|tillverkar|bygger)\b[^.\n]{0,80}\båt (?:\w+ ){0,2}(?:företag|industrin|livsmedelsindustrin|kunder|kontor|restauranger|butiker)\w*|\b(?:wij|we) hebben (?:voor|bij) (?:ruim |meer dan |al |inmiddels )?(?:\d+|tientallen|twintig|dertig|veertig|vijftig|honderd)\b|\bposso (?:te |lhe )?enviar (?:a nossa|nossa|o nosso|nosso) (?:tabela de preços|catálogo|proposta|cardápio|portfólio)\b",
    r"\b(?:para |pra )?(?:mostrarte|mostrarle|enseñarte|enseñarle|te mostrar|lhe mostrar) (?:cómo|como)\b|\ben [\w .&-]{2,30} tenemos (?:un|una) (?:programa|solución|plataforma|servicio)\b|\b(?:можемо запропонувати|можем предложить)\b|\bmog[eę] przygotowa[cć] wycen[eę]\b",
    r"\bwe(?:'ve| have) been helping (?:a number of|many|several|dozens of|\d+) \w+|\bcomplimentary (?:[\w-]+ ){0,2}(?:session|review|audit|assessment|consultation|workshop|health check)\b|\bwe beat (?:the )?(?:big|major|high-street|your)\b",
    r"\bno[- ]obligation (?:\w+ ){0,2}(?:benchmark|quote|review|audit|assessment|consultation|trial|survey|valuation|comparison|proposal)\b|\bis an? (?:[\w'’-]+ ){0,4}(?:broker|brokerage|agency|consultancy|firm|studio|provider|supplier) speciali[sz]ing in\b",
    r"\b(?:vem (?:respeitosamente )?apresentar (?:os )?seus serviços|gostar(?:íamos|ia) de apresentar (?:a )?nossa proposta)\b",
    r"\b(?:realizziamo|produciamo|progettiamo) (?:\w+ ){1,8}per\b",
    r"\b(?:proponuj(?:ę|emy) (?:\w+ ){0,3}(?:bezpłatn|darmow)\w*|(?:prowadzimy|prowadzę|robimy|robię) (?:\w+ ){0,2}(?:kursy|szkolenia|warsztaty|audyty|rekrutacj\w*)|(?:przeprowadził\w*|wykonujemy|obsługujemy) (?:\w+ ){0,3}(?:w|dla) (?:ponad )?\d+ (?:firm|zakład|przedsiębiorstw)\w*)\b",
    r"\bproponujemy:",
    r"\b(?:ми|мы) (?:[\w'’]+ ){0,3}(?:пропонуємо|надаємо|підбираємо|проводимо|виробляємо|постачаємо|предлагаем|предоставляем|подбираем|проводим|производим|поставляем)\b",
    r"\bprofessional (?:manufacturer|supplier|factory|exporter|producer) of\b|\bopportunity to (?:carry out|conduct|provide|offer|do) (?:a |an )?(?:free|complimentary)\b|\b(?:providing|rendering) (?:these|our|similar) services to\b",
    r"\b(?:προσφέρουμε|σας προτείνουμε|δραστηριοποιείται (?:από|στην|στον|στο)|αποκλειστικός διανομέας|έχουμε διαθέσιμ\w+)",
    r"\bwe can (?:quote|send (?:a |our |the )?quotation|offer)(?: you)? (?:within|same day|the same day|today|in \d+)\b|\bwe are (?:a |an )?(?:[\w-]+ ){0,3}(?:chandler|supplier|distributor|stockist|manufacturer|exporter|wholesaler|installer|surveying company)\b",
    r"\b(?:díjmentes|ingyenes) (?:\w+ )?(?:felmérés|elemzés|próba|bemutató|konzultáció)\w*",
    r"\b(?:vă (?:poate|putem|pot) oferi|am dori să vă (?:transmitem|prezentăm|oferim|propunem)|vă propunem|(?:on peut|nous pouvons) (?:sûrement |certainement )?vous faire économiser|we (?:can )?(?:probably |likely )?save you (?:\d|money|time|a lot))",
    r"弊社では.{0,60}(?:代行|提供|お引き受け|承って)|を(?:月額で)?(?:提供|代行)しております|に特化した会社|に特化し、|一括でお手伝いしております|お引き受けしています|をご提案しております|をご案内しております",
    r"\b(?:vi hyr ut|vi säljer|vi driver (?:i dag )?\w+ (?:åt|för) (?:\w+ ){0,2}(?:företag|kunder|kontor))\b",
    r"\b(?:free (?:\w+ ){0,2}samples?|I can offer (?:them|it|you)|(?:sending|attaching) (?:you )?our (?:standard )?(?:proposal|price list|rate card)|special price for your company|in stock,? (?:can|could) ship|robimy (?:\w+ ){0,3}dla)\b",
    r"\bwe can offer(?: you)?:|\bpodemos ofrecer(?:le|te|les)\b|\bnous pouvons vous proposer\b",
    r"\bwe'?d (?:redo|do|replace|fix|install|clean|wrap|service|paint|build) (?:\w+ ){0,2}for (?:\$|£|€)\s?\d",
    r"\b(?:üretiyoruz|üretmekteyiz|imal ediyoruz|(?:set|stand|hat|paket|kutu|çözüm)\w* (?:kuruyoruz|hazırlıyoruz|tasarlıyoruz)|\d+['’]?\w* fazla (?:\w+ ){0,3}(?:firma|işletme|şirket|marka|üretici)\w*(?: \w+){0,6} (?:danışmanlık|hizmet|destek) verdik)\b",
    r"\bbieten wir\b[^.\n]{0,100}?\ban\s*(?:[.,;!–-]|$)|\b(?:mache|erstelle|schicke) ich Ihnen gerne? (?:ein(?:en)? )?(?:eigenes |individuelles |unverbindliches )?Angebot\b|\bgerne? erstellen wir Ihnen\b|\b(?:list|database) of [\d,.]+\+? (?:[\w-]+ ){0,4}(?:importers|buyers|contacts|decision[- ]makers|distributors|leads|retailers|wholesalers)\b",
)
"""A vendor saying what it sells ("we help hotels …", "Wij bieden …", "Nous accompagnons …"):
customers and partners say what they need, and price words (VALUE_PITCH) are theirs too."""


FOLLOW_UP = _phrasing(
    "follow-up",
    "follow-up phrasing",
    r"\bfollow(?:ing)?[- ]up on my\b|\bfollowing up\b|\bcircling back\b|\bcircle back\b",
    r"\bfloat(?:ing)? this (?:back )?up\b|\bbump(?:ing)? (?:this|it|my)\b|\btop of your inbox\b",
    r"\bdid you (?:get|have) a chance\b|\bper my last\b|\bhaven'?t heard back\b",
    r"\breached out (?:a few|a couple of|several) times\b|\btried you a couple of times\b",
    r"\bjust checking in\b|\bmight have (?:overlooked|missed)\b|\bin case (?:it|this|my note) got buried\b",
    r"\bmy (?:previous|last|earlier) (?:email|note|message)s?\b",
    r"\b(?:nachfassen|melde mich noch einmal|meine letzte (?:E-Mail|Nachricht)|wollte nachhaken)\b",
    r"\b(?:(?:noch einmal |nochmal )?nach oben holen|(?:kurz |nochmal |noch einmal )nachgehakt|falls meine (?:Nachricht|Mail|E-Mail) untergegangen ist|ich hänge mich (?:noch einmal |nochmal )?an meine (?:Nachricht|Mail|E-Mail)|(?:zweimal|mehrfach|bereits) angeschrieben)\b",
    r"\b(?:je me permets de (?:vous )?relancer|suite à mon (?:précédent )?(?:e-?mail|message)|relance)\b",
    r"\b(?:le escribo de nuevo|sigo a la espera|mi (?:correo|mensaje) anterior|retomo)\b",
    r"\b(?:la mia (?:email|mail) precedente|ricontatto)\b|\bmijn vorige (?:e-?)?(?:mail|bericht)\b",
    r"\bremonter mon (?:message|mail|e-mail)\b|\bpassé à la trappe\b|\briportare in cima\b|\ble riscrivo\b",
    r"\bnog niets (?:van je )?gehoord\b|\been paar keer gemaild\b|\bnoch keine Rückmeldung\b|\bsin respuesta\b|\bno he recibido respuesta\b",
    r"\bI (?:emailed|wrote to|reached out to) you (?:last|a few|earlier|about)\b|\bIk mailde (?:u|je)\b|\bIch (?:hatte Ihnen|schrieb Ihnen)\b|\bJe vous ai écrit\b|\bLe escribí\b|\b(?:le|ti|vi) ho scritto\b|\ble reenvío (?:la|mi) (?:propuesta|oferta)\b|\brevin la (?:mesajul|emailul|e-mailul) (?:meu|de mai jos|anterior)\b|\ba[țţ]i apucat să vă uita[țţ]i\b|\bolen yrittänyt tavoittaa (?:sinua|teitä)\b|\bpalaan (?:vielä )?(?:alla olevaan|aiempaan|edelliseen) viestiini\b|\bнагадую про (?:свій|мій) лист\b|\bdid you receive my (?:email|e-mail|mail|message)\b|\bsorry to disturb you again\b|\blyft(?:a|er) mitt (?:mejl|mail)\b|ご覧いただけましたでしょうか|先日お送りした|これまで何度か|\bjeg har (?:prøvd å nå deg|forsøgt at fange dig|prøvet at fange dig)\b|επανέρχομαι (?:στο|με|σχετικά)|προλάβατε να (?:δείτε|ρίξετε)|\bsaatsin (?:\w+ ){0,3}(?:pakkumise|kirja|e-kirja)\b|\bvastust pole (?:veel )?tulnud\b|\b(?:propuesta|oferta) que le (?:hice llegar|envié)\b",
    r"\b(?:even checken of je|je vous ai écrit à (?:quelques|plusieurs) reprises|ich habe (?:Ihnen|dir) (?:bereits|schon)|I'?ve written (?:a few|several|a couple of) times|har skrevet til (?:dig|jer)|skrev till (?:dig|er))\b",
    r"¿(?:pudiste|pudo|tuviste|tuvo) (?:ver|echar|leer|revisar)|\blo que (?:te|le) (?:mandé|envié)\b|\bavez-vous (?:pu|eu le temps de) (?:lire|voir|regarder)\b|\bhaben Sie (?:meine|die) (?:E-Mail|Nachricht)\b",
    r"\b(?:escrevi-lhe|jag har mejlat dig|jeg har skrevet til|ich habe ihnen .{0,40}geschrieben|ik heb u .{0,30}gemaild)\b",
    r"\b(?:te he escrito|le he escrito|les he escrito) (?:un par de|varias|algunas) veces\b|\bno he tenido respuesta\b",
    r"\b(?:pisał(?:em|am) (?:do (?:pana|pani|państwa|was) )?(?:już |wcześniej |kiedyś|kilka razy|w zeszłym)|psal(?:a)? jsem vám|írtam (?:Önnek|neked|már)|kirjoitin (?:teille|sinulle)|kirjutasin (?:teile|sulle)|skrev (?:til )?(?:dig|deg|jer|dere) (?:for|i|sidst|forrige)|daha önce (?:yazmıştım|yazdığım)|ég skrifaði þér|us vaig escriure)\b",
    r"\b(?:przypominam się|wracam do (?:mojej|mojego|tematu)|navazuji na (?:svůj|můj|předchozí)|připomínám se|korábbi (?:levelem|e-mailem|üzenetem)|önceki (?:e-?postam|mesajım)|edelli\w* (?:viestini|sähköpostini)|eelmise\w* (?:kirja|e-kirja)|mitt (?:förra|tidigare) (?:mejl|mail)|min (?:forrige|tidligere) (?:mail|e-?post|henvendelse)|fyrri póst|el meu correu anterior)\b",
    r"\b(?:moją|mojej) poprzedni\w+ (?:wiadomoś\w+|mail\w*|e-?mail\w*)|\bczy udało się (?:zerknąć|przeczytać|zapoznać|spojrzeć)|\bpisałem już\b|\bpisałam już\b|\bwracam z (?:tematem|pytaniem)\b|\bjeszcze raz (?:piszę|przypominam)\b",
    r"\b(?:měl(?:a)? jste možnost|stihl(?:a)? jste (?:se podívat|si přečíst))\b|\b(?:volt alkalma|sikerült (?:átnéznie|elolvasnia|megnéznie))\b|\b(?:ehditkö|ehditte) (?:katsoa|lukea)\b|\b(?:hann du|hadde du|har du hunnet|har du haft) (?:tid|mulighed|anledning) (?:til )?(?:å |at )?(?:se|lese|læse|kigge)\b|\b(?:hann du|har du hunnit) (?:titta|läsa)\b|\bfırsatınız oldu mu\b",
    r"\bprzypomnieć (?:o )?(?:moją|mojej|swoją|swojej) wiadomoś\w+|\bprzypominam (?:o )?(?:mojej|swojej) wiadomości\b|\bpřipomenout (?:svůj|můj) e-?mail\b|\bemlékeztetném\b",
    r"\b(?:(?:te|lhe) escrevi (?:semana passada|há alguns dias|recentemente)|retomando (?:meu|o) (?:contato|e-?mail)|conseguiu ver (?:meu|o) e-?mail|ich melde mich nochmal|wollte nochmal nachhaken|hast du meine (?:mail|nachricht) gesehen|moje prejšnje sporočilo|moj prethodni e-?mail|prejšnji e-?mail)\b",
    r"\b(?:rückmeldung zu meiner (?:mail|e-?mail|nachricht)|zu meiner (?:letzten |vorigen )?(?:mail|e-?mail|nachricht) (?:von|vom|letzte)|sem vam poslal\w*|ste jo uspeli pogledati|jeste li (?:uspjeli )?pogledati|poslao sam vam|poslala sam vam)\b",
    r"\ble riscrivo in merito\b|\bnon avendo ricevuto risposta\b|\bsin haber recibido respuesta\b|\bn'ayant pas (?:eu|reçu) de (?:réponse|retour)\b|\bda ich (?:noch )?keine rückmeldung\b",
    r"\b(?:my vorige e-?pos|ek volg (?:net )?op|net 'n opvolg|het (?:jy|u) (?:al )?kans gehad|soos belowe)\b",
    r"\b(?:email saya sebelumnya|e-?mel saya sebelum ini|menindaklanjuti|sekadar mengingatkan|maaf mengganggu lagi|sudah sempat membaca)\b",
    r"(?:gửi lại email|email trước|上次(?:沟通|邮件|联系)|之前的邮件|再次跟进|跟进一下|อีเมลก่อนหน้า)",
    r"\b(?:darf ich (?:kurz )?nachfragen|wollte (?:kurz )?nachfragen|auf meine (?:bisherigen |letzte |vorige )?(?:Schreiben|Nachrichten?|E-Mails?)|ist das Thema bei Ihnen (?:schon |bereits )?(?:entschieden|erledigt)|soll ich Ihnen (?:das|die|den) (?:\w+ ){0,2}(?:noch )?(?:schicken|senden|zusenden))\b",
    r"\b(?:wanted to try (?:you )?(?:once more|again)|forwarding this again|in case (?:my|the) (?:first|last|previous|earlier) (?:note|email|message) (?:went to spam|got buried|slipped through))\b",
    r"\b(?:podbijam (?:temat|wątek|wiadomość)|se připomínám|sa pripomínam|(?:geçen hafta|daha önce) (?:ilettiğim|gönderdiğim|paylaştığım)|maillerime dönüş alamay\w+)\b",
    r"\b(?:viestini (?:tuli|meni) perille|hei uudelleen|hann du kika|har du hunnit kika)\b",
    r"\b(?:(?:lo|la) (?:has|ha) podido (?:ver|revisar|leer|mirar)|l'(?:has|ha) pogut (?:veure|mirar|llegir))\b",
    r"\b(?:fikk du sett på|nåede du at (?:se|kigge)|følger (?:lige |bare )?op på min|sikerült ránézni)\b",
    r"\b(?:we|i) have (?:already )?sent you (?:several|a few|a couple of|multiple|many|two|three) (?:mails|e-?mails|messages)\b|\bgentle reminder (?:for|on|about|regarding) (?:our|my) (?:below|earlier|previous|last) (?:mail|e-?mail|message)\b",
    r"\b(?:sekadar susulan|susulan kepada (?:e-?mel|email) saya|sudah beberapa kali (?:menghubungi|mengirim\w*))\b",
    r"\b(?:navazuji na (?:naši|náš|naše) (?:předchozí|minul\w+|posledn\w+)|dostal(?:a)? se k vám můj|jsem vám (?:už )?(?:dvakrát|třikrát|několikrát|opakovaně) (?:psal|psala|napsal|napsala)|(?:len |jen )?(?:pripomínam|připomínám) (?:moju|svoju|našu|mou|svou|naši) (?:ponuku|nabídku))\b",
    r"¿(?:le|te|les) (?:llegó|llegaron|ha llegado) (?:mi|nuestra|nuestro|el|la) (?:tarifa|propuesta|oferta|presentación|catálogo|correo|e-?mail|mensaje)\b",
)

BREAK_UP = _phrasing(
    "break-up",
    "break-up email",
    r"最後のご連絡|今回を最後の",
    r"\bclose (?:out )?your file\b|\bpermission to close\b|\bshould I (?:stop|close)\b",
    r"\bone of (?:three|3|four|4) things\b|\b(?:this is|this will be) my last (?:email|note)\b",
    r"\bI'?ll assume (?:it'?s|you'?re|that)\b|\bstop (?:bothering|reaching out to) you\b",
    r"\bletzte (?:E-Mail|Nachricht) (?:von mir|zu diesem Thema)\b|\bdernier (?:e-?mail|message)\b",
    r"\bmi último (?:correo|mensaje)\b",
    r"\blaatste bericht\b|\bultimo messaggio\b|\bdernière relance\b|\bletzte Erinnerung\b",
    r"\bclore votre dossier\b|\btake the hint\b|\bclosing the loop\b|\bclose the loop\b|\bI'?ll stop (?:here|there|writing)\b|\bdas letzte Mal\b",
    r"\b(?:ska jag sluta|skal jeg stoppe|soll ich aufhören|devo smettere|debo dejar de|dois-je arrêter|das ist meine letzte|meine letzte nachricht|mijn laatste|letzter versuch|último intento|dernière tentative|ultimo tentativo|sista försöket)\b",
    r"\b(?:reply|answer|antworten sie|répondez|responda|svara|svar|rispondi|antwoord)\b.{0,30}\b(?:with a|mit einer|par un|con un|med en|met een) (?:number|zahl|chiffre|número|siffra|tal|numero|cijfer)\b",
    r"\b(?:respónde\w*|responde\w*|odpowiedz\w*|odpověz\w*|válaszol\w*|vastaa\w*|vasta|svar\w*|yanıtla\w*|svaraðu)\b.{0,30}\b(?:número|numerem|cyfrą|číslem|számmal|numerolla|numbriga|siffra|tallet|rakamla|numarayla|numero)\b",
    r"\b(?:no quiero (?:seguir )?(?:llenándote|molestándote|escribiéndote|insistir)|no (?:te|le) molesto más|nie chcę (?:dłużej )?(?:zawracać|przeszkadzać)|nechci (?:vás )?(?:dál )?obtěžovat|nem (?:szeretném|akarom) tovább|en halua (?:enää )?(?:häiritä|vaivata)|ikke forstyrre (?:dig|deg|jer|dere) (?:mere|mer|lenger|længere)|inte (?:störa|tjata på) (?:dig|er) mer|ei taha (?:teid|sind) (?:rohkem )?tüüdata|sizi daha fazla rahatsız etmek istemem)\b",
    r"¿(?:cierro|archivo|doy por cerrad\w+) (?:tu|su|el)\b|\bchiudo (?:la|il) (?:pratica|fascicolo)\b|\bschließe ich (?:die|Ihre|deine) akte\b|\bsluit ik (?:het|uw|je) dossier\b|\bzamykam (?:temat|sprawę)\b|\buzavřu (?:to|vaši|vás)\b|\blezárom\b|\bsuljen (?:asian|tämän)\b|\bstänger (?:jag )?(?:ärendet|din fil)\b|\blukker (?:jeg )?(?:derfor )?(?:sagen|saken)\b|\bvil ikke skrive (?:igen|mere)\b|\bne (?:veux|voudrais) pas encombrer votre boîte\b|\btanco (?:el|la) (?:tema|expedient)\b",
    r"\b(?:(?:to )?ostatni\w* wiadomoś\w+ (?:ode mnie|w tej sprawie)|poslední (?:zpráva|e-?mail)(?: ode mě| v této věci)?|utolsó (?:levelem|üzenetem|e-?mailem)|viimeinen viestini|viimeinen viesti minulta|(?:så )?jeg gir meg her|(?:acesta|ăsta) (?:e|este) ultimul meu (?:mesaj|e-?mail)|nu vreau să (?:devin pisălog|vă mai deranjez)|vil ikke fylle opp innboksen|vil ikke fylde (?:din )?indbakke|jää viimeiseksi viestikseni|en(?:kä)? vaivaa (?:sinua|teitä) enempää|mitt sista (?:mejl|mail|meddelande)|min siste (?:e-?post|henvendelse|melding)|min sidste (?:mail|henvendelse|besked)|son (?:e-?postam|mesajım)|viimane kiri|síðasti pósturinn)\b",
    r"\b(?:meu último e-?mail|última tentativa|não vou mais (?:te |lhe )?incomodar|encerro (?:por aqui|o contato)|zadnje sporočilo|zadnja poruka|posljednji e-?mail)\b",
    r"\b(?:non la disturberò (?:oltre|più)|non (?:la|ti) disturbo più|je ne vous dérangerai plus|no le molestaré más|ich werde sie nicht (?:weiter|mehr) (?:stören|belästigen)|i (?:won'?t|shan'?t|will not|shall not) (?:trouble|bother) you (?:again|further|any further))\b",
    r"\b(?:last note from me|my last note|le escribo por última vez|este es mi último (?:correo|mensaje)|no (?:le|te) escribiré más)\b",
    r"\bno (?:le|te|les) voy a escribir más\b|\bsupongo que no es (?:buen|el) momento\b|\bi(?:'ll)? assume (?:it'?s|this is) not (?:a good|the right) time\b",
    r"\b(?:laaste e-?pos|(?:jou|u) nie (?:verder|weer) pla|e-?mel terakhir|email terakhir saya|tidak akan mengganggu lagi)\b",
    r"(?:email cuối cùng|最后一封邮件|不再打扰)",
    r"\b(?:(?:werde|möchte) (?:ich )?Sie (?:daher )?nicht (?:weiter|länger|mehr) (?:kontaktieren|belästigen|stören)|Letzte Nachricht|keine Rückmeldung erhalten habe, gehe ich davon aus)\b",
    r"\b(?:meine letzte (?:E-?Mail|Mail|Nachricht)|(?:schließe|schliesse) (?:ich )?(?:die|Ihre|deine|eure) Akte|(?:Ihre|deine) Akte (?:schließen|schliessen)|(?:Ihr|dein) Postfach nicht (?:weiter|länger|mehr) (?:verstopfen|füllen|zumüllen))\b",
    r"\b(?:I won'?t keep (?:emailing|bugging|chasing|writing)|last (?:one|note|email) from me)\b",
    r"\b(?:(?:ich )?melde mich (?:dann )?nicht (?:mehr|weiter)|werde mich nicht mehr melden)\b",
    r"\b(?:(?:ik zal|zal ik) (?:u|je|jullie) (?:dan ook )?niet (?:langer|meer|verder) lastig ?vallen|ik val (?:u|je|jullie) niet (?:langer|meer) lastig)\b",
    r"\b(?:son kez rahatsız ediyorum|dosyanızı kapatıyorum|bir daha yazmayacağım|sizi daha fazla rahatsız etmeyeceğim|posledn(?:á|ý) (?:správa|e-?mail)|nebudem vás (?:ďalej |viac )?(?:zaťažovať|obťažovať)|nebudu vás (?:dál |už )?(?:obtěžovat|zatěžovat)|nie będę (?:więcej |już )?(?:pisać|zawracać|przeszkadzać)|(?:to )?mój ostatni (?:mail|e-?mail))\b",
    r"\b(?:closing (?:the|your) file|(?:don'?t|do not) want to keep (?:filling|cluttering|bothering|emailing|chasing) (?:your inbox|you))\b",
    r"\b(?:lass(?:e)? (?:dich|euch|Sie) (?:ab jetzt |ab sofort |künftig )?in Ruhe|ich geb(?:e)? auf|nehm(?:e)? das (?:mal )?als (?:klares )?Zeichen|jag slutar tjata|jag fattar vinken|ik zal u (?:hierover )?niet (?:verder|meer) benaderen|ik (?:zal|ga) je niet (?:verder|meer) (?:lastigvallen|mailen))\b",
    r"\b(?:keeps? (?:clogging|filling|cluttering) (?:up )?your inbox|I'?ll take (?:the|your) silence as|I'?ll close this (?:out|off)|(?:yeh|ye) meri last (?:mail|e-?mail)|aur disturb nahi karunga)\b",
    r"\b(?:non (?:voglio|vorrei) (?:intasar|riempir)(?:ti|le|vi) la casella|chiudo qui|deduco che (?:per ora )?non (?:vi|ti|le) serv\w+)\b",
    r"\b(?:skal jeg lade være med at skrive|skal jeg holde op med at skrive|skal jeg slutte å skrive|sletter jeg (?:dig|deg) fra min liste)\b",
    r"\b(?:this (?:is|will be)|it is) (?:my|our) (?:very )?last (?:mail|e-?mail|note|message|follow-?up)\b",
    r"(?:最后一封|不会再打扰)",
    r"\b(?:ini (?:adalah )?(?:e-?mail|e-?mel) terakhir|(?:e-?mail|e-?mel) terakhir (?:dari )?saya|karena (?:belum|tidak) ada (?:balasan|respon\w*))\b",
    r"\b(?:nebudu vás (?:dál |už |déle )?zahlcovat|nebudem vás (?:ďalej |už )?zahlcovať|mám (?:to|vaši \w+|váš \w+) (?:uzavřít|zavřít)\?)",
)

REFERRAL_ASK = _phrasing(
    "referral-ask",
    "asks to be pointed to the right person",
    r"ご担当(?:されている方|者様)は(?:どなた|どちら)|ご担当者様のお名前",
    r"\b(?:the )?right (?:person|contact)\b|\bpoint me (?:to|in the direction)\b",
    r"\bwho (?:at \w+.{0,30}?)?(?:handles|looks after|owns|is responsible for|manages)\b",
    r"\b(?:richtige Ansprechpartner\w*|zuständig)\b|\bla bonne personne\b|\bla persona adecuada\b",
    r"\bwie is (?:er )?(?:bij \S+.{0,30})?verantwoordelijk\b|\bwer ist (?:bei \S+.{0,30})?(?:zuständig|verantwortlich)\b|\bqui (?:est responsable|s'occupe)\b|\bquién (?:es el responsable|se encarga)\b|\bchi (?:è il responsabile|si occupa)\b|\bvem (?:är|har) ansvar\w*\b|\bhvem (?:er|har) ansvar\w*\b|\bdoorverwijzen\b",
    r"\b(?:właściw\w+ osob\w+|kto (?:u (?:pana|pani|państwa) )?(?:odpowiada|zajmuje się)|správn\w+ osob\w+|kdo (?:má na starosti|je zodpovědný|se u vás stará)|ki (?:a felelős|foglalkozik|felel)|megfelelő (?:személy|kolléga)|kuka (?:teillä |siellä )?(?:vastaa|hoitaa)|ποιος είναι (?:ο )?αρμόδιος|хто (?:у [\w ]{1,30} )?відповідає за|är det du som (?:äger|ansvarar för|har hand om)|eller ska jag prata med|indica[țţ]i(?:-mi)? o persoană de contact|cine se ocupă de|oike\w+ henkilö\w*|kes (?:vastutab|tegeleb)|õige inimene|kim (?:sorumlu|ilgileniyor)|doğru kişi\w*|rätt person|rette person|riktig person|hvem (?:tager sig af|tar seg av|står for|tar hand om)|vem (?:tar hand om|sköter|står för)|la persona adequada|qui s'encarrega|hver (?:sér um|ber ábyrgð))\b",
    r"(?:ご担当者様?を(?:ご紹介|教えて)|担当の方)",
    r"\b(?:please )?forward (?:this|it|my (?:email|note|message)) to\b|\b(?:reenviar|reenviarl[oa]|reenvíe\w*|reenvía\w*) a (?:quien|la persona)\b|\bencaminh\w+ (?:para|a) (?:quem|a pessoa)\b|\bweiterleiten an (?:die|den) (?:zuständige|richtige)\b|\btransmettre à la (?:bonne )?personne\b|\binoltrar\w* alla persona\b|\bdoorsturen naar (?:de juiste|degene)\b|\b(?:is that you|would that be (?:you|someone))\b",
    r"\b(?:quem (?:cuida|é (?:o )?responsável)|a pessoa certa|com quem (?:falo|devo falar|posso falar)|prava oseba|prava osoba|kdo je odgovoren|tko je odgovoran)\b",
    r"\bor is (?:that|it|there) someone else\b|\bsomeone else (?:at|on your team|in your team)\b",
    r"\b(?:the )?best (?:person|contact|point of contact)\b|\bla persona (?:indicada|correcta)\b|\ba pessoa indicada\b",
    r"\b(?:wie\b[^.?\n]{0,30}\b(?:hanteer|behartig|verantwoordelik vir)|die regte persoon|siapa yang (?:mengurus|bertanggung ?jawab|menangani)|orang yang (?:tepat|betul))\b",
    r"(?:ai phụ trách|哪位(?:负责|同事)|ใครเป็นผู้ดูแล)",
    r"\b(?:(?:die )?richtige Ansprechperson|ich hoffe, ich bin bei Ihnen richtig|wer bei [\w .-]{2,40} für [\w .-]{2,60} zuständig ist)\b",
    r"\b(?:kdo\b[^.?\n]{0,30}\bmá na starosti|kto\b[^.?\n]{0,30}\bmá na starosti|z kim (?:najlepiej |mogę |powinienem |powinnam )?(?:pogadać|porozmawiać|rozmawiać)|kiminle görüşmem gerek\w+)\b",
    r"\b(?:qui (?:porta|gestiona|s'ocupa de)|quién (?:lleva|gestiona|maneja)) (?:el|la|els|les|los|las)\b",
    r"\b(?:potrebbe indicarmi (?:il nome (?:del|della) )?(?:responsabile|referente|persona)|non sono sicur[oa] che sia (?:lei|tu) a occupar\w+|canalizar(?:me)? con (?:quien|la persona)|quién ve (?:lo de|lo del|el tema de|la parte de)|er det dig,? der (?:køber|står for|har ansvaret for|tager sig af)|är det du som (?:köper|ansvarar för|sköter|tar beslut om))\b",
    r"\b(?:(?:videre )?til den rette|rette kontaktperson|hvem der (?:hos [\w ]{2,40} )?har ansvaret for|továbbítaná (?:a levelemet|az e-?mailemet|üzenetemet)|kihez fordulhatok)\b",
    r"\b(?:siapa yang (?:uruskan|menguruskan|urus)|správn\w+ člověk\w*|quem\b[^.?\n]{0,40}\bé (?:o |a )?responsável|reencaminhar (?:este|esta|o meu|a minha) (?:e-?mail|mensagem))\b",
)

OPT_OUT_LINE = _phrasing(
    "sequence-opt-out",
    "a sequence's opt-out line",
    r"\bnot the right time\?|\bjust (?:reply|let me know)[^.\n]{0,30}\bI won'?t follow up\b",
    r"\breply [\"'“]?(?:no|stop|no thanks|unsubscribe)[\"'”]?\b",
    r"(?:^|\n)\s*(?:\d|[a-c])\s*[-–).:]\s*(?:[^\n]{0,40}[,:;–-] ?)?(?:merci de ne plus me contacter|bitte nicht mehr (?:melden|kontaktieren|schreiben)|please (?:don'?t|do not) contact me again|no me contacte(?:s)? más|non contattatemi più)",
    r"\bif you'?d (?:rather|prefer) not (?:to )?hear from me\b|\bI won'?t follow up\b",
    r"\bif (?:now|this) isn'?t the right time\b|\bjust tell me and I'?ll (?:check back|stop|leave you)\b|\bstuur me (?:gewoon )?een\b",
    r"(?:このような|今後の)ご案内が不要(?:でしたら|な場合)",
    r"\b(?:(?:bir daha|tekrar) (?:yazmamı|rahatsız etmemi|aramamı) istemezseniz|wenn (?:Sie|du) (?:keine weiteren (?:Nachrichten|E-Mails) von mir|nichts mehr von mir hören) (?:möchten|möchtest|wollen|willst)|si vous (?:préférez|ne souhaitez pas) que je (?:ne )?vous (?:écrive|recontacte|relance)|si (?:prefiere|prefieres) que no (?:le|te) (?:escriba|vuelva a escribir)|se (?:preferisce|preferisci) che non (?:le|ti) (?:scriva|ricontatti)|als (?:u|je) liever niets? (?:meer )?van (?:mij|me) hoort|se (?:preferir|preferires) que (?:eu )?não (?:volte a )?(?:escrever|contactar|entrar em contato))\b",
)

FIRST_TOUCH = _phrasing(
    "first-touch",
    "first-touch phrasing",
    r"\bI'?m reaching out\b|\breaching out because\b|\bwanted to (?:introduce|reach out)\b",
    r"\bthought I'?d introduce\b|\bquick (?:question|idea|q)\b|\bcho em xin (?:zalo|số|sđt)|\bnot going to pretend this isn'?t a cold email\b",
    r"\b(?:congrat(?:s|ulations) on (?:joining|the new|your new))\b|\bsaw (?:\w+ ){0,3}(?:is|are) hiring\b",
    r"\bnoticed you downloaded\b|\bthanks for (?:stopping by|joining our webinar|visiting our booth)\b",
    r"\bI (?:noticed|saw|see) (?:that )?(?:\w+ ){0,4}(?:is|are|has|have|runs|opened|launched)\b",
    r"\bich bin auf \w+.{0,40}aufmerksam geworden\b|\bje me permets de vous écrire\b",
    r"\ble escribo porque\b|\bme pongo en contacto\b|\bmi permetto di scriverle\b",
    r"\bik neem contact met u op\b|\bvenho por (?:este meio|meio deste|meio desta)\b|\bvenho (?:por meio deste,? )?apresentar\b",
    r"\bI took the liberty\b|\bI'?ve (?:booked|reserved|sent) (?:us|you|this invite)\b",
    r"\bplaceholder\b|\[hold\]|\bpopping a\b",
    r"\b(?:went ahead and|I'?ve) (?:grabbed|booked|moved us|put|popped|sent over)\b|\bfeel free to (?:move|suggest another)\b",
    r"\bif (?:the|this) time doesn'?t (?:work|suit)\b|\bdecline or move it\b|\bmove or bin it\b",
    r"\bTerminvorschlag\b|\bFalls der Termin nicht passt\b|\bje vous ai envoyé une invitation\b|\ble envío una invitación\b",
    r"\b(?:dropped|put|popped|placed|pencil(?:l?ed)?) (?:a |an |in a )?(?:tentative |quick |short )?(?:\d+[- ]minute )?(?:slot|hold|placeholder|invite|time)\b|\bTermin (?:eingestellt|eingetragen|geblockt)\b",
    r"\bte reservo\b|\bje vous ai réservé\b|\bho fissato\b|\bI(?:'ve| have) (?:blocked|reserved|grabbed) (?:a|some|us)\b",
    r"\bI noticed (?:that )?\S+(?: \S+){0,4} (?:is|are) (?:advertising|hiring|recruiting|expanding|opening)\b|\byour (?:LinkedIn )?post\b",
    r"\bvi que\b|\bhe visto que\b|\bj'ai vu que\b|\bich habe gesehen\b|\bho visto che\b|\bik zag dat\b",
    r"\b(?:visited|browsed|came across|looked at|checked out) (?:your (?:site|website|store|page)|\S+\.(?:com|io|co|de|fr|es|nl|it|co\.uk)\b)",
    r"\bcongrat(?:s|ulations) on\b|\bfélicitations pour\b|\bherzlichen Glückwunsch zu\b|\benhorabuena por\b",
    r"\b(?:snabb fråga|hurtigt spørgsmål|kurze frage|petite question|pregunta rápida|domanda veloce|korte vraag|pergunta rápida|szybkie pytanie|rychlá otázka)\b",
    r"\b(?:kennismaking|prise de contact|primera reunión|intro call|introductory call|kennenlerngespräch|tutustumis\w*)\b",
    r"\b(?:I came across|came across your|stumbled (?:on|across) your|found you (?:on|via|through))\b",
    r"\b(?:do you need|are you looking for|szüksége van|potrzebuj\w+ (?:pan|pani|państwo)|potřebujete|tarvitsetteko|tarvitsetko|behöver ni|behöver du|trenger dere|trenger du|har I brug for|har du brug for|necesita|necesitas|avez-vous besoin|brauchen sie|benötigen sie|ha bisogno|heeft u behoefte|hebt u behoefte|heb je (?:nog )?interesse in|heeft u (?:nog )?interesse in|hebben jullie (?:nog )?interesse in|precisa de|precisam de|ihtiyacınız var mı|kas teil on vaja|vi serve|ti serve|le serve)\b[^.!?\n]{0,80}\?",
    r"\bgreetings from\b|\b(?:thanks|thank you) for downloading\b|\b(?:dziękuję|dziękujemy) za pobranie\b|\bdanke für (?:das|den|ihr) (?:herunterladen|download)\b|\bmerci d'avoir téléchargé\b|\bgracias por descargar\b|\bgrazie per aver scaricato\b|\bbedankt voor het downloaden\b",
    r"\b(?:przepraszam,? jeśli (?:trafiam|piszę) (?:pod zły adres|do niewłaściwej osoby)|sorry if (?:i'?ve|i have) (?:reached|got|contacted) the wrong person)\b",
    r"\b(?:olen \w+(?: \w+){0,2} (?:omanik|omistaja|toimitusjohtaja|asutaja|perustaja)|jeg (?:driver|eier|ejer) (?:et|en) (?:lite |lille )?\w*(?:firma|selskap|selskab|virksomhed|bedrift|foretak|vaskeri|import)\w*|jag (?:driver|äger) (?:ett|en) (?:litet |liten )?\w*(?:företag|firma|bolag|byrå)|ég (?:rek|á) (?:lítið |lítinn )?\w*(?:fyrirtæki|stofu)|je suis (?:vigneron|producteur|fabricant|fondateur|fondatrice|gérant|gérante|artisan)|i run (?:a|an) (?:small )?\w+ (?:company|business|firm|agency|studio|consultancy|merchant)|i'?m the (?:owner|founder|director) of)\b",
    r"\b(?:i wondered|i was wondering) (?:whether|if) you (?:would|might) be interested\b|\bwould you be interested in\b",
    r"\b(?:por medio del presente|me permito presentar\w*|le comparto nuestro (?:catálogo|portafolio)|(?:te cuento (?:rápido )?)?quiénes somos|quem somos)\b",
    r"\b(?:si (?:le|te|les) interesa|se (?:lhe|te|vos) interessa[r]?|si cela vous intéresse|se le interessa|wenn sie interesse haben|falls sie interesse haben|hvis (?:du|i|dere) er interesser\w+|om (?:ni|du) är intresserad\w*|jos (?:olette|olet) kiinnostun\w+|kui (?:teil |sul )?on huvi|ef (?:þið|þú) (?:viljið|vilt)|si us interessa)\b",
    r"\b(?:disculpe que le escriba|perdone que le escriba|sorry to (?:email|write to|contact) you (?:directly|out of the blue)|pardon(?:nez-moi)? de vous écrire|scusi se (?:le )?scrivo|entschuldigen sie,? dass ich (?:ihnen|sie) (?:direkt )?(?:schreibe|anschreibe))\b",
    r"\b(?:gostaria de (?:apresentar|te apresentar|lhe apresentar)|apresentar (?:a nossa|nossa|nosso|o nosso) (?:empresa|solução|plataforma|serviço)|les escribo de parte de|te escribo de parte de)\b",
    r"\b(?:nutzen sie|nutzt ihr|verwenden sie|verwendet ihr|are you (?:already )?using|do you (?:already )?use|utilisez-vous|usáis|utilizzate|gebruiken jullie|använder ni|bruger i|bruker dere|uporabljate|koristite)\b[^.?\n]{0,60}\b(?:schon|bereits|already|déjà|ya|già|al|redan|allerede|že|već)\b",
    r"\b(?:planen sie (?:bereits|schon)|plant ihr (?:bereits|schon)|are you already planning|prévoyez-vous déjà)\b",
    r"\b(?:javljam (?:vam|vam) se iz|bavimo se|ukvarjamo se z|smo (?:slovenski|hrvatski) proizvajalec)\b",
    r"\b(?:fique à vontade para (?:propor|sugerir|remarcar)|caso o horário não (?:seja adequado|funcione)|si el horario no (?:le|te) (?:viene bien|funciona|conviene)|siéntase libre de (?:proponer|mover))\b",
    r"\b(?:vi no (?:jornal|linkedin|site|instagram)|vi en (?:linkedin|el periódico|la prensa|las noticias)|j'ai vu (?:sur|dans) (?:linkedin|la presse|le journal)|saw (?:on|in) (?:linkedin|the news|the paper))\b",
    r"\bis anyone (?:on|in) your team\b",
    r"\bI'?m the (?:new )?(?:rep|representative|account manager|account executive) (?:covering|for)\b",
    r"\b(?:ons is 'n (?:\w+ ){0,3}(?:agentskap|maatskappy|firma|verskaffer)|ons help (?:wynplase|plase|maatskappye|besighede)|ons spesialiseer in|ek skryf (?:aan (?:jou|u) )?omdat)\b",
    r"\b(?:perkenalkan(?:,)? (?:saya|kami)|izinkan saya memperkenalkan|kami (?:adalah )?(?:penyedia|pembekal))\b",
    r"(?:bên em (?:phát triển|cung cấp|chuyên)|chúng tôi (?:cung cấp|chuyên)|冒昧(?:打扰|联系)|我们(?:公司)?(?:专注于|是一家)|ขอแนะนำ|บริษัทของเรา|เราให้บริการ)",
    r"\b(?:ich erlaube mir|erlaube ich mir|darf ich mich (?:Ihnen )?(?:kurz )?vorstellen|ich darf mich Ihnen (?:\w+ ){0,6}vorstellen|(?:Ihrer|Ihre) Stellenanzeige entnehme ich|hätten Sie (?:\w+ ){0,4}Bedarf an|haben Sie (?:aktuell |derzeit )?Bedarf an)\b",
    r"\b(?:je me permets de vous (?:contacter|présenter)|me permito (?:contactarle|escribirle)|mi permetto di (?:contattarla|presentarle))\b",
    r"\b(?:pozwalam sobie (?:zwrócić|napisać|przedstawić|skontaktować|przesłać)|(?:twój|pana|pani) kontakt (?:dostałem|dostałam|mam od)|dovolte mi (?:představit|vás oslovit)|dovoluji si vás oslovit|dovoľte mi (?:predstaviť|vás osloviť)|dovoľujem si vás osloviť|omlouvám se, pokud píšu na (?:nesprávnou|špatnou) adresu|firmamız hakkında (?:kısaca )?bilgi vermek ist\w+|(?:linkedin|instagram|web siteniz|siteniz)\S* (?:\S+ ){0,5}gördüm|takviminize (?:bir )?(?:yer|zaman) ayır\w+|saat uymazsa)\b",
    r"\b(?:saanko (?:laittaa|lähettää) (?:[\w-]+ ){0,5}\w*?(?:hinnasto|tarjou|esitte|näyttei|ide)\w*|får jag skicka (?:\w+ ){0,3}(?:idéer|förslag|kampanjidéer|offert|prislista|katalog)\w*|löysin (?:nimesi|yhteystietosi) \w+|pahoittelut,? jos osuin väärälle \w+)",
    r"\b(?:otan (?:teihin |sinuun )?yhteyttä|näin (?:teidän|sinun)|näin, että|jag såg att|jeg så at|jeg lagde mærke til,? at|jeg la merke til at|jeg tænkte,? at jeg (?:ville|lige ville) prøve lykken|jeg kontakter (?:dig|jer),? fordi|jag skriver till (?:dig|er),? eftersom|jag tänkte höra (?:om|med)|såg att ni|vi är (?:ett|en) (?:mindre |litet |liten |oberoende |familje)?\w*(?:företag|byrå|bolag|firma|partner|leverantör)|vill (?:vi|jag) (?:på [\w ]{2,30} )?presentera (?:vår|vårt|våra|oss)|jag har skickat (?:en|dig en) inbjudan|om tiden inte passar|hvis tiden ikke passer)\b",
    r"\b(?:em poso en contacte|em permeto (?:escriure|presentar)|t'escric (?:de part|perquè|des de)|(?:le|te) escribo desde|me gustaría presentar(?:le|te|les))\b",
    r"\b(?:wish|would like|want) to introduce (?:ourselves|our company|myself)\b|\bhumbly introduce ourselves\b|\bwe came to know (?:that|about) your (?:organi[sz]ation|company|office|firm)\b",
    r"\b(?:request(?:ing)?|seeking) (?:for )?(?:an? )?empanelment\b|\b(?:give|grant) us (?:an?|one) opportunity\b|\brequest an opportunity to (?:submit|present|quote|serve)\b|\bopportunity to serve (?:you|your)\b",
    r"\b(?:må jeg præsentere|jeg skriver til (?:dig|jer),? fordi|jeg tænkte,? (?:at )?det kunne være (?:relevant|interessant) for|(?:ville|vil) (?:derfor )?høre om (?:dere|I) har behov|må jeg sende (?:dig|deg|jer|dere) (?:en|et) (?:pris|tilbud)|kunne vi få lov at regne på|vi regner gjerne på|får jag räkna på)\b",
    r"\b(?:engedje meg,? hogy bemutass\w*|azért (?:írok|keresem)\w*,? mert|gondoltam,? (?:hogy )?(?:a|az) [\w ]{2,40} érdekelheti|szeretném (?:felajánlani|bemutatni)|bocs,? hogy (?:csak így )?rád írok)\b",
    r"\b(?:got|found) your (?:contact|email|e-?mail address|details) (?:from|via|through|on|in) (?:the |a |an )?(?:[\w-]+ ){0,3}(?:directory|database|exhibitor list|member list|members list|attendee list|website|web site|linkedin)\b|\ba cold (?:invite|invitation|email|e-?mail|note|call)\b|\bI am blocking (?:this|a|some) (?:time|slot)\b|\bintroductory (?:\w+ )?call\b",
    r"\b(?:vimos por (?:este|meio deste) meio|peço desculpa pelo contacto|je me permets ce (?:petit )?(?:message|mail|mot))\b",
    r"\b(?:erlaube ich mir,? Ihnen (?:[\w&.-]+ ){0,8}vorzustellen|se complace en presentar(?:le|les)?)\b",
    r"\b(?:je me permets de vous (?:contacter|écrire|solliciter) en (?:ma|tant que|qualité)|(?:fået|fik) dit navn fra|jeg håber,? det er i orden,? at jeg skriver|vi vil gerne præsentere|ci farebbe piacere presentar\w*|abbiamo appreso dalla stampa)\b",
    r"\b(?:je peux vous (?:envoyer|faire parvenir) (?:les|nos|notre|la|une) (?:fiches?|documentation|catalogue|tarifs?|brochure|grille tarifaire)|se vuoi ti mando (?:\w+ ){0,3}(?:campioni|listino|catalogo|box)|(?:vil jeg gerne|kan jeg) sende (?:dig |jer )?(?:en|et|vores) (?:prisliste|katalog|brochure))\b",
    r"\b(?:os|le|te|les) interesa\b[^.?\n]{0,60}\?|\bexpanding our (?:customer base|client base|presence|business) in\b|\brepresento (?:en [\w ]{2,20} )?a\b|\bon est une (?:petite |jeune )?(?:agence|boîte|société|entreprise|équipe)\b",
    r"\b(?:j'ai vu (?:votre|ton) (?:annonce|offre d'emploi|publication)|he visto (?:su|tu) (?:anuncio|oferta de empleo)|saw your (?:job )?(?:ad|advert|posting|listing))\b",
    r"\b(?:I|we) write (?:on behalf of|to introduce)\b|\b(?:respectfully |humbly )?(?:present|introduce) our (?:company|firm|organi[sz]ation)\b|\bbring to your (?:kind )?attention our\b|\b(?:humbly )?solicit (?:for )?your (?:patronage|consideration|business)\b|\b(?:added to|enlisted on|registered on) your (?:vendor|supplier)s?'? list\b",
    r"\b(?:is there |any )appetite for\b|\bglad to know you are in charge of\b|我们是[^,，。\s]{2,20}(?:公司|工厂|厂)",
    r"\b(?:дозвольте запропонувати|якщо час не підходить|w imieniu [\w .-]{2,40} chciał(?:bym|abym|ybyśmy) zaproponować|pozwolił(?:em|am) sobie (?:wysłać|przesłać|zarezerwować)|jeśli termin nie pasuje|uit die bloute)\b",
    r"\b(?:bátorkod(?:om|tam) megkeresni|elnézést,? hogy (?:a magáncímemről|így|ismeretlenül) (?:keresem|írok)|(?:megállt|járt)(?: egy percre)? a standunknál)\b",
    r"\b(?:vă contactez (?:pentru|în legătură|deoarece)|vă scriu (?:pentru că|deoarece|în legătură)|permite[țţ]i-mi să vă prezint|aș dori să vă prezint)",
    r"突然の?ご連絡(?:を)?(?:失礼|申し訳)|初めてご連絡いたします|初めてのご連絡|はじめまして|突然すみません|ご紹介させて(?:ください|いただきたく)|(?:求人|募集)を拝見",
    r"(?:θα θέλαμε να σας παρουσιάσουμε|επιτρέψτε μου να σας (?:συστηθώ|παρουσιάσω)|σας απευθυνόμαστε|έχουμε τη χαρά να σας ενημερώσουμε|πρόταση συνεργασίας|παρουσίαση εταιρείας|σας έστειλα (?:μια )?πρόσκληση)",
    r"\b(?:kieruj(?:ę|emy) do (?:pani|pana|państwa) (?:propozycj|ofert)\w*|propozycj\w* współpracy|czy (?:możemy|mogę|moglibyśmy) (?:przedstawić|przesłać|złożyć) (?:\w+ )?ofert\w*|пропозиці\w* співпраці|пропоную співпрацю|предложение о сотрудничестве|предлагаю сотрудничество)\b",
    r"\bI'?ve (?:reserved|blocked|booked|held) (?:some )?time\b|\b(?:get|put) (?:our|this|my|the) (?:[\w-]+ ){0,4}in front of you\b|\bspotted (?:\w+ ){0,3}(?:vans?|trucks?|trailers?|signs?|ads?|listings?|job (?:posts?|ads?))\b",
    r"\bI can (?:show|walk) you\b[^.?\n]{0,60}\bin (?:\d+|five|ten|fifteen|twenty) minutes\b|\b\d+ dakikada (?:anlatabilirim|gösterebilirim|anlatayım|göstereyim)\b",
)

SELF_INTRODUCTION = _phrasing(
    "self-introduction",
    "introduces the sender",
    r"\bI am \w+ from\b|\bI'?m \w+,? (?:from|at|with|co-founder of|the founder of)\b|\bI'?m the (?:co-)?founder of\b",
    r"\b(?:Sou|Soy) (?:o |a |el |la )?[A-ZÀ-Ý]\w+,? (?:da|do|de|del)\b|\bJe suis [A-ZÀ-Ý]\w+,? (?:de|chez)\b|\bIch bin [A-ZÄÖÜ]\w+ (?:von|bei)\b|\bMi chiamo\b|\bIk ben [A-Z]\w+ (?:van|bij)\b",
    r"\b(?:my name is|mein name ist|je m'appelle|me llamo|mijn naam is|o meu nome é|jeg hedder|jag heter|nazywam się|jmenuji se|sono \w+ \w+,? della|sono \w+,? della)\b",
    r"\b(?:a nevem|nevem|ismim|nimeni on|minu nimi on|ég heiti|em dic|jeg heter|mitt navn er|mit navn er)\b|と申します",
    r"\b(?:moje ime je|zovem se|ime mi je|sem \w+ iz podjetja|ja sam \w+ iz)\b",
    r"\b(?:jestem \w+ z|jsem \w+ z|me chamo|chamo-me|my naam is|ek is (?:\w+ ){1,3}(?:van|by) \w+)\b",
    r"\b(?:saya|nama saya) [\w ]{1,25} dari\b|(?:em|tôi) là [\w ]{1,25} từ",
    r"\bthis is \w+ from\b|\bI am \w+, (?:an? |the )?(?:[\w-]+ ){1,3}(?:with|from|at)\b",
    r"我是[^,，。\s]{2,12}的",
    r"\b(?:мене звати|меня зовут|я представляю|я \w+ з|я \w+ из)\b",
    r"(?:είμαι (?:ο|η) \w+|με λένε|ονομάζομαι)",
    r"\b(?:numele meu este|mă numesc)\b",
    r"\b\w+ vagyok,? a [\w .-]{2,40} (?:képviselője|munkatársa|ügyvezetője|értékesítője)\b",
    r"\b(?:kami dari (?:pt|cv)|je suis (?:agent|représentant|représentante) (?:commercial\w*|indépendant\w*)|je représente (?:depuis|la société|les|l'entreprise))\b",
)

# Phrasing of mail that only sounds like a pitch.

BUYER = _phrasing(
    "buyer",
    "the sender is a customer or a buyer",
    r"\b(?:seguimos sin recibir|aún no hemos recibido|todavía no hemos recibido|we (?:still )?have(?:n'?t| not) (?:yet )?received|nous n'avons (?:toujours )?pas reçu)\b(?! (?:(?:su|tu|your|votre|ihre|any) )?(?:respuesta|reply|response|answer|réponse|antwort|rückmeldung|noticias|news))",
    r"\bwe'?re an? [\w ]{0,30}customer\b|\bour (?:contract|account|subscription|order|tenant|licen[cs]es?) (?:with you|number|VL|#|renewal)|\bour (?:upcoming |annual )?renewal\b",
    r"\b(?:send|give|share) (?:us|me) (?:a )?(?:pricing|quote|price|an offer)\b|\bquote for (?:\d|our|us|the following|an? (?:order|batch))",
    r"\bwe are evaluating\b|\bwe'?d like to (?:order|buy|purchase)\b|\b(?:our|attached|the attached) purchase order\b|\bpurchase order (?:no|number|#|\d)",
    r"\b(?:could|can|would) you (?:also |please |kindly )?(?:send|confirm|share)\b.{0,40}\b(?:pricing|quote|price)",
    r"\b(?:we|i)(?:'d| would) like (?:to (?:see|get|have|book|schedule|arrange|request) )?a (?:demo|quote|quotation|proposal) (?:for|of|on)\b|(?<!without )\b(?:request(?:ing)?|asking for) a (?:demo|quote|quotation)\b|\b(?:demo|quote|quotation) request\b|(?<!submit a )(?<!send a )(?<!send you a )(?<!provide a )(?<!prepare a )\bformal quotation\b",
    r"\bcontract [A-Z]{2}-\d+\b|\bquote us\b|\bwe need (?:pricing|a quote|prices)\b|\bprice breaks\b",
    r"\b(?:Richiesta (?:di )?preventivo|Solicitud de presupuesto|Demande de devis|Angebotsanfrage|Offerteaanvraag|Pedido de orçamento)\b",
    r"\b(?:ricevuto|recibido|reçu|erhalten|ontvangen|recebido)\b.{0,30}\b(?:preventivo|presupuesto|devis|Angebot|offerte|orçamento)\b",
    r"\b(?:ci servirebbe|nos gustaría|necesitamos|pourriez-vous nous|bitte senden Sie uns|können Sie uns|kunt u ons)\b.{0,60}\b(?:preventivo|presupuesto|devis|Angebot|offerte|orçamento|precio|prix|Preis)",
    r"\b(?:send|give) us (?:a |your )?(?:proposal|quote|quotation|demo|pricing|price list|offer)\b|\b(?:our|this|the attached|attached) (?:request for (?:proposal|quotation|information)|RF[PQI])\b",
    r"\b(?:for|request|need|want|like|send (?:us|me)|give (?:us|me)|provide|get|have) (?:\w+ )?(?:an?|your|some) indicative pric\w+|\byour indicative pric\w+|\bprijsindicatie\b|\bindicatie van de kosten\b|\bwe(?:'re| are) (?:looking for|evaluating|comparing) (?:a |an )?(?:new )?(?:supplier|vendor|provider|partner|solution|tool|software|system)s?\b",
    r"\b(?:op zoek naar (?!de |het |die |jou|u\b)(?:een |betere )?\w+|wir suchen (?:einen|eine) (?:\w+ )?(?:Anbieter|Lieferanten|Dienstleister|Software)|nous recherchons un (?:prestataire|fournisseur)|estamos buscando (?:un |una )?(?:proveedor|solución))\b",
    r"\b(?:talk|speak|chat|ask) about (?:\w+ ){0,6}your (?:fees|pricing|rates|prices)\b|\bwe(?:'re| are) looking (?:at|into) outsourcing\b",
    r"\b(?:(?:fiyat )?teklif(?:i)? talebi|teklif\w*\b[^.\n]{0,40}\b(?:rica ediyoruz|rica ederim|istiyoruz|bekliyoruz|talep ediyoruz))\b",
    r"\b(?:me|nos) (?:puedes|podrías|podéis|podríais|puede|podría|pueden|podrían) (?:pasar|enviar|mandar|dar|cotizar) (?:un |el |los |unos |vuestros? |sus? |tus? )?(?:precios?|presupuestos?|cotizaci[oó]n\w*|tarifas?)\b",
    r"\b(?:Zouden jullie ons (?:\w+ ){0,4}(?:sturen|toesturen|opsturen|mailen|bezorgen|aanbieden)|Könnten Sie uns (?:\w+ ){0,4}(?:senden|schicken|zusenden|zukommen|übermitteln|anbieten|nennen|mitteilen)|Pourriez-vous nous (?:envoyer|faire parvenir|transmettre|adresser|communiquer|proposer|chiffrer|faire une offre)|Podrían (?:enviarnos|darnos)|Potreste inviarci|Poderiam (?:enviar-nos|nos enviar))\b",
    r"\binvitation to tender\b|\bexpressions? of interest\b|\b(?<!your )tender documents\b|\bapproved supplier(?! list)\b|\bappel d'offres\b|\bpliego de condiciones\b|\bVergabeunterlagen\b",
    r"\b(?:lance une consultation|dossier de consultation|remise des offres|service achats|abre una licitación|presentación de ofertas|Angebotsabgabe|Abgabefrist|anbudsunderlag|udbudsmateriale)\b",
    r"\b(?:markterkundung|marktsondierung|market sounding|market consultation|consultation préalable|sourcing préalable|consulta (?:preliminar|al mercado)|marktconsultatie|request for information)\b",
    r"\b(?:zapytanie ofertowe|pros(?:imy|zę|iłbym|iłabym) o (?:przesłanie )?(?:ofert\w+|wycen\w+)|(?:naše|naši|naší|tuto|tato|následující|novou|nová) poptávk\w+|poptávk\w+ (?:na|č\.|číslo)\b|(?:posíláme|zasíláme|zasílám|posílám) (?:vám )?poptávk\w+|poptáváme|prosíme o (?:cenovou )?nabídk\w+|zašlete (?:nám )?(?:cenovou )?nabídk\w+|(?<!több )(?:ár)?ajánlatkér\w*+(?! (?:hoz|jön|érkez|generál))|(?:kérünk|kérnék|kérnénk) (?:egy )?árajánlat\w*|teklif (?:talebi|isteği)|teklifinizi (?:rica|bekliyoruz)|fiyat teklifi (?:rica|isti\w*)|tarjouspyyn\w+|pyydämme (?:tarjous\w*|hinta\w*)|voisitteko lähettää (?:meille )?tarjou\w*|hinnapäring\w*|palume (?:hinna)?pakkumis\w*|offertförfrågan|(?:be|begära) om (?:en )?offert|kan ni skicka (?:en )?offert|tilbudsforespørsel|forespørsel om tilbud|kan dere sende (?:oss )?(?:et )?tilbud|tilbudsanmodning|anmodning om tilbud|kan I sende (?:os )?(?:et )?tilbud|óskum eftir tilboði|verðtilboð\w*|sol·licitud de pressupost|ens podeu enviar (?:un )?pressupost)\b",
    r"\b(?:zapraszamy do (?:złożenia oferty|udziału w (?:przetargu|postępowaniu))|zaproszenie do (?:składania ofert|złożenia oferty)|výzv\w+ k podání nabíd\w+|ajánlattételi felhívás|tarjouspyyntö|anbudsinbjudan|inbjudan att lämna anbud|opfordring til at afgive tilbud|konkurransegrunnlag\w*|ihale davet\w*|teklife davet\w*|útboðsgögn)\b",
    r"(?:見積(?:もり)?(?:のご)?依頼|お見積(?:もり)?をお願い|お見積(?:もり)?いただけ)",
    r"\bmy (?:booking|reservation|stay|room)\b|\b(?:booking|reservation|confirmation) (?:reference|number|no\.?)\b|\b(?:min|vår|vores|vår) (?:bokning|bestilling|reservasjon|booking|reservation)\b|\b(?:bokningsnummer|bestillingsnummer|reservasjonsnummer|reservationsnummer|varausnumero|varaukseni|buchungsnummer|meine buchung|ma réservation|mi reserva|la mia prenotazione)\b",
    r"\bgroup (?:booking|reservation|enquiry|inquiry|rate)\b|\b(?:gruppbokning|gruppebestilling|gruppereservasjon|gruppebooking|ryhmävaraus|gruppenbuchung|réservation de groupe|reserva de grupo)\b",
    r"\b(?:kan ni (?:ge|lämna|skicka) (?:oss )?(?:ett )?(?:pris|offert|prisförslag)|vi önskar (?:en )?offert|vi ønsker (?:et )?tilbud|vi vil gerne have (?:et )?tilbud|kunne I give (?:os )?et tilbud|kan dere gi (?:oss )?(?:et )?(?:tilbud|pris)|voisitteko antaa (?:meille )?tarjouksen)\b",
    r"\b(?:our|my|the) complaint\b|\b(?:raised|filed|lodged|submitted|opened) a complaint\b|\b(?:nasza|naszą|moja|moją) reklamacj\w+|\breklamacj\w+ (?:nr|numer|zgłoszon\w+|złożon\w+)|\bnaše reklamac\w+|\bunsere reklamation\b|\bnotre réclamation\b|\bnuestra reclamación\b|\bil nostro reclamo\b|\bonze klacht\b|\bvår reklamation\b",
    r"\b(?:send|give|provide) (?:us|me) (?:your|a) (?:best )?(?:price|prices|rates|quotation|quote|offer)\b|\bwe(?: are|'re) (?:sourcing|tendering|buying)\b",
    r"\bcomplaint (?:no\.?|number|ref\w*|#|[a-z]{0,3}-?\d)|\b(?:root cause analysis|8d report|corrective action (?:plan|report)|non-?conformance report|reklamacja nr)\b",
    r"\b(?:el|la|los) (?:presupuesto|cotización|oferta|precio)s? que (?:le|te|les) (?:pedí|pedimos|solicité|solicitamos)\b|\b(?:the|a|your) (?:quote|quotation|proposal|pricing|offer) (?:I|we) (?:asked for|requested)\b|\bangebot,? (?:das|um das) (?:ich|wir) (?:sie )?(?:gebeten|angefragt)\b|\bdevis que (?:je|nous) (?:vous )?(?:ai|avons) demandé\b|\bpreventivo che (?:le |vi )?(?:ho|abbiamo) (?:chiesto|richiesto)\b|\bofferte die (?:ik|wij|we) (?:had|hadden|heb|hebben) (?:gevraagd|aangevraagd)\b|\borçamento que (?:pedi|pedimos|solicitei|solicitamos)\b|\bofert\w+,? o którą (?:prosiłem|prosiłam|prosiliśmy)\b",
    r"\b(?:nos )?podría[sn]? (?:enviarnos|mandarnos|pasarnos|hacernos)\b|\bnos podría[sn]? (?:enviar|mandar|pasar|hacer) (?:un |una )?(?:presupuesto|cotización|oferta)\b",
    r"\b(?:poderiam|poderia|podem|vocês poderiam|você poderia|podría[sn]?|pourriez-vous|könnten sie|potreste|zouden jullie|could you|can you|would you)\b(?! (?:like|want) me to\b)[^.?\n]{0,40}\b(?:preços|precios|prix|preise|prezzi|prijzen|pricing|prices|price list|tarifs|cotação|orçamento|cotización|presupuesto|devis)\b",
    r"\b(?:(?:our|the attached|attached|complete (?:our|the)|return (?:our|the)) security questionnaire|(?:our|the) (?:vendor|supplier|third-party) (?:risk )?(?:assessment|onboarding|due diligence) (?:form|questionnaire|process|portal)|our procurement (?:team|process|portal))\b",
    r"\b(?:the )?completed security questionnaire\b|\bSIG (?:Lite|Core)\b|\b(?:get|getting) you through (?:procurement|vendor review|onboarding)\b",
    r"\bhonorar\w*angebot\w*|\bangebot für (?:die|das|unsere|unser) (?:planung|tga|leistung\w*|projekt)\b|\baufforderung zur (?:abgabe eines angebots|angebotsabgabe)\b|\beinladung zur angebotsabgabe\b|\bteilnahmewettbewerb\b|\bvergabeverfahren\b",
    r"\b(?:minha|meu) (?:consulta|exame|internação|agendamento|cirurgia|conta hospitalar)\b|\bsolicitamos (?:uma )?(?:cotação|proposta|orçamento)\b|\bpedido de cotação\b|\bcotação (?:nº|n°|número)",
    r"\b(?:povpraševanje|upit za ponudu|zahtjev za ponudu|prosimo za ponudbo|molimo ponudu)\b",
    r"\b(?:the|a|your) (?:\w+ ){0,3}(?:quote|quotation|proposal|pricing|offer) (?:I|we) (?:asked for|requested|are (?:still )?waiting for)\b|\b(?:send|submit|provide) (?:us )?(?:a |your )?fee (?:proposal|offer|quote)\b|\byour fee (?:proposal|offer|quote)\b",
    r"\bwe(?:'d| would) be grateful for (?:a|your) (?:fee )?(?:proposal|quote|quotation|offer)\b|(?:^|\n)(?:re: |aw: )?request for (?:proposal|quotation)\b",
    r"\b(?:cost|price|treatment) estimate\b|\bguarantee of payment\b|\bdirect billing\b|\borçamento (?:para|do|de) (?:o )?(?:procedimento|tratamento|cirurgia)\b",
    r"\b(?:(?:whether|if) you could|could you|can you) do (?:it|this|that|the same) for us\b",
    r"\b(?:thanks|thank you) for (?:the|your) (?:quote|quotation|proposal|offer)\b|\bbefore we sign (?:the )?(?:contract|agreement)\b|\b(?:dzięki|dziękuję|dziękujemy) za (?:ofertę|wycenę|przesłaną ofertę)\b|\bzanim podpiszemy umowę\b|\bdanke für (?:ihr|dein|das) angebot\b|\bmerci pour (?:votre|ton|le) (?:devis|offre)\b|\bgracias por (?:la|su|tu) (?:cotización|oferta|propuesta)\b",
    r"(?:カタログ|価格表|見積(?:書|もり|り)?)[^。]{0,40}(?:ご教示|お送りいただけ|ご送付いただけ|ご提示いただけ)|最小発注数量|見積(?:もり|り)?の?(?:ご)?依頼",
    r"\b(?:solicitei|solicitamos|pedi|pedimos) (?:um |uma |o |a )?(?:orçamento|cotação|proposta)\b|\baguardamos (?:o |a |seu |sua )?(?:orçamento|cotação|proposta|retorno sobre)\b|\b(?:gostaríamos|gostaria) de (?:solicitar|receber) (?:um |uma )?(?:orçamento|cotação|proposta)\b|\bsolicitar (?:um |uma )?(?:orçamento|cotação)\b",
    r"\bquem d[oa] (?:comercial|setor comercial|área comercial)\b|\b(?:your|the) sales (?:team|department|contact) (?:for|to)\b|\bárea comercial (?:do|de) (?:vocês|hospital)\b",
    r"\b(?:gostaríamos|gostaria|queremos|queríamos) (?:de )?(?:ver|agendar|ter) uma demonstração\b|\bnos (?:mostrar|apresentar) (?:a|o) (?:plataforma|sistema|solução)\b",
    r"\b(?:about|regarding|re) (?:the|our|my) (?:order|delivery|shipment|invoice)\b|\b(?:our|my) (?:order|delivery|shipment) (?:no\.?|number|#|\d|from you|with you)",
    r"\b(?:listing|stocking|carrying|ranging) your (?:products|range|brand|line)\b|\blist your products in our (?:stores|shops|marketplace|catalogue)\b",
    r"\bbefore you (?:price|quote)\b|\bso (?:that )?you can (?:price|quote)\b|\bprice (?:the|this) (?:job|work|tender|project)\b",
    r"\bfee (?:proposal|estimate)s?\b|\bestimation (?:des|de vos|de tes) honoraires\b|\b(?:votre|ta|une|la) soumission (?:pour|pourra|sera|de)\b|\bl'estimation (?:pourra|sera|est)\b",
    r"\bget (?:pricing|prices|a quote|a proposal) from\b|\bwho'?s (?:putting|pulling) (?:the|our) (?:proposal|quote|pricing) together\b|\b(?:pick|choose|select) (?:a|our) (?:new )?(?:3PL|supplier|vendor|provider|partner) by\b",
    r"\bbefore (?:the |our |we (?:issue|raise|send|place) (?:the |our )?)?(?:PO|purchase order|order)\b|\b(?:our|the) (?:selection|buy|order) for (?:AW|SS|FW)\d\d\b",
    r"\bour renewal\b|\brenewal (?:with|justification)\b|\bwe already use\b|\bya (?:usamos|utilizamos|trabajamos con (?:ustedes|vosotros|usted|su (?:empresa|equipo)))\b|\bnous utilisons déjà\b|\bwir nutzen bereits\b|\bjá (?:usamos|utilizamos)\b|\busiamo già\b|\b(?:\d+ )?(?:licen[cs]es|seats) (?:more|additional)\b|\badditional (?:licen[cs]es|seats)\b|\blicencias adicionales\b",
    r"\b(?:demande d'offre|mettre au concours|Offertanfrage|Offertenanfrage)\b|\bvotre offre suite à (?:notre|ma) demande\b|\b(?:nous|me) faire parvenir (?:[\w'-]+ ){0,4}(?:une|votre) offre\b",
    r"\b(?:könnten|können|würden) Sie (?:mir|uns) (?:ein|Ihr) (?:Angebot|Offerte)\b|\bunsere (?:untenstehende |obige )?Anfrage\b|\b(?:bezüglich|zu) unserer Anfrage\b|\b(?:bisher|noch) kein Angebot erhalten\b",
    r"\b(?:send|share) us (?:the|your) (?:(?!we\b)[\w-]+ ){0,4}(?:proposal|quote|quotation|offer|pricing|fee schedule|price list|rates)\b|\brevised (?:fee|price|pricing) (?:schedule|proposal|offer)\b",
    r"(?:^|\n)(?:re: |aw: |fw: )?RF[QP]\b|\bwe(?: are|'re) comparing (?:two|three|four|several|\d) (?:\w+ )?(?:hotels|suppliers|vendors|offers|quotes|proposals|venues|manufacturers)\b|\b(?:would like|like to (?:ask|request)) (?:\w+ ){0,3}to quote\b|\bplease quote (?:at|for|us)\b",
)

PRESS = _phrasing(
    "press",
    "press, podcast or editorial request",
    r"\b(?:reporter|journalist|editor) at\b|\beditorial piece\b|\bI host\b|\bpodcast\b",
    r"\binterview (?:request|for)\b|\bno cost (?:and|or) (?:nothing to sign|sponsorship)\b",
    r"\b(?:product|analyst|vendor) briefing\b|\bbriefing (?:produit|analyste|call)\b|\b(?:étude|studie|estudio|studio) (?:de|des|del|di) (?:marché|mercado|mercato)\b|\bmarktstudie\b|\b(?:principal|senior|lead|research|industry|chief) analyst\b|\b(?:je suis |en tant qu')?analyste (?:chez|principale?|senior)\b|\banalist\w* (?:bij|senior)\b|\b(?:ich bin )?analyst(?:in)? bei\b|\bresearch interview\b|\bno sales (?:element|pitch|agenda)\b|\baucun engagement commercial\b|\b(?:principal |senior |research )?analyst (?:at|covering|with)\b|\bbriefing request\b|\bvendor questionnaire\b|\bmarket (?:landscape|guide|report|study)\b",
    r"\b(?:journaliste?|journalistin|periodista|giornalista|dziennikar\w+|prośba o komentarz|redacteur|redaktør|reporter\w*)\b",
    r"\b(?:un artículo|un article|einen Artikel|artykuł\w*|un articolo|een artikel|une? (?:dossier|enquête) sur|à paraître|vor der Veröffentlichung|przed publikacją|avant publication|antes de (?:su )?publicación)\b",
    r"\b(?:redakteur\w*|interviewanfrage|telefoninterview|beitrag über|für unsere ausgabe|demande d'interview|solicitud de entrevista|richiesta di intervista|interviewverzoek)\b",
    r"\b(?:repórter|reportagem|reportaje|pedido de entrevista|matéria sobre|artigo sobre|intervista per)\b",
    r"\b(?:novinář\w*|redaktor\w*|újságíró\w*|szerkesztő\w*|gazeteci\w*|muhabir\w*|ajakirjanik\w*|blaðamað\w*|journalist\w*)\b|記者|取材",
    r"\bjornalista\b|\b(?:wine|food|drinks|travel|fashion|design|motoring) (?:writer|critic|columnist|journalist)\b|\bfor (?:a|an|the) (?:[\w-]+ ){0,3}(?:magazine|newspaper|trade journal)\b",
    r"\bverslaggever\w*|\bredactie\b|\bvoor de krant\b|\btelefonisch interview\b|\b(?:phone|telephone) interview\b|\bentrevista telefónica\b",
    r"\bwe (?:do not|don'?t) sell (?:products|anything|software|services)\b|\bparticipants receive\b|\btake part in (?:a|an|our) (?:[\w-]+ )?(?:interview|survey|study)\b|\bresearch director\b",
    r"\b(?:röportaj\w*|dergi(?:si|sinin|miz|mizin) (?:için|\w+ sayısı)|(?:mayıs|haziran|eylül|ekim|yeni|gelecek) sayı(?:sı|mız) için|yayın öncesi)\b",
)

RECRUITER = _phrasing(
    "job-offer",
    "offers the user a job",
    r"\b(?:confidential|executive|retained) search\b|\b(?:send you|attached|attaching|here'?s|sharing|share) the (?:JD|job description|job spec)\b|\bI'?m (?:recruiting|hiring) for\b",
    r"\b(?:the|this) (?:role|position|opportunity) I (?:mentioned|'?m (?:working on|recruiting for))\b|\bopportunity (?:for you|that fits you)\b",
    r"\b(?:you(?:'re| are)|you have) exactly the profile\b|\bexactly the profile (?:we|my client|our client|they)\b|\byour (?:linkedin )?(?:profile|background|experience) (?:is|looks|seems|would be) (?:a |an )?(?:great|perfect|strong|good|ideal|excellent|exactly|interesting|very|impressive)\b|\byour (?:profile|background) (?:fits|matches)\b|\b(?:base salary|compensation package|equity package)\b",
    r"\bopen to (?:hearing about )?(?:a )?new (?:role|opportunit\w+|position)\b",
    r"\bhappy (?:at|where you are)\b",
    r"\b(?:salary|compensation|remuneration) package\b|\bpackage is in the region\b|\bplus (?:meaningful |strong |generous )?equity\b|\b(?:salary|base) (?:of|around|in the region)\b|\bhiring (?:a|an) (?:VP|head|director|CTO|CFO|lead)\b",
    r"\b(?:búsqueda de (?:su |un |una )?nuev[oa]|retribución|proceso confidencial|cazatalentos|headhunter|offre d'emploi|poste de (?:directeur|directrice|responsable)|vacature|Position als|stilling som|tjänsten som)\b",
    r"\b(?:cabinet de recrutement|recrutement d'un|votre parcours (?:professionnel|m'a|a retenu|a attiré|correspond|me semble|chez)|en toute confidentialité|ihr werdegang|su trayectoria|tu trayectoria|il suo percorso|jouw achtergrond|búsqueda confidencial)\b",
    r"\b(?:oferta pracy|propozycj\w+ pracy|proces\w* rekrutacyjn\w+|nabídk\w+ (?:práce|zaměstnání)|výběrov\w+ řízení|állásajánlat\w*|munkalehetőség\w*|iş teklifi|kariyer fırsatı|työtarjou\w+|rekrytoin\w*|tööpakkumi\w*|jobbtilbud|jobtilbud|stillingen som|stillinga som|oferta de feina|pozycj\w+ (?:dyrektora|kierownika)|pozici (?:ředitele|vedoucího))\b|転職|ポジションのご紹介",
    r"\bconfidential (?:\w+[- ]){0,2}(?:conversation|chat|call|discussion)\b|\b(?:my client|our client|the family|the company|they) (?:is|are) (?:looking for|seeking|searching for|recruiting) an? (?:new )?(?:COO|CEO|CFO|CTO|CIO|CISO|managing director|head of)\b|\b(?:coo|ceo|cfo|cto|cio|ciso|vp|svp|evp|managing director) (?:role|position|opportunity|search|mandate)\b",
    r"\b(?:processo seletivo confidencial|vaga (?:de|para) (?:diretor|gerente|coordenador|head)|seu perfil chamou|su perfil (?:me )?llamó|il suo profilo (?:mi )?ha colpito|ihr profil hat mich)\b",
    r"\b(?:a |this )?confidential approach\b|\bI'?m retained by\b|\b(?:the|my) client is (?:starting|holding|running) (?:first |final )?interviews\b",
    r"\b(?:M&A|litigation|corporate|equity|income|lateral|practice) partner (?:role|opportunity|position)\b|\bkeep(?:ing)? you in mind for (?:future )?(?:roles|opportunities|positions|searches)\b",
    r"\b(?:nabídk\w+ pozice|ponuk\w+ (?:pracovnej )?pozície|narazil\w* na váš profil|(?:váš|vás) profil (?:mě|ma) zaujal|(?:twój|pana|pani) profil (?:mnie )?zainteresował)\b",
    r"\bgizli(?: \w+){0,3} aram\w+|\byönetici arama\w*|\bprofiliniz\w* (?:bu )?pozisyon\w*|\bpozisyon\w* için (?:sizi|sizinle|size)\b",
)

APPLICANT = _phrasing(
    "job-application",
    "applies to the user for a job",
    r"\bmy (?:cv|c\.v\.|resume|résumé|lebenslauf|curriculum)\b|\b(?:apply|applying|application) for the (?:\w+ ){0,4}(?:role|position|job|opening|vacancy)\b|\bjob application\b",
    r"\b(?:bewerbe mich|meine bewerbung|mi candidatura|postularme|ma candidature|postuler au poste|la mia candidatura|mijn sollicitatie|solliciteer|min ansökan|söker tjänsten|min søknad|søker stillingen|min ansøgning|ansøger om stillingen|hakemukseni|haen (?:tehtävää|paikkaa)|moja aplikacja|aplikuję na|moje cv|můj životopis|minha candidatura|meu currículo|mi currículum|mon cv|me gustaría apuntarme|bolsa de (?:productores|freelances?|colaboradores))\b",
    r"\b(?:bewerbung (?:als|um)|(?:meinen|mein) lebenslauf|meine arbeitszeugnisse|mon curriculum|il mio curriculum|mijn cv|mitt cv)\b",
)

COMMUNITY = _phrasing(
    "community",
    "a community event or personal note",
    r"\bmeetup\b(?!-)|\bpizza\b|\bbrunch\b|\bbirthday\b|\bLong time\b|\bI'?ll buy the next round\b",
    r"\ba pint\b|\ba favou?r\b|\bbeen (?:far )?too long\b|\bcatch up over\b|\bmy (?:sister|brother|cousin|son|daughter|wife|husband|mum|mom|dad)\b",
    r"\b(?:gastvortrag|gastvorlesung|guest lecture|palestra convidada|ponencia invitada|conférence invitée)\b",
    r"\b(?:wie (?:deine|Ihre|eure) Eindrücke (?:waren|von [\w-]+ waren)|what your (?:impressions?|experience) (?:of|with) (?:them|[\w-]+) (?:was|were|has been))\b",
    r"\b(?:podiumsdiskussion|table ronde|mesa redonda|tavola rotonda|paneldebat|paneldiskussion|panelbeszélgetés)\w*|\b(?:szeretnélek|szeretnénk|szeretném) felkérni\b|\b(?:tagvállalat\w*|kedves tagjaink|tisztelt tagjaink)\b",
    r"\b(?:panel invitation|invite you to (?:speak|present|join (?:a|our|the) panel)|would you be willing to (?:join|speak on|sit on) (?:a|our|the) (?:[\w-]+ ){0,2}panel|no cost to speakers)\b",
    r"\b(?:cher membre|chère membre|chers membres|chers adhérents|votre adhésion|votre cotisation|avec la cotisation|liebe mitglieder|liebes mitglied|estimados socios|queridos socios|estimad[oa] soci[oa]|cari soci|beste leden|kære medlemmer|kära medlemmar|kjære medlemmer|dear (?:fellow )?members?)\b",
    r"\b(?:my|a) (?:thesis|dissertation|master'?s (?:project|thesis)|bachelor'?s thesis|phd (?:project|research))\b|\bi'?m a (?:\w+[- ])?(?:student|phd candidate|doctoral candidate)\b|\b(?:mi|mia|ma|meine) (?:tesis|tesi|thèse|masterarbeit|doktorarbeit|abschlussarbeit)\b",
    r"\b(?:love|like) to have you (?:on|speak at|join) (?:a|our|the) (?:\w+ ){0,2}(?:panel|stage|programme|program|conference)\b|\bspeak(?:ing)? (?:on a panel|at our (?:\w+ ){0,2}(?:conference|summit|meeting|congress))\b|\bwe cover (?:your )?travel\b",
    r"\b(?:(?:te|le|les|os) comparto los nuestros|compar(?:ar|amos) (?:algunos )?indicadores|compare notes|(?:share|send you) ours in (?:return|exchange)|je vous (?:partage|communique) les nôtres|(?:te|lhe) (?:passo|compartilho) os nossos|compartilho os nossos|erfahrungsaustausch\w*|échange d'expériences|intercambio de experiencias|scambio di esperienze|ervaringen uitwisselen|exchange (?:of )?experiences)\b",
)

CONFIRMATION = _phrasing(
    "confirmation",
    "confirms something the user asked for",
    r"\byou'?re registered\b|\bthanks for registering\b|\byour registration\b|\bconfirmation number\b",
    r"\b(?:thanks|thank you) for (?:entering|your entr(?:y|ies))\b|\bwe confirm (?:the following |your )?(?:entries|entry|registration|booking)\b|\bentry confirmation\b",
    r"\byour (?:order|receipt|invoice|ticket|request) #?\w*\d",
    r"\byour (?:trial|subscription|plan) (?:ends|renews|expires)\b",
    r"\b(?:confirmamos|nous confirmons|wir bestätigen|confermiamo|we(?:'re| are) (?:pleased|happy|delighted) to confirm)\b",
    r"\b(?:como|en tant qu'|als) (?:orador|ponente|intervenant|Referent\w*|relatore|speaker)\b|\byour (?:talk|session|panel) (?:is|has been)\b|\bspeaker (?:prep|briefing|check-?in)\b",
    r"\byour (?:proposal|submission|abstract|paper|talk|session|application to speak) (?:has been|was|is) (?:accepted|selected|shortlisted|confirmed)\b|\bwe(?:'re| are) (?:pleased|happy|delighted|thrilled) to (?:inform you|let you know|tell you|accept)\b",
    r"\b(?:your|the) (?:booking|reservation|order) (?:is|has been) (?:confirmed|received)\b|\b(?:din|er|jeres|deres) (?:bokning|bestilling|booking|reservasjon) (?:er|är) (?:bekræftet|bekreftet|bekräftad)\b",
    r"\b(?:thanks|thank you) for (?:signing up|subscribing|requesting)\b|\byou (?:signed up|requested (?:information|a demo|a callback))\b|\bgracias por (?:registrarte|suscribirte|inscribirte|registrarse)\b|\bmerci (?:pour votre inscription|de votre inscription)\b|\bdanke für ihre anmeldung\b|\bgrazie per (?:la registrazione|esserti iscritto|l'iscrizione)\b|\bbedankt voor (?:je|uw) aanmelding\b|\bobrigad[oa] por se (?:inscrever|cadastrar)\b|\btack för (?:din|er) anmälan\b|\btakk for (?:påmeldingen|registreringen)\b|\btak for din tilmelding\b",
    r"\b(?:ihr|dein) (?:vortrag|beitrag|abstract|talk|workshop) (?:wurde|ist) (?:angenommen|ausgewählt)\b|\bvotre (?:intervention|conférence|proposition|communication) (?:a été|est) (?:retenue|acceptée|sélectionnée)\b|\bsu (?:ponencia|propuesta|charla) (?:ha sido|fue) (?:aceptada|seleccionada)\b|\bsua (?:palestra|proposta) foi (?:aceita|selecionada)\b|\bil suo (?:intervento|talk) è stato (?:accettato|selezionato)\b|\buw (?:presentatie|voorstel) is (?:geaccepteerd|geselecteerd)\b",
    r"\b(?:sua|tua) inscrição (?:foi |está )?confirmada\b|\binscrição confirmada\b|\bsu inscripción (?:ha sido |está )?confirmada\b|\bihre anmeldung (?:ist|wurde) (?:bestätigt|eingegangen)\b|\bvotre inscription (?:est|a été) confirmée\b",
    r"\b(?:(?:hierbij )?bevestigen wij|wij bevestigen|hierbij bevestig\w*|potwierdzamy|bekräftar vi|vi bekräftar|bekræfter vi|vi bekræfter|bekrefter vi|vi bekrefter|vahvistamme|bestätigen wir|potvrzujeme|megerősítjük|confermiamo la|confirmamos (?:su|tu|la|el))\b",
    r"\b(?:you(?:'re| are) (?:receiving|getting)|you (?:received|get)) (?:this|these|product updates|our [\w ]{1,20})[^.\n]{0,60}\bbecause you(?:'re| are|'ve| have)? (?:an? )?(?:admin|administrator|customer|subscriber|member|user|account holder|client|subscribed|signed up|registered|opted in)\b|\bbecause you (?:started|signed up for|created|activated|requested) (?:a|an|your) (?:\d+-day )?(?:free )?(?:trial|account|workspace)\b|\byour (?:\d+-day )?(?:free )?trial (?:workspace|account|space) is ready\b",
    r"\b(?:sie erhalten diese (?:e-mail|nachricht|mail),? weil sie (?:kunde|sich (?:angemeldet|registriert)|newsletter)|vous recevez (?:cet|ce) (?:e-?mail|message) (?:car|parce que) vous (?:êtes (?:client|inscrit|abonné)|vous êtes inscrit|avez souscrit)|recibes este (?:correo|email|mensaje) porque (?:eres cliente|te (?:suscribiste|registraste)|estás suscrito))\b",
    r"\b(?:avons le plaisir de|sommes (?:heureux|ravis) de|tenons à) vous confirmer\b|\bvous confirmer (?:votre|la) (?:réservation|commande|inscription)\b|\b(?:nos complace|tenemos el (?:gusto|placer) de) confirmar\w*|\bconfirmar(?:le|te)? (?:su|tu) (?:reserva|pedido|inscripción)\b|\b(?:siamo lieti di|abbiamo il piacere di) confermar\w*|\bconfermar(?:le|ti|vi) la (?:sua |tua |vostra )?(?:prenotazione|iscrizione)\b|\b(?:temos o (?:prazer|gosto) de|é com (?:todo o )?prazer que) confirma\w*|\bconfirmar a (?:sua|tua) (?:reserva|encomenda|inscrição)\b|\bihre (?:buchung|reservierung|standbuchung) (?:ist|wurde) (?:hiermit )?(?:bestätigt|eingegangen)\b",
    r"\b(?:booking|reservation|stand|booth) confirmation\b|\bconfirmation de (?:votre )?réservation\b|\bconfirmación de (?:su |tu )?reserva\b|\bconferma (?:di|della) prenotazione\b|\bconfirmação d[ae] (?:sua )?reserva\b|\b(?:buchungs|reservierungs)bestätigung\b|\b(?:deposit|down payment) (?:of [^.\n]{1,20})?received\b|\bacompte (?:de [^.\n]{1,12})?reçu\b",
    r"\b(?:thanks? (?:you )?for your order|kiitos tilauksesta\w*|tack för (?:din|er) beställning|tak for (?:din|jeres) bestilling|takk for (?:din|deres) bestilling|dziękujemy za (?:pana |pani |państwa )?zamówienie|děkujeme za (?:vaši )?objednávku|ďakujeme za (?:vašu )?objednávku|siparişiniz için teşekkür\w*|(?:vielen )?dank für ihre bestellung|merci pour votre commande|gracias por su pedido|grazie per il (?:suo )?ordine|bedankt voor (?:uw|je) bestelling|obrigad[oa] pel[oa] (?:seu |sua )?(?:pedido|encomenda))\b",
)

PRIORITY_QUESTION = _phrasing(
    "priority-question",
    "a cold question about the user's priorities",
    r"\bis (?:\w+ ){1,5}a (?:priority|focus) for\b|\bon your (?:radar|roadmap) (?:for|this)\b",
    r"\bist (?:\w+ ){1,5}(?:ein Thema|eine Priorität)\b|\best-ce (?:\w+ ){1,5}une priorité\b|\bes (?:\w+ ){1,5}una prioridad\b",
    r"\bsomething (?:\w+ ){0,3}(?:is|are|you'?re|you are|you'?d|you would) (?:be )?(?:look(?:ing)? at|looking into|exploring|consider(?:ing)?|thinking about|working on|planning)\b|\bor should I (?:check back|circle back|try again|reach out)\b",
    r"\b(?:priorit(?:y|ies)|priorytet\w*|prioritou|prioritás\w*|öncelik\w*|prioriteet\w*|prioritet\w*|priorità|prioriteit\w*|prioridade\w*|priorité\w*|priorität\w*|prioridad\w*)\b[^.!\n]{0,40}\?",
    r"\bwhen (?:is|does) your (?:\w+ ){0,2}(?:contract|lease|policy) (?:up|due|end|expire)\w*",
    r"\b(?:laufen|läuft) (?:Ihre|Ihr|eure|euer|deine|dein) (?:[\w-]+ ){0,2}(?:[\w-]*(?:lizenzen|vertrag|verträge|vertrage|police|leasing))\b[^.?\n]{0,40}\baus\b",
    r"\bwhen (?:is|does|do) (?:the|your) (?:[\w-]+ ){0,4}(?:contract|lease|policy|agreement|tariff)s? (?:for (?:[\w-]+ ){1,4})?(?:come up|run out|renew|expire|end)\w*|\b(?:let me know|tell me|send me) (?:your|the) (?:renewal|expiry|contract end) date\b",
    r"\bonko (?:\w+ ){1,5}(?:teillä|sinulla) ajankohtai\w+|\bär (?:\w+ ){1,4}aktuellt för (?:er|dig)\b",
    r"\bon [\w'’]+ (?:map|radar|roadmap) for\b",
)

RELATIONSHIP = _phrasing(
    "relationship",
    "speaks of an existing relationship",
    r"\bour (?:biweekly|weekly|monthly|regular|usual|quarterly) (?:sync|call|catch-?up|meeting|check-in)\b",
    r"\b(?:como (?:lo )?conversamos|según lo conversado|como hablamos)\b",
    r"\b(?:as part of our (?:annual |year-end )?audit of|our audit of (?:the |your )?[\w’' ]{0,40}financial statements|year-end (?:physical )?inventory (?:count|observation)s?|im rahmen unserer (?:jahresabschlussprüfung|abschlussprüfung|prüfung))\b",
    r"\b(?:pliego petitorio|supplier (?:security )?questionnaire|leveranciersvragenlijst|lieferantenfragebogen|lieferantenselbstauskunft|questionnaire (?:de sécurité )?fournisseurs?)\b",
    r"\bas the billing contact\b|\byour (?:current )?subscription (?:has|includes)\b|\baccount id\b|(?:契約|当座貸越|融資)(?:の)?(?:ご)?更新|決算書(?:一式)?の(?:ご)?提出",
    r"\bas (?:agreed|discussed)\b(?! in my (?:earlier|previous|last|first))|\bgreat catching up\b|\bthanks again for\b",
    r"\b(?:our (?:partner(?:ship)?|referral|reseller) agreement|usual referral (?:terms|fee)|I told them about you)\b",
    r"\b(?:quarterly (?:review|business review|sync)|revisión trimestral|quartalsgespräch|revue trimestrielle|kwartaaloverleg|revisione trimestrale|zoals afgesproken|wie besprochen|comme convenu|comme évoqué avec|como acordamos|come concordato)\b",
    r"\b(?<!send )(?<!send you )(?:your|the) (?:pitch )?deck\b|\bterm sheet\b|\binvestment committee\b|\bpartner meeting\b|\bdata room\b|\bcap table\b|\bdue diligence (?:list|request|questions|call)\b",
    r"\b(?:your|our|the) (?:purchase order|PO)(?: number| no\.?| #)?\s?\d|\b(?:su|vuestra|tu|sua|votre|ihre|uw|jeres|er|din) (?:orden de compra|ordem de compra|bon de commande|Bestellung|bestelling|indkøbsordre|inköpsorder|innkjøpsordre)\b|\borden de compra (?:n[úu]m|no\.|#)",
    r"\b(?:allotment|(?:our|the) (?:current )?(?:rate )?agreement (?:for|with you)|as a (?:valued )?member|your membership|ditt medlemskap|dit medlemskab|medlemskapet ditt|jäsenyytesi)\b",
    r"\b(?:supplier|business|account|performance) review\b|\bsupplier (?:meeting|scorecard|day)\b|\bjoint business plan\b|\bOTIF\b",
    r"\b(?:per|under) (?:the|our) (?:supply|framework|service|master) agreement\b|\b(?:our|the) (?:supply|framework) agreement\b|\b(?:umow\w+ ramow\w+|rahmenvertrag\w*|contrat-cadre|acuerdo marco|accordo quadro|raamovereenkomst|rámcov\w+ smlouv\w+|keretszerződés\w*+(?! köt)|puitesopimu\w+|ramavtal\w*|rammeavtale\w*|rammeaftale\w*)\b",
    r"\b(?:programme|program|project|contract|engagement|training) kick-?off\b|\bkick-?off (?:of|for) (?:the|our) (?:programme|program|project|contract|engagement)\b|\bonboarding (?:call|session|meeting)\b|\b(?:exchange|cooperation|framework|partnership|collaboration) agreement\b|\b(?:convenio de (?:colaboración|intercambio)|acordo de (?:cooperação|intercâmbio)|acuerdo de (?:colaboración|intercambio)|accord de (?:coopération|partenariat)|kooperationsvertrag)\b",
    r"\b(?:conforme|como) (?:combinado|acordado|conversado|falamos|combinamos)\b|\bcomo (?:quedamos|hablamos)\b|\bsom (?:avtalt|aftalt|överenskommet)\b|\bjak (?:ustaliliśmy|rozmawialiśmy)\b|\bkuten sovittu\b|\bcome d'accordo\b",
    r"\b(?:ihr|dein|unser) mietvertrag\b|\bnebenkostenabrechnung\b|\bmieterhöhung\b|\byour (?:lease|tenancy)\b|\brent (?:increase|review)\b|\bals mitglied\b|\bihre mitgliedschaft\b|\bmitgliedsbeitrag\b|\bcomo associad[oa]\b|\bnossa central de compras\b",
    r"\b(?:betriebskostenabrechnung|hausverwaltung|ihr mietobjekt|jahresabrechnung der betriebskosten)\b",
    r"\bfurther to our (?:meeting|call|conversation|discussion)\b|\bfollowing our (?:meeting|call|conversation) (?:at|on|last)\b",
    r"\breajuste (?:contratual|de contrato|anual)\b|\brenegocia\w+ (?:do|de|o|nosso) (?:contrato|tabela)\b|\b(?:nosso|o) contrato vigente\b|\b(?:our|the) (?:current|existing) (?:contract|agreement)\b",
    r"\brenewal (?:terms|documents|notice|invitation)\b|\bwe(?:'ve| have) attached (?:the|your) renewal\b|\b(?:your|the) policy renews\b",
    r"\b(?:as|en tant que|als|como) (?:your|votre|ihr|ihre|su|seu|sua) (?:dedicated )?(?:account manager|relationship manager|chargée? d'affaires|conseill[eè]re?|firmenkundenbetreuer\w*|kundenbetreuer\w*|ansprechpartner\w*|gestor\w*)\b|\b(?:your|votre|ihre|su|sua) (?:credit line|ligne de crédit|kreditlinie|línea de crédito|linha de crédito)\b",
    r"\b(?:projekt-?kick-?off|kick-?off-?(?:meeting|termin|workshop)|auftaktgespräch|auftakttermin|réunion de lancement|reunión de arranque|riunione di avvio|startoverleg|kick-?off (?:van|du|des|del|de la|des projekts?))\b|\bjoint (?:proposal|bid|tender|offer|submission|venture)\b|\b(?:our|the) (?:joint|shared) (?:project|bid|proposal)\b",
    r"\bPreisanpassung\w*|\bunsere Preise\b[^.\n]{0,40}\banpassen\b|\bprice (?:increase|adjustment) (?:notice|effective|from (?:the )?\d)|\b(?:hausse|ajustement|révision) (?:(?:de nos |des )(?:prix|tarifs)|tarifaire)\b|\bprijsaanpassing\b|\bajuste de (?:precios|tarifas)\b",
    r"\bgrant (?:claim|agreement|payment|drawdown)s?\b|\bclaim \d+ under\b|\bwho we've been helping\b|\bI'll let you (?:two|both) take it from here\b",
    r"\b(?:the|our) board (?:asked|wants|would like)\b|\b(?:como|en tant que|als|come) (?:socio|partenaire|Partner|partner) (?:industrial|industriel|industrieller|industriale|tecnológico)\b|\bconsorti(?:um|o)\b",
    r"\bannual review of (?:your|the) (?:\w+ ){0,3}(?:facility|account|policy|contract)\b|\byour (?:\w+ ){0,2}(?:acquiring|credit|loan|overdraft|banking) facility\b",
    r"\bannual review of (?:[\w-]+ ){0,2}[\w-]+'s\b|\b(?:annual|yearly) (?:credit|loan|facility|relationship) review\b|\bborrowing base\b|\bloan agreement dated\b|\b(?:your|the|[\w-]+'s) (?:\$?[\d.,]+\s?(?:mm|m|k)? )?(?:revolving )?line of credit\b",
    r"\b(?:approved|freigegebene[nm]?) (?:prototypes?|samples?|Muster)\b|\b(?:prototipos|protótipos|muestras|amostras|échantillons|prototypes|campioni) (?:aprobad[oa]s|aprovad[oa]s|approuvés|validés|approvati)\b|\b(?:calendario|calendrier|planning|Zeitplan|calendário) (?:de |des |der )?(?:pedidos|commandes|Bestellungen|encomendas|ordini)\b",
    r"\b(?:point|bilan|revue) (?:trimestriel|mensuel|semestriel|annuel)\b|\bquarterly business review\b|\bQBR\b|\brevue des prix\b|\breunión (?:trimestral|de seguimiento)\b",
    r"\b(?:Termine|Zeitplan|dates|timetable|planning|fechas|calendrier|calendario) (?:für|for|de|pour|del|per) (?:die |the |your |la |l'|el |vos |Ihre )?(?:Jahresabschlussprüfung|Prüfung|(?:year-end |annual |statutory )?audit|auditoría|revisione)\b|\baudit fieldwork\b",
)

SALES_TITLE = _phrasing(
    "sales-title",
    "signed by someone in sales",
    r"\b(?:account (?:executive|manager|director)|sales(?! (?:team|office|tax|invoices?|figures|data|ledger|order|orders|receipts?))|business development|BDR|SDR|client partner|partnerships?|growth (?:lead|manager)|key account\w*)\b",
    r"\b(?:Vertrieb\w*|Verkauf|Außendienst|Kundenberater\w*|Key-Account|Gebietsleiter\w*)\b",
    r"\b(?:commercial|commerciale|chargée? d'affaires|ingénieur commercial|développement commercial|directeur commercial|directrice commerciale)\b",
    r"\b(?:comercial|ejecutiv[oa] de cuentas|director[a]? comercial|desarrollo de negocio|gerente de cuentas|executiv[oa] de contas)\b",
    r"\b(?:consulente commerciale|area manager|responsabile commerciale|accountmanager|verkoopadviseur|säljare|key account)\b",
    r"\b(?:salg\w*|sälj\w*|verkoop\w*|myyn\w*|handlowiec|obchodní\w*|directeur de comptes|directrice de comptes|business accounts?|client (?:manager|director|executive)|relationship manager|energy advisor|new business)\b",
    r"\b(?:értékesítés\w*|kereskedelmi|üzletfejlesztés\w*|satış\w*|iş geliştirme|müşteri temsilcisi|müügijuht\w*|müügiesindaja|sölustjóri|sölufulltrúi|viðskiptastjóri|(?:dział|kierownik|dyrektor|specjalista ds\.|menedżer) sprzedaży|przedstawiciel handlowy|doradca (?:klienta|handlowy)|opiekun klienta|(?:manažer|vedoucí|ředitel) prodeje|desenvolupament de negoci)\b|営業|セールス",
    r"\b(?:export (?:manager|sales|director)|exportleiter\w*|responsable (?:de )?export\w*|kierownik (?:eksportu|sprzedaży)|exportní manažer|exportchef)\b",
    r"\b(?:ventas|vendas|vendite|ventes|vendes)\b",
    r"\b(?:komercialist\w*|prodajni (?:vodja|predstavnik|menadžer)|voditelj prodaje|direktor prodaje|vodja prodaje|consultor comercial|executivo comercial|gerente comercial)\b",
    r"\b(?:direktor razvoja poslovanja|razvoj poslovanja|poslovni razvoj)\b",
    r"\brepresentante (?:autorizad[oa]|comercial|de vendas|de ventas)\b",
)

BUYER_TITLE = _phrasing(
    "buyer",
    "signed by a buyer",
    r"\b(?:senior |lead |category |strategic |chief )?buyer\b|\b(?:purchasing|procurement|sourcing) (?:manager|director|officer|agent|lead|specialist|team|department)\b|\bhead of (?:procurement|purchasing|sourcing)\b",
    r"\b(?:einkäufer\w*|leiter\w* einkauf|einkaufsleiter\w*|strategischer einkauf|acheteu(?:r|se)|responsable (?:des )?achats|direct\w+ (?:des )?achats|jefe de compras|responsable de compras|compradora?|responsabile (?:degli )?acquisti|ufficio acquisti|inkoper|hoofd inkoop|inköpare|inköpschef|innkjøper|innkjøpssjef|indkøber|indkøbschef|kupiec|specjalista ds\. zakupów|kierownik (?:działu )?zakupów|dział zakupów|nákupčí|vedoucí nákupu|beszerz\w+|hankintapäällikkö|ostopäällikkö|ostaja|hankejuht|satın ?alma\w*|innkaupastjóri|responsable de compres)\b",
    r"(?:^|\n)[^\n]{0,40}[,|–-] ?(?:procurement|purchasing|einkauf|achats|compras|inkoop|aankoop)\s*(?:\n|$)",
    r"(?:^|\n)\s*(?:purchasing|procurement|compras|einkauf|achats|acquisti|inkoop|aankoop|inköp|innkjøp|indkøb|zakupy|nákup|beszerzés|hankinnat|hankinta|satın alma)\b",
)

PUBLIC_BODY = _phrasing(
    "public-body",
    "signed for a public body",
    r"(?:^|\n)\s*(?:gemeente|stad|stadt|ville de|commune de|administration communale|municipality of|city of|county of|ayuntamiento de|comune di|prefeitura (?:municipal )?de|câmara municipal|concello de|ajuntament de|gmina|urząd (?:miasta|gminy)|magistrat|město|obec|belediyesi|kommune|kommun|kunta|kaupunki|landkreis|bezirksamt|stadtverwaltung|kreisverwaltung|provincie|province de|regione|région)\b",
    r"(?:^|\n)\s*[\w .-]{2,40} (?:kommune|kommun|kunta|kaupunki|municipality|city council|county council|town council|borough council|belediyesi)\s*(?:\n|$)",
    r"(?:^|\n)\s*[\w .-]{2,40} (?:development|enterprise|investment|innovation) agency\s*(?:\n|$)",
    r"(?:^|\n)\s*(?:auva|allgemeine unfallversicherungsanstalt|österreichische gesundheitskasse|berufsgenossenschaft|unfallkasse|gewerbeaufsichtsamt|finanzamt|hauptzollamt|landratsamt|regierungspräsidium|bezirksregierung|deutsche rentenversicherung)\b",
)
"""A town hall, a county, a commune, on a signature line: never a vendor, however it writes."""

PAID_MEDIA = _phrasing(
    "paid-media",
    "sells a paid appearance or sponsorship",
    r"\b(?:production package|sponsor(?:ed|ship) (?:package|slot|episode|placement)|(?:paid|partner|featured) (?:guest )?(?:slot|episode|placement|feature)|invité partenaire|guest (?:fee|package)|media ?kit|média kit|kit de (?:prensa|medios))\b",
    r"\b(?:sponsorship|podcast|advertising|guest|featured(?:-\w+)?) (?:packages?|options|rates)\b|\b(?:PR|public relations|press relations) (?:agency|firm|consultancy)\b|\b\w+ PR, an? (?:\w+ ){0,3}agency\b|\bagence (?:de )?(?:RP|relations presse)\b|\b(?:agencja|agencji) (?:PR|public relations)\b|\brobimy komunikację\b|\bPR-Agentur\b",
    r"\d[\d .,]*\s?(?:€|eur|\$|£|usd|gbp)\s?(?:ht|\+\s?(?:vat|tva|iva|mwst|moms))\b",
    r"\b(?:(?:early[- ]bird )?(?:entry|submission) fees?|early[- ]bird (?:entry|entries|submission)|early[- ]bird-pris\w*|teilnahmegebühr\w* (?:je|pro) einreichung|einreichungsgebühr\w*|frühbucherrabatt|quota di (?:iscrizione|partecipazione) (?:al premio|per (?:progetto|candidatura)))\b",
    r"\b(?:(?:look after|run|head up|handle) (?:its|our|the) ad sales|host-read (?:ads?|slots?|spots?)|ad slots? (?:left|available)|our rate card|rate card (?:is )?attached)\b",
)
"""Media that sell: a podcast or a magazine asking to be paid is a vendor, not the press."""

STAFFING_PITCH = _phrasing(
    "staffing-pitch",
    "offers to fill the reader's vacancies",
    r"\b(?:Besetzung Ihrer|Ihrer Stellenanzeige|(?:Ihre|entsprechende) (?:offenen |vakanten )?Vakanzen|Ihre (?:offenen|vakanten) (?:Stellen|Positionen)|Arbeitnehmerüberlassung|fill your (?:open )?(?:roles|positions|vacancies|reqs)|your (?:\d+ )?(?:open|vacant|live) (?:roles|positions|reqs|vacancies)|(?:have|has) (?:two|three|four|\d+) (?:\w+ ){0,2}(?:engineers|consultants|developers|technicians|welders|nurses|drivers|operators|candidates) (?:free|available)|pre-vetted (?:candidates|engineers|machinists|developers|nurses|drivers))\b",
    r"人材紹介会社|成功報酬型|採用が決まるまで",
    r"\b(?:kölcsönbeadó\w*|munkaerő-kölcsönzés\w*)",
    r"\bwe have (?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ ){0,2}(?:inducted|available|vetted) (?:and ready|workers|staff|technicians)?",
    r"\b(?:wir )?(?:hätten|haben) (?:zwei|drei|vier|fünf|\d+) (?:erfahrene |qualifizierte )?[\w/-]+ (?:per sofort |ab sofort )?(?:verfügbar|frei)\b",
    r"\b(?:hoidamme rekrytoinnin|vuokratyö\w*|henkilöstövuokrau\w*|meillä on (?:tällä hetkellä )?(?:vapaana|käytettävissä))",
    r"\b(?:vos postes (?:à pourvoir|ouverts)|pourvoir vos postes|sus (?:vacantes|posiciones abiertas)|cubrir sus vacantes|le vostre posizioni aperte|uw vacatures|uw openstaande vacatures)\b",
)
"""A recruiter who offers to fill the user's vacancies sells a service: not a job for the user."""

ACQUISITION_PITCH = _phrasing(
    "acquisition-pitch",
    "offers to buy or to sell the user's company",
    r"\b(?:funded|qualified|strategic|financial) buyers?\b|\bbuyer groups?\b|\b(?:looking|seeking|wants?) to acquire\b",
    r"\bwhat (?:\w+ ){1,4}would (?:bring|sell for|be worth)\b|\b(?:sell|selling|sale of) your (?:company|business|firm)\b",
    r"\bbuyer appetite\b|\b(?:an? )?(?:informal |indicative )?view of (?:value|valuation)\b|\b(?:trade|private[- ]equity)(?: buyers| parties| acquirers)\b",
)
"""A broker or a fund that wants to buy the user's company sells a deal: a "confidential
conversation" of theirs is not a job for the user."""

DISARMING = ((PAID_MEDIA, "press"), (STAFFING_PITCH, "job-offer"), (ACQUISITION_PITCH, "job-offer"))
"""Phrasings that show a counter-signal to be a sale after all, with the signal each disarms."""

OUTREACH_PHRASING = (
    PRIORITY_QUESTION,
    MEETING_ASK,
    VALUE_PITCH,
    OFFER,
    FOLLOW_UP,
    BREAK_UP,
    REFERRAL_ASK,
    OPT_OUT_LINE,
    FIRST_TOUCH,
    SELF_INTRODUCTION,
)
NOT_OUTREACH_PHRASING = (BUYER, PRESS, RECRUITER, APPLICANT, COMMUNITY, CONFIRMATION, RELATIONSHIP)

SOFT_NO = _phrasing(
    "no",
    "the user says no",
    r"\bnot interested\b|\bno longer interested\b|\bno interest\b|\bnot (?:a fit|for us|relevant)\b",
    r"\b(?:please )?(?:remove|unsubscribe|take) (?:me|us)\b|\bstop (?:emailing|contacting|writing|calling|sending)\b",
    r"\bdon'?t (?:email|contact|write to|call) (?:me|us)\b|\bdo not (?:email|contact|write|call)\b",
    r"\bwe(?:'ll| will) (?:reach out|get in touch|contact you|be in touch) (?:if|when|should)\b",
    r"\bI'?ll (?:look you up|reach out|get in touch|contact you) (?:if|when|should)\b",
    r"\bif (?:a|the) need (?:should )?(?:ever )?arises?\b|\bif we (?:ever )?(?:have|had) (?:a |the )?need\b",
    r"\bread it and deleted it\b|\bno thank(?:s| you)\b|\bnot looking (?:for|to)\b|\bwe(?:'re| are) all set\b",
    r"\bkein Interesse\b|\bbitte (?:keine|nicht mehr)\b|\bpas intéressée?\b|\bne (?:plus )?me (?:contacter|relancer)\b",
    r"\bno requirement for your (?:services|product)\b|\bif we do,? we(?:'ll| will) reach out\b|\bI am not an? (?:opportunity|prospect|lead)\b",
    r"\b(?:take|mark) (?:me|us) (?:out|off|do-not-contact)\b|\bwe have no need for\b",
    r"\bno (?:me|nos) interesa\b|\bno estamos interesados\b|\bdejen? de (?:escribir|enviar)\b",
)

ENGAGEMENT = _phrasing(
    "engagement",
    "the user leaves the door open",
    r"\b(?:send|email|share)(?: me| us)? (?:the )?(?:pricing|prices|a quote|details|information)\b",
    r"\b(?:pricing|prices|info|information)\b.{0,60}\b(?:via|by) (?:e-?mail)\b",
    r"\b(?:reach out|get in touch|try me|ping me|contact me|come back)\b.{0,30}\b(?:next|in) (?:year|quarter|Q[1-4]|spring|summer|autumn|fall|winter|month)",
    r"\bnot (?:right )?now\b(?!,? (?:and )?not\b).{0,40}\b(?:but|feel free|later)\b|\bemail only\b|\bby email (?:instead|please|only)\b",
    r"\b(?:sounds good|let'?s (?:talk|do|meet|set)|happy to (?:chat|talk|meet)|works for me|see you)\b",
)
