"""The parser's "expected a block end" in the author's words: an entry or a key out of
line with the ones above it, a list entry that lost its '- ', an extra bracket, or text
after a closing quote (often an apostrophe that ended single-quoted text early).

Used by :mod:`quiz.format.syntax`, which explains the other kinds of mistake.
"""

from __future__ import annotations

import re

from quiz.format.pasted import after_closing_quote
from quiz.format.wrapped import carried_text
from quiz.format.yaml_lines import KEY_LINE, key_at, line_at, lines_before, previous_key, quote

# A line that is an entry of a list: its indent and the '-'.
_DASH_LINE = re.compile(r"^(?P<indent>[ ]*)-(?:[ ]|$)")


def explain_out_of_line(text: str, line: int, column: int, found: str) -> tuple[int, int, str]:
    """The parser expected the mapping above to end, and found more on this line."""
    current = line_at(text, line)
    carried = carried_text(text, line) if found[:1] in "<?" else None
    if carried is not None:
        return carried
    if found in ("<block sequence start>", "-"):
        for offset, above in enumerate(lines_before(text, line), start=1):
            dash = _DASH_LINE.match(above)
            if dash is not None and len(dash["indent"]) != column:
                right = len(dash["indent"]) + 1
                return (
                    line,
                    column,
                    (
                        f"this '- ' entry is out of line with the one on line {line - offset + 1}: "
                        f"start it at column {right}"
                    ),
                )
        first = _first_entry_without_dash(text, line, column)
        if first is not None:
            indent = len(first[2]) - len(first[2].lstrip())
            return (
                first[1],
                indent,
                (
                    f"this entry of '{first[0]}' has no '- ', although the one on line {line + 1} "
                    f"has: write it as - {first[2].strip()}"
                ),
            )
        return (
            line,
            column,
            (
                "this '- ' entry follows 'key: value' lines at the same level; start every "
                "entry of a list with '- ', or remove the '- ' here"
            ),
        )
    if found in ("<block mapping start>", "?"):
        key = key_at(current)
        name = key[0] if key else current.strip().split(" ")[0]
        previous = previous_key(text, line, column + 1)
        if previous is not None:
            return (
                line,
                column,
                (
                    f"'{name}' is out of line with '{previous[0]}' on line {previous[2] + 1}: "
                    f"start it at column {previous[1]}"
                ),
            )
        return (
            line,
            column,
            f"'{name}' is out of line with the keys above it; check its indentation",
        )
    if found in ("]", "}"):
        opener = "[" if found == "]" else "{"
        return line, column, f"an extra '{found}' here with no '{opener}' to close; remove it"
    if found in (":", ",", "?"):
        return (
            line,
            column,
            (
                f"'{found}' here has no key or list around it; remove it, or quote the text it "
                "belongs to"
            ),
        )
    value = current[_value_start(current) :].strip()
    closing = value.find("'", 1)
    if value.startswith("'") and 0 < closing < len(value) - 1 and value[closing + 1].isalnum():
        word = _apostrophe_word(value)
        inner = value[1:-1] if value.endswith("'") else value[1:]
        return (
            line,
            _value_start(current),
            (
                f"the apostrophe in '{word}' ends the quoted text early: double it "
                f"({word.replace(chr(39), chr(39) * 2)}) or use double quotes: "
                f"{_key_prefix(current)}{quote(inner)}"
            ),
        )
    if value.startswith(("'", '"')):
        invisible = after_closing_quote(current, _value_start(current))
        if invisible is not None:
            return line, *invisible
        return (
            line,
            _value_start(current),
            (
                "text after the closing quote; put the whole value in quotes: "
                f"{_key_prefix(current)}{quote(value)}"
            ),
        )
    if value.startswith(("[", "{")):
        what = "a list" if value[0] == "[" else "keys in braces"
        return (
            line,
            _value_start(current),
            (
                f"a value starting with '{value[0]}' is read as {what}; put the whole value in "
                f"quotes: {_key_prefix(current)}{quote(value)}"
            ),
        )
    bare = current.strip()
    if bare and key_at(current) is None and not bare.startswith(("-", "#")):
        return (
            line,
            column,
            (
                f"'{bare}' stands alone here: make it an entry of a list (- {bare}) or a key "
                f"with its value (key: {bare}), lined up with the lines around it"
            ),
        )
    return line, column, "unexpected text here; if it belongs to the value above, quote that value"


def _first_entry_without_dash(text: str, line: int, column: int) -> tuple[str, int, str] | None:
    """The key whose list a ``- `` at ``column`` belongs to, and the first line under
    that key when it is a key line with no dash (the first entry's ``- `` forgotten)."""
    above = lines_before(text, line)
    for offset, candidate in enumerate(above, start=1):
        key = key_at(candidate)
        if key is None or key[1] > column:
            continue
        if candidate[candidate.index(":") + 1 :].split(" #")[0].strip():
            return None  # the key has a value on its own line: not a list's key
        below = line - offset + 1
        for number in range(below, line):
            content = line_at(text, number)
            if content.strip() and not content.strip().startswith("#"):
                if _DASH_LINE.match(content) is None and key_at(content) is not None:
                    return key[0], number, content
                return None
        return None
    return None


def _value_start(line: str) -> int:
    """The 0-based column where the value of a ``key: value`` line starts."""
    found = KEY_LINE.match(line)
    if found is None:
        return len(line) - len(line.lstrip(" -"))
    return found.end() + (len(line) - found.end() - len(line[found.end() :].lstrip()))


def _key_prefix(line: str) -> str:
    found = KEY_LINE.match(line)
    return f"{found['key']}: " if found else ""


def _apostrophe_word(value: str) -> str:
    """The word whose apostrophe closed single-quoted text early."""
    closing = value.find("'", 1)
    start = value.rfind(" ", 0, closing) + 1
    end = value.find(" ", closing)
    return value[max(start, 1) : end if end >= 0 else len(value)].rstrip("'")
