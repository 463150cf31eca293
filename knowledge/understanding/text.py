"""How the matcher reads text: normalised words, their stems, and words that carry no topic."""

from __future__ import annotations

import re
import unicodedata

_CONTRACTIONS = {
    "what's": "what is",
    "whats": "what is",
    "i'm": "i am",
    "im": "i am",
    "it's": "it is",
    "don't": "do not",
    "dont": "do not",
    "can't": "can not",
    "cant": "can not",
    "who's": "who is",
    "where's": "where is",
    "how's": "how is",
    "i've": "i have",
    "i'd": "i would",
    "you're": "you are",
}
# Different spellings of one word, so both find the same entries.
_SPELLINGS = {
    "license": "licence",
    "licenses": "licence",
    "licences": "licence",
    "programme": "program",
    "organisation": "organization",
    "travelling": "traveling",
    "enquiry": "inquiry",
    "carers": "carer",
    # text-speak and short forms people type
    "wot": "what",
    "wat": "what",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "cert": "certificate",
    "certs": "certificate",
    "yrs": "years",
    "yr": "year",
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "qual": "qualification",
    "quals": "qualifications",
    "apprenticeship's": "apprenticeship",
}
# "I'm 45", "at 17", "a 16 year old": a person's age, which the matcher reads as the word 'age'.
_AGE = re.compile(
    r"\b(?:i am|i'm|im|at|aged?|turning)\s+(\d{2})\b(?!\s*(?:%|months|weeks|hours))"
    r"|\b(\d{2})\s*(?:-|\s)?\s*(?:years?|yrs?)[\s-]*old\b"
)
# Words that say nothing about the topic: they never make or break a match.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at for from by with about into as is are was were be been
    being am do does did doing have has had having i me my mine we us our you your yours he she
    they them their it its this that these those there here what which who whom whose when where
    why how can could would should will shall may might must not no yes so than then too very
    just also any some all each every other such own same only both either neither please tell
    know want like get got getting go going thing things lot lots really kind sort bit someone
    something anyone anything one ones hi hey hello proper properly actual actually""".split()
)
# Words that say what kind of answer is wanted but not about which entry.
GENERIC = frozenset(
    """job jobs role roles career careers position positions opportunity opportunities field
    sector industry area option options person people""".split()
)
_WORD = re.compile(r"[a-z0-9£%]+(?:'[a-z]+)?(?:\.\d+)?")


_ASCII_PLAIN = {code: " " for code in (*range(32), 127)} | {ord("`"): "'"}


def normalise(text: str) -> str:
    """Lower case, accents and control characters removed, curly quotes straightened."""
    if text.isascii():  # most text: nothing to decompose, so skip the slow Unicode passes
        return text.translate(_ASCII_PLAIN).lower()
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of a text, with contractions expanded and spellings unified."""
    result: list[str] = []
    text = normalise(text)
    if _AGE.search(text):
        result.append("age")
    for word in _WORD.findall(text):
        expanded = _CONTRACTIONS.get(word)
        if expanded:
            result.extend(expanded.split())
            continue
        word = word.removesuffix("'s").replace("'", "")
        result.append(_SPELLINGS.get(word, word))
    return result


def stem(word: str) -> str:
    """A crude stem that folds plurals and -ing forms: nurses, nursing, nurse -> nurs."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ship") and len(word) >= 10:
        word = word[:-4]
    if (word.endswith("ing") and len(word) >= 7) or (word.endswith("ist") and len(word) >= 7):
        word = word[:-3]
    if word.endswith(("e", "y")) and len(word) >= 5:
        word = word[:-1]
    return word


def stems(text: str) -> list[str]:
    """The stems of a text's words, in order, stopwords included."""
    return [stem(word) for word in words(text)]


STOP_STEMS = frozenset(stem(word) for word in STOPWORDS)
GENERIC_STEMS = frozenset(stem(word) for word in GENERIC)


def content(stems_in_order: list[str]) -> list[str]:
    """The stems that carry a topic: stopwords removed."""
    return [s for s in stems_in_order if s not in STOP_STEMS]


_WHAT_THE_DAY_IS_LIKE = re.compile(
    r"\b(day in the life|day[- ]to[- ]day|(a |an )?(typical|normal|average|usual) (work ?)?day)\b",
    re.IGNORECASE,
)


def without_what_the_day_is_like(text: str) -> str:
    """The text without 'a day in the life', 'a typical day'...: they ask what the work is
    like, and must not match day centres or day services."""
    return _WHAT_THE_DAY_IS_LIKE.sub(" ", text)


def in_order(order: tuple[str, ...], words: list[str]) -> bool:
    """True when a name's words come in the message in the order the name says them."""
    remaining = iter(words)
    return all(word in remaining for word in order)


def plain_text(text: str) -> str:
    """Normalised text with punctuation as spaces, for comparing wordings."""
    return " ".join(re.sub(r"[^\w\s]", " ", normalise(text)).split())
