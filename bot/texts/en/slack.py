TEXTS: dict[str, str] = {
    # the nomination modal
    "slack.modal.title": "Nominate",
    "slack.modal.title_edit": "Edit nomination",
    "slack.modal.close": "Cancel",
    # replies
    "slack.period_closed": "{message}",
    "slack.action_failed": "That did not work: {message}",
    "slack.empty_question": "Type your question after the command, for example: /trygghet who won in 2019?",
    # jury
    "slack.jury.lead": "*Nominated:* {nominee}",
    "slack.jury.partners": "*Partners:* {partners}",
    "slack.jury.nominator": "*{label}:* {nominator}",
    "slack.jury.checklist": "*Criteria:*\n{items}",
    "slack.jury.show_full": "Show the whole nomination",
    "slack.jury.full_title": "Nomination",
    "slack.jury.refused": (
        "Sorry, this is only for the jury of Trygghetspriset (whole nominations, overview and export)."
    ),
    "slack.jury.export_title": "Nominations for Trygghetspriset {year}",
    "slack.jury.export_comment.one": (
        "Here is the submitted nomination for Trygghetspriset {year} as a CSV file (opens in Excel)."
    ),
    "slack.jury.export_comment.many": (
        "Here are the {count} submitted nominations for Trygghetspriset {year} as a CSV file (opens in Excel)."
    ),
    "slack.jury.export_failed": "The export could not be sent right now. Please try again in a moment.",
    "slack.jury.list_modal_title": "This year's nominations",
    "slack.jury.list_title": "*Submitted nominations for Trygghetspriset {year}: {count}*",
    "slack.jury.list_item": "*{nominee}*\nPartners: {partners}\nNominated by: {nominator} · id {id}",
    "slack.jury.not_found": "I find no nomination with id {id}.",
    # App Home
    "slack.home.title": "Trygghetsbot",
    "slack.home.period_open.one": "The nomination period for Trygghetspriset {year} is open until {closes} (today is the last day).",
    "slack.home.period_open.many": "The nomination period for Trygghetspriset {year} is open until {closes} ({count} days left).",
    "slack.home.period_closed": "{message}",
    "slack.home.mine": "*Your nominations*",
    "slack.home.none": "You have no nominations yet. Type /nominera or write “nominate” to me.",
    "slack.home.item": "*{nominee}*\n{status} · id {id}",
    "slack.home.edit": "Edit",
    "slack.home.withdraw": "Withdraw",
    "slack.home.withdraw_confirm_title": "Withdraw?",
    "slack.home.withdraw_confirm_text": "The jury is told that the nomination is withdrawn.",
    "slack.home.withdraw_confirm_yes": "Withdraw",
    "slack.home.withdraw_confirm_no": "Keep",
    "slack.home.examples": "*Ask me, for example:*\n{items}",
    "slack.home.example_questions": "who won in 2019?|what did trygghetsvärdar get in 2025?|when can I nominate?|which criteria apply?",
    "slack.home.jury_list": "Show all nominations",
    "slack.home.jury_export": "Export to CSV",
    "slack.home.jury.one": "*For the jury:* 1 submitted nomination this year. The nominations are posted in {channels}.",
    "slack.home.jury.many": "*For the jury:* {count} submitted nominations this year. The nominations are posted in {channels}.",
}

# The jury's work in Slack: scoring, App Home, the digest.
TEXTS.update(
    {
        "slack.jury.assess": "Assess",
        "slack.jury.score_title": "Assess nomination",
        "slack.jury.score_submit": "Save",
        "slack.jury.score_intro": (
            "*{nominee}* (id {id}). The mandatory criteria are assessed with yes or no, the three "
            "assessment criteria from 1 to 5. With a conflict of interest: tick it, and no assessment is saved."
        ),
        "slack.jury.yes": "Yes",
        "slack.jury.no": "No",
        "slack.jury.grade": "1–5",
        "slack.jury.grade_hint": "1 = weak, 5 = very strong.",
        "slack.jury.comment_label": "Comment (optional)",
        "slack.jury.conflict_label": "Conflict of interest",
        "slack.jury.conflict_option": "I declare a conflict of interest for this nomination",
        "slack.jury.reason_label": "Reason for the conflict of interest (optional)",
        "slack.home.jury_ranking": "*Ranking, Trygghetspriset {year}* (for the jury only)",
        "slack.home.jury_rank_item": "{place}. *{nominee}* ({id}) · score {score} · assessed by {scored_by} · {eligible}",
        "slack.home.jury_todo": "*You still have to assess:* {items}",
        "slack.home.jury_todo_none": "You have assessed or declared a conflict of interest for every nomination.",
        "slack.home.decide": "Choose the winner",
        "slack.home.decide_confirm_title": "Choose the winner?",
        "slack.home.decide_confirm_text": "The decision closes the assessment and is announced in the jury's channels.",
        "slack.home.decide_confirm_yes": "Choose",
        "slack.home.decide_confirm_no": "Cancel",
        "slack.jury.digest_header.one": (
            "*The nomination period for Trygghetspriset {year} has closed.* 1 nomination to assess:"
        ),
        "slack.jury.digest_header.many": (
            "*The nomination period for Trygghetspriset {year} has closed.* {count} nominations to assess:"
        ),
        "slack.jury.digest_item": "• <{link}|{nominee}> (id {id})",
        "slack.jury.digest_item_nolink": "• {nominee} (id {id})",
    }
)
