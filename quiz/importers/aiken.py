"""Aiken, Moodle's one-answer multiple-choice format, to bank questions. Pure.

A question is its text, then its options, each on a line starting with a capital
letter and ``.`` or ``)`` and a space (``A. Mars``, ``B) Venus``), then a line
``ANSWER: X``. Every question becomes a single question whose answer is option X.

As in Moodle, lines are trimmed and a blank line may come between the parts of a
question. Beyond Moodle, a question's text may run over several lines (up to the
first option or blank line) and the answer letter may be lower case. ``NUMBERING:``
lines (from Moodle's "advanced Aiken" plugin: how Moodle labels the options) are read
and ignored, with one note: the game labels options its own way.

Skipped, each with a reason and the line it starts on: text with no options or no
``ANSWER:`` line (naming the line that came instead, with what is wrong when it is
nearly ``ANSWER:``: ``Answer:``, ``ANSWER :``, a full-width colon; or the first line
that looks like an option written another way: numbered ``1.``, lettered ``a.``, or
``A.Mars`` with no space), options with no question before them, options not lettered A, B,
C... in order (Moodle counts the answer letter by position, so the labels must
agree), an answer letter that names no option or more than one letter, and option
lists the bank cannot hold (fewer than 2 or more than 10, or repeated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.importers.common import (
    Imported,
    Note,
    Skip,
    choice_problem,
    clean,
    excerpt,
    question_id,
)
from quiz.model import Question, QuestionType

_OPTION = re.compile(r"([A-Z])[.)][ \t]+(.*)")
_NUMBERED_OPTION = re.compile(r"([0-9]+[.)])[ \t]")
_SMALL_OPTION = re.compile(r"([a-z])([.)])[ \t]+(.*)")
_GLUED_OPTION = re.compile(r"([A-Z][.)])(\S.*)")
# A - Rome, A: Rome, A– Rome: a letter and another mark than Aiken's . or ).
_MARKED_OPTION = re.compile(r"([A-Za-z])[ \t]*([-–—:=])[ \t]*(\S.*)")
# ANSWER: in other letters, with a space before its colon, or a full-width colon.
_NEAR_ANSWER = re.compile(r"(answer)([ \t]*)([:：])[ \t]*(.*)", re.IGNORECASE)
_ANSWER = re.compile(r"ANSWER:(.*)")
_NUMBERING = re.compile(r"NUMBERING:")
NUMBERING_NOTE = (
    "NUMBERING: lines (advanced Aiken: how Moodle labels the options) are ignored; "
    "the game labels options its own way"
)


@dataclass(slots=True)
class _Draft:
    """A question being read: its first line, text lines and (letter, text) options."""

    line: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    paused: bool = False  # a blank line came after the text: options may follow, not text

    def unfinished(self, instead: tuple[int, str] | None = None) -> str:
        """Why this question, cut short, is skipped; ``instead`` is the line (number and
        text) that came where an option or the ``ANSWER:`` line was due, if any."""
        if self.options:
            reason = "no ANSWER: line after its options"
            if instead is not None and not self.paused:
                number, line = instead
                reason += f" (line {number}, {excerpt(line)}, is neither an option nor ANSWER:)"
            return reason
        return "text with no options and no ANSWER: line" + self.options_hint()

    def options_hint(self) -> str:
        """What is wrong with the first line of the text that looks like an option
        written another way (numbered, lower case, no space after the letter), or ""."""
        for offset, line in enumerate(self.text[1:], start=1):
            at = f" (line {self.line + offset} starts"
            if numbered := _NUMBERED_OPTION.match(line):
                return f"{at} '{numbered[1]}': Aiken options are lettered A., B., ...)"
            if small := _SMALL_OPTION.fullmatch(line):
                fixed = excerpt(f"{small[1].upper()}{small[2]} {small[3]}")
                label = f"'{small[1]}{small[2]}'"
                return f"{at} {label}: options are lettered with capitals: write {fixed})"
            if glued := _GLUED_OPTION.fullmatch(line):
                fixed = excerpt(f"{glued[1]} {glued[2]}")
                return f"{at} {excerpt(line)}: put a space after '{glued[1]}': write {fixed})"
            if marked := _MARKED_OPTION.fullmatch(line):
                letter, rest = marked[1].upper(), marked[3]
                dot, bracket = excerpt(f"{letter}. {rest}"), excerpt(f"{letter}) {rest}")
                label = re.sub(r"[ \t]+", " ", line[: marked.start(3)].rstrip())  # no tab
                return (
                    f"{at} '{label}': an option is a capital letter, then a dot or a bracket "
                    f"and a space: write {dot} or {bracket})"
                )
        return ""


def _near_answer(number: int, line: str) -> str | None:
    """Why line ``number``, nearly ``ANSWER: X`` (``Answer: A``, ``ANSWER：A``), is not
    read as the answer line, with the line as it should be; ``None`` if it is not one."""
    near = _NEAR_ANSWER.fullmatch(line)
    if near is None:
        return None
    word, gap, colon, letter = near.groups()
    problems = [] if word == "ANSWER" else ["write ANSWER in capitals"]
    if gap:
        problems.append("leave no space before the colon")
    if colon != ":":
        problems.append(f"the colon is a full-width '{colon}' (U+FF1A): type an ordinary ':'")
    fixed = excerpt(f"ANSWER: {letter}")
    return (
        f"line {number}, {excerpt(line)}, is not read as the answer: {'; '.join(problems)}: {fixed}"
    )


def parse(text: str) -> Imported:
    """Convert Aiken text; questions that cannot be played are skipped with a reason."""
    questions: list[Question] = []
    skips: list[Skip] = []
    draft: _Draft | None = None
    notes: list[Note] = []
    orphan = False  # options are being read with no question before them
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = raw.strip()
        if not line:
            if draft is not None:
                draft.paused = True
            continue
        if _NUMBERING.match(line):
            if not notes:  # one note for the whole file
                notes.append(Note(number, NUMBERING_NOTE))
            continue
        option, answer = _OPTION.fullmatch(line), _ANSWER.match(line)
        if option:
            if draft is None:
                if not orphan:
                    skips.append(Skip(number, "options with no question before them"))
                orphan = True
            else:
                draft.options.append((option[1], option[2]))
            continue
        if answer:
            if draft is None and not orphan:
                skips.append(Skip(number, "an ANSWER: line with no question before it"))
            elif draft is not None:
                result = _question(draft, answer[1].strip())
                if isinstance(result, Question):
                    questions.append(result)
                else:
                    skips.append(Skip(draft.line, result))
            draft = None
            orphan = False
        elif draft is not None and draft.options and (near := _near_answer(number, line)):
            skips.append(Skip(draft.line, f"no ANSWER: line after its options ({near})"))
            draft = None
        elif draft is not None and not draft.options and not draft.paused:
            draft.text.append(line)
        else:
            if draft is not None:
                skips.append(Skip(draft.line, draft.unfinished((number, line))))
            draft, orphan = _Draft(number, [line]), False
    if draft is not None:
        skips.append(Skip(draft.line, draft.unfinished()))
    ordered = tuple(sorted(skips, key=lambda s: s.line))
    return Imported(tuple(questions), ordered, notes=tuple(notes))


def _question(draft: _Draft, letter: str) -> Question | str:
    """A finished question: prompt, options and the answer letter."""
    prompt = clean("\n".join(draft.text))
    if not prompt:
        return "the question has no text (only control characters)"
    letters = "".join(label for label, _ in draft.options)
    choices = tuple(clean(choice) for _, choice in draft.options)
    if not choices:
        return "no options before the ANSWER: line" + draft.options_hint()
    expected = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[: len(letters)]
    if letters != expected:
        return f"options are lettered {', '.join(letters)}; they must run {', '.join(expected)}"
    if problem := choice_problem(choices):
        return problem
    if len(letter) != 1:
        return (
            f"{excerpt(f'ANSWER: {letter}')} must name one letter; an Aiken question has one answer"
        )
    if letter.upper() not in letters:
        return (
            f"{excerpt(f'ANSWER: {letter}')} names none of the options {letters[0]}-{letters[-1]}"
        )
    return Question(
        id=question_id(None, prompt),
        type=QuestionType.SINGLE,
        prompt=prompt,
        choices=choices,
        answers=(choices[letters.index(letter.upper())],),
    )
