"""Points: base by difficulty, streak bonus, hint and time. Pure functions.

Every step rounds to a whole point, halves upwards, so the parts a player is
shown always add up to the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from quiz.model import Difficulty

BASE_POINTS = {Difficulty.EASY: 100, Difficulty.MEDIUM: 200, Difficulty.HARD: 300}
STREAK_STEP = 0.10
STREAK_STEPS_MAX = 5  # +10% per right answer in a row after the first, up to +50%


@dataclass(frozen=True, slots=True)
class Points:
    """The points of one answer and how they were made: total = base + streak + hint + time."""

    base: int
    streak: int = 0
    hint: int = 0
    time: int = 0

    @property
    def total(self) -> int:
        """The points earned."""
        return self.base + self.streak + self.hint + self.time


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def streak_bonus(difficulty: Difficulty, streak: int) -> int:
    """The bonus of a right answer that makes a run of ``streak`` right answers in a row."""
    steps = min(max(streak - 1, 0), STREAK_STEPS_MAX)
    return _round(BASE_POINTS[difficulty] * STREAK_STEP * steps)


def score(
    difficulty: Difficulty,
    fraction: float,
    *,
    streak: int = 0,
    used_hint: bool = False,
    seconds: float = 0.0,
    time_limit: float | None = None,
) -> Points:
    """Score one answer.

    ``fraction`` is the share of the question answered right (1.0 when fully right);
    ``streak`` counts the right answers in a row ending with this one (0 when it is
    not fully right); in timed mode an answer after ``time_limit`` scores nothing.
    """
    if time_limit is not None and seconds > time_limit:
        return Points(0)
    base = _round(BASE_POINTS[difficulty] * fraction)
    bonus = streak_bonus(difficulty, streak) if streak else 0
    subtotal = base + bonus
    hint = -(subtotal - _round(subtotal / 2)) if used_hint else 0
    subtotal += hint
    time = 0
    if time_limit is not None:
        time = _round(subtotal * (1 - seconds / (2 * time_limit))) - subtotal
    return Points(base, bonus, hint, time)


def best_possible(difficulties: list[Difficulty]) -> int:
    """The most a player could score on these questions, in this order, all right and fast."""
    return sum(
        BASE_POINTS[level] + streak_bonus(level, position)
        for position, level in enumerate(difficulties, start=1)
    )
