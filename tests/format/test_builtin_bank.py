"""The shipped question bank, held to an exam writer's standard (issues 4 and 16).

Besides the loader's own checks: about 30 questions, one per fact; every type, a mix of
difficulties, a source for each; multi questions with 1 to 3 right answers and no count
in the prompt; questions on facts, never on the article's layout; hints for hard
questions; short explanations that give no other question's answer away; no bias toward
the longest choice; a briefing the player can read; the answers careful players type
accepted; and no run of words copied from the source article.
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
from quiz.game.judging import check
from quiz.library.loading import check_file, load_bank
from quiz.model import Bank, Question, QuestionType
from quiz.ui.briefing_view import paragraphs
from tests.helpers import ROOT, SHARED

BANK_PATH = ROOT / "questions" / "soyuz-2024.yaml"
ARTICLE_PATH = SHARED / "source-article.txt"

QUESTION_RANGE = (25, 35)  # "about 30": the article holds about a dozen facts and ideas
TYPES = frozenset({"single", "multi", "boolean", "text", "number", "order"})
# The article has one chronology to put in order; a second order question would repeat it.
MIN_PER_TYPE = {"order": 1}
SECTIONS = (
    "Introduction",
    "Unprecedented International Collaboration",
    "Building on a Legacy of Cooperation",
    "Looking Toward the Future",
)
SOURCE_SEPARATOR = "; "  # a question drawing on two sections names both
MIN_PER_SECTION = 4
DIFFICULTIES = ("easy", "medium", "hard")
MIN_DIFFICULTY_SHARE = 0.15
TOPIC_TAGS = frozenset({"people", "places", "dates", "agencies", "history", "themes"})
BANK_TAGS = ("space", "iss")
MAX_EXPLANATION_SENTENCES = 2
MULTI_ANSWERS = (1, 3)
MAX_SHARE_IN_ONE_PLACE = 0.4  # of the right choices, in any one position of the file
BRIEFING_PARAGRAPHS = (3, 8)
MAX_PARAGRAPH_WORDS = 120
COPY_RUN = 8  # words in a row that may not be shared with the article
KEBAB_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A sentence ends at ., ! or ? followed by a space or the end of the text.
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[a-z0-9']+")
# Questions on the text's layout rather than its facts, and hints that point into a text
# the player never sees.
LAYOUT = re.compile(
    r"\b(sections?|paragraphs?|sentences?|the (heading|headline)|headlines?|dateline|"
    r"(opening|closing|first|last|final) (lines?|words|part)|in (its|the) (opening|closing)|"
    r"how many (items|ideas|examples|achievements)|in (what|which) order (do|does|are|is)|"
    r"look at|the text)\b",
    re.IGNORECASE,
)
# A multi prompt that says how many answers are right gives them away.
COUNTED = re.compile(r"\b(which|what) (one|two|three|four)\b|\b(both|two|three)\b", re.I)
MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
# Facts the briefing must convey (the player reads it before playing), each as words
# that must appear in it.
BRIEFING_FACTS = (
    "20 March 2024",
    "21 March 2024",
    "Soyuz",
    "International Space Station",
    "Baikonur",
    "Kazakhstan",
    "Russia leases",
    "Oleg Novitsky",
    "cosmonaut of Roscosmos",
    "Tracy Dyson",
    "astronaut of NASA",
    "Marina Vasilevskaya",
    "Belarus",
    "United States and Russia",
    "unity",
    "Cold War",
    "Apollo-Soyuz Test Project",
    "renews",
    "unprecedented",
    "more nations",
    "climate change",
    "new generation of explorers",
    "symbol of hope",
    "23 March 2024",  # the real launch date, marked as outside the article
)
# Ideas some question must test (the gaps the fact-checker of issue 16 found), as words
# in the question's own text.
MUST_TEST = {
    "Dyson's title": "Tracy Dyson, a NASA astronaut",
    "Vasilevskaya and the agencies": "NASA or to Roscosmos",
    "unprecedented against a legacy": "unprecedented",
}
# What careful players type (issue 16), by question: each must be accepted as right.
CAREFUL_ANSWERS = {
    "destination": (
        "The International Space Station (ISS)",
        "ISS (International Space Station)",
        "I.S.S.",
        "the ISS",
        "international space station",
    ),
    "apollo-soyuz": (
        "The Apollo-Soyuz Test Project",
        "ASTP",
        "Apollo-Soyuz",
        "Soyuz-Apollo",
        "Apollo Soyuz test project",
    ),
    "vasilevskaya-country": ("Belarus", "Belarusian", "belarusian"),
}
# ... and what one typo must not turn into a right answer.
NOT_ANSWERS = {"destination": ("the IS", "the ESS", "the ISA", "IS", "ISA")}


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
    for key in ("title", "description", "briefing"):
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


def sections_of(question: Question) -> list[str]:
    """The article sections a question cites (one, or several joined by '; ')."""
    return (question.source or "").split(SOURCE_SEPARATOR)


def question_texts(question: Question) -> list[str]:
    """What the player reads of a question before answering: prompt, choices, items, hint."""
    return [question.prompt, *question.choices, *question.items, question.hint or ""]


def answers_given_away(questions: tuple[Question, ...]) -> list[str]:
    """Where a question's answer (a single or text answer, a right multi choice) stands in
    another question's prompt, hint or explanation: read before or after answering that
    one, it would answer this one. (Distractors are not searched: a wrong choice says
    nothing.)"""
    found = []
    for question in questions:
        if question.type not in (QuestionType.SINGLE, QuestionType.TEXT, QuestionType.MULTI):
            continue
        for answer in question.answers:
            pattern = re.compile(rf"(?<!\w){re.escape(answer)}(?!\w)", re.IGNORECASE)
            for other in questions:
                if other.id == question.id:
                    continue
                for text in (other.prompt, other.hint or "", other.explanation):
                    if pattern.search(text):
                        found.append(f"{question.id}: {answer!r} in {other.id}")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Which section names the crew?",
        "Look at the opening paragraph.",
        "In which order are these ideas presented?",
        "How many items does the list hold?",
        "What does the closing sentence say?",
        "What does the article say in its closing words?",
        "Which word does the heading use?",
    ],
)
def test_layout_check_finds_questions_on_layout(text: str) -> None:
    assert LAYOUT.search(text)


def test_layout_check_lets_facts_through() -> None:
    assert not LAYOUT.search("Put these in the order in which they happened, earliest first.")
    assert not LAYOUT.search("According to the article, on which day was the launch planned?")
    assert not LAYOUT.search("Where was the crew heading? It sees the flight opening the way.")


def test_count_check_finds_a_count_in_a_prompt() -> None:
    assert COUNTED.search("Which two agencies are named? Select all that apply.")
    assert COUNTED.search("Name both agencies.")
    assert not COUNTED.search("Which agencies are named? Select all that apply.")


def test_give_away_check_finds_an_answer_in_another_explanation() -> None:
    site = Question(
        "site", QuestionType.SINGLE, "Where?", choices=("Baikonur", "Kourou"), answers=("Baikonur",)
    )
    told = Question("lease", QuestionType.BOOLEAN, "Leased?", "Baikonur is leased.", truth=True)
    assert answers_given_away((site, told)) == ["site: 'Baikonur' in lease"]
    quiet = Question("lease", QuestionType.BOOLEAN, "Leased?", "The site is leased.", truth=True)
    assert answers_given_away((site, quiet)) == []


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


def test_bank_has_a_title_and_about_thirty_questions(bank: Bank) -> None:
    assert bank.title.strip()
    low, high = QUESTION_RANGE
    assert low <= len(bank.questions) <= high, len(bank.questions)


def test_ids_are_kebab_case_and_unique(questions: tuple[Question, ...]) -> None:
    ids = [q.id for q in questions]
    assert [i for i in ids if not KEBAB_ID.fullmatch(i)] == []
    assert len(ids) == len(set(ids))


def test_every_type_is_used_and_single_is_most_common(questions: tuple[Question, ...]) -> None:
    counts = Counter(q.type.value for q in questions)
    assert set(counts) == TYPES
    assert all(counts[t] >= MIN_PER_TYPE.get(t, 2) for t in TYPES), counts
    assert counts["single"] == max(counts.values()), counts


def test_every_question_cites_sections_of_the_article(questions: tuple[Question, ...]) -> None:
    assert [q.id for q in questions if not set(sections_of(q)) <= set(SECTIONS)] == []
    if ARTICLE_PATH.is_file():  # the headings cited are the article's own
        article = ARTICLE_PATH.read_text(encoding="utf-8")
        assert [s for s in SECTIONS[1:] if f"\n{s}\n" not in article] == []


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_enough_questions(questions: tuple[Question, ...], section: str) -> None:
    assert sum(section in sections_of(q) for q in questions) >= MIN_PER_SECTION


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_difficulty_mix(questions: tuple[Question, ...], difficulty: str) -> None:
    share = sum(q.difficulty.value == difficulty for q in questions) / len(questions)
    assert share >= MIN_DIFFICULTY_SHARE, f"{difficulty}: {share:.0%}"


def test_hard_questions_have_hints(questions: tuple[Question, ...]) -> None:
    missing = [q.id for q in questions if q.difficulty.value == "hard" and not q.hint]
    assert missing == []


def test_no_question_is_about_the_layout_of_the_article(
    questions: tuple[Question, ...],
) -> None:
    found = {
        q.id: match.group(0)
        for q in questions
        for text in [*question_texts(q), q.explanation]
        if (match := LAYOUT.search(text))
    }
    assert found == {}


def test_multi_questions_have_one_to_three_right_answers_and_do_not_count_them(
    questions: tuple[Question, ...],
) -> None:
    multis = [q for q in questions if q.type is QuestionType.MULTI]
    low, high = MULTI_ANSWERS
    assert {q.id: len(q.answers) for q in multis if not low <= len(q.answers) <= high} == {}
    assert [q.id for q in multis if len(q.answers) == len(q.choices)] == []
    assert [q.id for q in multis if COUNTED.search(q.prompt)] == []


def test_explanations_are_one_or_two_sentences(questions: tuple[Question, ...]) -> None:
    wrong = {
        q.id: count_sentences(q.explanation)
        for q in questions
        if not 1 <= count_sentences(q.explanation) <= MAX_EXPLANATION_SENTENCES
    }
    assert wrong == {}


def test_no_question_gives_another_answer_away(questions: tuple[Question, ...]) -> None:
    assert answers_given_away(questions) == []


def test_questions_on_dates_ask_what_the_article_says(questions: tuple[Question, ...]) -> None:
    """A player who knows the real launch date (23 March) must not be marked wrong."""
    on_dates = [
        q
        for q in questions
        if (q.type is QuestionType.NUMBER and "dates" in q.tags)
        or any(MONTHS.search(answer) for answer in q.answers)
    ]
    assert on_dates
    assert [q.id for q in on_dates if "according to the article" not in q.prompt.lower()] == []


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


def test_right_answer_is_the_longest_choice_no_more_often_than_chance(
    questions: tuple[Question, ...],
) -> None:
    singles = [q for q in questions if q.type is QuestionType.SINGLE]
    assert singles
    usual_choices = statistics.mode(len(q.choices) for q in singles)
    longest = [q.id for q in singles if answer_is_longest(q.choices, q.answers[0])]
    assert len(longest) / len(singles) <= 1 / usual_choices, longest
    # Nor never: a player who learns that the longest choice is always wrong gains as much.
    assert longest


def test_right_answers_are_spread_over_the_positions(questions: tuple[Question, ...]) -> None:
    """With --no-shuffle choices come in file order: the key must not sit in one place."""
    places = Counter(
        q.choices.index(answer) + 1
        for q in questions
        if q.type in (QuestionType.SINGLE, QuestionType.MULTI)
        for answer in q.answers
    )
    assert max(places.values()) / sum(places.values()) <= MAX_SHARE_IN_ONE_PLACE, places


def test_the_bank_tests_what_the_fact_checker_found_missing(
    questions: tuple[Question, ...],
) -> None:
    tested = " ".join(text for q in questions for text in (*question_texts(q), *q.answers))
    assert [idea for idea, words in MUST_TEST.items() if words not in tested] == []


@pytest.mark.parametrize(
    ("qid", "given"), [(qid, given) for qid, typed in CAREFUL_ANSWERS.items() for given in typed]
)
def test_what_careful_players_type_is_right(
    questions: tuple[Question, ...], qid: str, given: str
) -> None:
    question = next(q for q in questions if q.id == qid)
    assert check(question, given).correct


@pytest.mark.parametrize(
    ("qid", "given"), [(qid, given) for qid, typed in NOT_ANSWERS.items() for given in typed]
)
def test_a_typo_in_a_short_answer_is_wrong(
    questions: tuple[Question, ...], qid: str, given: str
) -> None:
    question = next(q for q in questions if q.id == qid)
    assert not check(question, given).correct


# -- the briefing -----------------------------------------------------------------------


def test_the_briefing_is_a_few_paragraphs(bank: Bank) -> None:
    found = paragraphs(bank.briefing)
    low, high = BRIEFING_PARAGRAPHS
    assert low <= len(found) <= high, len(found)
    assert [p[:40] for p in found if len(p.split()) > MAX_PARAGRAPH_WORDS] == []


def test_the_briefing_conveys_the_facts(bank: Bank) -> None:
    shown = " ".join(paragraphs(bank.briefing))  # as the player reads it
    assert [fact for fact in BRIEFING_FACTS if fact not in shown] == []


def test_the_briefing_marks_what_comes_from_outside_the_article(bank: Bank) -> None:
    outside = [p for p in paragraphs(bank.briefing) if "23 March" in p]
    assert outside and all(p.startswith("Outside the article") for p in outside)


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
