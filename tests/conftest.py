"""Shared fixtures: small banks built in code, and an isolated data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.model import Bank, Content, Difficulty, Question, QuestionType

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own data and cache folders, so no test touches the real ones."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(folder / "cache"))
    monkeypatch.delenv("QUIZ_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield folder


@pytest.fixture(autouse=True)
def both_paths_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file any test checks is checked by both paths: wherever the quick path
    vouches for a file, the located checker must find it clean and read the same."""
    from quiz import quickread
    from quiz.checker import check_document

    quick = quickread.quick_content

    def cross_checked(text: str) -> Content | None:
        content = quick(text)
        if content is not None:
            assert check_document(text, "cross-check") == (content, ()), text
        return content

    monkeypatch.setattr(quickread, "quick_content", cross_checked)


def make_question(qid: str, qtype: QuestionType, **fields: object) -> Question:
    """A question with sensible defaults for the fields a test does not care about."""
    defaults: dict[str, object] = {"prompt": f"Prompt of {qid}?", "explanation": f"Because {qid}."}
    defaults.update(fields)
    return Question(id=qid, type=qtype, **defaults)  # type: ignore[arg-type]


def every_type_bank() -> Bank:
    """One question of each type, in a fixed order."""
    questions = (
        make_question(
            "single",
            QuestionType.SINGLE,
            choices=("A", "B", "C"),
            answers=("B",),
            difficulty=Difficulty.EASY,
        ),
        make_question(
            "multi", QuestionType.MULTI, choices=("A", "B", "C", "D"), answers=("A", "C")
        ),
        make_question("boolean", QuestionType.BOOLEAN, truth=True, hint="It is true."),
        make_question("text", QuestionType.TEXT, answers=("Kazakhstan",)),
        make_question("number", QuestionType.NUMBER, number=1975.0, tolerance=1.0),
        make_question(
            "order", QuestionType.ORDER, items=("one", "two", "three"), difficulty=Difficulty.HARD
        ),
    )
    return Bank(name="every", title="Every type", questions=questions, tags=("sample",))
