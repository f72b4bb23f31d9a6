TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominera till Trygghetspriset {year}",
    "teams.card.fix_errors": "Något behöver rättas innan nomineringen kan skickas in; se markeringarna nedan.",
    "teams.too_long": "Meddelandet är för långt för mig: skriv högst {limit} tecken, gärna en fråga i taget.",
    "teams.empty_question": "Skriv din fråga efter mitt namn, till exempel: vem vann 2019?",
    "teams.welcome": "Hej! Fråga mig om Trygghetspriset och Trygghetspaketet, eller skriv ”nominera”.",
}
