"""UK postcodes and towns, and which hub covers them: the most specific claim wins."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from knowledge.base.entries import Knowledge
from knowledge.base.schema import Hub

_FULL_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
_OUTWARD_CODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\b")
# An outward code alone ("L2") is too like other things ("level 2") unless the text is about place.
_PLACE_CUE = re.compile(
    r"\b(in|near|around|at|from|postcode|post code|live|living|based|area|district)\s+$",
    re.IGNORECASE,
)
_AREA = re.compile(r"^([A-Z]{1,2})")
# Every postcode area in the UK (Royal Mail); an outward code must start with one of them.
POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT
    DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD
    LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK
    SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO
    ZE""".split()
)
# "jobs in Leeds", "I live in Hull": a place we may not know, asked about for work or contact.
_PLACE_NAME = re.compile(
    r"\b(?:in|near|around|from|at)\s+(?:the\s+)?([a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?)\s*[?.!,]*$"
    r"|\b(?:in|near|around)\s+([a-z][a-z'-]{2,})\b",
    re.IGNORECASE,
)
_WORK_OR_CONTACT = re.compile(
    r"\b(jobs?|work|working|vacanc\w*|careers?|hubs?|contact|talk|speak|live|living|based|"
    r"recruit\w*|employ\w*|apply|roles?|opportunit\w*|care|carers?|nhs|nurs\w*|"
    r"apprentice\w*|who do i|where do i|cover\w*|local|nearest|near me)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Postcode:
    """A UK postcode as found in text: outward code (NG7) and, when given, inward code (2RD)."""

    outward: str
    inward: str | None = None

    @property
    def area(self) -> str:
        """The letters that start the postcode: NG, E, RM."""
        match = _AREA.match(self.outward)
        assert match is not None
        return match.group(1)

    def __str__(self) -> str:
        return f"{self.outward} {self.inward}" if self.inward else self.outward


def parse_postcode(text: str) -> Postcode | None:
    """The postcode that is the whole of `text` (full or outward only), or None."""
    cleaned = " ".join(text.upper().split())
    match = _FULL_POSTCODE.fullmatch(cleaned) or _OUTWARD_CODE.fullmatch(cleaned)
    if match is None:
        return None
    postcode = Postcode(match.group(1), match.group(2) if match.re is _FULL_POSTCODE else None)
    return postcode if postcode.area in POSTCODE_AREAS else None


def find_postcode(text: str) -> Postcode | None:
    """A postcode in a message: a full one anywhere; an outward code alone, at the start, or
    after 'in', 'near', 'postcode'... (elsewhere 'L2' is more likely a level than Liverpool)."""
    upper = text.upper()
    for match in _FULL_POSTCODE.finditer(upper):
        postcode = Postcode(match.group(1), match.group(2))
        if postcode.area in POSTCODE_AREAS:
            return postcode
    if whole := parse_postcode(text):
        return whole
    for match in _OUTWARD_CODE.finditer(upper):
        postcode = Postcode(match.group(1))
        before = text[: match.start()]
        if postcode.area in POSTCODE_AREAS and (not before.strip() or _PLACE_CUE.search(before)):
            return postcode
    return None


def about_work_or_contact(text: str) -> bool:
    """True when a message mentions jobs, work, a hub or getting in touch."""
    return bool(_WORK_OR_CONTACT.search(text))


def find_place_name(text: str) -> str | None:
    """A place named in a message about work or contact ('care jobs in Leeds'), if any."""
    if not about_work_or_contact(text):
        return None
    match = _PLACE_NAME.search(text)
    return (match.group(1) or match.group(2)).strip() if match else None


@dataclass(frozen=True)
class Coverage:
    """The hub for a place, and why it was chosen."""

    hub: Hub
    reason: str


def hub_for_postcode(knowledge: Knowledge, postcode: Postcode) -> Coverage | None:
    """The hub whose district, else whose area, covers the postcode; None if no regional hub,
    and None for a district of another nation inside a hub's area (CH5 is in Wales)."""
    if any(postcode.outward in nation.postcode_districts for nation in knowledge.nations.values()):
        return None
    for hub in knowledge.hubs.values():
        if postcode.outward in hub.postcode_districts:
            return Coverage(hub, f"postcode district {postcode.outward} is covered by {hub.name}")
    for hub in knowledge.hubs.values():
        if postcode.area in hub.postcode_areas:
            return Coverage(hub, f"postcode area {postcode.area} is covered by {hub.name}")
    return None


def hub_for_location(knowledge: Knowledge, lat: float, lon: float) -> Coverage | None:
    """The hub whose centre is nearest a shared location and within its reach, or None."""
    best: tuple[float, Hub] | None = None
    for hub in knowledge.hubs.values():
        if hub.centre is None:
            continue
        distance = _km(lat, lon, hub.centre.lat, hub.centre.lon)
        if distance <= hub.centre.radius_km and (best is None or distance < best[0]):
            best = (distance, hub)
    if best is None:
        return None
    return Coverage(best[1], f"your location is about {best[0]:.0f} km from {best[1].name}'s area")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def hub_for_town(knowledge: Knowledge, town: str) -> Coverage | None:
    """The hub that lists this town (any case), or None."""
    wanted = " ".join(town.casefold().split())
    for hub in knowledge.hubs.values():
        for name in hub.towns:
            if name.casefold() == wanted:
                return Coverage(hub, f"{name} is covered by {hub.name}")
    return None


def place_in(knowledge: Knowledge, text: str) -> tuple[Hub, str] | None:
    """The hub for a place anywhere in a message already known to ask about a place: a
    postcode, or just its district ("OL8", "leeds LS6"), or a town a hub lists; a place named
    after 'in' or 'near' that no hub lists belongs to the national desk."""
    desk = knowledge.national_hub
    postcode = find_postcode(text) or _any_district(text)
    if postcode is not None:
        coverage = hub_for_postcode(knowledge, postcode)
        hub = coverage.hub if coverage else desk
        return (hub, str(postcode)) if hub else None
    plain = f" {' '.join(re.findall(r'[a-z]+', text.casefold()))} "
    for hub in knowledge.hubs.values():
        for town in hub.towns:
            if f" {' '.join(town.casefold().split())} " in plain:
                return hub, town
    named = find_place_name(text)
    if named and desk is not None:
        return desk, named.title()
    return None


def _any_district(text: str) -> Postcode | None:
    for match in _OUTWARD_CODE.finditer(text.upper()):
        postcode = Postcode(match.group(1))
        if postcode.area in POSTCODE_AREAS and any(ch.isdigit() for ch in postcode.outward):
            return postcode
    return None
