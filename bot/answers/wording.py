"""The wording every answer shares: dated figures with sources, lists, names in sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.base.dates import as_of_label
from knowledge.base.schema import Figure


class Sources:
    """Collects the source links of the figures an answer shows, each once, in order."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def add(self, url: object) -> None:
        """Remember a source link."""
        if str(url) not in self.urls:
            self.urls.append(str(url))

    def figure(self, figure: Figure) -> str:
        """The figure's text with its date, remembering its source."""
        self.add(figure.source)
        return figure_text(figure)

    def footer(self) -> str:
        """'Source: ...' lines for the answer's end, or nothing."""
        if not self.urls:
            return ""
        label = "Source" if len(self.urls) == 1 else "Sources"
        return f"{label}: " + " ; ".join(self.urls)


def dated(text: str, as_of: str) -> str:
    """The text with its date, unless the text already says it."""
    label = as_of_label(as_of)
    return text if label.casefold() in text.casefold() else f"{text} ({label})"


def figure_text(figure: Figure) -> str:
    """A figure as a person reads it: dated, 'from' when it applies, or marked as past."""
    if figure.effective_from:
        label = f"from {as_of_label(figure.effective_from)}"
        text = figure.text
        if label.casefold() not in text.casefold():
            text = f"{text} ({label})"
    else:
        text = dated(figure.text, figure.as_of)
    return f"Earlier figure: {text}" if figure.superseded else text


def a_role(title: str) -> str:
    """'a care worker', 'an occupational therapist': a role's title after an article."""
    name = in_sentence(title)
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def in_sentence(title: str) -> str:
    """A title inside a sentence: 'care worker', but 'GP receptionist' stays as it is."""
    return title[0].lower() + title[1:] if title[1:2].islower() else title


def compose(*parts: str) -> str:
    """Paragraphs, skipping empty ones."""
    return "\n\n".join(part for part in parts if part)


def bullets(lines: Iterable[str]) -> str:
    """One bullet a line."""
    return "\n".join(f"• {line}" for line in lines)


def short_label(text: str, limit: int = 48) -> str:
    """A button label that fits a phone: cut at a word, with an ellipsis, if it must be cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def months_text(months: int) -> str:
    """'18 months', '2 years': a step's typical length ('straight away' when it takes none)."""
    if months == 0:
        return "straight away"
    if months >= 24 and months % 12 == 0:
        return f"{months // 12} years"
    return f"{months} months"


def describe_years(months: int) -> str:
    """'about 18 months', 'about 4 years', 'about 5 years 9 months': a typical total."""
    if months < 24:
        return f"about {months} months"
    years, rest = divmod(months, 12)
    return f"about {years} years" + (f" {rest} months" if rest else "")


def apprenticeship_title(title: str) -> str:
    """'Adult Care Worker apprenticeship', but a title that says it already is left alone."""
    return title if "apprentice" in title.casefold() else f"{title} apprenticeship"


_YES_OR_NO = re.compile(r"^(yes|no)\b[.,!:;]?\s*", re.IGNORECASE)


def opens_with_yes_or_no(answer: str) -> bool:
    """True for an answer such as 'No. Apprentices do not pay...'."""
    return bool(_YES_OR_NO.match(answer))


def without_yes_or_no(answer: str) -> str:
    """The answer without its opening Yes or No, starting with a capital letter."""
    rest = _YES_OR_NO.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:]
