"""Markup made plain: the text of HTML and of Markdown, for imported questions.

Both are read in one pass with patterns that cannot run past the next ``<`` (or
``*``, ``_``, end of line), so the time grows with the text, whatever it holds.
HTML is tokenised here rather than by :mod:`html.parser`, which fails on some
broken markup (``<![x>``) and rescans unclosed tags.
"""

from __future__ import annotations

import html
import re

BREAKS = frozenset(
    {"address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p"}
    | {"pre", "section", "table", "tr", "ul"}
)
HIDDEN = frozenset({"script", "style", "head", "title"})
IMAGE = "[image]"
# A tag: its name and attributes, none of which may hold a '<' (so a search for the
# closing '>' stops at the next '<'). Declarations and processing instructions too.
_TAG = re.compile(
    r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)"
    r"(?P<attrs>(?:[^<>\"']|\"[^<>\"]*\"|'[^<>']*')*)>"
    r"|<[!?][^<>]*>"
)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_PLUGINFILE = re.compile(r"@@PLUGINFILE@@\S*")
_SPACES = re.compile(r"[ \t\xa0]+")
_WHITESPACE = re.compile(r"\s+")


def _without_comments(text: str) -> str:
    """``<!-- -->`` comments removed; an unclosed one runs to the end."""
    parts: list[str] = []
    index = 0
    while (start := text.find("<!--", index)) >= 0:
        parts.append(text[index:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        index = end + 3
    parts.append(text[index:])
    return "".join(parts)


def html_to_text(source: str, keep_newlines: bool = False) -> str:
    """The text of an HTML fragment, one line per block, entities decoded.

    Images become their ``alt`` text (or ``[image]`` without one), dropped when the
    text beside them already says it; links to Moodle's files (``@@PLUGINFILE@@``)
    are dropped. A ``<`` that starts no tag is text.
    """
    parts: list[str] = []
    alts: list[str] = []
    hidden = 0
    index = 0
    text = _without_comments(source)

    def data(chunk: str) -> None:
        if hidden or not chunk:
            return
        chunk = html.unescape(chunk)
        parts.append(chunk if keep_newlines else _WHITESPACE.sub(" ", chunk))

    for found in _TAG.finditer(text):
        data(text[index : found.start()])
        index = found.end()
        name = (found["name"] or "").lower()
        if not name:
            continue
        if name in HIDDEN:
            hidden = max(0, hidden + (-1 if found["end"] else 1))
        elif name in BREAKS:
            parts.append("\n")
        elif name == "img" and not hidden and not found["end"]:
            alt = _ALT.search(found["attrs"] or "")
            label = html.unescape(next((g for g in alt.groups() if g), "")) if alt else ""
            alts.append(label.strip() or IMAGE)
            parts.append(f"\ue0ff{len(alts) - 1}\ue0ff")
    data(text[index:])
    joined = _PLUGINFILE.sub("", "".join(parts))
    if alts:
        others = re.sub("\ue0ff\\d+\ue0ff", " ", joined).casefold()
        joined = re.sub(
            "\ue0ff(\\d+)\ue0ff",
            lambda m: "" if alts[int(m[1])].casefold() in others else f" {alts[int(m[1])]} ",
            joined,
        )
    lines = (_SPACES.sub(" ", line).strip() for line in joined.split("\n"))
    return "\n".join(line for line in lines if line)


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_MD_RULES = (
    (re.compile(r"`([^`\n]*)`"), r"\1"),
    (re.compile(r"!\[([^\]\[\n]*)\]\([^()\[\]\s]*\)"), r"\1"),
    (re.compile(r"\[([^\]\[\n]+)\]\([^()\[\]\s]*\)"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*[*+-][ \t]+", re.MULTILINE), "- "),
    # Emphasis never spans another marker or a line end: one pass, linear time.
    (re.compile(r"\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=[^\s_])([^_\n]+?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
)


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup removed: emphasis, code, links, headings and quotes."""
    text = _MD_ESCAPE.sub(lambda m: chr(0xE100 + ord(m[1])), markdown)
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub("[\ue100-\ue17f]", lambda m: chr(ord(m[0]) - 0xE100), text)
