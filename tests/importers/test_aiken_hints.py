"""Aiken options and ANSWER: lines written another way (the teacher's findings 18 and
19): the skip names what is wrong and the fix, once per question."""

from __future__ import annotations

from quiz.importers.common import Skip
from quiz.importers.convert import parse
from tests import helpers


def skips(text: str) -> tuple[Skip, ...]:
    result = parse(text, "aiken")
    assert result.questions == ()
    return result.skips


def test_options_in_lower_case_are_named() -> None:
    assert skips("Which is a gas giant?\na. Saturn\nb. Mars\nANSWER: a\n") == (
        Skip(
            1,
            "no options before the ANSWER: line (line 2 starts 'a.': options are lettered "
            "with capitals: write 'A. Saturn')",
        ),
    )


def test_options_with_no_space_after_the_letter_are_named() -> None:
    assert skips("Which is red?\nA.Mars\nB.Venus\nANSWER:A\n") == (
        Skip(
            1,
            "no options before the ANSWER: line (line 2 starts 'A.Mars': put a space after "
            "'A.': write 'A. Mars')",
        ),
    )


def test_numbered_options_are_named_before_an_answer_line() -> None:
    assert skips("Which planet has rings?\n1. Saturn\n2. Mars\nANSWER: 1\n") == (
        Skip(
            1,
            "no options before the ANSWER: line (line 2 starts '1.': Aiken options are "
            "lettered A., B., ...)",
        ),
    )


def test_answer_in_mixed_case_is_reported_once_with_the_fix() -> None:
    assert skips("Which planet is biggest?\nA) Jupiter\nB) Mars\nAnswer: A\n") == (
        Skip(
            1,
            "no ANSWER: line after its options (line 4, 'Answer: A', is not read as the "
            "answer: write ANSWER in capitals: 'ANSWER: A')",
        ),
    )


def test_a_full_width_colon_is_named() -> None:
    assert skips("Which moon is biggest?\nA. Ganymede\nB. Titan\nANSWER\uff1aA\n") == (
        Skip(
            1,
            "no ANSWER: line after its options (line 4, 'ANSWER\uff1aA', is not read as the "
            "answer: the colon is a full-width '\uff1a' (U+FF1A): type an ordinary ':': "
            "'ANSWER: A')",
        ),
    )


def test_the_next_question_after_a_misspelt_answer_still_converts() -> None:
    result = parse("Q1?\nA. x\nB. y\nanswer : b\n\nQ2?\nA. x\nB. y\nANSWER: B\n", "aiken")
    assert [q.prompt for q in result.questions] == ["Q2?"]
    assert result.skips == (
        Skip(
            1,
            "no ANSWER: line after its options (line 4, 'answer : b', is not read as the "
            "answer: write ANSWER in capitals; leave no space before the colon: "
            "'ANSWER: b')",
        ),
    )


def test_moodle_fixture_option_with_no_space_is_named() -> None:
    path = helpers.SHARED / "corpus" / "import-wild" / "moodle-aiken-fixture-aiken_errors.txt"
    result = parse(path.read_text(encoding="utf-8"), "aiken")
    assert (
        Skip(
            18,
            "no options before the ANSWER: line (line 19 starts 'A)Incorrect (No space)': put "
            "a space after 'A)': write 'A) Incorrect (No space)')",
        )
        in result.skips
    )
