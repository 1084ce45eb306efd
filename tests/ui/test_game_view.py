"""Game renderables, compared as exact text at 40 and 80 columns."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console, RenderableType

from quiz.game.engine import GameOptions, GameResult, Reply, Status, Turn, judge, plan
from quiz.model import Bank, Difficulty, QuestionType
from quiz.ui import feedback_view
from quiz.ui import game_view as views
from quiz.ui import summary_view as ends
from quiz.ui.theme import THEME
from tests.helpers import every_type_bank, make_question


def render(renderable: RenderableType, width: int = 80) -> str:
    """What a person sees, without colour and without trailing blanks."""
    console = Console(file=io.StringIO(), width=width, color_system=None, theme=THEME)
    console.print(renderable)
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))


def turns() -> list[Turn]:
    return plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))


def test_header_at_40_columns() -> None:
    turn = turns()[1]
    text = render(views.header(turn, Status(score=450, streak=2)), width=40)
    assert text == "Every type\nQuestion 2 of 6 ■■□□□□□□□□ · Score 450 ·\nStreak 2 · medium\n"


def test_progress_breaks_between_its_parts_only() -> None:
    turn = turns()[1]
    text = render(views.progress(turn, Status(score=450, streak=2), width=36), width=36)
    assert text == "Question 2 of 6 ■■□□□□□□□□ ·\nScore 450 · Streak 2 · medium\n"


def test_spoken_state_is_words_and_full_stops() -> None:
    turn = plan([every_type_bank()], GameOptions(shuffle=False, time_limit=20), random.Random(0))[2]
    text = render(views.spoken_state(turn, Status(score=420, streak=2)))
    assert text == "Question 3 of 6. Score 420. Streak 2. Medium. 20 seconds left.\n"


def test_header_shows_time_limit() -> None:
    turn = plan([every_type_bank()], GameOptions(shuffle=False, time_limit=20), random.Random(0))[0]
    assert "20 s to answer" in render(views.header(turn, Status()))


def test_markup_in_questions_stays_text() -> None:
    question = make_question(
        "m",
        QuestionType.SINGLE,
        prompt="What does [bold]x[/bold] do?",
        choices=("[red]a", "b"),
        answers=("[red]a",),
        explanation="[link=x]y[/link]",
    )
    turn = plan([Bank("b", "[i]Bank", (question,))], GameOptions(shuffle=False), random.Random(0))[
        0
    ]
    assert render(views.prompt_text(turn)) == "What does [bold]x[/bold] do?\n"
    assert render(views.header(turn, Status())).startswith("[i]Bank\n")
    assert "1) [red]a" in render(views.numbered(turn.choices))
    outcome = judge(turn, Reply("b"), 1.0, Status())
    shown = render(feedback_view.feedback(outcome))
    assert "Answer: [red]a" in shown and "[link=x]y[/link]" in shown


def test_feedback_right_with_parts_and_source() -> None:
    turn = turns()[0]
    outcome = judge(turn, Reply("B", used_hint=True), 2.0, Status(streak=2))
    question = turn.question
    assert question.source is None
    assert render(feedback_view.feedback(outcome)) == (
        "✔ Right!  +60 points (base 100, streak +20, hint -60)\nAnswer: B\nBecause single.\n"
    )


def test_feedback_wrong_says_what_was_given() -> None:
    outcome = judge(turns()[4], Reply(1900.0), 2.0, Status())
    assert render(feedback_view.feedback(outcome)) == (
        "✘ Wrong  +0 points\nAnswer: 1975 (± 1)\nYou said: 1900\nBecause number.\n"
    )


def test_feedback_multi_marks_each_pick() -> None:
    outcome = judge(turns()[1], Reply(("A", "B")), 2.0, Status())
    assert render(feedback_view.feedback(outcome)) == (
        "✘ Wrong  +0 points\n"
        "✔ A (your pick, right)\n"
        "✘ B (your pick, wrong)\n"
        "○ C (right, missed)\n"
        "  D\n"
        "Because multi.\n"
    )


def test_feedback_order_shows_right_order_and_misplaced() -> None:
    outcome = judge(turns()[5], Reply(("one", "three", "two")), 2.0, Status())
    assert render(feedback_view.feedback(outcome)) == (
        "◐ Partly right  +100 points (base 100 of 300)\n"
        "Right order:\n"
        "1) one\n"
        "2) two   ✘ you put three\n"
        "3) three ✘ you put two\n"
        "Because order.\n"
    )


def test_summary_breakdown_and_review() -> None:
    all_turns = turns()
    first = judge(all_turns[0], Reply("B"), 3.0, Status())
    second = judge(all_turns[1], Reply(("D",)), 4.0, first.status)
    result = GameResult(
        (first, second), planned=6, completed=False, seconds=75.0, titles=("Every type",)
    )
    assert render(ends.summary(result), width=40) == (
        "Score        100 / 320\n"
        "Right        1 of 2\n"
        "Accuracy     50%\n"
        "Best streak  1\n"
        "Time         1 min 15 s\n"
        "Stopped      after 2 of 6 questions\n"
    )
    table = ends.breakdown(result)
    assert table is not None
    text = render(table, width=40)
    assert "easy" in text and "1/1" in text and "medium" in text and "0/1" in text
    missed = ends.review(result)
    assert missed is not None
    assert render(missed) == (
        "To review (1)\n✘ Prompt of multi?\n  Answer: A; C\n  You said: D\n  Because multi.\n"
    )


def test_nothing_to_review_or_break_down() -> None:
    empty = GameResult((), planned=3, completed=False, seconds=0.0)
    assert ends.review(empty) is None
    assert ends.breakdown(empty) is None
    assert "Accuracy     –" in render(ends.summary(empty))


def test_partly_right_shows_what_share_of_the_base_was_earned() -> None:
    outcome = judge(turns()[1], Reply(("A",)), 2.0, Status())
    assert (
        render(feedback_view.verdict_line(outcome))
        == "◐ Partly right  +100 points (base 100 of 200)\n"
    )


def test_review_keeps_its_indent_when_lines_wrap() -> None:
    question = make_question(
        "w",
        QuestionType.TEXT,
        answers=("x",),
        explanation="A long explanation that must wrap at forty columns.",
    )
    turn = plan([Bank("b", "B", (question,))], GameOptions(shuffle=False), random.Random(0))[0]
    result = GameResult((judge(turn, Reply("y"), 1.0, Status()),), 1, True, 1.0)
    missed = ends.review(result)
    assert missed is not None
    assert render(missed, width=40) == (
        "To review (1)\n"
        "✘ Prompt of w?\n"
        "  Answer: x\n"
        "  You said: y\n"
        "  A long explanation that must wrap at\n"
        "  forty columns.\n"
    )


def test_breakdown_shows_every_tag_even_one_that_every_question_has() -> None:
    tagged = [
        make_question(f"q{i}", QuestionType.TEXT, answers=("x",), tags=("space", f"t{i % 2}"))
        for i in range(3)
    ]
    game = plan([Bank("b", "B", tuple(tagged))], GameOptions(shuffle=False), random.Random(0))
    status = Status()
    outcomes = []
    for turn in game:
        outcome = judge(turn, Reply("x"), 1.0, status)
        outcomes.append(outcome)
        status = outcome.status
    table = ends.breakdown(GameResult(tuple(outcomes), 3, True, 3.0))
    assert table is not None
    text = render(table)
    assert "t0" in text and "t1" in text
    assert [line for line in text.splitlines() if "space" in line] == [
        "│   space       │   3/3 │    660 │"
    ]


def test_breakdown_reads_in_full_at_40_columns() -> None:
    """Stranger #14: no cut word ("difficul…") in the breakdown at 40 columns."""
    questions = [
        make_question(f"q{i}", QuestionType.TEXT, answers=("x",), difficulty=level, tags=tags)
        for i, (level, tags) in enumerate(
            [(Difficulty.EASY, ("solar-system",)), (Difficulty.HARD, ("solar-system", "moons"))]
        )
    ]
    game = plan([Bank("b", "B", tuple(questions))], GameOptions(shuffle=False), random.Random(0))
    first = judge(game[0], Reply("x"), 1.0, Status())
    second = judge(game[1], Reply("y"), 1.0, first.status)
    table = ends.breakdown(GameResult((first, second), 2, True, 2.0))
    assert table is not None
    assert render(table, width=40) == (
        "             Breakdown\n"
        "┏━━━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━┓\n"
        "┃ Group          ┃ Right ┃ Points ┃\n"
        "┡━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━┩\n"
        "│ By difficulty  │       │        │\n"
        "│   easy         │   1/1 │    100 │\n"
        "│   hard         │   0/1 │      0 │\n"
        "├────────────────┼───────┼────────┤\n"
        "│ By tag         │       │        │\n"
        "│   moons        │   0/1 │      0 │\n"
        "│   solar-system │   1/2 │    100 │\n"
        "└────────────────┴───────┴────────┘\n"
    )


@pytest.mark.parametrize("width", [40, 80, 100])
def test_question_feedback_and_briefing_frames_are_one_width(width: int) -> None:
    """Stranger #12: at 100 columns the question frame was 100 wide, the others 76."""
    from quiz.ui.briefing_view import briefing_view

    turn = turns()[0]
    outcome = judge(turn, Reply("B"), 2.0, Status())
    bank = Bank("b", "Every type", every_type_bank().questions, briefing="Read this first.")
    frames = [
        views.question_panel(turn, Status(), width),
        feedback_view.feedback_panel(outcome, width),
        briefing_view(bank, plain=False, width=width),
    ]
    widths = [{len(line) for line in render(frame, width).splitlines()} for frame in frames]
    assert widths == [{min(width, 76)}] * 3
