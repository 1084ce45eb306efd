"""After the last answer: the report, the bank's best from the history, what next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from quiz.game.engine import GameResult, Turn
from quiz.ui import summary_view as views
from quiz.ui.summary_view import Record

if TYPE_CHECKING:
    from quiz.history.store import History

PLAY_AGAIN, REVIEW_MISSES, START_SCREEN, QUIT = "again", "misses", "start", "quit"
REVIEW_POINTER = "The questions you missed come back in 'quiz review'."


def best_record(history: History, titles: tuple[str, ...]) -> Record | None:
    """The best scores stored for the game's one bank (None for a game of several), by
    the number of questions: of the earlier games of ``quiz play`` with that bank
    alone, finished or stopped (not of review, party or quiz-night games)."""
    if len(titles) != 1:
        return None
    bests: dict[int, int] = {}
    for game in history.rows()[0]:
        if game.mode == "play" and game.banks == titles:
            bests[game.planned] = max(bests.get(game.planned, game.score), game.score)
    return Record(bests)


def report(
    console: Console, result: GameResult, *, plain: bool, record: Record | None = None
) -> None:
    """The summary, the breakdown and the review of missed questions."""
    console.print()
    if plain:
        parts = [
            views.plain_summary(result, record),
            views.plain_breakdown(result),
            views.plain_review(result),
        ]
        for part in parts:
            if part is not None:
                console.print(part)
                console.print()
    else:
        title = Text("Game over" if result.completed else "Game so far", style="quiz.title")
        console.print(Panel(views.summary(result, record), title=title, expand=False))
        table = views.breakdown(result)
        if table is not None:
            console.print(table)
        missed = views.review(result)
        if missed is not None:
            console.print(missed)
    if result.missed:
        console.print(Text(REVIEW_POINTER, style="quiz.muted"))


def choices(result: GameResult, *, again: bool, start: bool) -> list[tuple[str, str]]:
    """The after-game menu: (key, label) for what the player can do next."""
    options = []
    if again:
        options.append((PLAY_AGAIN, "Play again (same banks, new shuffle)"))
    if result.missed:
        count = len(result.missed)
        options.append((REVIEW_MISSES, f"Review the {count} missed now"))
    if start:
        options.append((START_SCREEN, "Back to the start screen"))
    options.append((QUIT, "Quit"))
    return options


def missed_turns(result: GameResult) -> list[Turn]:
    """The missed questions as a new game, in the order they were asked."""
    missed = [o.turn for o in result.missed]
    return [
        turn._replace(number=number, total=len(missed))
        for number, turn in enumerate(missed, start=1)
    ]
