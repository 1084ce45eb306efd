"""Findings of the hostile-user attack of session 5 (issue 19), one test each: file names
that hold terminal escapes, and sources that never end or never open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main

EVIL = "evil\x1b]0;owned\x07\x1b[31m"
GIFT = "::a::Which planet is red? {=Mars ~Venus}\n\n::b::An essay. {}\n"


def no_escapes(text: str) -> None:
    """Fail when ``text`` holds a character that could drive the terminal."""
    assert "\x1b" not in text and "\x07" not in text, repr(text)


def test_import_shows_an_escaped_file_name_in_every_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"{EVIL}.gift"
    source.write_text(GIFT, encoding="utf-8")
    assert main(["import", str(source)]) == 0
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert "evil\\x1b]0;owned\\x07\\x1b[31m.gift:3: skipped:" in err
    assert "evil\\x1b]0;owned\\x07\\x1b[31m.yaml" in out


def test_import_errors_show_escaped_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"{EVIL}.gift"
    assert main(["import", str(source)]) == 1  # missing
    source.write_text(GIFT, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / f"{EVIL}.json")]) == 1
    (tmp_path / f"{EVIL}.yaml").write_text("x", encoding="utf-8")
    assert main(["import", str(source)]) == 1  # exists
    (tmp_path / f"{EVIL}.txt").write_bytes(b"\xff\xfe")
    assert main(["import", str(tmp_path / f"{EVIL}.txt")]) == 1  # not UTF-8
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert err.count("evil\\x1b]0;owned") == 4


def test_export_brief_new_show_escaped_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bank = f"{EVIL}.yaml"
    assert main(["new", bank]) == 0
    assert main(["new", bank]) == 1  # exists
    assert main(["export", bank, "--format", "aiken"]) == 0  # leaves some types out
    assert main(["brief", bank]) == 1  # the starter has no briefing
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert "left out" in err and "no briefing in 'evil\\x1b" in err
    assert (
        f"Exported 1 question from {bank}".replace("\x1b", "\\x1b").replace("\x07", "\\x07") in out
    )


def test_add_shows_an_escaped_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / f"{EVIL}.yaml"
    bad.write_bytes(b"title: \xff\n")
    assert main(["add", str(bad), "--plain"]) == 1
    assert main(["add", str(tmp_path / f"{EVIL}.txt"), "--plain"]) == 1
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert err.count("evil\\x1b") >= 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_import_of_a_fifo_nobody_writes_to_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "questions.gift"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "import", str(fifo)],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert "No questions converted" in done.stderr and "Traceback" not in done.stderr


def test_piped_standard_input_still_imports(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "import", "/dev/stdin", "-o", str(tmp_path / "p.yaml")],
        input=GIFT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr  # the format guessed from the content
    assert "Converted 1 question" in done.stdout


def test_a_source_over_the_size_limit_is_refused_not_read_to_its_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.importers.convert

    monkeypatch.setattr(quiz.importers.convert, "MAX_FILE_BYTES", len(GIFT) - 1)
    source = tmp_path / "big.gift"
    source.write_text(GIFT, encoding="utf-8")
    assert main(["import", str(source)]) == 1
    assert "more than a question file may be" in capsys.readouterr().err
    assert not (tmp_path / "big.yaml").exists()


@pytest.mark.parametrize(
    "name", [f"{EVIL}.yaml", "two\nquestions: []\n.yaml", "sep\u2028title: x.yml"]
)
def test_new_writes_a_valid_starter_whatever_its_name(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    assert main(["new", str(path)]) == 0
    assert main(["validate", str(path)]) == 0, capsys.readouterr()
    no_escapes(capsys.readouterr().out)


def test_validate_shows_escaped_names_in_its_own_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "[bold red]many\x1b[31m.yaml"
    broken = "title: Same\nquestions:\n" + "".join(
        f"  - id: q{i}\n    type: bogus\n" for i in range(60)
    )
    (tmp_path / name).write_text(broken, encoding="utf-8")
    twin = "title: Same\nquestions:\n  - id: a\n    type: boolean\n    prompt: P?\n"
    (tmp_path / "twin.yaml").write_text(twin + "    answer: true\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / name)]) == 1
    out = capsys.readouterr().out
    no_escapes(out)
    assert "[bold red]many\\x1b[31m.yaml: ... and" in out  # markup kept as text, too


def test_validate_escapes_the_other_file_of_a_shared_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = "title: Same\nquestions:\n  - id: a\n    type: boolean\n    prompt: P?\n"
    bank += "    answer: true\n    explanation: E.\n"
    (tmp_path / f"{EVIL}.yaml").write_text(bank, encoding="utf-8")
    (tmp_path / "other.yaml").write_text("# another\n" + bank, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "other.yaml"]) == 0
    out = capsys.readouterr().out
    no_escapes(out)
    assert "also the title of" in out and "evil\\x1b" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_add_to_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "questions.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "add", str(fifo), "--plain"],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert "is not a regular file" in done.stderr


def test_a_star_in_a_text_answer_is_the_character_in_gift_and_moodle_xml() -> None:
    from quiz.importers.convert import parse
    from quiz.importers.export_gift import export_gift
    from quiz.importers.export_moodle_xml import export_moodle_xml
    from quiz.model import Bank, QuestionType
    from tests.helpers import make_question

    question = make_question("star", QuestionType.TEXT, answers=("a*b", "c\\*d"))
    bank = Bank(name="b", title="Stars", questions=(question,))
    back = parse(export_gift(bank).data.decode(), "gift")
    assert back.skips == ()  # not read back as Moodle's wildcard
    assert back.questions[0].answers == ("a*b", "c\\*d")
    xml = export_moodle_xml(bank).data.decode()
    assert "<text>a\\*b</text>" in xml and "<text>c\\\\*d</text>" in xml


def test_an_error_quoting_a_name_from_the_command_line_shows_it_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["play", EVIL]) == 1
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert "no bank named 'evil\\x1b]0;owned\\x07\\x1b[31m'" in err


def test_with_standard_error_closed_an_error_is_not_written_to_standard_output(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "play", "nosuch"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        env={**os.environ, "QUIZ_DATA_DIR": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, b"")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_where_a_cache_entry_goes_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    assert main(["new", str(bank)]) == 0
    cache = Path(os.environ["QUIZ_CACHE_DIR"])
    assert main(["validate", str(bank)]) == 0
    for entry in cache.glob("*.bank"):
        entry.unlink()
        os.mkfifo(entry)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "validate", str(bank)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "valid" in done.stdout


def test_a_stop_while_a_cache_entry_is_read_is_not_taken_for_a_damaged_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.errors import GameInterrupted
    from quiz.library import cache
    from quiz.library.loading import catalogue

    bank = tmp_path / "bank.yaml"
    assert main(["new", str(bank)]) == 0
    assert main(["validate", str(bank)]) == 0

    def stopped(*_: object) -> None:
        raise GameInterrupted("stopped")  # as the SIGTERM handler raises it

    monkeypatch.setattr(cache, "_section", stopped)
    with pytest.raises(GameInterrupted):
        catalogue([bank])


def test_export_of_a_broken_bank_shows_its_escaped_name_on_every_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bank = tmp_path / f"{EVIL}.yaml"
    bank.write_text("title: T\nquestions:\n  - id: q\n    prompt: P\n", encoding="utf-8")
    assert main(["export", str(bank), "--format", "csv"]) == 1
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert err.count("evil\\x1b]0;owned\\x07\\x1b[31m.yaml:3:5: error:") == 2
