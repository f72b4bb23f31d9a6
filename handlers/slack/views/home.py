"""App Home: the user's own nominations, the period, example questions, and the jury's view."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.nominations.rounds import local_day
from bot.texts import format_date, t, t_count
from handlers.slack.deps import SlackDeps, slack_nominator
from handlers.slack.listeners.jury_membership import is_jury_member
from handlers.slack.views.blocks import home_view
from handlers.slack.views.jury import jury_home_blocks


async def publish_home(client: AsyncWebClient, deps: SlackDeps, user_id: str) -> None:
    """App Home in the language the user last wrote to the bot in (Swedish until then)."""
    lang = await deps.languages.of(user_id)
    service = deps.service
    round_ = service.round
    closed = service.period_message(lang)
    if closed:
        period_text = t(lang, "slack.home.period_closed", message=closed)
    else:
        days = (round_.nomination_closes - local_day(deps.clock())).days + 1  # the closing day counts
        closes = format_date(round_.nomination_closes, lang)
        period_text = t_count(lang, "slack.home.period_open", days, year=round_.year, closes=closes)
    mine = await service.list_own(slack_nominator(user_id))
    jury_text = None
    if await is_jury_member(client, deps.settings, user_id):
        submitted = await deps.store.nominations.list(round_year=round_.year, statuses=("submitted",))
        channels = ", ".join(f"<#{channel}>" for channel in deps.settings.jury_channel_ids) or "–"
        jury_text = t_count(lang, "slack.home.jury", len(submitted), channels=channels)
    jury_blocks = None
    if deps.jury.is_juror(user_id):
        # Scores and the ranking are for the jurors' eyes only (JURY_USER_IDS), checked here on every publish.
        ranking = await deps.jury.ranking(user_id, lang)
        closed_reason = await deps.jury.scoring_closed_reason(lang)
        # The chair's (or, where the chair declared jäv, the deputy's) choices, as the core allows them.
        decidable = await deps.jury.decidable(user_id)
        juror = deps.jury.juror(user_id) or user_id  # the records' name for them (bot.jury.roster)
        jury_blocks = jury_home_blocks(ranking, juror, decidable=decidable, closed_reason=closed_reason, lang=lang)
    view = home_view(
        lang=lang,
        period_text=period_text,
        nominations=mine,
        example_questions=t(lang, "slack.home.example_questions").split("|"),
        jury_text=jury_text,
        jury_blocks=jury_blocks,
    )
    await client.views_publish(user_id=user_id, view=view)
