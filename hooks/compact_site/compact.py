"""The validated Compact as one object, with the lookups that pages need (groupings, neighbours)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .governance import Governance
from .model import (
    Agreement,
    ChangeEntry,
    Concern,
    Contact,
    Document,
    EditorNote,
    HealthRules,
    Meeting,
    Objective,
    Partner,
    PartnersFile,
    PartnerType,
    Principle,
    PrinciplesFile,
    Resolution,
    Sector,
)


@dataclass(frozen=True)
class PartnerGroup:
    """The partners of one type within a sector, in the order of the data."""

    type: PartnerType
    partners: list[Partner]


@dataclass(frozen=True)
class SectorGroup:
    sector: Sector
    groups: list[PartnerGroup]

    @property
    def count(self) -> int:
        return sum(len(group.partners) for group in self.groups)


@dataclass(frozen=True)
class Compact:
    """Everything the site is rendered from. Built by loading.load_compact; immutable."""

    document: Document
    notes: list[EditorNote]
    partners_file: PartnersFile
    principles_file: PrinciplesFile
    agreement: Agreement
    meetings: list[Meeting]
    concerns: list[Concern]
    health_rules: HealthRules
    resolution: Resolution
    changelog: list[ChangeEntry] = field(default_factory=list)
    # The first and last line of each entry that has a page, by (data file, list) and slug: pages are dated by them.
    entry_lines: dict[tuple[str, str], dict[str, tuple[int, int]]] = field(default_factory=dict)

    @property
    def partners(self) -> list[Partner]:
        return self.partners_file.partners

    @property
    def principles(self) -> list[Principle]:
        return self.principles_file.principles

    @property
    def objectives(self) -> list[Objective]:
        return self.principles_file.objectives

    @property
    def signatories(self) -> list[Partner]:
        return [partner for partner in self.partners if partner.status == "signed"]

    @cached_property
    def partners_by_slug(self) -> dict[str, Partner]:
        return {partner.slug: partner for partner in self.partners}

    @cached_property
    def changes(self) -> list[ChangeEntry]:
        """The changelog, newest first; of two changes on one day, the one recorded later comes first."""
        return [entry for _, entry in sorted(enumerate(self.changelog), key=lambda pair: (pair[1].changed_on, pair[0]), reverse=True)]

    @cached_property
    def governance(self) -> Governance:
        """What each partner has in place, concerns per year and the annual figures, counted from the data."""
        return Governance(self.partners, self.meetings, self.concerns)

    @cached_property
    def contacts_by_key(self) -> dict[str, Contact]:
        return {contact.key: contact for contact in self.resolution.contacts}

    @cached_property
    def notes_by_id(self) -> dict[str, EditorNote]:
        return {note.id: note for note in self.notes}

    @cached_property
    def party_names(self) -> dict[str, str]:
        return {party.key: party.name for party in self.principles_file.parties}

    @cached_property
    def types_by_key(self) -> dict[str, PartnerType]:
        return {kind.key: kind for kind in self.partners_file.types}

    @cached_property
    def sectors_by_key(self) -> dict[str, Sector]:
        return {sector.key: sector for sector in self.partners_file.sectors}

    @cached_property
    def objectives_by_number(self) -> dict[int, Objective]:
        return {objective.number: objective for objective in self.objectives}

    def principles_of(self, objective: Objective) -> list[Principle]:
        return [principle for principle in self.principles if principle.objective == objective.number]

    def neighbours(self, principle: Principle) -> tuple[Principle | None, Principle | None]:
        """The principles before and after this one, in the Compact's order."""
        index = self.principles.index(principle)
        before = self.principles[index - 1] if index > 0 else None
        after = self.principles[index + 1] if index + 1 < len(self.principles) else None
        return before, after

    @cached_property
    def sector_groups(self) -> list[SectorGroup]:
        """Partners by sector (in the order sectors are defined), then by type (in the order types are)."""
        buckets: dict[tuple[str, str], list[Partner]] = {}
        for partner in self.partners:  # one pass: the directory stays linear in the number of partners
            buckets.setdefault((partner.sector, partner.type), []).append(partner)
        return [
            SectorGroup(
                sector,
                [PartnerGroup(kind, buckets[sector.key, kind.key]) for kind in self.partners_file.types if (sector.key, kind.key) in buckets],
            )
            for sector in self.partners_file.sectors
        ]

