TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominate for Trygghetspriset {year}",
    "teams.card.fix_errors": "Something needs fixing before the nomination can be submitted; see the notes below.",
    "teams.too_long": "That message is too long for me: please write at most {limit} characters, ideally one question at a time.",
    "teams.empty_question": "Write your question after my name, for example: who won in 2019?",
    "teams.welcome": "Hi! Ask me about Trygghetspriset and Trygghetspaketet, or write “nominate”.",
}
