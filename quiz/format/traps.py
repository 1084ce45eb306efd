"""Unquoted values that are valid YAML but likely not what the author meant: a
comment that cuts a value short (' #'), or curly quotes that YAML keeps as part of
the text. The located YAML reader turns these into warnings.
"""

from __future__ import annotations

import re

from quiz.format.pasted import may_hold_space_likes
from quiz.format.yaml_lines import quote

_CURLY_OPEN = "“”‘’„"
_CURLY_CLOSE = "“”‘’"
# A value after which a comment is surely meant as one: a number, or a word for true or false.
_NOT_TEXT = re.compile(
    r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|true|false|yes|no|on|off",
    re.IGNORECASE,
)


def may_hold_traps(text: str) -> bool:
    """Whether any value of ``text`` could hold a trap that :func:`trap_after_value`
    warns about (a ' #' or a curly quote), or a tab or a no-break space that
    :mod:`quiz.format.pasted` explains: one look at the whole text, so that a file
    without them pays nothing per value."""
    return (
        " #" in text
        or "\t" in text
        or any(mark in text for mark in _CURLY_OPEN)
        or may_hold_space_likes(text)
    )


def trap_after_value(text: str, start: int, end: int, value: str) -> tuple[str, bool] | None:
    """A warning about unquoted text that is valid YAML but likely not what the author
    meant, and whether it points just after the value (else at its start): a comment
    that cuts the value short, or curly quotes that YAML keeps as part of the text."""
    # One space before a '#' looks like part of the text (two or more, as the starter
    # bank and yamllint write them, look like a comment meant as one), and so does a
    # '#' that ends the line: 'C #'. After a number or true/false it is a comment.
    if text.startswith(" #", end) and not _NOT_TEXT.fullmatch(value):
        line_end = text.find("\n", end)
        cut = text[end + 1 : line_end if line_end >= 0 else len(text)].rstrip("\r ")
        if not value:
            if cut == "#":
                return None
            return (
                f"'{cut}' is a comment (a space then '#' starts one), so this value is empty; "
                f"to keep it as text, put it in quotes: {quote(cut)}",
                False,
            )
        return (
            f"' #' starts a comment, so '{cut}' is not part of the text; to keep it, "
            f"put the whole value in quotes: {quote(value + ' ' + cut)}",
            True,
        )
    if value and value[0] in _CURLY_OPEN and value[-1] in _CURLY_CLOSE and len(value) > 1:
        return (
            f"{value} is written with curly quotes, which YAML does not read as quotes: "
            f"players will see them; use straight quotes ({quote(value[1:-1])}) or none",
            False,
        )
    return None
