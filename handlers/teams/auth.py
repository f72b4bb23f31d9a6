"""Who may talk to the bot, and the bot's own tokens: the SDK's JWT validation and MSAL.

Incoming activities carry ``Authorization: Bearer <JWT>`` signed by the Bot Framework (or Entra)
for our app id; the SDK's :class:`JwtTokenValidator` checks the signature against the issuer's
published keys, the audience (``TEAMS_APP_ID``) and the tenant binding. Missing, malformed,
foreign or expired tokens are refused (401). ``TEAMS_ALLOW_ANONYMOUS`` (local development and
tests, never with an app id) accepts activities without a token.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import urlsplit

from jwt import PyJWTError
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity, JwtTokenValidator

from bot.config import Settings
from handlers.teams.connector import TokenSource

log = logging.getLogger(__name__)


class Unauthorized(Exception):
    """The request's token is missing or not valid for this bot (the reason is logged, never sent)."""


def auth_configuration(settings: Settings) -> AgentAuthConfiguration:
    if settings.teams_app_id:
        return AgentAuthConfiguration(
            client_id=settings.teams_app_id,
            tenant_id=settings.teams_tenant_id,
            client_secret=settings.teams_app_password,
        )
    return AgentAuthConfiguration(anonymous_allowed=True)


class InboundAuth:
    def __init__(self, configuration: AgentAuthConfiguration) -> None:
        self.configuration = configuration
        self.validator = JwtTokenValidator(configuration)

    async def check(self, headers: Mapping[str, str]) -> ClaimsIdentity | None:
        """The token's claims (None in anonymous mode without a token); raises :class:`Unauthorized`."""
        header = headers.get("Authorization")
        if header is None:
            if self.configuration.ANONYMOUS_ALLOWED:
                return None
            raise Unauthorized("no Authorization header")
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or any(char.isspace() for char in token):
            raise Unauthorized("malformed Authorization header")
        try:
            return await self.validator.validate_token(token)
        except (PyJWTError, ValueError, KeyError, TypeError) as error:
            raise Unauthorized(f"token refused: {type(error).__name__}") from None


def check_service_url(claims: ClaimsIdentity | None, service_url: str | None) -> None:
    """A token names the connector it came from (``serviceurl``): the activity must name the same host."""
    claimed = claims.get_claim_value("serviceurl") if claims is not None else None
    if claimed and service_url and urlsplit(str(claimed)).hostname != urlsplit(service_url).hostname:
        raise Unauthorized("serviceUrl does not match the token")


def token_source(settings: Settings) -> TokenSource | None:
    """The bot's tokens for the connector (MSAL, cached); None in anonymous mode."""
    if not settings.teams_app_id:
        return None
    return MsalAuth(auth_configuration(settings))
