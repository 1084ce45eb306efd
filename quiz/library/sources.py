"""Where banks come from: the built-in folder, the user's data folder, QUIZ_PATH, the
working folder and the files and folders named on the command line."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from quiz.errors import BankNotFoundError
from quiz.format.rules import BANK_SUFFIXES
from quiz.library.loading import FilePath, as_path, bank_name

APP_NAME = "orbit-quiz"


def builtin_dir() -> Path:
    """The folder of the banks that ship with the game.

    An installed wheel carries them inside the package; a source checkout (or an
    editable install) keeps them in ``questions/`` at the top of the repository.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "questions"
    return packaged if packaged.is_dir() else package.parent / "questions"


def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's data folder: ``QUIZ_DATA_DIR`` when set, else the platform's."""
    override = environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def search_dirs(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The folders searched for banks, in order: built-in, user data, then ``QUIZ_PATH``."""
    dirs = [builtin_dir(), data_dir(environ) / "questions"]
    dirs += [Path(entry) for entry in environ.get("QUIZ_PATH", "").split(os.pathsep) if entry]
    return dirs


def is_bank_file(path: FilePath) -> bool:
    """Whether a path names a question file by its suffix."""
    return as_path(path).suffix.lower() in BANK_SUFFIXES


def files_in(folder: Path) -> list[Path]:
    """The question files directly inside a folder, sorted by name (none if it is missing)."""
    try:
        found = [p for p in folder.iterdir() if is_bank_file(p) and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def known_files(environ: Mapping[str, str] = os.environ, cwd: Path | None = None) -> list[Path]:
    """Every question file in the search folders, then those of the working folder
    that look like banks, each once."""
    found = [path for folder in search_dirs(environ) for path in files_in(folder)]
    here = [p for p in files_in(Path.cwd() if cwd is None else cwd) if looks_like_bank(p)]
    return _once(found + here)


_QUESTIONS_KEY = re.compile(rb"^(questions|\"questions\")\s*:", re.MULTILINE)


def looks_like_bank(path: Path, probe: int = 65_536) -> bool:
    """Whether a YAML file in the working folder is a bank rather than some other YAML
    (a CI or compose file): a top-level ``questions:`` key near its start."""
    try:
        with path.open("rb") as file:
            return _QUESTIONS_KEY.search(file.read(probe)) is not None
    except OSError:
        return False


def expand_paths(paths: Iterable[FilePath]) -> list[Path]:
    """Files as given, folders replaced by the question files in them (recursively,
    in the order of their paths, not following links to folders)."""
    result: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            result += sorted(_files_under(given), key=lambda p: p.parts)
        else:
            result.append(given)
    return result


def _files_under(folder: Path) -> Iterator[Path]:
    for top, _, names in os.walk(folder):
        for name in names:
            path = Path(top, name)
            if is_bank_file(path) and path.is_file():
                yield path


def resolve(names: Iterable[str], environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Turn bank names into files: a question file or a folder of them, or the stem of a
    known bank. A file named twice (or through two names) is played once."""
    resolved: list[Path] = []
    known: list[Path] | None = None
    for name in names:
        path = Path(name)
        # Path("") is the current folder, but an empty name names no bank.
        found = expand_paths([path]) if name and path.is_dir() else []
        if found or (name and path.is_file() and is_bank_file(path)):
            resolved += found or [path]
            continue
        known = known if known is not None else known_files(environ)
        resolved.append(_by_name(name, known))
    return _once(resolved)


def _by_name(name: str, known: list[Path]) -> Path:
    """The one known bank of this name; an error says why there is none."""
    matches = [p for p in known if bank_name(p) == name]
    if len(matches) == 1:
        return matches[0]
    path = Path(name)
    if matches:
        listed = ", ".join(map(str, matches))
        raise BankNotFoundError(f"'{name}' names several banks ({listed}); give a path instead")
    if name and path.is_file():
        raise BankNotFoundError(f"'{name}' is not a question file (they end in .yaml or .yml)")
    if name and path.is_dir():
        raise BankNotFoundError(f"the folder '{name}' holds no question files (.yaml or .yml)")
    if is_bank_file(path) or len(path.parts) > 1:
        raise BankNotFoundError(_no_file(name, known))
    close = difflib.get_close_matches(name, [bank_name(p) for p in known], n=1)
    advice = f" (did you mean '{close[0]}'?)" if close else ""
    raise BankNotFoundError(
        f"no bank named '{name}'{advice}; run 'quiz list' to see the banks, or give a path"
    )


def _no_file(name: str, known: list[Path]) -> str:
    """Why a name written as a path names nothing: a near name in its folder, or the
    known bank that its file name stands for."""
    path = Path(name)
    if is_bank_file(path) and any(bank_name(p) == path.stem for p in known):
        return f"no file '{name}'; a bank named '{path.stem}' is known: give its name alone"
    near = difflib.get_close_matches(path.name, [p.name for p in files_in(path.parent)], n=1)
    advice = f" (did you mean '{path.parent / near[0]}'?)" if near else ""
    return f"no file '{name}'{advice}"


def _once(paths: list[Path]) -> list[Path]:
    """The paths without repeats of the same file, in their first order."""
    seen: set[object] = set()
    kept: list[Path] = []
    for path in paths:
        key = file_identity(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def file_identity(path: Path) -> object:
    """What makes two paths one file: its device and inode, whatever links or hard
    links lead to it (one stat, where resolving looks at every folder on the way);
    for a path that names nothing, its absolute form."""
    try:
        found = path.stat()
    except (OSError, ValueError):
        return path.absolute()
    return (found.st_dev, found.st_ino)
