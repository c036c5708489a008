"""The typed model: validation, JSON round trip, schema."""

import datetime as dt

import pytest

from copydesk import (
    Article,
    Block,
    BlockKind,
    Caption,
    Credit,
    CreditRole,
    Dateline,
    SchemaError,
    Span,
    TimeSource,
    Timestamp,
    json_schema,
)


def full_article() -> Article:
    return Article(
        title="Aleppo siege ends",
        subtitle="A turning point",
        authors=("Jane Doe",),
        byline="By Jane Doe",
        published=Timestamp(raw="23/12/2016 14:08", year=2016, month=12, day=23, hour=14, minute=8),
        updated=Timestamp(raw="2016-12-24T10:00:00+02:00", year=2016, month=12, day=24, hour=10,
                          minute=0, second=0, utc_offset=120, source=TimeSource.JSON_LD),
        dateline=Dateline(place="Damascus", raw="Damascus:"),
        credits=(Credit(name="AP", raw="- AP inputs", role=CreditRole.STORY),),
        captions=(Caption(text="A soldier", credit="AFP", span=Span(4, 5)),),
        pull_quotes=("The biggest victory",),
        blocks=(Block(BlockKind.PARAGRAPH, "Body.", Span(6, 7), "body", "default"),),
        language="en",
        tags=("syria",),
        provenance={"title": "text", "published": "text"},
    )


def test_round_trip_dict_and_json():
    article = full_article()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article


def test_dict_validates_against_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(full_article().to_dict(), json_schema())


def test_schema_lists_every_article_field():
    import attrs

    props = set(json_schema()["properties"])
    assert {f.name for f in attrs.fields(Article)} <= props


def test_wrong_schema_version_is_refused_with_advice():
    data = full_article().to_dict()
    data["schema_version"] = 99
    with pytest.raises(SchemaError, match="upgrade copydesk"):
        Article.from_dict(data)


def test_from_dict_rejects_garbage():
    with pytest.raises(SchemaError):
        Article.from_dict({"schema_version": 1, "blocks": [{"kind": "nonsense", "text": "x"}]})
    with pytest.raises(SchemaError):
        Article.from_json("{not json")


def test_timestamp_never_invents_a_day():
    t = Timestamp(raw="December 2016", year=2016, month=12)
    assert t.date is None and t.datetime is None and t.isoformat() == "2016-12"
    with pytest.raises(ValueError):
        Timestamp(raw="31 Feb", year=2016, month=2, day=31)
    with pytest.raises(ValueError):
        Timestamp(raw="14:08", year=2016, hour=14)


def test_timestamp_aware_only_when_stated():
    naive = Timestamp(raw="x", year=2016, month=12, day=23, hour=14, minute=8)
    aware = Timestamp(raw="x", year=2016, month=12, day=23, hour=14, minute=8, utc_offset=-300)
    assert naive.datetime.tzinfo is None
    assert aware.datetime.utcoffset() == dt.timedelta(hours=-5)


def test_article_views():
    a = Article(blocks=(
        Block(BlockKind.TITLE, "T"),
        Block(BlockKind.PARAGRAPH, "One."),
        Block(BlockKind.BOILERPLATE, "Advertisement", reason="ad marker"),
        Block(BlockKind.SUBHEADING, "Two"),
    ))
    assert a.paragraphs == ("One.", "Two")
    assert a.text == "One.\n\nTwo"
    assert [b.text for b in a.removed] == ["Advertisement"]
    assert hash(a) == hash(Article.from_dict(a.to_dict()))
