"""Swedish texts for nominations: rules, periods, the dialog and the nomination commands."""

TEXTS: dict[str, str] = {
    # --- field names, as they appear in messages --------------------------------
    "nom.field.nominee": "nominerad insats eller organisation",
    "nom.field.partners": "samverkande organisationer",
    "nom.field.description": "beskrivning",
    "nom.field.added_value": "mervärde",
    "nom.field.innovation": "nyskapande",
    "nom.field.inspiration": "kan inspirera andra",
    "nom.field.results": "resultat",
    "nom.field.contact": "kontaktperson hos de nominerade",
    "nom.field.nominator.name": "ditt namn",
    "nom.field.nominator.email": "din e-postadress",
    "nom.field.id": "id",
    "nom.field.period": "nomineringsperiod",
    "nom.field.file": "fil",
    # --- input and criteria errors ----------------------------------------------
    "nom.error.empty": "Fältet ”{field}” får inte vara tomt.",
    "nom.error.control": "Fältet ”{field}” innehåller otillåtna tecken (styrtecken, {code}). Skriv bara vanlig text.",
    "nom.error.line_break": "Fältet ”{field}” ska vara en enda rad, men innehåller en radbrytning ({code}). Skriv det på en rad.",
    "nom.error.bidi": (
        "Fältet ”{field}” innehåller ett osynligt tecken som ändrar textens läsriktning ({code}). "
        "Ta bort det och skriv bara vanlig text."
    ),
    "nom.error.unreadable": "Fältet ”{field}” innehåller ett tecken som inte kan visas ({code}). Skriv bara vanlig text.",
    "nom.error.too_long": "Fältet ”{field}” är för långt ({length} tecken). Högst {limit} tecken är tillåtet.",
    "nom.error.email": "Fältet ”{field}”: ”{value}” är inte en giltig e-postadress (till exempel namn@exempel.se).",
    "nom.error.contact_email": (
        "Fältet ”{field}”: ”{value}” ser ut som en e-postadress men är inte giltig (till exempel namn@exempel.se)."
    ),
    "nom.error.too_many_partners": "Fältet ”{field}” har för många organisationer. Högst {limit} är tillåtet.",
    "nom.error.collaboration": (
        "Kriteriet ”{quote}” är inte uppfyllt: ange minst {minimum} olika organisationer som genomför "
        "insatsen tillsammans, den ansvariga organisationen medräknad (insatsens namn räknas inte). "
        "Samma organisation två gånger räknas en gång."
    ),
    "nom.error.collaboration_effort": (
        "Kriteriet ”{quote}” är inte uppfyllt: {names} är namnet på den nominerade insatsen och räknas inte som "
        "en organisation. Ange minst {minimum} olika organisationer som genomför insatsen tillsammans, den "
        "ansvariga organisationen medräknad."
    ),
    "nom.error.added_value": (
        "Kriteriet ”{quote}” är inte uppfyllt. Beskriv med egna ord, minst {minimum} ord, vad insatsen gör "
        "som går utöver den ordinarie verksamheten hos de organisationer som deltar, till exempel vad som "
        "inte hade blivit av utan samverkan."
    ),
    "nom.error.description_short": (
        "Beskrivningen är för kort: berätta med minst {minimum} ord vad som görs, var och för vem."
    ),
    "nom.error.not_found": "Jag hittar ingen nominering av dig med id {id}.",
    "nom.error.withdrawn": "Nomineringen {id} är återkallad och kan inte ändras.",
    "nom.error.skip_required": "Fältet ”{field}” måste fyllas i och går inte att hoppa över.",
    "nom.error.unknown_field": (
        "Jag känner inte igen fältet ”{value}”. Skriv till exempel ”ändra 4” eller ”ändra mervärde”."
    ),
    "nom.error.first_step": "Du är redan på första frågan.",
    "nom.error.key_reused": (
        "Nyckeln ”{key}” användes redan för nomineringen {id}, med ett annat innehåll. "
        "Inget har sparats. Använd en ny nyckel för en ny nominering."
    ),
    # --- the period -------------------------------------------------------------
    "nom.period.not_yet_open": (
        "Nomineringsperioden för Trygghetspriset {year} (”{theme}”) har inte öppnat än. "
        "Du kan nominera från {opens} till och med {closes}. Inget har sparats."
    ),
    "nom.period.closed": (
        "Nomineringsperioden för Trygghetspriset {year} (”{theme}”) var {opens} till och med {closes} "
        "och är nu stängd. Inget har sparats."
    ),
    # --- the dialog -------------------------------------------------------------
    "nom.dialog.start": (
        "Vad roligt att du vill nominera till Trygghetspriset {year}, temat är ”{theme}”. "
        "Jag frågar om en sak i taget. Du kan skriva ”tillbaka”, ”hoppa över” (frivilliga frågor), "
        "”spara” (spara som utkast) eller ”avbryt” när som helst."
    ),
    "nom.dialog.joined_partners": (
        "Är {names} flera organisationer ({parts})? Svara ”ja” så räknar jag dem var för sig, "
        "eller ”nej” om det är namnet på en organisation."
    ),
    "nom.dialog.resume": "Du har en påbörjad nominering. Vi fortsätter där du var.",
    "nom.ask.nominee": "Vilken insats eller verksamhet vill du nominera? Skriv namnet på insatsen eller den ansvariga organisationen.",
    "nom.ask.partners": (
        "Vilka organisationer genomför insatsen tillsammans? Räkna med den ansvariga organisationen och "
        "skriv dem separerade med kommatecken (minst två olika). Kriteriet: ”{criterion}”."
    ),
    "nom.ask.description": "Beskriv insatsen: vad görs, var och för vem?",
    "nom.ask.added_value": (
        "Vilket mervärde ger insatsen utöver ordinarie verksamhet? Kriteriet: ”{criterion}”."
    ),
    "nom.ask.innovation": "På vilket sätt är insatsen nyskapande? Juryn bedömer om ”{criterion}”. (Frivilligt: skriv ”hoppa över”.)",
    "nom.ask.inspiration": "Hur kan insatsen inspirera andra? Juryn bedömer om ”{criterion}”. (Frivilligt: skriv ”hoppa över”.)",
    "nom.ask.results": "Vilka resultat har insatsen gett? Juryn bedömer om ”{criterion}”. (Frivilligt: skriv ”hoppa över”.)",
    "nom.ask.contact": "Vem är kontaktperson hos de nominerade (namn och telefon eller e-post)? (Frivilligt.)",
    "nom.ask.nominator.name": "Vad heter du?",
    "nom.ask.nominator.email": "Vilken e-postadress kan juryn nå dig på?",
    "nom.ask.nominator.email_optional": "Vilken e-postadress kan juryn nå dig på? (Frivilligt: skriv ”hoppa över”.)",
    "nom.dialog.current": "Nuvarande svar: {value}",
    "nom.dialog.previous": "Ditt tidigare svar: {value}",
    "nom.dialog.retry": "Försök igen: {prompt}",
    "nom.dialog.cancelled": "Nomineringen är avbruten. Inget har skickats in.",
    "nom.dialog.cancelled_edit": "Ändringarna är inte sparade. Nomineringen {id} är fortfarande inskickad som förut.",
    "nom.dialog.cancelled_draft_unsaved": (
        "Nomineringen är avbruten. Ditt sparade utkast {id} finns kvar, men svaren du gav efter att du "
        "sparade senast är inte sparade. Skriv ”fortsätt” för att ta upp utkastet."
    ),
    "nom.dialog.confirm_cancel": (
        "Du har fyllt i {count} fält. Vill du verkligen avbryta? Svara ”ja” för att avbryta eller ”nej” "
        "för att fortsätta (skriv ”spara” för att spara ett utkast först)."
    ),
    "nom.dialog.cancel_declined": "Bra, vi fortsätter.",
    "nom.dialog.did_you_mean": "Menade du ”{command}”? Svara ”ja”, eller ”nej” om ”{text}” är ditt svar.",
    "nom.dialog.in_progress": "Du har en påbörjad nominering (fråga {number} av {total}). Vi fortsätter här:",
    "nom.dialog.in_progress_summary": "Du har en påbörjad nominering som är redo att granskas. Vi fortsätter här:",
    "nom.summary.fix_hint": "Skriv ”ändra {number}” för att rätta ”{field}”.",
    "nom.dialog.cancelled_draft": "Nomineringen är avbruten. Ditt sparade utkast {id} finns kvar; skriv ”fortsätt” för att ta upp det.",
    "nom.dialog.saved": "Utkastet är sparat (id {id}). Skriv ”fortsätt” när du vill fortsätta.",
    "nom.dialog.nothing_to_resume": "Du har ingen påbörjad nominering. Skriv ”nominera” för att börja.",
    "nom.dialog.back_to_dialog": "Tillbaka till nomineringen: {prompt}",
    "nom.summary.title": "Så här ser nomineringen ut:",
    "nom.summary.line": "{number}. {label}: {value}",
    "nom.summary.empty": "(inte ifyllt)",
    "nom.summary.checklist": "Kriterier:",
    "nom.summary.check_met": "✔ {text} (obligatoriskt)",
    "nom.summary.check_missing": "✘ {text} (obligatoriskt – måste åtgärdas)",
    "nom.summary.check_jury": "• {text} (obligatoriskt – bedöms av juryn, beskriv det gärna i beskrivningen)",
    "nom.summary.assess_met": "✔ {text} (bedöms av juryn)",
    "nom.summary.assess_missing": "○ {text} (bedöms av juryn – inte besvarat)",
    "nom.summary.actions": (
        "Skriv ”skicka” för att skicka in, ”ändra” och ett nummer eller fält (till exempel ”ändra 4”) "
        "för att ändra, ”spara” för att spara som utkast eller ”avbryt”."
    ),
    "nom.summary.actions_edit": (
        "Skriv ”skicka” för att spara ändringarna, ”ändra” och ett nummer eller fält för att ändra, eller ”avbryt”."
    ),
    "nom.summary.not_ready": "Nomineringen kan inte skickas in än:",
    "nom.submitted": "Tack! Nomineringen av ”{nominee}” är inskickad till juryn för Trygghetspriset {year} (id {id}).",
    "nom.submitted_again": "Nomineringen av ”{nominee}” var redan inskickad (id {id}). Inget nytt har sparats.",
    "nom.duplicate": (
        "Obs: du har redan nominerat ”{nominee}” i år (id {other}). "
        "Den nya nomineringen är markerad som möjlig dubblett för juryn."
    ),
    "nom.edited": "Ändringarna i nomineringen {id} är sparade och juryn får veta det.",
    "nom.withdraw.confirm": "Vill du återkalla nomineringen {id} av ”{nominee}”? Svara ”ja” eller ”nej”.",
    "nom.withdraw.done": "Nomineringen {id} är återkallad.",
    "nom.withdraw.kept": "Nomineringen {id} är kvar, inget har ändrats.",
    "nom.list.title": "Dina nomineringar till Trygghetspriset {year}:",
    "nom.list.item": "• {id}: {nominee} – {status}",
    "nom.list.none": "Du har inga nomineringar till Trygghetspriset {year}.",
    "nom.list.hint": "Skriv ”ändra nominering ID” eller ”återkalla ID”.",
    "nom.list.hint_closed": "Nomineringsperioden är stängd, så nomineringarna kan inte längre ändras eller återkallas.",
    "nom.edit.syntax": "Skriv ”ändra nominering ID”, till exempel ”ändra nominering {example}”.",
    "nom.withdraw.syntax": "Skriv ”återkalla ID”, till exempel ”återkalla {example}”.",
    "nom.status.draft": "utkast",
    "nom.status.submitted": "inskickad",
    "nom.status.withdrawn": "återkallad",
    "nom.status.duplicate": "möjlig dubblett",
    # --- command line -----------------------------------------------------------
    "nom.cli.file_error": "Kan inte läsa {path}: {error}.",
    "nom.cli.write_error": "Kan inte skriva filen {path}: {error}.",
    "nom.cli.bad_json": "Filen {path} är inte giltig JSON (fel på rad {line}, kolumn {column}).",
    "nom.cli.bad_utf8": "Filen {path} är inte text i UTF-8. Spara den som UTF-8 och försök igen.",
    "nom.cli.too_deep": "Filen {path} har för djupt nästlad JSON. En nominering är ett JSON-objekt med textfält.",
    "nom.cli.too_long_number": "Filen {path} innehåller ett för långt tal. En nominering är ett JSON-objekt med textfält.",
    "nom.cli.too_large": "Filen {path} är för stor (mer än {megabytes} MB). En nominering är ett JSON-objekt med textfält på några kB.",
    "nom.cli.bad_field": "Fältet ”{field}”: {error}",
    "nom.cli.created": "Nomineringen är inskickad med id {id}.",
    "nom.cli.already_submitted": "Nomineringen var redan inskickad (id {id}). Inget nytt har sparats.",
    "nom.cli.store_error": "Databasen kan inte användas: {error}",
    "nom.cli.round_error": "Ogiltig nomineringsomgång: det finns ingen omgång {year} i kunskapsdatan (kända omgångar: {known}).",
    "nom.cli.exported.one": "1 nominering skriven till {path}.",
    "nom.cli.exported.many": "{count} nomineringar skrivna till {path}.",
    "nom.cli.list_header.one": "1 nominering:",
    "nom.cli.list_header.many": "{count} nomineringar:",
    "nom.cli.list_item": "{id}  {year}  {status:<10}  {nominee}  ({nominator})",
}

# CSV column headers for the jury's export, in column order.
TEXTS.update(
    {
        "nom.csv.id": "Id",
        "nom.csv.round_year": "Omgång",
        "nom.csv.status": "Status",
        "nom.csv.submitted_at": "Inskickad",
        "nom.csv.nominee": "Nominerad insats/organisation",
        "nom.csv.partners": "Samverkanspartner",
        "nom.csv.description": "Beskrivning",
        "nom.csv.added_value": "Mervärde",
        "nom.csv.innovation": "Nyskapande",
        "nom.csv.inspiration": "Kan inspirera andra",
        "nom.csv.results": "Resultat",
        "nom.csv.contact": "Kontaktperson",
        "nom.csv.nominator_name": "Nominerad av",
        "nom.csv.nominator_email": "Nominerarens e-post",
        "nom.csv.nominator_user": "Nominerarens användar-id",
        "nom.csv.updated_at": "Senast ändrad",
        "nom.csv.criterion": "Kriterium: {text}",
        "nom.csv.yes": "ja",
        "nom.csv.no": "nej",
        "nom.csv.jury": "bedöms av juryn",
        "nom.csv.duplicate_of": "Möjlig dubblett av",
    }
)
