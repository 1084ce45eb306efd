"""Importing questions from other formats: GIFT, Aiken and Open Trivia DB JSON.

Each format has a pure parser (``quiz.importers.gift``, ``.aiken``, ``.opentdb``)
that turns text into an :class:`Imported`: the questions it could convert, as
validated-shape :class:`~quiz.model.Question` objects, and a :class:`Skip` (line and
reason) for each one it could not. This module holds what they share: format
detection, ids, text cleaning, and the writer of the native YAML bank.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from quiz.bank import CHOICE_RANGE
from quiz.errors import QuizError
from quiz.model import Difficulty, Question, QuestionType

FORMATS = ("gift", "aiken", "opentdb")
FORMAT_NAMES = {"gift": "GIFT", "aiken": "Aiken", "opentdb": "Open Trivia DB JSON"}
CHOICE_LIMITS = CHOICE_RANGE  # a converted question must fit what a bank may hold
_SUFFIXES = {".gift": "gift", ".aiken": "aiken", ".json": "opentdb"}
_SLUG_LENGTH = 40
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile("['‘’ʼ`]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
_AIKEN_OPTION = re.compile(r"^[ \t]*[A-Z][.)][ \t]", re.MULTILINE)
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER:[ \t]*[A-Za-z]", re.MULTILINE)
_GIFT_MARKS = re.compile(r"\{[^{}]*\}|^[ \t]*::|^[ \t]*\$CATEGORY:", re.MULTILINE)


class ImportSourceError(QuizError):
    """A file to import that cannot be read or is not in the format it should be."""


class UnknownFormatError(ImportSourceError):
    """A file whose format is neither given nor recognisable."""


@dataclass(frozen=True, slots=True)
class Skip:
    """A question of the source that was not converted: its line (1-based) and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Imported:
    """The outcome of parsing a source: converted questions and skipped ones, in order."""

    questions: tuple[Question, ...] = ()
    skips: tuple[Skip, ...] = ()
    fmt: str = ""


# -- reading and detecting ----------------------------------------------------------------


def read_source(path: Path) -> str:
    """The text of a file to import (UTF-8, a byte-order mark allowed)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportSourceError(f"cannot read '{path}': {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportSourceError(
            f"'{path}' is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); "
            "save it as UTF-8 and try again"
        ) from None


def detect_format(text: str, filename: str) -> str:
    """Guess a source's format: by suffix (.gift, .aiken, .json), else by its content.

    Content rules: JSON is Open Trivia DB; ``ANSWER: X`` lines after ``A.``/``A)``
    options are Aiken; ``{...}`` answer blocks, ``::titles::`` or ``$CATEGORY:`` are GIFT.
    """
    by_suffix = _SUFFIXES.get(Path(filename).suffix.lower())
    if by_suffix is not None:
        return by_suffix
    if text.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            return "opentdb"
    if _AIKEN_ANSWER.search(text) and _AIKEN_OPTION.search(text):
        return "aiken"
    if _GIFT_MARKS.search(text):
        return "gift"
    raise UnknownFormatError(
        f"cannot tell the format of '{filename}'; give it with --format ({', '.join(FORMATS)})"
    )


def parse(text: str, fmt: str) -> Imported:
    """Parse source text in a known format; ids come out unique."""
    if fmt == "gift":
        from quiz.importers.gift import parse as parser
    elif fmt == "aiken":
        from quiz.importers.aiken import parse as parser
    elif fmt == "opentdb":
        from quiz.importers.opentdb import parse as parser
    else:
        raise UnknownFormatError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})")
    result = parser(text)
    return Imported(unique_ids(result.questions), result.skips, fmt)


def convert(path: Path, fmt: str | None = None) -> Imported:
    """Read a file and parse it, guessing the format when ``fmt`` is not given."""
    text = read_source(path)
    return parse(text, fmt or detect_format(text, path.name))


# -- helpers for the parsers ----------------------------------------------------------------


def clean(text: str) -> str:
    """Text fit for a bank: control characters and lone surrogates dropped (newline and
    tab kept), trimmed."""
    text = _LINE_SEPARATORS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = (c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return "\n".join(line.strip() for line in "".join(kept).split("\n")).strip()


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
    result: list[Question] = []
    for question in questions:
        qid, number = question.id, 1
        while qid in used:
            number += 1
            qid = f"{question.id}-{number}"
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
            return f"choices '{seen[folded]}' and '{choice}' are the same"
        seen[folded] = choice
    return None


# -- writing the native bank ----------------------------------------------------------------


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


def question_document(question: Question) -> dict[str, Any]:
    """One question as the mapping the native format writes (only the keys it needs)."""
    entry: dict[str, Any] = {"id": question.id, "type": question.type.value}
    entry["prompt"] = question.prompt
    match question.type:
        case QuestionType.SINGLE:
            entry["choices"] = list(question.choices)
            entry["answer"] = question.answers[0]
        case QuestionType.MULTI:
            entry["choices"] = list(question.choices)
            entry["answer"] = list(question.answers)
        case QuestionType.BOOLEAN:
            entry["answer"] = bool(question.truth)
        case QuestionType.TEXT:
            answers = list(question.answers)
            entry["answer"] = answers[0] if len(answers) == 1 else answers
        case QuestionType.NUMBER:
            assert question.number is not None
            entry["answer"] = _number(question.number)
            if question.tolerance:
                entry["tolerance"] = _number(question.tolerance)
        case QuestionType.ORDER:
            entry["items"] = list(question.items)
    if question.explanation:
        entry["explanation"] = question.explanation
    if question.difficulty is not Difficulty.MEDIUM:
        entry["difficulty"] = question.difficulty.value
    if question.tags:
        entry["tags"] = list(question.tags)
    if question.source:
        entry["source"] = question.source
    return entry


def to_yaml(imported: Imported, title: str, description: str, header: str = "") -> str:
    """The native bank as YAML text; ``header`` becomes comment lines at the top."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        """Indents lists under their key and writes multi-line text as ``|`` blocks."""

        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, text)
    document = {
        "title": title,
        "description": description,
        "questions": [question_document(q) for q in imported.questions],
    }
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    # A blank line between questions, as a person would write them.
    head, first, rest = body.partition("\n  - id: ")
    body = head + first + rest.replace("\n  - id: ", "\n\n  - id: ")
    comments = "".join(f"# {line}".rstrip() + "\n" for line in clean(header).splitlines())
    return comments + body


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 1e16 else value
