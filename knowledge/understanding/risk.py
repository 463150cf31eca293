"""How worried to be about a message, and which help fits: the curated signs and a model
trained on example messages, read together into one level.

- high: help first (the full reply with every helpline for the concern);
- possible: a message that may be a sign but is not clear: one gentle line of help, first
  when the sign is strong enough (`first`), else after the answer; a careers question about an
  alarming subject ('suicide prevention jobs') gets it after the answer;
- none: an ordinary message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from knowledge.base.entries import Knowledge
from knowledge.base.schema_examples import NO_CONCERN
from knowledge.base.schema_signposts import SafetyConcern
from knowledge.understanding.framing import told_as_history, told_as_present
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.model_cache import fingerprint, load_or_build
from knowledge.understanding.signs import PhraseFinder
from knowledge.understanding.training import STRENGTH, TOLERANCE, fit, out_of_fold, with_settings

Level = Literal["high", "possible", "none"]
# The two thresholds are calibrated when the model is trained, by cross-validation on the
# training examples alone (never on a held-out split): at `high`, at most this share of the
# curated ordinary messages would get the full reply; at `possible`, at least this share of
# the concern messages would get help.
FULL_REPLY_TO_ORDINARY = 0.01
CONCERNS_HELPED = 0.99
CALIBRATION_FOLDS = 3  # thresholds are set on scores from models that saw two thirds


@dataclass(frozen=True)
class Risk:
    """What the risk check made of a message; the message itself is never kept."""

    level: Level
    concern: SafetyConcern | None
    probability: float  # the model's probability that the message shows any concern
    first: bool = False  # the gentle line comes before the answer, and the message is kept
    # nowhere (a stronger sign); otherwise it follows the answer

    @property
    def high(self) -> bool:
        """True when help comes before anything else."""
        return self.level == "high"


NO_RISK = Risk("none", None, 0.0)  # for what is not read (buttons, commands)


class RiskCheck:
    """Reads each message for signs of crisis, harm, abuse or neglect."""

    def __init__(self, knowledge: Knowledge, model: LinearModel | None = None) -> None:
        concerns = list(knowledge.safety.values())
        self.concerns = knowledge.safety
        self.signs = PhraseFinder((c, sign) for c in concerns for sign in c.signs)
        self.topics = PhraseFinder((c, topic) for c in concerns for topic in c.topics)
        self.model = model
        settings = model.settings if model is not None else {}
        self.high = settings.get("high", 0.5)
        self.possible = settings.get("possible", 0.2)
        # Halfway: a curated sign puts help first only above it (below, the model leans the
        # other way: a careers question or a history, 'I used to self-harm, can I be a nurse?'),
        # and the gentle line comes first above it.
        self.sign_floor = (self.possible + self.high) / 2

    def read(self, text: str, *, signs_only: bool = False) -> Risk:
        """The level of concern a message shows, and the concern to help with. `signs_only`:
        for text the model cannot read (another language), only the curated signs count."""
        sign = self.signs.find(text)
        probability, likeliest = (
            ((1.0 if sign else 0.0), None) if signs_only else self._model_reading(text)
        )
        clear = probability >= self.high or (
            sign is not None and (probability >= self.sign_floor or told_as_present(text))
        )
        concern = likeliest if probability >= self.possible else sign
        if clear and not told_as_history(text):
            return Risk("high", concern, probability)
        if clear or sign is not None or probability >= self.sign_floor:
            return Risk("possible", concern or likeliest, probability, first=True)
        if probability >= self.possible:
            return Risk("possible", likeliest, probability)
        topic = self.topics.find(text)
        if topic is not None:
            return Risk("possible", topic, probability)
        return Risk("none", None, probability)

    def concern(self, text: str) -> SafetyConcern | None:
        """The concern to help with first, or None when the message is not a clear sign."""
        risk = self.read(text)
        return risk.concern if risk.high else None

    def _model_reading(self, text: str) -> tuple[float, SafetyConcern | None]:
        if self.model is None:
            return (1.0, None) if self.signs.find(text) else (0.0, None)
        scores = self.model.probabilities(text)
        ordinary = scores.pop(NO_CONCERN, 0.0)
        if not scores:
            return 0.0, None
        likeliest = max(scores, key=scores.__getitem__)
        return 1.0 - ordinary, self.concerns.get(likeliest)


def training_set(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    """The labelled messages the risk model learns from: the curated safety examples, and the
    knowledge base's own ways of asking careers questions, and its job names, as ordinary
    messages."""
    texts: list[str] = []
    labels: list[str] = []
    for group in knowledge.safety_examples.values():
        texts.extend(group.examples)
        labels.extend([group.concern] * len(group.examples))
    ordinary = [
        t for group in knowledge.phrasings.values() for ts in group.examples.values() for t in ts
    ]
    ordinary += [p for faq in knowledge.faqs.values() for p in faq.phrasings]
    ordinary += [p for talk in knowledge.smalltalk.values() for p in talk.phrasings]
    # every name of a job or apprenticeship is an ordinary message: 'staff nurse' alone must
    # not read as a worry about staff
    for entry in [*knowledge.roles.values(), *knowledge.apprenticeships.values()]:
        ordinary += [entry.title, *entry.aliases]
    texts.extend(ordinary)
    labels.extend([NO_CONCERN] * len(ordinary))
    return texts, labels


def risk_model(knowledge: Knowledge) -> LinearModel | None:
    """The trained risk model, built once for these examples; None when none are curated."""
    texts, labels = training_set(knowledge)
    if len(set(labels)) < 2 or not knowledge.safety_examples:
        return None
    curated = sum(len(group.examples) for group in knowledge.safety_examples.values())
    key = fingerprint(
        texts,
        labels,
        STRENGTH,
        TOLERANCE,
        FULL_REPLY_TO_ORDINARY,
        CONCERNS_HELPED,
        CALIBRATION_FOLDS,
    )
    return load_or_build("risk", key, lambda: train(texts, labels, curated))


def train(texts: list[str], labels: list[str], curated: int) -> LinearModel:
    """Fit the model on every example, and calibrate its two thresholds on how a model that
    never saw each example scored it. `curated`: how many of the examples (the first ones)
    are curated safety examples; the rest are plain careers phrasings, too easy to calibrate
    on."""
    scores = out_of_fold(texts, labels, folds=CALIBRATION_FOLDS)
    concern = np.array([1.0 - s.get(NO_CONCERN, 0.0) for s in scores[:curated]])
    ordinary = np.array([label == NO_CONCERN for label in labels[:curated]])
    high = float(np.quantile(concern[ordinary], 1 - FULL_REPLY_TO_ORDINARY))
    possible = float(np.quantile(concern[~ordinary], 1 - CONCERNS_HELPED))
    return with_settings(fit(texts, labels), high=high, possible=min(possible, high))
