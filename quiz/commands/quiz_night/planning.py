"""The questions of a game with several players: the banks, the plan, no hints, a time limit."""

from __future__ import annotations

import argparse
import dataclasses
import random

from rich.console import Console

from quiz.errors import QuizError
from quiz.game.engine import GameOptions, Turn, plan
from quiz.model import Difficulty


def plan_night(
    args: argparse.Namespace, errors: Console, *, default_seconds: float
) -> tuple[list[Turn], int]:
    """The turns of the game and its seed; a results file that cannot be written is refused."""
    from quiz.library.loading import catalogue
    from quiz.library.sources import resolve
    from quiz.ui.console import check_writable
    from quiz.ui.listing import skipped_warning

    if args.results:
        check_writable(args.results)
    found = catalogue(resolve(args.banks))
    for report in found.broken:
        errors.print(skipped_warning(report), soft_wrap=True)
    if not found.banks:
        raise QuizError("no playable bank found; check the files with 'quiz validate'")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    options = GameOptions(
        limit=args.count,
        tags=tuple(args.tag),
        difficulty=Difficulty(args.difficulty) if args.difficulty else None,
        time_limit=args.time or default_seconds,
    )
    turns = plan(found.banks, options, random.Random(seed))
    # Hints are off when several play: one player's hint would be everyone's.
    return [t._replace(question=dataclasses.replace(t.question, hint=None)) for t in turns], seed
