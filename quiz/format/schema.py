"""The JSON Schema of question files, built from the same rules the validator uses.

It says what a schema can say: the keys of each question type (with ``if``/``then``),
the sizes of lists, numbers written as numbers or as numeric text, and no empty text.
What it cannot say (duplicates that differ only in case, an answer among the choices,
a number written as ``0x10`` that an editor's YAML reads as 16) is listed in
tests/format/test_schema_agrees.py; ``quiz validate`` stays the authority.
"""

from __future__ import annotations

from typing import Any

from quiz.format.rules import (
    CHOICE_RANGE,
    EXTRA_RANGE,
    ID_PATTERN,
    ITEM_RANGE,
    NUMBER_RANGE,
    PAIR_RANGE,
    TRUTH,
    TYPE_KEYS,
)
from quiz.format.text import BIDI_CONTROLS
from quiz.model import Difficulty, QuestionType

SCHEMA_ID = "https://orbit-quiz.invalid/question-bank.schema.json"
# Text the validator reads as a number (float() of it, '_' allowed between digits).
NUMBER_TEXT = r"^\s*[-+]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][-+]?\d+)?\s*$"
_LARGEST = 1.7976931348623157e308  # a finite float: '.inf' is not a number for the game
# The words of a boolean answer in any case: an editor's YAML may keep them as text.
_TRUTH_TEXT = "^(" + "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in w) for w in TRUTH) + ")$"


# No control character but newline and tab, no bidirectional control (see quiz.format.text).
_NO_CONTROL = f"^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f{BIDI_CONTROLS}]*$"


def _text(description: str, *, optional: bool = False) -> dict[str, Any]:
    # The reader keeps a value's own text, so 1975 or yes are valid texts too; text
    # must hold something other than spaces, and no control character.
    kinds = ["string", "number", "boolean"] + (["null"] if optional else [])
    return {
        "type": kinds,
        "allOf": [{"pattern": r"\S"}, {"pattern": _NO_CONTROL}],
        "description": description,
    }


def _entries(description: str, limits: tuple[int, int] | None = None) -> dict[str, Any]:
    entries: dict[str, Any] = {
        "type": "array",
        "items": _text("an entry"),
        "uniqueItems": True,
        "description": description,
    }
    if limits is not None:
        entries["minItems"], entries["maxItems"] = limits
    return entries


def _number(description: str, minimum: float = -_LARGEST) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": "number", "minimum": minimum, "maximum": _LARGEST},
            {"type": "string", "pattern": NUMBER_TEXT},
        ],
    }


def _when(qtype: QuestionType, then: dict[str, Any]) -> dict[str, Any]:
    condition: dict[str, Any] = {
        "properties": {"type": {"const": qtype.value}},
        "required": ["type"],
    }
    if qtype is QuestionType.SINGLE:
        # A question without 'type' is a single question.
        condition = {"anyOf": [condition, {"not": {"required": ["type"]}}]}
    # Keys of other types are errors for this one.
    refused = [key for key, types in TYPE_KEYS.items() if qtype not in types]
    rules = dict(then)
    if refused:
        rules["not"] = {"anyOf": [{"required": [key]} for key in refused]}
    return {"if": condition, "then": rules}


def _question() -> dict[str, Any]:
    answers = {"type": "array", "items": _text("an answer"), "minItems": 1, "uniqueItems": True}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "prompt"],
        "properties": {
            "id": {
                "type": ["string", "integer"],
                "pattern": f"^{ID_PATTERN.pattern}$",
                "description": "unique in the file; letters, digits, - and _",
            },
            "type": {"enum": [t.value for t in QuestionType], "default": "single"},
            "prompt": _text("the question"),
            "choices": _entries(
                f"{CHOICE_RANGE[0]} to {CHOICE_RANGE[1]} distinct choices", CHOICE_RANGE
            ),
            "answer": {
                "description": (
                    "single: the text of one choice (not its number); multi: a list of "
                    "choices; boolean: true or false; text: an accepted answer or a list of "
                    "them; number: a number or a list of accepted numbers"
                ),
            },
            "items": _entries("order questions: the items in the right order", ITEM_RANGE),
            "tolerance": _number("number questions: how far off an answer may be", 0),
            "pairs": {
                "type": "array",
                "minItems": PAIR_RANGE[0],
                "maxItems": PAIR_RANGE[1],
                "description": "match questions: each left with its right",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["left", "right"],
                    "properties": {"left": _text("a left"), "right": _text("its right")},
                },
            },
            "extra": _entries("match questions: wrong rights offered too", EXTRA_RANGE),
            "passage": _text("a reading text shown above the question", optional=True),
            "explanation": _text(
                "why the answer is right; shown after every answer", optional=True
            ),
            "hint": _text("shown on request; halves the points", optional=True),
            "difficulty": {
                "enum": [*(d.value for d in Difficulty), None],
                "default": "medium",
            },
            "tags": _entries("tags of the question, added to the bank's"),
            "source": _text("where the fact comes from", optional=True),
        },
        "allOf": [
            _when(
                QuestionType.SINGLE,
                {"required": ["choices", "answer"], "properties": {"answer": _text("a choice")}},
            ),
            _when(
                QuestionType.MULTI,
                {"required": ["choices", "answer"], "properties": {"answer": answers}},
            ),
            _when(
                QuestionType.BOOLEAN,
                {
                    "required": ["answer"],
                    "properties": {
                        "answer": {
                            "anyOf": [
                                {"type": "boolean"},
                                {"type": "string", "pattern": _TRUTH_TEXT},
                            ]
                        }
                    },
                },
            ),
            _when(
                QuestionType.TEXT,
                {
                    "required": ["answer"],
                    "properties": {"answer": {"anyOf": [_text("an answer"), answers]}},
                },
            ),
            _when(
                QuestionType.NUMBER,
                {
                    "required": ["answer"],
                    "properties": {
                        "answer": {
                            "anyOf": [
                                _number("the answer"),
                                {
                                    "type": "array",
                                    "items": _number("an accepted number"),
                                    "minItems": NUMBER_RANGE[0],
                                    "maxItems": NUMBER_RANGE[1],
                                },
                            ]
                        }
                    },
                },
            ),
            _when(QuestionType.ORDER, {"required": ["items"]}),
            _when(QuestionType.MATCH, {"required": ["pairs"]}),
        ],
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 7) describing a question file, for editors and tools."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Orbit Quiz question bank",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "questions"],
        "properties": {
            "title": _text("the bank's title"),
            "description": _text("shown under the title", optional=True),
            "briefing": _text(
                "what the player may read before playing (quiz brief)", optional=True
            ),
            "tags": {**_entries("tags every question of the bank has"), "type": ["array", "null"]},
            "questions": {"type": "array", "minItems": 1, "items": _question()},
        },
    }
