"""The plain-text front end: :func:`parse_text`."""

from __future__ import annotations

from ._assemble import assemble_article
from ._classify import classify_blocks
from ._config import DEFAULT_CONFIG, ParseConfig
from ._decode import decode_bytes
from ._errors import InputTypeError
from ._model import Article
from ._repair import repair_text
from ._split import split_blocks


def parse_text(text: str | bytes, *, url: str | None = None, config: ParseConfig = DEFAULT_CONFIG) -> Article:
    """Parse a scraped news text into an :class:`~copydesk.Article`.

    Never raises on the content of ``text``; raises
    :class:`~copydesk.InputTypeError` when it is not ``str`` or ``bytes`` and
    :class:`~copydesk.ConfigError` when ``config`` is not a ParseConfig.

    >>> parse_text("Title\\n\\nFirst paragraph.").title
    'Title'
    """
    if not isinstance(config, ParseConfig):
        from ._errors import ConfigError

        raise ConfigError(f"config must be a copydesk.ParseConfig; got {type(config).__name__}")
    diagnostics = ()
    if isinstance(text, (bytes, bytearray, memoryview)):
        text, _encoding, diagnostics = decode_bytes(bytes(text))
    elif not isinstance(text, str):
        raise InputTypeError(
            f"parse_text takes str or bytes; got {type(text).__name__} (read files with open(..., 'rb'))"
        )
    repaired, repairs = repair_text(text, config.repair)
    blocks = classify_blocks(split_blocks(repaired), config=config)
    return assemble_article(blocks, repairs=repairs, diagnostics=diagnostics, url=url)
