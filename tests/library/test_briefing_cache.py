"""The cache of checked files keeps a bank's briefing (issue 16)."""

from __future__ import annotations

from pathlib import Path

from quiz.library.cache import Cache, content_digest
from quiz.library.loading import check_file
from tests.format.test_briefing_key import bank_text


def test_the_cache_keeps_the_briefing(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(bank_text("briefing: Read me first.\n"), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    first = check_file(path, cache)
    # The entry the first check wrote, read back on its own: a hit, briefing and all.
    kept = cache.load(content_digest(path.read_bytes()), str(path), "b")
    assert first.bank is not None and kept is not None and kept.bank is not None
    assert kept.bank == first.bank and kept.bank.briefing == "Read me first."
