"""Pydantic models of every knowledge-base entry kind, strict about unknown fields."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from knowledge.base.dates import AsOf, as_of_date

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STANDARD_CODE = re.compile(r"^ST\d{4}$")
POSTCODE_AREA = re.compile(r"^[A-Z]{1,2}$")
POSTCODE_DISTRICT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
# A figure written into free text escapes dating and sourcing; these fields must stay figure-free.
MONEY_OR_PERCENT = re.compile(r"£\s?\d|\d\s?%")

EntryId = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
Sector = Literal["social-care", "health", "both"]
# What draws a person to a job, as the career explorer asks it.
Draw = Literal["care", "clinical", "leadership", "children", "mental-health", "behind-the-scenes"]


class Strict(BaseModel):
    """Base for every entry: unknown fields are errors and loaded entries are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Figure(Strict):
    """A money figure, duration, fee or statistic, always with its date and its source."""

    text: str = Field(min_length=1, max_length=400)
    as_of: AsOf  # when it was published or first held; never after today
    source: HttpUrl
    renewed: Literal["yearly"] | None = None  # a new release every year (pay is, always)
    # When it applies, if later than as_of: announced now, in force from then (may be future)
    effective_from: AsOf | None = None
    checked: AsOf | None = None  # last confirmed against its source (no newer release there)
    superseded: bool = False  # a past figure kept for context; answers say so

    @property
    def since(self) -> date:
        """The date the figure holds from: when it takes effect, or else its as_of."""
        return as_of_date(self.effective_from or self.as_of)

    @model_validator(mode="after")
    def _takes_effect_after_it_is_known(self) -> Figure:
        if self.effective_from and as_of_date(self.effective_from) < as_of_date(self.as_of):
            raise ValueError(
                f"effective_from {self.effective_from} is before as_of {self.as_of}: as_of is "
                "when the figure was announced, effective_from when it applies (the same or later)"
            )
        return self


def _no_loose_figures(value: str) -> str:
    if MONEY_OR_PERCENT.search(value):
        raise ValueError(
            "contains a money figure or percentage; move it into a dated, sourced fact "
            "(pay, facts or duration) so the bot can show its date and source"
        )
    return value


ProseText = Annotated[str, Field(min_length=1, max_length=1500), AfterValidator(_no_loose_figures)]


class Role(Strict):
    """A job in health or adult social care."""

    id: EntryId
    title: str = Field(min_length=2, max_length=80)
    sector: Sector
    aliases: list[str] = Field(default_factory=list)
    summary: ProseText
    day_to_day: ProseText
    suits: ProseText
    entry: ProseText
    pay: list[Figure] = Field(min_length=1)
    regulator: str | None = None
    registration: ProseText | None = None
    facts: list[Figure] = Field(default_factory=list)
    apprenticeships: list[EntryId] = Field(default_factory=list)
    leads_to: list[EntryId] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    draws: list[Draw] = Field(default_factory=list)
    # 0: no qualifications or experience needed; 1: care experience; 2: Level 3 or a
    # registration-level course; 3: a degree and professional registration; 4: a degree is not
    # enough: registration and experience first, or a doctorate (AMHP, ACP, psychologist).
    entry_level: int = Field(default=0, ge=0, le=4)
    driving: Literal["often", "sometimes", "rarely"] = "rarely"


class Apprenticeship(Strict):
    """An apprenticeship standard (or a programme without a standard code)."""

    id: EntryId
    code: str | None = None
    title: str = Field(min_length=2, max_length=100)
    level: int = Field(ge=1, le=7)
    sector: Sector
    aliases: list[str] = Field(default_factory=list)
    summary: ProseText
    entry: ProseText
    qualifications: ProseText | None = None
    duration: Figure | None = None  # left out when no official page confirms it
    funding_band: Figure | None = None
    facts: list[Figure] = Field(default_factory=list)
    regulator: str | None = None
    roles: list[EntryId] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    max_age: int | None = Field(default=None, ge=16, le=99)
    max_age_with_support: int | None = Field(default=None, ge=16, le=99)
    # Government funding stops at this age (Level 7 since January 2026); an employer may pay
    funded_max_age: int | None = Field(default=None, ge=16, le=99)
    funded_max_age_with_support: int | None = Field(default=None, ge=16, le=99)
    needs_english_maths: bool = False  # Level 2 English and maths before starting
    version: str | None = Field(default=None, pattern=r"^\d+\.\d+$")  # live, checked: "1.1"

    @field_validator("code")
    @classmethod
    def _code_is_a_standard(cls, value: str | None) -> str | None:
        if value is not None and not STANDARD_CODE.match(value):
            raise ValueError(f"{value!r} is not a standard code: write ST followed by four digits")
        return value

    @model_validator(mode="after")
    def _version_needs_a_code(self) -> Apprenticeship:
        if self.version and not self.code:
            raise ValueError("version is the live version of a standard: give its code too")
        return self


class Step(Strict):
    """One move in a pathway: from a role to the next, by an apprenticeship or qualification."""

    from_role: EntryId = Field(alias="from")
    to_role: EntryId = Field(alias="to")
    apprenticeship: EntryId | None = None
    qualification: str | None = None
    months: int = Field(ge=0, le=120)
    earning: bool = True
    as_of: AsOf
    source: HttpUrl

    @model_validator(mode="after")
    def _says_how(self) -> Step:
        if not self.apprenticeship and not self.qualification:
            raise ValueError("a step needs an apprenticeship or a qualification that makes it")
        return self


class Pathway(Strict):
    """A named progression route between roles, made of steps."""

    id: EntryId
    title: str = Field(min_length=2, max_length=120)
    summary: ProseText
    steps: list[Step] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _steps_connect(self) -> Pathway:
        roles_so_far = {self.steps[0].from_role}
        for number, step in enumerate(self.steps, start=1):
            if step.from_role not in roles_so_far:
                raise ValueError(
                    f"step {number} starts at {step.from_role!r}, which no earlier step reaches"
                )
            roles_so_far.add(step.to_role)
        return self


class Faq(Strict):
    """A question people ask, the ways they ask it, and a dated, sourced answer."""

    id: EntryId
    question: str = Field(min_length=3, max_length=200)
    phrasings: list[str] = Field(min_length=1)
    answer: str = Field(min_length=1, max_length=1500)
    as_of: AsOf
    source: HttpUrl
    more_sources: list[HttpUrl] = Field(default_factory=list)  # other pages the answer rests on
    topic: str | None = None
    related: list[EntryId] = Field(default_factory=list)
    renewed: Literal["yearly"] | None = None  # FAQs on pay are renewed yearly anyway


class Contact(Strict):
    """How a person or recruiter reaches a hub."""

    email: str | None = None
    phone: str | None = None
    website: HttpUrl | None = None


class Centre(Strict):
    """Where a hub's area is centred and how far it reaches, for a shared location."""

    lat: float = Field(ge=49.0, le=61.0)
    lon: float = Field(ge=-9.0, le=2.5)
    radius_km: float = Field(gt=0, le=200)


class Hub(Strict):
    """A regional recruitment hub and the places it covers."""

    id: EntryId
    name: str = Field(min_length=2, max_length=120)
    short_name: str = Field(min_length=2, max_length=60)
    region: str
    national: bool = False
    postcode_areas: list[str] = Field(default_factory=list)
    postcode_districts: list[str] = Field(default_factory=list)
    towns: list[str] = Field(default_factory=list)
    sectors: list[Sector] = Field(min_length=1)
    roles: list[EntryId] = Field(default_factory=list)
    contact: Contact
    centre: Centre | None = None
    response_hours: int = Field(ge=1, le=24 * 14)
    response_promise: str = Field(min_length=3, max_length=200)

    @field_validator("postcode_areas")
    @classmethod
    def _areas_well_formed(cls, values: list[str]) -> list[str]:
        for value in values:
            if not POSTCODE_AREA.match(value):
                raise ValueError(f"{value!r} is not a postcode area: one or two capital letters")
        return values

    @field_validator("postcode_districts")
    @classmethod
    def _districts_well_formed(cls, values: list[str]) -> list[str]:
        for value in values:
            if not POSTCODE_DISTRICT.match(value):
                raise ValueError(f"{value!r} is not a postcode district such as NG7, E1W or RM16")
        return values

    @model_validator(mode="after")
    def _covers_somewhere(self) -> Hub:
        if not self.national and not (self.postcode_areas or self.postcode_districts or self.towns):
            raise ValueError("a regional hub needs postcode_areas, postcode_districts or towns")
        return self


class Eligibility(Strict):
    """Who may start an apprenticeship in England: the rules the eligibility check applies."""

    id: EntryId
    min_age: int = Field(ge=14, le=25)
    country: str
    full_time_education_allowed: bool
    english_maths_level2: str = Field(min_length=3, max_length=200)
    summary: ProseText
    who_pays: ProseText | None = None  # shown beside every funding band
    as_of: AsOf
    source: HttpUrl


class SmallTalk(Strict):
    """A social message (hello, thanks, help) and the reply to it."""

    id: EntryId
    phrasings: list[str] = Field(min_length=1)
    reply: str = Field(min_length=1, max_length=1000)
