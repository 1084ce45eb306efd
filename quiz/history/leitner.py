"""The Leitner system of spaced review: boxes 1 to 5 and when each is due. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FIRST_BOX = 1
LAST_BOX = 5
# Days to wait before a question in each box is asked again; box 1 is due at once.
INTERVALS: dict[int, timedelta] = {
    1: timedelta(0),
    2: timedelta(days=1),
    3: timedelta(days=3),
    4: timedelta(days=7),
    5: timedelta(days=14),
}


@dataclass(frozen=True, slots=True)
class Card:
    """One answered question in its box: keyed by bank title and question id."""

    bank: str
    question_id: str
    box: int
    due: datetime


def next_box(box: int | None, correct: bool) -> int:
    """The box after an answer: back to 1 when wrong, up one (at most 5) when right.

    A question never answered before counts as being in box 1, so a first right
    answer puts it in box 2.
    """
    if not correct:
        return FIRST_BOX
    return min((box or FIRST_BOX) + 1, LAST_BOX)


def due_at(box: int, answered: datetime) -> datetime:
    """When a question put in ``box`` at ``answered`` is next due."""
    return answered + INTERVALS[box]


def is_due(card: Card, now: datetime) -> bool:
    """Whether the card should be asked at ``now``."""
    return card.due <= now
