"""Reading a message: the learned model says what it is about, the lexical evidence (names,
codes, towns, postcodes) confirms or overrules it, and a small learned ranker weighs the two
into candidates with probabilities, best first.

The ranker is trained on the example phrasings, each scored by an entry model that never saw it
(so it learns how far to trust the model on new messages) and read by the lexical index."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from knowledge.base.entries import Knowledge
from knowledge.base.schema_examples import QUESTION_KINDS
from knowledge.understanding.intents import (
    Examples,
    Intents,
    examples,
    intent_models,
    unseen_scores,
)
from knowledge.understanding.model_cache import fingerprint, load_or_build
from knowledge.understanding.ranking import Match
from knowledge.understanding.search import Index, Understanding

OUT_OF_SCOPE = "out-of-scope"
HUB_SEARCH = "hub-search"
SHORTLIST = 6  # candidates from each side
RANKER_STRENGTH = 1.0  # inverse regularisation of the ranker
FEATURES = (
    "model",
    "model_log",
    "model_top",
    "model_margin",
    "lexical",
    "lexical_top",
    "lexical_complete",
    "lexical_exact",
    "both",
    "role",
    "apprenticeship",
    "faq",
    "pathway",
    "hub",
    "smalltalk",
    "question",
    "out_of_scope",
    "apprenticeship_asked",
    "job_asked",
    "named_with_aspect",
    "said_as_smalltalk",
    "unknown_words",
)


@dataclass(frozen=True)
class Candidate:
    """One thing the message may be about: an entry's id or a kind of question."""

    about: str
    kind: str  # roles, apprenticeships, faqs, pathways, hubs, or question
    probability: float
    match: Match | None  # the lexical evidence for it, if any


@dataclass(frozen=True)
class Reading:
    """What a message is about (best first), the aspect asked, and the lexical reading."""

    candidates: list[Candidate]
    aspects: dict[str, float]
    understanding: Understanding
    scores: dict[str, float]  # the entry model's own view, before the lexical evidence

    @property
    def top(self) -> Candidate:
        """The likeliest reading."""
        return self.candidates[0]


@dataclass(frozen=True)
class Ranker:
    """Weights over FEATURES; a message's candidates compete through a softmax."""

    weights: np.ndarray

    def save(self, file: BinaryIO) -> None:
        """Write the weights as one .npz file."""
        np.savez(file, weights=self.weights, features=np.array(FEATURES))

    @classmethod
    def load(cls, path: Path) -> Ranker:
        """Read weights written by `save`; ValueError if they are for other features."""
        with np.load(path, allow_pickle=False) as saved:
            if tuple(str(f) for f in saved["features"]) != FEATURES:
                raise ValueError("the ranker was built for other features")
            return cls(saved["weights"])


class Reader:
    """Reads each message with the models and the index together."""

    def __init__(
        self, knowledge: Knowledge, index: Index, intents: Intents, ranker: Ranker
    ) -> None:
        self.knowledge, self.index, self.intents, self.ranker = knowledge, index, intents, ranker
        self.kinds = {about: kind_of(knowledge, about) for about in intents.about.classes}

    def read(self, text: str) -> Reading:
        """Rank what the message may be about."""
        understanding = self.index.understand(text)
        scores = self.intents.about.probabilities(text)
        rows = candidate_rows(self.knowledge, understanding, scores, self.kinds)
        logits = np.array([features for _, features in rows]) @ self.ranker.weights
        chances = np.exp(logits - logits.max())
        chances /= chances.sum()
        ranked = sorted(
            (
                Candidate(c.about, c.kind, float(p), c.match)
                for (c, _), p in zip(rows, chances, strict=True)
            ),
            key=lambda c: -c.probability,
        )
        return Reading(ranked, self.intents.aspect.probabilities(text), understanding, scores)


def kind_of(knowledge: Knowledge, about: str) -> str:
    """The kind of what a candidate names: an entry's kind, or 'question'."""
    if about in QUESTION_KINDS:
        return "question"
    return knowledge.kind_of(about) or "question"


def candidate_rows(
    knowledge: Knowledge,
    understanding: Understanding,
    scores: dict[str, float],
    kinds: dict[str, str],
) -> list[tuple[Candidate, list[float]]]:
    """The shortlist of candidates (the model's likeliest, the index's best matches, and
    'out of scope'), each with its features. A place's hub is the index's to name: the model
    only says the message asks about a place (all hubs and hub-search together)."""
    by_model = sorted(scores, key=scores.__getitem__, reverse=True)[:SHORTLIST]
    lexical = {m.entry_id: (rank, m) for rank, m in enumerate(understanding.matches[:SHORTLIST])}
    place = sum(p for about, p in scores.items() if kinds.get(about) == "hubs")
    place += scores.get(HUB_SEARCH, 0.0)
    words = max(1, len(understanding.stems))
    unknown = len(understanding.unknown) / words
    rows = []
    for about in dict.fromkeys([*by_model, *lexical, OUT_OF_SCOPE]):
        kind = kinds.get(about) or kind_of(knowledge, about)
        rank, match = lexical.get(about, (None, None))
        model = place if kind == "hubs" or about == HUB_SEARCH else scores.get(about, 0.0)
        lexical_score = match.score / 100 if match else 0.0
        asked = understanding.wants_apprenticeship
        features = [
            model,
            math.log(model + 1e-3),
            float(by_model[:1] == [about]),
            model - max((scores[a] for a in by_model if a != about), default=0.0),
            lexical_score,
            float(rank == 0),
            float(bool(match and match.complete)),
            float(lexical_score >= 0.99),
            model * lexical_score,
            *(
                float(kind == k)
                for k in ("roles", "apprenticeships", "faqs", "pathways", "hubs", "smalltalk")
            ),
            float(kind == "question" and about != OUT_OF_SCOPE),
            float(about == OUT_OF_SCOPE),
            float(asked and kind == "apprenticeships"),
            float(asked and kind == "roles"),
            float(bool(match and match.complete) and understanding.aspect is not None),
            float(understanding.smalltalk == about),
            unknown * float(about == OUT_OF_SCOPE),
        ]
        rows.append((Candidate(about, kind, model, match), features))
    return rows


def train_ranker(
    knowledge: Knowledge, index: Index, examples: Examples, unseen: Iterable[dict[str, float]]
) -> Ranker:
    """Learn how to weigh the model against the lexical evidence, from the phrasings."""
    from sklearn.linear_model import LogisticRegression

    from knowledge.understanding.training import one_thread

    kinds = {about: kind_of(knowledge, about) for about in set(examples.about)}
    table, target = [], []
    for text, about, scores in zip(examples.texts, examples.about, unseen, strict=True):
        rows = candidate_rows(knowledge, index.understand(text), scores, kinds)
        if about not in {c.about for c, _ in rows}:
            continue  # nothing to learn from a message whose answer is not on the shortlist
        for candidate, features in rows:
            table.append(features)
            target.append(int(candidate.about == about))
    # rounded and in a fixed order: sums over sets of words, and the order candidates tie in,
    # can differ between processes in the last bits, and so would the weights
    rounded = np.round(np.array(table), 9).tolist()
    ordered = sorted(zip(rounded, target, strict=True))
    with one_thread():
        regression = LogisticRegression(C=RANKER_STRENGTH, max_iter=2000).fit(
            np.array([row for row, _ in ordered]), [label for _, label in ordered]
        )
    return Ranker(regression.coef_[0].astype(np.float64))


def reader_for(knowledge: Knowledge, index: Index) -> Reader | None:
    """The reader over the built models (built now if need be); None without phrasings."""
    intents = intent_models(knowledge)
    if intents is None:
        return None
    return Reader(knowledge, index, intents, ranker_for(knowledge, index))


def ranker_for(knowledge: Knowledge, index: Index) -> Ranker:
    """The ranker for these phrasings and names (trained now if need be)."""
    found = examples(knowledge)
    names = [f"{n.kind}:{n.entry_id}:{n.text}" for n in index.names]
    key = fingerprint(names, names, found.key("ranker"), FEATURES, RANKER_STRENGTH)

    def build() -> Ranker:
        return train_ranker(knowledge, index, found, unseen_scores(knowledge, found).rows())

    return load_or_build("ranker", key, build, load=Ranker.load)
