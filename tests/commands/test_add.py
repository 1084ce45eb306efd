"""``quiz add``: the wizard through a pipe (plain mode) and in a pseudo-terminal."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from quiz.format.checker import check_text
from quiz.format.starter import STARTER_BANK
from tests.test_e2e import CTRL_C, DOWN, ENTER, SPACE, Terminal, env, quiz_command


def quiz(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*quiz_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env(NO_COLOR="1"),
    )


SINGLE = "\n".join(
    ["1", "Capital of the USA?", "", "Washington, D.C.", "New York", "", "1", "It is.", "",
     "", ""]
) + "\n"  # fmt: skip


def test_plain_mode_creates_a_file_that_validates(tmp_path: Path) -> None:
    path = tmp_path / "capitals.yaml"
    done = quiz("add", str(path), "--plain", stdin="Capitals\n" + SINGLE)
    assert done.returncode == 0, done.stderr
    assert f"Added question 'capital-of-the-usa' to {path}" in done.stdout
    report = check_text(path.read_text(encoding="utf-8"), str(path))
    assert report.errors == ()
    assert report.bank is not None
    (question,) = report.bank.questions
    # One choice, not two: the wizard writes a list one entry per line.
    assert question.choices == ("Washington, D.C.", "New York")
    assert question.answers == ("Washington, D.C.",)
    assert quiz("validate", str(path)).returncode == 0


def test_plain_mode_appends_keeping_comments_and_layout(tmp_path: Path) -> None:
    path = tmp_path / "starter.yaml"
    before = STARTER_BANK.format(filename=path.name)
    path.write_text(before, encoding="utf-8")
    done = quiz("add", str(path), "--plain", stdin=SINGLE)
    assert done.returncode == 0, done.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "\n  - id: capital-of-the-usa\n    type: single\n    prompt: Capital of the USA?\n"
        "    choices:\n      - Washington, D.C.\n      - New York\n"
        "    answer: Washington, D.C.\n    explanation: It is.\n"
    )


def test_a_list_in_brackets_is_round_tripped_keeping_comments(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text(
        "# my bank\ntitle: F  # the title\nquestions: [{id: a, prompt: P, choices: [x, y], "
        "answer: x, explanation: E}]\ntags: [t]  # shared\n",
        encoding="utf-8",
    )
    done = quiz("add", str(path), "--plain", stdin=SINGLE)
    assert done.returncode == 0, done.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# my bank\ntitle: F  # the title\n")
    assert "# shared" in after
    report = check_text(after, str(path))
    assert report.bank is not None
    assert [q.id for q in report.bank.questions] == ["a", "capital-of-the-usa"]


def test_the_end_of_input_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "starter.yaml"
    before = STARTER_BANK.format(filename=path.name)
    path.write_text(before, encoding="utf-8")
    done = quiz("add", str(path), "--plain", stdin="1\nHalf a question\n")
    assert done.returncode == 130
    assert path.read_text(encoding="utf-8") == before
    assert list(tmp_path.iterdir()) == [path]


def test_a_broken_file_is_refused_before_asking(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: T\nquestions:\n  - id: a\n    prompt What?\n", encoding="utf-8")
    done = quiz("add", str(path), "--plain", stdin=SINGLE)
    assert done.returncode == 1
    assert f"'{path}' has errors; fix them first (see: quiz validate {path})" in done.stderr


def test_plain_mode_checks_each_answer_as_it_goes(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    script = "\n".join(
        ["T", "2", "Which are gas giants?", "bad id!", "", "Jupiter", "jupiter", "Saturn",
         "Mars", "", "5", "1 3", "Both are mostly hydrogen.", "", "3", "planets"]
    ) + "\n"  # fmt: skip
    done = quiz("add", str(path), "--plain", stdin=script)
    assert done.returncode == 0, done.stderr
    assert "An id holds only letters, digits, '-' and '_'." in done.stdout
    assert "'jupiter' is already in the list." in done.stdout
    assert "Please type numbers from 1 to 3, like 1 3." in done.stdout
    report = check_text(path.read_text(encoding="utf-8"), str(path))
    assert report.bank is not None
    (question,) = report.bank.questions
    assert question.answers == ("Jupiter", "Mars")
    assert question.difficulty == "hard"
    assert question.tags == ("planets",)


@pytest.mark.slow
def test_the_wizard_in_a_terminal_writes_a_question_that_plays(tmp_path: Path) -> None:
    path = tmp_path / "space.yaml"
    term = Terminal(["add", str(path)], env(QUIZ_DATA_DIR=str(tmp_path / "data")))
    term.wait_for("Title of the bank")
    term.send("Space" + ENTER)
    term.wait_for("Question type")
    term.send(DOWN + ENTER)  # multi
    term.wait_for("Prompt")
    term.send("Which planets are gas giants?" + ENTER)
    term.wait_for("Id (unique in the file)")
    term.send(ENTER)
    for choice in ("Jupiter", "Mars", "Saturn"):
        term.wait_for("Choice")
        term.send(choice + ENTER)
        time.sleep(0.2)
    term.send(ENTER)  # an empty line ends the choices
    term.wait_for("The right choices")
    term.send(SPACE + DOWN + DOWN + SPACE + ENTER)
    term.wait_for("Explanation")
    term.send("Both are mostly hydrogen." + ENTER)
    term.wait_for("Hint")
    term.send(ENTER)
    term.wait_for("Difficulty")
    term.send(ENTER)
    term.wait_for("Tags")
    term.send(ENTER)
    term.wait_for("Added question 'which-planets-are-gas'")
    assert term.finish() == 0
    assert quiz("validate", str(path)).returncode == 0
    played = quiz("play", str(path), "--plain", "--no-shuffle", stdin="1 3\n")
    assert played.returncode == 0, played.stderr
    assert "Which planets are gas giants?" in played.stdout
    assert "Right: 1 of 1." in played.stdout


@pytest.mark.slow
def test_ctrl_c_in_the_wizard_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "starter.yaml"
    before = STARTER_BANK.format(filename=path.name)
    path.write_text(before, encoding="utf-8")
    term = Terminal(["add", str(path)], env())
    term.wait_for("Question type")
    term.send(ENTER)
    term.wait_for("Prompt")
    term.send("Half a question" + ENTER)
    term.wait_for("Id (unique in the file)")
    term.send(CTRL_C)
    assert term.finish() == 130
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["starter.yaml"]


def test_a_failing_round_trip_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from quiz.cli import main
    from quiz.commands import add

    def broken(text: str, fields: object) -> str:
        raise ValueError("chr() arg not in range(0x110000)")

    path = tmp_path / "flow.yaml"
    before = "title: F\nquestions: [{id: a, prompt: P, choices: [x, y], answer: x}]\n"
    path.write_text(before, encoding="utf-8")
    monkeypatch.setattr(add, "_round_trip", broken)
    monkeypatch.setattr("sys.stdin", io.StringIO(SINGLE))
    assert main(["add", str(path)]) == 1
    err = capsys.readouterr().err
    assert "quiz: error: cannot add to" in err
    assert "'questions' is written on one line (in brackets)" in err
    assert "rewriting it failed (ValueError)" in err
    assert path.read_text(encoding="utf-8") == before


def test_piped_answers_are_echoed_and_a_type_is_taken_by_its_name(tmp_path: Path) -> None:
    """Stranger S#17: each piped line shows after its prompt, as plain play echoes it,
    escaped; ``text`` picks ``4) text: type the answer``; S#20: bytes that are not
    UTF-8 are shown as escapes, and asked again."""
    path = tmp_path / "m2.yaml"
    script = b"Mine\n\xff\xfe\nbogus\nText\nWho flew Vostok 1?\n\nGagarin\n\nHe did.\n\n\n\n"
    done = subprocess.run(
        [*quiz_command(), "add", str(path)],
        input=script,
        capture_output=True,
        timeout=60,
        env=env(NO_COLOR="1"),
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr
    lines = out.splitlines()
    assert "Title of the bank: Mine" in lines
    assert "Number or name [1]: \\xff\\xfe" in lines
    assert "That line is not valid text (UTF-8); please type it again." in lines
    assert "Number or name [1]: bogus" in lines
    names = "single, multi, boolean, text, number, order, match"
    assert f"Please type a number from 1 to 7, or a name ({names})." in lines
    assert "Number or name [1]: Text" in lines
    assert "Prompt (the question): Who flew Vostok 1?" in lines
    assert "Accepted answer 1: Gagarin" in lines
    assert "Ctrl-D" not in out  # a script is not told how to stop
    report = check_text(path.read_text(encoding="utf-8"), str(path))
    assert report.bank is not None
    (question,) = report.bank.questions
    assert question.type == "text" and question.answers == ("Gagarin",)


def test_an_echoed_control_character_is_escaped(tmp_path: Path) -> None:
    done = quiz("add", str(tmp_path / "e.yaml"), stdin="T\n4\nA\x1b]0;x\x07\n")
    assert "Prompt (the question): A\\x1b]0;x\\x07" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


@pytest.mark.slow
def test_under_term_dumb_the_wizard_asks_line_by_line(tmp_path: Path) -> None:
    """Stranger S#6: TERM=dumb is plain by itself, as play is: no arrow-key list, no
    reverse video; a person at the terminal is told once how to stop."""
    path = tmp_path / "z.yaml"
    term = Terminal(["add", str(path)], env(TERM="dumb"))
    term.wait_for("Title of the bank:")
    term.send("Dumb" + ENTER)
    screen = term.wait_for("Number or name [1]:")
    assert "4) text: type the answer" in screen
    assert screen.count("Ctrl-D on an empty line stops; nothing is written.") == 1
    term.send("number" + ENTER)
    term.wait_for("Prompt (the question):")
    term.send("\x04")  # Ctrl-D on an empty line
    assert term.finish() == 130
    assert b"(Use arrow keys)" not in term.transcript and b"\x1b[7m" not in term.transcript
    assert not path.exists()
