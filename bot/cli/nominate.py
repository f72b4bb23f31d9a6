"""``trygghetsbot nominate --file NOMINATION.json [--json]``: submit one nomination from a file.

The same rules as the dialog. Exit 0 and the new id on success; exit 1 with the
errors (field, criterion, message) when the nomination is refused; exit 2 when
the file or the database cannot be used. Nothing is stored on failure.

A retried import of the same file stores one nomination: the idempotency key
defaults to a hash of the file's content (``--key`` overrides it).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.cli.compose import build_service, open_settings_store
from bot.config import Settings
from bot.nominations.model import NominationInput, Nominator
from bot.nominations.rounds import UnknownRoundError
from bot.nominations.rules import FieldError, field_label
from bot.nominations.service import NominationError, SubmitResult
from bot.texts import t
from store import StoreError

EXIT_REJECTED = 1
EXIT_UNUSABLE = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("nominate", help="Skicka in en nominering från en JSON-fil.")
    parser.add_argument("--file", required=True, type=Path, help="Nomineringen som ett JSON-objekt.")
    parser.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")
    parser.add_argument("--key", help="Idempotensnyckel (standard: filens innehåll).")
    parser.set_defaults(func=run)


def pydantic_errors(error: ValidationError, lang: str = "sv") -> list[FieldError]:
    """Pydantic's errors as field errors with Swedish messages."""
    found: list[FieldError] = []
    for item in error.errors():
        parts = [str(part) for part in item["loc"] if not isinstance(part, int)]
        field = ".".join(parts) or "file"
        label_key = f"nom.field.{field}"
        try:
            label = field_label(field, lang)
        except KeyError:
            label = field
            label_key = ""
        if item["type"] == "missing" and label_key:
            message = t(lang, "nom.error.empty", field=label)
        else:
            message = t(lang, "nom.cli.bad_field", field=label, error=item["msg"])
        found.append(FieldError(field=field, message=message))
    return found


def read_input(path: Path) -> tuple[NominationInput | None, list[FieldError], str]:
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as error:
        return None, [FieldError(field="file", message=t("sv", "nom.cli.file_error", path=path, error=error))], ""
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, [FieldError(field="file", message=t("sv", "nom.cli.bad_json", path=path, error=error))], ""
    key = "file:" + hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    try:
        return NominationInput.model_validate(data), [], key
    except ValidationError as error:
        return None, pydantic_errors(error), key


def print_errors(errors: list[FieldError], as_json: bool) -> None:
    if as_json:
        print(json.dumps({"errors": [e.model_dump() for e in errors]}, ensure_ascii=False))
    else:
        for error in errors:
            print(error.message, file=sys.stderr)


async def submit(args: argparse.Namespace, settings: Settings, data: NominationInput, key: str) -> SubmitResult:
    store = await open_settings_store(settings)
    try:
        service = build_service(store, settings)
        nominator = Nominator(name=data.nominator.name, email=data.nominator.email)
        return await service.submit(data.content(), nominator, idempotency_key=args.key or key)
    finally:
        await store.aclose()


def run(args: argparse.Namespace, settings: Settings) -> int:
    data, errors, key = read_input(args.file)
    if data is None:
        print_errors(errors, args.json)
        return EXIT_UNUSABLE if errors[0].field == "file" else EXIT_REJECTED
    try:
        result = asyncio.run(submit(args, settings, data, key))
    except NominationError as error:
        print_errors(error.errors, args.json)
        return EXIT_REJECTED
    except (StoreError, UnknownRoundError) as error:
        key_name = "nom.cli.round_error" if isinstance(error, UnknownRoundError) else "nom.cli.store_error"
        print_errors([FieldError(field="store", message=t("sv", key_name, error=error))], args.json)
        return EXIT_UNUSABLE
    nomination = result.nomination
    if args.json:
        payload: dict[str, object] = {"id": nomination.id, "status": nomination.status}
        if nomination.duplicate_of:
            payload["duplicate_of"] = nomination.duplicate_of
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(t("sv", "nom.cli.created", id=nomination.id))
        if result.duplicate_of:
            print(t("sv", "nom.duplicate", nominee=nomination.nominee, other=result.duplicate_of.id), file=sys.stderr)
    return 0
