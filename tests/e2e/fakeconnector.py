"""A fake Teams connector (Bot Framework REST API v3) on 127.0.0.1, and a client that sends activities.

It records every call (``POST /v3/conversations`` for a channel thread or, with ``members``, a
1:1 chat (kind ``open``), ``POST /v3/conversations/{id}/activities``,
``POST …/activities/{replyToId}``, ``PUT …/activities/{id}``) and can fail the next calls with a
status (500, 429 with ``Retry-After``) on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

BOT_ID = "28:trygghetsbot"


@dataclass
class Call:
    method: str
    path: str
    conversation: str | None
    activity_id: str | None
    body: dict[str, Any]
    authorization: str | None
    # The activity id the fake gave a new post or reply.
    given_id: str | None = None

    @property
    def kind(self) -> str:
        if self.method == "PUT":
            return "update"
        if self.conversation is None:
            return "open" if "members" in self.body else "create"
        return "reply" if self.activity_id else "send"

    @property
    def text(self) -> str:
        return str(self.body.get("text") or "")

    @property
    def card(self) -> dict[str, Any] | None:
        source = self.body.get("activity", self.body) if self.kind == "create" else self.body
        for item in source.get("attachments") or []:
            if item.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return dict(item["content"])
        return None


@dataclass
class Failure:
    status: int
    kinds: set[str]
    retry_after: str | None = None


@dataclass
class FakeConnector:
    calls: list[Call] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    url: str = ""
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _runner: web.AppRunner | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def fail(
        self, status: int, times: int = 1, *, kinds: set[str] | None = None, retry_after: str | None = None
    ) -> None:
        """Fail the next ``times`` calls of ``kinds`` (default: jury posts, ``create`` and ``update``)."""
        self.failures += [Failure(status, kinds or {"create", "update"}, retry_after) for _ in range(times)]

    def of(self, kind: str) -> list[Call]:
        return [call for call in self.calls if call.kind == kind]

    async def wait_for(self, check: Callable[[FakeConnector], bool], timeout: float = 10.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not check(self):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out; calls: {[(c.kind, c.path) for c in self.calls]}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout=min(remaining, 0.1))

    async def replies(self, count: int, timeout: float = 10.0) -> list[Call]:
        await self.wait_for(lambda fake: len(fake.of("reply")) >= count, timeout)
        return self.of("reply")

    async def start(self) -> FakeConnector:
        app = web.Application()
        # At the root, and below /teams (a connector behind a path, as a proxy would serve it).
        for base in ("", "/teams"):
            app.router.add_post(f"{base}/v3/conversations", self._handle)
            app.router.add_post(f"{base}/v3/conversations/{{conversation}}/activities", self._handle)
            app.router.add_post(f"{base}/v3/conversations/{{conversation}}/activities/{{activity}}", self._handle)
            app.router.add_put(f"{base}/v3/conversations/{{conversation}}/activities/{{activity}}", self._handle)
        # Anything else is recorded too (a call that should never have come), and answered 404.
        app.router.add_route("*", "/{anything:.*}", self._stray)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _stray(self, request: web.Request) -> web.Response:
        call = Call(request.method, request.path, "?", "?", {}, request.headers.get("Authorization"))
        self.calls.append(call)
        self._changed.set()
        return web.json_response({"error": {"code": "NotFound"}}, status=404)

    async def _handle(self, request: web.Request) -> web.Response:
        call = Call(
            request.method,
            request.path,
            request.match_info.get("conversation"),
            request.match_info.get("activity"),
            await request.json(),
            request.headers.get("Authorization"),
        )
        failure = next((f for f in self.failures if call.kind in f.kinds), None)
        if failure is not None:
            self.failures.remove(failure)
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            return web.json_response({"error": {"code": "failed"}}, status=failure.status, headers=headers)
        self.calls.append(call)
        self._changed.set()
        if call.kind == "update":
            return web.json_response({"id": call.activity_id})
        if call.kind == "open":  # the same 1:1 conversation every time, as Teams answers
            return web.json_response({"id": f"a:dm-{call.body['members'][0]['id']}"})
        new_id = call.given_id = str(next(self._ids))
        if call.kind == "create":
            channel = call.body["channelData"]["channel"]["id"]
            return web.json_response({"id": f"{channel};messageid={new_id}", "activityId": new_id})
        return web.json_response({"id": new_id})


def activity(
    service_url: str,
    text: str | None = None,
    *,
    value: dict[str, Any] | None = None,
    conversation: str = "a:personal-anna",
    conversation_type: str = "personal",
    user: str = "29:anna",
    aad: str = "aad-anna",
    activity_id: str | None = None,
    type_: str = "message",
    locale: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": type_,
        "id": activity_id or uuid.uuid4().hex,
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": user, "name": "Anna Andersson", "aadObjectId": aad},
        "recipient": {"id": BOT_ID, "name": "Trygghetsboten"},
        "conversation": {"id": conversation, "conversationType": conversation_type, "tenantId": "tenant-1"},
    }
    if locale is not None:
        body["locale"] = locale
    if text is not None:
        body["text"] = text
    if value is not None:
        body["value"] = value
    return body


async def send(url: str, body: dict[str, Any] | bytes, token: str | None = None) -> int:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with aiohttp.ClientSession() as session:
        if isinstance(body, bytes):
            response = await session.post(url, data=body, headers=headers)
        else:
            response = await session.post(url, json=body, headers=headers)
        async with response:
            return response.status
