"""``quiz review``: ask again the questions that are due, on the Leitner system."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.play import add_game_options
from quiz.errors import ExitStatus

if TYPE_CHECKING:
    from datetime import datetime, timedelta


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``review`` parser."""
    parser = commands.add_parser(
        "review",
        help="ask again the questions that are due for review",
        description=(
            "Spaced review: every answered question sits in a box from 1 to 5. A wrong "
            "answer puts it in box 1, due at once; a right one moves it up a box, due "
            "after 1, 3, 7 or 14 days. This asks the due questions of the banks named "
            "(all known banks when none is), most overdue first."
        ),
    )
    parser.add_argument("banks", nargs="*", metavar="BANK", help="bank names or files")
    add_game_options(parser, selection=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Find the due questions and play them, or say when the next one is due."""
    import random
    from datetime import UTC, datetime

    from rich.text import Text

    from quiz.history.review import next_due, review_turns
    from quiz.history.store import NOT_SAVED, open_history
    from quiz.library.sources import data_dir
    from quiz.ui.session import Session

    session = Session.from_args(args)
    banks = session.load_banks(args.banks)
    now = datetime.now(UTC)
    with open_history(data_dir(), lambda: now) as history:
        cards = history.cards()
    turns = review_turns(
        cards,
        banks,
        now=now,
        count=args.count,
        shuffle=not args.no_shuffle,
        rng=random.Random(session.seed),
    )
    for warning in history.warnings:
        # The game's own recording repeats "not saved"; a file moved aside is said once.
        if not (turns and warning.startswith(NOT_SAVED)):
            session.errors.print(Text.assemble(("warning:", "quiz.warning"), f" {warning}"))
    if turns:
        return session.run(turns)
    message = nothing_due(next_due(cards, banks, now), now, answered_elsewhere=bool(cards))
    session.console.print(Text(message))
    return ExitStatus.OK


def nothing_due(
    upcoming: datetime | None, now: datetime, *, answered_elsewhere: bool = False
) -> str:
    """The message when no question is due: when the next one will be, if any.

    ``answered_elsewhere``: there are answered questions, but none in the banks looked at.
    """
    if upcoming is None and answered_elsewhere:
        return (
            "Nothing to review in these banks. Questions you answered in other banks "
            "(say, banks played by path) are reviewed by naming them: quiz review BANK..."
        )
    if upcoming is None:
        return (
            "Nothing to review yet: questions come here once you have answered them "
            "in a game ('quiz play')."
        )
    local = upcoming.astimezone()
    return (
        f"Nothing to review now. The next question is due "
        f"{local:%Y-%m-%d at %H:%M} ({wait_text(upcoming - now)})."
    )


def wait_text(wait: timedelta) -> str:
    """``in 3 days``, ``in 5 hours``, ``in 12 minutes``, or ``in under a minute``."""
    from quiz.ui.listing import plural

    # Round up to the minute, so a day less a few milliseconds still reads "1 day".
    seconds = int(wait.total_seconds()) + 59
    if seconds >= 86_400:
        return "in " + plural(seconds // 86_400, "day")
    if seconds >= 3_600:
        return "in " + plural(seconds // 3_600, "hour")
    if seconds >= 60:
        return "in " + plural(seconds // 60, "minute")
    return "in under a minute"
