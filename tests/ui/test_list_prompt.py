"""The list prompt and its word wrapping, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from quiz.format.text import escape_controls
from quiz.game.engine import GameOptions, Status, plan
from quiz.ui.list_prompt import Entry, ListPrompt, numbered_entries
from quiz.ui.signals import Quit
from quiz.ui.terminal_asker import TerminalAsker
from quiz.ui.theme import THEME
from quiz.ui.wrapping import wrap
from tests.helpers import every_type_bank, make_question

DOWN, ENTER, SPACE = "\x1b[B", "\r", " "


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def test_wrap_breaks_between_words_under_a_hanging_indent() -> None:
    text = "Chiefly those of the scientists who designed the experiments on board"
    assert wrap(text, 30, " » 1) ") == [
        " » 1) Chiefly those of the",
        "      scientists who designed",
        "      the experiments on board",
    ]


def test_wrap_cuts_only_a_word_longer_than_a_line() -> None:
    lines = wrap("a " + "x" * 30, 20, "  ")
    assert lines == ["  a", "  " + "x" * 18, "  " + "x" * 12]
    assert all(len(line) <= 20 for line in lines)


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    assert wrap("日本 日本 日本", 10, "") == ["日本 日本", "日本"]


def prompt(pipe: PipeInput, entries: list[Entry], **options: object) -> ListPrompt:
    return ListPrompt("Pick", entries, input=pipe, output=DummyOutput(), **options)  # type: ignore[arg-type]


def test_keys_outside_the_entries_return_their_value(pipe: PipeInput) -> None:
    pipe.send_text("?")
    assert prompt(pipe, numbered_entries(["a", "b"]), keys={"?": "hint"}).run() == "hint"


def test_q_escape_and_ctrl_d_quit(pipe: PipeInput) -> None:
    for key in ("q", "\x04"):
        pipe.send_text(key)
        with pytest.raises(Quit):
            prompt(pipe, numbered_entries(["a", "b"])).run()


def test_multi_number_keys_tick(pipe: PipeInput) -> None:
    pipe.send_text("1" + "3" + ENTER)
    assert prompt(pipe, numbered_entries(["a", "b", "c"]), multi=True).run() == ["a", "c"]


def test_the_hint_keeps_the_ticks_of_a_multi_question(pipe: PipeInput) -> None:
    question = make_question(
        "m", every_type_bank().questions[1].type, choices=("A", "B", "C"), answers=("A",), hint="H"
    )
    from quiz.model import Bank

    (turn,) = plan([Bank("b", "B", (question,))], GameOptions(shuffle=False), random.Random(0))
    console = Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)
    asker = TerminalAsker(console, input=pipe, output=DummyOutput())
    pipe.send_text(SPACE + "?" + DOWN + DOWN + SPACE + ENTER)
    reply = asker.ask(turn, Status())
    assert reply.given == ("A", "C") and reply.used_hint
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "Hint: H" in shown and "Answer: A\n        C" in shown


def test_discard_drops_keys_typed_before_the_list(pipe: PipeInput) -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)
    asker = TerminalAsker(console, input=pipe, output=DummyOutput(), discard=True)
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    pipe.send_text(DOWN + ENTER + ENTER)  # B, and a spare Enter the prompt reads ahead
    assert asker.ask(turns[0], Status()).given == "B"
    pipe.send_text("3" + ENTER)
    assert asker.ask(turns[0], Status()).given == "C"  # not the spare Enter's "A"


def test_control_characters_are_escaped() -> None:
    assert escape_controls("a\x1b]0;x\x07.yaml") == "a\\x1b]0;x\\x07.yaml"
    assert escape_controls("caf\udce9") == "caf\\xe9"
    assert escape_controls("line\nnext", keep="\n") == "line\nnext"
    assert escape_controls("日本 ok") == "日本 ok"
