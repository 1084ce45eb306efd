"""Appending a question to a file's text: the rest of the file stays as it was."""

from __future__ import annotations

import pytest

from quiz.format.append import CannotAppend, append_question, new_bank, scalar
from quiz.format.checker import check_text
from quiz.format.starter import STARTER_BANK

FIELDS: dict[str, str | list[str]] = {
    "id": "dc",
    "prompt": "Capital of the USA?",
    "choices": ["Washington, D.C.", "New York"],
    "answer": "Washington, D.C.",
    "explanation": "Ratio: 3:1 # not a comment",
}


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Mars", "Mars"),
        ("Washington, D.C.", "Washington, D.C."),
        ("Ratio: 3:1", '"Ratio: 3:1"'),
        ("C #sharp", '"C #sharp"'),
        ("*bold*", '"*bold*"'),
        ("'quoted'", "\"'quoted'\""),
        ('say "hi"', 'say "hi"'),
        ('"hi" she said', '"\\"hi\\" she said"'),
        ("- Venus", '"- Venus"'),
        (" padded", '" padded"'),
    ],
)
def test_scalar_quotes_only_what_needs_it(value: str, written: str) -> None:
    assert scalar(value) == written
    report = check_text(f"title: {written}\nquestions: []\n", "t.yaml")
    assert report.diagnostics[0].message.startswith("'questions' is empty")


def test_the_starter_keeps_every_line_and_gains_the_question() -> None:
    text = STARTER_BANK.format(filename="s.yaml")
    after = append_question(text, FIELDS)
    assert after.startswith(text)
    report = check_text(after, "s.yaml")
    assert report.errors == ()
    assert report.bank is not None
    last = report.bank.questions[-1]
    assert last.choices == ("Washington, D.C.", "New York")
    assert last.answers == ("Washington, D.C.",)
    assert last.explanation == "Ratio: 3:1 # not a comment"
    assert after.endswith('    explanation: "Ratio: 3:1 # not a comment"\n')


def test_the_lists_own_indentation_is_followed() -> None:
    text = "title: T  # mine\nquestions:\n- id: a\n  prompt: P\n  choices: [x, y]\n  answer: x\n"
    after = append_question(text, FIELDS)
    assert after.startswith(text)
    assert "\n- id: dc\n  prompt: Capital of the USA?\n" in after
    assert check_text(after, "t.yaml").errors == ()


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nquestions: [{id: a, prompt: P, choices: [x, y], answer: x}]\n",
        "title: T\nquestions:\n  - {id: a, prompt: P, choices: [x, y], answer: x}\ntags: [t]\n",
        "title: T\n",
    ],
)
def test_a_list_that_cannot_grow_as_text_is_refused(text: str) -> None:
    with pytest.raises(CannotAppend):
        append_question(text, FIELDS)


def test_a_new_bank_holds_the_question() -> None:
    report = check_text(new_bank("Capitals: the world", FIELDS), "n.yaml")
    assert report.errors == ()
    assert report.bank is not None
    assert report.bank.title == "Capitals: the world"
