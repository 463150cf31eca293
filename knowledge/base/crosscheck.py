"""Rules that span entries: references resolve, places are claimed once, figures are fresh."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rapidfuzz import process

from knowledge.base.problems import Problem
from knowledge.base.raw import RawEntry
from knowledge.base.schema import Apprenticeship, Faq, Hub, Pathway, Role, Strict
from knowledge.base.schema_examples import (
    MIN_PHRASINGS,
    NO_CONCERN,
    QUESTION_KINDS,
    Phrasings,
    SafetyExamples,
)
from knowledge.base.schema_signposts import SafetyConcern

STALE_AFTER_DAYS = 365

Entries = Mapping[str, list[Strict]]


def cross_references(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> list[Problem]:
    """Every problem that only shows when entries are seen together."""
    return [
        *_dangling_references(entries, raw_by_id),
        *_shared_names(entries, raw_by_id),
        *_hub_claims(entries, raw_by_id),
        *_examples_once(entries, raw_by_id),
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
    elif isinstance(entry, SafetyConcern):
        yield ("offer",), entry.offer, "help_offers"
    elif isinstance(entry, SafetyExamples) and entry.concern != NO_CONCERN:
        yield ("concern",), entry.concern, "safety"
    elif isinstance(entry, Phrasings) and entry.about not in QUESTION_KINDS:
        yield ("about",), entry.about, "any"


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


def _examples_once(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> Iterator[Problem]:
    """A training message belongs to one group: twice, it would teach two answers or one
    answer twice."""
    for kind in ("safety_examples", "phrasings"):
        owner: dict[str, str] = {}
        for group in entries.get(kind, []):
            for path, example in _examples_of(group):
                key = " ".join(example.casefold().split())
                first = owner.setdefault(key, group.id)
                if first != group.id:
                    yield raw_by_id[group.id].problem(
                        path,
                        f"{example!r:.60} is already an example in {first!r}; keep it in one group",
                    )


def _examples_of(group: Strict) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(group, SafetyExamples):
        for index, example in enumerate(group.examples):
            yield ("examples", index), example
    elif isinstance(group, Phrasings):
        for aspect, texts in group.examples.items():
            for index, example in enumerate(texts):
                yield ("examples", aspect, index), example


def too_few_phrasings(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> list[Problem]:
    """A warning for every role, apprenticeship, FAQ and kind of question with fewer example
    phrasings than the understanding layer needs to learn it."""
    counts: dict[str, int] = {}
    for group in entries.get("phrasings", []):
        counts[group.about] = counts.get(group.about, 0) + group.count  # type: ignore[attr-defined]
    warnings = []
    for kind in ("roles", "apprenticeships", "faqs"):
        for entry in entries.get(kind, []):
            have = counts.get(entry.id, 0)
            if have < MIN_PHRASINGS and counts:
                warnings.append(
                    raw_by_id[entry.id].problem(
                        ("id",),
                        f"has {have} example phrasings; add at least {MIN_PHRASINGS} in a "
                        "phrasings file, as people would ask",
                        severity="warning",
                    )
                )
    return warnings


def unplanned_moves(entries: Entries, raw_by_id: Mapping[str, RawEntry]) -> list[Problem]:
    """A warning for every move a role's `leads_to` names that no chain of pathway steps plans."""
    next_roles: dict[str, set[str]] = {}
    for pathway in entries.get("pathways", []):
        for step in pathway.steps:  # type: ignore[attr-defined]
            next_roles.setdefault(step.from_role, set()).add(step.to_role)
    warnings = []
    for role in entries.get("roles", []):
        for index, target in enumerate(role.leads_to):  # type: ignore[attr-defined]
            if not _reachable(next_roles, role.id, target):
                warnings.append(
                    raw_by_id[role.id].problem(
                        ("leads_to", index),
                        f"names {target!r}, but no pathway step plans that move; add a step "
                        "(how, how long, source) to a pathways file",
                        severity="warning",
                    )
                )
    return warnings


def _reachable(next_roles: Mapping[str, set[str]], start: str, goal: str) -> bool:
    seen, frontier = {start}, [start]
    while frontier:
        for role in next_roles.get(frontier.pop(), ()):
            if role == goal:
                return True
            if role not in seen:
                seen.add(role)
                frontier.append(role)
    return False
