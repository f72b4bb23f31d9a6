"""``trygghetsbot`` with the Teams routes on the Agents SDK's ``AgentApplication`` (for
bench/teams_turn.py, which measures it beside the bot as shipped, in the same run).

The same routes (``TeamsApp.routes``) are registered as the application's routes, in order, and
replies go through ``TurnContext.send_activity``, the SDK's way; the transport (the server, the
checks, ``ConnectorAdapter`` over the shared session) is the bot's own. The message's text is read
once per turn, as the bot does, so the difference measured is the SDK's layer alone.

    python bench/_teams_sdk_layer.py serve --port 3000
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from microsoft_agents.activity import Activity  # noqa: E402
from microsoft_agents.hosting.core import (  # noqa: E402
    AgentApplication,
    ChannelAdapter,
    MemoryStorage,
    TurnContext,
    TurnState,
)

from handlers.teams import server  # noqa: E402
from handlers.teams.activities import MAX_MESSAGE_CHARS, TeamsDeps, message_text  # noqa: E402
from handlers.teams.routes import Route, TeamsApp  # noqa: E402
from trygghetsbot.cli import main  # noqa: E402

TEXT = "trygghetsbot.text"


class NoConnections:
    """No OAuth connections: the bot signs no user in (AgentApplication requires a manager)."""

    def __getattr__(self, name: str) -> Any:
        raise KeyError(name)


class SdkRoutedApp(TeamsApp):
    def __init__(self, deps: TeamsDeps, adapter: ChannelAdapter | None = None) -> None:
        super().__init__(deps, adapter)
        self.application = AgentApplication[TurnState](
            storage=MemoryStorage(),
            connection_manager=NoConnections(),
            start_typing_timer=False,
            remove_recipient_mention=False,  # the routes read mentions themselves (message_text)
        )
        for route in self.routes:
            self.application.add_route(self._selector(route), self._handler(route))

    @staticmethod
    def _selector(route: Route) -> Any:
        return lambda context: route.matches(context.activity, context.turn_state[TEXT])

    @staticmethod
    def _handler(route: Route) -> Any:
        async def handle(context: TurnContext, state: TurnState) -> None:
            await route.handle(context)

        return handle

    async def _turn(self, context: TurnContext) -> None:
        activity = context.activity
        context.turn_state[TEXT] = message_text(activity) if len(activity.text or "") <= MAX_MESSAGE_CHARS else ""
        await self.application.on_turn(context)

    async def send(self, context: TurnContext, reply: dict[str, Any]) -> None:
        await context.send_activity(Activity.model_validate(reply))


server.TeamsApp = SdkRoutedApp  # type: ignore[misc]

if __name__ == "__main__":
    sys.exit(main())
