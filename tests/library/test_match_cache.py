"""The cache keeps the fields of issue 15 (pairs, extra rights, number lists, passages)."""

from __future__ import annotations

from pathlib import Path

from quiz.library import cache
from quiz.library.loading import check_file

BANK = """\
title: Cached
questions:
  - id: m
    type: match
    passage: Read first.
    prompt: Match.
    pairs:
      - {left: a, right: x}
      - {left: b, right: y}
    extra: [z]
    explanation: E
  - id: n
    type: number
    prompt: Roots?
    answer: [-7, 4]
    explanation: E
"""


def test_a_cache_hit_gives_back_the_new_fields(tmp_path: Path) -> None:
    path = tmp_path / "cached.yaml"
    path.write_text(BANK, encoding="utf-8")
    store = cache.Cache(tmp_path / "cache")
    cold = check_file(path, store)
    assert list((tmp_path / "cache").iterdir())
    warm = store.load(cache.content_digest(path.read_bytes()), str(path), "cached")
    assert warm is not None and warm.bank is not None and cold.bank is not None
    assert warm.bank.questions == cold.bank.questions
    match, number = warm.bank.questions
    assert (match.pairs, match.extra, match.passage) == (
        (("a", "x"), ("b", "y")),
        ("z",),
        "Read first.",
    )
    assert (number.number, number.numbers) == (-7, (4,))
