"""quiz export: each format, the round trip export | import, and stable Anki ids."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quiz.cli import main
from quiz.format.checker import check_text
from quiz.format.starter import STARTER_BANK
from quiz.importers.bank_writer import to_yaml
from quiz.importers.convert import convert, parse
from quiz.importers.export_aiken import export_aiken
from quiz.importers.export_anki import export_anki, note_guid, stable_id
from quiz.importers.export_csv import COLUMNS, export_csv
from quiz.importers.export_gift import export_gift
from quiz.importers.export_moodle_xml import export_moodle_xml
from quiz.model import Bank, QuestionType
from tests import helpers
from tests.importers.strategies import gift_banks

WILD = helpers.SHARED / "corpus" / "import-wild"


def starter() -> Bank:
    report = check_text(STARTER_BANK.format(filename="s.yaml"), "starter.yaml")
    assert report.bank is not None
    return report.bank


def reimported(bank: Bank) -> Bank:
    """Export as GIFT, import it back, and read the bank as the game would."""
    imported = parse(export_gift(bank).data.decode(), "gift")
    assert imported.skips == ()
    report = check_text(to_yaml(imported, bank.title, "d"), "back.yaml")
    assert report.errors == (), report.errors
    assert report.bank is not None
    return report.bank


# -- GIFT -------------------------------------------------------------------------------


@pytest.mark.slow  # about ten seconds: CI runs it, the inner loop does not
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gift_banks())
def test_gift_round_trip_gives_back_the_same_bank(bank: Bank) -> None:
    assert reimported(bank).questions == bank.questions


def gift_corpus() -> list[Path]:
    return sorted(p for p in WILD.iterdir() if p.suffix.lower() == ".gift" or "gift" in p.name)


@pytest.mark.parametrize("path", gift_corpus(), ids=lambda p: p.name)
def test_gift_round_trip_over_the_corpus(path: Path) -> None:
    imported = convert(path, "gift")
    if not imported.questions:
        pytest.skip("nothing converts")
    report = check_text(to_yaml(imported, "T", "D"), "first.yaml")
    assert report.bank is not None
    assert reimported(report.bank).questions == report.bank.questions


def test_gift_escapes_marks_text_plain_and_leaves_order_out() -> None:
    exported = export_gift(starter())
    text = exported.data.decode()
    assert "::planet-red::[plain]Which planet is known as the red planet?{" in text
    assert "\t=Titan -> Saturn\n" in text and "\t= -> Venus\n" in text
    assert "\t~%50%Jupiter\n\t~%-50%Earth\n" in text
    assert "{#\n\t=1969:0\n" in text
    assert [left.id for left in exported.left_out] == ["planets-from-sun"]
    assert "GIFT has no question type for ordering" in exported.left_out[0].reason
    question = helpers.make_question(
        "esc", QuestionType.TEXT, prompt="a~b=c#d{e}f:g\\h\nnew line", answers=("[x] 50%",)
    )
    body = export_gift(Bank("b", "B", (question,))).data.decode()
    assert "[plain]a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nnew line{" in body
    assert "\t=[plain][x] 50%\n" in body


# -- the other formats ---------------------------------------------------------------------


def test_moodle_xml_holds_each_type_with_feedback() -> None:
    exported = export_moodle_xml(starter())
    root = ET.fromstring(exported.data)
    kinds = [q.get("type") for q in root.iter("question")]
    assert kinds == [
        *("category", "multichoice", "multichoice", "truefalse"),
        *("shortanswer", "numerical", "matching"),
    ]
    single = root.findall("question")[1]
    assert single.findtext("name/text") == "planet-red"
    assert single.findtext("single") == "true"
    fractions = {a.findtext("text"): a.get("fraction") for a in single.iter("answer")}
    assert fractions == {"Venus": "0", "Mars": "100", "Jupiter": "0", "Mercury": "0"}
    assert single.findtext("generalfeedback/text", "").startswith("Iron oxide")
    mars = next(a for a in single.iter("answer") if a.findtext("text") == "Mars")
    assert mars.findtext("feedback/text", "").startswith("Right. Iron oxide")
    assert single.findtext("hint/text") == "It is the fourth planet from the Sun."
    multi = root.findall("question")[2]
    assert {a.findtext("text"): a.get("fraction") for a in multi.iter("answer")} == {
        "Jupiter": "50",
        "Earth": "-50",
        "Saturn": "50",
        "Mars": "-50",
    }
    match = root.findall("question")[-1]
    pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in match.iter("subquestion")]
    assert pairs[-1] == ("", "Venus") and pairs[0] == ("Titan", "Saturn")
    assert [left.id for left in exported.left_out] == ["planets-from-sun"]


def test_aiken_holds_single_questions_and_reads_back() -> None:
    exported = export_aiken(starter())
    text = exported.data.decode()
    assert text.startswith(
        "Which planet is known as the red planet?\nA. Venus\nB. Mars\nC. Jupiter\nD. Mercury\n"
        "ANSWER: B\n"
    )
    assert exported.questions == 1 and len(exported.left_out) == 6
    back = parse(text, "aiken").questions[0]
    assert (back.choices, back.answers) == (starter().questions[0].choices, ("Mars",))


def test_csv_has_the_documented_columns_and_no_formulas() -> None:
    question = helpers.make_question(
        "f", QuestionType.SINGLE, prompt="=1+1", choices=("-2", "ok"), answers=("ok",)
    )
    exported = export_csv(Bank("b", "B", (*starter().questions, question)))
    assert exported.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + 8
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["choices"] == "Venus\nMars\nJupiter\nMercury" and first["answer"] == "Mars"
    match = dict(zip(COLUMNS, rows[7], strict=True))
    assert match["answer"] == "Titan → Saturn\nEuropa → Jupiter\nPhobos → Mars"
    assert match["extra"] == "Venus"
    last = dict(zip(COLUMNS, rows[8], strict=True))
    assert (last["prompt"], last["choices"]) == ("'=1+1", "'-2\nok")


def anki_notes(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(path) as db:
            rows = db.execute("select guid, flds from notes order by id").fetchall()
        return [(str(guid), str(fields)) for guid, fields in rows]


def test_anki_ids_are_stable_from_the_bank_title_and_question_id() -> None:
    bank = starter()
    first, again = anki_notes(export_anki(bank).data), anki_notes(export_anki(bank).data)
    assert [g for g, _ in first] == [g for g, _ in again]
    assert [g for g, _ in first] == [note_guid(bank.title, q.id) for q in bank.questions]
    assert note_guid("A", "q") != note_guid("B", "q") != note_guid("A", "r")
    assert stable_id("deck", "T") == stable_id("deck", "T") != stable_id("deck", "U")
    assert 1 << 30 <= stable_id("deck", "T") < 1 << 31
    assert "Which planet is known as the red planet?" in first[0][1]


def test_anki_fields_are_escaped_html() -> None:
    question = helpers.make_question("h", QuestionType.TEXT, prompt="<b>x</b> & y", answers=("z",))
    ((_, fields),) = anki_notes(export_anki(Bank("b", "B", (question,))).data)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in fields and "<b>" not in fields


# -- the command -----------------------------------------------------------------------------


def write_starter(tmp_path: Path) -> Path:
    bank = tmp_path / "starter.yaml"
    bank.write_text(STARTER_BANK.format(filename=bank.name), encoding="utf-8")
    return bank


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("gift", ".gift"),
        ("moodle-xml", ".xml"),
        ("aiken", ".txt"),
        ("csv", ".csv"),
        ("anki", ".apkg"),
    ],
)
def test_export_command_writes_next_to_the_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, suffix: str
) -> None:
    bank = write_starter(tmp_path)
    assert main(["export", str(bank), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    written = bank.with_suffix(suffix)
    assert written.stat().st_size > 0
    assert out.startswith("Exported ") and f"to {written}" in out
    assert all(": left out '" in line for line in err.splitlines())


def test_a_bank_named_not_by_path_is_exported_to_the_current_folder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_data_dir: Path,
) -> None:
    folder = isolated_data_dir / "questions"
    folder.mkdir()
    bank = write_starter(folder)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["export", "starter", "--format", "gift"]) == 0
    assert "to starter.gift" in capsys.readouterr().out
    assert (here / "starter.gift").read_text(encoding="utf-8").startswith("// My first quiz")
    assert not bank.with_suffix(".gift").exists()


def test_a_built_in_bank_is_never_exported_into_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.library.sources import builtin_dir

    inside = builtin_dir() / "soyuz-2024.csv"
    assert not inside.exists()
    monkeypatch.chdir(tmp_path)
    try:
        assert main(["export", "soyuz-2024", "--format", "csv"]) == 0
        assert not inside.exists()
    finally:
        inside.unlink(missing_ok=True)
    assert "to soyuz-2024.csv" in capsys.readouterr().out
    assert (tmp_path / "soyuz-2024.csv").stat().st_size > 0


def test_a_bank_in_a_folder_named_by_path_is_exported_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "banks").mkdir()
    bank = write_starter(tmp_path / "banks")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "banks", "--format", "aiken"]) == 0
    assert f"to {Path('banks', 'starter.txt')}" in capsys.readouterr().out
    assert bank.with_suffix(".txt").stat().st_size > 0
    assert not (tmp_path / "starter.txt").exists()


def test_export_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = write_starter(tmp_path)
    out = tmp_path / "out.gift"
    out.write_text("keep", encoding="utf-8")
    assert main(["export", str(bank), "--format", "gift", "-o", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep"
    assert main(["export", str(bank), "--format", "gift", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("// My first quiz")


def test_export_of_a_broken_bank_or_nothing_to_export_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: x\nquestions: []\n", encoding="utf-8")
    assert main(["export", str(broken), "--format", "gift"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    orders = tmp_path / "orders.yaml"
    orders.write_text(
        "title: O\nquestions:\n  - {id: o, type: order, prompt: P?, items: [a, b], "
        "explanation: E}\n",
        encoding="utf-8",
    )
    assert main(["export", str(orders), "--format", "aiken"]) == 1
    assert "No questions to export" in capsys.readouterr().err
    assert not orders.with_suffix(".txt").exists()


def test_export_of_a_bank_with_errors_says_error_once_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "b1.yaml"
    bank.write_text(
        "title: B\nquestions:\n  - {id: n, type: number, prompt: P?, answer: 3, "
        "tolerance: -1, explanation: E}\n  - {id: n, type: mutli, prompt: P?}\n",
        encoding="utf-8",
    )
    assert main(["export", str(bank), "--format", "csv"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert all(line.count("error:") == 1 for line in lines), lines
    assert lines[0].startswith(f"{bank}:3:") and ": error: 'tolerance'" in lines[0]
    assert lines[-1] == f"quiz: error: {bank} has {len(lines) - 1} errors; nothing exported"
    assert len(lines) >= 3
    assert not bank.with_suffix(".csv").exists()


@pytest.mark.slow
def test_export_then_import_through_the_installed_command(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    found = shutil.which("quiz", path=str(Path(sys.executable).parent))
    quiz = [found] if found else [sys.executable, "-m", "quiz"]
    bank = write_starter(tmp_path)
    exported = subprocess.run(
        [*quiz, "export", str(bank), "--format", "gift"], capture_output=True, text=True, timeout=60
    )
    assert exported.returncode == 0, exported.stderr
    left_out = "an order question: GIFT has no question type for ordering"
    assert exported.stderr == f"{bank}: left out 'planets-from-sun': {left_out}\n"
    back = tmp_path / "back.yaml"
    imported = subprocess.run(
        [*quiz, "import", str(bank.with_suffix(".gift")), "-o", str(back)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Converted 6 questions")
    again = check_text(back.read_text(encoding="utf-8"), str(back))
    assert again.bank is not None
    assert [q.id for q in again.bank.questions] == [
        q.id for q in starter().questions if q.type is not QuestionType.ORDER
    ]
