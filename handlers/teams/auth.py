"""Who may talk to the bot, and the bot's own tokens: the SDK's JWT validation, our issuer policy, MSAL.

Incoming activities carry ``Authorization: Bearer <JWT>``. The SDK's :class:`JwtTokenValidator`
checks the signature against the issuer's published keys, the audience (``TEAMS_APP_ID``) and the
tenant binding; its issuer allow-list is opt-in and, even when on, trusts Microsoft's first-party
tenants. So :class:`TokenPolicy` decides who the caller is, on the verified claims:

- **Bot Framework** (``iss`` exactly ``https://api.botframework.com``): the channel service that
  delivers Teams traffic. Its token must carry a ``serviceurl`` claim, and the activity's
  ``serviceUrl`` must be that URL (scheme, host, port and path).
- **Entra** (off by default): only when ``TEAMS_ENTRA_CALLERS`` names client app ids, only tokens
  issued by the configured tenant (``TEAMS_TENANT_ID``, v1 or v2 issuer, ``tid`` the same), and only
  from one of those apps (``appid`` in v1 tokens, ``azp`` in v2). Any other app registered in the
  tenant, which by default any user may create, is refused.
- Anything else (another issuer, another tenant, a missing claim) is refused: 401.

``TEAMS_ALLOW_ANONYMOUS`` (local development and tests, never with an app id) accepts activities
without a token.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from jwt import PyJWTError
from microsoft_agents.authentication.msal import MsalAuth
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity, JwtTokenValidator

from bot.config import Settings
from handlers.teams.connector import TokenSource
from handlers.teams.urls import same_service_url

log = logging.getLogger(__name__)

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


class Unauthorized(Exception):
    """The request's token is missing or not valid for this bot (the reason is logged, never sent)."""


def entra_issuers(tenant_id: str) -> frozenset[str]:
    """The v1 and v2 issuers of tokens that the tenant's Entra ID signs."""
    tenant = tenant_id.lower()
    return frozenset({f"https://sts.windows.net/{tenant}/", f"https://login.microsoftonline.com/{tenant}/v2.0"})


@dataclass(frozen=True)
class TokenPolicy:
    """Which verified tokens are accepted (see the module's docstring)."""

    tenant_id: str | None = None
    entra_callers: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> TokenPolicy:
        return cls(settings.teams_tenant_id, frozenset(caller.lower() for caller in settings.teams_entra_callers))

    @property
    def issuers(self) -> list[str]:
        issuers = [BOT_FRAMEWORK_ISSUER]
        if self.entra_callers and self.tenant_id:
            issuers += sorted(entra_issuers(self.tenant_id))
        return issuers

    def check(self, claims: Mapping[str, object], service_url: str) -> None:
        """Raises :class:`Unauthorized` unless the claims come from an accepted caller for this activity."""
        issuer = claims.get("iss")
        if issuer == BOT_FRAMEWORK_ISSUER:
            claimed = claims.get("serviceurl")
            if not isinstance(claimed, str) or not claimed:
                raise Unauthorized("a Bot Framework token without a serviceurl claim")
            if not same_service_url(claimed, service_url):
                raise Unauthorized("serviceUrl does not match the token's serviceurl claim")
            return
        if isinstance(issuer, str) and self._entra_accepted(issuer, claims):
            return
        raise Unauthorized(f"issuer not accepted: {str(issuer)[:100]!r}")

    def _entra_accepted(self, issuer: str, claims: Mapping[str, object]) -> bool:
        if not self.entra_callers or not self.tenant_id:
            return False
        if issuer.lower() not in entra_issuers(self.tenant_id):
            return False
        tenant = claims.get("tid")
        if not isinstance(tenant, str) or tenant.lower() != self.tenant_id.lower():
            return False
        # v1 tokens name the calling app in ``appid``, v2 tokens in ``azp``.
        caller = claims.get("azp") if issuer.endswith("/v2.0") else claims.get("appid")
        return isinstance(caller, str) and caller.lower() in self.entra_callers


def auth_configuration(settings: Settings) -> AgentAuthConfiguration:
    if settings.teams_app_id:
        return AgentAuthConfiguration(
            client_id=settings.teams_app_id,
            tenant_id=settings.teams_tenant_id,
            client_secret=settings.teams_app_password,
            # The SDK's own issuer check as a first line; TokenPolicy has the last word.
            issuers=TokenPolicy.from_settings(settings).issuers,
            validate_issuer=True,
        )
    return AgentAuthConfiguration(anonymous_allowed=True)


class InboundAuth:
    def __init__(self, configuration: AgentAuthConfiguration, policy: TokenPolicy | None = None) -> None:
        self.configuration = configuration
        self.policy = policy or TokenPolicy()
        self.validator = JwtTokenValidator(configuration)

    @classmethod
    def from_settings(cls, settings: Settings) -> InboundAuth:
        return cls(auth_configuration(settings), TokenPolicy.from_settings(settings))

    async def check(self, headers: Mapping[str, str]) -> ClaimsIdentity | None:
        """The token's verified claims (None in anonymous mode without a token); raises :class:`Unauthorized`.

        The claims still have to pass :meth:`authorize` against the activity they came with.
        """
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

    def authorize(self, claims: ClaimsIdentity | None, service_url: str) -> None:
        """The caller may send this activity: its issuer is accepted and it names the activity's connector."""
        if claims is None:
            if not self.configuration.ANONYMOUS_ALLOWED:
                raise Unauthorized("no token")
            return
        self.policy.check(claims.claims, service_url)


def token_source(settings: Settings) -> TokenSource | None:
    """The bot's tokens for the connector (MSAL, cached); None in anonymous mode."""
    if not settings.teams_app_id:
        return None
    return MsalAuth(auth_configuration(settings))
