TEXTS: dict[str, str] = {
    "cli.no_jury_channels": "Warning: JURY_CHANNEL_IDS is not set. Nominations are stored, but no jury channel hears of them.",
    "cli.empty_question": "Please type a question, for example: trygghetsbot ask \"who won in 2019?\"",
    "cli.chat_welcome": (
        "Hi! I am Trygghetsbot. Ask me about Trygghetspriset and Trygghetspaketet, "
        "or type \"nominera\" to nominate for Trygghetspriset. End with Ctrl-D."
    ),
    "cli.settings_error": "Cannot start: {error}",
    "cli.knowledge_error": "The knowledge data could not be read: {error}",
}
