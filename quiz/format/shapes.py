"""Reading located values: text, lists of text, keys of a mapping, each checked and
reported where it stands, with advice on how to fix it.

A :class:`Checker` walks one file's node tree and collects its diagnostics; the bank
and question checkers (:mod:`quiz.format.checker`, :mod:`quiz.format.questions`)
read every value through it.
"""

from __future__ import annotations

import difflib

from quiz.errors import Diagnostic
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.text import find_control_character


def control_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate {code} is not a character; write the character itself"
    what = (
        "an escape character (terminal escape sequences)"
        if char == "\x1b"
        else "a control character"
    )
    return f"{what} {code} is not allowed in question files; only newline and tab are"


def closest(word: str, options: tuple[str, ...] | list[str]) -> str | None:
    """The option ``word`` was most likely meant to be, if any is close."""
    lowered = {o.casefold(): o for o in options}
    if word.casefold() in lowered:
        return lowered[word.casefold()]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or nothing when none is close."""
    close = closest(word, options)
    return f" (did you mean '{close}'?)" if close else ""


class Checker:
    """Walks the node tree of one file, collecting diagnostics and building the bank."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.error_count = 0  # kept as errors are added: a question's check compares it
        # The keys suggested for unknown keys in the last mapping read: a misspelled
        # 'explanation' is already reported, so it needs no "no explanation" warning.
        self.suggested: set[str] = set()

    def error(self, node: Node, message: str) -> None:
        """Report an error at ``node``."""
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message))
        self.error_count += 1

    def warn(self, node: Node, message: str) -> None:
        """Report a warning at ``node``."""
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message, "warning"))

    def fields(self, node: Mapping, known: tuple[str, ...], where: str) -> dict[str, Node]:
        """The mapping's values by key, reporting duplicate, unknown and non-text keys."""
        values: dict[str, Node] = {}
        key_nodes: dict[str, Node] = {}
        self.suggested = set()
        for key, value in node.pairs:
            if not isinstance(key, Scalar):
                self.error(key, f"a key must be a plain word, not {kind_name(key)}")
                continue
            index = find_control_character(key.value) if key.escaped else -1
            if index >= 0:
                self.error(key, f"in a key: {control_message(key.value[index])}")
                continue
            if key.value in key_nodes:
                first = key_nodes[key.value].line
                self.error(key, f"duplicate key '{key.value}' (first at line {first})")
                continue
            key_nodes[key.value] = key
            if key.value not in known:
                close = closest(key.value, known)
                hint = f" (did you mean '{close}'?)" if close else ""
                if close:
                    self.suggested.add(close)
                self.error(key, f"unknown key '{key.value}'{where}{hint}")
                continue
            values[key.value] = value
        return values

    def text(self, node: Node | None, what: str, required: bool = False) -> str | None:
        """A text field: ``None`` when absent or null (an error when required)."""
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"'{what}' must be text, not {kind_name(node)}")
            return None
        if node.is_null:
            if required:
                self.error(node, f"'{what}' is empty")
            return None
        value = node.value.strip()
        if not value:
            self.error(node, f"'{what}' is empty")
            return None
        # Control characters written into the file were refused before parsing;
        # only a double-quoted escape can still make one.
        index = find_control_character(value) if node.escaped else -1
        if index >= 0:
            self.error(node, f"in '{what}': {control_message(value[index])}")
            return None
        return value

    def text_list(
        self, node: Node | None, what: str, distinct: bool = True
    ) -> list[tuple[str, Node]] | None:
        """A list of texts, each with its node; duplicates (ignoring case) are errors."""
        if node is None:
            return None
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            self.error(node, f"'{what}' must be a list, not {kind_name(node)}; write [a, b]")
            return None
        result: list[tuple[str, Node]] = []
        first_at: dict[str, Node] = {}
        for item in node.items:
            value = self.text(item, f"{what} entry")
            if value is None:
                if isinstance(item, Scalar) and item.is_null:
                    self.error(item, f"an entry of '{what}' is empty")
                continue
            folded = value.casefold()
            if distinct and folded in first_at:
                first = first_at[folded]
                where = (
                    f"column {first.column}" if first.line == item.line else f"line {first.line}"
                )
                self.error(item, f"duplicate entry '{value}' in '{what}' (first at {where})")
                continue
            first_at.setdefault(folded, item)
            result.append((value, item))
        return result

    def counted(
        self, entries: list[tuple[str, Node]], node: Node, what: str, limits: tuple[int, int]
    ) -> bool:
        low, high = limits
        if len(entries) < low:
            self.error(node, f"'{what}' needs at least {low} entries, found {len(entries)}")
            return False
        if len(entries) > high:
            self.error(node, f"'{what}' takes at most {high} entries, found {len(entries)}")
            return False
        return True

    def enum_value(
        self, node: Node | None, what: str, options: tuple[str, ...], required: bool = False
    ) -> str | None:
        value = self.text(node, what, required=required)
        if value is None or node is None:
            return None
        if value not in options:
            advice = suggest(value, options) or f" (expected one of: {', '.join(options)})"
            self.error(node, f"unknown {what} '{value}'{advice}")
            return None
        return value

    # -- the bank ---------------------------------------------------------------------
