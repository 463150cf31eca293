"""A problem found in the knowledge base, reported as FILE:LINE: ENTRY-ID: FIELD: message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning, located by file and line."""

    file: str
    line: int
    entry_id: str
    field: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.entry_id}: {self.field}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base has errors; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
