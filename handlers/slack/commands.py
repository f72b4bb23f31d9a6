"""Slash commands: ``/trygghet FRÅGA`` answers, ``/nominera`` opens the nomination modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.texts import t
from handlers.slack.blocks import nomination_modal
from handlers.slack.deps import SlackDeps, conversation_key, slack_nominator

LANG = "sv"


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.command("/trygghet")
    async def trygghet(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        question = (command.get("text") or "").strip()
        if not question:
            await respond(t(LANG, "slack.empty_question"))
            return
        deps.tasks.spawn(_answer(deps, command, question, respond))

    @app.command("/nominera")
    async def nominera(ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond) -> None:
        closed = deps.service.period_message(LANG)
        if closed:
            await ack()
            await respond(t(LANG, "slack.period_closed", message=closed))
            return
        await ack()
        # A trigger_id lives about three seconds: open the modal before anything else.
        modal = nomination_modal(deps.knowledge.prize, deps.service.round, LANG)
        await client.views_open(trigger_id=command["trigger_id"], view=modal)


async def _answer(deps: SlackDeps, command: dict[str, Any], question: str, respond: AsyncRespond) -> None:
    key = conversation_key(command.get("team_id"), command.get("channel_id"), command.get("user_id"))
    user = slack_nominator(command["user_id"], command.get("user_name", ""))
    reply = await deps.assistant.handle(key, user, question)
    if reply.nomination_id:
        deps.outbox_ready.set()
    await respond(reply.text)
