"""The names an entry is known by: titles, aliases, codes, keywords, phrasings and towns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from knowledge.base.entries import Knowledge
from knowledge.understanding.text import STOP_STEMS, plain_text, stems

KEYWORD_WEIGHT = 0.8


@dataclass(frozen=True)
class Name:
    """One way an entry can be named: a title, alias, phrasing, keyword, town..."""

    kind: str
    entry_id: str
    text: str
    stems: frozenset[str]
    whole_phrase: bool  # phrasings are compared as a whole; names need only be present
    weight: float = 1.0  # keywords are loose words: they suggest an entry more than name it
    order: tuple[str, ...] = ()  # the stems in the order the name says them
    plain: str = ""  # the wording normalised once, to compare phrasings with a message


def names_of(knowledge: Knowledge) -> list[Name]:
    """Every name the matcher knows each entry by."""

    def name(kind: str, entry_id: str, text: str, whole: bool = False) -> Name | None:
        said = tuple(w for w in stems(text) if w not in STOP_STEMS)
        if not said:
            return None
        return Name(
            kind, entry_id, text, frozenset(said), whole, order=said, plain=plain_text(text)
        )

    def keyword(kind: str, entry_id: str, text: str) -> Name | None:
        found = name(kind, entry_id, text, whole=True)
        return replace(found, weight=KEYWORD_WEIGHT) if found else None

    made: list[Name | None] = []
    for role in knowledge.roles.values():
        made += [name("roles", role.id, text) for text in (role.title, *role.aliases)]
        made += [keyword("roles", role.id, text) for text in role.keywords]
    for item in knowledge.apprenticeships.values():
        texts = (item.title, *item.aliases, *([item.code] if item.code else []))
        made += [name("apprenticeships", item.id, text) for text in texts]
        made += [keyword("apprenticeships", item.id, text) for text in item.keywords]
    for pathway in knowledge.pathways.values():
        made.append(name("pathways", pathway.id, pathway.title, True))
        made += [keyword("pathways", pathway.id, text) for text in pathway.keywords]
    for faq in knowledge.faqs.values():
        made += [name("faqs", faq.id, text, True) for text in (faq.question, *faq.phrasings)]
    for hub in knowledge.hubs.values():
        made += [name("hubs", hub.id, text) for text in (hub.short_name, *hub.towns)]
    return [item for item in made if item is not None]
