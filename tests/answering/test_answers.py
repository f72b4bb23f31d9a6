"""Answers carry the facts from the knowledge data, in the question's language, with sources."""

from __future__ import annotations

import re

import pytest

from bot.answering import Answerer
from bot.knowledge import KnowledgeBase
from tests.answering.conftest import Chat, sek


def mentions(text: str, amount: str) -> bool:
    """The amount as a whole figure: "2 mkr" is not found inside "0,2 mkr"."""
    return re.search(rf"(?<![\d,.]){re.escape(amount)}", text) is not None


# Phrases that say "I don't know": an unanswered question must use one and invent nothing.
NO_ANSWER = (
    "inga uppgifter",
    "ingen uppgift",
    "framgår inte",
    "kan jag inte",
    "kan inte",
    "not in my",
    "not stated",
    "no information",
    "cannot",
    "ingen egen",
)


def assert_no_answer(text: str) -> None:
    assert any(phrase in text for phrase in NO_ANSWER), text


def test_every_winner_by_year_in_both_languages(answerer: Answerer, kb: KnowledgeBase) -> None:
    for winner in kb.prize.winners:
        sv = answerer.answer(f"vem vann trygghetspriset {winner.year}?")
        en = answerer.answer(f"who won the prize in {winner.year}?")
        assert winner.winner in sv.text and sv.lang == "sv"
        assert winner.winner in en.text and en.lang == "en"
        others = [w.winner for w in kb.prize.winners if w.year != winner.year]
        assert not any(other in sv.text for other in others)


def test_every_year_by_winner_and_theme(answerer: Answerer, kb: KnowledgeBase) -> None:
    for winner in kb.prize.winners:
        assert str(winner.year) in answerer.answer(f"när vann {winner.aliases[0]}?").text
        assert winner.theme in answerer.answer(f"vad var temat {winner.year}?").text


def test_every_line_and_column_figure(answerer: Answerer, kb: KnowledgeBase) -> None:
    for line in kb.budget.lines:
        for column in kb.budget.columns:
            question = f"vad var {column.label.split()[0].lower()} för {line.name} {column.year}?"
            answer = answerer.answer(question)
            assert sek(line.amounts[column.key]) in answer.text, (question, answer.text)
            assert answer.intent == "budget_line"


def test_a_question_spanning_columns_gets_every_figure(answerer: Answerer, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    text = answerer.answer("vad fick trygghetsvärdar 2024?").text
    assert sek(line.amounts["utfall_2024"]) in text
    assert sek(line.amounts["budget_2024"]) in text
    assert not mentions(text, sek(line.amounts["forslag_2025"]))


def test_english_budget_answer(answerer: Answerer, kb: KnowledgeBase) -> None:
    answer = answerer.answer("how much did SSPF get in 2024?")
    assert answer.lang == "en"
    assert sek(kb.budget.line("sspf").amounts["utfall_2024"], "en") in answer.text


def test_zero_line_explains_why(answerer: Answerer) -> None:
    text = answerer.answer("Hur mycket får SSPF 2025?").text
    assert "0 kr" in text and "permanent" in text


def test_stated_change_is_given(answerer: Answerer, kb: KnowledgeBase) -> None:
    change = kb.budget.stated_changes[0]
    assert sek(change.delta_sek) in answerer.answer("hur mycket utökas trygghetsvärdarna 2025?").text


def test_total_with_discrepancy_is_mentioned(answerer: Answerer, kb: KnowledgeBase) -> None:
    discrepancy = kb.discrepancy_for("budget_2024")
    assert discrepancy
    text = answerer.answer("vad var summan för budget 2024?").text
    assert sek(discrepancy.stated_sek) in text and sek(discrepancy.computed_sek) in text
    assert sek(discrepancy.computed_sek) not in answerer.answer("vad är totalen 2025?").text


def test_table_questions_are_computed(answerer: Answerer, kb: KnowledgeBase) -> None:
    lines = kb.budget.lines
    top = max(lines, key=lambda x: x.amounts["forslag_2025"])
    assert top.name in answerer.answer("vilken post får mest pengar 2025?").text
    assert "SSPF" in answerer.answer("vilka poster minskade från 2024 till 2025?").text
    both = sum(kb.budget.line(k).amounts["budget_2024"] for k in ("trygghetsvardar", "sspf"))
    assert sek(both) in answerer.answer("summan av trygghetsvärdar och SSPF i budget 2024").text
    with_amount = answerer.answer("vilka poster har 0,7 mkr 2025?").text
    assert all(x.name in with_amount for x in lines if x.amounts["forslag_2025"] == 700_000)
    diff = answerer.answer("skillnad mellan utfall och budget för trygghetsvärdar 2024").text
    line = kb.budget.line("trygghetsvardar")
    assert sek(line.amounts["budget_2024"] - line.amounts["utfall_2024"]) in diff


def test_a_lines_share_of_the_total(answerer: Answerer, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    share = round(100 * line.amounts["forslag_2025"] / kb.budget.totals["forslag_2025"])
    answer = answerer.answer("hur stor andel av paketet går till trygghetsvärdar 2025?")
    assert answer.intent == "budget_analysis" and f"{share} %" in answer.text


def test_what_a_line_is(answerer: Answerer, kb: KnowledgeBase) -> None:
    sspf = kb.budget.line("sspf")
    assert sspf.expansion and sspf.expansion in answerer.answer("vad står SSPF för?").text
    actors = kb.budget.line("lokala_aktorer")
    examples = answerer.answer("exempel på aktiviteter för lokala aktörer").text
    assert all(activity in examples for activity in actors.activities)
    assert "fastighetsägare" in answerer.answer("vilka samverkar trygghetsvärdarna med?").text


def test_state_grant_and_its_law(answerer: Answerer, kb: KnowledgeBase) -> None:
    grant = kb.budget.state_grant
    text = answerer.answer("vilken lag styr statsbidraget?").text
    assert grant.law_sfs in text and sek(grant.per_inhabitant_sek) in text


def test_areas(answerer: Answerer, kb: KnowledgeBase) -> None:
    text = answerer.answer("Var ska trygghetsvärdarna finnas 2025?").text
    assert all(area in text for area in kb.budget.line("trygghetsvardar").areas)


def test_prize_facts(answerer: Answerer, kb: KnowledgeBase) -> None:
    assert sek(kb.prize.amount_sek) in answerer.answer("Hur stor är prissumman?").text
    assert "26 oktober" in answerer.answer("när är trygghetskonferensen?").text
    assert str(kb.prize.first_awarded_year) in answerer.answer("when was the prize first awarded?").text
    assert kb.prize.jury.chair in answerer.answer("vem leder juryn?").text


def test_criteria_quote_the_document(answerer: Answerer, kb: KnowledgeBase) -> None:
    text = answerer.answer("vilka krav gäller för en nominering?").text
    assert all(c.text in text for c in kb.prize.mandatory_criteria)
    assessment = answerer.answer("vilka bedömningskriterier finns utöver de obligatoriska?").text
    assert all(c.text in assessment for c in kb.prize.assessment_criteria)


@pytest.mark.parametrize(
    "question",
    [
        "vem vann 2030?",
        "vad fick trygghetsvärdar 2019?",
        "who will win the prize in 2025?",
        "vad blir vädret i morgon?",
        "hur mycket pengar går till nattvandrare?",
        "vad var temat 2005?",
        "vad fick SSPF 2023?",
    ],
)
def test_no_answer_says_so_and_invents_nothing(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    assert_no_answer(answer.text)
    assert not answer.answered
    line = kb.budget.line("trygghetsvardar")
    assert sek(line.amounts["utfall_2024"]) not in answer.text


def test_every_answer_ends_with_a_source_line(answerer: Answerer) -> None:
    for question in ("vem vann 2019?", "vad fick SSPF 2024?", "hjälp", "vad blir vädret?", "what is SSPF?"):
        last = answerer.answer(question).text.splitlines()[-1]
        assert last.startswith(("Källa", "Källor", "Source")), last


def test_sources_name_document_and_section(answerer: Answerer) -> None:
    answer = answerer.answer("vem vann 2019?")
    assert [(s.title, s.section) for s in answer.sources] == [("Trygghetspriset 2023", "Bakgrund")]
    assert "Trygghetspriset 2023" in answer.text and "Bakgrund" in answer.text
    assert answer.facts and answer.facts[0].path.startswith("prize.winners")


def test_filler_case_and_mentions_do_not_matter(answerer: Answerer) -> None:
    plain = answerer.answer("vem vann 2019").text
    for noisy in ("<@U05TRYGG> VEM VANN 2019!!", "hej! kan du säga vem som vann 2019?", "@trygghetsbot 2019 vem vann"):
        assert answerer.answer(noisy).text == plain


# --- follow-ups -------------------------------------------------------------


def test_follow_up_with_a_new_year(chat: Chat, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    chat.ask("vad fick trygghetsvärdar 2025?")
    text = chat.ask("och 2024?").text
    assert sek(line.amounts["utfall_2024"]) in text and sek(line.amounts["budget_2024"]) in text


def test_follow_up_with_only_a_column_keeps_the_line(chat: Chat, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    chat.ask("trygghetsvärdar 2025")
    answer = chat.ask("utfall 2024?")
    assert answer.intent == "budget_line" and sek(line.amounts["utfall_2024"]) in answer.text


def test_who_won_after_a_theme_question_keeps_its_year(chat: Chat, kb: KnowledgeBase) -> None:
    winner = kb.prize.winner_for(2015)
    assert winner is not None
    chat.ask("vilket tema hade priset 2015?")
    answer = chat.ask("vem vann?")
    assert answer.intent == "winner_by_year" and winner.winner in answer.text
    assert [w.year for w in kb.prize.winners if w.winner in answer.text] == [2015]  # not the whole list


def test_what_does_the_winner_do_refers_to_the_winner_just_named(chat: Chat, kb: KnowledgeBase) -> None:
    described = next(w for w in kb.prize.winners if w.description)
    undescribed = next(w for w in kb.prize.winners if not w.description)
    chat.ask(f"vem vann {described.year}?")
    assert described.description in chat.ask("vad gör de?").text  # type: ignore[operator]
    chat.ask(f"vem vann {undescribed.year}?")
    answer = chat.ask("vad gör de?")
    assert undescribed.winner in answer.text and "säger mina dokument inte" in answer.text


def test_a_full_question_after_and_is_not_a_year_follow_up(chat: Chat, kb: KnowledgeBase) -> None:
    winner = kb.prize.winner_for(2019)
    assert winner is not None
    chat.ask("hur mycket är prissumman?")
    answer = chat.ask("och vem vann 2019?")
    assert answer.intent == "winner_by_year" and winner.winner in answer.text


def test_the_year_before_a_described_winner(chat: Chat, kb: KnowledgeBase) -> None:
    before = kb.prize.winner_for(2021)
    assert before is not None
    chat.ask("vem vann 2022?")
    chat.ask("vad gör de?")
    assert before.winner in chat.ask("och året innan?").text


def test_a_bare_year_asks_what_about_it_and_keeps_the_year(chat: Chat, kb: KnowledgeBase) -> None:
    winner = kb.prize.winners[0]
    clarification = chat.ask(str(winner.year))
    assert clarification.intent == "year_only" and f"vem vann {winner.year}" in clarification.text
    assert winner.winner not in clarification.text  # it asks rather than guesses
    assert winner.winner in chat.ask("vem vann?").text
    assert_no_answer(chat.ask("2099").text)


def test_follow_up_with_a_new_line(chat: Chat, kb: KnowledgeBase) -> None:
    chat.ask("vad fick trygghetsvärdar 2025?")
    answer = chat.ask("och SSPF?")
    assert answer.intent == "budget_line" and "SSPF" in answer.text and "Trygghetsvärdar" not in answer.text


def test_follow_up_relative_year(chat: Chat, kb: KnowledgeBase) -> None:
    chat.ask("vem vann 2019?")
    assert kb.prize.winner_for(2018).winner in chat.ask("och året innan?").text  # type: ignore[union-attr]
    assert kb.prize.winner_for(2019).winner in chat.ask("vem vann året efter?").text  # type: ignore[union-attr]


def test_follow_up_why_in_english(chat: Chat) -> None:
    chat.ask("how much does SSPF get in 2025?")
    answer = chat.ask("why?")
    assert "permanent" in answer.text and answer.lang == "en"


def test_follow_up_keeps_the_question_type(chat: Chat, kb: KnowledgeBase) -> None:
    chat.ask("vilken post får mest 2025?")
    answer = chat.ask("och 2024?")
    assert answer.intent == "budget_analysis"
    assert "SSPF" in answer.text  # the largest outcome 2024


def test_theme_follow_up_after_winner(chat: Chat, kb: KnowledgeBase) -> None:
    chat.ask("vem vann 2015?")
    assert kb.prize.winner_for(2015).theme in chat.ask("och temat?").text  # type: ignore[union-attr]


def test_a_new_question_is_not_a_follow_up(chat: Chat) -> None:
    chat.ask("vad fick trygghetsvärdar 2025?")
    assert chat.ask("vem vann 2012?").intent == "winner_by_year"


def test_calendar_words_follow_the_apps_clock(kb: KnowledgeBase) -> None:
    from datetime import date

    from bot.clock import fixed_clock

    in_2023 = Answerer(kb, fixed_clock(date(2023, 6, 15)))
    assert kb.prize.latest_round.theme in in_2023.answer("vilket tema har priset i år?").text
    assert kb.prize.winner_for(2022).winner in in_2023.answer("vem vann förra året?").text  # type: ignore[union-attr]
    in_2030 = Answerer(kb, fixed_clock(date(2030, 1, 1)))
    assert_no_answer(in_2030.answer("vem vann förra året?").text)


def test_next_year_is_the_calendars_unless_the_conversation_has_a_year(kb: KnowledgeBase) -> None:
    from datetime import date

    from bot.clock import fixed_clock

    line = kb.budget.line("trygghetsvardar")
    in_2024 = Answerer(kb, fixed_clock(date(2024, 5, 1)))
    answer = in_2024.answer("vad får trygghetsvärdar nästa år?")
    assert mentions(answer.text, sek(line.amounts["forslag_2025"])) and "2025" in answer.text
    assert sek(line.amounts["utfall_2024"]) not in answer.text
    in_2030 = Answerer(kb, fixed_clock(date(2030, 1, 1)))
    assert_no_answer(in_2030.answer("what will trygghetsvärdar get next year?").text)
    first = in_2030.answer("vad fick SSPF 2024?")
    assert "2025" in in_2030.answer("och nästa år?", first.context).text  # the conversation's year + 1


@pytest.mark.parametrize(
    "template",
    [
        "vem vann melodifestivalen {year}?",
        "who won the nobel prize in {year}?",
        "vem fick polarpriset {year}?",
        "vem vann VM {year}?",
        "who won eurovision in {year}",
    ],
)
def test_other_contests_are_not_answered_with_our_winner(answerer: Answerer, kb: KnowledgeBase, template: str) -> None:
    for winner in kb.prize.winners:
        answer = answerer.answer(template.format(year=winner.year))
        assert not answer.answered and winner.winner not in answer.text, answer.text
        assert "Trygghetspriset" in answer.text


def test_a_generic_name_for_the_prize_is_still_our_prize(answerer: Answerer, kb: KnowledgeBase) -> None:
    winner = kb.prize.winners[-1]
    for question in ("vem vann tävlingen {year}?", "vem fick förstapriset {year}?", "vem fick trygghetspriset {year}"):
        assert winner.winner in answerer.answer(question.format(year=winner.year)).text, question


@pytest.mark.parametrize(
    ("question", "theme_word"),
    [
        ("which year was the theme about school?", "skola"),
        ("when was the theme disabilities?", "funktionsnedsatta"),
        ("what year was the theme reoffending?", "återfall"),
        ("which year had a gender theme?", "genus"),
    ],
)
def test_english_words_find_swedish_themes(
    answerer: Answerer, kb: KnowledgeBase, question: str, theme_word: str
) -> None:
    (winner,) = [w for w in kb.prize.winners if theme_word in w.theme]
    answer = answerer.answer(question)
    assert answer.intent == "year_by_theme" and str(winner.year) in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "rising"), [("vilken post minskade mest?", False), ("which line grew the most?", True)]
)
def test_the_line_that_rose_or_fell_most(answerer: Answerer, kb: KnowledgeBase, question: str, rising: bool) -> None:
    sign = 1 if rising else -1
    moved = {line.name: sign * (line.amounts["forslag_2025"] - line.amounts["budget_2024"]) for line in kb.budget.lines}
    top = max(moved.values())
    answer = answerer.answer(question)
    assert answer.intent == "budget_analysis"
    for name, change in moved.items():
        assert (name in answer.text) == (change == top), (name, answer.text)


def test_a_place_or_a_deed_picks_out_the_winners(answerer: Answerer, kb: KnowledgeBase) -> None:
    in_bagarmossen = {w.year for w in kb.prize.winners if "Bagarmossen" in w.winner}
    answer = answerer.answer("vilka har vunnit i Bagarmossen?")
    assert {w.year for w in kb.prize.winners if w.winner in answer.text} == in_bagarmossen
    (igor,) = [w for w in kb.prize.winners if w.description and "mäns våld mot kvinnor" in w.description]
    answer = answerer.answer("vem fick priset för arbetet mot mäns våld mot kvinnor?")
    assert igor.winner in answer.text and len([w for w in kb.prize.winners if w.winner in answer.text]) == 1
    assert answerer.answer("vilka organisationer har vunnit?").text.count(";") >= len(kb.prize.winners) - 1  # all


def test_must_and_need_ask_for_the_criteria(answerer: Answerer) -> None:
    for question in ("måste insatsen vara i samverkan?", "does it have to be innovative?"):
        answer = answerer.answer(question)
        assert answer.intent == "criteria", question


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("vem bestämmer hur pengarna fördelas?", "budget_decision"),
        ("who decides the budget?", "budget_decision"),
        ("vem bestämmer vem som vinner?", "jury"),
        ("vem bestämmer i juryn?", "jury"),
    ],
)
def test_who_decides_the_money_or_the_winner(answerer: Answerer, question: str, intent: str) -> None:
    assert answerer.answer(question).intent == intent


def test_the_whole_table_and_how_many_times(answerer: Answerer, kb: KnowledgeBase) -> None:
    table = answerer.answer("ge mig hela tabellen").text
    assert all(line.name in table for line in kb.budget.lines)
    assert all(sek(amount) in table for line in kb.budget.lines for amount in line.amounts.values())
    count = answerer.answer("hur många gånger har priset delats ut?")
    assert count.intent == "winners_list" and str(len(kb.prize.winners)) in count.text
    assert answerer.answer("hur många kronor är priset?").intent == "prize_facts"


def test_who_can_be_nominated_quotes_the_document_and_not_more(answerer: Answerer, kb: KnowledgeBase) -> None:
    for question in ("vem kan nomineras?", "kan man nominera sig själv?", "who can be nominated?"):
        answer = answerer.answer(question)
        assert answer.intent == "eligibility" and kb.prize.eligible.text in answer.text, question
        assert all(c.text in answer.text for c in kb.prize.mandatory_criteria)
    assert answerer.answer("när kan man nominera?").intent == "nomination_period"


def test_a_criterion_word_asks_for_the_criteria(answerer: Answerer) -> None:
    for question in ("vad menas med mervärde?", "vad räknas som innovativt?", "what counts as added value?"):
        assert answerer.answer(question).intent == "criteria", question


def test_the_prize_sum_with_a_years_winner(answerer: Answerer, kb: KnowledgeBase) -> None:
    winner = kb.prize.winners[0]
    answer = answerer.answer(f"vad är prissumman för vinnaren {winner.year}?")
    assert winner.winner in answer.text and sek(kb.prize.amount_sek) in answer.text
    assert sek(kb.prize.amount_sek) not in answerer.answer(f"vem vann {winner.year}?").text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what did the municipal council decide?", "budget_decision"),
        ("who appropriated the money for 2025?", "budget_decision"),
        ("när beslutade kommunstyrelsen om priset?", "prize_facts"),
        ("give me the 2024 outcome per line", "budget_analysis"),
    ],
)
def test_decisions_and_per_line_tables(answerer: Answerer, question: str, intent: str) -> None:
    assert answerer.answer(question).intent == intent


def test_amounts_in_the_unit_asked_for(answerer: Answerer, kb: KnowledgeBase) -> None:
    amount = kb.budget.line("trygghetsvardar").amounts["forslag_2025"]
    in_tkr = answerer.answer("hur mycket fick trygghetsvärdarna i tkr 2025?").text
    assert f"{amount // 1000:,} tkr".replace(",", " ") in in_tkr and sek(amount) not in in_tkr
    in_kronor = answerer.answer("hur många kronor fick trygghetsvärdar 2025?").text
    assert f"{amount:,} kr".replace(",", " ") in in_kronor
    assert sek(amount) in answerer.answer("vad fick trygghetsvärdar 2025?").text  # the usual form otherwise


def test_yes_no_questions_are_answered_yes_or_no_from_the_data(answerer: Answerer, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    right, wrong = line.amounts["forslag_2025"], line.amounts["forslag_2025"] + 1_000_000
    assert answerer.answer(f"fick trygghetsvärdar {sek(right)} 2025?").text.startswith("Ja")
    assert answerer.answer(f"fick trygghetsvärdar {sek(wrong)} 2025?").text.startswith("Nej")
    assert answerer.answer(f"is the prize {kb.prize.amount_sek} kronor?").text.startswith("Yes")
    first, second = kb.prize.winners[0], kb.prize.winners[1]
    answer = answerer.answer(f"vann {first.aliases[0]} {second.year}?")
    assert answer.text.startswith("Nej") and str(first.year) in answer.text and second.winner in answer.text
    # Not a check: an amount in a "how much" question is context, not a claim.
    assert not answerer.answer("hur mycket av de 3,5 mkr får trygghetsvärdar 2025?").text.startswith("Nej")


def test_how_it_began_is_the_history(answerer: Answerer) -> None:
    for question in (
        "hur mycket pengar fanns i trygghetspaketet från början?",
        "vad användes de återstående 5 miljonerna till?",
    ):
        assert answerer.answer(question).intent in {"budget_history", "budget_analysis"}, question
        assert "5 mkr" in answerer.answer(question).text


def test_last_time_and_still_awarded(answerer: Answerer, kb: KnowledgeBase) -> None:
    latest = max(kb.prize.winners, key=lambda w: w.year)
    answer = answerer.answer("vem vann förra gången?")
    assert [w.year for w in kb.prize.winners if w.winner in answer.text] == [latest.year]
    assert str(kb.prize.awarded_until_year) in answerer.answer("finns priset fortfarande?").text


def test_how_much_the_package_shrank_leads_with_the_total(answerer: Answerer, kb: KnowledgeBase) -> None:
    totals = kb.budget.totals
    drop = totals["budget_2024"] - totals["forslag_2025"]
    for question in ("hur mycket krympte paketet?", "How much did the package shrink from 2024 to 2025?"):
        answer = answerer.answer(question)
        first_sentence = answer.text.split(". ")[0]
        lang = "en" if question.startswith("How") else "sv"
        assert sek(drop, lang) in first_sentence, answer.text


def test_first_and_latest_winner_and_what_a_winner_got(answerer: Answerer, kb: KnowledgeBase) -> None:
    winners = sorted(kb.prize.winners, key=lambda w: w.year)
    assert winners[0].winner in answerer.answer("vem vann första gången?").text
    assert winners[-1].winner in answerer.answer("who won most recently?").text
    assert sek(kb.prize.amount_sek) in answerer.answer("hur mycket pengar fick Gatans lag?").text


def test_comparisons_and_the_tables_own_inconsistency(answerer: Answerer, kb: KnowledgeBase) -> None:
    line = kb.budget.line("trygghetsvardar")
    more = answerer.answer("How much more do security hosts get in 2025 than in 2024?")
    assert sek(line.amounts["forslag_2025"] - line.amounts["budget_2024"], "en") in more.text
    discrepancy = kb.discrepancy_for("budget_2024")
    assert discrepancy
    assert sek(discrepancy.computed_sek) in answerer.answer("stämmer summan för budget 2024?").text
    english = answerer.answer("which lines get SEK 700,000 in 2025?").text
    assert all(x.name in english for x in kb.budget.lines if x.amounts["forslag_2025"] == 700_000)
