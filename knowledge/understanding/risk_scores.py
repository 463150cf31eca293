"""How well the risk check does on a labelled file of messages: how many concerns get help,
and how many ordinary questions get the full crisis reply."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.understanding.risk import RiskCheck


@dataclass(frozen=True)
class SafetyCase:
    """A labelled message: the concern it shows ('none' for an ordinary one) and its kind."""

    text: str
    concern: str
    kind: str


@dataclass
class SafetyScore:
    """Counts over a labelled set, by kind too."""

    concerns: int = 0
    helped: int = 0  # the full reply or the gentle line
    helped_first: int = 0  # the full reply
    right_help: int = 0  # the full reply for the concern the message shows
    ordinary: int = 0
    false_alarms: int = 0  # the full crisis reply to an ordinary message
    offered: int = 0  # the gentle line beside an ordinary answer
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def recall(self) -> float:
        """Share of concern messages that got help (full or gentle)."""
        return self.helped / self.concerns if self.concerns else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of ordinary messages that got the full crisis reply."""
        return self.false_alarms / self.ordinary if self.ordinary else 0.0


def read_cases(path: Path) -> list[SafetyCase]:
    """A file with `concern:` (text, concern, kind) and `ordinary:` (text, kind) lists."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cases = [
        SafetyCase(str(item["text"]), str(item["concern"]), str(item.get("kind", "-")))
        for item in document.get("concern", [])
    ]
    cases += [
        SafetyCase(str(item["text"]), "none", str(item.get("kind", "-")))
        for item in document.get("ordinary", [])
    ]
    return cases


def score(check: RiskCheck, cases: list[SafetyCase]) -> SafetyScore:
    """Read every case with the risk check and count what a person would have seen."""
    result = SafetyScore()
    for case in cases:
        risk = check.read(case.text)
        kind = result.kinds[f"{'ordinary' if case.concern == 'none' else 'concern'}:{case.kind}"]
        kind[0] += 1
        if case.concern == "none":
            result.ordinary += 1
            result.false_alarms += risk.high
            result.offered += risk.level == "possible"
            kind[1] += not risk.high
            continue
        result.concerns += 1
        helped = risk.level != "none"
        result.helped += helped
        result.helped_first += risk.high
        result.right_help += (
            risk.high and risk.concern is not None and risk.concern.id == case.concern
        )
        kind[1] += helped
    return result


def report(name: str, result: SafetyScore) -> str:
    """The score as a few lines of text, concerns and ordinary messages apart."""
    lines = [
        f"{name}: {result.concerns} concern messages, {result.ordinary} ordinary",
        f"  concerns given help: {result.helped}/{result.concerns} ({result.recall:.1%}); "
        f"help first: {result.helped_first}; the right help first: {result.right_help}",
        f"  ordinary given the full crisis reply: {result.false_alarms}/{result.ordinary} "
        f"({result.false_alarm_rate:.1%}); given the gentle line: {result.offered}",
    ]
    for kind, (total, good) in sorted(result.kinds.items()):
        if good < total:
            lines.append(f"  {kind}: {good}/{total}")
    return "\n".join(lines)
