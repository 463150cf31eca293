"""The lead board's chart: a hub's leads per week by status, and the median time to claim,
drawn as plain SVG (no charting library; text labels, readable without colour)."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import datetime, timedelta
from html import escape

from bot.hubs.cards import STATUS_LABELS

COLOURS = {
    "new": "#d5281b",
    "claimed": "#005eb8",
    "contacted": "#ffb81c",
    "started": "#007f3b",
    "unsuitable": "#768692",
}
WEEKS = 8
TEXT = 14  # px: every label readable (11 px was too small)


def weekly_counts(created: list[tuple[datetime, str]], today: datetime) -> list[Counter[str]]:
    """For each of the last WEEKS weeks (oldest first), the leads created by status."""
    start = (today - timedelta(days=today.weekday())).replace(hour=0, minute=0, second=0)
    start -= timedelta(weeks=WEEKS - 1)
    weeks = [Counter[str]() for _ in range(WEEKS)]
    for when, status in created:
        index = (when - start).days // 7
        if 0 <= index < WEEKS:
            weeks[index][status] += 1
    return weeks


def median_hours_to_claim(waits: list[timedelta]) -> float | None:
    """The median time from a lead arriving to its claim, in hours."""
    return statistics.median(w.total_seconds() / 3600 for w in waits) if waits else None


def chart_svg(weeks: list[Counter[str]], median_hours: float | None, first_week: datetime) -> str:
    """Stacked bars, one a week, with a legend and the median time to claim as text."""
    width, height, left, bottom, bar = 760, 300, 40, 240, 56
    tallest = max([sum(week.values()) for week in weeks] + [1])
    scale = (bottom - 40) / tallest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="t"><title id="t">Leads '
        "per week by status</title>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}" stroke="#212b32"/>',
    ]
    for number, week in enumerate(weeks):
        x, y = left + 10 + number * (bar + 24), bottom
        for status in COLOURS:
            count = week.get(status, 0)
            if count:
                tall = count * scale
                y -= tall
                parts.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{tall:.1f}" '
                    f'fill="{COLOURS[status]}"><title>{escape(STATUS_LABELS[status])}: {count}'
                    "</title></rect>"
                )
        total = sum(week.values())
        label = (first_week + timedelta(weeks=number)).strftime("%d %b")
        parts.append(f'<text x="{x}" y="{bottom + 20}" font-size="{TEXT}">{label}</text>')
        parts.append(f'<text x="{x + 4}" y="{y - 4:.1f}" font-size="{TEXT}">{total}</text>')
    for number, status in enumerate(COLOURS):
        x = left + number * 150
        parts.append(
            f'<rect x="{x}" y="{height - 34}" width="12" height="12" fill="{COLOURS[status]}"/>'
        )
        name = escape(STATUS_LABELS[status])
        parts.append(f'<text x="{x + 16}" y="{height - 24}" font-size="{TEXT}">{name}</text>')
    median = "no claims yet" if median_hours is None else f"{median_hours:.1f} hours"
    heading = f"Median time to claim: {median}"
    parts.append(f'<text x="{left}" y="20" font-size="{TEXT + 2}">{heading}</text>')
    parts.append("</svg>")
    return "".join(parts)
