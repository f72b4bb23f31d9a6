"""Slack adapter: a slack-bolt ``AsyncApp`` on aiohttp (or Socket Mode) over the platform-free core."""
