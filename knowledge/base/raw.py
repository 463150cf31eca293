"""An entry as written in YAML, before validation, with the file and line it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.base.problems import Problem
from knowledge.base.yaml_lines import line_of


@dataclass
class RawEntry:
    """One entry as written in YAML, with where it was written."""

    kind: str
    data: Any
    file: str
    line: int

    @property
    def entry_id(self) -> str:
        """The entry's id as written, or a placeholder when it has none."""
        entry_id = self.data.get("id") if isinstance(self.data, dict) else None
        return str(entry_id) if entry_id else f"(entry at line {self.line})"

    def problem(self, path: tuple[str | int, ...], message: str, **kwargs: Any) -> Problem:
        """A problem at `path` inside this entry."""
        field_name = ".".join(str(part) for part in path) or "-"
        line = line_of(self.data, path, self.line)
        return Problem(self.file, line, self.entry_id, field_name, message, **kwargs)
