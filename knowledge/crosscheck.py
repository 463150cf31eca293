"""Rules that span entries: references resolve, places are claimed once, figures are fresh."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rapidfuzz import process

from knowledge.problems import Problem
from knowledge.raw import RawEntry
from knowledge.schema import Apprenticeship, Faq, Hub, Pathway, Role, Strict

STALE_AFTER_DAYS = 365

Entries = Mapping[str, list[Strict]]


def cross_references(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> list[Problem]:
    """Every problem that only shows when entries are seen together."""
    return [
        *_dangling_references(entries, raw_by_id),
        *_shared_names(entries, raw_by_id),
        *_hub_claims(entries, raw_by_id),
    ]


def references(entry: Strict) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, referenced id, kind it must be) for every reference an entry makes."""
    if isinstance(entry, Role):
        for index, target in enumerate(entry.apprenticeships):
            yield ("apprenticeships", index), target, "apprenticeships"
        for index, target in enumerate(entry.leads_to):
            yield ("leads_to", index), target, "roles"
    elif isinstance(entry, Apprenticeship):
        for index, target in enumerate(entry.roles):
            yield ("roles", index), target, "roles"
    elif isinstance(entry, Pathway):
        for index, step in enumerate(entry.steps):
            yield ("steps", index, "from"), step.from_role, "roles"
            yield ("steps", index, "to"), step.to_role, "roles"
            if step.apprenticeship:
                yield ("steps", index, "apprenticeship"), step.apprenticeship, "apprenticeships"
    elif isinstance(entry, Faq):
        for index, target in enumerate(entry.related):
            yield ("related", index), target, "any"
    elif isinstance(entry, Hub):
        for index, target in enumerate(entry.roles):
            yield ("roles", index), target, "roles"


def _dangling_references(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> Iterator[Problem]:
    ids_by_kind = {kind: {entry.id for entry in items} for kind, items in entries.items()}
    all_ids = set().union(*ids_by_kind.values())
    for items in entries.values():
        for entry in items:
            for path, target, kind in references(entry):
                known = all_ids if kind == "any" else ids_by_kind.get(kind, set())
                if target in known:
                    continue
                noun = "entry" if kind == "any" else kind.removesuffix("s")
                what = f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
                hint = _did_you_mean(target, known)
                yield raw_by_id[entry.id].problem(
                    path, f"refers to {what} {target!r} that does not exist{hint}"
                )


def _did_you_mean(target: str, known: set[str]) -> str:
    best = process.extractOne(target, known, score_cutoff=70) if known else None
    return f"; did you mean {best[0]!r}?" if best else "; check the id"


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _shared_names(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> Iterator[Problem]:
    """An alias may name one entry only, and may not be another entry's title."""
    titles: dict[tuple[str, str], str] = {}
    for kind in ("roles", "apprenticeships"):
        for entry in entries.get(kind, []):
            key = (kind, _normal(entry.title))
            if key in titles:
                yield raw_by_id[entry.id].problem(
                    ("title",), f"the title is already used by {titles[key]!r}; make it distinct"
                )
            titles.setdefault(key, entry.id)
    title_owner = {name: owner for (_, name), owner in titles.items()}
    alias_owner: dict[str, str] = {}
    for kind in ("roles", "apprenticeships"):
        for entry in entries.get(kind, []):
            for index, alias in enumerate(entry.aliases):
                name = _normal(alias)
                owner = alias_owner.get(name) or title_owner.get(name)
                if owner is not None and owner != entry.id:
                    yield raw_by_id[entry.id].problem(
                        ("aliases", index),
                        f"the alias {alias!r} already names {owner!r}; an alias must find one "
                        "entry only, so remove it here or there (use keywords for loose words)",
                    )
                alias_owner.setdefault(name, entry.id)


def _hub_claims(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> Iterator[Problem]:
    """A place belongs to one hub; a district inside another hub's area is more specific."""
    hubs: list[Hub] = entries.get("hubs", [])  # type: ignore[assignment]
    claimed: dict[tuple[str, str], str] = {}
    for hub in hubs:
        places = (
            ("postcode_areas", hub.postcode_areas, str.upper),
            ("postcode_districts", hub.postcode_districts, str.upper),
            ("towns", hub.towns, _normal),
        )
        for field, values, normal in places:
            for index, value in enumerate(values):
                key = (field, normal(value))
                owner = claimed.setdefault(key, hub.id)
                if owner != hub.id:
                    yield raw_by_id[hub.id].problem(
                        (field, index),
                        f"{value!r} is already covered by hub {owner!r}; a place may belong to "
                        "one hub only (a district may sit inside another hub's area)",
                    )
    national = [hub for hub in hubs if hub.national]
    if hubs and not national:
        yield raw_by_id[hubs[0].id].problem(
            ("national",), "no hub is the national desk; mark one hub 'national: true'"
        )
    for hub in national[1:]:
        yield raw_by_id[hub.id].problem(
            ("national",), f"{national[0].id!r} is already the national desk; keep one only"
        )
