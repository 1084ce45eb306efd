"""Text helpers shared by validation and answer checking. Pure functions."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; a lone surrogate
# (U+D800-U+DFFF, which only an escape like "\\uD800" can make) cannot even be printed.
# The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
# make a text show in another order than it is written ("Trojan Source"): a choice
# could look like another; right-to-left text needs none of them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = frozenset("'‘’ʼ`")


def find_control_character(value: str) -> int:
    """Return the index of the first forbidden character in ``value``, or -1.

    Newline and tab are allowed; every other C0/C1 control (ESC included, so no
    terminal escape sequence can get through) is not, nor is a lone surrogate or a
    bidirectional control.
    """
    found = _CONTROL.search(value)
    return found.start() if found else -1


def control_character_positions(value: str, limit: int | None = None) -> list[int]:
    """The index of every forbidden control character in ``value`` (the first
    ``limit`` of them, when given)."""
    found = (match.start() for match in _CONTROL.finditer(value))
    return list(itertools.islice(found, limit))


# Characters that cannot be seen, or that change nothing visible: two texts that differ
# only by them look the same to a player.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)


def invisible_characters(value: str) -> list[str]:
    """The invisible characters in ``value`` (zero-width space, soft hyphen ...)."""
    return _INVISIBLE.findall(value) if not value.isascii() else []


def look_alike_key(value: str) -> str:
    """What two texts have in common when they look the same to a player: case,
    invisible characters and Unicode's compatibility forms folded away."""
    if value.isascii():
        return value.casefold()
    return unicodedata.normalize("NFKC", _INVISIBLE.sub("", value)).casefold()


_LONG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def bad_escape_position(text: str) -> int:
    """The offset of the first ``\\U`` escape past the last character, U+10FFFF."""
    for found in _LONG_ESCAPE.finditer(text):
        if int(found[1], 16) > 0x10FFFF:
            return found.start()
    return 0


# YAML 1.1 (PyYAML) also breaks lines at these; editors, and our diagnostics, do not.
YAML_ONLY_BREAKS = ("\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class Mark:
    """A place in a text: character offset, 0-based line and column (as PyYAML's)."""

    index: int
    line: int
    column: int


class LineIndex:
    """Where each line of a text starts, lines ending at newlines only: finds the line
    and column of any offset in logarithmic time."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(found.end() for found in re.finditer("\n", text))]

    def zero_based(self, index: int) -> tuple[int, int]:
        """The 0-based line and column of the character offset ``index``."""
        line = bisect.bisect_right(self.starts, index) - 1
        return line, index - self.starts[line]

    def mark(self, mark: Any) -> Any:
        """A PyYAML mark (with ``index``) as a mark of the lines an editor shows: PyYAML
        also counts U+2028 and U+2029 as line breaks."""
        if mark is None:
            return None
        line, column = self.zero_based(mark.index)
        return Mark(mark.index, line, column)


def offset_position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def normalize_answer(value: str) -> str:
    """Fold an answer for comparison: case, accents, punctuation and spacing are ignored.

    Apostrophes vanish (``don't`` = ``dont``); other punctuation separates words
    (``Apollo-Soyuz`` = ``apollo soyuz``).
    """
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn" or char in _APOSTROPHES:
            continue
        kept.append(" " if category[0] in "PSZC" else char)
    return _SPACES.sub(" ", "".join(kept)).strip()


def edit_distance(first: str, second: str, limit: int = 2) -> int:
    """Edits between two strings: a letter added, dropped, changed, or two neighbours swapped.

    (The optimal string alignment distance: Levenshtein's, plus the swap that is the
    commonest typo.) Stops early, returning ``limit + 1``, once the distance must be
    above ``limit``.
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char_a in enumerate(first, start=1):
        current = [i]
        for j, char_b in enumerate(second, start=1):
            cost = 0 if char_a == char_b else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == second[j - 2] and first[i - 2] == char_b:
                best = min(best, before[j - 2] + 1)
            current.append(best)
        # A swap reaches back two rows, so both must be past the limit to stop.
        if min(current) > limit and min(previous) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every control character written as an escape (``\\x1b``), so that a
    file name or a typed answer can never drive the terminal; characters in ``keep``
    (say a newline) stay. An undecodable byte of a file name shows as ``\\xff``."""
    if text.isprintable():
        return text
    shown = []
    for char in text:
        code = ord(char)
        if char in keep or (char.isprintable() and char not in BIDI_CONTROLS) or char == " ":
            shown.append(char)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x100:
            shown.append(f"\\x{code:02x}")
        else:
            shown.append(f"\\u{code:04x}")
    return "".join(shown)
