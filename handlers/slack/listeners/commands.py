"""Slash commands: ``/trygghet FRÅGA`` answers, ``/nominera`` opens the nomination modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.texts import t
from handlers.slack.deps import SlackDeps, conversation_key, slack_nominator
from handlers.slack.views.blocks import nomination_modal

LANG = "sv"


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.command("/trygghet")
    async def trygghet(ack: AsyncAck, command: dict[str, Any]) -> None:
        question = (command.get("text") or "").strip()
        if not question:
            await ack(text=t(LANG, "slack.empty_question"), response_type="ephemeral")
            return
        # Answering takes well under a millisecond (bench/qa_bench.py) and its follow-up context is
        # one store read and write (skipped while the database is away), so the answer rides on
        # the acknowledgement itself: no second request that could fail.
        user = command.get("user_id")
        key = conversation_key(command.get("team_id"), command.get("channel_id"), user)
        reply = await deps.router.ask(key, slack_nominator(user or "-").user_id or key, question)
        await ack(text=reply.text, response_type="ephemeral")
        deps.tasks.spawn(deps.languages.remember(user or "", reply.lang))

    @app.command("/nominera")
    async def nominera(ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient) -> None:
        closed = deps.service.period_message(LANG)
        if closed:
            await ack(text=t(LANG, "slack.period_closed", message=closed), response_type="ephemeral")
            return
        await ack()
        # A trigger_id lives about three seconds: the modal opens right after the ack.
        modal = nomination_modal(deps.knowledge.prize, deps.service.round, LANG)
        deps.tasks.spawn(client.views_open(trigger_id=command["trigger_id"], view=modal))
