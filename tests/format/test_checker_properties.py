"""Property tests: whatever the input, the loader returns a bank or located errors.

``check_bytes`` must always return a Report whose bank is a Bank, or whose errors are
non-empty and located (line and column from 1); ``load_bank`` raises nothing but BankError.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quiz.errors import BankError, Diagnostic
from quiz.format.checker import check_bytes
from quiz.format.report import Report
from quiz.format.rules import BANK_KEYS, QUESTION_KEYS
from quiz.library.loading import load_bank
from quiz.model import Bank, Difficulty, QuestionType

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- strategies ---------------------------------------------------------------------------

words = st.sampled_from(
    [
        "a",
        "Mars",
        "1961",
        "1.10",
        "NO",
        "yes",
        "true",
        "~",
        "null",
        "",
        " ",
        "2024-03-21",
        "-1",
        "0x1F",
        ".inf",
        "q-1",
        "q 1",
        "!!",
        "\x1b[31m",
        "\t",
        "line\nbreak",
        "é",
        *(t.value for t in QuestionType),
        *(d.value for d in Difficulty),
    ]
)
scalars = st.one_of(
    words,
    st.text(max_size=12),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
keys = st.one_of(st.sampled_from(sorted({*BANK_KEYS, *QUESTION_KEYS})), st.text(max_size=8))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=25,
)


@st.composite
def question_like(draw: st.DrawFn) -> dict[str, Any]:
    """A mapping that looks like a question, some keys right, some values wrong."""
    fields = draw(
        st.dictionaries(
            st.sampled_from(QUESTION_KEYS), values, min_size=0, max_size=len(QUESTION_KEYS)
        )
    )
    if draw(st.booleans()):
        fields["type"] = draw(st.sampled_from([t.value for t in QuestionType]))
    if draw(st.booleans()):
        fields["choices"] = draw(st.lists(words, min_size=0, max_size=11))
        fields["answer"] = draw(st.one_of(words, st.lists(words, max_size=3)))
    return fields


@st.composite
def bank_like(draw: st.DrawFn) -> Any:
    """A whole document: usually bank-shaped, sometimes anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(values)
    document: dict[Any, Any] = {}
    if draw(st.booleans()) or draw(st.booleans()):
        document["title"] = draw(scalars)
    if draw(st.booleans()):
        document["tags"] = draw(st.one_of(st.lists(words, max_size=3), scalars))
    if draw(st.booleans()):
        document[draw(keys)] = draw(values)
    document["questions"] = draw(
        st.one_of(st.lists(question_like(), min_size=0, max_size=4), values)
    )
    return document


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """YAML written by PyYAML in one of its styles, then perhaps damaged."""
    document = draw(bank_like())
    text: str = yaml.safe_dump(
        document,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
    )
    damage = draw(st.integers(0, 5))
    if damage == 1 and text:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    elif damage == 2 and text:
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["\t", "'", '"', ": ", "- ", "&a ", "*a", "\x1b", "[", "{"]))
            + text[at:]
        )
    elif damage == 3:
        text += draw(st.sampled_from(["---\n", "extra: [\n", "questions: []\n", "? x\n"]))
    return text


# -- the property -------------------------------------------------------------------------


def assert_bank_or_located_errors(report: Report, data: bytes) -> None:
    assert isinstance(report, Report)
    assert report.path == "p.yaml"
    for d in report.diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.severity in ("error", "warning")
        assert d.line >= 1 and d.column >= 1, d
        assert d.line <= data.count(b"\n") + 2, d
        assert d.message.strip(), d
    if report.bank is not None:
        assert isinstance(report.bank, Bank)
        assert report.errors == ()
        assert report.bank.title
        assert report.bank.questions
        ids = [q.id for q in report.bank.questions]
        assert len(ids) == len(set(ids))
    else:
        assert report.errors != ()


def assert_load_bank_raises_only_bank_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_bytes(data)
        try:
            bank = load_bank(path)
        except BankError as error:
            assert error.diagnostics
            assert all(d.is_error for d in error.diagnostics)
        else:
            assert isinstance(bank, Bank)


@SETTINGS
@given(st.binary(max_size=400))
@example(b"")
@example(b"\xff\xfe\x00")
@example(b"title: T\nquestions:\n\t- x\n")
@example(b"a: &a [*a]\n")
@example(b"title: !!python/object/apply:os.system ['true']\n")
@example("title: \ufffe\n".encode())
@example(b"[" * 200)
def test_arbitrary_bytes(data: bytes) -> None:
    assert_bank_or_located_errors(check_bytes(data, "p.yaml"), data)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    assert_bank_or_located_errors(check_bytes(data, "p.yaml"), data)


@pytest.mark.slow  # the longest of these (several seconds): CI runs it, the inner loop not
@SETTINGS
@given(yaml_texts())
def test_arbitrary_yaml_structures(text: str) -> None:
    data = text.encode("utf-8")
    assert_bank_or_located_errors(check_bytes(data, "p.yaml"), data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_texts().map(str.encode), st.binary(max_size=200)))
def test_load_bank_raises_only_bank_error(data: bytes) -> None:
    assert_load_bank_raises_only_bank_error(data)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["single", "multi", "boolean", "text", "number", "order"]),
            st.lists(
                st.text(alphabet="abcXYZ019 -", min_size=1, max_size=6), min_size=2, max_size=5
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_well_formed_banks_always_load(spec: list[tuple[str, list[str]]]) -> None:
    """Banks built to the rules load, with every question in order."""
    questions = []
    for number, (qtype, texts) in enumerate(spec):
        distinct = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
        distinct = list({t.casefold(): t for t in distinct}.values())
        while len(distinct) < 2:
            distinct.append(f"filler{len(distinct)}")
        q: dict[str, Any] = {
            "id": f"q{number}",
            "type": qtype,
            "prompt": f"P{number}?",  # the same prompt twice is a warning
            "explanation": "E.",
        }
        if qtype in ("single", "multi"):
            q["choices"] = distinct
            q["answer"] = distinct[0] if qtype == "single" else distinct[:1]
        elif qtype == "boolean":
            q["answer"] = True
        elif qtype == "text":
            q["answer"] = [d + "x" for d in distinct]
        elif qtype == "number":
            q["answer"] = len(distinct)
            q["tolerance"] = 0.5
        else:
            q["items"] = distinct
        questions.append(q)
    text = yaml.safe_dump({"title": "T", "questions": questions}, sort_keys=False)
    report = check_bytes(text.encode(), "p.yaml")
    assert report.diagnostics == (), [str(d) for d in report.diagnostics]
    assert report.bank is not None
    assert [q.id for q in report.bank.questions] == [f"q{i}" for i in range(len(spec))]
