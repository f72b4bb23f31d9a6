TEXTS: dict[str, str] = {
    "slack.modal.title": "Nominate",
    "slack.modal.title_edit": "Edit nomination",
    "slack.modal.submit": "Submit",
    "slack.modal.close": "Cancel",
    "slack.empty_question": "Type your question after the command, for example: /trygghet who won in 2019?",
    "slack.error": "Something went wrong on my side and I could not answer. Please try again in a while.",
    "slack.jury.refused": "Sorry, this is only for the jury of Trygghetspriset (full nominations, overview and export).",
    "slack.jury.export_title": "Nominations for Trygghetspriset {year}",
    "slack.jury.export_comment": "The {count} submitted nominations for Trygghetspriset {year} as a CSV file (opens in Excel).",
    "slack.jury.export_failed": "The export could not be sent right now. Please try again in a while.",
    "slack.home.jury_export": "Export to CSV",
}
