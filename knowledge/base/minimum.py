"""Pay below the legal minimum is a contradiction: an hourly figure under the adult minimum of
its own year is an error; an annual one, converted at the NHS full-time week, a warning (the
hours are an assumption). A figure still shown as current that only predates today's minimum
is a warning too: update it, or mark it `superseded` so answers show it as a past figure. The
minimum rates themselves are data (minimum_wages), never written here."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from knowledge.base.dates import as_of_date, as_of_label
from knowledge.base.problems import Problem
from knowledge.base.raw import RawEntry
from knowledge.base.schema import Faq, Role, Strict
from knowledge.base.schema_pay import MinimumWage, PayAward

HOURS_A_WEEK = Decimal("37.5")  # the NHS full-time week (Agenda for Change)
WEEKS_A_YEAR = Decimal("52.143")  # 365 days / 7
_AMOUNT = re.compile(r"£\s?(\d[\d,]*(?:\.\d{1,2})?)")
_JOINS_NEXT = re.compile(r"^\s*(?:to|-|–|and|or)\s*$")
_HOURLY = re.compile(r"^\s*(?:an hour|a hour|per hour|/hour|/hr|an hr|hourly)\b", re.I)
_ANNUAL = re.compile(r"^\s*(?:a year|per year|per annum|a yr|/year)\b", re.I)


@dataclass(frozen=True)
class PayAmount:
    """A pay amount read from a figure's words: pounds, and whether it is hourly or annual."""

    pounds: Decimal
    hourly: bool

    @property
    def an_hour(self) -> Decimal:
        """The amount an hour (an annual one at the NHS full-time week)."""
        if self.hourly:
            return self.pounds
        hours = HOURS_A_WEEK * WEEKS_A_YEAR
        return (self.pounds / hours).quantize(Decimal("0.01"), ROUND_HALF_UP)


def pay_amounts(text: str) -> list[PayAmount]:
    """Every amount in `text` said to be an hour or a year ('£24,937 to £26,598 a year': both)."""
    matches = list(_AMOUNT.finditer(text))
    units: list[bool | None] = []
    for index, match in enumerate(matches):
        after = text[match.end() : matches[index + 1].start() if index + 1 < len(matches) else None]
        units.append(True if _HOURLY.match(after) else False if _ANNUAL.match(after) else None)
    for index in range(len(matches) - 2, -1, -1):  # "£A to £B a year": A takes B's unit
        between = text[matches[index].end() : matches[index + 1].start()]
        if units[index] is None and _JOINS_NEXT.match(between):
            units[index] = units[index + 1]
    return [
        PayAmount(Decimal(match[1].replace(",", "")), unit)
        for match, unit in zip(matches, units, strict=True)
        if unit is not None
    ]


def below_minimum(
    entries: Mapping[str, list[Strict]], raw_by_id: Mapping[str, RawEntry], today: date
) -> list[Problem]:
    """A problem for each pay figure below its year's adult minimum, or today's if current."""
    wages = sorted(
        (wage for wage in entries.get("minimum_wages", []) if isinstance(wage, MinimumWage)),
        key=lambda wage: wage.since,
    )
    if not wages:
        return []
    statutory = {rate for wage in wages for rate in wage.rates}
    replaced = {
        award.replaces for award in entries.get("pay_awards", []) if isinstance(award, PayAward)
    }
    problems = []
    for entry, path, text, as_of, since, past in _pay_texts(entries):
        shown_as_current = not past and as_of not in replaced
        item = raw_by_id[entry.id]
        for amount in pay_amounts(text):
            if amount.pounds in statutory:
                continue  # the figure states the law itself (an apprentice or youth rate)
            then, now = _in_force(wages, since), _in_force(wages, today)
            if then is not None and amount.an_hour < then.adult:
                severity = "error" if amount.hourly else "warning"
                message = f"{_said(amount)} is below the legal minimum of its own year"
                advice = "correct the figure or explain it in the text"
                problems.append(_problem(item, path, message, then, advice, severity))
            elif shown_as_current and now not in (None, then) and amount.an_hour < now.adult:
                message = f"{_said(amount)} is below today's legal minimum"
                advice = (
                    "it predates it: update it, or mark it `superseded: true` so answers show it "
                    "as a past figure"
                )
                problems.append(_problem(item, path, message, now, advice))
    return problems


def _said(amount: PayAmount) -> str:
    if amount.hourly:
        return f"£{amount.pounds:,} an hour"
    at = f"about £{amount.an_hour} an hour at {HOURS_A_WEEK} hours a week"
    return f"£{amount.pounds:,} a year ({at})"


def _problem(
    item: RawEntry,
    path: tuple[str | int, ...],
    message: str,
    wage: MinimumWage,
    advice: str,
    severity: Literal["error", "warning"] = "warning",
) -> Problem:
    rule = (
        f"for workers aged {wage.adult_from_age} and over (£{wage.adult} an hour from "
        f"{as_of_label(wage.effective_from)})"
    )
    return item.problem(path, f"{message} {rule}; {advice}", severity=severity)


def _in_force(wages: list[MinimumWage], day: date) -> MinimumWage | None:
    """The minimum rates in force on `day`, or None before the first known."""
    return next((wage for wage in reversed(wages) if wage.since <= day), None)


def _pay_texts(
    entries: Mapping[str, list[Strict]],
) -> Iterator[tuple[Strict, tuple[str | int, ...], str, str, date, bool]]:
    """(entry, path, words, as_of, holds from, superseded) for a role's pay and pay FAQs."""
    for role in entries.get("roles", []):
        if isinstance(role, Role):
            for index, figure in enumerate(role.pay):
                where = ("pay", index, "text")
                yield role, where, figure.text, figure.as_of, figure.since, figure.superseded
    for faq in entries.get("faqs", []):
        if isinstance(faq, Faq) and faq.topic == "pay":
            yield faq, ("answer",), faq.answer, faq.as_of, as_of_date(faq.as_of), False
