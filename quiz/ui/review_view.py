"""What a review shows: its label, when each question comes back, the forecast of the
next two weeks. Times are UTC inside and local on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from quiz.game.engine import Asker, Outcome, Reply, Status, Turn
from quiz.history.leitner import Card
from quiz.ui.listing import plural
from quiz.ui.session import Session
from quiz.ui.stats_view import is_plain, wrapped

__all__ = ["ReviewAsker", "ReviewSession", "forecast_view", "is_plain", "review_label"]

FORECAST_DAYS = 14
BAR_MAX = 20


def wait_text(wait: timedelta) -> str:
    """``in 3 days``, ``in 5 hours``, ``in 12 minutes``, or ``in under a minute``."""
    # Round up to the minute, so a day less a few milliseconds still reads "1 day".
    seconds = int(wait.total_seconds()) + 59
    if seconds >= 86_400:
        return "in " + plural(seconds // 86_400, "day")
    if seconds >= 3_600:
        return "in " + plural(seconds // 3_600, "hour")
    if seconds >= 60:
        return "in " + plural(seconds // 60, "minute")
    return "in under a minute"


def day_text(day: date, *, plain: bool = False) -> str:
    """A day as the forecast names it: ``Thu 3 Dec`` (plain, for screen readers:
    ``Thursday 3 December``)."""
    return f"{day:%A} {day.day} {day:%B}" if plain else f"{day:%a} {day.day} {day:%b}"


def when_text(
    moment: datetime, now: datetime, *, plain: bool = False, zone: tzinfo | None = None
) -> str:
    """A time to come, local and in the forecast's words: ``today at 05:28``, ``tomorrow
    at 09:00``, ``Thu 3 Dec at 09:00`` (with its year when that is not this one's)."""
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    if local.date() == today:
        day = "today"
    elif local.date() == today + timedelta(days=1):
        day = "tomorrow"
    else:
        day = day_text(local.date(), plain=plain)
        if local.year != today.year:
            day += f" {local.year}"
    return f"{day} at {local:%H:%M}"


def review_label(due: int, asked: int, *, ahead: bool = False) -> Text:
    """``Review · 8 due`` (``· 5 asked`` when fewer are asked), or the ahead label."""
    if ahead:
        return Text.assemble(
            ("Review ahead", "quiz.title"), (f" · {asked} not yet due", "quiz.muted")
        )
    label = Text.assemble(("Review", "quiz.title"), (f" · {due} due", "quiz.muted"))
    if asked < due:
        label.append(f" · {asked} asked", style="quiz.muted")
    return label


def next_review_line(due: datetime, now: datetime) -> Text:
    """``next review in 3 days`` (or ``... at once``), for after an answer."""
    wait = due - now
    when = "at once" if wait <= timedelta(0) else wait_text(wait)
    return Text(f"next review {when}", style="quiz.muted")


class ReviewAsker:
    """An asker that, after each verdict, says when the question comes back.

    ``due_after`` gives the due time the store will record for this outcome.
    Everything else is the wrapped asker's.
    """

    def __init__(
        self,
        inner: Asker,
        console: Console,
        due_after: Callable[[Outcome], datetime],
        now: Callable[[], datetime],
    ) -> None:
        self.inner = inner
        self.console = console
        self.due_after = due_after
        self.now = now

    def ask(self, turn: Turn, status: Status) -> Reply:
        """The wrapped asker's question."""
        return self.inner.ask(turn, status)

    def tell(self, outcome: Outcome) -> None:
        """The wrapped asker's verdict, then when the question is next due."""
        self.inner.tell(outcome)
        self.console.print(next_review_line(self.due_after(outcome), self.now()))

    def pick(self, message: str, labels: list[str]) -> int:
        """The wrapped asker's menu."""
        return self.inner.pick(message, labels)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class ReviewSession(Session):
    """A session whose asker says, after each verdict, when the question comes back
    (when ``due_after`` is set)."""

    due_after: Callable[[Outcome], datetime] | None = None
    _review_asker: Asker | None = None

    def asker(self) -> Asker:
        """The session's asker, wrapped to add the next review to each verdict."""
        inner = super().asker()
        if self.due_after is None:
            return inner
        if self._review_asker is None:
            self._review_asker = ReviewAsker(inner, self.console, self.due_after, _utc_now)
        return self._review_asker


def _utc_now() -> datetime:
    return datetime.now(UTC)


def forecast_counts(
    cards: Sequence[Card], now: datetime, zone: tzinfo | None = None
) -> tuple[int, list[tuple[date, int]]]:
    """How many cards are due now, and how many fall due on each of the next 14 local
    days (today counts those due later today)."""
    today = now.astimezone(zone).date()
    days = [today + timedelta(days=n) for n in range(FORECAST_DAYS)]
    counts = dict.fromkeys(days, 0)
    due_now = 0
    for card in cards:
        if card.due <= now:
            due_now += 1
            continue
        day = card.due.astimezone(zone).date()
        if day in counts:
            counts[day] += 1
    return due_now, list(counts.items())


def forecast_view(
    cards: Sequence[Card], now: datetime, *, plain: bool, width: int, zone: tzinfo | None = None
) -> RenderableType:
    """Due now, then a bar per day for the next two weeks (plain: a sentence a day)."""
    due_now, days = forecast_counts(cards, now, zone)
    head = Text.assemble(("Due now: ", "quiz.heading"), plural(due_now, "question"))
    if plain:
        lines = [f"Due now: {plural(due_now, 'question')}.", "Due in the next two weeks:"]
        lines += [
            f"{day_text(day, plain=True)}: {plural(count, 'question')}." for day, count in days
        ]
        return wrapped([Text(line) for line in lines])
    top = max((count for _, count in days), default=0)
    room = max(min(BAR_MAX, width - 16), 4)
    bars = Table.grid(padding=(0, 1))
    bars.add_column(style="quiz.muted", no_wrap=True)
    bars.add_column(no_wrap=True)
    bars.add_column(justify="right", no_wrap=True)
    for day, count in days:
        filled = round(count / top * room) if top else 0
        if count and not filled:
            filled = 1
        bars.add_row(day_text(day), Text("█" * filled, style="quiz.bar"), str(count))
    title = Text("Next two weeks", style="quiz.title")
    return Group(head, title, bars)
