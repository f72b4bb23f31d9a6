TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominera till Trygghetspriset {year}",
    "teams.card.fix_errors": "Något behöver rättas innan nomineringen kan skickas in; se markeringarna nedan.",
    "teams.too_long": "Meddelandet är för långt för mig: skriv högst {limit} tecken, gärna en fråga i taget.",
    "teams.empty_question": "Skriv din fråga efter mitt namn, till exempel: vem vann 2019?",
    "teams.welcome": "Hej! Fråga mig om Trygghetspriset och Trygghetspaketet, eller skriv ”nominera”.",
}

# The jury's work in Teams: the scoring card, the ranking card, the digest.
TEXTS.update(
    {
        "teams.jury.assess": "Bedöm",
        "teams.jury.scored": "Bedömd av {count} av {total} i juryn.",
        "teams.jury.score_title": "Bedöm: {nominee} (id {id})",
        "teams.jury.score_intro": (
            "De obligatoriska kriterierna bedöms med ja eller nej, de tre bedömningskriterierna från 1 till 5. "
            "Vid jäv: kryssa i jäv, så sparas ingen bedömning."
        ),
        "teams.jury.fix_errors": "Bedömningen är inte sparad: rätta det som är markerat nedan.",
        "teams.jury.refused": "Tyvärr, bedömningen och rankningen är bara för juryn i Trygghetspriset.",
        "teams.jury.personal_only": "Rankningen visas bara i en personlig chatt med mig: skriv ”rankning” där.",
        "teams.jury.ranking_title": "Rankning, Trygghetspriset {year} (bara för juryn)",
        "teams.jury.rank_item": "{place}. **{nominee}** ({id}) · poäng {score} · bedömd av {scored_by} · {eligible}",
        "teams.jury.todo": "**Du har kvar att bedöma:** {items}",
        "teams.jury.winner_label": "Vinnare",
        "teams.jury.digest_header": (
            "**Nomineringsperioden för Trygghetspriset {year} har stängt.** {count} nomineringar att bedöma:"
        ),
        "teams.jury.digest_item": "- {nominee} (id {id})",
    }
)
