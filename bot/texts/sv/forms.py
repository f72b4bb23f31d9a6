"""Texts every chat platform shares: the nomination form, replies after a submission, the jury post."""

TEXTS: dict[str, str] = {
    "form.submit": "Skicka in",
    "form.intro": (
        "*Trygghetspriset {year}* – tema: ”{theme}”. Nomineringsperioden är {opens} till {closes}.\n"
        "*Obligatoriska kriterier:* {mandatory}.\n*Juryn bedömer också om:* {assessment}."
    ),
    "form.label.nominee": "Nominerad insats eller organisation",
    "form.label.partners": "Organisationer som genomför insatsen tillsammans (minst två, den ansvariga medräknad)",
    "form.label.description": "Beskrivning av insatsen",
    "form.label.added_value": "Mervärde utöver ordinarie verksamhet",
    "form.label.innovation": "Nyskapande (frivilligt)",
    "form.label.inspiration": "Kan inspirera andra (frivilligt)",
    "form.label.results": "Resultat (frivilligt)",
    "form.label.contact": "Kontaktperson hos de nominerade (frivilligt)",
    "form.label.nominator_name": "Ditt namn",
    "form.label.nominator_email": "Din e-postadress (frivilligt)",
    "form.hint.nominee": "Namnet på insatsen eller den ansvariga organisationen.",
    "form.hint.partners": "En per rad. Insatsens namn räknas inte som en organisation. Kriteriet: ”{criterion}”.",
    "form.hint.added_value": "Minst {minimum} ord om vad som går utöver ordinarie verksamhet. Kriteriet: ”{criterion}”.",
    "form.hint.assessment": "Juryn bedömer om ”{criterion}”.",
    "form.hint.description": "Vad görs, var och för vem? Minst {minimum} ord.",
    "form.hint.contact": "Namn och telefon eller e-post.",
    "form.hint.nominator_email": "Så att juryn kan nå dig.",
    "form.hint.nominator_name": "Så att juryn vet vem som nominerar.",
    "chat.submitted": (
        "Tack! Din nominering av ”{nominee}” till Trygghetspriset {year} är inskickad (id {id}).\n{summary}"
    ),
    "chat.duplicate_note": "Obs: du har redan nominerat samma insats i år (id {id}); juryn ser båda.",
    "chat.edited": "Ändringarna i nomineringen {id} är sparade och juryn har fått en uppdatering.",
    "chat.withdrawn": "Nomineringen {id} är återkallad och juryn har fått veta det.",
    "chat.error": "Något gick fel hos mig och jag kunde inte svara. Försök gärna igen om en stund.",
    "chat.unavailable": "Jag når inte databasen just nu, så det du skrev kunde inte sparas. Försök igen om en minut. Frågor om Trygghetspriset och Trygghetspaketet svarar jag på ändå.",
    "nom.error.unavailable": "Nomineringen kunde inte sparas just nu (databasen svarar inte) och ingenting har sparats. Försök igen om en minut.",
    "post.header": "Ny nominering till Trygghetspriset {year}",
    "post.header_edited": "Ändrad nominering till Trygghetspriset {year}",
    "post.header_withdrawn": "Återkallad nominering till Trygghetspriset {year}",
    "post.fallback": "Nominering till Trygghetspriset {year}: {nominee} (id {id})",
    "post.nominated_by": "Nominerad av",
    "post.withdrawn_note": "Nomineringen är återkallad av nominatören.",
    "post.meta": "Id {id} · Trygghetspriset {year} · {status}",
}
