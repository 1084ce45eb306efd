"""When a question comes back: the rating of an answer and FSRS cards. Pure.

FSRS (the maintained ``fsrs`` package, py-fsrs) models each question's stability
(the days over which recall falls to 90%) and difficulty from the player's own
answers, and schedules the next review when the chance of recall falls to the
desired retention. Every answer of every game updates the question's card; Leitner
boxes (:mod:`quiz.history.leitner`) are kept beside it, so either scheduler can be
chosen at any time.

Intervals are not fuzzed: the day shown after an answer is the day the question
comes back. All times are aware datetimes in UTC.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from fsrs import Card, Rating, Scheduler, State

DEFAULT_RETENTION = 0.9
MIN_RETENTION = 0.7
MAX_RETENTION = 0.99
KNOWN_DAYS = 21.0  # a question whose stability is at least this is "known"
EASY_SECONDS = 5.0  # right this fast, and right before: easy
SLOW_SHARE = 0.75  # right after this share of the time limit: hard
HALF = 0.5


class Grade(IntEnum):
    """The four FSRS ratings, as stored in the history (the values of ``fsrs.Rating``)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


def rate(
    *,
    correct: bool,
    fraction: float,
    used_hint: bool = False,
    seconds: float = 0.0,
    time_limit: float | None = None,
    right_before: bool = False,
) -> Grade:
    """The rating of one answer, from what the game knows.

    Wrong, or partial credit under a half: again. Right after the hint, partly right
    (half or more), or right but slower than three quarters of the time limit: hard.
    Right within five seconds on a question answered right before: easy. Right: good.
    """
    if not correct:
        return Grade.HARD if fraction >= HALF and math.isfinite(fraction) else Grade.AGAIN
    if used_hint or (time_limit is not None and seconds > SLOW_SHARE * time_limit):
        return Grade.HARD
    if right_before and seconds <= EASY_SECONDS:
        return Grade.EASY
    return Grade.GOOD


def rate_stored(
    *, correct: bool, points: int, seconds: float, time_limit: float | None, right_before: bool
) -> Grade:
    """The rating of an answer stored before ratings were kept (schema 2 and older).

    Those rows do not say whether the hint was used or what share was right: a wrong
    answer that still earned points was partly right (hard), one with none is again.
    """
    fraction = 0.0 if correct or points <= 0 else HALF
    return rate(
        correct=correct,
        fraction=fraction,
        seconds=seconds,
        time_limit=time_limit,
        right_before=right_before,
    )


@dataclass(frozen=True, slots=True)
class Memory:
    """What FSRS knows of one question, as stored (``state`` 1 learning, 2 review,
    3 relearning); ``right`` counts the right answers so far."""

    bank: str
    question_id: str
    state: int
    step: int | None
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime
    reviews: int
    lapses: int
    right: int

    @property
    def known(self) -> bool:
        """Whether the question is known: stability of 21 days or more."""
        return self.stability >= KNOWN_DAYS

    @property
    def learning(self) -> bool:
        """Whether the question is still being learnt (not yet known)."""
        return not self.known


# A question missed comes back after a minute (or ten, once it was known); one answered
# right goes straight to days: a quiz game is played in sittings, not in minutes.
LEARNING_STEPS = (timedelta(minutes=1),)
RELEARNING_STEPS = (timedelta(minutes=10),)


def scheduler(retention: float = DEFAULT_RETENTION) -> Scheduler:
    """An FSRS scheduler aiming at ``retention``, without fuzz."""
    return Scheduler(
        desired_retention=retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        enable_fuzzing=False,
    )


def review(
    memory: Memory | None,
    grade: Grade,
    at: datetime,
    fsrs: Scheduler,
    *,
    correct: bool,
    key: tuple[str, str] = ("", ""),
) -> Memory:
    """The card after one answer at ``at`` (a question never answered before has none)."""
    at = at.astimezone(UTC)
    if memory is None:
        card = Card(card_id=1, due=at)
        reviews = lapses = right = 0
        bank, question_id = key
    else:
        card = Card(
            card_id=1,
            state=State(memory.state),
            step=memory.step,
            stability=memory.stability,
            difficulty=memory.difficulty,
            due=memory.due.astimezone(UTC),
            last_review=memory.last_review.astimezone(UTC),
        )
        reviews, lapses, right = memory.reviews, memory.lapses, memory.right
        bank, question_id = memory.bank, memory.question_id
    after, _ = fsrs.review_card(card, Rating(int(grade)), review_datetime=at)
    assert after.stability is not None and after.difficulty is not None
    lapsed = grade is Grade.AGAIN and card.state is State.Review
    return Memory(
        bank=bank,
        question_id=question_id,
        state=int(after.state),
        step=after.step,
        stability=float(after.stability),
        difficulty=float(after.difficulty),
        due=after.due,
        last_review=at,
        reviews=reviews + 1,
        lapses=lapses + int(lapsed),
        right=right + int(correct),
    )
