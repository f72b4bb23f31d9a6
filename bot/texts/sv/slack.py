TEXTS: dict[str, str] = {
    # the nomination modal
    "slack.modal.title": "Nominera",
    "slack.modal.title_edit": "Ändra nominering",
    "slack.modal.close": "Avbryt",
    # replies
    "slack.period_closed": "{message}",
    "slack.action_failed": "Det gick inte: {message}",
    "slack.empty_question": "Skriv din fråga efter kommandot, till exempel: /trygghet vem vann 2019?",
    # jury
    "slack.jury.lead": "*Nominerad:* {nominee}",
    "slack.jury.partners": "*Samverkanspartner:* {partners}",
    "slack.jury.nominator": "*{label}:* {nominator}",
    "slack.jury.checklist": "*Kriterier:*\n{items}",
    "slack.jury.show_full": "Visa hela nomineringen",
    "slack.jury.full_title": "Nominering",
    "slack.jury.refused": (
        "Tyvärr, det här är bara för juryn i Trygghetspriset (hela nomineringar, översikt och export)."
    ),
    "slack.jury.export_title": "Nomineringar till Trygghetspriset {year}",
    "slack.jury.export_comment.one": (
        "Här är den inskickade nomineringen till Trygghetspriset {year} som CSV-fil (öppnas i Excel)."
    ),
    "slack.jury.export_comment.many": (
        "Här är de {count} inskickade nomineringarna till Trygghetspriset {year} som CSV-fil (öppnas i Excel)."
    ),
    "slack.jury.export_failed": "Exporten kunde inte skickas just nu. Försök igen om en stund.",
    "slack.jury.list_modal_title": "Årets nomineringar",
    "slack.jury.list_title": "*Inskickade nomineringar till Trygghetspriset {year}: {count}*",
    "slack.jury.list_item": "*{nominee}*\nSamverkan: {partners}\nNominerad av: {nominator} · id {id}",
    "slack.jury.not_found": "Jag hittar ingen nominering med id {id}.",
    # App Home
    "slack.home.title": "Trygghetsbot",
    "slack.home.period_open.one": "Nomineringsperioden för Trygghetspriset {year} är öppen till {closes} (sista dagen i dag).",
    "slack.home.period_open.many": "Nomineringsperioden för Trygghetspriset {year} är öppen till {closes} ({count} dagar kvar).",
    "slack.home.period_closed": "{message}",
    "slack.home.mine": "*Dina nomineringar*",
    "slack.home.none": "Du har inga nomineringar ännu. Skriv /nominera eller ”nominera” till mig.",
    "slack.home.item": "*{nominee}*\n{status} · id {id}",
    "slack.home.edit": "Ändra",
    "slack.home.withdraw": "Återkalla",
    "slack.home.withdraw_confirm_title": "Återkalla?",
    "slack.home.withdraw_confirm_text": "Juryn får veta att nomineringen är återkallad.",
    "slack.home.withdraw_confirm_yes": "Återkalla",
    "slack.home.withdraw_confirm_no": "Behåll",
    "slack.home.examples": "*Fråga mig till exempel:*\n{items}",
    "slack.home.example_questions": "vem vann 2019?|vad fick trygghetsvärdar 2025?|när kan man nominera?|vilka kriterier gäller?",
    "slack.home.jury_list": "Visa alla nomineringar",
    "slack.home.jury_export": "Exportera till CSV",
    "slack.home.jury.one": "*För juryn:* 1 inskickad nominering i år. Nomineringarna postas i {channels}.",
    "slack.home.jury.many": "*För juryn:* {count} inskickade nomineringar i år. Nomineringarna postas i {channels}.",
}

# The jury's work in Slack: scoring, App Home, the digest.
TEXTS.update(
    {
        "slack.jury.assess": "Bedöm",
        "slack.jury.score_title": "Bedöm nominering",
        "slack.jury.score_submit": "Spara",
        "slack.jury.score_intro": (
            "*{nominee}* (id {id}). De obligatoriska kriterierna bedöms med ja eller nej, de tre "
            "bedömningskriterierna från 1 till 5. Vid jäv: kryssa i jäv, så sparas ingen bedömning."
        ),
        "slack.jury.yes": "Ja",
        "slack.jury.no": "Nej",
        "slack.jury.grade": "1–5",
        "slack.jury.grade_hint": "1 = svagt, 5 = mycket starkt.",
        "slack.jury.comment_label": "Kommentar (frivilligt)",
        "slack.jury.conflict_label": "Jäv",
        "slack.jury.conflict_option": "Jag anmäler jäv för den här nomineringen",
        "slack.jury.reason_label": "Skäl för jäv (frivilligt)",
        "slack.home.jury_ranking": "*Rankning, Trygghetspriset {year}* (bara för juryn)",
        "slack.home.jury_rank_item": "{place}. *{nominee}* ({id}) · poäng {score} · bedömd av {scored_by} · {eligible}",
        "slack.home.jury_todo": "*Du har kvar att bedöma:* {items}",
        "slack.home.jury_todo_none": "Du har bedömt eller anmält jäv för varje nominering.",
        "slack.home.decide": "Utse vinnare",
        "slack.home.decide_confirm_title": "Utse vinnare?",
        "slack.home.decide_confirm_text": "Beslutet stänger bedömningen och meddelas i juryns kanaler.",
        "slack.home.decide_confirm_yes": "Utse",
        "slack.home.decide_confirm_no": "Avbryt",
        "slack.jury.digest_header.one": (
            "*Nomineringsperioden för Trygghetspriset {year} har stängt.* 1 nominering att bedöma:"
        ),
        "slack.jury.digest_header.many": (
            "*Nomineringsperioden för Trygghetspriset {year} har stängt.* {count} nomineringar att bedöma:"
        ),
        "slack.jury.digest_item": "• <{link}|{nominee}> (id {id})",
        "slack.jury.digest_item_nolink": "• {nominee} (id {id})",
    }
)
