"""Leads as flat rows, for CSV and JSON exports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.process.spreadsheet import safe_csv
from storage.models import Lead

COLUMNS = (
    "ref",
    "created_at",
    "hub_id",
    "status",
    "owner",
    "name",
    "phone",
    "email",
    "postcode",
    "town",
    "interests",
    "hours",
    "drives",
    "source",
    "consent_version",
    "consent_at",
    "hub_reason",
)


def as_row(lead: Lead) -> dict[str, Any]:
    """One lead as a flat record of text, numbers and booleans."""
    row = {column: getattr(lead, column) for column in COLUMNS}
    row["interests"] = " ".join(lead.interests)
    for column in ("created_at", "consent_at"):
        row[column] = row[column].isoformat() if row[column] else None
    return row


def leads_csv(leads: Iterable[Lead]) -> str:
    """The leads as CSV text, safe to open in a spreadsheet."""
    return safe_csv((as_row(lead) for lead in leads), COLUMNS)
