"""Judging and scoring a match question (partial credit by the share of right pairs) and
a number question that accepts several numbers."""

from __future__ import annotations

import random

import pytest

from quiz.game.engine import GameOptions, Reply, Status, judge, plan
from quiz.game.judging import check
from quiz.model import Bank, QuestionType, match_rights, right_answer_text, rights_reusable
from tests.helpers import make_question

MOONS = make_question(
    "moons",
    QuestionType.MATCH,
    pairs=(("Titan", "Saturn"), ("Europa", "Jupiter"), ("Phobos", "Mars")),
    extra=("Venus",),
)


@pytest.mark.parametrize(
    ("given", "correct", "fraction"),
    [
        (("Saturn", "Jupiter", "Mars"), True, 1.0),
        (("Saturn", "Venus", "Mars"), False, 2 / 3),
        (("Jupiter", "Saturn", "Venus"), False, 0.0),
        (("Saturn",), False, 1 / 3),
    ],
)
def test_match_scores_the_share_of_right_pairs(
    given: tuple[str, ...], correct: bool, fraction: float
) -> None:
    verdict = check(MOONS, given)
    assert (verdict.correct, verdict.fraction) == (correct, pytest.approx(fraction))


def test_partial_credit_reaches_the_points() -> None:
    turn = plan([Bank("b", "B", (MOONS,))], GameOptions(shuffle=False), random.Random(0))[0]
    outcome = judge(turn, Reply(("Saturn", "Venus", "Mars")), 1.0, Status())
    assert (outcome.correct, outcome.points.base) == (False, 133)  # 2/3 of 200


def test_rights_are_offered_once_each_with_extras_and_never_in_the_right_order() -> None:
    assert match_rights(MOONS) == ("Saturn", "Jupiter", "Mars", "Venus")
    shared = make_question("s", QuestionType.MATCH, pairs=(("a", "x"), ("b", "x"), ("c", "y")))
    assert match_rights(shared) == ("x", "y") and rights_reusable(shared)
    assert not rights_reusable(MOONS)
    unshuffled = plan([Bank("b", "B", (MOONS,))], GameOptions(shuffle=False), random.Random(0))
    assert unshuffled[0].choices == ("Jupiter", "Mars", "Saturn", "Venus")
    shuffled = plan([Bank("b", "B", (MOONS,))], GameOptions(), random.Random(5))
    assert sorted(shuffled[0].choices) == sorted(match_rights(MOONS))


def test_right_answer_text_of_match_and_number_lists() -> None:
    assert right_answer_text(MOONS) == "Titan → Saturn; Europa → Jupiter; Phobos → Mars"
    roots = make_question("r", QuestionType.NUMBER, number=-7.0, numbers=(4.0,), tolerance=0.5)
    assert right_answer_text(roots) == "-7 or 4 (± 0.5)"


@pytest.mark.parametrize(
    ("given", "right"), [(-7.0, True), (4.4, True), (0.0, False), (5.0, False)]
)
def test_a_number_question_accepts_any_of_its_numbers(given: float, right: bool) -> None:
    roots = make_question("r", QuestionType.NUMBER, number=-7.0, numbers=(4.0,), tolerance=0.5)
    assert check(roots, given).correct is right
