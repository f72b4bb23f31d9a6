TEXTS: dict[str, str] = {
    "cli.no_jury_channels": (
        "Varning: JURY_CHANNEL_IDS är inte satt. Nomineringar sparas, men ingen jurykanal får veta om dem."
    ),
    "cli.empty_question": "Skriv en fråga, till exempel: trygghetsbot ask \"vem vann 2019?\"",
    "cli.chat_welcome": (
        "Hej! Jag är Trygghetsbot. Fråga mig om Trygghetspriset och Trygghetspaketet, "
        "eller skriv \"nominera\" för att nominera till Trygghetspriset. Avsluta med Ctrl-D."
    ),
    "cli.settings_error": "Kan inte starta: {error}",
    "cli.knowledge_error": "Kunskapsdatan kunde inte läsas: {error}",
    "cli.db.no_url": "TRYGGHETSBOT_DATABASE_URL är inte satt: TinyDB-filen {path} behöver ingen uppgradering.",
    "cli.db.applied": "Tillämpade migrering {version:04d} ({name}).",
    "cli.db.upgraded": "{location}: schemat är nu version {version}.",
    "cli.db.up_to_date": "{location}: schemat är redan version {version}, inget att göra.",
    "cli.db.status": "{location}: schema version {found}, den här versionen kräver {wanted}.",
}
