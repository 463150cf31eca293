"""CSV that is safe to open in a spreadsheet: a cell that would run as a formula
('=HYPERLINK(...)', '@SUM(...)', '+1+1' typed as a name) is kept as text, and control characters
(terminal escapes) are dropped. Every CSV CarePath writes goes through here."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-][\d ]+")  # a phone number's '+44 ...' is left alone
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet should show it, never run it."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value.replace("\t", " "))
    if value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """The rows as CSV text, every cell made safe."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return out.getvalue()
