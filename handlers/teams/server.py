"""Teams on the shared aiohttp app (handlers.web): ``POST /api/messages`` and the jury worker.

A request is checked before anything else: the token (401 when missing, malformed, expired,
signed by someone else or for another app; the SDK's validator), then the body, parsed into the
SDK's :class:`Activity` (a body that is not an activity, JSON nested too deep included, is a 400,
never a 500, logged in one line), then the caller: an accepted issuer whose token names this
activity's ``serviceUrl``, and a ``serviceUrl`` the bot may send to (401 otherwise; see
:mod:`handlers.teams.auth`). The turn itself runs after the response, so a slow connector never
delays Teams.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from microsoft_agents.activity import Activity
from pydantic import ValidationError

from bot.config import Settings
from handlers.logtext import one_line
from handlers.outbox_worker import DEFAULT_TIMING, WorkerTiming
from handlers.teams.activities import TeamsBot, TeamsDeps
from handlers.teams.auth import InboundAuth, Unauthorized, token_source
from handlers.teams.connector import Connector, http_session
from handlers.teams.delivery import TeamsJuryNotifier
from handlers.teams.jury_delivery import TeamsJuryMessenger
from handlers.teams.routes import TeamsApp
from handlers.teams.urls import TrustedServiceUrls
from handlers.web import HEALTH, STORE, CoreFactory

log = logging.getLogger(__name__)

TEAMS_BOT = web.AppKey("teams_bot", TeamsBot)
TEAMS_NOTIFIER = web.AppKey("teams_notifier", TeamsJuryNotifier)
ROUTE = "/api/messages"


class BadActivity(Exception):
    pass


class _OneLineRefusals(logging.Filter):
    """Drops the SDK's own ERROR (with a traceback) for a body that is not an activity: the
    server refuses it with a 400 and logs that in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Validation error for Activity")


logging.getLogger("microsoft_agents.activity.activity").addFilter(_OneLineRefusals())


def parse_activity(raw: bytes) -> Activity:
    try:
        activity = Activity.model_validate(json.loads(raw))
    except ValidationError as error:
        field = ".".join(str(part) for part in error.errors()[0]["loc"]) if error.errors() else "?"
        raise BadActivity(
            f"not an activity ({field[:80]}: {error.errors()[0]['type'] if error.errors() else '?'})"
        ) from None
    except (ValueError, RecursionError) as error:  # JSONDecodeError, UnicodeDecodeError; JSON nested too deep
        raise BadActivity(f"not JSON ({type(error).__name__})") from None
    if not activity.type or not activity.conversation or not activity.service_url:
        raise BadActivity("an activity needs type, conversation.id and serviceUrl")
    return activity


def install(
    web_app: web.Application,
    settings: Settings,
    *,
    make_core: CoreFactory,
    timing: WorkerTiming = DEFAULT_TIMING,
    jury_check_seconds: float = 60.0,
) -> None:
    """``jury_check_seconds``: how often due reminders and the digest are looked for."""
    auth = InboundAuth.from_settings(settings)
    trusted = TrustedServiceUrls(settings.teams_trusted_service_urls)

    async def teams_context(app: web.Application) -> AsyncIterator[None]:
        store = app[STORE]
        session = http_session()
        core = make_core(store)
        deps = TeamsDeps(
            settings=settings,
            knowledge=core.knowledge,
            store=store,
            router=core.router,
            service=core.nominations,
            connector=Connector(session, trusted, token_source(settings)),
            jury=core.jury,
        )
        app[TEAMS_BOT] = TeamsApp(deps)
        messenger = TeamsJuryMessenger(deps, check_seconds=jury_check_seconds)
        notifier = TeamsJuryNotifier(deps, timing, also=messenger.run_round)
        app[TEAMS_NOTIFIER] = notifier
        async with deps.serving(notifier, session):
            yield

    async def messages(request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            claims = await auth.check(request.headers)
            activity = parse_activity(raw)
            auth.authorize(claims, activity.service_url or "")
            if not trusted(activity.service_url or ""):
                raise Unauthorized(f"serviceUrl {(activity.service_url or '')[:200]!r} is not trusted")
        except Unauthorized as refused:
            log.warning("refused a Teams request (401): %s", one_line(refused))
            return web.json_response({"error": "unauthorized"}, status=401)
        except BadActivity as bad:
            log.warning("refused a Teams request (400): %s", one_line(bad))
            return web.json_response({"error": "bad activity"}, status=400)
        bot = request.app[TEAMS_BOT]
        bot.deps.tasks.spawn(bot.on_activity(activity))
        return web.Response(status=200 if activity.type == "invoke" else 202)

    web_app.cleanup_ctx.append(teams_context)
    web_app[HEALTH].append(lambda app: {"teams": True})
    web_app.router.add_post(ROUTE, messages)
