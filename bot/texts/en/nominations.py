"""English texts for nominations: same keys as ``bot/texts/sv/nominations.py``."""

TEXTS: dict[str, str] = {
    "nom.field.nominee": "nominated effort or organisation",
    "nom.field.partners": "organisations working together",
    "nom.field.description": "description",
    "nom.field.added_value": "added value",
    "nom.field.innovation": "innovation",
    "nom.field.inspiration": "can inspire others",
    "nom.field.results": "results",
    "nom.field.contact": "nominee's contact person",
    "nom.field.nominator.name": "your name",
    "nom.field.nominator.email": "your e-mail address",
    "nom.field.id": "id",
    "nom.field.period": "nomination period",
    "nom.field.file": "file",
    "nom.error.empty": "The field “{field}” must not be empty.",
    "nom.error.control": "The field “{field}” contains control characters ({code}). Please write plain text.",
    "nom.error.line_break": "The field “{field}” must be a single line but contains a line break ({code}). Write it on one line.",
    "nom.error.bidi": (
        "The field “{field}” contains an invisible character that changes the reading direction ({code}). "
        "Remove it and write plain text."
    ),
    "nom.error.unreadable": "The field “{field}” contains a character that cannot be shown ({code}). Please write plain text.",
    "nom.error.too_long": "The field “{field}” is too long ({length} characters). At most {limit} are allowed.",
    "nom.error.email": "The field “{field}”: “{value}” is not a valid e-mail address (e.g. name@example.com).",
    "nom.error.contact_email": (
        "The field “{field}”: “{value}” looks like an e-mail address but is not valid (e.g. name@example.com)."
    ),
    "nom.error.too_many_partners": "The field “{field}” lists too many organisations. At most {limit} are allowed.",
    "nom.error.collaboration": (
        "The criterion “{quote}” is not met: name at least {minimum} different organisations that carry out "
        "the effort together, the lead organisation included (the effort's name does not count). "
        "The same organisation twice counts once."
    ),
    "nom.error.collaboration_effort": (
        "The criterion “{quote}” is not met: {names} is the name of the nominated effort and does not count as "
        "an organisation. Name at least {minimum} different organisations that carry out the effort together, "
        "the lead organisation included."
    ),
    "nom.error.added_value": (
        "The criterion “{quote}” is not met. Explain in your own words, at least {minimum} words, what the "
        "effort does beyond the ordinary activity of the organisations taking part."
    ),
    "nom.error.description_short": (
        "The description is too short: tell in at least {minimum} words what is done, where and for whom."
    ),
    "nom.error.not_found": "I cannot find a nomination of yours with id {id}.",
    "nom.error.withdrawn": "The nomination {id} is withdrawn and cannot be changed.",
    "nom.error.skip_required": "The field “{field}” is required and cannot be skipped.",
    "nom.error.unknown_field": "I do not recognise the field “{value}”. Write for example “ändra 4”.",
    "nom.error.first_step": "You are already at the first question.",
    "nom.error.key_reused": (
        "The key “{key}” was already used for the nomination {id}, with other content. "
        "Nothing was saved. Use a new key for a new nomination."
    ),
    "nom.period.not_yet_open": (
        "The nomination period for Trygghetspriset {year} (“{theme}”) has not opened yet. "
        "You can nominate from {opens} to {closes} inclusive. Nothing was saved."
    ),
    "nom.period.closed": (
        "The nomination period for Trygghetspriset {year} (“{theme}”) was {opens} to {closes} inclusive "
        "and is now closed. Nothing was saved."
    ),
    "nom.dialog.start": (
        "Great that you want to nominate for Trygghetspriset {year}; the theme is “{theme}”. "
        "I will ask one thing at a time. You can write “tillbaka” (back), “hoppa över” (skip, optional "
        "questions), “spara” (save a draft) or “avbryt” (cancel) at any time."
    ),
    "nom.dialog.joined_partners": (
        "Is {names} more than one organisation ({parts})? Answer “yes” and I count them separately, "
        "or “no” if it is the name of one organisation."
    ),
    "nom.dialog.resume": "You have a nomination in progress. Let us continue where you were.",
    "nom.ask.nominee": "Which effort or operation do you want to nominate? Give its name or the lead organisation.",
    "nom.ask.partners": "Which organisations carry out the effort together? Include the lead organisation and separate them with commas (at least two). Criterion: “{criterion}”.",
    "nom.ask.description": "Describe the effort: what is done, where and for whom?",
    "nom.ask.added_value": "What added value does it give beyond ordinary operations? Criterion: “{criterion}”.",
    "nom.ask.innovation": "How is it innovative? The jury assesses whether “{criterion}”. (Optional.)",
    "nom.ask.inspiration": "How can it inspire others? The jury assesses whether “{criterion}”. (Optional.)",
    "nom.ask.results": "What results has it shown? The jury assesses whether “{criterion}”. (Optional.)",
    "nom.ask.contact": "Who is the nominee's contact person (name and phone or e-mail)? (Optional.)",
    "nom.ask.nominator.name": "What is your name?",
    "nom.ask.nominator.email": "At which e-mail address can the jury reach you?",
    "nom.ask.nominator.email_optional": "At which e-mail address can the jury reach you? (Optional.)",
    "nom.dialog.current": "Current answer: {value}",
    "nom.dialog.retry": "Please try again: {prompt}",
    "nom.dialog.cancelled_edit": "Your changes are not saved. The nomination {id} is still submitted as before.",
    "nom.dialog.cancelled_draft_unsaved": (
        "The nomination is cancelled. Your saved draft {id} is kept, but the answers you gave after you last "
        "saved are not. Write “continue” to pick up the draft."
    ),
    "nom.dialog.confirm_cancel": (
        "You have filled in {count} fields. Do you really want to cancel? Answer “yes” to cancel or “no” to go on "
        "(write “save” to keep a draft first)."
    ),
    "nom.dialog.cancel_declined": "Good, let us go on.",
    "nom.dialog.did_you_mean": "Did you mean “{command}”? Answer “yes”, or “no” if “{text}” is your answer.",
    "nom.dialog.in_progress": "You have a nomination in progress (question {number} of {total}). We go on here:",
    "nom.dialog.in_progress_summary": "You have a nomination in progress, ready to review. We go on here:",
    "nom.summary.fix_hint": "Write “change {number}” to correct “{field}”.",
    "nom.list.hint_closed": "The nomination period is closed, so nominations can no longer be changed or withdrawn.",
    "nom.edit.syntax": "Write “edit nomination ID”, for example “edit nomination {example}”.",
    "nom.withdraw.syntax": "Write “withdraw ID”, for example “withdraw {example}”.",
    "nom.dialog.previous": "Your earlier answer: {value}",
    "nom.dialog.cancelled": "The nomination is cancelled. Nothing was submitted.",
    "nom.dialog.cancelled_draft": "The nomination is cancelled. Your saved draft {id} is kept; write “fortsätt” to resume it.",
    "nom.dialog.saved": "The draft is saved (id {id}). Write “fortsätt” when you want to continue.",
    "nom.dialog.nothing_to_resume": "You have no nomination in progress. Write “nominera” to start.",
    "nom.dialog.back_to_dialog": "Back to the nomination: {prompt}",
    "nom.summary.title": "This is the nomination:",
    "nom.summary.line": "{number}. {label}: {value}",
    "nom.summary.empty": "(not filled in)",
    "nom.summary.checklist": "Criteria:",
    "nom.summary.check_met": "✔ {text} (mandatory)",
    "nom.summary.check_missing": "✘ {text} (mandatory – must be fixed)",
    "nom.summary.check_jury": "• {text} (mandatory – judged by the jury; do explain it in the description)",
    "nom.summary.assess_met": "✔ {text} (assessed by the jury)",
    "nom.summary.assess_missing": "○ {text} (assessed by the jury – not answered)",
    "nom.summary.actions": (
        "Write “skicka” to submit, “ändra” and a number or field (e.g. “ändra 4”) to change it, "
        "“spara” to save a draft or “avbryt” to cancel."
    ),
    "nom.summary.actions_edit": "Write “skicka” to save the changes, “ändra” and a number to change a field, or “avbryt”.",
    "nom.summary.not_ready": "The nomination cannot be submitted yet:",
    "nom.submitted": "Thank you! The nomination of “{nominee}” is submitted to the jury of Trygghetspriset {year} (id {id}).",
    "nom.submitted_again": "The nomination of “{nominee}” was already submitted (id {id}). Nothing new was stored.",
    "nom.duplicate": (
        "Note: you already nominated “{nominee}” this year (id {other}). "
        "The new nomination is flagged as a possible duplicate for the jury."
    ),
    "nom.edited": "The changes to nomination {id} are saved and the jury will be told.",
    "nom.withdraw.confirm": "Do you want to withdraw nomination {id} of “{nominee}”? Answer “ja” (yes) or “nej” (no).",
    "nom.withdraw.done": "Nomination {id} is withdrawn.",
    "nom.withdraw.kept": "Nomination {id} is kept; nothing changed.",
    "nom.list.title": "Your nominations for Trygghetspriset {year}:",
    "nom.list.item": "• {id}: {nominee} – {status}",
    "nom.list.none": "You have no nominations for Trygghetspriset {year}.",
    "nom.list.hint": "Write “ändra nominering ID” or “återkalla ID”.",
    "nom.status.draft": "draft",
    "nom.status.submitted": "submitted",
    "nom.status.withdrawn": "withdrawn",
    "nom.status.duplicate": "possible duplicate",
    "nom.cli.file_error": "Cannot read {path}: {error}.",
    "nom.cli.write_error": "Cannot write the file {path}: {error}.",
    "nom.cli.bad_json": "The file {path} is not valid JSON (error at line {line}, column {column}).",
    "nom.cli.bad_utf8": "The file {path} is not UTF-8 text. Save it as UTF-8 and try again.",
    "nom.cli.too_deep": "The file {path} has too deeply nested JSON. A nomination is a JSON object with text fields.",
    "nom.cli.too_long_number": "The file {path} contains too long a number. A nomination is a JSON object with text fields.",
    "nom.cli.too_large": "The file {path} is too large (more than {megabytes} MB). A nomination is a JSON object with text fields of a few kB.",
    "nom.cli.bad_field": "The field “{field}”: {error}",
    "nom.cli.created": "The nomination is submitted with id {id}.",
    "nom.cli.already_submitted": "The nomination was already submitted (id {id}). Nothing new was saved.",
    "nom.cli.store_error": "The database cannot be used: {error}",
    "nom.cli.round_error": "Invalid nomination round: there is no round {year} in the knowledge data (known rounds: {known}).",
    "nom.cli.exported.one": "1 nomination written to {path}.",
    "nom.cli.exported.many": "{count} nominations written to {path}.",
    "nom.cli.list_header.one": "1 nomination:",
    "nom.cli.list_header.many": "{count} nominations:",
    "nom.cli.list_item": "{id}  {year}  {status:<10}  {nominee}  ({nominator})",
}

TEXTS.update(
    {
        "nom.csv.id": "Id",
        "nom.csv.round_year": "Round",
        "nom.csv.status": "Status",
        "nom.csv.submitted_at": "Submitted",
        "nom.csv.nominee": "Nominated effort/organisation",
        "nom.csv.partners": "Partners",
        "nom.csv.description": "Description",
        "nom.csv.added_value": "Added value",
        "nom.csv.innovation": "Innovation",
        "nom.csv.inspiration": "Can inspire others",
        "nom.csv.results": "Results",
        "nom.csv.contact": "Contact",
        "nom.csv.nominator_name": "Nominated by",
        "nom.csv.nominator_email": "Nominator e-mail",
        "nom.csv.nominator_user": "Nominator user id",
        "nom.csv.updated_at": "Last edited",
        "nom.csv.criterion": "Criterion: {text}",
        "nom.csv.yes": "yes",
        "nom.csv.no": "no",
        "nom.csv.jury": "judged by the jury",
        "nom.csv.duplicate_of": "Possible duplicate of",
    }
)
