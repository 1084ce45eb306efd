"""The match question type and number questions with several accepted numbers (issue 15):
validation, the schema, the starter bank."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from quiz.format.checker import check_text
from quiz.format.schema import json_schema
from quiz.format.starter import STARTER_BANK
from quiz.model import QuestionType

HEAD = "title: T\nquestions:\n  - id: m\n    prompt: P\n    explanation: E\n"


def located(text: str) -> list[str]:
    return [f"{d.line}:{d.column}: {d.message}" for d in check_text(text, "t.yaml").errors]


MATCH = HEAD + (
    "    type: match\n"
    "    pairs:\n"
    "      - {left: Titan, right: Saturn}\n"
    "      - {left: Io, right: Jupiter}\n"
    "      - {left: Europa, right: Jupiter}\n"
    "    extra: [Venus]\n"
)


def test_a_match_question_loads_with_pairs_and_extra() -> None:
    report = check_text(MATCH, "t.yaml")
    assert report.errors == ()
    assert report.bank is not None
    q = report.bank.questions[0]
    assert q.type is QuestionType.MATCH
    assert q.pairs == (("Titan", "Saturn"), ("Io", "Jupiter"), ("Europa", "Jupiter"))
    assert q.extra == ("Venus",)


PAIRS = "    type: match\n    pairs:\n      - {left: a, right: b}\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("    type: match\n", "3:5: question 'm' is missing 'pairs'"),
        (
            "    type: match\n    pairs: x\n",
            "7:12: 'pairs' must be a list of {left, right}, not text",
        ),
        (
            "    type: match\n    pairs:\n      - {left: a, right: b}\n",
            "8:7: 'pairs' takes 2 to 10 pairs, found 1",
        ),
        (
            PAIRS + "      - {left: A, right: c}\n",
            "9:9: left 'A' is paired twice (first at line 8)",
        ),
        (
            "    type: match\n    pairs:\n      - {left: a, right: b}\n      - {left: c}\n",
            "9:9: a pair is missing 'right'",
        ),
        (
            PAIRS + "      - {left: c, rigth: d}\n",
            "9:19: unknown key 'rigth' in a pair (did you mean 'right'?)",
        ),
        (
            PAIRS + "      - {left: c, right: d}\n    extra: [B]\n",
            "10:13: extra 'B' is already the right of a pair",
        ),
        (
            "    type: match\n    answer: x\n    pairs:\n      - {left: a, right: b}\n"
            "      - {left: c, right: d}\n",
            "7:13: 'answer' does not apply to a match question; list the 'pairs' instead",
        ),
        (
            "    type: single\n    choices: [a, b]\n    answer: a\n    pairs: []\n",
            "9:12: 'pairs' does not apply to a single question; it is for match questions",
        ),
    ],
)
def test_match_errors_are_located(body: str, expected: str) -> None:
    found = located(HEAD + body)
    assert any(line.startswith(expected) for line in found), found


def test_a_number_question_may_accept_several_numbers() -> None:
    report = check_text(HEAD + "    type: number\n    answer: [-7, 4]\n    tolerance: 0.5\n", "t")
    assert report.bank is not None
    q = report.bank.questions[0]
    assert (q.number, q.numbers, q.tolerance) == (-7, (4,), 0.5)
    assert located(HEAD + "    type: number\n    answer: [1, 1]\n") == [
        "7:17: number 1 is listed twice"
    ]
    assert located(HEAD + "    type: number\n    answer: []\n")[0].startswith(
        "7:13: 'answer' of a number question takes 1 to 10 numbers"
    )


def test_a_passage_is_kept() -> None:
    report = check_text(HEAD + "    passage: Read this.\n    type: boolean\n    answer: yes\n", "t")
    assert report.bank is not None and report.bank.questions[0].passage == "Read this."


def test_the_schema_accepts_match_and_number_lists_and_refuses_their_mistakes() -> None:
    schema = json_schema()
    good = yaml.safe_load(MATCH)
    jsonschema.validate(good, schema)
    numbers = yaml.safe_load(HEAD + "    type: number\n    answer: [1, 2]\n")
    jsonschema.validate(numbers, schema)
    starter = yaml.safe_load(STARTER_BANK.format(filename="s.yaml"))
    jsonschema.validate(starter, schema)
    bad = yaml.safe_load(
        HEAD + "    type: match\n    pairs:\n      - {left: a}\n      - {left: b, right: c}\n"
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_the_starter_bank_has_one_match_example() -> None:
    report = check_text(STARTER_BANK.format(filename="s.yaml"), "s.yaml")
    assert report.bank is not None
    matches = [q for q in report.bank.questions if q.type is QuestionType.MATCH]
    assert [q.id for q in matches] == ["moons-of-planets"]
    assert matches[0].extra == ("Venus",)
