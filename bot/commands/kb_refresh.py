"""`carepath kb refresh`: what a curator should renew today, as text or a Markdown checklist."""

from __future__ import annotations

import contextlib
import sys
from datetime import date
from pathlib import Path

from knowledge.base.loader import check
from knowledge.base.refresh import Renewal, renewals

HEADINGS = {
    "replaced": "Pay a newer award replaced",
    "yearly": "Figures renewed every year",
    "in force": "Announced figures now in force",
    "version": "Apprenticeships not linked to their live version",
}


def kb_refresh(directory: Path | None, *, today: date | None, output_format: str) -> int:
    """Print every figure due for renewal with its source, what to check and where to edit."""
    today = today or date.today()
    report = check(directory, today=today)
    if report.errors or report.knowledge is None:
        for problem in report.errors:
            print(problem, file=sys.stderr)
        print("fix these problems first (`carepath kb check`)", file=sys.stderr)
        return 1
    items = renewals(report.raw, report.knowledge, today)
    print(_markdown(items, today) if output_format == "markdown" else _text(items, today))
    return 0


def _where(item: Renewal) -> str:
    path = Path(item.file)
    with contextlib.suppress(ValueError):  # outside the working directory: keep it as given
        path = path.resolve().relative_to(Path.cwd())
    return f"{path}:{item.line}"


def _summary(items: list[Renewal], today: date) -> str:
    if not items:
        return f"Nothing is due for renewal on {today.isoformat()}."
    return f"{len(items)} item(s) due for renewal on {today.isoformat()}."


def _text(items: list[Renewal], today: date) -> str:
    lines = []
    for reason, heading in HEADINGS.items():
        group = [item for item in items if item.reason == reason]
        if not group:
            continue
        lines.append(f"== {heading} ({len(group)})")
        for item in group:
            lines += [
                f"{_where(item)}  {item.entry_id}: {item.field}",
                f"    now:   {item.now}",
                f"    why:   {item.why}",
                f"    check: {item.source}",
                f"           {item.check}",
            ]
        lines.append("")
    lines.append(_summary(items, today))
    return "\n".join(lines)


def _markdown(items: list[Renewal], today: date) -> str:
    lines = [f"# CarePath: due for renewal on {today.isoformat()}", "", _summary(items, today)]
    for reason, heading in HEADINGS.items():
        group = [item for item in items if item.reason == reason]
        if not group:
            continue
        lines += ["", f"## {heading} ({len(group)})", ""]
        for item in group:
            lines += [
                f"- [ ] **{item.entry_id}** `{item.field}` in `{_where(item)}`  ",
                f"  Now: {item.now}  ",
                f"  Why: {item.why}  ",
                f"  Check <{item.source}>: {item.check}",
            ]
    return "\n".join(lines)
