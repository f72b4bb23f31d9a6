"""Two real `trygghetsbot serve` processes, Teams only, on one throwaway PostgreSQL database behind
the fake connector: the period-closed digest, the reminders and the chair's decision each reach
Teams exactly once, whichever process sends them, and the jury's messages end up marked sent."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from datetime import date
from pathlib import Path

from bot.clock import fixed_clock
from bot.knowledge import default_knowledge
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from store import open_store_async
from tests.e2e.fakeconnector import FakeConnector, activity, send
from tests.e2e.test_processes import ServeProcess
from tests.e2e.test_teams import JURY
from tests.e2e.test_teams_jury import ANNA, BO, CHAIR, GOOD, JURORS, sent_to, texts_in_channels
from tests.nominations.conftest import good_content


async def seed(postgres_url: str) -> list[str]:
    prize = default_knowledge().prize
    store = await open_store_async(postgres_url)
    try:
        clock = fixed_clock(date(2023, 6, 15))
        service = NominationService(store.nominations, prize, prize.latest_round, clock, platforms=("teams",))
        ids = []
        for number in range(2):
            nominator = Nominator(name="Anna", email=f"anna{number}@example.se", user_id=f"teams:n{number}")
            ids.append(
                (await service.submit(good_content(nominee=f"Trygga kvarteret {number}"), nominator)).nomination.id
            )
        return ids
    finally:
        await store.aclose()


async def test_two_processes_send_the_digest_reminders_and_decision_to_teams_once(
    tmp_path: Path, postgres_url: str
) -> None:
    ids = await seed(postgres_url)
    connector = await FakeConnector().start()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JURY_", "TRYGGHETSBOT_", "TEAMS_"))},
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TEAMS_SERVICE_URL": connector.url,
        "TEAMS_TRUSTED_SERVICE_URLS": connector.url,
        "TEAMS_TENANT_ID": "tenant-1",
        "TEAMS_JURY_CHANNEL_IDS": ",".join(JURY),
        "JURY_USER_IDS": JURORS,
        "JURY_CHAIR_ID": "UCHAIR",
        "TRYGGHETSBOT_DATABASE_URL": postgres_url,
        # The period has closed (the digest is due) and the scoring deadline is tomorrow (reminders due).
        "TRYGGHETSBOT_NOW": "2023-09-15",
        "TRYGGHETSBOT_JURY_DEADLINE": "2023-09-16",
        "TRYGGHETSBOT_OUTBOX_RETRY_SECONDS": "0.2",
    }
    started = [ServeProcess(env, tmp_path), ServeProcess(env, tmp_path)]
    try:
        await asyncio.gather(*(process.ready() for process in started))
        await connector.wait_for(lambda f: texts_in_channels(f, "har stängt") == Counter(JURY), timeout=30)
        await connector.wait_for(lambda f: all(sent_to(f, user) for user in (ANNA, BO, CHAIR)), timeout=30)

        # A juror scores the nomination (a nomination nobody assessed cannot win) ...
        score = {"trygghetsbot": "score", "nomination_id": ids[1], "lang": "sv", **GOOD}
        assert await send(started[0].url + "/api/messages", activity(connector.url, value=score, aad=ANNA)) == 202
        assert "sparad" in (await connector.replies(1))[0].text
        # ... and the chair's choice reaches both processes at once (two activities: a double click).
        decide = {"trygghetsbot": "decide", "winner": ids[1], "lang": "sv"}
        presses = [
            activity(connector.url, value=decide, aad=CHAIR, conversation=f"a:dm-{CHAIR}", activity_id=f"decide-{n}")
            for n in range(2)
        ]
        statuses = await asyncio.gather(
            *(send(p.url + "/api/messages", b) for p, b in zip(started, presses, strict=True))
        )
        assert statuses == [202, 202]
        await connector.wait_for(lambda f: texts_in_channels(f, "utsett vinnaren") == Counter(JURY), timeout=30)
        await asyncio.sleep(2.0)  # both processes' workers go round several more times

        assert texts_in_channels(connector, "har stängt") == Counter(JURY)
        assert texts_in_channels(connector, "utsett vinnaren") == Counter(JURY)
        assert {user: len(sent_to(connector, user)) for user in (ANNA, BO, CHAIR)} == {ANNA: 1, BO: 1, CHAIR: 1}
        store = await open_store_async(postgres_url)
        try:
            messages = await store.jury.messages(2023)
            decision = (await store.jury.state(2023)).decision
        finally:
            await store.aclose()
        assert decision is not None and decision.nomination_id == ids[1]
        assert sorted(message.kind for message in messages) == [
            "jury_decision",
            "jury_reminder",
            "jury_reminder",
            "jury_reminder",
        ]
        assert all(message.status == "sent" for message in messages)  # Teams only: sent once Teams has them
    finally:
        for process in started:
            process.stop()
        await connector.stop()
