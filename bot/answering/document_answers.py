"""What the documents say about themselves: date, registration number, who prepared and
approved them, when they were handled, their attachments and the decision they propose.

Read by ``bot.knowledge.metadata`` from each document's own sections; a detail a document
does not state is said to be missing, then what the document does say about itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from bot.answering import lexicon as lx
from bot.answering.query import Query
from bot.knowledge.models import Document
from bot.texts import quoted


def asks_about_document(has: Callable[[lx.Cue], bool]) -> bool:
    """Whether the question asks for a fact of the documents themselves (the classifier's rule)."""
    return bool(_facets(has))


def document_meta(q: Query) -> None:
    documents = _documents(q)
    facets = _facets(q.has) or [_date]
    for document in documents:
        for facet in facets:
            facet(q, document)


def _facets(has: Callable[[lx.Cue], bool]) -> list[Callable[[Query, Document], None]]:
    chosen: list[Callable[[Query, Document], None]] = []
    about_a_document = has(lx.DOCUMENT_WORDS) or has(lx.PACKAGE) or has(lx.PRIZE)
    if has(lx.REGISTRATION_NUMBER):
        chosen.append(_registration)
    if has(lx.CASE_DOCUMENTS):
        chosen.append(_case_documents)
    if has(lx.ATTACHMENT):
        chosen.append(_attachments)
    if has(lx.APPROVED) and (has(lx.DOCUMENT_DATE) or has(lx.YEAR_QUESTION) or about_a_document):
        chosen.append(_approvals)
    if has(lx.HANDLED):
        chosen.append(_handled)
    if has(lx.OFFICE) or (has(lx.PREPARED_BY) and about_a_document and not has(lx.WHO)):
        chosen.append(_prepared)
    if has(lx.DOCUMENT_DATE) and has(lx.DOCUMENT_WORDS) and not chosen:
        chosen.append(_date)
    if has(lx.PROPOSED_DECISION) and about_a_document:
        chosen.append(_proposal)
    return chosen


def _documents(q: Query) -> list[Document]:
    """The documents the question names (the package's, the prize's, or a year's), newest of a kind."""
    kb = q.knowledge
    kinds: list[list[str]] = []
    if q.has(lx.PACKAGE):
        kinds.append([budget.table_source.document for budget in kb.budgets])
    if q.has(lx.PRIZE):
        kinds.append([prize.amount_source.document for prize in kb.prizes])
    if not kinds:
        kinds = [[budget.table_source.document for budget in kb.budgets], [p.amount_source.document for p in kb.prizes]]
    chosen = []
    for ids in kinds:
        documents = [kb.documents[doc_id] for doc_id in dict.fromkeys(ids)]
        named = [doc for doc in documents if any(str(year) in doc.title for year in q.years)]
        chosen.append(max(named or documents, key=lambda doc: doc.dated))
    return chosen


def _date(q: Query, document: Document) -> None:
    r = q.draft
    r.fact(f"documents.{document.id}.dated", document.dated.isoformat(), document.signature_source())
    r.say("doc.dated", document=document.title, dated=r.date(document.dated), issuer=document.issuer)


def _registration(q: Query, document: Document) -> None:
    r, number = q.draft, document.meta.registration_number
    if number is None:
        r.not_found("doc.no_registration_number", document=document.title)
        _date(q, document)  # what the document does say about itself
        return
    r.fact(f"documents.{document.id}.registration_number", number.text, number.source)
    r.say("doc.registration_number", document=document.title, number=number.text)


def _attachments(q: Query, document: Document) -> None:
    _listed(q, document, "attachments")


def _case_documents(q: Query, document: Document) -> None:
    """ "vilka handlingar finns i ärendet?": the document's own list, else its attachments."""
    if not document.meta.case_documents and document.meta.attachments:
        _attachments(q, document)
        return
    _listed(q, document, "case_documents")


def _listed(q: Query, document: Document, kind: Literal["attachments", "case_documents"]) -> None:
    """One of the document's own lists, each item quoted and cited, or that it has none."""
    r, items = q.draft, getattr(document.meta, kind)
    if not items:
        r.not_found(f"doc.no_{kind}", document=document.title)
        return
    for item in items:
        r.fact(f"documents.{document.id}.{kind}", item.text, item.source)
    r.say(f"doc.{kind}", document=document.title, items=r.join([quoted(i.text, r.lang) for i in items]))


def _approvals(q: Query, document: Document) -> None:
    r, approvals = q.draft, document.meta.approvals
    if not approvals:
        r.not_found("doc.no_approvals", document=document.title)
        _date(q, document)
        return
    for approval in approvals:
        r.fact(f"documents.{document.id}.approvals", f"{approval.name}, {approval.on}", approval.source)
        r.say(
            "doc.approval",
            name=approval.name,
            title=approval.title[:1].lower() + approval.title[1:],
            document=document.title,
            on=r.date(approval.on),
            iso=approval.on.isoformat(),
        )


def _handled(q: Query, document: Document) -> None:
    r, handled = q.draft, document.meta.handled
    if not handled:
        r.not_found("doc.not_handled", document=document.title)
        return
    for item in handled:
        r.fact(f"documents.{document.id}.handled", item.text, item.source)
        r.say("doc.quote", document=document.title, text=item.text)


def _prepared(q: Query, document: Document) -> None:
    r, meta = q.draft, document.meta
    r.fact(f"documents.{document.id}.issuer", document.issuer, document.signature_source())
    r.say("doc.issuer", document=document.title, issuer=document.issuer)
    if meta.prepared_in is not None:
        r.fact(f"documents.{document.id}.prepared_in", meta.prepared_in.text, meta.prepared_in.source)
        r.say("doc.quote", document=document.title, text=meta.prepared_in.text)


def _proposal(q: Query, document: Document) -> None:
    r, points = q.draft, document.meta.proposal
    if not points:
        r.not_found("doc.no_proposal", document=document.title)
        return
    for point in points:
        r.fact(f"documents.{document.id}.proposal", point.text, point.source)
    r.say("doc.proposal", document=document.title, items=" ".join(quoted(p.text, r.lang) for p in points))
    for budget in q.knowledge.budgets:  # a budget decision: the allocation it proposes, from its own table
        if budget.table_source.document != document.id:
            continue
        for column in (c for c in budget.columns if c.kind == "forslag"):
            figures = []
            for line in budget.lines_with(column.key):
                r.fact(f"budget.lines.{line.key}.{column.key}", line.amounts[column.key], budget.table_source)
                figures.append(
                    r.text("budget.line_amount", line=r.line(line), amount=r.money(line.amounts[column.key]))
                )
            r.say("doc.allocation", column=r.column(column), items=r.join(figures))
