"""Characters that come with text pasted from a web page, a word processor, a
spreadsheet or an input method, and that YAML does not read as the author thinks:
no-break spaces as indentation or after a closing quote, a full-width colon after a
key, and tabs between cells.

Each function names the character (most cannot be seen) and writes the corrected line;
:mod:`quiz.format.syntax` and :mod:`quiz.format.out_of_line` use them to explain an
error, and :mod:`quiz.format.node_builder` to warn about cells that became one text.
"""

from __future__ import annotations

import re
import unicodedata

from quiz.format.in_brackets import entry_span, open_bracket, with_entry_replaced
from quiz.format.yaml_lines import KEY_LINE, quote

# Characters that look like a space but are not one to YAML.
SPACE_LIKE = frozenset("\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200C))))
_SPACE_LIKE = "".join(sorted(SPACE_LIKE))
_NAMES = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u200b": "zero-width space",
    "\u3000": "full-width space",
}
_ANY_SPACE_LIKE = re.compile(f"[{_SPACE_LIKE}]")
# A line indented with them, or with one after its '-': the lead, the first of them, the rest.
_ODD_INDENT = re.compile(
    f"^(?P<lead>(?:[ ]*-)*[ ]*)(?P<odd>[{_SPACE_LIKE}])[ {_SPACE_LIKE}]*(?P<rest>.*)$",
    re.MULTILINE,
)
_COLONS = {"\uff1a": "full-width", "\ufe55": "small"}
# The keys whose value is a list: tab-separated cells there were meant as its entries.
_LIST_KEYS = ("choices", "items", "tags", "extra")
# An entry that needs no quotes inside brackets.
_PLAIN_ENTRY = re.compile(r"[^\s\[\]{},:#&*!|>'\"%@`?-](?:[^\[\]{},:#]|:(?! )|(?<! )#)*")


def name(char: str, plural: bool = False) -> str:
    """A character as an author can look it up: ``no-break space (U+00A0)``, or
    ``no-break spaces (U+00A0)`` for ``plural``."""
    known = _NAMES.get(char) or unicodedata.name(char, "character").lower()
    return f"{known}{'s' if plural else ''} (U+{ord(char):04X})"


def may_hold_space_likes(text: str) -> bool:
    """Whether ``text`` holds any character that only looks like a space: one search."""
    return not text.isascii() and _ANY_SPACE_LIKE.search(text) is not None


def odd_indentation(text: str, last_line: int) -> tuple[int, int, str] | None:
    """The first line up to 0-based ``last_line`` that is indented with characters
    that only look like spaces (a no-break space ...), as a 0-based line, column and
    message; one search of the text up to that line."""
    end = 0
    for _ in range(last_line + 1):
        end = text.find("\n", end) + 1
        if end == 0:
            end = len(text)
            break
    for found in _ODD_INDENT.finditer(text, 0, end):
        line = text.count("\n", 0, found.start()) if _is_indentation(found) else -1
        if line >= 0:
            return line, found.start("odd") - found.start(), _odd_message(found, line)
    return None


def pasted_advice(text: str, start: int, value: str, number: int) -> tuple[int, str] | None:
    """A warning about a value YAML accepts, starting at offset ``start`` of ``text``
    on 0-based line ``number``: tabs between its words (cells pasted from a
    spreadsheet, meant as entries of a list), or a key indented with no-break spaces
    (which YAML reads as part of the key). The 0-based column and the message."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip("\r")
    if value[:1] in SPACE_LIKE:
        found = _ODD_INDENT.match(line)
        if found is None or not _is_indentation(found):
            return None
        return found.start("odd"), _odd_message(found, number)
    tab = line.find("\t", start - line_start)
    return tab_advice(line, tab) if tab >= 0 else None


def _is_indentation(found: re.Match[str]) -> bool:
    """Whether the space-like characters matched stand where spaces belong: before a
    key or a '- ' (text after them may hold them on purpose)."""
    rest = found["rest"]
    return bool(KEY_LINE.match(rest) or rest.startswith("- "))


def _odd_message(found: re.Match[str], line: int) -> str:
    if found["lead"].endswith("-"):
        return (
            f"the space after the '-' on line {line + 1} is a {name(found['odd'])}, not an "
            "ordinary space: it looks the same but YAML does not count it; retype it with "
            "the space bar"
        )
    return (
        f"line {line + 1} is indented with {name(found['odd'], True)}, not ordinary spaces: "
        "they look the same but YAML does not count them; retype them with the space bar"
    )


def foreign_colon(lead: str, word: str, rest: str) -> tuple[int, str] | None:
    """A key written with a full-width colon (``prompt：``, from an input method): the
    0-based column of that colon in its line and the message; ``None`` without one."""
    at = next((index for index, char in enumerate(word) if char in _COLONS), -1)
    if at <= 0:
        return None
    key, after = word[:at], f"{word[at + 1 :]} {rest}".strip()
    fixed = f"{lead.lstrip()}{key}: {after}".rstrip()
    return (
        len(lead) + at,
        (
            f"the colon after '{key}' is a {_COLONS[word[at]]} '{word[at]}' "
            f"(U+{ord(word[at]):04X}); type an ordinary ':': {fixed}"
        ),
    )


def odd_space_after_colon(lead: str, word: str, rest: str) -> tuple[int, str] | None:
    """A key whose colon is followed by a character that only looks like a space
    (``answer:`` then a no-break space), so that YAML does not see the colon: the
    0-based column of that character and the message; ``None`` without one."""
    if rest[:1] != ":" or rest[1:2] not in SPACE_LIKE or not rest[1:2]:
        return None
    value = rest[1:].lstrip(_SPACE_LIKE + " ")
    fixed = f"{lead.lstrip()}{word}: {value}".rstrip()
    return (
        len(lead) + len(word) + 1,
        (
            f"the space after '{word}:' is a {name(rest[1])}, not an ordinary space: it "
            f"looks the same but YAML does not count it; type an ordinary space: {fixed}"
        ),
    )


def after_closing_quote(line: str, start: int) -> tuple[int, str] | None:
    """Invisible characters after the quoted value that starts at 0-based ``start`` of
    ``line`` (a no-break space pasted from a word processor): the 0-based column of
    the first and the message; ``None`` when something visible follows the quote."""
    close = _closing_quote(line, start)
    if close < 0:
        return None
    rest = line[close + 1 :]
    odd = [char for char in rest if char not in " \t"]
    if not odd or any(char not in _NAMES and not _space_like(char) for char in odd):
        return None
    column = close + 1 + rest.index(odd[0])
    found = KEY_LINE.match(line)
    prefix = f"{found['key']}: " if found else ""
    return (
        column,
        (
            f"an invisible {name(odd[0])} follows the closing quote; delete it: "
            f"{prefix}{line[start : close + 1]}"
        ),
    )


def tab_advice(line: str, tab: int) -> tuple[int, str] | None:
    """A tab inside a value (cells pasted from a spreadsheet): the 0-based column to
    point at and the message with the corrected line; ``None`` where the cells cannot
    have been meant as entries of a list."""
    bracket = open_bracket(line, tab)
    if bracket >= 0:
        start, end = entry_span(line, tab)
        fixed = with_entry_replaced(line, tab, _cells(line[start:end]))
        return bracket, _tab_message(fixed)
    found = KEY_LINE.match(line)
    entry = re.match(r"[ ]*- ", line)
    if found is None and entry is not None:  # an entry of a list written with '- '
        dashes = ", then ".join(f"- {cell}" for cell in _cell_list(line[entry.end() :]))
        return entry.end(), _tab_message(dashes, "give each its own line")
    if found is None or found["key"] not in _LIST_KEYS:
        return None
    fixed = f"{found['lead'].lstrip()}{found['key']}: [{_cells(line[found.end() :])}]"
    return found.end(), _tab_message(fixed)


def explain_tab(line: str, column: int) -> tuple[int, str]:
    """A tab at 0-based ``column`` of ``line``, which the parser refuses: in the
    indentation, or inside a value (cells pasted from a spreadsheet)."""
    before, after = line[:column].rstrip(" \t"), line[column:].lstrip(" \t")
    if not before or before[-1] in ":-,[{" or not after or after[0] in "#]}":
        return column, "a tab character here; YAML indents with spaces only"
    advice = tab_advice(line, column)
    if advice is not None:
        return advice
    return column, "a tab character inside the text here; replace it with a space"


def _tab_message(fixed: str, how: str = "separate them with commas") -> str:
    return (
        "tabs separate the entries here (cells pasted from a spreadsheet?), so they are "
        f"read as one; {how}: {fixed}"
    )


def _cell_list(value: str) -> list[str]:
    """Tab-separated cells, each as a list entry (quoted where it needs it)."""
    cells = [cell.strip(" ") for cell in value.split(" #")[0].split("\t")]
    return [_entry(cell) for cell in cells if cell]


def _cells(value: str) -> str:
    """Tab-separated cells as entries in brackets, comma-separated."""
    return ", ".join(_cell_list(value))


def _entry(cell: str) -> str:
    return cell if _PLAIN_ENTRY.fullmatch(cell) else quote(cell)


def _space_like(char: str) -> bool:
    return unicodedata.category(char) == "Zs" or char in "\u200b\ufeff"


def _closing_quote(line: str, start: int) -> int:
    """The 0-based column of the quote that closes the quoted text starting at ``start``."""
    mark = line[start : start + 1]
    index = start + 1
    while index < len(line):
        char = line[index]
        if mark == '"' and char == "\\":
            index += 2
            continue
        if char == mark:
            if mark == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1
