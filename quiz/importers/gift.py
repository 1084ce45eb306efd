"""GIFT, Moodle's text format, to bank questions. Pure: text in, :class:`Imported` out.

It reads GIFT the way Moodle's own importer does (``question/format/gift/format.php``):
questions are separated by blank lines and ``//`` lines are comments; the text
(:mod:`.gift_text`) and the answer block (:mod:`.gift_answers`) are read as Moodle
reads them. README's "GIFT" table says how each question maps to the bank. Slips that
Moodle reads without a word (an unclosed ``::title``, ``{true}``...) are named in notes
(:mod:`.gift_notes`).

Where Moodle would lose a question, the importer is lenient, and README says so:
``$CATEGORY:`` lines directly above a question (Moodle takes the whole block as the
category's name) set the category and the rest is the question; a question that
starts with ``::title::`` right after another one's closing ``}`` starts a new
question; an answer block cut by a blank line is joined up again; ``####general
feedback`` after the closing ``}`` is the explanation, not part of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from quiz.importers.common import Imported, Note, Skip, clean, question_id
from quiz.importers.gift_answers import answers
from quiz.importers.gift_notes import (
    answer_notes,
    labels_once,
    late_feedback,
    split_answer,
    unclosed_title,
)
from quiz.importers.gift_text import DEFAULT_FORMAT, display, format_prefix, plain, protect
from quiz.importers.gift_text import unescape as _unescape
from quiz.model import Question

BLANK = "_____"
CATEGORY = "$CATEGORY:"
_BREAK = re.compile(r"\r\n|\r|\n")
_CLOZE = re.compile(
    r"\{\d*:(?:MC|MCV|MCH|MCS|MCVS|MCHS|MULTICHOICE\w*|SA|SHORTANSWER\w*|MW|NM|NUMERICAL)"
    r":",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Block:
    """The lines of one question (comments removed), and the line it starts on."""

    line: int
    lines: tuple[str, ...]


def parse(text: str) -> Imported:
    """Convert GIFT text; questions that cannot be played are skipped, each with a reason."""
    questions: list[Question] = []
    skips: list[Skip] = []
    notes: list[Note] = []  # slips Moodle reads without a word (see .gift_notes)
    tags: tuple[str, ...] = ()
    passage: tuple[int, str] | None = None  # a description, and its line
    used = False  # whether a question took the passage

    def drop_passage() -> None:
        if passage is not None and not used:
            skips.append(Skip(passage[0], "a description with no question after it"))

    for block in _questions(_blocks(text)):
        if block.lines[0].startswith(CATEGORY):
            drop_passage()
            tag = category_tag(block.lines[0][len(CATEGORY) :])
            tags, passage = ((tag,) if tag else ()), None
            continue
        result = _question(block, tags, passage[1] if passage else None, notes)
        if isinstance(result, Question):
            questions.append(result)
            used = used or result.passage is not None
        elif isinstance(result, _Description):
            drop_passage()
            passage, used = (block.line, result.text), False
        else:
            skips.append(Skip(block.line, result))
    drop_passage()
    return Imported(tuple(questions), tuple(skips), notes=tuple(labels_once(notes)))


@dataclass(frozen=True, slots=True)
class _Description:
    """Text with no answer block: a passage for the questions after it."""

    text: str


def _blocks(text: str) -> Iterator[_Block]:
    """Questions are runs of lines between blank lines; ``//`` lines are comments."""
    start = 0
    lines: list[str] = []
    for number, raw in chain(enumerate(_lines(text), start=1), [(0, "")]):
        line = raw.strip()
        if not line:
            if lines:
                yield _Block(start, tuple(lines))
            start, lines = 0, []
        elif not line.startswith("//"):
            start = start or number
            lines.append(line)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, as ``re.split`` on line breaks gives them, one at a time
    (a list of them all would hold a second copy of the file)."""
    start = 0
    for match in _BREAK.finditer(text):
        yield text[start : match.start()]
        start = match.end()
    yield text[start:]


class _Braces:
    """Whether the lines seen so far open an answer block (a ``{``) and close it (a
    ``}`` after it), kept line by line: each line is looked at once."""

    def __init__(self) -> None:
        self.opened = self.closed = False

    def add(self, line: str) -> None:
        """Take one more line (escapes do not run across lines)."""
        if self.closed:
            return
        text = protect(line)
        if not self.opened:
            start = text.find("{")
            self.opened = start >= 0
            self.closed = self.opened and text.find("}", start) >= 0
        else:
            self.closed = "}" in text


def _questions(blocks: Iterator[_Block]) -> Iterator[_Block]:
    """The blocks as questions: categories peeled off the top, two questions with no
    blank line between them split, an answer block cut by a blank line joined."""
    current: list[str] = []  # the lines of the question being read
    braces, first, pending = _Braces(), 0, False  # pending: its '{' is not closed yet
    for block in blocks:
        lines = block.lines
        if pending and lines[0].startswith(("::", CATEGORY)):
            yield _Block(first, tuple(current))
            current, braces = [], _Braces()
        pending = False
        peeled = 0
        if not current:
            first = block.line
            while peeled < len(lines) and lines[peeled].startswith(CATEGORY):
                yield _Block(first + peeled, (lines[peeled],))
                peeled += 1
            first += peeled
        for line in lines[peeled:]:
            if current and line.startswith("::") and braces.closed:
                yield _Block(first, tuple(current))
                first, current, braces = first + len(current), [], _Braces()
            current.append(line)
            braces.add(line)
        if current and braces.opened and not braces.closed:
            pending = True  # the next block may be the rest of its answer block
        elif current:
            yield _Block(first, tuple(current))
            current, braces = [], _Braces()
    if current:
        yield _Block(first, tuple(current))


def category_tag(raw: str) -> str:
    """The tag of ``$CATEGORY: $course$/top/Space/Planets``: its last real part, as
    written (tags are free text)."""
    parts = [p.strip() for p in _unescape(raw).split("/")]
    kept = [p for p in parts if p and not re.fullmatch(r"\$\w*\$", p) and p.lower() != "top"]
    return " ".join(clean(kept[-1]).lower().split()) if kept else ""


def _question(
    block: _Block, tags: tuple[str, ...], passage: str | None, notes: list[Note]
) -> Question | str | _Description:
    """One question block: the question, a description, or why it is skipped; what the
    author should hear about it goes to ``notes``."""
    text = protect("\n".join(block.lines))
    title: str | None = None
    if text.startswith("::"):
        text = text[2:]
        end, brace = text.find("::"), text.find("{")
        # Never closed, or closed only inside the answer block ({=std::vector}).
        if end < 0 or 0 <= brace < end < text.find("}", brace):
            notes.append(Note(block.line, unclosed_title(text)))
        if end >= 0:
            title, text = plain(text[:end], "plain"), text[end + 2 :].strip()
    if _CLOZE.search(text):
        return (
            "a Cloze question (embedded answers like {1:MC:…}): the game asks one blank at a time"
        )
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        fmt, body = format_prefix(text, DEFAULT_FORMAT)
        described = plain(body, fmt)
        return _Description(described) if described else "an empty description"
    if start < 0 or finish < start:
        return "braces do not pair up; write a literal brace as \\{ or \\}"
    if "{" in text[start + 1 : finish]:
        return "braces do not pair up; write a literal brace as \\{ or \\}"
    if "{" in text[finish + 1 :] or "}" in text[finish + 1 :]:
        return (
            "more than one {…} answer block: the game asks one blank at a time "
            "(two questions need a blank line between them)"
        )
    answer_text, after = text[start + 1 : finish].strip(), text[finish + 1 :]
    late = ""  # general feedback written after the '}' (Moodle keeps it in the text)
    if (mark := after.find("####")) >= 0:
        after, late = after[:mark], after[mark + 4 :]
        notes.append(Note(block.line, late_feedback(late)))
    question_text = text[:start] + (BLANK + after if after.strip() else "")
    general = ""
    if (split := answer_text.rfind("####")) >= 0:
        answer_text, general = answer_text[:split].strip(), answer_text[split + 4 :]
    fmt, body = format_prefix(question_text, DEFAULT_FORMAT)
    prompt = plain(body, fmt) or (title or "")
    if not prompt:
        return "the question has no text"
    found, glued = answers(answer_text, fmt), split_answer(answer_text)
    if isinstance(found, str):
        return glued or found
    hints = (glued, *answer_notes(answer_text, found))
    notes.extend(Note(block.line, note) for note in hints if note)
    said = (*found.feedback, display(general, fmt), display(late, fmt))
    explanation = "\n".join(line for line in said if line).strip()
    return Question(
        id=question_id(title, prompt),
        type=found.type,
        prompt=prompt,
        explanation=explanation,
        choices=found.choices,
        answers=found.answers,
        truth=found.truth,
        number=found.numbers[0] if found.numbers else None,
        numbers=found.numbers[1:],
        tolerance=found.tolerance,
        pairs=found.pairs,
        extra=found.extra,
        tags=tags,
        passage=passage,
    )
