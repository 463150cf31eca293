"""What a message is about, learned from how people ask: a model of the entry (or kind of
question) a message asks about, and one of the aspect it asks about (pay, entry, length...).
Both are trained from the example phrasings and the knowledge base's own names, and built
once for each version of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from knowledge.base.entries import Knowledge
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.model_cache import fingerprint, load_or_build
from knowledge.understanding.training import fit, out_of_fold

ABOUT_STRENGTH = 10.0
ASPECT_STRENGTH = 10.0
UNSEEN_FOLDS = 3  # the ranker learns from scores by models that saw two thirds of them
TOLERANCE = 1e-3  # 200 classes: a looser stop halves the training time for the same scores
ENTRY_KINDS = ("roles", "apprenticeships")  # the kinds whose phrasings teach the aspect


@dataclass(frozen=True)
class Examples:
    """Labelled messages: what each is about, and the aspect it asks about (or None)."""

    texts: list[str]
    about: list[str]
    aspects: list[str | None]

    def key(self, *settings: object) -> str:
        """A fingerprint of exactly these examples."""
        labels = [f"{a}|{b}" for a, b in zip(self.about, self.aspects, strict=True)]
        return fingerprint(self.texts, labels, *settings)


def examples(knowledge: Knowledge) -> Examples:
    """Every labelled way of asking the knowledge base has: the example phrasings (with their
    aspect), the FAQs' own phrasings, and each entry's names and codes."""
    texts: list[str] = []
    about: list[str] = []
    aspects: list[str | None] = []

    def add(text: str, entry: str, aspect: str | None = None) -> None:
        texts.append(text)
        about.append(entry)
        aspects.append(aspect)

    for group in knowledge.phrasings.values():
        taught = knowledge.kind_of(group.about) in ENTRY_KINDS
        for aspect, said in group.examples.items():
            for text in said:
                add(text, group.about, aspect if taught else None)
    for faq in knowledge.faqs.values():
        for text in faq.phrasings:
            add(text, faq.id)
    for role in knowledge.roles.values():
        for name in (role.title, *role.aliases):
            add(name, role.id, "about")
    for item in knowledge.apprenticeships.values():
        for name in (item.title, *item.aliases, *([item.code] if item.code else [])):
            add(name, item.id, "about")
    for pathway in knowledge.pathways.values():
        add(pathway.title, pathway.id)
    for talk in knowledge.smalltalk.values():
        for text in talk.phrasings:
            add(text, talk.id)
    return Examples(texts, about, aspects)


@dataclass(frozen=True)
class Intents:
    """The two trained models, and how the entry model scored examples it never saw (which
    the ranker learns to trust or doubt)."""

    about: LinearModel
    aspect: LinearModel


def intent_models(knowledge: Knowledge) -> Intents | None:
    """The trained models, built once for these examples; None when there are no phrasings."""
    found = examples(knowledge)
    if not knowledge.phrasings or len(set(found.about)) < 2:
        return None
    about = load_or_build(
        "about",
        found.key("about", ABOUT_STRENGTH, TOLERANCE),
        lambda: fit(found.texts, found.about, strength=ABOUT_STRENGTH, tolerance=TOLERANCE),
    )
    taught = [(t, a) for t, a in zip(found.texts, found.aspects, strict=True) if a]
    aspect = load_or_build(
        "aspect",
        found.key("aspect", ASPECT_STRENGTH, TOLERANCE),
        lambda: fit(
            [t for t, _ in taught],
            [a for _, a in taught],
            strength=ASPECT_STRENGTH,
            tolerance=TOLERANCE,
        ),
    )
    return Intents(about, aspect)


@dataclass(frozen=True)
class Unseen:
    """Each example's entry probabilities from a model that never saw it (3-fold): how the
    model does on new messages."""

    classes: tuple[str, ...]
    scores: np.ndarray  # one row per example, one column per class

    def rows(self) -> list[dict[str, float]]:
        """Each example's scores by class."""
        return [dict(zip(self.classes, row.tolist(), strict=True)) for row in self.scores]

    def save(self, file: BinaryIO) -> None:
        """Write as one .npz file."""
        np.savez(file, classes=np.array(self.classes), scores=self.scores)

    @classmethod
    def load(cls, path: Path) -> Unseen:
        """Read what `save` wrote."""
        with np.load(path, allow_pickle=False) as saved:
            return cls(tuple(str(c) for c in saved["classes"]), saved["scores"])


def unseen_scores(knowledge: Knowledge, found: Examples) -> Unseen:
    """The examples' scores from models that never saw them, built once for these examples."""

    def build() -> Unseen:
        rows = out_of_fold(
            found.texts,
            found.about,
            strength=ABOUT_STRENGTH,
            folds=UNSEEN_FOLDS,
            tolerance=TOLERANCE,
        )
        classes = tuple(sorted(set(found.about)))
        matrix = np.array([[row.get(c, 0.0) for c in classes] for row in rows], np.float32)
        return Unseen(classes, matrix)

    return load_or_build(
        "unseen",
        found.key("unseen", ABOUT_STRENGTH, TOLERANCE, UNSEEN_FOLDS),
        build,
        load=Unseen.load,
    )
