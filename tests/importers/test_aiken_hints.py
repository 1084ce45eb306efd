"""Aiken options and ANSWER: lines written another way (the teacher's findings 18 and
19): the skip names what is wrong and the fix, once per question."""

from __future__ import annotations

import pytest

from quiz.importers.common import Skip
from quiz.importers.convert import detect_format, parse
from tests import helpers


def skips(text: str) -> tuple[Skip, ...]:
    result = parse(text, "aiken")
    assert result.questions == ()
    return result.skips


NO_OPTIONS = "no options before the ANSWER: line (line 2 starts "
NO_ANSWER = "no ANSWER: line after its options (line 4, "


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (  # lower case
            "Which is a gas giant?\na. Saturn\nb. Mars\nANSWER: a\n",
            NO_OPTIONS + "'a.': options are lettered with capitals: write 'A. Saturn')",
        ),
        (  # no space after the letter
            "Which is red?\nA.Mars\nB.Venus\nANSWER:A\n",
            NO_OPTIONS + "'A.Mars': put a space after 'A.': write 'A. Mars')",
        ),
        (  # a colon after the letter (stranger2 #9), said as written
            "Which is red?\nA: Mars\nB: Venus\nANSWER: A\n",
            NO_OPTIONS + "'A:': an option is a capital letter, then a dot or a bracket and a "
            "space: write 'A. Mars' or 'A) Mars')",
        ),
        (  # numbered, with an ANSWER: line after them
            "Which planet has rings?\n1. Saturn\n2. Mars\nANSWER: 1\n",
            NO_OPTIONS + "'1.': Aiken options are lettered A., B., ...)",
        ),
        (  # Answer: in mixed case, reported once (not again as text with no options)
            "Which planet is biggest?\nA) Jupiter\nB) Mars\nAnswer: A\n",
            NO_ANSWER + "'Answer: A', is not read as the answer: write ANSWER in capitals: "
            "'ANSWER: A')",
        ),
        (  # a full-width colon
            "Which moon is biggest?\nA. Ganymede\nB. Titan\nANSWER\uff1aA\n",
            NO_ANSWER + "'ANSWER\uff1aA', is not read as the answer: the colon is a full-width "
            "'\uff1a' (U+FF1A): type an ordinary ':': 'ANSWER: A')",
        ),
    ],
)
def test_a_slip_is_named_with_its_fix_once(text: str, reason: str) -> None:
    assert skips(text) == (Skip(1, reason),)


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


def test_a_file_whose_answer_lines_are_all_misspelt_is_still_read_as_aiken() -> None:
    text = "Which planet is biggest?\nA) Jupiter\nB) Mars\nAnswer: A\n"
    assert detect_format(text, "a1.txt") == "aiken"
    assert detect_format(text.replace("Answer: A", "ANSWER\uff1aA"), "a2.txt") == "aiken"
