"""Teams refuses every token, URL and body it should (issue 17): the real endpoint, locally signed tokens.

Tokens are signed with a local RSA key that the SDK's key lookup is told to use (as the SDK's own
tests do), so a refusal here is our issuer policy, the serviceurl binding or the trusted-URL check,
never a signature that failed to verify.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from handlers.teams.activities import MAX_MESSAGE_CHARS
from handlers.teams.cards import card_size
from tests.e2e.fakeconnector import FakeConnector, activity, send
from tests.e2e.test_teams import (
    VALID,
    TeamsServer,
    say,
    secure_settings,
    teams_settings,
    token,
)

TENANT = "aaaaaaaa-1111-2222-3333-bbbbbbbbbbbb"
OTHER_TENANT = "cccccccc-1111-2222-3333-dddddddddddd"
CALLER = "99999999-0000-0000-0000-000000000001"
MICROSOFT_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"  # one the SDK always trusts as first-party


def entra_token(tenant: str, *, v2: bool = False, caller: str = CALLER, **claims: Any) -> str:
    """A token as Entra ID signs it for a client app of ``tenant`` (no serviceurl claim)."""
    issuer = f"https://login.microsoftonline.com/{tenant}/v2.0" if v2 else f"https://sts.windows.net/{tenant}/"
    app_claim = {"azp": caller} if v2 else {"appid": caller}
    return token(iss=issuer, tid=tenant, **app_claim, **claims)


async def start(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch, **extra: str) -> TeamsServer:
    settings = secure_settings(tmp_path, fake, monkeypatch, TEAMS_TENANT_ID=TENANT, **extra)
    return await TeamsServer(settings).start()


@pytest.fixture
async def secured(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TeamsServer]:
    bot = await start(tmp_path, fake, monkeypatch)
    yield bot
    await bot.stop()


@pytest.fixture
async def with_entra(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TeamsServer]:
    bot = await start(tmp_path, fake, monkeypatch, TEAMS_ENTRA_CALLERS=CALLER)
    yield bot
    await bot.stop()


async def refused(server: TeamsServer, fake: FakeConnector, credential: str, service_url: str | None = None) -> None:
    status = await send(server.messages, activity(service_url or fake.url, "vem vann 2019?"), credential)
    assert status == 401
    await asyncio.sleep(0.1)
    assert fake.calls == []


async def answered(server: TeamsServer, fake: FakeConnector, credential: str, service_url: str | None = None) -> None:
    assert await send(server.messages, activity(service_url or fake.url, "vem vann 2019?"), credential) == 202
    [reply] = await fake.replies(1)
    assert "Process Kedjan" in reply.text


# --- 1. issuers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "issuer",
    [
        "https://evil.example.com",
        "https://api.botframework.com/",  # not the exact issuer
        "https://api.botframework.us",  # another cloud than the one configured
        f"https://sts.windows.net/{MICROSOFT_TENANT}/",
        f"https://login.microsoftonline.com/{MICROSOFT_TENANT}/v2.0",
    ],
)
async def test_an_unknown_issuer_is_refused(secured: TeamsServer, fake: FakeConnector, issuer: str) -> None:
    tenant = issuer.split("/")[3] if "microsoft" in issuer or "windows" in issuer else None
    claims = {"tid": tenant} if tenant else {}
    await refused(secured, fake, token(iss=issuer, service_url=fake.url, **claims))


async def test_entra_tokens_are_refused_by_default_even_from_the_own_tenant(
    secured: TeamsServer, fake: FakeConnector
) -> None:
    await refused(secured, fake, entra_token(TENANT))
    await refused(secured, fake, entra_token(TENANT, v2=True))
    await refused(secured, fake, entra_token(TENANT, serviceurl=fake.url))


async def test_an_allowed_caller_of_the_own_tenant_is_accepted_when_configured(
    with_entra: TeamsServer, fake: FakeConnector
) -> None:
    await answered(with_entra, fake, entra_token(TENANT))


async def test_an_allowed_v2_caller_is_accepted_when_configured(with_entra: TeamsServer, fake: FakeConnector) -> None:
    await answered(with_entra, fake, entra_token(TENANT, v2=True))


@pytest.mark.parametrize(
    "credential",
    ["foreign-tenant", "foreign-tenant-v2", "own-tenant-other-app", "own-tenant-other-app-v2", "tid-of-another", "azp"],
)
async def test_entra_tokens_from_elsewhere_are_refused_when_entra_is_on(
    with_entra: TeamsServer, fake: FakeConnector, credential: str
) -> None:
    tokens = {
        "foreign-tenant": entra_token(OTHER_TENANT),
        "foreign-tenant-v2": entra_token(OTHER_TENANT, v2=True),
        "own-tenant-other-app": entra_token(TENANT, caller="someone-elses-app"),
        "own-tenant-other-app-v2": entra_token(TENANT, v2=True, caller="someone-elses-app"),
        # The issuer names the own tenant, the tid claim another (the SDK's tenant binding and ours).
        "tid-of-another": token(iss=f"https://sts.windows.net/{TENANT}/", tid=OTHER_TENANT, appid=CALLER),
        # A v1 token names its caller in appid; an azp claim there is not taken instead.
        "azp": token(iss=f"https://sts.windows.net/{TENANT}/", tid=TENANT, azp=CALLER, appid="other"),
    }
    await refused(with_entra, fake, tokens[credential])


async def test_entra_callers_without_a_tenant_are_refused_at_start_up(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import SettingsError

    with pytest.raises(SettingsError, match="TEAMS_ENTRA_CALLERS"):
        secure_settings(tmp_path, fake, monkeypatch, TEAMS_ENTRA_CALLERS=CALLER)


# --- 2. the serviceurl claim ---------------------------------------------------------------------


async def test_a_bot_framework_token_without_a_serviceurl_claim_is_refused(
    secured: TeamsServer, fake: FakeConnector
) -> None:
    await refused(secured, fake, token())  # serviceurl ""
    await refused(secured, fake, token(serviceurl=None))


@pytest.mark.parametrize("change", ["port", "scheme", "path", "host"])
async def test_the_serviceurl_claim_must_name_the_activitys_connector_exactly(
    secured: TeamsServer, fake: FakeConnector, change: str
) -> None:
    host, port = fake.url.removeprefix("http://").rstrip("/").split(":")
    claimed = {
        "port": f"http://{host}:{int(port) + 1}/",
        "scheme": f"https://{host}:{port}/",
        "path": f"http://{host}:{port}/emea/",
        "host": f"http://localhost:{port}/",
    }[change]
    await refused(secured, fake, token(service_url=claimed))


async def test_a_trailing_slash_is_the_same_service_url(secured: TeamsServer, fake: FakeConnector) -> None:
    await answered(secured, fake, token(service_url=fake.url.rstrip("/")))


# --- 3. trusted service URLs are URLs --------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["teamsevil/", "teams.evil/", "other/", "teams/../other/", "teams/%2e%2e/other/"])
async def test_a_trusted_path_does_not_trust_a_longer_name_or_another_path(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    settings = teams_settings(tmp_path, fake, monkeypatch, TEAMS_TRUSTED_SERVICE_URLS=fake.url + "teams")
    server = await TeamsServer(settings).start()
    try:
        assert await send(server.messages, activity(fake.url + suffix, "vem vann 2019?")) == 401
        assert await send(server.messages, activity(fake.url + "teams/", "vem vann 2019?")) == 202
        [reply] = await fake.replies(1)
        assert reply.path.startswith("/teams/v3/conversations/")
    finally:
        await server.stop()


# --- 4. no redirects --------------------------------------------------------------------------------


class Redirector:
    """A connector that answers every call with a redirect to ``target``."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> Redirector:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._redirect)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = self.runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"
        return self

    async def _redirect(self, request: web.Request) -> web.Response:
        raise web.HTTPTemporaryRedirect(self.target + request.path.lstrip("/"))

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


async def test_a_redirect_from_the_connector_is_not_followed(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    redirector = await Redirector(fake.url).start()
    try:
        settings = secure_settings(tmp_path, fake, monkeypatch, TEAMS_TRUSTED_SERVICE_URLS=redirector.url)
        server = await TeamsServer(settings).start()
        try:
            body = activity(redirector.url, "vem vann 2019?")
            assert await send(server.messages, body, token(service_url=redirector.url)) == 202
            await asyncio.sleep(0.5)
            assert fake.calls == []  # the redirect's target never saw the request nor the bot's token
        finally:
            await server.stop()
    finally:
        await redirector.stop()


# --- 6.-9. robustness --------------------------------------------------------------------------------


async def test_hostile_mention_text_does_not_block_the_server(server: TeamsServer, fake: FakeConnector) -> None:
    hostile = "<at>" * 150_000  # 600 KB of unclosed tags
    started = time.monotonic()
    assert await send(server.messages, activity(fake.url, hostile)) == 202
    [reply] = await fake.replies(1)
    assert f"{MAX_MESSAGE_CHARS:,}".replace(",", " ") in reply.text
    reply_to_question = await say(server, fake, "vem vann 2019?")
    assert "Process Kedjan" in reply_to_question.text
    # Generous: before, 120 KB of such text blocked the event loop for about 10 s.
    assert time.monotonic() - started < 5


async def test_unclosed_mentions_within_the_limit_are_answered(server: TeamsServer, fake: FakeConnector) -> None:
    reply = await say(server, fake, "vem vann 2019? " + "<at>x " * 1500)
    assert reply.text


async def test_the_bots_mention_is_taken_from_the_entities(server: TeamsServer, fake: FakeConnector) -> None:
    body = activity(
        fake.url,
        "<at>Trygghets&shy;boten</at> vem vann 2019?",
        conversation="19:c@thread.tacv2",
        conversation_type="channel",
    )
    body["entities"] = [
        {"type": "mention", "text": "<at>Trygghets&shy;boten</at>", "mentioned": {"id": body["recipient"]["id"]}}
    ]
    assert await send(server.messages, body) == 202
    [reply] = await fake.replies(1)
    assert "Process Kedjan" in reply.text


def deeply_nested(depth: int) -> bytes:
    inner = '{"type": "message", "conversation": {"id": "a:1"}, "serviceUrl": "http://x/", "value": '
    return (inner + "[" * depth + "]" * depth + "}").encode()


MALFORMED: list[dict[str, Any]] = [
    {"from": 5},
    {"from": []},
    {"recipient": "bot"},
    {"conversation": {"id": 5}},
    {"conversation": []},
    {"entities": "x"},
    {"entities": [5]},
    {"entities": [{"type": 5}]},
    {"attachments": "x"},
    {"attachments": [5]},
    {"timestamp": "not a time"},
    {"localTimestamp": "yesterday"},
    {"membersAdded": [{"id": 5}]},
    {"membersAdded": "all"},
    {"membersRemoved": [[]]},
    {"locale": 5},
    {"text": 5},
    {"text": ["a"]},
    {"id": {"x": 1}},
    {"replyToId": 5},
    {"channelId": 5},
    {"serviceUrl": 5},
    {"type": ["message"]},
    {"suggestedActions": "x"},
    {"from": {"id": None, "name": 5}},
    {"conversation": {"id": "a", "isGroup": "maybe"}},
]


@pytest.mark.parametrize("change", MALFORMED, ids=[json.dumps(change) for change in MALFORMED])
async def test_a_malformed_activity_is_a_400_logged_in_one_line(
    server: TeamsServer, fake: FakeConnector, caplog: pytest.LogCaptureFixture, change: dict[str, Any]
) -> None:
    body = activity(fake.url, "vem vann 2019?") | change
    with caplog.at_level(logging.INFO):
        assert await send(server.messages, body) == 400
    refusals = [record for record in caplog.records if "refused a Teams request" in record.getMessage()]
    assert len(refusals) == 1 and "\n" not in refusals[0].getMessage()
    assert all(record.exc_info is None and record.levelno < logging.ERROR for record in caplog.records)


@pytest.mark.parametrize("depth", [1_000, 3_000, 100_000])
async def test_json_nested_too_deep_is_a_400(
    server: TeamsServer, fake: FakeConnector, caplog: pytest.LogCaptureFixture, depth: int
) -> None:
    with caplog.at_level(logging.INFO):
        assert await send(server.messages, deeply_nested(depth)) in (400, 413)
    assert all(record.exc_info is None for record in caplog.records)
    assert "Process Kedjan" in (await say(server, fake, "vem vann 2019?")).text


async def test_a_refused_card_with_huge_fields_stays_within_teams_message_size(
    server: TeamsServer, fake: FakeConnector
) -> None:
    huge = {field: "x" * 100_000 for field in ("nominee", "partners", "description", "added_value", "contact")}
    body = activity(fake.url, value=VALID | huge)
    assert await send(server.messages, body) == 202
    [reply] = await fake.replies(1)
    card = reply.card
    assert card is not None
    assert card_size(card) < 28_000
    texts = json.dumps(card, ensure_ascii=False)
    assert "för långt" in texts  # the field errors are on the card


@pytest.fixture
async def server(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TeamsServer]:
    bot = await TeamsServer(teams_settings(tmp_path, fake, monkeypatch)).start()
    yield bot
    await bot.stop()


@pytest.fixture
async def fake() -> AsyncIterator[FakeConnector]:
    connector = await FakeConnector().start()
    yield connector
    await connector.stop()
