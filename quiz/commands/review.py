"""``quiz review``: ask again the questions that are due, scheduled by FSRS or Leitner."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.play import add_game_options, positive_int
from quiz.errors import ExitStatus

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime, timedelta, tzinfo

    from quiz.game.engine import Outcome
    from quiz.history.cards import Choice
    from quiz.history.leitner import Card
    from quiz.history.scheduling import Memory


def retention_value(text: str) -> float:
    """argparse type: a desired retention from 0.7 to 0.99 (``90%`` is 0.9)."""
    from quiz.history.scheduling import MAX_RETENTION, MIN_RETENTION

    cleaned = text.strip()
    try:
        value = float(cleaned.rstrip("%")) / (100 if cleaned.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number like 0.9") from None
    if not MIN_RETENTION <= value <= MAX_RETENTION:
        raise argparse.ArgumentTypeError(
            f"must be from {MIN_RETENTION} to {MAX_RETENTION}, not {text}"
        )
    return value


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``review`` parser."""
    parser = commands.add_parser(
        "review",
        help="ask again the questions that are due for review",
        description=(
            "Spaced review of the banks named (all known banks when none is), most "
            "overdue first. FSRS (the default) learns from your answers how well you "
            "know each question and brings it back when your chance of recall falls to "
            "the desired retention; Leitner boxes wait 1, 3, 7 or 14 days. The scheduler "
            "and the retention chosen are remembered."
        ),
    )
    parser.add_argument("banks", nargs="*", metavar="BANK", help="bank names or files")
    parser.add_argument(
        "--scheduler",
        choices=("fsrs", "leitner"),
        help="how questions are scheduled (remembered; default fsrs)",
    )
    parser.add_argument(
        "--retention",
        type=retention_value,
        metavar="R",
        help="FSRS's desired retention, 0.7 to 0.99 (remembered; default 0.9)",
    )
    parser.add_argument(
        "--forecast",
        action="store_true",
        help="show how many questions fall due each day of the next two weeks",
    )
    parser.add_argument(
        "--ahead",
        type=positive_int,
        metavar="N",
        help="study the N questions due soonest, even though none is due yet",
    )
    add_game_options(parser, selection=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitStatus:
    """Find the due questions and play them, or say when the next one is due."""
    import random
    from datetime import UTC, datetime

    from rich.text import Text

    from quiz.history.cards import Choice
    from quiz.history.review import ahead_turns, known_cards, next_due, review_turns
    from quiz.history.store import NOT_SAVED, open_history
    from quiz.library.sources import data_dir
    from quiz.ui.review_view import ReviewSession, forecast_view, is_plain, review_label

    session = ReviewSession.from_args(args)
    assert isinstance(session, ReviewSession)
    banks = session.load_banks(args.banks)
    now = datetime.now(UTC)
    with open_history(data_dir(), lambda: now) as history:
        remembered = history.choice()
        choice = Choice(
            args.scheduler or remembered.scheduler, args.retention or remembered.retention
        )
        if choice != remembered:
            history.remember(choice)
        cards = history.cards(choice.scheduler)
        memories = {(m.bank, m.question_id): m for m in history.memories()}
    rng = random.Random(session.seed)
    shuffle = not args.no_shuffle
    plain = session.plain or is_plain(session.console)
    if args.forecast:
        turns = []
    elif args.ahead:
        turns = ahead_turns(cards, banks, now=now, count=args.ahead, shuffle=shuffle, rng=rng)
    else:
        turns = review_turns(cards, banks, now=now, count=args.count, shuffle=shuffle, rng=rng)
    for warning in history.warnings:
        # The game's own recording repeats "not saved"; a file moved aside is said once.
        if not (turns and warning.startswith(NOT_SAVED)):
            session.errors.print(Text.assemble(("warning:", "quiz.warning"), f" {warning}"))
    if args.forecast:
        known = known_cards(cards, banks)
        session.console.print(forecast_view(known, now, plain=plain, width=session.console.width))
        return ExitStatus.OK
    if turns:
        due_count = sum(1 for card in known_cards(cards, banks) if card.due <= now)
        session.console.print(review_label(due_count, len(turns), ahead=bool(args.ahead)))
        session.due_after = due_function(choice, cards, memories)
        return session.run(turns)
    upcoming = next_due(cards, banks, now)
    message = nothing_due(upcoming, now, answered_elsewhere=bool(cards), plain=plain)
    session.console.print(Text(message))
    return ExitStatus.OK


def due_function(
    choice: Choice, cards: list[Card], memories: dict[tuple[str, str], Memory]
) -> Callable[[Outcome], datetime]:
    """When the store will make a question due after this outcome, as the store does."""
    from datetime import UTC, datetime

    from quiz.history.cards import advance
    from quiz.history.leitner import due_at, next_box
    from quiz.history.recording import grade_of
    from quiz.history.scheduling import scheduler

    boxes = {(c.bank, c.question_id): c.box for c in cards}
    fsrs = scheduler(choice.retention)

    def due_after(outcome: Outcome) -> datetime:
        at = datetime.now(UTC)
        key = (outcome.turn.bank_title, outcome.turn.question.id)
        if choice.scheduler == "leitner":
            return due_at(next_box(boxes.get(key), outcome.correct), at)
        memory = memories.get(key)
        grade = grade_of(outcome, memory)
        return advance(memory, grade, at, fsrs, correct=outcome.correct, key=key).due

    return due_after


def nothing_due(
    upcoming: datetime | None,
    now: datetime,
    *,
    answered_elsewhere: bool = False,
    plain: bool = False,
    zone: tzinfo | None = None,
) -> str:
    """The message when no question is due: when the next one will be, if any, in the
    forecast's local words (``today at 05:28``, ``Thu 3 Dec at 09:00``).

    ``answered_elsewhere``: there are answered questions, but none in the banks looked at.
    """
    from quiz.ui.review_view import wait_text, when_text

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
    when = when_text(upcoming, now, plain=plain, zone=zone)
    return (
        f"Nothing to review now. The next question is due "
        f"{when} ({wait_text(upcoming - now)}). "
        "To study the soonest anyway: quiz review --ahead N"
    )


def wait_text(wait: timedelta) -> str:
    """``in 3 days``, ``in 5 hours``...: see :func:`quiz.ui.review_view.wait_text`."""
    from quiz.ui.review_view import wait_text as text

    return text(wait)
