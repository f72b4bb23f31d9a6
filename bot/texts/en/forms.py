"""Texts every chat platform shares: the nomination form, replies after a submission, the jury post."""

TEXTS: dict[str, str] = {
    "form.submit": "Submit",
    "form.intro": (
        "*Trygghetspriset {year}* – theme: “{theme}”. The nomination period is {opens} to {closes}.\n"
        "*Mandatory criteria:* {mandatory}.\n*The jury also assesses whether:* {assessment}."
    ),
    "form.label.nominee": "Nominated effort or organisation",
    "form.label.partners": "Organisations that carry out the effort together (at least two, including the lead one)",
    "form.label.description": "Description of the effort",
    "form.label.added_value": "Added value beyond ordinary operations",
    "form.label.innovation": "Innovation (optional)",
    "form.label.inspiration": "Can inspire others (optional)",
    "form.label.results": "Results (optional)",
    "form.label.contact": "Contact person of the nominees (optional)",
    "form.label.nominator_name": "Your name",
    "form.label.nominator_email": "Your e-mail address (optional)",
    "form.hint.nominee": "The name of the effort or of the organisation responsible for it.",
    "form.hint.partners": "One per line. The effort's name does not count as an organisation. The criterion: “{criterion}”.",
    "form.hint.added_value": "At least {minimum} words on what goes beyond ordinary operations. The criterion: “{criterion}”.",
    "form.hint.assessment": "The jury assesses whether “{criterion}”.",
    "form.hint.description": "What is done, where and for whom? At least {minimum} words.",
    "form.hint.contact": "Name and phone number or e-mail.",
    "form.hint.nominator_email": "So that the jury can reach you.",
    "form.hint.nominator_name": "So that the jury knows who nominates.",
    "chat.submitted": (
        "Thank you! Your nomination of “{nominee}” for Trygghetspriset {year} is submitted (id {id}).\n{summary}"
    ),
    "chat.duplicate_note": "Note: you have already nominated the same effort this year (id {id}); the jury sees both.",
    "chat.edited": "The changes to nomination {id} are saved and the jury has been told.",
    "chat.withdrawn": "Nomination {id} is withdrawn and the jury has been told.",
    "chat.error": "Something went wrong on my side and I could not answer. Please try again in a moment.",
    "chat.unavailable": "I cannot reach the database right now, so what you wrote could not be saved. Please try again in a minute. I can still answer questions about Trygghetspriset and Trygghetspaketet.",
    "nom.error.unavailable": "The nomination could not be saved right now (the database is not answering) and nothing was saved. Please try again in a minute.",
    "post.header": "New nomination for Trygghetspriset {year}",
    "post.header_edited": "Edited nomination for Trygghetspriset {year}",
    "post.header_withdrawn": "Withdrawn nomination for Trygghetspriset {year}",
    "post.fallback": "Nomination for Trygghetspriset {year}: {nominee} (id {id})",
    "post.nominated_by": "Nominated by",
    "post.withdrawn_note": "The nominator has withdrawn the nomination.",
    "post.meta": "Id {id} · Trygghetspriset {year} · {status}",
}
