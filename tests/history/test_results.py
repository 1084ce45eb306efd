"""The results file: its document, and a write that is whole or nothing."""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.game.engine import GameOptions, GameResult, Reply, Status, judge, plan
from quiz.history.results import results_document, write_results
from tests.helpers import every_type_bank


def a_game() -> GameResult:
    turns = plan([every_type_bank()], GameOptions(shuffle=False), random.Random(0))
    replies = [
        Reply("B"),
        Reply(("A",)),
        Reply(True, used_hint=True),
        Reply("x"),
        Reply(1975.0),
        Reply(("one", "two", "three")),
    ]
    status = Status()
    outcomes = []
    for turn, reply in zip(turns, replies, strict=True):
        outcome = judge(turn, reply, 2.5, status)
        outcomes.append(outcome)
        status = outcome.status
    return GameResult(
        tuple(outcomes), planned=8, completed=False, seconds=15.0, titles=("Every type",)
    )


def test_document_fields() -> None:
    document = results_document(a_game(), seed=42)
    assert {k: v for k, v in document.items() if k != "answers"} == {
        "bank": "Every type",
        "seed": 42,
        "total": 8,
        "correct": 4,
        "score": 100 + 100 + 100 + 0 + 200 + 330,
        "max_score": 100 + 220 + 240 + 260 + 280 + 450,
        "completed": False,
    }
    assert document["answers"][0] == {
        "id": "single",
        "correct": True,
        "given": "B",
        "points": 100,
        "seconds": 2.5,
    }
    assert [a["given"] for a in document["answers"]] == [
        "B",
        ["A"],
        True,
        "x",
        1975,
        ["one", "two", "three"],
    ]
    json.dumps(document)  # plain JSON all the way down


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")
    write_results(target, results_document(a_game(), seed=1))
    assert json.loads(target.read_text(encoding="utf-8"))["seed"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="cannot write results to"):
        write_results(tmp_path / "missing" / "r.json", {"a": 1})


def test_the_quiz_night_s_writer_too_keeps_links_and_fifos(tmp_path: Path) -> None:
    """``quiz host --results`` writes through write_results and checks with
    check_writable: the same rule as a game's."""
    from quiz.ui.console import check_writable

    target = tmp_path / "night.json"
    link = tmp_path / "link.json"
    link.symlink_to(target)
    check_writable(str(link))
    write_results(link, {"a": 1})
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8")) == {"a": 1}
    fifo = tmp_path / "r.fifo"
    os.mkfifo(fifo)
    check_writable(str(fifo))  # someone may read it by the end of the night
    with pytest.raises(QuizError, match="no program is reading from it"):
        write_results(fifo, {"a": 1})
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(QuizError, match="it is a folder"):
        check_writable(str(tmp_path))
