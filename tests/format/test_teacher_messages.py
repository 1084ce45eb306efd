"""The question rules a teacher found wanting (notes/teacher.md): match pairs, keys
teachers expect, duplicates, numbers, repeated questions and ids differing in case,
each message asserted whole, where it stands."""

from __future__ import annotations

import pytest

from quiz.format.checker import check_text
from tests.format.teacher_helpers import HEAD, apply, located

MATCH = "title: T\nquestions:\n  - id: m1\n    type: match\n    prompt: Match.\n    pairs:\n"


def test_match_pairs_are_named_in_plain_words_each_mistake_once() -> None:
    text = MATCH + (
        "      - {left: Europa, right: Jupiter}\n"
        "      - left: Titan\n"
        "      - {left: Phobos, rigth: Mars}\n"
        "      - Io -> Jupiter\n"
        "      - [Deimos, Mars]\n"
        "      - {left: Triton, wrong: Neptune}\n"
        "    explanation: x\n"
    )
    found = located(text)
    assert found == [
        "8:9: error: a pair is missing 'right'",
        "9:24: error: unknown key 'rigth' in a pair (did you mean 'right'?)",
        "10:9: error: an entry of 'pairs' must be a left and a right, not text: "
        "write it as {left: Io, right: Jupiter}",
        "11:9: error: an entry of 'pairs' must be a left and a right, not a list: "
        "write it as {left: Deimos, right: Mars}",
        "12:9: error: a pair is missing 'right'",
        "12:24: error: unknown key 'wrong' in a pair; the keys allowed in a pair are left "
        "and right",
    ]
    assert not any("mapping" in line or ") (" in line for line in found)
    fixed = apply(text, 10, "Io -> Jupiter", "{left: Io, right: Jupiter}")
    fixed = apply(fixed, 11, "[Deimos, Mars]", "{left: Deimos, right: Mars}")
    fixed = apply(fixed, 9, "rigth", "right")
    assert located(fixed) == located(text)[:1] + located(text)[-2:]


def test_a_pair_written_as_a_key_and_its_value_gets_the_keys_it_needs() -> None:
    text = MATCH + "      - {left: a, right: b}\n      - Io: Jupiter\n    explanation: x\n"
    assert located(text) == [
        "8:9: error: 'Io: Jupiter' in 'pairs' needs the keys left and right: "
        "write it as {left: Io, right: Jupiter}"
    ]
    assert located(apply(text, 8, "Io: Jupiter", "{left: Io, right: Jupiter}")) == []
    # A slip of 'left' is a misspelt key, not a left.
    assert located(MATCH + "      - {left: a, right: b}\n      - lft: Io\n")[1:] == [
        "8:9: error: unknown key 'lft' in a pair (did you mean 'left'?)",
        "8:9: error: a pair is missing 'right'",
    ]


def test_a_split_choice_is_named_only_when_its_pieces_share_a_line() -> None:
    text = HEAD + "    choices:\n      - Washington\n      - D.C.\n    answer: Washington, D.C.\n"
    assert located(text)[1] == "8:13: error: answer 'Washington, D.C.' is not one of the choices"


def test_a_pair_written_as_plain_text_shows_the_keys_it_needs() -> None:
    (line,) = located(
        MATCH + "      - {left: a, right: b}\n      - just text\n    explanation: x\n"
    )
    assert line == (
        "8:9: error: an entry of 'pairs' must be a left and a right, not text, "
        "like {left: Io, right: Jupiter}"
    )


@pytest.mark.parametrize(
    ("key", "advice"),
    [
        ("time", "a time limit is set when playing, for every question: quiz play --timed 30"),
        ("image", "images are not supported; a question is text only"),
        ("images", "images are not supported; a question is text only"),
    ],
)
def test_keys_teachers_expect_get_what_to_do_instead(key: str, advice: str) -> None:
    text = (
        HEAD + f"    choices: [Venus, Mars]\n    answer: Mars\n    explanation: x\n    {key}: 30\n"
    )
    assert located(text) == [f"8:5: error: unknown key '{key}': {advice}"]


def test_points_get_no_did_you_mean() -> None:
    text = (
        HEAD + "    choices: [Venus, Mars]\n    answer: Mars\n    explanation: x\n    points: 5\n"
    )
    assert not any("did you mean" in line for line in located(text))


def test_duplicates_say_why_they_are_the_same() -> None:
    text = HEAD + '    choices: [Mars, "Mars ", mars]\n    answer: Mars\n    explanation: x\n'
    assert located(text) == [
        "5:21: error: duplicate entry 'Mars ' in 'choices': spaces at the ends are removed, so it "
        "is the same as 'Mars' (first at column 15); remove one of them",
        "5:30: error: duplicate entry 'mars' in 'choices': entries are compared ignoring case, so "
        "it is the same as 'Mars' (first at column 15); remove one of them",
    ]


def test_case_variants_of_a_text_answer_are_a_warning_and_the_bank_loads() -> None:
    text = HEAD + "    type: text\n    answer: [Paris, paris, Pariss, Paris]\n    explanation: x\n"
    assert located(text) == [
        "6:21: warning: accepted answer 'paris' is already accepted by 'Paris' (at column 14): "
        "answers are compared ignoring case; remove it",
        "6:36: error: duplicate entry 'Paris' in 'answer' (first at column 14)",
    ]
    fixed = text.replace(", Paris]", "]")
    report = check_text(fixed, "t")
    assert report.bank is not None
    assert report.bank.questions[0].answers == ("Paris", "Pariss")


def test_a_number_too_large_is_not_called_not_a_number() -> None:
    text = HEAD + "    type: number\n    answer: 1e400\n    tolerance: 1e400\n    explanation: x\n"
    assert located(text) == [
        "6:13: error: 'answer' is too large: 1e400 is past the largest number, about 1.8e308",
        "7:16: error: 'tolerance' is too large: 1e400 is past the largest number, about 1.8e308",
    ]


def test_a_tolerance_in_percent_of_an_unknown_answer_gets_an_example() -> None:
    text = HEAD + "    type: number\n    answer: x\n    tolerance: 5 %\n    explanation: x\n"
    assert located(text)[-1] == (
        "7:16: error: 'tolerance' is in the answer's own units, not a percentage: "
        "for 5% of 200, write tolerance: 10"
    )


QUESTION = (
    "  - id: {id}\n    prompt: {prompt}\n    choices: [a, b]\n    answer: a\n    explanation: x\n"
)


def test_the_same_question_twice_is_a_warning_naming_the_first() -> None:
    text = "title: T\nquestions:\n" + "".join(
        QUESTION.format(id=qid, prompt=prompt)
        for qid, prompt in [
            ("q1", "Which is red?"),
            ("q2", "Which is big?"),
            ("q3", "which  is red?"),
        ]
    )
    text = apply(text, 15, "[a, b]", "[b, a]")  # the game shuffles the choices anyway
    assert located(text) == [
        "13:5: warning: question 'q3' has the same prompt and choices as the question on line 3; "
        "change one of them, or players are asked the same thing twice"
    ]


@pytest.mark.parametrize(
    "other",
    [
        "    choices: [c, d]\n    answer: c\n",  # a generic prompt over other choices
        "    passage: Another text.\n    choices: [a, b]\n    answer: a\n",
    ],
)
def test_the_same_prompt_over_other_material_is_no_warning(other: str) -> None:
    text = QUESTION.format(id="q1", prompt="Which is red?")
    text += "  - id: q2\n    prompt: Which is red?\n" + other + "    explanation: x\n"
    assert located("title: T\nquestions:\n" + text) == []


def test_the_same_text_question_twice_is_a_warning() -> None:
    one = "  - id: {}\n    type: text\n    prompt: Capital?\n    answer: {}\n    explanation: x\n"
    text = "title: T\nquestions:\n" + one.format("q1", "Paris") + one.format("q2", "Rome")
    assert located(text) == [
        "8:5: warning: question 'q2' has the same prompt as the question on line 3; "
        "change one of them, or players are asked the same thing twice"
    ]


def test_ids_that_differ_only_in_case_are_a_warning() -> None:
    text = "title: T\nquestions:\n" + "".join(
        QUESTION.format(id=qid, prompt=f"P{n}?") for n, qid in enumerate(("Q1", "q2", "q1"))
    )
    assert located(text) == [
        "13:9: warning: id 'q1' differs from id 'Q1' (line 3) only in case: stats and review "
        "keep the two apart, though they look the same; rename one"
    ]
