"""Spaced review: the order of due questions, and ``quiz review`` in plain mode."""

from __future__ import annotations

import io
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.review import nothing_due, wait_text
from quiz.history.leitner import Card
from quiz.history.review import due_questions, known_cards, next_due, review_turns
from quiz.history.store import open_history
from quiz.library.loading import load_bank
from quiz.model import Bank
from tests.helpers import DATA

BANK_PATH = DATA / "history" / "orbits.yaml"
T0 = datetime(2024, 3, 20, 10, 0, 0, tzinfo=UTC)


def bank() -> Bank:
    return load_bank(BANK_PATH)


def card(qid: str, due: datetime, box: int = 1, title: str = "Orbits") -> Card:
    return Card(title, qid, box, due)


def test_most_overdue_first_then_file_order() -> None:
    cards = [
        card("days", T0),
        card("sun", T0 - timedelta(days=2), box=3),
        card("moon", T0),
        card("later", T0 + timedelta(days=1), box=2),
    ]
    chosen = due_questions(cards, [bank()], T0)
    assert [q.id for q, _ in chosen] == ["sun", "moon", "days"]
    assert {title for _, title in chosen} == {"Orbits"}


def test_questions_that_no_longer_exist_are_skipped() -> None:
    cards = [
        card("gone", T0 - timedelta(days=9)),
        card("moon", T0, title="A bank that was deleted"),
        card("sun", T0),
        card("days", T0 + timedelta(days=3), box=3),
        card("gone-too", T0 + timedelta(days=1), box=2),
    ]
    assert [c.question_id for c in known_cards(cards, [bank()])] == ["sun", "days"]
    assert [q.id for q, _ in due_questions(cards, [bank()], T0)] == ["sun"]
    assert next_due(cards, [bank()], T0) == T0 + timedelta(days=3)


def test_review_turns_are_numbered_limited_and_shuffled_like_play() -> None:
    cards = [card("moon", T0), card("sun", T0), card("days", T0)]
    turns = review_turns(cards, [bank()], now=T0, count=2, shuffle=False, rng=random.Random(1))
    assert [(t.question.id, t.number, t.total) for t in turns] == [("moon", 1, 2), ("sun", 2, 2)]
    assert turns[0].choices == ("The Moon", "Mars", "Venus")
    shuffled = [
        review_turns(cards, [bank()], now=T0, count=1, shuffle=True, rng=random.Random(seed))[0]
        for seed in range(20)
    ]
    assert len({t.choices for t in shuffled}) > 1
    assert all(sorted(t.choices) == ["Mars", "The Moon", "Venus"] for t in shuffled)


def test_wait_text_and_messages() -> None:
    assert wait_text(timedelta(days=1) - timedelta(milliseconds=5)) == "in 1 day"
    assert wait_text(timedelta(days=3, hours=2)) == "in 3 days"
    assert wait_text(timedelta(hours=5)) == "in 5 hours"
    assert wait_text(timedelta(minutes=12)) == "in 12 minutes"
    assert wait_text(timedelta(seconds=1)) == "in 1 minute"
    assert "Nothing to review yet" in nothing_due(None, T0)
    assert "(in 2 days)" in nothing_due(T0 + timedelta(days=2), T0)


def answered(folder: Path, wrong: set[str], ended: datetime, qids: tuple[str, ...] = ()) -> None:
    """Store a game of the test bank where the questions in ``wrong`` were missed."""
    from quiz.game.engine import GameOptions, GameResult, Outcome, Reply, Status, Turn, plan
    from quiz.game.scoring import Points

    turns = plan([bank()], GameOptions(shuffle=False), random.Random(0))
    extra = [
        Turn(
            turns[0].question.__class__(id=qid, type=turns[0].question.type, prompt="?"),
            "Orbits",
            9,
            9,
        )
        for qid in qids
    ]
    outcomes = tuple(
        Outcome(
            turn=t,
            reply=Reply("x"),
            correct=t.question.id not in wrong,
            fraction=1.0,
            points=Points(base=10),
            seconds=1.0,
            status=Status(),
        )
        for t in [*turns, *extra]
    )
    result = GameResult(outcomes, len(outcomes), True, 5.0, ("Orbits",))
    with open_history(folder, lambda: ended) as history:
        history.record_game(
            result, mode="play", banks=["Orbits"], options={}, started=ended, ended=ended
        )


def test_review_plays_the_due_questions_in_plain_mode(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(isolated_data_dir, {"moon", "days"}, datetime.now(UTC) - timedelta(hours=1))
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n365\n"))
    status = main(["review", str(BANK_PATH), "--plain", "--no-shuffle", "--seed", "3"])
    out = capsys.readouterr().out
    assert status == 0
    assert "Question 1 of 2." in out
    assert out.index("What orbits the Earth once a month?") < out.index("How many days")
    assert "True or false: the Earth orbits the Sun." not in out
    assert "Game over" in out


def test_review_count_limits_the_questions(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(isolated_data_dir, {"moon", "sun", "days"}, datetime.now(UTC) - timedelta(hours=1))
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    assert main(["review", str(BANK_PATH), "--plain", "--no-shuffle", "-n", "1"]) == 0
    out = capsys.readouterr().out
    assert "Question 1 of 1." in out and "What orbits the Earth" in out


def test_review_interrupted_by_end_of_input(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(isolated_data_dir, {"moon", "sun"}, datetime.now(UTC) - timedelta(hours=1))
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    assert main(["review", str(BANK_PATH), "--plain", "--no-shuffle"]) == 130
    assert "Game stopped" in capsys.readouterr().out


def test_nothing_due_says_when_in_the_forecasts_words_and_exits_0(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stranger2 #12: the time is told as the forecast names days (``tomorrow at 09:00``,
    ``Friday 4 December at 09:00``), not ``2026-12-02 at 05:28`` beside its ``Wed 2 Dec``."""
    answered(isolated_data_dir, set(), datetime.now(UTC))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["review", str(BANK_PATH), "--plain", "--scheduler", "leitner"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"The next question is due tomorrow at \d\d:\d\d \(in 1 day\)\.", out), out
    assert "quiz review --ahead N" in out
    # FSRS (the default again): a first right answer comes back after two days.
    assert main(["review", str(BANK_PATH), "--plain", "--scheduler", "fsrs"]) == 0
    out = capsys.readouterr().out
    day = re.search(r"The next question is due (\w+ \d+ \w+) at \d\d:\d\d \(in 2 days\)", out)
    assert day is not None, out
    assert main(["review", str(BANK_PATH), "--plain", "--forecast"]) == 0
    forecast = capsys.readouterr().out
    assert re.search(rf"^{day[1]}: [1-9]\d* questions?\.$", forecast, re.M), forecast


def test_when_text_names_today_tomorrow_and_other_days() -> None:
    from quiz.ui.review_view import when_text

    now = datetime(2026, 12, 2, 5, 22, tzinfo=UTC)
    assert when_text(now + timedelta(minutes=6), now, zone=UTC) == "today at 05:28"
    assert when_text(now + timedelta(hours=28), now, zone=UTC) == "tomorrow at 09:22"
    assert when_text(now + timedelta(days=2), now, zone=UTC) == "Fri 4 Dec at 05:22"
    assert when_text(now + timedelta(days=2), now, plain=True, zone=UTC) == (
        "Friday 4 December at 05:22"
    )
    assert when_text(now + timedelta(days=40), now, zone=UTC) == "Mon 11 Jan 2027 at 05:22"


def test_nothing_answered_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(BANK_PATH), "--plain"]) == 0
    assert "Nothing to review yet" in capsys.readouterr().out


def test_review_skips_questions_that_are_gone(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered(
        isolated_data_dir, {"sun", "gone"}, datetime.now(UTC) - timedelta(hours=1), qids=("gone",)
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert main(["review", str(BANK_PATH), "--plain"]) == 0
    out = capsys.readouterr().out
    assert "Question 1 of 1." in out and "the Earth orbits the Sun" in out
    assert "gone" not in out


def test_review_of_an_unknown_bank_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "no-such-bank", "--plain"]) == 1
    assert "quiz: error: no bank named 'no-such-bank'" in capsys.readouterr().err


def test_review_with_a_corrupt_history_warns_once(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated_data_dir / "history.sqlite3").write_bytes(b"garbage" * 200)
    assert main(["review", str(BANK_PATH), "--plain"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("warning:") == 1 and "moved to" in captured.err
    assert "Nothing to review yet" in captured.out


def test_review_with_an_unwritable_data_dir_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "afile" / "sub"))
    assert main(["review", str(BANK_PATH), "--plain"]) == 0
    captured = capsys.readouterr()
    assert "warning: history not saved" in captured.err
    assert "Nothing to review yet" in captured.out


def test_a_review_game_is_recorded_and_moves_the_boxes(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the recording in Session.run; skipped until Session.run records games."""
    answered(isolated_data_dir, {"moon", "days"}, datetime.now(UTC) - timedelta(hours=1))
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n1\n"))
    assert (
        main(["review", str(BANK_PATH), "--plain", "--no-shuffle", "--scheduler", "leitner"]) == 0
    )
    with open_history(isolated_data_dir, lambda: T0) as history:
        games, _ = history.rows()
        boxes = {c.question_id: c.box for c in history.cards("leitner")}
    if len(games) == 1:
        pytest.skip("Session.run does not record games yet")
    assert [g.mode for g in games] == ["play", "review"]
    assert boxes == {"moon": 2, "sun": 2, "days": 1}
    # Only the question missed again is due now; right this time, it moves up to box 2.
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("365\n"))
    assert main(["review", str(BANK_PATH), "--plain"]) == 0
    assert "Question 1 of 1." in capsys.readouterr().out
    with open_history(isolated_data_dir, lambda: T0) as history:
        assert {c.question_id: c.box for c in history.cards("leitner")}["days"] == 2
