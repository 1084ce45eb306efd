"""Asking a match question: plain mode's ``1=c 2=a 3=b``, the lists shown, the
explanation of each pair, and a passage above its question."""

from __future__ import annotations

import io
import random

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console, RenderableType

from quiz.game.engine import GameOptions, Reply, Status, Turn, judge, plan, play
from quiz.model import Bank, QuestionType
from quiz.ui import feedback_view
from quiz.ui import game_view as views
from quiz.ui.list_prompt import ListPrompt
from quiz.ui.plain_asker import InvalidInput, PlainAsker, instructions, parse_reply
from quiz.ui.terminal_asker import TerminalAsker
from quiz.ui.theme import THEME
from tests.helpers import make_question

MOONS = make_question(
    "moons",
    QuestionType.MATCH,
    prompt="Match each moon with its planet.",
    pairs=(("Titan", "Saturn"), ("Europa", "Jupiter"), ("Phobos", "Mars")),
    extra=("Venus",),
    passage="Moons orbit planets.",
)


def turn() -> Turn:
    return plan([Bank("b", "B", (MOONS,))], GameOptions(shuffle=False), random.Random(0))[0]


def render(renderable: RenderableType, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, theme=THEME)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.mark.parametrize("line", ["1=c 2=a 3=b", "3=B, 1=C 2=A", "1 = c  2= a 3 =b"])
def test_plain_mode_reads_each_item_with_its_letter(line: str) -> None:
    assert parse_reply(turn(), line) == ("Saturn", "Jupiter", "Mars")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("1=c 2=a", "Pair every item (missing: 3)"),
        ("1=c 1=a 3=b", "Item 1 is paired twice"),
        ("1=c 2=c 3=b", "Use each answer once at most."),
        ("1=z 2=a 3=b", "'1=z' is not a pair"),
        ("4=a", "'4=a' is not a pair"),
        ("c a b", "'c' is not a pair"),
    ],
)
def test_plain_mode_refuses_lines_that_pair_wrongly(line: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_reply(turn(), line)


def test_a_right_serving_several_lefts_may_be_reused() -> None:
    shared = make_question("s", QuestionType.MATCH, pairs=(("a", "x"), ("b", "x"), ("c", "y")))
    shown = plan([Bank("b", "B", (shared,))], GameOptions(shuffle=False), random.Random(0))[0]
    assert shown.choices == ("y", "x")  # sorted, then turned: never in the lefts' order
    assert parse_reply(shown, "1=b 2=b 3=a") == ("x", "x", "y")
    assert "may be used for more than one item" in render(views.match_lists(shown))


def test_the_lists_and_the_instructions_at_40_columns() -> None:
    shown = render(views.match_lists(turn()), width=40)
    assert shown.splitlines()[:8] == [
        "1) Titan", "2) Europa", "3) Phobos", "", "a) Jupiter", "b) Mars", "c) Saturn", "d) Venus"
    ]  # fmt: skip
    assert "Use each answer once at most." in shown
    assert instructions(turn()).startswith("Type each item's number = its answer's letter, e.g.")


def test_the_explanation_shows_each_pair() -> None:
    outcome = judge(turn(), Reply(("Saturn", "Venus", "Mars")), 1.0, Status())
    shown = render(feedback_view.feedback(outcome))
    assert "✔ Titan → Saturn" in shown
    assert "✘ Europa → Jupiter (you said Venus)" in shown
    assert "Partly right" in shown


def test_plain_game_shows_the_passage_above_the_question_and_plays_it() -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)
    asker = PlainAsker(console, io.StringIO("1=c 2=a\n1=c 2=a 3=b\n"))
    result = play([turn()], asker, clock=lambda: 0.0)
    assert result.completed and result.correct == 1
    assert isinstance(console.file, io.StringIO)
    text = console.file.getvalue()
    assert text.index("Moons orbit planets.") < text.index("Match each moon with its planet.")
    assert "Pair every item (missing: 3)" in text


def test_the_terminal_panel_lists_the_lefts_and_the_rights_in_a_line() -> None:
    shown = render(views.match_overview(turn()), width=40)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert lines[:4] == ["1) Titan", "2) Europa", "3) Phobos", ""]
    assert lines[4:] == ["Answers: Jupiter, Mars, Saturn, Venus", "(each once)"]


def test_the_terminal_lists_show_the_pairs_picked_so_far() -> None:
    """Stranger #15: as an order question says ``So far:``, so does a match question."""
    console = Console(file=io.StringIO(), width=80, color_system=None, theme=THEME)
    with create_pipe_input() as pipe:
        asker = TerminalAsker(console, input=pipe, output=DummyOutput())
        seen: list[str] = []
        run = ListPrompt.run

        def drawn_then_run(prompt: ListPrompt) -> object:
            seen.append("".join(text for _, text, *_ in prompt._tokens()))
            return run(prompt)

        pipe.send_text("3\r1\r2\r")  # Titan → Saturn, Europa → Jupiter, Phobos → Venus
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(ListPrompt, "run", drawn_then_run)
            reply = asker.ask(turn(), Status())
    assert reply.given == ("Saturn", "Jupiter", "Venus")
    assert [screen.splitlines()[:3] for screen in seen] == [
        ["? 1/3 Titan →", "  Arrows or a number, then Enter (each answer once).", " » 1) Jupiter"],
        [
            "? 2/3 Europa →",
            "  So far: Titan → Saturn",
            "  Arrows or a number, then Enter (each answer once).",
        ],
        [
            "? 3/3 Phobos →",
            "  So far: Titan → Saturn, Europa → Jupiter",
            "  Arrows or a number, then Enter (each answer once).",
        ],
    ]
