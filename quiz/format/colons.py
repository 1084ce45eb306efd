"""Lines the parser could not split into a key and its value: a key written without
its colon (or with a full-width one), text carried onto the next line with too little
indentation, and ': ' inside unquoted text. Used by :mod:`quiz.format.syntax`.
"""

from __future__ import annotations

import re

import yaml

from quiz.format.pasted import foreign_colon, odd_space_after_colon
from quiz.format.rules import BANK_KEYS, PAIR_KEYS, QUESTION_KEYS
from quiz.format.wrapped import carried_text
from quiz.format.yaml_lines import (
    KEY_LINE,
    key_at,
    line_at,
    lines_before,
    previous_key,
    with_value_quoted,
)

# The words that could be keys: a word without its colon is taken for one of them.
_KEYS = (*BANK_KEYS, *QUESTION_KEYS, *PAIR_KEYS)
# A line that starts with a word (a key whose colon is missing): its indent, any "- ",
# the word, an '=' written for the colon, and the rest of the line.
_WORD = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<word>[^\s=:]+)[ ]*(?P<equals>=)?[ ]*(?P<rest>.*)$"
)


def missing_colon(text: str, mark: yaml.Mark) -> tuple[int, int, str]:
    """A key written without its colon (the parser notices on the next line), or
    text carried onto the next line with too little indentation."""
    line = line_at(text, mark.line)
    found = _WORD.match(line)
    if found is None:
        return mark.line, mark.column, "this line needs a colon after its key: key: value"
    word, rest = found["word"], found["rest"]
    column = len(found["lead"])
    _, above = next(
        ((offset, a) for offset, a in enumerate(lines_before(text, mark.line), 1) if a.strip()),
        (1, ""),
    )
    block = KEY_LINE.match(above)
    if block is not None and re.fullmatch(r"[|>][+-]?", above[block.end() :].strip()):
        return (
            mark.line,
            column,
            (
                f"the text under '{block['key']}: {above[block.end() :].strip()}' must be indented "
                f"more than '{block['key']}': start it at column {len(block['lead']) + 3}"
            ),
        )
    if re.fullmatch(r"-[^\s-].*", word):
        return (
            mark.line,
            column,
            (f"'{word}' needs a space after the dash to be an entry of the list: - {word[1:]}"),
        )
    pasted = _pasted_colon(found)
    if pasted is not None:
        return mark.line, *pasted
    if found["equals"]:
        return mark.line, column, f"'{word}' needs a colon, not '=': {word}: {rest}"
    carried = carried_text(text, mark.line)
    if carried is not None:
        return carried
    return mark.line, column, f"'{word}' needs a colon: {word}: {rest}".rstrip()


def _pasted_colon(found: re.Match[str]) -> tuple[int, str] | None:
    """A key's colon that the parser does not see because of a pasted character: a
    full-width colon, or one that a no-break space follows (the column and message)."""
    parts = found.group("lead", "word", "rest")
    return foreign_colon(*parts) or odd_space_after_colon(*parts)


def colon_in_text(text: str, line: int, column: int) -> tuple[int, int, str]:
    """``: `` where a key cannot start: inside a value, a line indented too far, or the
    line after a key written without its colon (whose words became text)."""
    current = line_at(text, line)
    before = next(
        ((offset, a) for offset, a in enumerate(lines_before(text, line), 1) if a.strip()),
        None,
    )
    carried = None if before is None else carried_text(text, line - before[0])
    if carried is not None:
        return carried
    if before is not None and KEY_LINE.match(before[1]) is None:
        found = _WORD.match(before[1])
        pasted = None if found is None else _pasted_colon(found)
        if pasted is not None:
            return line - before[0], *pasted
        if found is not None and found["word"] in _KEYS:
            word, rest = found["word"], found["rest"]
            return (
                line - before[0],
                len(found["lead"]),
                (f"'{word}' needs a colon: {found['lead'].lstrip()}{word}: {rest}".rstrip()),
            )
    key = key_at(current)
    own = KEY_LINE.match(current)
    if own is not None and current.rfind(":", 0, own.end()) < column:
        return (
            line,
            column,
            (
                f"': ' inside unquoted text starts a new key; put the text in quotes: "
                f"{with_value_quoted(current)}"
            ),
        )
    if key is not None:
        above = previous_key(text, line, key[1])
        if above is not None and above[1] < key[1]:
            return (
                line,
                key[1] - 1,
                (
                    f"'{key[0]}' is indented more than '{above[0]}' on line {above[2] + 1}: "
                    f"start it at column {above[1]}"
                ),
            )
    return line, column, "': ' inside unquoted text starts a new key; put the text in quotes"
