"""The wire (news and photo) agencies copydesk recognises, with the ways they are written.

One table, :data:`AGENCIES`; each :class:`Agency` has the canonical name
used in :class:`~copydesk.Credit` and the variants seen in bylines, datelines
and credit lines ("The Associated Press", "AP", "A.P."). Short codes
(``AP``, ``CP``, ``UNI``) are matched only as written in capitals, so the
English words "ap" or "uni" are never agencies; longer names match in any case.

>>> agency_named("The Associated Press").name
'AP'
>>> agency_named("REUTERS").name
'Reuters'
>>> agency_named("uni") is None
True
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Agency:
    """A wire agency: the canonical name and its written variants.

    >>> Agency("AFP", ("Agence France-Presse",)).name
    'AFP'
    """

    name: str
    variants: tuple[str, ...] = ()
    #: True for agencies that sell only photos (Getty Images, Shutterstock).
    photo_only: bool = False


AGENCIES: tuple[Agency, ...] = (
    Agency("AP", ("Associated Press", "The Associated Press", "A.P.", "AP News")),
    Agency("Reuters", ("Thomson Reuters", "Reuters News", "Reuters TV")),
    Agency("AFP", ("Agence France-Presse", "Agence France Presse", "Agence France - Presse", "A.F.P.")),
    Agency("PTI", ("Press Trust of India",)),
    Agency("IANS", ("Indo-Asian News Service", "Indo Asian News Service")),
    Agency("ANI", ("Asian News International",)),
    Agency("UNI", ("United News of India",)),
    Agency("dpa", ("DPA", "Deutsche Presse-Agentur", "Deutsche Presse Agentur")),
    Agency("EFE", ("Agencia EFE",)),
    Agency("ANSA", ("Agenzia ANSA",)),
    Agency("Xinhua", ("Xinhua News Agency", "XINHUA")),
    Agency("Kyodo", ("Kyodo News",)),
    Agency("Jiji", ("Jiji Press",)),
    Agency("Yonhap", ("Yonhap News Agency",)),
    Agency("Bloomberg", ("Bloomberg News",)),
    Agency("TASS", ("ITAR-TASS", "Tass")),
    Agency("RIA Novosti", ("RIA",)),
    Agency("Interfax", ()),
    Agency("AAP", ("Australian Associated Press",)),
    Agency("CP", ("The Canadian Press", "Canadian Press")),
    Agency("Bernama", ()),
    Agency("UPI", ("United Press International",)),
    Agency("Anadolu", ("Anadolu Agency", "Anadolu Ajansi", "AA")),
    Agency("PA Media", ("Press Association", "PA Media", "The Press Association")),
    Agency("APP", ("Associated Press of Pakistan",)),
    Agency("IRNA", ("Islamic Republic News Agency",)),
    Agency("WAM", ("Emirates News Agency",)),
    Agency("SPA", ("Saudi Press Agency",)),
    Agency("KUNA", ("Kuwait News Agency",)),
    Agency("MENA", ("Middle East News Agency",)),
    Agency("Antara", ()),
    Agency("Lusa", ()),
    Agency("Europa Press", ()),
    Agency("ANP", ()),
    Agency("Belga", ()),
    Agency("APA", ()),
    Agency("NTB", ()),
    Agency("Ritzau", ()),
    Agency("PAP", ()),
    Agency("CTK", ("ČTK",)),
    Agency("MTI", ()),
    Agency("Ukrinform", ()),
    Agency("EPA", ("European Pressphoto Agency", "EPA-EFE")),
    Agency("Getty Images", ("Getty", "GETTY IMAGES", "Getty Images News"), photo_only=True),
    Agency("Shutterstock", (), photo_only=True),
    Agency("Alamy", (), photo_only=True),
)

# A name counts as a "short code" when it is all capitals and at most four
# letters: those are matched only exactly as written ("AP", not "ap").
_CODE = re.compile(r"[A-Z.]{1,5}\Z")

_EXACT: dict[str, Agency] = {}
_FOLDED: dict[str, Agency] = {}
for _agency in AGENCIES:
    for _variant in (_agency.name, *_agency.variants):
        if _CODE.match(_variant) or _variant.islower():
            _EXACT[_variant] = _agency
            _EXACT[_variant.upper()] = _agency
        else:
            _FOLDED[_variant.casefold()] = _agency


def agency_named(text: str) -> Agency | None:
    """The agency ``text`` names exactly (surrounding spaces and a leading "the" aside), or None.

    >>> agency_named("Agence France-Presse").name
    'AFP'
    >>> agency_named("AP Photo") is None
    True
    """
    name = text.strip().strip(".,;:").strip()
    if not name or len(name) > 40:
        return None
    found = _EXACT.get(name)
    if found is not None:
        return found
    return _FOLDED.get(name.casefold())


def is_agency(text: str) -> bool:
    """True when ``text`` names a wire or photo agency.

    >>> is_agency("Xinhua"), is_agency("Jane Doe")
    (True, False)
    """
    return agency_named(text) is not None


# -- source tags ----------------------------------------------------------------------------

#: A tag naming the story's source: "Source: X", "(Source: X)", "Via X", "Via: X",
#: "H/T X", "Credit to X", "Delivered by X", "From X:", in the main languages of
#: the press ("Fuente:", "Quelle:", "Fonte:", "Źródło:", "Источник:"). The label
#: words are a small closed class; the name after them is read by the credit
#: rule. Anchored, literal alternations and bounded gaps: linear.
SOURCE_TAG = re.compile(
    r"(?i)^[(\[]?\s{0,2}[-–—]{0,2}\s{0,2}"
    r"(?P<label>sources?|fuentes?|fontes?|quelle|quellen|bron|źródło|источник|kaynak|"
    r"via|vía|h/t|hat\s?tip|credit\sto|delivered\sby|from)"
    r"\s{0,2}(?P<colon>:?)\s{0,3}(?=\S)"
)
#: "The post <title> appeared first on <site>." (a syndication footer).
APPEARED_FIRST = re.compile(r"(?i)^the\spost\s.{1,300}?\sappeared\sfirst\son\s(?P<name>.{2,80}?)\.?$")

