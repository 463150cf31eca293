"""Every kind of knowledge-base entry, by the top-level key a YAML file lists it under."""

from __future__ import annotations

from knowledge.base.schema import (
    Apprenticeship,
    Eligibility,
    Faq,
    Hub,
    Pathway,
    Role,
    SmallTalk,
    Strict,
)
from knowledge.base.schema_examples import Phrasings, SafetyExamples
from knowledge.base.schema_pay import MinimumWage, PayAward
from knowledge.base.schema_signposts import HelpOffer, Nation, OtherLanguages, SafetyConcern

ENTRY_KINDS: dict[str, type[Strict]] = {
    "roles": Role,
    "apprenticeships": Apprenticeship,
    "pathways": Pathway,
    "faqs": Faq,
    "hubs": Hub,
    "smalltalk": SmallTalk,
    "eligibility": Eligibility,
    "safety": SafetyConcern,
    "help_offers": HelpOffer,
    "nations": Nation,
    "other_languages": OtherLanguages,
    "pay_awards": PayAward,
    "minimum_wages": MinimumWage,
    "safety_examples": SafetyExamples,
    "phrasings": Phrasings,
}
