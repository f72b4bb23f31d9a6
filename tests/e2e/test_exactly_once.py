"""Jury posts and confirmation DMs exactly once: across lost answers, restarts, outages and replays."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from handlers.slack.views.blocks import HOME_EDIT_ACTION
from tests.e2e.conftest import JURY_CHANNELS, BotServer, stored, stored_outbox
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID, open_modal, wait_dm


async def wait_until_sent(server: BotServer, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        messages = await stored_outbox(server)
        if messages and all(m.status == "sent" for m in messages):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"outbox not drained: {[(m.kind, m.status, m.last_error) for m in messages]}")


def tagged_posts(fake: FakeSlack, channel: str) -> list[dict[str, Any]]:
    return [m for m in fake.posts_in(channel) if (m.get("metadata") or {}).get("event_type") == "trygghetsbot_outbox"]


async def submit(slack: SlackSender, fake: FakeSlack, view_id: str = "VSUBMIT", user: str = "U1") -> None:
    view = (
        (await fake.wait_for("views.open"))[-1].args["view"] if fake.of("views.open") else await open_modal(slack, fake)
    )
    reply = await slack.submit_modal(view, VALID, view_id=view_id, user=user)
    assert reply.status == 200 and not reply.text


async def test_a_post_whose_answer_was_lost_is_found_not_posted_again(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    fake.keep_and_drop("chat.postMessage", times=len(JURY_CHANNELS) + 1)
    await submit(slack, fake)
    await wait_until_sent(server)
    for channel in (*JURY_CHANNELS, "U1"):
        assert len(tagged_posts(fake, channel)) == 1, channel
    [nomination] = await stored(server)
    [message] = await stored_outbox(server)
    # The recorded ts is the kept post's, so an edit updates that post.
    for channel in JURY_CHANNELS:
        assert message.deliveries[channel].ts == tagged_posts(fake, channel)[0]["ts"]
    assert message.in_flight == {}
    assert tagged_posts(fake, "CJURY1")[0]["metadata"]["event_payload"]["nomination_id"] == nomination.id


async def test_kill_between_post_and_answer_then_restart_posts_once(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    """The process dies after Slack kept the post but before it answered; the restart must not post again."""
    fake.keep_and_hang("chat.postMessage", times=1)
    await submit(slack, fake)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while not any(c.status == 0 for c in fake.calls) and loop.time() < deadline:
        await asyncio.sleep(0.02)
    await server.stop()  # dies waiting for the answer: the send is in flight, its outcome unknown
    [message] = await stored_outbox(server)
    assert message.status == "pending" and message.in_flight and message.attempts == 0
    await server.start()
    await wait_until_sent(server)
    for channel in (*JURY_CHANNELS, "U1"):
        assert len(tagged_posts(fake, channel)) == 1, channel
    assert fake.of("conversations.history")  # it looked before posting


async def test_confirmation_dms_survive_an_outage_exactly_once(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    users = [f"U{n}" for n in range(1, 7)]
    fake.fail("chat.postMessage", status=500, times=40)
    view = await open_modal(slack, fake)
    for user in users:
        assert (await slack.submit_modal(view, VALID, view_id=f"V{user}", user=user)).status == 200
    await wait_until_sent(server, timeout=20)
    dms = Counter(c.args["channel"] for c in fake.of("chat.postMessage") if c.args["channel"] in users)
    assert dms == Counter({user: 1 for user in users})
    assert len(await stored(server)) == len(users)


async def test_a_replayed_submission_sends_one_dm_and_one_post_per_channel(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    view = await open_modal(slack, fake)
    for _ in range(4):
        assert (await slack.submit_modal(view, VALID, view_id="VREPLAY")).status == 200
    await wait_until_sent(server)
    await asyncio.sleep(0.3)
    posts = Counter(c.args["channel"] for c in fake.of("chat.postMessage"))
    assert posts == Counter({"U1": 1, **{channel: 1 for channel in JURY_CHANNELS}})
    assert len(await stored(server)) == 1


async def test_a_replayed_edit_is_applied_once(slack: SlackSender, fake: FakeSlack, server: BotServer) -> None:
    view = await open_modal(slack, fake)
    await slack.submit_modal(view, VALID, view_id="VFIRST")
    await wait_until_sent(server)
    [nomination] = await stored(server)
    await slack.press(HOME_EDIT_ACTION, nomination.id, channel=None)
    edit_view = (await fake.wait_for("views.open", 2))[-1].args["view"]
    changed = {**VALID, "description": "Nattvandringar och läxhjälp varje vecka i hela stadsdelen."}
    for _ in range(3):
        assert (await slack.submit_modal(edit_view, changed, view_id="VEDIT")).status == 200
    await wait_until_sent(server)
    await asyncio.sleep(0.3)
    [edited] = await stored(server)
    assert edited.revision == nomination.revision + 1
    assert len(fake.of("chat.update")) == len(JURY_CHANNELS)
    await wait_dm(fake, "U1", 2)  # the submission's and the edit's confirmation ...
    assert len([c for c in fake.of("chat.postMessage") if c.args["channel"] == "U1"]) == 2  # ... and no more


async def test_a_double_clicked_submission_is_stored_and_confirmed_once(
    slack: SlackSender, fake: FakeSlack, server: BotServer
) -> None:
    """Two view submissions (two view ids: a double click, a client's retry) of the same content by
    the same user, at once and a moment later: one nomination, one confirmation, one post per channel."""
    view = await open_modal(slack, fake)
    replies = await asyncio.gather(*(slack.submit_modal(view, VALID, view_id=f"VCLICK{n}") for n in (1, 2)))
    replies.append(await slack.submit_modal(view, VALID, view_id="VCLICK3"))
    assert [(reply.status, reply.text) for reply in replies] == [(200, "")] * 3  # each closes its modal
    await wait_until_sent(server)
    await asyncio.sleep(0.2)
    [nomination] = await stored(server)
    assert len(await stored_outbox(server)) == 1
    for channel in (*JURY_CHANNELS, "U1"):
        assert len(tagged_posts(fake, channel)) == 1, channel
    assert nomination.duplicate_of is None
