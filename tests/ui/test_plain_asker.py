"""The plain asker: parsing a line per question, re-asking on bad input, end of input."""

from __future__ import annotations

import io
import random
import re

import pytest
from rich.console import Console

from quiz.errors import GameInterrupted
from quiz.game.engine import GameOptions, Turn, plan, play
from quiz.ui.plain_asker import InvalidInput, PlainAsker, parse_number, parse_reply
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank


def turns() -> list[Turn]:
    return plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))


def console(width: int = 80) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None, theme=THEME)


@pytest.mark.parametrize(
    ("index", "line", "given"),
    [
        (0, "2", "B"),
        (0, " 3 ", "C"),
        (1, "1,3", ("A", "C")),
        (1, "3 1", ("A", "C")),
        (1, "1, 3, 3", ("A", "C")),
        (2, "Y", True),
        (2, "yes", True),
        (2, "TRUE", True),
        (2, "n", False),
        (2, "No", False),
        (2, "false", False),
        (3, "  Kazakhstan ", "Kazakhstan"),
        (4, "1975", 1975.0),
        (4, "1,975", 1975.0),
        (4, "-2.5", -2.5),
        (4, "3,5", 3.5),
        (5, "1 3 2", ("one", "two", "three")),
        (5, "3 1 2", ("two", "one", "three")),
    ],
)
def test_parse_valid_lines(index: int, line: str, given: object) -> None:
    # Order items without shuffling are shown alphabetically: one, three, two.
    assert parse_reply(turns()[index], line) == given


@pytest.mark.parametrize(
    ("index", "line", "message"),
    [
        (0, "", "type an answer"),
        (0, "4", "not an option"),
        (0, "0", "not an option"),
        (0, "B", "not an option"),
        (0, "1 2", "Pick one"),
        (1, "1 9", "not an option"),
        (2, "maybe", "y (yes, true) or n"),
        (4, "nineteen", "type a number"),
        (4, "inf", "finite"),
        (5, "1 2", "each number from 1 to 3 once"),
        (5, "1 1 2", "each number from 1 to 3 once"),
    ],
)
def test_invalid_lines_explain_what_would_do(index: int, line: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        parse_reply(turns()[index], line)


def test_parse_number_rejects_nan() -> None:
    with pytest.raises(InvalidInput):
        parse_number("nan")


def test_a_whole_game_with_retries_and_a_hint() -> None:
    out = console()
    lines = "\n".join(["9", "2", "1 3", "?", "y", "kazakstan", "abc", "1975", "1 3 2"]) + "\n"
    result = play(turns(), PlainAsker(out, io.StringIO(lines)), lambda: 0.0)
    text = out.file.getvalue()  # type: ignore[attr-defined]
    assert result.completed and result.correct == 6
    assert "'9' is not an option: type a number from 1 to 3." in text
    assert "Hint: It is true." in text
    assert "accepted with one typo: Kazakhstan" in text
    assert "Please type a number, like 42 or 3.5." in text
    assert "1) one\n2) three\n3) two" in text
    assert result.outcomes[2].reply.used_hint
    assert result.outcomes[2].points.total == 120  # (200 + 40) / 2


def test_question_without_hint_says_so() -> None:
    out = console()
    play(turns()[:1], PlainAsker(out, io.StringIO("?\n2\n")), lambda: 0.0)
    assert "This question has no hint." in out.file.getvalue()  # type: ignore[attr-defined]


def test_end_of_input_interrupts() -> None:
    out = console()
    asker = PlainAsker(out, io.StringIO("2\n"))
    result = play(turns(), asker, lambda: 0.0)
    assert not result.completed
    assert len(result.outcomes) == 1
    with pytest.raises(GameInterrupted):
        asker.read_line()


def test_piped_input_is_echoed_after_the_prompt() -> None:
    out = console()
    play(turns()[:1], PlainAsker(out, io.StringIO("2\n")), lambda: 0.0)
    assert "> 2\n" in out.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", ["²", "①", "9" * 5000, "1 ²"])
def test_odd_digits_and_huge_numbers_are_refused_not_crashed(line: str) -> None:
    with pytest.raises(InvalidInput, match="is not an option"):
        parse_reply(turns()[0], line)


def test_a_refused_line_of_one_answer_is_quoted_whole() -> None:
    """Stranger S#14: the line the player sent, not its first word."""
    with pytest.raises(
        InvalidInput, match=r"^'echo rc=\$\?' is not an option: type a number from 1"
    ):
        parse_reply(turns()[0], "echo rc=$?")
    # Where several numbers are wanted, the word that is no option is the one to name.
    with pytest.raises(InvalidInput, match=r"^'7' is not an option: type numbers from 1 to 4"):
        parse_reply(turns()[1], "1 7")


def test_the_picker_asks_for_a_number_and_quotes_the_line() -> None:
    out = console()
    asker = PlainAsker(out, io.StringIO("\x1b[A\necho rc=$?\n1 2\n2\n"))
    assert asker.pick("Which bank?", ["Soyuz", "Mine", "Quit"]) == 1
    shown = out.file.getvalue()  # type: ignore[attr-defined]
    assert "> \\x1b[A\n'\\x1b[A' is not an option: type a number from 1 to 3.\n" in shown
    assert "'echo rc=$?' is not an option: type a number from 1 to 3." in shown
    assert "Pick one: a number from 1 to 3." in shown
    assert "numbers" not in shown


def test_a_line_that_is_not_utf8_is_echoed_as_its_bytes() -> None:
    """Stranger S#20: ``> \\xff\\xfe``, not an empty ``> ``, then asked again."""
    for stream in (
        io.TextIOWrapper(io.BytesIO(b"\xff\xfe\n2\n"), encoding="utf-8"),
        io.StringIO(b"\xff\xfe\n2\n".decode("utf-8", "surrogateescape")),
    ):
        out = console()
        result = play(turns()[:1], PlainAsker(out, stream), lambda: 0.0)
        shown = out.file.getvalue()  # type: ignore[attr-defined]
        assert "> \\xff\\xfe\nThat line is not valid text (UTF-8); please type it again.\n" in shown
        assert result.correct == 1


class Keyboard(io.StringIO):
    """Lines typed by a person at a terminal (which echoes them itself)."""

    def isatty(self) -> bool:
        return True


STOP = "Ctrl-D on an empty line stops the game; the answers so far are kept."


def test_a_person_is_told_once_how_to_stop_and_again_after_a_q() -> None:
    """Stranger S#10: no line is a command (a text answer may be 'q'); the end of
    input stops. A person at a terminal is told so once, and when a 'q' is refused."""
    out = console(width=200)
    asker = PlainAsker(out, Keyboard("q\n2\nq\n\nquit\n"), pause=True)
    result = play(turns()[:4], asker, lambda: 0.0)
    shown = out.file.getvalue()  # type: ignore[attr-defined]
    assert not result.completed and result.correct == 1
    assert shown.count(STOP) == 4  # once, then after each refused q or quit
    assert f"'q' is not an option: type a number from 1 to 3. {STOP}" in shown
    assert f"Enter goes on. {STOP}" in shown  # the pause does not take q for Enter
    assert shown.index(STOP) < shown.index(">")


def test_q_is_an_answer_to_a_text_question() -> None:
    text = turns()[3]
    assert parse_reply(text, "q") == "q"
    out = console()
    play([text], PlainAsker(out, io.StringIO("q\n")), lambda: 0.0)
    assert "Ctrl-D" not in out.file.getvalue()  # type: ignore[attr-defined]


def test_a_person_at_a_list_is_told_how_to_quit_and_ctrl_d_quits() -> None:
    """Stranger2 #8: at the start screen there is no game to stop: the Quit entry's
    number is told (also after a refused q), and the end of input is Quit, not the
    interruption of a game. A script's end at a list stays an interruption."""
    from quiz.errors import GameInterrupted
    from quiz.ui.signals import Quit

    out = console(width=200)
    asker = PlainAsker(out, Keyboard("q\n"))
    with pytest.raises(Quit):
        asker.pick("Which bank?", ["Soyuz", "Mine", "All banks", "Quit"])
    shown = out.file.getvalue()  # type: ignore[attr-defined]
    assert shown.count("Type 4 to quit (or Ctrl-D on an empty line).") == 2
    assert "'q' is not an option: type a number from 1 to 4. Type 4 to quit" in shown
    assert STOP not in shown
    with pytest.raises(GameInterrupted) as stopped:
        PlainAsker(console(), io.StringIO("")).pick("Which bank?", ["Soyuz", "Quit"])
    assert not isinstance(stopped.value, Quit)
