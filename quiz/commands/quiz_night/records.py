"""What a game with several players leaves behind: the results file and the history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.console import Console
from rich.text import Text

from quiz.game.round import Round
from quiz.history.results import given_value, write_results
from quiz.ui import host_lines


def results_document(game: Round, seed: int, *, completed: bool) -> dict[str, Any]:
    """The JSON of ``--results``: the questions asked, and every player's answers."""
    titles = dict.fromkeys(t.bank_title for t in game.turns)
    asked = {o.turn.question.id for outcomes in game.outcomes.values() for o in outcomes}
    asked |= {reveal.turn.question.id for reveal in game.reveals}
    players = []
    for row in game.standings():
        answers = [
            {
                "id": o.turn.question.id,
                "given": None if o.reply.timed_out else given_value(o.reply.given),
                "correct": o.correct,
                "points": o.points.total,
                "seconds": round(o.seconds, 3),
            }
            for o in game.outcomes[row.name]
        ]
        players.append(
            {"name": row.name, "score": row.score, "correct": row.correct, "answers": answers}
        )
    return {
        "bank": " + ".join(titles),
        "seed": seed,
        "questions": [
            {"id": t.question.id, "prompt": t.question.prompt}
            for t in game.turns
            if t.question.id in asked
        ],
        "players": players,
        "completed": completed,
    }


def save_histories(
    game: Round,
    *,
    mode: str,
    options: dict[str, object],
    started: datetime,
    ended: datetime,
    completed: bool,
) -> list[str]:
    """One game in the history for each player who answered something; the warnings."""
    from quiz.history.store import game_options, save_game
    from quiz.library.sources import data_dir

    warnings: list[str] = []
    seconds = (ended - started).total_seconds()
    for name in game.active():
        result = game.result_of(name, seconds, completed=completed)
        if not result.outcomes:
            continue
        for warning in save_game(
            data_dir(),
            result,
            mode=mode,
            banks=list(result.titles),
            options=game_options({**options, "player": name}),
            started=started,
            ended=ended,
        ):
            if warning not in warnings:
                warnings.append(warning)
    return warnings


def finish(
    game: Round,
    args: Any,
    seed: int,
    started: datetime,
    completed: bool,
    console: Console,
    errors: Console,
    mode: str,
) -> None:
    """After the game: every player's game in the history, then the results file."""
    from datetime import UTC

    ended = datetime.now(UTC)
    options = {
        "seed": seed,
        "count": getattr(args, "count", None),
        "time": getattr(args, "time", None),
        "tag": list(getattr(args, "tag", [])),
        "difficulty": getattr(args, "difficulty", None),
    }
    warnings = save_histories(
        game, mode=mode, options=options, started=started, ended=ended, completed=completed
    )
    for warning in warnings:
        errors.print(host_lines.warning(warning), soft_wrap=True)
    if args.results:
        write_results(args.results, results_document(game, seed, completed=completed))
        console.print(Text(f"Results written to {args.results}", style="quiz.muted"))
