"""The rules of the question format, stated once: the keys, which keys go with which
question types, the sizes of lists, the id pattern and the words that mean true.

The checker applies them, the schema describes them and the starter bank follows
them; none keeps a copy.
"""

from __future__ import annotations

import re

from quiz.errors import Diagnostic
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
# Keys people expect in a question that the format does not have, and what to do instead.
QUESTION_KEY_ADVICE = {
    "points": "points come from the difficulty, from easy (the fewest) to hard (the most): "
    "write difficulty: hard",
    "time": "a time limit is set when playing, for every question: quiz play --timed 30",
    "image": "images are not supported; a question is text only",
}
QUESTION_KEY_ADVICE |= {
    "score": QUESTION_KEY_ADVICE["points"],
    "timer": QUESTION_KEY_ADVICE["time"],
    "time_limit": QUESTION_KEY_ADVICE["time"],
    "images": QUESTION_KEY_ADVICE["image"],
    "picture": QUESTION_KEY_ADVICE["image"],
}
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
# A question file may be at most this many bytes; a bigger one is refused unread.
MAX_FILE_BYTES = 100_000_000
# Checking a file stops after this many errors, and lists at most this many warnings.
MAX_ERRORS = 1000
MAX_WARNINGS = 1000


def too_big(path: str, size: int) -> Diagnostic:
    """The error of a file over the size limit, which is refused unread."""
    message = (
        f"the file is {size:,} bytes; a question file may be at most "
        f"{MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 1_000_000} MB): split it into several banks"
    )
    return Diagnostic(path, 1, 1, message)
