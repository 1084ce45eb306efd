"""Lines the parser could not split into a key and its value: a key written without
its colon (or with a full-width one), text carried onto the next line with too little
indentation, and ': ' inside unquoted text. Used by :mod:`quiz.format.syntax`.
"""

from __future__ import annotations

import re

import yaml

from quiz.format.pasted import foreign_colon
from quiz.format.rules import BANK_KEYS, PAIR_KEYS, QUESTION_KEYS
from quiz.format.shapes import closest
from quiz.format.yaml_lines import (
    KEY_LINE,
    key_at,
    line_at,
    lines_after,
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
    offset, above = next(
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
    foreign = foreign_colon(found["lead"], word, rest)
    if foreign is not None:
        return mark.line, *foreign
    if found["equals"]:
        return mark.line, column, f"'{word}' needs a colon, not '=': {word}: {rest}"
    if block is not None and closest(word, _KEYS) is None:
        goes_on = _text_goes_on(above, block, mark.line - offset, text)
        if goes_on is not None:
            return mark.line, column, goes_on
    return mark.line, column, f"'{word}' needs a colon: {word}: {rest}".rstrip()


def _text_goes_on(above: str, key: re.Match[str], number: int, text: str) -> str | None:
    """The message for plain text carried from the line ``above`` (0-based ``number``)
    onto the lines after it at no more indentation than its key, so that the first of
    them reads as a key with no colon; the joined line takes in every carried line."""
    value = above[key.end() :].split(" #")[0].strip()
    # A one-word value (an id, a type) is not text that wraps.
    if not value or value[0] in "'\"[{|>&*!" or " " not in value:
        return None
    carried: list[str] = []
    for line in lines_after(text, number + 1):
        bare = line.strip()
        if not bare or bare.startswith(("#", "-")) or (carried and KEY_LINE.match(line)):
            break
        carried.append(bare.split(" #")[0].strip())
    name, column = key["key"], len(key["lead"]) + 1
    joined = f"{key['lead'].lstrip()}{name}: {' '.join([value, *carried])}"
    lines = (
        "this line" if len(carried) == 1 else f"lines {number + 2} to {number + len(carried) + 1}"
    )
    them = "it" if len(carried) == 1 else "them"
    return (
        f"the text of '{name}' goes on past line {number + 1}: indent {lines} further than "
        f"'{name}' (start {them} at column {column + 2}), or join {them} to line {number + 1}: "
        f"{joined}"
    )


def colon_in_text(text: str, line: int, column: int) -> tuple[int, int, str]:
    """``: `` where a key cannot start: inside a value, a line indented too far, or the
    line after a key written without its colon (whose words became text)."""
    current = line_at(text, line)
    before = next(
        ((offset, a) for offset, a in enumerate(lines_before(text, line), 1) if a.strip()),
        None,
    )
    if before is not None and KEY_LINE.match(before[1]) is None:
        found = _WORD.match(before[1])
        foreign = None if found is None else foreign_colon(*found.group("lead", "word", "rest"))
        if foreign is not None:
            return line - before[0], *foreign
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
