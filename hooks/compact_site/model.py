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

from .markup import sanitized_field
from .privacy import a_role_not_a_person, no_personal_details

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
# The Compact's own words for an organisation's contact details (data/resolution.yml): published as the Compact
# gives them, telephone numbers and email addresses of organisations included.
CompactLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=ONE_LINE_PATTERN)]
# Every other text is published too, so none may hold a person's details (privacy.py).
Line = Annotated[CompactLine, AfterValidator(no_personal_details)]
# A Compact Champion: a role or a team, never a person.
ChampionLine = Annotated[CompactLine, AfterValidator(a_role_not_a_person)]
# Markdown prose from the Compact, its lines broken by new lines only. Raw HTML is never rendered from it (see
# markup.markdown_field).
NEW_LINES_PATTERN = rf"^[^{_CONTROLS_AND_OTHER_LINE_BREAKS}]*$"
Prose = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=5000, pattern=NEW_LINES_PATTERN),
    AfterValidator(no_personal_details),
]
# The characters each pattern refuses, to say which one a text holds, and where.
REFUSED_CHARACTERS = {
    ONE_LINE_PATTERN: re.compile(rf"[\n{_CONTROLS_AND_OTHER_LINE_BREAKS}]"),
    NEW_LINES_PATTERN: re.compile(rf"[{_CONTROLS_AND_OTHER_LINE_BREAKS}]"),
}

_SPACE = re.compile(r"\s")


def _web_address(value: str) -> str:
    """Accept only absolute http(s) addresses: never javascript:, data: or a relative path."""
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ValueError(f"expected an address starting https:// or http://; got {value!r}")
    if _SPACE.search(value):
        raise ValueError(f"an address cannot hold a space; got {value!r}: remove the space, or write it as %20")
    return value


def _safe_links(text: str) -> str:
    """The text as the site shows it, converted and sanitized as the pages are: refused if the sanitizer removed
    anything from it (a link elsewhere than a web address, so no javascript: link, or an element the site does not
    show)."""
    removed = sanitized_field(text).removed
    if removed:
        raise ValueError("; ".join(removed))
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
# The pattern is for editors' IDEs (schemas/); the check is _web_address, whose messages say what is wrong.
WebAddress = Annotated[
    str,
    AfterValidator(_web_address),
    Field(examples=["https://www.example.org.uk/"], json_schema_extra={"pattern": r"^https?://[^\s/?#]+[^\s]*$"}),
]
LinkedProse = Annotated[Prose, AfterValidator(_safe_links)]
PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]


def _known(info: ValidationInfo, kind: str, value: object) -> None:
    """Check a reference against the keys the loader found in the data (absent context: not checked)."""
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        listed = ", ".join(str(k) for k in sorted(known, key=str)) or "(none defined)"
        raise ValueError(f"expected one of {listed}; got {value!r}")


def written_date(written: object) -> dt.date | None:
    """Another record's date as written in its file (the loader passes dates as text), if it is one: a date written
    wrongly is reported in its own place, once, and checked against nothing."""
    try:
        return dt.date.fromisoformat(str(written)) if written else None
    except ValueError:
        return None


def place_of(info: ValidationInfo, kind: str, key: object) -> str:
    """Where another record is, as `data/partners.yml:251 (partners[22])`, for a message naming both places."""
    return ((info.context or {}).get(f"{kind}_places") or {}).get(key, "")


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
    sector: SectorKey | None = Field(
        default=None,
        description="The sector every partner of this type is in; leave it out for a type found in more than one.",
    )
    name: Line = Field(description="Singular, as in 'county council'.")
    plural: Line = Field(description="As a heading over several, as in 'county councils'.")


def _dating(field: str, value: str | None = None) -> AfterValidator:
    """A date that records when another fact came about: given only with that fact (or that value of it)."""

    def check(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if field not in info.data:
            return day  # that fact is wrong in itself, and says so: one mistake, one message
        found = info.data[field]
        if day is not None and value and found != value:
            raise ValueError(f"this date needs {field} {value!r}; got {found!r}")
        if day is not None and not value and not found:
            raise ValueError(f"this date needs {field} to be filled in; it is empty")
        return day

    return AfterValidator(check)


class Partner(NoteReferences, Addressed):
    """An organisation that the Compact names as a partner, or that has since signed it."""

    name: Line = Field(description="The name as the Compact gives it.")
    full_name: Line | None = Field(
        default=None, description="Its name in full, where the Compact gives a short one (such as an abbreviation). "
        "Empty until an editor records it from a source; never expanded from memory."
    )
    also_known_as: list[Line] = Field(default=[], description="Other names it is known by, which search also finds.")
    sector: SectorKey
    type: Annotated[Slug, _reference("partner_types")]
    status: Literal["named", "signed", "withdrawn"] = Field(
        description="'named' in the Compact's list of partners; 'signed' once its Agreement is received; "
        "'withdrawn' stays listed, marked, and is never deleted."
    )
    signed_on: PastDate | None = None
    website: WebAddress | None = None
    compact_champion: ChampionLine | None = Field(
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
        if self.signed_on is None and self.status == "signed":
            raise ValueError("status 'signed' needs signed_on, the date on the signed Agreement (YYYY-MM-DD)")
        return self

    @model_validator(mode="after")
    def _sector_of_its_type(self, info: ValidationInfo) -> Partner:
        """A type that belongs to one sector (its `sector` in the types list) holds partners of that sector only."""
        expected = ((info.context or {}).get("type_sectors") or {}).get(self.type)
        if expected and expected != self.sector:
            raise ValueError(
                f"sector {self.sector!r} contradicts type {self.type!r}, which is in sector {expected!r} "
                f"({place_of(info, 'type', self.type)}): correct the sector or the type"
            )
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


# --- The governance files: the quarterly Compact meetings, the concerns log, the health rules, and what the
# Compact's procedure for resolving difficulties gives an organisation with a concern. The concerns log holds no
# personal details by design: no field can carry a name, an email address or a phone number (an unknown field is
# an error), and its one free-text field refuses text that contains either, as every text of the data does.

PartnerSlug = Annotated[Slug, _reference("partners")]
# Plain text that must not hold personal details (see privacy.py).
ImpersonalText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(no_personal_details)
]


# --- data/meetings.yml -----------------------------------------------------------------------------


class Meeting(Strict):
    """A quarterly Compact meeting as recorded: when it was held, who was represented, where its notes are."""

    held_on: PastDate
    partners: list[PartnerSlug] = Field(default=[], description="Slugs of the partners represented at the meeting.")
    notes_url: WebAddress | None = Field(default=None, description="The published notes of the meeting, if any.")

    @model_validator(mode="after")
    def _each_partner_once(self) -> Meeting:
        """A partner is represented at a meeting once, or the attendance counts would be wrong."""
        repeated = sorted({slug for slug in self.partners if self.partners.count(slug) > 1})
        if repeated:
            raise ValueError(f"a partner is listed twice at this meeting: {', '.join(repeated)}")
        return self

    @model_validator(mode="after")
    def _each_partner_a_partner_then(self, info: ValidationInfo) -> Meeting:
        """A partner is represented only while it is one: not before it joined, nor after it withdrew."""
        dates = (info.context or {}).get("partner_dates") or {}
        for slug in self.partners:
            joined, withdrawn = (written_date((dates.get(slug) or {}).get(kind)) for kind in ("joined", "withdrawn"))
            place = place_of(info, "partner", slug)
            if joined and self.held_on < joined:
                raise ValueError(f"{slug!r} is listed at this meeting of {self.held_on}, before it joined on {joined} ({place})")
            if withdrawn and self.held_on > withdrawn:
                raise ValueError(f"{slug!r} is listed at this meeting of {self.held_on}, after it withdrew on {withdrawn} ({place})")
        return self


class MeetingsFile(Strict):
    meetings: list[Meeting]


# --- data/concerns.yml -----------------------------------------------------------------------------

Outcome = Literal["open", "resolved", "withdrawn", "taken-elsewhere"]


class Concern(Strict):
    """One concern raised under the Compact's procedure: when, how far it went and how it ended; never who."""

    raised_on: PastDate
    stage: int = Field(
        ge=1, le=3, description="The furthest stage reached: 1 informal, 2 formal, 3 additional (further mediation)."
    )
    outcome: Outcome = Field(
        description="'open' while it is dealt with; 'resolved' at the stage reached; 'withdrawn' by whoever raised "
        "it; 'taken-elsewhere' when another procedure (an ombudsman, the courts) took it on."
    )
    closed_on: PastDate | None = Field(default=None, description="When it was resolved, withdrawn or taken elsewhere.")
    lessons_learnt: ImpersonalText | None = Field(
        default=None, description="What the partners learnt, without names, email addresses or phone numbers."
    )

    @model_validator(mode="after")
    def _closed_when_not_open(self) -> Concern:
        """A closed concern has the date it closed, not before it was raised; an open one has none."""
        if self.outcome == "open" and self.closed_on is not None:
            raise ValueError("an open concern has no closed_on; give its outcome, or leave closed_on empty")
        if self.outcome != "open" and self.closed_on is None:
            raise ValueError(f"a concern whose outcome is {self.outcome!r} needs closed_on, the date it closed")
        if self.closed_on is not None and self.closed_on < self.raised_on:
            raise ValueError(f"closed_on ({self.closed_on}) is before raised_on ({self.raised_on})")
        return self


class ConcernsFile(Strict):
    concerns: list[Concern]


# --- data/health.yml -------------------------------------------------------------------------------


class HealthRules(Strict):
    """When a governance duty counts as overdue for `scripts/check --health`: this site's rules, not the Compact's."""

    champion_within_months: int = Field(
        ge=1, le=120, description="A signed partner with no Compact Champion this many months after signing is overdue."
    )
    plan_renewal_months: int = Field(
        ge=1, le=120, description="An Implementation Plan published more than this many months ago is due for renewal."
    )
    meeting_every_quarter: bool = Field(
        description="Each quarter that has ended needs a meeting, from the first quarter that starts on or after "
        "the first signature."
    )
    duties_until: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="The last year duties fall due, if the partners extend the Compact beyond its period "
        "(data/document.yml); empty: duties end with the period.",
    )


# --- data/resolution.yml ---------------------------------------------------------------------------


class Contact(Strict):
    """An organisation the Compact names for help outside its own procedure, as the 2014 draft published it."""

    key: Slug = Field(description="How a page names it: {{ contact(\"key\") }}.")
    name: Line = Field(description="The organisation's name, as the Compact gives it.")
    lines: list[CompactLine] = Field(
        min_length=1, description="Its address and details, one line each, word for word (an organisation's, so its telephone and email may stand)."
    )


class Resolution(Strict):
    """What the procedure for resolving difficulties gives an organisation with a concern, in the Compact's words."""

    statement: list[Line] = Field(
        min_length=1, description="What a written statement of a concern must say (stage two), one part each."
    )
    contacts: list[Contact] = Field(min_length=1)


# --- data/changelog.yml ---------------------------------------------------------------------------
# Typed model of data/changelog.yml: what changed on the public record, shown on "What's new" and in /feed.xml.
# 
# Nothing is deleted from the record: a partner that withdraws gets an entry here as well as its status, and
# the entry stays. A partner's entry is titled from the partner's own data, so the two never disagree.


# The kinds that are about one partner, and what each says of it.
PARTNER_CHANGES = {
    "joined": "became a partner in the Compact",
    "signed": "signed the Compact",
    "withdrawn": "withdrew from the Compact",
}


class ChangeEntry(Strict):
    """One change to the public record: a partner joins, signs or withdraws, or a text is corrected."""

    id: Slug = Field(description="A stable key for the entry: the feed names the entry by it, so never change it.")
    changed_on: PastDate = Field(description="When the change happened (for a signature: the date on the Agreement).")
    kind: Literal["joined", "signed", "withdrawn", "correction"]
    partner: PartnerSlug | None = Field(default=None, description="For joined, signed and withdrawn: the partner's slug.")
    title: Line | None = Field(default=None, description="For a correction: what was corrected. A partner's entry is titled from its name.")
    summary: LinkedProse | None = Field(default=None, description="Markdown: more about the change, and its source.")

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> ChangeEntry:
        """A partner's change names the partner, whose status agrees; a correction says what it corrected."""
        if self.kind in PARTNER_CHANGES:
            if self.partner is None:
                raise ValueError(f"a '{self.kind}' entry needs the partner's slug in 'partner'")
            context = info.context or {}
            status = (context.get("partner_status") or {}).get(self.partner)
            place = place_of(info, "partner", self.partner)
            if self.kind == "withdrawn" and status not in (None, "withdrawn"):
                raise ValueError(f"partner {self.partner!r} has status {status!r} ({place}); a 'withdrawn' entry needs status 'withdrawn'")
            if self.kind == "signed" and status == "named":
                raise ValueError(f"partner {self.partner!r} has status 'named' ({place}); a 'signed' entry needs status 'signed' (or 'withdrawn')")
            recorded = written_date(((context.get("partner_dates") or {}).get(self.partner) or {}).get(self.kind))
            if recorded and recorded != self.changed_on:
                raise ValueError(
                    f"partner {self.partner!r} has {self.kind}_on {recorded} ({place}); this entry's changed_on must be the same date"
                )
        elif self.title is None:
            raise ValueError("a 'correction' entry needs a 'title' saying what was corrected")
        elif self.partner is not None:
            raise ValueError("a 'correction' entry has no 'partner'; name the page in its summary")
        return self


class ChangelogFile(Strict):
    entries: list[ChangeEntry] = Field(description="Changes in any order: pages and the feed show the newest first.")
