"""The rapidfuzz index: a message in, ranked matches out, with the aspect asked about."""

from __future__ import annotations

import heapq
import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from knowledge.base.entries import Knowledge
from knowledge.guidance.places import (
    Postcode,
    about_work_or_contact,
    find_place_name,
    find_postcode,
    hub_for_postcode,
    hub_for_town,
)
from knowledge.understanding.aspects import (
    ASPECT_STEMS,
    ASPECT_WORDS,
    detect_aspect,
    kind_words,
)
from knowledge.understanding.dictionary import english_words
from knowledge.understanding.names import Name, names_of
from knowledge.understanding.ranking import Match, most_specific, one_per_topic, rank
from knowledge.understanding.role_names import RoleReader
from knowledge.understanding.text import (
    GENERIC_STEMS,
    STOP_STEMS,
    STOPWORDS,
    in_order,
    plain_text,
    stem,
    without_what_the_day_is_like,
    words,
)

_DOUBLED = re.compile(r"(.)\1+")
_CODE = re.compile(r"\bst\s?-?(\d{4})\b", re.IGNORECASE)
_SMALLTALK_MIN = 90
_SMALLTALK_MAX_WORDS = 8
# A document's score: this share from its whole vocabulary, the rest from its best name.
DOCUMENT_SHARE = 0.6
UNKNOWN_NUMBER_WEIGHT = 0.5
UNKNOWN_PLACE_SCORE = 85.0
PLACE_WITHOUT_WORK = 0.7
OUT_OF_ORDER = 0.9  # a name whose words all come, but swapped round: likely another thing
MAX_CANDIDATES = 40
DOCUMENT_KINDS = ("faqs", "apprenticeships")  # scored on all their words as well as by name


@dataclass
class Understanding:
    """What the index made of one message."""

    text: str
    stems: list[str]
    aspect: str | None
    matches: list[Match] = field(default_factory=list)
    smalltalk: str | None = None
    postcode: Postcode | None = None
    route: tuple[str, str] | None = None
    wants_apprenticeship: bool = False
    guessed: frozenset[str] = frozenset()  # stems that spelling correction made
    unknown: frozenset[str] = frozenset()  # words the knowledge base never uses


class Index:
    """Every name of every entry, weighted so that rare words count for more."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.names: list[Name] = names_of(knowledge)
        documents: dict[tuple[str, str], set[str]] = defaultdict(set)
        for name in self.names:
            documents[(name.kind, name.entry_id)] |= name.stems
        total = len(documents) or 1
        self.document_vocabulary = {
            k: frozenset(v) for k, v in documents.items() if k[0] in DOCUMENT_KINDS
        }
        frequency: dict[str, int] = defaultdict(int)
        for vocabulary in documents.values():
            for word in vocabulary:
                frequency[word] += 1
        self.weight = {w: math.log((total + 1) / (n + 0.5)) for w, n in frequency.items()}
        self.median_weight = statistics.median(self.weight.values()) if self.weight else 1.0
        self.by_anchor: dict[str, list[int]] = defaultdict(list)
        for number, name in enumerate(self.names):
            for word in self._anchors(name):
                self.by_anchor[word].append(number)
        self.spellings_by_letter: dict[str, list[str]] = defaultdict(list)
        for word in sorted({w for name in self.names for w in words(name.text)}):
            if len(word) >= 5 and word.isalpha() and word not in STOPWORDS:
                self.spellings_by_letter[word[0]].append(word)
        self.known_words = {w for name in self.names for w in words(name.text)}
        self.spellings = self.known_words | ASPECT_WORDS
        self.base_words = frozenset(self.spellings | STOPWORDS)  # English the base itself uses
        for word in sorted(ASPECT_WORDS - self.known_words):
            if len(word) >= 5:
                self.spellings_by_letter[word[0]].append(word)
        self.smalltalk = [
            (entry.id, plain_text(phrasing))
            for entry in knowledge.smalltalk.values()
            for phrasing in entry.phrasings
        ]
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        self.roles = RoleReader(self)

    def _correct_uncached(self, word: str) -> str:
        """The base's spelling of a slip (one in five letters, two in longer words); short and
        everyday English words as written."""
        if len(word) <= 4 and word.endswith("s") and word[:-1] in self.known_words:
            return word[:-1]  # 'OTs', 'PAs': the plural of a short name the base knows
        single = _DOUBLED.sub(r"\1", word)
        if single != word and word not in self.known_words and single in self.spellings:
            return single  # 'payy', 'wagee': a key held down too long
        if len(word) < 5 or not word.isalpha() or word in self.spellings:
            return word
        if word in STOPWORDS or word in english_words():
            return word  # a real word, even one the base never uses, is what was meant
        allowed = 1 if len(word) <= 5 else 2
        candidates = self.spellings_by_letter.get(word[0], [])
        close = process.extract(
            word, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=8
        )
        if not close:
            return word
        # the fewest slips, then the most letters in common, then the same length
        best = min(
            close, key=lambda c: (c[1], -fuzz.ratio(word, c[0]), abs(len(c[0]) - len(word)), c[0])
        )
        return best[0]

    def stems_of(self, text: str) -> list[str]:
        """The message's word stems, misspellings corrected."""
        return [stem(self._correct(word)) for word in words(text)]

    def _anchors(self, name: Name) -> list[str]:
        """A name's heaviest words, together at least half its weight. A message without any
        of them matches under half the name, too little to answer, so looking a name up only
        by its anchors keeps common words ('care', 'worker') from waking thousands of names."""
        ranked = sorted(name.stems, key=lambda w: (-self.weight[w], w))
        total = sum(self.weight[w] for w in ranked)
        anchors, carried = [], 0.0
        for word in ranked:
            anchors.append(word)
            carried += self.weight[word]
            if carried >= total / 2:
                break
        return anchors

    def weigh(self, words: frozenset[str] | set[str]) -> float:
        """How much a set of words says: rare words in the knowledge base count for more."""
        return sum(self.weight.get(word, self._unknown_weight(word)) for word in words)

    def _unknown_weight(self, word: str) -> float:
        # A word the knowledge base never uses still says the message is about something else.
        return UNKNOWN_NUMBER_WEIGHT if not word.isalpha() else self.median_weight

    def understand(self, text: str) -> Understanding:
        """Find the entries a message is about, best first, and the aspect it asks about."""
        # "a day in the life of a carer" asks what the work is like, not about day services
        text_of_topic = without_what_the_day_is_like(text)
        typed = [stem(word) for word in words(text_of_topic)]
        stems = self.stems_of(text_of_topic)
        understanding = Understanding(text, stems, detect_aspect(stems, text))
        understanding.guessed = frozenset(w for w, t in zip(stems, typed, strict=True) if w != t)
        understanding.unknown = frozenset(
            w for w in stems if w not in self.weight and w not in STOP_STEMS and w.isalpha()
        )
        understanding.smalltalk = self._smalltalk(text)
        understanding.wants_apprenticeship = kind_words(stems)
        understanding.postcode = find_postcode(text)
        query = {w for w in stems if w not in STOP_STEMS}
        focus = query - GENERIC_STEMS - ASPECT_STEMS
        plain = plain_text(text)
        work_talk = about_work_or_contact(text)
        best: dict[tuple[str, str], Match] = {}
        for number in {n for word in query for n in self.by_anchor.get(word, ())}:
            name = self.names[number]
            match = self._score(name, query, focus, stems, plain, work_talk)
            key = (name.kind, name.entry_id)
            if match and (key not in best or match.score > best[key].score):
                best[key] = match
        document_keys = {key for key in best if key[0] in DOCUMENT_KINDS}
        for match in self._whole_documents(query, stems, document_keys):
            key = (match.kind, match.entry_id)
            phrased = best.get(key)
            blended = DOCUMENT_SHARE * match.score + (1 - DOCUMENT_SHARE) * (
                phrased.score if phrased else 0.0
            )
            if phrased is None or blended > phrased.score:
                best[key] = replace(match, score=round(blended, 1))
        for match in (*self._exact_codes(text), *self._postcode_hub(understanding)):
            key = (match.kind, match.entry_id)
            if key not in best or match.score > best[key].score:
                best[key] = match
        # Only the leaders can win; later steps compare matches pairwise, so keep them few.
        leaders = heapq.nsmallest(MAX_CANDIDATES, best.values(), key=rank)
        wants_apprenticeship = (
            understanding.wants_apprenticeship or understanding.aspect == "length"
        )
        understanding.matches = one_per_topic(
            self.knowledge, most_specific(leaders), wants_apprenticeship=wants_apprenticeship
        )
        understanding.route = self.roles.route(text)
        return understanding

    def _score(
        self,
        name: Name,
        query: set[str],
        focus: set[str],
        words: list[str],
        plain: str,
        work_talk: bool,
    ) -> Match | None:
        matched = name.stems & query
        if not matched or not name.stems:
            return None
        recall = self.weigh(matched) / (self.weigh(name.stems) or 1)
        if name.whole_phrase:
            precision = self.weigh(matched) / (self.weigh(query) or 1)
            score = 200 * precision * recall / ((precision + recall) or 1)
            # Phrasings that match on the same words: the one worded most like the message
            # wins (at most one point, so it only ever breaks ties).
            score += fuzz.ratio(plain, name.plain) / 100
        else:
            precision = self.weigh(matched & focus) / (self.weigh(focus) or 1) if focus else 1.0
            score = 100 * recall * (0.6 + 0.4 * min(precision, 1.0))
        position = min(words.index(word) for word in matched)
        score *= name.weight
        if name.kind == "hubs" and query - name.stems and not work_talk:
            score *= PLACE_WITHOUT_WORK  # 'pubs in Nottingham' is not about jobs there
        complete = not name.whole_phrase and matched == name.stems
        if complete and not in_order(name.order, words):
            score *= OUT_OF_ORDER  # "a care home" does not say "home care"
        return Match(
            name.kind,
            name.entry_id,
            round(score, 1),
            frozenset(matched),
            name.text,
            position,
            complete,
        )

    def _whole_documents(
        self, query: set[str], words: list[str], keys: set[tuple[str, str]]
    ) -> list[Match]:
        """Score FAQs and apprenticeships on all their words at once: how much of the message
        each explains (an FAQ asked in new words, "physio degree apprenticeship")."""
        found = []
        total = self.weigh(query) or 1
        for kind, entry_id in keys:
            matched = self.document_vocabulary[(kind, entry_id)] & query
            if len(matched) < 2:
                continue
            score = 100 * self.weigh(matched) / total
            position = min(words.index(word) for word in matched)
            found.append(Match(kind, entry_id, round(score, 1), frozenset(matched), "", position))
        return found

    def _smalltalk(self, text: str) -> str | None:
        """Small talk when a short message holds one of its phrasings (typos allowed)."""
        plain = plain_text(text)
        if not plain or len(plain.split()) > _SMALLTALK_MAX_WORDS:
            return None
        best = process.extractOne(
            plain,
            [p for _, p in self.smalltalk],
            scorer=fuzz.token_set_ratio,
            score_cutoff=_SMALLTALK_MIN,
        )
        return self.smalltalk[best[2]][0] if best else None

    def _exact_codes(self, text: str) -> list[Match]:
        found = []
        for number in _CODE.findall(text):
            item = self.knowledge.by_code(f"ST{number}")
            if item:
                said = frozenset({f"st{number}"})
                found.append(Match("apprenticeships", item.id, 100.0, said, item.code or ""))
        return found

    def _postcode_hub(self, understanding: Understanding) -> list[Match]:
        postcode = understanding.postcode
        if postcode is None:
            return self._unknown_place(understanding.text)
        coverage = hub_for_postcode(self.knowledge, postcode)
        hub = coverage.hub if coverage else self.knowledge.national_hub
        if hub is None:
            return []
        return [
            Match("hubs", hub.id, 100.0, frozenset({postcode.outward.casefold()}), str(postcode))
        ]

    def _unknown_place(self, text: str) -> list[Match]:
        """A place no regional hub lists ('jobs in Leeds') belongs to the national desk."""
        place = find_place_name(text)
        desk = self.knowledge.national_hub
        if place is None or desk is None or hub_for_town(self.knowledge, place):
            return []
        if all(word in self.known_words or word in STOPWORDS for word in words(place)):
            return []  # 'jobs in care', 'work in nursing': not a place
        return [
            Match(
                "hubs", desk.id, UNKNOWN_PLACE_SCORE, frozenset({place.casefold()}), place.title()
            )
        ]
