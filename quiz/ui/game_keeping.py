"""What a game leaves behind, finished or stopped: its record in the history, and the
results file asked for with ``--results``."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.console import Console
from rich.text import Text

from quiz.errors import QuizError
from quiz.game.engine import GameResult
from quiz.ui.endgame import best_record
from quiz.ui.summary_view import Record

# Parsed arguments that are not options of the game, so are not kept with it.
NOT_OPTIONS = ("run", "command", "banks", "menu", "results")


def save_history(
    result: GameResult,
    times: tuple[datetime, datetime],
    mode: str,
    options: dict[str, object],
    errors: Console,
) -> Record | None:
    """Record the game (played from ``times[0]`` to ``times[1]``) and move its questions'
    review cards; faults only warn, on ``errors``. Returns the bank's best score before
    this game (for a game of one bank, in ``play``).

    A game stopped before its first answer is not a game played: nothing is kept.
    """
    if not result.outcomes:
        return None
    # Imported here, after the game, so that sqlite3 does not delay the first question.
    from quiz.history.store import game_options, open_history
    from quiz.library.sources import data_dir

    with open_history(data_dir(), lambda: datetime.now(UTC)) as history:
        record = best_record(history, result.titles) if mode == "play" else None
        history.record_game(
            result,
            mode=mode,
            banks=list(result.titles),
            options=game_options(options, drop=NOT_OPTIONS),
            started=times[0],
            ended=times[1],
        )
    for warning in history.warnings:
        errors.print(Text.assemble(("warning:", "quiz.warning"), f" {warning}"), soft_wrap=True)
    return record


def write_results(target: str, result: GameResult, seed: int | None) -> QuizError | None:
    """Write the results file; why it could not be written, or None (a game tells it
    after its report, which is shown all the same)."""
    from quiz.history.results import results_document, write_or_say

    return write_or_say(target, results_document(result, seed))
