"""The optional bank-level ``briefing:`` key: read, checked and described by the schema
(issue 16)."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from quiz.format.checker import check_text
from quiz.format.schema import json_schema
from quiz.format.starter import STARTER_BANK

QUESTIONS = "questions:\n  - id: a\n    type: boolean\n    prompt: P?\n    answer: yes\n"
QUESTIONS += "    explanation: E.\n"


def bank_text(briefing: str) -> str:
    return f"title: T\n{briefing}{QUESTIONS}"


def test_a_briefing_is_kept_as_written() -> None:
    report = check_text(bank_text("briefing: |\n  One.\n\n  Two [b]x[/b].\n"), "b.yaml")
    assert report.diagnostics == ()
    assert report.bank is not None and report.bank.briefing == "One.\n\nTwo [b]x[/b]."


def test_a_bank_without_a_briefing_has_an_empty_one() -> None:
    report = check_text(bank_text(""), "b.yaml")
    assert report.bank is not None and report.bank.briefing == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("briefing: [a, b]\n", "2:11: error: 'briefing' must be text, not a list"),
        ('briefing: ""\n', "2:11: error: 'briefing' is empty"),
        ('briefing: "\\e[31m"\n', "2:11: error: in 'briefing': an escape character"),
        ("breifing: Hi.\n", "2:1: error: unknown key 'breifing' at the top level (did you mean"),
    ],
)
def test_a_bad_briefing_is_located(line: str, message: str) -> None:
    report = check_text(bank_text(line), "b.yaml")
    assert report.bank is None
    shown = [f"{d.line}:{d.column}: {d.severity}: {d.message}" for d in report.diagnostics]
    assert any(text.startswith(message) for text in shown), shown


def test_the_schema_knows_the_briefing() -> None:
    schema = json_schema()
    jsonschema.validate(yaml.safe_load(bank_text("briefing: Read me.\n")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(bank_text("briefing: [a]\n")), schema)


def test_the_starter_bank_mentions_it_in_a_comment() -> None:
    assert "# briefing:" in STARTER_BANK
    report = check_text(STARTER_BANK.format(filename="s.yaml"), "s.yaml")
    assert report.bank is not None and report.bank.briefing == ""
