"""What the bot does with one Teams activity: the turn, run after the HTTP response.

- A message in a personal chat, or a channel/group message that mentions the bot
  (``<at>Trygghetsboten</at> vem vann 2019?``), goes to the core's conversation router
  (:meth:`bot.conversation.ConversationRouter.handle`): questions, follow-ups and the dialog's commands
  ("mina nomineringar", "ändra nominering ID", "återkalla ID"), answered in the same thread.
- "nominera" gets the nomination form as an Adaptive Card; its submission goes to
  :meth:`NominationService.submit`: refused fields come back on the card next to their inputs with
  what the user wrote, and nothing is stored; a valid one is stored once (the activity id is its
  idempotency key) and the jury's posts go into the outbox in the same write. The same content
  from the same user again within a short window (a double click: another activity) is the same
  nomination and gets no second confirmation.
- An activity seen before (Teams redelivers an activity it got no 2xx for) is dropped. An activity
  id is unique within its conversation only, so an activity is its conversation id and its id
  (:func:`activity_key`): a form submission's through ``store.dedupe`` (across restarts and
  processes, the key also the nomination's idempotency key), any other's through a bounded memory
  of recent keys in this process, so a question costs no database write for it.
- Any failure in a turn is logged in one line and answered with a polite sentence, in place of
  the SDK's default turn-error reply (which shows the exception to the user).

Language: an answer is in the language of the question (the core decides, as on every surface);
"nominate" gives the form in English and "nominera" in Swedish, and the reply to a submitted
form is in the card's language. What the bot says without a user's words to go by (the welcome,
the hint after an empty mention, the error sentence) follows the Teams client's locale: English
for ``en-*``, Swedish otherwise.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import ChannelAdapter, TurnContext

from bot.jury.service import JuryService
from bot.nominations.model import Nominator
from bot.nominations.service import PeriodClosed, Rejected
from bot.ports import StoreUnavailable
from bot.texts import Lang, t
from handlers.deps import ChatDeps
from handlers.forms import errors_by_field, form_content, submitted_text
from handlers.teams.cards import CARD_FIELDS, attachment, form_lang, form_values, inert, nomination_form
from handlers.teams.connector import Connector, ConnectorAdapter

log = logging.getLogger(__name__)
# How long an activity id is remembered: Teams redelivers within minutes.
SEEN_TTL_SECONDS = 3600.0
# How many recent activity ids (other than form submissions) this process remembers.
RECENT_ACTIVITIES = 10_000
# Teams caps a message at about 28 KB; a longer text did not come from a Teams client, and no
# question or dialog answer needs more (the longest form field is 4 500 characters).
MAX_MESSAGE_CHARS = 10_000
# Linear: ``[^<]`` cannot run past the next tag, so unclosed ``<at>`` tags cost one pass, not n².
_MENTION = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)


@dataclass(kw_only=True)
class TeamsDeps(ChatDeps):
    connector: Connector
    jury: JuryService


def teams_nominator(activity: Activity, name: str | None = None, email: str | None = None) -> Nominator:
    """Teams users are nominators keyed by their Entra object id (or, without one, their Teams id)."""
    sender = activity.from_property
    user = (sender.aad_object_id or sender.id) if sender else None
    return Nominator(
        name=name if name is not None else ((sender.name or "") if sender else ""),
        email=email or None,
        user_id=f"teams:{user or '-'}",
    )


def conversation_key(activity: Activity) -> str:
    """Context per conversation: a personal chat is one user's; in a channel thread, per user too."""
    key = f"teams:{activity.conversation.id}"
    if activity.conversation.conversation_type not in (None, "personal") and activity.from_property:
        key += f":{activity.from_property.aad_object_id or activity.from_property.id}"
    return key


def activity_key(activity: Activity) -> str:
    """What identifies one activity: Teams numbers activities per conversation, so the same id in
    two conversations is two activities."""
    return f"teams-activity:{activity.conversation.id}:{activity.id}"


def client_lang(activity: Activity) -> Lang:
    """The language of the user's Teams client: English for an ``en-*`` locale, else Swedish."""
    return "en" if (activity.locale or "").lower().startswith("en") else "sv"


def message_text(activity: Activity) -> str:
    """The message without its mentions: those the activity's mention entities name (the bot's),
    then any other ``<at>…</at>`` tag. Call it on text within :data:`MAX_MESSAGE_CHARS`."""
    text = activity.text or ""
    for entity in activity.entities or []:
        mention = getattr(entity, "text", None) if entity.type == "mention" else None
        if isinstance(mention, str) and mention:
            text = text.replace(mention, " ")
    return " ".join(_MENTION.sub(" ", text).replace("&nbsp;", " ").split())


class TeamsBot:
    """The bot as the Agents SDK sees an agent: :meth:`on_turn` takes a :class:`TurnContext` and
    answers through the context's adapter, so the SDK's ``TestAdapter`` (microsoft-agents-testing)
    drives it as the server does. The server's adapter is :class:`ConnectorAdapter`: the
    replies go over the shared connector session."""

    def __init__(self, deps: TeamsDeps, adapter: ChannelAdapter | None = None) -> None:
        self.deps = deps
        self.adapter = adapter or ConnectorAdapter(deps.connector)
        self._recent: OrderedDict[str, None] = OrderedDict()

    async def on_activity(self, activity: Activity) -> None:
        """The server's entry point: one turn for an activity that passed its checks. No
        middleware runs on this adapter, so the turn is called without the SDK's pipeline."""
        await self.on_turn(TurnContext(self.adapter, activity))

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        try:
            if await self._seen(activity):
                log.info("dropped a redelivered Teams activity %s", activity.id)
                return
            await self._turn(context)
        except Exception as error:
            await self.on_turn_error(context, error)

    async def _seen(self, activity: Activity) -> bool:
        if not activity.id:
            return False
        key = activity_key(activity)
        if form_values(activity.value) is not None:
            try:
                return not await self.deps.store.dedupe.first_time(key, SEEN_TTL_SECONDS)
            except StoreUnavailable as error:
                # The submission cannot be stored either; this process's memory keeps a
                # redelivery from getting a second "try again".
                log.warning("activity %s checked in this process only: %s", key, error)
        if key in self._recent:
            return True
        self._recent[key] = None
        if len(self._recent) > RECENT_ACTIVITIES:
            self._recent.popitem(last=False)
        return False

    async def on_turn_error(self, context: TurnContext, error: Exception) -> None:
        """One log line, and a polite sentence to the user instead of the exception's text."""
        activity = context.activity
        log.error("Teams turn failed (activity %s): %s: %s", activity.id, type(error).__name__, error)
        try:
            await self.say(context, t(client_lang(activity), "chat.error"))
        except Exception as reply_error:
            log.error("could not tell the user either: %s: %s", type(reply_error).__name__, reply_error)

    async def _turn(self, context: TurnContext) -> None:
        """What the activity asks for: the routes of :class:`handlers.teams.routes.TeamsApp`."""
        raise NotImplementedError

    async def _welcome(self, context: TurnContext) -> None:
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        added = [member.id for member in activity.members_added or []]
        if activity.conversation.conversation_type == "personal" and bot_id in added:
            await self.say(context, t(client_lang(activity), "teams.welcome"))

    async def send_form(
        self,
        context: TurnContext,
        lang: Lang,
        values: dict[str, str] | None = None,
        errors: dict[str, str] | None = None,
    ) -> None:
        service = self.deps.service
        closed = service.period_message(lang)
        if closed:
            await self.say(context, closed)
            return
        card = nomination_form(self.deps.knowledge.prize, service.round, lang, values=values, errors=errors)
        await self.send(context, {"type": "message", "attachments": [attachment(card)]})

    async def _submit(self, context: TurnContext, values: dict[str, str]) -> None:
        activity = context.activity
        person = teams_nominator(activity, values.get("nominator_name", ""), values.get("nominator_email"))
        lang = form_lang(activity.value)
        try:
            result = await self.deps.service.submit(
                form_content(values), person, idempotency_key=activity_key(activity), lang=lang
            )
        except PeriodClosed as closed:
            await self.say(context, closed.errors[0].message)
            return
        except Rejected as refused:
            await self.send_form(context, lang, values, errors_by_field(refused.errors, CARD_FIELDS))
            return
        except StoreUnavailable as error:
            # Nothing was stored; the card is still in the chat with what the user wrote.
            log.warning("a nomination from Teams could not be stored: %s", error)
            await self.say(context, t(lang, "nom.error.unavailable"))
            return
        if not result.created:
            # A double click or a client's retry (another activity, the same content): the first
            # submission was confirmed, and this one stored nothing.
            log.info("a repeated Teams submission of nomination %s stored nothing", result.nomination.id)
            return
        self.deps.outbox_ready.set()
        nomination = result.nomination
        checks = self.deps.service.rules.checklist(nomination.content())
        text = submitted_text(nomination, checks, lang, inert, "\n\n")
        await self.say(context, text)

    async def say(self, context: TurnContext, text: str) -> None:
        await self.send(context, {"type": "message", "text": text})

    async def send(self, context: TurnContext, reply: dict[str, Any]) -> None:
        """Answer in the turn's conversation, in its thread. Straight to the adapter rather than
        through ``TurnContext.send_activity``, which deep-copies the activity and opens telemetry
        spans: 0.2 ms a reply, a sixth of a question's budget (docs/teams.md, "Routing")."""
        activity = Activity.model_validate({**reply, "replyToId": context.activity.id})
        await context.adapter.send_activities(context, [activity])
