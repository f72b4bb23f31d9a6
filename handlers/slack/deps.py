"""What the Slack listeners work with: the core, the store and a few Slack-side helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

import aiohttp

from bot.clock import Clock
from bot.jury.service import JuryService
from bot.nominations.model import Nominator
from handlers.deps import ChatDeps
from handlers.slack.transport.identity import BotIdentity
from handlers.slack.user_lang import UserLanguages


@dataclass(kw_only=True)
class SlackDeps(ChatDeps):
    clock: Clock
    http: aiohttp.ClientSession
    identity: BotIdentity
    jury: JuryService
    # The language each user last wrote in: App Home, the scoring modal and jury answers follow it.
    languages: UserLanguages = field(init=False)

    def __post_init__(self) -> None:
        self.languages = UserLanguages(self.store)


def slack_nominator(user_id: str, name: str = "", email: str | None = None) -> Nominator:
    """Slack users are nominators keyed by their Slack id (the same key in DMs, modals and App Home)."""
    return Nominator(name=name, email=email or None, user_id=f"slack:{user_id}")


def conversation_key(team: str | None, channel: str | None, user: str | None, *, per_user: bool = True) -> str:
    """Context is kept per user and conversation (a channel, a DM or a thread)."""
    parts = ["slack", team or "-", channel or "-"]
    if per_user:
        parts.append(user or "-")
    return ":".join(parts)
