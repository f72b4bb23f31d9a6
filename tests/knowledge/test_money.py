import pytest

from bot.knowledge.money import MoneyUnit, format_sek


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


@pytest.mark.parametrize(
    ("amount", "unit", "swedish", "english"),
    [
        (2_000_000, "tkr", "2 000 tkr", "SEK 2,000 thousand"),
        (700_000, "tkr", "700 tkr", "SEK 700 thousand"),
        (1_500, "tkr", "1 500 kr", "SEK 1,500"),  # not whole thousands: in full rather than rounded
        (1_500_000, "kr", "1 500 000 kr", "SEK 1,500,000"),
    ],
)
def test_the_unit_the_reader_asks_for(amount: int, unit: MoneyUnit, swedish: str, english: str) -> None:
    assert format_sek(amount, "sv", unit) == swedish
    assert format_sek(amount, "en", unit) == english
