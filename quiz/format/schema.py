"""The JSON Schema of question files, built from the same names the validator uses."""

from __future__ import annotations

from typing import Any

from quiz.format.rules import CHOICE_RANGE, EXTRA_RANGE, ITEM_RANGE, NUMBER_RANGE, PAIR_RANGE
from quiz.model import Difficulty, QuestionType

SCHEMA_ID = "https://orbit-quiz.invalid/question-bank.schema.json"


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description}


def _scalar_text(description: str) -> dict[str, Any]:
    # The loader keeps a scalar's own text, so 1975 or yes are valid texts too.
    return {"type": ["string", "number", "boolean"], "description": description}


def _tags() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}


def _when(qtype: QuestionType | list[QuestionType], then: dict[str, Any]) -> dict[str, Any]:
    types = qtype if isinstance(qtype, list) else [qtype]
    condition: dict[str, Any] = {
        "properties": {"type": {"enum": [t.value for t in types]}},
        "required": ["type"],
    }
    if QuestionType.SINGLE in types:
        # A question without 'type' is a single question.
        condition = {"anyOf": [condition, {"not": {"required": ["type"]}}]}
    return {"if": condition, "then": then}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 7) describing a question file, for editors and tools."""
    choices = {
        "type": "array",
        "items": _scalar_text("a choice"),
        "minItems": CHOICE_RANGE[0],
        "maxItems": CHOICE_RANGE[1],
        "uniqueItems": True,
        "description": f"{CHOICE_RANGE[0]} to {CHOICE_RANGE[1]} distinct choices",
    }
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "prompt"],
        "properties": {
            "id": {
                "type": ["string", "integer"],
                "pattern": "^[A-Za-z0-9_-]+$",
                "description": "unique in the file; letters, digits, - and _",
            },
            "type": {"enum": [t.value for t in QuestionType], "default": "single"},
            "prompt": _text("the question"),
            "choices": choices,
            "answer": {
                "description": (
                    "single: one of the choices; multi: a list of choices; boolean: true or "
                    "false; text: an accepted answer or a list of them; number: a number or a list "
                    "of accepted numbers"
                ),
                "anyOf": [
                    _scalar_text("an answer"),
                    {"type": "array", "items": _scalar_text("an answer"), "minItems": 1},
                ],
            },
            "items": {
                "type": "array",
                "items": _scalar_text("an item"),
                "minItems": ITEM_RANGE[0],
                "maxItems": ITEM_RANGE[1],
                "uniqueItems": True,
                "description": "order questions: the items in the right order",
            },
            "tolerance": {"type": "number", "minimum": 0, "default": 0},
            "pairs": {
                "type": "array",
                "minItems": PAIR_RANGE[0],
                "maxItems": PAIR_RANGE[1],
                "description": "match questions: each left with its right",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["left", "right"],
                    "properties": {
                        "left": _scalar_text("a left"),
                        "right": _scalar_text("its right"),
                    },
                },
            },
            "extra": {
                "type": "array",
                "items": _scalar_text("a right that matches no left"),
                "maxItems": EXTRA_RANGE[1],
                "uniqueItems": True,
                "description": "match questions: wrong rights offered too",
            },
            "passage": _text("a reading text shown above the question"),
            "explanation": _text("why the answer is right; shown after every answer"),
            "hint": _text("shown on request; halves the points"),
            "difficulty": {"enum": [d.value for d in Difficulty], "default": "medium"},
            "tags": _tags(),
            "source": _text("where the fact comes from"),
        },
        "allOf": [
            _when(
                [QuestionType.SINGLE, QuestionType.MULTI],
                {"required": ["choices", "answer"], "not": {"required": ["items"]}},
            ),
            _when(
                QuestionType.BOOLEAN,
                {"required": ["answer"], "properties": {"answer": {"type": ["boolean", "string"]}}},
            ),
            _when(QuestionType.TEXT, {"required": ["answer"]}),
            _when(
                QuestionType.NUMBER,
                {
                    "required": ["answer"],
                    "properties": {
                        "answer": {
                            "anyOf": [
                                {"type": "number"},
                                {
                                    "type": "array",
                                    "items": {"type": "number"},
                                    "minItems": NUMBER_RANGE[0],
                                    "maxItems": NUMBER_RANGE[1],
                                    "uniqueItems": True,
                                },
                            ]
                        }
                    },
                },
            ),
            _when(QuestionType.ORDER, {"required": ["items"], "not": {"required": ["answer"]}}),
            _when(QuestionType.MATCH, {"required": ["pairs"], "not": {"required": ["answer"]}}),
        ],
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Orbit Quiz question bank",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "questions"],
        "properties": {
            "title": _text("the bank's title"),
            "description": {"type": "string"},
            "briefing": _text("what the player may read before playing (quiz brief)"),
            "tags": _tags(),
            "questions": {"type": "array", "minItems": 1, "items": question},
        },
    }
