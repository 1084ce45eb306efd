"""Advice for the slips teachers make in the values of a question, each with the value
or line to write instead: a choice split at its comma, choices lettered by hand, an
answer given as a letter, an id outside a-z, A-Z, digits, '-' and '_', numbers
written with commas, spaces or a percent sign, and entries that repeat one another.

The question checkers (:mod:`quiz.format.answers`, :mod:`quiz.format.questions`,
:mod:`quiz.format.shapes`) decide when a rule is broken; this module only words it.
Every value it suggests is written so that it reads back as itself.
"""

from __future__ import annotations

import math
import re
import unicodedata

from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.text import invisible_characters
from quiz.format.yaml_lines import quote
from quiz.model import format_number

# Text that YAML reads back as itself without quotes, in a list or after a key.
_PLAIN = re.compile(r"\w[\w .'?!()/+-]*(?<! )")
_NULLS = frozenset({"null", "Null", "NULL"})


def written(value: str) -> str:
    """``value`` as it can be written in a question file: plain when that is safe
    (in ``[ ]`` too), else in quotes."""
    if _PLAIN.fullmatch(value) and value not in _NULLS:
        return value
    return quote(value)


def flow_list(values: list[str]) -> str:
    """``values`` as a list in brackets: ``[a, "b, c"]``."""
    return "[" + ", ".join(written(value) for value in values) + "]"


def listed_quoted(values: list[str]) -> str:
    """``'a', 'b' and 'c'``."""
    quoted = [f"'{value}'" for value in values]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}"


def comma_split(answer: str, entries: list[tuple[str, Node]]) -> tuple[int, int] | None:
    """The run of two or more neighbouring choices ``entries[start:end]``, on one line,
    that are ``answer`` split at its commas (as a ``[ ]`` list splits), if any."""
    parts = [part.strip() for part in answer.split(",")]
    if len(parts) < 2:
        return None
    choices = [value for value, _ in entries]
    for start, choice in enumerate(choices):
        end = start + len(parts)
        # Entries that share a line were written in one list: block entries never are.
        lines = {node.line for _, node in entries[start:end]}
        if choice == parts[0] and choices[start:end] == parts and len(lines) == 1:
            return start, end
    return None


def split_message(answer: str, choices: list[str], run: tuple[int, int], one_line: bool) -> str:
    """Why ``answer`` is not a choice: it was split into ``choices[run]``."""
    start, end = run
    parts = listed_quoted(choices[start:end])
    head = f"the choices {parts} look like one choice split at its comma (the answer is '{answer}')"
    if not one_line:
        return f"{head}; put it in quotes: {quote(answer)}"
    fixed = [written(c) for c in choices[:start]] + [quote(answer)]
    fixed += [written(c) for c in choices[end:]]
    return f"{head}; put it in quotes: choices: [{', '.join(fixed)}]"


# A choice lettered or numbered by hand: "A) Venus", "b. Mars", "3) Jupiter".
_LABEL = re.compile(r"([A-Za-z]|[0-9]{1,2})[).][ \t]+(?=\S)")


def unlettered(choices: list[str]) -> list[str] | None:
    """The choices without their labels when each starts with its own letter or number
    in turn (``A) B) C)``, ``a. b.``, ``1) 2)``), else ``None``."""
    if len(choices) < 2:
        return None
    bare: list[str] = []
    for number, choice in enumerate(choices, start=1):
        found = _LABEL.match(choice)
        if found is None or found[1].upper() not in (chr(64 + number), str(number)):
            return None
        bare.append(choice[found.end() :])
    return bare


def lettered_message(choices: list[str], bare: list[str], one_line: bool) -> str:
    """The warning for choices lettered by hand."""
    labels = " ".join(
        choice[: len(choice) - len(b)].strip() for choice, b in zip(choices, bare, strict=True)
    )
    head = (
        f"the choices start with {labels}: the game numbers choices itself; "
        "leave those out, here and in the answer"
    )
    return f"{head}: choices: {flow_list(bare)}" if one_line else head


_LETTER = re.compile(r"([A-Za-z])[).]?")


def letter_index(value: str, count: int) -> int | None:
    """The 0-based choice that ``value`` names when it is a letter (``B``, ``b)``)."""
    found = _LETTER.fullmatch(value)
    if found is None:
        return None
    index = ord(found[1].upper()) - ord("A")
    return index if index < count else None


def id_message(value: str, suggestion: str) -> str:
    """The error of an id with characters other than a-z, A-Z, digits, '-' and '_'."""
    bad = next(c for c in value if not (c.isascii() and (c.isalnum() or c in "-_")))
    if bad.isspace():
        why = "no spaces"
    elif bad.isalnum():
        why = "no accents or other alphabets"
    else:
        why = f"not {bad!r}"
    return (
        f"id '{value}' may hold only the letters a-z and A-Z, digits, '-' and '_' ({why}): "
        f"write id: {suggestion}"
    )


_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def suggested_id(value: str, number: int, taken: dict[str, int]) -> str:
    """An id for question ``number`` like ``value`` but valid and not in ``taken`` (ids
    in lower case, as :class:`quiz.format.questions.Seen` keeps them): its
    accents dropped, other characters made '-', or ``q`` and the number when no letter
    of a-z or A-Z is left."""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = _NOT_ID.sub("-", bare).strip("-")
    base = slug if any(c.isalpha() for c in slug) else f"q{number}"
    candidate, count = base, 1
    while candidate.lower() in taken:
        count += 1
        candidate = f"{base}-{count}"
    return candidate


_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")
_SPACED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)[ ]*%")
_NUMERAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
# The example of a tolerance in percent when the answer is not known.
_EXAMPLE_ANSWER = 200.0


def not_a_number(text: str, what: str, answer: float | None = None) -> str:
    """Why ``text`` (the value of ``what``) is not a number, with the fix when the
    slip is known: a comma, spaces between digits, a percent sign, too many digits."""
    if _THOUSANDS.fullmatch(text):
        digits = text.replace(",", "")
        if text.count(",") > 1:
            return f"'{what}' must be a number, not '{text}': write {what}: {digits} without commas"
        dotted = text.replace(",", ".")
        return (
            f"'{what}' must be a number, not '{text}': write {what}: {digits} without the comma, "
            f"or {what}: {dotted} if the comma is a decimal point"
        )
    if _DECIMAL_COMMA.fullmatch(text):
        return f"'{what}' must be a number, not '{text}': use a dot for decimals: {what}: " + (
            text.replace(",", ".")
        )
    if _SPACED.fullmatch(text):
        digits = re.sub(r"\s", "", text)
        return f"'{what}' must be a number, not '{text}': write {what}: {digits} without the spaces"
    percent = _PERCENT.fullmatch(text)
    if percent and what == "tolerance":
        share = float(percent[1])
        of = abs(answer) if answer is not None else _EXAMPLE_ANSWER
        value = format_number(float(f"{of * share / 100:.6g}"))
        return (
            "'tolerance' is in the answer's own units, not a percentage: "
            f"for {percent[1]}% of {format_number(of)}, write tolerance: {value}"
        )
    if _NUMERAL.fullmatch(text) and not math.isfinite(float(text)):
        return f"'{what}' is too large: {text} is past the largest number, about 1.8e308"
    return f"'{what}' must be a number, not '{text}'"


def duplicate_message(values: tuple[str, str], raws: tuple[str, str], what: str, where: str) -> str:
    """A repeated entry of ``what`` (its value and the first one's, and each as written
    with the spaces at its ends), saying why the two are the same when they differ."""
    value, first = values
    if value == first and raws[0] != raws[1]:
        why = f"spaces at the ends are removed, so it is the same as {raws[1]!r}"
        return (
            f"duplicate entry {raws[0]!r} in '{what}': {why} (first at {where}); remove one of them"
        )
    if value.casefold() == first.casefold() and value != first:
        why = f"entries are compared ignoring case, so it is the same as '{first}'"
        return (
            f"duplicate entry '{value}' in '{what}': {why} (first at {where}); remove one of them"
        )
    if value.casefold() == first.casefold():
        return f"duplicate entry '{value}' in '{what}' (first at {where})"
    hidden = invisible_characters(value) or invisible_characters(first)
    how = (
        f"they differ only by the invisible character U+{ord(hidden[0]):04X}"
        if hidden
        else "they differ only in how their characters are written"
    )
    return (
        f"entry {value!r} in '{what}' looks the same as the one at {where}: "
        f"{how}; remove one of them"
    )


def covered_answer(value: str, first: str, where: str) -> str:
    """The warning for an accepted answer that differs from an earlier one only in case."""
    return (
        f"accepted answer '{value}' is already accepted by '{first}' (at {where}): "
        "answers are compared ignoring case; remove it"
    )


# A pair written as text, GIFT's way or with an arrow: "Io -> Jupiter".
_ARROW = re.compile(r"\s*(?:->|=>|→|⟶)\s*")


def pair_message(item: Node) -> str:
    """The error of an entry of 'pairs' that is not a left and a right, with the entry
    rewritten when its two halves can be told (``Io -> Jupiter``, ``[Io, Jupiter]``,
    ``Io: Jupiter``)."""
    halves: list[str] = []
    head = f"an entry of 'pairs' must be a left and a right, not {kind_name(item)}"
    if isinstance(item, Scalar):
        halves = [half.strip() for half in _ARROW.split(item.value.strip(), maxsplit=1)]
    elif isinstance(item, Sequence) and all(isinstance(i, Scalar) for i in item.items):
        halves = [i.value.strip() for i in item.items if isinstance(i, Scalar)]
    elif isinstance(item, Mapping) and len(item.pairs) == 1:
        key, value = item.pairs[0]
        if isinstance(key, Scalar) and isinstance(value, Scalar):
            halves = [key.value.strip(), value.value.strip()]
            head = f"'{halves[0]}: {halves[1]}' in 'pairs' needs the keys left and right"
    if len(halves) == 2 and all(halves):
        left, right = (written(half) for half in halves)
        return f"{head}: write it as {{left: {left}, right: {right}}}"
    return f"{head}, like {{left: Io, right: Jupiter}}"
