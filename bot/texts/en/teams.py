TEXTS: dict[str, str] = {
    # the nomination card
    "teams.card.title": "Nominate for Trygghetspriset {year}",
    "teams.card.fix_errors": "Something needs fixing before the nomination can be submitted; see the notes below.",
    "teams.too_long": "That message is too long for me: please write at most {limit} characters, ideally one question at a time.",
    "teams.empty_question": "Write your question after my name, for example: who won in 2019?",
    "teams.welcome": "Hi! Ask me about Trygghetspriset and Trygghetspaketet, or write “nominate”.",
}

# The jury's work in Teams: the scoring card, the ranking card, the digest.
TEXTS.update(
    {
        "teams.jury.assess": "Assess",
        "teams.jury.scored": "Assessed by {count} of {total} jurors.",
        "teams.jury.score_title": "Assess: {nominee} (id {id})",
        "teams.jury.score_intro": (
            "The mandatory criteria are assessed with yes or no, the three assessment criteria from 1 to 5. "
            "With a conflict of interest: tick it, and no assessment is saved."
        ),
        "teams.jury.fix_errors": "The assessment is not saved: fix what is marked below.",
        "teams.jury.refused": "Sorry, the assessment and the ranking are for the Trygghetspriset jury only.",
        "teams.jury.personal_only": "The ranking is shown only in a personal chat with me: write “ranking” there.",
        "teams.jury.ranking_title": "Ranking, Trygghetspriset {year} (jury only)",
        "teams.jury.rank_item": "{place}. **{nominee}** ({id}) · score {score} · assessed by {scored_by} · {eligible}",
        "teams.jury.todo": "**Still to assess:** {items}",
        "teams.jury.winner_label": "Winner",
        "teams.jury.digest_header": (
            "**The nomination period for Trygghetspriset {year} has closed.** {count} nominations to assess:"
        ),
        "teams.jury.digest_item": "- {nominee} (id {id})",
    }
)
