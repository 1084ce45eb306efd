"""Renderables of ``quiz stats``: tables and a chart of scores, readable at 40 columns."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NamedTuple

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from quiz.history.progress import CALENDAR_WEEKS, Day, Retention
from quiz.history.stats import Accuracy, GamePoint, Stats, sparkline
from quiz.ui.listing import plural
from quiz.ui.stats_plain import (
    BAR_GAMES,
    SPARK_GAMES,
    percent,
    plain_accuracy,
    plain_banks,
    plain_missed,
    plain_overview,
    plain_progress,
    plain_scores,
    shown,
)

BAR_WIDTH = 16


def is_plain(console: Console) -> bool:
    """Whether to write lines a screen reader reads well: ``QUIZ_PLAIN=1``,
    ``TERM=dumb``, or output that is not a terminal."""
    return (
        os.environ.get("QUIZ_PLAIN") == "1"
        or os.environ.get("TERM") == "dumb"
        or not console.is_terminal
    )


HEAT = " ░▒▓█"  # no answers, then the quarters of the busiest day
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def stats_view(stats: Stats, *, plain: bool = False) -> RenderableType:
    """Everything ``quiz stats`` shows, or a line saying there is nothing yet.

    ``plain``: lines of words (no table, no box, no bar), for screen readers and pipes
    (see :mod:`quiz.ui.stats_plain`).
    """
    if not stats.sessions:
        return Text("No games yet. Play one with 'quiz play'.", style="quiz.muted")
    views = PLAIN if plain else TABLES
    parts: list[RenderableType] = [views.overview(stats)]
    if stats.banks:
        parts.append(views.banks(stats))
    if stats.progress:
        parts.append(views.progress(stats))
    parts.append(wrapped([retention_line(stats.retention, stats.scheduler)]))
    if stats.calendar:
        parts.append(views.calendar(stats.calendar))
    if stats.tags:
        parts.append(views.accuracy("By tag", "Tag", stats.tags))
    if stats.difficulties:
        parts.append(views.accuracy("By difficulty", "Difficulty", stats.difficulties))
    if stats.missed:
        parts.append(views.missed(stats))
    parts.append(views.scores(stats.games))
    return Group(*parts)


class Views(NamedTuple):
    """How each part of the statistics is drawn: as tables, or as lines of words."""

    overview: Callable[[Stats], RenderableType]
    banks: Callable[[Stats], RenderableType]
    progress: Callable[[Stats], RenderableType]
    calendar: Callable[[Sequence[Day]], RenderableType]
    accuracy: Callable[[str, str, Sequence[Accuracy]], RenderableType]
    missed: Callable[[Stats], RenderableType]
    scores: Callable[[Sequence[GamePoint]], RenderableType]


def overview(stats: Stats) -> Table:
    """Games, answers, accuracy and best streak."""
    table = Table.grid(padding=(0, 2))
    table.title = "History"
    table.title_style = "quiz.title"
    table.add_column(style="quiz.heading")
    table.add_column(justify="right")
    table.add_row("Games played", str(stats.sessions))
    table.add_row("Answers", f"{stats.correct}/{stats.answered} right")
    table.add_row("Accuracy", percent(stats.accuracy) if stats.answered else "–")
    table.add_row("Best streak", Text(str(stats.best_streak), style="quiz.streak"))
    return table


def bank_table(stats: Stats) -> Table:
    """Per bank: plays, best and average score, accuracy."""
    table = Table(title="Banks", title_style="quiz.title", expand=False)
    table.add_column("Bank", overflow="fold", ratio=1)
    table.add_column("Plays", justify="right")
    table.add_column("Best", justify="right")
    table.add_column("Avg", justify="right")
    table.add_column("Acc", justify="right")
    for bank in stats.banks:
        table.add_row(
            Text(shown(bank.title)),
            str(bank.plays),
            str(bank.best_score),
            f"{bank.average_score:.0f}",
            percent(bank.accuracy),
        )
    return table


def accuracy_table(title: str, heading: str, rows: Sequence[Accuracy]) -> Table:
    """Right answers and accuracy per tag or difficulty."""
    table = Table(title=title, title_style="quiz.title", expand=False)
    table.add_column(heading, overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Acc", justify="right")
    for row in rows:
        style = f"quiz.{row.label}" if row.label in ("easy", "medium", "hard") else ""
        table.add_row(
            Text(shown(row.label), style=style),
            f"{row.correct}/{row.answered}",
            percent(row.accuracy),
        )
    return table


def missed_table(stats: Stats) -> Table:
    """The questions missed most often."""
    table = Table(title="Most missed", title_style="quiz.title", expand=False)
    table.add_column("Question", overflow="fold")
    table.add_column("Missed", justify="right")
    for missed in stats.missed:
        where = f"{shown(missed.bank)} · {shown(missed.question_id)}"
        label = Text.assemble((where, "quiz.muted"))
        if missed.prompt:
            label.append("\n")
            label.append(Text(shown(missed.prompt)))
        table.add_row(label, f"{missed.missed}/{missed.asked}")
    return table


def score_chart(games: Sequence[GamePoint]) -> Group:
    """A sparkline of recent games, then a bar per game for the last few."""
    recent = games[-SPARK_GAMES:]
    line = Text.assemble(
        ("Scores ", "quiz.heading"),
        (sparkline(g.fraction for g in recent), "quiz.bar"),
        (f" last {len(recent)}", "quiz.muted"),
    )
    bars = Table.grid(padding=(0, 1))
    bars.add_column(style="quiz.muted")
    bars.add_column(no_wrap=True)
    bars.add_column(justify="right")
    shown = games[-BAR_GAMES:]
    for game in shown:
        when = f"{datetime.fromisoformat(game.ended).astimezone():%m-%d %H:%M}"
        bars.add_row(when, score_bar(game), percent(game.fraction))
    parts: list[RenderableType] = [line, bars]
    if any(not game.completed for game in shown):
        parts.append(Text("… stopped before the last question", style="quiz.muted"))
    return Group(*parts)


def score_bar(game: GamePoint, width: int = BAR_WIDTH) -> Text:
    """A bar of block characters, filled to the game's share of its best possible score."""
    filled = round(game.fraction * width)
    bar = Text("█" * filled, style="quiz.bar")
    bar.append("░" * (width - filled), style="quiz.muted")
    if not game.completed:
        bar.append(" …", style="quiz.warning")
    return bar


def progress_table(stats: Stats) -> Table:
    """Per bank: questions new, learning and known (stability of 21 days or more)."""
    table = Table(title="Progress", title_style="quiz.title", expand=False)
    table.add_column("Bank", overflow="fold", ratio=1)
    table.add_column("New", justify="right")
    table.add_column("Learning", justify="right")
    table.add_column("Known", justify="right")
    for row in stats.progress:
        new = "–" if row.new is None else str(row.new)
        table.add_row(Text(shown(row.title)), new, str(row.learning), str(row.known))
    return table


def retention_line(retention: Retention, scheduler: str) -> Text:
    """``Retention (30 days): 87% of 31 reviews; target 90% (fsrs)``."""
    line = Text("Retention ", style="quiz.heading")
    line.append("(30 days): ")
    measured = retention.measured
    if measured is None:
        line.append("no reviews yet", style="quiz.muted")
    else:
        style = "quiz.correct" if measured >= retention.target - 0.05 else "quiz.warning"
        line.append(percent(measured), style=style)
        line.append(f" of {retention.reviews} review{'' if retention.reviews == 1 else 's'}")
    target = f"target {percent(retention.target)}" if scheduler == "fsrs" else "scheduler leitner"
    line.append(f"; {target}", style="quiz.muted")
    return line


def _level(answers: int, top: int) -> int:
    """0 for no answers, else 1 to 4 by the quarter of the busiest day."""
    if not answers or not top:
        return 0
    return min(4, max(1, -(-answers * 4 // top)))


def heat_map(days: Sequence[Day]) -> Group:
    """A row per weekday, a column per week (oldest left), shaded by answers given.

    Shades are characters, so the map reads without colour too.
    """
    top = max(day.answers for day in days)
    weeks = len(days) // 7
    grid = Text()
    for weekday in range(7):
        grid.append(f"{WEEKDAYS[weekday]} ", style="quiz.muted")
        for week in range(weeks):
            level = _level(days[week * 7 + weekday].answers, top)
            grid.append(HEAT[level] if level else "·", style="quiz.bar" if level else "quiz.muted")
            grid.append(" ")
        grid.rstrip()
        grid.append("\n")
    grid.rstrip()
    played = sum(1 for day in days if day.answers)
    first = days[0].day
    title = Text.assemble(
        ("Days played", "quiz.title"),
        (f" · {CALENDAR_WEEKS} weeks from {first:%d %b}", "quiz.muted"),
    )
    legend = Text.assemble(
        ("· none ░ ▒ ▓ █ most", "quiz.muted"), (f" · {plural(played, 'day')} played", "quiz.muted")
    )
    return Group(title, grid, legend)


class Wrapped:
    """Lines wrapped at word boundaries to the width given, with no padding, even into
    a pipe (where the console leaves a long text whole)."""

    def __init__(self, lines: Sequence[Text]) -> None:
        self.lines = list(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each line, wrapped."""
        for line in self.lines:
            for part in line.wrap(console, max(options.max_width, 20)):
                part.rstrip()
                yield part


def wrapped(lines: Sequence[Text]) -> Wrapped:
    """See :class:`Wrapped`."""
    return Wrapped(lines)


def calendar_lines(days: Sequence[Day]) -> Wrapped:
    """The calendar as one sentence a week, for screen readers."""
    lines = [f"Days played in the last {CALENDAR_WEEKS} weeks:"]
    for start in range(0, len(days), 7):
        week = days[start : start + 7]
        played = [day for day in week if day.answers]
        head = f"Week of {week[0].day.day} {week[0].day:%B}: "
        if not played:
            lines.append(head + "not played.")
            continue
        answers = sum(day.answers for day in played)
        each = ", ".join(f"{day.day:%a} {day.answers}" for day in played)
        lines.append(f"{head}{plural(len(played), 'day')}, {plural(answers, 'answer')} ({each}).")
    return wrapped([Text(line) for line in lines])


TABLES = Views(
    overview, bank_table, progress_table, heat_map, accuracy_table, missed_table, score_chart
)
PLAIN = Views(
    plain_overview,
    plain_banks,
    plain_progress,
    calendar_lines,
    lambda title, _heading, rows: plain_accuracy(title, rows),
    plain_missed,
    plain_scores,
)
