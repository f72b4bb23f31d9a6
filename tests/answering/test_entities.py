import pytest

from bot.answering.entities import EntityExtractor
from bot.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def extractor(kb: KnowledgeBase) -> EntityExtractor:
    return EntityExtractor(kb)


def extract(extractor: EntityExtractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(extractor.normalize(text))


def test_every_line_is_found_by_its_name_and_synonyms(extractor: EntityExtractor, kb: KnowledgeBase) -> None:
    for line in kb.budget.lines:
        for name in [line.name, *line.synonyms]:
            assert line.key in extract(extractor, f"hur mycket får {name} 2025?").lines, name


def test_line_found_without_diacritics_and_with_a_typo(extractor: EntityExtractor) -> None:
    assert extract(extractor, "trygghetsvardar").lines == ["trygghetsvardar"]
    assert extract(extractor, "trygghetsvärdr 2024").lines == ["trygghetsvardar"]
    assert extract(extractor, "arbetsgruppern").lines == ["lokala_arbetsgrupper"]


def test_several_lines_and_winners_come_in_the_data_order(extractor: EntityExtractor, kb: KnowledgeBase) -> None:
    lines = kb.budget.lines
    found = extract(extractor, f"{lines[-1].name} och {lines[0].name}")
    assert found.lines == [lines[0].key, lines[-1].key]
    first, last = kb.prize.winners[0], kb.prize.winners[-1]
    found = extract(extractor, f"{last.aliases[0]} eller {first.aliases[0]}")
    assert found.winner_years == [first.year, last.year]


def test_every_winner_is_found_by_its_aliases(extractor: EntityExtractor, kb: KnowledgeBase) -> None:
    for winner in kb.prize.winners:
        for alias in winner.aliases:
            assert winner.year in extract(extractor, f"när vann {alias}?").winner_years, alias


def test_years_relative_years_and_columns(extractor: EntityExtractor) -> None:
    found = extract(extractor, "vad blev utfallet och budgeten 2024 jämfört med förslaget 2025?")
    assert found.years == [2024, 2025]
    assert set(found.column_kinds) == {"forslag", "utfall", "budget"}
    assert extract(extractor, "och året innan?").relative_year == -1
    assert extract(extractor, "the year after?").relative_year == 1


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("0,7 mkr", 700_000),
        ("700 000 kr", 700_000),
        ("700 tkr", 700_000),
        ("2 miljoner", 2_000_000),
        ("SEK 2.5 million", 2_500_000),
        ("50 000", 50_000),
    ],
)
def test_amounts_in_any_usual_form(extractor: EntityExtractor, text: str, amount: int) -> None:
    found = extract(extractor, f"vilka poster har {text}?")
    assert found.amounts == [amount]
    assert found.years == []


def test_theme_words_point_to_their_year(extractor: EntityExtractor, kb: KnowledgeBase) -> None:
    for winner in kb.prize.winners:
        words = list(extractor.normalize(winner.theme).tokens)
        assert extractor.themes_matching(words) == [winner.year], winner.theme
        longest = max(words, key=len)
        assert winner.year in extractor.themes_matching([longest]), longest
