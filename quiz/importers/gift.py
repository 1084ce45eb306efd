"""GIFT, Moodle's text format, to bank questions. Pure: text in, :class:`Imported` out.

It reads GIFT the way Moodle's own importer does (``question/format/gift``):
questions are separated by blank lines, lines starting with ``//`` are comments,
``\\~ \\= \\# \\{ \\} \\: \\\\`` are literal characters and ``\\n`` is a new line.

How each GIFT question maps to a bank question:

- ``::title::`` gives the id (slugged; else the prompt's first words). ``$CATEGORY:
  a/b/c`` tags the questions after it with ``c`` (its last part, slugged).
- ``{=right ~wrong ...}``: single, the ``=`` choice the answer. Choices with partial
  credit (``~%50%x``) count as wrong, for the game has no partial credit: a player is
  right exactly when Moodle would give full marks. Several ``=`` choices are skipped:
  Moodle takes any one of them, a single question has one answer.
- ``{~%50%a ~%50%b ~%-100%c}`` (no ``=``): Moodle's multiple-answer question; multi,
  the choices with a positive weight the answer. (Moodle would not count a pick of a
  choice with no weight at all; the game, by its own rule for multi, does.)
- ``{T}``, ``{TRUE}``, ``{F}``, ``{FALSE}`` (capitals, as Moodle): boolean.
- ``{=a =b}`` (or ``{a}``): text, accepting every full-credit answer; partial-credit
  answers are not accepted. Answers using Moodle's ``*`` wildcard are skipped.
- ``{#1975}``, ``{#1975:2}``, ``{#1970..1980}``: number (a range becomes its middle
  and half its width: 1975, tolerance 5). With several answers, the full-credit ones
  must join into one interval (``=1822:0 =1822:2`` is 1822 ± 2); separate right
  numbers are skipped; partial-credit answers are not accepted.
- Text after the answer block (missing word): the block becomes ``_____`` in the
  prompt, as in Moodle, whatever the answer type.
- Feedback: each answer's ``#feedback`` becomes a line ``answer: feedback`` of the
  explanation (true/false: ``{T#if wrong#if right}``), then the ``####general`` one.
- ``[html]``, ``[moodle]``, ``[markdown]`` and ``[plain]`` text is made plain: the
  prefix and the markup removed, entities decoded. Text with no prefix is kept as
  written. Answers take the question's format unless they carry their own prefix.
- Skipped with a reason: matching (``=a -> b``), essay (``{}``) and description (no
  answer block) questions, braces that do not pair up, and anything the bank format
  cannot hold (a choice list outside 2 to 10, repeated choices, no right answer).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quiz.format.text import normalize_answer
from quiz.importers.common import Imported, Skip, choice_problem, clean, question_id, slugify
from quiz.importers.markup import html_to_text, markdown_to_text
from quiz.model import Question, QuestionType, format_number

BLANK = "_____"
# GIFT escapes, held as private-use characters while the text is taken apart.
_PLACEHOLDERS = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004"}
_PLACEHOLDERS |= {"~": "\ue005", "n": "\ue006"}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _PLACEHOLDERS.items()})
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WILDCARD = re.compile(r"(?<!\\)\*")
_FORMATS = ("plain", "moodle", "html", "markdown")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")
FULL = 100.0


@dataclass(frozen=True, slots=True)
class _Block:
    """The lines of one question (comments removed), and the line it starts on."""

    line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Answers:
    """The answer part of a converted question, and its feedback lines."""

    type: QuestionType
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0
    feedback: tuple[str, ...] = ()


def parse(text: str) -> Imported:
    """Convert GIFT text; questions that cannot be played are skipped, each with a reason."""
    questions: list[Question] = []
    skips: list[Skip] = []
    tags: tuple[str, ...] = ()
    for block in _blocks(text):
        if block.lines[0].startswith("$CATEGORY:"):
            tag = _category_tag(block.lines[0][len("$CATEGORY:") :])
            tags = (tag,) if tag else ()
            if len(block.lines) == 1:
                continue
            block = _Block(block.line + 1, block.lines[1:])
        result = _question(block, tags)
        if isinstance(result, Question):
            questions.append(result)
        else:
            skips.append(Skip(block.line, result))
    return Imported(tuple(questions), tuple(skips))


def _blocks(text: str) -> Iterator[_Block]:
    """Questions are runs of lines between blank lines; ``//`` lines are comments."""
    start = 0
    lines: list[str] = []
    numbered = enumerate(re.split(r"\r\n|\r|\n", text), start=1)
    for number, raw in (*numbered, (0, "")):
        line = raw.strip()
        if not line:
            if lines:
                yield _Block(start, tuple(lines))
            start, lines = 0, []
        elif not line.startswith("//"):
            start = start or number
            lines.append(line)


def _category_tag(raw: str) -> str:
    """The tag of ``$CATEGORY: $course$/top/Space/Planets``: its last real part, slugged."""
    parts = [p.strip() for p in _unescape(raw).split("/")]
    kept = [p for p in parts if p and not re.fullmatch(r"\$\w*\$", p) and p.lower() != "top"]
    return slugify(kept[-1], limit=60) if kept else ""


def _protect(text: str) -> str:
    """Escaped characters swapped for placeholders (``\\\\`` is a plain backslash)."""
    return _ESCAPE.sub(lambda m: _PLACEHOLDERS.get(m[1], "\\"), text)


def _unescape(text: str) -> str:
    return _protect(text).translate(_RESTORE)


def _question(block: _Block, tags: tuple[str, ...]) -> Question | str:
    """One question block: the question, or why it is skipped."""
    text = _protect("\n".join(block.lines))
    title: str | None = None
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            title, text = text[:end].translate(_RESTORE).strip(), text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        return "a description (no {…} answer block), not a question"
    if start < 0 or finish < start or "{" in text[start + 1 : finish]:
        return "braces do not pair up; write a literal brace as \\{ or \\}"
    if "{" in text[finish + 1 :] or "}" in text[finish + 1 :]:
        return "more than one {…} answer block; separate questions with a blank line"
    answer_text, after = text[start + 1 : finish].strip(), text[finish + 1 :]
    question_text = text[:start] + (BLANK + after if after.strip() else "")
    general = ""
    if (split := answer_text.rfind("####")) >= 0:
        answer_text, general = answer_text[:split].strip(), answer_text[split + 4 :]
    fmt, body = _format_prefix(question_text, None)
    prompt = _plain(body, fmt)
    if not prompt:
        return "the question has no text"
    answers = _answers(answer_text, fmt)
    if isinstance(answers, str):
        return answers
    explanation = "\n".join((*answers.feedback, _display(general, fmt))).strip()
    return Question(
        id=question_id(title, prompt),
        type=answers.type,
        prompt=prompt,
        explanation=explanation,
        choices=answers.choices,
        answers=answers.answers,
        truth=answers.truth,
        number=answers.number,
        tolerance=answers.tolerance,
        tags=tags,
    )


def _answers(text: str, fmt: str | None) -> _Answers | str:
    """Tell the question type from the answer block, as Moodle does, and convert it."""
    if not text:
        return "an essay question ({}): free-text answers have no right answer to check"
    if text.startswith("#"):
        return _numerical(text[1:], fmt)
    if "~" in text:
        return _multichoice(text, fmt)
    if "=" in text and "->" in text:
        return "a matching question (=a -> b): the game has no question type for pairing"
    if text.split("#", 1)[0].strip() in (*_TRUE, *_FALSE):
        return _truefalse(text, fmt)
    return _shortanswer(text, fmt)


# -- the question types ---------------------------------------------------------------------


def _multichoice(text: str, fmt: str | None) -> _Answers | str:
    single = "=" in text
    entries = [
        _entry(part, FULL if part.strip().startswith("=") else 0.0)
        for part in _parts(text.replace("=", "~="), "~")
    ]
    choices = tuple(_display(answer, fmt) for _, answer, _ in entries)
    if problem := choice_problem(choices):
        return problem
    feedback = _feedback_lines(choices, [fb for _, _, fb in entries], fmt)
    if single:
        right = tuple(
            c for c, (weight, _, _) in zip(choices, entries, strict=True) if weight >= FULL
        )
        if len(right) > 1:
            shown = ", ".join(f"'{c}'" for c in right)
            return f"several choices ({shown}) are fully right, but a single question has one"
        if not right:
            return "no choice is fully right (mark one with = or %100%)"
        return _Answers(QuestionType.SINGLE, choices, right, feedback=feedback)
    right = tuple(c for c, (weight, _, _) in zip(choices, entries, strict=True) if weight > 0)
    if not right:
        return "no choice is right: none has = or a positive weight"
    return _Answers(QuestionType.MULTI, choices, right, feedback=feedback)


def _truefalse(text: str, fmt: str | None) -> _Answers:
    bits = [*text.split("#", 2), "", ""]
    truth = bits[0].strip() in _TRUE
    if_wrong, if_right = _display(bits[1], fmt), _display(bits[2], fmt)
    said = {True: if_right if truth else if_wrong, False: if_wrong if truth else if_right}
    feedback = tuple(f"{'True' if k else 'False'}: {v}" for k, v in said.items() if v)
    return _Answers(QuestionType.BOOLEAN, truth=truth, feedback=feedback)


def _shortanswer(text: str, fmt: str | None) -> _Answers | str:
    entries = [_entry(part, FULL) for part in _parts(text, "=")]
    if not entries:
        return "a short answer question with no answer"
    accepted: dict[str, str] = {}
    for weight, raw, _ in entries:
        if weight < FULL:
            continue
        answer = _answer_text(raw)
        if not answer:
            return "an answer is empty"
        if _WILDCARD.search(answer):
            return f"answer '{answer}' uses Moodle's * wildcard, which the game cannot match"
        answer = answer.replace("\\*", "*")
        if not normalize_answer(answer):
            return f"answer '{answer}' has no letters or digits to compare"
        accepted.setdefault(answer.casefold(), answer)
    if not accepted:
        return "no answer gets full credit"
    labels = [_answer_text(raw) for _, raw, _ in entries]
    feedback = _feedback_lines(labels, [fb for _, _, fb in entries], fmt)
    return _Answers(QuestionType.TEXT, answers=tuple(accepted.values()), feedback=feedback)


def _numerical(text: str, fmt: str | None) -> _Answers | str:
    other = ""
    if (tilde := text.find("~")) >= 0:
        text, other = text[:tilde], text[tilde:].partition("#")[2]
    entries = [_entry(part, FULL) for part in _parts(text, "=")]
    if not entries:
        return "a numerical question with no number"
    intervals: list[tuple[float, float]] = []
    labels: list[str] = []
    for weight, raw, _ in entries:
        spec = _answer_text(raw)
        if spec == "*" and weight < FULL:  # Moodle's "any other answer", for its feedback
            labels.append("Any other answer")
            continue
        value = _number_spec(spec)
        if isinstance(value, str):
            return value
        number, tolerance = value
        labels.append(
            format_number(number) + (f" ± {format_number(tolerance)}" if tolerance else "")
        )
        if weight >= FULL:
            intervals.append((number, tolerance))
    if not intervals:
        return "no number gets full credit"
    joined = _join(intervals)
    if isinstance(joined, str):
        return joined
    feedback = _feedback_lines(labels, [fb for _, _, fb in entries], fmt)
    if other_text := _display(other, fmt):
        feedback += (f"Any other answer: {other_text}",)
    return _Answers(QuestionType.NUMBER, number=joined[0], tolerance=joined[1], feedback=feedback)


def _number_spec(spec: str) -> tuple[float, float] | str:
    """``1975``, ``1975:2`` or ``1970..1980`` as (number, tolerance), or why not."""
    if spec == "*":
        return "an answer of * (any number) gets full credit, so nothing is wrong"
    if spec.find("..") > 0:
        low_text, _, high_text = spec.partition("..")
        low, high = _to_number(low_text), _to_number(high_text)
        if low is None or high is None:
            return f"'{spec}' is not a range of numbers"
        if high < low:
            return f"range '{spec}' runs backwards"
        middle, half = (low + high) / 2, (high - low) / 2
        if not (math.isfinite(middle) and math.isfinite(half)):
            return f"range '{spec}' is too large"
        return middle, half
    number_text, colon, margin_text = spec.partition(":")
    number = _to_number(number_text)
    margin = _to_number(margin_text) if colon else 0.0
    if number is None or margin is None:
        return f"'{spec}' is not a number (or a number:margin)"
    if margin < 0:
        return f"the margin of '{spec}' is negative"
    return number, margin


def _to_number(text: str) -> float | None:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _join(intervals: list[tuple[float, float]]) -> tuple[float, float] | str:
    """Several right (number, tolerance) pairs as one, when their ranges join up."""
    if len(intervals) == 1:
        return intervals[0]
    spans = sorted((n - t, n + t) for n, t in intervals)
    low, high = spans[0]
    for next_low, next_high in spans[1:]:
        if next_low > high:
            shown = ", ".join(format_number(n) for n, _ in intervals)
            return f"several separate right numbers ({shown}); a number question has one"
        high = max(high, next_high)
    return (low + high) / 2, (high - low) / 2


# -- pieces of answers ----------------------------------------------------------------------


def _parts(text: str, separator: str) -> list[str]:
    """Split the answers; text before the first separator counts only when not blank."""
    parts = text.split(separator)
    return parts[1:] if not parts[0].strip() else parts


def _entry(part: str, default: float) -> tuple[float, str, str]:
    """One answer as (weight in percent, raw text, raw feedback)."""
    part = part.strip().removeprefix("=")
    weight = default
    if match := _WEIGHT.match(part):
        weight, part = float(match[1]), part[match.end() :]
    answer, _, feedback = part.partition("#")
    return weight, answer, feedback


def _feedback_lines(
    labels: list[str] | tuple[str, ...], raw: list[str], fmt: str | None
) -> tuple[str, ...]:
    said = ((label, _display(fb, fmt)) for label, fb in zip(labels, raw, strict=True))
    return tuple(f"{label}: {text}" for label, text in said if text)


def _answer_text(raw: str) -> str:
    """An answer to be typed: its format prefix dropped, escapes restored, markup kept."""
    return clean(_format_prefix(raw, None)[1].translate(_RESTORE))


def _display(raw: str, fmt: str | None) -> str:
    """Text to show (a choice, feedback): in its own format or the question's, made plain."""
    own, body = _format_prefix(raw, fmt)
    return _plain(body, own)


# -- text formats -------------------------------------------------------------------------


def _format_prefix(raw: str, default: str | None) -> tuple[str | None, str]:
    """Split ``[html]text`` into its format and text; other text keeps ``default``."""
    text = raw.strip()
    if text.startswith("[") and (end := text.find("]")) > 0 and text[1:end] in _FORMATS:
        return text[1:end], text[end + 1 :]
    return default, text


def _plain(text: str, fmt: str | None) -> str:
    """Escapes restored and markup removed: plain text for the bank."""
    text = text.translate(_RESTORE)
    if fmt == "html":
        text = html_to_text(text, keep_newlines=False)
    elif fmt == "moodle":
        text = html_to_text(text, keep_newlines=True)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    return clean(text)
