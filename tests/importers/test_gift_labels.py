"""GIFT choices that carry the source's own labels (``~A. Liam Hoekstra``): the labels
are dropped when every choice has its own, in order, with one note (S#13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import cli
from quiz.importers import gift
from tests import helpers

XMEN = helpers.SHARED / "corpus" / "import-wild" / "GL02-SRYEM-U4-p39-Reading-xmen.gift"


@pytest.mark.parametrize("mark", [".", ")"])
@pytest.mark.parametrize("letters", ["ABC", "abc"])
def test_labels_in_order_on_every_choice_are_dropped(letters: str, mark: str) -> None:
    a, b, c = (letter + mark for letter in letters)
    text = f"Who? {{~{a} Liam Hoekstra ={b} Wim Hof#Right! ~{c} Dean Karnazes}}"
    imported = gift.parse(text)
    (question,) = imported.questions
    assert question.choices == ("Liam Hoekstra", "Wim Hof", "Dean Karnazes")
    assert question.answers == ("Wim Hof",)
    assert question.explanation == "Wim Hof: Right!"
    assert [note.message for note in imported.notes] == [
        f"the choices start with the labels '{a}', '{b}', '{c}', which are dropped: "
        "the game shuffles the choices and numbers them itself"
    ]


@pytest.mark.parametrize(
    "block",
    [
        "{~A. Liam =B. Wim ~Dean}",  # not every choice
        "{~A. Liam =C. Wim ~B. Dean}",  # not in order
        "{~B. Liam =C. Wim ~D. Dean}",  # not from A
        "{~A. Liam =B) Wim ~C. Dean}",  # not one style
        "{~A. Liam =b. Wim ~C. Dean}",  # not one case
        "{~A.Liam =B.Wim ~C.Dean}",  # no space: not a label
        "{~A. x =B. x}",  # the labels are all that tells them apart
    ],
)
def test_labels_are_kept_unless_every_choice_has_its_own_in_order(block: str) -> None:
    imported = gift.parse(f"Who? {block}")
    assert not any("labels" in note.message for note in imported.notes)
    if imported.questions:
        assert imported.questions[0].choices[0][1] in ".)"


def test_the_corpus_file_is_told_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not XMEN.exists():
        pytest.skip("the shared corpus is not here")
    output = tmp_path / "xmen.yaml"
    assert cli.main(["import", str(XMEN), "-o", str(output)]) == 0
    said = capsys.readouterr().err
    assert said.splitlines() == [
        f"{XMEN}:17: note: the choices start with the labels 'A.', 'B.', 'C.', ..., which are "
        "dropped: the game shuffles the choices and numbers them itself (as in 9 more questions)"
    ]
    assert "      - Liam Hoekstra\n      - Wim Hof\n" in output.read_text(encoding="utf-8")
    assert "  - A. Liam" not in output.read_text(encoding="utf-8")  # the passage keeps it
