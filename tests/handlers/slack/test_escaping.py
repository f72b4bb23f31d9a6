from hypothesis import given
from hypothesis import strategies as st

from handlers.slack.transport.escaping import cut, escape_mrkdwn, safe


def test_control_sequences_become_plain_text() -> None:
    text = "<!channel> hej <@U123> <https://evil.example|klicka> & <#C1>"
    escaped = escape_mrkdwn(text)
    assert "<" not in escaped and ">" not in escaped
    assert "&lt;!channel&gt;" in escaped and "&amp;" in escaped


def test_cut_at_a_word_boundary() -> None:
    assert cut("kort", 10) == "kort"
    cut_text = cut("ett två tre fyra fem sex", 12)
    assert len(cut_text) <= 12 and cut_text.endswith("…") and cut_text.startswith("ett två")


@given(st.text(max_size=500), st.integers(min_value=1, max_value=300))
def test_safe_fits_and_never_splits_an_escape(text: str, limit: int) -> None:
    result = safe(text, limit)
    assert len(result) <= limit
    assert "<" not in result and ">" not in result
    # every "&" starts a complete escape sequence
    for index, char in enumerate(result):
        if char == "&":
            assert result[index:].startswith(("&amp;", "&lt;", "&gt;"))
