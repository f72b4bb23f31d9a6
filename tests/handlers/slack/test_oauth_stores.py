"""slack_sdk's installation-store and state-store interfaces on the project's store, on both backends.

One contract, run once on TinyDB and once on PostgreSQL (``backend``, as the store's own
contract tests), through the interfaces bolt calls: ``async_save`` from the OAuth callback,
``async_find_bot`` from authorisation, ``async_delete_all`` on an uninstall, and the state
store's ``async_issue``/``async_consume`` around the redirect.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import fixed_clock
from handlers.slack.transport.oauth import StoreInstallationStore, StoreOAuthStateStore
from tests.e2e.fakeslack import FakeSlack
from tests.store.conftest import NOW, Backend, FakeClock
from tests.store.conftest import backend as backend  # the fixture: TinyDB, then PostgreSQL


def installation(team: str, token: str, *, user: str = "UADMIN", at: float = NOW.timestamp()) -> Installation:
    return Installation(
        app_id="A1",
        team_id=team,
        team_name=f"Workspace {team}",
        bot_token=token,
        bot_id=f"B{team}",
        bot_user_id=f"UBOT{team}",
        bot_scopes=["chat:write", "commands"],
        user_id=user,
        token_type="bot",
        installed_at=at,
    )


async def test_an_installed_workspace_is_found_with_its_own_bot_token(backend: Backend) -> None:
    store = await backend.open()
    installations = StoreInstallationStore(store.installations)
    await installations.async_save(installation("TA", "xoxb-a"))
    await installations.async_save(installation("TB", "xoxb-b"))
    bot = await installations.async_find_bot(enterprise_id=None, team_id="TA")
    assert isinstance(bot, Bot) and bot.bot_token == "xoxb-a" and bot.bot_user_id == "UBOTTA"
    assert bot.bot_scopes == ["chat:write", "commands"] and bot.installed_at == NOW.timestamp()
    found = await installations.async_find_installation(enterprise_id=None, team_id="TB")
    assert found is not None and found.bot_token == "xoxb-b" and found.user_id == "UADMIN"
    assert found.team_name == "Workspace TB"
    assert await installations.async_find_bot(enterprise_id=None, team_id="TX") is None
    assert await installations.async_find_installation(enterprise_id=None, team_id="TX") is None
    assert await installations.teams() == ["TA", "TB"]
    await store.aclose()
    reopened = StoreInstallationStore((await backend.open()).installations)  # kept in the database
    assert (await reopened.async_find_bot(enterprise_id=None, team_id="TB")) is not None


async def test_a_reinstall_replaces_the_token_and_an_uninstall_removes_the_workspace(backend: Backend) -> None:
    installations = StoreInstallationStore((await backend.open()).installations)
    await installations.async_save(installation("TA", "xoxb-old"))
    await installations.async_save(installation("TA", "xoxb-new", user="UOTHER", at=NOW.timestamp() + 60))
    bot = await installations.async_find_bot(enterprise_id=None, team_id="TA")
    assert bot is not None and bot.bot_token == "xoxb-new"
    latest = await installations.async_find_installation(enterprise_id=None, team_id="TA")
    assert latest is not None and latest.user_id == "UOTHER"
    # The first installer's own installation, with the workspace's latest bot token.
    first = await installations.async_find_installation(enterprise_id=None, team_id="TA", user_id="UADMIN")
    assert first is not None and first.user_id == "UADMIN" and first.bot_token == "xoxb-new"
    await installations.async_delete_all(enterprise_id=None, team_id="TA")
    assert await installations.async_find_bot(enterprise_id=None, team_id="TA") is None
    assert await installations.async_find_installation(enterprise_id=None, team_id="TA") is None
    assert await installations.teams() == []


async def test_an_org_wide_install_answers_for_every_workspace_of_the_enterprise(backend: Backend) -> None:
    installations = StoreInstallationStore((await backend.open()).installations)
    org = installation("T-org", "xoxb-org")
    org.enterprise_id, org.is_enterprise_install = "E1", True
    await installations.async_save(org)
    await installations.async_save(installation("TA", "xoxb-a"))  # a workspace outside the org, same id space
    bot = await installations.async_find_bot(enterprise_id="E1", team_id="TANY", is_enterprise_install=True)
    assert bot is not None and bot.bot_token == "xoxb-org"
    assert await installations.async_find_bot(enterprise_id="E1", team_id="TANY") is None
    assert await installations.teams() == ["TA"]  # served per workspace; the org-wide one is not a workspace


async def test_bolt_authorises_a_request_from_the_installation_store(backend: Backend) -> None:
    installations = StoreInstallationStore((await backend.open()).installations)
    await installations.async_save(installation("TA", "xoxb-a"))
    authorize = AsyncInstallationStoreAuthorize(
        logger=installations.logger, installation_store=installations, bot_only=True
    )
    fake = await FakeSlack().start()  # bolt's authorisation asks auth.test about the token it found
    try:
        context = AsyncBoltContext(client=AsyncWebClient(base_url=fake.api_url))
        result = await authorize(context=context, enterprise_id=None, team_id="TA", user_id="U1")
        assert result is not None and result.bot_token == "xoxb-a"
        assert [call.token for call in fake.of("auth.test")] == ["xoxb-a"]
        assert await authorize(context=context, enterprise_id=None, team_id="TB", user_id="U1") is None
    finally:
        await fake.stop()


async def test_a_state_is_consumed_once_and_not_after_it_expired(backend: Backend) -> None:
    clock = FakeClock()
    states = StoreOAuthStateStore((await backend.open(clock=clock)).oauth_states, clock, expiration_seconds=600)
    first, second = await states.async_issue(), await states.async_issue()
    assert first != second and len(first) >= 32
    assert await states.async_consume(first) is True
    assert await states.async_consume(first) is False
    assert await states.async_consume("forged") is False
    clock.advance(601)
    assert await states.async_consume(second) is False


async def test_two_processes_consume_one_state_once(backend: Backend) -> None:
    clock = fixed_clock(NOW)
    one = StoreOAuthStateStore((await backend.open(clock=clock)).oauth_states, clock)
    if backend.name == "tinydb":  # one writer per TinyDB file: the same handle twice
        other = one
    else:
        other = StoreOAuthStateStore((await backend.open(clock=clock)).oauth_states, clock)
    state = await one.async_issue()
    results = await asyncio.gather(one.async_consume(state), other.async_consume(state))
    assert sorted(results) == [False, True]
    assert timedelta(seconds=one.expiration_seconds) == timedelta(minutes=10)
