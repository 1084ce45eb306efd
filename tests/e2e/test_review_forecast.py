"""``quiz review --forecast`` in a terminal writes its dates as "Thu 3 Dec", as plain
mode and the stats calendar write them, never month first (stranger finding 27)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.test_e2e import Terminal, bank, env, run_piped

pytestmark = pytest.mark.slow
__all__ = ["bank"]  # the fixture, used by name


def test_the_forecast_s_days_are_day_then_month(bank: Path, tmp_path: Path) -> None:
    data = {"QUIZ_DATA_DIR": str(tmp_path / "data")}
    played = run_piped(["play", str(bank), "--no-shuffle", "-n", "2"], "1\n1\n", **data)
    assert played.returncode == 0, played.stderr
    term = Terminal(["review", str(bank), "--forecast"], env(**data))
    assert term.finish() == 0
    screen = term.text()
    tomorrow = date.today() + timedelta(days=1)
    assert f"{tomorrow:%a} {tomorrow.day} {tomorrow:%b} " in screen
    assert not re.search(r"\b\d\d-\d\d\b", screen)
