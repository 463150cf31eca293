"""The loaded knowledge base: immutable, indexed by id and by standard code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from knowledge.base.kinds import ENTRY_KINDS
from knowledge.base.problems import Problem
from knowledge.base.schema import (
    Apprenticeship,
    Eligibility,
    Faq,
    Hub,
    Pathway,
    Role,
    SmallTalk,
    Strict,
)
from knowledge.base.schema_examples import Phrasings, SafetyExamples
from knowledge.base.schema_pay import MinimumWage, PayAward
from knowledge.base.schema_signposts import HelpOffer, Nation, OtherLanguages, SafetyConcern

KINDS = tuple(ENTRY_KINDS)
UNSURE_OFFER = "when-unsure"  # the help offer every fallback and "did you mean" carries
Entry = (
    Role
    | Apprenticeship
    | Pathway
    | Faq
    | Hub
    | SmallTalk
    | Eligibility
    | SafetyConcern
    | HelpOffer
    | Nation
    | OtherLanguages
    | PayAward
    | MinimumWage
    | SafetyExamples
    | Phrasings
)


def _frozen(entries: list) -> Mapping:
    return MappingProxyType({entry.id: entry for entry in entries})


@dataclass(frozen=True)
class Location:
    """Where an entry is written: file and line."""

    file: str
    line: int


@dataclass(frozen=True)
class Knowledge:
    """Every entry of the knowledge base, by kind and id."""

    roles: Mapping[str, Role]
    apprenticeships: Mapping[str, Apprenticeship]
    pathways: Mapping[str, Pathway]
    faqs: Mapping[str, Faq]
    hubs: Mapping[str, Hub]
    smalltalk: Mapping[str, SmallTalk]
    eligibility: Mapping[str, Eligibility]
    safety: Mapping[str, SafetyConcern] = field(default_factory=dict)
    help_offers: Mapping[str, HelpOffer] = field(default_factory=dict)
    nations: Mapping[str, Nation] = field(default_factory=dict)
    other_languages: Mapping[str, OtherLanguages] = field(default_factory=dict)
    pay_awards: Mapping[str, PayAward] = field(default_factory=dict)
    minimum_wages: Mapping[str, MinimumWage] = field(default_factory=dict)
    safety_examples: Mapping[str, SafetyExamples] = field(default_factory=dict)
    phrasings: Mapping[str, Phrasings] = field(default_factory=dict)
    locations: Mapping[str, Location] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    def __getstate__(self) -> dict[str, object]:
        """Its fields, the read-only mappings as plain dicts (which can be pickled)."""
        return {
            name: dict(value) if isinstance(value, MappingProxyType) else value
            for name, value in vars(self).items()
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore the fields, each mapping read-only again."""
        for name, value in state.items():
            frozen = MappingProxyType(value) if isinstance(value, dict) else value
            object.__setattr__(self, name, frozen)

    @classmethod
    def build(
        cls,
        entries: Mapping[str, list[Strict]],
        locations: Mapping[str, Location],
        warnings: list[Problem],
    ) -> Knowledge:
        """Index validated entries by kind and id."""
        return cls(
            **{kind: _frozen(list(entries.get(kind, []))) for kind in KINDS},
            locations=MappingProxyType(dict(locations)),
            warnings=tuple(warnings),
        )

    def counts(self) -> dict[str, int]:
        """How many entries of each kind."""
        return {kind: len(getattr(self, kind)) for kind in KINDS}

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, of any kind, or None."""
        for kind in KINDS:
            entry = getattr(self, kind).get(entry_id)
            if entry is not None:
                return entry
        return None

    def kind_of(self, entry_id: str) -> str | None:
        """The kind ('roles', 'faqs'...) of the entry with this id, or None."""
        return next((kind for kind in KINDS if entry_id in getattr(self, kind)), None)

    def by_code(self, code: str) -> Apprenticeship | None:
        """The apprenticeship with this standard code (ST0827), or None."""
        code = code.upper()
        return next((a for a in self.apprenticeships.values() if a.code == code), None)

    @property
    def apprenticeship_rules(self) -> Eligibility | None:
        """The general rules for starting an apprenticeship in England, if curated."""
        return next(iter(self.eligibility.values()), None)

    def award_replacing(self, pay_year: str) -> PayAward | None:
        """The newer pay award that replaced `pay_year`'s rates, if one is known."""
        return next((a for a in self.pay_awards.values() if a.replaces == pay_year), None)

    @property
    def english_only(self) -> OtherLanguages | None:
        """What to say to a message in another language, if curated."""
        return next(iter(self.other_languages.values()), None)

    @property
    def unsure_offer(self) -> HelpOffer | None:
        """The gentle offer of help that goes with every reply CarePath is unsure of."""
        return self.help_offers.get(UNSURE_OFFER)

    @property
    def national_hub(self) -> Hub | None:
        """The desk for everywhere no regional hub covers."""
        return next((hub for hub in self.hubs.values() if hub.national), None)
