"""Places in Scotland, Wales and Northern Ireland: CarePath covers England only."""

from __future__ import annotations

import re

from knowledge.base.entries import Knowledge
from knowledge.base.schema_signposts import Nation
from knowledge.guidance.places import Postcode, find_postcode
from knowledge.understanding.text import normalise


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


class NationFinder:
    """Finds places outside England named in a message; names are read once, up front."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.english_towns = [_plain(town) for hub in knowledge.hubs.values() for town in hub.towns]
        self.places = [
            (nation, place, _plain(place))
            for nation in knowledge.nations.values()
            for place in (*nation.towns, *nation.names)
        ]

    def named(self, text: str) -> tuple[Nation, str] | None:
        """The nation outside England a message is about, by postcode, town or name, and the
        place as named; None when it is not, or when it also names a place in England."""
        postcode = find_postcode(text)
        if postcode is not None:
            nation = nation_for_postcode(self.knowledge, postcode)
            return (nation, str(postcode)) if nation else None
        plain = _plain(text)
        if any(town in plain for town in self.english_towns):
            return None  # "from Glasgow to Manchester": a move to England
        return next(((nation, place) for nation, place, name in self.places if name in plain), None)


def nation_named(knowledge: Knowledge, text: str) -> tuple[Nation, str] | None:
    """The nation outside England a message is about (see NationFinder), for a one-off check."""
    return NationFinder(knowledge).named(text)


def _plain(text: str) -> str:
    return f" {' '.join(re.findall(r'[a-z]+', normalise(text)))} "
