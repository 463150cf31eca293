"""`carepath kb check`, `kb show` and `kb stale`: the curators' tools for the knowledge base."""

from __future__ import annotations

import csv
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from knowledge.base.freshness import figure_ages
from knowledge.base.loader import check, load
from knowledge.base.problems import KnowledgeError


def kb_build(directory: Path | None) -> int:
    """Train the learned models from the knowledge base (or find them built already): the
    risk check, the understanding models and the ranker are built side by side, each fit in
    one shared set of worker processes (one a core)."""
    from knowledge.understanding.dictionary import english_words
    from knowledge.understanding.intents import intent_models
    from knowledge.understanding.reading import ranker_for, reader_for
    from knowledge.understanding.risk import risk_model
    from knowledge.understanding.search import Index
    from knowledge.understanding.training import shared_workers

    try:
        knowledge = load(directory)
    except KnowledgeError as error:
        print(f"The knowledge base has problems:\n{error}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    english_words()  # the index's spelling correction needs it
    with shared_workers(), ThreadPoolExecutor(max_workers=3) as threads:
        parts = [
            threads.submit(risk_model, knowledge),
            threads.submit(intent_models, knowledge),
            threads.submit(ranker_for, knowledge, Index(knowledge)),
        ]
        risk = parts[0].result()
        for part in parts[1:]:
            part.result()
    reader = reader_for(knowledge, Index(knowledge))  # loads what the parts built
    took = time.perf_counter() - started
    if risk is not None:
        print(
            f"risk check: {len(risk.vocabulary.hashes):,} features; full reply at "
            f"{risk.settings['high']:.2f}, gentle line at {risk.settings['possible']:.2f}"
        )
    if reader is not None:
        about = reader.intents.about
        print(f"understanding: {len(about.classes)} things a message can be about")
    print(f"learned models ready in {took:.1f} s")
    return 0


def kb_check(
    directory: Path | None, *, strict: bool, as_json: bool, today: date | None = None
) -> int:
    """Check a knowledge-base directory; print a summary or every problem; return exit code."""
    report = check(directory, today=today)
    errors = list(report.errors)
    warnings = list(report.warnings)
    if strict:
        errors.extend(warnings)
        warnings = []
    if as_json:
        counts = report.knowledge.counts() if report.knowledge and not errors else {}
        print(
            json.dumps(
                {
                    **counts,
                    "ok": not errors,
                    "errors": [str(problem) for problem in errors],
                    "warnings": [str(problem) for problem in warnings],
                }
            )
        )
        return 1 if errors else 0
    for problem in warnings:
        print(f"warning: {problem}", file=sys.stderr)
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print(f"{len(errors)} problem(s) found; nothing was loaded.", file=sys.stderr)
        return 1
    assert report.knowledge is not None
    summary = ", ".join(f"{count} {kind}" for kind, count in report.knowledge.counts().items())
    suffix = f" ({len(warnings)} warning(s) above)" if warnings else ""
    print(f"knowledge base OK: {summary}{suffix}")
    return 0


def kb_show(entry_id: str, directory: Path | None) -> int:
    """Print one entry as a person would read it."""
    from bot.answers.entries import entry_reply

    try:
        knowledge = load(directory)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    if knowledge.get(entry_id) is None:
        print(
            f"no entry with id {entry_id!r}; `carepath kb check` lists the counts", file=sys.stderr
        )
        return 1
    aspects = ("about", "pay", "next") if entry_id in knowledge.roles else (None,)
    for aspect in aspects:
        reply = entry_reply(knowledge, entry_id, aspect)
        assert reply is not None
        print(reply.text, end="\n\n")
    return 0


def kb_stale(directory: Path | None, *, today: date | None, output_format: str) -> int:
    """Every dated figure by age, oldest first, marking those due for an update."""
    report = check(directory, today=today)
    ages = figure_ages(report.raw, today or date.today())
    if output_format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["months", "as_of", "due", "entry", "field", "text", "source", "where"])
        for age in ages:
            writer.writerow(
                [
                    age.months,
                    age.as_of,
                    "yes" if age.due else "",
                    age.entry_id,
                    age.field,
                    age.text,
                    age.source,
                    f"{age.file}:{age.line}",
                ]
            )
        return 0
    for age in ages:
        flag = "DUE " if age.due else "    "
        where = f"{age.entry_id}: {age.field}"
        print(f"{flag}{age.months:>4} months  {age.as_of:<10}  {where}: {age.text}")
        print(f"{'':27}{age.source}")
    due = sum(age.due for age in ages)
    print(f"{len(ages)} dated figure(s); {due} due for an update (DUE)")
    return 0
