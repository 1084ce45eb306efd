"""Adding a question to the text of a question file, keeping the rest of it as it is.

The new entry is appended as text after the last line of the 'questions' list, in the
list's own indentation, so every comment, blank line and quote of the file stays as
the author wrote it. When the list is not the file's last top-level key, or is
written in brackets, the text cannot be appended safely and :class:`CannotAppend`
is raised (the caller may then round-trip the file through a YAML library).
Pure functions: text in, text out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from quiz.format.text import find_control_character

# Text that YAML reads back as the same text when written without quotes.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n:#]*")
_TOP_KEY = re.compile(r"^(?P<key>[^\s#-][^:]*?)[ ]*:(?:[ ]|$)")
_ENTRY = re.compile(r"^(?P<indent>[ ]*)-[ ]")

Value = str | Sequence[str] | Sequence[Mapping[str, str]]


class CannotAppend(Exception):
    """The file's 'questions' list cannot be extended by appending text."""


def scalar(value: str) -> str:
    """``value`` as YAML text: plain when that reads back the same, else double-quoted."""
    if _PLAIN.fullmatch(value) and value == value.strip() and " #" not in value:
        return value
    # JSON's double-quoted strings are YAML's: \" \\ \n and \uXXXX escapes alike.
    return json.dumps(value, ensure_ascii=False)


def question_lines(fields: Mapping[str, Value], indent: int) -> list[str]:
    """The lines of one entry of 'questions', its ``- `` at column ``indent + 1``.

    Lists are written one entry per line, so a choice with a comma stays one choice.
    """
    pad = " " * indent
    lines: list[str] = []
    for key, value in fields.items():
        lead = f"{pad}- " if not lines else f"{pad}  "
        if isinstance(value, str):
            if find_control_character(value) >= 0:
                raise ValueError(f"'{key}' holds a control character")
            lines.append(f"{lead}{key}: {scalar(value)}")
        else:
            lines.append(f"{lead}{key}:")
            for entry in value:
                if isinstance(entry, str):
                    lines.append(f"{pad}    - {scalar(entry)}")
                else:  # a pair of a match question: its keys, one per line
                    items = [f"{name}: {scalar(text)}" for name, text in entry.items()]
                    lines += [f"{pad}    - {items[0]}", *(f"{pad}      {i}" for i in items[1:])]
    return lines


def new_bank(title: str, fields: Mapping[str, Value]) -> str:
    """The text of a new question file holding one question."""
    lines = [f"title: {scalar(title)}", "", "questions:", *question_lines(fields, 2)]
    return "\n".join(lines) + "\n"


def append_question(text: str, fields: Mapping[str, Value]) -> str:
    """``text`` with one more question at the end of its 'questions' list.

    Raises :class:`CannotAppend` when the list is not a block list that ends the file.
    """
    lines = text.split("\n")
    start = _questions_line(lines)
    if start is None:
        raise CannotAppend("the file has no 'questions:' line at the top level")
    rest = lines[start][lines[start].index(":") + 1 :].split(" #")[0].strip()
    if rest:
        raise CannotAppend("'questions' is written on one line (in brackets)")
    indent = None
    for line in lines[start + 1 :]:
        if _TOP_KEY.match(line):
            raise CannotAppend("'questions' is not the last key of the file")
        entry = _ENTRY.match(line)
        if entry is not None and indent is None:
            indent = len(entry["indent"])
    if indent is None:
        indent = 2
    body = text if text.endswith("\n") or not text else text + "\n"
    separator = "" if body.endswith("\n\n") else "\n"
    return body + separator + "\n".join(question_lines(fields, indent)) + "\n"


def _questions_line(lines: list[str]) -> int | None:
    for number, line in enumerate(lines):
        found = _TOP_KEY.match(line)
        if found is not None and found["key"].strip("'\"") == "questions":
            return number
    return None
