"""Renderables of a game's end: the summary, the breakdown and the review of misses.

Each comes twice: for a terminal (a frame, a table, a hanging indent) and plain
(lines of words a screen reader reads well, that a pipe or a file keeps whole: no
box drawing, no ruled table, nothing padded or cut to a width).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.text import Text

from quiz.game.engine import GameResult, Outcome, given_text
from quiz.model import right_answer_text
from quiz.ui.feedback_view import WRONG
from quiz.ui.game_view import seconds_text
from quiz.ui.listing import plural

if TYPE_CHECKING:  # rich.table is imported where a table is built, not at start-up
    from rich.table import Table


class Record(NamedTuple):
    """The bank's best scores before this game, by the number of questions of the
    games they were made in: a game is compared with games of its own length only (a
    1-question game's 100 with other 1-question games, never with a full game's 1850)."""

    bests: Mapping[int, int]

    def previous(self, planned: int) -> int | None:
        """The best score of the earlier games of ``planned`` questions (None: none)."""
        return self.bests.get(planned)

    def beaten(self, score: int, planned: int) -> bool:
        """Whether ``score`` is a new best (a first game sets one, but is not news)."""
        previous = self.previous(planned)
        return previous is not None and score > previous


def perfect(result: GameResult) -> bool:
    """Every question of the game answered, and every answer right."""
    return result.completed and bool(result.outcomes) and result.correct == result.planned


def summary_rows(result: GameResult, record: Record | None = None) -> list[tuple[str, str]]:
    """The summary as (label, value) rows."""
    answered = len(result.outcomes)
    accuracy = f"{100 * result.correct / answered:.0f}%" if answered else "–"
    rows = [
        ("Score", f"{result.score} / {result.max_score}"),
        ("Right", f"{result.correct} of {answered}"),
        ("Accuracy", accuracy),
        ("Best streak", str(result.best_streak)),
        ("Time", seconds_text(result.seconds)),
    ]
    if not result.completed:
        rows.append(("Stopped", f"after {answered} of {plural(result.planned, 'question')}"))
    previous = record.previous(result.planned) if record is not None else None
    if previous is not None:
        label = f"Your best at {plural(result.planned, 'question')}"
        rows.append((label, str(max(previous, result.score))))
    return rows


def cheers(result: GameResult, record: Record | None = None) -> list[str]:
    """``Perfect game!`` and ``New best!``, where they are true."""
    said = []
    if perfect(result):
        said.append("Perfect game!")
    if record is not None and record.beaten(result.score, result.planned):
        said.append(f"New best! (it was {record.previous(result.planned)})")
    return said


def summary(result: GameResult, record: Record | None = None) -> RenderableType:
    """Score out of the maximum, right answers, accuracy, best streak, time, best."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="quiz.muted")
    table.add_column()
    for label, value in summary_rows(result, record):
        table.add_row(label, Text(value, style="quiz.points" if label == "Score" else ""))
    said = cheers(result, record)
    if not said:
        return table
    return Group(table, Text(" ".join(said), style="quiz.correct"))


def breakdown_groups(result: GameResult) -> list[tuple[str, str, int, int, int]]:
    """By difficulty, then by tag: (kind, name, right, answered, points).

    The rule ``quiz stats`` follows too: every tag the questions carry (their own and
    their bank's) is a group of its own, even one that every question has.
    """
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for outcome in result.outcomes:
        question = outcome.turn.question
        groups[("difficulty", question.difficulty.value)].append(outcome)
        for tag in dict.fromkeys(question.tags):
            groups[("tag", tag)].append(outcome)
    order = {"easy": 0, "medium": 1, "hard": 2}
    keys = sorted(groups, key=lambda k: (k[0] != "difficulty", order.get(k[1], 0), k[1]))
    rows = []
    for kind, name in keys:
        members = groups[(kind, name)]
        right = sum(1 for o in members if o.correct)
        rows.append((kind, name, right, len(members), sum(o.points.total for o in members)))
    return rows


def breakdown(result: GameResult) -> Table | None:
    """Right answers and points by difficulty and by tag; ``None`` before any answer.

    Each kind of group is a section under its own ``By difficulty`` line, not a column
    of its own: at 40 columns a column as wide as "difficulty" left too little room."""
    from rich.padding import Padding
    from rich.table import Table

    if not result.outcomes:
        return None
    table = Table(title="Breakdown", title_style="quiz.heading", expand=False)
    table.add_column("Group", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Points", justify="right")
    shown = None
    for kind, name, right, count, points in breakdown_groups(result):
        if kind != shown:
            if shown is not None:
                table.add_section()
            table.add_row(Text(f"By {kind}", style="quiz.muted"), "", "")
            shown = kind
        table.add_row(Padding(Text(name), (0, 0, 0, 2)), f"{right}/{count}", str(points))
    return table


def _details(outcome: Outcome) -> Text:
    question = outcome.turn.question
    details = Text.assemble(
        ("Answer: ", "quiz.muted"),
        right_answer_text(question),
        ("\nYou said: ", "quiz.muted"),
        given_text(question, outcome.reply.given),
    )
    if question.explanation:
        details.append("\n")
        details.append(question.explanation)
    return details


def review(result: GameResult) -> RenderableType | None:
    """Every missed question with its right answer and explanation; ``None`` if none.

    Each under its mark with a hanging indent, so a prompt that wraps stays clear
    of the mark."""
    from rich.table import Table

    missed = result.missed
    if not missed:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="quiz.wrong", no_wrap=True)
    grid.add_column()
    for outcome in missed:
        prompt = Text(outcome.turn.question.prompt, style="quiz.heading")
        grid.add_row(WRONG, Group(prompt, _details(outcome)))
    return Group(Text(f"To review ({len(missed)})", style="quiz.heading"), grid)


# -- plain ---------------------------------------------------------------------------


def _indented(text: Text, indent: str = "  ") -> Text:
    lines = text.split("\n", allow_blank=True)
    return Text("\n").join(Text(indent) + line for line in lines)


def plain_summary(result: GameResult, record: Record | None = None) -> Text:
    """``Game over.`` and a line per figure, in words."""
    lines = Text("Game over." if result.completed else "Game so far.", style="quiz.title")
    for label, value in summary_rows(result, record):
        lines.append(f"\n{label}: {value.replace(' / ', ' out of ')}.")
    for said in cheers(result, record):
        lines.append(f"\n{said}", style="quiz.correct")
    return lines


def plain_breakdown(result: GameResult) -> Text | None:
    """``By difficulty, easy: 2 of 2 right, 320 points.``: one line per group."""
    if not result.outcomes:
        return None
    lines = Text("Breakdown:", style="quiz.heading")
    for kind, name, right, count, points in breakdown_groups(result):
        lines.append(f"\nBy {kind}, ")
        lines.append(name)
        lines.append(f": {right} of {count} right, {plural(points, 'point')}.")
    return lines


def plain_review(result: GameResult) -> Text | None:
    """Every missed question, its details indented by two spaces; ``None`` if none."""
    missed = result.missed
    if not missed:
        return None
    lines = Text(f"To review ({len(missed)}):", style="quiz.heading")
    for outcome in missed:
        lines.append(f"\n{WRONG} ", style="quiz.wrong")
        lines.append(outcome.turn.question.prompt, style="quiz.heading")
        lines.append("\n")
        lines.append_text(_indented(_details(outcome)))
    return lines
