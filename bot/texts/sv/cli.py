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
    "cli.no_platform": (
        "Ingen chattplattform är inställd: sätt SLACK_BOT_TOKEN och SLACK_SIGNING_SECRET (Slack) "
        "och/eller TEAMS_APP_ID, TEAMS_APP_PASSWORD och TEAMS_TENANT_ID (Teams; se .env.example)."
    ),
    "cli.teams_untrusted": (
        "TEAMS_SERVICE_URL {url} är varken en av Microsofts connector-adresser (https) eller med i "
        "TEAMS_TRUSTED_SERVICE_URLS; boten skickar inget dit."
    ),
    "cli.teams_missing": "Inställningen {name} saknas (krävs med TEAMS_APP_ID; se docs/teams.md).",
    "cli.no_teams_jury_channels": (
        "Obs: TEAMS_JURY_CHANNEL_IDS eller TEAMS_SERVICE_URL är inte satt, så inga nomineringar postas i Teams."
    ),
    "cli.knowledge_error": "Kunskapsdatan kunde inte läsas: {error}",
    "cli.db.migrated_nominations": "Nomineringar: {copied} kopierade, {present} fanns redan.",
    "cli.db.migrated_messages": "Utskick (jury och bekräftelser): {copied} kopierade, {present} fanns redan.",
    "cli.db.migrated_jury": "Juryns poster (poäng, jäv, beslut, logg, påminnelser): {copied} kopierade.",
    "cli.db.migrated_conversations": "Samtal: {copied} kopierade.",
    "cli.db.migrate_needs_url": "Sätt TRYGGHETSBOT_DATABASE_URL till PostgreSQL-databasen som ska ta emot datan.",
    "cli.db.migrate_no_file": "Hittar ingen TinyDB-databas i {path}.",
    "cli.db.no_url": "TRYGGHETSBOT_DATABASE_URL är inte satt: TinyDB-filen {path} behöver ingen uppgradering.",
    "cli.db.applied": "Tillämpade migrering {version:04d} ({name}).",
    "cli.db.upgraded": "{location}: schemat är nu version {version}.",
    "cli.db.up_to_date": "{location}: schemat är redan version {version}, inget att göra.",
    "cli.db.status": "{location}: schema version {found}, den här versionen kräver {wanted}.",
    # --- argparse, in Swedish (bot/cli/parser.py) ---------------------------------------
    "cli.argparse.usage": "användning: ",
    "cli.argparse.positionals": "argument",
    "cli.argparse.options": "flaggor",
    "cli.argparse.help": "visa den här hjälpen och avsluta",
    "cli.argparse.version": "visa programmets version och avsluta",
    "cli.argparse.error": "{prog}: fel: {message}",
    "cli.argparse.required": "följande argument krävs: {names}",
    "cli.argparse.unrecognized": "okända argument: {names}",
    "cli.argparse.invalid_choice": "argument {name}: ogiltigt val {value} (välj bland {choices})",
    "cli.argparse.expected_one": "argument {name}: ett värde behövs",
    "cli.argparse.invalid_value": "argument {name}: ogiltigt värde {value}",
    "cli.argparse.ignored": "argument {name}: tar inget värde ({value})",
    "cli.argparse.ambiguous": "flaggan {name} är tvetydig; den kan betyda {choices}",
    "cli.argparse.other": "ogiltiga argument; skriv --help för att se hur kommandot används",
    "cli.knowledge.unreadable": "Kan inte läsa {path}: {error}",
    "cli.knowledge.not_text": "{path} är varken text (UTF-8) eller en PDF; inget har sparats.",
    "cli.knowledge.bad_pdf": "PDF:en {path} går inte att läsa ({error}); inget har sparats.",
    "cli.knowledge.not_recognised": (
        "Dokumentet är varken ett beslut om Trygghetspaketet eller en inriktning för Trygghetspriset; inget har sparats."
    ),
    "cli.knowledge.no_table": (
        "Budgettabellen går inte att läsa (kolumnrubriker, rader med belopp och SUMMA-rad behövs); inget har sparats."
    ),
    "cli.knowledge.missing_fact": "Dokumentet saknar {fact}, så det kan inte läsas in; inget har sparats.",
    "cli.knowledge.inconsistent": "Dokumentet stämmer inte med sig självt ({error}); inget har sparats.",
    "cli.knowledge.broken": "De inlästa dokumenten går inte att använda: {error}",
    "cli.knowledge.listed": "{title} ({dated}, id {id})",
    "cli.knowledge.folder": "Inlästa dokument sparas i {path}.",
    "cli.knowledge.kind.budget": "Beslut om Trygghetspaketet",
    "cli.knowledge.kind.prize": "Inriktning för Trygghetspriset",
    "cli.knowledge.found": "{kind}: {title}, daterat {dated}.",
    "cli.knowledge.line": "Post",
    "cli.knowledge.sum_differs": "Obs: raderna i {column} summerar till {computed}, men SUMMA-raden säger {stated}. Dokumentets siffra behålls och svaren nämner skillnaden.",
    "cli.knowledge.sums_ok": "Raderna summerar till SUMMA-raden i varje kolumn.",
    "cli.knowledge.grant": "Statsbidrag: {per} kr per invånare, totalt {total} för {year}.",
    "cli.knowledge.history": "Bakgrund: {count} uppgifter om tidigare år.",
    "cli.knowledge.round": "Omgång {year}: tema ”{theme}”, prissumma {amount}.",
    "cli.knowledge.period": "Nominering {opens} till {closes}; konferens {conference}.",
    "cli.knowledge.criterion": "Kriterium: {text}",
    "cli.knowledge.jury": "Jury: ordförande {chair}, uppdraget gäller {years} år.",
    "cli.knowledge.winner": "Vinnare {year}: {winner} (tema ”{theme}”)",
    "cli.knowledge.warning": "Varning: {text}",
    "cli.knowledge.disagrees": "Skiljer sig från {document}: {what} var {known}, nu {new} (det nyare beslutet gäller).",
    "cli.knowledge.unchanged": "{title} är redan inläst med samma innehåll; inget ändras.",
    "cli.knowledge.dry_run": "Torrkörning: inget sparades.",
    "cli.knowledge.confirm": "Spara dokumentet? [j/N] ",
    "cli.knowledge.declined": "Inget sparades.",
    "cli.knowledge.saved": "Sparat: {title} ({path}). Frågor i konsolen besvaras nu från det; starta om `trygghetsbot serve` om servern körs.",
    "cli.tenant.error": "Arbetsytornas inställningar kunde inte sparas eller läsas: {error}",
    "cli.tenant.saved": "Sparat för arbetsytan {team} i {path}. Starta om `trygghetsbot serve` om servern körs.",
    "cli.tenant.none": "Inga arbetsytor har egna inställningar ({path}).",
    "cli.tenant.unset": "–",
    "cli.tenant.line": "{team}: jurykanaler {channels}; jurymedlemmar {users}; ordförande {chair}; omgång {round}",
}
