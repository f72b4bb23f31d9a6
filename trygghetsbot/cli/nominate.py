"""``trygghetsbot nominate --file NOMINATION.json [--json]``: submit one nomination from a file.

The same rules as the dialog and the forms (an e-mail address is optional there too). Exit 0 and
the new id on success; exit 1 with every error at once (field, criterion, message) when the
nomination is refused; exit 2 when
the file or the database cannot be used. Nothing is stored on failure.

A retried import of the same file stores one nomination and says it was already
submitted: the idempotency key defaults to a hash of the file's content (``--key``
overrides it). A key reused for other content is refused (exit 1), nothing stored.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.config import Settings
from bot.files import MEGABYTE, FileTooLarge, read_limited
from bot.nominations.model import NominationInput, Nominator
from bot.nominations.rounds import UnknownRoundError, round_error_text
from bot.nominations.rules import FieldError, Rules, field_label
from bot.nominations.service import NominationError, SubmitResult
from bot.texts import os_reason, t
from bot.validation import field_path, validation_message
from store import StoreError
from trygghetsbot.cli.output import printable
from trygghetsbot.compose import build_service, open_settings_store, settings_knowledge

# A nomination's fields together hold at most about 20 000 characters (bot/nominations/rules.py):
# well under a megabyte even with every character escaped. Nothing larger is read.
FILE_LIMIT = 1 * MEGABYTE
EXIT_REJECTED = 1
EXIT_UNUSABLE = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("nominate", help="Skicka in en nominering från en JSON-fil.")
    parser.add_argument("--file", required=True, type=Path, help="Nomineringen som ett JSON-objekt.")
    parser.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")
    parser.add_argument("--key", help="Idempotensnyckel (standard: filens innehåll).")
    parser.set_defaults(func=run)


def pydantic_errors(error: ValidationError, lang: str = "sv") -> list[FieldError]:
    """Pydantic's errors as field errors in ``lang`` (translated by error type, never pydantic's English)."""
    found: list[FieldError] = []
    for item in error.errors():
        parts = [str(part) for part in item["loc"] if not isinstance(part, int)]
        field = ".".join(parts) or "file"
        numbers = [part + 1 for part in item["loc"] if isinstance(part, int)]
        try:
            label = field_label(field, lang)
            known = True
        except KeyError:
            label = field_path(item["loc"]) or field
            known = False
        if numbers and known:
            label += "".join(f" nr {number}" for number in numbers)
        if item["type"] == "missing" and known:
            message = t(lang, "nom.error.empty", field=label)
        else:
            message = t(lang, "nom.cli.bad_field", field=label, error=validation_message(item, lang))
        found.append(FieldError(field=field, message=message))
    return found


def _file_error(key: str, path: Path, **values: object) -> list[FieldError]:
    return [FieldError(field="file", message=t("sv", key, path=path, **values))]


def read_input(path: Path, rules: Rules) -> tuple[NominationInput | None, list[FieldError], str]:
    try:
        raw = read_limited(path, FILE_LIMIT)
    except FileTooLarge:
        return None, _file_error("nom.cli.too_large", path, megabytes=FILE_LIMIT // MEGABYTE), ""
    except OSError as error:
        return None, _file_error("nom.cli.file_error", path, error=os_reason(error)), ""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, _file_error("nom.cli.bad_utf8", path), ""
    except json.JSONDecodeError as error:
        return None, _file_error("nom.cli.bad_json", path, line=error.lineno, column=error.colno), ""
    except RecursionError:
        return None, _file_error("nom.cli.too_deep", path), ""
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        return None, _file_error("nom.cli.too_long_number", path), ""
    # ensure_ascii: a lone surrogate ("\ud800") is hashed as its escape; the rules refuse it later.
    key = "file:" + hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    parsed, errors = check_input(data, rules)
    return parsed, errors, key


def check_input(data: object, rules: Rules) -> tuple[NominationInput | None, list[FieldError]]:
    """The file's nomination, or every reason it cannot be submitted in one answer.

    A value of the wrong type (pydantic) is reported together with what the rules say of the
    other fields, so a nominator fixes the file once, not a few errors per run. Without type
    errors the service checks the rules itself when it submits.
    """
    try:
        return NominationInput.model_validate(data), []
    except ValidationError as error:
        errors = pydantic_errors(error)
        if not isinstance(data, dict):
            return None, errors
        rest: object = copy.deepcopy(data)
        for item in error.errors():
            _remove(rest, item["loc"])
        try:
            others = NominationInput.model_validate(rest)
        except ValidationError:
            return None, errors
        nominator = Nominator(name=others.nominator.name, email=others.nominator.email)
        _, _, rule_errors = rules.nomination_errors(others.content(), nominator)
        # A field already refused for its type is not judged by the rules as well.
        refused = {found.field for found in errors}
        errors += [e for e in rule_errors if not any(e.field == f or e.field.startswith(f + ".") for f in refused)]
        return None, errors


def _remove(data: object, loc: tuple[int | str, ...]) -> None:
    """Drop the value at ``loc`` from nested dicts (a whole list for an item of it)."""
    *parents, last = [part for part in loc if isinstance(part, str)] or [""]
    for part in parents:
        data = data.get(part) if isinstance(data, dict) else None
    if isinstance(data, dict):
        data.pop(last, None)


def print_errors(errors: list[FieldError], as_json: bool) -> None:
    if as_json:
        print(printable(json.dumps({"errors": [e.model_dump() for e in errors]}, ensure_ascii=False)))
    else:
        for error in errors:
            print(printable(error.message), file=sys.stderr)


async def submit(args: argparse.Namespace, settings: Settings, data: NominationInput, key: str) -> SubmitResult:
    store = await open_settings_store(settings)
    try:
        service = build_service(store, settings)
        nominator = Nominator(name=data.nominator.name, email=data.nominator.email)
        return await service.submit(data.content(), nominator, idempotency_key=args.key or key)
    finally:
        await store.aclose()


def run(args: argparse.Namespace, settings: Settings) -> int:
    data, errors, key = read_input(args.file, Rules(settings_knowledge(settings).prize))
    if data is None:
        print_errors(errors, args.json)
        return EXIT_UNUSABLE if errors[0].field == "file" else EXIT_REJECTED
    try:
        result = asyncio.run(submit(args, settings, data, key))
    except NominationError as error:
        print_errors(error.errors, args.json)
        return EXIT_REJECTED
    except UnknownRoundError as error:
        print_errors([FieldError(field="round", message=round_error_text(error))], args.json)
        return EXIT_UNUSABLE
    except StoreError as error:
        print_errors([FieldError(field="store", message=t("sv", "nom.cli.store_error", error=error))], args.json)
        return EXIT_UNUSABLE
    nomination = result.nomination
    if args.json:
        payload: dict[str, object] = {"id": nomination.id, "status": nomination.status}
        if not result.created:
            payload["already_submitted"] = True
        if nomination.duplicate_of:
            payload["duplicate_of"] = nomination.duplicate_of
        print(json.dumps(payload, ensure_ascii=False))
    elif not result.created:
        print(t("sv", "nom.cli.already_submitted", id=nomination.id))
    else:
        print(t("sv", "nom.cli.created", id=nomination.id))
        if result.duplicate_of:
            print(t("sv", "nom.duplicate", nominee=nomination.nominee, other=result.duplicate_of.id), file=sys.stderr)
    return 0
