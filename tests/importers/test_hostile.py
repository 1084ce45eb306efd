"""Hostile input to the importers (issue 19): no traceback, no importer-bug message, and
-o that never writes where it should not. Each reader also gets a fuzz test."""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.format.checker import check_text
from quiz.importers.bank_writer import to_yaml
from quiz.importers.common import Imported, ImportSourceError, unique_ids
from quiz.importers.convert import parse
from quiz.importers.markup import html_to_text, markdown_to_text
from quiz.model import QuestionType
from tests import helpers

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def converts_cleanly(text: str, fmt: str) -> Imported | None:
    """Parse; an ImportSourceError is a clean refusal. Whatever converts makes a valid bank."""
    try:
        imported = parse(text, fmt)
    except ImportSourceError:
        return None
    if imported.questions:
        report = check_text(to_yaml(imported, "T", "D"), "bank.yaml")
        assert report.errors == (), report.errors
    return imported


# -- the findings --------------------------------------------------------------------------


def test_base64_of_non_ascii_text_is_no_traceback() -> None:
    item = {
        "type": b64("multiple"),
        "question": "Zé==",
        "correct_answer": "é",
        "incorrect_answers": ["ü"],
    }
    result = converts_cleanly(json.dumps({"response_code": 0, "results": [item]}), "opentdb")
    assert result is not None and result.questions == ()


@pytest.mark.parametrize("where", ["response_code", "difficulty"])
def test_a_json_integer_too_big_to_convert_is_a_clean_error(where: str) -> None:
    big = "9" * 5000
    text = (
        f'{{"response_code": {big}, "results": []}}'
        if where == "response_code"
        else f'{{"results": [{{"type": "boolean", "difficulty": {big}}}]}}'
    )
    with pytest.raises(ImportSourceError, match="thousands of digits"):
        parse(text, "opentdb")


def test_deeply_nested_base64_is_no_recursion_error() -> None:
    nested = "[" * 900 + json.dumps(b64("x")) + "]" * 900
    text = (
        f'{{"results": [{{"type": "{b64("multiple")}", "question": "{b64("Q?")}", '
        f'"correct_answer": "{b64("a")}", "incorrect_answers": {nested}}}]}}'
    )
    result = converts_cleanly(text, "opentdb")
    assert (
        result is not None and result.skips[0].reason == "incorrect_answers is not a list of text"
    )


def test_html_marked_sections_in_gift_are_no_assertion_error() -> None:
    result = converts_cleanly("What <![x> is it? {=a ~b}\n\n<![if !x]><b>Q</b>?{T}", "gift")
    assert result is not None and [q.prompt for q in result.questions] == ["What is it?", "Q?"]


def test_an_infinite_tolerance_is_a_skip_not_an_importer_bug() -> None:
    result = converts_cleanly(
        "R? {#-1.7e308..1.7e308}\n\nS? {#=1e308:1.7e308 =1e308:1e308}", "gift"
    )
    assert result is not None
    assert [s.reason for s in result.skips] == ["a number or margin is too large"] * 2


def test_an_aiken_prompt_of_control_characters_is_a_skip() -> None:
    result = converts_cleanly("\x01\x02\x1b\nA. a\nB. b\nANSWER: A\n", "aiken")
    assert result is not None and result.questions == ()
    assert result.skips[0].reason == "the question has no text (only control characters)"


def test_markup_that_used_to_take_quadratic_time_reads_right() -> None:
    # The time is measured in bench/import_export.py; here, that the answers are right.
    assert html_to_text("x " + "<a " * 15_000) == "x " + " ".join(["<a"] * 15_000)
    assert markdown_to_text("*x " * 20_000).startswith("*x *x")
    assert markdown_to_text("*a* and *b*") == "a and b"


def test_repeated_titles_get_numbered_ids_in_order() -> None:
    questions = [helpers.make_question("same", QuestionType.BOOLEAN, truth=True)] * 3000
    questions.insert(1, helpers.make_question("same-3", QuestionType.BOOLEAN, truth=True))
    ids = [q.id for q in unique_ids(questions)]
    assert ids[:5] == ["same", "same-3", "same-2", "same-4", "same-5"]
    assert len(set(ids)) == len(ids) == 3001


# -- -o: never through a link, never the input, never a FIFO ------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.gift"
    path.write_text("::q:: Is it? {T}\n", encoding="utf-8")
    return path


def test_force_does_not_follow_a_symlink(
    tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.yaml"
    link.symlink_to(target)
    assert main(["import", str(source), "-o", str(link), "--force"]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep" and link.is_symlink()


def test_a_hard_link_to_the_input_is_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("title: B\nquestions:\n  - {id: q, type: boolean, prompt: P?, answer: true, "
                    "explanation: E}\n", encoding="utf-8")  # fmt: skip
    twin = tmp_path / "twin.gift"
    os.link(bank, twin)
    assert main(["export", str(bank), "--format", "gift", "-o", str(twin), "--force"]) == 1
    assert "is the file being converted" in capsys.readouterr().err
    assert bank.read_text(encoding="utf-8").startswith("title: B")


def test_a_fifo_as_output_is_refused_at_once(
    tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    finished: list[int] = []
    worker = threading.Thread(
        target=lambda: finished.append(main(["import", str(source), "-o", str(fifo), "--force"]))
    )
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # unblock the writer before failing
        with fifo.open("rb"):
            pass
    assert finished == [1]
    assert "is not a regular file" in capsys.readouterr().err


def test_a_folder_as_output_is_refused(
    tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out.yaml"
    folder.mkdir()
    assert main(["import", str(source), "-o", str(folder), "--force"]) == 1
    assert "is not a regular file" in capsys.readouterr().err


def test_a_replaced_output_is_written_whole_through_a_temporary_file(
    tmp_path: Path, source: Path
) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("old", encoding="utf-8")
    before = out.stat().st_ino
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert out.stat().st_ino != before  # renamed over, not rewritten in place
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- fuzz: one per reader ---------------------------------------------------------------------

_GIFT_PIECES = st.sampled_from(
    ["::t::", "{", "}", "=", "~", "#", "####", "->", "%50%", "%-100%", "\\", ":", "\n", "\n\n",
     "$CATEGORY: a/b", "[html]", "[markdown]", "<b>", "<![x>", "<img alt='p'>", "&amp;", "*",
     "T", "FALSE", "..", "1.5", "-3", "word", " ", "é", "\x1b", "//", "_"]
)  # fmt: skip
_AIKEN_PIECES = st.sampled_from(
    ["A. ", "B) ", "C. ", "ANSWER: ", "A", "b", "\n", "\n\n", "word", " ", "\t", "\x00", "é"]
)


@FUZZ
@given(st.lists(_GIFT_PIECES, max_size=40).map("".join))
def test_fuzz_gift(text: str) -> None:
    converts_cleanly(text, "gift")


@FUZZ
@given(st.lists(_AIKEN_PIECES, max_size=40).map("".join))
def test_fuzz_aiken(text: str) -> None:
    converts_cleanly(text, "aiken")


_LINE = st.text(max_size=12) | st.text(
    st.sampled_from(["\x01", "\x1b", "\x85", "\u2028", "a", "é", " ", ".", "A", "*"]), max_size=5
)


@FUZZ
@given(_LINE, st.lists(_LINE, min_size=1, max_size=4), st.sampled_from("ABCDEa z"))
def test_fuzz_aiken_questions(prompt: str, options: list[str], letter: str) -> None:
    lettered = [f"{'ABCDEFGHIJ'[i]}. {text}" for i, text in enumerate(options)]
    converts_cleanly("\n".join([prompt, *lettered, f"ANSWER: {letter}", ""]), "aiken")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["multiple", "boolean", "True", "False", b64("multiple"), "easy"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["type", "question", "correct_answer", "incorrect_answers",
                         "difficulty", "category", "results", "response_code"]),
        inner, max_size=6),
    max_leaves=20,
)  # fmt: skip


@FUZZ
@given(_JSON_VALUES)
def test_fuzz_opentdb(value: object) -> None:
    converts_cleanly(json.dumps(value), "opentdb")


@FUZZ
@given(st.text(max_size=60))
def test_fuzz_any_text_in_every_format(text: str) -> None:
    for fmt in ("gift", "aiken", "opentdb"):
        converts_cleanly(text, fmt)
