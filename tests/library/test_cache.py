"""The cache of checked files: hits, never stale, and faults ignored."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.format.checker import check_text
from quiz.format.report import Report
from quiz.format.starter import STARTER_BANK
from quiz.library import cache
from quiz.library.loading import catalogue, check_file

BROKEN = "title: T\nquestions:\n  - id: a\n    prompt: P?\n    choices: [x, y]\n    answer: z\n"


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "starter.yaml"
    path.write_text(STARTER_BANK.format(filename="starter.yaml"), encoding="utf-8")
    return path


def through_cache(path: Path, folder: Path) -> Report:
    """Check one file through the cache in ``folder``, as listings and games do."""
    return check_file(path, cache.Cache(folder))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bank"))


def test_a_hit_gives_the_same_bank_and_diagnostics(bank_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = through_cache(bank_file, folder)
    assert len(entries(folder)) == 1
    second = through_cache(bank_file, folder)
    assert second == first
    assert second.bank == check_text(bank_file.read_text(encoding="utf-8"), str(bank_file)).bank


def test_an_entry_is_used_rather_than_parsing(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)

    def never(*_: object, **__: object) -> object:
        raise AssertionError("parsed again")

    # What a miss really calls: patched, a hit must never reach it.
    monkeypatch.setattr("quiz.format.checker.check_bytes", never)
    assert through_cache(bank_file, folder).bank is not None


def test_a_changed_file_is_never_served_stale(bank_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)
    bank_file.write_text(BROKEN, encoding="utf-8")
    report = through_cache(bank_file, folder)
    assert report.bank is None
    assert "answer 'z' is not one of the choices" in report.errors[0].message
    assert len(entries(folder)) == 2


def test_diagnostics_name_the_path_they_are_asked_for(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(BROKEN, encoding="utf-8")
    two.write_text(BROKEN, encoding="utf-8")
    through_cache(one, folder)
    report = through_cache(two, folder)
    assert str(report.errors[0]).startswith(f"{two}:6:13: error:")


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x00" * 64])
def test_a_corrupt_entry_is_ignored(bank_file: Path, tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "cache"
    good = through_cache(bank_file, folder)
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    assert through_cache(bank_file, folder) == good


def test_an_entry_of_another_release_is_ignored(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)
    monkeypatch.setattr(cache, "MAGIC", b"orbit-quiz banks-0 old\n")
    digest = cache.content_digest(bank_file.read_bytes())
    assert cache.Cache(folder).load(digest, "p", "n") is None


def test_an_unwritable_cache_is_skipped(bank_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    report = through_cache(bank_file, blocker / "cache")
    assert report.bank is not None and not report.errors


def test_survey_reads_only_the_head_and_agrees_with_a_full_check(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    cold = catalogue([bank_file, broken], banks=False)
    warm = catalogue([bank_file, broken], banks=False)
    assert cold == warm
    full = catalogue([bank_file, broken]).reports
    assert [r.summary for r in warm.reports] == [r.summary for r in full]
    assert [r.diagnostics for r in warm.reports] == [r.diagnostics for r in full]
    summary = warm.reports[0].summary
    assert summary is not None
    assert (summary.name, summary.questions) == ("starter", 7)
    assert summary.types == ("boolean", "match", "multi", "number", "order", "single", "text")


def test_a_cache_hit_does_not_even_import_a_yaml_parser(bank_file: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QUIZ_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\nfrom quiz.cli import main\n"
        f"main(['list', {str(bank_file)!r}])\n"
        "parsers = {'yaml'} & set(sys.modules)\n"
        "print('YAML' if parsers else 'NO YAML', file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert [run.stderr.strip().splitlines()[-1] for run in runs] == ["YAML", "NO YAML"]


# -- an entry proves itself -------------------------------------------------------------


def entry_of(bank_file: Path, folder: Path) -> Path:
    return cache.Cache(folder).entry(cache.content_digest(bank_file.read_bytes()))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_damaged_entry_is_never_served(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Flipped bits, cut or grown entries: a miss (and the file checked again) or the
    very same report, never another bank and never an exception."""
    folder = tmp_path_factory.mktemp("cache")
    bank_file = folder / "starter.yaml"
    bank_file.write_text(STARTER_BANK.format(filename="starter.yaml"), encoding="utf-8")
    good = through_cache(bank_file, folder)
    entry = entry_of(bank_file, folder)
    raw = bytearray(entry.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] ^= 1 << data.draw(st.integers(0, 7))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    entry.write_bytes(bytes(raw))
    digest = cache.content_digest(bank_file.read_bytes())
    loaded = cache.Cache(folder).load(digest, str(bank_file), "starter")
    assert loaded is None or loaded == good
    assert through_cache(bank_file, folder) == good


def forged(entry: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite an entry's questions with ``edit``, with checksums that match."""
    raw = entry.read_bytes()[len(cache.MAGIC) :]
    sections = []
    while raw:
        size = int.from_bytes(raw[cache.CHECKSUM_SIZE : cache.CHECKSUM_SIZE + cache.LENGTH_SIZE])
        start = cache.CHECKSUM_SIZE + cache.LENGTH_SIZE
        sections.append(json.loads(raw[start : start + size]))
        raw = raw[start + size :]
    edit(sections[1])
    payloads = [json.dumps(section, ensure_ascii=False).encode() for section in sections]
    entry.write_bytes(cache.MAGIC + b"".join(cache._frame(p) for p in payloads))


@pytest.mark.parametrize(
    "edit",
    [
        lambda body: body["questions"][0].__setitem__(2, "\x1b]0;pwned\x07"),  # an escape
        lambda body: body["questions"][0].__setitem__(2, "safe \u202eeno gnorw"),  # bidi
        lambda body: body["questions"][0].__setitem__(2, 42),  # a number for a prompt
        lambda body: body["questions"][0].__setitem__(1, "essay"),  # no such type
        lambda body: body["questions"][0].__setitem__(8, "wide"),  # tolerance not a number
        lambda body: body["questions"].pop(),  # fewer questions than the head says
        lambda body: body.__setitem__("tags", "space"),  # text for a list
    ],
    ids=["escape", "bidi", "prompt-type", "unknown-type", "tolerance", "count", "tags"],
)
def test_a_forged_entry_with_good_checksums_is_still_refused(
    bank_file: Path, tmp_path: Path, edit: Callable[[dict[str, Any]], None]
) -> None:
    folder = tmp_path / "cache"
    good = through_cache(bank_file, folder)
    forged(entry_of(bank_file, folder), edit)
    digest = cache.content_digest(bank_file.read_bytes())
    assert cache.Cache(folder).load(digest, str(bank_file), "starter") is None
    assert through_cache(bank_file, folder) == good


def test_the_forgery_helper_makes_entries_the_cache_accepts(
    bank_file: Path, tmp_path: Path
) -> None:
    """The guard above can fail: an unchanged forgery (checksums redone) is a hit."""
    folder = tmp_path / "cache"
    good = through_cache(bank_file, folder)
    forged(entry_of(bank_file, folder), lambda body: None)
    digest = cache.content_digest(bank_file.read_bytes())
    assert cache.Cache(folder).load(digest, str(bank_file), "starter") == good


def test_a_change_that_keeps_size_and_times_is_still_seen(bank_file: Path, tmp_path: Path) -> None:
    """A write that leaves the file's status as it was (as through a shared memory map)
    is seen: every run hashes the bytes it reads."""
    folder = tmp_path / "cache"
    through_cache(bank_file, folder)
    before = bank_file.stat()
    text = bank_file.read_text(encoding="utf-8")
    changed = text.replace("Mercury", "Mercurx", 1)
    assert changed != text and len(changed) == len(text)
    bank_file.write_text(changed, encoding="utf-8")
    os.utime(bank_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = through_cache(bank_file, folder)
    assert report.bank is not None
    assert "Mercurx" in str(report.bank)
