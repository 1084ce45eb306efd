"""The mistakes people really make in question files (tests/data/authoring), each with
the exact diagnostics ``quiz validate`` must print, and no parser jargon in any
diagnostic of any file the tests know (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.errors import Diagnostic
from quiz.format.checker import check_bytes, check_text
from quiz.importers.bank_writer import to_yaml
from quiz.importers.convert import convert
from tests.helpers import DATA, SHARED

AUTHORING = DATA / "authoring"
EXPECTED = AUTHORING / "expected.txt"
# Words of the parser's own vocabulary that mean nothing to an author.
JARGON = re.compile(
    r"block end|block mapping|block sequence|scalar|mapping|alias|anchor|sequence|"
    r"token|stream|simple key|flow|<[a-z ]+>|YAML syntax error|document start",
    re.IGNORECASE,
)


def expected_by_file() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        name = line.split(":", 1)[0]
        found.setdefault(name, []).append("" if line.endswith(": valid") else line)
    return {name: [line for line in lines if line] for name, lines in found.items()}


def diagnostics_of(path: Path) -> list[str]:
    return [str(d) for d in check_bytes(path.read_bytes(), path.name).diagnostics]


def test_the_corpus_has_a_hundred_odd_files_each_with_expectations() -> None:
    files = sorted(p.name for p in AUTHORING.glob("*.yaml"))
    assert len(files) >= 100
    assert sorted(expected_by_file()) == files


@pytest.mark.parametrize("name", sorted(expected_by_file()))
def test_each_mistake_gets_its_exact_messages(name: str) -> None:
    assert diagnostics_of(AUTHORING / name) == expected_by_file()[name]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # A missing colon is reported on the key's own line, not the line after it.
        ("colon-missing-prompt", "7:5: error: 'prompt' needs a colon: prompt: Which planet"),
        ("equals-instead-of-colon", "9:5: error: 'answer' needs a colon, not '=': answer: Mars"),
        ("colon-missing-title", "1:1: error: 'title' needs a colon: title: The Solar System"),
        ("colon-missing-id", "13:5: error: 'id' needs a colon: - id: moon-light"),
        ("indent-key-one-less", "9:4: error: 'answer' is out of line with 'choices' on line 8"),
        ("ratio-in-prompt", "7:18: error: ': ' inside unquoted text starts a new key"),
        ("apostrophe-in-single-quotes", "15:13: error: the apostrophe in 'Moon's' ends"),
        ("star-emphasis", "15:13: error: text cannot start with '*' unless it is in quotes"),
        ("unclosed-bracket", "8:14: error: the '[' opened here is never closed"),
        ("unclosed-double-quote", '15:13: error: the quote " opened here is never closed'),
        ("missing-dash-between-questions", "13:5: error: a second 'id' in the question"),
        ("dash-without-space-item", "24:7: error: '-Venus' needs a space after the dash"),
        ("comment-cuts-hint", "11:24: warning: ' #' starts a comment, so '#4 planet, #fourth'"),
        ("curly-quotes-answer", "9:13: warning: “Mars” is written with curly quotes"),
        ("zero-width-duplicate", "8:37: error: entry 'Mars\\u200b' in 'choices' looks the same"),
        ("answer-is-a-number", "9:13: error: an answer is the text of a choice, not its number"),
        ("misspelled-answer-key", "9:5: error: unknown key 'answr' (did you mean 'answer'?)"),
        ("version-at-top", "1:1: error: unknown key 'version' at the top level; the keys allowed"),
        ("escape-past-unicode", "11:12: error: this escape is not a character"),
        ("escape-ffffffff", "17:19: error: this escape is not a character"),
    ],
)
def test_the_issue_cases_point_at_the_authors_line(name: str, expected: str) -> None:
    found = [line.split(":", 1)[1] for line in diagnostics_of(AUTHORING / f"{name}.yaml")]
    assert any(line.startswith(expected) for line in found), found


def test_a_mistyped_key_is_reported_as_its_cause_only() -> None:
    # Not also "question 'red-planet' is missing 'answer'": that is its effect.
    assert diagnostics_of(AUTHORING / "misspelled-answer-key.yaml") == [
        "misspelled-answer-key.yaml:9:5: error: unknown key 'answr' (did you mean 'answer'?)"
    ]


def test_a_missing_dash_between_questions_is_one_message() -> None:
    found = diagnostics_of(AUTHORING / "missing-dash-between-questions.yaml")
    assert len(found) == 1


def test_the_look_alike_of_another_form_is_one_text_after_loading() -> None:
    # NFD 'é' (e + combining accent) is read as the NFC 'é' the other choice has.
    text = "title: T\nquestions:\n  - id: q\n    prompt: P\n    choices: [Café, x]\n"
    report = check_text(text + "    answer: Cafe\u0301\n    explanation: E\n", "t.yaml")
    assert report.errors == ()
    assert report.bank is not None
    assert report.bank.questions[0].answers == ("Café",)


def every_known_file() -> list[Path]:
    return sorted(
        p for p in DATA.rglob("*") if p.suffix in (".yaml", ".yml") and "import" not in p.parts
    )


def imported_corpus() -> list[tuple[str, str]]:
    """The shared corpus, converted as ``quiz import`` does."""
    converted = []
    for path in sorted((SHARED / "corpus").rglob("*")):
        if not path.is_file():
            continue
        try:
            imported = convert(path)
        except Exception:  # a source the importers refuse has no bank to check
            continue
        if imported.questions:
            converted.append((path.name, to_yaml(imported, path.stem, "")))
    return converted


def test_no_parser_jargon_in_any_diagnostic() -> None:
    diagnostics: list[Diagnostic] = []
    for path in every_known_file():
        diagnostics += check_bytes(path.read_bytes(), path.name).diagnostics
    corpus = imported_corpus()
    assert corpus, "the shared corpus converts to some banks"
    for name, text in corpus:
        diagnostics += check_text(text, name).diagnostics
    assert len(diagnostics) > 150
    jargon = [str(d) for d in diagnostics if JARGON.search(d.message)]
    assert jargon == []


def test_the_jargon_test_can_fail() -> None:
    assert JARGON.search("expected <block end>, but found '<scalar>'")
    assert JARGON.search("mapping values are not allowed here")


def test_a_choice_already_reported_is_not_counted_missing() -> None:
    text = "title: T\nquestions:\n  - id: q\n    prompt: P\n    choices: [a: b, c]\n"
    report = check_text(text + "    answer: c\n    explanation: E\n", "t.yaml")
    assert [str(d) for d in report.diagnostics] == [
        "t.yaml:5:15: error: 'a: b' in 'choices' is read as a key and its value because of "
        "': '; put it in quotes: \"a: b\""
    ]
