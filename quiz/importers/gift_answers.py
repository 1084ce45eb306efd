"""The answer block of a GIFT question, ``{...}``: its type, told as Moodle tells it,
and its answers in the bank's terms. Pure functions; each returns the answers or why
the question is skipped."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quiz.format.rules import NUMBER_RANGE, PAIR_RANGE
from quiz.format.text import escape_controls, normalize_answer
from quiz.importers.common import choice_problem
from quiz.importers.gift_text import display, verbatim
from quiz.model import QuestionType, format_number

# Moodle's weight: %50%, %-25%, %33.3%.
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# A number written with a comma, as validate reads it: 1,975 (thousands) or 0,5 (decimals).
_COMMA_NUMBER = re.compile(r"[+-]?\d*,\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
_WILDCARD = re.compile(r"(?<!\\)\*")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")
FULL = 100.0
_LABEL = re.compile(r"([A-Za-z])([.)])\s+(\S.*)", re.DOTALL)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TYPABLE = 80  # a model answer longer than this cannot be typed as an answer


@dataclass(frozen=True, slots=True)
class Answers:
    """The answer part of a converted question, and its feedback lines."""

    type: QuestionType
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    truth: bool | None = None
    numbers: tuple[float, ...] = ()
    tolerance: float = 0.0
    pairs: tuple[tuple[str, str], ...] = ()
    extra: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # "A.", "B."... dropped from the start of the choices


def answers(text: str, fmt: str) -> Answers | str:
    """Tell the question type from the answer block, as Moodle does, and convert it."""
    if not text:
        return "an essay question ({}): free-text answers have no right answer to check"
    if text.startswith("#"):
        return numerical(text[1:], fmt)
    if "~" in text:
        return multichoice(text, fmt)
    if "=" in text and "->" in text:
        return matching(text, fmt)
    if text.split("#", 1)[0].strip() in (*_TRUE, *_FALSE):
        return truefalse(text, fmt)
    return shortanswer(text, fmt)


def multichoice(text: str, fmt: str) -> Answers | str:
    """``{=right ~wrong}``: single; several ``=`` (or none, with weights): multi."""
    entries = [
        _entry(part, FULL if part.strip().startswith("=") else 0.0)
        for part in _parts(text.replace("=", "~="), "~")
    ]
    shown = [(display(answer, fmt), weight, fb) for weight, answer, fb in entries]
    # An empty answer (``~=right``, ``~~``) is dropped, as Moodle drops it.
    kept = [entry for entry in shown if entry[0]]
    labels, unlabelled = _labels([choice for choice, _, _ in kept])
    kept = [(choice, weight, fb) for choice, (_, weight, fb) in zip(unlabelled, kept, strict=True)]
    choices = tuple(choice for choice, _, _ in kept)
    if problem := choice_problem(choices):
        return problem
    feedback = _feedback_lines(choices, [fb for _, _, fb in kept], fmt)
    full = tuple(choice for choice, weight, _ in kept if weight >= FULL)
    if "=" in text:
        if len(full) == 1:
            return Answers(QuestionType.SINGLE, choices, full, feedback=feedback, labels=labels)
        if full:  # authors mean "select one or more"
            return Answers(QuestionType.MULTI, choices, full, feedback=feedback, labels=labels)
        return "no choice is fully right (mark one with = or %100%)"
    right = tuple(choice for choice, weight, _ in kept if weight > 0)
    if not right:
        return "no choice is right: none has = or a positive weight"
    return Answers(QuestionType.MULTI, choices, right, feedback=feedback, labels=labels)


def _labels(choices: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """The labels every choice starts with, in order (``A.`` ``B.`` ``C.``, or ``A)``,
    ``a.``...), and the choices without them; no labels when any choice lacks its own,
    or when the choices would then be the same."""
    found = [_LABEL.fullmatch(choice) for choice in choices]
    if len(choices) < 2 or not all(found):
        return (), choices
    labels = tuple(match[1] + match[2] for match in found if match)
    first = labels[0]
    letters = _LETTERS if first[0].isupper() else _LETTERS.lower()
    expected = tuple(letter + first[1] for letter in letters[: len(labels)])
    unlabelled = [match[3] for match in found if match]
    if labels != expected or choice_problem(unlabelled):
        return (), choices
    return labels, unlabelled


def matching(text: str, fmt: str) -> Answers | str:
    """``{=a -> 1 =b -> 2 = -> 3}``: match; a pair with no left is an extra right."""
    pairs: list[tuple[str, str]] = []
    extra: list[str] = []
    lefts: set[str] = set()
    for part in _parts(text, "="):
        left_raw, arrow, right_raw = part.partition("->")
        if not arrow:
            shown = escape_controls(verbatim(part)[:40])
            return f"'{shown}' has no '->': each match is =left -> right"
        left, right = display(left_raw, fmt), verbatim(right_raw)
        if not right:
            return "a match has no right (after '->')"
        if not left:
            extra.append(right)
            continue
        if left.casefold() in lefts:
            return f"'{escape_controls(left)}' is matched twice"
        lefts.add(left.casefold())
        pairs.append((left, right))
    rights = {right.casefold() for _, right in pairs}
    extra = list(dict.fromkeys(e for e in extra if e.casefold() not in rights))
    low, high = PAIR_RANGE
    if not low <= len(pairs) <= high:
        return f"it has {len(pairs)} pairs; a match question takes {low} to {high}"
    return Answers(QuestionType.MATCH, pairs=tuple(pairs), extra=tuple(extra))


def truefalse(text: str, fmt: str) -> Answers:
    """``{T}``, ``{FALSE#if wrong#if right}``: boolean."""
    bits = [*text.split("#", 2), "", ""]
    truth = bits[0].strip() in _TRUE
    if_wrong, if_right = display(bits[1], fmt), display(bits[2], fmt)
    said = {True: if_right if truth else if_wrong, False: if_wrong if truth else if_right}
    feedback = tuple(f"{'True' if k else 'False'}: {v}" for k, v in said.items() if v)
    return Answers(QuestionType.BOOLEAN, truth=truth, feedback=feedback)


def shortanswer(text: str, fmt: str) -> Answers | str:
    """``{=a =b}`` or ``{a}``: text, accepting every full-credit answer."""
    entries = [_entry(part, FULL) for part in _parts(text, "=")]
    if not entries:
        return "a short answer question with no answer"
    accepted: dict[str, str] = {}
    labels = [display(raw, fmt) for _, raw, _ in entries]
    for (weight, _, _), answer in zip(entries, labels, strict=True):
        if weight < FULL:
            continue
        if not answer:
            return "an answer is empty"
        if len(answer) > TYPABLE:
            return f"a model answer of {len(answer)} characters, too long to type as an answer"
        if _WILDCARD.search(answer):
            shown = escape_controls(answer)
            return f"answer '{shown}' uses Moodle's * wildcard, which the game cannot match"
        answer = answer.replace("\\*", "*")
        if not normalize_answer(answer):
            return f"answer '{escape_controls(answer)}' has no letters or digits to compare"
        accepted.setdefault(answer.casefold(), answer)
    if not accepted:
        return "no answer gets full credit"
    feedback = _feedback_lines(labels, [fb for _, _, fb in entries], fmt)
    return Answers(QuestionType.TEXT, answers=tuple(accepted.values()), feedback=feedback)


def numerical(text: str, fmt: str) -> Answers | str:
    """``{#1975}``, ``{#1975:2}``, ``{#1970..1980}``, ``{# =4:0 =-7:0}``: number."""
    other = ""
    if (tilde := text.find("~")) >= 0:
        text, other = text[:tilde], text[tilde:].partition("#")[2]
    entries = [_entry(part, FULL) for part in _parts(text, "=")]
    if not entries:
        return "a numerical question with no number"
    intervals: list[tuple[float, float]] = []
    labels: list[str] = []
    for weight, raw, _ in entries:
        spec = verbatim(raw)
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
    if other_text := display(other, fmt):
        feedback += (f"Any other answer: {other_text}",)
    numbers, tolerance = joined
    return Answers(QuestionType.NUMBER, numbers=numbers, tolerance=tolerance, feedback=feedback)


def _number_spec(spec: str) -> tuple[float, float] | str:
    """``1975``, ``1975:2`` or ``1970..1980`` as (number, tolerance), or why not."""
    if spec == "*":
        return "an answer of * (any number) gets full credit, so nothing is wrong"
    if spec.find("..") > 0:
        low_text, _, high_text = spec.partition("..")
        low, high = _to_number(low_text), _to_number(high_text)
        if low is None or high is None:
            return f"'{escape_controls(spec)}' is not a range of numbers" + _comma_fix(
                [low_text, high_text], spec
            )
        if high < low:
            return f"range '{escape_controls(spec)}' runs backwards"
        return (low + high) / 2, (high - low) / 2
    number_text, colon, margin_text = spec.partition(":")
    number = _to_number(number_text)
    margin = _to_number(margin_text) if colon else 0.0
    if number is None or margin is None:
        fix = _comma_fix([number_text, margin_text] if colon else [number_text], spec)
        return f"'{escape_controls(spec)}' is not a number{fix or ' (or a number:margin)'}"
    if margin < 0:
        return f"the margin of '{escape_controls(spec)}' is negative"
    return number, margin


def _comma_fix(parts: list[str], spec: str) -> str:
    """validate's advice for numbers written with a comma (``: use a dot for decimals:
    0.5``), when each part that is no number is one; else ""."""
    bad = [part.strip() for part in parts if _to_number(part) is None]
    if not all(_COMMA_NUMBER.fullmatch(part) for part in bad):
        return ""
    dotted, bare = (escape_controls(spec.replace(",", mark)) for mark in (".", ""))
    if any(_THOUSANDS.fullmatch(part) for part in bad):
        return f": write {bare} without the comma, or {dotted} if it is a decimal point"
    return f": use a dot for decimals: {dotted}"


def _to_number(text: str) -> float | None:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _join(intervals: list[tuple[float, float]]) -> tuple[tuple[float, ...], float] | str:
    """The right (number, tolerance) pairs as numbers with one tolerance: ranges that
    overlap join into one; separate ones must share a tolerance."""
    spans = sorted((n - t, n + t) for n, t in intervals)
    joined = [list(spans[0])]
    for low, high in spans[1:]:
        if low <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], high)
        else:
            joined.append([low, high])
    if len(joined) == len(intervals):  # none overlap: the numbers as written
        numbers = tuple(dict.fromkeys(n for n, _ in intervals))
        margins = {t for _, t in intervals}
    else:
        numbers = tuple((low + high) / 2 for low, high in joined)
        margins = {(high - low) / 2 for low, high in joined}
    if not all(map(math.isfinite, (*numbers, *margins))):
        return "a number or margin is too large"
    if len(margins) > 1:
        shown = ", ".join(format_number(n) for n in numbers)
        return f"right numbers ({shown}) with different margins; a number question has one"
    if len(numbers) > NUMBER_RANGE[1]:
        return f"{len(numbers)} separate right numbers; a number question takes at most 10"
    return numbers, margins.pop()


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
    labels: list[str] | tuple[str, ...], raw: list[str], fmt: str
) -> tuple[str, ...]:
    said = ((label, display(fb, fmt)) for label, fb in zip(labels, raw, strict=True))
    return tuple(f"{label}: {text}" for label, text in said if text)
