"""Loading and validating question files: one test per rule of the format (issue 2).

Each broken case names the exact ``LINE:COL: severity:`` where the problem must be
reported and the key words of the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import BankError, Diagnostic
from quiz.format.checker import check_bytes, check_text
from quiz.format.report import Report
from quiz.library.loading import check_file, load_bank
from quiz.model import Bank, Difficulty, Question, QuestionType
from tests.helpers import DATA

HEAD = "title: T\nquestions:\n"
# The question starts on line 3; extra lines from question() start on line 6, column 5.
# Values then start at: choices 14, answer 13, type 11, items 12, tolerance 16,
# difficulty 17, hint 11, tags 11, source 13.


def question(*lines: str, head: str = HEAD) -> str:
    """A bank with one question (id q1, prompt P, explanation E) plus ``lines``."""
    body = "".join(f"    {line}\n" for line in lines)
    return head + "  - id: q1\n    prompt: P\n    explanation: E\n" + body


def check(text: str) -> Report:
    return check_text(text, "t.yaml")


def located(report: Report) -> list[str]:
    return [f"{d.line}:{d.column}: {d.severity}: {d.message}" for d in report.diagnostics]


def assert_reported(text: str, expected: str) -> Report:
    """``expected`` is ``LINE:COL: severity: words``; some diagnostic must match it."""
    where, _, words = expected.partition(": ")
    severity, _, words = words.partition(": ")
    report = check(text)
    found = located(report)
    assert any(line.startswith(f"{where}: {severity}: ") and words in line for line in found), (
        f"expected {expected!r} among:\n" + "\n".join(found)
    )
    if severity == "error":
        assert report.bank is None
    return report


def only_question(text: str) -> Question:
    report = check(text)
    assert report.errors == (), located(report)
    assert report.bank is not None
    (q,) = report.bank.questions
    return q


# -- every rule of the format, as (yaml, expected diagnostic) ----------------------------

ERROR_CASES: list[tuple[str, str, str]] = [
    # YAML syntax
    ("tab-indent", "title: T\nquestions:\n\t- id: q1\n", "3:1: error: a tab character"),
    (
        "tab-inside-question",
        "title: T\nquestions:\n  - id: q1\n\tprompt: P\n",
        "4:1: error: a tab character",
    ),
    (
        "unclosed-double-quote",
        question("choices: [a, b]", 'answer: "a'),
        '7:13: error: the quote " opened here is never closed; add the closing "',
    ),
    (
        "unclosed-single-quote",
        "title: 'T\nquestions: []\n",
        "1:8: error: the quote ' opened here is never closed; add the closing '",
    ),
    (
        "bad-indentation",
        "title: T\n  extra: x\nquestions: []\n",
        "2:3: error: 'extra' is indented more than 'title' on line 1: start it at column 1",
    ),
    (
        "unclosed-flow-list",
        question("choices: [a, b"),
        "6:14: error: the '[' opened here is never closed; add ']' at its end",
    ),
    (
        "second-document",
        question() + "---\ntitle: U\n",
        "6:1: error: '---' here starts a second document",
    ),
    # the shape of the file
    ("empty-file", "", "1:1: error: the file is empty"),
    ("blank-file", "\n\n   \n", "1:1: error: the file is empty"),
    ("comment-only", "# nothing yet\n", "1:1: error: the file is empty"),
    (
        "top-level-list",
        "- title: T\n",
        "1:1: error: the top level must hold the keys 'title' and 'questions'",
    ),
    (
        "top-level-text",
        "just words\n",
        "1:1: error: the top level must hold the keys 'title' and 'questions'",
    ),
    (
        "python-tag",
        "title: !!python/object/apply:os.system ['true']\nquestions: []\n",
        "1:8: error: unsupported tag '!!python/object/apply:os.system'",
    ),
    (
        "alias-bomb",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join([f'*{o}'] * 10)}]\n"
            for o, n in zip("abcde", "bcdef", strict=True)
        ),
        "4:44: error: values repeated with '&name' and '*name' here would grow the file",
    ),
    # required bank fields
    ("missing-title", "questions: []\n", "1:1: error: missing required key 'title'"),
    ("empty-title", 'title: ""\nquestions: []\n', "1:8: error: 'title' is empty"),
    ("blank-title", "title: '   '\nquestions: []\n", "1:8: error: 'title' is empty"),
    ("title-no-value", "title:\nquestions: []\n", "1:7: error: 'title' is empty"),
    ("title-a-list", "title: [a, b]\nquestions: []\n", "1:8: error: 'title' must be text"),
    ("missing-questions", "title: T\n", "1:1: error: missing required key 'questions'"),
    ("empty-questions", "title: T\nquestions: []\n", "2:12: error: 'questions' is empty"),
    (
        "questions-text",
        "title: T\nquestions: lots\n",
        "2:12: error: 'questions' must be a list of questions, not text",
    ),
    (
        "question-not-a-mapping",
        HEAD + "  - What is red?\n",
        "3:5: error: question 1 must be keys with values",
    ),
    (
        "description-a-list",
        question("choices: [a, b]", "answer: a", head="title: T\ndescription: [x]\nquestions:\n"),
        "2:14: error: 'description' must be text, not a list",
    ),
    # unknown and duplicated keys
    (
        "unknown-top-key-suggested",
        "titel: T\nquestions: []\n",
        "1:1: error: unknown key 'titel' at the top level (did you mean 'title'?)",
    ),
    (
        "unknown-question-key-suggested",
        question("choices: [a, b]", "answer: a", "explantion: x"),
        "8:5: error: unknown key 'explantion' (did you mean 'explanation'?)",
    ),
    (
        "unknown-key-case-suggested",
        question("choices: [a, b]", "Answer: a"),
        "7:5: error: unknown key 'Answer' (did you mean 'answer'?)",
    ),
    (
        "duplicate-top-key",
        "title: T\ntitle: U\n" + question()[len("title: T\n") :],
        "2:1: error: duplicate key 'title' (first at line 1)",
    ),
    (
        "duplicate-question-key",
        question("choices: [a, b]", "answer: a", "answer: b"),
        "8:5: error: duplicate key 'answer' (first at line 7)",
    ),
    (
        "key-not-a-word",
        question("choices: [a, b]", "answer: a", "? [x]", ": y"),
        "8:7: error: a key must be a plain word, not a list",
    ),
    # ids
    (
        "missing-id",
        HEAD + "  - prompt: P\n    answer: a\n",
        "3:5: error: question 1 is missing 'id'",
    ),
    (
        "empty-id",
        HEAD + "  - id: ''\n    prompt: P\n    choices: [a, b]\n    answer: a\n",
        "3:9: error: 'id' is empty",
    ),
    (
        "id-with-space",
        HEAD + "  - id: q 1\n    prompt: P\n    choices: [a, b]\n    answer: a\n",
        "3:9: error: id 'q 1' may hold only the letters a-z and A-Z, digits, '-' and '_' "
        "(no spaces): write id: q-1",
    ),
    (
        "id-with-dot",
        HEAD + "  - id: q.1\n    prompt: P\n    choices: [a, b]\n    answer: a\n",
        "3:9: error: id 'q.1' may hold only the letters a-z and A-Z, digits, '-' and '_' "
        "(not '.'): write id: q-1",
    ),
    (
        "duplicate-id",
        question("choices: [a, b]", "answer: a") + "  - id: q1\n    prompt: Q\n",
        "8:9: error: duplicate id 'q1' (first used at line 3)",
    ),
    # prompts
    (
        "missing-prompt",
        HEAD + "  - id: q1\n    choices: [a, b]\n    answer: a\n",
        "3:5: error: question 'q1' is missing 'prompt'",
    ),
    (
        "empty-prompt",
        HEAD + '  - id: q1\n    prompt: ""\n    choices: [a, b]\n    answer: a\n',
        "4:13: error: 'prompt' is empty",
    ),
    (
        "prompt-a-list",
        HEAD + "  - id: q1\n    prompt: [a]\n    choices: [a, b]\n    answer: a\n",
        "4:13: error: 'prompt' must be text, not a list",
    ),
    # type and difficulty
    (
        "unknown-type-suggested",
        question("type: singel", "choices: [a, b]", "answer: a"),
        "6:11: error: unknown type 'singel' (did you mean 'single'?)",
    ),
    (
        "unknown-type-listed",
        question("type: essay", "answer: a"),
        "6:11: error: unknown type 'essay' (expected one of: single, multi, boolean, text,",
    ),
    (
        "unknown-difficulty",
        question("choices: [a, b]", "answer: a", "difficulty: extreme"),
        "8:17: error: unknown difficulty 'extreme' (expected one of: easy, medium, hard)",
    ),
    (
        "unknown-difficulty-suggested",
        question("choices: [a, b]", "answer: a", "difficulty: Hard"),
        "8:17: error: unknown difficulty 'Hard' (did you mean 'hard'?)",
    ),
    # single and multi
    (
        "single-missing-choices",
        question("answer: a"),
        "3:5: error: question 'q1' is missing 'choices'",
    ),
    (
        "single-missing-answer",
        question("choices: [a, b]"),
        "3:5: error: question 'q1' is missing 'answer'",
    ),
    (
        "choices-text-not-list",
        question("choices: a", "answer: a"),
        "6:14: error: 'choices' must be a list, not text",
    ),
    (
        "choices-one",
        question("choices: [a]", "answer: a"),
        "6:14: error: 'choices' needs at least 2 entries, found 1",
    ),
    (
        "choices-none",
        question("choices: []", "answer: a"),
        "6:14: error: 'choices' needs at least 2 entries, found 0",
    ),
    (
        "choices-eleven",
        question("choices: [a, b, c, d, e, f, g, h, i, j, k]", "answer: a"),
        "6:14: error: 'choices' takes at most 10 entries, found 11",
    ),
    (
        "choices-duplicate",
        question("choices: [a, b, a]", "answer: a"),
        "6:21: error: duplicate entry 'a' in 'choices' (first at column 15)",
    ),
    (
        "choices-duplicate-ignoring-case",
        question("choices: [Mars, Venus, MARS]", "answer: Mars"),
        "6:28: error: duplicate entry 'MARS' in 'choices'",
    ),
    (
        "choices-block-duplicate",
        question("choices:", "  - a", "  - b", "  - a", "answer: a"),
        "9:9: error: duplicate entry 'a' in 'choices' (first at line 7)",
    ),
    (
        "choice-empty",
        question("choices: [a, b, '']", "answer: a"),
        "6:21: error: 'choices entry' is empty",
    ),
    (
        "choice-a-list",
        question("choices: [a, b, [c]]", "answer: a"),
        "6:21: error: 'choices entry' must be text, not a list",
    ),
    (
        "answer-not-a-choice",
        question("choices: [a, b]", "answer: c"),
        "7:13: error: answer 'c' is not one of the choices",
    ),
    (
        "answer-wrong-case-suggested",
        question("choices: [Mars, Venus]", "answer: mars"),
        "7:13: error: answer 'mars' is not one of the choices (did you mean 'Mars'?)",
    ),
    (
        "answer-number-not-a-choice",
        question("choices: [1961, 1969]", "answer: 1961.0"),
        "7:13: error: answer '1961.0' is not one of the choices",
    ),
    (
        "single-answer-a-list",
        question("choices: [a, b]", "answer: [a]"),
        "7:13: error: a single question has one answer: write answer: a (without brackets)",
    ),
    (
        "single-answer-a-mapping",
        question("choices: [a, b]", "answer: {a: b}"),
        "7:13: error: 'answer' must be text, not keys with values",
    ),
    (
        "single-answer-empty",
        question("choices: [a, b]", "answer: ''"),
        "7:13: error: 'answer' is empty",
    ),
    (
        "multi-answer-text",
        question("type: multi", "choices: [a, b]", "answer: a"),
        "8:13: error: 'answer' of a multi question must be a list of choices, not text",
    ),
    (
        "multi-answer-empty",
        question("type: multi", "choices: [a, b]", "answer: []"),
        "8:13: error: 'answer' of a multi question needs at least one choice",
    ),
    (
        "multi-answer-not-a-choice",
        question("type: multi", "choices: [a, b]", "answer: [a, c]"),
        "8:17: error: answer 'c' is not one of the choices",
    ),
    (
        "multi-answer-twice",
        question("type: multi", "choices: [a, b]", "answer: [b, b]"),
        "8:17: error: answer 'b' is listed twice",
    ),
    (
        "multi-one-choice",
        question("type: multi", "choices: [a]", "answer: [a]"),
        "7:14: error: 'choices' needs at least 2 entries, found 1",
    ),
    # boolean
    (
        "boolean-maybe",
        question("type: boolean", "answer: maybe"),
        "7:13: error: the answer of a boolean question is true or false (or yes/no), not 'maybe'",
    ),
    (
        "boolean-on",
        question("type: boolean", "answer: on"),
        "7:13: error: the answer of a boolean question is true or false",
    ),
    (
        "boolean-number",
        question("type: boolean", "answer: 1"),
        "7:13: error: the answer of a boolean question is true or false",
    ),
    (
        "boolean-missing-answer",
        question("type: boolean"),
        "3:5: error: question 'q1' is missing 'answer'",
    ),
    (
        "boolean-answer-a-list",
        question("type: boolean", "answer: [true]"),
        "7:13: error: 'answer' must be text, not a list",
    ),
    # text
    (
        "text-missing-answer",
        question("type: text"),
        "3:5: error: question 'q1' is missing 'answer'",
    ),
    (
        "text-answer-empty-list",
        question("type: text", "answer: []"),
        "7:13: error: 'answer' needs at least one accepted answer",
    ),
    (
        "text-answer-duplicates",
        question("type: text", "answer: [Gagarin, GAGARIN]"),
        "7:23: warning: accepted answer 'GAGARIN' is already accepted by 'Gagarin' "
        "(at column 14): answers are compared ignoring case; remove it",
    ),
    (
        "text-answer-punctuation-only",
        question("type: text", "answer: '?!'"),
        "7:13: error: accepted answer '?!' has no letters or digits",
    ),
    (
        "text-answer-a-mapping",
        question("type: text", "answer: {a: b}"),
        "7:13: error: 'answer' must be text, not keys with values",
    ),
    # number
    (
        "number-missing-answer",
        question("type: number"),
        "3:5: error: question 'q1' is missing 'answer'",
    ),
    (
        "number-answer-words",
        question("type: number", "answer: three"),
        "7:13: error: 'answer' must be a number, not 'three'",
    ),
    (
        "number-answer-infinite",
        question("type: number", "answer: .inf"),
        "7:13: error: 'answer' must be a number, not '.inf'",
    ),
    (
        "number-answer-nan",
        question("type: number", "answer: .nan"),
        "7:13: error: 'answer' must be a number",
    ),
    (
        "number-answer-a-list-with-text",
        question("type: number", "answer: [1, x]"),
        "7:17: error: 'answer' must be a number, not 'x'",
    ),
    (
        "negative-tolerance",
        question("type: number", "answer: 10", "tolerance: -1"),
        "8:16: error: 'tolerance' must be zero or more, not -1",
    ),
    (
        "negative-fractional-tolerance",
        question("type: number", "answer: 10", "tolerance: -0.5"),
        "8:16: error: 'tolerance' must be zero or more, not -0.5",
    ),
    (
        "tolerance-words",
        question("type: number", "answer: 10", "tolerance: some"),
        "8:16: error: 'tolerance' must be a number, not 'some'",
    ),
    # order
    (
        "order-missing-items",
        question("type: order"),
        "3:5: error: question 'q1' is missing 'items'",
    ),
    (
        "order-one-item",
        question("type: order", "items: [a]"),
        "7:12: error: 'items' needs at least 2 entries, found 1",
    ),
    (
        "order-nine-items",
        question("type: order", "items: [a, b, c, d, e, f, g, h, i]"),
        "7:12: error: 'items' takes at most 8 entries, found 9",
    ),
    (
        "order-duplicate-item",
        question("type: order", "items: [a, b, a]"),
        "7:19: error: duplicate entry 'a' in 'items'",
    ),
    (
        "order-items-text",
        question("type: order", "items: a b c"),
        "7:12: error: 'items' must be a list, not text",
    ),
    (
        "order-with-answer",
        question("type: order", "items: [a, b]", "answer: a"),
        "8:13: error: 'answer' does not apply to an order question",
    ),
    # keys that belong to other types
    (
        "choices-on-text",
        question("type: text", "answer: x", "choices: [a, b]"),
        "8:14: error: 'choices' does not apply to a text question; it is for multi and single",
    ),
    (
        "tolerance-on-single",
        question("choices: [a, b]", "answer: a", "tolerance: 1"),
        "8:16: error: 'tolerance' does not apply to a single question; it is for number",
    ),
    (
        "items-on-boolean",
        question("type: boolean", "answer: true", "items: [a, b]"),
        "8:12: error: 'items' does not apply to a boolean question; it is for order",
    ),
    # tags, hint, source
    (
        "bank-tags-text",
        "title: T\ntags: space\n" + question()[len("title: T\n") :],
        "2:7: error: 'tags' must be a list, not text",
    ),
    (
        "question-tags-duplicate",
        question("choices: [a, b]", "answer: a", "tags: [x, y, x]"),
        "8:18: error: duplicate entry 'x' in 'tags'",
    ),
    (
        "hint-a-list",
        question("choices: [a, b]", "answer: a", "hint: [x]"),
        "8:11: error: 'hint' must be text, not a list",
    ),
    (
        "source-a-mapping",
        question("choices: [a, b]", "answer: a", "source: {a: b}"),
        "8:13: error: 'source' must be text, not keys with values",
    ),
    (
        "explanation-empty",
        HEAD
        + "  - id: q1\n    prompt: P\n    explanation: ''\n    choices: [a, b]\n    answer: a\n",
        "5:18: error: 'explanation' is empty",
    ),
    # control characters and terminal escapes, written as YAML escapes
    (
        "escape-in-prompt",
        HEAD + '  - id: q1\n    prompt: "Red \\x1b[31mplanet"\n',
        "4:13: error: in 'prompt': an escape character (it starts terminal control codes) U+001B",
    ),
    (
        "escape-in-title",
        'title: "\\e[2J"\nquestions: []\n',
        "1:8: error: in 'title': an escape character",
    ),
    (
        "bell-in-choice",
        question('choices: [a, "b\\a"]', "answer: a"),
        "6:18: error: in 'choices entry': a control character U+0007",
    ),
    (
        "csi-in-hint",
        question("choices: [a, b]", "answer: a", 'hint: "x\\x9b2J"'),
        "8:11: error: in 'hint': a control character U+009B",
    ),
    (
        "del-in-explanation",
        HEAD + '  - id: q1\n    prompt: P\n    explanation: "x\\x7f"\n',
        "5:18: error: in 'explanation': a control character U+007F",
    ),
    (
        "nul-in-text-answer",
        question("type: text", 'answer: [ok, "n\\0l"]'),
        "7:18: error: in 'answer entry': a control character U+0000",
    ),
    (
        "escape-in-description",
        'title: T\ndescription: "\\x1b]0;title\\x07"\nquestions: []\n',
        "2:14: error: in 'description': an escape character",
    ),
    (
        "escape-in-tag",
        'title: T\ntags: ["\\x1b"]\nquestions: []\n',
        "2:8: error: in 'tags entry': an escape character",
    ),
    (
        "escape-in-source",
        question("choices: [a, b]", "answer: a", 'source: "\\x1b"'),
        "8:13: error: in 'source': an escape character",
    ),
    # control characters written straight into the file
    (
        "raw-escape",
        "title: Red \x1b[31m\nquestions: []\n",
        "1:12: error: an escape character (it starts terminal control codes) U+001B is not allowed",
    ),
    (
        "raw-escape-later-line",
        question("choices: [a, b]", "answer: a", "hint: ab\x1bc"),
        "8:13: error: an escape character",
    ),
    (
        "type-null",
        question("type: ~", "choices: [a, b]", "answer: a"),
        "6:11: error: 'type' is empty",
    ),
    ("raw-bell", "title: T\x07\nquestions: []\n", "1:9: error: a control character U+0007"),
    ("raw-nul", "title: T\nquestions:\x00\n", "2:11: error: a control character U+0000"),
    ("raw-carriage-return", "title: T\rquestions: []\r", "1:9: error: a control character U+000D"),
    ("raw-c1-csi", "title: \x9b2J\nquestions: []\n", "1:8: error: a control character U+009B"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=name) for name, text, expected in ERROR_CASES],
)
def test_error_is_located(text: str, expected: str) -> None:
    assert_reported(text, expected)


def test_error_case_names_are_unique() -> None:
    names = [name for name, _, _ in ERROR_CASES]
    assert len(names) == len(set(names))


# -- bugs: each test states the rule and fails until the loader keeps it ------------------


def test_null_title_is_empty() -> None:
    assert_reported(
        question("choices: [a, b]", "answer: a", head="title: null\nquestions:\n"),
        "1:8: error: 'title' is empty",
    )


def test_questions_without_a_value_is_empty() -> None:
    assert_reported("title: T\nquestions:\n", "2:11: error: 'questions' is empty")


def test_null_prompt_is_empty() -> None:
    assert_reported(
        HEAD
        + "  - id: q1\n    prompt: ~\n    explanation: E\n    choices: [a, b]\n    answer: a\n",
        "4:13: error: 'prompt' is empty",
    )


def test_null_choice_is_an_empty_entry() -> None:
    assert_reported(
        question("choices: [a, b, ~]", "answer: a"),
        "6:21: error: an entry of 'choices' is empty",
    )


def test_escape_sequence_in_a_key_is_a_control_character_error() -> None:
    report = assert_reported(
        'title: T\n"ti\\x1b[2Jtle": x\n' + question()[len("title: T\n") :],
        "2:1: error: an escape character",
    )
    assert not any("\x1b" in d.message for d in report.diagnostics)


def test_unacceptable_character_is_located() -> None:
    assert_reported(
        HEAD + "  - id: q1\n    prompt: a\uffffb\n",
        "4:14: error: ",
    )


def test_unknown_type_still_reports_other_shape_errors() -> None:
    assert_reported(
        question("type: singel", "choices: Venus", "answer: Venus"),
        "7:14: error: 'choices' must be a list",
    )


def test_every_raw_control_character_is_reported() -> None:
    report = check("title: a\x07\ndescription: b\x1b\nquestions: []\n")
    assert [(d.line, d.column) for d in report.errors][:2] == [(1, 9), (2, 15)]


# -- the whole file is checked in one run -------------------------------------------------


def test_every_problem_of_a_file_is_reported_in_order() -> None:
    report = check_file(DATA / "broken" / "many-problems.yaml")
    assert report.bank is None
    # No "no explanation" warning for 'typo': its misspelled key is reported already.
    assert [(d.line, d.column, d.severity) for d in report.diagnostics] == [
        (7, 5, "error"),
        (9, 11, "error"),
        (14, 14, "error"),
        (16, 17, "error"),
        (18, 9, "error"),
        (19, 13, "error"),
        (20, 28, "error"),
        (21, 13, "error"),
        (27, 16, "error"),
        (29, 5, "error"),
        (33, 12, "error"),
        (37, 14, "error"),
    ]
    assert all(d.path == str(DATA / "broken" / "many-problems.yaml") for d in report.diagnostics)


def test_problems_in_several_questions_are_all_reported() -> None:
    text = (
        HEAD
        + "  - id: a\n    prompt: P\n    explanation: E\n    choices: [x, y]\n    answer: z\n"
        + "  - id: b\n    prompt: P\n    explanation: E\n    type: number\n    answer: n\n"
        + "  - id: c\n    prompt: P\n    explanation: E\n    type: boolean\n    answer: so\n"
    )
    assert [(d.line, d.column) for d in check(text).errors] == [(7, 13), (12, 13), (17, 13)]


# -- text is taken as the author wrote it -------------------------------------------------


@pytest.mark.parametrize(
    ("choices", "answer", "kept_choices", "kept_answer"),
    [
        ("[1961, 1969, 1975]", "1969", ("1961", "1969", "1975"), "1969"),
        ("[1.10, 1.1]", "1.10", ("1.10", "1.1"), "1.10"),
        ("[2024-03-21, 2024-03-20]", "2024-03-21", ("2024-03-21", "2024-03-20"), "2024-03-21"),
        ("[yes, no]", "no", ("yes", "no"), "no"),
        ("[Norway, NO]", "NO", ("Norway", "NO"), "NO"),
        ("[0x1F, 017]", "017", ("0x1F", "017"), "017"),
        ("[true, 'false']", "true", ("true", "false"), "true"),
        ("['  padded  ', b]", "padded", ("padded", "b"), "padded"),
    ],
)
def test_single_choices_and_answer_keep_their_text(
    choices: str, answer: str, kept_choices: tuple[str, ...], kept_answer: str
) -> None:
    q = only_question(question(f"choices: {choices}", f"answer: {answer}"))
    assert q.type is QuestionType.SINGLE
    assert q.choices == kept_choices
    assert q.answers == (kept_answer,)


def test_multi_answers_keep_their_text_in_choice_order() -> None:
    q = only_question(question("type: multi", "choices: [1961, 1.10, NO]", "answer: [NO, 1961]"))
    assert q.choices == ("1961", "1.10", "NO")
    assert q.answers == ("1961", "NO")


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("NO", ("NO",)),
        ("1.10", ("1.10",)),
        ("2024-03-21", ("2024-03-21",)),
        ("'Off'", ("Off",)),
        ("[Yuri Gagarin, Gagarin]", ("Yuri Gagarin", "Gagarin")),
        ("[1961, sixty-one]", ("1961", "sixty-one")),
    ],
)
def test_text_answers_keep_their_text(answer: str, kept: tuple[str, ...]) -> None:
    q = only_question(question("type: text", f"answer: {answer}"))
    assert q.answers == kept


def test_order_items_keep_their_text_and_order() -> None:
    q = only_question(question("type: order", "items: [1975, 1961, 2000, 1.10]"))
    assert q.items == ("1975", "1961", "2000", "1.10")
    assert q.answers == ()


def test_multiline_prompt_keeps_its_newlines_and_tabs() -> None:
    text = HEAD + (
        '  - id: q1\n    prompt: "line one\\n\\tindented"\n    explanation: |\n'
        "      First line.\n      Second line.\n    choices: [a, b]\n    answer: a\n"
    )
    q = only_question(text)
    assert q.prompt == "line one\n\tindented"
    assert q.explanation == "First line.\nSecond line."


# -- boolean, number, defaults ------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "truth"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("yes", True),
        ("Yes", True),
        ("YES", True),
        ("'yes'", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("no", False),
        ("No", False),
        ("NO", False),
        ('"false"', False),
    ],
)
def test_boolean_answers_any_case(answer: str, truth: bool) -> None:
    q = only_question(question("type: boolean", f"answer: {answer}"))
    assert q.truth is truth


@pytest.mark.parametrize(
    ("answer", "tolerance", "number", "kept_tolerance"),
    [
        ("1969", None, 1969.0, 0.0),
        ("-3.5", "0", -3.5, 0.0),
        ("1e3", "0.5", 1000.0, 0.5),
        ("1_000", "10", 1000.0, 10.0),
        ("'42'", "'2'", 42.0, 2.0),
        ("0.1", ".05", 0.1, 0.05),
    ],
)
def test_number_answers(
    answer: str, tolerance: str | None, number: float, kept_tolerance: float
) -> None:
    lines = ["type: number", f"answer: {answer}"]
    if tolerance is not None:
        lines.append(f"tolerance: {tolerance}")
    q = only_question(question(*lines))
    assert q.number == pytest.approx(number)
    assert q.tolerance == pytest.approx(kept_tolerance)


def test_defaults_single_and_medium() -> None:
    q = only_question(question("choices: [a, b]", "answer: b"))
    assert q.type is QuestionType.SINGLE
    assert q.difficulty is Difficulty.MEDIUM
    assert q.hint is None and q.source is None
    assert q.tags == ()


def test_optional_fields_are_read() -> None:
    q = only_question(
        question(
            "choices: [a, b]",
            "answer: b",
            "difficulty: hard",
            "hint: Think.",
            "source: Introduction",
            "tags: [dates]",
        )
    )
    assert (q.difficulty, q.hint, q.source, q.tags) == (
        Difficulty.HARD,
        "Think.",
        "Introduction",
        ("dates",),
    )


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_every_difficulty_is_accepted(difficulty: str) -> None:
    q = only_question(question("choices: [a, b]", "answer: b", f"difficulty: {difficulty}"))
    assert q.difficulty.value == difficulty


@pytest.mark.parametrize("qtype", ["single", "multi", "boolean", "text", "number", "order"])
def test_every_type_is_accepted(qtype: str) -> None:
    answer_lines = {
        "single": ["choices: [a, b]", "answer: a"],
        "multi": ["choices: [a, b]", "answer: [a]"],
        "boolean": ["answer: yes"],
        "text": ["answer: word"],
        "number": ["answer: 3"],
        "order": ["items: [a, b]"],
    }[qtype]
    q = only_question(question(f"type: {qtype}", *answer_lines))
    assert q.type.value == qtype


def test_ten_choices_and_eight_items_are_allowed() -> None:
    ten = ", ".join("abcdefghij")
    assert len(only_question(question(f"choices: [{ten}]", "answer: j")).choices) == 10
    eight = ", ".join("abcdefgh")
    assert len(only_question(question("type: order", f"items: [{eight}]")).items) == 8


def test_ids_may_use_letters_digits_dash_and_underscore() -> None:
    text = HEAD + "  - id: Q_1-b2\n    prompt: P\n    explanation: E\n    choices: [a, b]\n"
    assert only_question(text + "    answer: a\n").id == "Q_1-b2"
    numeric = HEAD + "  - id: 007\n    prompt: P\n    explanation: E\n    choices: [a, b]\n"
    assert only_question(numeric + "    answer: a\n").id == "007"


def test_bank_tags_are_inherited_before_the_questions_own() -> None:
    text = question(
        "choices: [a, b]",
        "answer: a",
        "tags: [iss, dates]",
        head="title: T\ndescription: About space.\ntags: [space, iss]\nquestions:\n",
    )
    report = check(text)
    assert report.bank is not None
    assert report.bank.tags == ("space", "iss")
    assert report.bank.description == "About space."
    assert report.bank.questions[0].tags == ("space", "iss", "dates")


def test_bank_tags_written_after_the_questions_are_inherited_too() -> None:
    text = question("choices: [a, b]", "answer: a", "tags: [iss, dates]") + "tags: [space, iss]\n"
    report = check(text)
    assert report.bank is not None
    assert report.bank.questions[0].tags == ("space", "iss", "dates")


def test_bank_tags_before_the_questions_are_given_to_each_question_as_it_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Building each question with the bank's tags saves rebuilding every question
    # once the bank is read: only tags written after the questions need that.
    def no_rebuild(*args: object, **kwargs: object) -> None:
        raise AssertionError("a question was rebuilt")

    monkeypatch.setattr("quiz.format.checker.dataclasses.replace", no_rebuild)
    text = question("choices: [a, b]", "answer: a", head="title: T\ntags: [space]\nquestions:\n")
    report = check(text)
    assert report.bank is not None
    assert report.bank.questions[0].tags == ("space",)


def test_missing_explanation_is_a_warning_not_an_error() -> None:
    text = HEAD + "  - id: q1\n    prompt: P\n    choices: [a, b]\n    answer: a\n"
    report = check(text)
    assert report.errors == ()
    assert located(report) == [
        "3:5: warning: question 'q1' has no 'explanation'; players will not learn why"
    ]
    assert report.bank is not None
    assert report.bank.questions[0].explanation == ""


def test_unknown_key_far_from_any_is_not_given_a_suggestion() -> None:
    report = check(question("choices: [a, b]", "answer: a", "colour: red"))
    messages = [d.message for d in report.errors]
    assert messages == [
        "unknown key 'colour'; the keys allowed in a question are id, type, prompt, choices, "
        "answer, items, tolerance, explanation, hint, difficulty, tags, source, pairs, extra "
        "and passage"
    ]


# -- encodings and line endings -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"title: caf\xe9\nquestions: []\n", "1:11"),
        (b"title: T\nquestions:\n  - id: \xff\n", "3:9"),
        (b"\xff\xfet\x00i\x00t\x00", "1:1"),  # UTF-16
        (b"title: T\n\x80", "2:1"),
    ],
)
def test_a_file_that_is_not_utf8_is_located(data: bytes, where: str) -> None:
    report = check_bytes(data, "t.yaml")
    assert report.bank is None
    (d,) = report.diagnostics
    assert f"{d.line}:{d.column}" == where
    assert "not UTF-8" in d.message


def test_non_utf8_column_counts_characters() -> None:
    report = check_bytes("title: é".encode() + b"\xff\nquestions: []\n", "t.yaml")
    assert (report.diagnostics[0].line, report.diagnostics[0].column) == (1, 9)


def test_windows_line_endings_keep_locations() -> None:
    text = question("choices: [a, b]", "answer: c").replace("\n", "\r\n")
    assert_reported(text, "7:13: error: answer 'c' is not one of the choices")


def test_a_utf8_bom_is_accepted() -> None:
    data = "\ufeff".encode() + question("choices: [a, b]", "answer: c").encode()
    report = check_bytes(data, "t.yaml")
    assert [(d.line, d.column) for d in report.errors] == [(7, 13)]


def test_non_ascii_text_is_fine() -> None:
    q = only_question(question("choices: [Байконур, Kourou]", "answer: Байконур"))
    assert q.answers == ("Байконур",)


# -- loading files ------------------------------------------------------------------------


def test_load_bank_names_the_bank_by_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-bank.yaml"
    path.write_text(question("choices: [a, b]", "answer: a"), encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert (bank.name, bank.title, bank.path) == ("my-bank", "T", str(path))
    assert [q.id for q in bank.questions] == ["q1"]


def test_load_bank_raises_bank_error_with_every_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(question("choices: [a]", "answer: c", "difficulty: x"), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    errors = caught.value.diagnostics
    assert [(d.line, d.column) for d in errors] == [(6, 14), (8, 17)]
    assert all(isinstance(d, Diagnostic) and d.is_error for d in errors)
    assert str(caught.value).splitlines()[0].startswith(f"{path}:6:14: error: 'choices'")


def test_check_file_reports_a_missing_file(tmp_path: Path) -> None:
    report = check_file(tmp_path / "nope.yaml")
    assert report.bank is None
    (d,) = report.errors
    assert (d.line, d.column) == (1, 1)
    assert "cannot read the file" in d.message


def test_check_file_reports_a_folder(tmp_path: Path) -> None:
    report = check_file(tmp_path)
    assert report.bank is None
    assert "cannot read the file" in report.errors[0].message


def test_diagnostic_string_format() -> None:
    d = Diagnostic("a/b.yaml", 3, 7, "what is wrong")
    assert str(d) == "a/b.yaml:3:7: error: what is wrong"
    w = Diagnostic("a/b.yaml", 1, 1, "hmm", "warning")
    assert str(w) == "a/b.yaml:1:1: warning: hmm"
    assert d.is_error and not w.is_error


# -- the sample files ---------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((DATA / "good").glob("*.y*ml")), ids=lambda p: p.name)
def test_good_samples_load(path: Path) -> None:
    report = check_file(path)
    assert report.errors == (), located(report)
    assert report.bank is not None


def test_every_type_sample_is_read_as_written() -> None:
    bank = load_bank(DATA / "good" / "every-type.yml")
    by_id = {q.id: q for q in bank.questions}
    assert bank.name == "every-type"
    assert bank.tags == ("space", "sample")
    assert by_id["launch-year"].choices == ("1961", "1969", "1975")
    assert by_id["launch-year"].answers == ("1961",)
    assert by_id["launch-year"].tags == ("space", "sample", "dates")
    assert by_id["giants"].answers == ("Jupiter", "Saturn")
    assert by_id["moon-light"].truth is False
    assert by_id["launch-site"].answers == ("Baikonur", "Baikonur Cosmodrome")
    assert by_id["crew-size"].number == 3 and by_id["crew-size"].tolerance == 0.5
    assert by_id["sequence"].items == ("Vostok 1", "Apollo-Soyuz", "ISS first crew")


@pytest.mark.parametrize("path", sorted((DATA / "broken").glob("*.y*ml")), ids=lambda p: p.name)
def test_broken_samples_fail(path: Path) -> None:
    report = check_file(path)
    assert report.bank is None
    assert report.errors
    assert all(d.line >= 1 and d.column >= 1 for d in report.diagnostics)


def test_unknown_type_still_checks_the_tolerance() -> None:
    assert_reported(
        question("type: nmber", "answer: 3", "tolerance: -1"),
        "8:16: error: 'tolerance' must be zero or more",
    )


def test_a_misspelled_explanation_is_not_also_a_missing_one() -> None:
    report = check(
        HEAD
        + "  - id: q1\n    prompt: P\n    explaination: E\n    choices: [a, b]\n    answer: a\n"
    )
    assert [d.severity for d in report.diagnostics] == ["error"]
    assert "did you mean 'explanation'?" in report.diagnostics[0].message


def test_a_lone_surrogate_escape_is_refused() -> None:
    report = assert_reported(question('hint: "p \\uD800"'), "6:11: error: a lone surrogate U+D800")
    assert report.bank is None


def test_a_line_separator_in_text_does_not_shift_the_lines_of_what_follows() -> None:
    """PyYAML counts U+2028 as a line break; an editor, and the diagnostics, do not."""
    text = (
        'title: T\nquestions:\n  - id: a\n    prompt: "x\u2028y"\n    choices: [a, b]\n'
        "    answer: c\n    explanation: E.\n"
    )
    (error,) = check_text(text, "u.yaml").errors
    assert (error.line, error.column) == (6, 13)
    broken = "title: T\nquestions:\n  - id: a\n    prompt: '\u2028\u2028'\n    choices [a, b]\n"
    assert all(d.line <= 5 for d in check_text(broken, "u.yaml").diagnostics)


@pytest.mark.parametrize("written", ["raw", "escaped"])
@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_a_bidirectional_control_is_refused_where_it_is(written: str, control: str) -> None:
    """'Trojan Source': a choice that shows in another order than it is written."""
    shown = control if written == "raw" else f"\\u{ord(control):04x}"
    report = check(question(f'choices: ["safe {shown}eno gnorw", other]', "answer: other"))
    assert report.bank is None
    (error,) = report.errors
    where = "" if written == "raw" else "in 'choices entry': "
    assert (error.line, error.column) == (6, 21 if written == "raw" else 15)
    assert error.message == (
        f"{where}a bidirectional control character U+{ord(control):04X} is not allowed in "
        "question files: it makes text show in another order than it is written; remove it "
        "(right-to-left text shows right without it)"
    )


def test_right_to_left_text_without_controls_is_fine() -> None:
    report = check(question('choices: ["مرحبا", "שלום"]', "answer: שלום"))
    assert report.errors == ()
