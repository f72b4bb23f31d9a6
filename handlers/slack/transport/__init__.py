"""How Slack's requests reach the app and its calls reach Slack: the HTTP server and its checks,
Socket Mode, OAuth installs, one runtime per workspace, the bot's identity, dedupe, the Web API
client, payload parsing and text escaping."""
