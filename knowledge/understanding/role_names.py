"""Jobs named inside a message: the role a fragment names, and a route asked for between two."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from knowledge.understanding.aspects import ASPECT_STEMS, ROUTE_SPLIT
from knowledge.understanding.names import Name
from knowledge.understanding.text import GENERIC_STEMS, STOP_STEMS, stem, words

SHORT_NAME_SHARE = 0.5  # a route's goal named by part of a job's name: at least half of it...
SHORT_NAME_LEAD = 0.15  # ...and clearly more of it than of any other job's name
_VERBS = frozenset("be get have do pay earn work start train apply go move stay keep".split())
# Words just before a job that make it where the person wants to go ("want to be a midwife",
# "move into social work", "train as a physio"); the other job named is where they are.
_TOWARDS = frozenset(
    stem(word)
    for word in """be become becoming into fancy want wanna train training qualify qualifying
    move moving switch progress step thinking considering interested keen hoping aiming
    eventually someday dream""".split()
)


class NameIndex(Protocol):
    """What finding roles needs of the index: its names, how rare words are, and spelling."""

    names: Sequence[Name]
    by_anchor: Mapping[str, list[int]]

    def stems_of(self, text: str) -> list[str]:
        """The message's word stems, misspellings corrected."""

    def weigh(self, words: frozenset[str] | set[str]) -> float:
        """How much a set of words says."""


class RoleReader:
    """Finds roles named in fragments of a message, by the index's names and word weights."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def route(self, text: str) -> tuple[str, str] | None:
        """'From care worker to nurse': a role named on each side of 'to', 'become'..."""
        for cue in reversed(list(ROUTE_SPLIT.finditer(text))):
            before, after = text[: cue.start()], text[cue.end() :]
            start = self.named(before)
            goal = self.named(after) if start else None
            if start and goal is None and self._names_only(before, start):
                goal = self._meant(after)  # "senior carer to manager"
            if start and goal and start != goal:
                if cue.group(0).strip().casefold() == "from":
                    start, goal = goal, start
                return start, goal
        return None

    def in_words(self, text: str) -> tuple[str | None, str | None]:
        """A move between jobs said in everyday words ("HCA here, want to be a midwife"):
        (where they are, where they want to go). With one job named, it is the goal."""
        start, goal, _ = self.move(text)
        return start, goal

    def move(self, text: str) -> tuple[str | None, str | None, bool]:
        """As in_words, and whether a word says which job is wanted ('want to be', 'into')."""
        said = self.index.stems_of(text)
        spans: list[tuple[float, int, int, str]] = []
        for name in self._role_names(set(said) - STOP_STEMS):
            for at, end in _spans(name.order, said):
                spans.append((self.index.weigh(name.stems), at, end, name.entry_id))
        taken: list[tuple[int, int]] = []
        found: dict[int, tuple[float, str]] = {}
        for weight, at, end, role in sorted(spans, key=lambda s: (-s[0], s[1])):
            if all(end <= a or at >= b for a, b in taken):  # 'support worker' inside another
                taken.append((at, end))
                found[at] = (weight, role)
        ordered = [found[at][1] for at in sorted(found)]
        roles = list(dict.fromkeys(ordered))
        if not roles:
            return None, None, False
        cued = [found[at][1] for at in sorted(found) if _TOWARDS & set(said[max(0, at - 3) : at])]
        goal = cued[-1] if cued else roles[-1]
        start = next((role for role in roles if role != goal), None)
        return start, goal, bool(cued)

    def named(self, text: str) -> str | None:
        """The one role a fragment of a message names in full, if any."""
        found = set(self.index.stems_of(text)) - STOP_STEMS
        best: tuple[float, str] | None = None
        for name in self._role_names(found):
            if name.stems <= found:
                weight = self.index.weigh(name.stems)
                if best is None or weight > best[0]:
                    best = (weight, name.entry_id)
        return best[1] if best else None

    def all_named(self, text: str) -> set[str]:
        """Every role a text names in full, by its title or any alias."""
        found = set(self.index.stems_of(text)) - STOP_STEMS
        return {name.entry_id for name in self._role_names(found) if name.stems <= found}

    def _names_only(self, text: str, role_id: str) -> bool:
        """True when a fragment says nothing but the role's name ('from senior carer')."""
        found = self._topic(text)
        return any(n.entry_id == role_id and found <= n.stems for n in self._role_names(found))

    def _meant(self, text: str) -> str | None:
        """The one role that a shortened name ('manager') clearly points to: the fragment is
        part of its name, and part of no other role's name nearly as much."""
        if (words(text) or [""])[0] in _VERBS:
            return None  # "need to be registered": a verb follows 'to', not a job
        found = self._topic(text)
        share: dict[str, float] = {}
        for name in self._role_names(found):
            if found and found <= name.stems:
                part = self.index.weigh(found) / (self.index.weigh(name.stems) or 1)
                share[name.entry_id] = max(share.get(name.entry_id, 0.0), part)
        ranked = sorted(share.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < SHORT_NAME_SHARE:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < SHORT_NAME_LEAD:
            return None
        return ranked[0][0]

    def _topic(self, text: str) -> set[str]:
        return set(self.index.stems_of(text)) - STOP_STEMS - ASPECT_STEMS - GENERIC_STEMS

    def _role_names(self, found: set[str]) -> list[Name]:
        index = self.index
        numbers = {n for word in found for n in index.by_anchor.get(word, ())}
        return [
            index.names[n]
            for n in sorted(numbers)
            if index.names[n].kind == "roles" and not index.names[n].whole_phrase
        ]


def _spans(order: tuple[str, ...], said: list[str]) -> list[tuple[int, int]]:
    """Everywhere a name is said in the message, in order and close together: (start, end)."""
    found = []
    for start, word in enumerate(said):
        if word != order[0]:
            continue
        at, ok = start, True
        for wanted in order[1:]:
            window = said[at + 1 : at + 3]
            if wanted not in window:
                ok = False
                break
            at = at + 1 + window.index(wanted)
        if ok:
            found.append((start, at + 1))
    return found
