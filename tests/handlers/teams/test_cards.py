"""Adaptive Cards: the form's inputs and texts, errors beside their fields, inert user text."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from bot.knowledge import default_knowledge
from bot.nominations.model import Nomination, Nominator
from bot.nominations.rounds import current_round
from bot.nominations.rules import Rules
from bot.texts import t
from handlers.teams.cards import CARD_FIELDS, form_values, inert, jury_post, nomination_form

PRIZE = default_knowledge().prize
ROUND = current_round(PRIZE, None)


def test_form_inputs_are_the_fields_with_the_criteria_as_hints() -> None:
    card = nomination_form(PRIZE, ROUND)
    ids = [item["id"] for item in card["body"] if item["type"] == "Input.Text"]
    assert ids == list(CARD_FIELDS)
    assert [action["type"] for action in card["actions"]] == ["Action.Submit"]
    texts = " ".join(item.get("text", "") for item in card["body"])
    for criterion in PRIZE.mandatory_criteria:
        assert criterion.text in texts


def test_errors_stand_next_to_their_field_and_values_are_kept() -> None:
    card = nomination_form(PRIZE, ROUND, values={"partners": "Polisen"}, errors={"partners": "Minst två."})
    body = card["body"]
    position = next(i for i, item in enumerate(body) if item.get("id") == "partners")
    assert body[position]["value"] == "Polisen"
    following = body[position + 1 : position + 3]
    assert any(item.get("color") == "Attention" and "Minst två" in item["text"] for item in following)


def test_form_values_take_only_a_submitted_form() -> None:
    assert form_values({"nominee": "x"}) is None
    assert form_values("text") is None
    assert form_values({"trygghetsbot": "nominate", "nominee": "x", "partners": 5, "extra": "y"}) == {"nominee": "x"}


def test_user_text_cannot_mention_or_inject_markup() -> None:
    for hostile in ("@channel kom hit", "@Team", "<at>Alla</at>", "**fet** [länk](https://evil)", "{{DATE(2017)}}"):
        made_inert = inert(hostile)
        assert "@channel" not in made_inert.lower() and "@team" not in made_inert.lower()
        assert "<at>" not in made_inert and "{{" not in made_inert
        assert "**" not in made_inert and not re.search(r"(?<!\\)\]\(", made_inert)  # no live link


def submitted(nominee: str, partners: list[str]) -> Nomination:
    now = datetime(2023, 6, 15, tzinfo=UTC)
    return Nomination(
        nominee=nominee,
        partners=partners,
        round_year=ROUND.year,
        status="submitted",
        nominator=Nominator(name="Anna"),
        created_at=now,
        updated_at=now,
    )


def test_the_jury_post_escapes_the_nomination() -> None:
    nomination = submitted("@channel <at>Alla</at>", ["Polisen", "[x](https://evil)"])
    post = jury_post(nomination, Rules(PRIZE).checklist(nomination.content()))
    text = str(post)
    assert "@channel" not in text and "<at>" not in text and not re.search(r"(?<!\\)\]\(https", text)


def test_a_submitted_card_with_the_efforts_name_as_a_partner_is_refused_beside_partners() -> None:
    """The Teams card and the Slack modal share handlers.forms: one organisation per line, the core's rules."""
    from handlers.forms import errors_by_field, form_content
    from tests.texts import ADDED_VALUE, DESCRIPTION

    values = form_values(
        {
            "trygghetsbot": "nominate",
            "nominee": "Trygga Gatan",
            "partners": "Trygga Gatan\nPolisen",
            "description": DESCRIPTION,
            "added_value": ADDED_VALUE,
        }
    )
    assert values is not None
    _, errors = Rules(PRIZE).submission_errors(form_content(values))
    placed = errors_by_field(errors)
    assert list(placed) == ["partners"] and "namnet på den nominerade insatsen" in placed["partners"]


def test_a_withdrawn_nominations_jury_post_says_so_and_a_submitted_ones_does_not() -> None:
    active = submitted("Trygga Tensta", ["Polisen", "Fältgruppen"])
    withdrawn = active.model_copy(update={"status": "withdrawn"})
    note = t("sv", "post.withdrawn_note")
    for nomination, shown in ((active, False), (withdrawn, True)):
        post = jury_post(nomination, Rules(PRIZE).checklist(nomination.content()))
        assert (note in json.dumps(post, ensure_ascii=False)) is shown
