"""Multiple-choice questions asked one at a time, answered by a button or in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.replies import Button, Reply


@dataclass(frozen=True)
class Question:
    """One question: its key in the answers, its text, and (value, label, words) options."""

    key: str
    text: str
    options: tuple[tuple[str, str, tuple[str, ...]], ...]

    def reply(self, prefix: str, intro: str = "", step: str = "", **fill: str) -> Reply:
        """The question (its {placeholders} filled) with a button for each option; `step`
        says how far through the person is ('Question 2 of 6')."""
        buttons = tuple(
            Button(label, f"{prefix}:{self.key}:{value}") for value, label, _ in self.options
        )
        text = self.text.format(**fill) if fill else self.text
        shown = f"{step}: {text}" if step else text
        return Reply(f"{intro}{shown}", (*buttons, Button("Cancel", f"{prefix}:cancel")))

    def answer(self, prefix: str, button: str | None, text: str) -> str | None:
        """The chosen option's value, from its button or from words typed; None if unclear."""
        if button and button.startswith(f"{prefix}:{self.key}:"):
            value = button.removeprefix(f"{prefix}:{self.key}:")
            return value if any(value == option[0] for option in self.options) else None
        lowered = f" {' '.join(text.casefold().split())} "
        found = [
            value
            for value, label, words in self.options
            if lowered.strip() == label.casefold() or any(f" {word} " in lowered for word in words)
        ]
        return found[0] if len(found) == 1 else None


_YES_WORDS = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "of course", "definitely"}
_NO_WORDS = {"no", "n", "nope", "nah", "not really", "no thanks"}
_NEGATION = re.compile(r"\b(can'?t|cannot|can not|don'?t|do not|doesn'?t|not|never|no)\b")


def yes_or_no(text: str) -> str | None:
    """'yes' or 'no' from a typed answer ('no i cant drive', 'yeah i can'), None if unclear."""
    plain = " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())
    if not plain:
        return None
    words = plain.split()
    for opening in (" ".join(words[:2]), words[0]):
        if opening in _YES_WORDS:
            return "yes"
        if opening in _NO_WORDS:
            return "no"
    if _NEGATION.search(plain):
        return "no"
    if re.search(r"\b(i can|i do|i have|i drive)\b", plain):
        return "yes"
    return None


def step_of(number: int, total: int) -> str:
    """'Question 2 of 6': where a person is in a form or quiz."""
    return f"Question {number} of {total}"
