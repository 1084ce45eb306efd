"""``quiz validate``: the cap per file, --show, shared titles and --watch."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.format.rules import MAX_FILE_BYTES
from tests.test_e2e import CTRL_C, Terminal, env

GOOD = "title: Capitals\nquestions:\n  - id: us\n    prompt: Capital of the USA?\n"
GOOD += "    choices: [Washington, D.C., Ottawa]\n    answer: Washington\n    explanation: E\n"


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


def test_at_most_fifty_diagnostics_per_file_then_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("title: T\nquestions:\n" + "  - {}\n" * 5000, encoding="utf-8")
    code, lines = validate(capsys, str(path))
    assert code == 1
    assert len(lines) == 52
    assert lines[0] == f"{path}:3:5: error: question 1 is missing 'id'"
    # 1,000 errors and the note that checking stopped, 250 warnings of the questions
    # checked until then: 1,251 in all, 50 of them shown.
    assert lines[50] == f"{path}: ... and 1,201 more"
    assert lines[51] == f"1001 errors in {path}, 250 warnings."


def test_a_file_over_the_limit_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    code, lines = validate(capsys, str(path))
    assert code == 1
    assert lines[0] == (
        f"{path}:1:1: error: the file is 100,000,001 bytes; a question file may be at most "
        "100,000,000 bytes (100 MB): split it into several banks"
    )


def test_show_prints_each_question_as_the_game_asks_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, lines = validate(capsys, "--show", str(path))
    assert code == 0
    assert lines == [
        "Capitals",
        "",
        "1. [us, single, medium]",
        "   Capital of the USA?",
        "    1) Washington  ✓ answer",
        "    2) D.C.",
        "    3) Ottawa",
        "   why: E",
        "(The game shows choices and items in a random order.)",
        "The file is valid.",
    ]


def test_a_title_two_banks_share_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text("# mine\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    code, lines = validate(capsys, str(tmp_path))
    assert code == 0
    assert lines == [
        f"{tmp_path / 'a.yaml'}:2:1: warning: the title 'Capitals' is also the title of "
        f"{tmp_path / 'b.yaml'}; stats and review tell banks apart by title, so give each bank "
        "its own",
        f"{tmp_path / 'b.yaml'}:1:1: warning: the title 'Capitals' is also the title of "
        f"{tmp_path / 'a.yaml'}; stats and review tell banks apart by title, so give each bank "
        "its own",
        "All 2 files are valid, 2 warnings.",
    ]


@pytest.mark.slow
def test_watch_checks_again_on_every_save(tmp_path: Path) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text(GOOD, encoding="utf-8")
    term = Terminal(["validate", "--watch", str(tmp_path)], env(QUIZ_CACHE_DIR=str(tmp_path / "c")))
    term.wait_for("The file is valid.")
    term.wait_for("Watching for changes")
    time.sleep(0.5)
    path.write_text(GOOD.replace("    prompt: Capital", "    prompt Capital"), encoding="utf-8")
    screen = term.wait_for("needs a colon")
    # The screen is 80 columns wide: the long line wraps.
    joined = screen.replace("\n", "")
    assert "capitals.yaml:4:5: error: 'prompt' needs a colon: prompt: Capital of the USA?" in joined
    assert "The file is valid." not in screen
    path.write_text(GOOD, encoding="utf-8")
    term.wait_for("The file is valid.")
    term.send(CTRL_C)
    assert term.finish() == 130


@pytest.mark.parametrize("escape", ["\\U00110000", "\\UFFFFFFFF"])
@pytest.mark.parametrize("command", [["validate"], ["list"], ["play", "--plain"]])
def test_an_escape_past_the_last_character_is_an_error_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], escape: str, command: list[str]
) -> None:
    path = tmp_path / "escape.yaml"
    path.write_text(GOOD.replace("explanation: E", f'explanation: "x {escape}"'), encoding="utf-8")
    code = main([*command, str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert "this escape is not a character (the highest is \\U0010FFFF)" in out + err
    if command == ["validate"]:
        assert f"{path}:7:21: error: this escape is not a character" in out


def test_a_title_a_bank_of_the_library_has_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.library.sources import builtin_dir

    builtin = sorted(builtin_dir().glob("*.yaml"))[0]
    title = builtin.read_text(encoding="utf-8").split("title: ", 1)[1].split("\n")[0]
    path = tmp_path / "copy.yaml"
    path.write_text(GOOD.replace("title: Capitals", f"title: {title}"), encoding="utf-8")
    code, lines = validate(capsys, str(path))
    assert code == 0
    assert lines[0].startswith(
        f"{path}:1:1: warning: the title '{title}' is also the title of {builtin}; "
    )
    # The built-in file itself, checked, does not warn about itself.
    code, lines = validate(capsys, str(builtin))
    assert not any("is also the title" in line for line in lines)


def test_a_copy_of_the_same_bytes_is_not_warned_about_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A checkout's bank beside the installed one is the same bank, not a clash.
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("# other\n" + GOOD, encoding="utf-8")
    code, lines = validate(capsys, str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert code == 0
    assert lines == ["All 2 files are valid."]
    code, lines = validate(capsys, str(tmp_path))
    assert lines[-1] == "All 3 files are valid, 3 warnings."
    assert lines[0] == (
        f"{tmp_path / 'a.yaml'}:1:1: warning: the title 'Capitals' is also the title of "
        f"{tmp_path / 'c.yaml'}; stats and review tell banks apart by title, so give each bank "
        "its own"
    )


def test_a_bank_is_validated_by_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.library.sources import builtin_dir

    code, lines = validate(capsys, "soyuz-2024")
    where = builtin_dir() / "soyuz-2024.yaml"
    assert (code, lines) == (0, [f"soyuz-2024 is {where}", "The file is valid."])
    assert main(["validate", "soyuz"]) == 1
    assert "no bank named 'soyuz' (did you mean 'soyuz-2024'?)" in capsys.readouterr().err


def test_a_loop_of_symbolic_links_is_the_file_s_own_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.yaml").symlink_to(tmp_path / "two.yaml")
    (tmp_path / "two.yaml").symlink_to(tmp_path / "one.yaml")
    code, lines = validate(capsys, str(tmp_path / "one.yaml"))
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'one.yaml'}:1:1: error: cannot read the file: ")
    assert "symbolic links" in lines[0]
