"""`carepath questions report`: what people asked that CarePath could not answer well, grouped,
most frequent first, with the nearest entries: what a curator should add next. It prints
people's own words for the curator only, to standard output, and never logs them."""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from bot.process.config import Settings
from bot.process.spreadsheet import safe_csv
from bot.process.wiring import load_knowledge
from knowledge.understanding.question_groups import Asked, QuestionGroup, group_questions
from knowledge.understanding.search import Index
from storage.database import Database
from storage.questions import to_curate

OUTCOMES = ("unanswered", "not-meant", "asked-person")
COLUMNS = ["count", "example", "first_seen", "last_seen", *OUTCOMES, "nearest"]


def run_report(since: datetime | None, output_format: str, limit: int) -> int:
    """Print the grouped questions as text or CSV."""
    settings = Settings()
    index = Index(load_knowledge(settings))
    asked = asyncio.run(_fetch(settings, since))
    groups = group_questions(index, asked)[:limit]
    if output_format == "csv":
        sys.stdout.write(safe_csv((_row(group) for group in groups), COLUMNS))
        return 0
    when = f" since {since:%Y-%m-%d}" if since else ""
    print(f"{len(asked)} question(s) to curate{when}, in {len(groups)} group(s), most asked first")
    for number, group in enumerate(groups, start=1):
        print(
            f"\n{number}. x{group.count}  {group.example!r}\n"
            f"   first {group.first_seen:%Y-%m-%d}, last {group.last_seen:%Y-%m-%d}; "
            + ", ".join(f"{o} {group.outcomes[o]}" for o in OUTCOMES if group.outcomes[o])
            + f"\n   nearest: {_nearest(group) or 'nothing close'}"
        )
    return 0


async def _fetch(settings: Settings, since: datetime | None) -> list[Asked]:
    database = Database(settings.resolved_database_url())
    try:
        async with database.transaction() as session:
            rows = await to_curate(session, since=since)
    finally:
        await database.close()
    return [Asked(row.text, row.created_at, row.outcome) for row in rows]


def _nearest(group: QuestionGroup) -> str:
    return "; ".join(f"{kind}:{entry_id} {score:.0f}" for kind, entry_id, score in group.nearest)


def _row(group: QuestionGroup) -> dict[str, object]:
    return {
        "count": group.count,
        "example": group.example,
        "first_seen": f"{group.first_seen:%Y-%m-%d}",
        "last_seen": f"{group.last_seen:%Y-%m-%d}",
        **{outcome: group.outcomes[outcome] for outcome in OUTCOMES},
        "nearest": _nearest(group),
    }
