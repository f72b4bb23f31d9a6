"""Nominating over Slack: the modal, the core's rules, the DM, and the jury's posts."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from handlers.slack.views.blocks import (
    HOME_EDIT_ACTION,
    HOME_WITHDRAW_ACTION,
    JURY_EXPORT_ACTION,
    JURY_LIST_ACTION,
    SHOW_FULL_ACTION,
)
from tests.e2e.conftest import JURY_CHANNELS, JURY_LISTED, JURY_MEMBER, BotServer, stored
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.texts import ADDED_VALUE, DESCRIPTION

VALID = {
    "nominee": "Trygga Gatan",
    "partners": "Polisen\nFältgruppen",
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "innovation": "Ny metod med gemensam lägesbild.",
    "inspiration": None,
    "results": None,
    "contact": "Anna, 070-123 45 67",
    "nominator_email": "anna@example.se",
}


async def open_modal(slack: SlackSender, fake: FakeSlack) -> dict[str, Any]:
    assert (await slack.slash("/nominera")).status == 200
    [opened] = await fake.wait_for("views.open")
    view: dict[str, Any] = opened.args["view"]
    return view


async def submit_valid(slack: SlackSender, fake: FakeSlack, **changes: str | None) -> str:
    view = await open_modal(slack, fake)
    reply = await slack.submit_modal(view, {**VALID, **changes})
    assert reply.status == 200 and not reply.text
    dm = await wait_dm(fake, "U1")
    nomination_id: str = dm.args["text"].split("id ")[1].split(")")[0]
    return nomination_id


async def wait_dm(fake: FakeSlack, user: str, count: int = 1) -> Any:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while loop.time() < deadline:
        dms = [c for c in fake.of("chat.postMessage") if c.args["channel"] == user]
        if len(dms) >= count:
            return dms[count - 1]
        await asyncio.sleep(0.02)
    raise AssertionError(f"no DM to {user}: {fake.methods()}")


def jury_posts(fake: FakeSlack) -> list[Any]:
    return [c for c in fake.of("chat.postMessage") if c.args["channel"] in JURY_CHANNELS]


async def wait_jury_posts(fake: FakeSlack, count: int = len(JURY_CHANNELS), timeout: float = 5.0) -> list[Any]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(jury_posts(fake)) < count and loop.time() < deadline:
        await asyncio.sleep(0.02)
    return jury_posts(fake)


async def test_nominera_opens_the_modal_with_the_criteria(slack: SlackSender, fake: FakeSlack) -> None:
    view = await open_modal(slack, fake)
    assert view["callback_id"] == "nomination_modal"
    assert "samverkan mellan flera verksamheter" in json.dumps(view, ensure_ascii=False)
    assert fake.of("views.open")[0].args["trigger_id"]


async def test_a_valid_modal_is_stored_confirmed_and_posted_once_per_jury_channel(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    nomination_id = await submit_valid(slack, fake)
    dm = await wait_dm(fake, "U1")
    assert "Trygga Gatan" in dm.args["text"] and nomination_id in dm.args["text"]
    posts = await wait_jury_posts(fake)
    assert sorted(p.args["channel"] for p in posts) == sorted(JURY_CHANNELS)
    assert all(nomination_id in p.payload_text and "Polisen" in p.payload_text for p in posts)
    [nomination] = await stored(server)
    assert nomination.id == nomination_id and nomination.status == "submitted"
    assert nomination.nominator.user_id == "slack:U1" and nomination.partners == ["Polisen", "Fältgruppen"]
    await asyncio.sleep(0.3)
    assert len(jury_posts(fake)) == len(JURY_CHANNELS)  # and no more


async def test_an_invalid_modal_gets_field_errors_and_stores_nothing(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    view = await open_modal(slack, fake)
    reply = await slack.submit_modal(
        view, {**VALID, "partners": "trygga gatan", "added_value": "Bra", "nominator_email": "inte-en-adress"}
    )
    assert reply.status == 200
    body = reply.json()
    assert body["response_action"] == "errors"
    assert {"partners", "added_value", "nominator_email"} <= body["errors"].keys()
    assert "samverkan" in body["errors"]["partners"]
    await asyncio.sleep(0.3)
    assert fake.of("chat.postMessage") == [] and await stored(server) == []


async def test_the_modal_applies_the_same_criteria_as_the_core(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    view = await open_modal(slack, fake)
    weak = {"nominee": "Nattvandring Tensta", "partners": "Föreningen Nattvandrarna", "description": "x"}
    reply = await slack.submit_modal(view, {**VALID, **weak, "added_value": "det är bra för alla"})
    errors = reply.json()["errors"]
    assert set(errors) == {"partners", "description", "added_value"}
    assert "ansvariga organisationen medräknad" in errors["partners"]
    assert "”insatsen är utvecklande och innehåller ett mervärde utöver ordinarie verksamhet”" in errors["added_value"]
    assert await stored(server) == []


async def test_injection_text_cannot_ping_or_forge_links(slack: SlackSender, fake: FakeSlack) -> None:
    await submit_valid(
        slack, fake, nominee="<!channel> Trygga Gatan", partners="<@U999>\n<https://evil.example|Polisen> & co"
    )
    posts = await wait_jury_posts(fake)
    for post in posts:
        text = post.payload_text
        assert "<!channel>" not in text and "<@U999>" not in text and "<https://evil" not in text
        assert "&lt;!channel&gt;" in text and "&amp;" in text


@pytest.mark.parametrize("failure", [{"status": 500}, {"status": 429, "retry_after": 1}])
async def test_jury_post_is_delivered_after_slack_recovers_exactly_once(
    slack: SlackSender, fake: FakeSlack, failure: dict[str, Any]
) -> None:
    # More failures than the Web API client retries by itself, so the outbox must retry too.
    fake.fail("chat.postMessage", times=4, **failure)
    await submit_valid_after_dm_failure(slack, fake)
    posts = await wait_jury_posts(fake, timeout=10)
    assert sorted(p.args["channel"] for p in posts) == sorted(JURY_CHANNELS)
    failed = [c for c in fake.of("chat.postMessage", ok_only=False) if not c.ok]
    assert len(failed) == 4
    await asyncio.sleep(0.3)
    assert len(jury_posts(fake)) == len(JURY_CHANNELS)


async def submit_valid_after_dm_failure(slack: SlackSender, fake: FakeSlack) -> None:
    """Submit; the DM may be among the failed calls, so wait for the stored outcome instead."""
    view = await open_modal(slack, fake)
    reply = await slack.submit_modal(view, VALID)
    assert reply.status == 200 and not reply.text


async def test_undelivered_notification_is_sent_after_a_restart_exactly_once(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    fake.fail("chat.postMessage", times=10_000)
    await submit_valid_after_dm_failure(slack, fake)
    await fake.wait_for("chat.postMessage", 0)
    await asyncio.sleep(0.3)
    await server.stop()
    assert jury_posts(fake) == []
    fake.clear_faults()
    await server.start()
    posts = await wait_jury_posts(fake, timeout=10)
    assert sorted(p.args["channel"] for p in posts) == sorted(JURY_CHANNELS)
    await asyncio.sleep(0.3)
    assert len(jury_posts(fake)) == len(JURY_CHANNELS)


async def test_a_restart_does_not_post_again(slack: SlackSender, fake: FakeSlack, server: BotServer) -> None:
    await submit_valid(slack, fake)
    await wait_jury_posts(fake)
    await server.stop()
    await server.start()
    await asyncio.sleep(0.4)
    assert len(jury_posts(fake)) == len(JURY_CHANNELS)


async def test_edit_and_withdraw_update_the_same_jury_messages(slack: SlackSender, fake: FakeSlack) -> None:
    nomination_id = await submit_valid(slack, fake)
    posts = await wait_jury_posts(fake)
    posted = {(p.args["channel"], p.response["ts"]) for p in posts}
    assert (await slack.press(HOME_EDIT_ACTION, nomination_id, channel=None)).status == 200
    edit_view = (await fake.wait_for("views.open", 2))[-1].args["view"]
    assert json.loads(edit_view["private_metadata"])["nomination_id"] == nomination_id
    await slack.submit_modal(
        edit_view, {**VALID, "description": "Nattvandringar och läxhjälp varje vecka: " + DESCRIPTION}, view_id="VEDIT"
    )
    updates = await fake.wait_for("chat.update", len(JURY_CHANNELS))
    assert {(u.args["channel"], u.args["ts"]) for u in updates} == posted
    await slack.press(HOME_WITHDRAW_ACTION, nomination_id, channel=None)
    updates = await fake.wait_for("chat.update", 2 * len(JURY_CHANNELS))
    assert {(u.args["channel"], u.args["ts"]) for u in updates[len(JURY_CHANNELS) :]} == posted
    assert "Återkallad" in updates[-1].payload_text
    assert len(jury_posts(fake)) == len(JURY_CHANNELS)  # updates, never new posts


async def test_only_the_jury_sees_a_full_nomination(slack: SlackSender, fake: FakeSlack) -> None:
    nomination_id = await submit_valid(slack, fake)
    await slack.press(SHOW_FULL_ACTION, nomination_id, user="UOUTSIDER", channel="CJURY1")
    [refusal] = await fake.wait_for("response_url")
    assert "juryn" in refusal.args["text"]
    assert len(fake.of("views.open")) == 1  # only the /nominera modal: nothing was shown
    for jury_user in (JURY_MEMBER, JURY_LISTED):
        await slack.press(SHOW_FULL_ACTION, nomination_id, user=jury_user, channel="CJURY1")
    opened = await fake.wait_for("views.open", 3)
    assert all(VALID["added_value"] in view.payload_text for view in opened[1:])


async def test_only_the_jury_gets_the_round_overview(slack: SlackSender, fake: FakeSlack) -> None:
    await submit_valid(slack, fake)
    await slack.press(JURY_LIST_ACTION, "", user="UOUTSIDER", channel=None)
    refusal = await wait_dm(fake, "UOUTSIDER")
    assert "juryn" in refusal.args["text"]
    await slack.press(JURY_LIST_ACTION, "", user=JURY_LISTED, channel=None)
    overview = (await fake.wait_for("views.open", 2))[-1]
    assert "Trygga Gatan" in overview.payload_text


async def test_only_the_jury_can_export_and_the_file_reaches_their_dm(slack: SlackSender, fake: FakeSlack) -> None:
    await submit_valid(slack, fake, nominee='=HYPERLINK("http://x")')
    await slack.press(JURY_EXPORT_ACTION, "", user="UOUTSIDER", channel=None)
    refusal = await wait_dm(fake, "UOUTSIDER")
    assert "juryn" in refusal.args["text"]
    assert fake.of("files.getUploadURLExternal") == []
    await slack.press(JURY_EXPORT_ACTION, "", user=JURY_MEMBER, channel=None)
    [completed] = await fake.wait_for("files.completeUploadExternal")
    assert completed.args["channel_id"] == "D" + JURY_MEMBER  # the DM that conversations.open returned
    [file_id] = fake.uploads
    csv_text = fake.uploads[file_id].decode("utf-8")
    assert csv_text.startswith("\ufeff") and VALID["added_value"] in csv_text
    assert "'=HYPERLINK" in csv_text  # a formula from user text is neutralised
    assert "Här är den inskickade nomineringen" in completed.payload_text  # one: the singular


async def test_a_failed_export_is_reported_to_the_jury_member(slack: SlackSender, fake: FakeSlack) -> None:
    fake.fail("files.completeUploadExternal", status=400, times=10)
    await slack.press(JURY_EXPORT_ACTION, "", user=JURY_LISTED, channel=None)
    failure = await wait_dm(fake, JURY_LISTED)
    assert "Försök igen" in failure.args["text"]


async def test_app_home_lists_own_nominations_and_the_period(slack: SlackSender, fake: FakeSlack) -> None:
    await submit_valid(slack, fake)
    await slack.event(
        {"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "home", "event_ts": slack.new_ts()}
    )
    published = (await fake.wait_for("views.publish", 2))[-1]
    text = published.payload_text
    assert "Trygga Gatan" in text and "dagar kvar" in text and HOME_WITHDRAW_ACTION in text
    assert "För juryn" not in text
    await slack.event(
        {"type": "app_home_opened", "user": JURY_MEMBER, "channel": "DJ", "tab": "home", "event_ts": slack.new_ts()}
    )
    jury_home = (await fake.wait_for("views.publish", 3))[-1]
    assert "För juryn" in jury_home.payload_text and "1 inskickad nominering i år" in jury_home.payload_text
    assert JURY_EXPORT_ACTION in jury_home.payload_text


@pytest.mark.parametrize("now", ["2023-10-01"])
async def test_nominera_outside_the_period_explains_and_opens_nothing(slack: SlackSender, fake: FakeSlack) -> None:
    reply = await slack.slash("/nominera")
    assert "1 september 2023" in reply.json()["text"]
    assert fake.of("views.open") == []
