"""What a person says about their circumstances, kept in their state and used by every flow
that plans: that they must keep earning while they train ('I can't quit work'), or that they
could study full time. Shown in /mydata, erased by /forget, corrected by saying otherwise."""

from __future__ import annotations

import re

from bot.flows.turn import Turn
from storage.state import remember

_MUST_EARN = re.compile(
    r"\b(can'?t|cannot|can not|couldn'?t|could not|won'?t be able to|not able to|unable to)\s+"
    r"(afford to\s+)?(quit|leave|stop|give up|drop)\s+(my\s+)?(work|job|working|wage|income)\b|"
    r"\b(need|have|got|must)\s+to\s+keep\s+(earning|working|my job|getting paid)\b|"
    r"\bwithout\s+(leaving|quitting|giving up|stopping)\s+(my\s+)?(work|job|working)\b|"
    r"\b(need|have|got|must)\s+to\s+(earn|work)\s+while\b|"
    r"\bcan'?t afford (to )?(go to uni|university|to study full[- ]time|a degree)\b",
    re.IGNORECASE,
)
_FREE_TO_STUDY = re.compile(
    r"\b(i\s+)?(can|could)\s+(afford to\s+)?(study|go to uni|go to university)\s+full[- ]time\b|"
    r"\b(don'?t|do not)\s+need\s+to\s+(earn|keep earning|keep working)\b",
    re.IGNORECASE,
)


def must_keep_earning(text: str) -> bool | None:
    """True when the message says the person must keep earning while they train, False when
    it says they could study full time, None when it says neither."""
    if _FREE_TO_STUDY.search(text):
        return False
    if _MUST_EARN.search(text):
        return True
    return None


def remember_circumstances(turn: Turn, text: str) -> None:
    """Keep what the message says about the person's circumstances (a later word overrides)."""
    earning = must_keep_earning(text)
    if earning is not None:
        remember(turn.state, keep_earning=earning)


def keeps_earning(turn: Turn) -> bool:
    """True when the person said they must keep earning while they train."""
    return bool(turn.state.data.get("keep_earning"))
