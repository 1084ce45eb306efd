"""Statistics of the history: stored rows in, summaries out. Pure: no SQL, no printing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MISSED_LIMIT = 5
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class GameRow:
    """One stored game."""

    id: int
    mode: str
    banks: tuple[str, ...]
    started: str
    ended: str
    score: int
    max_score: int
    planned: int
    completed: bool


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One stored answer; ``difficulty`` is empty and ``tags`` none for schema-1 rows."""

    game_id: int
    position: int
    bank: str
    question_id: str
    correct: bool
    points: int
    prompt: str = ""
    difficulty: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BankStats:
    """How a bank has gone: scores are the points its questions earned in each game."""

    title: str
    plays: int
    best_score: int
    average_score: float
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        """Right answers over answers, 0 to 1."""
        return ratio(self.correct, self.answered)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Right answers out of answers, for one tag or difficulty."""

    label: str
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        """Right answers over answers, 0 to 1."""
        return ratio(self.correct, self.answered)


@dataclass(frozen=True, slots=True)
class Missed:
    """A question often got wrong."""

    bank: str
    question_id: str
    prompt: str
    missed: int
    asked: int


@dataclass(frozen=True, slots=True)
class GamePoint:
    """One game on the chart of scores."""

    ended: str
    mode: str
    score: int
    max_score: int
    completed: bool

    @property
    def fraction(self) -> float:
        """The score as a share of the most it could have been, 0 to 1."""
        return ratio(self.score, self.max_score)


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything ``quiz stats`` shows."""

    sessions: int
    answered: int
    correct: int
    best_streak: int
    banks: tuple[BankStats, ...]
    tags: tuple[Accuracy, ...]
    difficulties: tuple[Accuracy, ...]
    missed: tuple[Missed, ...]
    games: tuple[GamePoint, ...]

    @property
    def accuracy(self) -> float:
        """Right answers over all answers, 0 to 1."""
        return ratio(self.correct, self.answered)


def ratio(part: int, whole: int) -> float:
    """``part / whole``, or 0 when there is no whole."""
    return part / whole if whole else 0.0


def compute(
    games: Sequence[GameRow], answers: Sequence[AnswerRow], *, missed_limit: int = MISSED_LIMIT
) -> Stats:
    """Summarise the stored games and answers (answers in game and position order)."""
    ordered = sorted(answers, key=lambda a: (a.game_id, a.position))
    return Stats(
        sessions=len(games),
        answered=len(ordered),
        correct=sum(1 for a in ordered if a.correct),
        best_streak=best_streak(ordered),
        banks=bank_stats(games, ordered),
        tags=_accuracies((tag, a.correct) for a in ordered for tag in a.tags),
        difficulties=_difficulties(ordered),
        missed=most_missed(ordered, missed_limit),
        games=tuple(
            GamePoint(g.ended, g.mode, g.score, g.max_score, g.completed)
            for g in sorted(games, key=lambda g: (g.ended, g.id))
        ),
    )


def best_streak(answers: Iterable[AnswerRow]) -> int:
    """The longest run of right answers within one game."""
    best = run = 0
    game: int | None = None
    for answer in answers:
        if answer.game_id != game:
            game, run = answer.game_id, 0
        run = run + 1 if answer.correct else 0
        best = max(best, run)
    return best


def bank_stats(games: Sequence[GameRow], answers: Sequence[AnswerRow]) -> tuple[BankStats, ...]:
    """Per bank: games it was in, best and average points, and accuracy; by title."""
    points: dict[tuple[str, int], int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    for a in answers:
        points[a.bank, a.game_id] += a.points
        answered[a.bank] += 1
        correct[a.bank] += int(a.correct)
    plays: dict[str, list[int]] = defaultdict(list)
    for game in games:
        for title in dict.fromkeys(game.banks):
            plays[title].append(points.get((title, game.id), 0))
    return tuple(
        BankStats(
            title=title,
            plays=len(scores),
            best_score=max(scores),
            average_score=sum(scores) / len(scores),
            answered=answered[title],
            correct=correct[title],
        )
        for title, scores in sorted(plays.items(), key=lambda item: item[0].casefold())
    )


def _accuracies(pairs: Iterable[tuple[str, bool]]) -> tuple[Accuracy, ...]:
    answered: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    for label, right in pairs:
        answered[label] += 1
        correct[label] += int(right)
    return tuple(
        Accuracy(label, answered[label], correct[label])
        for label in sorted(answered, key=str.casefold)
    )


_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def _difficulties(answers: Sequence[AnswerRow]) -> tuple[Accuracy, ...]:
    found = _accuracies((a.difficulty, a.correct) for a in answers if a.difficulty)
    return tuple(sorted(found, key=lambda acc: _DIFFICULTY_ORDER.get(acc.label, 3)))


def most_missed(answers: Sequence[AnswerRow], limit: int = MISSED_LIMIT) -> tuple[Missed, ...]:
    """The questions missed most often (then most often in proportion), at most ``limit``."""
    asked: dict[tuple[str, str], int] = defaultdict(int)
    missed: dict[tuple[str, str], int] = defaultdict(int)
    prompts: dict[tuple[str, str], str] = {}
    for a in answers:
        key = (a.bank, a.question_id)
        asked[key] += 1
        missed[key] += int(not a.correct)
        if a.prompt:
            prompts[key] = a.prompt
    keys = sorted(
        (k for k in asked if missed[k]),
        key=lambda k: (-missed[k], -ratio(missed[k], asked[k]), k[0].casefold(), k[1]),
    )
    return tuple(
        Missed(bank, qid, prompts.get((bank, qid), ""), missed[bank, qid], asked[bank, qid])
        for bank, qid in keys[:limit]
    )


def sparkline(fractions: Iterable[float]) -> str:
    """One block character per value (0 to 1): low ``▁`` to full ``█``."""
    top = len(SPARKS) - 1
    return "".join(SPARKS[round(min(max(f, 0.0), 1.0) * top)] for f in fractions)


def document(stats: Stats) -> dict[str, Any]:
    """The statistics as the JSON object of ``quiz stats --json``."""
    return {
        "sessions": stats.sessions,
        "answers": stats.answered,
        "correct": stats.correct,
        "accuracy": round(stats.accuracy, 4) if stats.answered else None,
        "best_streak": stats.best_streak,
        "banks": [
            {
                "title": b.title,
                "plays": b.plays,
                "best_score": b.best_score,
                "average_score": round(b.average_score, 2),
                "accuracy": round(b.accuracy, 4),
                "answers": b.answered,
                "correct": b.correct,
            }
            for b in stats.banks
        ],
        "tags": [_accuracy_entry("tag", a) for a in stats.tags],
        "difficulties": [_accuracy_entry("difficulty", a) for a in stats.difficulties],
        "most_missed": [
            {
                "bank": m.bank,
                "id": m.question_id,
                "prompt": m.prompt,
                "missed": m.missed,
                "asked": m.asked,
            }
            for m in stats.missed
        ],
        "games": [
            {
                "ended": g.ended,
                "mode": g.mode,
                "score": g.score,
                "max_score": g.max_score,
                "completed": g.completed,
            }
            for g in stats.games
        ],
    }


def _accuracy_entry(key: str, acc: Accuracy) -> dict[str, Any]:
    return {
        key: acc.label,
        "answers": acc.answered,
        "correct": acc.correct,
        "accuracy": round(acc.accuracy, 4),
    }
