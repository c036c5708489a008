"""Boilerplate: site chrome that is not part of the story, removed with a reason.

Advertising markers ("Advertisement", "Advertisement - story continues
below"), links to other stories ("Read more: ...", "Also Read", "RELATED:",
"Continue reading the main story"), share, follow and subscribe prompts,
newsletter and cookie lines, comment policies, embedded-post residue
("— Name (@handle) March 3, 2017", "pic.twitter.com/..."), bare links, lines
without any word, and the title repeated as a body line.

>>> from copydesk import parse_text
>>> [(b.text, b.reason) for b in parse_text("Title\\n\\nBody text, as it goes on.\\n\\nAdvertisement").removed]
[('Advertisement', 'an advertising marker')]
"""

from __future__ import annotations

from ..._lexicon.chrome import CHROME, CHROME_ANY, EMBED_END, EMBED_POST, NEWSLETTER, TEXT_ONLY
from ..context import Context, Match
from ..source import Hint, SourceBlock


def no_words(block: SourceBlock, ctx: Context) -> Match | None:
    """A block with no letter or digit (".", "***", "—")."""
    if ctx.shape.words == 0 and not any(ch.isalnum() for ch in block.text):
        return Match("no words")
    return None


def title_repeated(block: SourceBlock, ctx: Context) -> Match | None:
    """The title repeated as a line of the text."""
    key = ctx.shape.key or block.text.casefold().strip()
    if ctx.doc.title_key is not None and key == ctx.doc.title_key and ctx.index < len(ctx.doc.blocks):
        return Match("repeats the title")
    return None


def chrome_line(block: SourceBlock, ctx: Context) -> Match | None:
    """A short line of site chrome: ads, links, prompts, notices."""
    shape = ctx.shape
    if shape.words > 40:
        return None
    text = block.text.lstrip(" *•►>|-–—_[(")
    found = CHROME_ANY.match(text)
    if found is not None and found.lastgroup is not None:
        reason = CHROME[int(found.lastgroup[1:])][1]
        if block.hint is not Hint.NONE and reason in TEXT_ONLY and not ctx.in_header:
            # A link shown in a page's article body is the author's (above it, it is page chrome).
            return None
        return Match(reason)
    if "newsletter" in text.casefold() and shape.words <= 30 and len(NEWSLETTER.findall(text)) >= 2:
        return Match("a newsletter prompt")
    return None


def embedded_post(block: SourceBlock, ctx: Context) -> Match | None:
    """What is left of an embedded tweet or Instagram post."""
    text = block.text
    if "pic.twitter.com/" in text:
        return Match("embedded tweet residue (pic.twitter.com)")
    if "(@" in text and EMBED_END.search(text, max(0, len(text) - 60)):
        return Match("embedded post residue (— name (@handle) date)")
    if ctx.shape.words <= 40 and EMBED_POST.match(text):
        return Match("embedded post residue (a photo posted by ...)")
    return None
