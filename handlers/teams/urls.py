"""Service URLs compared as URLs: scheme, host, port and whole path segments, never as string prefixes.

A string prefix ``https://proxy.example.se`` also matches ``https://proxy.example.se.evil.com/``,
and ``…/teams`` matches ``…/teamsevil/``; comparing the host alone lets another port or path on
the same host through. A path with ``.`` or ``..`` segments (also percent-encoded) is refused
outright: the server would resolve them, so ``/teams/../evil`` is not below ``/teams``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from microsoft_agents.hosting.core import OutboundHostValidator
from yarl import URL

# Microsoft's connector hosts (and their subdomains): where Teams' serviceUrl points. Narrower than
# the SDK's default list, which also holds storage and SharePoint hosts anyone can rent a name under.
CONNECTOR_HOSTS = ["smba.trafficmanager.net", "botframework.com", "botframework.us", "teams.microsoft.com"]


@dataclass(frozen=True)
class Origin:
    """A service URL's scheme, host, port and path segments (no user, query or fragment)."""

    scheme: str
    host: str
    port: int | None
    segments: tuple[str, ...]

    @classmethod
    def parse(cls, url: str | URL) -> Origin | None:
        try:
            parsed = url if isinstance(url, URL) else URL(url)
        except (ValueError, TypeError):
            return None
        if parsed.scheme not in ("http", "https") or not parsed.host or not parsed.is_absolute():
            return None
        if parsed.user is not None or parsed.password is not None or parsed.query_string or parsed.fragment:
            return None
        segments = tuple(part for part in parsed.path.split("/") if part)
        if any(part in (".", "..") for part in segments):
            return None  # a server resolves them (also percent-encoded): the URL is not what it seems
        return cls(parsed.scheme, parsed.host.lower().rstrip("."), parsed.port, segments)

    def holds(self, other: Origin) -> bool:
        """``other`` is this URL or lies below it (whole path segments)."""
        return (self.scheme, self.host, self.port) == (other.scheme, other.host, other.port) and other.segments[
            : len(self.segments)
        ] == self.segments


def same_service_url(first: str, second: str) -> bool:
    """The two name the same connector: scheme, host, port and path (a trailing slash aside)."""
    a, b = Origin.parse(first), Origin.parse(second)
    return a is not None and a == b


class TrustedServiceUrls:
    """Where the bot may send: Microsoft's connector hosts over HTTPS, or below a configured URL."""

    def __init__(self, prefixes: Sequence[str]) -> None:
        self.prefixes = tuple(origin for prefix in prefixes if (origin := Origin.parse(prefix)) is not None)
        self._microsoft = OutboundHostValidator(CONNECTOR_HOSTS, enabled=True, include_default_microsoft_hosts=False)

    def __call__(self, url: str | URL) -> bool:
        origin = Origin.parse(url)
        if origin is None:
            return False
        if any(prefix.holds(origin) for prefix in self.prefixes):
            return True
        return origin.scheme == "https" and origin.port == 443 and self._microsoft.is_allowed(str(url))
