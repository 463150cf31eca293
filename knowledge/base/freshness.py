"""Which dated figures are really out of date: one renewed every year whose next release is
due (pay, a role's pay, an FAQ on pay, a figure marked `renewed: yearly`), or a pay year that a
newer pay award has replaced. A duration, a fee or the date of an event does not go stale with
age alone, nor does a figure marked `superseded` (a past figure kept for context). A figure
`checked` against its source recently is not due, even when the source has nothing newer. No
figure may be dated (as_of) or checked in the future; one announced for a later date says so
with `effective_from`, which may be in the future."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from knowledge.base.dates import as_of_date
from knowledge.base.problems import Problem
from knowledge.base.raw import RawEntry

GRACE_MONTHS = 2  # after a yearly release is due, before its absence is worth a warning
YEARLY = "yearly"


@dataclass(frozen=True)
class Due:
    """One dated figure a curator should renew, and why."""

    item: RawEntry
    path: tuple[str | int, ...]  # to its as_of
    holder: dict  # the mapping that holds it (text, source ...)
    reason: Literal["yearly", "replaced"]
    months: int  # since it last held or was checked
    award: str = ""  # for a replaced pay year: the pay year of the award that replaced it


def due_figures(raw: list[RawEntry], today: date) -> list[Due]:
    """Every figure that a newer pay award replaced, or that is renewed yearly and overdue."""
    replaced = _replaced_pay_years(raw)
    due = []
    for item in raw:
        for path, value, holder in _dated(item.data, (), "as_of"):
            since = _date(value)
            if since is None or is_superseded(holder):
                continue
            months = _months(_latest(holder, since), today)
            if str(value) in replaced:
                due.append(Due(item, path, holder, "replaced", months, replaced[str(value)]))
            elif _renewed_yearly(item, path, holder) and months > 12 + GRACE_MONTHS:
                due.append(Due(item, path, holder, "yearly", months))
    return due


def stale_figures(raw: list[RawEntry], today: date) -> list[Problem]:
    """A warning per overdue yearly figure, and one per award for the figures it replaced."""
    warnings = []
    still_shown: dict[str, int] = {}
    for due in due_figures(raw, today):
        if due.reason == "replaced":
            still_shown[due.award] = still_shown.get(due.award, 0) + 1
            continue
        warnings.append(
            due.item.problem(
                due.path,
                f"as_of {due.holder.get('as_of')} is {due.months} months old and renewed every "
                "year; check the figure against its source and update it and as_of (or record "
                "`checked` with today's date if the source has nothing newer)",
                severity="warning",
            )
        )
    for item in raw:
        if item.kind == "pay_awards" and isinstance(item.data, dict):
            award = str(item.data.get("pay_year"))
            if still_shown.get(award):
                warnings.append(
                    item.problem(
                        ("replaces",),
                        f"{still_shown[award]} figure(s) still show pay year "
                        f"{item.data.get('replaces')}, which this {award} award replaced; answers "
                        "show the award beside them. Update them from the official pay scales "
                        "(`carepath kb refresh` lists each with its file and line)",
                        severity="warning",
                    )
                )
    return warnings


def future_dates(raw: list[RawEntry], today: date) -> list[Problem]:
    """An error for every as_of or checked after `today` (effective_from may be later)."""
    problems = []
    for item in raw:
        for key in ("as_of", "checked"):
            for path, value, _holder in _dated(item.data, (), key):
                since = _date(value)
                if since is not None and since > today:
                    problems.append(
                        item.problem(
                            path,
                            f"{key} {value} is after today ({today.isoformat()}); a figure cannot "
                            "be from the future: use the date it was published or first held, and "
                            "effective_from for the date an announced figure applies",
                        )
                    )
    return problems


def is_superseded(holder: dict) -> bool:
    """Whether a figure as written is marked superseded (as validation reads `true`)."""
    return str(holder.get("superseded", "")).strip().lower() in {"true", "yes", "on", "1", "y", "t"}


def _replaced_pay_years(raw: list[RawEntry]) -> dict[str, str]:
    """Pay years replaced by a newer award: {'2025/26': '2026/27'}."""
    return {
        str(item.data.get("replaces")): str(item.data.get("pay_year"))
        for item in raw
        if item.kind == "pay_awards" and isinstance(item.data, dict) and item.data.get("replaces")
    }


def _renewed_yearly(item: RawEntry, path: tuple, holder: dict) -> bool:
    if holder.get("renewed") == YEARLY:
        return True
    if item.kind == "roles" and path[:1] == ("pay",):
        return True  # pay is set again every year
    return item.kind == "faqs" and isinstance(item.data, dict) and item.data.get("topic") == "pay"


def _latest(holder: dict, since: date) -> date:
    """The last date the figure was known to hold: its as_of, effective_from or checked."""
    dates = [since, *(_date(holder.get(key)) for key in ("effective_from", "checked"))]
    return max(day for day in dates if day is not None)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return as_of_date(str(value)) if not isinstance(value, date) else value
    except ValueError:
        return None  # already an error from validation


def _months(since: date, today: date) -> int:
    return (today.year - since.year) * 12 + today.month - since.month


def _dated(data: Any, path: tuple, key: str) -> Iterator[tuple[tuple, Any, dict]]:
    """(path to `key`, its value, the mapping that holds it) for every `key` in the data."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield (*path, name), value, data
            else:
                yield from _dated(value, (*path, name), key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _dated(value, (*path, index), key)


@dataclass(frozen=True)
class FigureAge:
    """One dated value of the knowledge base, how old it is, and whether it is due."""

    months: int
    as_of: str
    entry_id: str
    field: str
    text: str
    source: str
    file: str
    line: int
    due: bool


def figure_ages(raw: list[RawEntry], today: date) -> list[FigureAge]:
    """Every dated value, oldest first; `due` when it is stale by the rules above."""
    due = {(d.item.file, d.item.problem(d.path, "").line) for d in due_figures(raw, today)}
    ages = []
    for item in raw:
        entry_id = str(item.data.get("id", "-")) if isinstance(item.data, dict) else "-"
        for path, value, holder in _dated(item.data, (), "as_of"):
            since = _date(value)
            if since is None:
                continue
            problem = item.problem(path, "")
            ages.append(
                FigureAge(
                    months=_months(since, today),
                    as_of=str(value),
                    entry_id=entry_id,
                    field=problem.field,
                    text=figure_text(holder),
                    source=str(holder.get("source") or holder.get("url") or ""),
                    file=problem.file,
                    line=problem.line,
                    due=(problem.file, problem.line) in due,
                )
            )
    return sorted(ages, key=lambda age: (-age.months, age.entry_id, age.field))


def figure_text(holder: dict) -> str:
    """A dated value's words, on one line and short: its text, question or title."""
    text = holder.get("text") or holder.get("question") or holder.get("title") or ""
    return " ".join(str(text).split())[:120]
