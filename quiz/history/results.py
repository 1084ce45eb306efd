"""The results file of ``--results``: a JSON document of one game."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from quiz.errors import QuizError
from quiz.files import write_to_name
from quiz.game.engine import GameResult


def given_value(given: object) -> Any:
    """A given answer as JSON: text, a list, true/false or a number."""
    if isinstance(given, tuple):
        return list(given)
    if isinstance(given, float) and given.is_integer():
        return int(given)
    return given


def results_document(result: GameResult, seed: int | None) -> dict[str, Any]:
    """The results of a game, as the JSON object ``--results`` writes."""
    return {
        "bank": " + ".join(result.titles),
        "seed": seed,
        "total": result.planned,
        "correct": result.correct,
        "score": result.score,
        "max_score": result.max_score,
        "completed": result.completed,
        "answers": [
            {
                "id": outcome.turn.question.id,
                "correct": outcome.correct,
                "given": given_value(outcome.reply.given),
                "points": outcome.points.total,
                "seconds": round(outcome.seconds, 3),
            }
            for outcome in result.outcomes
        ],
    }


def write_results(target: str | os.PathLike[str], document: dict[str, Any]) -> None:
    """Write the document to what ``target`` names (see :func:`quiz.files.write_to_name`):
    a file is whole or untouched, a device or a FIFO is written through."""
    path = Path(target)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        write_to_name(path, text.encode())
    except OSError as error:
        raise QuizError(f"cannot write results to '{path}': {error.strerror or error}") from None


def write_or_say(target: str | os.PathLike[str], document: dict[str, Any]) -> QuizError | None:
    """Write the document as :func:`write_results` does; why it could not be, or None
    (a game tells it after its report, which is shown all the same)."""
    try:
        write_results(target, document)
    except QuizError as error:
        return error
    return None
