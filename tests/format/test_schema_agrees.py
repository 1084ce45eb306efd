"""The JSON Schema agrees with ``quiz validate`` on every good and broken file the
tests know: a JSON Schema validator runs over each, as an editor would after reading
the YAML, and its verdict must be the validator's. The cases a schema cannot express
are listed below, each with its reason; they are the only differences allowed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from quiz.format.checker import check_bytes
from quiz.format.schema import json_schema
from tests.helpers import DATA, ROOT

# File name -> why a schema cannot agree with validate about it.
CANNOT_EXPRESS = {
    # Case or look-alike duplicates: uniqueItems compares exact values.
    "duplicate-choice.yaml": "'mars' repeats 'Mars': uniqueItems is case-sensitive",
    "zero-width-duplicate.yaml": "a zero-width space makes the values differ for a schema",
    # Relations between values.
    "answer-not-a-choice.yaml": "an answer among the choices relates two values",
    "answer-wrong-case.yaml": "an answer among the choices relates two values",
    "answer-is-a-number.yaml": "an answer among the choices relates two values",
    "answer-is-number-four.yaml": "an answer among the choices relates two values",
    "multi-answers-are-numbers.yaml": "an answer among the choices relates two values",
    "washington-dc.yaml": "an answer among the choices relates two values",
    "curly-quotes-answer.yaml": "an answer among the choices relates two values",
    "curly-quotes-choice.yaml": "an answer among the choices relates two values",
    "duplicate-id.yaml": "ids unique across questions relate two values",
    # What the editor's YAML loses before a schema sees it.
    "duplicate-key-prompt.yaml": "a YAML loader keeps the last of two equal keys",
    "hex-answer.yaml": "0x2 is loaded as the number 2; validate reads numbers as written",
    "boolean-answer-on.yaml": "'off' is loaded as false (YAML 1.1); validate takes true or yes",
    "nfd-duplicate.yaml": "validate reads text in composed form (NFC); a schema cannot",
}
# Files an editor's YAML cannot even load in reasonable time or memory.
SKIPPED = {"alias-bomb.yaml": "expands to a billion values"}


def known_files() -> list[Path]:
    folders = [DATA / "good", DATA / "broken", DATA / "authoring", ROOT / "questions"]
    return sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")
    )


SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def schema_accepts(path: Path) -> bool:
    try:
        document: Any = yaml.safe_load(path.read_bytes())
    except (yaml.YAMLError, ValueError, OverflowError):
        return False
    return VALIDATOR.is_valid(document)


def validate_accepts(path: Path) -> bool:
    return not check_bytes(path.read_bytes(), path.name).errors


@pytest.mark.parametrize("path", known_files(), ids=lambda p: p.name)
def test_the_schema_and_validate_agree(path: Path) -> None:
    if path.name in SKIPPED:
        pytest.skip(SKIPPED[path.name])
    agree = schema_accepts(path) == validate_accepts(path)
    if path.name in CANNOT_EXPRESS:
        assert not agree, f"{path.name} now agrees: remove it from CANNOT_EXPRESS"
    else:
        assert agree, f"schema {'accepts' if schema_accepts(path) else 'rejects'} {path.name}"


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    ("question", "valid"),
    [
        ({"type": "number", "answer": "1969"}, True),
        ({"type": "number", "answer": 1969, "tolerance": "0.5"}, True),
        ({"type": "number", "answer": "0x10"}, False),
        ({"type": "number", "answer": float("inf")}, False),
        ({"type": "number", "answer": 3, "choices": ["a", "b"]}, False),
        ({"type": "multi", "choices": ["a", "b"], "answer": "a"}, False),
        ({"type": "multi", "choices": ["a", "b"], "answer": ["a"]}, True),
        ({"choices": ["a", ""], "answer": "a"}, False),
        ({"choices": ["a", " "], "answer": "a"}, False),
        ({"choices": ["a", "b"], "answer": "a", "items": ["a", "b"]}, False),
        ({"type": "order", "items": ["a", "b"], "answer": "a"}, False),
        ({"type": "boolean", "answer": "Yes"}, True),
        ({"type": "boolean", "answer": "maybe"}, False),
        ({"type": "text", "answer": ["a", "b"]}, True),
        ({"type": "text", "answer": []}, False),
    ],
)
def test_the_issue_cases(question: dict[str, Any], valid: bool) -> None:
    document = {"title": "T", "questions": [{"id": "q", "prompt": "P", **question}]}
    assert VALIDATOR.is_valid(document) == valid


# check-jsonschema reads YAML 1.2 with ruamel.yaml: it refuses duplicate keys and keeps
# 'off' as text, so fewer cases differ; those that do must be among the listed ones.
@pytest.mark.slow
def test_check_jsonschema_over_every_file_agrees_with_validate(tmp_path: Path) -> None:
    import json
    import shutil
    import subprocess
    import sys

    tool = Path(sys.executable).parent / "check-jsonschema"
    command = str(tool) if tool.exists() else shutil.which("check-jsonschema")
    if command is None:
        pytest.skip("check-jsonschema is not installed")
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    # ruamel.yaml raises OverflowError/ValueError on a \\U escape past U+10FFFF (the bug the
    # game's reader had), and check-jsonschema stops with a traceback: leave them out.
    crashes = {"escape-past-unicode.yaml", "escape-ffffffff.yaml"}
    files = [p for p in known_files() if p.name not in {*SKIPPED, *crashes}]
    done = subprocess.run(
        [command, "-o", "json", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    refused = {Path(e["filename"]).name for e in report["errors"] + report["parse_errors"]}
    differ = {p.name for p in files if (p.name not in refused) != validate_accepts(p)}
    assert differ, "some cases cannot be expressed"
    assert differ <= set(CANNOT_EXPRESS), sorted(differ - set(CANNOT_EXPRESS))
