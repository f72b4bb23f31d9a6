"""Two Teams jury senders on one store (as two processes would be) send each message once."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings, load_settings
from handlers.teams.activities import TeamsDeps
from handlers.teams.jury_delivery import TeamsJuryMessenger
from store import open_store_async
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
                assistant=core.assistant,
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
