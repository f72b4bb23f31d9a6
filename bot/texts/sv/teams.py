TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominera till Trygghetspriset {year}",
    "teams.card.title_edit": "Ändra nominering {id}",
    "teams.card.fix_errors": "Något behöver rättas innan nomineringen kan skickas in; se markeringarna nedan.",
    "teams.card.submit_fallback": "Nomineringsformuläret för Trygghetspriset {year}.",
    "teams.card.no_form": "Skriv ”nominera” så får du formuläret igen.",
    "teams.empty_question": "Skriv din fråga efter mitt namn, till exempel: vem vann 2019?",
    "teams.welcome": "Hej! Fråga mig om Trygghetspriset och Trygghetspaketet, eller skriv ”nominera”.",
}
