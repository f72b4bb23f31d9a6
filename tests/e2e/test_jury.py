"""The jury in Slack: Bedöm -> modal -> stored score, refusals inline, the jurors' App Home, the
chair's decision announced once per channel, the digest and reminders exactly once across restarts."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.clock import fixed_clock
from bot.config import Settings, load_settings
from bot.knowledge import default_knowledge
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from bot.texts import t
from handlers.slack.views.blocks import ASSESS_ACTION
from handlers.slack.views.jury import DECIDE_ACTION
from store import open_store
from tests.e2e.conftest import JURY_CHANNELS, SECRET, BotServer, make_settings
from tests.e2e.fakeslack import TEAM_ID, FakeSlack
from tests.e2e.signing import SlackSender
from tests.nominations.conftest import good_content
from trygghetsbot.compose import build_jury_service

JURORS = ("UJ1", "UJ2", "UCHAIR")
CHAIR = "UCHAIR"
AFTER_THE_PERIOD = "2023-09-15"


async def seed(settings: Settings, count: int = 2) -> list[str]:
    """Nominations submitted during the period (the server then runs after it)."""
    prize = default_knowledge().prize
    with open_store(settings.db_path) as store:
        service = NominationService(store.nominations, prize, prize.latest_round, fixed_clock(date(2023, 6, 15)))
        ids = []
        for number in range(count):
            nominator = Nominator(name="Anna", email=f"anna{number}@example.se")
            result = await service.submit(good_content(nominee=f"Trygga kvarteret {number}"), nominator)
            ids.append(result.nomination.id)
    return ids


def jury_settings(tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, now: str, **env: str) -> Settings:
    make_settings(tmp_path, fake, monkeypatch, now)
    monkeypatch.setenv("JURY_USER_IDS", ",".join(JURORS))
    monkeypatch.setenv("JURY_CHAIR_ID", CHAIR)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture
async def jury_server(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[BotServer, SlackSender, list[str]]]:
    settings = jury_settings(tmp_path, fake, monkeypatch, AFTER_THE_PERIOD)
    ids = await seed(settings)
    server = await BotServer(settings).start()
    yield server, SlackSender(server.url + "/slack/events", SECRET, fake), ids
    await server.stop()


def score_view(nomination_id: str, **choices: str | None) -> dict[str, Any]:
    """The scoring modal as Slack submits it: radio and select choices, comment, conflict box."""
    values: dict[str, Any] = {}
    for field in ("collaboration", "added_value", "innovation", "inspiration", "results"):
        choice = choices.get(field)
        values[field] = {field: {"type": "static_select", "selected_option": {"value": choice} if choice else None}}
    values["comment"] = {"comment": {"type": "plain_text_input", "value": choices.get("comment")}}
    conflict = [{"value": "conflict"}] if choices.get("conflict") else []
    values["conflict"] = {"conflict": {"type": "checkboxes", "selected_options": conflict}}
    values["reason"] = {"reason": {"type": "plain_text_input", "value": choices.get("reason")}}
    return {
        "id": "VSCORE",
        "type": "modal",
        "callback_id": "jury_score_modal",
        "private_metadata": json.dumps({"nomination_id": nomination_id}),
        "state": {"values": values},
    }


async def submit_score(slack: SlackSender, user: str, nomination_id: str, **choices: str | None) -> Any:
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM_ID},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID},
        "view": score_view(nomination_id, **choices),
    }
    return await slack.interactive(payload)


GOOD_SCORE = {"collaboration": "yes", "added_value": "yes", "innovation": "4", "inspiration": "5", "results": "3"}


async def scores(server: BotServer) -> list[Any]:
    with open_store(server.settings.db_path, read_only=True) as store:
        return list((await store.jury.state(2023)).scores)


async def wait_posts(fake: FakeSlack, channel: str, event_type: str, count: int, timeout: float = 5.0) -> list[Any]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = [m for m in fake.posts_in(channel) if (m.get("metadata") or {}).get("event_type") == event_type]
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    return [m for m in fake.posts_in(channel) if (m.get("metadata") or {}).get("event_type") == event_type]


async def test_bedom_opens_the_scoring_modal_and_the_score_is_stored(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    server, slack, ids = jury_server
    posts = await fake.wait_for("chat.postMessage", len(JURY_CHANNELS) * 2)
    assert any(ASSESS_ACTION in p.payload_text for p in posts)  # the jury post carries "Bedöm"
    assert (await slack.press(ASSESS_ACTION, ids[0], user="UJ1")).status == 200
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "jury_score_modal"
    assert "samverkan mellan flera verksamheter" in json.dumps(view, ensure_ascii=False)  # quoted criteria
    reply = await submit_score(slack, "UJ1", ids[0], **GOOD_SCORE)
    assert reply.status == 200 and not reply.text
    [stored] = await scores(server)
    assert (stored.juror, stored.nomination_id, stored.innovation, stored.collaboration) == ("UJ1", ids[0], 4, True)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while not any(c.args["channel"] == "UJ1" for c in fake.of("chat.postMessage")) and loop.time() < deadline:
        await asyncio.sleep(0.05)
    assert any("Bedömningen av" in c.args["text"] for c in fake.of("chat.postMessage") if c.args["channel"] == "UJ1")


async def test_refused_scores_show_inline_and_store_nothing(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    server, slack, ids = jury_server
    missing_grade = {**GOOD_SCORE, "innovation": None}
    reply = await submit_score(slack, "UJ1", ids[0], **missing_grade)
    assert reply.json()["response_action"] == "errors" and "innovation" in reply.json()["errors"]
    outsider = await submit_score(slack, "UOUT", ids[0], **GOOD_SCORE)
    assert "inte med i juryn" in json.dumps(outsider.json(), ensure_ascii=False)
    await submit_score(slack, "UJ2", ids[0], conflict="yes", reason="Min syster leder insatsen")
    after_conflict = await submit_score(slack, "UJ2", ids[0], **GOOD_SCORE)
    assert "jäv" in json.dumps(after_conflict.json(), ensure_ascii=False)
    assert await scores(server) == []
    await slack.press(ASSESS_ACTION, ids[0], user="UOUT")  # a non-juror gets a polite no, not the modal
    await asyncio.sleep(0.3)
    assert fake.of("views.open") == []


async def test_scoring_before_the_period_has_closed_is_refused(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = jury_settings(tmp_path, fake, monkeypatch, "2023-07-01")
    ids = await seed(settings, 1)
    server = await BotServer(settings).start()
    try:
        slack = SlackSender(server.url + "/slack/events", SECRET, fake)
        reply = await submit_score(slack, "UJ1", ids[0], **GOOD_SCORE)
        assert "har inte öppnat" in json.dumps(reply.json(), ensure_ascii=False)
        assert await scores(server) == []
    finally:
        await server.stop()


async def home_of(slack: SlackSender, fake: FakeSlack, user: str) -> str:
    """The App Home published for ``user`` when they open it (other users' republishing aside)."""

    def mine() -> list[Any]:
        return [c for c in fake.of("views.publish") if c.args.get("user_id") == user]

    before = len(mine())
    await slack.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home"})
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while len(mine()) <= before and loop.time() < deadline:
        await asyncio.sleep(0.02)
    assert len(mine()) > before, f"no App Home published for {user}"
    return str(mine()[-1].payload_text)


async def test_app_home_shows_the_ranking_to_jurors_only_and_the_decision_to_the_chair(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    _server, slack, ids = jury_server
    for juror in ("UJ1", "UJ2"):
        await submit_score(slack, juror, ids[1], **GOOD_SCORE)
    juror_home = await home_of(slack, fake, "UJ1")
    assert "Rankning" in juror_home and "Trygga kvarteret 1" in juror_home and "4,00" in juror_home
    assert "Du har kvar att bedöma" in juror_home and ids[0] in juror_home
    assert DECIDE_ACTION not in juror_home
    outsider_home = await home_of(slack, fake, "UOUT")
    assert "Rankning" not in outsider_home and "4,00" not in outsider_home
    chair_home = await home_of(slack, fake, CHAIR)
    assert DECIDE_ACTION in chair_home


async def test_the_chairs_decision_is_announced_once_per_jury_channel(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    server, slack, ids = jury_server
    for juror in ("UJ1", "UJ2"):
        await submit_score(slack, juror, ids[1], **GOOD_SCORE)
    not_chair = await slack.press_select(DECIDE_ACTION, ids[1], user="UJ1")
    assert not_chair.status == 200
    assert (await slack.press_select(DECIDE_ACTION, ids[1], user=CHAIR)).status == 200
    for channel in JURY_CHANNELS:
        [announcement] = await wait_posts(fake, channel, "trygghetsbot_jury", 1)
        assert "Trygga kvarteret 1" in announcement["text"]
    await server.stop()
    await server.start()
    await asyncio.sleep(0.5)
    for channel in JURY_CHANNELS:
        assert len(await wait_posts(fake, channel, "trygghetsbot_jury", 2, timeout=0.5)) == 1
    with open_store(server.settings.db_path, read_only=True) as store:
        decision = (await store.jury.state(2023)).decision
    assert decision is not None and decision.nomination_id == ids[1] and decision.chair == CHAIR


async def wait_dm(fake: FakeSlack, user: str, words: str, timeout: float = 5.0) -> str:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = [m["text"] for m in fake.posts_in(user) if words in (m.get("text") or "")]
        if found:
            return str(found[-1])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no DM to {user} with {words!r}: {[m.get('text') for m in fake.posts_in(user)]}")


async def test_a_chair_with_jav_is_refused_in_slack_and_the_deputy_decides(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = jury_settings(tmp_path, fake, monkeypatch, AFTER_THE_PERIOD, JURY_DEPUTY_CHAIR_ID="UJ1")
    ids = await seed(settings)
    server = await BotServer(settings).start()
    slack = SlackSender(server.url + "/slack/events", SECRET, fake)
    try:
        for n in ids:
            await submit_score(slack, "UJ2", n, **GOOD_SCORE)
        assert (await submit_score(slack, CHAIR, ids[1], conflict="yes")).status == 200
        assert (await slack.press_select(DECIDE_ACTION, ids[1], user=CHAIR)).status == 200
        refusal = await wait_dm(fake, CHAIR, "jäv")
        assert "får inte utse den till vinnare" in refusal and "vice ordföranden UJ1" in refusal
        # The deputy is offered only the nomination the chair is jävig on, the chair only the other.
        deputy_home = await home_of(slack, fake, "UJ1")
        assert DECIDE_ACTION in deputy_home and f'"value": "{ids[1]}"' in deputy_home
        assert f'"value": "{ids[0]}"' not in deputy_home
        chair_home = await home_of(slack, fake, CHAIR)
        assert f'"value": "{ids[0]}"' in chair_home and f'"value": "{ids[1]}"' not in chair_home
        assert (await slack.press_select(DECIDE_ACTION, ids[0], user="UJ1")).status == 200
        assert "bara när ordföranden har anmält jäv" in await wait_dm(fake, "UJ1", "bara när")
        with open_store(server.settings.db_path, read_only=True) as store:
            assert (await store.jury.state(2023)).decision is None
        assert (await slack.press_select(DECIDE_ACTION, ids[1], user="UJ1")).status == 200
        for channel in JURY_CHANNELS:
            [announcement] = await wait_posts(fake, channel, "trygghetsbot_jury", 1)
            assert "vice ordföranden UJ1" in announcement["text"]
    finally:
        await server.stop()


async def test_the_digest_is_posted_once_per_channel_even_across_a_restart(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    server, _slack, ids = jury_server
    for channel in JURY_CHANNELS:
        [digest] = await wait_posts(fake, channel, "trygghetsbot_digest", 1)
        assert all(nomination_id in digest["text"] for nomination_id in ids)
        assert "slack.com/archives" in digest["text"]  # each nomination linked to its jury post
    await server.stop()
    await server.start()
    await asyncio.sleep(0.5)
    for channel in JURY_CHANNELS:
        assert len(await wait_posts(fake, channel, "trygghetsbot_digest", 2, timeout=0.3)) == 1


async def test_reminders_go_to_jurors_with_nominations_missing_once_across_a_restart(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The deadline is tomorrow: the one-day reminder is due today.
    settings = jury_settings(tmp_path, fake, monkeypatch, AFTER_THE_PERIOD, TRYGGHETSBOT_JURY_DEADLINE="2023-09-16")
    ids = await seed(settings, 1)
    with open_store(settings.db_path) as store:  # UJ1 has nothing left to do
        await build_jury_service(store, settings).score(ids[0], "UJ1", **GOOD_SCORE)
    server = await BotServer(settings).start()
    try:
        for juror in ("UJ2", "UCHAIR"):
            [reminder] = await wait_posts(fake, juror, "trygghetsbot_jury", 1)
            assert "Påminnelse" in reminder["text"] and ids[0] in reminder["text"]
        await server.stop()
        await server.start()
        await asyncio.sleep(0.5)
        counts = Counter(
            juror
            for juror in JURORS
            for m in fake.posts_in(juror)
            if (m.get("metadata") or {}).get("event_type") == "trygghetsbot_jury"
        )
        assert counts == Counter({"UJ2": 1, "UCHAIR": 1})
    finally:
        await server.stop()


async def test_reminders_queued_before_the_decision_are_not_sent_after_it(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reminders were queued while the server was down; the chair decided before it came back."""
    settings = jury_settings(tmp_path, fake, monkeypatch, AFTER_THE_PERIOD, TRYGGHETSBOT_JURY_DEADLINE="2023-09-16")
    ids = await seed(settings, 1)
    with open_store(settings.db_path) as store:
        jury = build_jury_service(store, settings)
        await jury.score(ids[0], "UJ1", **GOOD_SCORE)
        assert len(await jury.send_reminders()) == 2  # UJ2 and the chair, queued
        await jury.decide(ids[0], CHAIR)
    server = await BotServer(settings).start()
    try:
        for channel in JURY_CHANNELS:
            [announcement] = await wait_posts(fake, channel, "trygghetsbot_jury", 1)
            assert "Trygga kvarteret 0" in announcement["text"]
        await asyncio.sleep(0.5)
        assert [m for juror in JURORS for m in fake.posts_in(juror) if "Påminnelse" in (m.get("text") or "")] == []
    finally:
        await server.stop()


async def test_jury_remind_sends_now_when_slack_is_configured_and_never_twice(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygghetsbot.cli import main

    settings = jury_settings(tmp_path, fake, monkeypatch, AFTER_THE_PERIOD, TRYGGHETSBOT_JURY_DEADLINE="2023-09-16")
    await seed(settings, 1)
    assert await asyncio.to_thread(main, ["jury", "remind"]) == 0
    assert await asyncio.to_thread(main, ["jury", "remind"]) == 0  # already sent: nothing new
    for juror in JURORS:
        [reminder] = await wait_posts(fake, juror, "trygghetsbot_jury", 1)
        assert "Påminnelse" in reminder["text"]
    await asyncio.sleep(0.2)
    assert sum(len(fake.posts_in(juror)) for juror in JURORS) == len(JURORS)


async def test_app_home_and_the_scoring_modal_follow_the_language_the_user_last_wrote_in(
    jury_server: tuple[BotServer, SlackSender, list[str]], fake: FakeSlack
) -> None:
    _server, slack, ids = jury_server
    assert "Rankning, Trygghetspriset" in await home_of(slack, fake, "UJ1")  # Swedish until they write
    await slack.dm("how much did SSPF get in 2024?", user="UJ1")
    await fake.wait_for("chat.postMessage", 1)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    home = await home_of(slack, fake, "UJ1")
    while "Ranking, Trygghetspriset" not in home and loop.time() < deadline:  # remembered after the answer
        await asyncio.sleep(0.05)
        home = await home_of(slack, fake, "UJ1")
    assert "Ranking, Trygghetspriset" in home and "who won in 2019?" in home
    await slack.press(ASSESS_ACTION, ids[0], user="UJ1")
    [opened] = await fake.wait_for("views.open")
    modal = json.dumps(opened.args["view"], ensure_ascii=False)
    assert t("en", "slack.jury.score_title") in modal and t("sv", "slack.jury.score_title") not in modal
    assert "Rankning, Trygghetspriset" in await home_of(slack, fake, "UJ2")  # another juror: still Swedish
    await slack.dm("vem vann 2019?", user="UJ1")
    deadline = loop.time() + 5
    home = await home_of(slack, fake, "UJ1")
    while "Rankning, Trygghetspriset" not in home and loop.time() < deadline:
        await asyncio.sleep(0.05)
        home = await home_of(slack, fake, "UJ1")
    assert "Rankning, Trygghetspriset" in home
