"""Which questions a review asks, and in what order. Pure: cards and banks in, turns out."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from quiz.game.engine import Turn, _arranged, _scrambled
from quiz.history.leitner import Card, is_due
from quiz.model import Bank, Question

# Where a question sits: its bank's place, its own place in the file, the question.
Place = tuple[int, int, Question]


def index(banks: Sequence[Bank]) -> dict[tuple[str, str], Place]:
    """Every question by (bank title, question id); the first wins when titles repeat."""
    found: dict[tuple[str, str], Place] = {}
    for bank_number, bank in enumerate(banks):
        for question_number, question in enumerate(bank.questions):
            found.setdefault((bank.title, question.id), (bank_number, question_number, question))
    return found


def known_cards(cards: Sequence[Card], banks: Sequence[Bank]) -> list[Card]:
    """The cards whose bank and question still exist; the others are dropped quietly."""
    places = index(banks)
    return [card for card in cards if (card.bank, card.question_id) in places]


def due_questions(
    cards: Sequence[Card], banks: Sequence[Bank], now: datetime
) -> list[tuple[Question, str]]:
    """The due questions with their bank titles: most overdue first, ties in file order."""
    places = index(banks)
    due = [
        (card.due, places[card.bank, card.question_id], card.bank)
        for card in cards
        if (card.bank, card.question_id) in places and is_due(card, now)
    ]
    due.sort(key=lambda entry: (entry[0], entry[1][0], entry[1][1]))
    return [(place[2], title) for _, place, title in due]


def next_due(cards: Sequence[Card], banks: Sequence[Bank], now: datetime) -> datetime | None:
    """When the next existing question not yet due becomes due (None if none)."""
    later = [card.due for card in known_cards(cards, banks) if not is_due(card, now)]
    return min(later, default=None)


def arrange(
    question: Question, shuffle: bool, rng: random.Random
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The choices and items of a question as ``play`` shows them (shuffled or not)."""
    return _arranged(question.choices, shuffle, rng), _scrambled(question.items, shuffle, rng)


def review_turns(
    cards: Sequence[Card],
    banks: Sequence[Bank],
    *,
    now: datetime,
    count: int | None,
    shuffle: bool,
    rng: random.Random,
) -> list[Turn]:
    """The turns of a review: the due questions in order, at most ``count`` of them."""
    chosen = due_questions(cards, banks, now)
    if count is not None:
        chosen = chosen[:count]
    turns: list[Turn] = []
    for number, (question, title) in enumerate(chosen, start=1):
        choices, items = arrange(question, shuffle, rng)
        turns.append(Turn(question, title, number, len(chosen), choices=choices, items=items))
    return turns


def ahead_turns(
    cards: Sequence[Card],
    banks: Sequence[Bank],
    *,
    now: datetime,
    count: int,
    shuffle: bool,
    rng: random.Random,
) -> list[Turn]:
    """The turns of a review ahead of time: the ``count`` questions due soonest that are
    not due yet, soonest first."""
    places = index(banks)
    later = sorted(
        (
            (card.due, places[card.bank, card.question_id], card.bank)
            for card in cards
            if (card.bank, card.question_id) in places and not is_due(card, now)
        ),
        key=lambda entry: (entry[0], entry[1][0], entry[1][1]),
    )[:count]
    turns: list[Turn] = []
    for number, (_, place, title) in enumerate(later, start=1):
        question = place[2]
        choices, items = arrange(question, shuffle, rng)
        turns.append(Turn(question, title, number, len(later), choices=choices, items=items))
    return turns
