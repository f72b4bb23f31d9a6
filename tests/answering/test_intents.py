"""Each intent is recognised from differently worded questions, in Swedish and English."""

import pytest

from bot.answering import Answerer

CASES = {
    "winner_by_year": ["vem vann 2016?", "Who received the prize in 2013?", "vinnare 2018", "vem fick priset år 2014"],
    "year_by_winner": ["när vann IGOR?", "which year did Storasyster win", "vilket år fick Brödkaveln priset"],
    "winners_list": ["vilka har vunnit?", "list all the winners"],
    "theme_by_year": ["tema 2015", "what was the theme in 2021?", "vilket tema hade priset 2013?"],
    "year_by_theme": ["vilket år var temat skola?", "which year was the theme gender perspective genusperspektiv?"],
    "criteria": ["vilka kriterier finns?", "what are the requirements?", "hur bedöms nomineringarna?"],
    "nomination_period": ["när stänger nomineringen?", "what is the nomination deadline?"],
    "jury": ["vem sitter i juryn?", "who chairs the jury?"],
    "prize_facts": ["hur stor är prissumman?", "när instiftades priset?", "what is the purpose of the prize?"],
    "budget_line": ["vad får SSPF 2025?", "how much do security hosts get?", "vad står SSPF för?"],
    "budget_total": ["vad är totalen för 2025?", "total outcome 2024?", "hur stort är trygghetspaketet?"],
    "budget_history": ["hur mycket fick trygghetspaketet 2019?", "berätta om bakgrunden till paketet"],
    "budget_analysis": [
        "vilken post får mest 2025?",
        "vilka poster har 0,7 mkr?",
        "which lines increased?",
        "hur fördelas trygghetspaketet 2025?",
    ],
    "outcome_reason": ["varför blev utfallet lägre än budgeten?", "why was the outcome below budget?"],
    "state_grant": ["hur stort är statsbidraget?", "which law governs the state grant?"],
    "areas": ["vilka områden omfattas?", "where will they work?"],
    "unbudgeted": ["vad får nattvandrarna?", "hur mycket går till polarna?"],
    "children": ["hur påverkas barn?"],
    "activity": ["hur mycket går till filmvisning?", "vad kostar städprojekt?"],
    "budget_decision": ["vem beslutade om trygghetspaketet?", "who decides on the safety package?"],
    "help": ["hjälp", "vad kan du?", "hej", ""],
    "out_of_scope": ["vad blir vädret i morgon?", "vem är statsminister?", "how tall is the city hall?"],
}


@pytest.mark.parametrize(("intent", "question"), [(i, q) for i, qs in CASES.items() for q in qs])
def test_intent(answerer: Answerer, intent: str, question: str) -> None:
    assert answerer.answer(question).intent == intent
