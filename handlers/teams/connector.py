"""Calls to the Teams connector (Bot Framework REST API v3) over one shared HTTP session.

The SDK's own connector client makes a new ``ClientSession`` per turn and keeps the token in the
session's headers, so it cannot be shared across service URLs; this client sends each request on
the one session (one connection pool for every reply and post) with the token per request.

Nothing is sent to a ``serviceUrl`` that is not trusted (:class:`handlers.teams.urls.TrustedServiceUrls`:
Microsoft's connector hosts over HTTPS, or below a URL in ``TEAMS_TRUSTED_SERVICE_URLS``), checked on
the very URL the request goes to. A token is only fetched for a trusted URL, and redirects are never
followed: a connector that answers 3xx has failed the call, so a token never travels to another host.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol
from urllib.parse import quote

import aiohttp
from microsoft_agents.activity import Activity, ConversationReference, ResourceResponse, TurnContextProtocol
from microsoft_agents.hosting.core import ChannelAdapter
from yarl import URL

from handlers.teams.urls import TrustedServiceUrls

log = logging.getLogger(__name__)

# Audience of the tokens the connector accepts (Bot Framework's public cloud).
CONNECTOR_SCOPE = "https://api.botframework.com/.default"
CONNECTOR_RESOURCE = "https://api.botframework.com"
TIMEOUT_SECONDS = 10


class ConnectorError(Exception):
    """The connector refused or failed a call; ``status`` 0 means it was never sent."""

    def __init__(self, status: int, reason: str, retry_after: str | None = None) -> None:
        super().__init__(f"{status} {reason}")
        self.status = status
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.status == 429 or self.status >= 500


class TokenSource(Protocol):
    async def get_access_token(self, resource_url: str, scopes: list[str], force_refresh: bool = False) -> str: ...


class Connector:
    def __init__(self, session: aiohttp.ClientSession, trusted: TrustedServiceUrls, tokens: TokenSource | None) -> None:
        """``tokens``: None in anonymous mode (local development and tests): requests carry no token."""
        self.session = session
        self.trusted = trusted
        self.tokens = tokens

    async def reply(
        self, service_url: str, conversation_id: str, reply_to_id: str | None, activity: dict[str, Any]
    ) -> str:
        """Post ``activity`` in the conversation (as a reply to ``reply_to_id`` when given); its id."""
        path = f"v3/conversations/{quote(conversation_id, safe='')}/activities"
        if reply_to_id:
            path += f"/{quote(reply_to_id, safe='')}"
        answer = await self._call("POST", service_url, path, activity)
        return str(answer.get("id") or "")

    async def create_channel_thread(self, service_url: str, channel_id: str, activity: dict[str, Any]) -> str:
        """Start a new thread in a Teams channel with ``activity``; the id of the posted activity."""
        body = {"isGroup": True, "channelData": {"channel": {"id": channel_id}}, "activity": activity}
        answer = await self._call("POST", service_url, "v3/conversations", body)
        activity_id = answer.get("activityId") or str(answer.get("id") or "").partition(";messageid=")[2]
        if not activity_id:
            raise ConnectorError(502, "no activity id in the connector's answer")
        return str(activity_id)

    async def create_personal_chat(self, service_url: str, user_id: str, tenant_id: str | None) -> str:
        """The 1:1 conversation of the bot with ``user_id`` (a Teams id or an Entra object id),
        for a proactive message; Teams answers with the same conversation every time."""
        body: dict[str, Any] = {"isGroup": False, "members": [{"id": user_id}]}
        if tenant_id:
            body |= {"tenantId": tenant_id, "channelData": {"tenant": {"id": tenant_id}}}
        answer = await self._call("POST", service_url, "v3/conversations", body)
        conversation = str(answer.get("id") or "")
        if not conversation:
            raise ConnectorError(502, "no conversation id in the connector's answer")
        return conversation

    async def update_channel_post(
        self, service_url: str, channel_id: str, activity_id: str, activity: dict[str, Any]
    ) -> None:
        """Replace the thread's first post (made by :meth:`create_channel_thread`)."""
        conversation = quote(f"{channel_id};messageid={activity_id}", safe="")
        path = f"v3/conversations/{conversation}/activities/{quote(activity_id, safe='')}"
        await self._call("PUT", service_url, path, {**activity, "id": activity_id})

    async def _call(self, method: str, service_url: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            # encoded=True: the path's parts are quoted already; yarl still normalises dot segments.
            url = URL(service_url.rstrip("/") + "/" + path, encoded=True)
        except (ValueError, TypeError):
            raise ConnectorError(0, f"malformed serviceUrl {service_url[:200]!r}") from None
        if not self.trusted(url):
            raise ConnectorError(0, f"untrusted serviceUrl {service_url[:200]!r}")
        headers = {}
        if self.tokens is not None:
            token = await self.tokens.get_access_token(CONNECTOR_RESOURCE, [CONNECTOR_SCOPE])
            headers["Authorization"] = f"Bearer {token}"
        request = self.session.request(method, url, json=body, headers=headers, allow_redirects=False)
        async with request as response:
            if response.status >= 300:
                reason = (await response.text())[:200]
                raise ConnectorError(response.status, reason, response.headers.get("Retry-After"))
            if response.content_type != "application/json":
                return {}
            answer = await response.json()
            return answer if isinstance(answer, dict) else {}


class ConnectorAdapter(ChannelAdapter):
    """The Agents SDK's channel adapter on :class:`Connector`: a turn's replies go to the turn's
    conversation over the one shared session. Only replies are sent through it; posts in the jury
    channels and proactive 1:1s are the connector's own calls."""

    def __init__(self, connector: Connector) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # the SDK's own __init__ is unannotated
        self.connector = connector

    async def send_activities(
        self, context: TurnContextProtocol[Any], activities: list[Activity]
    ) -> list[ResourceResponse]:
        incoming = context.activity
        sent = []
        for activity in activities:
            body = activity.model_dump(mode="json", by_alias=True, exclude_none=True)
            conversation = incoming.conversation.id
            sent.append(
                ResourceResponse(
                    id=await self.connector.reply(incoming.service_url or "", conversation, activity.reply_to_id, body)
                )
            )
        return sent

    async def update_activity(self, context: TurnContextProtocol[Any], activity: Activity) -> None:
        raise NotImplementedError("the bot updates only its jury posts, through Connector.update_channel_post")

    async def delete_activity(self, context: TurnContextProtocol[Any], reference: ConversationReference) -> None:
        raise NotImplementedError("the bot deletes no messages")


def http_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
