"""The start screen: the banks found, then the player picks one (or all) and how many
questions. A list longer than the terminal is picked in steps of ranges of banks.

It works on the banks' summaries (what the cache's heads hold), so no question is
built before the player has chosen which banks to play."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from quiz.format.text import escape_controls
from quiz.model import BankSummary
from quiz.ui.bank_table import bank_table, plain_banks
from quiz.ui.listing import plural
from quiz.ui.wrapping import wrap

# Lines of the terminal a start-screen list leaves to its question, its instruction
# and the answers echoed above it, and the fewest lines it may take however small
# the terminal.
PICKER_MARGIN = 8
MIN_LINES = 6
# The cells before an entry's label in the list prompt (" » 1) ").
ENTRY_INDENT = 6


def picker_step(count: int, most: int) -> int:
    """How many banks each entry of a start-screen list stands for, so that a list of
    ``count`` banks has at most ``most`` entries and each step splits alike: 10,000
    banks with room for 30 entries are lists of 22 ranges of 484, then of 22."""
    levels = 1
    while most**levels < count:
        levels += 1
    fan = max(round(count ** (1 / levels)), 1)
    while fan**levels < count:
        fan += 1
    return int(fan ** (levels - 1))


def range_label(
    banks: list[BankSummary],
    width: int | None = None,
    before: str | None = None,
    after: str | None = None,
) -> str:
    """A start-screen entry: a bank's title, or the first and last names of a range.

    A range too long for one line of ``width`` cells is named as a dictionary's pages
    are, by guide words: the shortest starts (whole words, then …) of its first and
    last names that tell them from each other and from the names ``before`` and
    ``after`` the range.
    """
    if len(banks) == 1:
        return f"{banks[0].title} ({plural(banks[0].questions, 'question')})"
    first, last = escape_controls(banks[0].name), escape_controls(banks[-1].name)
    count = f" ({plural(len(banks), 'bank')})"
    if width is None or cell_len(f"{first} to {last}{count}") <= width:
        return f"{first} to {last}{count}"
    # Each guide word tells its bank from the other end of the range and from the
    # bank beyond its own end.
    near_first = [last, *([escape_controls(before)] if before is not None else [])]
    near_last = [first, *([escape_controls(after)] if after is not None else [])]
    shown_last = _guide(last, *near_last)
    if shown_last == last:
        # Names that differ only at their end (unit-01 to unit-27): the last one's start,
        # the same as the first one's, is not written twice.
        start = _word_start(last, _shared(first, last))
        shown_last = "…" + last[start:] if start else last
    return f"{_guide(first, *near_first)} to {shown_last}{count}"


def _guide(name: str, *others: str) -> str:
    """The shortest start of ``name`` that none of ``others`` shares, to a word's end."""
    end = max(_shared(name, other) for other in others) + 1
    while end < len(name) and name[end].isalnum():
        end += 1
    return name if end >= len(name) else name[:end] + "…"


def _word_start(name: str, index: int) -> int:
    """Where the word of ``name`` holding ``index`` starts."""
    while index > 0 and name[index - 1].isalnum():
        index -= 1
    return index


def _shared(name: str, other: str) -> int:
    """How many characters ``name`` and ``other`` share at their start."""
    end = 0
    while end < min(len(name), len(other)) and name[end] == other[end]:
        end += 1
    return end


class BankPicker:
    """Shows the banks and asks, through ``pick`` (a question and its entries in, the
    index of the entry chosen out), which to play and how many questions."""

    def __init__(
        self, console: Console, plain: bool, pick: Callable[[str, list[str]], int]
    ) -> None:
        self.console = console
        self.plain = plain
        self.pick = pick

    def show(self, summaries: list[BankSummary]) -> None:
        """The table of the banks (in plain mode, their numbered lines); in a terminal,
        one line instead when the table and the list to pick from would not fit the
        screen together (the list names the banks anyway)."""
        if self.plain:
            self.console.print(Text("Orbit Quiz. Pick a bank to play.", style="quiz.title"))
            self.console.print(plain_banks(summaries))
            return
        room = self.console.height - PICKER_MARGIN
        panel = Panel(
            Group(
                Text("Pick a bank to play.", style="quiz.muted"),
                bank_table(summaries, self.console.width - 4),
            ),
            title=Text("Orbit Quiz", style="quiz.title"),
            expand=False,
        )
        # Measured only when it may fit: a bank takes a line at the least.
        if len(summaries) <= room and len(self.console.render_lines(panel, pad=False)) <= room:
            self.console.print(panel)
            return
        total = sum(summary.questions for summary in summaries)
        line = (
            f"Orbit Quiz: {len(summaries):,} banks, {total:,} questions. "
            "Pick one below ('quiz list' shows them all)."
        )
        self.console.print(Text(line, style="quiz.title"))

    def banks(self, banks: list[BankSummary]) -> list[BankSummary] | None:
        """The bank picked (or all of them), or ``None`` for Quit.

        A list that would not fit the terminal is picked in steps: its entries stand
        for ranges of banks by name (``Back`` returns), so no list is longer than the
        screen, whatever the number of banks. Plain mode numbers every bank in one list.
        """
        total = sum(b.questions for b in banks)
        top = [f"All banks ({total:,} questions)", "Quit"] if len(banks) > 1 else ["Quit"]
        if any(high - low > 1 for low, high in self._entries(banks, 0, len(banks), top)[0]):
            banks = sorted(banks, key=lambda bank: bank.name.casefold())  # as the labels say
        start, end = 0, len(banks)
        ranges: list[tuple[int, int]] = []  # the ranges picked on the way, for Back
        while True:
            last = ["Back", "Quit"] if ranges else top
            entries, labels = self._entries(banks, start, end, last)
            index = self.pick("Which bank?", labels)
            if index == len(labels) - 1:
                return None
            if index == len(entries):
                if not ranges:
                    return banks
                start, end = ranges.pop()
                continue
            low, high = entries[index]
            if high - low == 1:
                return [banks[low]]
            ranges.append((start, end))
            start, end = low, high

    def _entries(
        self, banks: list[BankSummary], start: int, end: int, last: list[str]
    ) -> tuple[list[tuple[int, int]], list[str]]:
        """The ranges of ``banks[start:end]`` one list offers, and the list's labels
        (``last`` at its end): each bank alone in plain mode, else as many as the
        terminal's lines hold, each entry counted in the lines it wraps to."""
        if self.plain:
            entries = [(index, index + 1) for index in range(start, end)]
            return entries, [range_label(banks[low:high]) for low, high in entries] + last
        room = max(self.console.height - PICKER_MARGIN, MIN_LINES)
        width = self._width() - ENTRY_INDENT
        most = room
        while True:
            step = picker_step(end - start, most)
            entries = [(low, min(low + step, end)) for low in range(start, end, step)]
            labels = [
                range_label(
                    banks[low:high],
                    width,
                    banks[low - 1].name if low > 0 else None,
                    banks[high].name if high < len(banks) else None,
                )
                for low, high in entries
            ] + last
            if self._lines(labels) <= room or most <= 2:
                return entries, labels
            most -= 1

    def _lines(self, labels: list[str]) -> int:
        """The lines a list of these entries takes on screen, wrapped between words as
        the list prompt wraps them (its first nine entries have the keys 1 to 9)."""
        width = self._width()
        return sum(
            len(wrap(label, width, f" » {index + 1}) " if index < 9 else " » "))
            for index, label in enumerate(labels)
        )

    def _width(self) -> int:
        return max(self.console.width - 1, 20)  # as the list prompt's

    def count(self, chosen: list[BankSummary]) -> int | None:
        """How many questions to play of the banks chosen (``None`` for all)."""
        total = sum(b.questions for b in chosen)
        sizes = [size for size in (10, 20) if size < total]
        if not sizes:
            return None
        counts = [f"{size} questions" for size in sizes] + [f"All {total} questions"]
        picked = self.pick("How many questions?", counts)
        return sizes[picked] if picked < len(sizes) else None
