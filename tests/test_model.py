"""The nouns of the game: how answers are shown, and summaries."""

from __future__ import annotations

import pytest

from quiz.model import format_number, right_answer_text, summarize
from tests.helpers import every_type_bank


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1975.0, "1975"), (-2.0, "-2"), (0.5, "0.5"), (1e20, "1e+20"), (3.25, "3.25")],
)
def test_format_number(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_right_answer_text_of_every_type() -> None:
    shown = [right_answer_text(q) for q in every_type_bank().questions]
    assert shown == ["B", "A; C", "True", "Kazakhstan", "1975 (± 1)", "one → two → three"]


def test_summary() -> None:
    summary = summarize(every_type_bank())
    assert (summary.name, summary.title, summary.questions) == ("every", "Every type", 6)
    assert summary.types == ("boolean", "multi", "number", "order", "single", "text")
