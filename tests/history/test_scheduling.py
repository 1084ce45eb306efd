"""FSRS scheduling: the rating of answers, cards reviewed by py-fsrs, a simulated learner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bench.review_sim import simulate
from quiz.history.scheduling import (
    DEFAULT_RETENTION,
    Grade,
    rate,
    rate_stored,
    review,
    scheduler,
)

T0 = datetime(2024, 3, 20, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("answer", "grade"),
    [
        ({"correct": False, "fraction": 0.0}, Grade.AGAIN),
        ({"correct": False, "fraction": 0.49}, Grade.AGAIN),
        ({"correct": False, "fraction": float("nan")}, Grade.AGAIN),
        ({"correct": False, "fraction": 0.5}, Grade.HARD),
        ({"correct": True, "fraction": 1.0, "used_hint": True}, Grade.HARD),
        ({"correct": True, "fraction": 1.0, "seconds": 8.0, "time_limit": 10.0}, Grade.HARD),
        ({"correct": True, "fraction": 1.0, "seconds": 7.0, "time_limit": 10.0}, Grade.GOOD),
        ({"correct": True, "fraction": 1.0, "seconds": 2.0}, Grade.GOOD),
        ({"correct": True, "fraction": 1.0, "seconds": 2.0, "right_before": True}, Grade.EASY),
        ({"correct": True, "fraction": 1.0, "seconds": 6.0, "right_before": True}, Grade.GOOD),
        (
            {"correct": True, "fraction": 1.0, "used_hint": True, "right_before": True},
            Grade.HARD,
        ),
    ],
)
def test_the_rating_of_an_answer(answer: dict[str, object], grade: Grade) -> None:
    assert rate(**answer) is grade  # type: ignore[arg-type]


def test_answers_stored_before_ratings_are_rated_from_what_they_kept() -> None:
    stored = {"seconds": 9.0, "time_limit": None, "right_before": False}
    assert rate_stored(correct=False, points=0, **stored) is Grade.AGAIN  # type: ignore[arg-type]
    assert rate_stored(correct=False, points=60, **stored) is Grade.HARD  # type: ignore[arg-type]
    assert rate_stored(correct=True, points=200, **stored) is Grade.GOOD  # type: ignore[arg-type]
    assert (
        rate_stored(correct=True, points=200, seconds=2.0, time_limit=None, right_before=True)
        is Grade.EASY
    )


def test_a_card_is_reviewed_without_fuzz_at_the_time_given() -> None:
    fsrs = scheduler()
    assert not fsrs.enable_fuzzing and fsrs.desired_retention == DEFAULT_RETENTION
    first = review(None, Grade.GOOD, T0, fsrs, correct=True, key=("Orbits", "moon"))
    assert (first.bank, first.question_id, first.reviews, first.right) == ("Orbits", "moon", 1, 1)
    assert first.last_review == T0 and first.due - T0 == timedelta(days=2)
    # Right again when due: stability grows, the next interval is longer.
    second = review(first, Grade.GOOD, first.due, fsrs, correct=True)
    assert second.stability > first.stability and second.due - first.due > timedelta(days=5)
    # Missed: back to relearning, due in ten minutes, one lapse.
    lapse = review(second, Grade.AGAIN, second.due, fsrs, correct=False)
    assert lapse.due - second.due == timedelta(minutes=10) and lapse.lapses == 1
    # A new question missed comes back after a minute.
    assert review(None, Grade.AGAIN, T0, fsrs, correct=False).due - T0 == timedelta(minutes=1)
    # A higher retention means sooner reviews.
    strict = review(first, Grade.GOOD, first.due, scheduler(0.97), correct=True)
    assert strict.due < second.due


def test_a_simulated_learner_keeps_fsrs_retention_near_its_target() -> None:
    """60 simulated days through the real store, engine and schedulers."""
    fsrs = simulate("fsrs", days=60, questions=300, seed=1)
    leitner = simulate("leitner", days=60, questions=300, seed=1)
    assert fsrs.reviews > 300 and leitner.reviews > 300
    assert abs(fsrs.retention - DEFAULT_RETENTION) <= 0.05, fsrs
    # FSRS reaches its target with fewer answers than the fixed boxes.
    assert fsrs.answers < leitner.answers
