"""The question rules a teacher found wanting (notes/teacher.md): each message that
offers a fix is asserted whole, where it stands, and the fix is applied to the file,
which must then check clean (the other messages: test_teacher_messages.py)."""

from __future__ import annotations

import pytest

from tests.format.teacher_helpers import HEAD, apply, assert_fix_checks_clean, located

# (file, the diagnostic expected, the line to fix, what to replace there, the fix offered)
FIXES = [
    pytest.param(
        HEAD + "    choices: [Ottawa, Washington, D.C., London]\n    answer: Washington, D.C.\n"
        "    explanation: x\n",
        "5:23: error: the choices 'Washington' and 'D.C.' look like one choice split at its "
        "comma (the answer is 'Washington, D.C.'); put it in quotes: "
        'choices: [Ottawa, "Washington, D.C.", London]',
        5,
        "choices: [Ottawa, Washington, D.C., London]",
        'choices: [Ottawa, "Washington, D.C.", London]',
        id="6-comma-split",
    ),
    pytest.param(
        HEAD + "    type: multi\n    choices: [a, b, c, d]\n    answer:\n      - b, c\n"
        "    explanation: x\n",
        "6:18: error: the choices 'b' and 'c' look like one choice split at its comma "
        "(the answer is 'b, c'); put it in quotes: choices: [a, \"b, c\", d]",
        6,
        "choices: [a, b, c, d]",
        'choices: [a, "b, c", d]',
        id="6-comma-split-multi",
    ),
    pytest.param(
        "title: T\nquestions:\n  - id: вопрос-1\n    prompt: P\n    choices: [a, b]\n"
        "    answer: a\n    explanation: x\n",
        "3:9: error: id 'вопрос-1' may hold only the letters a-z and A-Z, digits, '-' and '_' "
        "(no accents or other alphabets): write id: q1",
        3,
        "id: вопрос-1",
        "id: q1",
        id="12-cyrillic-id",
    ),
    pytest.param(
        "title: T\nquestions:\n  - id: Question 2!\n    prompt: P\n    choices: [a, b]\n"
        "    answer: a\n    explanation: x\n",
        "3:9: error: id 'Question 2!' may hold only the letters a-z and A-Z, digits, '-' and '_' "
        "(no spaces): write id: Question-2",
        3,
        "id: Question 2!",
        "id: Question-2",
        id="12-id-with-space",
    ),
    pytest.param(
        "title: T\nquestions:\n  - id: café\n    prompt: P\n    choices: [a, b]\n"
        "    answer: a\n    explanation: x\n",
        "3:9: error: id 'café' may hold only the letters a-z and A-Z, digits, '-' and '_' "
        "(no accents or other alphabets): write id: cafe",
        3,
        "id: café",
        "id: cafe",
        id="12-accent-id",
    ),
    pytest.param(
        HEAD
        + "    choices: [Venus, Mars]\n    answer: Mars\n    explanation: x\n    points: 500\n",
        "8:5: error: unknown key 'points': points come from the difficulty, from easy (the "
        "fewest) to hard (the most): write difficulty: hard",
        8,
        "points: 500",
        "difficulty: hard",
        id="23-points",
    ),
    pytest.param(
        HEAD + "    choices: [Venus, Mars]\n    answer: [Mars]\n    explanation: x\n",
        "6:13: error: a single question has one answer: write answer: Mars (without brackets)",
        6,
        "answer: [Mars]",
        "answer: Mars",
        id="25-one-answer-in-brackets",
    ),
    pytest.param(
        HEAD + "    choices: [Venus, Mars]\n    answer: B\n    explanation: x\n",
        "6:13: error: an answer is the text of a choice, not its letter: choice B is 'Mars'; "
        "write answer: Mars",
        6,
        "answer: B",
        "answer: Mars",
        id="26-letter-answer",
    ),
    pytest.param(
        HEAD + "    choices: [A) Venus, B) Mars]\n    answer: B) Mars\n    explanation: x\n",
        "5:14: warning: the choices start with A) B): the game numbers choices itself; leave "
        "those out, here and in the answer: choices: [Venus, Mars]",
        5,
        "choices: [A) Venus, B) Mars]",
        "choices: [Venus, Mars]",
        id="26-lettered-choices",
    ),
    pytest.param(
        HEAD + "    type: number\n    answer: 3,14\n    explanation: x\n",
        "6:13: error: 'answer' must be a number, not '3,14': use a dot for decimals: answer: 3.14",
        6,
        "answer: 3,14",
        "answer: 3.14",
        id="27-decimal-comma",
    ),
    pytest.param(
        HEAD + '    type: number\n    answer: "1,969"\n    explanation: x\n',
        "6:13: error: 'answer' must be a number, not '1,969': write answer: 1969 without the "
        "comma, or answer: 1.969 if the comma is a decimal point",
        6,
        'answer: "1,969"',
        "answer: 1969",
        id="27-thousands-comma",
    ),
    pytest.param(
        HEAD + "    type: number\n    answer: 1 000\n    explanation: x\n",
        "6:13: error: 'answer' must be a number, not '1 000': write answer: 1000 without the "
        "spaces",
        6,
        "answer: 1 000",
        "answer: 1000",
        id="27-spaced-digits",
    ),
    pytest.param(
        HEAD + "    type: number\n    answer: 9.81\n    tolerance: 5%\n    explanation: x\n",
        "7:16: error: 'tolerance' is in the answer's own units, not a percentage: for 5% of "
        "9.81, write tolerance: 0.4905",
        7,
        "tolerance: 5%",
        "tolerance: 0.4905",
        id="27-tolerance-percent",
    ),
]


@pytest.mark.parametrize(("text", "expected", "line", "old", "fix"), FIXES)
def test_the_message_is_exact_and_its_fix_checks_clean(
    text: str, expected: str, line: int, old: str, fix: str
) -> None:
    found = located(text)
    assert expected in found, found
    if "B) Mars" in old:  # the choices fixed, the answer is fixed the same way
        text = apply(text, line + 1, "answer: B) Mars", "answer: Mars")
    assert_fix_checks_clean(text, expected, line, old, fix)


def test_a_letter_that_is_a_choice_in_another_case_is_a_slip_of_case() -> None:
    text = HEAD + "    choices: [B, A]\n    answer: a\n    explanation: x\n"
    assert located(text) == [
        "6:13: error: answer 'a' is not one of the choices (did you mean 'A'?)"
    ]


def test_a_letter_answer_with_lettered_choices_is_fixed_by_both_messages() -> None:
    text = (
        HEAD + "    choices: [A) Venus, B) Mars, C) Jupiter]\n    answer: B\n    explanation: x\n"
    )
    assert located(text) == [
        "5:14: warning: the choices start with A) B) C): the game numbers choices itself; "
        "leave those out, here and in the answer: choices: [Venus, Mars, Jupiter]",
        "6:13: error: an answer is the text of a choice, not its letter: choice B is 'B) Mars'; "
        "leave the letters out of the choices and write answer: Mars",
    ]
    fixed = apply(text, 5, "[A) Venus, B) Mars, C) Jupiter]", "[Venus, Mars, Jupiter]")
    assert located(apply(fixed, 6, "answer: B", "answer: Mars")) == []


def test_a_bare_answer_with_lettered_choices_is_fixed_by_the_choices_alone() -> None:
    text = HEAD + "    choices: [a) Venus, b) Mars]\n    answer: Mars\n    explanation: x\n"
    assert located(text) == [
        "5:14: warning: the choices start with a) b): the game numbers choices itself; "
        "leave those out, here and in the answer: choices: [Venus, Mars]",
        "6:13: error: answer 'Mars' is written 'b) Mars' in the choices: leave the letters out "
        "of the choices (line 5)",
    ]
    assert located(apply(text, 5, "[a) Venus, b) Mars]", "[Venus, Mars]")) == []


def test_a_split_choice_in_a_list_over_several_lines_is_named_without_a_line() -> None:
    text = HEAD + "    choices: [Ottawa,\n      Washington, D.C.]\n    answer: Washington, D.C.\n"
    assert (
        "6:7: error: the choices 'Washington' and 'D.C.' look like one choice split at its comma "
        "(the answer is 'Washington, D.C.'); put it in quotes: \"Washington, D.C.\""
    ) in located(text)
