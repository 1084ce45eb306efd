"""What the player sees of their progress: stats' progress, retention and calendar,
the review's label and next review, the forecast; at 40 and 100 columns, with and
without colour, rich and plain."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from quiz.cli import main
from quiz.history.leitner import Card
from quiz.history.progress import Day, Retention, calendar, retention
from quiz.history.stats import compute
from quiz.history.store import open_history
from quiz.ui.review_view import forecast_counts, forecast_view, review_label
from quiz.ui.stats_view import calendar_lines, heat_map, retention_line, stats_view
from quiz.ui.theme import THEME
from tests.history.test_review import BANK_PATH, answered
from tests.history.test_store import game, record

NOW = datetime(2024, 3, 20, 10, 0, 0, tzinfo=UTC)  # a Wednesday


def render(renderable: object, width: int, colour: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        theme=THEME,
        color_system="standard" if colour else None,
        force_terminal=colour,
    )
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_retention_counts_answers_to_questions_seen_12_hours_before() -> None:
    day = timedelta(days=1)
    answers = [
        (NOW - 40 * day, "B", "a", True),
        (NOW - 20 * day, "B", "a", False),  # counted
        (NOW - 20 * day + timedelta(hours=1), "B", "a", True),  # too soon after
        (NOW - 5 * day, "B", "a", True),  # counted
        (NOW - 5 * day, "B", "b", True),  # first sighting
    ]
    found = retention(answers, target=0.9, now=NOW)
    assert (found.reviews, found.recalled, found.measured) == (2, 1, 0.5)
    assert retention([], target=0.9, now=NOW).measured is None


def test_the_calendar_is_12_weeks_from_a_monday_in_local_time() -> None:
    days = calendar([NOW, NOW, NOW - timedelta(days=8)], NOW, UTC)
    assert len(days) == 84 and days[0].day.weekday() == 0
    assert days[-1].day.isoformat() == "2024-03-24"
    assert {d.day.isoformat(): d.answers for d in days if d.answers} == {
        "2024-03-20": 2,
        "2024-03-12": 1,
    }


def sample_days() -> list[Day]:
    days = calendar([NOW - timedelta(days=n) for n in range(0, 30, 3)] * 2, NOW, UTC)
    return list(days)


@pytest.mark.parametrize("width", [40, 100])
@pytest.mark.parametrize("colour", [False, True])
def test_heat_map_and_plain_calendar_read_at_40_and_100_columns(width: int, colour: bool) -> None:
    rich = render(heat_map(sample_days()), width, colour)
    lines = rich.splitlines()
    assert lines[1].startswith("Mon ") or "Mon " in lines[1]
    assert "█" in rich and "·" in rich and "10 days played" in rich
    plain = render(calendar_lines(sample_days()), width, colour)
    assert "Week of 11 March: 3 days, 6 answers (Mon 2, Thu 2, Sun 2)." in " ".join(plain.split())
    assert "not played." in plain and "█" not in plain
    for text in (rich, plain):
        visible = text.splitlines()
        if not colour:
            assert max(len(line) for line in visible) <= width
            assert all(line == line.rstrip() for line in visible)
    if colour:
        assert "\x1b[" in rich


def test_retention_line_against_the_target() -> None:
    assert render(retention_line(Retention(0.9, 40, 36), "fsrs"), 100).strip() == (
        "Retention (30 days): 90% of 40 reviews; target 90%"
    )
    assert "no reviews yet" in render(retention_line(Retention(0.9, 0, 0), "fsrs"), 40)
    assert "scheduler leitner" in render(retention_line(Retention(0.9, 3, 1), "leitner"), 40)


def test_stats_json_carries_progress_retention_and_calendar(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_history(isolated_data_dir, lambda: datetime.now(UTC)) as history:
        record(history, game({"sun": False}), datetime.now(UTC) - timedelta(days=2))
        record(history, game({}), datetime.now(UTC))
    assert main(["stats", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["scheduler"] == "fsrs"
    orbits = next(p for p in document["progress"] if p["bank"] == "Orbits")
    assert orbits == {"bank": "Orbits", "new": None, "learning": 3, "known": 0}
    assert document["retention"] == {
        "days": 30,
        "target": 0.9,
        "measured": 1.0,
        "reviews": 3,
        "recalled": 3,
    }
    assert len(document["calendar"]) == 84
    assert sum(d["answers"] for d in document["calendar"]) == 6


def test_stats_view_shows_progress_and_reads_at_40_columns() -> None:
    from quiz.history.scheduling import Grade, review, scheduler
    from tests.history.test_stats import answer, row

    assert "No games yet" in render(stats_view(compute([], [], now=NOW)), 40)
    games = [row(1, "2024-03-18T10:00:00+00:00", 300), row(2, "2024-03-19T10:00:00+00:00", 200)]
    answers = [answer(1, 1, "moon", True), answer(2, 1, "moon", False)]
    memory = review(None, Grade.GOOD, NOW, scheduler(), correct=True, key=("Orbits", "moon"))
    stats = compute(
        games,
        answers,
        memories=[memory],
        bank_sizes={"Orbits": frozenset({"moon", "sun", "days"}), "A long bank title": frozenset()},
        now=NOW,
        zone=UTC,
    )
    for plain in (False, True):
        for width in (40, 100):
            out = render(stats_view(stats, plain=plain), width)
            assert "Progress" in out and "Retention (30 days): 0% of 1 review" in out
            assert max(len(line) for line in out.splitlines()) <= width
    assert "Days played · 12 weeks" in render(stats_view(stats), 40)
    assert "Days played in the last 12 weeks:" in render(stats_view(stats, plain=True), 40)
    assert [(p.title, p.new, p.learning, p.known) for p in stats.progress] == [
        ("A long bank title", 0, 0, 0),
        ("Orbits", 2, 1, 0),
    ]


def test_forecast_counts_and_view() -> None:
    cards = [
        Card("B", "a", 1, NOW - timedelta(hours=1)),
        Card("B", "b", 1, NOW + timedelta(hours=2)),
        Card("B", "c", 1, NOW + timedelta(days=3)),
        Card("B", "d", 1, NOW + timedelta(days=3, hours=1)),
        Card("B", "e", 1, NOW + timedelta(days=30)),
    ]
    due_now, days = forecast_counts(cards, NOW, UTC)
    assert due_now == 1 and len(days) == 14
    assert [n for _, n in days][:4] == [1, 0, 0, 2]
    for width in (40, 100):
        rich = render(forecast_view(cards, NOW, plain=False, width=width, zone=UTC), width)
        assert "Due now: 1 question" in rich and "Sat 23 Mar " in rich and "03-" not in rich
        assert max(len(line) for line in rich.splitlines()) <= width
        plain = render(forecast_view(cards, NOW, plain=True, width=width, zone=UTC), width)
        assert "Saturday 23 March: 2 questions." in plain and "█" not in plain
    assert render(review_label(8, 8), 40).strip() == "Review · 8 due"
    assert render(review_label(8, 3), 40).strip() == "Review · 8 due · 3 asked"


def test_review_is_labelled_and_says_when_each_question_comes_back(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(isolated_data_dir, {"moon", "days"}, datetime.now(UTC) - timedelta(hours=1))
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n300\n"))
    assert main(["review", str(BANK_PATH), "--plain", "--no-shuffle"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Review · 2 due\n")
    # Right after a miss an hour ago: FSRS brings it back in days; wrong again: in minutes.
    assert out.count("next review in ") == 2
    assert "next review in 1 day" in out or "next review in 2 days" in out
    assert "next review in 10 minutes" in out or "next review in 1 minute" in out
    with open_history(isolated_data_dir, lambda: datetime.now(UTC)) as history:
        cards = {c.question_id: c for c in history.cards()}
    soon = cards["days"].due - datetime.now(UTC)
    assert soon < timedelta(minutes=2)


def test_forecast_and_ahead_through_the_command(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(isolated_data_dir, set(), datetime.now(UTC))
    assert main(["review", str(BANK_PATH), "--forecast", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "Due now: 0 questions." in out and out.count(": 3 questions.") == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    assert main(["review", str(BANK_PATH), "--ahead", "1", "--plain", "--no-shuffle"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Review ahead · 1 not yet due") and "Question 1 of 1." in out
    random.seed(0)


def test_one_day_and_one_answer_are_singular() -> None:
    """Stranger #13: the legend said ``1 days played``."""
    days = list(calendar([NOW], NOW, UTC))
    assert "· 1 day played" in render(heat_map(days), 40)
    plain = " ".join(render(calendar_lines(days), 100).split())
    assert "Week of 18 March: 1 day, 1 answer (Wed 1)." in plain


def test_stats_takes_plain_as_play_does(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stranger #13: ``quiz stats --plain`` was refused as an unknown argument."""
    import quiz.ui.stats_view

    monkeypatch.setattr(quiz.ui.stats_view, "is_plain", lambda console: False)  # a terminal
    with open_history(isolated_data_dir, lambda: datetime.now(UTC)) as history:
        record(history, game({}), datetime.now(UTC))
    assert main(["stats"]) == 0
    assert "· 1 day played" in capsys.readouterr().out  # the heat map's legend
    assert main(["stats", "--plain"]) == 0
    out = capsys.readouterr().out
    assert "Days played in the last 12 weeks:" in out and "day played" not in out
