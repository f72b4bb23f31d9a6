"""The Teams bot driven by Microsoft's own test harness (microsoft-agents-testing's TestAdapter and
TestFlow), beside the e2e tests that drive the real endpoint: the bot's turn is the SDK agent
callback ``TeamsBot.on_turn`` and its replies go through the turn context's adapter, so the
harness sees every reply without a connector."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ChannelId,
    Channels,
    ConversationAccount,
    ConversationReference,
)
from microsoft_agents.testing import TestAdapter, TestFlow

from bot.clock import fixed_clock
from bot.config import Settings, load_settings
from bot.knowledge import default_knowledge
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from handlers.teams.activities import TeamsDeps
from handlers.teams.routes import TeamsApp
from store import Store, open_store, open_store_async
from tests.nominations.conftest import good_content
from trygghetsbot.compose import build_jury_service, core_factory

ANNA = "0a0a0a0a-0000-4000-8000-00000000000a"
EVE = "0e0e0e0e-0000-4000-8000-00000000000e"  # not on the jury
GOOD = {"collaboration": "yes", "added_value": "yes", "innovation": "4", "inspiration": "5", "results": "3"}


class NoConnector:
    """Every reply goes through the TestAdapter; nothing may reach a connector."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the connector was called ({name})")


def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str) -> Settings:
    for name, value in {
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "JURY_USER_IDS": ANNA,
        "TRYGGHETSBOT_NOW": now,
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
    }.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture
async def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Settings, Store]]:
    config = settings(tmp_path, monkeypatch, now="2023-06-15")
    opened = await open_store_async(config, clock=config.clock())
    yield config, opened
    await opened.aclose()


def flow(config: Settings, store: Store, user: str, *, locale: str = "sv-SE") -> TestFlow:
    """A personal chat of ``user`` (an Entra object id) with the bot, run by the SDK's TestAdapter."""
    core = core_factory(config)(store)
    deps = TeamsDeps(
        settings=config,
        knowledge=core.knowledge,
        store=store,
        router=core.router,
        service=core.router.dialog.service,
        connector=NoConnector(),  # type: ignore[arg-type]
        jury=build_jury_service(store, config),
    )
    reference = ConversationReference(
        channel_id=ChannelId(Channels.ms_teams),
        service_url="https://smba.trafficmanager.net/emea/",
        user=ChannelAccount(id=f"29:{user}", name="Anna", aad_object_id=user),
        agent=ChannelAccount(id="28:bot", name="Trygghetsboten"),
        conversation=ConversationAccount(id=f"a:dm-{user}", conversation_type="personal"),
        locale=locale,
    )
    adapter = TestAdapter(conversation=reference)
    adapter.locale = locale
    bot = TeamsApp(deps, adapter=adapter)
    return TestFlow(adapter, bot.on_turn)


def card_of(reply: Activity) -> dict[str, Any]:
    [attachment] = reply.attachments or []
    assert attachment.content_type == "application/vnd.microsoft.card.adaptive"
    assert isinstance(attachment.content, dict)
    return attachment.content


def card_inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in card["body"] if str(item.get("type", "")).startswith("Input.")}


async def test_a_question_is_answered_with_its_source(store: tuple[Settings, Store]) -> None:
    def winner(reply: Activity) -> None:
        assert "Föreningen Process Kedjan" in (reply.text or "") and "Källa:" in (reply.text or "")
        assert reply.reply_to_id  # in the question's thread

    await (
        flow(*store, ANNA)
        .send("vem vann 2019?")
        .assert_reply(winner)
        .send("and in 2024?")
        .assert_reply(lambda reply: None if "2024" in (reply.text or "") else pytest.fail(reply.text))
        .assert_no_more_replies()
        .start_test()
    )


async def test_nominera_gives_the_form_card_and_nominate_the_english_one(store: tuple[Settings, Store]) -> None:
    def form(title: str) -> Any:
        def check(reply: Activity) -> None:
            card = card_of(reply)
            assert title in str(card["body"][0]["text"])
            assert {"nominee", "description", "nominator_email"} <= set(card_inputs(card))

        return check

    await (
        flow(*store, ANNA)
        .send("nominera")
        .assert_reply(form("Nominera"))
        .send("nominate")
        .assert_reply(form("Nominate"))
        .start_test()
    )


async def seed(config: Settings) -> str:
    prize = default_knowledge().prize
    with open_store(config.db_path) as store:
        clock = fixed_clock(date(2023, 6, 15))
        service = NominationService(store.nominations, prize, prize.latest_round, clock, platforms=("teams",))
        nominator = Nominator(name="Bo", email="bo@example.se", user_id="teams:bo")
        result = await service.submit(good_content(nominee="Trygga kvarteret"), nominator)
    return result.nomination.id


async def test_a_juror_scores_and_sees_it_in_the_ranking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = settings(tmp_path, monkeypatch, now="2023-09-15")
    nomination_id = await seed(config)
    store = await open_store_async(config, clock=config.clock())
    try:
        score = {"trygghetsbot": "score", "nomination_id": nomination_id, "lang": "sv", **GOOD}

        def ranked(reply: Activity) -> None:
            text = str(card_of(reply))
            assert "Trygga kvarteret" in text and nomination_id in text

        await (
            flow(config, store, ANNA)
            .send(Activity(type="message", value=score | {"innovation": "7"}))
            .assert_reply(lambda reply: None if "1 till 5" in str(card_of(reply)) else pytest.fail("no refusal"))
            .send(Activity(type="message", value=score))
            .assert_reply(lambda reply: None if "sparad" in (reply.text or "") else pytest.fail(reply.text))
            .send("rankning")
            .assert_reply(ranked)
            .start_test()
        )
        [stored] = (await store.jury.state(2023)).scores
        assert (stored.juror, stored.innovation) == (ANNA, 4)
    finally:
        await store.aclose()


async def test_a_non_juror_gets_no_ranking_and_stores_no_score(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = settings(tmp_path, monkeypatch, now="2023-09-15")
    nomination_id = await seed(config)
    store = await open_store_async(config, clock=config.clock())
    try:
        refused = "bara för juryn"
        await (
            flow(config, store, EVE)
            .send("rankning")
            .assert_reply_contains(refused)
            .send(Activity(type="message", value={"trygghetsbot": "score", "nomination_id": nomination_id, **GOOD}))
            .assert_reply_contains(refused)
            .start_test()
        )
        assert (await store.jury.state(2023)).scores == []
    finally:
        await store.aclose()


async def test_the_ranking_follows_an_english_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = settings(tmp_path, monkeypatch, now="2023-09-15")
    await seed(config)
    store = await open_store_async(config, clock=config.clock())
    try:
        await (
            flow(config, store, ANNA, locale="en-GB")
            .send("ranking")
            .assert_reply(lambda reply: None if "Ranking" in str(card_of(reply)) else pytest.fail(str(card_of(reply))))
            .start_test()
        )
    finally:
        await store.aclose()
