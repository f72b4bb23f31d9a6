"""Teams end to end: the real ``POST /api/messages`` against a fake connector on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import JwtTokenValidator

from bot.config import Settings, load_settings
from handlers.outbox_worker import WorkerTiming
from handlers.slack.transport import server as slack_server
from handlers.teams import server as teams_server
from handlers.web import create_app
from tests.e2e.conftest import HEALTH_TOKEN, BotServer, stored, stored_outbox
from tests.e2e.fakeconnector import Call, FakeConnector, activity, send
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.test_exactly_once import wait_until_sent
from tests.texts import ADDED_VALUE, DESCRIPTION
from trygghetsbot.compose import core_factory, store_opener

JURY = ("19:jury-one@thread.tacv2", "19:jury-two@thread.tacv2")
APP_ID = "11111111-2222-3333-4444-555555555555"
# The card's inputs, exactly (the list).
FORM_IDS = {"nominee", "partners", "description", "added_value", "innovation", "inspiration", "results"}
FORM_IDS |= {"contact", "nominator_name", "nominator_email"}
VALID = {
    "trygghetsbot": "nominate",
    "nominee": "Trygga Tensta",
    "partners": "Polisen\nFältassistenterna",
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "innovation": "",
    "contact": "Anna, 070-123 45 67",
    "nominator_name": "Anna Andersson",
    "nominator_email": "anna@example.se",
}


class TeamsServer(BotServer):
    """The app with Teams only, on 127.0.0.1; a restart keeps the database file."""

    def __init__(self, settings: Settings, retry_base_seconds: float = 0.05) -> None:
        super().__init__(settings)
        self.retry_base_seconds = retry_base_seconds

    def build_app(self) -> web.Application:
        app = create_app(self.settings, open_store=store_opener(self.settings))
        timing = WorkerTiming(poll_seconds=0.05, retry_base_seconds=self.retry_base_seconds)
        teams_server.install(app, self.settings, make_core=core_factory(self.settings), timing=timing)
        return app

    @property
    def messages(self) -> str:
        return self.url + teams_server.ROUTE


def teams_settings(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch, **extra: str) -> Settings:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "JURY_CHANNEL_IDS"):
        monkeypatch.delenv(name, raising=False)
    values = {
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TEAMS_SERVICE_URL": fake.url,
        "TEAMS_TRUSTED_SERVICE_URLS": fake.url,
        "TEAMS_JURY_CHANNEL_IDS": ",".join(JURY),
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
        "TRYGGHETSBOT_NOW": "2023-06-15",
    } | extra
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture
async def fake() -> AsyncIterator[FakeConnector]:
    connector = await FakeConnector().start()
    yield connector
    await connector.stop()


@pytest.fixture
async def server(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TeamsServer]:
    bot = await TeamsServer(teams_settings(tmp_path, fake, monkeypatch)).start()
    yield bot
    await bot.stop()


async def say(server: TeamsServer, fake: FakeConnector, text: str, **options: Any) -> Call:
    before = len(fake.of("reply"))
    body = activity(fake.url, text, **options)
    assert await send(server.messages, body) == 202
    replies = await fake.replies(before + 1)
    reply = replies[before]
    assert reply.activity_id == body["id"] and reply.conversation == body["conversation"]["id"]
    return reply


async def submit(server: TeamsServer, fake: FakeConnector, values: dict[str, str], activity_id: str = "act-1") -> Call:
    before = len(fake.of("reply"))
    assert await send(server.messages, activity(fake.url, value=values, activity_id=activity_id)) == 202
    return (await fake.replies(before + 1))[before]


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in card["body"] if item["type"].startswith("Input.")}


def errors_after(card: dict[str, Any]) -> dict[str, str]:
    """Input id -> the attention text right after it (its error)."""
    found: dict[str, str] = {}
    current = None
    for item in card["body"]:
        if item["type"].startswith("Input."):
            current = item["id"]
        elif item.get("color") == "Attention" and current is not None:
            found[current] = item["text"]
    return found


async def test_personal_question_and_follow_up(server: TeamsServer, fake: FakeConnector) -> None:
    first = await say(server, fake, "vad fick trygghetsvärdar 2025?")
    assert "2 mkr" in first.text and "Källor" in first.text
    second = await say(server, fake, "och utfallet 2024?")
    assert "1,4 mkr" in second.text and "utfall 2024" in second.text


async def test_an_english_question_and_its_follow_up_are_answered_in_english(
    server: TeamsServer, fake: FakeConnector
) -> None:
    first = await say(server, fake, "what did trygghetsvärdar get in 2025?", locale="en-US")
    assert "SEK 2 million" in first.text and "Sources:" in first.text and "Källor" not in first.text
    second = await say(server, fake, "and the outcome 2024?", locale="en-US")
    assert "SEK 1.4 million (outcome 2024)" in second.text
    swedish = await say(server, fake, "vem vann 2019?", locale="en-US")  # the words decide, not the client
    assert "gick till" in swedish.text and "Källa" in swedish.text


async def test_nominate_in_english_gives_an_english_card_and_english_answers_to_it(
    server: TeamsServer, fake: FakeConnector
) -> None:
    form = (await say(server, fake, "nominate")).card
    assert form is not None
    assert form["body"][0]["text"] == "Nominate for Trygghetspriset 2023"
    assert inputs(form)["nominee"]["label"] == "Nominated effort or organisation"
    assert "Mandatory criteria" in form["body"][1]["text"]
    [action] = form["actions"]
    assert action["title"] == "Submit" and action["data"] == {"trygghetsbot": "nominate", "lang": "en"}

    # Teams sends the action's data back with the inputs.
    refused = await submit(server, fake, VALID | action["data"] | {"partners": "Polisen"}, "en-bad")
    card = refused.card
    assert card is not None and card["body"][0]["text"] == "Nominate for Trygghetspriset 2023"
    assert "Something needs fixing" in str(card)
    assert "organisations" in errors_after(card)["partners"]
    confirmed = await submit(server, fake, VALID | action["data"], "en-good")
    [nomination] = await stored(server)
    assert confirmed.text.startswith("Thank you! Your nomination of") and nomination.id in confirmed.text
    assert "Tack" not in confirmed.text

    swedish = (await say(server, fake, "nominera")).card
    assert swedish is not None and swedish["body"][0]["text"] == "Nominera till Trygghetspriset 2023"
    assert swedish["actions"][0]["data"]["lang"] == "sv"


@pytest.mark.parametrize(("locale", "welcome"), [("en-US", "Hi! Ask me"), ("sv-SE", "Hej!"), (None, "Hej!")])
async def test_the_welcome_and_the_empty_mention_hint_follow_the_client_locale(
    server: TeamsServer, fake: FakeConnector, locale: str | None, welcome: str
) -> None:
    added = activity(fake.url, type_="conversationUpdate", locale=locale)
    added["membersAdded"] = [{"id": added["recipient"]["id"]}]
    assert await send(server.messages, added) == 202
    [reply] = await fake.replies(1)
    assert reply.text.startswith(welcome)
    hint = await say(
        server,
        fake,
        "<at>Trygghetsboten</at>",
        conversation="19:c@thread.tacv2",
        conversation_type="channel",
        locale=locale,
    )
    assert ("for example: who won" in hint.text) == (locale == "en-US")


async def test_channel_mention_is_answered_in_the_thread(server: TeamsServer, fake: FakeConnector) -> None:
    thread = "19:general@thread.tacv2;messageid=1700000000000"
    reply = await say(
        server, fake, "<at>Trygghetsboten</at> vem vann 2019?", conversation=thread, conversation_type="channel"
    )
    assert "Process Kedjan" in reply.text
    assert reply.path == f"/v3/conversations/{thread}/activities/{reply.activity_id}"


async def test_the_form_refuses_then_stores_and_tells_each_jury_channel(
    server: TeamsServer, fake: FakeConnector
) -> None:
    form = (await say(server, fake, "nominera")).card
    assert form is not None
    assert set(inputs(form)) == FORM_IDS
    assert [action["type"] for action in form["actions"]] == ["Action.Submit"]
    assert "samverkan" in str(form).lower()  # the criteria, from the knowledge data

    refused = await submit(server, fake, VALID | {"partners": "Polisen", "added_value": "det är bra för alla"}, "bad")
    card = refused.card
    assert card is not None
    errors = errors_after(card)
    assert set(errors) >= {"partners", "added_value"}
    assert inputs(card)["added_value"]["value"] == "det är bra för alla"  # what the user wrote is kept
    assert await stored(server) == []

    confirmed = await submit(server, fake, VALID, "good")
    [nomination] = await stored(server)
    assert nomination.id in confirmed.text and nomination.nominator.user_id == "teams:aad-anna"
    await wait_until_sent(server)
    posts = fake.of("create")
    assert sorted(call.body["channelData"]["channel"]["id"] for call in posts) == sorted(JURY)
    assert "Trygga Tensta" in str(posts[0].card)


async def test_the_same_activity_twice_stores_one_nomination(server: TeamsServer, fake: FakeConnector) -> None:
    await submit(server, fake, VALID, "twice")
    assert await send(server.messages, activity(fake.url, value=VALID, activity_id="twice")) == 202
    await wait_until_sent(server)
    await asyncio.sleep(0.3)
    assert len(await stored(server)) == 1
    assert len(fake.of("reply")) == 1 and len(fake.of("create")) == len(JURY)


async def test_connector_500_and_429_then_recovery_exactly_once(server: TeamsServer, fake: FakeConnector) -> None:
    fake.fail(500, 2)
    fake.fail(429, 1, retry_after="0")
    await submit(server, fake, VALID)
    await wait_until_sent(server)
    await asyncio.sleep(0.3)
    assert fake.failures == []  # every failure was met
    [message] = await stored_outbox(server)
    assert message.attempts == 4 and message.platform == "teams"
    assert sorted(call.body["channelData"]["channel"]["id"] for call in fake.of("create")) == sorted(JURY)


async def test_a_failed_post_is_sent_once_after_a_restart(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = teams_settings(tmp_path, fake, monkeypatch)
    first = await TeamsServer(settings, retry_base_seconds=1.0).start()
    fake.fail(500, 1)
    await submit(first, fake, VALID)
    deadline = time.monotonic() + 5
    while not any(m.attempts for m in await stored_outbox(first)):
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)
    await first.stop()
    assert fake.failures == [] and fake.of("create") == []
    second = await TeamsServer(settings).start()
    try:
        await wait_until_sent(second)
        await asyncio.sleep(0.3)
    finally:
        await second.stop()
    assert sorted(call.body["channelData"]["channel"]["id"] for call in fake.of("create")) == sorted(JURY)


async def test_edit_and_withdraw_update_the_same_post(server: TeamsServer, fake: FakeConnector) -> None:
    await submit(server, fake, VALID)
    await wait_until_sent(server)
    [nomination] = await stored(server)
    posted = {call.body["channelData"]["channel"]["id"]: call for call in fake.of("create")}

    # "ändra nominering ID" gives the form card filled in with the nomination, not the text dialog.
    form = (await say(server, fake, f"ändra nominering {nomination.id}")).card
    assert form is not None
    filled = {name: item.get("value") for name, item in inputs(form).items()}
    assert filled["nominee"] == "Trygga Tensta" and filled["nominator_email"] == "anna@example.se"
    assert filled["partners"] == "Polisen\nFältassistenterna"
    [submit_action] = form["actions"]
    edited = {**submit_action["data"], **{k: v for k, v in filled.items() if v}, "nominee": "Trygga Tensta kvällstid"}
    confirmation = await submit(server, fake, edited, activity_id="act-edit")
    assert nomination.id in confirmation.text and "sparade" in confirmation.text
    await fake.wait_for(lambda f: len(f.of("update")) == len(JURY))
    [again] = await stored(server)
    assert again.id == nomination.id and again.nominee == "Trygga Tensta kvällstid" and again.revision == 1
    await say(server, fake, f"återkalla {nomination.id}")
    await say(server, fake, "ja")
    await fake.wait_for(lambda f: len(f.of("update")) == 2 * len(JURY))
    await wait_until_sent(server)

    assert len(fake.of("create")) == len(JURY)  # never posted again
    for update in fake.of("update"):
        channel, _, thread = (update.conversation or "").partition(";messageid=")
        assert update.activity_id == thread == posted[channel].given_id
    assert "kvällstid" in str(fake.of("update")[0].card)
    assert "återkallad" in str(fake.of("update")[-1].card).lower()


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"type": "message"}',
        b'{"type": "message", "conversation": {"id": "a:1"}}',
        b'{"type": 5, "conversation": {"id": "a:1"}, "serviceUrl": "http://x/"}',
        b"\xff\xfe",
    ],
)
async def test_a_malformed_body_is_a_400(server: TeamsServer, body: bytes) -> None:
    assert await send(server.messages, body) == 400


async def test_an_untrusted_service_url_gets_nothing(server: TeamsServer, fake: FakeConnector) -> None:
    assert await send(server.messages, activity("https://evil.example.com/", "vem vann 2019?")) == 401
    await asyncio.sleep(0.2)
    assert fake.calls == []


# --- authenticated mode ---------------------------------------------------------------------------

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def token(audience: str = APP_ID, key: rsa.RSAPrivateKey = KEY, service_url: str = "", **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "iss": "https://api.botframework.com",
        "aud": audience,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "serviceurl": service_url,
    } | claims
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": "test-key"})


def secure_settings(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch, **extra: str) -> Settings:
    """Token mode: the SDK's key lookup answers with the local key, MSAL with a fixed outbound token."""
    public = jwt.PyJWK.from_dict(
        {**jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key(), as_dict=True), "kid": "test-key", "alg": "RS256"}
    )

    async def signing_key(jwks_uri: str, header: dict[str, Any]) -> jwt.PyJWK:
        return public  # the SDK's JWKS lookup, answered locally (as the SDK's own tests patch it)

    async def access_token(self: MsalAuth, resource_url: str, scopes: list[str], force_refresh: bool = False) -> str:
        return "outbound-token"

    monkeypatch.setattr(JwtTokenValidator._jwk_client_manager, "get_signing_key", signing_key)
    monkeypatch.setattr(MsalAuth, "get_access_token", access_token)
    values = {"TEAMS_ALLOW_ANONYMOUS": "false", "TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": "secret"} | extra
    return teams_settings(tmp_path, fake, monkeypatch, **values)


@pytest.fixture
async def secured(tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TeamsServer]:
    bot = await TeamsServer(secure_settings(tmp_path, fake, monkeypatch)).start()
    yield bot
    await bot.stop()


async def test_a_signed_activity_is_accepted_and_answered_with_a_token(
    secured: TeamsServer, fake: FakeConnector
) -> None:
    body = activity(fake.url, "vem vann 2019?")
    assert await send(secured.messages, body, token(service_url=fake.url)) == 202
    [reply] = await fake.replies(1)
    assert "Process Kedjan" in reply.text and reply.authorization == "Bearer outbound-token"


@pytest.mark.parametrize(
    "credential",
    [
        None,
        "garbage",
        "not.a.jwt",
        "foreign-audience",
        "foreign-key",
        "expired",
        "other-service-url",
    ],
)
async def test_missing_foreign_or_garbage_tokens_are_401(
    secured: TeamsServer, fake: FakeConnector, credential: str | None
) -> None:
    tokens = {
        "foreign-audience": token(audience="someone-else", service_url=fake.url),
        "foreign-key": token(key=OTHER_KEY, service_url=fake.url),
        "expired": token(service_url=fake.url, exp=int(time.time()) - 3600, iat=0, nbf=0),
        "other-service-url": token(service_url="https://smba.trafficmanager.net/emea/"),
    }
    value = tokens.get(credential or "", credential)
    assert await send(secured.messages, activity(fake.url, "vem vann 2019?"), value) == 401
    await asyncio.sleep(0.1)
    assert fake.calls == []


# --- both platforms on one app ---------------------------------------------------------------------


class BothServer(TeamsServer):
    def build_app(self) -> web.Application:
        app = super().build_app()
        slack_server.install(
            app, self.settings, make_core=core_factory(self.settings), timing=WorkerTiming(poll_seconds=0.05)
        )
        return app


async def test_one_outbox_tells_slack_and_teams_jury_channels_once_each(
    tmp_path: Path, fake: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    slack = await FakeSlack().start()
    settings = teams_settings(
        tmp_path,
        fake,
        monkeypatch,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL=slack.api_url,
        TRYGGHETSBOT_HEALTH_TOKEN=HEALTH_TOKEN,
        JURY_CHANNEL_IDS="CJURY1",
    )
    server = await BothServer(settings).start()
    try:
        await submit(server, fake, VALID)
        await wait_until_sent(server)
        await asyncio.sleep(0.3)
        assert {m.platform for m in await stored_outbox(server)} == {"slack", "teams"}
        assert len(slack.posts_in("CJURY1")) == 1
        assert len(fake.of("create")) == len(JURY)
        health = await fetch_json(server.url + "/healthz", HEALTH_TOKEN)
        assert health["status"] == "ok" and health["teams"] and "slack_identity_known" in health
    finally:
        await server.stop()
        await slack.stop()


async def fetch_json(url: str, token: str | None = None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        return dict(await response.json())


async def test_the_same_activity_id_in_two_conversations_is_two_activities(
    server: TeamsServer, fake: FakeConnector
) -> None:
    # Activity ids are unique within a conversation only: each user gets their answer.
    anna = await say(server, fake, "vem vann 2019?", activity_id="1700000000001")
    bert = await say(
        server, fake, "vem vann 2019?", activity_id="1700000000001", conversation="a:personal-bert", aad="aad-bert"
    )
    assert "Process Kedjan" in anna.text and "Process Kedjan" in bert.text
    assert bert.conversation == "a:personal-bert"
    # And a form submission: two nominations, each confirmed in its own conversation.
    await submit(server, fake, VALID, "1700000000002")
    before = len(fake.of("reply"))
    body = activity(fake.url, value=VALID, activity_id="1700000000002", conversation="a:personal-bert", aad="aad-bert")
    assert await send(server.messages, body) == 202
    [confirmed] = (await fake.replies(before + 1))[before:]
    assert confirmed.conversation == "a:personal-bert"
    assert sorted(n.nominator.user_id or "" for n in await stored(server)) == ["teams:aad-anna", "teams:aad-bert"]
    # The same activity again in either conversation is still a redelivery.
    for conversation, aad in (("a:personal-anna", "aad-anna"), ("a:personal-bert", "aad-bert")):
        again = activity(fake.url, "vem vann 2019?", activity_id="1700000000001", conversation=conversation, aad=aad)
        assert await send(server.messages, again) == 202
    await asyncio.sleep(0.3)
    assert len(fake.of("reply")) == before + 1


async def test_a_double_clicked_card_is_stored_and_confirmed_once(server: TeamsServer, fake: FakeConnector) -> None:
    """Two activities (two ids) with the same content from the same user, at once: one nomination,
    one confirmation, one post per jury channel."""
    bodies = [activity(fake.url, value=VALID, activity_id=f"click-{n}") for n in (1, 2)]
    assert await asyncio.gather(*(send(server.messages, body) for body in bodies)) == [202, 202]
    await fake.replies(1)
    await wait_until_sent(server)
    await asyncio.sleep(0.3)
    [nomination] = await stored(server)
    [confirmed] = fake.of("reply")
    assert nomination.id in confirmed.text
    assert sorted(call.body["channelData"]["channel"]["id"] for call in fake.of("create")) == sorted(JURY)
