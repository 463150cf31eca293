"""The dates a knowledge-base figure carries: when it held from, and how a person reads it."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field

_AS_OF = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_PAY_YEAR = re.compile(r"^(?P<year>\d{4})/(?P<next>\d{2})$")


def as_of_date(value: str) -> date:
    """The first day a dated figure held: '2026-04', '2026-04-01', '2026' or pay year '2025/26'."""
    if match := _PAY_YEAR.match(value):
        start = int(match["year"])
        if (start + 1) % 100 != int(match["next"]):
            raise ValueError(f"pay year {value!r} should name consecutive years, e.g. 2025/26")
        return date(start, 4, 1)
    if match := _AS_OF.match(value):
        try:
            return date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
        except ValueError as error:
            raise ValueError(f"as_of {value!r} is not a real date ({error})") from None
    raise ValueError(
        f"as_of {value!r} is not a date: write 2026-04-01, 2026-04, 2026 or a pay year like 2025/26"
    )


def as_of_label(value: str) -> str:
    """How a person reads an as_of value: 'April 2026', '2 December 2024', 'pay year 2025/26'."""
    if _PAY_YEAR.match(value):
        return f"pay year {value}"
    match = _AS_OF.match(value)
    if match is None:
        return value
    if match["day"]:
        return f"{int(match['day'])} {calendar.month_name[int(match['month'])]} {match['year']}"
    if match["month"]:
        return f"{calendar.month_name[int(match['month'])]} {match['year']}"
    return match["year"]


def _as_of_text(value: object) -> str:
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("as_of must be a date such as 2026-04-01, 2026-04 or 2025/26")
    as_of_date(value)
    return value


# A date as curators write it (YAML may read 2026-04-01 as a date): kept as text, checked.
AsOf = Annotated[str, BeforeValidator(_as_of_text)]
PayYear = Annotated[str, Field(pattern=r"^\d{4}/\d{2}$")]
