"""Renderables of the feedback after an answer: the verdict and its points, the right
answer and how each pick, place or pair fared, the explanation, and their frame.

Each function returns a renderable and prints nothing. Text from question files
always goes in as ``Text`` so that ``[bold]`` in a question stays text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import Outcome, given_text
from quiz.model import QuestionType, right_answer_text
from quiz.ui.game_view import frame_width

if TYPE_CHECKING:  # scoring is loaded with the first answer
    from quiz.game.scoring import Points

RIGHT, WRONG, PARTIAL = "✔", "✘", "◐"


def verdict_line(outcome: Outcome) -> Text:
    """``✔ Right! +220 points`` and the like."""
    if outcome.late:
        mark, words, style = WRONG, "Too late", "quiz.wrong"
    elif outcome.correct:
        mark, words, style = RIGHT, "Right!", "quiz.correct"
    elif outcome.fraction > 0:
        mark, words, style = PARTIAL, "Partly right", "quiz.partial"
    else:
        mark, words, style = WRONG, "Wrong", "quiz.wrong"
    line = Text.assemble(
        (f"{mark} {words}", style), "  ", (f"+{outcome.points.total} points", "quiz.points")
    )
    from quiz.game.scoring import BASE_POINTS

    full = BASE_POINTS[outcome.turn.question.difficulty]
    parts = points_parts(outcome.points, full if 0 < outcome.fraction < 1 else None)
    if parts:
        line.append(f" ({parts})", style="quiz.muted")
    if outcome.note:
        line.append("\n")
        line.append(outcome.note, style="quiz.muted")
    return line


def points_parts(points: Points, partial_of: int | None = None) -> str:
    """``base 200, streak +20, hint -110``; ``base 133 of 200`` for a partly right answer;
    empty when the base is the whole story."""
    base = f"base {points.base}" + (f" of {partial_of}" if partial_of is not None else "")
    parts = [base]
    for name, value in (("streak", points.streak), ("hint", points.hint), ("time", points.time)):
        if value:
            parts.append(f"{name} {value:+d}")
    return ", ".join(parts) if len(parts) > 1 or partial_of is not None else ""


def answer_detail(outcome: Outcome, *, plain: bool = False) -> RenderableType:
    """The right answer, and for multi and order how each pick or place fared.

    ``plain``: lines only (no grid), for screen readers, pipes and files."""
    question = outcome.turn.question
    given = outcome.reply.given
    if question.type is QuestionType.MULTI and isinstance(given, tuple):
        lines = Text()
        for index, choice in enumerate(outcome.turn.choices or question.choices):
            picked, right = choice in given, choice in question.answers
            if index:
                lines.append("\n")
            if picked and right:
                lines.append(f"{RIGHT} {choice}", style="quiz.correct")
                lines.append(" (your pick, right)", style="quiz.muted")
            elif picked:
                lines.append(f"{WRONG} {choice}", style="quiz.wrong")
                lines.append(" (your pick, wrong)", style="quiz.muted")
            elif right:
                lines.append(f"○ {choice}", style="quiz.partial")
                lines.append(" (right, missed)", style="quiz.muted")
            else:
                lines.append(f"  {choice}", style="quiz.muted")
        return lines
    if question.type is QuestionType.ORDER and isinstance(given, tuple) and plain:
        lines = Text("Right order:", style="quiz.heading")
        for index, item in enumerate(question.items):
            placed = given[index] if index < len(given) else ""
            lines.append(f"\n{index + 1}) ")
            lines.append(item)
            if placed != item:
                lines.append(f" {WRONG} you put {placed or 'nothing'}", style="quiz.wrong")
        return lines
    if question.type is QuestionType.ORDER and isinstance(given, tuple):
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="quiz.muted")
        grid.add_column()
        grid.add_column(style="quiz.wrong")
        for index, item in enumerate(question.items):
            placed = given[index] if index < len(given) else ""
            wrong = "" if placed == item else f"{WRONG} you put {placed or 'nothing'}"
            grid.add_row(f"{index + 1})", Text(item), Text(wrong))
        return Group(Text("Right order:", style="quiz.heading"), grid)
    answer = Text.assemble(("Answer: ", "quiz.heading"), right_answer_text(question))
    if not outcome.correct:
        answer.append("\n")
        answer.append("You said: ", style="quiz.muted")
        answer.append(given_text(question, given), style="quiz.muted")
    return answer


def match_detail(outcome: Outcome) -> Text:
    """Each pair of a match question, marked right or wrong with what was picked."""
    given = outcome.reply.given
    picks = given if isinstance(given, tuple) else ()
    lines = Text()
    for index, (left, right) in enumerate(outcome.turn.question.pairs):
        picked = picks[index] if index < len(picks) else ""
        if index:
            lines.append("\n")
        if picked == right:
            lines.append(f"{RIGHT} {left} → {right}", style="quiz.correct")
        else:
            lines.append(f"{WRONG} {left} → {right}", style="quiz.wrong")
            lines.append(f" (you said {picked or 'nothing'})", style="quiz.muted")
    return lines


def explanation(outcome: Outcome) -> Group:
    """The explanation and the source, where the question gives them."""
    question = outcome.turn.question
    parts: list[RenderableType] = []
    if question.explanation:
        parts.append(Text(question.explanation))
    if question.source:
        parts.append(Text.assemble(("Source: ", "quiz.muted"), (question.source, "quiz.muted")))
    return Group(*parts)


def feedback(outcome: Outcome, *, plain: bool = False) -> Group:
    """Everything shown after an answer."""
    if outcome.turn.question.type is QuestionType.MATCH:
        return Group(verdict_line(outcome), match_detail(outcome), explanation(outcome))
    return Group(verdict_line(outcome), answer_detail(outcome, plain=plain), explanation(outcome))


def feedback_panel(outcome: Outcome, columns: int) -> Panel:
    """The feedback in a frame coloured by the verdict, as wide as every other one."""
    if outcome.late or (not outcome.correct and outcome.fraction == 0):
        style = "quiz.wrong"
    else:
        style = "quiz.correct" if outcome.correct else "quiz.partial"
    return Panel(feedback(outcome), border_style=style, width=frame_width(columns), expand=True)
