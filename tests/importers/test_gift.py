"""The GIFT importer: every feature of Moodle's format, on a sample file and in small cases."""

from __future__ import annotations

import pytest

from quiz.importers.common import Imported, Skip
from quiz.importers.convert import parse
from quiz.importers.markup import html_to_text, markdown_to_text
from quiz.model import Question, QuestionType
from tests import helpers

DATA = helpers.DATA / "import"


def gift(text: str) -> Imported:
    return parse(text, "gift")


def only(text: str) -> Question:
    """The one question that ``text`` converts to (and no skips)."""
    result = gift(text)
    assert result.skips == ()
    assert len(result.questions) == 1
    return result.questions[0]


def skipped(text: str) -> str:
    """Why the one question of ``text`` is skipped."""
    result = gift(text)
    assert result.questions == ()
    assert len(result.skips) == 1
    return result.skips[0].reason


@pytest.fixture(scope="module")
def sample() -> Imported:
    return parse((DATA / "sample.gift").read_text(encoding="utf-8"), "gift")


@pytest.fixture(scope="module")
def by_id(sample: Imported) -> dict[str, Question]:
    return {q.id: q for q in sample.questions}


# -- the sample file ---------------------------------------------------------------------


def test_sample_converts_every_playable_question(sample: Imported) -> None:
    assert [(q.id, q.type.value) for q in sample.questions] == [
        ("red-planet", "single"),
        ("gas-giants", "multi"),
        ("moon-light", "boolean"),
        ("mercury-is-the-planet-closest-to-the-sun", "boolean"),
        ("venus-spin", "boolean"),
        ("saturn-density", "boolean"),
        ("first-human", "text"),
        ("apollo", "text"),
        ("the-iss-goes-round-the-earth-about-a-day", "single"),
        ("sputnik", "number"),
        ("vostok", "number"),
        ("astp", "number"),
        ("gagarin-born", "number"),
        ("station-crew", "single"),
        ("escapes-all-of-them", "single"),
        ("html", "single"),
        ("markdown", "single"),
        ("moodle-format", "single"),
        ("red-planet-2", "boolean"),
        ("match", "match"),
    ]


def test_sample_skips_matching_essay_and_description_by_line(sample: Imported) -> None:
    assert sample.skips == (
        Skip(93, "an essay question ({}): free-text answers have no right answer to check"),
        Skip(96, "a description with no question after it"),
    )


def test_multiple_choice_with_answer_feedback(by_id: dict[str, Question]) -> None:
    q = by_id["red-planet"]
    assert q.prompt == "Which planet is known as the red planet?"
    assert q.choices == ("Mars", "Venus", "Jupiter")
    assert q.answers == ("Mars",)
    assert q.explanation == "Mars: Right: iron oxide dust.\nVenus: No, Venus is yellowish."


def test_weights_make_a_multi_question_of_the_positive_choices(
    by_id: dict[str, Question],
) -> None:
    q = by_id["gas-giants"]
    assert q.choices == ("Jupiter", "Saturn", "Earth", "Mars")
    assert q.answers == ("Jupiter", "Saturn")


def test_true_false_in_all_four_spellings(by_id: dict[str, Question]) -> None:
    truths = {i: by_id[i].truth for i in ("moon-light", "venus-spin", "saturn-density")}
    assert truths == {"moon-light": False, "venus-spin": True, "saturn-density": False}
    assert by_id["mercury-is-the-planet-closest-to-the-sun"].truth is True


def test_true_false_feedback_goes_to_the_answer_it_follows(by_id: dict[str, Question]) -> None:
    # {T#shown for a wrong answer#shown for the right one}
    assert by_id["mercury-is-the-planet-closest-to-the-sun"].explanation == (
        "True: Yes, it is the innermost.\nFalse: Check the order again."
    )


def test_general_feedback_is_the_explanation(by_id: dict[str, Question]) -> None:
    assert by_id["saturn-density"].explanation == "It would float, in a big enough bath."


def test_short_answer_accepts_every_right_answer(by_id: dict[str, Question]) -> None:
    assert by_id["first-human"].answers == ("Yuri Gagarin", "Gagarin")


def test_missing_word_leaves_a_blank_in_the_prompt(by_id: dict[str, Question]) -> None:
    apollo = by_id["apollo"]
    assert apollo.prompt == "The first crewed Moon landing was made by Apollo _____ in July 1969."
    assert apollo.answers == ("11", "eleven")
    iss = by_id["the-iss-goes-round-the-earth-about-a-day"]
    assert iss.prompt == "The ISS goes round the Earth about _____ a day."
    assert iss.choices == ("once", "16 times", "100 times")
    assert iss.answers == ("16 times",)


@pytest.mark.parametrize(
    ("qid", "number", "tolerance"),
    [("sputnik", 1957, 0), ("vostok", 1961, 1), ("astp", 1975, 5), ("gagarin-born", 1934, 0)],
)
def test_numerical_answers(
    by_id: dict[str, Question], qid: str, number: float, tolerance: float
) -> None:
    assert (by_id[qid].number, by_id[qid].tolerance) == (number, tolerance)


def test_numerical_feedback_of_every_answer(by_id: dict[str, Question]) -> None:
    assert by_id["astp"].explanation == "1975 ± 5: Close enough: it was 1975."
    assert by_id["gagarin-born"].explanation == (
        "1934: Right, 9 March 1934.\n"
        "1934 ± 2: Within two years: half credit.\n"
        "Any other answer: He was born in 1934."
    )


def test_partial_credit_choice_is_a_wrong_choice(by_id: dict[str, Question]) -> None:
    q = by_id["station-crew"]
    assert q.type is QuestionType.SINGLE
    assert q.answers == ("Bill Shepherd",)
    assert q.explanation.splitlines() == [
        "Bill Shepherd: He commanded Expedition 1.",
        "Yuri Gidzenko: He was on board, as Soyuz commander.",
        "Expedition 1 arrived on 2 November 2000.",
    ]


def test_escapes_become_plain_characters(by_id: dict[str, Question]) -> None:
    q = by_id["escapes-all-of-them"]
    assert q.prompt == "Which of these is written with a tilde ~ and {braces}?"
    assert q.choices == ("a ~ b = c", "x # 1", "ratio 1:2")
    assert q.answers == ("a ~ b = c",)


def test_text_formats_lose_prefix_and_markup(by_id: dict[str, Question]) -> None:
    html = by_id["html"]
    assert html.prompt == "Which agency runs the Baikonur launches?"
    assert html.choices == ("Roscosmos", "NASA & ESA")
    markdown = by_id["markdown"]
    assert markdown.prompt == "Which space station is the largest ever built?"
    assert markdown.choices == ("The ISS", "Mir", "Skylab")
    assert by_id["moodle-format"].prompt == "Which rocket carried\nthe Soyuz MS-25 crew?"


def test_categories_become_tags(by_id: dict[str, Question]) -> None:
    assert by_id["red-planet"].tags == ("planets",)
    assert by_id["saturn-density"].tags == ("planets",)
    assert by_id["first-human"].tags == ("people",)


def test_repeated_titles_get_unique_ids(by_id: dict[str, Question]) -> None:
    assert by_id["red-planet-2"].prompt == "Mars is smaller than Earth."


# -- the broken file: every reason, at its line -------------------------------------------------


def test_broken_file_reports_every_skip_by_line() -> None:
    result = parse((DATA / "broken.gift").read_text(encoding="utf-8"), "gift")
    # Read as Moodle reads them, three of them are questions after all: two '=' make a
    # multi question, two right numbers a number question accepting either, and a
    # question written only as its title has the title as its text.
    assert [(q.id, q.type.value) for q in result.questions] == [
        ("two-right", "multi"),
        ("two-numbers", "number"),
        ("no-text", "single"),
    ]
    assert [(s.line, s.reason) for s in result.skips] == [
        (5, "no choice is right: none has = or a positive weight"),
        (7, "no choice is fully right (mark one with = or %100%)"),
        (9, "it has 1 choice; a bank question takes 2 to 10"),
        (11, "it has 11 choices; a bank question takes 2 to 10"),
        (13, "choices 'Mars' and 'mars' are the same"),
        (15, "answer '*iter' uses Moodle's * wildcard, which the game cannot match"),
        (19, "range '10..1' runs backwards"),
        (21, "'two' is not a number (or a number:margin)"),
        (23, "braces do not pair up; write a literal brace as \\{ or \\}"),
        (
            25,
            "more than one {…} answer block: the game asks one blank at a time "
            "(two questions need a blank line between them)",
        ),
        (27, "an essay question ({}): free-text answers have no right answer to check"),
        (31, "no answer gets full credit"),
        (33, "answer '!?' has no letters or digits to compare"),
        (35, "an answer of * (any number) gets full credit, so nothing is wrong"),
    ]


# -- smaller cases ---------------------------------------------------------------------------


def test_blocks_are_split_by_blank_lines_and_comments_do_not_count() -> None:
    text = "// intro\n\n// about Q1\n::Q1:: One?\n// inside\n{T}\n\n\n::Q2:: Two? {F}\n"
    result = gift(text)
    assert [(q.id, q.prompt) for q in result.questions] == [
        ("q1", "One?"),
        ("q2", "Two?"),
    ]


def test_crlf_line_ends() -> None:
    result = gift("::A:: One? {T}\r\n\r\n::B:: Two? {F}\r\n")
    assert [q.id for q in result.questions] == ["a", "b"]


def test_only_capital_true_false_words_make_a_boolean() -> None:
    # As in Moodle: {true} is a short answer question whose answer is "true".
    q = only("Is it? {true}")
    assert (q.type, q.answers) == (QuestionType.TEXT, ("true",))


def test_short_answer_without_equals_and_with_weights() -> None:
    assert only("Who? {Gagarin}").answers == ("Gagarin",)
    q = only("Who? {=%100%Gagarin =%50%Gagrin#Nearly. =Yuri Gagarin}")
    assert q.answers == ("Gagarin", "Yuri Gagarin")
    assert q.explanation == "Gagrin: Nearly."


def test_short_answers_differing_only_in_case_are_one() -> None:
    assert only("Who? {=Gagarin =gagarin}").answers == ("Gagarin",)


def test_escaped_asterisk_is_a_literal_one() -> None:
    assert only("Which name? {=C\\*}").answers == ("C*",)
    assert skipped("Which key? {=\\*}") == "answer '*' has no letters or digits to compare"


def test_one_full_weight_without_equals_is_a_multi_question() -> None:
    q = only("Which? {~%100%Mars ~Venus ~Pluto}")
    assert (q.type, q.answers) == (QuestionType.MULTI, ("Mars",))


def test_several_full_choices_make_a_multi_question() -> None:
    q = only("Which? {=Mars ~%100%Red planet ~Venus}")
    assert (q.type, q.choices, q.answers) == (
        QuestionType.MULTI,
        ("Mars", "Red planet", "Venus"),
        ("Mars", "Red planet"),
    )


def test_numerical_answers_that_join_into_one_range() -> None:
    q = only("When? {#=1822:0 =1822:2 =%50%1830}")
    assert (q.number, q.tolerance) == (1822, 2)
    q = only("When? {#=1820..1822 =1822..1826}")
    assert (q.number, q.tolerance) == (1823, 3)


def test_a_zero_credit_star_is_feedback_for_any_other_answer() -> None:
    q = only("When? {#=1961 =%0%*#Think of Vostok 1.}")
    assert (q.number, q.explanation) == (1961, "Any other answer: Think of Vostok 1.")


def test_numbers_in_every_notation() -> None:
    assert only("Pi? {#3.14159:0.0005}").number == pytest.approx(3.14159)
    assert only("Cold? {#-273.15}").number == -273.15
    assert only("Big? {#6.022e23}").number == pytest.approx(6.022e23)
    q = only("Below zero? {#-10..-2}")
    assert (q.number, q.tolerance) == (-6, 4)


def test_general_and_answer_feedback_in_html() -> None:
    q = only("[html]<p>Which?</p>{=<b>Mars</b>#<i>Yes</i> ~Venus#No &amp; never####<p>Red.</p>}")
    assert (q.prompt, q.choices, q.answers) == ("Which?", ("Mars", "Venus"), ("Mars",))
    assert q.explanation == "Mars: Yes\nVenus: No & never\nRed."


def test_an_answer_may_carry_its_own_format() -> None:
    q = only("Which? {=[html]<b>Mars</b> ~[plain]<b>Venus</b>}")
    assert q.choices == ("Mars", "<b>Venus</b>")


def test_text_without_a_format_prefix_is_kept_as_written() -> None:
    assert only("Is 1 < 2 and 3 > 2? {T}").prompt == "Is 1 < 2 and 3 > 2?"
    assert only("[plain]Is <b> a tag? {T}").prompt == "Is <b> a tag?"


def test_backslash_escapes() -> None:
    q = only("::A\\:B:: Path C\\:\\\\temp\\nnext line? {=x\\=1 ~x\\~1 ~\\{x\\}}")
    assert q.id == "a-b"
    assert q.prompt == "Path C:\\temp\nnext line?"
    assert q.choices == ("x=1", "x~1", "{x}")


def test_title_is_slugged_and_prompt_words_stand_in_for_it() -> None:
    assert only("::Ünïcode: Title!:: Q? {T}").id == "unicode-title"
    assert only(":: ?? :: What now? {T}").id == "what-now"
    assert only("::Юрий:: Кто? {T}").id == "q"


def test_category_forms() -> None:
    result = gift(
        "$CATEGORY: Space\n\nOne? {T}\n\n$CATEGORY: $course$/top\n\nTwo? {T}\n\n"
        "$CATEGORY: $system$/Default for ISS/Crew \\/ Cargo\nThree? {T}\n"
    )
    assert [q.tags for q in result.questions] == [
        ("space",),
        (),
        ("cargo",),
    ]


def test_essay_description_and_matching_reasons() -> None:
    assert skipped("Why? {}").startswith("an essay question")
    assert skipped("Just words.") == "a description with no question after it"
    assert skipped("Match: {=a -> 1 =b}").startswith("'b' has no '->'")


def test_brace_problems() -> None:
    assert skipped("Closing } before opening {").startswith("braces do not pair up")
    assert skipped("Nested {={x} ~y}").startswith("braces do not pair up")
    assert skipped("Only closing }").startswith("braces do not pair up")


def test_markup_helpers() -> None:
    assert html_to_text("<ul><li>one</li><li>two &lt;3</li></ul><script>x()</script>") == (
        "one\ntwo <3"
    )
    assert html_to_text("a<br/>b <img src='x.png' alt='pic'>") == "a\nb pic"
    assert markdown_to_text("# Title\n**bold** and __bold__, *em* and _em_") == (
        "Title\nbold and bold, em and em"
    )
    assert markdown_to_text("[link](http://x.org) ![alt](i.png) `code` \\*star\\*") == (
        "link alt code *star*"
    )
    assert markdown_to_text("* one\n+ two\n> quoted\nsnake_case_name") == (
        "- one\n- two\nquoted\nsnake_case_name"
    )


def test_a_file_as_moodle_exports_it() -> None:
    """Moodle writes HTML with escaped = and : in attributes, %100% weights, empty feedback."""
    text = (DATA / "moodle-export.txt").read_text(encoding="utf-8")
    result = gift(text)
    assert result.skips == ()
    got = [
        (q.id, q.type.value, q.prompt, q.choices, q.answers, q.truth, q.number)
        for q in result.questions
    ]
    assert got == [
        ("q1", "single", "What is 2+2?", ("4", "5", "3"), ("4",), None, None),
        ("tf", "boolean", "The sky is blue.", (), (), True, None),
        ("sa", "text", "Capital of France?", (), ("Paris",), None, None),
        ("num", "number", "Pi?", (), (), None, 3.14),
        ("ma", "multi", "Pick the primes", ("2", "3", "4"), ("2", "3"), None, None),
    ]
    explanations = [q.explanation for q in result.questions]
    assert explanations == [
        "4: Yes",
        "True: right fb\nFalse: wrong fb",
        "paris city: close",
        "Any other answer: Not quite",
        "2 and 3.",
    ]
    assert {q.tags for q in result.questions} == {("orbits",)}
    assert result.questions[3].tolerance == 0.01


@pytest.mark.parametrize("block", ["{#1e400}", "{#1..1e309}", "{#-1e308..1e308}"])
def test_a_number_too_large_to_play_is_skipped(block: str) -> None:
    result = gift(f"::Big::How big? {block}\n\n::Small::How small? {{#1}}\n")
    assert [q.id for q in result.questions] == ["small"]
    assert [s.line for s in result.skips] == [1]
