"""Reading stored rows defensively: a value of the wrong type or shape is a bad row.

A history file is data from disk and may be damaged (a flipped bit, a hand edit, a
crafted file). Every value is checked as it is read; a row that cannot be understood
raises :class:`BadRow`, and the reader skips it and counts it.
"""

from __future__ import annotations

import json
import math
from datetime import datetime

from quiz.history.leitner import LAST_BOX, Card
from quiz.history.scheduling import Memory
from quiz.history.stats import AnswerRow, GameRow
from quiz.history.times import parse_stamp, stamp


class BadRow(ValueError):
    """A stored row with a value that cannot be understood."""


def decode_text(raw: bytes) -> str | bytes:
    """SQLite's text as str, or the bytes themselves when they are not UTF-8 (a bad
    value for whoever reads it, instead of a UnicodeDecodeError for everyone)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def text(value: object) -> str:
    """A stored text."""
    if not isinstance(value, str):
        raise BadRow(f"not text: {value!r:.40}")
    return value


def whole(value: object, low: int = -(2**62), high: int = 2**62) -> int:
    """A stored whole number within ``low`` and ``high``."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise BadRow(f"not a whole number in range: {value!r:.40}")
    return value


def real(value: object, low: float = -1e12, high: float = 1e12) -> float:
    """A stored finite number within ``low`` and ``high``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRow(f"not a number: {value!r:.40}")
    number = float(value)
    if not (math.isfinite(number) and low <= number <= high):
        raise BadRow(f"number out of range: {value!r:.40}")
    return number


def flag(value: object) -> bool:
    """A stored 0 or 1."""
    return bool(whole(value, 0, 1))


def moment(value: object) -> datetime:
    """A stored time."""
    try:
        return parse_stamp(text(value))
    except (ValueError, OverflowError):
        raise BadRow(f"not a time: {value!r:.40}") from None


def text_list(value: object) -> tuple[str, ...]:
    """A stored JSON list of texts."""
    try:
        items = json.loads(text(value))
    except (ValueError, RecursionError):
        raise BadRow(f"not a JSON list: {value!r:.40}") from None
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise BadRow(f"not a list of texts: {value!r:.40}")
    return tuple(items)


def game_row(row: tuple[object, ...]) -> GameRow:
    """``id, mode, banks, started, ended, score, max_score, planned, completed``."""
    return GameRow(
        whole(row[0]),
        text(row[1]),
        text_list(row[2]),
        stamp(moment(row[3])),
        stamp(moment(row[4])),
        whole(row[5]),
        whole(row[6]),
        whole(row[7], 0),
        flag(row[8]),
    )


def answer_row(row: tuple[object, ...]) -> AnswerRow:
    """``game_id, position, bank, question_id, correct, points, prompt, difficulty, tags``."""
    return AnswerRow(
        whole(row[0]),
        whole(row[1]),
        text(row[2]),
        text(row[3]),
        flag(row[4]),
        whole(row[5]),
        text(row[6]),
        text(row[7]),
        text_list(row[8]),
    )


def box_card(row: tuple[object, ...]) -> Card:
    """``bank, question_id, box, due`` of the Leitner boxes."""
    return Card(text(row[0]), text(row[1]), whole(row[2], 1, LAST_BOX), moment(row[3]))


REVIEW_STATE = 2
MEMORY_COLUMNS = (
    "bank, question_id, state, step, stability, difficulty, due, last_review,"
    " reviews, lapses, right_answers"
)


def memory(row: tuple[object, ...]) -> Memory:
    """A row of :data:`MEMORY_COLUMNS` of the FSRS cards (a step while learning or
    relearning, none in review, as FSRS requires)."""
    state = whole(row[2], 1, 3)
    if (row[3] is None) != (state == REVIEW_STATE):
        raise BadRow(f"step {row[3]!r:.20} does not go with state {state}")
    return Memory(
        bank=text(row[0]),
        question_id=text(row[1]),
        state=state,
        step=None if row[3] is None else whole(row[3], 0, 100),
        stability=real(row[4], 1e-6, 1e7),
        difficulty=real(row[5], 0.0, 11.0),
        due=moment(row[6]),
        last_review=moment(row[7]),
        reviews=whole(row[8], 0),
        lapses=whole(row[9], 0),
        right=whole(row[10], 0),
    )
