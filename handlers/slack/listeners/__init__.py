"""What Slack sends the app, one module per surface (as in bolt's starter template): messages and
App Home events, slash commands, button actions, modal submissions, and the jury's actions (with
:func:`~handlers.slack.listeners.jury_membership.is_jury_member`, who may take them)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from handlers.slack.deps import SlackDeps
from handlers.slack.listeners import actions, commands, events, jury_actions, view_submissions


def register_listeners(app: AsyncApp, deps: SlackDeps) -> None:
    for module in (commands, events, view_submissions, actions, jury_actions):
        module.register(app, deps)
