"""What the Slack listeners work with: the core, the store and a few Slack-side helpers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import aiohttp

from bot.assistant import Assistant
from bot.clock import Clock
from bot.config import Settings
from bot.jury.service import JuryService
from bot.knowledge import KnowledgeBase
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from handlers.slack.contexts import ChannelQuestions
from handlers.slack.identity import BotIdentity
from handlers.tasks import BackgroundTasks
from store import Store


@dataclass
class SlackDeps:
    settings: Settings
    knowledge: KnowledgeBase
    store: Store
    assistant: Assistant
    service: NominationService
    clock: Clock
    questions: ChannelQuestions
    http: aiohttp.ClientSession
    identity: BotIdentity
    jury: JuryService
    tasks: BackgroundTasks = field(default_factory=BackgroundTasks)
    # Set when something was written to the outbox, so the worker sends it at once.
    outbox_ready: asyncio.Event = field(default_factory=asyncio.Event)


def slack_nominator(user_id: str, name: str = "", email: str | None = None) -> Nominator:
    """Slack users are nominators keyed by their Slack id (the same key in DMs, modals and App Home)."""
    return Nominator(name=name, email=email or None, user_id=f"slack:{user_id}")


def conversation_key(team: str | None, channel: str | None, user: str | None, *, per_user: bool = True) -> str:
    """Context is kept per user and conversation (a channel, a DM or a thread)."""
    parts = ["slack", team or "-", channel or "-"]
    if per_user:
        parts.append(user or "-")
    return ":".join(parts)
