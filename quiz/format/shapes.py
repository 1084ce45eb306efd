"""Reading located values: text, lists of text, keys of a mapping, each checked and
reported where it stands, with advice on how to fix it.

A :class:`Checker` walks one file's node tree and collects its diagnostics; the bank
and question checkers (:mod:`quiz.format.checker`, :mod:`quiz.format.questions`)
read every value through it.
"""

from __future__ import annotations

import difflib

from quiz.errors import Diagnostic
from quiz.format.advice import covered_answer, duplicate_message
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.rules import MAX_ERRORS, MAX_WARNINGS
from quiz.format.text import (
    BIDI_CONTROLS,
    edit_distance,
    find_control_character,
    look_alike_key,
)


class TooManyErrors(Exception):
    """Raised when a file reaches ``MAX_ERRORS`` errors: checking stops there."""


def control_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate {code} is not a character; write the character itself"
    if char in BIDI_CONTROLS:
        return (
            f"a bidirectional control character {code} is not allowed in question files: "
            "it makes text show in another order than it is written; remove it (right-to-left "
            "text shows right without it)"
        )
    what = (
        "an escape character (it starts terminal control codes)"
        if char == "\x1b"
        else "a control character"
    )
    return f"{what} {code} is not allowed in question files; only newline and tab are"


_CURLY = str.maketrans("", "", "“”‘’„")


def closest(word: str, options: tuple[str, ...] | list[str]) -> str | None:
    """The option ``word`` was most likely meant to be, if any is close."""
    lowered = {o.casefold().translate(_CURLY): o for o in options}
    folded = word.casefold().translate(_CURLY)
    if folded in lowered:
        return lowered[folded]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    # difflib finds 'questions' close to 'version'; a slip is a few edits at most.
    if close and edit_distance(folded, close[0].casefold(), 3) <= 3:
        return close[0]
    return None


def suggest(word: str, options: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or nothing when none is close."""
    close = closest(word, options)
    if close is None:
        return ""
    if close.translate(_CURLY) != close:
        bare = close.translate(_CURLY)
        return (
            f" (the choice {close} has curly quotes, which are part of its text: "
            f"write it as {bare} in both places)"
        )
    return f" (did you mean '{close}'?)"


def listed(options: tuple[str, ...]) -> str:
    """``a, b and c``."""
    return ", ".join(options[:-1]) + f" and {options[-1]}" if len(options) > 1 else options[0]


class Checker:
    """Walks the node tree of one file, collecting diagnostics and building the bank."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.restart()

    def restart(self) -> None:
        """Forget every diagnostic: the file is checked again from its start."""
        self.diagnostics: list[Diagnostic] = []
        self.error_count = 0  # kept as errors are added: a question's check compares it
        self.warning_count = 0
        # The keys suggested for unknown keys in the last mapping read: a misspelled
        # 'explanation' is already reported, so it needs no "no explanation" warning,
        # nor a misspelled 'answer' a "missing 'answer'" error (the cause, not its effect).
        self.suggested: set[str] = set()

    def error(self, node: Node, message: str) -> None:
        """Report an error at ``node``; past ``MAX_ERRORS`` checking stops."""
        self.error_count += 1
        if self.error_count > MAX_ERRORS:
            message = (
                f"checking stopped here after {MAX_ERRORS:,} errors; fix those and check again"
            )
            self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message))
            raise TooManyErrors
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message))

    def warn(self, node: Node, message: str) -> None:
        """Report a warning at ``node``; past ``MAX_WARNINGS`` one note says so."""
        self.warning_count += 1
        if self.warning_count > MAX_WARNINGS + 1:
            return
        if self.warning_count > MAX_WARNINGS:
            message = f"more than {MAX_WARNINGS:,} warnings; the rest are not listed"
        self.diagnostics.append(Diagnostic(self.path, node.line, node.column, message, "warning"))

    def fields(
        self,
        node: Mapping,
        known: tuple[str, ...],
        where: str,
        restart: str | None = None,
        advice: dict[str, str] | None = None,
    ) -> dict[str, Node]:
        """The mapping's values by key, reporting duplicate, unknown and non-text keys
        (an unknown key in ``advice`` with the advice given there).

        A second ``restart`` key (a question's 'id') most likely begins a new entry
        whose ``- `` was forgotten: one error says so, and the keys after it are not
        reported again as duplicates.
        """
        values: dict[str, Node] = {}
        key_nodes: dict[str, Node] = {}
        self.suggested = set()
        restarted = False
        for key, value in node.pairs:
            if restarted:
                break
            if not isinstance(key, Scalar):
                self.error(key, f"a key must be a plain word, not {kind_name(key)}")
                continue
            name = key.value
            index = find_control_character(name) if key.escaped else -1
            if index >= 0:
                self.error(key, f"in a key: {control_message(name[index])}")
                continue
            if name in key_nodes:
                first = key_nodes[name].line
                if name == restart:
                    restarted = True
                    self.error(
                        key,
                        f"a second '{restart}' in the question that starts on line {first}: "
                        f"a new question starts with '- ', as in - {restart}: ...",
                    )
                    continue
                self.error(key, f"duplicate key '{name}' (first at line {first})")
                continue
            key_nodes[name] = key
            if name not in known and advice and name.casefold() in advice:
                self.error(key, f"unknown key '{name}'{where}: {advice[name.casefold()]}")
                continue
            if name not in known:
                close = closest(name, known)
                hint = (
                    f" (did you mean '{close}'?)"
                    if close
                    else f"; the keys allowed{where or ' in a question'} are {listed(known)}"
                )
                if close:
                    self.suggested.add(close)
                self.error(key, f"unknown key '{name}'{where}{hint}")
                continue
            values[name] = value
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
        self, node: Node | None, what: str, distinct: bool = True, case_warns: bool = False
    ) -> list[tuple[str, Node]] | None:
        """A list of texts, each with its node; duplicates (ignoring case) are errors,
        or with ``case_warns`` (accepted answers, compared ignoring case) an entry that
        differs from an earlier one only in case is a warning, and is dropped."""
        if node is None:
            return None
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            if isinstance(node, Scalar) and node.plain and node.value.startswith("-"):
                entry = node.value.split(" -")[0]
                self.error(
                    node,
                    f"'{what}' must be a list, and '{entry}' is read as text: "
                    f"put a space after the dash: - {entry[1:].lstrip()}",
                )
                return None
            self.error(node, f"'{what}' must be a list, not {kind_name(node)}; write [a, b]")
            return None
        result: list[tuple[str, Node]] = []
        first_at: dict[str, tuple[str, Node]] = {}
        entry = f"{what} entry"
        for item in node.items:
            if isinstance(item, Mapping) and len(item.pairs) == 1:
                key, inner = item.pairs[0]
                if isinstance(key, Scalar) and isinstance(inner, Scalar):
                    written = f"{key.value}: {inner.value}"
                    self.error(
                        item,
                        f"'{written}' in '{what}' is read as a key and its value because of "
                        f"': '; put it in quotes: \"{written}\"",
                    )
                    continue
            value = self.text(item, entry)
            if value is None:
                if isinstance(item, Scalar) and item.is_null:
                    self.error(item, f"an entry of '{what}' is empty")
                continue
            folded = look_alike_key(value)
            if distinct and folded in first_at:
                first_value, first = first_at[folded]
                where = (
                    f"column {first.column}" if first.line == item.line else f"line {first.line}"
                )
                if (
                    case_warns
                    and value != first_value
                    and value.casefold() == first_value.casefold()
                ):
                    self.warn(item, covered_answer(value, first_value, where))
                    continue
                raws = (_raw(item, value), _raw(first, first_value))
                self.error(item, duplicate_message((value, first_value), raws, what, where))
                continue
            first_at.setdefault(folded, (value, item))
            result.append((value, item))
        return result

    def counted(
        self, entries: list[tuple[str, Node]], node: Node, what: str, limits: tuple[int, int]
    ) -> bool:
        """Whether the list has as many entries as ``limits`` allow. Entries already
        reported (empty, repeated, not text) count as written: the error about them is
        the cause, and "too few" would only be its effect."""
        low, high = limits
        written = len(node.items) if isinstance(node, Sequence) else len(entries)
        if written < low:
            self.error(node, f"'{what}' needs at least {low} entries, found {written}")
            return False
        if written > high:
            self.error(node, f"'{what}' takes at most {high} entries, found {written}")
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


def _raw(node: Node, value: str) -> str:
    """The text as written, spaces at its ends included."""
    return node.value if isinstance(node, Scalar) else value
