TEXTS: dict[str, str] = {
    "cli.empty_question": "Skriv en fråga, till exempel: trygghetsbot ask \"vem vann 2019?\"",
    "cli.chat_welcome": (
        "Hej! Jag är Trygghetsbot. Fråga mig om Trygghetspriset och Trygghetspaketet, "
        "eller skriv \"nominera\" för att nominera till Trygghetspriset. Avsluta med Ctrl-D."
    ),
    "cli.settings_error": "Kan inte starta: {error}",
    "cli.knowledge_error": "Kunskapsdatan kunde inte läsas: {error}",
}
