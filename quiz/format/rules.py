"""The rules of the question format, stated once: the keys, which keys go with which
question types, the sizes of lists, the id pattern and the words that mean true.

The checker applies them, the schema describes them and the starter bank follows
them; none keeps a copy.
"""

from __future__ import annotations

import re

from quiz.model import QuestionType

BANK_SUFFIXES = (".yaml", ".yml")
BANK_KEYS = ("title", "description", "briefing", "tags", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "items",
    "tolerance",
    "explanation",
    "hint",
    "difficulty",
    "tags",
    "source",
    "pairs",
    "extra",
    "passage",
)
# Keys that belong to some question types only.
TYPE_KEYS: dict[str, frozenset[QuestionType]] = {
    "choices": frozenset({QuestionType.SINGLE, QuestionType.MULTI}),
    "answer": frozenset(set(QuestionType) - {QuestionType.ORDER, QuestionType.MATCH}),
    "tolerance": frozenset({QuestionType.NUMBER}),
    "items": frozenset({QuestionType.ORDER}),
    "pairs": frozenset({QuestionType.MATCH}),
    "extra": frozenset({QuestionType.MATCH}),
}
# The keys of one entry of 'pairs' (a match question).
PAIR_KEYS = ("left", "right")
CHOICE_RANGE = (2, 10)
ITEM_RANGE = (2, 8)
PAIR_RANGE = (2, 10)
EXTRA_RANGE = (0, 10)  # rights of a match question that match no left
NUMBER_RANGE = (1, 10)  # the accepted numbers of a number question
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
# The answer of a boolean question, folded to lower case, and the truth it stands for.
TRUTH = {"true": True, "yes": True, "false": False, "no": False}
