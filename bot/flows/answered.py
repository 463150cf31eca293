"""What answering a message gave: the replies, and the match behind them for `ask --json`, eval,
metrics and the question log."""

from __future__ import annotations

from dataclasses import dataclass

from bot.replies import Reply
from knowledge.understanding.ranking import Match


@dataclass(frozen=True)
class MatchInfo:
    """What the answer was about, for `ask --json`, eval and the question log."""

    kind: str
    id: str
    aspect: str | None
    score: float


@dataclass(frozen=True)
class Answered:
    """The replies to a question, and the confident match behind them (None if there was none)."""

    replies: list[Reply]
    match: MatchInfo | None
    best_guess: Match | None = None
    unanswered: bool = False  # a fallback or 'did you mean': a question we could not answer
    route_goal: tuple[str, str] | None = None  # (start, goal) when a route was planned
    suggested: bool = False  # 'did you mean' was asked
    offer: str | None = None  # the concern whose gentle offer of help goes with the answer
    private: bool = False  # it may show a concern: never logged, never kept in state

    @property
    def outcome(self) -> str:
        """For metrics: answered, did-you-mean, fallback, route, safety, safety-offer, nation,
        language or other (small talk, nothing to read)."""
        if self.match is not None:
            kind = self.match.kind
            special = ("route", "safety", "safety-offer", "nation", "language")
            return kind if kind in special else "answered"
        if self.suggested:
            return "did-you-mean"
        return "fallback" if self.unanswered else "other"
