"""The table of banks (``quiz list``, the start screen), drawn line by line.

rich's Table measures every cell and renders each as a renderable of its own, which
costs a third of a millisecond a bank: three seconds for a folder of 10,000. Here the
columns' widths are worked out once, from each cell's width, and a bank that fits
its columns (almost every bank) is one line of padded strings; only a cell that must
wrap goes through rich's wrapping. Borders and styles are those of rich's Table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rich.box import HEAVY_HEAD
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from quiz.format.text import escape_controls
from quiz.model import BankSummary
from quiz.ui.listing import plural

NARROW = 70  # below this many columns a listing stacks each bank instead of a table
TITLE = "Question banks"
HEADERS = ("Name", "Title", "Qs", "Types", "Tags")
STYLES = ("bold", "", "", "", "quiz.muted")  # of each column's cells
SHRINKABLE = (True, True, False, True, True)  # the count keeps its width
RIGHT = 2  # the count is aligned right
FEWEST = 4  # columns a shrunk column keeps
LONG_WORD = 16  # a shrunk column keeps its longest word whole, up to this many columns

Row = tuple[str, str, str, str, str]


def bank_table(banks: Iterable[BankSummary], width: int | None = 80) -> RenderableType:
    """The banks of ``quiz list`` and the start screen: name, title, questions, types, tags.

    A table where there is room; below ``NARROW`` columns, one short block per bank,
    so nothing has to break in the middle of a word. With no ``width`` (output that
    is not wrapped), each bank stays on one line.
    """
    if width is not None and width < NARROW:
        return BankBlocks(banks)
    return BankTable(banks, width)


def plain_banks(banks: Iterable[BankSummary]) -> RenderableType:
    """The start screen's banks as lines of words, one bank a line."""
    return PlainBanks(banks)


def bank_row(bank: BankSummary) -> Row:
    """A bank's cells, as text (its file name escaped)."""
    return (
        escape_controls(bank.name),
        bank.title,
        str(bank.questions),
        ", ".join(bank.types),
        ", ".join(bank.tags),
    )


def text_width(text: str) -> int:
    """The columns the widest line of ``text`` takes."""
    return max(map(cell_len, text.split("\n"))) if "\n" in text else cell_len(text)


def longest_word(text: str) -> int:
    """The columns the longest word of ``text`` takes."""
    return max(map(cell_len, text.split()), default=0)


def word_floor(cells: Iterable[str]) -> int:
    """The columns a column's longest word takes, from ``FEWEST`` up to ``LONG_WORD``
    (the most a column is kept for its words): a cell too short to hold a longer word
    is not looked into."""
    floor = FEWEST
    for text in cells:
        if 2 * len(text) > floor:  # no character takes more than two columns
            floor = max(floor, min(longest_word(text), LONG_WORD))
            if floor == LONG_WORD:
                break
    return floor


def fit_widths(natural: Sequence[int], words: Sequence[int], space: int | None) -> list[int]:
    """Widths of the columns' text that add up to at most ``space`` (no limit: None).

    The widest shrinkable columns are cut down to a common level, the highest that
    fits, but not below their floors, ``words`` (see :func:`word_floor`), or lower
    ones if even those do not fit, down to ``FEWEST``.
    """
    if space is None or sum(natural) <= space:
        return list(natural)
    for most in (LONG_WORD, LONG_WORD * 3 // 4, LONG_WORD // 2, FEWEST):
        floor = [min(word, most) for word in words]
        if sum(_capped(natural, floor, 0)) <= space:
            break
    low, high = 0, max(natural)
    while low < high:  # the highest level that fits
        middle = (low + high + 1) // 2
        fits = sum(_capped(natural, floor, middle)) <= space
        low, high = (middle, high) if fits else (low, middle - 1)
    widths = _capped(natural, floor, low)
    spare = space - sum(widths)
    for index, width in enumerate(widths):  # what rounding left goes to the cut columns
        if spare > 0 and SHRINKABLE[index] and width < natural[index]:
            widths[index] += 1
            spare -= 1
    return widths


def _capped(natural: Sequence[int], floor: Sequence[int], level: int) -> list[int]:
    """The widths with each shrinkable column cut to ``level``, but not below its floor."""
    return [
        min(width, max(level, least)) if shrink else width
        for width, least, shrink in zip(natural, floor, SHRINKABLE, strict=True)
    ]


def cell_lines(console: Console, text: str, width: int) -> list[str]:
    """The lines of one cell ``width`` columns wide: the text itself when it fits (most
    cells), else wrapped at spaces, a word too long for the column folded."""
    if text.isprintable() and cell_len(text) <= width:
        return [text]
    wrapped = Text(text).wrap(console, max(width, 1), overflow="fold")
    return [line.plain.rstrip() for line in wrapped] or [""]


class BankTable:
    """The banks as a table of ``HEADERS``, at most ``width`` columns wide (with
    ``None``, as wide as its widest cells, so that each bank stays on one line)."""

    def __init__(self, banks: Iterable[BankSummary], width: int | None) -> None:
        self.rows = [bank_row(bank) for bank in banks]
        self.width = width
        self.natural = [
            max([cell_len(header), *(text_width(row[i]) for row in self.rows)])
            for i, header in enumerate(HEADERS)
        ]
        self._words: list[int] | None = None

    def widths(self, max_width: int) -> list[int]:
        """The widths of the columns' text in a table of at most ``max_width`` columns."""
        if self.width is None:
            return list(self.natural)
        space = min(self.width, max_width) - 3 * len(HEADERS) - 1  # borders and padding
        if sum(self.natural) > space and self._words is None:
            # Only a table that must shrink needs its words measured.
            self._words = [word_floor(row[i] for row in self.rows) for i in range(len(HEADERS))]
        return fit_widths(self.natural, self._words or self.natural, space)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        total = sum(self.widths(options.max_width)) + 3 * len(HEADERS) + 1
        return Measurement(total, total)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(options.max_width)
        box = HEAVY_HEAD.substitute(options, safe=True)
        outer = [width + 2 for width in widths]
        total = sum(outer) + len(outer) + 1
        # Centred over the table, as rich does; output that is not wrapped is not padded.
        left = 0 if self.width is None else max(total - cell_len(TITLE), 0) // 2
        right = 0 if self.width is None else max(total - cell_len(TITLE) - left, 0)
        yield Segment(" " * left)
        yield Segment(TITLE, console.get_style("quiz.title"))
        yield Segment(" " * right + "\n")
        yield Segment(box.get_top(outer))
        yield Segment.line()
        header = console.get_style("table.header")
        edges = (box.head_left, box.head_vertical, box.head_right)
        yield from _line(edges, HEADERS, widths, [header] * len(HEADERS))
        yield Segment(box.get_row(outer, "head"))
        yield Segment.line()
        styles = [console.get_style(name) if name else None for name in STYLES]
        edges = (box.mid_left, box.mid_vertical, box.mid_right)
        for row in self.rows:
            cells = [
                cell_lines(console, text, width) for text, width in zip(row, widths, strict=True)
            ]
            for depth in range(max(map(len, cells))):
                parts = [lines[depth] if depth < len(lines) else "" for lines in cells]
                yield from _line(edges, parts, widths, styles)
        yield Segment(box.get_bottom(outer))
        yield Segment.line()


def _line(
    edges: tuple[str, str, str],
    parts: Sequence[str],
    widths: Sequence[int],
    styles: Sequence[Style | None],
) -> Iterator[Segment]:
    """One line of the table: each part padded to its column, between borders; the
    unstyled stretches as one segment each (rich's cost is per segment)."""
    left, between, right = edges
    plain = left + " "
    for index, (part, width, style) in enumerate(zip(parts, widths, styles, strict=True)):
        fill = " " * max(width - cell_len(part), 0)
        text = fill + part if index == RIGHT else part + fill
        if style is None:
            plain += text
        else:
            yield Segment(plain)
            yield Segment(text, style)
            plain = ""
        plain += " " + (between if index < len(parts) - 1 else right)
        if index < len(parts) - 1:
            plain += " "
    yield Segment(plain + "\n")


class BankBlocks:
    """The banks for a narrow terminal: each bank's name, then its details indented,
    so nothing has to break in the middle of a word."""

    def __init__(self, banks: Iterable[BankSummary]) -> None:
        self.banks = list(banks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        name = console.get_style("bold")
        muted = console.get_style("quiz.muted")
        yield from _block_lines(console, TITLE, width, console.get_style("quiz.title"))
        for bank in self.banks:
            yield from _block_lines(console, escape_controls(bank.name), width, name)
            yield from _block_lines(console, bank.title, width - 2, None, "  ")
            detail = f"{plural(bank.questions, 'question')}: {', '.join(bank.types)}"
            yield from _block_lines(console, detail, width - 2, muted, "  ")
            if bank.tags:
                tags = f"tags: {', '.join(bank.tags)}"
                yield from _block_lines(console, tags, width - 2, muted, "  ")


def _block_lines(
    console: Console, text: str, width: int, style: Style | None, indent: str = ""
) -> Iterator[Segment]:
    for line in cell_lines(console, text, width):
        yield Segment(indent)
        yield Segment(line, style)
        yield Segment.line()


class PlainBanks:
    """The start screen's banks in plain mode: a line of words for each bank."""

    def __init__(self, banks: Iterable[BankSummary]) -> None:
        self.banks = list(banks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        name_style = console.get_style("bold")
        muted = console.get_style("quiz.muted")
        for bank in self.banks:
            name = f"{escape_controls(bank.name)}: "
            words = f"{bank.title}. {plural(bank.questions, 'question')}: {', '.join(bank.types)}."
            tags = f" Tags: {', '.join(bank.tags)}." if bank.tags else ""
            line = name + words + tags
            if line.isprintable() and (options.no_wrap or cell_len(line) <= options.max_width):
                yield Segment(name, name_style)
                yield Segment(words)
                yield Segment(tags, muted)
                yield Segment.line()
            else:  # a line to wrap: rich's wrapping, for this bank alone
                yield Text.assemble((name, "bold"), words, (tags, "quiz.muted"))
