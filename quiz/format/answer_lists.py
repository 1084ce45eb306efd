"""Answers that are lists: a match question's ``pairs`` of left and right (and the
``extra`` rights that match no left), and the numbers a number question accepts."""

from __future__ import annotations

from collections.abc import Callable

from quiz.format.advice import pair_message
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.rules import EXTRA_RANGE, NUMBER_RANGE, PAIR_KEYS, PAIR_RANGE
from quiz.format.shapes import Checker, closest
from quiz.model import format_number


def check_pairs(
    c: Checker, node: Node, extra_node: Node | None
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]] | None:
    """The pairs and extras of a match question, or ``None`` after reporting why not.

    Lefts are distinct (ignoring case); a right may serve several lefts; an extra is
    distinct from every right.
    """
    if not isinstance(node, Sequence):
        c.error(node, f"'pairs' must be a list of {{left, right}}, not {kind_name(node)}")
        return None
    before = c.error_count
    pairs: list[tuple[str, str]] = []
    lefts: dict[str, Node] = {}
    for item in node.items:
        if not isinstance(item, Mapping) or _left_as_key(item):
            c.error(item, pair_message(item))
            continue
        values = c.fields(item, PAIR_KEYS, " in a pair")
        left = c.text(values.get("left"), "left", required=True)
        right = c.text(values.get("right"), "right", required=True)
        for key in PAIR_KEYS:
            # A misspelled key is reported as itself (the cause), not also as missing.
            if key not in values and key not in c.suggested:
                c.error(item, f"a pair is missing '{key}'")
        if left is None or right is None:
            continue
        folded = left.casefold()
        if folded in lefts:
            c.error(item, f"left '{left}' is paired twice (first at line {lefts[folded].line})")
            continue
        lefts[folded] = item
        pairs.append((left, right))
    low, high = PAIR_RANGE
    if c.error_count == before and not low <= len(pairs) <= high:
        c.error(node, f"'pairs' takes {low} to {high} pairs, found {len(pairs)}")
    extra: list[str] = []
    if extra_node is not None:
        entries = c.text_list(extra_node, "extra") or []
        rights = {right.casefold() for _, right in pairs}
        for value, item in entries:
            if value.casefold() in rights:
                c.error(item, f"extra '{value}' is already the right of a pair")
            else:
                extra.append(value)
        if len(entries) > EXTRA_RANGE[1]:
            c.error(extra_node, f"'extra' takes at most {EXTRA_RANGE[1]} entries")
    if c.error_count > before:
        return None
    return tuple(pairs), tuple(extra)


def _left_as_key(item: Mapping) -> bool:
    """Whether a pair is written ``Io: Jupiter``: one key, not 'left' or 'right' or a
    slip of them, with text as its value."""
    if len(item.pairs) != 1:
        return False
    key, value = item.pairs[0]
    if not isinstance(key, Scalar) or not isinstance(value, Scalar) or value.is_null:
        return False
    return closest(key.value, PAIR_KEYS) is None


def check_numbers(
    c: Checker, node: Sequence, numeric: Callable[[Node, str], float | None]
) -> tuple[float, ...] | None:
    """The accepted numbers of a number question whose answer is a list, or ``None``
    after reporting why not (each entry read by ``numeric``)."""
    low, high = NUMBER_RANGE
    if not low <= len(node.items) <= high:
        c.error(node, f"'answer' of a number question takes {low} to {high} numbers")
    numbers: tuple[float, ...] = ()
    for item in node.items:
        if (number := numeric(item, "answer")) in numbers:
            c.error(item, f"number {format_number(number)} is listed twice")
        numbers += () if number is None else (number,)
    return numbers if numbers and len(numbers) == len(node.items) else None
