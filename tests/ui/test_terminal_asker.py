"""The questionary asker, driven by key presses through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from quiz.game.engine import GameOptions, Status, Turn, plan, play
from quiz.ui.terminal_asker import QuestionaryAsker
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank

DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def turns(**options: object) -> list[Turn]:
    return plan([every_type_bank()], GameOptions(shuffle=False, **options), random.Random(0))  # type: ignore[arg-type]


def asker(pipe: PipeInput) -> tuple[QuestionaryAsker, Console]:
    console = Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)
    return QuestionaryAsker(console, input=pipe, output=DummyOutput()), console


def test_single_with_arrow_keys(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    pipe.send_text(DOWN + ENTER)
    assert ask.ask(turns()[0], Status()).given == "B"


def test_single_with_a_number_key(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    pipe.send_text("3" + ENTER)
    assert ask.ask(turns()[0], Status()).given == "C"


def test_multi_with_space(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    pipe.send_text(SPACE + DOWN + DOWN + SPACE + ENTER)
    assert ask.ask(turns()[1], Status()).given == ("A", "C")


def test_boolean_hint_then_answer(pipe: PipeInput) -> None:
    ask, console = asker(pipe)
    pipe.send_text("h" + ENTER + "y" + ENTER)
    reply = ask.ask(turns()[2], Status())
    assert reply.given is True and reply.used_hint
    assert "Hint: It is true." in console.file.getvalue()  # type: ignore[attr-defined]


def test_text_and_number_are_typed(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    pipe.send_text("Kazakhstan" + ENTER)
    assert ask.ask(turns()[3], Status()).given == "Kazakhstan"
    pipe.send_text("19x" + ENTER + "\x7f" + "75" + ENTER)  # rejected, then fixed
    assert ask.ask(turns()[4], Status()).given == 1975.0


def test_order_by_picking_the_next_item_with_undo(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    # Shown alphabetically: one, three, two. Pick "three", undo, then one, two.
    pipe.send_text("2" + ENTER + "u" + "1" + ENTER + "2" + ENTER)
    assert ask.ask(turns()[5], Status()).given == ("one", "two", "three")


def test_ctrl_c_is_not_an_answer(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    pipe.send_text(DOWN + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask.ask(turns()[0], Status())


def test_a_whole_game_with_keys(pipe: PipeInput) -> None:
    ask, console = asker(pipe)
    pipe.send_text(
        DOWN
        + ENTER  # single: B
        + SPACE
        + DOWN
        + DOWN
        + SPACE
        + ENTER  # multi: A, C
        + "y"
        + ENTER  # boolean
        + "Kazakstan"
        + ENTER  # text, one typo
        + "1976"
        + ENTER  # number, within tolerance
        + "1"
        + ENTER
        + "2"
        + ENTER  # order: one, two, (three)
    )
    result = play(turns(), ask, lambda: 0.0)
    assert result.completed and result.correct == 6
    assert result.score == result.max_score
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "accepted with one typo: Kazakhstan" in shown
    assert shown.count("Right!") == 6


def test_time_runs_out(pipe: PipeInput) -> None:
    ask, console = asker(pipe)
    (turn,) = turns(time_limit=0.3)[:1]
    reply = ask.ask(turn, Status())
    assert reply.timed_out
    assert "Time is up!" in console.file.getvalue()  # type: ignore[attr-defined]


def test_time_runs_out_while_typing(pipe: PipeInput) -> None:
    ask, _ = asker(pipe)
    turn = turns(time_limit=0.3)[3]
    pipe.send_text("Kaz")
    reply = ask.ask(turn, Status())
    assert reply.timed_out
