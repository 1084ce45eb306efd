"""Entries written in brackets on one line (``[a, b]`` or ``{left: a, right: b}``): which
bracket is open at a place of the line, where the entry there starts and ends, and the
line with that one entry quoted.

The explanations of mistakes (:mod:`quiz.format.syntax`, :mod:`quiz.format.pasted`)
use these to quote the one entry at fault, not the whole value: quoting ``[@home, b]``
as a whole would turn the list into text.
"""

from __future__ import annotations

from quiz.format.yaml_lines import quote

# The characters that end an entry written in brackets.
_ENTRY_ENDS = ",]}"


def _quoted_step(line: str, index: int, quoting: str) -> tuple[int, str]:
    """Inside text quoted with ``quoting``: the index after the character at ``index``
    (a backslash escape in double quotes, or '' for an apostrophe in single quotes,
    taken whole), and the quote still open ('' once this one closes it)."""
    char = line[index]
    if (quoting == '"' and char == "\\") or (quoting == "'" and line.startswith("''", index)):
        return index + 2, quoting
    return index + 1, "" if char == quoting else quoting


def _scan(line: str, stop: int) -> tuple[list[int], int]:
    """The brackets still open before ``stop`` (their columns, innermost last), and the
    column of the '#' of the first comment (' #' outside quotes), or -1. Quoted text
    is skipped; the scan ends at the comment."""
    open_at: list[int] = []
    quoting = ""
    index = 0
    while index < min(stop, len(line)):
        char = line[index]
        if quoting:
            index, quoting = _quoted_step(line, index, quoting)
            continue
        if char in "\"'" and (index == 0 or line[index - 1] in " [{,:"):
            quoting = char
        elif char in "[{":
            open_at.append(index)
        elif char in "]}" and open_at:
            open_at.pop()
        elif char == "#" and index > 0 and line[index - 1] in " \t":
            return open_at, index
        index += 1
    return open_at, -1


def open_bracket(line: str, column: int) -> int:
    """The 0-based column of the innermost '[' or '{' still open at ``column`` of
    ``line``, or -1 when the place is not inside brackets."""
    open_at, _ = _scan(line, column)
    return open_at[-1] if open_at else -1


def comment_in_brackets(line: str) -> int:
    """The 0-based column of a '#' that starts a comment (after a space) while a '['
    or '{' of ``line`` is still open and hides its closing bracket, or -1."""
    open_at, comment = _scan(line, len(line))
    if comment < 0 or not open_at:
        return -1
    closer = "]" if line[open_at[-1]] == "[" else "}"
    return comment if closer in line[comment:] else -1


def entry_span(line: str, column: int) -> tuple[int, int]:
    """Where the entry in brackets around the 0-based ``column`` starts and ends
    (spaces at its ends left out): from the bracket, comma or ': ' before it to the
    comma or bracket after it."""
    start = max(line.rfind(char, 0, column) for char in "[{,") + 1
    colon = line.rfind(": ", start, column)
    if colon >= 0:
        start = colon + 2
    ends = [found for found in (line.find(char, column) for char in _ENTRY_ENDS) if found >= 0]
    end = min(ends) if ends else len(line)
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] in " \t":
        end -= 1
    return start, end


def with_entry_replaced(line: str, column: int, entry: str) -> str:
    """``line`` (without its indentation) with the entry around ``column`` replaced."""
    start, end = entry_span(line, column)
    return (line[:start] + entry + line[end:]).lstrip(" ")


def with_entry_quoted(line: str, column: int) -> str:
    """``line`` (without its indentation) with the entry around ``column`` in quotes."""
    start, end = entry_span(line, column)
    return with_entry_replaced(line, column, quote(line[start:end]))


def with_comments_quoted(line: str) -> tuple[str, int]:
    """``line`` (without its indentation) with every entry in brackets that holds a
    ' #' (which starts a comment there) in quotes, and how many entries that is; one
    pass over the line."""
    pieces: list[str] = []
    quoting = ""
    depth = 0
    start = -1  # where the entry being read starts (its first character), or -1
    hashed = False
    done = 0  # how much of the line is in pieces
    index = 0
    while index < len(line):
        char = line[index]
        if quoting:
            index, quoting = _quoted_step(line, index, quoting)
            continue
        if depth and (char in ",[]{}" or line.startswith(": ", index)):
            if start >= 0 and hashed:
                end = len(line[start:index].rstrip(" \t")) + start
                pieces.append(line[done:start] + quote(line[start:end]))
                done = end
            start, hashed = -1, False
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
        elif char in "[{":
            depth += 1
        elif char == "#" and index > 0 and line[index - 1] in " \t":
            if not depth:
                break
            hashed = True
        elif char in "\"'" and (start < 0 if depth else line[index - 1 : index] in " :"):
            quoting = char
        if depth and start < 0 and char not in " \t,[]{}:":
            start = index
        index += 1
    quoted = len(pieces)
    pieces.append(line[done:])
    return "".join(pieces).lstrip(" "), quoted


COMMENT_HIDES = "' #' starts a comment, which hides the rest of the line"


def explain_comment_in_brackets(line: str) -> tuple[int, str] | None:
    """A '[' or '{' of ``line`` left open because ' #' began a comment that hides its
    closing bracket: the 0-based column of the '#' and the message, whose corrected
    line quotes every entry of the line that holds ' #'; ``None`` when no comment
    starts inside the brackets."""
    comment = comment_in_brackets(line)
    if comment < 0:
        return None
    fixed, quoted = with_comments_quoted(line)
    entries = "the entry" if quoted == 1 else "the entries"
    return (
        comment,
        (f"{COMMENT_HIDES} ('{line[comment + 1 :].strip()}'); put {entries} in quotes: {fixed}"),
    )
