"""What element attributes mark, read during the metadata walk.

- dates: ``<time>`` elements (:func:`take_time`, ranked by how clearly each
  is the publication time), microformats (``.published``, ``abbr[title]``,
  ``.updated``) and ``data-*`` timestamps, never from a comment, a sidebar, a
  teaser or an embedded post (:func:`time_place`);
- people: microdata ``itemprop=author`` (a person, an Organization, or the
  author of someone else's work such as a reviewed claim), hCard names
  (``.vcard .fn``, ``.h-card``), photo credits and captions
  (:func:`not_author_texts`).
"""

from __future__ import annotations

import re
from itertools import chain

from bs4 import Tag

from .._lexicon.bylines import by_marker, strip_by_marker
from .._lexicon.date_words import labels_update
from .meta_nodes import Collected, attr, first_descendants, text_of


def take_marked(el: Tag, found: Collected) -> None:
    """Keep what any element's attributes mark: microdata ``itemprop`` values, microformat
    dates (``.published``, ``.updated``), ``data-*`` timestamps, photo credits and captions."""
    attrs_ = el.attrs
    if not attrs_:
        if el.name in ("cite", "figcaption"):
            _take_classed(el, el.name, "", found)
        return
    name = el.name
    if "itemprop" in attrs_ and name not in ("meta", "time"):
        _take_itemprop(el, found)
    if found.data_times < _MAX_TIMES and not _DATA_TIME_KEYS.isdisjoint(attrs_):
        _take_data_time(el, found)
    cls = attr(el, "class").lower() if "class" in attrs_ else ""
    if name in ("cite", "figcaption") or (cls and _CLASS_OF_INTEREST.search(cls)):
        _take_classed(el, name, cls, found)
    elif name == "img" and "alt" in attrs_ and len(found.credits) < _MAX_CREDITS:
        take_photo_credit(attr(el, "alt"), found)


# Any class word :func:`_take_classed` looks at (one alternation of literals, linear): a
# cheap test that lets most elements skip the rest.
_CLASS_OF_INTEREST = re.compile(
    r"published|updated|fn|p-name|caption|photographer|credit|source|copyright|byline|author|writer"
)


def _take_classed(el: Tag, name: str, cls: str, found: Collected) -> None:
    """Keep what an element's class (or its tag: ``<cite>``, ``<figcaption>``) marks: a
    microformat date, an hCard name, a writer's or quoted person's name, a photo credit."""
    classes = cls.split()
    if name != "time" and any(c in _MICROFORMAT_DATES for c in classes):
        _take_microformat_time(el, classes, found)
    if ("fn" in classes or "p-name" in classes) and len(found.card_authors) < _MAX_CARDS:
        _take_card_name(el, found)
    if name == "cite" or _WRITER_MARK.search(cls):
        _take_writer(el, found)
    if len(found.credits) < _MAX_CREDITS and (name == "figcaption" or _CREDIT_CLASS.search(cls)):
        text = text_of(el, 200)
        if text:
            found.credits.append(text)


# A photo credit inside a text: "(AP Photo/Jane Doe)", "Photo: Jane Doe", "Foto: ...".
# Literals and one bounded class: linear.
_PHOTO_CREDIT = re.compile(r"(?i)\b(?:photo|foto|image|picture|bild|credit)s?\s{0,2}[/:]")


def take_photo_credit(text: str, found: Collected) -> None:
    """Keep the photo-credit part of an image's alternative text or description."""
    match = _PHOTO_CREDIT.search(text)
    if match is not None:
        found.credits.append(text[max(0, match.start() - _CREDIT_BEFORE): match.end() + _CREDIT_AFTER])


#: Characters kept around a photo credit's marker.
_CREDIT_BEFORE, _CREDIT_AFTER = 20, 80


# Class words of an element that names a writer; a word class and literals: linear.
_WRITER_MARK = re.compile(r"author(?!it)|byline|writer")  # not "authority-control"
# Places whose writers are not the article's: a quotation, a related-story teaser, an
# embedded post, a promotion, a comment.
_QUOTE_TAGS = frozenset({"blockquote", "q"})
#: Names of other people kept per page, and author elements looked at per page.
_MAX_OTHERS = 40
_MAX_WRITER_WALKS = 200


def _take_writer(el: Tag, found: Collected) -> None:
    """Keep the name in a ``<cite>`` or an author/byline-classed element by where it is: in a
    quotation (someone quoted), in a related-story teaser, an embedded post or a comment
    (someone else's writer, unless also named elsewhere), or elsewhere (a writer)."""
    if found.writer_walks >= _MAX_WRITER_WALKS:
        return  # enough looked at: nested or repeated author elements stay cheap
    found.writer_walks += 1
    place = "writer"
    for depth, parent in enumerate(el.parents):
        if depth > _CONTEXT_DEPTH or not isinstance(parent, Tag):
            break
        if parent.name in _QUOTE_TAGS:
            place = "quoted"
            break
        if is_elsewhere(parent):
            place = "teaser"
            break
    if place == "writer" and el.name == "cite":
        return  # a cited work's title, not a name
    kept = {"quoted": found.not_authors, "teaser": found.teaser_writers, "writer": found.writers}[place]
    text = text_of(el, 120) if len(kept) < _MAX_OTHERS else ""
    if text:
        kept.append(text)


#: hCard classes of the element around an author's name, and how far up it is looked for.
# An hCard marks any person or organisation (a wiki's infobox subject too): only one
# under an author or byline mark names the writer.
_CARD_MARK = re.compile(r"author(?!it)|byline")
_CARD_DEPTH = 4
_MAX_CARDS = 10


def _take_card_name(el: Tag, found: Collected) -> None:
    """Keep an hCard name (``.fn``, ``.p-name``) under an author or byline mark (``.author
    .fn``, ``.p-author.h-card``, ``.byline .vcard .fn``) that is the article's (not a
    comment's, not inside someone else's work)."""
    for depth, parent in enumerate(chain((el,), el.parents)):
        if depth > _CARD_DEPTH or not isinstance(parent, Tag):
            return
        if _CARD_MARK.search(attr(parent, "class").lower()):
            break
    else:
        return
    if _author_context(el) != "article":
        return
    text = attr(el, "title") or text_of(el, 120)
    if text:
        found.card_authors.append(text)


#: Microformat class names of dates (h-entry and hAtom).
_MICROFORMAT_DATES = frozenset({"published", "dt-published", "updated", "dt-updated"})


# Class words of photo-credit and caption elements ("photo-credit", "photographer",
# "caption", "image-source"); a bare "credit" is left out (some sites mark bylines
# so). Literals and optional separators, no nesting: linear.
_CREDIT_CLASS = re.compile(
    r"caption|photographer|(?:photo|image|img|picture|pic|media)[-_]?(?:credit|source|byline|copyright)"
)

#: Credit and caption texts kept per page.
_MAX_CREDITS = 40


def take_time(el: Tag, found: Collected) -> None:
    """Keep a ``<time>`` element's datetime with a rank saying how clearly it is the publication time."""
    value = attr(el, "datetime")
    itemprop = attr(el, "itemprop").lower()
    if itemprop and value:
        found.microdata.setdefault(itemprop, []).append(value)
    classes = attr(el, "class").lower().split()
    if "datemodified" in itemprop or "updated" in classes or _labelled_update(el):
        if "published" not in classes and "datemodified" not in itemprop:
            found.updated_times.append(value or text_of(el, 120))
        return
    if not value:
        value = text_of(el, 120)
        if not value:
            return
    if "pubdate" in el.attrs or "datepublished" in itemprop or "published" in classes:
        found.times.append((value, "time[pubdate]", 0))
        return
    place = time_place(el)
    if place is not None:
        found.times.append((value, f"time in {place}" if place else "time", 5 if place else 8))



#: How many siblings before a ``<time>`` are read for an "Updated" label.
_LABEL_SIBLINGS = 3


def _labelled_update(el: Tag) -> bool:
    """True when the words just before a ``<time>`` label it as the update time ("Updated <time>").

    Reads at most three preceding siblings, each only when it is a string or an element holding one
    string, so the cost per element is bounded.
    """
    before: list[str] = []
    for count, sibling in enumerate(el.previous_siblings):
        if count >= _LABEL_SIBLINGS:
            break
        text = sibling.string if isinstance(sibling, Tag) else str(sibling)
        if text is None:
            break
        before.insert(0, text)
    return labels_update(" ".join(before))


#: Tags and class/id words of the places whose dates are not the page's: a sidebar, a
#: footer, a comment, a related-story teaser, an embedded post.
_OTHER_PLACES = frozenset({"aside", "footer", "nav", "blockquote"})
#: Starts of the class/id words of such places ("commentlist", "related-stories", "embed").
_ELSEWHERE_STARTS = ("related", "teaser", "embed", "recommend", "promo", "comment", "reply", "replies")
#: Words that say a state, not a place: "no-promo", "has-comments", "wp-embed-responsive".
_STATE_WORDS = frozenset({"no", "has", "with", "without", "is", "wp", "js", "show", "hide", "allow", "disable"})
_WORD_PARTS = re.compile(r"[-_]+")  # one class: linear


def is_elsewhere(element: Tag) -> bool:
    """True when an element's class or id marks a place whose dates and writers are not the
    article's: a comment, a related-story teaser, an embedded post, a promotion.

    >>> from bs4 import BeautifulSoup
    >>> soup = BeautifulSoup('<div class="commentlist"></div><div class="wp-embed-responsive no-promo">'
    ...                      '</div><div class="content__header--no-promo"></div>', "lxml")
    >>> [is_elsewhere(d) for d in soup.find_all("div")]
    [True, False, False]
    """
    if element.name in ("body", "html"):
        return False
    for token in f"{attr(element, 'class')} {attr(element, 'id')}".lower().split():
        parts = _WORD_PARTS.split(token)
        if parts[0] in _STATE_WORDS:
            continue  # "wp-embed-responsive", "has-comments": a state of the page
        for index, part in enumerate(parts):
            if part.startswith(_ELSEWHERE_STARTS) and not (index and parts[index - 1] in _STATE_WORDS):
                return True
    return False


def time_place(el: Tag) -> str | None:
    """Where a date element sits: "article", "header" or "main" when inside one, "" elsewhere
    on the page, None in a place whose dates are not the page's (see :func:`is_elsewhere`)."""
    for depth, parent in enumerate(el.parents):
        if depth >= _CONTEXT_DEPTH or not isinstance(parent, Tag):
            break
        pname = str(parent.name)
        if pname in _OTHER_PLACES:
            return None
        if is_elsewhere(parent):
            return None
        if pname in ("article", "header", "main"):
            return pname
    return ""


#: ``data-*`` attributes that hold a publication time (epoch seconds, ISO text).
#: (``data-date`` is left out: date pickers and calendars use it for every day they show.)
_DATA_TIME_ATTRS = ("data-published", "data-publish-date", "data-pubdate", "data-timestamp", "data-time",
                    "data-datetime", "data-created")
_DATA_TIME_KEYS = frozenset(_DATA_TIME_ATTRS)

#: Rank tier of a ``data-*`` time, after every ``<time>`` element's.
_DATA_TIME_TIER = 9

#: Date values kept per kind (``data-*`` times, microformat ``updated``).
_MAX_TIMES = 6


def _take_data_time(el: Tag, found: Collected) -> None:
    """Keep a time from a ``data-published``/``data-timestamp``-like attribute (not in a comment,
    a sidebar or a teaser)."""
    for key in _DATA_TIME_ATTRS:
        value = attr(el, key)
        if value and time_place(el) is not None:
            found.times.append((value, key, _DATA_TIME_TIER))
            found.data_times += 1
            return


def _take_microformat_time(el: Tag, classes: list[str], found: Collected) -> None:
    """Keep a microformats date: ``abbr.published[title]``, ``.published``/``.dt-published``
    (publication), ``.updated``/``.dt-updated`` (update)."""
    value = attr(el, "title") if el.name == "abbr" else ""
    value = value or attr(el, "datetime") or attr(el, "content") or text_of(el, 120)
    if not value or time_place(el) is None:
        return
    if "published" in classes or "dt-published" in classes:
        found.times.append((value, "microformat published", 1))
    elif len(found.updated_times) < _MAX_TIMES:
        found.updated_times.append(value)


#: Ancestors looked at when deciding whose name an ``itemprop=author`` gives.
_CONTEXT_DEPTH = 25

#: What an ``itemprop=author`` inside these says: the author of something other than the article.
_OTHER_WORK_PROPS = frozenset({"itemreviewed", "review", "comment", "citation", "associatedmedia", "image", "video"})


def _author_context(el: Tag) -> str:
    """Whose name an ``itemprop=author`` element gives: "article", "comment" (a thread's) or
    "other" (the author of a reviewed claim, a quoted post, a figure, a comment)."""
    for depth, parent in enumerate(el.parents):
        if depth > _CONTEXT_DEPTH or not isinstance(parent, Tag):
            break
        if parent.name in ("figure", "blockquote"):
            return "other"
        props = set(attr(parent, "itemprop").lower().split())
        if props & _OTHER_WORK_PROPS:
            return "other"
        marks = (attr(parent, "class") + " " + attr(parent, "id")).lower()
        if "comment" in marks or "reply" in marks:
            return "comment"
        if is_elsewhere(parent):
            return "other"  # a related-story teaser, an embedded post
    return "article"


def _is_organisation_item(el: Tag) -> bool:
    """True when a microdata item is typed as an organisation (``itemtype=https://schema.org/Organization``)."""
    kind = attr(el, "itemtype").lower()
    return "organization" in kind or "organisation" in kind or "corporation" in kind


def _item_name(el: Tag) -> str:
    """A microdata person's or organisation's name: its ``itemprop=name`` (looked for a few levels
    down only), else its ``content``, else its text."""
    for node in first_descendants(el, _NAME_SEARCH):
        if type(node) is Tag and "name" in attr(node, "itemprop").lower().split():
            return attr(node, "content") or text_of(node, 120)
    return attr(el, "content") or text_of(el, 120)


#: Elements searched below an ``itemprop=author`` for its ``itemprop=name``.
_NAME_SEARCH = 60


def _take_itemprop(el: Tag, found: Collected) -> None:
    """Keep an ``itemprop`` element's value: an author's name (a person's, an organisation's, or
    someone else's work's), a headline, a date, a language."""
    for prop in attr(el, "itemprop").lower().split():
        if prop in ("author", "creator"):
            context = _author_context(el)
            if context == "comment":
                continue
            text = _item_name(el)
            if not text:
                continue
            if context == "other":
                found.not_authors.append(text)
            elif _is_organisation_item(el):
                found.micro_orgs.append(text)
            else:
                found.micro_authors.append(text)
        elif prop in ("headline", "datepublished", "datemodified", "datecreated", "inlanguage"):
            value = attr(el, "content") or attr(el, "datetime") or text_of(el, 500)
            if value:
                found.microdata.setdefault(prop, []).append(value)


def not_author_texts(found: Collected) -> tuple[str, ...]:
    """The texts naming persons other than the author: names under someone else's work
    (a reviewed claim, a figure), and photo credits and captions that are not bylines."""
    texts = [*found.not_authors]
    texts.extend(t for t in found.credits if by_marker(t) is None)
    # A writer named only in teasers, embedded posts or comments is someone else's.
    writers = " ".join(found.writers).casefold()
    texts.extend(t for t in found.teaser_writers if strip_by_marker(t).casefold() not in writers)
    return tuple(dict.fromkeys(texts))
