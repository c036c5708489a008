"""Exceptions raised by copydesk.

copydesk raises only for a wrong argument type or a bad configuration; problems
in the input come back as data on the :class:`~copydesk.Article` (diagnostics
and removed blocks). Every exception subclasses a builtin, so callers can catch
either::

    Exception
    └── CopydeskError
        ├── ConfigError      (also ValueError)  bad option value or combination
        ├── InputTypeError   (also TypeError)   input is not str, bytes or a soup
        ├── SchemaError      (also ValueError)  JSON is not an article this release reads
        └── TimestampError   (also ValueError)  a Timestamp built with parts that are no date
"""

from __future__ import annotations


class CopydeskError(Exception):
    """Base class of every exception copydesk raises.

    >>> issubclass(ConfigError, CopydeskError)
    True
    """


class ConfigError(CopydeskError, ValueError):
    """A :class:`~copydesk.ParseConfig` option has a wrong value or combination.

    >>> isinstance(ConfigError("x"), ValueError)
    True
    """


class InputTypeError(CopydeskError, TypeError):
    """The input is of a type copydesk cannot parse (it takes ``str`` or ``bytes``).

    >>> isinstance(InputTypeError("x"), TypeError)
    True
    """


class SchemaError(CopydeskError, ValueError):
    """Data given to :meth:`Article.from_dict` is not an article this release reads.

    >>> isinstance(SchemaError("x"), ValueError)
    True
    """


class TimestampError(CopydeskError, ValueError):
    """A :class:`~copydesk.Timestamp` was given parts that make no date (month 13, 31 February, a day without a month).

    copydesk's own readers never raise it: a date they cannot read is no date.

    >>> isinstance(TimestampError("x"), ValueError)
    True
    """
