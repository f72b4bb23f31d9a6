TEXTS: dict[str, str] = {
    "cli.no_jury_channels": (
        "Varning: JURY_CHANNEL_IDS är inte satt. Nomineringar sparas, men ingen jurykanal får veta om dem."
    ),
    "cli.empty_question": "Skriv en fråga, till exempel: trygghetsbot ask \"vem vann 2019?\"",
    "cli.chat_goodbye": "Hej då! Välkommen tillbaka.",
    "cli.chat_welcome": (
        "Hej! Jag är Trygghetsbot. Fråga mig om Trygghetspriset och Trygghetspaketet, "
        "eller skriv \"nominera\" för att nominera till Trygghetspriset. Avsluta med \"avsluta\" eller Ctrl-D."
    ),
    "cli.settings_error": "Kan inte starta: {error}",
    "cli.bad_argument": (
        "Argumentet ”{argument}” innehåller tecken som inte är UTF-8 (visade som �), så kommandot körs inte. "
        "Ställ in terminalen på UTF-8 och försök igen."
    ),
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
    "cli.db.migrated_installations": "Installerade Slack-arbetsytor: {copied} kopierade.",
    "cli.db.migrated_conversations": "Samtal: {copied} kopierade, {kept} nyare eller lika nya i PostgreSQL behölls.",
    "cli.db.migrated_held_elsewhere": (
        "Nomineringen ”{nominee}” ({id}) finns redan i PostgreSQL som {other} (samma inskickning): "
        "den kopierades inte, och juryns poster om den hör nu till {other}."
    ),
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
    "cli.knowledge.round_in_use": (
        "Nomineringsomgången som gäller i dag ({today}) är {year}: nominering {opens} – {closes}, {state}."
    ),
    "cli.knowledge.period_open": "perioden är öppen",
    "cli.knowledge.period_not_yet_open": "perioden har inte öppnat än",
    "cli.knowledge.period_closed": "perioden har stängt",
    "cli.knowledge.round_setting": "TRYGGHETSBOT_ROUND väljer omgång {year}, vad datumet än är.",
    "cli.knowledge.round_setting_unknown": (
        "TRYGGHETSBOT_ROUND={year} finns inte i kunskapsdatan (kända omgångar: {known}); ändra eller ta bort inställningen."
    ),
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
    "cli.tenant.error": "Arbetsytans inställningar kunde inte sparas eller läsas: {error}",
    "cli.tenant.saved": "Sparat för arbetsytan {team}.",
    "cli.tenant.pickup": "En server med många arbetsytor (SLACK_CLIENT_ID) använder ändringen inom {seconds} sekunder; en server med en enda SLACK_BOT_TOKEN läser den när den startar.",
    "cli.tenant.not_installed": "Obs: arbetsytan {team} har inte installerat appen (ännu); inställningarna gäller när den gör det.",
    "cli.tenant.chair_not_juror": "Ordföranden {chair} måste vara en av arbetsytans jurymedlemmar ({jurors}); inget sparades.",
    "cli.tenant.bad_round": "{error} Inget sparades.",
    "cli.tenant.unset": "–",
    "cli.tenant.from_env": "{value} (från {name})",
    "cli.tenant.latest_round": "{year} (den som gäller i dag)",
    "cli.tenant.deputy_not_juror": "Vice ordföranden {deputy} måste vara en annan av arbetsytans jurymedlemmar än ordföranden ({jurors}); inget sparades.",
    "cli.tenant.deputy": "; vice ordförande {deputy}",
    "cli.tenant.line": "{team}: jurykanaler {channels}; jurymedlemmar {users}; ordförande {chair}; omgång {round}",
    # --- knowledge import (bot/knowledge/importing) ----------------------------------------
    "cli.import.unreadable": "Filen {file} kunde inte läsas ({reason}).",
    "cli.import.too_large": "Filen {file} är för stor (mer än {megabytes} MB) för att vara ett beslut, så den läses inte in.",
    "knowledge.bad_json": "inte giltig JSON (rad {line}, kolumn {column})",
    "cli.import.not_utf8": "Filen {file} är varken en PDF eller text i UTF-8, så den kan inte läsas in.",
    "cli.import.bad_pdf": "Filen {file} ser ut som en PDF men går inte att läsa; spara den gärna som PDF igen och försök på nytt.",
    "cli.import.pdf_without_text": "PDF-filen {file} innehåller ingen text (den är troligen skannad); importera en PDF med text eller en textfil.",
    "cli.import.unknown_kind": "{file} ser inte ut som ett beslut om Trygghetspaketet eller en inriktning för Trygghetspriset, så den importeras inte.",
    "cli.import.budget.no_table": "Hittar ingen fördelningstabell i {title}, så beslutet kan inte importeras.",
    "cli.import.budget.no_columns": "Fördelningstabellen i {title} har inga kolumner som går att läsa (som ”Förslag 2026”, ”Utfall 2025”, ”Budget 2025”).",
    "cli.import.budget.no_rows": "Fördelningstabellen i {title} har inga rader med belopp, så beslutet kan inte importeras.",
    "cli.import.budget.row_without_figures": "Raden ”{row}” i fördelningstabellen i {title} har inga belopp, så tabellen kan inte läsas säkert.",
    "cli.import.budget.row_without_name": "En rad i fördelningstabellen i {title} har belopp men inget namn, så tabellen kan inte läsas säkert.",
    "cli.import.budget.too_many_figures": "Raden ”{row}” i fördelningstabellen i {title} har fler belopp än tabellens {columns} kolumner.",
    "cli.import.note.total_disagrees": "Summan för {column} är {stated} i dokumentet men raderna blir {computed}; dokumentets summa behålls.",
    "cli.import.note.short_row": "Raden ”{row}” har belopp i {count} av {columns} kolumner; de lästes som de första kolumnerna. Kontrollera gärna.",
    "cli.import.note.no_total": "Fördelningstabellen i {title} har ingen SUMMA-rad.",
    "cli.import.note.stated_sum_disagrees": "Texten ”{text}” stämmer inte med tabellens {column} och används därför inte.",
    "cli.import.note.stated_change_disagrees": "Texten ”{text}” stämmer inte med tabellen och används därför inte.",
    "cli.import.note.no_state_grant": "Dokumentet nämner inget statsbidrag; uppgiften från {document} gäller fortfarande.",
    "cli.import.note.no_children": "Dokumentet har inget avsnitt om konsekvenser för barn; texten från {document} gäller fortfarande.",
    "cli.import.note.no_decided_by": "Dokumentet säger inte vem som beslutar; uppgiften från {document} gäller fortfarande.",
    "cli.import.note.no_date": "Dokumentet har inget datum som går att läsa; {assumed} används.",
    "cli.import.note.no_signatories": "Hittar inga underskrifter i dokumentet.",
    "cli.import.note.no_prize_sum": "Dokumentet anger ingen prissumma; summan från {document} gäller fortfarande.",
    "cli.import.note.no_criteria": "Hittar inga kriterier i dokumentet; kriterierna från {document} gäller fortfarande.",
    "cli.import.note.no_round": "Dokumentet anger ingen nomineringsperiod för {year}, så ingen ny omgång läses in.",
    "cli.import.budget.no_year": "Det framgår inte av {title} vilket år beslutet gäller (inget år i rubriken, ingen förslagskolumn), så det importeras inte.",
}
