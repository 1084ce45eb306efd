"""The shipped question bank: it validates cleanly and keeps the rules of issue 4.

Besides the loader's own checks, these tests hold the bank to its writing rules: enough
questions of every type, difficulty and article section; hints for hard questions; short
explanations; no bias toward the longest choice; and no text copied from the source article.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from quiz.errors import BankError
from quiz.library.loading import check_file, load_bank
from quiz.model import Bank, Question
from tests.helpers import ROOT, SHARED

BANK_PATH = ROOT / "questions" / "soyuz-2024.yaml"
ARTICLE_PATH = SHARED / "source-article.txt"

MIN_QUESTIONS = 30
TYPES = frozenset({"single", "multi", "boolean", "text", "number", "order"})
SECTIONS = (
    "Introduction",
    "Unprecedented International Collaboration",
    "Building on a Legacy of Cooperation",
    "Looking Toward the Future",
)
MIN_PER_SECTION = 4
DIFFICULTIES = ("easy", "medium", "hard")
MIN_DIFFICULTY_SHARE = 0.15
TOPIC_TAGS = frozenset({"people", "places", "dates", "agencies", "history", "themes"})
BANK_TAGS = ("space", "iss")
MAX_EXPLANATION_SENTENCES = 2
# The right answer may be the strictly longest choice in at most 1/k of the single
# questions (k = the usual number of choices), plus this margin.
LONGEST_ANSWER_MARGIN = 0.05
COPY_RUN = 8  # words in a row that may not be shared with the article
KEBAB_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A sentence ends at ., ! or ? followed by a space or the end of the text.
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[a-z0-9']+")
# Facts the bank must cover (issue 4), each as a word that must appear somewhere in it.
MUST_MENTION = (
    "Novitsky",
    "Dyson",
    "Vasilevskaya",
    "Belarus",
    "Roscosmos",
    "NASA",
    "Soyuz",
    "International Space Station",
    "Baikonur",
    "Kazakhstan",
    "Russian-leased",
    "United States",
    "March 21, 2024",
    "2024-03-20",
    "Cold War",
    "Apollo-Soyuz Test Project",
    "creation of the ISS",
    "more nations",
    "scientific discoveries",
    "climate change",
    "new generation",
    "symbol of hope",
)


# -- helpers (pure, and tested below so the checks themselves are known to work) ---------


def words(text: str) -> list[str]:
    """The words of ``text`` for copy checking: lower case letters, digits, apostrophes."""
    folded = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return WORD.findall(folded)


def word_runs(text: str, length: int = COPY_RUN) -> set[tuple[str, ...]]:
    """Every run of ``length`` consecutive words in ``text``."""
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def copied_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of ``text`` that also occur in the source, as strings."""
    return sorted(" ".join(run) for run in word_runs(text) & source_runs)


def count_sentences(text: str) -> int:
    """Roughly how many sentences ``text`` holds (a trailing fragment counts as one)."""
    stripped = text.strip()
    if not stripped:
        return 0
    ends = len(SENTENCE_END.findall(stripped))
    return ends if SENTENCE_END.search(stripped[-1]) else ends + 1


def answer_is_longest(choices: tuple[str, ...], answer: str) -> bool:
    """Whether ``answer`` is strictly longer than every other choice."""
    return all(len(answer) > len(choice) for choice in choices if choice != answer)


def texts_of(document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every piece of player-visible text in a raw bank document, with where it comes from."""
    for key in ("title", "description"):
        if isinstance(document.get(key), str):
            yield key, document[key]
    for question in document.get("questions") or []:
        where = f"question {question.get('id')!r}"
        for key in ("prompt", "explanation", "hint"):
            if isinstance(question.get(key), str):
                yield f"{where} {key}", question[key]
        for key in ("choices", "items", "answer"):
            value = question.get(key)
            entries = value if isinstance(value, list) else [value]
            for entry in entries:
                if isinstance(entry, str):
                    yield f"{where} {key}", entry


def test_copy_check_finds_a_copied_run() -> None:
    source = word_runs("One two three four five six seven eight nine ten.")
    assert copied_runs("Say: ONE two three, four five six seven eight!", source) == [
        "one two three four five six seven eight"
    ]
    assert copied_runs("one two three four five six seven nine", source) == []


def test_sentence_count() -> None:
    assert count_sentences("One. Two!") == 2
    assert count_sentences("One, then 2.5 more. Two? Three") == 3
    assert count_sentences("") == 0


def test_longest_answer_check() -> None:
    assert answer_is_longest(("Baikonur", "Kourou"), "Baikonur")
    assert not answer_is_longest(("Kazakhstan", "Uzbekistan"), "Kazakhstan")
    assert not answer_is_longest(("Russia", "Kazakhstan"), "Russia")


# -- the bank ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bank() -> Bank:
    try:
        return load_bank(BANK_PATH)
    except BankError as error:
        pytest.fail("the built-in bank does not load:\n" + "\n".join(map(str, error.diagnostics)))


@pytest.fixture(scope="module")
def questions(bank: Bank) -> tuple[Question, ...]:
    return bank.questions


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    loaded = yaml.safe_load(BANK_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_bank_checks_without_any_diagnostic() -> None:
    report = check_file(BANK_PATH)
    assert report.diagnostics == (), "\n".join(str(d) for d in report.diagnostics)
    assert report.bank is not None


def test_bank_has_title_and_enough_questions(bank: Bank) -> None:
    assert bank.title.strip()
    assert len(bank.questions) >= MIN_QUESTIONS


def test_ids_are_kebab_case_and_unique(questions: tuple[Question, ...]) -> None:
    ids = [q.id for q in questions]
    assert [i for i in ids if not KEBAB_ID.fullmatch(i)] == []
    assert len(ids) == len(set(ids))


def test_every_type_is_used_and_single_is_most_common(questions: tuple[Question, ...]) -> None:
    counts = Counter(q.type.value for q in questions)
    assert set(counts) == TYPES
    assert all(counts[t] >= 2 for t in TYPES), counts
    assert counts["single"] == max(counts.values()), counts


def test_every_question_cites_a_section(questions: tuple[Question, ...]) -> None:
    assert [q.id for q in questions if q.source not in SECTIONS] == []


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_enough_questions(questions: tuple[Question, ...], section: str) -> None:
    assert sum(q.source == section for q in questions) >= MIN_PER_SECTION


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_difficulty_mix(questions: tuple[Question, ...], difficulty: str) -> None:
    share = sum(q.difficulty.value == difficulty for q in questions) / len(questions)
    assert share >= MIN_DIFFICULTY_SHARE, f"{difficulty}: {share:.0%}"


def test_hard_questions_have_hints(questions: tuple[Question, ...]) -> None:
    missing = [q.id for q in questions if q.difficulty.value == "hard" and not q.hint]
    assert missing == []


def test_explanations_are_one_or_two_sentences(questions: tuple[Question, ...]) -> None:
    wrong = {
        q.id: count_sentences(q.explanation)
        for q in questions
        if not 1 <= count_sentences(q.explanation) <= MAX_EXPLANATION_SENTENCES
    }
    assert wrong == {}


def test_tags(questions: tuple[Question, ...]) -> None:
    assert [q.id for q in questions if not TOPIC_TAGS & set(q.tags)] == []
    assert [q.id for q in questions if not set(BANK_TAGS) <= set(q.tags)] == []


def test_answer_fields_fit_the_type(questions: tuple[Question, ...]) -> None:
    for q in questions:
        kind = q.type.value
        if kind == "single":
            assert len(q.answers) == 1 and q.answers[0] in q.choices, q.id
        elif kind == "multi":
            assert q.answers and set(q.answers) <= set(q.choices), q.id
        elif kind == "text":
            assert q.answers, q.id
        elif kind == "order":
            assert 2 <= len(q.items) <= 8, q.id
        elif kind == "number":
            assert q.number is not None and q.tolerance >= 0, q.id
        else:
            assert q.truth is not None, q.id


def test_right_answer_is_not_usually_the_longest_choice(
    questions: tuple[Question, ...],
) -> None:
    singles = [q for q in questions if q.type.value == "single"]
    assert singles
    usual_choices = statistics.mode(len(q.choices) for q in singles)
    longest = [q.id for q in singles if answer_is_longest(q.choices, q.answers[0])]
    limit = 1 / usual_choices + LONGEST_ANSWER_MARGIN
    assert len(longest) / len(singles) <= limit, longest


def test_bank_covers_the_key_facts(document: dict[str, Any]) -> None:
    everything = " ".join(text for _, text in texts_of(document)).casefold()
    assert [fact for fact in MUST_MENTION if fact.casefold() not in everything] == []


def test_no_run_of_words_is_copied_from_the_article(document: dict[str, Any]) -> None:
    if not ARTICLE_PATH.is_file():
        pytest.skip(f"source article not found at {ARTICLE_PATH}")
    source_runs = word_runs(ARTICLE_PATH.read_text(encoding="utf-8"))
    copied = {
        f"{where}: {run}"
        for where, text in texts_of(document)
        for run in copied_runs(text, source_runs)
    }
    assert sorted(copied) == []
