"""Writing files whole: the mode a file gets, and what an existing file keeps."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quiz.files import write_atomically


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.yaml", b"title: T\n", replace=False)
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.yaml") == 0o644
    assert (tmp_path / "new.yaml").read_bytes() == b"title: T\n"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "kept.yaml"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    write_atomically(target, b"new\n")
    assert mode(target) == 0o640 and target.read_bytes() == b"new\n"


def test_an_existing_file_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "there.yaml"
    target.write_bytes(b"mine\n")
    with pytest.raises(FileExistsError):
        write_atomically(target, b"other\n", replace=False)
    assert target.read_bytes() == b"mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["there.yaml"]  # no temporary left


def test_a_private_file_is_its_owner_s_alone(tmp_path: Path) -> None:
    target = tmp_path / "key"
    target.write_bytes(b"old\n")
    target.chmod(0o644)
    write_atomically(target, b"secret\n", private=True)
    assert mode(target) == 0o600
