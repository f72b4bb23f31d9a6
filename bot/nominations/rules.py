"""The prize document's criteria and the input rules, as pure functions.

Mandatory criteria (samverkan, mervärde) block submission and their messages
quote the criterion's exact wording from the knowledge data. Assessment criteria
are only reported in the checklist. Every field is also checked for emptiness,
length and control characters; a failure names the field in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.knowledge.models import Criterion, Prize, Round
from bot.nominations.model import ASSESSMENT_FIELDS, ContentField, NominationContent, Nominator
from bot.texts import quoted, t

FieldName = Literal[ContentField, "nominator.name", "nominator.email"]


@dataclass(frozen=True)
class FieldSpec:
    name: FieldName
    max_length: int
    required: bool
    multiline: bool


# Limits: long enough for a real account of the effort, short enough for a jury to read.
FIELD_SPECS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("nominee", 150, True, False),
        FieldSpec("partners", 150, True, False),  # per organisation name
        FieldSpec("description", 3000, True, True),
        FieldSpec("added_value", 3000, True, True),
        FieldSpec("innovation", 2000, False, True),
        FieldSpec("inspiration", 2000, False, True),
        FieldSpec("results", 2000, False, True),
        FieldSpec("contact", 200, False, False),
        FieldSpec("nominator.name", 100, True, False),
        FieldSpec("nominator.email", 254, False, False),
    )
}
MAX_PARTNERS = 30
# The organisations that carry out the effort together (the lead one included): the criterion
# "samverkan mellan flera verksamheter/organisationer" needs two or more distinct ones. The
# effort's name is not an organisation and does not count.
MIN_DISTINCT_ORGANISATIONS = 2
# "ett mervärde utöver ordinarie verksamhet" must be explained, not asserted: a real account of
# what goes beyond ordinary activity, at least this many words, of which this many distinct
# content words (four letters or more, not filler such as "bara", "alla", "mycket").
MIN_ADDED_VALUE_WORDS = 15
MIN_ADDED_VALUE_CONTENT_WORDS = 7
# A description of what is done, where and for whom, not a placeholder ("x", "se bifogat").
MIN_DESCRIPTION_WORDS = 8

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(?:\.[^@\s.]+)+$")
# Characters in user text, decided per class (``clean_text`` applies this to every field):
# * Line breaks -- "\n", VT, FF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028, U+2029):
#   multi-line fields turn them into "\n"; single-line fields reject them, naming the field,
#   since the user meant two lines and removing the break would glue two words together.
# * Bidi controls and marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): rejected
#   everywhere. They change the order text is shown in, so the jury could read something other
#   than what is stored; removing them silently could change what the user sees they wrote.
# * Other format characters (category Cf: U+200B zero-width space, U+2060 word joiner, U+FEFF
#   byte-order mark, U+00AD soft hyphen, ...): invisible and meaningless in the stored text, so
#   they are removed, in every field alike. Kept: U+200C/U+200D (zero-width (non-)joiner) and the
#   tag characters U+E0020-U+E007F, which build emoji and some scripts' letters.
# * Other control characters (Cc, except "\t" in multi-line fields), private-use code points
#   (Co), lone surrogates (Cs) and unassigned code points or noncharacters (Cn): rejected, since
#   nobody can read them (and a surrogate cannot even be stored as UTF-8).
_LINE_BREAKS = frozenset("\n\x0b\x0c\x85\u2028\u2029")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_KEPT_FORMAT = frozenset("\u200c\u200d") | frozenset(chr(code) for code in range(0xE0020, 0xE0080))
_UNREADABLE_CATEGORIES = frozenset({"Co", "Cs", "Cn"})


class FieldError(BaseModel):
    """One reason an input was refused: the field, the criterion if one applies, the message."""

    model_config = ConfigDict(frozen=True)

    field: str
    criterion: str | None = None
    message: str


class CriterionCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    text: str
    mandatory: bool
    met: bool
    # A mandatory criterion the bot cannot check (a direction's own): the jury judges it.
    for_jury: bool = False


class InvalidField(ValueError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error


def field_label(field: str, lang: str) -> str:
    return t(lang, f"nom.field.{field}")


def _error(field: str, lang: str, key: str, criterion: str | None = None, **values: object) -> FieldError:
    return FieldError(
        field=field,
        criterion=criterion,
        message=t(lang, key, field=field_label(field, lang), **values),
    )


def _removable(char: str) -> bool:
    return unicodedata.category(char) == "Cf" and char not in _BIDI_CONTROLS and char not in _KEPT_FORMAT


def _first_forbidden(text: str, multiline: bool) -> tuple[str, str] | None:
    """The text key and code point (``U+200F``) of the first character the field may not hold."""
    for char in text:
        code = f"U+{ord(char):04X}"
        category = unicodedata.category(char)
        if char in _LINE_BREAKS and not multiline:
            return "nom.error.line_break", code
        if char in _BIDI_CONTROLS:
            return "nom.error.bidi", code
        if category in _UNREADABLE_CATEGORIES:
            return "nom.error.unreadable", code
        if category == "Cc" and not (multiline and char in "\n\t"):
            return "nom.error.control", code
    return None


def clean_text(field: str, value: str | None, lang: str = "sv", *, required: bool | None = None) -> str | None:
    """The trimmed, NFC-normalised text, ``None`` for an empty optional field.

    Raises :class:`InvalidField` naming the field.
    """
    spec = FIELD_SPECS[field]
    must = spec.required if required is None else required
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    if spec.multiline:
        text = "".join("\n" if char in _LINE_BREAKS else char for char in text)
    text = "".join(char for char in text if not _removable(char))
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        if must:
            raise InvalidField(_error(field, lang, "nom.error.empty"))
        return None
    forbidden = _first_forbidden(text, spec.multiline)
    if forbidden:
        key, code = forbidden
        raise InvalidField(_error(field, lang, key, code=code))
    if len(text) > spec.max_length:
        raise InvalidField(_error(field, lang, "nom.error.too_long", limit=spec.max_length, length=len(text)))
    if field == "nominator.email" and not _EMAIL.match(text):
        raise InvalidField(_error(field, lang, "nom.error.email", value=text))
    if field == "contact":
        for word in text.split():
            if "@" in word and not _EMAIL.match(word.strip("<>(),;")):
                raise InvalidField(_error(field, lang, "nom.error.contact_email", value=word))
    return text


def organisation_words(name: str) -> list[str]:
    """A name's words, as names are compared: NFKC, case-folded, punctuation and symbols as spaces
    ("Trygga-Gatan!" and "trygga gatan" have the same words)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(" " if unicodedata.category(char)[0] in "PSZC" else char for char in text).split()


def organisation_key(name: str) -> str:
    """Two spellings of one organisation compare equal: case, spacing and punctuation aside."""
    return " ".join(organisation_words(name))


# Words that say a name is an organisation's (a form of association, an authority, a company), as
# word endings so compounds count too ("Hyresgästföreningen", "Bostadsbolaget", "Trafikkontoret").
_ORGANISATION_ENDINGS = (
    "förening",
    "föreningen",
    "förbund",
    "förbundet",
    "stiftelse",
    "stiftelsen",
    "bolag",
    "bolaget",
    "aktiebolag",
    "förvaltning",
    "förvaltningen",
    "nämnd",
    "nämnden",
    "kontor",
    "kontoret",
    "församling",
    "församlingen",
    "myndighet",
    "myndigheten",
    "kommun",
    "kommunen",
    "region",
    "regionen",
    "association",
    "foundation",
)
_ORGANISATION_WORDS = frozenset({"ab", "hb", "kb", "ek", "ideell", "ideella", "ltd", "inc"})


def _names_an_organisation(words: list[str]) -> bool:
    return any(word in _ORGANISATION_WORDS or word.endswith(_ORGANISATION_ENDINGS) for word in words)


def _contains_run(words: list[str], run: list[str]) -> bool:
    return any(words[start : start + len(run)] == run for start in range(len(words) - len(run) + 1))


def is_effort_name(partner: str, nominee: str) -> bool:
    """Whether ``partner`` is the nominated effort's own name rather than an organisation.

    It is when its words are the nominee's or extend them ("Nattvandring Tensta 2023" for
    "Nattvandring Tensta"), unless a word says it is an organisation's: "Föreningen Trygga Gatan"
    runs "Trygga Gatan" and counts, and a nominee that is itself an organisation ("Föreningen
    Nattvandrarna") counts as the lead organisation. A partner named inside the nominee's name
    ("Polisen" in "Trygghetsvandring med Polisen") is an organisation of its own.
    """
    nominee_words = organisation_words(nominee)
    words = organisation_words(partner)
    return bool(nominee_words) and _contains_run(words, nominee_words) and not _names_an_organisation(words)


def clean_partners(values: list[str], lang: str = "sv") -> list[str]:
    """Each name cleaned; repeats of one organisation kept once (the first spelling)."""
    if len(values) > MAX_PARTNERS:
        raise InvalidField(_error("partners", lang, "nom.error.too_many_partners", limit=MAX_PARTNERS))
    cleaned: list[str] = []
    seen: set[str] = set()
    for value in values:
        name = clean_text("partners", value, lang, required=False)
        if name is None:
            continue
        key = organisation_key(name)
        if key not in seen:
            seen.add(key)
            cleaned.append(name)
    return cleaned


def split_partners(text: str) -> list[str]:
    """A chat answer "Polisen, Fältassistenterna; Bostadsbolaget" as a list of names."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def distinct_organisations(organisations: list[str], nominee: str = "") -> int:
    """How many different organisations the names are, the effort's own name not counted."""
    return len(
        {
            key
            for name in organisations
            if (key := organisation_key(name)) and not (nominee and is_effort_name(name, nominee))
        }
    )


# A chat answer "Polisen och Fältgruppen" may be two organisations or one whose name has "och"
# in it ("Stiftelsen Idrott och Trygghet"): the dialog asks rather than guesses.
_CONJUNCTION = re.compile(r"\s+(?:och|samt|and|&|\+)\s+", re.IGNORECASE)


def joined_names(name: str) -> list[str]:
    """The parts of a name joined by "och", "samt", "and", "&" or "+" (one part when there is none)."""
    return [part.strip() for part in _CONJUNCTION.split(name) if part.strip()] or [name]


def split_joined(names: list[str]) -> list[str]:
    """Every name that joins others split into them ("Polisen och Fältgruppen" -> two)."""
    return [part for name in names for part in joined_names(name)]


def words(text: str | None) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", (text or "").casefold())


def word_count(text: str | None) -> int:
    return len(words(text))


# Words that carry no account of an effort: said of anything, they do not explain an added value.
_FILLER = frozenset(
    """
    alla allt andra annat bara bättre både denna detta dessa eller flera från för genom gör göra
    hela helt inte inom jättebra kommer kunna lite mellan mycket många också samt sedan sina sitt
    ska skall som till tycker under utan vara vill väldigt vilket även över bra good very much also
    that this with from they their there what which really great
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def content_words(text: str | None) -> set[str]:
    """Distinct words of four letters or more that are not filler."""
    return {word for word in words(text) if len(word) >= 4 and not word.isdigit() and word not in _FILLER}


# An assessment criterion's answer is the field of its key; these two are answered in other fields.
_ANSWERED_IN = {"collaboration": "partners"}


@dataclass(frozen=True)
class Rules:
    """The rules bound to the criteria of the round's direction (without a round: the newest direction's).

    A mandatory criterion about samverkan or mervärde (by its key, see the importer) is checked and
    quoted in its direction's wording; one the bot cannot check is listed for the jury to judge; a
    criterion the direction does not make mandatory blocks nothing.
    """

    prize: Prize
    round: Round | None = None

    @property
    def mandatory(self) -> list[Criterion]:
        own = self.round.mandatory_criteria if self.round else None
        return own or self.prize.mandatory_criteria

    @property
    def assessment(self) -> list[Criterion]:
        own = self.round.assessment_criteria if self.round else None
        return self.prize.assessment_criteria if own is None else own

    def is_mandatory(self, key: str) -> bool:
        return any(criterion.key == key for criterion in self.mandatory)

    def criterion(self, key: str) -> Criterion:
        for criterion in (*self.mandatory, *self.assessment):
            if criterion.key == key:
                return criterion
        raise KeyError(key)

    @staticmethod
    def collaboration_met(organisations: list[str], nominee: str = "") -> bool:
        """Two or more distinct organisations, the nominated effort's own name not one of them."""
        return distinct_organisations(organisations, nominee) >= MIN_DISTINCT_ORGANISATIONS

    @staticmethod
    def added_value_met(added_value: str | None) -> bool:
        return (
            word_count(added_value) >= MIN_ADDED_VALUE_WORDS
            and len(content_words(added_value)) >= MIN_ADDED_VALUE_CONTENT_WORDS
        )

    def collaboration_error(self, organisations: list[str], nominee: str = "", lang: str = "sv") -> FieldError | None:
        if not self.is_mandatory("collaboration") or self.collaboration_met(organisations, nominee):
            return None
        effort = [name for name in organisations if nominee and is_effort_name(name, nominee)]
        if effort:
            names = t(lang, "fmt.and").join(quoted(name, lang) for name in effort)
            return self._criterion_error(
                "partners", "collaboration", MIN_DISTINCT_ORGANISATIONS, lang, key="collaboration_effort", names=names
            )
        return self._criterion_error("partners", "collaboration", MIN_DISTINCT_ORGANISATIONS, lang)

    def added_value_error(self, added_value: str | None, lang: str = "sv") -> FieldError | None:
        if not self.is_mandatory("added_value") or self.added_value_met(added_value):
            return None
        return self._criterion_error("added_value", "added_value", MIN_ADDED_VALUE_WORDS, lang)

    @staticmethod
    def description_error(description: str | None, lang: str = "sv") -> FieldError | None:
        if word_count(description) >= MIN_DESCRIPTION_WORDS:
            return None
        return _error("description", lang, "nom.error.description_short", minimum=MIN_DESCRIPTION_WORDS)

    def _criterion_error(
        self, field: FieldName, criterion: str, minimum: int, lang: str, *, key: str | None = None, **values: object
    ) -> FieldError:
        """A mandatory criterion not met: the message quotes the criterion from the prize's rules."""
        quote = self.criterion(criterion).text
        text_key = f"nom.error.{key or criterion}"
        return _error(field, lang, text_key, criterion=criterion, quote=quote, minimum=minimum, **values)

    def clean_content(
        self, content: NominationContent, lang: str = "sv", *, partial: bool = False
    ) -> tuple[NominationContent, list[FieldError]]:
        """Every field cleaned, and every input error (not the criteria) found on the way.

        ``partial`` (a draft) lets required fields stay empty.
        """
        errors: list[FieldError] = []
        values: dict[str, object] = {}
        for field in ("nominee", "description", "added_value", *ASSESSMENT_FIELDS, "contact"):
            try:
                values[field] = clean_text(field, getattr(content, field), lang, required=False if partial else None)
            except InvalidField as invalid:
                errors.append(invalid.error)
                values[field] = getattr(content, field)
        try:
            values["partners"] = clean_partners(content.partners, lang)
        except InvalidField as invalid:
            errors.append(invalid.error)
            values["partners"] = content.partners
        for field in ("nominee", "description", "added_value"):
            values[field] = values[field] or ""
        return NominationContent.model_validate(values), errors

    def submission_errors(
        self, content: NominationContent, lang: str = "sv"
    ) -> tuple[NominationContent, list[FieldError]]:
        """Cleaned content and every reason it cannot be submitted (input errors, then criteria)."""
        cleaned, errors = self.clean_content(content, lang)
        failed = {error.field for error in errors}
        # A field whose input is already refused is not judged against its criterion as well.
        checks: dict[str, Callable[[], FieldError | None]] = {
            "partners": lambda: self.collaboration_error(cleaned.partners, cleaned.nominee, lang),
            "description": lambda: self.description_error(cleaned.description, lang),
            "added_value": lambda: self.added_value_error(cleaned.added_value, lang),
        }
        for field, check in checks.items():
            error: FieldError | None = None if field in failed else check()
            if error:
                errors.append(error)
        return cleaned, errors

    def nomination_errors(
        self, content: NominationContent, nominator: Nominator, lang: str = "sv"
    ) -> tuple[NominationContent, Nominator, list[FieldError]]:
        """Cleaned content and nominator, and every reason the two cannot be submitted: the one
        check of a submission, whichever way it comes (dialog, Slack modal, Teams card, file)."""
        cleaned, errors = self.submission_errors(content, lang)
        person, person_errors = clean_nominator(nominator.name, nominator.email, nominator.user_id, lang)
        return cleaned, person, errors + person_errors

    def checklist(self, content: NominationContent) -> list[CriterionCheck]:
        """Mandatory criteria (met or not, or for the jury to judge) then assessment criteria (answered or not)."""
        checked = {
            "collaboration": lambda: self.collaboration_met(content.partners, content.nominee),
            "added_value": lambda: self.added_value_met(content.added_value),
        }
        checks = [
            CriterionCheck(
                key=criterion.key,
                text=criterion.text,
                mandatory=True,
                met=checked[criterion.key]() if criterion.key in checked else False,
                for_jury=criterion.key not in checked,
            )
            for criterion in self.mandatory
        ]
        for criterion in self.assessment:
            answer = getattr(content, _ANSWERED_IN.get(criterion.key, criterion.key), None)
            checks.append(CriterionCheck(key=criterion.key, text=criterion.text, mandatory=False, met=bool(answer)))
        return checks


def checklist_lines(checks: list[CriterionCheck], lang: str = "sv") -> list[str]:
    """The criteria checklist as lines, the one rendering the dialog, the jury post and the DM share."""
    lines = []
    for check in checks:
        kind = "check" if check.mandatory else "assess"
        state = "jury" if check.for_jury else "met" if check.met else "missing"
        lines.append(t(lang, f"nom.summary.{kind}_{state}", text=check.text))
    return lines


def clean_nominator(
    name: str, email: str | None, user_id: str | None, lang: str = "sv"
) -> tuple[Nominator, list[FieldError]]:
    errors: list[FieldError] = []
    clean_name: str | None = ""
    clean_email: str | None = None
    try:
        clean_name = clean_text("nominator.name", name, lang)
    except InvalidField as invalid:
        errors.append(invalid.error)
    try:
        clean_email = clean_text("nominator.email", email, lang)
    except InvalidField as invalid:
        errors.append(invalid.error)
    return Nominator(name=clean_name or "", email=clean_email, user_id=user_id), errors
