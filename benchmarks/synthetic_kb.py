"""Writes a synthetic, valid knowledge base of any size, for benchmarks."""

from __future__ import annotations

from pathlib import Path

import yaml

SOURCE = "https://www.gov.uk/national-minimum-wage-rates"
WORDS = (
    "care support health nurse therapy community mental family home senior lead practice "
    "assistant clinical social dementia hospital pharmacy children learning disability"
).split()
PER_FILE = 1000
SYLLABLES = "ka lo mi ra ten vo sul bri den tor pa gel fin mor zu wex li sam dor quin".split()


def _words(number: int, count: int) -> str:
    return " ".join(WORDS[(number * 7 + i * 3) % len(WORDS)] for i in range(count))


def made_up_word(number: int) -> str:
    """A distinct pronounceable word for each number, as real titles have distinct words."""
    syllables = []
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(syllables)


def role_title(number: int) -> str:
    """The title of synthetic role `number`, e.g. 'Kaloten care worker'."""
    return f"{made_up_word(number).title()} {WORDS[number % len(WORDS)]} worker"


def _role(number: int) -> dict:
    return {
        "id": f"role-{number}",
        "title": role_title(number),
        "sector": "social-care",
        "aliases": [f"{made_up_word(number + 4000)} carer"],
        "summary": f"A {_words(number, 3)} worker {number} supports people.",
        "day_to_day": _words(number + 1, 12),
        "suits": _words(number + 2, 8),
        "entry": _words(number + 3, 10),
        "pay": [{"text": "At least £12.71 an hour", "as_of": "2026-04", "source": SOURCE}],
        "leads_to": [f"role-{number + 1}"] if number % 10 else [],
    }


def _faq(number: int) -> dict:
    return {
        "id": f"faq-{number}",
        "question": f"What about {made_up_word(number + 9000)} {_words(number, 2)}?",
        "phrasings": [
            f"{made_up_word(number + 9000)} {_words(number + 5, 2)}",
            f"{_words(number, 3)} {made_up_word(number + 9000)}",
        ],
        "answer": _words(number + 9, 20),
        "as_of": "2026-04",
        "source": SOURCE,
    }


def _hubs() -> list[dict]:
    return [
        {
            "id": "national-desk",
            "name": "National desk",
            "short_name": "National",
            "region": "England",
            "national": True,
            "sectors": ["both"],
            "contact": {"email": "desk@hub.example.org"},
            "response_hours": 72,
            "response_promise": "within 3 working days",
        }
    ]


def write(directory: Path, entries: int) -> Path:
    """Write about `entries` entries (roles and FAQs, half each) into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    roles = entries // 2
    # the last role of each chain of ten leads nowhere, so every leads_to resolves
    role_items = [_role(n) for n in range(roles)]
    role_items[-1]["leads_to"] = []
    faq_items = [_faq(n) for n in range(entries - roles - 1)]
    for kind, items in (("roles", role_items), ("faqs", faq_items)):
        for start in range(0, len(items), PER_FILE):
            path = directory / f"{kind}-{start // PER_FILE:03d}.yaml"
            path.write_text(yaml.safe_dump({kind: items[start : start + PER_FILE]}))
    (directory / "hubs.yaml").write_text(yaml.safe_dump({"hubs": _hubs()}))
    return directory
