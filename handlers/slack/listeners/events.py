"""Events: a mention answers in a thread, a direct message talks (questions and the nomination
dialog), opening App Home publishes it; an uninstall is logged.

A mention's follow-up context is kept per user and thread in the store (``ConversationRouter.ask``), so a
follow-up in the thread keeps its subject on whichever process it lands."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.deps import SlackDeps, conversation_key, slack_nominator
from handlers.slack.transport.payloads import MessageEvent
from handlers.slack.views.home import publish_home

log = logging.getLogger(__name__)
_LEADING_MENTION = re.compile(r"^\s*<@[A-Z0-9]+>[\s,:]*")


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient) -> None:
        message = MessageEvent.model_validate(event)
        if message.bot_id or not message.user:
            return
        thread = message.thread_ts or message.ts
        key = conversation_key(body.get("team_id"), f"{message.channel}/{thread}", message.user)
        deps.tasks.spawn(_answer_in_thread(deps, client, key, message, thread))

    @app.event("message")
    async def on_message(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient) -> None:
        message = MessageEvent.model_validate(event)
        # Only people's own words in a DM: no bots (ourselves included), edits or joins.
        if message.channel_type != "im" or message.bot_id or message.subtype or not message.user:
            return
        key = conversation_key(body.get("team_id"), message.channel, message.user)
        deps.tasks.spawn(_reply(deps, client, key, message, thread_ts=message.thread_ts))

    @app.event("app_uninstalled")
    @app.event("tokens_revoked")
    async def on_uninstalled(event: dict[str, Any], body: dict[str, Any]) -> None:
        # One workspace with SLACK_BOT_TOKEN: nothing to forget, but the token no longer works. (A
        # server serving many workspaces deletes the installation before the event gets here.)
        team = body.get("team_id")
        log.warning("Slack says %s in workspace %s: SLACK_BOT_TOKEN no longer works", event.get("type"), team)

    @app.event("app_home_opened")
    async def on_home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") == "home":
            deps.tasks.spawn(publish_home(client, deps, event["user"]))


async def _answer_in_thread(
    deps: SlackDeps, client: AsyncWebClient, key: str, message: MessageEvent, thread_ts: str | None
) -> None:
    question = _LEADING_MENTION.sub("", message.text or "")
    answer = await deps.router.ask(key, slack_nominator(message.user or "-").user_id or key, question)
    await client.chat_postMessage(channel=message.channel or "", text=answer.text, thread_ts=thread_ts)
    await deps.languages.remember(message.user or "", answer.lang)


async def _reply(
    deps: SlackDeps, client: AsyncWebClient, key: str, message: MessageEvent, *, thread_ts: str | None
) -> None:
    text = _LEADING_MENTION.sub("", message.text or "")
    reply = await deps.converse(key, slack_nominator(message.user or ""), text)
    for part in reply.texts:
        await client.chat_postMessage(channel=message.channel or "", text=part, thread_ts=thread_ts)
    await deps.languages.remember(message.user or "", reply.lang)
