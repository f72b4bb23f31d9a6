"""What a decision document says about itself, read from its own sections.

Date, registration number (diarienummer), where it was prepared, when it was handled, who
approved it digitally, its attachments and the decision it proposes. Read the same way for
the shipped documents and for every imported one (both go through ``build_knowledge``), so
an imported document in the same layout answers the same questions. Every text kept is the
document's own sentence, so it can be quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from bot.knowledge.models import Approval, Document, DocumentMeta, DocumentSection, SourcedText, SourceRef

_SPACES = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
_REGISTRATION = re.compile(r"\b(?:Dnr|Diarienummer|Diarienr)\.?\s*:?\s*([A-ZÅÄÖ]{0,5}[\s-]?\d[\w./:-]*\d)", re.I)
_PREPARED = re.compile(r"beretts (?:inom|av|på) (.+?)(?:\.|$)", re.I)
_HANDLED = re.compile(
    r"behandla\w*\b.*\b\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|september|"
    r"oktober|november|december) \d{4}",
    re.I,
)
_APPROVAL = re.compile(r"([A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)+), ([^,\d]+?) (\d{4}-\d{2}-\d{2})\b")
_TABLE_HEADER = re.compile(r"\bNamn\s+Datum\b")
_PROPOSAL_HEADING = re.compile(r"förslag till beslut", re.I)
_ATTACHMENT_HEADING = re.compile(r"^bilag", re.I)
_CASE_DOCUMENTS_HEADING = re.compile(r"^handlingar", re.I)
# The signatories that follow in the same block: a name of two capitalised words, then a capitalised title
# (a PDF's text may run them onto the last document's line).
_PERSON = re.compile(r"(?:^|\s)[A-ZÅÄÖ][\w-]+ [A-ZÅÄÖ][\w-]+ [A-ZÅÄÖ]")
# A numbered attachment in the signature block: "1. Nomineringstext om trygghetspris 2023".
_NUMBERED = re.compile(r"(?<!\S)\d{1,2}\.\s+([A-ZÅÄÖ][^\n]*?)(?=\s+(?:Attesterat|Bilaga|\d{1,2}\.\s)|\n|$)")
_POINT = re.compile(r"(?<!\S)\d{1,2}\.\s+")


def with_metadata(document: Document, sections: Iterable[DocumentSection]) -> Document:
    """``document`` with :class:`DocumentMeta` read from ``sections`` (its own words)."""
    return document.model_copy(update={"meta": read_metadata(document.id, list(sections))})


def read_metadata(document_id: str, sections: list[DocumentSection]) -> DocumentMeta:
    registration = None
    prepared: SourcedText | None = None
    department = None
    handled: list[SourcedText] = []
    approvals: list[Approval] = []
    attachments: list[SourcedText] = []
    case_documents: list[SourcedText] = []
    proposal: list[SourcedText] = []
    for section in sections:
        source = SourceRef(document=document_id, section=section.heading)
        text = section.text
        flat = _SPACES.sub(" ", text).strip()
        match = _REGISTRATION.search(flat)
        if match and registration is None:
            registration = SourcedText(text=match.group(1).strip(), source=source)
        if _PROPOSAL_HEADING.search(section.heading):
            proposal += [SourcedText(text=point, source=source) for point in _points(flat)]
            continue
        for sentence in _SENTENCE.split(flat):
            found = _PREPARED.search(sentence)
            if found and prepared is None:
                prepared, department = SourcedText(text=sentence, source=source), found.group(1)
            if _HANDLED.search(sentence):
                handled.append(SourcedText(text=sentence, source=source))
        if "godkänts digitalt" in flat or "Attesterat" in flat:
            table = _TABLE_HEADER.sub(" ", flat)  # "Namn Datum" heads the approvals table
            approvals += [
                Approval(name=name, title=title.strip(), on=date.fromisoformat(day), source=source)
                for name, title, day in _APPROVAL.findall(table)
            ]
        if _CASE_DOCUMENTS_HEADING.search(section.heading):
            case_documents += [SourcedText(text=line, source=source) for line in _case_documents(text)]
        if _ATTACHMENT_HEADING.search(section.heading):
            attachments += [SourcedText(text=line.strip(), source=source) for line in text.splitlines() if line.strip()]
        elif "Attesterat" in flat or "godkänts digitalt" in flat or section is sections[-1]:
            attachments += [SourcedText(text=item.strip(), source=source) for item in _NUMBERED.findall(text)]
    return DocumentMeta(
        registration_number=registration,
        prepared_in=prepared,
        department=department,
        handled=handled,
        approvals=approvals,
        attachments=attachments,
        case_documents=case_documents,
        proposal=proposal,
    )


def _case_documents(text: str) -> list[str]:
    """The lines of "Handlingar i ärendet" up to the first signatory's name."""
    found: list[str] = []
    for line in text.splitlines():
        person = _PERSON.search(line)
        kept = (line[: person.start()] if person else line).strip()
        if kept:
            found.append(kept)
        if person:
            break
    return found


def _points(text: str) -> list[str]:
    """The proposal as its numbered points ("1. … 2. …"), or its sentences."""
    if _POINT.match(text):
        return [point.strip() for point in _POINT.split(text) if point.strip()]
    return [sentence.strip() for sentence in _SENTENCE.split(text) if sentence.strip()]
