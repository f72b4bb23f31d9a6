"""Block Kit builders stay within Slack's limits whatever the user wrote."""

from datetime import UTC, datetime

from bot.knowledge import default_knowledge
from bot.nominations.model import Nomination, Nominator
from bot.nominations.rules import Rules
from handlers.forms import FORM_FIELDS as MODAL_FIELDS
from handlers.slack.views.blocks import full_nomination_view, jury_message, nomination_modal
from tests.texts import ADDED_VALUE


def nomination(**changes: object) -> Nomination:
    now = datetime(2023, 6, 15, tzinfo=UTC)
    values: dict[str, object] = {
        "nominee": "Trygga Gatan",
        "partners": ["Polisen", "Fältgruppen"],
        "description": "Nattvandring",
        "added_value": ADDED_VALUE,
        "round_year": 2023,
        "status": "submitted",
        "nominator": Nominator(name="Anna", email="anna@example.se", user_id="slack:U1"),
        "created_at": now,
        "updated_at": now,
    }
    values.update(changes)
    return Nomination.model_validate(values)


def test_modal_has_every_field_with_criteria_hints() -> None:
    kb = default_knowledge()
    view = nomination_modal(kb.prize, kb.prize.latest_round).to_dict()
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert set(MODAL_FIELDS) <= blocks.keys()
    assert kb.prize.mandatory_criteria[0].text in blocks["partners"]["hint"]["text"]
    assert blocks["innovation"]["optional"] is True and blocks["nominee"].get("optional") is not True
    intro = view["blocks"][0]["text"]["text"]
    assert all(c.text in intro for c in [*kb.prize.mandatory_criteria, *kb.prize.assessment_criteria])


def test_jury_post_escapes_user_text_and_fits_limits() -> None:
    rules = Rules(default_knowledge().prize)
    evil = nomination(nominee="<!channel> " + "x" * 5000, partners=["<@U999>", "<https://evil|klick>"])
    text, blocks = jury_message(evil, rules.checklist(evil.content()))
    payload = str([block.to_dict() for block in blocks]) + text
    assert "<!channel>" not in payload and "<@U999>" not in payload and "<https://evil" not in payload
    assert all(len(b.to_dict().get("text", {}).get("text", "")) <= 3000 for b in blocks)
    assert "<@U1>" in payload  # the nominator is mentioned by the bot itself


def test_full_view_of_a_very_long_nomination_is_valid() -> None:
    long = nomination(description="ord " * 2000)
    view = full_nomination_view(long, {"nominee": "Nominerad", "description": "Beskrivning"}).to_dict()
    assert all(len(b["text"]["text"]) <= 3000 for b in view["blocks"])
