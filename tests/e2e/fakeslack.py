"""A fake Slack Web API on 127.0.0.1: records every call and fails on demand.

The bot's ``SLACK_API_URL`` points here (``api_url``); ``response_url`` values
handed to the bot point here too (``response_url()``). Faults are queued per
method: ``fail("chat.postMessage", status=429, times=2, retry_after=1)``, or
``delay("chat.postMessage", 5)`` to act and answer late.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

BOT_USER_ID = "UBOT"


def dm_channel(channel: str) -> str:
    """Slack posts a message sent to a user id in the DM with that user."""
    return "D" + channel if channel.startswith(("U", "W")) else channel


TEAM_ID = "T1"
JSON_ARGS = ("blocks", "view", "attachments", "metadata", "files")


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    status: int
    ok: bool
    response: dict[str, Any] = field(default_factory=dict)
    token: str | None = None  # the bearer token the call came with

    @property
    def payload_text(self) -> str:
        """Everything the bot sent, as one string (for "is this text anywhere?" checks)."""
        return json.dumps(self.args, ensure_ascii=False)


@dataclass
class Fault:
    status: int
    times: int
    retry_after: float | None
    # Act on the call (keep the post), then drop the connection without answering: what the bot
    # sees when it is killed, or its connection breaks, after Slack got the request.
    keep_and_drop: bool = False
    # Act on the call, then never answer (until the fake stops): the bot is killed while it waits.
    keep_and_hang: bool = False
    # Fail every call until this time.monotonic() instead of a number of times (an outage).
    until: float | None = None
    # Wait this many seconds, then act on the call and answer as usual (a slow Slack).
    delay: float | None = None


@dataclass
class FakeSlack:
    channel_members: dict[str, list[str]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    port: int = 0
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _released: asyncio.Event = field(default_factory=asyncio.Event)
    socket_acks: list[str] = field(default_factory=list)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    uploads: dict[str, bytes] = field(default_factory=dict)  # file id -> bytes sent to the upload URL
    # channel id -> messages the bot posted there (what conversations.history returns); a post to a
    # user id lands in that user's DM channel, "D" + the user id.
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    installs: dict[str, int] = field(default_factory=dict)  # team id -> oauth.v2.access calls for it

    # --- lifecycle -------------------------------------------------------------
    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk reads some methods with GET
        app.router.add_post("/response/{token}", self._response_url)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        self._released.set()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, token: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/response/{token}"

    # --- control -----------------------------------------------------------------
    def fail(self, method: str, *, status: int = 500, times: int = 1, retry_after: float | None = None) -> None:
        self.faults.setdefault(method, []).append(Fault(status, times, retry_after))

    def keep_and_drop(self, method: str, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` take effect, but the connection drops before the answer."""
        self.faults.setdefault(method, []).append(Fault(0, times, None, keep_and_drop=True))

    def fail_for(self, method: str, seconds: float, *, status: int = 500, retry_after: float | None = None) -> None:
        """Every call of ``method`` fails for the next ``seconds`` (after the faults queued before it)."""
        self.faults.setdefault(method, []).append(Fault(status, 1, retry_after, until=time.monotonic() + seconds))

    def delay(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` wait ``seconds`` before Slack acts on them and answers."""
        self.faults.setdefault(method, []).append(Fault(0, times, None, delay=seconds))

    def keep_and_hang(self, method: str, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` take effect and are never answered."""
        self.faults.setdefault(method, []).append(Fault(0, times, None, keep_and_hang=True))

    def posts_in(self, channel: str) -> list[dict[str, Any]]:
        """What the channel holds (a post kept by a dropped call included)."""
        return self.history.get(dm_channel(channel), [])

    def clear_faults(self) -> None:
        self.faults.clear()

    def of(self, method: str, *, ok_only: bool = True) -> list[Call]:
        return [c for c in self.calls if c.method == method and (c.ok or not ok_only)]

    async def wait_for(self, method: str, count: int = 1, *, timeout: float = 5.0) -> list[Call]:
        """The ok calls of ``method`` once there are at least ``count`` (fails after ``timeout``)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.of(method)) < count:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"{method}: {len(self.of(method))} calls, expected {count}; got {self.methods()}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout=remaining)
        return self.of(method)

    # --- Socket Mode -------------------------------------------------------------
    async def socket_connected(self, timeout: float = 10.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self._sockets and loop.time() < deadline:
            await asyncio.sleep(0.02)
        if not self._sockets:
            raise AssertionError("the bot did not open a Socket Mode connection")

    async def socket_send(self, envelope: dict[str, Any]) -> None:
        """Deliver an envelope over the bot's websocket, as Slack does in Socket Mode."""
        await self._sockets[-1].send_json(envelope)

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}})
        async for message in socket:
            data = json.loads(message.data)
            if "envelope_id" in data:
                self.socket_acks.append(data["envelope_id"])
                self._changed.set()
        return socket

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]

    # --- handlers ----------------------------------------------------------------
    async def _args(self, request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json" and raw:
            args: dict[str, Any] = json.loads(raw)
        else:
            args = dict(parse_qsl(raw))
        args.update(request.query)
        for key in JSON_ARGS:
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._changed.set()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or args.get("token")
        queue = self.faults.get(method)
        while queue and queue[0].until is not None and time.monotonic() >= queue[0].until:
            queue.pop(0)  # an outage that is over
        if queue:
            fault = queue[0]
            if fault.until is None:
                fault.times -= 1
                if fault.times <= 0:
                    queue.pop(0)
            if fault.delay is not None:
                await asyncio.sleep(fault.delay)
                return self._answer_as_usual(method, args, token)
            if fault.keep_and_hang:
                body = self._answer(method, args)
                self._record(Call(method, args, 0, False, body, token))
                await self._released.wait()
                return web.Response(status=500)
            if fault.keep_and_drop:
                body = self._answer(method, args)
                self._record(Call(method, args, 0, False, body, token))
                assert request.transport is not None
                request.transport.abort()
                return web.Response(status=500)  # never reaches the client: the connection is gone
            self._record(Call(method, args, fault.status, False, token=token))
            headers = {"Retry-After": str(int(fault.retry_after))} if fault.retry_after is not None else {}
            if fault.status == 429:
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers=headers)
            return web.Response(status=fault.status, text="fake server error", headers=headers)
        return self._answer_as_usual(method, args, token)

    def _answer_as_usual(self, method: str, args: dict[str, Any], token: str | None) -> web.Response:
        body = self._answer(method, args)
        self._record(Call(method, args, 200, bool(body.get("ok")), body, token))
        return web.json_response(body)

    async def _response_url(self, request: web.Request) -> web.Response:
        args = await self._args(request)
        self._record(Call("response_url", args, 200, True))
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        """The URL files.getUploadURLExternal hands out: the file's bytes arrive here."""
        file_id = request.match_info["file_id"]
        self.uploads[file_id] = await request.read()
        self._record(Call("upload", {"file_id": file_id}, 200, True))
        return web.Response(text="OK - " + str(len(self.uploads[file_id])))

    @staticmethod
    def _message_answer(args: dict[str, Any], ts: str) -> dict[str, Any]:
        return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": {"text": args.get("text"), "ts": ts}}

    def _new_ts(self) -> str:
        """Slack's ts: the posting time in seconds, unique per message."""
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _history(self, args: dict[str, Any]) -> dict[str, Any]:
        oldest = float(args.get("oldest") or 0)
        with_metadata = str(args.get("include_all_metadata")).lower() in ("1", "true")
        found = [
            {**m, "metadata": m["metadata"] if with_metadata else None}
            for m in reversed(self.history.get(str(args.get("channel")), []))
            if float(m["ts"]) >= oldest
        ]
        return {"ok": True, "messages": found, "has_more": False, "response_metadata": {"next_cursor": ""}}

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "oauth.v2.access":  # the code names the workspace: "code-TA" installs into TA
            team = str(args.get("code", "")).removeprefix("code-")
            self.installs[team] = self.installs.get(team, 0) + 1
            # A reinstall gets a new token: xoxb-TA, then xoxb-TA-2, …
            token = f"xoxb-{team}" if self.installs[team] == 1 else f"xoxb-{team}-{self.installs[team]}"
            return {
                "ok": True,
                "app_id": "A1",
                "access_token": token,
                "token_type": "bot",
                "scope": "chat:write,commands",
                "bot_user_id": f"UBOT{team}",
                "team": {"id": team, "name": f"Workspace {team}"},
                "enterprise": None,
                "is_enterprise_install": False,
                "authed_user": {"id": "UINSTALLER"},
            }
        if method == "auth.test":
            return {
                "ok": True,
                "user_id": BOT_USER_ID,
                "bot_id": "BBOT",
                "team_id": TEAM_ID,
                "team": "Test",
                "url": "https://test.slack.com/",
                "user": "trygghetsbot",
            }
        if method == "chat.postMessage":
            ts = self._new_ts()
            self.history.setdefault(dm_channel(str(args.get("channel"))), []).append(
                {"type": "message", "ts": ts, "text": args.get("text"), "metadata": args.get("metadata")}
            )
            return self._message_answer(args, ts)
        if method == "conversations.history":
            return self._history(args)
        if method == "chat.update":
            return self._message_answer(args, args.get("ts") or self._new_ts())
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._new_ts()}
        if method in ("views.open", "views.update", "views.publish", "views.push"):
            view = dict(args.get("view") or {})
            return {"ok": True, "view": {**view, "id": f"V{next(self._ts):06d}", "hash": "h1"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}
        if method == "conversations.members":
            return {
                "ok": True,
                "members": self.channel_members.get(str(args.get("channel")), []),
                "response_metadata": {"next_cursor": ""},
            }
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            return {"ok": True, "file_id": file_id, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in args.get("files", [])]}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args.get("users", "X"))}}
        if method == "users.info":
            user = str(args.get("user"))
            return {
                "ok": True,
                "user": {
                    "id": user,
                    "name": user.lower(),
                    "real_name": f"Person {user}",
                    "profile": {"email": f"{user.lower()}@example.se"},
                },
            }
        return {"ok": True}
