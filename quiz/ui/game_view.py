"""Renderables of the game: header, question, feedback, summary, breakdowns, review.

Each function returns a renderable and prints nothing. Text from question files
always goes in as ``Text`` so that ``[bold]`` in a question stays text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from quiz.game.engine import GameResult, Outcome, Status, Turn, given_text
from quiz.model import QuestionType, right_answer_text, rights_reusable
from quiz.ui.listing import plural

if TYPE_CHECKING:  # rich.table is imported where a table is built, not at start-up
    from rich.table import Table

    from quiz.game.scoring import Points

RIGHT, WRONG, PARTIAL = "✔", "✘", "◐"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def progress(turn: Turn, status: Status) -> Text:
    """``Question 3 of 10 · Score 450 · Streak 2 · medium`` (and the time limit)."""
    level = turn.question.difficulty.value
    line = Text.assemble(
        (f"Question {turn.number} of {turn.total}", "quiz.heading"),
        " · ",
        (f"Score {status.score}", "quiz.points"),
        " · ",
        (f"Streak {status.streak}", "quiz.streak"),
        " · ",
        (level, f"quiz.{level}"),
    )
    if turn.time_limit is not None:
        line.append(" · ")
        line.append(f"{seconds_text(turn.time_limit)} to answer", style="quiz.timer")
    return line


def header(turn: Turn, status: Status) -> Text:
    """The bank's title over the progress line."""
    return Text.assemble((turn.bank_title, "quiz.title"), "\n", progress(turn, status))


def seconds_text(seconds: float) -> str:
    """``12 s`` or ``2 min 05 s``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"


def prompt_text(turn: Turn) -> Text:
    """The question itself, as plain text."""
    return Text(turn.question.prompt, style="quiz.heading")


def passage_text(turn: Turn) -> Text | None:
    """The reading passage the question is about, if it has one."""
    passage = turn.question.passage
    return Text(passage, style="quiz.muted") if passage else None


def lettered(options: Iterable[str]) -> Text:
    """``a) first`` lines: the rights of a match question."""
    lines = Text()
    for index, option in enumerate(options):
        if index:
            lines.append("\n")
        lines.append(f"{LETTERS[index]}) ", style="quiz.muted")
        lines.append(option)
    return lines


def match_lists(turn: Turn) -> Text:
    """The lefts numbered, then the rights lettered, and whether a right may be reused."""
    lefts = numbered(left for left, _ in turn.question.pairs)
    reuse = (
        "An answer may be used for more than one item."
        if rights_reusable(turn.question)
        else "Use each answer once at most."
    )
    return Text.assemble(lefts, "\n\n", lettered(turn.choices), "\n", (reuse, "quiz.muted"))


def match_overview(turn: Turn) -> Text:
    """The lefts numbered and the rights in one line, for the terminal, whose selects
    number the rights themselves."""
    lefts = numbered(left for left, _ in turn.question.pairs)
    rule = "(may be reused)" if rights_reusable(turn.question) else "(each once)"
    rights = Text.assemble(("Answers: ", "quiz.muted"), ", ".join(turn.choices), " ")
    rights.append(rule, style="quiz.muted")
    return Text.assemble(lefts, "\n\n", rights)


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


def numbered(options: Iterable[str]) -> Text:
    """``1) first`` lines, for plain mode and for order questions."""
    lines = Text()
    for index, option in enumerate(options, start=1):
        if index > 1:
            lines.append("\n")
        lines.append(f"{index}) ", style="quiz.muted")
        lines.append(option)
    return lines


def hint_text(hint: str) -> Text:
    """The hint, marked as such."""
    return Text.assemble(("Hint: ", "quiz.hint"), (hint, "quiz.hint"))


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


def answer_detail(outcome: Outcome) -> RenderableType:
    """The right answer, and for multi and order how each pick or place fared."""
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


def explanation(outcome: Outcome) -> Group:
    """The explanation and the source, where the question gives them."""
    question = outcome.turn.question
    parts: list[RenderableType] = []
    if question.explanation:
        parts.append(Text(question.explanation))
    if question.source:
        parts.append(Text.assemble(("Source: ", "quiz.muted"), (question.source, "quiz.muted")))
    return Group(*parts)


def feedback(outcome: Outcome) -> Group:
    """Everything shown after an answer."""
    if outcome.turn.question.type is QuestionType.MATCH:
        return Group(verdict_line(outcome), match_detail(outcome), explanation(outcome))
    return Group(verdict_line(outcome), answer_detail(outcome), explanation(outcome))


def summary(result: GameResult) -> Table:
    """Score out of the maximum, right answers, accuracy, best streak, time."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="quiz.muted")
    table.add_column()
    answered = len(result.outcomes)
    accuracy = f"{100 * result.correct / answered:.0f}%" if answered else "–"
    table.add_row("Score", Text(f"{result.score} / {result.max_score}", style="quiz.points"))
    table.add_row("Right", f"{result.correct} of {answered}")
    table.add_row("Accuracy", accuracy)
    table.add_row("Best streak", str(result.best_streak))
    table.add_row("Time", seconds_text(result.seconds))
    if not result.completed:
        table.add_row("Stopped", f"after {answered} of {plural(result.planned, 'question')}")
    return table


def breakdown(result: GameResult) -> Table | None:
    """Right answers and points by difficulty and by tag; ``None`` before any answer."""
    from rich.table import Table

    if not result.outcomes:
        return None
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    # A tag on every question (a bank's own tags) would only repeat the totals.
    everywhere = set.intersection(*(set(o.turn.question.tags) for o in result.outcomes))
    for outcome in result.outcomes:
        question = outcome.turn.question
        groups[("difficulty", question.difficulty.value)].append(outcome)
        for tag in question.tags:
            if tag not in everywhere:
                groups[("tag", tag)].append(outcome)
    table = Table(title="Breakdown", title_style="quiz.heading", expand=False)
    table.add_column("By", style="quiz.muted")
    table.add_column("Group", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Points", justify="right")
    order = {"easy": 0, "medium": 1, "hard": 2}
    keys = sorted(groups, key=lambda k: (k[0] != "difficulty", order.get(k[1], 0), k[1]))
    for kind, name in keys:
        members = groups[(kind, name)]
        right = sum(1 for o in members if o.correct)
        points = sum(o.points.total for o in members)
        table.add_row(kind, Text(name), f"{right}/{len(members)}", str(points))
    return table


def review(result: GameResult) -> Group | None:
    """Every missed question with its right answer and explanation; ``None`` if none."""
    missed = result.missed
    if not missed:
        return None
    parts: list[RenderableType] = [Text(f"To review ({len(missed)})", style="quiz.heading")]
    for outcome in missed:
        question = outcome.turn.question
        heading = Text.assemble((f"{WRONG} ", "quiz.wrong"), (question.prompt, "quiz.heading"))
        details = Text.assemble(
            ("Answer: ", "quiz.muted"),
            right_answer_text(question),
            ("\nYou said: ", "quiz.muted"),
            given_text(question, outcome.reply.given),
        )
        if question.explanation:
            details.append("\n")
            details.append(question.explanation)
        parts += [heading, Padding(details, (0, 0, 0, 2))]
    return Group(*parts)
