"""Word tables for :mod:`copydesk._lexicon.dates`: month names, weekday names, timezones, labels.

Keys are in the form :func:`fold` gives (lower case, Turkish dotted and
dotless i folded to ``i``). Latin-script words are also listed without their
accents, because scraped text often drops them ("fevrier", "marz", "agustos").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

#: Month names and abbreviations, by month number. Abbreviations are listed
#: without their dot (the parser allows one after any name).
_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        # en, fr, de, es, it, pt, nl, id, ru, pl, tr
        "january", "jan", "janv", "janvier", "januar", "jänner", "jän", "enero", "ene", "gennaio",
        "gen", "janeiro", "januari", "январь", "января", "янв", "styczeń", "stycznia", "ocak",
        # ca, ro, hu, cs, sk, sq, fi, uk, bg, sr, el, ar, he
        "gener", "ianuarie", "január", "ledna", "leden", "januára", "janar", "tammikuuta",
        "січня", "януари", "јануар", "ιανουαρίου", "يناير", "كانون الثاني", "ינואר",
    ),
    2: (
        "february", "feb", "febr", "février", "févr", "fév", "februar", "febrero", "febbraio",
        "fevereiro", "fev", "februari", "февраль", "февраля", "фев", "февр", "luty", "lutego",
        "şubat",
        "febrer", "februarie", "február", "února", "únor", "februára", "shkurt", "helmikuuta",
        "лютого", "февруари", "фебруар", "φεβρουαρίου", "فبراير", "شباط", "פברואר",
    ),
    3: (
        "march", "mar", "mars", "märz", "maerz", "mär", "mrz", "marzo", "março", "maart", "mrt",
        "maret", "март", "марта", "мар", "marzec", "marca", "mart", "marts",
        "març", "martie", "március", "března", "březen", "marec", "maaliskuuta", "березня",
        "μαρτίου", "مارس", "آذار", "מרץ", "במרץ",
    ),
    4: (
        "april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр",
        "kwiecień", "kwietnia", "nisan",
        "aprilie", "április", "dubna", "duben", "apríla", "prill", "huhtikuuta", "квітня",
        "април", "απριλίου", "أبريل", "إبريل", "نيسان", "אפריל", "באפריל",
    ),
    5: (
        "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая", "maj", "maja", "mayıs",
        "maig", "május", "května", "květen", "mája", "toukokuuta", "травня", "мај", "μαΐου",
        "μαίου", "مايو", "أيار", "מאי", "במאי",
    ),
    6: (
        "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн",
        "czerwiec", "czerwca", "haziran",
        "juny", "iunie", "június", "června", "červen", "júna", "qershor", "kesäkuuta", "червня",
        "юни", "јун", "ιουνίου", "يونيو", "يونيه", "حزيران", "יוני", "ביוני",
    ),
    7: (
        "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль",
        "июля", "июл", "lipiec", "lipca", "temmuz",
        "juliol", "iulie", "július", "července", "červenec", "júla", "korrik", "heinäkuuta",
        "липня", "юли", "јул", "ιουλίου", "يوليو", "يوليه", "تموز", "יולי", "ביולי",
    ),
    8: (
        "august", "aug", "août", "agosto", "ago", "augustus", "agustus", "agt", "augusti", "август",
        "августа", "авг", "sierpień", "sierpnia", "ağustos",
        "agost", "augusztus", "srpna", "srpen", "augusta", "gusht", "elokuuta", "серпня",
        "αυγούστου", "أغسطس", "آب", "אוגוסט", "באוגוסט",
    ),
    9: (
        "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "сентябрь", "сентября", "сен", "сент", "wrzesień", "września", "eylül",
        "setembre", "septembrie", "szeptember", "září", "septembra", "shtator", "syyskuuta",
        "вересня", "септември", "септембар", "septembar", "σεπτεμβρίου", "سبتمبر", "أيلول",
        "ספטמבר", "בספטמבר",
    ),
    10: (
        "october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
        "out", "октябрь", "октября", "окт", "październik", "października", "ekim",
        "octombrie", "október", "října", "říjen", "októbra", "tetor", "lokakuuta", "жовтня",
        "октомври", "октобар", "oktobar", "οκτωβρίου", "أكتوبر", "اكتوبر", "אוקטובר",
        "באוקטובר",
    ),
    11: (
        "november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя", "нояб",
        "listopad", "listopada", "kasım",
        "noiembrie", "listopadu", "novembra", "nëntor", "marraskuuta", "листопада", "ноември",
        "новембар", "novembar", "νοεμβρίου", "نوفمبر", "نونبر", "נובמבר", "בנובמבר",
    ),
    12: (
        "december", "dec", "décembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre",
        "dezembro", "desember", "des", "декабрь", "декабря", "дек", "grudzień", "grudnia",
        "aralık",
        "desembre", "decembrie", "prosince", "prosinec", "decembra", "dhjetor", "joulukuuta",
        "грудня", "декември", "децембар", "decembar", "δεκεμβρίου", "ديسمبر", "كانون الأول",
        "דצמבר", "בדצמבר",
    ),
}

#: Month words that are also everyday words or names ("out", "set", "ago",
#: "mag", "des", "Marco", "Augusta"): they only count as a month next to a
#: day number or, for abbreviations, when written with a dot; never in a
#: bare "<month> <year>".
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = frozenset(
    {"out", "set", "ago", "mag", "des", "gen", "ene", "mei", "dic", "giu", "lug", "ott",
     "dez", "fev", "abr", "avr", "agt", "okt", "mrt", "mrz", "mär", "jän", "fév", "déc",
     "febr", "janv", "juil", "févr", "marc", "آب", "marco", "augusta", "marca", "maja"}
)

#: Weekday names (Monday is 0, as in :meth:`datetime.date.weekday`).
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "lundi", "lun", "montag", "lunes", "lunedì", "segunda-feira", "segunda",
        "maandag", "понедельник", "poniedziałek", "pazartesi", "senin", "dilluns", "luni",
        "hétfő", "pondělí", "pondelok", "понеділок", "الإثنين", "الاثنين"),
    1: ("tuesday", "tue", "tues", "mardi", "dienstag", "martes", "martedì", "terça-feira", "terça",
        "dinsdag", "вторник", "wtorek", "salı", "selasa", "dimarts", "marți", "marţi", "kedd",
        "úterý", "utorok", "вівторок", "الثلاثاء"),
    2: ("wednesday", "wed", "mercredi", "mittwoch", "miércoles", "mercoledì", "quarta-feira",
        "quarta", "woensdag", "среда", "środa", "çarşamba", "rabu", "dimecres", "miercuri",
        "szerda", "středa", "streda", "середа", "الأربعاء", "الاربعاء"),
    3: ("thursday", "thu", "thur", "thurs", "jeudi", "donnerstag", "jueves", "giovedì",
        "quinta-feira", "quinta", "donderdag", "четверг", "czwartek", "perşembe", "kamis",
        "dijous", "joi", "csütörtök", "čtvrtek", "štvrtok", "четвер", "الخميس"),
    4: ("friday", "fri", "vendredi", "freitag", "viernes", "venerdì", "sexta-feira", "sexta",
        "vrijdag", "пятница", "piątek", "cuma", "jumat", "jum'at", "divendres", "vineri",
        "péntek", "pátek", "piatok", "пʼятниця", "п'ятниця", "الجمعة"),
    5: ("saturday", "sat", "samedi", "samstag", "sonnabend", "sábado", "sabato", "sáb", "sab",
        "zaterdag", "суббота", "sobota", "cumartesi", "sabtu", "dissabte", "sâmbătă",
        "sâmbăta", "szombat", "субота", "السبت"),
    6: ("sunday", "sun", "dimanche", "dim", "sonntag", "domingo", "domenica", "dom", "zondag",
        "воскресенье", "niedziela", "pazar", "minggu", "diumenge", "duminică", "vasárnap",
        "neděle", "nedeľa", "неділя", "الأحد", "الاحد"),
}

#: Fixed offsets (minutes east of UTC) of timezone abbreviations. Matched
#: case-sensitively, so the French "et" never reads as Eastern Time.
FIXED_ZONES: Mapping[str, int] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "IST": 330,
    "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "NST": -210, "NDT": -150, "ADT": -180,
    "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "PHT": 480, "MYT": 480, "AWST": 480,
    "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "WIB": 420, "WITA": 480, "WIT": 540, "ICT": 420, "PKT": 300, "SAST": 120, "EAT": 180,
    "WAT": 60, "CAT": 120, "BRT": -180, "ART": -180, "GST": 240, "IRST": 210, "TRT": 180,
}

#: Abbreviations and names of regions that switch between summer and winter
#: time: the offset is looked up for the date (ET is EST in November, EDT in July).
REGIONAL_ZONES: Mapping[str, str] = {
    "ET": "America/New_York", "Eastern": "America/New_York", "Eastern Time": "America/New_York",
    "CT": "America/Chicago", "Central": "America/Chicago", "Central Time": "America/Chicago",
    "MT": "America/Denver", "Mountain": "America/Denver", "Mountain Time": "America/Denver",
    "PT": "America/Los_Angeles", "Pacific": "America/Los_Angeles",
    "Pacific Time": "America/Los_Angeles",
}

#: Words that may stand around a date in a line that is "just a date"
#: ("Updated:", "Published on", "le", "Mis à jour le", "Veröffentlicht am").
LABEL_WORDS: frozenset[str] = frozenset(
    {
        # English
        "updated", "update", "published", "publish", "posted", "post", "on", "at", "date",
        "dated", "last", "first", "originally", "modified", "created", "released", "issued",
        "time", "the", "of", "and", "am", "pm", "edited", "written", "filed", "publication",
        "pub", "upd", "revised", "since",
        # French
        "le", "mis", "à", "a", "jour", "publié", "publie", "modifié", "modifie", "mise", "en",
        "ligne", "par", "du", "dernière", "derniere",
        # German
        "veröffentlicht", "veroffentlicht", "aktualisiert", "zuletzt", "stand", "den", "um",
        "uhr", "erstellt", "geändert", "datum", "vom",
        # Spanish, Portuguese, Italian
        "publicado", "actualizado", "atualizado", "actualización", "atualização", "el", "de",
        "del", "em", "às", "as", "las", "pubblicato", "aggiornato", "il", "alle", "ore", "data",
        "fecha", "modificado",
        # Dutch
        "gepubliceerd", "bijgewerkt", "op", "om", "laatst",
        # Russian, Polish, Turkish, Indonesian
        "опубликовано", "обновлено", "дата", "г", "года", "в", "opublikowano", "aktualizacja",
        "zaktualizowano", "yayınlanma", "yayinlanma", "güncelleme", "guncelleme", "tarihi",
        "saat", "diperbarui", "dipublikasikan", "diterbitkan", "pukul", "tanggal",
        # Arabic
        "تم", "نشر", "نشره", "بتاريخ", "آخر", "تحديث", "تاريخ", "النشر",
    }
)


#: Words that label a time as the last update, not the publication ("Updated", "Last modified",
#: "Mis à jour", "Aktualisiert", "Обновлено", "更新"): the one list every reader of dates uses.
UPDATE_WORDS: frozenset[str] = frozenset(
    {
        "updated", "update", "modified", "revised", "edited", "upd", "mis", "mise", "modifié", "modifie",
        "actualizado", "actualizada", "actualización", "actualizacion", "atualizado", "atualizada",
        "atualização", "atualizacao", "aktualisiert", "geändert", "aggiornato", "aggiornata",
        "aggiornamento", "bijgewerkt", "gewijzigd", "обновлено", "обновлен", "обновлена", "оновлено",
        "zaktualizowano", "aktualizacja", "aktualizováno", "aktualizace", "güncelleme", "guncelleme",
        "güncellendi", "guncellendi", "diperbarui", "opdateret", "oppdatert", "uppdaterad", "päivitetty",
        "ενημερώθηκε", "ενημέρωση", "تحديث", "עודכן", "更新", "수정", "업데이트",
    }
)

# A word, or a run of CJK characters ("更新"): for reading the words before a date. Linear.
_LABEL_WORD = re.compile(r"\w+")


def labels_update(before: str) -> bool:
    """True when the last words before a date say it is the update time, not the publication.

    ``before`` is the text of the line up to the date.

    >>> labels_update("Last updated: "), labels_update("Mis à jour le"), labels_update("Published ")
    (True, True, False)
    >>> labels_update("By Jane Doe, updated"), labels_update("更新日：")
    (True, True)
    """
    words = _LABEL_WORD.findall(before[-60:].casefold())
    return any(word in UPDATE_WORDS or word.startswith("更新") or word.endswith("更新") for word in words[-4:])


def labels_update_after(after: str) -> bool:
    """True when the text after a date is nothing but an update word ("March 5, 2019 (updated)").

    >>> labels_update_after(" (updated)"), labels_update_after(" | Updated March 6, 2019")
    (True, False)
    """
    words = _LABEL_WORD.findall(after[:40].casefold())
    return 0 < len(words) <= 2 and all(word in UPDATE_WORDS or word == "last" for word in words)


def fold(word: str) -> str:
    """Fold a word for table look-up: lower case, Turkish i's folded.

    >>> fold("EKİM"), fold("Kasım")
    ('ekim', 'kasim')
    """
    return word.lower().replace("i\u0307", "i").replace("ı", "i")


def _strip_accents(word: str) -> str:
    """The word without combining accents, for Latin-script words only."""
    if not word.isascii() and all(ord(c) < 0x250 or unicodedata.combining(c) for c in word):
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")
    return word.replace("ł", "l")


def _table(groups: Mapping[int, Iterable[str]]) -> dict[str, int]:
    """Map every name, its folded form and its accent-free form to its number."""
    table: dict[str, int] = {}
    for number, names in groups.items():
        for name in names:
            for form in {name, _strip_accents(name)}:
                key = fold(form)
                if table.get(key, number) != number:
                    raise AssertionError(f"{key!r} names two different values")
                table[key] = number
    return table


#: Folded month word -> month number (1-12).
MONTHS: Mapping[str, int] = _table(_MONTHS)
#: Folded weekday word -> weekday number (Monday 0).
WEEKDAYS: Mapping[str, int] = _table(_WEEKDAYS)
#: Folded forms of :data:`AMBIGUOUS_ABBREVIATIONS` and their accent-free forms.
AMBIGUOUS_MONTH_WORDS: frozenset[str] = frozenset(
    fold(form) for word in AMBIGUOUS_ABBREVIATIONS for form in (word, _strip_accents(word))
)


def regex_forms(table: Mapping[str, int], *extra: Iterable[str]) -> list[str]:
    """Every spelling of the table's words that a regex must match (case-insensitively).

    Folded keys lose Turkish letters ("kasim"), so the original words are
    matched too; ``re.IGNORECASE`` handles the rest of the case folding.
    """
    forms = set(table)
    for words in extra:
        forms.update(w.lower() for w in words)
    return sorted(forms)


MONTH_SPELLINGS: list[str] = regex_forms(
    MONTHS, [n for names in _MONTHS.values() for n in names]
)
WEEKDAY_SPELLINGS: list[str] = regex_forms(
    WEEKDAYS, [n for names in _WEEKDAYS.values() for n in names]
)
