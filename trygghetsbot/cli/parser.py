"""argparse in Swedish: headings, the help option and the error messages.

argparse writes English ("usage:", "options", "the following arguments are
required"). The formatter translates the headings; the parser adds its own
``-h/--help`` and turns argparse's error messages into catalog texts by pattern.
A message no pattern knows becomes a general Swedish line, never English.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from bot.texts import t

LANG = "sv"

_HEADINGS = {
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "optional arguments": "cli.argparse.options",
}

# argparse's message patterns -> text keys; named groups fill the text.
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (?P<names>.+)$"), "cli.argparse.required"),
    (re.compile(r"^unrecognized arguments: (?P<names>.+)$"), "cli.argparse.unrecognized"),
    (
        re.compile(r"^argument (?P<name>[^:]+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$"),
        "cli.argparse.invalid_choice",
    ),
    (re.compile(r"^argument (?P<name>[^:]+): expected one argument$"), "cli.argparse.expected_one"),
    (
        re.compile(r"^argument (?P<name>[^:]+): invalid (?P<type>\w+) value: (?P<value>.+)$"),
        "cli.argparse.invalid_value",
    ),
    (re.compile(r"^argument (?P<name>[^:]+): ignored explicit argument (?P<value>.+)$"), "cli.argparse.ignored"),
    (re.compile(r"^ambiguous option: (?P<name>\S+) could match (?P<choices>.+)$"), "cli.argparse.ambiguous"),
]


def translate_error(message: str) -> str:
    for pattern, key in _ERRORS:
        match = pattern.match(message)
        if match:
            return t(LANG, key, **match.groupdict())
    return t(LANG, "cli.argparse.other")


class SwedishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, t(LANG, "cli.argparse.usage") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        key = _HEADINGS.get(heading or "")
        super().start_section(t(LANG, key) if key else heading)


class SwedishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose every text is Swedish; subcommand parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SwedishHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # argparse's own -h has English help
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help=t(LANG, "cli.argparse.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t(LANG, "cli.argparse.error", prog=self.prog, message=translate_error(message)) + "\n")
