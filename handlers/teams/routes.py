"""What the Teams bot does with an activity: one table of routes, the first that matches handles it.

In order: a conversation update (the welcome), anything but a message (ignored), a submitted
nomination form (an edit's when it names a nomination), a jury card's action ("Bedöm", a scoring
card, the chair's choice), a message too long to be a question, an empty mention, "nominera",
"ändra nominering ID" (the form card filled in), "rankning" (the juror's ranking card), and
anything else: a question or the chat dialog (:meth:`ChatDeps.converse`).

Why a table and not the Agents SDK's ``AgentApplication`` routes: see docs/teams.md ("Routing").
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import ChannelAdapter, TurnContext

from bot.conversation import edit_command, nomination_lang, starts_nomination
from bot.texts import t
from handlers.teams.activities import (
    MAX_MESSAGE_CHARS,
    TeamsBot,
    TeamsDeps,
    client_lang,
    conversation_key,
    message_text,
    teams_nominator,
)
from handlers.teams.cards import form_editing, form_values
from handlers.teams.editing import send_edit_form, submit_edit
from handlers.teams.jury import TeamsJury, asks_for_ranking
from handlers.teams.jury_cards import jury_action


@dataclass(frozen=True)
class Route:
    name: str
    # The activity, and its text without mentions (empty for a text too long to be read).
    matches: Callable[[Activity, str], bool]
    handle: Callable[[TurnContext], Awaitable[None]]


def _is_message(activity: Activity) -> bool:
    return activity.type == "message"


def _text_matches(check: Callable[[str], bool]) -> Callable[[Activity, str], bool]:
    """A message whose text, without mentions, passes ``check``."""
    return lambda _activity, text: check(text)


class TeamsApp(TeamsBot):
    def __init__(self, deps: TeamsDeps, adapter: ChannelAdapter | None = None) -> None:
        super().__init__(deps, adapter)
        self.jury = TeamsJury(self)
        self.routes: tuple[Route, ...] = (
            Route("welcome", lambda a, _: a.type == "conversationUpdate", self._welcome),
            Route("not a message", lambda a, _: not _is_message(a), self._ignore),
            Route(
                "edit form", lambda a, _: form_values(a.value) is not None and bool(form_editing(a.value)), self._edit
            ),
            Route("nomination form", lambda a, _: form_values(a.value) is not None, self._nomination_form),
            Route("jury card", lambda a, _: jury_action(a.value) is not None, self._jury_card),
            Route("too long", lambda a, _: len(a.text or "") > MAX_MESSAGE_CHARS, self._too_long),
            Route("empty", _text_matches(lambda text: not text), self._empty),
            Route("nominate", _text_matches(starts_nomination), self._nominate),
            Route("edit", _text_matches(lambda text: edit_command(text) is not None), self._edit_form),
            Route("ranking", _text_matches(asks_for_ranking), self.jury.on_ranking),
            Route("question", lambda a, _: True, self._question),
        )

    def route(self, activity: Activity) -> Route:
        # The text once per turn; a text over the limit is never read (the "too long" route answers it).
        text = message_text(activity) if len(activity.text or "") <= MAX_MESSAGE_CHARS else ""
        return next(route for route in self.routes if route.matches(activity, text))

    async def _turn(self, context: TurnContext) -> None:
        await self.route(context.activity).handle(context)

    async def _ignore(self, context: TurnContext) -> None:
        return None

    async def _nomination_form(self, context: TurnContext) -> None:
        await self._submit(context, form_values(context.activity.value) or {})

    async def _edit(self, context: TurnContext) -> None:
        await submit_edit(self, context, form_values(context.activity.value) or {})

    async def _jury_card(self, context: TurnContext) -> None:
        action = jury_action(context.activity.value)
        if action is not None:
            await self.jury.on_card(context, action)

    async def _too_long(self, context: TurnContext) -> None:
        limit = f"{MAX_MESSAGE_CHARS:,}".replace(",", " ")
        await self.say(context, t(client_lang(context.activity), "teams.too_long", limit=limit))

    async def _empty(self, context: TurnContext) -> None:
        await self.say(context, t(client_lang(context.activity), "teams.empty_question"))

    async def _nominate(self, context: TurnContext) -> None:
        await self.send_form(context, nomination_lang(message_text(context.activity)))

    async def _edit_form(self, context: TurnContext) -> None:
        await send_edit_form(self, context, edit_command(message_text(context.activity)) or "")

    async def _question(self, context: TurnContext) -> None:
        activity = context.activity
        text = message_text(activity)
        reply = await self.deps.converse(conversation_key(activity), teams_nominator(activity), text)
        await self.say(context, reply.text)
