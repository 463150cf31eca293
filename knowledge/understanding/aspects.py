"""Which side of an entry a message asks about: pay, entry, length, what comes next..."""

from __future__ import annotations

import re

from knowledge.understanding.text import stem

# Checked in this order: the first aspect whose words appear wins.
_ASPECT_WORDS: dict[str, list[str]] = {
    "reg": "regulate regulates regulated regulator regulators regulation register registration "
    "registering protected title".split(),
    "pay": "pay paid salary salaries earn earns earning earnings wage wages band bands money much "
    "hourly".split(),
    "length": "long length duration months years last lasts takes".split(),
    "funding": "funding funded fund".split(),
    "next": "next progress progression promotion promoted after future step advance further move "
    "path pathway route ladder".split(),
    "entry": "become becoming qualification qualifications qualified requirement requirements "
    "require required need needs entry get start train training apply eligible".split(),
    "apps": "apprenticeship apprenticeships apprentice apprentices".split(),
    "suits": "suit suits suited personality good makes qualities".split(),
}
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bkeep (on )?earning\b|\bearn(ing)? (while|as) (i|you) (learn|train|study)|"
            r"\b(still|keep) (earn|get(ting)? paid|be(ing)? paid)\b|\bpaid while\b"
        ),
        "earning",
    ),
    (
        re.compile(
            r"\bmov(e|ing) up\b|\bstep up\b|\bget(ting)? promoted\b|\bprogress(ion)?\b|"
            r"\bclimb\b|\bnext level\b|\bmove on\b|\bcareer ladder\b"
        ),
        "next",
    ),
    (
        re.compile(
            r"\bfunding band\b|\bfunded\b|\bwho pays for\b|\b(have|need|got) to pay for\b"
            r"|\bpay for (my|the|an?|your)\b|\bcost (me|anything)\b"
        ),
        "funding",
    ),
    (re.compile(r"\bhow much\b"), "pay"),
    (re.compile(r"\bhow long\b"), "length"),
    (re.compile(r"\bwhat'?s next\b|\bwhat is next\b|\bnext step|\blead(s)? (on )?to\b"), "next"),
    (re.compile(r"\bwhat (does|do) (an? )?.{0,40}\bdo\b"), "about"),
    (re.compile(r"\bhow (do|can) i (be|become|get)\b|\bhow to (be|become)\b"), "entry"),
    (re.compile(r"\bkind of person\b|\bmakes? a good\b|\bsuit(s|ed)? me\b"), "suits"),
)
_EXPERIENCE = re.compile(
    r"\bfor (\d+|a|an|one|two|three|four|five|six|ten|many|several|a few) (years?|months?)\b"
    r"|\b\d+ (years?|months?)('| of)? experience\b"
)
_TIME_STEMS = frozenset(stem(word) for word in ("year", "years", "month", "months"))
_ASPECT_BY_STEM = {stem(word): aspect for aspect, words in _ASPECT_WORDS.items() for word in words}
ASPECT_WORDS = frozenset(word for words in _ASPECT_WORDS.values() for word in words)
ASPECT_STEMS = frozenset(_ASPECT_BY_STEM)
_ORDER = tuple(_ASPECT_WORDS)
_APPRENTICESHIP_STEMS = frozenset(
    stem(word) for word in ("apprenticeship", "apprentice", "standard", "code", "course")
)
# Where a message asking for a route divides the start from the goal ("X to Y", "X become Y");
# 'from' divides "become a nurse from care worker" the other way round.
ROUTE_SPLIT = re.compile(r"\b(to|into|become|becoming|then|->|from)\b|→|->", re.IGNORECASE)


def detect_aspect(words: list[str], text: str) -> str | None:
    """The aspect a message asks about, or None when it only names something. 'What does X do'
    asks what the work is, unless the message also asks something more specific ('...and
    what band')."""
    lowered = text.casefold()
    for pattern, aspect in _PHRASES:
        if pattern.search(lowered):
            if aspect == "about" and (specific := _by_words(words, lowered)) is not None:
                return specific
            return aspect
    return _by_words(words, lowered)


def _by_words(words: list[str], lowered: str) -> str | None:
    if _EXPERIENCE.search(lowered):  # "a carer for 3 years" says how long they have worked
        words = [word for word in words if word not in _TIME_STEMS]
    found = {_ASPECT_BY_STEM[word] for word in words if word in _ASPECT_BY_STEM}
    return next((aspect for aspect in _ORDER if aspect in found), None)


def kind_words(words: list[str]) -> bool:
    """True when the message says it is about an apprenticeship rather than a job."""
    return any(word in _APPRENTICESHIP_STEMS or re.fullmatch(r"st\d{4}", word) for word in words)
