"""Word wrapping for prompts: lines broken between words, under a hanging indent."""

from __future__ import annotations

from rich.cells import cell_len


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words.

    ``first`` starts the first line and ``rest`` (spaces as wide as ``first`` by
    default) the others: a hanging indent. A word longer than a line is cut.
    """
    rest = " " * cell_len(first) if rest is None else rest
    lines: list[str] = []
    line, empty = first, True
    for word in text.split():
        while word:
            need = cell_len(word) + (0 if empty else 1)
            if cell_len(line) + need <= width:
                line += word if empty else " " + word
                empty = False
                break
            if not empty:
                lines.append(line)
                line, empty = rest, True
                continue
            cut = _fit(word, width - cell_len(line))
            lines.append(line + cut)
            word = word[len(cut) :]
            line = rest
    lines.append(line)
    return lines


def _fit(word: str, cells: int) -> str:
    taken = ""
    for char in word:
        if cell_len(taken + char) > cells:
            break
        taken += char
    return taken or word[:1]
