"""Follow-up questions: what 'it' means after a role or apprenticeship was discussed, or after
the person said what job they do. The subject is kept in the person's state, in the database."""

from __future__ import annotations

import re

from bot.flows.turn import Turn
from knowledge.understanding.search import Index
from storage.state import remember

# "I'm a senior carer", "I work as an HCA", "I've been a carer for 3 years"
_JOB_SAID = re.compile(
    r"\b(?:i'?m|i am|im|i work as|i'?ve been|i have been|i'?m currently|i am currently|"
    r"i'?m working as|i am working as|my job is|my role is|i'?m employed as)\s+"
    r"(?:an?\s+|the\s+)?(?P<job>[^,.;!?]{2,60})",
    re.IGNORECASE,
)
_ABOUT_ME = re.compile(r"\b(me|my|i|i'?m|mine)\b", re.IGNORECASE)
_MAX_JOB_WORDS = 5


def job_said(index: Index, text: str) -> str | None:
    """The role a person says they do ('I'm a senior carer'), if the knowledge base has it."""
    for found in _JOB_SAID.finditer(text):
        words = found["job"].split()
        for size in range(min(len(words), _MAX_JOB_WORDS), 0, -1):
            role_id = index.roles.named(" ".join(words[:size]))
            if role_id is not None:
                return role_id
    return None


def subject(turn: Turn, text: str, aspect: str | None) -> str | None:
    """What a follow-up is about: 'role:ID' or 'app:ID'. A question about 'me' moving on is
    about the person's own job; anything else about what was discussed last."""
    last = turn.state.data.get("last")
    job = turn.state.data.get("job")
    own_job = f"role:{job}" if job else None
    if aspect == "next" and own_job and _ABOUT_ME.search(text):
        return own_job
    return last or own_job


def remember_job(turn: Turn, role_id: str) -> None:
    """Keep the job the person said they do, for later follow-ups and /mydata."""
    remember(turn.state, job=role_id)
