TEXTS: dict[str, str] = {
    "slack.modal.title": "Nominate",
    "slack.modal.title_edit": "Edit nomination",
    "slack.modal.submit": "Submit",
    "slack.modal.close": "Cancel",
    "slack.empty_question": "Type your question after the command, for example: /trygghet who won in 2019?",
    "slack.error": "Something went wrong on my side and I could not answer. Please try again in a while.",
    "slack.jury.refused": "Sorry, full nominations can only be shown to the jury of Trygghetspriset.",
}
