"""Leads as flat rows, for CSV and JSON exports."""

from __future__ import annotations

from typing import Any

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
