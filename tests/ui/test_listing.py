"""The table of banks (``quiz list``, the start screen) and the plain listing."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from quiz.model import BankSummary
from quiz.ui import bank_table
from quiz.ui.bank_table import bank_table as listing_table
from quiz.ui.bank_table import plain_banks
from quiz.ui.theme import THEME

EVERY = BankSummary(
    "every-type",
    "Every type",
    6,
    ("boolean", "multi", "number", "order", "single", "text"),
    ("dates", "sample", "space"),
)
EVIL = BankSummary("evil\x1b[31mname\x07", "Title [bold]x[/]", 12, ("text",), ("a", "b"))
LONG = BankSummary(
    "a-very-long-bank-name-that-needs-folding-somewhere-in-the-middle",
    "A title long enough to wrap in eighty columns, surely it is",
    1234,
    ("boolean", "multi", "number", "order", "single", "text"),
    tuple(f"topic-number-{n}" for n in range(12)),
)
WIDE = BankSummary("日本語", "宇宙の問題です", 3, ("single",), ("宇宙",))
BANKS = [EVERY, EVIL, LONG, WIDE]


def render(renderable: object, width: int, color: str | None = None) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=color,
        theme=THEME,
        highlight=False,  # type: ignore[arg-type]
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def small(count: int, start: int = 0) -> list[BankSummary]:
    return [
        BankSummary(f"bank-{n:05d}", f"Bank number {n}", 2, ("boolean", "single"), ("maths",))
        for n in range(start, start + count)
    ]


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("│┃ ").split("│")]


def test_a_wide_table_has_a_row_per_bank_with_its_cells() -> None:
    out = render(listing_table([EVERY, EVIL, WIDE], 120), 120)
    lines = out.splitlines()
    assert lines[0].strip() == "Question banks"
    assert lines[1].startswith("┏") and lines[-1].startswith("└")
    assert [c.strip() for c in lines[2].strip("┃").split("┃")] == [
        "Name",
        "Title",
        "Qs",
        "Types",
        "Tags",
    ]
    row = next(line for line in lines if "every-type" in line)
    assert cells(row) == [
        "every-type",
        "Every type",
        "6",
        "boolean, multi, number, order, single, text",
        "dates, sample, space",
    ]
    assert len({cell_len(line) for line in lines[1:]}) == 1
    assert cell_len(lines[1]) < 120  # as wide as its cells, no wider
    # File names are escaped; titles are text, never markup.
    assert "evil\\x1b[31mname\\x07" in out and "\x1b" not in out and "\x07" not in out
    assert "Title [bold]x[/]" in out
    # The count is aligned right.
    assert "│  6 │" in row and "│ 12 │" in out


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("width", [70, 75, 80, 100, 120])
def test_a_table_fits_its_width_and_loses_nothing(width: int) -> None:
    out = render(listing_table(BANKS, width), width)
    lines = out.splitlines()[1:]
    assert len({cell_len(line) for line in lines}) == 1
    assert cell_len(lines[0]) <= width
    body = lines[lines.index(next(line for line in lines if line.startswith("┡"))) + 1 : -1]
    columns = list(zip(*(line.split("│")[1:-1] for line in body), strict=True))
    for index, column in enumerate(columns):
        # Each column, read down, holds every bank's cell in turn, whole.
        expected = "".join(squeezed(bank_table.bank_row(bank)[index]) for bank in BANKS)
        assert squeezed("".join(column)) == expected


def test_a_long_word_stays_whole_where_the_columns_allow_it() -> None:
    out = render(listing_table(BANKS, 80), 80)
    assert "topic-number-10," in out and "topic-number-11 " in out


def test_below_70_columns_each_bank_is_a_block_and_nothing_is_longer_than_the_width() -> None:
    out = render(listing_table(BANKS, 40), 40)
    lines = out.splitlines()
    assert lines[:4] == [
        "Question banks",
        "every-type",
        "  Every type",
        "  6 questions: boolean, multi, number,",
    ]
    assert all(cell_len(line) <= 40 for line in lines)
    assert "evil\\x1b[31mname\\x07" in out and "\x1b" not in out
    assert "  tags: topic-number-0, topic-number-1," in lines
    assert "┃" not in out and "│" not in out


def test_unwrapped_output_keeps_each_bank_on_one_line() -> None:
    out = render(listing_table(BANKS, None), 10_000)
    (row,) = [line for line in out.splitlines() if "a-very-long" in line]
    assert LONG.title in row and ", ".join(LONG.tags) in row
    assert out.splitlines()[0] == "Question banks"


def test_colour_styles_the_names_and_no_colour_has_no_escapes() -> None:
    coloured = render(listing_table(BANKS, 100), 100, color="truecolor")
    assert "\x1b[1mevery-type" in coloured
    for width in (40, 100):
        assert "\x1b" not in render(listing_table(BANKS, width), width)
    dumb = Console(file=io.StringIO(), width=100, theme=THEME, force_terminal=True)
    dumb.no_color = True
    dumb.print(listing_table(BANKS, 100))
    assert "\x1b[3" not in dumb.file.getvalue()  # type: ignore[attr-defined]


def test_plain_lines_are_as_readme_says_and_wrap_only_when_long() -> None:
    out = render(plain_banks([EVERY, EVIL]), 200)
    assert out.splitlines() == [
        "every-type: Every type. 6 questions: boolean, multi, number, order, single, text. "
        "Tags: dates, sample, space.",
        "evil\\x1b[31mname\\x07: Title [bold]x[/]. 12 questions: text. Tags: a, b.",
    ]
    narrow = render(plain_banks([EVERY]), 40).splitlines()
    assert all(cell_len(line) <= 40 for line in narrow) and len(narrow) > 1


@pytest.mark.parametrize("layout", [100, 40, None])
def test_the_work_per_bank_is_constant(layout: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawing 2N banks measures twice as many cells as N (nothing per bank looks at
    the others), and no bank that fits its columns goes through rich's wrapping."""
    measured = [0]
    wrapped = [0]
    real_cell_len, real_wrap = bank_table.cell_len, Text.wrap

    def counting_cell_len(text: str) -> int:
        measured[0] += 1
        return real_cell_len(text)

    def counting_wrap(self: Text, *args: object, **kwargs: object) -> object:
        wrapped[0] += 1
        return real_wrap(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bank_table, "cell_len", counting_cell_len)
    monkeypatch.setattr(Text, "wrap", counting_wrap)

    def cost(count: int) -> int:
        measured[0] = 0
        render(listing_table(small(count), layout), layout or 10_000)
        return measured[0]

    base, once, twice = cost(0), cost(200), cost(400)
    assert once > base and twice - once == once - base
    assert wrapped[0] == 0


def test_only_a_bank_too_long_for_its_columns_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    wrapped = [0]
    real_wrap = Text.wrap

    def counting_wrap(self: Text, *args: object, **kwargs: object) -> object:
        wrapped[0] += 1
        return real_wrap(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "wrap", counting_wrap)
    out = render(listing_table([*small(500), LONG], 100), 100)
    assert 0 < wrapped[0] <= 5  # the long bank's cells, none of the 500
    assert "bank-00499" in out


def test_fit_widths_cuts_the_widest_columns_to_a_level() -> None:
    natural = [10, 60, 4, 44, 190]
    words = [10, 8, 4, 8, 16]
    widths = bank_table.fit_widths(natural, words, 64)
    assert sum(widths) == 64 and widths[2] == 4 and widths[0] == 10
    assert widths[1] == widths[3] or abs(widths[1] - widths[3]) <= 1
    assert widths[4] >= 16
    assert bank_table.fit_widths(natural, words, None) == natural
    assert bank_table.fit_widths(natural, words, 1000) == natural
    # No room even for the floors: the fewest columns, and never a crash.
    assert bank_table.fit_widths(natural, words, 5) == [4, 4, 4, 4, 4]
