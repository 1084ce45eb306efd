"""The Aiken importer: Moodle's one-answer multiple-choice format."""

from __future__ import annotations

from quiz.importers.aiken import NUMBERING_NOTE
from quiz.importers.common import Imported, Note, Skip
from quiz.importers.convert import parse
from quiz.model import QuestionType
from tests import helpers

DATA = helpers.DATA / "import"


def aiken(text: str) -> Imported:
    return parse(text, "aiken")


def test_sample_file() -> None:
    result = aiken((DATA / "sample.aiken.txt").read_text(encoding="utf-8"))
    assert result.skips == ()
    assert [(q.id, q.type, q.choices, q.answers) for q in result.questions] == [
        (
            "which-space-agency-operates-the-baikonur",
            QuestionType.SINGLE,
            ("NASA", "Roscosmos", "ESA", "JAXA"),
            ("Roscosmos",),
        ),
        (
            "in-which-country-is-the-baikonur",
            QuestionType.SINGLE,
            ("Russia", "Kazakhstan", "Uzbekistan"),
            ("Kazakhstan",),
        ),
        (
            "which-spacecraft-carried-the-crew-of",
            QuestionType.SINGLE,
            ("Soyuz MS-25", "Crew Dragon"),
            ("Soyuz MS-25",),
        ),
    ]
    assert result.questions[0].prompt == (
        "Which space agency operates the Baikonur Cosmodrome launches today?"
    )


def test_broken_file_reports_every_skip_by_line() -> None:
    result = aiken((DATA / "broken.aiken.txt").read_text(encoding="utf-8"))
    assert [(q.prompt, q.answers) for q in result.questions] == [
        ("Is this question valid after all?", ("Yes",))
    ]
    assert result.skips == (
        Skip(1, "options with no question before them"),
        Skip(5, "text with no options and no ANSWER: line"),
        Skip(7, "options are lettered A, C; they must run A, B"),
        Skip(12, "'ANSWER: E' names none of the options A-B"),
        Skip(17, "it has 1 choice; a bank question takes 2 to 10"),
        Skip(21, "choices 'Mars' and 'MARS' are the same"),
        Skip(26, "no ANSWER: line after its options"),
        Skip(35, "'ANSWER: A, B' must name one letter; an Aiken question has one answer"),
        Skip(40, "an ANSWER: line with no question before it"),
        Skip(42, "no ANSWER: line after its options"),
    )


def test_prompt_over_several_lines_and_a_blank_line_before_the_options() -> None:
    result = aiken("Read this:\nwhich is right?\n\nA. this\nB. that\n\nANSWER: B\n")
    assert result.skips == ()
    (q,) = result.questions
    assert (q.prompt, q.choices, q.answers) == (
        "Read this:\nwhich is right?",
        ("this", "that"),
        ("that",),
    )


def test_option_styles_spacing_and_line_ends() -> None:
    text = "  Which?  \r\nA)\tone\r\nB.  two  \r\nANSWER:b\r\n"
    (q,) = aiken(text).questions
    assert (q.choices, q.answers) == (("one", "two"), ("two",))


def test_a_letter_without_a_space_is_not_an_option() -> None:
    result = aiken("Which?\nA.one\nB. two\nC. three\nANSWER: B\n")
    # "A.one" is more of the question's text, so the options run B, C.
    assert result.questions == ()
    assert result.skips == (Skip(1, "options are lettered B, C; they must run A, B"),)


def test_too_many_options() -> None:
    options = "\n".join(f"{chr(65 + i)}. option {i}" for i in range(11))
    result = aiken(f"Which?\n{options}\nANSWER: A\n")
    assert result.skips == (Skip(1, "it has 11 choices; a bank question takes 2 to 10"),)


def test_numbering_lines_of_advanced_aiken_are_ignored_with_one_note() -> None:
    text = (
        "Which?\nA. one\nB. two\nNUMBERING: 123\nANSWER: B\n\n"
        "And which?\nNUMBERING: abc\nA. three\nB. four\nANSWER: a\n"
    )
    result = aiken(text)
    assert result.skips == ()
    assert [(q.prompt, q.answers) for q in result.questions] == [
        ("Which?", ("two",)),
        ("And which?", ("three",)),
    ]
    assert result.notes == (Note(4, NUMBERING_NOTE),)


def test_a_line_that_is_neither_option_nor_answer_is_named() -> None:
    result = aiken("Which?\nA. one\nB. two\nSHUFFLE: no\nANSWER: B\n")
    assert result.questions == ()
    assert result.skips[0] == Skip(
        1,
        "no ANSWER: line after its options "
        "(line 4, 'SHUFFLE: no', is neither an option nor ANSWER:)",
    )


def test_a_long_or_hostile_line_is_quoted_short_and_escaped() -> None:
    line = "X\x1b[31m" + "y" * 60
    (skip, *_) = aiken(f"Which?\nA. one\nB. two\n{line}\nANSWER: B\n").skips
    assert "'X\\x1b[31m" + "y" * 34 + "…'" in skip.reason
    assert "\x1b" not in skip.reason


def test_numbered_options_are_named_as_not_aiken() -> None:
    result = aiken("Which?\n1) one\n2) two\nSORT: 1\n")
    assert result.skips == (
        Skip(
            1,
            "text with no options and no ANSWER: line "
            "(line 2 starts '1)': Aiken options are lettered A., B., ...)",
        ),
    )
