"""The composition root: settings -> store, round, services, the core, and each adapter's app.

The core never opens the store itself; this is the one place that knows the
store package, the database (``TRYGGHETSBOT_DATABASE_URL`` for PostgreSQL, else the
TinyDB file ``TRYGGHETSBOT_DB``), the clock
(``TRYGGHETSBOT_NOW``) and the round (``TRYGGHETSBOT_ROUND``, else the one in use on
the clock's day).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any

from bot.answering import Answerer
from bot.config import Settings
from bot.conversation import ConversationRouter
from bot.core import Core
from bot.jury.service import JuryService
from bot.knowledge import KnowledgeBase, knowledge_in
from bot.knowledge.models import Round
from bot.nominations.dialog import NominationDialog
from bot.nominations.ports import DialogRepository
from bot.nominations.rounds import current_round, local_day
from bot.nominations.service import NominationService
from store import DEFAULT_TENANT, Store, open_store_async

if TYPE_CHECKING:  # aiohttp is imported by the commands that serve, not by every command
    from aiohttp import web

    from handlers.web import StoreOpener


def settings_knowledge(settings: Settings) -> KnowledgeBase:
    """The shipped documents and those imported into the settings' knowledge folder.

    Raises :class:`bot.knowledge.KnowledgeError` when an imported file is unusable.
    """
    return knowledge_in(settings.knowledge_path)


def settings_round(settings: Settings, round_year: int | None = None) -> Round:
    """The round ``round_year`` or ``TRYGGHETSBOT_ROUND`` names, else the one in use on the clock's day
    (``TRYGGHETSBOT_NOW`` pins it): the round whose period holds it, else the latest that has opened,
    else the earliest to come.

    Raises :class:`bot.nominations.rounds.UnknownRoundError` for an unknown year.
    """
    prize = settings_knowledge(settings).prize
    return current_round(prize, round_year or settings.round_year, local_day(settings.clock()()))


def store_opener(settings: Settings) -> StoreOpener:
    """How the platforms open a tenant's store (the default one, and each Slack workspace's own TinyDB
    file when many are served): the store the settings select, on the settings' clock. A server does
    not wait for another writer's lock (``TRYGGHETSBOT_LOCK_WAIT`` is for the commands)."""

    async def open_tenant(tenant: str = DEFAULT_TENANT) -> Store:
        return await open_store_async(settings, tenant=tenant, clock=settings.clock())

    return open_tenant


async def open_settings_store(
    settings: Settings, *, read_only: bool = False, tenant: str = DEFAULT_TENANT, lock_wait: float | None = None
) -> Store:
    """The store the settings select (PostgreSQL or TinyDB), bound to ``tenant``; raises ``StoreError``.

    ``lock_wait``: how long a TinyDB writer waits for another process's lock (default: the settings').
    """
    wait = settings.lock_wait if lock_wait is None else lock_wait
    return await open_store_async(settings, tenant=tenant, read_only=read_only, clock=settings.clock(), lock_wait=wait)


def build_service(store: Store, settings: Settings) -> NominationService:
    return NominationService(
        store.nominations,
        settings_knowledge(settings).prize,
        settings_round(settings),
        settings.clock(),
        platforms=settings.platforms,
    )


def build_router(
    store: Store,
    settings: Settings,
    answer_contexts: MutableMapping[str, dict[str, Any]] | None = None,
    *,
    conversations: DialogRepository | None = None,
    service: NominationService | None = None,
) -> ConversationRouter:
    """The conversation router over ``store``: what every chat surface talks to; its dialog uses
    ``service`` (a new one over ``store`` when not given).

    ``conversations``: where the conversations are kept instead of ``store.dialogs`` (the console's
    script mode keeps its own in memory).
    """
    service = service or build_service(store, settings)
    return ConversationRouter(
        answerer=Answerer(settings_knowledge(settings), settings.clock()),
        dialog=NominationDialog(service),
        conversations=store.dialogs if conversations is None else conversations,
        clock=settings.clock(),
        answer_contexts=answer_contexts,
    )


def build_jury_service(store: Store, settings: Settings, round_year: int | None = None) -> JuryService:
    """The jury over ``store``: jurors, chair, deadline and reminder days from the settings.

    ``round_year`` overrides the settings' round (``jury ranking --round``); raises
    :class:`bot.nominations.rounds.UnknownRoundError` for an unknown year.
    """
    round_ = settings_round(settings, round_year)
    return JuryService(
        store.jury,
        store.nominations,
        round_,
        settings.clock(),
        jurors=settings.jury_user_ids,
        chair=settings.jury_chair_id,
        deputy=settings.jury_deputy_chair_id,
        deadline=settings.jury_deadline,
        remind_days=settings.remind_days,
    )


def core_factory(settings: Settings) -> Callable[[Store], Core]:
    """What an adapter calls to build the core (conversation router, jury) over the store it opened."""

    def make(store: Store) -> Core:
        # One nomination service: the one the router's dialog uses serves the platforms' forms too.
        service = build_service(store, settings)
        return Core(
            router=build_router(store, settings, service=service),
            nominations=service,
            jury=build_jury_service(store, settings),
            knowledge=settings_knowledge(settings),
        )

    return make


def serve_app(settings: Settings) -> web.Application:
    """``trygghetsbot serve``'s aiohttp app: the store the settings select, ``/healthz``, and every
    configured platform, each handed the core factory (Slack also the one for another
    workspace's settings)."""
    from handlers.web import create_app

    app = create_app(settings, open_store=store_opener(settings))
    make_core = core_factory(settings)
    if settings.slack_configured:
        from handlers.slack.transport import server as slack_server

        slack_server.install(app, settings, make_core=make_core, make_core_for=core_factory)
    if settings.teams_configured:
        from handlers.teams import server as teams_server

        teams_server.install(app, settings, make_core=make_core)
    return app
