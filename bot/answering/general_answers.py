"""Help and the polite "not in my documents" answer."""

from __future__ import annotations

from bot.answering import lexicon as lx
from bot.answering.query import Query


def help_(q: Query) -> None:
    q.draft.say("general.help")


def year_only(q: Query) -> None:
    """A bare year: suggest what can be asked about it (only what the documents cover for that year)."""
    r, year = q.draft, q.years[0]
    examples = []
    if q.knowledge.prize.winner_for(year):
        examples.append(r.text("general.example_winner", year=year))
    if q.knowledge.prize.round_for(year) or q.knowledge.prize.winner_for(year):
        examples.append(r.text("general.example_theme", year=year))
    if any(column.year == year for column in q.knowledge.budget.columns):
        examples.append(r.text("general.example_budget", year=year))
    if examples:
        r.say("general.year_only", year=year, examples=r.join(examples, "fmt.or"))
    else:
        r.not_found("general.year_unknown", year=year)


def out_of_scope(q: Query) -> None:
    """No structured answer fits: the documents' own words when a passage truly answers, else say so."""
    passage = q.passages.best(q.text.raw) if q.passages else None
    if passage is None:
        q.draft.not_found("general.out_of_scope")
        return
    q.draft.fact(f"passage.{passage.source.document}", passage.text, passage.source)
    q.draft.say("general.passage", text=passage.text)


def _names_document(q: Query, document_id: str) -> bool:
    """Whether the question names this document's subject (the prize or the package)."""
    cue = lx.PACKAGE if document_id == q.knowledge.budget.table_source.document else lx.PRIZE
    return q.has(cue)


def signatory(q: Query) -> None:
    """Who signed the documents ("vem är socialdirektör?"), as each document's signature block says."""
    r, documents = q.draft, q.knowledge.documents
    named = [doc for doc in documents.values() if _names_document(q, doc.id)] or list(documents.values())
    wanted = q.entities.signatories or [(doc.id, i) for doc in named for i in range(len(doc.signed_by))]
    if not wanted:
        r.not_found("doc.no_signatory")
        return
    if q.has(lx.REPLACED) and q.entities.signatories and _replaced(q):
        return
    for doc_id, index in wanted:
        doc = documents[doc_id]
        person = doc.signed_by[index]
        r.fact(f"documents.{doc_id}.signed_by[{index}]", f"{person.name}, {person.title}", doc.signature_source())
        r.say(
            "doc.signatory",
            name=person.name,
            title=person.title.lower(),
            unit=person.unit,
            document=doc.title,
            dated=r.date(doc.dated),
        )


def _replaced(q: Query) -> bool:
    """ "vem skrev under 2026 i stället för X?": who signs the newer document of the same series that
    the named signatory's document had not, with their titles. False when no newer one exists."""
    r, documents = q.draft, q.knowledge.documents
    doc_id, index = q.entities.signatories[0]
    older = documents[doc_id]
    series = older.id.rsplit("-", 1)[0]  # "trygghetspaketet-2025" -> "trygghetspaketet"
    newer = [doc for doc in documents.values() if doc.id.rsplit("-", 1)[0] == series and doc.dated > older.dated]
    if not newer:
        return False
    latest = max(newer, key=lambda doc: doc.dated)
    before = {person.name for person in older.signed_by}
    arrived = [person for person in latest.signed_by if person.name not in before]
    gone = older.signed_by[index]
    r.fact(f"documents.{older.id}.signed_by[{index}]", f"{gone.name}, {gone.title}", older.signature_source())
    for number, person in enumerate(latest.signed_by):
        if person in arrived:
            r.fact(
                f"documents.{latest.id}.signed_by[{number}]",
                f"{person.name}, {person.title}",
                latest.signature_source(),
            )
    if not arrived:
        r.say("doc.no_new_signatory", document=latest.title, name=gone.name)
        return True
    names = r.join([f"{person.name} ({person.title.lower()}, {person.unit})" for person in arrived])
    r.say("doc.new_signatory", document=latest.title, names=names, name=gone.name, older=older.title)
    return True
