"""The two paths agree: the quick path (yaml-rs and a check of plain data) and the
located checker give the same content, or the quick path steps aside.

The quick path may only say "clean, and here is its content" or "don't know". Here
both paths run over every file of the test corpus, every error case of test_bank,
targeted cases where YAML 1.1 and 1.2 read text differently, and generated banks.
(Besides, conftest makes every check in every test go through both paths.)
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bank import ERROR_CASES, question

from quiz.bank import examine_text
from quiz.checker import check_document
from quiz.importers import convert, to_yaml
from quiz.model import ROW_FIELDS, Content
from quiz.quickread import _risky, quick_content
from quiz.starter import STARTER_BANK

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = sorted(
    [
        *(ROOT / "questions").glob("*.yaml"),
        *(DATA / "good").iterdir(),
        *(DATA / "broken").iterdir(),
    ]
)
IMPORTS = sorted(p for p in (DATA / "import").iterdir() if "broken" not in p.name)


def agree(text: str) -> Content | None:
    """Run both paths; assert they agree; return what the quick path vouched for."""
    quick = quick_content(text)
    located = check_document(text, "t.yaml")
    if quick is not None:
        assert located == (quick, ()), "the quick path accepted a file the checker reads otherwise"
    assert examine_text(text, "t.yaml") == located
    return quick


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_file_reads_the_same_on_both_paths(path: Path) -> None:
    agree(path.read_bytes().decode("utf-8", "replace"))


@pytest.mark.parametrize("path", IMPORTS, ids=lambda p: p.name)
def test_every_imported_bank_reads_the_same_on_both_paths(path: Path) -> None:
    imported = convert(path)
    agree(to_yaml(imported, "Imported", "From a test file."))


@pytest.mark.parametrize(("name", "text"), [(name, text) for name, text, _ in ERROR_CASES])
def test_the_quick_path_never_accepts_a_broken_file(name: str, text: str) -> None:
    assert agree(text) is None


def test_clean_files_really_take_the_quick_path() -> None:
    clean = [
        (ROOT / "questions" / "soyuz-2024.yaml").read_text(encoding="utf-8"),
        (DATA / "good" / "minimal.yaml").read_text(encoding="utf-8"),
        STARTER_BANK.format(filename="mine.yaml"),
    ]
    assert all(agree(text) is not None for text in clean)


def test_rows_follow_the_models_field_order() -> None:
    content = agree(question("type: number", "answer: 12", "tolerance: 0.5", "hint: H"))
    assert content is not None
    (row,) = content.rows
    named = dict(zip(ROW_FIELDS, row, strict=True))
    assert named["id"] == "q1" and named["type"] == "number" and named["hint"] == "H"
    assert (named["number"], named["tolerance"]) == (12.0, 0.5)


# Values a YAML 1.1 reader and a YAML 1.2 reader may take differently, each tried where
# a text is expected and where a number or a truth value is.
TRICKY = [
    "yes", "No", "on", "OFF", "y", "true", "True", "TRUE", "false", "~", "null", "Null",
    "NULL", "1.10", "1e3", "1E3", "1_000", "+1", "-0", "007", ".5", "5.", ".inf", "-.Inf",
    ".nan", "0x1F", "0o17", "0b101", "017", "1:20", "2024-03-21", "2024-03-21T10:00:00Z",
    "'yes'", '"1.10"', "'1_000'", '"true"', "' padded '", "''", '""', "a b", "é", "Mars",
    "12", "-3", "3.14", "6.022e23", "1e400", "=", "<<", "- x", "a #b", "a: b", "[a]",
]  # fmt: skip


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_values_read_the_same_on_both_paths(value: str) -> None:
    for lines in (
        ("type: text", f"answer: {value}"),
        ("type: text", f"answer: [{value}, Other]"),
        (f"choices: [{value}, Other]", "answer: Other"),
        (f"choices: [{value}, Other]", f"answer: {value}"),
        ("type: boolean", f"answer: {value}"),
        ("type: number", f"answer: {value}"),
        ("type: number", "answer: 5", f"tolerance: {value}"),
        ("type: order", f"items: [{value}, b, c]"),
        ("choices: [a, b]", "answer: a", f"hint: {value}"),
        ("choices: [a, b]", "answer: a", f"tags: [{value}]"),
        ("choices: [a, b]", "answer: a", f"difficulty: {value}"),
        ("choices: [a, b]", "answer: a", f"source: {value}"),
    ):
        agree(question(*lines))
    agree(f"title: {value}\nquestions:\n  - id: a\n    prompt: P\n    choices: [x, y]\n"
          "    answer: x\n    explanation: E\n")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # Block scalars with every chomping, folded lines, and comments.
        question("choices: [a, b]", "answer: a", "hint: |\n      one\n      two\n"),
        question("choices: [a, b]", "answer: a", "hint: >-\n      one\n      two\n\n"),
        question("choices: [a, b]", "answer: a", "hint: |+\n      kept\n\n"),
        question("choices: [a, b]", "answer: a", "hint: plain\n      folded onto\n      more"),
        question("choices: [a, b]  # a comment", "answer: a # another"),
        question("choices:\n      - a\n      - b", "answer: 'a'"),
        question("choices: [a, b]", 'answer: "a"', "hint: 'it''s'"),
        question("choices: [a, b]", "answer: a", 'hint: "two\n      lines"'),
        # Windows line ends, a trailing document end, flow mappings, odd spacing.
        question("choices: [a, b]", "answer: a").replace("\n", "\r\n"),
        "title: T\nquestions: [{id: a, prompt: P, choices: [x, y], answer: x, explanation: E}]\n",
        "title:   T   \nquestions:\n- id: a\n  prompt: P\n  choices: [ x , y ]\n  answer: x\n"
        "  explanation: E\n",
        "{title: T, questions: [{id: a, prompt: P, choices: [x, y], answer: x, explanation: E}]}",
        # Keys that are not plain words, and values of the wrong kind.
        question("choices: [a, b]", "answer: a", '"tags": [x]'),
        question("choices: [a, b]", "answer: a", "1: x"),
        question("choices: [a, b]", "answer: a", "true: x"),
        question("choices: [a, b]", "answer: a", "~: x"),
        question("choices: [a, b]", "answer: a", "hint: [x]"),
        question("choices: [a, b]", "answer: a", "hint: {x: y}"),
        question("choices: [a, b]", "answer: a", "hint:"),
        question("choices: [a, A]", "answer: a"),
        question("choices: [a, b]", "answer: a", "id: again"),
        question("choices: [a, b]", "answer: a") + "  - id: q1\n    prompt: P\n",
        HEAD_ONLY := "title: T\nquestions:\n",
        HEAD_ONLY + "  -\n",
        "title: T\n",
        "",
        "# only a comment\n",
        "just text\n",
        "- a\n- b\n",
    ],
)
def test_shapes_read_the_same_on_both_paths(text: str) -> None:
    agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: !x b\n",
        "a: !!str b\n",
        "a: &x b\nc: *x\n",
        "? a\n: b\n",
        "a: <<\n",
        "a: 0x10\n",
        "%YAML 1.1\n---\na: b\n",
        "a: b\n---\nc: d\n",
        "a: b\n...\n",
        'a: "\\u00e9"\n',
        "a: b\tc\n",
        "\ufeffa: b\n",
        "a: b\u2028c\n",
        "- - x\n",
        "a:\n" + " " * 80 + "b: c\n",
    ],
)
def test_anything_the_parsers_may_read_differently_is_left_to_the_checker(text: str) -> None:
    assert _risky(text)
    assert agree(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "- " * 100_000 + "x\n",
        "".join(" " * depth + "a:\n" for depth in range(20_000)),
        "[" * 100_000,
        "{a: " * 100_000,
    ],
    ids=["compact-lists", "indented-maps", "flow-lists", "flow-maps"],
)
def test_deep_nesting_is_refused_without_a_crash(text: str, tmp_path: Path) -> None:
    """yaml-rs builds values recursively; thousands of levels would crash the process."""
    bank = tmp_path / "deep.yaml"
    bank.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "validate", str(bank)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert f"{bank}:" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "value", ["|", ">", " |", ":y", "?", "?x", "bb:?", "a:]", "Why?", "http://x.y", "a:b", "-y"]
)
def test_odd_flow_entries_read_the_same_on_both_paths(value: str) -> None:
    """yaml-rs reads some of these as text where libyaml finds a syntax error."""
    agree(question(f"choices: [x, {value}]", "answer: x"))
    agree(question("choices: [x, y]", "answer: x", f"tags: [{value}]"))
    agree("title: T\nquestions:\n  - {id: a, prompt: P, choices: [x, y], answer: x, "
          f"explanation: {value}}}\n")  # fmt: skip


FLOW_BANK = (
    "{title: T, questions: [{id: a, prompt: P, choices: [x, y], answer: x, explanation: E}]}"
)


@pytest.mark.parametrize(
    "text",
    [
        # A key whose colon is on the next line: libyaml's keys fit on one line.
        FLOW_BANK.replace("title:", "title\n:"),
        "title: T\nquestions:\n  - {id: a, prompt\n      : P, choices: [x, y], answer: x,"
        " explanation: E}\n",
        FLOW_BANK.replace("title:", "title\r\n:") + "\r\n",
        # A value right after '"key":', where YAML 1.2 needs no space: tags, anchors
        # and numbers in base 16, 8 or 2 there.
        FLOW_BANK.replace("title: T", '"title":!x T'),
        FLOW_BANK.replace("title: T", '"title":!!binary VGVzdA=='),
        FLOW_BANK.replace("title: T", '"title":&a.b T'),
        FLOW_BANK.replace("choices: [x, y], answer: x", 'type: number, "answer":0x10'),
        FLOW_BANK.replace("choices: [x, y], answer: x", 'type: number, "answer" :-0b1'),
        # Question tags that are not a list, after a question whose list looks alike.
        question("choices: [x, y]", "answer: x", "tags: [a]")
        + "  - id: b\n    prompt: P\n    choices: [x, y]\n    answer: x\n"
        "    explanation: E\n    tags: a\n",
        question("choices: [x, y]", "answer: x", "tags: [a]")
        + "  - id: b\n    prompt: P\n    choices: [x, y]\n    answer: x\n"
        "    explanation: E\n    tags: {a: 1}\n",
        # A number too big for a float, which yaml-rs reads as an int.
        question("type: number", "answer: 2" + "0" * 308),
        question("type: number", "answer: 5", "tolerance: 9" * 1 + "0" * 320),
        # A complex key at the very start of a file with Windows line ends.
        "?\r\n: x\r\n",
    ],
)
def test_what_a_thorough_fuzzing_found_is_left_to_the_checker(text: str) -> None:
    """Each of these was accepted by the quick path (or raised) while the located
    checker found an error; all were found by an independent fuzzing campaign."""
    assert agree(text) is None


FUZZ_CHARACTERS = "ab XY01.,:-'\"#é|>%@`!&*?[]{}~=<\n\u00a0\u200b\u3000\r"
FUZZ_FORMS = [
    question("choices: [x, {w}]", "answer: x"),
    question("prompt: {w}", "choices: [x, y]", "answer: x").replace("prompt: P\n", "", 1),
    question("choices:\n      - x\n      - {w}", "answer: x"),
    question("choices: [\n      x,\n      {w}\n    ]", "answer: x"),
    question("type: text", "answer: {w}", "hint: |\n      {w}\n       {w}"),
    question("choices: ['{w}', \"{w}x\"]", "answer: '{w}'", "source: s # {w}"),
    "title: {w}\ndescription: {w} {w}\nquestions:\n- {id: a, prompt: P, choices: [x, {w}], "
    "answer: x, explanation: E}\n",
]


@pytest.mark.parametrize("seed", range(4))
def test_random_scalars_read_the_same_on_both_paths(seed: int) -> None:
    """Odd characters where scalars start, end and sit in flow collections: the
    cases that found every difference between the parsers the quick path knows of."""
    rng = random.Random(seed)
    accepted = 0
    for _ in range(600):
        word = "".join(rng.choice(FUZZ_CHARACTERS) for _ in range(rng.randint(1, 5)))
        accepted += agree(rng.choice(FUZZ_FORMS).replace("{w}", word)) is not None
    assert accepted > 100  # the quick path really was put to the test


# -- generated banks ----------------------------------------------------------------------

plain_words = st.sampled_from(
    ["Mars", "a", "b", "Gagarin", "1961", "3.5", "yes", "no", "true", "null", "~", "é", "x y"]
)
texts = st.one_of(
    plain_words,
    plain_words.map(lambda word: f"{word} {word}?"),
    st.text("abcXYZ019 .,:-'\"#é", min_size=1, max_size=8),
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=10),
)


def scalar(value: str, style: str) -> str:
    """``value`` written in a YAML style (plain may not even be valid: both paths must
    still agree on what it is)."""
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


@st.composite
def generated_banks(draw: st.DrawFn) -> str:
    """A bank written by hand, as an author might: each value in a style of its own."""
    style = st.sampled_from(["plain"] * 6 + ["single", "double"])

    def one(value: str | None = None) -> str:
        return scalar(value if value is not None else draw(texts), draw(style))

    def many(low: int, high: int) -> tuple[list[str], str]:
        values = draw(st.lists(texts, min_size=low, max_size=high))
        return values, "[" + ", ".join(one(v) for v in values) + "]"

    lines = [f"title: {one()}"]
    if draw(st.booleans()):
        lines.append(f"tags: {many(0, 3)[1]}")
    lines.append("questions:")
    for number in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["single", "multi", "boolean", "text", "number", "order"]))
        lines += [f"  - id: q{number}", f"    type: {kind}", f"    prompt: {one()}"]
        if kind in ("single", "multi"):
            choices, written = many(2, 5)
            lines.append(f"    choices: {written}")
            picked = draw(st.sampled_from(choices))
            lines.append(
                f"    answer: {one(picked) if kind == 'single' else '[' + one(picked) + ']'}"
            )
        elif kind == "order":
            lines.append(f"    items: {many(2, 4)[1]}")
        elif kind == "number":
            lines.append(f"    answer: {one(draw(st.sampled_from(['5', '1.10', '-2', '1e3'])))}")
            if draw(st.booleans()):
                lines.append(f"    tolerance: {one()}")
        else:
            lines.append(f"    answer: {one()}")
        if draw(st.integers(0, 9)):
            lines.append(f"    explanation: {one()}")
        for key in ("hint", "difficulty", "source"):
            if draw(st.integers(0, 3)) == 0:
                lines.append(f"    {key}: {one()}")
        if draw(st.booleans()):
            lines.append(f"    tags: {many(0, 3)[1]}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_banks())
def test_generated_banks_read_the_same_on_both_paths(text: str) -> None:
    agree(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["title", "description", "tags", "questions"]),
        st.recursive(
            st.one_of(texts, st.integers(), st.floats(), st.booleans(), st.none()),
            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
            max_leaves=20,
        ),
    ),
    st.sampled_from([False, True, None]),
)
def test_pyyaml_output_reads_the_same_on_both_paths(document: object, flow: bool | None) -> None:
    agree(yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, sort_keys=False))


# Words with nothing the quick path steps aside for (" 0x1" or " ? " in prose, say).
safe_words = st.from_regex(
    r"[A-Za-z][A-Za-z0-9 .?'()é-]{0,12}[A-Za-z0-9?.)]", fullmatch=True
).filter(lambda word: not _risky(f"{word}\n"))


def distinct(low: int, high: int) -> st.SearchStrategy[list[str]]:
    return st.lists(safe_words, min_size=low, max_size=high, unique_by=str.casefold)


@st.composite
def clean_banks(draw: st.DrawFn) -> str:
    """A bank with no problem at all, in plain, quoted and block styles."""

    def one(value: str) -> str:
        return scalar(value, draw(st.sampled_from(["plain", "plain", "single", "double"])))

    def listed(values: list[str]) -> str:
        if draw(st.booleans()):
            return "[" + ", ".join(one(v) for v in values) + "]"
        return "".join(f"\n      - {one(v)}" for v in values)

    lines = [f"title: {one(draw(safe_words))}"]
    if draw(st.booleans()):
        lines.append(f"description: {one(draw(safe_words))}")
    if draw(st.booleans()):
        lines.append(f"tags: [{', '.join(draw(distinct(0, 3)))}]")
    lines.append("questions:")
    for number in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["single", "multi", "boolean", "text", "number", "order"]))
        lines += [f"  - id: q-{number}", f"    prompt: {one(draw(safe_words))}"]
        if kind != "single" or draw(st.booleans()):
            lines.append(f"    type: {kind}")
        if kind in ("single", "multi"):
            choices = draw(distinct(2, 10))
            lines.append(f"    choices: {listed(choices)}")
            picked = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
            lines.append(
                f"    answer: {one(picked[0])}"
                if kind == "single"
                else f"    answer: {listed(picked)}"
            )
        elif kind == "boolean":
            truth = draw(st.sampled_from(["true", "false", "yes", "no", "True", "NO"]))
            lines.append(f"    answer: {one(truth)}")
        elif kind == "text":
            lines.append(f"    answer: {listed(draw(distinct(1, 3)))}")
        elif kind == "number":
            number = draw(st.sampled_from(["5", "-2", "1.10", "1e3", "0.25", "1_000", "6.022e23"]))
            lines.append(f"    answer: {one(number)}")
            if draw(st.booleans()):
                lines.append(f"    tolerance: {one(draw(st.sampled_from(['0', '0.5', '2'])))}")
        else:
            lines.append(f"    items: {listed(draw(distinct(2, 8)))}")
        explanation = draw(safe_words)
        if draw(st.booleans()):
            lines.append(f"    explanation: {one(explanation)}")
        else:
            lines.append(f"    explanation: >\n      {explanation}\n      {explanation}")
        if draw(st.booleans()):
            lines.append(f"    difficulty: {draw(st.sampled_from(['easy', 'medium', 'hard']))}")
        if draw(st.booleans()):
            lines.append(f"    hint: {one(draw(safe_words))}")
        if draw(st.booleans()):
            lines.append(f"    tags: [{', '.join(draw(distinct(0, 3)))}]")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clean_banks())
def test_clean_generated_banks_take_the_quick_path_and_read_the_same(text: str) -> None:
    located, diagnostics = check_document(text, "t.yaml")
    assert located is not None and diagnostics == (), diagnostics
    assert agree(text) == located
