"""Settings from the environment and ``.env`` (pydantic-settings).

Every setting is documented in ``.env.example`` and the README. Start-up turns a
validation error into one line naming the setting (see :func:`load_settings`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from dotenv.parser import parse_stream
from pydantic import AliasChoices, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from rapidfuzz import fuzz, process

from bot.clock import STOCKHOLM, Clock, fixed_clock, system_clock
from bot.jury.roster import Roster
from bot.texts import os_reason, t
from bot.validation import validation_message

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
ENV_FILE = Path(".env")
# Reminders to jurors go out this many days before the jury's deadline.
DEFAULT_REMIND_DAYS = [7, 1]


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it in one line."""


def _split_ids(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    # An empty value means "not set", for every setting: ``.env.example`` copied to ``.env``
    # leaves many settings as ``NAME=``. ``env_ignore_empty`` lets a lower source (``.env``,
    # then the default) apply when the environment has ``NAME=``; :meth:`_blank_is_unset`
    # does the same for blank values from any other source (``NAME="  "``, keyword overrides).
    model_config = SettingsConfigDict(
        env_file=ENV_FILE, env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    # With both: install the app into any number of workspaces through Slack's OAuth flow.
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(default=None, validation_alias="SLACK_CLIENT_SECRET")
    slack_redirect_uri: str | None = Field(default=None, validation_alias="SLACK_REDIRECT_URI")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    # The bot's own user id; optional: learned from auth.test when Slack answers (handlers.slack.transport.identity).
    slack_bot_user_id: str | None = Field(default=None, validation_alias="SLACK_BOT_USER_ID")
    slack_api_url: str = Field(default=DEFAULT_SLACK_API_URL, validation_alias="SLACK_API_URL")
    # Microsoft Teams (handlers.teams): the Entra app registration, or anonymous mode for local tests.
    teams_app_id: str | None = Field(default=None, validation_alias="TEAMS_APP_ID")
    teams_app_password: str | None = Field(default=None, validation_alias="TEAMS_APP_PASSWORD")
    teams_tenant_id: str | None = Field(default=None, validation_alias="TEAMS_TENANT_ID")
    teams_allow_anonymous: bool = Field(default=False, validation_alias="TEAMS_ALLOW_ANONYMOUS")
    # Off by default: client app ids whose Entra tokens (from TEAMS_TENANT_ID only) are accepted
    # besides the Bot Framework's (see handlers.teams.auth).
    teams_entra_callers: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias="TEAMS_ENTRA_CALLERS"
    )
    # The connector base URL for proactive posts (the jury channels).
    teams_service_url: str | None = Field(default=None, validation_alias="TEAMS_SERVICE_URL")
    # URL prefixes the bot may send to besides Microsoft's connector hosts.
    teams_trusted_service_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias="TEAMS_TRUSTED_SERVICE_URLS"
    )
    teams_jury_channel_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias="TEAMS_JURY_CHANNEL_IDS"
    )
    jury_channel_ids: Annotated[list[str], NoDecode] = Field(default_factory=list, validation_alias="JURY_CHANNEL_IDS")
    jury_user_ids: Annotated[list[str], NoDecode] = Field(default_factory=list, validation_alias="JURY_USER_IDS")
    # Validated after jury_user_ids (field order), so the check below can see the jurors.
    jury_chair_id: str | None = Field(default=None, validation_alias="JURY_CHAIR_ID")
    # Decides a nomination on which the chair declared jäv (and only then); after the chair (field order).
    jury_deputy_chair_id: str | None = Field(default=None, validation_alias="JURY_DEPUTY_CHAIR_ID")
    jury_deadline: date | None = Field(default=None, validation_alias="TRYGGHETSBOT_JURY_DEADLINE")
    remind_days: Annotated[list[int], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_REMIND_DAYS), validation_alias="TRYGGHETSBOT_REMIND_DAYS"
    )
    db_path: Path = Field(
        default=Path("data") / "trygghetsbot.json",
        validation_alias=AliasChoices("TRYGGHETSBOT_DB"),
    )
    # Documents imported by `trygghetsbot knowledge import`; unset: a "knowledge" folder beside db_path.
    knowledge_dir: Path | None = Field(default=None, validation_alias="TRYGGHETSBOT_KNOWLEDGE_DIR")
    # A postgresql:// URL selects the PostgreSQL store; unset, the TinyDB file db_path is used.
    database_url: str | None = Field(default=None, validation_alias="TRYGGHETSBOT_DATABASE_URL")
    # How long a claimed outbox message stays its worker's without a renewal: a live worker renews
    # it three times per lease (however slow a send), so after a crash it is the longest wait
    # before another process takes the message over.
    outbox_lease_seconds: float = Field(default=15.0, gt=0, validation_alias="TRYGGHETSBOT_OUTBOX_LEASE_SECONDS")
    # The first retry's delay after a failed post; it doubles with each attempt (at most 15 minutes).
    outbox_retry_seconds: float = Field(default=2.0, gt=0, validation_alias="TRYGGHETSBOT_OUTBOX_RETRY_SECONDS")
    # Sent outbox messages older than this are deleted by the outbox worker (pending ones never).
    outbox_retention_days: float = Field(default=30.0, gt=0, validation_alias="TRYGGHETSBOT_OUTBOX_RETENTION_DAYS")
    # A caller of /healthz presenting this as a Bearer token gets the details (store, counts); unset: nobody.
    health_token: str | None = Field(default=None, min_length=16, validation_alias="TRYGGHETSBOT_HEALTH_TOKEN")
    now: datetime | None = Field(default=None, validation_alias="TRYGGHETSBOT_NOW")
    round_year: int | None = Field(default=None, validation_alias="TRYGGHETSBOT_ROUND")
    host: str = Field(default="0.0.0.0", validation_alias="TRYGGHETSBOT_HOST")
    port: int = Field(default=3000, ge=1, le=65535, validation_alias="PORT")
    # How long a writer waits for another process's database lock before it gives up.
    lock_wait: float = Field(default=10.0, ge=0, le=600, validation_alias="TRYGGHETSBOT_LOCK_WAIT")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, values: object) -> object:
        if isinstance(values, dict):
            return {key: value for key, value in values.items() if not (isinstance(value, str) and not value.strip())}
        return values

    @field_validator(
        "jury_channel_ids",
        "jury_user_ids",
        "teams_trusted_service_urls",
        "teams_jury_channel_ids",
        "teams_entra_callers",
        mode="before",
    )
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        return _split_ids(value)

    @field_validator("jury_chair_id", "jury_deputy_chair_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("jury_chair_id")
    @classmethod
    def _chair_is_a_juror(cls, value: str | None, info: ValidationInfo) -> str | None:
        jurors = info.data.get("jury_user_ids")
        # Any of a juror's ids names them (bot.jury.roster: ``U123=<Entra object id>``).
        if value is not None and (jurors is None or Roster.parse(jurors).juror(value) is None):
            raise ValueError(f"{value} finns inte i JURY_USER_IDS; ordföranden måste vara jurymedlem")
        return value

    @field_validator("jury_deputy_chair_id")
    @classmethod
    def _deputy_is_another_juror(cls, value: str | None, info: ValidationInfo) -> str | None:
        jurors = info.data.get("jury_user_ids")
        if value is not None and (jurors is None or value not in jurors):
            raise ValueError(f"{value} finns inte i JURY_USER_IDS; vice ordföranden måste vara jurymedlem")
        if value is not None and value == info.data.get("jury_chair_id"):
            raise ValueError(f"{value} är redan ordförande (JURY_CHAIR_ID); vice ordföranden är en annan jurymedlem")
        return value

    @field_validator("jury_deadline", mode="before")
    @classmethod
    def _blank_date(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("remind_days", mode="before")
    @classmethod
    def _days(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not parts:
                return list(DEFAULT_REMIND_DAYS)
            if not all(part.isdigit() for part in parts):
                raise ValueError("ska vara hela dagar före sista dagen, kommaseparerade, t.ex. 7,1")
            return sorted({int(part) for part in parts}, reverse=True)
        return value

    @field_validator("now", mode="before")
    @classmethod
    def _date_or_datetime(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            try:
                if len(text) == 10:
                    parsed = date.fromisoformat(text)
                    return datetime(parsed.year, parsed.month, parsed.day, 12, tzinfo=STOCKHOLM)
                moment = datetime.fromisoformat(text)
            except ValueError:
                raise ValueError(t("sv", "settings.bad_datetime")) from None
            return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _postgres_url(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            if not text.startswith(("postgresql://", "postgres://")):
                raise ValueError(t("sv", "settings.bad_postgres_url"))
            return text
        return value

    @field_validator("knowledge_dir")
    @classmethod
    def _a_folder(cls, value: Path | None) -> Path | None:
        # Checked here, not when a document is saved or read: the import would fail with a traceback
        # and a question would quietly be answered without the imported documents.
        if value is not None and value.exists() and not value.is_dir():
            raise ValueError(t("sv", "settings.knowledge_dir_file", path=value))
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _url_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(t("sv", "settings.bad_url"))
        return value if value.endswith("/") else value + "/"

    @field_validator("teams_service_url", "teams_trusted_service_urls")
    @classmethod
    def _http_urls(cls, value: str | list[str] | None) -> str | list[str] | None:
        for url in [value] if isinstance(value, str) else value or []:
            if not url.startswith(("http://", "https://")):
                raise ValueError(t("sv", "settings.bad_url"))
        return value

    @field_validator("teams_entra_callers")
    @classmethod
    def _entra_callers_need_tenant(cls, value: list[str], info: ValidationInfo) -> list[str]:
        # Declared after teams_tenant_id: Entra tokens are only ever accepted from the city's own tenant.
        if value and not info.data.get("teams_tenant_id"):
            raise ValueError(t("sv", "settings.teams_entra_without_tenant"))
        return value

    @field_validator("teams_allow_anonymous")
    @classmethod
    def _anonymous_only_without_app(cls, value: bool, info: ValidationInfo) -> bool:
        # Declared after teams_app_id, so the app id is known here.
        if value and info.data.get("teams_app_id"):
            raise ValueError(t("sv", "settings.teams_anonymous_with_app"))
        return value

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token) or self.slack_many_workspaces

    @property
    def slack_many_workspaces(self) -> bool:
        """Installed through OAuth into any number of workspaces (else one, by SLACK_BOT_TOKEN)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def teams_configured(self) -> bool:
        return bool(self.teams_app_id or self.teams_allow_anonymous)

    @property
    def platforms(self) -> list[str]:
        """The chat platforms this installation serves, each with its own jury posts in the outbox."""
        found = [name for name, on in (("slack", self.slack_configured), ("teams", self.teams_configured)) if on]
        return found or ["slack"]

    @property
    def knowledge_path(self) -> Path:
        return self.knowledge_dir or self.db_path.parent / "knowledge"

    def clock(self) -> Clock:
        return fixed_clock(self.now) if self.now else system_clock


def load_settings(**overrides: object) -> Settings:
    """Read settings; raise :class:`SettingsError` with one readable line on failure."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except UnicodeDecodeError:  # pydantic-settings reads .env as UTF-8
        raise SettingsError(t("sv", "settings.env_not_utf8", file=ENV_FILE)) from None
    except OSError as error:  # .env unreadable (no permission)
        raise SettingsError(t("sv", "settings.env_unreadable", file=ENV_FILE, reason=os_reason(error))) from None
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "?"
        alias = _ALIASES.get(name, name)
        raise SettingsError(t("sv", "settings.invalid", name=alias, message=validation_message(first))) from None


_ALIASES = {
    name: str(field.validation_alias) if isinstance(field.validation_alias, str) else name.upper()
    for name, field in Settings.model_fields.items()
}
_ALIASES["db_path"] = "TRYGGHETSBOT_DB"


# --- warnings about the settings' sources ----------------------------------------------------

# Names that belong to this application's settings, and so are checked for typos.
SETTING_PREFIXES = ("TRYGGHETSBOT_", "JURY_", "SLACK_", "TEAMS_")
# Names with those prefixes that are real without being settings of ours: the test suite's
# database, and what slack-bolt itself reads from the environment.
OTHER_KNOWN_NAMES = frozenset(
    {
        "TRYGGHETSBOT_TEST_DATABASE_URL",
        "SLACK_SCOPES",
        "SLACK_USER_SCOPES",
        "SLACK_INSTALL_PATH",
        "SLACK_REDIRECT_URI_PATH",
        "SLACK_VERIFICATION_TOKEN",
        "SLACK_INSTALLATION_S3_BUCKET_NAME",
        "SLACK_STATE_S3_BUCKET_NAME",
    }
)
SETTING_NAMES = frozenset(_ALIASES.values())
# How alike (rapidfuzz ratio, 0-100) an unknown name must be to a setting to count as its typo:
# TRYGGHETSBOT_DBB, JURY_CHANNELS and TEAMS_APPID score 87-97; unrelated names
# (SLACK_WEBHOOK_URL, JURY_ROOM) stay below it.
TYPO_SCORE = 80


class _DotenvParseWarning(logging.Filter):
    """python-dotenv's own warning about a line it cannot parse is English;
    :func:`settings_warnings` names the line in Swedish instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("python-dotenv could not parse")


logging.getLogger("dotenv.main").addFilter(_DotenvParseWarning())


def settings_warnings(environ: Mapping[str, str] | None = None, env_file: Path = ENV_FILE) -> list[str]:
    """What start-up should warn about: lines of ``.env`` that cannot be read, and names in the
    environment or ``.env`` that look like a misspelt setting (each with the setting it resembles)."""
    environ = os.environ if environ is None else environ
    warnings: list[str] = []
    names: list[tuple[str, str]] = [(name, t("sv", "settings.source.environment")) for name in environ]
    for line, name in _env_file_entries(env_file):
        if name is None:
            warnings.append(t("sv", "settings.env_bad_line", line=line, file=env_file))
        else:
            names.append((name, t("sv", "settings.source.file", file=env_file)))
    for name, source in names:
        meant = misspelt_setting(name)
        if meant is not None:
            warnings.append(t("sv", "settings.misspelt", name=name, source=source, meant=meant))
    return warnings


def misspelt_setting(name: str) -> str | None:
    """The setting ``name`` was probably meant to be, or ``None`` for a real or an unrelated name."""
    upper = name.upper()  # pydantic-settings matches names regardless of case
    if not upper.startswith(SETTING_PREFIXES) or upper in SETTING_NAMES or upper in OTHER_KNOWN_NAMES:
        return None
    found = process.extractOne(upper, SETTING_NAMES, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
    return found[0] if found else None


def _env_file_entries(env_file: Path) -> list[tuple[int, str | None]]:
    """Each statement of ``env_file`` as (line number, name), the name ``None`` where it cannot be parsed."""
    try:
        with env_file.open(encoding="utf-8") as stream:
            return [
                (binding.original.line, None if binding.error else binding.key)
                for binding in parse_stream(stream)
                if binding.error or binding.key
            ]
    except (OSError, UnicodeDecodeError):  # no .env (the usual case), or one pydantic-settings reports itself
        return []
