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

# Lines of the terminal a start-screen list leaves to its question and instruction,
# the fewest entries it offers however small the terminal, and the columns before an
# entry's text (" » 1) ").
PICKER_MARGIN = 8
MIN_ENTRIES = 9
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


def range_label(banks: list[BankSummary]) -> str:
    """A start-screen entry: a bank's title, or the first and last names of a range."""
    if len(banks) == 1:
        return f"{banks[0].title} ({plural(banks[0].questions, 'question')})"
    first, last = escape_controls(banks[0].name), escape_controls(banks[-1].name)
    return f"{first} to {last} ({plural(len(banks), 'bank')})"


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
        """The table of the banks (in plain mode, their numbered lines)."""
        if self.plain:
            self.console.print(Text("Orbit Quiz. Pick a bank to play.", style="quiz.title"))
            self.console.print(plain_banks(summaries))
        else:
            self.console.print(
                Panel(
                    Group(
                        Text("Pick a bank to play.", style="quiz.muted"),
                        bank_table(summaries, self.console.width - 4),
                    ),
                    title=Text("Orbit Quiz", style="quiz.title"),
                    expand=False,
                )
            )

    def banks(self, banks: list[BankSummary]) -> list[BankSummary] | None:
        """The bank picked (or all of them), or ``None`` for Quit.

        A list that would not fit the terminal is picked in steps: its entries stand
        for ranges of banks (``Back`` returns), so no list is longer than the screen,
        whatever the number of banks. Plain mode numbers every bank in one list.
        """
        start, end = 0, len(banks)
        ranges: list[tuple[int, int]] = []  # the ranges picked on the way, for Back
        while True:
            entries = self._entries(banks, start, end)
            labels = [range_label(banks[low:high]) for low, high in entries]
            if ranges:
                labels.append("Back")
            elif len(banks) > 1:
                total = sum(b.questions for b in banks)
                labels.append(f"All banks ({total:,} questions)")  # two banks: two or more
            labels.append("Quit")
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

    def _entries(self, banks: list[BankSummary], start: int, end: int) -> list[tuple[int, int]]:
        """The ranges of ``banks[start:end]`` one list offers: each bank alone in plain
        mode, else as many as the terminal's lines hold, wrapped entries counted."""
        if self.plain:
            return [(index, index + 1) for index in range(start, end)]
        room = max(self.console.height - PICKER_MARGIN, MIN_ENTRIES)
        width = max(self.console.width - 1 - ENTRY_INDENT, 10)
        most = room
        while True:
            step = picker_step(end - start, most)
            entries = [(low, min(low + step, end)) for low in range(start, end, step)]
            labels = (range_label(banks[low:high]) for low, high in entries)
            lines = sum(1 + max(cell_len(label) - 1, 0) // width for label in labels)
            if lines <= room or most <= MIN_ENTRIES:
                return entries
            most -= 1

    def count(self, chosen: list[BankSummary]) -> int | None:
        """How many questions to play of the banks chosen (``None`` for all)."""
        total = sum(b.questions for b in chosen)
        sizes = [size for size in (10, 20) if size < total]
        if not sizes:
            return None
        counts = [f"{size} questions" for size in sizes] + [f"All {total} questions"]
        picked = self.pick("How many questions?", counts)
        return sizes[picked] if picked < len(sizes) else None
