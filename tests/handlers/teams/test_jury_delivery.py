"""Two Teams jury senders on one store (as two processes would be) send each message once."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.clock import fixed_clock
from bot.config import Settings, load_settings
from bot.knowledge import default_knowledge
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from handlers.jury_messages import JuryDeliveries
from handlers.slack.delivery.jury_messages import send_jury_message
from handlers.teams.activities import TeamsDeps
from handlers.teams.jury_delivery import TeamsJuryMessenger
from store import Store, open_store, open_store_async
from tests.nominations.conftest import good_content
from trygghetsbot.compose import build_jury_service, core_factory

CHANNELS = ("19:one@thread.tacv2", "19:two@thread.tacv2")
ANNA = "0a0a0a0a-0000-4000-8000-00000000000a"
CHAIR = "0c0c0c0c-0000-4000-8000-00000000000c"


class SlowConnector:
    """Records sends; each takes a moment, so two senders overlap."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def create_channel_thread(self, service_url: str, channel: str, activity: dict[str, Any]) -> str:
        await asyncio.sleep(0.05)
        self.sent.append((channel, activity["text"]))
        return str(len(self.sent))

    async def create_personal_chat(self, service_url: str, user: str, tenant: str | None) -> str:
        return f"a:dm-{user}"

    async def reply(self, service_url: str, conversation: str, reply_to: str | None, activity: dict[str, Any]) -> str:
        await asyncio.sleep(0.05)
        self.sent.append((conversation, activity["text"]))
        return str(len(self.sent))


def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name, value in {
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TEAMS_SERVICE_URL": "https://smba.trafficmanager.net/emea/",
        "TEAMS_JURY_CHANNEL_IDS": ",".join(CHANNELS),
        "JURY_USER_IDS": f"{ANNA},UCHAIR={CHAIR}",
        "JURY_CHAIR_ID": CHAIR,
        "TRYGGHETSBOT_JURY_DEADLINE": "2023-09-16",
        "TRYGGHETSBOT_NOW": "2023-09-15",
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
    }.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


async def test_two_senders_send_each_digest_and_reminder_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = settings(tmp_path, monkeypatch)
    store = await open_store_async(config, clock=config.clock())
    connector = SlowConnector()
    try:
        senders = []
        for _ in range(2):
            core = core_factory(config)(store)
            deps = TeamsDeps(
                settings=config,
                knowledge=core.knowledge,
                store=store,
                router=core.router,
                service=core.nominations,
                connector=connector,  # type: ignore[arg-type]
                jury=build_jury_service(store, config),
            )
            senders.append(TeamsJuryMessenger(deps, check_seconds=0.0))
        for _ in range(3):
            await asyncio.gather(*(sender.run_round() for sender in senders))
    finally:
        await store.aclose()
    digests = sorted(channel for channel, text in connector.sent if "har stängt" in text)
    assert digests == sorted(CHANNELS)
    # No nominations: no reminders are due; the digest alone, once per channel.
    assert len(connector.sent) == len(CHANNELS)


class FakeSlackClient:
    """Slack's Web API as the jury sender uses it: an empty history, and the posts it makes."""

    def __init__(self) -> None:
        self.posted: list[str] = []

    async def conversations_open(self, users: str) -> dict[str, Any]:
        return {"channel": {"id": f"D-{users}"}}

    async def conversations_history(self, **_: Any) -> dict[str, Any]:
        return {"messages": [], "has_more": False}

    async def chat_postMessage(self, channel: str, **_: Any) -> dict[str, Any]:
        self.posted.append(channel)
        return {"ok": True, "ts": f"{len(self.posted)}.0"}


async def seed_nomination(config: Settings) -> None:
    """One nomination submitted during the period: the jurors have something left to assess."""
    prize = default_knowledge().prize
    with open_store(config.db_path) as store:
        service = NominationService(
            store.nominations, prize, prize.latest_round, fixed_clock(date(2023, 6, 15)), platforms=("teams",)
        )
        nominator = Nominator(name="Bo", email="bo@example.se", user_id="teams:bo")
        await service.submit(good_content(), nominator)


def teams_deps(config: Settings, store: Store, connector: SlowConnector) -> TeamsDeps:
    core = core_factory(config)(store)
    return TeamsDeps(
        settings=config,
        knowledge=core.knowledge,
        store=store,
        router=core.router,
        service=core.router.dialog.service,
        connector=connector,  # type: ignore[arg-type]
        jury=build_jury_service(store, config),
    )


async def test_a_teams_only_installation_marks_the_reminders_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = settings(tmp_path, monkeypatch)
    assert config.platforms == ["teams"]
    await seed_nomination(config)
    store = await open_store_async(config, clock=config.clock())
    connector = SlowConnector()
    try:
        await TeamsJuryMessenger(teams_deps(config, store, connector), check_seconds=0.0).run_round()
        messages = await store.jury.messages(2023)
    finally:
        await store.aclose()
    assert sorted(message.recipient or "" for message in messages) == sorted([ANNA, "UCHAIR"])
    assert [message.status for message in messages] == ["sent", "sent"]
    assert all(message.sent_at is not None for message in messages)
    assert sorted(conversation for conversation, _ in connector.sent if conversation.startswith("a:dm-")) == sorted(
        [f"a:dm-{ANNA}", f"a:dm-{CHAIR}"]
    )


async def test_with_slack_and_teams_a_message_is_sent_only_when_both_have_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    config = settings(tmp_path, monkeypatch)
    assert config.platforms == ["slack", "teams"]
    await seed_nomination(config)
    store = await open_store_async(config, clock=config.clock())
    try:
        teams = TeamsJuryMessenger(teams_deps(config, store, SlowConnector()), check_seconds=0.0)
        await teams.run_round()  # records the reminders and sends them in Teams
        assert [message.status for message in await store.jury.messages(2023)] == ["pending", "pending"]

        slack = FakeSlackClient()
        deliveries = JuryDeliveries(store, config.platforms)
        for message in await store.jury.messages(2023):
            await send_jury_message(slack, deliveries, [], message, teams.deps.jury.roster)  # type: ignore[arg-type]
        messages = await store.jury.messages(2023)
        # ANNA is on Teams only (nothing to send in Slack), the chair on both: one Slack DM.
        assert slack.posted == ["UCHAIR"]
        assert [message.status for message in messages] == ["sent", "sent"]

        await teams.run_round()  # nothing is sent again once every platform has it
        assert slack.posted == ["UCHAIR"]
    finally:
        await store.aclose()


async def test_slack_first_leaves_the_message_pending_for_teams(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    config = settings(tmp_path, monkeypatch)
    await seed_nomination(config)
    store = await open_store_async(config, clock=config.clock())
    try:
        jury = build_jury_service(store, config)
        await jury.send_reminders()
        deliveries = JuryDeliveries(store, config.platforms)
        for message in await store.jury.messages(2023):
            await send_jury_message(FakeSlackClient(), deliveries, [], message, jury.roster)  # type: ignore[arg-type]
        assert [message.status for message in await store.jury.messages(2023)] == ["pending", "pending"]
        connector = SlowConnector()
        await TeamsJuryMessenger(teams_deps(config, store, connector), check_seconds=0.0).run_round()
        assert [message.status for message in await store.jury.messages(2023)] == ["sent", "sent"]
    finally:
        await store.aclose()
