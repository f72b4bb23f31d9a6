"""No input string makes the answerer raise, and every answer is well-formed."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answering import Answerer, ConversationContext

WORDS = st.sampled_from(
    [
        "vem",
        "vann",
        "och",
        "2019",
        "2024",
        "2025",
        "SSPF",
        "trygghetsvärdar",
        "tema",
        "why",
        "?",
        "mkr",
        "0,7",
        "året innan",
        "budget",
        "utfall",
        "mest",
        "summan av",
        "<@U1>",
        "vilka poster",
        "1999",
        "0",
        "99999999999",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer(answerer: Answerer, text: str) -> None:
    answer = answerer.answer(text)
    assert answer.text.strip()
    assert answer.lang in ("sv", "en")


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.lists(WORDS, max_size=8).map(" ".join), min_size=1, max_size=4))
def test_any_conversation_of_known_words_gets_answers(answerer: Answerer, questions: list[str]) -> None:
    context = ConversationContext()
    for question in questions:
        answer = answerer.answer(question, context)
        assert answer.text.strip()
        context = ConversationContext.model_validate_json(answer.context.model_dump_json())  # survives storage
