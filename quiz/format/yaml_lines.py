"""The author's own YAML lines, as the explanations of mistakes read them: a line by
its number, the lines above it, the key a line starts with, and a value written in
quotes.

:mod:`quiz.format.syntax` and :mod:`quiz.format.out_of_line` use these to find the key,
the quote or the bracket at fault and to write the corrected line;
:mod:`quiz.format.traps` quotes the values it warns about.
"""

from __future__ import annotations

import re

# A line that starts with a key: its indent, any "- " before it, the key and the colon.
KEY_LINE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s:#'\"\[\]{}&*!|>%@`,-][^:#]*?)[ ]*:(?:[ ]|$)"
)


def quote(value: str) -> str:
    """``value`` as YAML quoted text: double quotes unless it holds a double quote or a
    backslash, then single quotes (an apostrophe doubled)."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def line_at(text: str, number: int) -> str:
    """The 0-based line ``number`` of ``text``, without its line break."""
    start = 0
    for _ in range(number):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return (text[start:] if end < 0 else text[start:end]).rstrip("\r")


def lines_before(text: str, number: int) -> list[str]:
    """The (at most 200) lines before 0-based line ``number``, nearest first."""
    lines = text.split("\n", number)[:number]
    return [line.rstrip("\r") for line in reversed(lines[-200:])]


def lines_after(text: str, number: int, limit: int = 200) -> list[str]:
    """The (at most ``limit``) lines from 0-based line ``number`` on, in order."""
    start = 0
    for _ in range(number):
        start = text.find("\n", start) + 1
        if start == 0:
            return []
    lines = text[start:].split("\n", limit)[:limit]
    return [line.rstrip("\r") for line in lines]


def key_at(line: str) -> tuple[str, int] | None:
    """The key a line starts with and its 1-based column."""
    found = KEY_LINE.match(line)
    if found is None:
        return None
    return found["key"], len(found["lead"]) + 1


def with_value_quoted(line: str) -> str:
    """The line with everything after its key's colon quoted."""
    found = KEY_LINE.match(line)
    if found is None:
        dashes = re.match(r"[ ]*((?:-[ ]+)*)", line)
        lead = dashes[1] if dashes else ""
        return lead + quote(line.strip()[len(lead) :].strip())
    lead = found["lead"].lstrip()
    value = line[found.end() :].strip()
    return f"{lead}{found['key']}: {quote(value)}"


def previous_key(text: str, line: int, not_at: int) -> tuple[str, int, int] | None:
    """The nearest key above ``line`` that does not start at column ``not_at``."""
    for offset, above in enumerate(lines_before(text, line), start=1):
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key = key_at(above)
        if key is not None and key[1] != not_at:
            return key[0], key[1], line - offset
    return None
