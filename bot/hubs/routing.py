"""Which hub gets a lead, and why: the most specific place claim, then the sector it recruits."""

from __future__ import annotations

from knowledge.base.entries import Knowledge
from knowledge.base.schema import Hub
from knowledge.guidance.places import Coverage, hub_for_postcode, hub_for_town, parse_postcode


def sectors_of(knowledge: Knowledge, interests: list[str]) -> set[str]:
    """The sectors ('health', 'social-care') of the roles and apprenticeships in `interests`."""
    sectors: set[str] = set()
    for interest in interests:
        kind, _, entry_id = interest.partition(":")
        entry = (knowledge.roles if kind == "role" else knowledge.apprenticeships).get(entry_id)
        if entry is not None:
            sectors |= {"health", "social-care"} if entry.sector == "both" else {entry.sector}
    return sectors


def roles_of(knowledge: Knowledge, interests: list[str]) -> set[str]:
    """The role ids in `interests`, with the roles each apprenticeship leads to."""
    roles: set[str] = set()
    for interest in interests:
        kind, _, entry_id = interest.partition(":")
        if kind == "role":
            roles.add(entry_id)
        elif entry_id in knowledge.apprenticeships:
            roles.update(knowledge.apprenticeships[entry_id].roles)
    return roles


def _recruits_for(hub: Hub, sectors: set[str], roles: set[str]) -> bool:
    if hub.roles and roles:
        return bool(roles & set(hub.roles))
    offered = {"health", "social-care"} if "both" in hub.sectors else set(hub.sectors)
    return not sectors or bool(sectors & offered)


def route(knowledge: Knowledge, place: str, interests: list[str] | None = None) -> Coverage:
    """The hub for a postcode or town and the reason, falling back to the national desk."""
    postcode = parse_postcode(place)
    found = hub_for_postcode(knowledge, postcode) if postcode else hub_for_town(knowledge, place)
    desk = knowledge.national_hub
    if desk is None:
        raise LookupError("the knowledge base has no national desk")
    if found is None:
        return Coverage(desk, f"no regional hub covers {place}; {desk.name} covers everywhere else")
    sectors = sectors_of(knowledge, interests or [])
    if not _recruits_for(found.hub, sectors, roles_of(knowledge, interests or [])):
        wanted = " and ".join(sorted(sectors)) or "that role"
        return Coverage(
            desk, f"{found.reason}, but it does not recruit for {wanted}; {desk.name} does"
        )
    return found
