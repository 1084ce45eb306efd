"""``quiz stats`` in a real terminal: Ctrl-D at the reset question means no (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.history.store import open_history
from tests.history.test_store import T0, game, record
from tests.test_e2e import Terminal, env


@pytest.mark.slow
def test_ctrl_d_at_the_reset_question_keeps_the_history(tmp_path: Path) -> None:
    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}))
    term = Terminal(["stats", "--reset"], env(QUIZ_DATA_DIR=str(tmp_path)))
    term.wait_for("Clear the history of 1 game?")
    term.send("\x04")
    screen = term.wait_for("History kept.")
    assert term.finish() == 0
    assert "Traceback" not in screen and "EOFError" not in screen
    with open_history(tmp_path, lambda: T0) as history:
        assert history.game_count() == 1
    assert not list(tmp_path.glob("*.backup-*"))


@pytest.mark.slow
def test_stats_in_a_terminal_draws_the_heat_map(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    with open_history(tmp_path, lambda: T0) as history:
        record(history, game({}), datetime.now(UTC))
    term = Terminal(["stats"], env(QUIZ_DATA_DIR=str(tmp_path)), cols=40)
    screen = term.wait_for("1 day played")
    assert term.finish() == 0
    assert "Days played · 12 weeks" in screen and "█" in screen
    assert "Retention (30 days): no reviews yet" in screen
