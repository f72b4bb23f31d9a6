"""The jury in Teams, on the same core as Slack and the command line (:mod:`bot.jury`).

- "Bedöm" on a jury post gives the juror who pressed it the scoring card in their personal chat
  with the bot (a proactive 1:1 when pressed in a channel), so nobody else sees their work.
- The scoring card's submission goes through the core's parsers field by field
  (:func:`bot.jury.service.check_score_fields`) and then :meth:`JuryService.score` or
  :meth:`JuryService.conflict` (jäv); a refusal comes back on a new card beside the field, with
  what the juror chose, and nothing is stored. Then each Teams jury post of the nomination is
  updated in place (``PUT``) with how many jurors have assessed it.
- "rankning"/"ranking" in a personal chat gives a juror the ranking card (Slack's App Home
  content); the chair's card carries "Utse vinnare". The decision's announcement waits in the
  jury's messages and :mod:`handlers.teams.jury_delivery` posts it to the Teams jury channels.

A juror is known by the Entra object id Teams gives (``from.aadObjectId``), never by the display
name or the Teams user id: ``JURY_USER_IDS`` names them by it (see :mod:`bot.jury.roster`). Texts
follow the juror's Teams locale (:func:`handlers.teams.activities.client_lang`); a card's
answer is in the card's language.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import TurnContext

from bot.jury.service import JuryRefused, check_score_fields
from bot.nominations.model import Nomination
from bot.texts import t
from handlers.teams.activities import TeamsBot, TeamsDeps, client_lang
from handlers.teams.cards import attachment, jury_post
from handlers.teams.connector import ConnectorError
from handlers.teams.jury_cards import ASSESS, DECIDE, JuryCardAction, ranking_card, score_card

log = logging.getLogger(__name__)
_RANKING = re.compile(r"^(?:visa )?(?:rankning|rankningen|ranking|show ranking|show the ranking)[.!?]?$", re.IGNORECASE)


def asks_for_ranking(text: str) -> bool:
    return bool(_RANKING.match(" ".join(text.split())))


def aad_id(activity: Activity) -> str | None:
    """The sender's Entra object id: the one id a juror is named by in Teams."""
    return activity.from_property.aad_object_id if activity.from_property else None


async def scored_counts(deps: TeamsDeps, nomination: Nomination) -> tuple[int, int]:
    """How many jurors have assessed ``nomination``, of how many."""
    state = await deps.store.jury.state(nomination.round_year)
    return sum(1 for score in state.scores if score.nomination_id == nomination.id), len(deps.jury.jurors)


async def jury_post_now(deps: TeamsDeps, nomination: Nomination) -> dict[str, Any]:
    """The jury post of ``nomination`` as it should read now (checklist and how many assessed it)."""
    checks = deps.service.rules.checklist(nomination.content())
    return jury_post(nomination, checks, scored=await scored_counts(deps, nomination))


class TeamsJury:
    def __init__(self, bot: TeamsBot) -> None:
        self.bot = bot
        self.deps = bot.deps

    async def on_card(self, context: TurnContext, action: JuryCardAction) -> None:
        if action.trygghetsbot == ASSESS:
            await self._assess(context, action)
        elif action.trygghetsbot == DECIDE:
            await self._decide(context, action)
        else:
            await self._score(context, action)

    async def on_ranking(self, context: TurnContext) -> None:
        activity = context.activity
        lang, jury, user = client_lang(activity), self.deps.jury, aad_id(activity)
        if activity.conversation.conversation_type not in (None, "personal"):
            await self.bot.say(context, t(lang, "teams.jury.personal_only"))
            return
        juror = jury.juror(user)
        if juror is None or user is None:
            await self.bot.say(context, t(lang, "teams.jury.refused"))
            return
        view = await jury.ranking(user, lang)
        closed = await jury.scoring_closed_reason(lang)
        decidable = await jury.decidable(user)
        card = ranking_card(view, juror, decidable=decidable, closed_reason=closed, lang=lang)
        await self.bot.send(context, {"type": "message", "attachments": [attachment(card)]})

    async def _assess(self, context: TurnContext, action: JuryCardAction) -> None:
        activity = context.activity
        lang = client_lang(activity)
        if not self.deps.jury.is_juror(aad_id(activity)):
            await self._personal(context, {"type": "message", "text": t(lang, "teams.jury.refused")})
            return
        nomination = await self._nomination(action.nomination_id)
        if nomination is None:
            text = t(lang, "jury.error.not_found", id=action.nomination_id[:100], year=self.deps.jury.round.year)
            await self._personal(context, {"type": "message", "text": text})
            return
        # Always the card, also before the period closed: jäv may be declared then; a score is refused on submission.
        card = score_card(nomination, self.deps.knowledge.prize, lang)
        await self._personal(context, {"type": "message", "attachments": [attachment(card)]})

    async def _score(self, context: TurnContext, action: JuryCardAction) -> None:
        activity = context.activity
        lang, jury, user = action.lang, self.deps.jury, aad_id(activity)
        if user is None or not jury.is_juror(user):
            await self.bot.say(context, t(lang, "teams.jury.refused"))
            return
        nomination = await self._nomination(action.nomination_id)
        try:
            if action.conflict_declared:
                declaration, removed = await jury.conflict(action.nomination_id, user, action.reason, lang)
                key = "jury.conflict_score_removed" if removed else "jury.conflict_declared"
                nomination_id = declaration.nomination_id
            else:
                values, errors = check_score_fields(action.inputs(), lang)
                if errors:
                    await self._score_card_again(context, action, nomination, errors=errors)
                    return
                comment = values.pop("comment")
                score, replaced = await jury.score(action.nomination_id, user, comment=comment, lang=lang, **values)
                key = "jury.rescored" if replaced else "jury.scored"
                nomination_id = score.nomination_id
        except JuryRefused as refused:
            await self._score_card_again(context, action, nomination, refusal=refused.message)
            return
        nominee = nomination.nominee if nomination else ""
        await self.bot.say(context, t(lang, key, nominee=nominee, id=nomination_id))
        await self.update_posts(nomination_id)

    async def _score_card_again(
        self,
        context: TurnContext,
        action: JuryCardAction,
        nomination: Nomination | None,
        *,
        errors: dict[str, str] | None = None,
        refusal: str | None = None,
    ) -> None:
        if nomination is None:  # nothing to show a card about: the refusal alone
            await self.bot.say(context, refusal or t(action.lang, "teams.jury.fix_errors"))
            return
        card = score_card(
            nomination, self.deps.knowledge.prize, action.lang, values=action.inputs(), errors=errors, refusal=refusal
        )
        await self.bot.send(context, {"type": "message", "attachments": [attachment(card)]})

    async def _decide(self, context: TurnContext, action: JuryCardAction) -> None:
        activity = context.activity
        lang = action.lang
        try:
            decision = await self.deps.jury.decide(action.winner, aad_id(activity) or "-", lang)
        except JuryRefused as refused:
            await self.bot.say(context, refused.message)
            return
        self.deps.outbox_ready.set()  # the announcement waits in the jury's messages
        nomination = await self.deps.store.nominations.get(decision.nomination_id)
        nominee = nomination.nominee if nomination else decision.nomination_id
        text = t(lang, "jury.decided", year=decision.round_year, nominee=nominee, id=decision.nomination_id)
        await self.bot.say(context, text)

    async def update_posts(self, nomination_id: str) -> None:
        """Each Teams jury post of the nomination, replaced with how many have assessed it now.

        Best effort: a post the connector does not take now shows the count after the next
        score (or edit) of the nomination; the score itself is stored already.
        """
        deps = self.deps
        nomination = await deps.store.nominations.get(nomination_id)
        service_url = deps.settings.teams_service_url
        if nomination is None or not service_url:
            return
        post = await jury_post_now(deps, nomination)
        posted = await deps.store.outbox.deliveries_for(nomination_id)
        for channel in deps.settings.teams_jury_channel_ids:
            if channel not in posted:
                continue
            try:
                await deps.connector.update_channel_post(service_url, channel, posted[channel].ts, post)
            except ConnectorError as error:
                log.warning("jury post %s in %s not updated: %s", nomination_id, channel, error)

    async def _nomination(self, nomination_id: str) -> Nomination | None:
        found = await self.deps.store.nominations.get(nomination_id.strip()) if nomination_id.strip() else None
        if found is None or found.round_year != self.deps.jury.round.year or found.status != "submitted":
            return None
        return found

    async def _personal(self, context: TurnContext, message: dict[str, Any]) -> None:
        activity = context.activity
        """To the sender alone: in this chat if it is a personal one, else in a new 1:1."""
        if activity.conversation.conversation_type in (None, "personal"):
            await self.bot.send(context, message)
            return
        service_url = activity.service_url or ""
        user = activity.from_property.id if activity.from_property else ""
        tenant = activity.conversation.tenant_id or self.deps.settings.teams_tenant_id
        conversation = await self.deps.connector.create_personal_chat(service_url, user, tenant)
        await self.deps.connector.reply(service_url, conversation, None, message)
