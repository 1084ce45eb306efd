"""GIFT read as Moodle reads it (question/format/gift/format.php): one test per finding
of the real files in ../shared/corpus/import-wild, each in a small case of its own."""

from __future__ import annotations

from quiz.importers.common import Imported
from quiz.importers.convert import parse
from quiz.importers.markup import html_to_text
from quiz.model import Question, QuestionType
from tests import helpers


def gift(text: str) -> Imported:
    return parse(text, "gift")


def only(text: str) -> Question:
    result = gift(text)
    assert result.skips == (), result.skips
    assert len(result.questions) == 1
    return result.questions[0]


def test_an_empty_choice_is_dropped_as_moodle_drops_it() -> None:
    # "{~=right ~wrong}": Moodle's "=" becomes "~=", leaving an empty first answer.
    q = only("I _____ interested since I was young.{~=have been~was}")
    assert (q.type, q.choices, q.answers) == (
        QuestionType.SINGLE,
        ("have been", "was"),
        ("have been",),
    )


def test_two_category_lines_in_a_row_set_the_last_category() -> None:
    result = gift("$CATEGORY: A\n$CATEGORY: A/B\n::Q1::What?{T}")
    assert [(q.id, q.prompt, q.tags) for q in result.questions] == [("q1", "What?", ("b",))]
    assert result.skips == ()


def test_a_category_directly_above_a_question_is_read_leniently() -> None:
    # Moodle would take the whole block as the category's name and lose the question.
    result = gift("$CATEGORY:x\n::Q::Is it?{T}\n\n::R::And this?{F}")
    assert [(q.id, q.tags) for q in result.questions] == [("q", ("x",)), ("r", ("x",))]


def test_text_without_a_format_is_html_as_in_moodle() -> None:
    q = only("Who is <b>buried</b> in Grant&#39;s tomb?{=no one ~Grant &amp; wife}")
    assert q.prompt == "Who is buried in Grant's tomb?"
    assert q.choices == ("no one", "Grant & wife")


def test_images_become_their_alt_text_and_moodle_file_links_go() -> None:
    q = only(
        'Listen<a href\\="@@PLUGINFILE@@/s.mp3">:</a> What is it?{'
        '=<img src\\="@@PLUGINFILE@@/p.jpg" alt\\="a piano" />a piano '
        '~<img src\\="@@PLUGINFILE@@/h.jpg" alt\\="a harpsichord" /> '
        '~<img src\\="x.png"/>}'
    )
    assert q.prompt == "Listen: What is it?"
    assert q.choices == ("a piano", "a harpsichord", "[image]")


def test_category_tags_keep_their_letters() -> None:
    assert gift("$CATEGORY: $course$/top/Геометрия\n\nQ?{T}").questions[0].tags == ("геометрия",)
    standard = gift("$CATEGORY: СТАНДАРТ_1.1_Назначение\n\nQ?{T}").questions[0]
    assert standard.tags == ("стандарт_1.1_назначение",)


def test_a_question_written_only_as_its_title_has_the_title_as_its_text() -> None:
    q = only("::¿Qué es un lenguaje de marcas?::\n{=Reglas ~Un programa}")
    assert (q.id, q.prompt) == ("que-es-un-lenguaje-de-marcas", "¿Qué es un lenguaje de marcas?")


def test_several_right_choices_make_a_multi_question() -> None:
    q = only("Select one or more. {=TCP =UDP ~HTTP}")
    assert (q.type, q.answers) == (QuestionType.MULTI, ("TCP", "UDP"))


def test_several_right_numbers_make_one_number_question() -> None:
    q = only("Roots of x² + 3x - 28? {# =%100%-7:0 =%100%4:0}")
    assert (q.type, q.number, q.numbers, q.tolerance) == (QuestionType.NUMBER, -7, (4,), 0)
    separate_margins = gift("Which? {# =1:0 =5:1}")
    assert separate_margins.skips[0].reason.startswith(
        "right numbers (1, 5) with different margins"
    )


def test_cloze_is_skipped_without_advice_about_blank_lines() -> None:
    result = gift("Happiness is {1:MC:~=similar to~close to} asking and {1:SA:=like}.")
    assert result.questions == ()
    reason = result.skips[0].reason
    assert reason.startswith("a Cloze question") and "blank line" not in reason


def test_a_description_is_the_passage_of_the_questions_after_it() -> None:
    result = gift(
        "::Text::<h4>X-Men</h4><p>Liam is <b>strong</b>.</p>\n\n"
        "Who is strong?{=Liam ~Wim}\n\nIs Liam weak?{F}\n\n"
        "$CATEGORY: Next\n\nNo passage here?{T}"
    )
    assert [q.passage for q in result.questions] == [
        "X-Men\nLiam is strong.",
        "X-Men\nLiam is strong.",
        None,
    ]
    assert result.skips == ()


def test_a_new_description_replaces_the_passage_and_an_unused_one_is_reported() -> None:
    result = gift("First text.\n\nSecond text.\n\nQ?{T}\n\nLast text.")
    assert [q.passage for q in result.questions] == ["Second text."]
    assert [(s.line, s.reason) for s in result.skips] == [
        (1, "a description with no question after it"),
        (7, "a description with no question after it"),
    ]


def test_model_answers_too_long_to_type_are_skipped_with_that_reason() -> None:
    answer = "Usarías el comodín asterisco para borrar los temporales, con mucho cuidado siempre"
    assert len(answer) > 80
    reason = gift(f"¿Cómo borrarías los temporales? {{={answer}}}").skips[0].reason
    assert reason == f"a model answer of {len(answer)} characters, too long to type as an answer"


def test_matching_becomes_a_match_question_with_extra_rights() -> None:
    q = only(
        "::U3::[markdown]Match the phrases in **bold**. {\n"
        "=You can see she**'s been swimming** -> Present perfect continuous\n"
        "=I **knew** almost everyone. -> Past simple\n"
        "= -> Future perfect\n}"
    )
    assert q.type is QuestionType.MATCH
    assert q.prompt == "Match the phrases in bold."
    assert q.pairs == (
        ("You can see she's been swimming", "Present perfect continuous"),
        ("I knew almost everyone.", "Past simple"),
    )
    assert q.extra == ("Future perfect",)


def test_two_questions_with_no_blank_line_between_them_are_split() -> None:
    result = gift("::Q1:: One? {=a ~b}\n::Q2:: Two? {T}")
    assert [q.id for q in result.questions] == ["q1", "q2"]


def test_an_answer_block_cut_by_a_blank_line_is_joined() -> None:
    result = gift("::Q6:: Which? {\n~a\n=b\n\n}\n\n::Q7:: Next? {T}")
    assert [(q.id, q.answers) for q in result.questions] == [("q6", ("b",)), ("q7", ())]


def test_moodle_examples_file_converts_every_playable_question() -> None:
    text = (helpers.SHARED / "corpus" / "moodle-gift-examples.txt").read_text(encoding="utf-8")
    result = gift(text)
    reasons = [s.reason for s in result.skips]
    assert all(r.startswith(("an essay", "a description")) for r in reasons), reasons
    assert len(result.questions) >= 20


def test_broken_markup_is_text_not_a_traceback() -> None:
    assert html_to_text("What <![x> is <!-- open") == "What is"
    # A '<' that starts no tag (no '>' before the next '<') is text.
    assert only("Is <![x> this <![CDATA[ a question?{T}").prompt == "Is this <![CDATA[ a question?"
