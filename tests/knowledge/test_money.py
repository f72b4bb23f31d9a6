import pytest

from bot.knowledge.money import format_sek


@pytest.mark.parametrize(
    ("amount", "swedish", "english"),
    [
        (2_000_000, "2 mkr", "SEK 2 million"),
        (700_000, "0,7 mkr", "SEK 0.7 million"),
        (2_500_000, "2,5 mkr", "SEK 2.5 million"),
        (50_000, "50 000 kr", "SEK 50,000"),
        (23, "23 kr", "SEK 23"),
        (0, "0 kr", "SEK 0"),
        (1_234_567, "1 234 567 kr", "SEK 1,234,567"),
    ],
)
def test_amounts_render_the_swedish_and_english_way(amount: int, swedish: str, english: str) -> None:
    assert format_sek(amount) == swedish
    assert format_sek(amount, "en") == english
