"""Help and the polite "not in my documents" answer."""

from __future__ import annotations

from bot.answering.query import Query


def help_(q: Query) -> None:
    q.reply.say("general.help")


def out_of_scope(q: Query) -> None:
    q.reply.not_found("general.out_of_scope")
