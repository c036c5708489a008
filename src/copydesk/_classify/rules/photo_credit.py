"""Photo credits: who took or sells a picture ("Photo: AFP", "Image copyright Getty Images").

A photo credit stands alone between paragraphs ("REUTERS/Kevin Lamarque",
"Brendan Hoffman/Getty Images", "(AP Photo/Evan Vucci)", "Credit: NASA") or
closes a caption ("... in Dallas. (Photo: Matt Rourke, AP)"); the caption rule
uses :func:`split_photo_credit` for the second case. Each gives a credit with
role ``photo``; a standalone one also becomes the credit of the caption next
to it.

>>> parse_photo_credit("Image copyright Getty Images")
('Getty Images', True)
>>> parse_photo_credit("(AP Photo/Evan Vucci)")
('AP', True)
>>> parse_photo_credit("Photography is an art") is None
True
"""

from __future__ import annotations

import re

from ..._lexicon.agencies import agency_named
from ..._model import Credit, CreditRole
from ..context import Context, Match
from ..source import Hint, SourceBlock

# A labelled credit: "Photo: X", "Photo by X", "Photograph: X", "Image copyright X",
# "Image copyrightGETTY IMAGES", "Credit: X", "Photo credit: X", "FILE PHOTO/X".
# Linear: literal alternations, bounded separators, one bounded tail.
_LABELLED = re.compile(
    r"(?i)^[-–—]{0,2}\s{0,2}[(\[]?\s{0,2}(?:(?:(?:file|featured|header|top|lead|cover|main)\s)?"
    r"(?:photo(?:graph)?s?|fotos?|fotograf[a-zíú]{0,4}|images?|imagen|imagem|bild|pictures?|pics?|img|footage)"
    r"(?:\s{0,2}(?:credits?|copyright|source|courtesy))?|credits?|copyright|©|file(?=\s{0,2}:))"
    r"\s{0,2}(?::|by\b|via\b|courtesy(?:\sof)?\b|©|/|-|\||(?<=copyright)(?=\s|(?-i:[A-Z])))\s{0,2}"
    r"(?P<who>[^\s].{1,100}?)[)\]]?\.?$"
)
# An agency and a photographer: "REUTERS/Kevin Lamarque", "AP Photo/Evan Vucci", "AFP/Getty Images".
_AGENCY_SLASH = re.compile(
    r"^[(\[]?(?P<agency>[A-Za-z][A-Za-z .\-]{1,30}?)(?:\sPhotos?)?\s?/\s?(?P<who>[^()]{2,60}?)[)\]]?\.?$"
)
# A photographer and an agency or paper: "Brendan Hoffman/Getty Images", "Tannen Maury/AFP/Getty Images".
_NAME_SLASH = re.compile(
    r"^[(\[]?(?P<who>[A-Z][\w.'’\-]{0,20}(?: [A-Z][\w.'’\-]{0,20}){0,3})\s?/\s?(?P<org>[^()]{2,60}?)[)\]]?\.?$"
)
# Where a credit may start inside a caption: a label word, a parenthesis or
# bracket closing the caption, or a capital glued to the caption's full stop
# ("Austria.Leonhard Foeger / Reuters"). Linear: literal alternations and
# bounded classes.
_MARK = re.compile(
    r"(?:\s\|\s?|\b)(?=(?:Photos?|PHOTO|Photograph|Image|IMAGE|Picture|Credit|CREDIT|REUTERS|Reuters|AFP|AP\sPhoto|"
    r"EPA|Getty|GETTY|Shutterstock|Courtesy)\b)|\s?\((?=[^()]{2,80}\)$)|\s?\[(?=[^\[\]]{2,80}\]$)"
    r"|(?<=[\w)]\.)(?=[A-Z][\w.'’\-]{0,20} [^.]{2,60}$)"
    r"|\s(?=(?:Submitted|Contributed|Handout|File|Courtesy)\s(?:photo|image|picture)s?\.?$)"
)
# A credit that is a caption's closing aside: "(AP)", "(NASA/JPL-Caltech)",
# "[SpaceX via Nasa]", "(onmeth.com)", "Submitted photo". Linear: bounded classes.
_ASIDE = re.compile(
    r"^[(\[](?P<who>[^()\[\]]{2,80})[)\]]$|^(?P<kind>Submitted|Contributed|Handout|File|Courtesy)\s(?:photo|image|picture)s?\.?$"
)
# Spaces just inside a credit's brackets. Linear: anchored, bounded.
_INNER_SPACE = re.compile(r"(?<=^[(\[])\s{1,3}|\s{1,3}(?=[)\]]$)")
_PHOTO_WORDS = ("photo", "image", "getty", "shutterstock", "pictures", "press")


def parse_photo_credit(text: str, *, in_caption: bool = False) -> tuple[str, bool] | None:
    """Read a photo credit: (agency or photographer, whether it is an agency), or None.

    >>> parse_photo_credit("REUTERS/Kevin Lamarque")
    ('Reuters', True)
    >>> parse_photo_credit("Brendan Hoffman/Getty Images")
    ('Getty Images', True)
    """
    raw = _INNER_SPACE.sub("", text.strip())  # "( REUTERS/Jane Doe )" -> "(REUTERS/Jane Doe)"
    if not 3 <= len(raw) <= 120:
        return None
    labelled = _LABELLED.match(raw)
    if labelled is not None:
        who = labelled["who"]
        label = raw[: labelled.start("who")].casefold()
        # "PHOTOS: Stars Who Died Young" links to a gallery; a credit is short or names an agency.
        if ("photos" in label or "pictures" in label) and "/" not in who and agency_named(who) is None:
            return None
        return _who(who)
    slash = _AGENCY_SLASH.match(raw)
    if slash is not None:
        agency = agency_named(slash["agency"])
        if agency is not None:
            return agency.name, True
    named = _NAME_SLASH.match(raw)
    if named is not None:
        org = named["org"]
        found = _who(org)
        if found is not None and (found[1] or any(w in org.casefold() for w in _PHOTO_WORDS)):
            return found
    agency = agency_named(raw.strip("()[]"))
    if agency is not None and (agency.photo_only or (in_caption and raw[:1] in "([")):
        return agency.name, True
    comma = raw.rpartition(", ")
    agency = agency_named(comma[2]) if comma[1] else None
    if agency is not None and len(comma[0].split()) <= 4 and comma[0][:1].isupper():
        # "Patrick Semansky, ASSOCIATED PRESS": a photographer and the agency.
        return agency.name, True
    if in_caption:
        aside = _ASIDE.match(raw)
        if aside is not None:
            who = aside["who"]
            if who is None:
                return aside["kind"] + " photo", False
            if "/" in who or " via " in who or ("." in who.strip(".") and " " not in who) or agency_named(who):
                return _who(who)
    return None


def _who(text: str) -> tuple[str, bool] | None:
    """The agency named in a credit's text, else the text itself (a photographer or source)."""
    text = text.strip(" .,;:()[]")
    if not text or len(text) > 80 or len(text.split()) > 10:
        return None
    pieces = [p.strip() for p in re.split(r"\s?/\s?|,\s|\svia\s|\sfor\s", text) if p.strip()]
    for piece in reversed(pieces):
        bare = piece.removesuffix(" file").removesuffix(" File").removesuffix(" Photo").removesuffix(" Images")
        agency = agency_named(piece) or agency_named(bare)
        if agency is not None:
            return agency.name, True
    return text, False


def split_photo_credit(text: str, *, in_caption: bool = False) -> tuple[str, str, str, bool] | None:
    """Split a caption from the photo credit that closes it: (caption, raw credit, name, is agency), or None.

    With ``in_caption`` (the text is known to be a caption) a closing aside
    such as "(AP)" or "(NASA/JPL)" counts as a credit too.

    >>> split_photo_credit("Hillary Clinton walks off the stage in New York. (Photo: Matt Rourke, AP)")
    ('Hillary Clinton walks off the stage in New York.', '(Photo: Matt Rourke, AP)', 'AP', True)
    >>> split_photo_credit("The soldiers took photos of the city") is None
    True
    """
    start = max(0, len(text) - 110)
    for mark in _MARK.finditer(text, start):
        # A parenthesised credit starts at its "("; a labelled one where the label starts.
        at = mark.end() - 1 if mark.group().endswith(("(", "[")) else mark.end()
        caption = text[:at].rstrip(" |")
        credit = text[at:].strip()
        if len(caption.split()) < 2:
            continue
        found = parse_photo_credit(credit, in_caption=in_caption)
        if found is not None:
            return caption, credit, found[0], found[1]
    return None


def by_hint(block: SourceBlock, ctx: Context) -> Match | None:
    """The HTML front end marked the block as a photo credit inside a figure."""
    if block.hint is Hint.PHOTO_CREDIT:
        return Match("marked as a photo credit")
    return None


def photo_credit_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A short standalone line that is a photo credit."""
    if ctx.shape.words > 16:
        return None
    found = parse_photo_credit(block.text)
    if found is None:
        return None
    name, is_agency = found
    return Match(f"a photo credit ({name})", reading=Credit(name, block.text, CreditRole.PHOTO, is_agency))
