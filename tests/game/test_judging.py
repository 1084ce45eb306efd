"""Answer checking: each type's rules, typo forgiveness and partial credit."""

from __future__ import annotations

import pytest

from quiz.game.judging import Verdict, check
from quiz.model import Question, QuestionType
from tests.helpers import make_question

TEXT = make_question("t", QuestionType.TEXT, answers=("Kazakhstan", "Republic of Kazakhstan"))
SHORT = make_question("s", QuestionType.TEXT, answers=("Mars",))
MULTI = make_question(
    "m", QuestionType.MULTI, choices=("A", "B", "C", "D"), answers=("A", "B", "C")
)
ORDER = make_question("o", QuestionType.ORDER, items=("1", "2", "3", "4"))
NUMBER = make_question("n", QuestionType.NUMBER, number=1975.0, tolerance=2.0)
EXACT = make_question("e", QuestionType.NUMBER, number=0.3)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Kazakhstan", Verdict(True, 1.0)),
        ("  kazakhstan  ", Verdict(True, 1.0)),
        ("KAZAKHSTAN!", Verdict(True, 1.0)),
        ("Kazakhstán", Verdict(True, 1.0)),
        ("republic   of kazakhstan", Verdict(True, 1.0)),
        ("Kazakstan", Verdict(True, 1.0, "accepted with one typo: Kazakhstan")),
        # neighbours swapped
        ("Kazakhstna", Verdict(True, 1.0, "accepted with one typo: Kazakhstan")),
        ("Kazkahstna", Verdict(False, 0.0)),  # two typos
        ("Kazakh", Verdict(False, 0.0)),
        ("", Verdict(False, 0.0)),
        ("!!!", Verdict(False, 0.0)),
    ],
)
def test_text_answers(given: str, expected: Verdict) -> None:
    assert check(TEXT, given) == expected


def test_typos_are_not_forgiven_in_short_answers() -> None:
    assert check(SHORT, "Mars").correct
    assert not check(SHORT, "Mar").correct
    assert not check(SHORT, "Mart").correct


@pytest.mark.parametrize(
    ("given", "correct", "fraction"),
    [
        (("A", "B", "C"), True, 1.0),
        (("A", "B"), False, 2 / 3),
        (("A", "B", "D"), False, 1 / 3),
        (("A", "D"), False, 0.0),
        (("D",), False, 0.0),
        ((), False, 0.0),
    ],
)
def test_multi_partial_credit(given: tuple[str, ...], correct: bool, fraction: float) -> None:
    verdict = check(MULTI, given)
    assert (verdict.correct, verdict.fraction) == (correct, pytest.approx(fraction))


@pytest.mark.parametrize(
    ("given", "correct", "fraction"),
    [
        (("1", "2", "3", "4"), True, 1.0),
        (("1", "2", "4", "3"), False, 0.5),
        (("4", "3", "2", "1"), False, 0.0),
        (("2", "1", "3", "4"), False, 0.5),
    ],
)
def test_order_share_in_place(given: tuple[str, ...], correct: bool, fraction: float) -> None:
    verdict = check(ORDER, given)
    assert (verdict.correct, verdict.fraction) == (correct, fraction)


@pytest.mark.parametrize(
    ("given", "correct"),
    [(1975.0, True), (1973.0, True), (1977.0, True), (1977.5, False), (1972.9, False)],
)
def test_number_tolerance(given: float, correct: bool) -> None:
    assert check(NUMBER, given).correct is correct


def test_number_float_noise_is_not_wrong() -> None:
    assert check(EXACT, 0.1 + 0.2).correct
    assert not check(EXACT, 0.31).correct


def test_single_and_boolean() -> None:
    single = make_question("x", QuestionType.SINGLE, choices=("a", "b"), answers=("b",))
    assert check(single, "b").correct
    assert not check(single, "a").correct
    boolean = make_question("y", QuestionType.BOOLEAN, truth=False)
    assert check(boolean, False).correct
    assert not check(boolean, True).correct


@pytest.mark.parametrize(
    ("accepted", "given", "correct"),
    [
        ("Apollo 11", "Apollo 12", False),
        ("Soyuz MS-25", "soyuz ms 24", False),
        ("Soyuz MS-25", "Soyz MS-25", True),
        ("Apollo 11", "Apolo 11", True),
    ],
)
def test_a_typo_is_forgiven_in_words_never_in_numbers(
    accepted: str, given: str, correct: bool
) -> None:
    question = make_question("n", QuestionType.TEXT, answers=(accepted,))
    assert check(question, given).correct is correct


# -- the typo rule: length without articles, never in acronyms or short words (issue 16) --

STATION = make_question(
    "iss", QuestionType.TEXT, answers=("the ISS", "the International Space Station")
)
PROJECT = make_question("astp", QuestionType.TEXT, answers=("Apollo-Soyuz Test Project", "ASTP"))


@pytest.mark.parametrize("given", ["the IS", "the ESS", "the ISA", "ISA", "IS", "the ISSS"])
def test_no_typo_is_forgiven_in_a_short_answer_after_its_article(given: str) -> None:
    assert check(STATION, given) == Verdict(False, 0.0)


@pytest.mark.parametrize(
    "given",
    ["the ISS", "ISS", "iss", "I.S.S.", "I. S. S.", "International Space Station", "The ISS!"],
)
def test_an_article_or_spelled_out_letters_change_nothing(given: str) -> None:
    assert check(STATION, given) == Verdict(True, 1.0)


@pytest.mark.parametrize(
    ("question", "given", "correct"),
    [
        (STATION, "the Internatonal Space Station", True),  # a letter dropped in a long word
        (STATION, "Internationl Space Station", True),
        (STATION, "International Space Statoin", True),  # neighbours swapped
        (STATION, "InternationalSpace Station", True),  # a space dropped between long words
        (PROJECT, "ATSP", False),  # an acronym: no typo
        (PROJECT, "ASTQ", False),
        (PROJECT, "Apollo-Soyuz Test Projetc", True),
        (PROJECT, "Apollo-Soyuz Tset Project", True),  # "test" has four letters: forgiven
        (PROJECT, "Apollo-Soyuz Test", False),  # a whole word missing is no typo
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_typo_is_forgiven_only_in_a_long_word(
    question: Question, given: str, correct: bool
) -> None:
    assert check(question, given).correct is correct


@pytest.mark.parametrize(
    ("accepted", "given", "correct"),
    [
        ("the Moon", "the Mon", False),  # four letters once the article is set aside
        ("NASA", "NASSA", False),
        ("UNOOSA", "UNOSA", False),  # an acronym, however long
        ("ISS crew members", "ISA crew members", False),
        ("ISS crew members", "ISS crew membres", True),
        ("Soyuz MS-25", "Soyuz MX-25", False),  # MS: two letters
        ("Mir space station", "Mir spac station", True),  # "space" is long enough
        ("Mir space station", "Mur space station", False),
    ],
)
def test_where_a_typo_falls_decides(accepted: str, given: str, correct: bool) -> None:
    question = make_question("q", QuestionType.TEXT, answers=(accepted,))
    assert check(question, given).correct is correct


def test_a_forgiven_typo_names_the_answer_it_was_taken_for() -> None:
    assert check(STATION, "the Intrenational Space Station") == Verdict(
        True, 1.0, "accepted with one typo: the International Space Station"
    )
