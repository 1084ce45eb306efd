"""The pure text helpers: answer folding, edit distance and control-character search."""

from __future__ import annotations

import pytest

from quiz.text import edit_distance, find_control_character, normalize_answer

# -- normalize_answer -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("Baikonur", "baikonur"),
        ("  Yuri   Gagarin  ", "yuri gagarin"),
        ("YURI\tGAGARIN\n", "yuri gagarin"),
        ("Novitskiy", "novitskiy"),
        ("Café", "cafe"),
        ("Ångström", "angstrom"),
        ("Straße", "strasse"),
        ("don't", "dont"),
        ("don’t", "dont"),
        ("Apollo-Soyuz", "apollo soyuz"),
        ("Apollo–Soyuz Test Project.", "apollo soyuz test project"),
        ("Soyuz MS-25!", "soyuz ms 25"),
        ("1,000", "1 000"),
        ("ｆｕｌｌ ｗｉｄｔｈ", "full width"),
        ("$100+", "100"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_normalize_answer(given: str, folded: str) -> None:
    assert normalize_answer(given) == folded


def test_normalize_answer_makes_equivalent_answers_equal() -> None:
    assert normalize_answer("Tracy Caldwell-Dyson") == normalize_answer("tracy caldwell dyson")
    assert normalize_answer("Tracy Caldwell Dyson") != normalize_answer("Tracy Caldwell")


def test_normalize_answer_is_idempotent() -> None:
    for value in ("Apollo–Soyuz", "Ça va?", "don't  STOP", "Ｔｅｓｔ"):
        once = normalize_answer(value)
        assert normalize_answer(once) == once


# -- edit_distance ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("", "", 0),
        ("gagarin", "gagarin", 0),
        ("gagarin", "gagarn", 1),  # deletion
        ("gagarin", "gagarrin", 1),  # insertion
        ("gagarin", "gagerin", 1),  # substitution
        ("gagarin", "gagrain", 2),  # a swap is two edits
        ("kitten", "sitting", 3),
        ("", "ab", 2),
        ("ab", "", 2),
    ],
)
def test_edit_distance(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second, limit=5) == distance
    assert edit_distance(second, first, limit=5) == distance


def test_edit_distance_stops_just_above_the_limit() -> None:
    # Far apart strings come back as limit + 1, never as their true distance.
    assert edit_distance("baikonur", "kourou") == 3
    assert edit_distance("a", "abcdefgh") == 3
    assert edit_distance("abcdef", "uvwxyz", limit=1) == 2
    assert edit_distance("abcdef", "uvwxyz", limit=10) == 6


def test_edit_distance_within_the_default_limit_is_exact() -> None:
    assert edit_distance("vasilevskaya", "vasilevskya") == 1
    assert edit_distance("novitsky", "novitskiy") == 1
    assert edit_distance("dyson", "dysno") == 2


# -- find_control_character -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "index"),
    [
        ("plain text", -1),
        ("", -1),
        ("line one\nline two", -1),
        ("col\tumn", -1),
        ("zero\u200bwidth", -1),  # a format character, not a control
        ("line\u2028separator", -1),
        ("Ünïcödé ✓", -1),
        ("red \x1b[31m", 4),
        ("\x1b", 0),
        ("bell\x07", 4),
        ("nul\x00", 3),
        ("cr\r\n", 2),
        ("del\x7f", 3),
        ("csi\x9b31m", 3),  # C1 control sequence introducer
        ("nel\x85", 3),
        ("ok\t\nthen\x1b and \x07", 8),  # the first forbidden one
    ],
)
def test_find_control_character(value: str, index: int) -> None:
    assert find_control_character(value) == index
