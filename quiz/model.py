"""The nouns of the game: questions and banks. Frozen data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from operator import attrgetter
from typing import Any, NamedTuple


class QuestionType(StrEnum):
    """How a question is asked and answered."""

    SINGLE = "single"
    MULTI = "multi"
    BOOLEAN = "boolean"
    TEXT = "text"
    NUMBER = "number"
    ORDER = "order"


class Difficulty(StrEnum):
    """How hard a question is; it sets the question's base points."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a bank, already validated.

    Which answer fields are used depends on ``type``:
    single and multi use ``choices`` and ``answers`` (the right choices),
    boolean uses ``truth``, text uses ``answers`` (every accepted answer),
    number uses ``number`` and ``tolerance``, order uses ``items`` (in the right order).
    """

    id: str
    type: QuestionType
    prompt: str
    explanation: str = ""
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0
    items: tuple[str, ...] = ()
    hint: str | None = None
    difficulty: Difficulty = Difficulty.MEDIUM
    tags: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Bank:
    """A validated question file: its name (the file stem), title and questions."""

    name: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    path: str = ""


class BankSummary(NamedTuple):
    """What a listing shows of a bank: its name, title, size, question types and tags.

    A typed named tuple, like :class:`Content`: plain values, needed at every start."""

    name: str
    title: str
    questions: int
    types: tuple[str, ...]
    tags: tuple[str, ...]
    path: str = ""


# An answer as a player gave it: a choice or typed text, a truth value, a number,
# or the picks of a multi or order question.
Given = str | bool | float | tuple[str, ...]

# A question as a row of plain values: its fields in declared order, with its two
# enums as their text. The quick reader builds questions in this form and the cache
# stores it, so that listing a bank never pays for building its questions.
QuestionRow = tuple[Any, ...]
ROW_FIELDS = tuple(field.name for field in fields(Question))
TYPE_COLUMN = ROW_FIELDS.index("type")
TAGS_COLUMN = ROW_FIELDS.index("tags")
_ENUMS = {"type": QuestionType, "difficulty": Difficulty}
_row = attrgetter(*(f"{name}.value" if name in _ENUMS else name for name in ROW_FIELDS))


def question_row(question: Question) -> QuestionRow:
    """The row of plain values that stands for ``question``."""
    row: QuestionRow = _row(question)
    return row


def question_from_row(row: QuestionRow) -> Question:
    """The question a row stands for."""
    values = dict(zip(ROW_FIELDS, row, strict=True))
    for name, enum in _ENUMS.items():
        values[name] = enum(values[name])
    return Question(**values)


class Content(NamedTuple):
    """What a valid question file holds, as plain values: the form in which the quick
    reader builds it and the cache stores it. Its bank and summary are made on demand.

    A typed named tuple, as plain as the rows it holds (and defined at start-up in a
    tenth of the time a frozen dataclass takes: every start needs it)."""

    title: str
    description: str
    tags: tuple[str, ...]
    rows: tuple[QuestionRow, ...]

    @classmethod
    def of(cls, bank: Bank) -> Content:
        """The content of a bank."""
        rows = tuple(map(question_row, bank.questions))
        return cls(bank.title, bank.description, bank.tags, rows)

    def bank(self, name: str, path: str = "") -> Bank:
        """The bank, named ``name``, from the file at ``path``."""
        questions = tuple(map(question_from_row, self.rows))
        return Bank(name, self.title, questions, self.description, self.tags, path)

    def summary(self, name: str, path: str = "") -> BankSummary:
        """The summary of the bank, named ``name``, from the file at ``path``."""
        types = {row[TYPE_COLUMN] for row in self.rows}
        tags = {tag for row in self.rows for tag in row[TAGS_COLUMN]}
        return BankSummary(
            name, self.title, len(self.rows), tuple(sorted(types)), tuple(sorted(tags)), path
        )


def summarize(bank: Bank) -> BankSummary:
    """The summary of a bank, for listings."""
    return Content.of(bank).summary(bank.name, bank.path)


def format_number(value: float) -> str:
    """Show a number as a person writes it: ``1975`` rather than ``1975.0``."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def right_answer_text(question: Question) -> str:
    """The right answer of a question, as one line of text for a player."""
    match question.type:
        case QuestionType.SINGLE | QuestionType.TEXT:
            return question.answers[0]
        case QuestionType.MULTI:
            return ", ".join(question.answers)
        case QuestionType.BOOLEAN:
            return "True" if question.truth else "False"
        case QuestionType.NUMBER:
            assert question.number is not None
            shown = format_number(question.number)
            if question.tolerance:
                shown += f" (± {format_number(question.tolerance)})"
            return shown
        case QuestionType.ORDER:
            return " → ".join(question.items)
