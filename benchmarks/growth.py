"""Growth benchmark (issue 12): is parsing linear on hostile inputs?

Usage::

    PYTHONPATH=src python benchmarks/growth.py                # every case, then the 30 MB page
    PYTHONPATH=src python benchmarks/growth.py --case nested_time --case ab_dot_cd
    PYTHONPATH=src python benchmarks/growth.py --no-big       # skip the 30 MB page
    PYTHONPATH=src python benchmarks/growth.py --only-big     # just the 30 MB page
    PYTHONPATH=src python benchmarks/growth.py --list         # the cases and what they build
    PYTHONPATH=src python benchmarks/growth.py --memory       # peak memory of a 1, 4 and 16 MB record

(Without ``PYTHONPATH`` the script puts this tree's ``src`` first on the path
itself, so it always measures the code next to it.)

For each input of issue 12 that was found to grow faster than its size, the
script times the parse at 1x and at ``--factor`` (8) times the size and prints
``case, t1, t8, ratio, ok``; a case is ok when ``t8 / t1 <= --limit`` (10:
linear code gives about 8, a quadratic one about 64). The two sizes are
measured in one process, in turn, ``--rounds`` times (5), and each size's
best time counts, so a burst of load on a shared machine falls on both alike.
The 1x sizes are chosen so a linear parse takes about 20-100 ms; calls too
quick to time (the HTML detector) are repeated until one measurement takes at
least 20 ms, with the same repeat count at 8x.

Every case runs in a subprocess with a time cap (``--timeout``, 120 s):
a case that does not finish is reported as ``timeout`` and fails, so the
benchmark itself cannot hang. Then, separately, a 30 MB page of repeated
paragraphs must parse in under 60 s (also capped); its peak memory is printed.

Exit status: 0 when every case is ok and the 30 MB page parses in time, 1
otherwise. This is a benchmark, not a test: the test suite has the matching
correctness checks (tests/test_hostile_input.py, tests/test_batch_hostile.py)
and no timed assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH") and (ROOT / "src" / "copydesk").is_dir() and str(ROOT / "src") not in sys.path:
    # Only without PYTHONPATH: with it, the tree it names is measured (the baseline, say).
    sys.path.insert(0, str(ROOT / "src"))

SENTENCE = "A sentence long enough to be taken for the body of an article, with a comma or two."
PARAGRAPH = "A storm hit the coast on Monday, cutting power to thousands of homes along the shore."
BODY = ("The minister said on Monday that the new bridge over the river would open next spring "
        "after years of delay and debate.")
MIN_MEASURE = 0.020  # seconds: repeat quick calls until one measurement takes this long


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body><article><h1>Title</h1>{body}</article></body></html>"


def _comments(n: int) -> bytes:
    return b"<!---->" * n + b"\nStorm hits the coast\n\nA storm hit the coast on Monday."


def _minified_js(n: int) -> str:
    return "(function(){window.App=window.App||{};App.Router=function(){return this.State.Current}})();" * n


def _short_lines(n: int) -> str:
    # Each short line (no closing punctuation) restates a long paragraph: the pull-quote rule
    # compares it with every sentence sharing its words.
    return "Bridge story\n\n" + "\n\n".join(
        f"{BODY} Item {i}.\n\nThe minister said the new bridge would open in spring {i}" for i in range(n)
    )


def _distinct_short_lines(n: int) -> str:
    # Unlike _short_lines, every body sentence differs: identical sentences cannot be merged, so only
    # the bound on the sentences compared keeps this linear. (Numbers from 1000: the same number of
    # words at every size, as a number of three digits or more counts as a word.)
    return "Bridge story\n\n" + "\n\n".join(
        f"The minister said on day {1000 + i} that the new bridge over the river would open next spring after "
        f"delays.\n\nThe minister said the new bridge would open in spring {1000 + i}" for i in range(n)
    )


#: name -> (front end, builder(n), n at 1x, what it is)
CASES: dict[str, tuple[str, Callable[[int], Any], int, str]] = {
    "comments_before_doctype": (
        "detect", _comments, 10,
        "looks_like_html: n empty HTML comments, then text (exponential: _HTML_START backtracks)"),
    "repeated_p": (
        "html", lambda n: _page(f"<p>{SENTENCE}</p>" * n), 400,
        "the same <p> repeated n times (duplicate prediction vs the HTML duplicate rule)"),
    "bare_url_p": (
        "html", lambda n: _page("".join(f"<p>https://example.com/news/{i}</p>" for i in range(n))), 100,
        "n paragraphs that are bare URLs"),
    "nested_div_same_p": (
        "html", lambda n: _page(f"<div><p>{SENTENCE}</p>" * n + "</div>" * n), 300,
        "n nested divs, each holding the same paragraph (_score walks to the root)"),
    "img_tails": (
        "html", lambda n: "<p>x</p>" + "<img>ab" * n, 4000,
        "'<p>x</p>' + '<img>ab' * n (_html_load._remove appends each tail to its sibling)"),
    "nested_itemprop_author": (
        "html", lambda n: _page('<span itemprop="author">Jane Doe ' * n + "</span>" * n + f"<p>{PARAGRAPH}</p>"), 150,
        "n nested itemprop=author elements (get_text per subtree)"),
    "nested_time": (
        "html", lambda n: _page("<time>19 Nov 2019 " * n + "</time>" * n + f"<p>{PARAGRAPH}</p>"), 300,
        "n nested <time> elements (get_text per subtree)"),
    "nested_author_class": (
        "html", lambda n: _page('<span class="author">Jane Doe ' * n + "</span>" * n + f"<p>{PARAGRAPH}</p>"), 150,
        "n nested author-classed elements (the metadata walk reads each one's place)"),
    "nested_aside_blockquote": (
        "html", lambda n: _page("<aside><blockquote>Quote " * n + "</blockquote></aside>" * n + f"<p>{PARAGRAPH}</p>"),
        200, "n nested <aside><blockquote> inside <article> (_is_pull_quote_aside)"),
    "ab_dot_cd": (
        "text", lambda n: "ab.Cd" * n, 3000,
        "one line 'ab.Cd' * n, no spaces (_split._in_url slices and lowercases the token per match)"),
    "minified_js": (
        "text", _minified_js, 800,
        "minified JavaScript as text: one long line without spaces"),
    "short_lines_sharing_body": (
        "text", _short_lines, 80,
        "n long paragraphs each followed by a short line restating it (pull_quote._repeated_sentence)"),
    "distinct_sentences_sharing_lines": (
        "text", _distinct_short_lines, 80,
        "like short_lines_sharing_body, but every body sentence differs (the bounded sentence search)"),
    "bare_url_lines": (
        "text", lambda n: "Links\n\n" + "\n\n".join(f"https://example.com/news/{i}" for i in range(n))
        + f"\n\n{PARAGRAPH}", 500,
        "n lines that are bare links, then a paragraph (each line looks past the chrome after it)"),
    "nested_header_in_article": (
        "html", lambda n: _page("<header>Head " * n + "</header>" * n + f"<p>{PARAGRAPH}</p>"), 300,
        "n nested <header> in <article> (the chrome check asked each one's ancestors)"),
    "nested_aside_in_article": (
        "html", lambda n: _page("<aside>Side " * n + "</aside>" * n + f"<p>{PARAGRAPH}</p>"), 300,
        "n nested <aside> without a quotation in <article>"),
    "nested_role_complementary": (
        "html", lambda n: _page('<div role="complementary">x ' * n + "</div>" * n + f"<p>{PARAGRAPH}</p>"), 300,
        "n nested role=complementary elements in <article>"),
    "nested_header_h1_outside": (
        "html", lambda n: "<html><body>" + "<header>Head " * n + "<h1>Title</h1>" + "</header>" * n
        + f"<p>{PARAGRAPH}</p></body></html>", 300,
        "n nested <header> around the h1, outside any article (the h1 check read each subtree)"),
    "repeated_lines_keep_duplicates": (
        "text-nodup", lambda n: "Title\n\n" + "\n\n".join([SENTENCE] * n), 500,
        "the same line n times with ClassifyOptions(remove_duplicates=False)"),
}

BIG_BYTES = 30 * 1024 * 1024
BIG_LIMIT = 60.0  # seconds


def _big_page() -> str:
    paragraph = f"<p>{SENTENCE}</p>"
    return _page(paragraph * (BIG_BYTES // len(paragraph)))


# -- the measuring child --------------------------------------------------------------------------------


def _parser(front: str) -> Callable[[Any], Any]:
    if front == "detect":
        from copydesk._detect import looks_like_html  # private: the detector alone

        return looks_like_html
    import copydesk

    if front == "html":
        return copydesk.parse_html
    if front == "text":
        return copydesk.parse_text
    config = copydesk.ParseConfig(classify=copydesk.ClassifyOptions(remove_duplicates=False))
    return lambda data: copydesk.parse_text(data, config=config)


def _measure(function: Callable[[Any], Any], data: Any, reps: int) -> float:
    start = time.perf_counter()
    for _ in range(reps):
        function(data)
    return time.perf_counter() - start


def child(name: str, size: int, factor: int, rounds: int) -> dict[str, Any]:
    """Time case ``name`` at ``size`` and ``size * factor``, the two sizes in turn ``rounds`` times.

    Alternating the sizes within one process, a fraction of a second apart,
    lets a burst of load on a shared machine fall on both alike; each size's
    best measurement counts. A size slower than 5 s a call is measured once.
    """
    front, build, _, _ = CASES[name]
    function = _parser(front)
    small, large = build(size), build(size * factor)
    reps = 1  # calibrate: enough repeats for one measurement of the small size to take MIN_MEASURE
    while True:
        elapsed = _measure(function, small, reps)
        if elapsed >= MIN_MEASURE or reps >= 1_000_000:
            break
        reps = min(1_000_000, max(reps * 2, int(reps * MIN_MEASURE / max(elapsed, 1e-9)) + 1))
    best_small = best_large = float("inf")
    for _ in range(rounds):
        best_small = min(best_small, _measure(function, small, reps))
        best_large = min(best_large, _measure(function, large, reps))
        if best_large > 5.0:  # slow enough to be sure of
            break
    return {"t1": best_small / reps, "t8": best_large / reps, "reps": reps}


def _memory_input(front: str, megabytes: int) -> str:
    """A record of about ``megabytes`` MB: a page of paragraphs (html) or a text of paragraphs (text)."""
    size = megabytes * 1024 * 1024
    paragraphs = [f"{PARAGRAPH} {SENTENCE} Item {i}." for i in range(size // (len(PARAGRAPH) + len(SENTENCE)) + 1)]
    if front == "html":
        return _page("".join(f"<p>{p}</p>" for p in paragraphs))[:size]
    return "Title\n\n" + "\n\n".join(paragraphs)[:size]


def child_memory(front: str, megabytes: int) -> dict[str, Any]:
    """Peak resident memory of one parse of a record of ``megabytes`` MB, beyond what was in use before."""
    import copydesk

    data = _memory_input(front, megabytes)
    parse = copydesk.parse_html if front == "html" else copydesk.parse_text
    parse(data[:10_000])  # warm up: imports and caches
    before_kb = _current_rss_kb()
    start = time.perf_counter()
    parse(data)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": elapsed, "chars": len(data), "peak_mb": peak_kb / 1024,
            "extra_mb": max(peak_kb - before_kb, 0) / 1024}


def _current_rss_kb() -> int:
    """The resident memory now (Linux ``/proc``; the peak so far elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_big() -> dict[str, Any]:
    import copydesk

    html = _big_page()
    start = time.perf_counter()
    article = copydesk.parse_html(html)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": elapsed, "chars": len(html), "paragraphs": len(article.paragraphs),
            "removed": len(article.removed), "peak_mb": peak_kb / 1024}


# -- the parent ------------------------------------------------------------------------------------------


def _run_child(args: list[str], timeout: float) -> dict[str, Any] | str:
    """The child's JSON result, or ``"timeout"`` / ``"error: ..."``."""
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return "timeout"
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return f"error: {last}"
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:10.2f}"


def run_growth(names: list[str], factor: int, limit: float, timeout: float, rounds: int = 5) -> bool:
    print(f"{'case':32} {'t1 (ms)':>10} {'t8 (ms)':>10} {'ratio':>8}  ok   "
          f"(per call; x{factor} size; ok when ratio <= {limit:g}; best of {rounds} alternating rounds)")
    all_ok = True
    for name in names:
        _, _, size, _ = CASES[name]
        result = _run_child(["--child", name, "--size", str(size), "--factor", str(factor),
                             "--rounds", str(rounds)], timeout)
        if isinstance(result, str):
            print(f"{name:32} {result:>10} {'-':>10} {'-':>8}  FAIL", flush=True)
            all_ok = False
            continue
        ratio = result["t8"] / result["t1"]
        ok = ratio <= limit
        all_ok &= ok
        print(f"{name:32} {_ms(result['t1'])} {_ms(result['t8'])} {ratio:8.1f}  {'ok' if ok else 'FAIL'}",
              flush=True)
    return all_ok


def run_big(timeout: float) -> bool:
    result = _run_child(["--child-big"], timeout)
    label = f"30 MB page of repeated paragraphs (must parse in < {BIG_LIMIT:g} s)"
    if isinstance(result, str):
        print(f"{label}: {result} (cap {timeout:g} s)  FAIL")
        return False
    ok = result["seconds"] < BIG_LIMIT
    print(f"{label}: {result['seconds']:.1f} s, peak RSS {result['peak_mb']:.0f} MB, "
          f"{result['paragraphs']} paragraphs + {result['removed']} removed  {'ok' if ok else 'FAIL'}")
    return ok


def run_memory(timeout: float) -> None:
    """The peak memory one record of 1, 4 and 16 MB takes to parse, text and HTML (for the docs)."""
    print(f"{'record':16} {'seconds':>8} {'peak RSS':>10} {'beyond start':>13} {'per MB':>8}")
    for front in ("text", "html"):
        for megabytes in (1, 4, 16):
            result = _run_child(["--child-memory", front, "--size", str(megabytes)], timeout)
            label = f"{front} {megabytes} MB"
            if isinstance(result, str):
                print(f"{label:16} {result}")
                continue
            print(f"{label:16} {result['seconds']:8.1f} {result['peak_mb']:8.0f} MB {result['extra_mb']:10.0f} MB "
                  f"{result['extra_mb'] / megabytes:6.0f} x", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    parser.add_argument("--factor", type=int, default=8, help="the larger size, as a multiple of 1x (default 8)")
    parser.add_argument("--limit", type=float, default=10.0, help="largest acceptable t8/t1 (default 10)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="measure 1x and 8x in turn this many times, keeping each size's best (default 5)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="cap per case (both sizes, every round), in seconds (default 120)")
    parser.add_argument("--big-timeout", type=float, default=BIG_LIMIT + 15,
                        help="cap for the 30 MB page, building it and starting up included (default 75)")
    parser.add_argument("--no-big", action="store_true", help="skip the 30 MB page")
    parser.add_argument("--only-big", action="store_true", help="run only the 30 MB page")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--memory", action="store_true",
                        help="measure the peak memory of one 1, 4 and 16 MB record instead (text and HTML)")
    parser.add_argument("--child-memory", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-big", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.size, args.factor, args.rounds)))
        return 0
    if args.child_memory:
        print(json.dumps(child_memory(args.child_memory, args.size)))
        return 0
    if args.memory:
        run_memory(max(args.timeout, 300.0))
        return 0
    if args.child_big:
        print(json.dumps(child_big()))
        return 0
    if args.list:
        for name, (front, _, size, what) in CASES.items():
            print(f"{name:32} {front:10} 1x n={size:<6} {what}")
        return 0
    ok = True
    if not args.only_big:
        ok &= run_growth(args.case or list(CASES), args.factor, args.limit, args.timeout, args.rounds)
    if not args.no_big and not args.case:
        print()
        ok &= run_big(args.big_timeout)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
