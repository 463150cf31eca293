"""`carepath leads export`: leads as CSV or JSON, for recruiters without Telegram."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime

from bot.hubs.export import as_row, leads_csv
from bot.process.config import Settings
from storage.database import Database
from storage.leads import leads_for_export
from storage.models import Lead


def run_export(output_format: str, hub_id: str | None, since: datetime | None) -> int:
    """Print leads in the chosen format to stdout."""
    settings = Settings()

    async def fetch() -> list[Lead]:
        database = Database(settings.resolved_database_url())
        try:
            async with database.transaction() as session:
                return await leads_for_export(session, hub_id=hub_id, since=since)
        finally:
            await database.close()

    leads = asyncio.run(fetch())
    if output_format == "json":
        json.dump([as_row(lead) for lead in leads], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(leads_csv(leads))
    return 0
