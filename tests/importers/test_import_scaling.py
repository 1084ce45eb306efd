"""``quiz import`` of a big file: work that grows as the file does, memory held once.

No timing here (bench/import_export.py --scaling measures time and memory); these
tests guard the mechanisms: the cycle collector stays off, each line of the source is
looked at a bounded number of times, reading sets aside no more than the file needs,
and a bank too big for the game is refused before it is checked.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from quiz import cli
from quiz.format import rules
from quiz.importers import convert, gift
from quiz.importers.common import Imported


def _gift(count: int) -> str:
    return "\n\n".join(f"::q{i}:: Question {i}? {{=right{i} ~wrong{i}}}" for i in range(count))


def test_the_cycle_collector_stays_off_while_a_file_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "q.gift"
    source.write_text(_gift(3), encoding="utf-8")
    seen: list[bool] = []
    real_parse = convert.parse

    def parse(text: str, fmt: str) -> Imported:
        seen.append(gc.isenabled())
        return real_parse(text, fmt)

    monkeypatch.setattr(convert, "parse", parse)
    assert cli.main(["import", str(source), "-o", str(tmp_path / "q.yaml")]) == 0
    assert seen == [False]


@pytest.mark.parametrize(
    "text",
    [
        "Q {=a\n\n" + "x\n\n" * 2000,  # an answer block never closed, then blank lines
        "Q {=a\n" + "::x\n" * 2000,  # '::' lines in a block not yet closed
        _gift(2000),
    ],
    ids=["unclosed-then-blocks", "unclosed-then-titles", "questions"],
)
def test_each_line_is_read_a_bounded_number_of_times(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    real_protect = gift.protect

    def protect(part: str) -> str:
        read.append(len(part))
        return real_protect(part)

    monkeypatch.setattr(gift, "protect", protect)
    gift.parse(text)
    # Joining a growing block again for every line read it all again: 2000 lines
    # made millions of characters.
    assert sum(read) <= 3 * len(text)


def test_reading_sets_aside_about_the_file_not_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text(_gift(100), encoding="utf-8")
    size = source.stat().st_size
    tracemalloc.start()
    try:
        text = convert.read_source(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(text) == size
    # A read of the whole limit at once set aside 100 MB for a 5 kB file.
    assert peak < 4 * size + 2 * convert._CHUNK


def test_a_bank_too_big_for_the_game_is_refused_before_it_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "q.gift"
    source.write_text(_gift(50), encoding="utf-8")
    monkeypatch.setattr(rules, "MAX_FILE_BYTES", 2000)
    output = tmp_path / "q.yaml"
    assert cli.main(["import", str(source), "-o", str(output)]) == 1
    said = capsys.readouterr().err
    assert "the converted bank would be " in said
    assert (
        "more than a question file may be (2,000 bytes), "
        f"so nothing was written to '{output}'; split the file" in said
    )
    assert not output.exists()
