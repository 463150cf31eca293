"""Read, validate and cross-check a knowledge-base directory into a Knowledge object."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.base import crosscheck, freshness, minimum, standards
from knowledge.base.entries import KINDS, Knowledge, Location
from knowledge.base.kinds import ENTRY_KINDS
from knowledge.base.knowledge_cache import data_files, loaded_once
from knowledge.base.problems import KnowledgeError, Problem
from knowledge.base.raw import RawEntry
from knowledge.base.schema import Strict
from knowledge.base.yaml_lines import LocatedDict, parse

DEFAULT_DIR = Path(__file__).parents[1] / "data"
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class Report:
    """What checking a directory found: the knowledge (when it loaded) and every problem."""

    knowledge: Knowledge | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    raw: list[RawEntry] = field(default_factory=list)  # every entry as written, for reports


def load(directory: str | Path | None = None, *, today: date | None = None) -> Knowledge:
    """Load the knowledge base in `directory` (shipped one by default); raise KnowledgeError.
    Once checked, it is kept and read back until a file (or the day) changes."""
    root = Path(directory) if directory is not None else DEFAULT_DIR
    day = today or date.today()

    def checked() -> Knowledge:
        report = check(root, today=day)
        if report.errors or report.knowledge is None:
            raise KnowledgeError(report.errors)
        return report.knowledge

    return loaded_once(root, day, checked)


def check(directory: str | Path | None = None, *, today: date | None = None) -> Report:
    """Read and check every YAML file in `directory`, collecting all problems."""
    with _collector_paused():
        return _check(directory, today)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Loading makes many long-lived objects; cyclic GC passes over them cost a third of the time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(directory: str | Path | None, today: date | None) -> Report:
    root = Path(directory) if directory is not None else DEFAULT_DIR
    errors: list[Problem] = []
    unreadable: list[Problem] = []
    raw = _read_directory(root, unreadable)
    entries, locations, raw_by_id = _validate(raw, errors)
    missing = [] if unreadable else _missing_kinds(entries, root)
    if unreadable or missing:
        # A file that cannot be read, or a kind with no entries at all, comes first, without
        # the follow-on "refers to a role that does not exist" of every reference to it.
        return Report(None, [*unreadable, *missing, *sorted(errors)], [])
    today = today or date.today()
    errors.extend(crosscheck.cross_references(entries, raw_by_id))
    errors.extend(freshness.future_dates(raw, today))
    low_pay = minimum.below_minimum(entries, raw_by_id, today)
    errors.extend(problem for problem in low_pay if problem.severity == "error")
    warnings = freshness.stale_figures(raw, today)
    warnings += [problem for problem in low_pay if problem.severity == "warning"]
    warnings += standards.live_versions(entries, raw_by_id)
    warnings += crosscheck.too_few_phrasings(entries, raw_by_id)
    warnings += crosscheck.unplanned_moves(entries, raw_by_id)
    if errors:
        return Report(None, sorted(errors), warnings, raw)
    knowledge = Knowledge.build(entries, locations, warnings)
    return Report(knowledge, [], warnings, raw)


def _read_directory(root: Path, errors: list[Problem]) -> list[RawEntry]:
    if not root.is_dir():
        errors.append(Problem(str(root), 0, "-", "-", "is not a directory of YAML files"))
        return []
    files = data_files(root)
    if not files:
        errors.append(
            Problem(str(root), 0, "-", "-", "has no .yaml files; add roles.yaml, faqs.yaml ...")
        )
    raw: list[RawEntry] = []
    for path in files:
        raw.extend(_read_file(path, errors))
    return raw


def _missing_kinds(entries: dict[str, list[Strict]], root: Path) -> list[Problem]:
    """A kind that others refer to but that has no entries at all: its file is missing (or
    empty), which is one problem, not one for every reference to it."""
    wanted = {
        kind
        for items in entries.values()
        for entry in items
        for _path, _target, kind in crosscheck.references(entry)
        if kind != "any"
    }
    return [
        Problem(
            str(root),
            0,
            "-",
            "-",
            f"no {kind} at all: is {kind}.yaml missing or empty? Entries of other kinds refer "
            f"to {kind}",
        )
        for kind in sorted(wanted - {kind for kind, items in entries.items() if items})
    ]


def _read_file(path: Path, errors: list[Problem]) -> list[RawEntry]:
    name = str(path)

    def fail(line: int, message: str) -> list[RawEntry]:
        errors.append(Problem(name, line, "-", "-", message))
        return []

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return fail(
            1,
            f"file is {size / 1024 / 1024:.1f} MB, over the {MAX_FILE_BYTES // 1024 // 1024} MB "
            "limit; split it into smaller files or remove what does not belong",
        )
    content = path.read_bytes()
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        return fail(
            line,
            f"is not UTF-8 text (byte 0x{content[error.start]:02x}); "
            "save the file with UTF-8 encoding",
        )
    try:
        document = parse(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(part for part in (error.context, error.problem) if part)
        return fail(line, f"YAML syntax error: {what}; check indentation, colons and quotes")
    except yaml.YAMLError as error:
        return fail(1, f"YAML syntax error: {error}")
    if document is None:
        return fail(1, f"file is empty; start it with one of {', '.join(KINDS)} and a list")
    if not isinstance(document, LocatedDict):
        return fail(
            1,
            f"the file must be a mapping such as 'roles:' with a list under it, "
            f"not a {type(document).__name__}",
        )
    raw: list[RawEntry] = []
    for kind, entries in document.items():
        line = document.key_lines[kind]
        if kind not in ENTRY_KINDS:
            fail(line, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        elif not isinstance(entries, list):
            fail(line, f"{kind} must be a list of entries, each starting with '- id:'")
        else:
            for entry in entries:
                entry_line = entry.line if isinstance(entry, LocatedDict) else line
                raw.append(RawEntry(kind, entry, name, entry_line))
    return raw


def _validate(
    raw: list[RawEntry], errors: list[Problem]
) -> tuple[dict[str, list[Strict]], dict[str, Location], dict[str, RawEntry]]:
    entries: dict[str, list[Strict]] = {kind: [] for kind in KINDS}
    locations: dict[str, Location] = {}
    raw_by_id: dict[str, RawEntry] = {}
    for item in raw:
        if not isinstance(item.data, dict):
            errors.append(item.problem((), "each entry must be a mapping of fields (id: ...)"))
            continue
        try:
            entry = ENTRY_KINDS[item.kind].model_validate(item.data)
        except ValidationError as error:
            errors.extend(_explain(item, error))
            continue
        previous = locations.get(entry.id)
        if previous is not None:
            errors.append(
                item.problem(
                    ("id",),
                    f"duplicate id, already used at {previous.file}:{previous.line}; "
                    "give one of them another id",
                )
            )
            continue
        entries[item.kind].append(entry)
        locations[entry.id] = Location(item.file, item.line)
        raw_by_id[entry.id] = item
    return entries, locations, raw_by_id


def _explain(item: RawEntry, error: ValidationError) -> list[Problem]:
    problems = []
    model = ENTRY_KINDS[item.kind]
    for detail in error.errors(include_url=False):
        path = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "missing":
            message = "is required but missing; add it"
        elif kind == "extra_forbidden":
            known = ", ".join(
                info.alias or name for name, info in _fields_at(model, path[:-1]).items()
            )
            message = f"is not a known field; check its spelling (known fields: {known})"
        else:
            message = detail["msg"].removeprefix("Value error, ")
            if kind not in ("value_error", "assertion_error") and "input" in detail:
                message += f" (got {detail['input']!r:.60})"
        problems.append(item.problem(path, message))
    return problems


def _fields_at(model: type[Strict], path: tuple[Any, ...]) -> dict[str, Any]:
    """The fields of the model found by following `path` through nested models."""
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            break
        nested = _nested_model(info.annotation)
        if nested is None:
            break
        model = nested
    return dict(model.model_fields)


def _nested_model(annotation: Any) -> type[Strict] | None:
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None
