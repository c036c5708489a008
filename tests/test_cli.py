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
