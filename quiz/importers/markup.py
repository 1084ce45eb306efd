"""Markup made plain: the text of HTML and of Markdown, for imported questions."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _HtmlText(HTMLParser):
    """Collects the text of HTML: block elements and ``<br>`` become new lines."""

    BREAKS = frozenset(
        {"address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"}
        | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p"}
        | {"pre", "section", "table", "tr", "ul"}
    )
    HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")
        elif tag == "img" and not self.hidden:
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data if self.keep_newlines else re.sub(r"\s+", " ", data))


def html_to_text(html: str, keep_newlines: bool = False) -> str:
    """The text of an HTML fragment, one line per block, entities decoded."""
    parser = _HtmlText(keep_newlines)
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_MD_RULES = (
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*[*+-][ \t]+", re.MULTILINE), "- "),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
)


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup removed: emphasis, code, links, headings and quotes."""
    text = _MD_ESCAPE.sub(lambda m: chr(0xE100 + ord(m[1])), markdown)
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub("[\ue100-\ue17f]", lambda m: chr(ord(m[0]) - 0xE100), text)
