"""What the importers share: the records they return, ids, and text cleaning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.errors import QuizError
from quiz.format.rules import CHOICE_RANGE
from quiz.format.text import BIDI_CONTROLS, escape_controls
from quiz.model import Question

FORMAT_NAMES = {"gift": "GIFT", "aiken": "Aiken", "opentdb": "Open Trivia DB JSON"}
CHOICE_LIMITS = CHOICE_RANGE  # a converted question must fit what a bank may hold
_SLUG_LENGTH = 40
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile("['‘’ʼ`]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_EXCERPT = 40


class ImportSourceError(QuizError):
    """A file to import that cannot be read or is not in the format it should be."""


class UnknownFormatError(ImportSourceError):
    """A file whose format is neither given nor recognisable."""


class EmptySourceError(ImportSourceError):
    """A file to import with nothing in it (or only blank lines)."""


@dataclass(frozen=True, slots=True)
class Skip:
    """A question of the source that was not converted: its line (1-based) and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something of the source that was read but left aside (not a question lost): the
    line (1-based) it was first seen on and what was done."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Imported:
    """The outcome of parsing a source: converted questions and skipped ones, in order,
    and notes about what was left aside."""

    questions: tuple[Question, ...] = ()
    skips: tuple[Skip, ...] = ()
    fmt: str = ""
    notes: tuple[Note, ...] = ()


def clean(text: str) -> str:
    """Text fit for a bank: control characters, lone surrogates and bidirectional controls
    dropped (newline and tab kept), trimmed, in Unicode's composed form (NFC) as the
    question format keeps it."""
    text = _LINE_SEPARATORS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = (
        c
        for c in text
        if c in "\n\t" or (unicodedata.category(c) not in ("Cc", "Cs") and c not in BIDI_CONTROLS)
    )
    composed = unicodedata.normalize("NFC", "".join(kept))
    return "\n".join(line.strip() for line in composed.split("\n")).strip()


def excerpt(text: str) -> str:
    """Text of the source as a message quotes it: in quotes, short, with no control
    characters (text from files is data, never terminal escapes)."""
    cut = text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"
    return f"'{escape_controls(cut)}'"


def slugify(text: str, limit: int = _SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word within ``limit`` characters."""
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = _NOT_SLUG.sub("-", letters).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:limit]
    return slug.strip("-")


def question_id(title: str | None, prompt: str) -> str:
    """An id: the slugged title, else the first words of the prompt, else ``q``."""
    return slugify(title or "") or slugify(prompt) or "q"


def unique_ids(questions: Iterable[Question]) -> tuple[Question, ...]:
    """The questions with repeated ids made unique: ``x``, ``x-2``, ``x-3``..."""
    used: set[str] = set()
    tried: dict[str, int] = {}  # the last number tried for each id: linear time
    result: list[Question] = []
    for question in questions:
        qid, number = question.id, tried.get(question.id, 1)
        while qid in used:
            number += 1
            qid = f"{question.id}-{number}"
        tried[question.id] = number
        used.add(qid)
        result.append(question if qid == question.id else replace(question, id=qid))
    return tuple(result)


def choice_problem(choices: Iterable[str]) -> str | None:
    """Why a list of choices cannot make a bank question, or ``None`` when it can."""
    listed = list(choices)
    low, high = CHOICE_LIMITS
    if any(not choice for choice in listed):
        return "a choice is empty"
    if not low <= len(listed) <= high:
        count = f"{len(listed)} choice{'' if len(listed) == 1 else 's'}"
        return f"it has {count}; a bank question takes {low} to {high}"
    seen: dict[str, str] = {}
    for choice in listed:
        folded = choice.casefold()
        if folded in seen:
            first, again = escape_controls(seen[folded]), escape_controls(choice)
            return f"choices '{first}' and '{again}' are the same"
        seen[folded] = choice
    return None


def bank_title(filename: str) -> str:
    """A title from a file's name: ``space-facts.gift`` gives ``Space facts``."""
    stem = Path(filename).name.split(".")[0]
    words = clean(" ".join(re.split(r"[-_\s]+", stem)))
    return (words[:1].upper() + words[1:]) if words else "Imported questions"


def describe(imported: Imported, filename: str) -> str:
    """The bank description: where the questions came from (and their licence, if known)."""
    text = f"Imported from {clean(filename)} ({FORMAT_NAMES.get(imported.fmt, imported.fmt)})."
    if imported.fmt == "opentdb":
        text += " Questions from the Open Trivia Database (opentdb.com), CC BY-SA 4.0."
    return text
