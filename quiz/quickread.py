"""The quick path for clean question files: a fast YAML parser and a check of plain data.

Most files are clean, and reading them through the located reader (PyYAML's events
and a tree of positioned nodes) costs far more than parsing them. So a file is first
parsed with yaml-rs, a YAML parser written in Rust, into plain dicts and lists, and
checked against the same rules as :mod:`quiz.checker`. The quick path only ever says
"this file is clean, here is its content" or "don't know": any problem, and anything on
which the two parsers could read the file differently, sends the file down the
located path, which finds every problem and says where it is. So error messages come
from one place only, and the bank of a clean file is the same on either path (a test
runs both over every file of the test corpus, and over generated files).

Where the parsers could disagree, and what sends a file down the located path:

- Scalars. The located reader keeps each scalar's own text; yaml-rs resolves plain
  scalars to numbers, booleans and null (YAML 1.2). A resolved value is accepted only
  where its text cannot matter: a boolean as a boolean answer, a number as a number
  (once the file is known to hold no hexadecimal, octal or binary literals).
- Tags, anchors, aliases, merge keys, directives, several documents, complex keys:
  refused by a look at the raw text before parsing (cheap, and on the safe side).
- Escapes and tabs: a backslash or a tab anywhere in the file sends it down the
  located path, so double-quoted escapes and tab-indentation rules never matter.
"""

from __future__ import annotations

import math
import re
from operator import itemgetter
from typing import Any

from quiz.bank import (
    BANK_KEYS,
    CHOICE_RANGE,
    ID_PATTERN,
    ITEM_RANGE,
    QUESTION_KEYS,
    TRUTH,
    TYPE_KEYS,
)
from quiz.model import Content, Difficulty, QuestionRow, QuestionType
from quiz.text import has_control_character, normalize_answer

# Characters that YAML 1.1 (libyaml) and YAML 1.2 (yaml-rs) may read differently,
# or that the located reader refuses, wherever they are: escapes (backslash), tabs,
# a byte-order mark, the line separators that YAML 1.1 alone breaks lines at, and
# the two noncharacters PyYAML refuses.
_ANYWHERE = ("\\", "\t", "\ufeff", "\u2028", "\u2029", "\ufffe", "\uffff")
_DEEPEST_INDENT = 80
# Each check is a plain substring (its gate) and, if the gate alone says too much, a
# pattern searched only when the gate is in the text: a one-character substring is
# found many times faster than any pattern.
_CHECKS: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    # A tag, an anchor, an alias or a complex key where a node starts: after a space,
    # a line break, a flow indicator, or a colon (YAML 1.2 reads '"key":value' with no
    # space). Prose like "5 * 3" counts too.
    ("!", re.compile(r"!(?<=[\s\[\]{},:]!)")),
    ("&", re.compile(r"&(?<=[\s\[\]{},:]&)")),
    ("*", re.compile(r"\*(?<=[\s\[\]{},:]\*)")),
    ("?", re.compile(r"\?(?<=[\s\[\]{},:]\?)(?=\s|\Z)")),
    # A colon before a flow indicator or a question mark: libyaml refuses it inside a
    # plain scalar in a flow collection ("[a:?]"), where yaml-rs reads on.
    (":", re.compile(r":[?,\[\]{}]")),
    # A merge key, which YAML 1.1 alone knows.
    ("<", re.compile("<<")),
    # A number written in base 16, 8 or 2 (perhaps signed), which the located path
    # does not read as a number: a 0x, 0o or 0b where a scalar starts.
    ("0", re.compile(r"0(?:(?<![^\s\[\]{},:]0)|(?<=[-+]0)(?<![^\s\[\]{},:][-+]0))[xXoObB]")),
    # At the start of a line: a directive, a document marker (--- or ...), or a
    # colon, which ends a key begun on the line before (YAML 1.1 keys fit on one).
    ("\n", re.compile(r"\n(?:%|---|\.\.\.|[ ]*:)")),
    # A list nested in a list on one line ("- - x"), or deep indentation: the only
    # ways to nest deeper than any bank does. yaml-rs builds its values recursively,
    # and a few thousand levels of nesting crash the process.
    ("-", re.compile(r"- +-(?:[ \n]|\Z)")),
    ("\n" + " " * _DEEPEST_INDENT, None),
)
_FIRST = ("!", "&", "*", "? ", "?\n", "?\r", ":", "%", "---", "...", " " * _DEEPEST_INDENT)


def _risky(text: str) -> bool:
    """Whether ``text`` holds anything on which the two parsers could disagree.

    It errs on the safe side: a file that holds any of these is simply read by the
    located path.
    """
    return (
        text.startswith(_FIRST)
        or any(char in text for char in _ANYWHERE)
        or any(
            gate in text and (pattern is None or pattern.search(text) is not None)
            for gate, pattern in _CHECKS
        )
    )


_BANK_KEYS = frozenset(BANK_KEYS)
# The keys each type of question may have.
_KEYS = {
    qtype.value: frozenset(k for k in QUESTION_KEYS if k not in TYPE_KEYS or qtype in TYPE_KEYS[k])
    for qtype in QuestionType
}
_TYPES = frozenset(_KEYS)
_LEVELS = frozenset(level.value for level in Difficulty)
_ALNUM = re.compile(r"[A-Za-z0-9]")


class _Unsure(Exception):
    """The quick path cannot vouch for this file; the located path decides."""


# Raised by the checks below on data of an unexpected shape (a strip of a number, a
# lookup of a list, a missing key): each of them, too, means "the located path decides".
_UNSURE = (_Unsure, AttributeError, IndexError, KeyError, OverflowError, TypeError, ValueError)


def quick_content(text: str) -> Content | None:
    """The content of ``text`` when the file is certainly clean (no error, no warning);
    ``None`` when the located check must decide."""
    if has_control_character(text) or _risky(text):
        return None
    try:
        from yaml_rs import YAMLDecodeError, loads
    except ImportError:  # no wheel for this platform: the located path does all
        return None
    try:
        data = loads(text, parse_datetime=False)
    except (YAMLDecodeError, RecursionError, *_UNSURE):
        return None
    try:
        return _content(data)
    except _UNSURE:
        return None


# The checks mirror quiz.checker's rules for a clean file: a text field is stripped and
# not empty; lists of texts hold no duplicates (ignoring case).


# yaml-rs reads a plain scalar that starts with an indicator (as in "[a, |b]" or
# "[a, :b]") where PyYAML finds a syntax error; since quotes are lost in the parsed
# data, no text that starts with one of these is vouched for.
_ODD_START = frozenset("|>:?%@`")
_first = itemgetter(0)


def _text(value: str) -> str:
    stripped = value.strip()
    if not stripped or stripped[0] in _ODD_START:
        raise _Unsure
    return stripped


def _optional(value: str | None) -> str | None:
    return None if value is None else _text(value)


def _texts(value: list[str], low: int = 0, high: int = 1_000_000) -> tuple[str, ...]:
    """A list of ``low`` to ``high`` distinct texts."""
    if type(value) is not list or not low <= len(value) <= high:
        raise _Unsure
    entries = tuple(map(str.strip, value))  # a TypeError for anything but text
    folded = set(map(str.casefold, entries))
    if (
        len(folded) != len(entries)
        or "" in folded
        or not _ODD_START.isdisjoint(map(_first, entries))
    ):
        raise _Unsure
    return entries


def _number(value: Any) -> float:
    """A number field, read as :meth:`quiz.checker._QuestionChecker.numeric` reads its text."""
    kind = type(value)
    if kind is str:
        number = float(value.strip().replace("_", ""))
    elif kind is int or kind is float:  # yaml-rs read it (not a bool: that is an int too)
        number = float(value)
    else:
        raise _Unsure
    if not math.isfinite(number):
        raise _Unsure
    return number


def _content(data: Any) -> Content:
    if type(data) is not dict or not data.keys() <= _BANK_KEYS:
        raise _Unsure
    title = _text(data["title"])
    description = _optional(data.get("description")) or ""
    tags = () if data.get("tags") is None else _texts(data["tags"])
    entries = data["questions"]
    if type(entries) is not list or not entries:
        raise _Unsure
    ids: set[str] = set()
    # The tags of a question, merged after the bank's, by the list written: few
    # banks use more than a handful of different lists.
    merged: dict[tuple[str, ...], tuple[str, ...]] = {}
    rows = tuple([_row(entry, tags, ids, merged) for entry in entries])
    if len(ids) != len(rows):
        raise _Unsure
    return Content(title, description, tags, rows)


def _row(
    entry: dict[str, Any],
    bank_tags: tuple[str, ...],
    ids: set[str],
    merged: dict[tuple[str, ...], tuple[str, ...]],
) -> QuestionRow:
    """A question's row, in the order of quiz.model.ROW_FIELDS."""
    qtype = entry.get("type", "single")
    # No explanation is a warning, which only the located path can place.
    if qtype not in _TYPES or not entry.keys() <= _KEYS[qtype] or "explanation" not in entry:
        raise _Unsure
    qid = entry["id"]
    if not ID_PATTERN.fullmatch(qid):  # so it has no spaces to strip
        raise _Unsure
    ids.add(qid)
    level = entry.get("difficulty", "medium")
    if level not in _LEVELS:
        raise _Unsure
    own_tags = entry.get("tags")
    if own_tags is None:
        tags = bank_tags
    else:
        if type(own_tags) is not list:  # before the lookup: "ab" would look like [a, b]
            raise _Unsure
        written = tuple(own_tags)
        tags = merged.get(written) or merged.setdefault(
            written, tuple(dict.fromkeys(bank_tags + _texts(own_tags)))
        )
    return (
        qid,
        qtype,
        _text(entry["prompt"]),
        _text(entry["explanation"]),
        *_ANSWERS[qtype](entry),
        None if (hint := entry.get("hint")) is None else _text(hint),
        level,
        tags,
        None if (source := entry.get("source")) is None else _text(source),
    )


# Each returns the answer fields of a row: choices, answers, truth, number, tolerance
# and items.
Answers = tuple[tuple[str, ...], tuple[str, ...], bool | None, float | None, float, tuple[str, ...]]


def _single(entry: dict[str, Any]) -> Answers:
    choices = _texts(entry["choices"], *CHOICE_RANGE)
    answer = _text(entry["answer"])
    if answer not in choices:
        raise _Unsure
    return choices, (answer,), None, None, 0.0, ()


def _multi(entry: dict[str, Any]) -> Answers:
    choices = _texts(entry["choices"], *CHOICE_RANGE)
    answer = entry["answer"]
    if type(answer) is not list or not answer:
        raise _Unsure
    picked = set(map(str.strip, answer))
    if len(picked) != len(answer) or not picked <= set(choices):
        raise _Unsure
    return choices, tuple(c for c in choices if c in picked), None, None, 0.0, ()


def _boolean(entry: dict[str, Any]) -> Answers:
    answer = entry["answer"]
    # yaml-rs reads true and false (as YAML 1.2 does); yes and no stay text.
    truth = answer if type(answer) is bool else TRUTH[_text(answer).casefold()]
    return (), (), truth, None, 0.0, ()


def _text_answer(entry: dict[str, Any]) -> Answers:
    answer = entry["answer"]
    accepted = _texts(answer, 1) if type(answer) is list else (_text(answer),)
    # An answer must keep something once case, accents and punctuation are ignored;
    # an ASCII letter or digit always stays, so the full fold is rarely needed.
    if not all(_ALNUM.search(value) or normalize_answer(value) for value in accepted):
        raise _Unsure
    return (), accepted, None, None, 0.0, ()


def _number_answer(entry: dict[str, Any]) -> Answers:
    tolerance = _number(entry["tolerance"]) if "tolerance" in entry else 0.0
    if tolerance < 0:
        raise _Unsure
    return (), (), None, _number(entry["answer"]), tolerance, ()


def _order(entry: dict[str, Any]) -> Answers:
    return (), (), None, None, 0.0, _texts(entry["items"], *ITEM_RANGE)


_ANSWERS = {
    "single": _single,
    "multi": _multi,
    "boolean": _boolean,
    "text": _text_answer,
    "number": _number_answer,
    "order": _order,
}
