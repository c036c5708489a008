"""The command line: formats, explain, stdin, errors, python -m."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import Article
from copydesk._cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aleppo.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_json_article(capsys):
    code, out, err = run(capsys, "parse", str(EXAMPLE))
    assert code == 0 and err == ""
    article = Article.from_dict(json.loads(out))
    assert article.title.startswith("Aleppo siege ends")


def test_jsonl_gives_one_line_per_file(capsys, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Second story\n\nIt is short.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--format", "jsonl", str(EXAMPLE), str(other))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert json.loads(lines[1])["title"] == "Second story"


def test_json_with_several_files_is_a_list(capsys, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Second story\n\nIt is short.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(EXAMPLE), str(other))
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and len(data) == 2


def test_text_and_markdown_formats(capsys):
    _, text, _ = run(capsys, "parse", "--format", "text", str(EXAMPLE))
    assert text.splitlines()[0].startswith("Aleppo siege ends")
    _, markdown, _ = run(capsys, "parse", "--format", "markdown", str(EXAMPLE))
    assert markdown.startswith("# Aleppo siege ends")


def test_explain_lists_every_block_with_rule(capsys):
    code, out, _ = run(capsys, "parse", "--explain", str(EXAMPLE))
    assert code == 0
    rows = [line for line in out.splitlines() if not line.startswith(" ")]
    article = Article.from_dict(json.loads(run(capsys, "parse", str(EXAMPLE))[1]))
    assert len(rows) == len(article.blocks)
    assert all(":" in row for row in rows)


def test_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin\n\nA body line.")))
    code, out, _ = run(capsys, "parse", "-")
    assert code == 0 and json.loads(out)["title"] == "From stdin"


def test_html_is_detected_and_can_be_forced(capsys, tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<!DOCTYPE html><html><head><title>Page title</title></head>"
                    "<body><h1>Page title</h1><p>Some body text here.</p></body></html>", encoding="utf-8")
    _, out, _ = run(capsys, "parse", str(page))
    assert "<p>" not in out
    _, forced, _ = run(capsys, "parse", "--text", "--format", "text", str(page))
    assert "<p>" not in forced  # stray tags are stripped from text too, but it is parsed as text


def test_missing_file_is_an_error_with_advice(capsys, tmp_path):
    code, out, err = run(capsys, "parse", str(tmp_path / "nope.txt"))
    assert code == 1 and out == ""
    assert "cannot read" in err and "check the path" in err


def test_no_command_prints_help_and_fails(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "parse" in err


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "copydesk", "parse", "--format", "jsonl", str(EXAMPLE)],
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema_version"] == 1


@pytest.mark.parametrize("argv", [["--version"]])
def test_version(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "copydesk" in capsys.readouterr().out


# -- issue 11: parse reads what batch reads, says what went wrong, takes the parse options ---------------


def test_a_gzipped_file_is_decompressed(capsys, tmp_path):
    import gzip

    packed = tmp_path / "a.txt.gz"
    packed.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    code, out, err = run(capsys, "parse", str(packed))
    assert code == 0, err
    assert json.loads(out)["title"].startswith("Aleppo siege ends")


def test_jsonl_and_folders_give_one_article_per_record(capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": n, "text": f"Story {n}\n\nBody {n}."}) + "\n" for n in range(3)),
                    encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--format", "jsonl", str(feed))
    assert code == 0 and [json.loads(line)["title"] for line in out.splitlines()] == ["Story 0", "Story 1", "Story 2"]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("First\n\nBody.", encoding="utf-8")
    (folder / "b.txt").write_text("Second\n\nBody.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(folder))
    assert code == 0 and [a["title"] for a in json.loads(out)] == ["First", "Second"]


@pytest.mark.parametrize(("data", "why"), [
    (b"", "no text"),
    (b"   \n\n ", "no text"),
    (bytes(range(256)) * 4, "binary"),
])
def test_an_empty_or_binary_input_fails_with_a_message(capsys, tmp_path, data, why):
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    code, _, err = run(capsys, "parse", str(path))
    assert code == 1
    assert "input.bin" in err and why in err


def test_an_unreadable_input_fails_with_a_message(capsys, tmp_path):
    import gzip

    broken = tmp_path / "cut.txt.gz"
    broken.write_bytes(gzip.compress(b"Title\n\nBody " * 1000)[:30])
    code, _, err = run(capsys, "parse", str(broken))
    assert code == 1 and "cut.txt.gz" in err and "cannot read" in err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "markdown"])
def test_explain_works_with_every_format(capsys, fmt):
    code, out, err = run(capsys, "parse", "--explain", "--format", fmt, str(EXAMPLE))
    assert code == 0, err
    article = Article.from_dict(json.loads(run(capsys, "parse", str(EXAMPLE))[1]))
    if fmt in ("json", "jsonl"):
        explained = json.loads(out.splitlines()[0] if fmt == "jsonl" else out)
        assert [b["kind"] for b in explained["blocks"]] == [b.kind.value for b in article.blocks]
        assert all(b["rule"] and "text" in b for b in explained["blocks"])
    else:
        rows = [line for line in out.splitlines() if not line.startswith(" ")]
        assert len(rows) == len(article.blocks)


def test_parse_options_are_flags(capsys, tmp_path):
    dated = tmp_path / "d.txt"
    dated.write_text("A title here\n\n03/04/2016\n\nThe body of the story, long enough to be a paragraph.",
                     encoding="utf-8")
    _, us, _ = run(capsys, "parse", "--month-first", str(dated))
    _, eu, _ = run(capsys, "parse", "--day-first", str(dated))
    assert json.loads(us)["published"]["iso"].startswith("2016-03-04")
    assert json.loads(eu)["published"]["iso"].startswith("2016-04-03")
    quoted = tmp_path / "q.txt"
    quoted.write_text("Title\n\nHe said \u201cyes\u201d to it.", encoding="utf-8")
    _, straight, _ = run(capsys, "parse", "--straight-quotes", "--format", "text", str(quoted))
    assert '"yes"' in straight


def test_every_flag_maps_to_a_config_option():
    import argparse

    import attrs

    from copydesk import ParseConfig
    from copydesk._cli_options import _SWITCHES, add_config_flags, config_from_args

    parser = argparse.ArgumentParser()
    add_config_flags(parser)
    for flag, group, option, value, _ in _SWITCHES:
        config = config_from_args(parser.parse_args([flag]))
        assert getattr(getattr(config, group), option) == value, flag
        assert attrs.evolve(config, **{group: getattr(ParseConfig(), group)}) == ParseConfig(), flag


def test_a_terminal_on_standard_input_gets_a_waiting_notice(capsys, monkeypatch):
    class Terminal(io.TextIOWrapper):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"Typed\n\nA body line.")))
    code, out, err = run(capsys, "parse")
    assert code == 0 and "reading standard input" in err and "Ctrl-D" in err
    assert json.loads(out)["title"] == "Typed"


def test_no_notice_when_standard_input_is_a_pipe(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped\n\nA body line.")))
    _, _, err = run(capsys, "parse")
    assert err == ""
