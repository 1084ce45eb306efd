"""What ``quiz import`` says about files it cannot read and about the bank it wrote (the
teacher's findings 20 and 21), and that notes never stop a conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import cli


def run_import(*args: str) -> int:
    return cli.main(["import", *args])


def test_the_written_banks_warnings_are_counted_with_the_command_that_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "g1.gift"
    source.write_text(
        "::Q1:: Which is red? {=Mars ~Venus}\n\n::Q13:: Smart {=“Mars” ~“Venus”}\n\n"
        "::Q3:: Explained {=Mars ~Venus#No, Venus is yellow.}\n",
        encoding="utf-8",
    )
    assert run_import(str(source)) == 0
    output = tmp_path / "g1.yaml"
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"g1.yaml has 5 warnings (2 questions with no explanation, 3 other); "
        f"see them with: quiz validate {output}"
    )


def test_no_warnings_line_when_the_bank_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ok.gift"
    source.write_text("Which is red? {=Mars ~Venus####Iron oxide.}\n", encoding="utf-8")
    assert run_import(str(source)) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == f"Play it with: quiz play {tmp_path / 'ok.yaml'}"
    )


def test_a_note_is_reported_and_the_question_still_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tf.gift"
    source.write_text("// quiz\n::Q11:: Is it true? {true}\n", encoding="utf-8")
    assert run_import(str(source)) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{source}:2: note: {{true}} is read as a short answer 'true' (players type it), as "
        "Moodle reads it; for a true/false question write {T} or {TRUE} in capitals"
    ]
    assert out.startswith(f"Converted 1 question from {source}")


def test_csv_is_not_an_import_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "q.csv"
    source.write_text("question,a,b,c,answer\nWhich is red?,Venus,Mars,Jupiter,Mars\n")
    assert run_import(str(source)) == 1
    assert capsys.readouterr().err == (
        f"quiz: error: '{source}': CSV files cannot be imported (quiz export writes CSV, but "
        "quiz import reads only GIFT, Aiken and Open Trivia DB JSON)\n"
    )
    assert not (tmp_path / "q.yaml").exists()


def test_a_word_document_is_to_be_saved_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "q.docx"
    source.write_bytes(b"PKgarbage")
    assert run_import(str(source)) == 1
    assert capsys.readouterr().err == (
        f"quiz: error: '{source}' is a word-processor document, not text (quiz import reads "
        "only GIFT, Aiken and Open Trivia DB JSON); save it as plain text (.txt) first\n"
    )


def test_a_zip_archive_is_named_whatever_its_name_and_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "questions.txt"
    source.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01")
    assert run_import(str(source), "--format", "gift") == 1
    assert capsys.readouterr().err == (
        f"quiz: error: '{source}' is a zip archive (a Word or LibreOffice document?), not "
        "text; save it as plain text (.txt) first\n"
    )


@pytest.mark.parametrize("content", ["", "\n  \n\t\n"])
def test_an_empty_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    source = tmp_path / "empty.gift"
    source.write_text(content, encoding="utf-8")
    assert run_import(str(source)) == 1
    assert capsys.readouterr().err == (
        f"quiz: error: '{source}' is empty: there are no questions to convert\n"
    )
