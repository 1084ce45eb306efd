"""Progress the player can see: questions new, learning and known per bank, retention
measured against the target, and the days played. Pure: rows in, summaries out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from quiz.history.scheduling import Memory

RETENTION_DAYS = 30
CALENDAR_WEEKS = 12
# An answer measures recall when the question was last answered this long before
# (a repeat within the same sitting says little about memory).
RECALL_GAP = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class BankProgress:
    """A bank's questions by what the player knows of them; ``new`` is None when the
    bank's file was not found (played by path, or deleted)."""

    title: str
    new: int | None
    learning: int
    known: int


@dataclass(frozen=True, slots=True)
class Retention:
    """Right answers to questions seen before, over the last 30 days, and the target."""

    target: float
    reviews: int
    recalled: int

    @property
    def measured(self) -> float | None:
        """Recalled over reviews (None when there was no review)."""
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the calendar (local time) and the answers given on it."""

    day: date
    answers: int


def bank_progress(
    memories: Sequence[Memory], questions: Mapping[str, frozenset[str]]
) -> tuple[BankProgress, ...]:
    """Per bank title, sorted: new (never answered), learning, known (stability of 21
    days or more). Cards of questions no longer in a found bank are not counted."""
    learning: dict[str, int] = defaultdict(int)
    known: dict[str, int] = defaultdict(int)
    seen: dict[str, set[str]] = defaultdict(set)
    for memory in memories:
        ids = questions.get(memory.bank)
        if ids is not None and memory.question_id not in ids:
            continue
        seen[memory.bank].add(memory.question_id)
        if memory.known:
            known[memory.bank] += 1
        else:
            learning[memory.bank] += 1
    titles = sorted(set(seen) | set(questions), key=str.casefold)
    return tuple(
        BankProgress(
            title,
            len(questions[title] - seen[title]) if title in questions else None,
            learning[title],
            known[title],
        )
        for title in titles
    )


def retention(
    answers: Sequence[tuple[datetime, str, str, bool]],
    *,
    target: float,
    now: datetime,
    days: int = RETENTION_DAYS,
) -> Retention:
    """Recall over the last ``days``: of the answers (time, bank, question id, right),
    in time order, those to a question answered at least 12 hours before."""
    since = now - timedelta(days=days)
    last: dict[tuple[str, str], datetime] = {}
    reviews = recalled = 0
    for at, bank, question_id, right in answers:
        before = last.get((bank, question_id))
        if before is not None and at - before >= RECALL_GAP and since <= at <= now:
            reviews += 1
            recalled += int(right)
        last[bank, question_id] = at
    return Retention(target, reviews, recalled)


def calendar(
    moments: Sequence[datetime], now: datetime, zone: tzinfo | None = None
) -> tuple[Day, ...]:
    """The last 12 weeks, Monday to Sunday, ending with this week, in local time
    (``zone``; the system's when None): how many answers each day."""
    today = now.astimezone(zone).date()
    first = today - timedelta(days=today.weekday() + 7 * (CALENDAR_WEEKS - 1))
    counts = Counter(moment.astimezone(zone).date() for moment in moments)
    return tuple(
        Day(day, counts.get(day, 0))
        for day in (first + timedelta(days=n) for n in range(7 * CALENDAR_WEEKS))
    )
