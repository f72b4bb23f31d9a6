from bot.answering.normalize import Speller, fold, normalize, strip_chat_noise


def test_fold_removes_case_and_diacritics() -> None:
    assert fold("Trygghetsvärdar i ÄLTA på Sicklaön") == "trygghetsvardar i alta pa sicklaon"


def test_chat_noise_is_removed() -> None:
    assert strip_chat_noise("<@U05TRYGG> vem vann?") == "vem vann?"
    assert strip_chat_noise("@trygghetsbot  <!channel> hej") == "hej"


def test_tokens_keep_amounts_and_split_years() -> None:
    tokens = normalize("Hej! 2 000 000 kr, 0,7 mkr och 2018–2020?").tokens
    assert tokens == ("hej", "2 000 000", "kr", "0,7", "mkr", "och", "2018", "2020")


def test_speller_corrects_near_misses_only() -> None:
    speller = Speller(["vann", "trygghetsvärdar", "budget"])
    assert normalize("vem van 2012", speller).tokens == ("vem", "vann", "2012")
    assert normalize("trygghetsvardr", speller).tokens == ("trygghetsvardar",)
    assert normalize("bananer", speller).tokens == ("bananer",)
    assert normalize("ab", speller).tokens == ("ab",)  # too short to guess


def test_an_inflection_of_a_known_stem_is_not_corrected_to_a_neighbour() -> None:
    speller = Speller(["beslutande", "vinnare"], prefixes=["beslut"])
    assert speller.correct("beslutade") == "beslutade"  # "beslut*", not a typo of "beslutande"
    assert speller.correct("vinnre") == "vinnare"  # real typos are still corrected
