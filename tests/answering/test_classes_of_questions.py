"""Classes of question, each asked in words other than the unseen sets' (issue 19): an operation, an
answer type or a follow-up rule, never one sentence. Written after fresh set 5 scored 91 % (and 87,5 %
with next year's documents imported) before any change for it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering import Answerer, Reply
from bot.knowledge import default_knowledge
from bot.knowledge.imported import with_document
from bot.knowledge.importing import parse_document
from tests.answering.conftest import Chat
from tests.answering.test_many_documents import DECISION_2026
from tests.knowledge.importing.documents import budget_2026


def first(answer: Reply) -> str:
    return answer.text.split(". ")[0]


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        # Two columns named: the change between those, not the change a document states for others.
        ("by what % did the security hosts grow from the 2024 outcome to the 2025 proposal?", "+43 %", "1.6 million"),
        ("hur mycket mer får trygghetsvärdar i förslag 2025 än de gjorde av med i utfall 2024?", "0,6 mkr", "0,4 mkr"),
    ],
)
def test_a_change_between_the_columns_asked(
    answerer: Answerer, question: str, expected: str, not_expected: str
) -> None:
    answer = answerer.answer(question)
    assert expected in answer.text and not_expected not in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is left of the 2025 proposal if you take away the security hosts?", "1.5 million"),  # exclusion
        ("paketet 2025 minus trygghetsvärdarna, hur mycket blir det?", "1,5 mkr"),
        ("vilken placering har stödet till lokala arbetsgrupper i utfall 2024?", "plats 4 av 5"),  # rank, a tie below
        ("how much of the 2024 budget was used, in per cent?", "82 %"),  # utilisation beside "under budget"
    ],
)
def test_operations_asked_in_other_words(answerer: Answerer, question: str, expected: str) -> None:
    assert expected in answerer.answer(question).text, answerer.answer(question).text


@pytest.mark.parametrize(
    ("question", "expected", "intent"),
    [
        ("vad ska socialnämnden besluta enligt prisärendet?", "godkänner inriktningen", "document_meta"),
        ("vem väljer ut vinnaren av trygghetspriset?", "jury", "jury"),
        ("who chooses which organisation wins the prize?", "jury", "jury"),
        ("Jan Landström, vad har han för titel?", "biträdande säkerhetschef", "signatory"),
        ("which office does Veronica Wolgast Carstorp work at?", "Socialförvaltningen", "signatory"),
    ],
)
def test_who_decides_and_who_signed_in_other_words(
    answerer: Answerer, question: str, expected: str, intent: str
) -> None:
    answer = answerer.answer(question)
    assert answer.intent == intent and expected in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "may the winning organisation spend the money on salaries?",  # the use of the prize money
        "vad fick paketet för utfall 2022?",  # an outcome for a year the table does not hold
        "in which building is the safety conference held?",  # the conference is not its own venue
    ],
)
def test_what_the_documents_do_not_give_is_said_first(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "framgår inte" in first(answer) or "not stated" in first(answer), answer.text
    assert not answer.answered


def test_a_follow_up_pointing_back_at_a_line_gets_what_it_is(chat: Chat) -> None:
    chat.ask("hur mycket får trygghetsvärdar 2025?")
    answer = chat.ask("och vad går de pengarna till?")
    assert answer.frame["subjects"] == {"lines": ["trygghetsvardar"]}
    assert "fastighetsägare" in answer.text, answer.text


def test_a_follow_up_pointing_back_with_an_operation_is_still_the_operation(chat: Chat) -> None:
    chat.ask("vad fick trygghetsvärdar i budget 2024?")
    chat.ask("och i förslaget 2025?")
    assert "25 %" in chat.ask("hur många procent mer är det?").text


@pytest.fixture(scope="module")
def two_budgets() -> Answerer:
    kb = default_knowledge()
    kb = with_document(kb, parse_document(DECISION_2026.text(), known=kb, file_name="2026.txt").item)
    return Answerer(kb)


def test_the_state_grant_of_two_documents_is_compared(two_budgets: Answerer) -> None:
    answer = two_budgets.answer("has the state grant per inhabitant changed since last year's package?")
    assert "SEK 23" in answer.text and "SEK 24" in answer.text, answer.text


def test_a_line_at_nought_keeps_the_reason_an_older_document_gives(two_budgets: Answerer) -> None:
    answer = two_budgets.answer("vad får SSPF i förslaget 2026?")
    assert "0 kr" in answer.text and "permanent" in answer.text, answer.text


def test_each_years_explanation_for_an_outcome_under_budget() -> None:
    kb = default_knowledge()
    kb = with_document(kb, parse_document(budget_2026(), known=kb, file_name="2026.txt").item)
    answer = Answerer(kb).answer("varför hamnade utfallet under budget 2024 och 2025, år för år?")
    assert "utfall 2024: 4,1 mkr" in answer.text and "utfall 2025: 3,3 mkr" in answer.text, answer.text


# --- written after fresh set 6 scored 86 % (87,5 % with next year imported) before any change for it ---


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("sspf utfall -24?", "1,5 mkr (utfall 2024)"),  # a year written short
        ("övriga insatser förslag 25", "0,1 mkr (förslag 2025)"),
        ("vad blir snittet av summan i budget 2024 och förslag 2025?", "/ 2 = 4 250 000 kr"),  # an average
        ("the total in the outcome 2024 column, please", "4.1 million (outcome 2024)"),  # the table's total
        ("hur mycket avvek totalen 2024 från budgeten, i kronor och procent?", "= 900 000 kr, det vill säga 18 %"),
    ],
)
def test_short_years_averages_and_the_tables_total(answerer: Answerer, question: str, expected: str) -> None:
    answer = answerer.answer(question)
    assert expected in answer.text, answer.text


def test_each_kind_is_read_with_its_own_year(answerer: Answerer) -> None:
    answer = answerer.answer("jämför paketets totala utfall 2024 med totalen i förslag 2025")
    assert "framgår inte" not in answer.text, answer.text  # no "förslag 2024" or "utfall 2025" asked
    assert answer.frame["columns"] == ["utfall_2024", "forslag_2025"]


@pytest.mark.parametrize(
    "question",
    [
        "får vinnaren behålla prispengarna skattefritt?",  # a yes/no about what no document mentions
        "is the safety package audited externally?",
    ],
)
def test_a_yes_or_no_about_what_no_document_mentions(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "framgår inte" in first(answer) or "not stated" in first(answer), answer.text


def test_a_yes_or_no_the_documents_settle_is_not_doubted(answerer: Answerer) -> None:
    answer = answerer.answer("får vi nominera ett projekt vi drivit helt själva?")
    assert answer.text.startswith("Nej"), answer.text


def test_a_follow_up_in_phone_style_keeps_the_state_grant(chat: Chat) -> None:
    chat.ask("statsbidraget per invånare?")
    answer = chat.ask("o totalt")
    assert answer.intent == "state_grant" and "mkr" in answer.text, answer.text


def test_the_council_that_looked_at_the_case(answerer: Answerer) -> None:
    answer = answerer.answer("which council reviewed the prize case before it was decided?")
    assert "funktionshinder" in answer.text, answer.text


def test_an_appropriation_in_a_year_before_the_table_is_the_background(answerer: Answerer) -> None:
    answer = answerer.answer("what was the appropriation for the package in 2020?")
    assert "6 mkr" in answer.text or "6 million" in answer.text, answer.text


def test_each_years_stated_change_and_sums_without_a_line(two_budgets: Answerer) -> None:
    both = two_budgets.answer("hur mycket utökades trygghetsvärdarna 2025 och 2026, år för år?")
    assert "0,4 mkr" in both.text and "0,2 mkr" in both.text, both.text  # each document's stated change
    without = two_budgets.answer(
        "bortsett från nattvandring, hur förändras summan från förslag 2025 till förslag 2026?"
    )
    assert "Från förslag 2025 till förslag 2026:" in without.text and "Nattvandring" not in first(without), without.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("utan SSPF, hur stor andel av utfallet 2024 gick till trygghetsvärdarna?", "1,4 mkr av det, cirka 54 %"),
        ("excluding the security hosts, what share of the 2025 proposal goes to the local working groups?", "47 %"),
    ],
)
def test_a_share_of_what_is_left_once_a_line_is_left_out(answerer: Answerer, question: str, expected: str) -> None:
    answer = answerer.answer(question)
    assert expected in answer.text, answer.text


def test_a_column_word_asked_about_with_a_line_gives_the_figure(answerer: Answerer) -> None:
    answer = answerer.answer("what does 'förslag' mean here, and what is the förslag for SSPF in 2025?")
    assert "SEK 0 (proposal 2025)" in answer.text and "abbreviation" not in answer.text, answer.text


# --- written after fresh set 7 scored 90 % (86,7 % with next year imported) before any change for it ---


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vem fick det allra första trygghetspriset?", "2012"),  # the first winner, whatever the verb
        ("who received the most recent prize in my documents?", "2022"),
        (
            "how much more do the security hosts get in the 2025 proposal than in the 2024 budget, in % as well?",
            "+25 %",
        ),
        ("varför låg utfallet 2024 under budget, och med hur mycket?", "5 mkr − 4,1 mkr = 0,9 mkr"),
        ("vad beslutar kommunstyrelsen om paketet 2025? visa fördelningen", "0,7 mkr (förslag 2025)"),
    ],
)
def test_set_7_classes(answerer: Answerer, question: str, expected: str) -> None:
    answer = answerer.answer(question)
    assert expected in answer.text, answer.text


def test_a_comparison_right_after_a_total_stays_with_the_total(chat: Chat) -> None:
    chat.ask("hur stort är paketet 2025?")
    answer = chat.ask("och jämfört med budgeten 2024, i procent?")
    assert "−30 %" in answer.text, answer.text


def test_who_signs_a_newer_document_in_a_named_signatorys_place() -> None:
    kb = default_knowledge()
    older = kb.documents["trygghetspaketet-2025"]
    newcomer = older.signed_by[2].model_copy(update={"name": "Elin Sandberg", "title": "Trygghetssamordnare"})
    newer = older.model_copy(
        update={
            "id": "trygghetspaketet-2026",
            "title": "Trygghetspaketet 2026",
            "dated": older.dated.replace(year=2026),
            "signed_by": [*older.signed_by[:2], newcomer],
        }
    )
    answerer = Answerer(replace(kb, documents={**kb.documents, newer.id: newer}))
    answer = answerer.answer("vem har ersatt Jan Landström bland undertecknarna 2026?")
    assert "Elin Sandberg" in answer.text and "trygghetssamordnare" in answer.text, answer.text
    assert "Henrik Ahl" not in answer.text  # only who is new
