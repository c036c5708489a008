"""The article-extraction-benchmark (aeb) body metric, written from its description.

Each text is tokenised with the Unicode regex ``\\w+``; a document's score
compares the multisets of 4-token shingles of the truth and the prediction:
``tp`` is the sum of the smaller count of each shingle, ``fp`` the shingles
predicted beyond the truth, ``fn`` the truth's shingles not predicted. The
three are normalised by their sum (so each document weighs the same).
Precision and recall are averaged over documents; F1 is computed from the two
averages. "Accuracy" is the share of documents whose token lists are equal.

>>> s = score_document("the cat sat on the mat", "the cat sat on the mat")
>>> (s.tp, s.fp, s.fn)
(1.0, 0.0, 0.0)
>>> summary = summarize([s])
>>> round(summary.f1, 3), summary.accuracy
(1.0, 1.0)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import attrs

# \w+ alone: a single character class with one quantifier, linear.
_TOKEN = re.compile(r"\w+")

SHINGLE_SIZE = 4


def tokenize(text: str) -> list[str]:
    """The text's tokens (``\\w+`` runs, Unicode).

    >>> tokenize("It's 4 o'clock.")
    ['It', 's', '4', 'o', 'clock']
    """
    return _TOKEN.findall(text)


def shingles(tokens: list[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles (a text shorter than ``size`` is one shingle).

    >>> sorted(shingles(["a", "b", "c", "d", "e"]).values())
    [1, 1]
    >>> shingles(["a"])
    Counter({('a',): 1})
    """
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@attrs.frozen
class DocumentScore:
    """Normalised tp/fp/fn of one document and whether its tokens match exactly."""

    tp: float
    fp: float
    fn: float
    exact: bool


def score_document(truth: str, prediction: str) -> DocumentScore:
    """Score one prediction against its truth.

    >>> s = score_document("a b c d e", "a b c d x")
    >>> (round(s.tp, 3), round(s.fp, 3), round(s.fn, 3), s.exact)
    (0.333, 0.333, 0.333, False)
    """
    truth_tokens = tokenize(truth)
    pred_tokens = tokenize(prediction)
    expected = shingles(truth_tokens)
    got = shingles(pred_tokens)
    tp = sum(min(count, got[key]) for key, count in expected.items())
    fp = sum(got.values()) - tp
    fn = sum(expected.values()) - tp
    total = tp + fp + fn
    exact = truth_tokens == pred_tokens
    if total == 0:
        return DocumentScore(0.0, 0.0, 0.0, exact)
    return DocumentScore(tp / total, fp / total, fn / total, exact)


@attrs.frozen
class Summary:
    """Averaged precision, recall, F1 and accuracy over documents."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    documents: int


def _precision(s: DocumentScore) -> float:
    if s.fp == 0 and s.fn == 0:
        return 1.0
    if s.tp == 0 and s.fp == 0:
        return 0.0
    return s.tp / (s.tp + s.fp)


def _recall(s: DocumentScore) -> float:
    if s.fp == 0 and s.fn == 0:
        return 1.0
    if s.tp == 0 and s.fn == 0:
        return 0.0
    return s.tp / (s.tp + s.fn)


def summarize(scores: Iterable[DocumentScore]) -> Summary:
    """Average per-document precision and recall and compute F1 from the averages.

    Precision is averaged over the documents where something was predicted
    (tp + fp > 0), recall over those with a truth (tp + fn > 0); a document
    with no error at all scores 1 for both.

    >>> summarize([score_document("a b c d", "a b c d"), score_document("a b c d", "")]).recall
    0.5
    >>> summarize([score_document("a b c d", "a b c d"), score_document("a b c d", "")]).precision
    1.0
    """
    scores = list(scores)
    precisions = [_precision(s) for s in scores if s.tp + s.fp > 0]
    recalls = [_recall(s) for s in scores if s.tp + s.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return Summary(precision, recall, f1, accuracy, len(scores))
