"""Lock the public names: adding or removing one must be a deliberate change."""

import copydesk

EXPECTED = {
    "BatchItem",
    "BatchResult",
    "BatchStatus",
    "InputKind",
    "WorkerStartError",
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "ClassifyOptions",
    "ConfigError",
    "CopydeskError",
    "Credit",
    "CreditRole",
    "DateOptions",
    "Dateline",
    "DayFirst",
    "Diagnostic",
    "HtmlOptions",
    "InputTypeError",
    "ParseConfig",
    "Repair",
    "RepairOptions",
    "SchemaError",
    "Span",
    "TextOptions",
    "TimeSource",
    "Timestamp",
    "TimestampError",
    "__version__",
    "json_schema",
    "parse_html",
    "parse_many",
    "parse_text",
}


def test_all_is_locked():
    assert set(copydesk.__all__) == EXPECTED


def test_all_names_exist_and_are_documented():
    for name in copydesk.__all__:
        obj = getattr(copydesk, name)
        if callable(obj) and not name.startswith("_"):
            assert obj.__doc__, f"{name} has no docstring"


def test_public_objects_live_in_private_modules():
    for name in copydesk.__all__:
        module = getattr(getattr(copydesk, name), "__module__", "copydesk._x")
        if module.startswith("copydesk"):
            assert module.split(".")[1].startswith("_"), f"{name} is defined in public module {module}"


def test_version_has_one_source():
    from importlib.metadata import version

    assert copydesk.__version__ == version("copydesk")


def test_exceptions_subclass_builtins():
    assert issubclass(copydesk.ConfigError, ValueError)
    assert issubclass(copydesk.InputTypeError, TypeError)
    assert issubclass(copydesk.SchemaError, ValueError)
    assert issubclass(copydesk.TimestampError, ValueError)
    for exc in (copydesk.ConfigError, copydesk.InputTypeError, copydesk.SchemaError, copydesk.TimestampError):
        assert issubclass(exc, copydesk.CopydeskError)
