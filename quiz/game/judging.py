"""Checking a given answer against a question. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from quiz.format.text import edit_distance, normalize_answer
from quiz.model import Given, Question, QuestionType, accepted_numbers

# A given answer: a choice (single), choices (multi), a truth (boolean), text,
# a number, or the items in the player's order (order).

# One typo is forgiven in a text answer only when the answer has this many letters or
# more, its articles and punctuation aside ("the ISS" has three), and only in a word
# longer than MAX_STRICT_WORD that is neither an acronym nor a number.
TYPO_MIN_LETTERS = 5
MAX_STRICT_WORD = 3
ARTICLES = frozenset({"the", "a", "an"})
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")


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
        case QuestionType.MATCH:
            assert isinstance(given, tuple)
            return _check_match(question.pairs, given)


def _exact(right: bool) -> Verdict:
    return Verdict(right, 1.0 if right else 0.0)


def _number_matches(question: Question, given: Given) -> bool:
    if isinstance(given, bool) or not isinstance(given, int | float) or question.number is None:
        return False
    # A hair of slack so that 0.1 + 0.2 style float noise never fails a right answer.
    return any(
        abs(given - number) <= question.tolerance + 1e-9 * max(1.0, abs(number))
        for number in accepted_numbers(question)
    )


def _check_text(accepted: tuple[str, ...], given: str) -> Verdict:
    typed = _Words.of(given)
    if not typed.key:
        return Verdict(False, 0.0)
    targets = [_Words.of(answer) for answer in accepted]
    if any(target.key == typed.key for target in targets):
        return Verdict(True, 1.0)
    for answer, target in zip(accepted, targets, strict=True):
        if _one_forgivable_typo(target, typed.key):
            return Verdict(True, 1.0, f"accepted with one typo: {answer}")
    return Verdict(False, 0.0)


class _Words(NamedTuple):
    """An answer as it is compared: its folded words joined by spaces (``key``), for
    each character of the key whether a typo there may be forgiven, and how many
    letters it has outside articles (the length the typo rule looks at)."""

    key: str
    forgivable: tuple[bool, ...]
    letters: int

    @classmethod
    def of(cls, text: str) -> _Words:
        """Fold ``text`` as :func:`normalize_answer` does, drop a leading article, and
        join letters spelled one by one (``I.S.S.`` is ``iss``, an acronym)."""
        capitals = {word.casefold() for word in _LETTERS.findall(text) if _is_acronym(word)}
        words = _join_spelled([(word, word in capitals) for word in normalize_answer(text).split()])
        if len(words) > 1 and words[0][0] in ARTICLES:
            words = words[1:]
        marks: list[bool] = []
        for index, (word, acronym) in enumerate(words):
            if index:
                marks.append(True)  # the space between two words (see _touched)
            # Never in an acronym (ISS), a short word (the, MS) or a number (Apollo 11).
            safe = not acronym and len(word) > MAX_STRICT_WORD and not _DIGITS.search(word)
            marks.extend([safe] * len(word))
        letters = sum(
            sum(char.isalpha() for char in word) for word, _ in words if word not in ARTICLES
        )
        return cls(" ".join(word for word, _ in words), tuple(marks), letters)


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _join_spelled(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join a run of single letters (``i s s``) into one word, an acronym."""
    joined: list[tuple[str, bool]] = []
    run = ""
    for word, acronym in [*words, ("", False)]:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            joined.append((run, len(run) > 1))
            run = ""
        if word:
            joined.append((word, acronym))
    return joined


def _one_forgivable_typo(target: _Words, given: str) -> bool:
    """Whether ``given`` is ``target`` with one typo, in a place where one is forgiven."""
    if target.letters < TYPO_MIN_LETTERS or edit_distance(target.key, given, limit=1) != 1:
        return False
    return all(target.forgivable[index] for index in _touched(target.key, given))


def _touched(target: str, given: str) -> set[int]:
    """The characters of ``target`` that the one edit turning it into ``given`` touches.

    Past the longest common prefix and suffix, what is left of ``target`` is the edit:
    one character (changed or dropped), two (swapped), or none when one was added (then
    the letters either side of it). Where the edit could be placed anywhere in a run of
    equal letters, the run never crosses a space, so it never spans two words. A space
    changed, dropped or swapped touches the words either side of it.
    """
    prefix = 0
    limit = min(len(target), len(given))
    while prefix < limit and target[prefix] == given[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and target[-1 - suffix] == given[-1 - suffix]:
        suffix += 1
    start, stop = prefix, len(target) - suffix
    if start == stop:
        return {i for i in (start - 1, start) if 0 <= i < len(target) and target[i] != " "}
    touched = set(range(start, stop))
    for index in range(start, stop):
        if target[index] == " ":
            touched |= {index - 1, index + 1}
    return touched


def _check_multi(right: tuple[str, ...], given: tuple[str, ...]) -> Verdict:
    picked = set(given)
    right_picks = len(picked & set(right))
    wrong_picks = len(picked - set(right))
    if picked == set(right):
        return Verdict(True, 1.0)
    return Verdict(False, max(0, right_picks - wrong_picks) / len(right))


def _check_match(pairs: tuple[tuple[str, str], ...], given: tuple[str, ...]) -> Verdict:
    """Partial credit: the share of lefts given their right."""
    right = sum(
        1 for (_, expected), picked in zip(pairs, given, strict=False) if picked == expected
    )
    return Verdict(right == len(pairs), right / len(pairs))


def _check_order(items: tuple[str, ...], given: tuple[str, ...]) -> Verdict:
    if given == items:
        return Verdict(True, 1.0)
    in_place = sum(1 for expected, placed in zip(items, given, strict=False) if expected == placed)
    return Verdict(False, in_place / len(items))
