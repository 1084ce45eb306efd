"""The terminal prompt of a match question: one select per left item."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from questionary import Choice, Separator

from quiz.game.engine import Turn
from quiz.model import Given, rights_reusable

Select = Callable[..., Any]


def ask_match(turn: Turn, select: Select, offer_hint: bool, *, hint: str, undo: str) -> Given:
    """Ask for each left's right in turn; ``hint`` or ``undo`` picked come back as such.

    A right already picked is offered again only when the question lets one right serve
    several lefts, and the instruction says which rule holds.
    """
    lefts = [left for left, _ in turn.question.pairs]
    reuse = rights_reusable(turn.question)
    rule = "answers may be reused" if reuse else "each answer once"
    picks: list[str] = []
    while len(picks) < len(lefts):
        entries: list[Any] = [c for c in turn.choices if reuse or c not in picks]
        if picks:
            entries += [Separator(), Choice("Undo the last pick", value=undo, shortcut_key="u")]
        message = f"{len(picks) + 1}/{len(lefts)} {lefts[len(picks)]} →"
        picked = select(message, entries, offer_hint and not picks, instruction=f"({rule}; Enter)")
        if picked == hint:
            return hint
        if picked == undo:
            picks.pop()
            continue
        picks.append(picked)
    return tuple(picks)
