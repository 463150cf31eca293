"""Pay awards and the legal minimum wage: the dated, sourced rules pay figures are read against."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field, HttpUrl

from knowledge.base.dates import AsOf, PayYear, as_of_date
from knowledge.base.schema import EntryId, Figure, ProseText, Strict


class PayAward(Strict):
    """A pay award that replaced an earlier pay year's rates; answers state it beside them."""

    id: EntryId
    pay_year: PayYear
    replaces: PayYear
    rise: Figure | None = None  # the award itself ("3.3% from April 2026"), shown in answers
    note: ProseText
    as_of: AsOf
    source: HttpUrl


Money = Decimal  # pounds, to the penny


class MinimumWage(Strict):
    """The legal minimum hourly rates (National Living and Minimum Wage) from one date."""

    id: EntryId
    effective_from: AsOf
    adult: Money = Field(gt=0, decimal_places=2)  # the National Living Wage
    adult_from_age: int = Field(default=21, ge=16, le=25)
    age_18_to_20: Money | None = Field(default=None, gt=0, decimal_places=2)
    under_18: Money | None = Field(default=None, gt=0, decimal_places=2)
    apprentice: Money | None = Field(default=None, gt=0, decimal_places=2)
    renewed: Literal["yearly"] | None = None  # on the newest rates only: they change each April
    as_of: AsOf
    source: HttpUrl

    @property
    def rates(self) -> tuple[Money, ...]:
        """Every rate of this year, for any age."""
        rates = (self.adult, self.age_18_to_20, self.under_18, self.apprentice)
        return tuple(rate for rate in rates if rate is not None)

    @property
    def since(self) -> date:
        """The first day these rates applied."""
        return as_of_date(self.effective_from)
