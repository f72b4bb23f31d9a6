TEXTS: dict[str, str] = {
    "cli.db.migrated_nominations": "Nominations: {copied} copied, {present} already there.",
    "cli.db.migrated_messages": "Messages (jury and confirmations): {copied} copied, {present} already there.",
    "cli.db.jury_left": "Note: {count} jury records (scores, conflicts, decisions) are not copied; they stay in the TinyDB file.",
    "cli.db.migrated_conversations": "Conversations: {copied} copied.",
    "cli.db.migrate_needs_url": "Set TRYGGHETSBOT_DATABASE_URL to the PostgreSQL database that receives the data.",
    "cli.db.migrate_no_file": "No TinyDB database found at {path}.",
    "cli.no_jury_channels": "Warning: JURY_CHANNEL_IDS is not set. Nominations are stored, but no jury channel hears of them.",
    "cli.empty_question": "Please type a question, for example: trygghetsbot ask \"who won in 2019?\"",
    "cli.chat_welcome": (
        "Hi! I am Trygghetsbot. Ask me about Trygghetspriset and Trygghetspaketet, "
        "or type \"nominera\" to nominate for Trygghetspriset. End with Ctrl-D."
    ),
    "cli.settings_error": "Cannot start: {error}",
    "cli.knowledge_error": "The knowledge data could not be read: {error}",
    # --- argparse (bot/cli/parser.py) ---------------------------------------------------
    "cli.argparse.usage": "usage: ",
    "cli.argparse.positionals": "positional arguments",
    "cli.argparse.options": "options",
    "cli.argparse.help": "show this help message and exit",
    "cli.argparse.version": "show the program's version and exit",
    "cli.argparse.error": "{prog}: error: {message}",
    "cli.argparse.required": "the following arguments are required: {names}",
    "cli.argparse.unrecognized": "unrecognized arguments: {names}",
    "cli.argparse.invalid_choice": "argument {name}: invalid choice {value} (choose from {choices})",
    "cli.argparse.expected_one": "argument {name}: expected one value",
    "cli.argparse.invalid_value": "argument {name}: invalid value {value}",
    "cli.argparse.ignored": "argument {name}: takes no value ({value})",
    "cli.argparse.ambiguous": "the option {name} is ambiguous; it could mean {choices}",
    "cli.argparse.other": "invalid arguments; type --help to see how the command is used",
}
