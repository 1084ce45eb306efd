"""The pure text helpers: answer folding, edit distance and control-character search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.format.text import (
    edit_distance,
    find_control_character,
    normalize_answer,
)

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
        ("gagarin", "gagrain", 1),  # neighbours swapped: the commonest typo
        ("belarus", "belarsu", 1),
        ("kazakhstan", "kazahkstan", 1),
        ("gagarin", "gargain", 2),  # not neighbours: two changes
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
    assert edit_distance("dyson", "dysno") == 1  # a swap
    assert edit_distance("dyson", "dsyno") == 2


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


def _alignment_distance(first: str, second: str) -> int:
    """The textbook optimal string alignment distance, without any shortcut."""
    table = [
        [i + j if not i * j else 0 for j in range(len(second) + 1)] for i in range(len(first) + 1)
    ]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@given(st.text("abc", max_size=8), st.text("abc", max_size=8), st.integers(1, 4))
def test_edit_distance_matches_the_textbook_definition(first: str, second: str, limit: int) -> None:
    assert edit_distance(first, second, limit) == min(_alignment_distance(first, second), limit + 1)
