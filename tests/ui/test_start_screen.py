"""The start screen's pick of a bank: in steps of ranges when the banks outnumber the
terminal's lines, one list otherwise (and always in plain mode)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich.console import Console

from quiz.model import BankSummary
from quiz.ui.session import Session
from quiz.ui.signals import Quit
from quiz.ui.start_screen import picker_step, range_label
from quiz.ui.theme import THEME
from quiz.ui.wrapping import wrap


class ScriptedAsker:
    """Picks by a script of labels (or indexes), keeping every list it was shown."""

    def __init__(self, *script: str | int) -> None:
        self.script = list(script)
        self.lists: list[list[str]] = []

    def pick(self, message: str, labels: list[str]) -> int:
        self.lists.append(labels)
        if not self.script:
            raise Quit("quit")
        step = self.script.pop(0)
        return step if isinstance(step, int) else labels.index(step)


def banks(count: int) -> list[BankSummary]:
    return [
        BankSummary(f"bank-{n:05d}", f"Bank number {n}", 1, ("boolean",), (), f"bank-{n:05d}.yaml")
        for n in range(count)
    ]


def session(
    asker: ScriptedAsker, *, height: int = 30, plain: bool = False, width: int = 100
) -> Session:
    console = Console(
        file=io.StringIO(), width=width, height=height, color_system=None, theme=THEME
    )
    made = Session(
        console=console, errors=console, stdin=io.StringIO(), plain=plain, seed=1, results=None
    )
    made._asker = asker  # type: ignore[assignment]
    return made


def test_few_banks_are_one_list_as_before() -> None:
    asker = ScriptedAsker("Bank number 2 (1 question)")
    chosen = session(asker).start_screen(banks(5), ask_count=False)
    assert chosen is not None and [b.name for b in chosen[0]] == ["bank-00002"]
    assert asker.lists == [
        [*(f"Bank number {n} (1 question)" for n in range(5)), "All banks (5 questions)", "Quit"]
    ]


def test_many_banks_are_picked_in_steps_no_list_longer_than_the_screen() -> None:
    asker = ScriptedAsker(
        "bank-00484 to bank-00967 (484 banks)",
        "bank-00946 to bank-00967 (22 banks)",
        "Bank number 950 (1 question)",
    )
    chosen = session(asker, height=40).start_screen(banks(10_000), ask_count=False)
    assert chosen is not None and [b.name for b in chosen[0]] == ["bank-00950"]
    assert len(asker.lists) == 3
    assert all(len(labels) <= 40 - 8 + 2 for labels in asker.lists)
    top, middle, bottom = asker.lists
    assert top[0] == "bank-00000 to bank-00483 (484 banks)"
    assert top[-3] == "bank-09680 to bank-09999 (320 banks)"
    assert top[-2:] == ["All banks (10,000 questions)", "Quit"]
    assert middle[-2:] == ["Back", "Quit"] and len(middle) == 22 + 2
    assert bottom[0] == "Bank number 946 (1 question)" and bottom[-2:] == ["Back", "Quit"]


def test_back_returns_to_the_list_before_and_all_banks_stays_on_top() -> None:
    asker = ScriptedAsker(0, "Back", "All banks (300 questions)")
    chosen = session(asker, height=20).start_screen(banks(300), ask_count=False)
    assert chosen is not None and len(chosen[0]) == 300
    assert asker.lists[0] == asker.lists[2]


def test_quit_at_any_step_leaves_the_start_screen() -> None:
    asker = ScriptedAsker(1, "Quit")
    assert session(asker, height=20).start_screen(banks(300), ask_count=False) is None


def test_plain_mode_numbers_every_bank_in_one_list() -> None:
    asker = ScriptedAsker(250)
    chosen = session(asker, height=20, plain=True).start_screen(banks(300), ask_count=False)
    assert chosen is not None and [b.name for b in chosen[0]] == ["bank-00250"]
    assert len(asker.lists) == 1 and len(asker.lists[0]) == 302


@pytest.mark.parametrize(
    ("count", "most", "step"),
    [(1, 9, 1), (9, 9, 1), (10, 9, 4), (32, 32, 1), (484, 32, 22), (10_000, 32, 484)],
)
def test_picker_step(count: int, most: int, step: int) -> None:
    assert picker_step(count, most) == step
    assert -(-count // step) <= most  # entries of the list


def test_the_start_screen_builds_only_the_entries_of_the_list_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """However many banks, a step makes labels for the entries it shows alone."""
    import quiz.ui.start_screen as start_screen_module

    made = [0]
    real = start_screen_module.range_label

    def counted(picked: list[BankSummary], *context: Any) -> str:
        made[0] += 1
        return real(picked, *context)

    monkeypatch.setattr(start_screen_module, "range_label", counted)
    asker = ScriptedAsker(0)
    session(asker, height=30).start_screen(banks(5_000), ask_count=False)
    shown = len(asker.lists[0][:-2]) + len(asker.lists[1][:-2])
    assert made[0] <= 2 * shown < 120  # each measured for the screen, then shown


def test_long_wrapped_labels_at_40_by_20_keep_every_list_on_the_screen() -> None:
    # Imported banks have long file names: their range labels wrap to several lines.
    names = [f"GL02-unit-{n:02d}-reading-comprehension-present-perfect.gift" for n in range(36)]
    found = [BankSummary(name, name, 3, ("single",), (), name) for name in names]
    found.insert(0, BankSummary("soyuz-2024", "Soyuz", 28, ("single",), (), "soyuz.yaml"))
    asker = ScriptedAsker(0, 0, 0, 0, 0, 0)
    picker = session(asker, height=20, width=40)
    chosen = picker.start_screen(found, ask_count=False)
    room = 20 - 8
    for labels in asker.lists:
        lines = sum(
            len(wrap(label, 39, f" » {i + 1}) " if i < 9 else " » "))
            for i, label in enumerate(labels)
        )
        assert lines <= room, labels
        assert labels[-1] == "Quit"
    # The ranges are by name, as their labels say: the first is the first name.
    assert asker.lists[0][0].startswith("GL02-unit-00… to GL02-unit-")
    assert (
        chosen is not None
        and chosen[0][0].name == "GL02-unit-00-reading-comprehension-present-perfect.gift"
    )


def test_a_range_too_long_for_its_line_is_named_by_guide_words() -> None:
    """Each guide word tells its bank from the range's other end and from the bank
    beyond its own end, so a range never reads backwards."""
    names = ["apollo-soyuz-test-project", "apollo-soyuz-timeline", "baikonur-history"]
    found = [BankSummary(name, name, 1, ("single",), (), name) for name in names]
    assert range_label(found[:2]) == (
        "apollo-soyuz-test-project to apollo-soyuz-timeline (2 banks)"
    )
    assert range_label(found[:2], 40, None, "baikonur-history") == (
        "apollo-soyuz-test… to …timeline (2 banks)"
    )
    assert range_label(found[1:], 40, "apollo-soyuz-test-project", None) == (
        "apollo-soyuz-timeline to baikonur… (2 banks)"
    )


def test_the_last_guide_word_of_a_range_is_never_a_start_of_the_first() -> None:
    names = [f"GL02-unit-{n:02d}-vocabulary-and-grammar" for n in range(57, 61)]
    found = [BankSummary(name, name, 3, ("single",), (), name) for name in names]
    assert range_label(found, 33, "GL02-unit-56-vocabulary-and-grammar", "my-first-quiz") == (
        "GL02-unit-57… to GL02-unit-60… (4 banks)"
    )


def test_names_that_differ_only_at_their_end_are_not_written_twice() -> None:
    names = [f"geography-europe-capitals-unit-{n:02d}" for n in range(1, 5)]
    found = [BankSummary(name, name, 3, ("single",), (), name) for name in names]
    assert range_label(found, 33, None, "geography-europe-capitals-unit-05") == (
        "geography-europe-capitals-unit-01 to …04 (4 banks)"
    )
