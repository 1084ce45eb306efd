"""``quiz stats`` in plain mode: lines of words a screen reader reads well.

No box drawing, no ruled table, no bar of block characters: each table of
:mod:`quiz.ui.stats_view` becomes a heading and a sentence a row. Text read from the
history (bank titles, question ids, prompts, tags, difficulties) is data, perhaps
forged: it goes in as :class:`rich.text.Text` (never markup) with its control
characters escaped (:func:`shown`), as file names are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text

from quiz.format.text import escape_controls
from quiz.history.stats import Accuracy, GamePoint, Stats
from quiz.ui.listing import plural

SPARK_GAMES = 30
BAR_GAMES = 10


def percent(fraction: float) -> str:
    """``0.756`` as ``76%``."""
    return f"{fraction * 100:.0f}%"


def shown(text: str) -> str:
    """Text from the history as it may be printed: on one line, every control
    character (an escape sequence, a bidi override) written as an escape, ``\\x1b``."""
    return escape_controls(" ".join(text.split()) if "\n" in text else text)


def _section(title: str, rows: Sequence[Text]) -> Text:
    lines = Text.assemble((title, "quiz.title"))
    for row in rows:
        lines.append("\n")
        lines.append_text(row)
    return lines


def plain_overview(stats: Stats) -> Text:
    """``History``, then games, answers, accuracy and best streak, a line each."""
    accuracy = percent(stats.accuracy) if stats.answered else "none yet"
    return _section(
        "History",
        [
            Text(f"Games played: {stats.sessions}."),
            Text(f"Answers: {stats.correct} of {stats.answered} right."),
            Text(f"Accuracy: {accuracy}."),
            Text(f"Best streak: {stats.best_streak}."),
        ],
    )


def plain_banks(stats: Stats) -> Text:
    """``My first quiz: 5 plays, best score 935, average 247, accuracy 64%.``"""
    rows = [
        Text(shown(bank.title)).append(
            f": {plural(bank.plays, 'play')}, best score {bank.best_score}, "
            f"average {bank.average_score:.0f}, accuracy {percent(bank.accuracy)}."
        )
        for bank in stats.banks
    ]
    return _section("Banks:", rows)


def plain_progress(stats: Stats) -> Text:
    """``My first quiz: 2 new, 3 learning, 2 known.`` (new unknown: its file is gone)."""
    rows = []
    for row in stats.progress:
        new = "new not known (file not found)" if row.new is None else f"{row.new} new"
        rows.append(
            Text(shown(row.title)).append(f": {new}, {row.learning} learning, {row.known} known.")
        )
    return _section("Progress:", rows)


def plain_accuracy(title: str, rows: Sequence[Accuracy]) -> Text:
    """``dates: 2 of 5 right, 40%.``, a line per tag or difficulty."""
    lines = [
        Text(shown(row.label)).append(
            f": {row.correct} of {row.answered} right, {percent(row.accuracy)}."
        )
        for row in rows
    ]
    return _section(f"{title}:", lines)


def plain_missed(stats: Stats) -> Text:
    """``My first quiz, question q1: missed 3 of 5 times. Which planet…?``"""
    rows = []
    for missed in stats.missed:
        line = Text(f"{shown(missed.bank)}, question {shown(missed.question_id)}: ")
        line.append(f"missed {missed.missed} of {plural(missed.asked, 'time')}.")
        if missed.prompt:
            line.append(f" {shown(missed.prompt)}")
        rows.append(line)
    return _section("Most missed:", rows)


def plain_scores(games: Sequence[GamePoint]) -> Text:
    """The share of its best possible score each recent game earned, in words."""
    recent = games[-SPARK_GAMES:]
    shares = ", ".join(percent(game.fraction) for game in recent)
    lines = Text(f"Scores of the last {plural(len(recent), 'game')}, oldest first: {shares}.")
    for game in games[-BAR_GAMES:]:
        when = datetime.fromisoformat(game.ended).astimezone()
        stopped = " (stopped before the last question)" if not game.completed else ""
        lines.append(
            f"\n{when.day} {when:%B %H:%M}: {game.score} of {plural(game.max_score, 'point')}, "
            f"{percent(game.fraction)}{stopped}."
        )
    return lines
