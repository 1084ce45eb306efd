"""Renderables of a question being asked: the header and progress line, the question,
its options and hint, and its frame (the width every frame of a game shares).

Each function returns a renderable and prints nothing. Text from question files
always goes in as ``Text`` so that ``[bold]`` in a question stays text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import Status, Turn
from quiz.model import QuestionType, format_number, rights_reusable
from quiz.ui.listing import plural

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
