"""The Open Trivia DB importer: API responses and bare lists of results."""

from __future__ import annotations

import base64
import json
import re

import pytest

from quiz.importers.common import Imported, ImportSourceError, Skip
from quiz.importers.convert import parse
from quiz.model import Difficulty, QuestionType
from tests import helpers

DATA = helpers.DATA / "import"


def opentdb(text: str) -> Imported:
    return parse(text, "opentdb")


def test_sample_response() -> None:
    result = opentdb((DATA / "opentdb.json").read_text(encoding="utf-8"))
    assert result.skips == ()
    got = [
        (q.id, q.type, q.prompt, q.choices, q.answers, q.truth, q.difficulty, q.tags)
        for q in result.questions
    ]
    assert got == [
        (
            "which-planet-is-known-as-the-red-planet",
            QuestionType.SINGLE,
            'Which planet is known as the "Red Planet"?',
            ("Jupiter", "Mars", "Mercury", "Venus"),
            ("Mars",),
            None,
            Difficulty.EASY,
            ("science-nature",),
        ),
        (
            "the-moons-surface-gravity-is-about-one",
            QuestionType.BOOLEAN,
            "The Moon's surface gravity is about one sixth of Earth's.",
            (),
            (),
            True,
            Difficulty.MEDIUM,
            ("science-nature",),
        ),
        (
            "which-two-nations-flew-the-apollo-soyuz",
            QuestionType.SINGLE,
            "Which two nations flew the Apollo–Soyuz Test Project in 1975?",
            ("France & USSR", "USA & UK", "USA & USSR", "USSR & China"),
            ("USA & USSR",),
            None,
            Difficulty.HARD,
            ("history",),
        ),
        (
            "html-stands-for-hypertext-markup",
            QuestionType.BOOLEAN,
            '"HTML" stands for Hypertext Markup Language.',
            (),
            (),
            True,
            Difficulty.EASY,
            ("science-computers",),
        ),
    ]


def test_broken_results_are_skipped_by_line() -> None:
    result = opentdb((DATA / "broken-opentdb.json").read_text(encoding="utf-8"))
    assert result.skips == (
        Skip(2, "not a question object"),
        Skip(3, "type 'text' is neither 'multiple' nor 'boolean'"),
        Skip(5, "the question has no text"),
        Skip(7, "a boolean question's correct_answer is True or False, not 'Yes'"),
        Skip(9, "incorrect_answers is not a list of text"),
        Skip(11, "choices 'Mars' and 'MARS' are the same"),
        Skip(13, "no correct_answer"),
    )
    (q,) = result.questions
    # An unknown difficulty and an empty category are left out, not fatal.
    assert (q.truth, q.difficulty, q.tags) == (False, Difficulty.MEDIUM, ())


def test_bare_list_on_one_line() -> None:
    item = {
        "type": "boolean",
        "difficulty": "hard",
        "category": "Science: Gadgets",
        "question": "Q?",
        "correct_answer": "False",
        "incorrect_answers": ["True"],
    }
    result = opentdb(json.dumps([item, item]))
    assert [(q.id, q.truth) for q in result.questions] == [
        ("q", False),
        ("q-2", False),
    ]


def test_base64_encoded_response() -> None:
    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    item = {
        "type": b64("multiple"),
        "difficulty": b64("easy"),
        "category": b64("Science & Nature"),
        "question": b64("Which planet is red?"),
        "correct_answer": b64("Mars"),
        "incorrect_answers": [b64("Venus"), b64("Jupiter")],
    }
    (q,) = opentdb(json.dumps({"response_code": 0, "results": [item]})).questions
    assert (q.prompt, q.choices, q.answers, q.difficulty, q.tags) == (
        "Which planet is red?",
        ("Jupiter", "Mars", "Venus"),
        ("Mars",),
        Difficulty.EASY,
        ("science-nature",),
    )


def test_line_numbers_follow_nested_values() -> None:
    text = (
        '{"other": {"results": [1, 2]},\n "results": [\n'
        '  {"type": "boolean", "question": "A [tricky] \\"one\\"}", "correct_answer": "True",\n'
        '   "incorrect_answers": ["False"]},\n\n'
        '  {"type": "nope"}\n ]\n}'
    )
    result = opentdb(text)
    assert len(result.questions) == 1
    assert [s.line for s in result.skips] == [6]


def test_empty_results() -> None:
    assert opentdb('{"response_code": 0, "results": []}') == Imported(fmt="opentdb")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"response_code": 1, "results": []}', "response code 1: no results"),
        ('{"response_code": 5}', "response code 5: rate limit"),
        ('{"results": 3}', "needs a 'results' list"),
        ('"just text"', "a JSON object or list"),
        ('{"results": [}', "not valid JSON (line 1, column 14"),
    ],
)
def test_not_a_usable_response(text: str, message: str) -> None:
    with pytest.raises(ImportSourceError, match=re.escape(message)):
        opentdb(text)


def test_json_nested_too_deeply_is_a_clear_error() -> None:
    with pytest.raises(ImportSourceError):
        parse("[" * 100_000, "opentdb")


def test_lone_surrogates_are_dropped() -> None:
    text = (
        '{"response_code": 0, "results": [{"type": "boolean", "difficulty": "easy", '
        '"category": "Science", "question": "What is \\ud800 this?", '
        '"correct_answer": "True", "incorrect_answers": ["False"]}]}'
    )
    (question,) = parse(text, "opentdb").questions
    assert question.prompt == "What is  this?" or question.prompt == "What is this?"
