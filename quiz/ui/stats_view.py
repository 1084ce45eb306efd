"""Renderables of ``quiz stats``: tables and a chart of scores, readable at 40 columns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from quiz.history.stats import Accuracy, GamePoint, Stats, sparkline

SPARK_GAMES = 30
BAR_GAMES = 10
BAR_WIDTH = 16


def percent(fraction: float) -> str:
    """``0.756`` as ``76%``."""
    return f"{fraction * 100:.0f}%"


def stats_view(stats: Stats) -> RenderableType:
    """Everything ``quiz stats`` shows, or a line saying there is nothing yet."""
    if not stats.sessions:
        return Text("No games yet. Play one with 'quiz play'.", style="quiz.muted")
    parts: list[RenderableType] = [overview(stats)]
    if stats.banks:
        parts.append(bank_table(stats))
    if stats.tags:
        parts.append(accuracy_table("By tag", "Tag", stats.tags))
    if stats.difficulties:
        parts.append(accuracy_table("By difficulty", "Difficulty", stats.difficulties))
    if stats.missed:
        parts.append(missed_table(stats))
    parts.append(score_chart(stats.games))
    return Group(*parts)


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
            Text(bank.title),
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
            Text(row.label, style=style), f"{row.correct}/{row.answered}", percent(row.accuracy)
        )
    return table


def missed_table(stats: Stats) -> Table:
    """The questions missed most often."""
    table = Table(title="Most missed", title_style="quiz.title", expand=False)
    table.add_column("Question", overflow="fold")
    table.add_column("Missed", justify="right")
    for missed in stats.missed:
        label = Text.assemble((f"{missed.bank} · {missed.question_id}", "quiz.muted"))
        if missed.prompt:
            label.append("\n")
            label.append(Text(missed.prompt))
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
