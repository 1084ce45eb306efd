"""The text of GIFT: escapes, ``[format]`` prefixes, and markup made plain.

As in Moodle (``question/format/gift/format.php``), ``\\~ \\= \\# \\{ \\} \\:`` are
literal characters, ``\\n`` is a new line and ``\\\\`` a backslash; text with no
``[format]`` prefix is in Moodle's own format, which is HTML. Answers and feedback
take the question's format unless they carry their own prefix.
"""

from __future__ import annotations

import re

from quiz.importers.common import clean
from quiz.importers.markup import html_to_text, markdown_to_text

# GIFT escapes, held as private-use characters while the text is taken apart.
_PLACEHOLDERS = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004"}
_PLACEHOLDERS |= {"~": "\ue005", "n": "\ue006"}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _PLACEHOLDERS.items()})
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
FORMATS = ("plain", "moodle", "html", "markdown")
DEFAULT_FORMAT = "moodle"


def protect(text: str) -> str:
    """Escaped characters swapped for placeholders (``\\\\`` is a plain backslash)."""
    return _ESCAPE.sub(lambda m: _PLACEHOLDERS.get(m[1], "\\"), text)


def restore(text: str) -> str:
    """Placeholders turned back into the characters they stand for."""
    return text.translate(_RESTORE)


def unescape(text: str) -> str:
    """GIFT text with its escapes resolved."""
    return restore(protect(text))


def format_prefix(raw: str, default: str) -> tuple[str, str]:
    """Split ``[html]text`` into its format and text; other text keeps ``default``."""
    text = raw.strip()
    if text.startswith("[") and (end := text.find("]")) > 0 and text[1:end] in FORMATS:
        return text[1:end], text[end + 1 :]
    return default, text


def plain(text: str, fmt: str) -> str:
    """Escapes restored and markup removed: plain text for the bank."""
    text = restore(text)
    if fmt == "html":
        text = html_to_text(text, keep_newlines=False)
    elif fmt == "moodle":
        text = html_to_text(text, keep_newlines=True)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    return clean(text)


def display(raw: str, fmt: str) -> str:
    """Text to show (a choice, feedback, an answer): in its own format or ``fmt``."""
    own, body = format_prefix(raw, fmt)
    return plain(body, own)


def verbatim(raw: str) -> str:
    """Text Moodle keeps as written (the right of a matching pair): escapes resolved."""
    return clean(restore(raw))
