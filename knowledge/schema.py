"""Pydantic models of every knowledge-base entry kind, strict about unknown fields."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STANDARD_CODE = re.compile(r"^ST\d{4}$")
POSTCODE_AREA = re.compile(r"^[A-Z]{1,2}$")
POSTCODE_DISTRICT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
# A figure written into free text escapes dating and sourcing; these fields must stay figure-free.
MONEY_OR_PERCENT = re.compile(r"£\s?\d|\d\s?%")
_AS_OF = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_PAY_YEAR = re.compile(r"^(?P<year>\d{4})/(?P<next>\d{2})$")

EntryId = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
Sector = Literal["social-care", "health", "both"]
# What draws a person to a job, as the career explorer asks it.
Draw = Literal["care", "clinical", "leadership", "children", "mental-health", "behind-the-scenes"]


class Strict(BaseModel):
    """Base for every entry: unknown fields are errors and loaded entries are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def as_of_date(value: str) -> date:
    """The first day a dated figure held: '2026-04', '2026-04-01', '2026' or pay year '2025/26'."""
    if match := _PAY_YEAR.match(value):
        start = int(match["year"])
        if (start + 1) % 100 != int(match["next"]):
            raise ValueError(f"pay year {value!r} should name consecutive years, e.g. 2025/26")
        return date(start, 4, 1)
    if match := _AS_OF.match(value):
        try:
            return date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
        except ValueError as error:
            raise ValueError(f"as_of {value!r} is not a real date ({error})") from None
    raise ValueError(
        f"as_of {value!r} is not a date: write 2026-04-01, 2026-04, 2026 or a pay year like 2025/26"
    )


def as_of_label(value: str) -> str:
    """How a person reads an as_of value: 'April 2026', '2 December 2024', 'pay year 2025/26'."""
    if _PAY_YEAR.match(value):
        return f"pay year {value}"
    match = _AS_OF.match(value)
    if match is None:
        return value
    if match["day"]:
        return f"{int(match['day'])} {calendar.month_name[int(match['month'])]} {match['year']}"
    if match["month"]:
        return f"{calendar.month_name[int(match['month'])]} {match['year']}"
    return match["year"]


def _as_of_text(value: object) -> str:
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("as_of must be a date such as 2026-04-01, 2026-04 or 2025/26")
    as_of_date(value)
    return value


AsOf = Annotated[str, BeforeValidator(_as_of_text)]
PayYear = Annotated[str, Field(pattern=r"^\d{4}/\d{2}$")]


class Figure(Strict):
    """A money figure, duration, fee or statistic, always with its date and its source."""

    text: str = Field(min_length=1, max_length=400)
    as_of: AsOf
    source: HttpUrl
    renewed: Literal["yearly"] | None = None  # a new release every year (pay is, always)

    @property
    def since(self) -> date:
        """The date the figure held from."""
        return as_of_date(self.as_of)


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

    @field_validator("code")
    @classmethod
    def _code_is_a_standard(cls, value: str | None) -> str | None:
        if value is not None and not STANDARD_CODE.match(value):
            raise ValueError(f"{value!r} is not a standard code: write ST followed by four digits")
        return value


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


class PayAward(Strict):
    """A pay award that replaces an earlier pay year's rates: pay answers showing the old rates
    say so, and kb check warns until they are updated."""

    id: EntryId
    pay_year: PayYear
    replaces: PayYear
    note: ProseText
    as_of: AsOf
    source: HttpUrl
