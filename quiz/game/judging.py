"""Checking a given answer against a question. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.format.text import edit_distance, normalize_answer
from quiz.model import Given, Question, QuestionType

# A given answer: a choice (single), choices (multi), a truth (boolean), text,
# a number, or the items in the player's order (order).
TYPO_MIN_LETTERS = 5
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Verdict:
    """How right an answer is: ``fraction`` of the points (1.0 when fully right)."""

    correct: bool
    fraction: float
    note: str | None = None


def check(question: Question, given: Given) -> Verdict:
    """Judge ``given`` against ``question`` by the rules of its type."""
    match question.type:
        case QuestionType.SINGLE:
            return _exact(given == question.answers[0])
        case QuestionType.BOOLEAN:
            return _exact(given is question.truth)
        case QuestionType.NUMBER:
            return _exact(_number_matches(question, given))
        case QuestionType.TEXT:
            assert isinstance(given, str)
            return _check_text(question.answers, given)
        case QuestionType.MULTI:
            assert isinstance(given, tuple)
            return _check_multi(question.answers, given)
        case QuestionType.ORDER:
            assert isinstance(given, tuple)
            return _check_order(question.items, given)


def _exact(right: bool) -> Verdict:
    return Verdict(right, 1.0 if right else 0.0)


def _number_matches(question: Question, given: Given) -> bool:
    if isinstance(given, bool) or not isinstance(given, int | float) or question.number is None:
        return False
    # A hair of slack so that 0.1 + 0.2 style float noise never fails a right answer.
    slack = 1e-9 * max(1.0, abs(question.number))
    return abs(given - question.number) <= question.tolerance + slack


def _check_text(accepted: tuple[str, ...], given: str) -> Verdict:
    folded = normalize_answer(given)
    if not folded:
        return Verdict(False, 0.0)
    for answer in accepted:
        if normalize_answer(answer) == folded:
            return Verdict(True, 1.0)
    for answer in accepted:
        target = normalize_answer(answer)
        letters = sum(1 for char in target if char.isalpha())
        # A typo is forgiven in words, never in numbers: "Apollo 12" is not "Apollo 11".
        same_numbers = _DIGITS.findall(target) == _DIGITS.findall(folded)
        if (
            letters >= TYPO_MIN_LETTERS
            and same_numbers
            and edit_distance(target, folded, limit=1) <= 1
        ):
            return Verdict(True, 1.0, f"accepted with one typo: {answer}")
    return Verdict(False, 0.0)


def _check_multi(right: tuple[str, ...], given: tuple[str, ...]) -> Verdict:
    picked = set(given)
    right_picks = len(picked & set(right))
    wrong_picks = len(picked - set(right))
    if picked == set(right):
        return Verdict(True, 1.0)
    return Verdict(False, max(0, right_picks - wrong_picks) / len(right))


def _check_order(items: tuple[str, ...], given: tuple[str, ...]) -> Verdict:
    if given == items:
        return Verdict(True, 1.0)
    in_place = sum(1 for expected, placed in zip(items, given, strict=False) if expected == placed)
    return Verdict(False, in_place / len(items))
