"""The jury in Teams end to end, against the fake connector: "Bedöm" on a jury post gives a juror
the scoring card in a 1:1 chat, a score is stored and the posts updated in place, refusals on the
card, a non-juror (a forged aadObjectId) stores nothing, jäv, the ranking card and the chair's
decision; the decision, the digest and the reminders reach Teams exactly once across a restart."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config import Settings
from handlers.outbox_worker import WorkerTiming
from handlers.teams import server as teams_server
from handlers.web import create_app
from store import open_store
from tests.e2e.fakeconnector import Call, FakeConnector, activity, send
from tests.e2e.test_teams import JURY, TeamsServer, errors_after, inputs, teams_settings
from tests.nominations.conftest import submit_teams_nominations
from trygghetsbot.compose import build_jury_service, core_factory, store_opener

ANNA = "0a0a0a0a-0000-4000-8000-00000000000a"
BO = "0b0b0b0b-0000-4000-8000-00000000000b"
CHAIR = "0c0c0c0c-0000-4000-8000-00000000000c"
EVE = "0e0e0e0e-0000-4000-8000-00000000000e"  # not on the jury
# The chair is on Slack too: one entry, both ids; JURY_CHAIR_ID names them by their Slack id.
JURORS = f"{ANNA},{BO},UCHAIR={CHAIR}"
AFTER_THE_PERIOD = "2023-09-15"
GOOD = {"collaboration": "yes", "added_value": "yes", "innovation": "4", "inspiration": "5", "results": "3"}


class JuryServer(TeamsServer):
    def build_app(self) -> web.Application:
        app = create_app(self.settings, open_store=store_opener(self.settings))
        timing = WorkerTiming(poll_seconds=0.05, retry_base_seconds=self.retry_base_seconds)
        make_core = core_factory(self.settings)
        teams_server.install(app, self.settings, make_core=make_core, timing=timing, jury_check_seconds=0.05)
        return app


def jury_settings(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch, **extra: str) -> Settings:
    values = {"JURY_USER_IDS": JURORS, "JURY_CHAIR_ID": "UCHAIR", "TRYGGHETSBOT_NOW": AFTER_THE_PERIOD}
    return teams_settings(tmp_path, fake, monkeypatch, **(values | extra))


async def seed(settings: Settings, count: int = 2) -> list[str]:
    """Nominations submitted during the period, with their Teams jury posts waiting in the outbox."""
    return await submit_teams_nominations(settings.db_path, count)


@pytest.fixture
async def fake() -> AsyncIterator[FakeConnector]:
    connector = await FakeConnector().start()
    yield connector
    await connector.stop()


@pytest.fixture
async def jury(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[JuryServer, list[str]]]:
    settings = jury_settings(tmp_path, fake, monkeypatch)
    ids = await seed(settings)
    server = await JuryServer(settings).start()
    await fake.wait_for(lambda f: len(posts(f)) == len(JURY) * len(ids))
    yield server, ids
    await server.stop()


def posts(fake: FakeConnector) -> list[Call]:
    """The jury posts (a card) among the threads started in the jury channels."""
    return [call for call in fake.of("create") if call.card is not None]


def texts_in_channels(fake: FakeConnector, words: str) -> Counter[str]:
    return Counter(
        call.body["channelData"]["channel"]["id"]
        for call in fake.of("create")
        if words in str(call.body["activity"].get("text") or "")
    )


def sent_to(fake: FakeConnector, user: str) -> list[Call]:
    return [call for call in fake.of("send") if call.conversation == f"a:dm-{user}"]


def assess_data(fake: FakeConnector, nomination_id: str) -> dict[str, Any]:
    post = next(call for call in posts(fake) if nomination_id in str(call.body["activity"]["summary"]))
    assert post.card is not None
    [action] = post.card["actions"]
    assert action["type"] == "Action.Submit" and action["title"] == "Bedöm"
    return dict(action["data"])


async def press(server: JuryServer, fake: FakeConnector, value: dict[str, Any], **options: Any) -> None:
    assert await send(server.messages, activity(fake.url, value=value, **options)) == 202


async def bedom(
    server: JuryServer, fake: FakeConnector, nomination_id: str, aad: str, user: str, **options: Any
) -> Call:
    """A juror presses "Bedöm" in the jury channel; what the bot sent them in their 1:1 chat."""
    before = len(sent_to(fake, user))
    channel = {"conversation": f"{JURY[0]};messageid=1000", "conversation_type": "channel"}
    await press(server, fake, assess_data(fake, nomination_id), aad=aad, user=user, **channel, **options)
    await fake.wait_for(lambda f: len(sent_to(f, user)) > before)
    return sent_to(fake, user)[before]


async def score(server: JuryServer, fake: FakeConnector, card: dict[str, Any], aad: str, **choices: str) -> Call:
    """The juror fills in the scoring card and submits it in their 1:1 chat; the bot's answer."""
    [submit] = card["actions"]
    before = len(fake.of("reply"))
    await press(server, fake, {**submit["data"], **choices}, aad=aad, conversation=f"a:dm-{aad}")
    return (await fake.replies(before + 1))[before]


async def stored_state(server: JuryServer) -> Any:
    with open_store(server.settings.db_path, read_only=True) as store:
        return await store.jury.state(2023)


async def test_a_juror_scores_from_the_jury_post_and_the_posts_show_the_count(
    jury: tuple[JuryServer, list[str]], fake: FakeConnector
) -> None:
    server, ids = jury
    sent = await bedom(server, fake, ids[0], ANNA, "29:anna")
    [opened] = [call for call in fake.of("open") if call.body["members"] == [{"id": "29:anna"}]]
    assert opened.body["tenantId"] == "tenant-1"  # a proactive 1:1 in the juror's tenant
    card = sent.card
    assert card is not None and ids[0] in card["body"][0]["text"]
    fields = inputs(card)
    assert {
        "collaboration",
        "added_value",
        "innovation",
        "inspiration",
        "results",
        "comment",
        "conflict",
        "reason",
    } <= set(fields)
    assert [c["value"] for c in fields["collaboration"]["choices"]] == ["yes", "no"]
    assert [c["value"] for c in fields["results"]["choices"]] == ["1", "2", "3", "4", "5"]
    assert "samverkan" in fields["collaboration"]["label"].lower()  # the criteria quoted from the data

    refused = await score(server, fake, card, ANNA, **(GOOD | {"innovation": "7"}))
    assert refused.card is not None and "1 till 5" in errors_after(refused.card)["innovation"]
    assert inputs(refused.card)["results"]["value"] == "3"  # what the juror chose comes back
    assert (await stored_state(server)).scores == []

    saved = await score(server, fake, card, ANNA, **GOOD, comment="Bra samverkan")
    assert "sparad" in saved.text
    [stored] = (await stored_state(server)).scores
    assert (stored.juror, stored.nomination_id, stored.innovation, stored.comment) == (ANNA, ids[0], 4, "Bra samverkan")
    await fake.wait_for(lambda f: len(f.of("update")) == len(JURY))
    for update in fake.of("update"):
        assert "Bedömd av 1 av 3 i juryn" in str(update.card)
    assert len(posts(fake)) == len(JURY) * len(ids)  # updated, never posted again


async def test_the_scoring_card_follows_the_jurors_locale(
    jury: tuple[JuryServer, list[str]], fake: FakeConnector
) -> None:
    server, ids = jury
    card = (await bedom(server, fake, ids[0], BO, "29:bo", locale="en-GB")).card
    assert card is not None and card["body"][0]["text"].startswith("Assess:")
    answer = await score(server, fake, card, BO, **GOOD)
    assert "saved" in answer.text


async def test_a_non_juror_is_refused_and_nothing_is_stored(
    jury: tuple[JuryServer, list[str]], fake: FakeConnector
) -> None:
    server, ids = jury
    refusal = await bedom(server, fake, ids[0], EVE, "29:eve")
    assert refusal.card is None and "bara för juryn" in refusal.text
    # A scoring card's submission with a forged aadObjectId (or one taken from a juror's card).
    forged = {"trygghetsbot": "score", "nomination_id": ids[0], "lang": "sv", **GOOD}
    before = len(fake.of("reply"))
    await press(server, fake, forged, aad=EVE, conversation=f"a:dm-{EVE}")
    [answer] = (await fake.replies(before + 1))[before:]
    assert "bara för juryn" in answer.text
    ranking = await send_text(server, fake, "rankning", EVE)
    assert "bara för juryn" in ranking.text and ranking.card is None
    state = await stored_state(server)
    assert state.scores == [] and state.conflicts == [] and fake.of("update") == []


async def send_text(server: JuryServer, fake: FakeConnector, text: str, aad: str, **options: Any) -> Call:
    before = len(fake.of("reply"))
    options.setdefault("conversation", f"a:dm-{aad}")
    assert await send(server.messages, activity(fake.url, text, aad=aad, **options)) == 202
    return (await fake.replies(before + 1))[before]


async def test_jaev_is_declared_on_the_card_and_blocks_a_score(
    jury: tuple[JuryServer, list[str]], fake: FakeConnector
) -> None:
    server, ids = jury
    card = (await bedom(server, fake, ids[1], ANNA, "29:anna")).card
    assert card is not None
    declared = await score(server, fake, card, ANNA, conflict="conflict", reason="Min granne leder projektet")
    assert "Jäv är anmält" in declared.text
    [conflict] = (await stored_state(server)).conflicts
    assert (conflict.juror, conflict.nomination_id, conflict.reason) == (ANNA, ids[1], "Min granne leder projektet")
    refused = await score(server, fake, card, ANNA, **GOOD)
    assert refused.card is not None and "jäv" in str(refused.card["body"]).lower()
    assert (await stored_state(server)).scores == []


async def test_the_chair_decides_on_the_ranking_card_and_teams_hears_it_once_across_a_restart(
    jury: tuple[JuryServer, list[str]], fake: FakeConnector
) -> None:
    server, ids = jury
    for aad, user in ((ANNA, "29:anna"), (BO, "29:bo")):
        card = (await bedom(server, fake, ids[1], aad, user)).card
        assert card is not None
        assert "sparad" in (await score(server, fake, card, aad, **GOOD)).text

    juror_view = (await send_text(server, fake, "rankning", ANNA)).card
    assert juror_view is not None and "Trygga kvarteret 1" in str(juror_view["body"]) and "actions" not in juror_view
    in_channel = await send_text(server, fake, "rankning", ANNA, conversation=JURY[0], conversation_type="channel")
    assert in_channel.card is None and "personlig chatt" in in_channel.text
    chair_view = (await send_text(server, fake, "ranking", CHAIR)).card
    assert chair_view is not None
    [decide] = chair_view["actions"]
    assert decide["title"] == "Utse vinnare"
    assert [c["value"] for c in inputs(chair_view)["winner"]["choices"]] == [ids[1]]

    not_chair = {**decide["data"], "winner": ids[1]}
    before = len(fake.of("reply"))
    await press(server, fake, not_chair, aad=ANNA, conversation=f"a:dm-{ANNA}")
    assert "ordförande" in (await fake.replies(before + 1))[before].text
    assert (await stored_state(server)).decision is None

    before = len(fake.of("reply"))
    await press(server, fake, {**decide["data"], "winner": ids[1]}, aad=CHAIR, conversation=f"a:dm-{CHAIR}")
    assert "Vinnaren" in (await fake.replies(before + 1))[before].text
    await fake.wait_for(lambda f: texts_in_channels(f, "utsett vinnaren") == Counter(JURY))
    await fake.wait_for(lambda f: texts_in_channels(f, "har stängt") == Counter(JURY))  # the digest

    await server.stop()
    await server.start()
    await asyncio.sleep(0.6)
    assert texts_in_channels(fake, "utsett vinnaren") == Counter(JURY)
    assert texts_in_channels(fake, "har stängt") == Counter(JURY)
    digest = next(call for call in fake.of("create") if "har stängt" in str(call.body["activity"].get("text")))
    assert all(nomination_id in digest.body["activity"]["text"] for nomination_id in ids)
    decision = (await stored_state(server)).decision
    assert decision is not None and decision.nomination_id == ids[1] and decision.chair == "UCHAIR"


async def test_reminders_reach_teams_jurors_once_across_a_restart(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The deadline is tomorrow: the one-day reminder is due today. ANNA has nothing left to do.
    settings = jury_settings(
        tmp_path, fake, monkeypatch, TRYGGHETSBOT_JURY_DEADLINE="2023-09-16", TEAMS_TENANT_ID="tenant-1"
    )
    ids = await seed(settings, 1)
    with open_store(settings.db_path) as store:
        await build_jury_service(store, settings).score(ids[0], ANNA, **GOOD)
    server = await JuryServer(settings).start()
    try:
        await fake.wait_for(lambda f: all(sent_to(f, user) for user in (BO, CHAIR)))
        for user in (BO, CHAIR):
            [reminder] = sent_to(fake, user)
            assert "Påminnelse" in reminder.text and ids[0] in reminder.text
        # Proactive 1:1s: the juror by their Entra object id, in the bot's tenant.
        opened = {call.body["members"][0]["id"]: call.body for call in fake.of("open")}
        assert set(opened) == {BO, CHAIR} and opened[CHAIR]["tenantId"] == "tenant-1"
        await server.stop()
        await server.start()
        await asyncio.sleep(0.6)
        assert {user: len(sent_to(fake, user)) for user in (ANNA, BO, CHAIR)} == {ANNA: 0, BO: 1, CHAIR: 1}
    finally:
        await server.stop()
