"""Points: the README's rules, to the point."""

from __future__ import annotations

import pytest

from quiz.game.scoring import Points, best_possible, score, streak_bonus
from quiz.model import Difficulty

E, M, H = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


@pytest.mark.parametrize(("level", "points"), [(E, 100), (M, 200), (H, 300)])
def test_base_points(level: Difficulty, points: int) -> None:
    assert score(level, 1.0, streak=1).total == points


@pytest.mark.parametrize(
    ("streak", "bonus"), [(1, 0), (2, 20), (3, 40), (6, 100), (7, 100), (50, 100)]
)
def test_streak_adds_ten_percent_per_answer_up_to_half(streak: int, bonus: int) -> None:
    assert streak_bonus(M, streak) == bonus
    assert score(M, 1.0, streak=streak) == Points(200, bonus)


def test_hint_halves_everything() -> None:
    assert score(H, 1.0, streak=3, used_hint=True) == Points(300, 60, -180)
    assert score(E, 1.0, streak=1, used_hint=True).total == 50


def test_timed_points_fall_with_time_and_vanish_after_the_limit() -> None:
    assert score(M, 1.0, streak=1, seconds=0.0, time_limit=10).total == 200
    assert score(M, 1.0, streak=1, seconds=5.0, time_limit=10).total == 150
    assert score(M, 1.0, streak=1, seconds=10.0, time_limit=10).total == 100
    assert score(M, 1.0, streak=1, seconds=10.01, time_limit=10) == Points(0)


def test_partial_credit_has_no_streak() -> None:
    assert score(M, 2 / 3) == Points(133)
    assert score(E, 0.5, used_hint=True) == Points(50, 0, -25)


def test_parts_add_up() -> None:
    points = score(H, 1.0, streak=4, used_hint=True, seconds=3.3, time_limit=7)
    assert points.base + points.streak + points.hint + points.time == points.total
    assert points.total == round((300 + 90) / 2 * (1 - 3.3 / 14))


def test_best_possible_counts_the_streak() -> None:
    assert best_possible([E, E, E]) == 100 + 110 + 120
    assert best_possible([H] * 8) == sum(300 + 30 * min(i, 5) for i in range(8))
