TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominate for Trygghetspriset {year}",
    "teams.card.fix_errors": "Something needs fixing before the nomination can be submitted; see the notes below.",
    "teams.empty_question": "Write your question after my name, for example: who won in 2019?",
    "teams.welcome": "Hi! Ask me about Trygghetspriset and Trygghetspaketet, or write “nominate”.",
}
