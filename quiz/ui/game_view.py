"""Renderables of the game: header, question, feedback, summary, breakdowns, review.

Each function returns a renderable and prints nothing. Text from question files
always goes in as ``Text`` so that ``[bold]`` in a question stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import Outcome, Status, Turn, given_text
from quiz.model import QuestionType, format_number, right_answer_text, rights_reusable
from quiz.ui.listing import plural

if TYPE_CHECKING:  # scoring is loaded with the first answer
    from quiz.game.scoring import Points

RIGHT, WRONG, PARTIAL = "✔", "✘", "◐"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


GAUGE = 10  # cells of the progress gauge in the header
FRAME_WIDTH = 76  # the most columns a frame takes (question, feedback, briefing): one all game


def gauge(done: int, total: int, cells: int = GAUGE) -> str:
    """``■■■□□□□□□□``: the share of the game already answered."""
    filled = round(cells * done / total) if total else 0
    return "■" * filled + "□" * (cells - filled)


def progress(turn: Turn, status: Status, width: int | None = None) -> Text:
    """``Question 3 of 10 ■■□□□□□□□□ · Score 450 · Streak 2 · medium`` (and the time limit).

    With a ``width``, the line breaks between its parts, never inside one."""
    level = turn.question.difficulty.value
    parts = [
        Text.assemble(
            (f"Question {turn.number} of {turn.total}", "quiz.heading"),
            " ",
            (gauge(turn.number - 1, turn.total), "quiz.bar"),
        ),
        Text(f"Score {status.score}", style="quiz.points"),
        Text(f"Streak {status.streak}", style="quiz.streak"),
        Text(level, style=f"quiz.{level}"),
    ]
    if turn.time_limit is not None:
        parts.append(Text(f"{seconds_text(turn.time_limit)} to answer", style="quiz.timer"))
    line = Text()
    used = 0
    for index, part in enumerate(parts):
        tail = 0 if index == len(parts) - 1 else 2  # the " ·" that may end its line
        if index and width is not None and used + 3 + part.cell_len + tail > width:
            line.append(" ·\n")
            used = 0
        elif index:
            line.append(" · ")
            used += 3
        line.append_text(part)
        used += part.cell_len
    return line


def header(turn: Turn, status: Status) -> Text:
    """The bank's title over the progress line."""
    return Text.assemble((turn.bank_title, "quiz.title"), "\n", progress(turn, status))


def spoken_state(turn: Turn, status: Status) -> Text:
    """The state as a screen reader says it, in words and full stops:
    ``Question 3 of 10. Score 420. Streak 2. Medium. 20 seconds left.``"""
    parts = [
        f"Question {turn.number} of {turn.total}",
        f"Score {status.score}",
        f"Streak {status.streak}",
        turn.question.difficulty.value.capitalize(),
    ]
    if turn.time_limit is not None:
        parts.append(f"{seconds_words(turn.time_limit)} left")
    return Text(". ".join(parts) + ".", style="quiz.heading")


def seconds_words(seconds: float) -> str:
    """``20 seconds``, ``1 second``, ``2 minutes 5 seconds``."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    words = [plural(minutes, "minute")] if minutes else []
    if rest or not minutes:
        words.append(plural(rest, "second"))
    return " ".join(words)


def frame_width(columns: int) -> int:
    """The width of every frame of a game (question, feedback, briefing) at this
    terminal width."""
    return max(min(columns, FRAME_WIDTH), 20)


def format_given(value: object) -> str:
    """An answer as it is echoed: numbers as a person writes them."""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


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


def question_panel(turn: Turn, status: Status, columns: int) -> Panel:
    """The question in a frame titled with its bank, the progress line at its top."""
    width = frame_width(columns)
    return Panel(
        Group(
            progress(turn, status, width - 4),
            Text(),
            *((passage, Text()) if (passage := passage_text(turn)) else ()),
            prompt_text(turn),
            *((Text(), match_overview(turn)) if turn.question.type is QuestionType.MATCH else ()),
        ),
        title=Text(turn.bank_title, style="quiz.title"),
        title_align="left",
        border_style="quiz.muted",
        width=width,
    )


def feedback_panel(outcome: Outcome, columns: int) -> Panel:
    """The feedback in a frame coloured by the verdict, as wide as every other one."""
    if outcome.late or (not outcome.correct and outcome.fraction == 0):
        style = "quiz.wrong"
    else:
        style = "quiz.correct" if outcome.correct else "quiz.partial"
    return Panel(feedback(outcome), border_style=style, width=frame_width(columns), expand=True)
