"""Accuracy of ``copydesk.parse_text`` on labelled scraped texts, beside a keep-every-line baseline.

Usage::

    python benchmarks/text_accuracy.py [--set text-gold|aeb-dumps|all] [--only copydesk|baseline]
                                       [--worst N] [--json PATH] [--data ../shared/data]

Data (under ``--data``; its ``README.md`` defines every score, and this script
follows those definitions):

- ``text-gold/text_gold_dev.jsonl``: 120 hand-annotated texts from six corpora
  of scraped news, with the body paragraphs and every field written down;
- ``aeb-dumps/aeb_dumps.jsonl``: the 181 aeb pages as plain-text dumps (menus,
  footers and all), with the aeb body and the aeb-meta fields.

Systems, run on the same inputs in the same process:

- ``copydesk``: ``copydesk.parse_text(input)``; the body is ``Article.text``;
- ``baseline``: keep every line: the whole input is the body, and no field is
  predicted. It is the floor any cleaning has to beat.

Scores. "Normalised" means whitespace collapsed to single spaces, trimmed and
casefolded.

- body P/R/F1: the aeb metric (``benchmarks/_aeb_metric.py``) of the gold body
  (text-gold: ``"\\n\\n".join(record["body"])``) against the predicted body,
  averaged over records as aeb does; "exact" is the share of records whose
  tokens are identical;
- noise leak (text-gold): of the gold ``boilerplate`` and ``captions`` strings
  longer than 15 characters, the share found inside the normalised body
  (lower is better);
- title, dateline: normalised exact match, over records whose gold has one;
  "spurious" is the share of records without one where a value was given;
- published (text-gold): the gold ISO string, cut to 16 characters at most, is
  a prefix of ``Article.published.isoformat()``, over records that have one;
  published day (aeb-dumps): the date parts (first 10 characters) are equal;
- authors: the normalised set of names equals the gold set (empty equals
  empty), over all records;
- credits, captions: precision and recall of the sets of normalised strings,
  true positives, predictions and gold strings summed over records. Credits
  are compared by name and captions by text (``Caption.text``). The gold
  credits are the organisations named as the story's source (GUIDELINES.md,
  rules 10, 13 and 14), so the photo credits (scored with the captions),
  editing credits and contributing persons of ``Article.credits`` are left
  out: a credit counts when its role is ``story``, or ``contributed`` and it
  names an organisation.

``--worst N`` lists the N records with the lowest body F1 (the F1 of the
record's own precision and recall); ``--json PATH`` writes every score, the
per-corpus breakdown and each record's body scores for machine comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aeb_metric import DocumentScore, score_document, summarize

from copydesk import Article, CreditRole, parse_text

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = {
    "text-gold": Path("text-gold") / "text_gold_dev.jsonl",
    "aeb-dumps": Path("aeb-dumps") / "aeb_dumps.jsonl",
}
SYSTEMS = ("copydesk", "baseline")
#: Gold noise strings this long or shorter are not looked for in the body (README: "longer than 15").
NOISE_MIN_CHARS = 15


def normalise(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed and casefolded ("" for None).

    >>> normalise("  Big\\u00a0 News\\n")
    'big news'
    """
    return " ".join(text.split()).casefold() if text else ""


def normalised_set(values: Iterable[str | None]) -> frozenset[str]:
    """The set of non-empty normalised strings.

    >>> sorted(normalised_set(["Jane  Doe", "jane doe", "", None, "AP"]))
    ['ap', 'jane doe']
    """
    return frozenset(n for n in map(normalise, values) if n)


# -- what a system gives and what the gold says ------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """The parts of a parse that are scored."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601
    dateline: str | None = None
    credits: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Truth:
    """One gold record, in the same shape for both sets."""

    id: str
    corpus: str
    input: str
    body: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    dateline: str | None
    credits: tuple[str, ...]
    captions: tuple[str, ...] | None  # None: the set has no caption labels
    noise: tuple[str, ...] | None  # None: the set has no boilerplate labels
    published_chars: int  # how much of the gold ISO string must match
    url: str = ""


def text_gold_truth(record: dict[str, Any]) -> Truth:
    """A text-gold record (README: "text-gold")."""
    noise = [s for s in (*record["boilerplate"], *record["captions"]) if len(s) > NOISE_MIN_CHARS]
    return Truth(
        id=record["id"],
        corpus=record["corpus"],
        input=record["input"],
        body="\n\n".join(record["body"]),
        title=record["title"],
        authors=tuple(record["authors"]),
        published=record["published"],
        dateline=record["dateline"],
        credits=tuple(record["credits"]),
        captions=tuple(record["captions"]),
        noise=tuple(noise),
        published_chars=16,
    )


def aeb_dump_truth(record: dict[str, Any]) -> Truth:
    """An aeb-dumps record: the published day is scored, and there are no caption or noise labels."""
    return Truth(
        id=record["id"],
        corpus="aeb",
        input=record["input"],
        body=record["body"],
        title=record.get("title"),
        authors=tuple(record.get("authors") or ()),
        published=record.get("published"),
        dateline=record.get("dateline"),
        credits=tuple(record.get("credits") or ()),
        captions=None,
        noise=None,
        published_chars=10,
        url=record.get("url") or "",
    )


READERS: dict[str, Callable[[dict[str, Any]], Truth]] = {"text-gold": text_gold_truth, "aeb-dumps": aeb_dump_truth}


def load(path: Path, reader: Callable[[dict[str, Any]], Truth]) -> list[Truth]:
    """The records of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        return [reader(json.loads(line)) for line in handle if line.strip()]


# -- the systems ------------------------------------------------------------------------


def _story_credit_names(article: Article) -> tuple[str, ...]:
    """Names of the credits that name the story's source (not photo, editing or contributing persons)."""
    return tuple(
        c.name for c in article.credits
        if c.role is CreditRole.STORY or (c.role is CreditRole.CONTRIBUTED and c.is_agency)
    )


def run_copydesk(text: str) -> Prediction:
    """``copydesk.parse_text`` with its defaults."""
    article = parse_text(text)
    return Prediction(
        text=article.text,
        title=article.title,
        authors=article.authors,
        published=article.published.isoformat() if article.published is not None else None,
        dateline=article.dateline.place if article.dateline is not None else None,
        credits=_story_credit_names(article),
        captions=tuple(c.text for c in article.captions),
    )


def run_baseline(text: str) -> Prediction:
    """Keep every line: the input is the body, and no field is predicted."""
    return Prediction(text=text)


RUNNERS: dict[str, Callable[[str], Prediction]] = {"copydesk": run_copydesk, "baseline": run_baseline}


# -- scoring one record -------------------------------------------------------------------


@dataclass
class Ratio:
    """A share with its counts; ``value`` is None when the denominator is 0."""

    hits: int = 0
    total: int = 0

    def add(self, hits: int, total: int = 1) -> None:
        """Count ``hits`` more hits out of ``total`` more cases."""
        self.hits += hits
        self.total += total

    @property
    def value(self) -> float | None:
        """hits / total, or None when nothing was counted."""
        return self.hits / self.total if self.total else None


@dataclass
class RecordScore:
    """The scores of one record: its body score and, per count-based measure, (hits, total)."""

    truth: Truth
    body: DocumentScore
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def body_f1(self) -> float:
        """The F1 of this record's own precision and recall."""
        return summarize([self.body]).f1


def _exact_field(counts: dict[str, tuple[int, int]], name: str, want: str | None, got: str | None) -> None:
    if normalise(want):
        counts[name] = (int(normalise(got) == normalise(want)), 1)
    else:
        counts[f"{name}_spurious"] = (int(bool(normalise(got))), 1)


def _set_field(counts: dict[str, tuple[int, int]], name: str, want: Iterable[str], got: Iterable[str]) -> None:
    gold, predicted = normalised_set(want), normalised_set(got)
    true_positives = len(gold & predicted)
    counts[f"{name}_precision"] = (true_positives, len(predicted))
    counts[f"{name}_recall"] = (true_positives, len(gold))


def score_record(truth: Truth, got: Prediction) -> RecordScore:
    """Score one prediction against its gold record (README definitions)."""
    score = RecordScore(truth, score_document(truth.body, got.text))
    counts = score.counts
    if truth.noise is not None:
        body = normalise(got.text)
        counts["noise_leak"] = (sum(normalise(s) in body for s in truth.noise), len(truth.noise))
    _exact_field(counts, "title", truth.title, got.title)
    _exact_field(counts, "dateline", truth.dateline, got.dateline)
    if truth.published:
        want = truth.published[: truth.published_chars]
        counts["published"] = (int(got.published is not None and got.published.startswith(want)), 1)
    counts["authors"] = (int(normalised_set(truth.authors) == normalised_set(got.authors)), 1)
    _set_field(counts, "credits", truth.credits, got.credits)
    if truth.captions is not None:
        _set_field(counts, "captions", truth.captions, got.captions)
    return score


# -- summing up ---------------------------------------------------------------------------

BODY = ("body_precision", "body_recall", "body_f1", "body_exact")
#: Count-based measures in table order; published is named "published day" on aeb-dumps.
MEASURES = (
    "noise_leak", "title", "title_spurious", "dateline", "dateline_spurious", "published", "authors",
    "credits_precision", "credits_recall", "captions_precision", "captions_recall",
)
LABELS = {
    "body_precision": "body precision", "body_recall": "body recall", "body_f1": "body F1",
    "body_exact": "body exact", "noise_leak": "noise leak (lower is better)", "title": "title",
    "title_spurious": "title spurious", "dateline": "dateline", "dateline_spurious": "dateline spurious",
    "published": "published", "authors": "authors", "credits_precision": "credits precision",
    "credits_recall": "credits recall", "captions_precision": "captions precision",
    "captions_recall": "captions recall",
}


def aggregate(scores: Sequence[RecordScore]) -> dict[str, Any]:
    """Every measure over ``scores``: floats for the body, ``Ratio`` for the rest."""
    summary = summarize(s.body for s in scores)
    out: dict[str, Any] = {
        "records": len(scores),
        "body_precision": summary.precision,
        "body_recall": summary.recall,
        "body_f1": summary.f1,
        "body_exact": summary.accuracy,
    }
    for name in MEASURES:
        ratio = Ratio()
        present = False
        for score in scores:
            if name in score.counts:
                present = True
                ratio.add(*score.counts[name])
        if present:
            out[name] = ratio
    return out


def _cell(value: Any) -> str:
    if isinstance(value, Ratio):
        if value.value is None:
            return f"{'-':>5} ({value.hits}/{value.total})"
        return f"{value.value:.3f} ({value.hits}/{value.total})"
    return f"{value:.3f}"


def print_table(title: str, results: dict[str, dict[str, Any]], label_of: dict[str, str]) -> None:
    """One row per measure, one column per system."""
    systems = list(results)
    names = [n for n in (*BODY, *MEASURES) if any(n in r for r in results.values())]
    width = max(len(label_of.get(n, LABELS[n])) for n in names)
    print(f"\n{title}")
    print(f"| {'measure':<{width}} | " + " | ".join(f"{s:>17}" for s in systems) + " |")
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * 19 for _ in systems) + "|")
    for name in names:
        cells = " | ".join(f"{_cell(results[s][name]) if name in results[s] else '':>17}" for s in systems)
        print(f"| {label_of.get(name, LABELS[name]):<{width}} | {cells} |")


CORPUS_COLUMNS = ("body_f1", "body_precision", "body_recall", "noise_leak", "title", "title_spurious", "dateline",
                  "authors", "credits_recall", "captions_recall")
SHORT = {"body_f1": "F1", "body_precision": "P", "body_recall": "R", "noise_leak": "leak", "title": "title",
         "title_spurious": "t.spur", "dateline": "dateline", "authors": "authors", "credits_recall": "cred.R",
         "captions_recall": "capt.R"}


def print_corpora(system: str, by_corpus: dict[str, dict[str, Any]]) -> None:
    """The main measures of one system, per corpus (shares only; '-' when the corpus has none to score)."""
    print(f"\ntext-gold per corpus, {system}:")
    print(f"| {'corpus':<22} | {'n':>3} | " + " | ".join(f"{SHORT[c]:>8}" for c in CORPUS_COLUMNS) + " |")
    print(f"|{'-' * 24}|-----|" + "|".join("-" * 10 for _ in CORPUS_COLUMNS) + "|")
    for corpus, row in by_corpus.items():
        cells = []
        for column in CORPUS_COLUMNS:
            value = row.get(column)
            number = value.value if isinstance(value, Ratio) else value
            cells.append(f"{number:8.3f}" if number is not None else f"{'-':>8}")
        print(f"| {corpus:<22} | {row['records']:>3} | " + " | ".join(cells) + " |")


def print_worst(system: str, scores: Sequence[RecordScore], count: int) -> None:
    """The ``count`` records with the lowest body F1."""
    ranked = sorted(scores, key=lambda s: (s.body_f1, s.truth.id))[:count]
    print(f"\n{count} worst by body F1, {system}:")
    for score in ranked:
        summary = summarize([score.body])
        print(f"  {summary.f1:.3f}  P {summary.precision:.3f}  R {summary.recall:.3f}  "
              f"{score.truth.corpus:<22} {score.truth.id} {score.truth.url}".rstrip())


def _jsonable(results: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in results.items():
        if isinstance(value, Ratio):
            out[name] = {"value": value.value, "hits": value.hits, "total": value.total}
        else:
            out[name] = value
    return out


def _record_json(score: RecordScore) -> dict[str, Any]:
    summary = summarize([score.body])
    return {
        "id": score.truth.id, "corpus": score.truth.corpus,
        "body_precision": summary.precision, "body_recall": summary.recall, "body_f1": summary.f1,
        **{name: list(pair) for name, pair in score.counts.items()},
    }


# -- main --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Score the chosen systems on the chosen sets, print the tables, and write JSON on request."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which labelled set to score")
    parser.add_argument("--only", choices=SYSTEMS, help="run one system only")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N records with the lowest body F1")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every score as JSON to PATH")
    args = parser.parse_args(argv)
    systems = [args.only] if args.only else list(SYSTEMS)
    chosen = list(SETS) if args.set == "all" else [args.set]

    report: dict[str, Any] = {"systems": systems, "sets": {}}
    for set_name in chosen:
        path = args.data / SETS[set_name]
        if not path.is_file():
            print(f"skipping {set_name}: no data at {path}", file=sys.stderr)
            continue
        truths = load(path, READERS[set_name])
        scores = {s: [score_record(t, RUNNERS[s](t.input)) for t in truths] for s in systems}
        results = {s: aggregate(scores[s]) for s in systems}
        labels = {"published": "published day"} if set_name == "aeb-dumps" else {}
        print_table(f"{set_name}: {len(truths)} records", results, labels)
        entry: dict[str, Any] = {"records": len(truths), "scores": {s: _jsonable(r) for s, r in results.items()}}
        corpora = sorted({t.corpus for t in truths})
        if len(corpora) > 1:
            entry["corpora"] = {}
            for system in systems:
                by_corpus = {c: aggregate([s for s in scores[system] if s.truth.corpus == c]) for c in corpora}
                print_corpora(system, by_corpus)
                entry["corpora"][system] = {c: _jsonable(r) for c, r in by_corpus.items()}
        if args.worst:
            for system in systems:
                print_worst(system, scores[system], args.worst)
        entry["per_record"] = {s: [_record_json(r) for r in scores[s]] for s in systems}
        report["sets"][set_name] = entry

    if not report["sets"]:
        print("no labelled data found: nothing scored", file=sys.stderr)
        return 0
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
