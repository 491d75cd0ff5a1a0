"""Every pattern the layers match text against, compiled once, in one place.

The patterns name boilerplate by its form first (counters are "<number> <unit>", credits
end in parentheses) and by words second; word lists cover English, German, French,
Spanish, Italian, Dutch and Portuguese, because the development corpora are mostly English
and German and layout features carry the rest.

>>> bool(END_MARKER.match("Most Read")), bool(END_MARKER.match("Most of the readers agreed"))
(True, False)
>>> bool(COUNTER.match("2 Shares")), bool(COUNTER.match("13 Views")), bool(COUNTER.match("3 Min Read"))
(True, True, True)
"""

from __future__ import annotations

import dataclasses
import re

_I = re.IGNORECASE

#: A block ending a sentence (Latin and CJK punctuation, closing quotes/brackets after it).
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")

#: The article title a comment count names: not a sentence (no full stop at its end).
_TITLE = r".{0,119}[^.\s]"
#: The heading, count and notes of a blog's comment section and reply form, as the common
#: blog software prints them in English and German: "Leave a Reply Cancel reply",
#: "Kommentar verfassen Antwort abbrechen", "12 Kommentare", "2 Gedanken zu „<title>“",
#: "5 Responses to <title>", "Your email address will not be published. Required fields
#: are marked *" (the reply form on 130+ pages of both corpora, the note on 100+, a count
#: on 50+; in no page's gold text). A comment count naming the title ends without a full
#: stop ("5 responses to the plan were sent in." is a sentence). Not an :data:`END_MARKER`
#: (a feature of the block classifier and the end ranker, which were fitted without these):
#: the sections layer removes them and :data:`HARD_END_MARKER` ends the core at them.
_REPLY_FORM = (
    r"(?:(?:(?:leave\s+a\s+(?:reply|comment)|kommentar\s+verfassen|schreibe?\s+einen\s+kommentar|antworten)\s+)?"
    r"(?:cancel\s+reply|antwort(?:en)?\s+abbrechen)"
    r"|(?:your|deine|ihre)\s+e-?mail(?:-adresse|\s+address)\s+(?:will\s+not\s+be\s+published|wird\s+nicht\s+veröffentlicht)\b.{0,80})"
)
_COMMENT_FORM = (
    r"(?:" + _REPLY_FORM + r"|\d+\s+(?:kommentare?|antworten|gedanken)(?:\s+zu\s+" + _TITLE + r")?"
    r"|\d+\s+(?:responses?|replies|thoughts|comments?)\s+(?:to|on)\s+" + _TITLE + r")"
)
COMMENT_FORM = re.compile(r"^" + _COMMENT_FORM + r"\s*[:!]?$", _I)
#: The reply form alone (its heading and its e-mail note): nothing of the article follows it.
REPLY_FORM = re.compile(r"^" + _REPLY_FORM + r"\s*[:!]?$", _I)

#: Headings that open a non-article section: once one appears after the body, what follows
#: is teasers. Whole-line matches only (optionally followed by a colon or "!"). The German,
#: Spanish, French and Portuguese related/recent/comment headings of trafilatura-eval's
#: tails ("Ähnliche Beiträge", "Neueste Artikel", "Schreibe einen Kommentar", "Notas
#: relacionadas", "Veja também"), with the block classifier and the end ranker refitted:
#: trafilatura-eval snippet F1 0.852 -> 0.861 (w3m), 0.849 -> 0.858 (lynx); wcxb-dev
#: unchanged (articles 0.913 / 0.910, other pages 0.677 / 0.667).
END_MARKER = re.compile(
    r"^(?:(?:the\s+)?most\s+(?:read|popular|viewed|shared|commented)(?:\s+(?:stories|articles|news|now|this\s+week|today))?"
    r"|read\s+next|up\s+next|what\s+to\s+read\s+next|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
    r"|related(?:\s+(?:articles?|stories|posts?|news|content|coverage|topics|reading|links|videos))?"
    r"|more\s+(?:from|on|in|about)\s+.{1,40}|more\s+(?:stories|news|articles|like\s+this|to\s+read)"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|also\s+read|see\s+also"
    r"|previous\s+(?:article|post|story)|next\s+(?:article|post|story)|trending(?:\s+now|\s+stories)?"
    r"|popular(?:\s+(?:now|stories|posts))?|latest(?:\s+(?:news|stories|articles|posts))?|coverage|in\s+other\s+news"
    r"|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)"
    r"|write\s+a\s+comment|(?:the\s+)?latest\s+from\s+.{1,40}"
    r"|(?:die\s+)?meist\s*gelesenen?(?:\s+(?:artikel|beiträge|nachrichten|news))?|das\s+könnte\s+(?:sie|dich|euch)\s+(?:auch\s+)?interessieren"
    r"|mehr\s+zum\s+thema|mehr\s+(?:aus|zu|von)\s+.{1,40}|weitere\s+(?:artikel|beiträge|themen|meldungen|nachrichten)(?:\s+zu.{0,40})?"
    r"|(?:ähnliche|verwandte|passende)\s+(?:artikel|beiträge|themen|nachrichten)|(?:die\s+)?neuesten?\s+(?:artikel|beiträge|meldungen|nachrichten)"
    r"|beliebte\s+(?:artikel|beiträge)(?:\s+zum\s+thema)?|empfehlungen\s+(?:aus\s+der|der)\s+redaktion|auch\s+interessant|lesen\s+sie\s+auch"
    r"|zum\s+weiterlesen|schon\s+gelesen\??|kommentare(?:\s+geschlossen)?|schreiben?(?:\s+sie)?\s+einen\s+kommentar(?:\s+antworten\s+abbrechen)?"
    r"|kommentar\s+(?:verfassen|schreiben)"
    r"|lire\s+aussi|à\s+lire\s+aussi|les\s+plus\s+lus|sur\s+le\s+même\s+sujet|vous\s+aimerez\s+aussi"
    r"|lo\s+más\s+leído|te\s+puede\s+interesar|noticias\s+relacionadas|notas\s+relacionadas|otras\s+noticias"
    r"|leggi\s+anche|più\s+letti|meest\s+gelezen|lees\s+ook|leia\s+também|veja\s+também|mais\s+lidas)\s*[:!]?$",
    _I,
)

#: The end markers that close an article for good (comments, most-read and read-next
#: lists). "Related", "See also" and "Also read" boxes also sit inside articles, so they
#: only open a section; these also bound the article core.
HARD_END_MARKER = re.compile(
    r"^(?:(?:the\s+)?most\s+(?:read|popular|viewed|shared|commented)\b.*|read\s+next|up\s+next|what\s+to\s+read\s+next"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)"
    r"|previous\s+(?:article|post|story)|next\s+(?:article|post|story)|trending(?:\s+now|\s+stories)?"
    r"|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment"
    r"|join\s+the\s+(?:conversation|discussion)|write\s+a\s+comment|(?:die\s+)?meist\s*gelesenen?(?:\s+(?:artikel|beiträge|nachrichten|news))?"
    r"|kommentare(?:\s+geschlossen)?|schreiben?(?:\s+sie)?\s+einen\s+kommentar(?:\s+antworten\s+abbrechen)?|kommentar\s+(?:verfassen|schreiben)"
    r"|" + _COMMENT_FORM + r"|les\s+plus\s+lus"
    r"|lo\s+más\s+leído|più\s+letti|meest\s+gelezen|mais\s+lidas)\s*:?$",
    _I,
)

#: Engagement counters: "2 Shares", "13 Views", "3 Min Read", "0 Votes: 0 Upvotes, ...".
COUNTER = re.compile(
    r"^(?:\d[\d.,]*\s*[km]?\s*(?:shares?|views?|votes?|likes?|comments?|reads?|points?|upvotes?|reactions?|claps?"
    r"|min(?:ute)?s?\.?\s+(?:read|lesezeit|de\s+lecture|de\s+lectura)|mins?|minuten?|kommentare?|aufrufe)\b.{0,80}"
    r"|(?:reading\s+time|lesezeit|temps\s+de\s+lecture)\s*:?\s*\d+\s*\w*)$",
    _I,
)

#: Widget labels that stand alone on their line.
WIDGET = re.compile(
    r"^(?:listen(?:\s+to\s+(?:this\s+)?article)?|print|share(?:\s+(?:this|on\s+\w+|article|story))?|save|bookmark|email"
    r"|no\s+time\s+to\s+read\??|get\s+a\s+summary|summarize|leave\s+a\s+reply|reply|add\s+a\s+comment|show\s+comments"
    r"|copy\s+link|link\s+copied|font\s+size|text\s+size|a\+?\s*a-?|zoom|(?:\(button\)\s*)+.*|advertisement.*|anzeige|werbung"
    r"|publicidad|publicité|pubblicità|sponsored(?:\s+content)?|teilen|drucken|vorlesen|artikel\s+teilen|merken"
    r"|partager|imprimer|compartir|imprimir|condividi|stampa|delen)\s*$",
    _I,
)

#: UI stubs: search boxes, sign-in, loading, skip links, form fields, lone symbols.
UI_LABEL = re.compile(
    r"^(?:search(?:\s+\w+)?|sign[\s-]?(?:in|up|out)|signing-(?:in|up).*|log[\s-]?(?:in|out)|register|subscribe(?:\s+now)?"
    r"|loading.*|menu|close|open|toggle.*|skip\s+to\s+(?:main\s+)?content|skip\s+to\s+.{1,30}|back\s+to\s+top|top|home"
    r"|follow(?:\s+us)?(?:\s+on.*)?|join\s+us|x|[×✕✖☰≡]|_{3,}.*|\[[^\]]{0,30}\]|slogan|logo|suche|anmelden|abonnieren"
    r"|rechercher|connexion|buscar|iniciar\s+sesión|cerca|accedi|zoeken|inloggen)\s*$",
    _I,
)

#: "Read more: ..." promos inside the body (the colon or dash is required: "Read more about
#: the plan" is prose; a dash with a space after it: "MIRA-Award" is a name).
PROMO = re.compile(
    r"^(?:read\s+(?:more|also)|see\s+also|also\s+read|related|recommended|watch|listen|more|must\s+read|don'?t\s+miss"
    r"|lesen\s+sie\s+(?:auch|hier|dazu)|auch\s+lesen|lies\s+auch|siehe\s+auch|weiterlesen|auch\s+interessant|mehr\s+dazu"
    r"|lire\s+(?:aussi|également)|à\s+lire|voir\s+aussi|lee\s+también|lea(?:\s+(?:más|también))?|vea(?:\s+(?:más|también))?"
    r"|puedes\s+ver|mir[ae]|(?:le|te)\s+puede\s+interesar|leggi\s+anche|vedi\s+anche|lees\s+ook|zie\s+ook"
    r"|leia\s+(?:também|mais)|veja\s+também|czytaj\s+(?:też|także)|zobacz\s+(?:też|także)|dowiedz\s+się\s+więcej)"
    r"\s*(?:[:|»>]|[–—-](?=\s))\s*\S.*$",
    _I,
)

#: A photo credit at the end of a caption: "(TASS)", "(AP Photo/Ohad Zwigenberg)", "/ Reuters",
#: "Photo: ...", "Getty Images".
CREDIT_TAIL = re.compile(
    r"(?:\((?:[^()]{0,60}(?:photo|foto|image|bild|getty|reuters|afp|ap|epa|tass|xinhua|anadolu|shutterstock|dpa|imago|file|illustrat)[^()]{0,60}"
    r"|[A-Z][A-Za-z.&]{1,12}(?:\s+(?:Photo|Images?))?)\)"
    r"|\s/\s*(?:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,3}"
    r"|(?:getty\s+images|shutterstock|imago|picture\s+alliance|istock(?:photo)?|alamy))\s*$",
    _I,
)
#: Credits sit in the last characters of a caption; only that tail is searched.
CREDIT_TAIL_CHARS = 90
#: Credit endings without a bracket or slash (the pre-check of :func:`has_credit`).
_CREDIT_ENDINGS = (
    "images",
    "image",
    "shutterstock",
    "imago",
    "alliance",
    "istock",
    "istockphoto",
    "alamy",
)


def has_credit(text: str) -> bool:
    """Does ``text`` end with a photo credit? (A cheap look at the last characters first.)

    >>> has_credit("Putin at the forum (TASS)"), has_credit("Tanja Ivanova//Getty Images"), has_credit("Body.")
    (True, True, False)
    """
    tail = text[-CREDIT_TAIL_CHARS:]
    if not (tail.endswith(")") or "/" in tail or tail[-12:].lower().endswith(_CREDIT_ENDINGS)):
        return False
    return CREDIT_TAIL.search(tail) is not None


CAPTION_START = re.compile(
    r"^(?:\((?:file|archive|archiv)\)|(?:photo|foto|image|bild|picture|credit|illustration|quelle\s*:\s*bild)\s*(?:credit)?\s*[:|/©]"
    r"|©|copyright\s)",
    _I,
)

#: A photo credit that a label opens after a caption's text: "... in der Eifel. Foto:
#: Galli/Malteser", "Roman Prymula, photo: Archives du Gouvernement", "... ausbilden. © CAE",
#: "(Quelle: Hume/Unsplash/DJV)", "Photograph by Ed Marshall". The label follows a sentence's
#: end, a separator (" | ", " / ", " – "), a comma or an opening bracket (a "Photo by" label
#: may open the line), and what follows it, to the end, holds no sentence's end (a full stop
#: inside a word, "Shutterstock.com", or after an initial, "V. Berret", is none).
CREDIT_LABEL_TAIL = re.compile(
    r"(?:[.!?)»\"“”’]\s+|\s[|/–—•-]\s*|,\s+|\(\s*|^(?=[a-z]+\s+(?:by|von|via|de|di|par)\s))"
    r"(?:(?:fotos?|photos?|bild(?:er)?|images?|imagen|immagine|credits?|crédits?|quelle|zdjęcie|źródło"
    r"|copyright)\s*:\s*"
    r"|(?:photo(?:graph)?|foto|bild|image|imagen)\s+(?:by|von|via|de|di|par)\s+"
    r"|(?:©|\(c\))\s*)"
    r"(?:[^.!?:;]|\.(?=\S)|(?<=\b[A-Z])\.){1,80}?\)?\.?\s*$",
    _I,
)
#: A credit opened by a label (:data:`CREDIT_LABEL_TAIL`) is at most this many words long,
#: its label included: a name and an agency or two, not a clause.
CREDIT_LABEL_MAX_WORDS = 10


def has_credit_label(text: str) -> bool:
    """Does ``text`` end with a photo credit that a label opens (:data:`CREDIT_LABEL_TAIL`)?

    >>> has_credit_label("Hilfe nach der Hochwasser-Katastrophe in der Eifel. Foto: Galli/Malteser")
    True
    >>> has_credit_label("Roman Prymula, photo: Archives du Gouvernement tchèque")
    True
    >>> has_credit_label("Photograph by Ed Marshall, Redonda Restoration Programme")
    True
    >>> has_credit_label("Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com")
    True
    >>> has_credit_label("Photo Editing Services"), has_credit_label("We offer credit scoring, risk management.")
    (False, False)
    """
    match = CREDIT_LABEL_TAIL.search(text)
    return match is not None and len(text[match.start() :].split()) <= CREDIT_LABEL_MAX_WORDS


#: Footer lines: legal links and app-store links (whole-line matches).
FOOTER_LINE = re.compile(
    r"(?:©|\(c\)\s|copyright\b).*|(?:privacy(?:\s+policy|\s+notice)?|terms\s+(?:of\s+(?:use|service)|and\s+conditions)"
    r"|cookie(?:s|\s+policy|\s+settings|\s+preferences)?|about\s+us|contact(?:\s+us)?|impressum|datenschutz(?:erklärung)?"
    r"|nutzungsbedingungen|agb|kontakt|mentions\s+légales|aviso\s+legal|android|ios|app\s+store|google\s+play"
    r"|download\s+(?:our|the)\s+app.*|sitemap|advertise(?:\s+with\s+us)?|careers?|authors|rss|newsletters?)\s*$",
    _I,
)
#: Rights notices anywhere in a short block.
RIGHTS = re.compile(
    r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés"
    r"|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati",
    _I,
)
#: Case-folded words of which every :data:`RIGHTS` notice holds one ("serv": reserved,
#: réservés, reservados, riservati).
_RIGHTS_HINTS = ("serv", "vorbehalt")


def has_rights(text: str, folded: str | None = None) -> bool:
    """Whether ``text`` holds a rights notice (:data:`RIGHTS`), with a cheap test first
    (on ``folded``, the text case-folded, when given: a block's :attr:`~cleaner.blocks.Block.folded`).

    Case folding maps every character that the case-insensitive search takes for a letter
    of :data:`_RIGHTS_HINTS` onto that letter ("S", "ſ" -> "s"), so a text whose folded
    form holds none of them cannot match (most texts: the search is skipped).

    >>> has_rights("© 2025 Example. ALL RIGHTS RESERVED."), has_rights("Human rights")
    (True, False)
    """
    if folded is None:
        folded = text.casefold()
    return any(map(folded.__contains__, _RIGHTS_HINTS)) and RIGHTS.search(text) is not None

#: The words that introduce a byline's name.
_BYLINE_INTRO = (
    r"(?:(?:written\s+|posted\s+|words\s+|reported\s+)?by|von|par|por|di|door|autor(?:in)?|author|auteur|text)"
)
#: Byline: "By X", "Von X", "Par X", "Por X", "Di X", "Door X", "Written by X", "Author: X".
BYLINE = re.compile(
    r"^" + _BYLINE_INTRO + r"\s*:?\s+" r"(?P<name>[^\d\s].{1,160}?)\s*$",
    _I,
)
#: The byline's introducing words alone on their line, the name on the next: "Written By".
BYLINE_LABEL = re.compile(r"^" + _BYLINE_INTRO + r"\s*:?$", _I)
#: Words that glue onto a byline in dumps: "By Korin MillerPublished: Jan 29, 2025"; a
#: date after "on", "am", "le" ("Par Jane Doe le 3 mars"), which in capitals are name
#: particles ("Loïc Le Clerc") unless a number follows.
BYLINE_TAIL = re.compile(
    r"(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|publicado|actualizado"
    r"|pubblicato|aggiornato)\b\s*:?.*$|\s+(?:(?-i:on|am|le|el|il|den)|stand)\s+\S.*$|\s+(?:on|am|le|el|il|den)\s+\d.*$|\s*[|•·–—]\s*.*$|\s+\d.*$",
    _I,
)

#: Matches where any of the whole-line patterns of :class:`LinePatterns` matches (one try
#: instead of seven: most lines match none).
_ANY_LINE_PATTERN = re.compile(
    "|".join(
        f"(?:{p.pattern})" for p in (END_MARKER, COUNTER, WIDGET, UI_LABEL, FOOTER_LINE, PROMO)
    )
    + "|"
    + BYLINE.pattern.replace("(?P<name>", "("),
    _I,
)


#: :data:`_ANY_LINE_PATTERN` without ``IGNORECASE``, tried on a text's lower-case form:
#: three times faster (2.7 -> 0.8 us a line; the regex engine skips an alternative on its
#: first character only when it compares characters as they are).
_ANY_LINE_PATTERN_LOWER = re.compile(_ANY_LINE_PATTERN.pattern)
#: A character outside Latin-1 (ASCII and the accented letters of Western European
#: languages) and the general punctuation (U+2000-U+206F: dashes, quotes). On a text
#: without one, both patterns answer alike: each of its characters has a lower-case form of
#: one character, ``IGNORECASE`` compares that form with the pattern's characters and their
#: case variants, and the pattern spells no upper-case character and none whose case
#: variants include the lower-case form of another of these characters (checked by
#: ``tests/test_lexicon.py``).
_OUTSIDE_LOWER_TWIN = re.compile("[^\x00-\xff\u2000-\u206f]")


def _any_line_pattern(text: str) -> bool:
    """Whether :data:`_ANY_LINE_PATTERN` matches ``text`` (with
    :data:`_ANY_LINE_PATTERN_LOWER` on its lower-case form, unless it holds a character
    of :data:`_OUTSIDE_LOWER_TWIN`).

    >>> _any_line_pattern("MOST READ"), _any_line_pattern("Mehr zum Thema"), _any_line_pattern("Über uns")
    (True, True, False)
    >>> _any_line_pattern("ÄHNLICHE ARTIKEL"), _any_line_pattern("Похожие статьи")
    (True, False)
    """
    if text.isascii() or _OUTSIDE_LOWER_TWIN.search(text) is None:
        return _ANY_LINE_PATTERN_LOWER.match(text.lower()) is not None
    return _ANY_LINE_PATTERN.match(text) is not None


@dataclasses.dataclass(frozen=True, slots=True)
class LinePatterns:
    """Which boilerplate patterns a block's text matches: the whole-line ones
    (``PATTERN.match(text)``) and a photo credit at its end (:func:`has_credit`), read once
    per block (:attr:`cleaner.blocks.Block.patterns`): the text model, several layers and
    the metadata rankers all ask.

    >>> line_patterns("2 Shares").counter, line_patterns("2 Shares").boilerplate
    (True, True)
    >>> line_patterns("The minister said so.") == LinePatterns()
    True
    """

    end_marker: bool = False  #: :data:`END_MARKER`
    counter: bool = False  #: :data:`COUNTER`
    widget: bool = False  #: :data:`WIDGET`
    ui_label: bool = False  #: :data:`UI_LABEL`
    footer_line: bool = False  #: :data:`FOOTER_LINE`
    promo: bool = False  #: :data:`PROMO`
    byline: bool = False  #: :data:`BYLINE`
    credit: bool = False  #: :func:`has_credit`

    @property
    def boilerplate(self) -> bool:
        """A control label, widget, counter or footer line."""
        return self.ui_label or self.widget or self.counter or self.footer_line


#: The patterns of a text that matches none (returned as this one object).
NO_LINE_PATTERNS = LinePatterns()
_CREDIT_ONLY = LinePatterns(credit=True)


def line_patterns(text: str) -> LinePatterns:
    """The :class:`LinePatterns` of ``text`` (one combined try of the whole-line ones first)."""
    credit = has_credit(text)
    if not _any_line_pattern(text):
        return _CREDIT_ONLY if credit else NO_LINE_PATTERNS
    return LinePatterns(
        end_marker=END_MARKER.match(text) is not None,
        counter=COUNTER.match(text) is not None,
        widget=WIDGET.match(text) is not None,
        ui_label=UI_LABEL.match(text) is not None,
        footer_line=FOOTER_LINE.match(text) is not None,
        promo=PROMO.match(text) is not None,
        byline=BYLINE.match(text) is not None,
        credit=credit,
    )


#: Agency credit lines: "Source: Agencies", "SOURCE:Reuters", "Quelle: dpa".
SOURCE_CREDIT = re.compile(
    r"^(?:source|sources|quelle|quellen|fuente|source\s*\(s\)|fonte|bron)\s*:\s*(?P<source>[^\s].{0,60}?)\s*\.?$",
    _I,
)

#: Labels that open a breaking-news ticker.
TICKER_LABEL = re.compile(
    r"^(?:breaking(?:\s+news)?|live|latest|just\s+in|news\s+ticker|ticker|eilmeldung|liveticker|dernière\s+minute"
    r"|última\s+hora|ultim'ora|flash)\s*:?$",
    _I,
)

#: A relative date ("2 weeks ago", "vor 3 Tagen", "il y a 2 jours").
RELATIVE_DATE = re.compile(
    r"(?P<n>\d+|an?|one)\s*(?P<unit>sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago"
    r"|vor\s+(?P<n_de>\d+|einer?|einem)\s+(?P<unit_de>sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?)",
    _I,
)

#: A time of day ("9:46", "19:30"), as in comment and ticker headers.
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")
#: A bracketed span of a dump: an image's name or alt text ("[photo-2024-11-17]"), a link mark.
BRACKETED = re.compile(r"\[[^\]]*\]")
#: A whole line that is an image's file name as a dump prints it in place of the image:
#: one bracketed word without spaces, joined by hyphens or underscores
#: ("[Web-Design-Trends-2026-05-1024x538]").
IMAGE_FILE_NAME = re.compile(r"\[[^\]\s]*[-_][^\]\s]*\]")

#: Prose contains words of at least this many letters; menus of initials ("Ar", "Es") don't.
WORD = re.compile(r"\w+")
