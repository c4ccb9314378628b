"""Typed model of the Compact's data files: what an editor may write in data/*.yml, and nothing else.

Cross-references (a partner's type, a principle's objective, a note's id) are checked against the keys
that the loader passes in the validation context, so that one run reports every problem in every file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from .markup import link_addresses

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lower-case letters, digits and single hyphens: the stable key of a URL."),
]
# Control characters, and line breaks other than a new line (\n): a carriage return, and the others that Python's
# str.splitlines breaks at, as Jinja's indent filter does (Python-Markdown breaks at a carriage return, and drops
# \x02 and \x03). None has a use in the data's text, and each can hide Markdown from a check of the text itself.
_CONTROLS_AND_OTHER_LINE_BREAKS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
# One line of plain text: rendered as text, never as markup. A line break in it would end the list item, the
# table row or the code block that the text is printed in, and let the rest be read as Markdown.
ONE_LINE_PATTERN = rf"^[^\n{_CONTROLS_AND_OTHER_LINE_BREAKS}]*$"
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=ONE_LINE_PATTERN)]
# Markdown prose from the Compact, its lines broken by new lines only. Raw HTML is never rendered from it (see
# markup.markdown_field).
NEW_LINES_PATTERN = rf"^[^{_CONTROLS_AND_OTHER_LINE_BREAKS}]*$"
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000, pattern=NEW_LINES_PATTERN)]
# The characters each pattern refuses, to say which one a text holds, and where.
REFUSED_CHARACTERS = {
    ONE_LINE_PATTERN: re.compile(rf"[\n{_CONTROLS_AND_OTHER_LINE_BREAKS}]"),
    NEW_LINES_PATTERN: re.compile(rf"[{_CONTROLS_AND_OTHER_LINE_BREAKS}]"),
}

_SPACE = re.compile(r"\s")


def _web_address(value: str) -> str:
    """Accept only absolute http(s) addresses: never javascript:, data: or a relative path."""
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or _SPACE.search(value):
        raise ValueError(f"expected an address starting https:// or http://; got {value!r}")
    return value


def _safe_links(text: str) -> str:
    """Every link and image that the text makes on the site must be at a web address (so no javascript: link can
    be written), however Markdown finds it: inline, by reference, in a list or a quotation."""
    for address in link_addresses(text):
        _web_address(address)
    return text


def _not_in_future(day: dt.date) -> dt.date:
    """A recorded date is a fact that has happened."""
    if day > dt.date.today():
        raise ValueError(f"expected a date that is not in the future; got {day.isoformat()}")
    return day


def _reference(kind: str):
    """A validator that checks one value against the keys of `kind` that the loader found."""

    def check(value: object, info: ValidationInfo) -> object:
        _known(info, kind, value)
        return value

    return AfterValidator(check)


NoteId = Annotated[Slug, _reference("notes")]
PartyKey = Annotated[Slug, _reference("parties")]
WebAddress = Annotated[str, AfterValidator(_web_address), Field(examples=["https://www.example.org.uk/"])]
LinkedProse = Annotated[Prose, AfterValidator(_safe_links)]
PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]


def _known(info: ValidationInfo, kind: str, value: object) -> None:
    """Check a reference against the keys the loader found in the data (absent context: not checked)."""
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        listed = ", ".join(str(k) for k in sorted(known, key=str)) or "(none defined)"
        raise ValueError(f"expected one of {listed}; got {value!r}")


class Strict(BaseModel):
    """Every data model refuses fields it does not know: a misspelt field is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Addressed(Strict):
    """Something with a page of its own, whose old addresses keep working after a rename."""

    slug: Slug
    former_slugs: list[Slug] = Field(
        default=[],
        description="Slugs this entry was published under before: each old address redirects to the new one.",
    )


class NoteReferences(Strict):
    """Something that may carry editor's notes, by id."""

    notes: list[NoteId] = Field(default=[], description="Ids of editor's notes (data/notes.yml) shown here.")

    @model_validator(mode="after")
    def _notes_quote_this(self, info: ValidationInfo) -> NoteReferences:
        """A note is about words that stand here: its quote must be found in this entry's text."""
        quotes = (info.context or {}).get("notes") or {}
        for note in self.notes:
            quote = quotes.get(note)
            if isinstance(quote, str) and quote not in self.noted_text():
                raise ValueError(f"note {note!r} is about {quote!r}, which this entry's text does not contain")
        return self

    def noted_text(self) -> str:
        """The words an editor's note on this entry may quote."""
        raise NotImplementedError


# --- data/document.yml ---------------------------------------------------------------------------


class Period(Strict):
    start: int = Field(ge=2000, le=2100)
    end: int = Field(ge=2000, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"expected end ({self.end}) not before start ({self.start})")
        return self


class Vision(Strict):
    heading: Line
    text: LinkedProse = Field(description="Markdown, word for word from the Compact.")


class Document(Strict):
    """The Compact as a document: what it is called, when it runs, and whether it is final."""

    title: Line
    period: Period
    status: Literal["draft", "final"] = Field(
        description="While 'draft', every page carries the draft notice."
    )
    vision: Vision
    licence: Line | None = Field(
        default=None,
        description="The licence under which the site's text and open data may be reused, once it is decided; "
        "empty until then, and the 'Reuse this data' page says it is not yet recorded.",
    )
    publisher: Line | None = Field(
        default=None,
        description="Who publishes this site: an organisation or a team, never a person's name or contact details. "
        "Empty until it is recorded, and the home page says it is not yet recorded.",
    )
    final_version_adopted: bool | None = Field(
        default=None,
        description="Whether a final version of the Compact was adopted: true or false once a record says so; empty "
        "while no record does, and the home page says it is not known.",
    )

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def full_title(self) -> str:
        return f"{self.title} {self.period.start}–{self.period.end}"


# --- data/notes.yml --------------------------------------------------------------------------------


class EditorNote(Strict):
    """An open question or slip in the draft text, kept word for word and explained to readers."""

    id: Slug
    quote: Line = Field(description="The words of the draft that the note is about, exactly as they stand.")
    note: LinkedProse = Field(description="Markdown: what is wrong or uncertain, for readers and editors.")
    status: Literal["open", "resolved"] = Field(
        description="'open' notes are shown to readers; 'resolved' ones are kept for the record only."
    )


class NotesFile(Strict):
    notes: list[EditorNote]


# --- data/partners.yml -----------------------------------------------------------------------------

SectorKey = Literal["public", "private", "vcs"]


class Sector(Strict):
    key: SectorKey
    name: Line
    definition: LinkedProse = Field(description="Markdown: the Compact's own definition of the sector.")


class PartnerType(Strict):
    key: Slug
    name: Line = Field(description="Singular, as in 'county council'.")
    plural: Line = Field(description="As a heading over several, as in 'county councils'.")


def _dating(field: str, value: str | None = None) -> AfterValidator:
    """A date that records when another fact came about: given only with that fact (or that value of it)."""

    def check(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
        found = info.data.get(field)
        if day is not None and value and found != value:
            raise ValueError(f"this date needs {field} {value!r}; got {found!r}")
        if day is not None and not value and not found:
            raise ValueError(f"this date needs {field} to be filled in; it is empty")
        return day

    return AfterValidator(check)


class Partner(NoteReferences, Addressed):
    """An organisation that the Compact names as a partner, or that has since signed it."""

    name: Line = Field(description="The name as the Compact gives it.")
    sector: SectorKey
    type: Annotated[Slug, _reference("partner_types")]
    status: Literal["named", "signed", "withdrawn"] = Field(
        description="'named' in the Compact's list of partners; 'signed' once its Agreement is received; "
        "'withdrawn' stays listed, marked, and is never deleted."
    )
    signed_on: PastDate | None = None
    website: WebAddress | None = None
    compact_champion: Line | None = Field(
        default=None, description="A role or a team, never a private person's name or contact details."
    )
    implementation_plan: WebAddress | None = None
    # When each governance fact came about: the annual report counts them by year (scripts/annual-report).
    implementation_plan_published_on: Annotated[PastDate | None, _dating("implementation_plan")] = Field(
        default=None, description="The date its Implementation Plan was published."
    )
    compact_champion_named_on: Annotated[PastDate | None, _dating("compact_champion")] = Field(
        default=None, description="The date it named its Compact Champion."
    )
    joined_on: PastDate | None = Field(
        default=None, description="When it became a partner, if after the 2014 draft (which gives no date)."
    )
    withdrawn_on: Annotated[PastDate | None, _dating("status", "withdrawn")] = Field(
        default=None, description="The date it withdrew from the Compact."
    )

    def noted_text(self) -> str:
        return self.name

    @model_validator(mode="after")
    def _signature_dated(self) -> Partner:
        if self.signed_on is not None and self.status == "named":
            raise ValueError("a partner with signed_on must have status 'signed' or 'withdrawn'; got 'named'")
        return self


class PartnersFile(Strict):
    sectors: list[Sector]
    types: list[PartnerType]
    partners: list[Partner]


# --- data/principles.yml ---------------------------------------------------------------------------


class Party(Strict):
    """Someone a principle commits: its name is the phrase the Compact's text uses for them."""

    key: Slug
    name: Line


class Objective(NoteReferences):
    number: int = Field(ge=1, le=20)
    slug: Slug
    title: Line = Field(description="The objective's heading in the Compact.")
    title_in_list: Line | None = Field(
        default=None,
        description="Only where the Compact's list of objectives words the title differently.",
    )
    introduction: LinkedProse

    @property
    def listed_title(self) -> str:
        return self.title_in_list or self.title

    def noted_text(self) -> str:
        return "\n".join(filter(None, (self.title, self.title_in_list, self.introduction)))


class Principle(NoteReferences, Addressed):
    title: Line
    objective: Annotated[int, _reference("objectives")]
    presentation: Literal["listed", "highlighted"] = Field(
        description="'listed': a bulleted principle, its title in bold italics before its text. "
        "'highlighted': a paragraph of prose in which the title's words stand in bold italics."
    )
    text: LinkedProse = Field(description="Markdown, word for word from the Compact.")
    commits: list[PartyKey] = Field(default=[], description="Keys of the parties the text commits.")

    def noted_text(self) -> str:
        return f"{self.title}\n{self.text}"

    @model_validator(mode="after")
    def _highlight_present(self) -> Principle:
        if self.presentation == "highlighted" and f"***{self.title.lower()}***" not in self.text.lower():
            raise ValueError(
                f"a highlighted principle's text must contain its title in bold italics "
                f"(***{self.title.lower()}***); it does not"
            )
        return self


class PrinciplesFile(Strict):
    parties: list[Party]
    objectives: list[Objective]
    principles: list[Principle]


# --- data/agreement.yml ----------------------------------------------------------------------------


class FormField(Strict):
    label: Line
    kind: Literal["text", "signature", "date"]


class Duty(Strict):
    key: Slug
    name: Line = Field(description="A short label for lists and tables.")
    text: LinkedProse = Field(description="Markdown, word for word from the Compact.")


class Agreement(Strict):
    """The Compact Agreement that an organisation signs, and what signing commits it to."""

    heading: Line
    lead: Line = Field(description="The words before the pledges.")
    pledges: list[Line] = Field(min_length=1)
    form_fields: list[FormField] = Field(min_length=1)
    champion: LinkedProse = Field(description="The Compact's sentence asking each signatory for a Champion.")
    duties: list[Duty] = Field(min_length=1, description="What the Champion ensures, in the Compact's words.")
