"""The located YAML reader: positions, scalars as written, and the safety limits."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from quiz.format import yaml_reader
from quiz.format.nodes import Mapping, Node, Scalar, Sequence, kind_name
from quiz.format.yaml_reader import MAX_DEPTH, YamlSyntaxError, read_document

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{new}: &{new} [{', '.join([f'*{old}'] * 9)}]\n"
    for old, new in zip("abcdefgh", "bcdefghi", strict=True)
)


def read(text: str) -> Node | None:
    return read_document(text, "t.yaml")


def read_mapping(text: str) -> Mapping:
    root = read(text)
    assert isinstance(root, Mapping)
    return root


def syntax_error(text: str) -> str:
    """The located diagnostic of text the reader refuses, as ``LINE:COL: message``."""
    with pytest.raises(YamlSyntaxError) as caught:
        read(text)
    d = caught.value.diagnostic
    assert d.path == "t.yaml"
    assert d.is_error
    return f"{d.line}:{d.column}: {d.message}"


def scalar_values(node: Node) -> list[str]:
    assert isinstance(node, Sequence)
    values = []
    for item in node.items:
        assert isinstance(item, Scalar)
        values.append(item.value)
    return values


@pytest.fixture
def pure_python_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read with PyYAML's pure-Python parser instead of libyaml."""
    monkeypatch.setattr(yaml_reader, "_FastLoader", yaml.SafeLoader)


# -- shape and positions ----------------------------------------------------------------


def test_positions_are_one_based_lines_and_columns() -> None:
    root = read_mapping("title: Quiz\nquestions:\n  - id: q1\n    choices: [a, bb]\n")
    assert (root.line, root.column) == (1, 1)
    (title_key, title), (questions_key, questions) = root.pairs
    assert isinstance(title_key, Scalar) and (title_key.line, title_key.column) == (1, 1)
    assert isinstance(title, Scalar) and (title.line, title.column) == (1, 8)
    assert (questions_key.line, questions_key.column) == (2, 1)
    assert isinstance(questions, Sequence) and (questions.line, questions.column) == (3, 3)
    question = questions.items[0]
    assert isinstance(question, Mapping) and (question.line, question.column) == (3, 5)
    choices = question.pairs[1][1]
    assert isinstance(choices, Sequence) and (choices.line, choices.column) == (4, 14)
    assert [(i.line, i.column) for i in choices.items] == [(4, 15), (4, 18)]


def test_empty_text_and_comments_hold_no_document() -> None:
    assert read("") is None
    assert read("# just a comment\n\n") is None


def test_scalars_keep_the_text_the_author_wrote() -> None:
    root = read_mapping(
        "a: [1961, 1.10, 2024-03-21, NO, yes, ~, null, 0x1F, 1_000, .inf, 'quoted', \"dq\"]\n"
    )
    assert scalar_values(root.pairs[0][1]) == [
        "1961",
        "1.10",
        "2024-03-21",
        "NO",
        "yes",
        "~",
        "null",
        "0x1F",
        "1_000",
        ".inf",
        "quoted",
        "dq",
    ]


def test_escapes_in_double_quotes_are_decoded() -> None:
    root = read_mapping('a: "tab\\there \\u00e9"\n')
    value = root.pairs[0][1]
    assert isinstance(value, Scalar) and value.value == "tab\there é"


def test_block_scalars_keep_their_lines() -> None:
    root = read_mapping("a: |\n  one\n  two\nb: >\n  folded\n  text\n")
    literal, folded = root.pairs[0][1], root.pairs[1][1]
    assert isinstance(literal, Scalar) and literal.value == "one\ntwo\n"
    assert isinstance(folded, Scalar) and folded.value == "folded text\n"


def test_quoted_scalars_are_not_plain() -> None:
    root = read_mapping("a: 'null'\nb: \"~\"\nc: !!str null\n")
    for _, value in root.pairs:
        assert isinstance(value, Scalar)
        assert not value.plain
        assert not value.is_null


def test_is_null_with_the_pure_python_parser(pure_python_reader: None) -> None:
    root = read_mapping("a: ~\nb: null\nc:\nd: NULL\ne: text\nf: 'null'\n")
    assert [v.is_null for _, v in root.pairs if isinstance(v, Scalar)] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]


def test_is_null_with_the_default_parser() -> None:
    root = read_mapping("a: ~\nb: null\nc:\n")
    assert [v.is_null for _, v in root.pairs if isinstance(v, Scalar)] == [True, True, True]


def test_both_parsers_build_the_same_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "title: T\nquestions:\n  - id: q1\n    choices: [a, 'b', ~]\n"

    def flatten(node: Node | None) -> list[tuple[object, ...]]:
        if isinstance(node, Scalar):
            return [("scalar", node.line, node.column, node.value, node.plain)]
        if isinstance(node, Sequence):
            return [("seq", node.line, node.column)] + [x for i in node.items for x in flatten(i)]
        if isinstance(node, Mapping):
            out: list[tuple[object, ...]] = [("map", node.line, node.column)]
            for key, value in node.pairs:
                out += flatten(key) + flatten(value)
            return out
        return [("none",)]

    fast = flatten(read(text))
    monkeypatch.setattr(yaml_reader, "_FastLoader", yaml.SafeLoader)
    assert flatten(read(text)) == fast


def test_duplicate_keys_are_kept_in_order() -> None:
    root = read_mapping("a: 1\nb: 2\na: 3\n")
    keys = [(k.value, k.line) for k, _ in root.pairs if isinstance(k, Scalar)]
    assert keys == [("a", 1), ("b", 2), ("a", 3)]


def test_complex_keys_are_nodes() -> None:
    root = read_mapping("? [x, y]\n: value\n")
    key, value = root.pairs[0]
    assert isinstance(key, Sequence) and isinstance(value, Scalar)


def test_kind_name() -> None:
    assert kind_name(Mapping(1, 1)) == "keys with values"
    assert kind_name(Sequence(1, 1)) == "a list"
    assert kind_name(Scalar(1, 1, value="x")) == "text"


def test_small_aliases_are_expanded() -> None:
    root = read_mapping("a: &x [1, 2]\nb: *x\nc: &s word\nd: *s\n")
    assert scalar_values(root.pairs[1][1]) == ["1", "2"]
    d = root.pairs[3][1]
    assert isinstance(d, Scalar) and d.value == "word"


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!python/object/apply:os.system ['true']\n", "1:4: unsupported tag '!!python"),
        ("a: 1\nb: !!python/name:os.system x\n", "2:4: unsupported tag '!!python/name"),
        ("a: !!binary aGVsbG8=\n", "1:4: unsupported tag '!!binary'"),
        ("a: !!set {x: ~}\n", "1:4: unsupported tag '!!set'"),
        ("a: !!timestamp 2024-03-21\n", "1:4: unsupported tag '!!timestamp'"),
        (
            "a:\n  - !custom x\n",
            "2:5: text cannot start with '!' unless it is in quotes: write - \"!custom x\"",
        ),
        ("a: !<tag:example.com,2000:x> x\n", "1:4: unsupported tag"),
    ],
)
def test_tags_other_than_the_core_ones_are_refused(text: str, expected: str) -> None:
    assert syntax_error(text).startswith(expected)


def test_core_tags_are_allowed() -> None:
    root = read_mapping("a: !!str 1\nb: !!int 2\nc: !!seq [x]\nd: !!map {x: y}\ne: ! text\n")
    assert len(root.pairs) == 5


def test_python_tags_never_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(YamlSyntaxError):
        read(text)
    text = (
        "a: !!python/object/apply:pathlib.Path.touch "
        f"[!!python/object/apply:pathlib.Path ['{marker}']]\n"
    )
    with pytest.raises(YamlSyntaxError):
        read(text)
    assert not marker.exists()


def test_a_second_document_is_refused() -> None:
    assert syntax_error("title: T\n---\ntitle: U\n").startswith(
        "2:1: '---' here starts a second document"
    )


def test_an_explicit_single_document_is_fine() -> None:
    assert isinstance(read("---\ntitle: T\n...\n"), Mapping)


def test_an_alias_to_an_unknown_anchor_is_refused() -> None:
    assert syntax_error("a: 1\nb: *missing\n") == (
        "2:4: text cannot start with '*' unless it is in quotes: write b: \"*missing\""
    )


def test_a_recursive_alias_is_refused() -> None:
    # The anchor is not finished when the alias appears inside it.
    assert "text cannot start with '*'" in syntax_error("a: &x [1, *x]\n")


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert f"nested more than {MAX_DEPTH} levels" in syntax_error(deep)
    ok = "a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n"
    assert isinstance(read(ok), Mapping)


def test_very_deep_nesting_is_refused_quickly_without_recursion() -> None:
    deep = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"
    started = time.perf_counter()
    assert "nested more than" in syntax_error(deep)
    assert time.perf_counter() - started < 5


def test_alias_bomb_is_refused_fast_and_small() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = syntax_error(BILLION_LAUGHS)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert "values repeated with '&name' and '*name' here would grow the file past" in message
    assert int(message.split(":")[0]) <= BILLION_LAUGHS.count("\n")
    assert elapsed < 0.5
    assert peak < 20_000_000


def test_many_distinct_values_are_not_mistaken_for_a_bomb() -> None:
    # 30,000 real values, no aliases: big, but not an expansion.
    text = "a: [" + ", ".join(str(i) for i in range(30_000)) + "]\n"
    root = read_mapping(text)
    assert len(scalar_values(root.pairs[0][1])) == 30_000


# -- syntax errors, in an author's words --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n\tb: 2\n", "2:1: a tab character here"),
        ("a:\n  - x\n\t- y\n", "3:1: a tab character here"),
        ("a: 1\nb: 'open\nc: 3\n", "2:4: the quote ' opened here is never closed"),
        ('a: 1\nb: "open\nc: 3\n', '2:4: the quote " opened here is never closed'),
        ("a: 1\n  b: 2\n", "2:3: 'b' is indented more than 'a' on line 1: start it at column 1"),
        ("a: [1, 2\n", "1:4: the '[' opened here is never closed"),
        ("a: {x: 1\n", "1:4: the '{' opened here is never closed"),
        ("a: &x 1\nb: &x 2\n", None),  # duplicate anchors are fine in YAML 1.2; no error
    ],
)
def test_syntax_errors_are_located(text: str, expected: str | None) -> None:
    if expected is None:
        assert isinstance(read(text), Mapping)
        return
    assert syntax_error(text).startswith(expected)


def test_syntax_error_message_is_the_same_with_the_pure_parser(
    pure_python_reader: None,
) -> None:
    assert syntax_error("a: 1\n\tb: 2\n").startswith("2:1: a tab character here")
    assert syntax_error("a: 'open\n").startswith("1:4: the quote ' opened here is never closed")


def test_syntax_error_string_names_file_line_and_column() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        read("a: 'open\n")
    assert str(caught.value).startswith("t.yaml:1:4: error: the quote ' opened")
