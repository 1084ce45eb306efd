"""Helpers shared by the tests: small banks built in code, and where the project is."""

from __future__ import annotations

from pathlib import Path

from quiz.model import Bank, Difficulty, Question, QuestionType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"


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
