"""What a curator should renew today, and how: every figure due by its `renewed` rule and age,
every figure of a pay year a newer award replaced, every figure announced for a date that has
now come, and every apprenticeship not linked to its live version, each with the page to check,
what to check there and the YAML line to change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from knowledge.base.dates import as_of_date, as_of_label
from knowledge.base.entries import Knowledge
from knowledge.base.freshness import Due, due_figures, figure_text, is_superseded
from knowledge.base.raw import RawEntry
from knowledge.base.schema import Apprenticeship
from knowledge.base.standards import LIVE_SITE, live_url, not_live, standard_links

REASONS = ("replaced", "yearly", "in force", "version")  # the order items are listed in


@dataclass(frozen=True)
class Renewal:
    """One thing to renew: where it is written, what it says, why, and what to check where."""

    reason: str  # one of REASONS
    entry_id: str
    field: str
    file: str
    line: int
    now: str  # what the knowledge base says today
    why: str
    source: str  # the page to check
    check: str  # what to check there, and what to change


def renewals(raw: list[RawEntry], knowledge: Knowledge, today: date) -> list[Renewal]:
    """Everything due for renewal on `today`, most urgent kind first, then by file and line."""
    raw_by_id = {item.entry_id: item for item in raw}
    found = [
        *(_from_due(due) for due in due_figures(raw, today)),
        *_now_in_force(raw, today),
        *_not_live(knowledge.apprenticeships.values(), raw_by_id),
    ]
    return sorted(found, key=lambda r: (REASONS.index(r.reason), r.file, r.line))


def _from_due(due: Due) -> Renewal:
    field_path = _words_path(due.path, due.holder)
    where = due.item.problem(field_path, "")
    as_of = str(due.holder.get("as_of"))
    if due.reason == "replaced":
        why = f"pay year {as_of} was replaced by the {due.award} pay award"
        check = (
            f"the {due.award} pay for the band named here, from the official pay scales (never "
            f"worked out from the award's percentage); then update the words and set as_of to "
            f"{due.award}"
        )
    else:
        why = f"renewed every year, and {due.months} months have passed since {as_of_label(as_of)}"
        check = (
            "the newest figure and the date it holds from; update the words and as_of, or add "
            "`checked` with today's date if the page has nothing newer"
        )
    return Renewal(
        due.reason,
        due.item.entry_id,
        where.field,
        where.file,
        where.line,
        _words(due.holder),
        why,
        str(due.holder.get("source", "")),
        check,
    )


def _now_in_force(raw: list[RawEntry], today: date) -> Iterator[Renewal]:
    """Figures announced for a date that has come and not checked since it took effect."""
    for item in raw:
        for path, holder in _holders(item.data, ()):
            start = holder.get("effective_from")
            if item.kind == "minimum_wages" or not start or is_superseded(holder):
                continue
            took_effect = as_of_date(str(start))
            checked = holder.get("checked")
            if took_effect > today or (checked and as_of_date(str(checked)) >= took_effect):
                continue
            where = item.problem(_words_path((*path, "as_of"), holder), "")
            yield Renewal(
                "in force",
                item.entry_id,
                where.field,
                where.file,
                where.line,
                _words(holder),
                f"announced for {as_of_label(str(start))}, which has come",
                str(holder.get("source", "")),
                "that it took effect as announced; then add `checked` with today's date (or "
                "correct the figure), and retire the figure it replaced",
            )


def _not_live(
    apprenticeships: Iterable[Apprenticeship], raw_by_id: Mapping[str, RawEntry]
) -> Iterator[Renewal]:
    for item in apprenticeships:
        if not (why := not_live(item)):
            continue
        links = [url for _path, url in standard_links(item)]
        raw = raw_by_id[item.id]
        code = item.code or "the standard"
        target = live_url(item.code, "<major>.<minor>") if item.code else f"{LIVE_SITE}st<code>"
        yield Renewal(
            "version",
            item.id,
            "version",
            raw.file,
            raw.line,
            f"{code}: {item.title}",
            why,
            links[0] if links else LIVE_SITE,
            f"the latest approved version of {code} on Skills England (its version log); record "
            f"`version` and link {target} as the "
            "source of its duration and facts",
        )


def _words(holder: dict) -> str:
    """What a dated value says, short: an FAQ's answer, or a figure's text."""
    if "answer" in holder:
        return " ".join(str(holder["answer"]).split())[:120]
    return figure_text(holder)


def _words_path(as_of_path: tuple[str | int, ...], holder: dict) -> tuple[str | int, ...]:
    """The path of the words beside a date: a figure's text or an FAQ's answer."""
    for words in ("text", "answer"):
        if words in holder:
            return (*as_of_path[:-1], words)
    return as_of_path


def _holders(data: object, path: tuple[str | int, ...]) -> Iterator[tuple[tuple, dict]]:
    """Every mapping in the data, with its path."""
    if isinstance(data, dict):
        yield path, data
        for name, value in data.items():
            yield from _holders(value, (*path, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _holders(value, (*path, index))
