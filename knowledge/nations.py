"""Places in Scotland, Wales and Northern Ireland: CarePath covers England only."""

from __future__ import annotations

import re

from knowledge.base import Knowledge
from knowledge.places import Postcode, find_postcode
from knowledge.schema_signposts import Nation
from knowledge.text import normalise


def nation_for_postcode(knowledge: Knowledge, postcode: Postcode) -> Nation | None:
    """The nation outside England a postcode is in, or None: a district beats its area."""
    for nation in knowledge.nations.values():
        if postcode.outward in nation.postcode_districts:
            return nation
    for nation in knowledge.nations.values():
        if postcode.area in nation.postcode_areas and postcode.outward not in (
            nation.english_districts
        ):
            return nation
    return None


def nation_named(knowledge: Knowledge, text: str) -> tuple[Nation, str] | None:
    """The nation outside England a message is about, by postcode, town or name, and the place
    as named; None when it is not, or when it also names a place in England."""
    postcode = find_postcode(text)
    if postcode is not None:
        nation = nation_for_postcode(knowledge, postcode)
        return (nation, str(postcode)) if nation else None
    plain = f" {' '.join(re.findall(r'[a-z]+', normalise(text)))} "
    if any(_names(plain, town) for hub in knowledge.hubs.values() for town in hub.towns):
        return None  # "from Glasgow to Manchester": a move to England
    for nation in knowledge.nations.values():
        for place in (*nation.towns, *nation.names):
            if _names(plain, place):
                return nation, place
    return None


def _names(plain: str, place: str) -> bool:
    return f" {' '.join(re.findall(r'[a-z]+', normalise(place)))} " in plain
