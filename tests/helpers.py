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


def until_output_closes(
    command: list[str], environ: dict[str, str], answers: tuple[bytes, bytes], marker: bytes
) -> tuple[int, str]:
    """Run a game, give it the first of ``answers``, close its standard output once it
    has printed ``marker`` (as ``head`` does), then offer the rest; its exit code and
    what it wrote on standard error."""
    import contextlib
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=environ
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(answers[0])
        child.stdin.flush()
        seen = b""
        while marker not in seen:
            seen += child.stdout.read1(4096)
        child.stdout.close()  # the reader goes away
        time.sleep(0.2)
        with contextlib.suppress(BrokenPipeError):  # the game may stop before reading it
            child.stdin.write(answers[1])
            child.stdin.close()
        code = child.wait(timeout=60)
        stderr.seek(0)
        return code, stderr.read().decode("utf-8", errors="replace")
