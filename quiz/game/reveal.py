"""The end of one question of a multiplayer round: the :class:`Reveal` (each player's
outcome) and its :class:`Count` lines (how many players chose what). Pure.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from quiz.game.engine import Outcome, Turn, given_text
from quiz.model import QuestionType


class Count(NamedTuple):
    """How many players gave one answer at a reveal; ``right`` marks the right answer."""

    label: str
    players: int
    right: bool


class Reveal(NamedTuple):
    """The end of one question: each player's outcome and how many chose what."""

    turn: Turn
    position: int  # the question's index in the round
    outcomes: dict[str, Outcome]  # by player name, for every player asked
    answered: int
    counts: tuple[Count, ...]

    def right(self) -> int:
        """How many players got it fully right."""
        return sum(1 for o in self.outcomes.values() if o.correct)


def counts(turn: Turn, outcomes: dict[str, Outcome]) -> tuple[Count, ...]:
    """How many chose each choice (single, multi, boolean) or gave each answer (others)."""
    question = turn.question
    given = [o.reply.given for o in outcomes.values() if not o.reply.timed_out]
    if question.type in (QuestionType.SINGLE, QuestionType.MULTI):
        tally: Counter[str] = Counter()
        for answer in given:
            tally.update(answer if isinstance(answer, tuple) else (str(answer),))
        shown = turn.choices or question.choices
        return tuple(Count(c, tally[c], c in question.answers) for c in shown)
    if question.type is QuestionType.BOOLEAN:
        truths = Counter(bool(answer) for answer in given)
        return (
            Count("True", truths[True], question.truth is True),
            Count("False", truths[False], question.truth is False),
        )
    right = Counter(o.correct for o in outcomes.values() if not o.reply.timed_out)
    texts = Counter(given_text(question, answer) for answer in given)
    common = tuple(Count(text, n, False) for text, n in texts.most_common(3))
    return (Count("right", right[True], True), Count("not right", right[False], False), *common)
