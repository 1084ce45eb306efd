"""``quiz brief``: a bank's briefing, as plain lines into a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.library.loading import load_bank
from quiz.ui.briefing_view import paragraphs
from tests.helpers import DATA, ROOT

SOYUZ = ROOT / "questions" / "soyuz-2024.yaml"
WITH_BRIEFING = """\
title: Orbits
briefing: |
  First [red]paragraph[/red],
  on two lines.

  Second paragraph.
questions:
  - id: a
    type: boolean
    prompt: Is it?
    answer: yes
    explanation: It is.
"""


def test_brief_prints_the_briefing_of_a_bank_named_by_its_stem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["brief", "soyuz-2024"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Briefing: Soyuz to the ISS, March 2024"
    # Into a pipe, each paragraph is one whole line, with a blank line between.
    assert [line for line in lines[2:] if line] == paragraphs(load_bank(SOYUZ).briefing)
    assert "\x1b[" not in out


def test_brief_of_a_file_keeps_markup_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "orbits.yaml"
    path.write_text(WITH_BRIEFING, encoding="utf-8")
    assert main(["brief", str(path)]) == 0
    assert capsys.readouterr().out == (
        "Briefing: Orbits\n\nFirst [red]paragraph[/red], on two lines.\n\nSecond paragraph.\n"
    )


def test_a_bank_without_a_briefing_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(DATA / "good" / "every-type.yml")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "quiz: error: no briefing in 'every-type'; add a 'briefing:' to the bank\n"
    )


def test_brief_needs_a_bank_and_names_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["brief"])
    assert stopped.value.code == 2
    assert main(["brief", "no-such-bank"]) == 1
    assert "no bank named 'no-such-bank'" in capsys.readouterr().err


def test_a_broken_file_is_reported_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "orbits.yaml"
    good.write_text(WITH_BRIEFING, encoding="utf-8")
    assert main(["brief", str(good), str(DATA / "broken" / "empty.yaml")]) == 1
    captured = capsys.readouterr()
    assert "Second paragraph." in captured.out
    assert "empty.yaml" in captured.err
