"""``quiz import``: files in, valid banks out, every skip reported, and the same right answers.

The right (and wrong) answers below are read off the sample files by hand, not from the
importer, so a bank that plays differently from its source fails here.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz import cli
from quiz.commands import import_
from quiz.format.checker import check_text
from quiz.format.rules import CHOICE_RANGE
from quiz.game.engine import GameOptions, Outcome, Reply, Status, Turn, plan, play
from quiz.game.judging import check
from quiz.importers import FORMATS
from quiz.importers.bank_writer import to_yaml
from quiz.importers.common import CHOICE_LIMITS, Imported, UnknownFormatError, clean
from quiz.importers.convert import detect_format
from quiz.library.loading import check_file, load_bank
from quiz.model import Bank, Given, Question, QuestionType
from tests import helpers

DATA = helpers.DATA / "import"

# id: (right answers in the source, answers the source does not give full marks)
GIFT_ANSWERS: dict[str, tuple[list[Given], list[Given]]] = {
    "red-planet": (["Mars"], ["Venus", "Jupiter"]),
    "gas-giants": (
        [("Jupiter", "Saturn"), ("Saturn", "Jupiter")],
        [("Jupiter",), ("Jupiter", "Saturn", "Earth")],
    ),
    "moon-light": ([False], [True]),
    "mercury-is-the-planet-closest-to-the-sun": ([True], [False]),
    "venus-spin": ([True], [False]),
    "saturn-density": ([False], [True]),
    "first-human": (["Yuri Gagarin", "Gagarin"], ["Titov"]),
    "apollo": (["11", "eleven"], ["12"]),
    "the-iss-goes-round-the-earth-about-a-day": (["16 times"], ["once", "100 times"]),
    "sputnik": ([1957.0], [1956.0, 1958.0]),
    "vostok": ([1960.0, 1961.0, 1962.0], [1959.0, 1963.0]),
    "astp": ([1970.0, 1975.0, 1980.0], [1969.0, 1981.0]),
    "gagarin-born": ([1934.0], [1933.0, 1936.0]),  # 1933: half credit in the source
    "station-crew": (["Bill Shepherd"], ["Yuri Gidzenko", "Sergei Krikalev"]),
    "escapes-all-of-them": (["a ~ b = c"], ["x # 1", "ratio 1:2"]),
    "html": (["Roscosmos"], ["NASA & ESA"]),
    "markdown": (["The ISS"], ["Mir", "Skylab"]),
    "moodle-format": (["Soyuz-2.1a"], ["Falcon 9"]),
    "red-planet-2": ([True], [False]),
    "match": (
        [("Gagarin", "Armstrong", "Novitsky")],
        [("Armstrong", "Gagarin", "Novitsky"), ("Gagarin", "Novitsky", "Armstrong")],
    ),
}
GIFT_SKIPS = [
    "{src}:93: skipped: an essay question ({{}}): free-text answers have no right answer to check",
    "{src}:96: skipped: a description with no question after it",
]
AIKEN_ANSWERS: dict[str, tuple[list[Given], list[Given]]] = {
    "which-space-agency-operates-the-baikonur": (["Roscosmos"], ["NASA", "ESA", "JAXA"]),
    "in-which-country-is-the-baikonur": (["Kazakhstan"], ["Russia", "Uzbekistan"]),
    "which-spacecraft-carried-the-crew-of": (["Soyuz MS-25"], ["Crew Dragon"]),
}
OPENTDB_ANSWERS: dict[str, tuple[list[Given], list[Given]]] = {
    "which-planet-is-known-as-the-red-planet": (["Mars"], ["Venus", "Jupiter", "Mercury"]),
    "the-moons-surface-gravity-is-about-one": ([True], [False]),
    "which-two-nations-flew-the-apollo-soyuz": (["USA & USSR"], ["USA & UK"]),
    "html-stands-for-hypertext-markup": ([True], [False]),
}


class ScriptedPlayer:
    """Answers each question with the reply given for its id."""

    def __init__(self, replies: dict[str, Given]) -> None:
        self.replies = replies
        self.outcomes: list[Outcome] = []

    def ask(self, turn: Turn, status: Status) -> Reply:
        return Reply(self.replies[turn.question.id])

    def tell(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)


def copy(tmp_path: Path, name: str, as_name: str | None = None) -> Path:
    target = tmp_path / (as_name or name)
    shutil.copyfile(DATA / name, target)
    return target


def run_import(*args: str) -> int:
    return cli.main(["import", *args])


def imported_bank(path: Path) -> Bank:
    report = check_file(path)
    assert report.errors == (), "\n".join(map(str, report.errors))
    assert report.bank is not None
    return report.bank


def assert_plays_like_the_source(
    bank: Bank, answers: dict[str, tuple[list[Given], list[Given]]]
) -> None:
    """Every question judges the source's answers the same way, and a played game agrees."""
    assert sorted(q.id for q in bank.questions) == sorted(answers)
    for question in bank.questions:
        right, wrong = answers[question.id]
        assert [check(question, g).correct for g in right] == [True] * len(right), question.id
        assert [check(question, g).correct for g in wrong] == [False] * len(wrong), question.id
    turns = plan([bank], GameOptions(), random.Random(7))
    for pick, expected in ((0, len(turns)), (1, 0)):
        player = ScriptedPlayer({qid: lists[pick][0] for qid, lists in answers.items()})
        result = play(turns, player, clock=lambda: 0.0)
        assert result.completed
        assert result.correct == expected


# -- whole files, through the command line ----------------------------------------------------


def test_gift_sample_imports_validates_and_plays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy(tmp_path, "sample.gift")
    assert run_import(str(source)) == 0
    out, err = capsys.readouterr()
    output = tmp_path / "sample.yaml"
    assert out.splitlines() == [
        f"Converted 20 questions from {source} to {output} (2 skipped).",
        f"Play it with: quiz play {output}",
        "sample.yaml has 14 warnings (14 questions with no explanation); "
        f"see them with: quiz validate {output}",
    ]
    assert err.splitlines() == [line.format(src=source) for line in GIFT_SKIPS]
    bank = imported_bank(output)
    assert bank.title == "Sample"
    assert bank.description == "Imported from sample.gift (GIFT)."
    assert_plays_like_the_source(bank, GIFT_ANSWERS)


def test_aiken_sample_is_recognised_by_its_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy(tmp_path, "sample.aiken.txt")
    assert run_import(str(source)) == 0
    out, err = capsys.readouterr()
    output = tmp_path / "sample.aiken.yaml"
    assert out.splitlines()[0] == f"Converted 3 questions from {source} to {output}."
    assert err == ""
    assert_plays_like_the_source(imported_bank(output), AIKEN_ANSWERS)


def test_opentdb_sample_imports_with_attribution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy(tmp_path, "opentdb.json", "trivia.json")
    output = tmp_path / "out" / "trivia-bank.yml"
    output.parent.mkdir()
    assert run_import(str(source), "-o", str(output)) == 0
    assert capsys.readouterr().out.startswith(f"Converted 4 questions from {source} to {output}.")
    bank = imported_bank(output)
    assert bank.title == "Trivia"
    assert "Open Trivia Database (opentdb.com), CC BY-SA 4.0" in bank.description
    assert [q.difficulty.value for q in bank.questions] == ["easy", "medium", "hard", "easy"]
    assert_plays_like_the_source(bank, OPENTDB_ANSWERS)


@pytest.mark.parametrize(
    ("name", "skips", "converted"),
    [("broken.gift", 14, 3), ("broken.aiken.txt", 10, 1), ("broken-opentdb.json", 7, 1)],
)
def test_broken_files_report_every_skip(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    skips: int,
    converted: int,
) -> None:
    source = copy(tmp_path, name)
    status = run_import(str(source))
    out, err = capsys.readouterr()
    lines = err.splitlines()
    skip_lines = [line for line in lines if ": skipped: " in line]
    assert len(skip_lines) == skips
    assert all(line.startswith(f"{source}:") for line in skip_lines)
    numbers = [int(line.split(":")[1]) for line in skip_lines]
    assert numbers == sorted(numbers)
    written = source.with_suffix(".yaml")
    if converted:
        assert status == 0
        count = f"{converted} question{'s' if converted > 1 else ''}"
        assert f"Converted {count} from {source} to {written} ({skips} skipped)." in out
        assert len(imported_bank(written).questions) == converted
    else:
        assert status == 1
        assert (
            lines[-1] == f"No questions converted from {source} ({skips} skipped); nothing written."
        )
        assert not written.exists()


def test_skip_line_of_an_aiken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = copy(tmp_path, "broken.aiken.txt")
    run_import(str(source))
    assert f"{source}:12: skipped: 'ANSWER: E' names none of the options A-B" in (
        capsys.readouterr().err.splitlines()
    )


def test_advanced_aiken_file_of_the_corpus_converts_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = helpers.SHARED / "corpus" / "import-wild"
    source /= "upmf-qformat_aikenadv-aiken_hebrew_english_sample.txt"
    written = tmp_path / "adv.yaml"
    assert run_import(str(source), "-o", str(written)) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"Converted 2 questions from {source} to {written} (1 skipped).")
    assert err.splitlines() == [
        f"{source}:6: note: NUMBERING: lines (advanced Aiken: how Moodle labels the options) "
        "are ignored; the game labels options its own way",
        f"{source}:19: skipped: text with no options and no ANSWER: line "
        "(line 20 starts '1)': Aiken options are lettered A., B., ...)",
    ]
    assert [q.answers for q in imported_bank(written).questions] == [
        ("Must be this one!",),
        ("Moodle",),
    ]


# -- writing safely ----------------------------------------------------------------------


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy(tmp_path, "sample.aiken.txt", "quiz.aiken")
    output = tmp_path / "quiz.yaml"
    output.write_text("precious\n", encoding="utf-8")
    assert run_import(str(source)) == 1
    err = capsys.readouterr().err
    assert f"quiz: error: '{output}' already exists; use --force to replace it" in err
    assert output.read_text(encoding="utf-8") == "precious\n"
    assert run_import(str(source), "--force") == 0
    assert len(imported_bank(output).questions) == 3


def test_output_must_be_a_yaml_file_other_than_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = copy(tmp_path, "sample.gift")
    assert run_import(str(source), "-o", str(tmp_path / "out.txt")) == 1
    assert "must end in .yaml or .yml" in capsys.readouterr().err
    odd = copy(tmp_path, "sample.gift", "odd.yaml")
    assert run_import(str(odd), "--format", "gift", "--force") == 1
    assert "is the file being converted" in capsys.readouterr().err
    assert odd.read_bytes() == (DATA / "sample.gift").read_bytes()


def test_a_question_file_is_not_an_import_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "my-first-quiz.yaml"
    bank.write_text("title: T\nquestions: []\n", encoding="utf-8")
    assert run_import(str(bank)) == 1
    assert capsys.readouterr().err == (
        f"quiz: error: '{bank}' is a question file already (a bank), not a file to import "
        f"(GIFT, Aiken, Open Trivia DB JSON); play it as it is with 'quiz play {bank}', or "
        f"write it in another format with 'quiz export {bank} --format FORMAT'\n"
    )
    assert run_import(str(bank), "-o", str(tmp_path / "other.yaml")) == 1
    assert "is a question file already" in capsys.readouterr().err
    assert not (tmp_path / "other.yaml").exists()


def test_nothing_is_written_when_the_bank_would_be_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.importers.bank_writer

    def broken_yaml(imported: Imported, title: str, description: str, header: str = "") -> str:
        return "title: Broken\nquestions: []\n"

    monkeypatch.setattr(quiz.importers.bank_writer, "to_yaml", broken_yaml)
    source = copy(tmp_path, "sample.aiken.txt")
    assert run_import(str(source)) == 1
    err = capsys.readouterr().err
    assert "this is a bug in 'quiz import'" in err
    assert "'questions' is empty" in err
    assert not source.with_suffix(".yaml").exists()


# -- unreadable and unknown files ------------------------------------------------------------


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(str(tmp_path / "nope.gift")) == 1
    assert "cannot read" in capsys.readouterr().err


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin.gift"
    source.write_bytes("Qu'est-ce que c'est ?\n{=caf\xe9 ~th\xe9}\n".encode("latin-1"))
    assert run_import(str(source)) == 1
    assert "is not UTF-8 text (byte 0xe9 on line 2)" in capsys.readouterr().err


def test_unknown_format_needs_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Just some notes.\nNothing to see.\n", encoding="utf-8")
    assert run_import(str(source)) == 1
    assert "cannot tell the format of 'notes.txt'; give it with --format" in (
        capsys.readouterr().err
    )
    assert run_import(str(source), "--format", "aiken") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{source}:1: skipped: text with no options and no ANSWER: line",
        f"No questions converted from {source} (1 skipped); nothing written.",
    ]


def test_given_format_wins_over_the_suffix(tmp_path: Path) -> None:
    source = copy(tmp_path, "sample.aiken.txt", "exported.gift")
    assert run_import(str(source), "--format", "aiken") == 0
    assert len(imported_bank(tmp_path / "exported.yaml").questions) == 3


def test_bad_format_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run_import("x.txt", "--format", "qti")
    assert stop.value.code == 2
    assert "invalid choice: 'qti'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "filename", "fmt"),
    [
        ("anything", "quiz.gift", "gift"),
        ("anything", "QUIZ.JSON", "opentdb"),
        ("anything", "quiz.aiken", "aiken"),
        ('  {"response_code": 0, "results": []}', "download", "opentdb"),
        ("[]", "list.txt", "opentdb"),
        ("Which?\nA. one\nB) two\nANSWER: A\n", "moodle.txt", "aiken"),
        ("Which? {=one ~two}\n", "moodle.txt", "gift"),
        ("::Q1:: described only\n", "moodle.txt", "gift"),
        ("$CATEGORY: Space\n", "moodle.txt", "gift"),
        ("{not json} but a GIFT block", "moodle.txt", "gift"),
    ],
)
def test_detect_format(text: str, filename: str, fmt: str) -> None:
    assert detect_format(text, filename) == fmt


def test_detect_format_gives_up_clearly() -> None:
    with pytest.raises(UnknownFormatError, match=r"cannot tell the format of 'a\.txt'"):
        detect_format("plain words", "a.txt")


# -- the writer -------------------------------------------------------------------------------

TRICKY = (
    "yes",
    "No",
    "null",
    "~",
    "1975",
    "0x1F",
    "1e3",
    ".inf",
    "2024-03-20",
    "- dash",
    "key: value",
    "# hash",
    "'single'",
    '"double"',
    "@at",
    "`tick",
    "%pct",
    "&anchor",
    "*star",
    "!tag",
    "|pipe",
    ">more",
    "[list]",
    "{map}",
    "a: b # c",
    "trailing:",
    "? what",
    "Ünïcode ✓ 🚀",
    "tab\there",
    "two\nlines",
    "=",
    "…",
)


def test_writer_round_trips_text_yaml_could_misread() -> None:
    questions = tuple(
        Question(
            id=f"q{i}",
            type=QuestionType.SINGLE,
            prompt=text,
            choices=(text, f"not {text}"),
            answers=(text,),
            explanation=text,
            tags=(text,),
        )
        for i, text in enumerate(TRICKY)
    )
    text_question = Question(id="t", type=QuestionType.TEXT, prompt="Say yes.", answers=("yes",))
    number = Question(id="n", type=QuestionType.NUMBER, prompt="?", number=0.1, tolerance=2.5)
    big = Question(id="b", type=QuestionType.NUMBER, prompt="?", number=6.022e23)
    imported = Imported((*questions, text_question, number, big))
    report = check_text(to_yaml(imported, "yes", "null"), "bank.yaml")
    assert report.errors == ()
    assert report.bank is not None
    assert (report.bank.title, report.bank.description) == ("yes", "null")
    for before, after in zip(questions, report.bank.questions, strict=False):
        assert (after.prompt, after.choices, after.answers, after.explanation, after.tags) == (
            before.prompt,
            before.choices,
            before.answers,
            before.explanation,
            before.tags,
        )
    loaded = {q.id: q for q in report.bank.questions}
    assert loaded["t"].answers == ("yes",)
    assert (loaded["n"].number, loaded["n"].tolerance) == (0.1, 2.5)
    assert loaded["b"].number == 6.022e23


@pytest.mark.parametrize("raw", ["\uf900", "cafe\u0301", "\u212b"])
def test_cleaned_text_is_in_the_composed_form_the_reader_keeps(raw: str) -> None:
    # The reader keeps every value in NFC; imported text that was not would come
    # back from the written bank changed (U+F900 reads back as U+8C48).
    text = clean(raw)
    question = Question(id="q", type=QuestionType.BOOLEAN, prompt=text, truth=True)
    report = check_text(to_yaml(Imported((question,)), "T", "D"), "bank.yaml")
    assert report.bank is not None
    assert report.bank.questions[0].prompt == text


def test_bidirectional_controls_are_dropped_so_the_bank_is_valid() -> None:
    text = clean("safe \u202eeno gnorw\u202c and \u2067isolated\u2069")
    assert text == "safe eno gnorw and isolated"
    question = Question(id="q", type=QuestionType.BOOLEAN, prompt=text, truth=True)
    assert check_text(to_yaml(Imported((question,)), "T", "D"), "bank.yaml").errors == ()


@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1))
def test_any_cleaned_text_round_trips(raw: str) -> None:
    text = clean(raw)
    if not text:
        return
    question = Question(id="q", type=QuestionType.BOOLEAN, prompt=text, truth=True)
    report = check_text(to_yaml(Imported((question,)), "T", "D"), "bank.yaml")
    assert report.errors == ()
    assert report.bank is not None
    assert report.bank.questions[0].prompt == text


def test_written_file_has_a_header_and_reads_back(tmp_path: Path) -> None:
    source = copy(tmp_path, "sample.aiken.txt")
    assert run_import(str(source)) == 0
    written = source.with_suffix(".yaml")
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert first == (
        "# Imported from sample.aiken.txt by 'quiz import'. "
        "Check it with: quiz validate sample.aiken.yaml"
    )
    assert len(load_bank(written).questions) == 3


# -- wiring -----------------------------------------------------------------------------------


def test_command_is_registered_and_consistent(capsys: pytest.CaptureFixture[str]) -> None:
    assert "import" in cli.COMMANDS
    assert import_.FORMATS == FORMATS
    assert CHOICE_LIMITS == CHOICE_RANGE
    with pytest.raises(SystemExit) as stop:
        run_import("--help")
    assert stop.value.code == 0
    help_text = capsys.readouterr().out
    assert "usage: quiz import [-h] [--format {gift,aiken,opentdb}] [-o OUT] [--force]" in help_text
    assert "FILE:LINE: skipped: why" in " ".join(help_text.split())


def test_detect_format_survives_deeply_nested_json() -> None:
    with pytest.raises(UnknownFormatError):
        detect_format("[" * 100_000, "deep.txt")
