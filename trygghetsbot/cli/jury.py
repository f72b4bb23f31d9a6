"""``trygghetsbot jury score|conflict|ranking|decide|remind|export``: the jury's work.

Every command but ``remind`` names the acting juror with ``--juror`` (an id in
``JURY_USER_IDS``); the rules are in :mod:`bot.jury.service`. Exit codes: 0 done;
1 refused (one line on stderr saying why, and ``{"error": ...}`` on stdout with
``--json``); 2 the database or the round cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from bot.config import Settings
from bot.jury.export import export_bytes, export_data
from bot.jury.model import ConflictDeclaration, ScoreSet, score_value
from bot.jury.service import JuryRefused, JuryService, RankingView, Reminder, count_nominations
from bot.nominations.rounds import UnknownRoundError, round_error_text
from bot.texts import format_date, format_decimal, os_reason, t, t_count
from store import Store, StoreError
from store.tenant_settings import tenant_settings
from trygghetsbot.cli.output import write_export
from trygghetsbot.cli.tenant import tenant_argument
from trygghetsbot.compose import build_jury_service, open_settings_store

EXIT_REFUSED = 1
EXIT_UNUSABLE = 2
T = TypeVar("T")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("jury", help="Juryns arbete: bedöma, anmäla jäv, rankning, utse vinnare.")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)

    score = actions.add_parser("score", help="Bedöm en nominering (en bedömning per jurymedlem; ny ersätter).")
    score.add_argument("id", metavar="ID", help="Nomineringens id.")
    _juror(score)
    score.add_argument("--collaboration", required=True, metavar="yes|no", help="Samverkan uppfylld?")
    score.add_argument("--added-value", required=True, metavar="yes|no", help="Mervärde uppfyllt?")
    score.add_argument("--innovation", required=True, metavar="N", help="Innovativ och nyskapande, 1–5.")
    score.add_argument("--inspiration", required=True, metavar="N", help="Kan inspirera andra, 1–5.")
    score.add_argument("--results", required=True, metavar="N", help="Visar goda resultat, 1–5.")
    score.add_argument("--comment", help="Kommentar (bara för juryn).")
    _json(score)
    score.set_defaults(func=run_score)

    conflict = actions.add_parser("conflict", help="Anmäl jäv för en nominering.")
    conflict.add_argument("id", metavar="ID", help="Nomineringens id.")
    _juror(conflict)
    conflict.add_argument("--reason", help="Skäl (valfritt).")
    _json(conflict)
    conflict.set_defaults(func=run_conflict)

    ranking = actions.add_parser("ranking", help="Rankningen och vad som återstår att bedöma.")
    _juror(ranking)
    ranking.add_argument("--round", type=int, help="Omgång (år); standard: aktuell omgång.")
    _json(ranking)
    ranking.set_defaults(func=run_ranking)

    decide = actions.add_parser("decide", help="Utse vinnaren (bara ordföranden).")
    decide.add_argument("id", metavar="ID", help="Nomineringens id.")
    _juror(decide)
    _json(decide)
    decide.set_defaults(func=run_decide)

    remind = actions.add_parser("remind", help="Påminn jurymedlemmar om nomineringar de inte har bedömt.")
    remind.add_argument("--dry-run", action="store_true", help="Visa bara vem som skulle få vad.")
    tenant_argument(remind)
    remind.set_defaults(func=run_remind)

    export = actions.add_parser("export", help="Exportera bedömningar, jäv, beslut och logg (bara för juryn).")
    _juror(export)
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--out", type=Path, help="Fil att skriva till (standard: skärmen).")
    export.add_argument("--round", type=int, help="Omgång (år); standard: aktuell omgång.")
    export.set_defaults(func=run_export)


def _juror(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--juror", required=True, metavar="J", help="Jurymedlemmens id (i JURY_USER_IDS).")
    tenant_argument(parser)


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")


def _run(
    args: argparse.Namespace,
    settings: Settings,
    work: Callable[[JuryService, Settings], Awaitable[T]],
    *,
    read_only: bool = False,
    round_year: int | None = None,
) -> tuple[int, T | None]:
    return _run_on_store(
        args, settings, lambda jury, served, _store: work(jury, served), read_only=read_only, round_year=round_year
    )


def _run_on_store(
    args: argparse.Namespace,
    settings: Settings,
    work: Callable[[JuryService, Settings, Store], Awaitable[T]],
    *,
    read_only: bool = False,
    round_year: int | None = None,
) -> tuple[int, T | None]:
    """:func:`_run` for work that needs the store too."""

    async def go() -> T:
        # Read-only opens take no lock and create no file (a missing database reads as empty).
        store = await open_settings_store(settings, read_only=read_only, tenant=args.tenant)
        try:
            # The workspace's jurors, chair and channels in the database (the default's: else the environment's).
            served = await tenant_settings(settings, store)
            return await work(build_jury_service(store, served, round_year), served, store)
        finally:
            await store.aclose()

    as_json = bool(getattr(args, "json", False))
    try:
        return 0, asyncio.run(go())
    except JuryRefused as refused:
        _fail(refused.message, as_json)
        return EXIT_REFUSED, None
    except UnknownRoundError as error:
        # The round's own message is the whole line ("Ogiltig nomineringsomgång: …").
        _fail(round_error_text(error), as_json)
    except StoreError as error:
        _fail(t("sv", "jury.cli.store_error", error=error), as_json)
    return EXIT_UNUSABLE, None


def _fail(message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    print(message, file=sys.stderr)


def _print_json(payload: object) -> None:
    print(json.dumps(payload, ensure_ascii=False))


# --- commands ----------------------------------------------------------------------


def run_score(args: argparse.Namespace, settings: Settings) -> int:
    async def act(jury: JuryService) -> tuple[ScoreSet, bool]:
        return await jury.score(
            args.id,
            args.juror,
            collaboration=args.collaboration,
            added_value=args.added_value,
            innovation=args.innovation,
            inspiration=args.inspiration,
            results=args.results,
            comment=args.comment,
        )

    return _act_on_nomination(
        args,
        settings,
        act,
        lambda score, replaced: {"value": float(score_value(score)), "replaced": replaced},
        lambda replaced: "jury.rescored" if replaced else "jury.scored",
    )


def run_conflict(args: argparse.Namespace, settings: Settings) -> int:
    async def act(jury: JuryService) -> tuple[ConflictDeclaration, bool]:
        return await jury.conflict(args.id, args.juror, args.reason)

    return _act_on_nomination(
        args,
        settings,
        act,
        lambda _, removed: {"score_removed": removed},
        lambda removed: "jury.conflict_score_removed" if removed else "jury.conflict_declared",
    )


def _act_on_nomination(
    args: argparse.Namespace,
    settings: Settings,
    act: Callable[[JuryService], Awaitable[tuple[ScoreSet | ConflictDeclaration, bool]]],
    json_fields: Callable[[dict[str, Any], bool], dict[str, Any]],
    text_key: Callable[[bool], str],
) -> int:
    """A juror's record on one nomination (a score, a conflict) and whether it replaced or removed
    one: printed as JSON with ``json_fields``, or as the ``text_key`` sentence naming the nominee."""

    async def work(jury: JuryService, served: Settings) -> tuple[dict[str, Any], bool, str]:
        record, flag = await act(jury)
        nomination = await jury.nominations.get(record.nomination_id)
        return record.model_dump(mode="json"), flag, nomination.nominee if nomination else ""

    code, result = _run(args, settings, work)
    if result is None:
        return code
    record, flag, nominee = result
    if args.json:
        _print_json({**record, **json_fields(record, flag)})
    else:
        print(t("sv", text_key(flag), nominee=nominee, id=record["nomination_id"]))
    return 0


def print_ranking(view: RankingView) -> None:
    print(t("sv", "jury.ranking.header", year=view.round_year, nominations=count_nominations(len(view.ranking))))
    if not view.ranking:
        print(t("sv", "jury.ranking.none", year=view.round_year))
    for place, r in enumerate(view.ranking, 1):
        if r.nomination_id == view.winner:
            print(t("sv", "jury.ranking.winner", nominee=r.nominee, id=r.nomination_id))
        eligible = {True: "yes", False: "no", None: "unknown"}[r.eligible]
        score = t("sv", "jury.ranking.no_score") if r.score is None else format_decimal(float(r.score), "sv")
        print(
            t(
                "sv",
                "jury.ranking.item",
                place=place,
                nominee=r.nominee,
                id=r.nomination_id,
                score=score,
                scored_by=r.scored_by,
                conflicts=r.conflicts,
                eligible=t("sv", f"jury.eligible.{eligible}"),
            )
        )
    for juror, ids in view.missing.items():
        print(t("sv", "jury.ranking.missing", juror=juror, ids=", ".join(ids)))
    if view.ranking and not view.missing and view.winner is None and not view.scoring_over:
        print(t("sv", "jury.ranking.all_done"))


def run_ranking(args: argparse.Namespace, settings: Settings) -> int:
    async def work(jury: JuryService, served: Settings) -> RankingView:
        return await jury.ranking(args.juror)

    code, view = _run(args, settings, work, read_only=True, round_year=args.round)
    if view is None:
        return code
    if args.json:
        _print_json(view.to_json())
    else:
        print_ranking(view)
    return 0


def run_decide(args: argparse.Namespace, settings: Settings) -> int:
    async def work(jury: JuryService, served: Settings) -> tuple[dict[str, Any], str]:
        decision = await jury.decide(args.id, args.juror)
        nomination = await jury.nominations.get(decision.nomination_id)
        return decision.model_dump(mode="json"), nomination.nominee if nomination else ""

    code, result = _run(args, settings, work)
    if result is None:
        return code
    decision, nominee = result
    if args.json:
        payload = {"round": decision["round_year"], "winner": decision["nomination_id"], "nominee": nominee}
        _print_json({**payload, "chair": decision["chair"], "at": decision["at"]})
    else:
        print(t("sv", "jury.decided", year=decision["round_year"], nominee=nominee, id=decision["nomination_id"]))
    return 0


def _reminder_line(reminder: Reminder) -> str:
    return t(
        "sv",
        "jury.reminder.line",
        juror=reminder.juror,
        nominations=count_nominations(len(reminder.nominations)),
        days=t_count("sv", "fmt.days", reminder.days_before),
        deadline=format_date(reminder.deadline, "sv"),
        ids=", ".join(f"{n.id} ({n.nominee})" for n in reminder.nominations),
    )


def run_remind(args: argparse.Namespace, settings: Settings) -> int:
    async def work(jury: JuryService, served: Settings, store: Store) -> tuple[list[tuple[Reminder, bool]], str]:
        deadline = format_date(jury.deadline, "sv")
        if args.dry_run:
            return [(r, True) for r in await jury.due_reminders()], deadline
        done = await jury.send_reminders()
        if served.slack_bot_token:
            await _send_now(jury, served, store)
        return done, deadline

    code, result = _run_on_store(args, settings, work, read_only=args.dry_run)
    if result is None:
        return code
    done, deadline = result
    if not done:
        print(t("sv", "jury.reminder.none", deadline=deadline))
    for reminder, recorded in done:
        key = (
            "jury.reminder.would_send"
            if args.dry_run
            else "jury.reminder.sent"
            if recorded
            else "jury.reminder.already"
        )
        print(t("sv", key, line=_reminder_line(reminder)))
    return 0


async def _send_now(jury: JuryService, settings: Settings, store: Store) -> None:
    """With Slack configured, the queued jury messages go out now (each exactly once, as the
    server would send them); without it, or when Slack fails, the running server sends them.
    With Teams configured too, the server's Teams sender sends them there."""
    import aiohttp
    from slack_sdk.errors import SlackApiError

    from handlers.jury_messages import JuryDeliveries
    from handlers.slack.delivery.jury_messages import send_jury_message
    from handlers.slack.transport.client import build_outbox_client, http_session

    async with http_session() as http:
        client = build_outbox_client(settings, http)
        deliveries = JuryDeliveries(store, settings.platforms)
        for message in await jury.repository.messages(jury.round.year, pending_only=True):
            if not await jury.still_due(message):
                continue  # a reminder queued before the decision or the deadline
            try:
                await send_jury_message(client, deliveries, settings.jury_channel_ids, message, jury.roster)
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
                print(t("sv", "jury.reminder.send_later", error=type(error).__name__), file=sys.stderr)
                return


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    async def work(jury: JuryService, served: Settings) -> dict[str, Any]:
        state = await jury.state(args.juror)
        ranking = await jury.ranking(args.juror)
        audit = await jury.audit(args.juror)
        nominations = await jury.nominations.list(round_year=jury.round.year)
        return export_data(state, ranking, audit, nominations)

    code, data = _run(args, settings, work, read_only=True, round_year=args.round)
    if data is None:
        return code
    error = write_export(export_bytes(data, args.format), args.out)
    if error is not None:
        print(t("sv", "jury.cli.file_error", path=args.out, error=os_reason(error)), file=sys.stderr)
        return EXIT_UNUSABLE
    if args.out is not None:
        print(t("sv", "jury.cli.exported", path=args.out), file=sys.stderr)
    return 0
