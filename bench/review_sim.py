"""A simulated learner under each scheduler: 60 days of reviews through the real store.

The learner's chance of recalling a question is ``0.9 ** (days since last seen /
stability)``; each question's stability starts at its own value (a few days, drawn
once) the first time its answer is seen, grows after each right answer given a
half-day or more after the last one, and falls after a wrong one. Every day at 09:00
the learner meets up to 10 new questions and answers every due one, then comes back
for what fell due again within the sitting (the questions just missed). Answers go
through the game's engine, store and schedulers with an injected clock, exactly as
``quiz play`` and ``quiz review`` would record them.

Run: ``.venv/bin/python bench/review_sim.py`` (``--days``, ``--questions``, ``--seed``).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.game.engine import Outcome, Reply, Status, Turn, play
from quiz.history.progress import retention
from quiz.history.review import review_turns
from quiz.history.store import open_history
from quiz.model import Bank, Question, QuestionType

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
TITLE = "Simulated"
NEW_PER_DAY = 10
PASSES = 3  # sittings within a day: the due questions, then what fell due again
FIRST_RECALL = 0.4  # the chance of knowing a question before ever seeing its answer
GROWTH = 2.2  # stability after a right answer spaced by half a day or more
SHRINK = 0.5  # stability after a wrong answer
QUICK = 4.0  # seconds for an answer recalled easily (chance over 0.95)
SLOW = 9.0  # seconds otherwise


@dataclass
class Learner:
    """The simulated player: a true stability and a last sighting per question."""

    rng: random.Random
    stability: dict[str, float] = field(default_factory=dict)
    seen: dict[str, datetime] = field(default_factory=dict)
    initial: dict[str, float] = field(default_factory=dict)
    now: datetime = START

    def chance(self, question_id: str) -> float:
        """The chance of recalling the question now."""
        if question_id not in self.seen:
            return FIRST_RECALL
        days = (self.now - self.seen[question_id]) / timedelta(days=1)
        return float(0.9 ** (days / self.stability[question_id]))

    def answer(self, question_id: str) -> tuple[bool, float]:
        """Right or not, and the seconds taken; updates what the learner knows."""
        chance = self.chance(question_id)
        right = self.rng.random() < chance
        if question_id not in self.seen:
            self.stability[question_id] = self.initial[question_id]
        else:
            spaced = self.now - self.seen[question_id] >= timedelta(hours=12)
            if right and spaced:
                self.stability[question_id] *= GROWTH
            elif not right:
                self.stability[question_id] = max(self.stability[question_id] * SHRINK, 0.5)
        self.seen[question_id] = self.now
        return right, QUICK if chance > 0.95 else SLOW


class SimAsker:
    """Answers each boolean question right or wrong as the learner recalls it."""

    def __init__(self, learner: Learner) -> None:
        self.learner = learner
        self.seconds = 0.0
        self.log: list[tuple[datetime, str, str, bool]] = []

    def ask(self, turn: Turn, status: Status) -> Reply:
        """Recall, or not; the clock advances by the seconds taken."""
        right, seconds = self.learner.answer(turn.question.id)
        self.seconds += seconds
        self.log.append((self.learner.now, TITLE, turn.question.id, right))
        return Reply(right)

    def tell(self, outcome: Outcome) -> None:
        """Nothing to show."""

    def pick(self, message: str, labels: list[str]) -> int:
        """Never asked in a review."""
        return 0


@dataclass(frozen=True)
class Result:
    """What a scheduler cost and kept: answers given and recall when reviewing."""

    scheduler: str
    answers: int
    reviews: int
    recalled: int
    known: int

    @property
    def retention(self) -> float:
        """Recalled over reviews (answers to questions seen 12 hours or more before)."""
        return self.recalled / self.reviews if self.reviews else math.nan


def simulate(
    scheduler: str, *, days: int = 60, questions: int = 300, seed: int = 1, measure_from: int = 30
) -> Result:
    """Play ``days`` simulated days; measure recall over the days from ``measure_from``."""
    rng = random.Random(seed)
    bank = Bank(
        name="sim",
        title=TITLE,
        questions=tuple(
            Question(id=f"q{n:03}", type=QuestionType.BOOLEAN, prompt=f"Q{n}?", truth=True)
            for n in range(questions)
        ),
    )
    learner = Learner(rng)
    for question in bank.questions:
        learner.initial[question.id] = rng.lognormvariate(math.log(2.0), 0.6)
    asker = SimAsker(learner)
    unseen = list(bank.questions)
    with tempfile.TemporaryDirectory() as folder:
        history = open_history(Path(folder), lambda: learner.now)
        history.remember(history.choice()._replace(scheduler=scheduler))
        for day in range(days):
            for sitting in range(PASSES):
                learner.now = START + timedelta(days=day, minutes=15 * sitting)
                cards = history.cards(scheduler)
                turns = review_turns(
                    cards, [bank], now=learner.now, count=None, shuffle=False, rng=rng
                )
                if sitting == 0:
                    fresh, unseen = unseen[:NEW_PER_DAY], unseen[NEW_PER_DAY:]
                    turns += [Turn(q, TITLE, 0, 0) for q in fresh]
                if not turns:
                    continue
                # The engine times each answer by the seconds the learner took.
                result = play(turns, asker, lambda: asker.seconds)
                history.record_game(
                    result,
                    mode="review",
                    banks=[TITLE],
                    options={},
                    started=learner.now,
                    ended=learner.now,
                )
        known = sum(1 for memory in history.memories() if memory.known)
        warnings = list(history.warnings)
        history.close()
    assert not warnings, warnings
    since = START + timedelta(days=measure_from)
    measured = retention(
        asker.log,
        target=0.9,
        now=START + timedelta(days=days),
        days=days - measure_from,
    )
    answers = sum(1 for entry in asker.log if entry[0] >= since)
    return Result(scheduler, answers, measured.reviews, measured.recalled, known)


def main(argv: list[str] | None = None) -> int:
    """Print both schedulers' answers, reviews and retention on the learner."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"{args.days} days, {args.questions} questions, seed {args.seed}; measured over the")
    print(f"last {args.days // 2} days (answers to questions last seen 12 hours or more before)")
    print(f"{'scheduler':<10} {'answers':>8} {'reviews':>8} {'retention':>10} {'known':>6}")
    for name in ("fsrs", "leitner"):
        r = simulate(
            name,
            days=args.days,
            questions=args.questions,
            seed=args.seed,
            measure_from=args.days // 2,
        )
        print(f"{name:<10} {r.answers:>8} {r.reviews:>8} {r.retention:>10.1%} {r.known:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
