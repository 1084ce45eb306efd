"""``quiz new``: the starter bank explains quoting and answers, and names the schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from quiz.cli import main
from quiz.format.checker import check_text
from quiz.format.schema import json_schema
from quiz.format.starter import SCHEMA_FILE


def test_the_starter_carries_the_schema_modeline_and_the_advice(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert main(["new", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    first, second, third = text.splitlines()[:3]
    assert first == f"# yaml-language-server: $schema=./{SCHEMA_FILE}"
    assert f"quiz schema > {SCHEMA_FILE}" in second + third
    for advice in (
        "it holds ': ' (a colon, then a space):     prompt: \"Ratio: 3:1?\"",
        "it holds ' #' (a space, then #), which otherwise starts a comment:",
        "it starts with * & ! % @ ` [ { | > ? ' or \"",
        'choices: [Ottawa, "Washington, D.C."]',
        "In single quotes an apostrophe is written twice ('the planet''s moons')",
        "An answer is the text of a choice, not its number: answer: Mars (not answer: 2).",
    ):
        assert advice in text
    # The starter is clean: no error and no warning, for validate and for the schema.
    assert check_text(text, str(path)).diagnostics == ()
    jsonschema.validate(yaml.safe_load(text), json_schema(), cls=jsonschema.Draft7Validator)


def test_every_quoting_example_of_the_starter_checks_clean() -> None:
    # The examples the advice gives are themselves valid values.
    examples = [
        'prompt: "Ratio: 3:1?"',
        'hint: "Think of C #sharp"',
        'prompt: "*Really?* The Moon shines."',
        "prompt: 'the planet''s moons'",
    ]
    for example in examples:
        text = f"title: T\nquestions:\n  - id: q\n    {example}\n"
        text += "    type: boolean\n    answer: true\n    explanation: E\n"
        if not example.startswith("prompt"):
            text = text.replace("    type:", "    prompt: P\n    type:")
        assert check_text(text, "t.yaml").diagnostics == (), example
    text = "title: T\nquestions:\n  - id: q\n    prompt: P\n"
    text += '    choices: [Ottawa, "Washington, D.C."]\n    answer: Washington, D.C.\n'
    report = check_text(text + "    explanation: E\n", "t.yaml")
    assert report.bank is not None
    assert report.bank.questions[0].choices == ("Ottawa", "Washington, D.C.")
