"""Which dated figures are really out of date: one renewed every year whose next release is
due (pay, a role's pay, an FAQ on pay, a figure marked `renewed: yearly`), or a pay year that a
newer pay award has replaced. A duration, a fee or the date of an event does not go stale with
age alone. And no figure may be dated in the future."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from knowledge.problems import Problem
from knowledge.raw import RawEntry
from knowledge.schema import as_of_date

GRACE_MONTHS = 2  # after a yearly release is due, before its absence is worth a warning
YEARLY = "yearly"


def stale_figures(raw: list[RawEntry], today: date) -> list[Problem]:
    """A warning for every figure that is superseded, or renewed yearly and overdue."""
    replaced = _replaced_pay_years(raw)
    warnings = []
    for item in raw:
        for path, value, holder in _dated(item.data, ()):
            since = _date(value)
            if since is None:
                continue
            label = str(value)
            if label in replaced:
                award = replaced[label]
                warnings.append(
                    item.problem(
                        path,
                        f"as_of {label} is superseded by the {award} pay award; update the figure "
                        "to the new rates once they are published",
                        severity="warning",
                    )
                )
            elif _renewed_yearly(item, path, holder) and _months(since, today) > 12 + GRACE_MONTHS:
                warnings.append(
                    item.problem(
                        path,
                        f"as_of {label} is {_months(since, today)} months old and renewed every "
                        "year; check the figure against its source and update it and as_of",
                        severity="warning",
                    )
                )
    return warnings


def future_dates(raw: list[RawEntry], today: date) -> list[Problem]:
    """An error for every as_of after `today`: a figure cannot have held from the future."""
    problems = []
    for item in raw:
        for path, value, _holder in _dated(item.data, ()):
            since = _date(value)
            if since is not None and since > today:
                problems.append(
                    item.problem(
                        path,
                        f"as_of {value} is after today ({today.isoformat()}); a figure cannot be "
                        "from the future: use the date it was published or first held",
                    )
                )
    return problems


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


def _date(value: Any) -> date | None:
    try:
        return as_of_date(str(value)) if not isinstance(value, date) else value
    except ValueError:
        return None  # already an error from validation


def _months(since: date, today: date) -> int:
    return (today.year - since.year) * 12 + today.month - since.month


def _dated(data: Any, path: tuple) -> Iterator[tuple[tuple, Any, dict]]:
    """(path to as_of, its value, the mapping that holds it) for every dated value."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "as_of":
                yield (*path, key), value, data
            else:
                yield from _dated(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _dated(value, (*path, index))


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
    due = {(w.file, w.line, w.field) for w in stale_figures(raw, today)}
    ages = []
    for item in raw:
        entry_id = str(item.data.get("id", "-")) if isinstance(item.data, dict) else "-"
        for path, value, holder in _dated(item.data, ()):
            since = _date(value)
            if since is None:
                continue
            problem = item.problem(path, "")
            text = holder.get("text") or holder.get("question") or holder.get("title") or ""
            ages.append(
                FigureAge(
                    months=_months(since, today),
                    as_of=str(value),
                    entry_id=entry_id,
                    field=problem.field,
                    text=" ".join(str(text).split())[:120],
                    source=str(holder.get("source") or holder.get("url") or ""),
                    file=problem.file,
                    line=problem.line,
                    due=(problem.file, problem.line, problem.field) in due,
                )
            )
    return sorted(ages, key=lambda age: (-age.months, age.entry_id, age.field))
