"""YAML reading that remembers the line of every mapping and key, for file:line messages."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict):
    """A mapping read from YAML that knows its own line and the line of each key."""

    line: int
    key_lines: dict[Any, int]


class DuplicateKeyError(yaml.MarkedYAMLError):
    """The same key appears twice in one mapping (plain YAML would silently keep the last)."""


class _LineLoader(_Loader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:
        self.flatten_mapping(node)
        mapping = LocatedDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping.key_lines:
                raise DuplicateKeyError(
                    problem=f"the key {key!r} appears twice in one entry; keep one of them",
                    problem_mark=key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def parse(text: str) -> Any:
    """Parse one YAML document, mappings as LocatedDict; raises yaml.YAMLError on bad syntax."""
    return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass


def line_of(data: Any, path: tuple[str | int, ...], default: int) -> int:
    """The line of the deepest part of `path` that the parsed data knows, else `default`."""
    line = data.line if isinstance(data, LocatedDict) else default
    for part in path:
        if isinstance(data, LocatedDict) and part in data:
            line = data.key_lines.get(part, line)
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            if isinstance(data, LocatedDict):
                line = data.line
        else:
            break
    return line
