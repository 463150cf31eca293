"""The `carepath` command line: parses arguments and runs one subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carepath", description="CarePath: careers in health and adult social care."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    kb = commands.add_parser("kb", help="check or show the knowledge base")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    kb_check = kb_commands.add_parser("check", help="check every file; report all problems")
    kb_check.add_argument("directory", nargs="?", type=Path, help="default: the shipped data")
    kb_check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    kb_check.add_argument("--json", action="store_true", help="print one JSON object")
    kb_check.add_argument(
        "--today", type=date.fromisoformat, help="judge freshness as on this date (YYYY-MM-DD)"
    )
    kb_stale = kb_commands.add_parser("stale", help="every dated figure by age, oldest first")
    kb_stale.add_argument("directory", nargs="?", type=Path, help="default: the shipped data")
    kb_stale.add_argument("--today", type=date.fromisoformat, help="judge ages as on this date")
    kb_stale.add_argument("--format", choices=("text", "csv"), default="text", dest="fmt")
    kb_refresh = kb_commands.add_parser(
        "refresh", help="what to renew today: source, what to check, the line to change"
    )
    kb_refresh.add_argument("directory", nargs="?", type=Path, help="default: the shipped data")
    kb_refresh.add_argument("--today", type=date.fromisoformat, help="judge ages as on this date")
    kb_refresh.add_argument("--format", choices=("text", "markdown"), default="text", dest="fmt")
    kb_build = kb_commands.add_parser("build", help="train the learned models (kept once built)")
    kb_build.add_argument("directory", nargs="?", type=Path, help="default: the shipped data")
    kb_show = kb_commands.add_parser("show", help="print one entry as a person reads it")
    kb_show.add_argument("entry_id", metavar="ID")
    kb_show.add_argument("--dir", type=Path, dest="directory", help="knowledge-base directory")

    chat = commands.add_parser("chat", help="the terminal chat (the main job)")
    chat.add_argument("--kb", type=Path, dest="knowledge_dir", help="knowledge-base directory")
    chat.add_argument(
        "--new", action="store_true", help="start as a new person (someone else used this chat)"
    )

    ask = commands.add_parser("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("question", nargs="?", help="omit to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--kb", type=Path, dest="knowledge_dir", help="knowledge-base directory")

    evaluate = commands.add_parser("eval", help="score the answers on an evaluation file")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--min", type=float, dest="minimum", help="exit 1 below this percent")
    evaluate.add_argument("--kb", type=Path, dest="knowledge_dir", help="knowledge-base directory")
    evaluate.add_argument(
        "--safety",
        action="store_true",
        help="FILE holds labelled concern and ordinary messages: score the risk check",
    )

    db = commands.add_parser("db", help="look after the database (CAREPATH_DATABASE_URL)")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply every migration the database lacks")
    purge = db_commands.add_parser("purge", help="delete leads and questions past retention")
    purge.add_argument("--older-than", type=int, metavar="DAYS", dest="older_than")

    run = commands.add_parser("run", help="run the Telegram bot (CAREPATH_TELEGRAM_TOKEN)")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8080)
    run.add_argument("--metrics-port", type=int, help="serve /metrics here, on 127.0.0.1")
    web = commands.add_parser("web", help="serve the chat page and the hubs' lead board")
    web.add_argument("--host", default="127.0.0.1")
    web.add_argument("--port", type=int, default=8000)
    web.add_argument("--metrics-port", type=int, help="serve /metrics here, on 127.0.0.1 only")
    relay = commands.add_parser("relay", help="deliver waiting lead cards and notices (no chat)")
    relay.add_argument("--metrics-port", type=int, help="serve /metrics on this port")
    webhook = commands.add_parser("webhook", help="register the webhook (once, for all workers)")
    webhook_commands = webhook.add_subparsers(dest="webhook_command", required=True)
    webhook_set = webhook_commands.add_parser("set", help="point Telegram at --url")
    webhook_set.add_argument("--url", help="public https base URL of the workers")

    hubs = commands.add_parser("hubs", help="recruitment hubs")
    hubs_commands = hubs.add_subparsers(dest="hubs_command", required=True)
    route = hubs_commands.add_parser("route", help="which hub gets a lead from a place, and why")
    route.add_argument("place", metavar="POSTCODE-OR-TOWN")
    route.add_argument("--role", help="the role id the person is interested in")
    recruiters = commands.add_parser("recruiters", help="who may sign in to a hub's lead board")
    recruiter_commands = recruiters.add_subparsers(dest="recruiters_command", required=True)
    for name, helping in (
        ("add", "add a recruiter; prints their new password once"),
        ("password", "give a recruiter a new password; their sign-ins end"),
        ("remove", "remove a recruiter; their sign-ins end at once"),
    ):
        one = recruiter_commands.add_parser(name, help=helping)
        one.add_argument("hub_id", metavar="HUB-ID")
        one.add_argument("name", metavar="NAME")
    listing = recruiter_commands.add_parser("list", help="the recruiters who may sign in")
    listing.add_argument("hub_id", metavar="HUB-ID", nargs="?")

    questions = commands.add_parser("questions", help="what people asked, for curators")
    questions_commands = questions.add_subparsers(dest="questions_command", required=True)
    report = questions_commands.add_parser(
        "report", help="questions not answered well, grouped, most frequent first"
    )
    report.add_argument("--since", type=date.fromisoformat, help="only from this date")
    report.add_argument("--format", choices=("text", "csv"), default="text", dest="fmt")
    report.add_argument("--limit", type=int, default=50, help="at most this many groups")

    leads = commands.add_parser("leads", help="leads for recruiters")
    leads_commands = leads.add_subparsers(dest="leads_command", required=True)
    leads_commands.add_parser("pending", help="list lead cards and notices not yet delivered")
    requeue = leads_commands.add_parser("requeue", help="send parked or dead messages again")
    requeue.add_argument("--status", choices=("parked", "dead"), default="parked")
    export = leads_commands.add_parser("export", help="print leads as CSV or JSON")
    export.add_argument("--format", choices=("csv", "json"), default="csv", dest="output_format")
    export.add_argument("--hub", dest="hub_id", help="only this hub's leads")
    export.add_argument("--since", type=date.fromisoformat, help="only leads from this date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; an unreachable database is one clear
    line and exit code 1, never a traceback."""
    from storage.errors import DatabaseUnavailable, DatabaseURLError

    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except DatabaseUnavailable as error:
        print(error.explained(), file=sys.stderr)
        return 1
    except DatabaseURLError as error:
        print(error, file=sys.stderr)
        return 1
    except BrokenPipeError:  # `carepath kb stale | head`: the reader has all it wants
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces stdout until exit
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "kb":
        from bot.commands.kb import kb_build, kb_check, kb_show, kb_stale

        if args.kb_command == "check":
            return kb_check(args.directory, strict=args.strict, as_json=args.json, today=args.today)
        if args.kb_command == "build":
            return kb_build(args.directory)
        if args.kb_command == "stale":
            return kb_stale(args.directory, today=args.today, output_format=args.fmt)
        if args.kb_command == "refresh":
            from bot.commands.kb_refresh import kb_refresh

            return kb_refresh(args.directory, today=args.today, output_format=args.fmt)
        return kb_show(args.entry_id, args.directory)
    if args.command == "chat":
        from bot.commands.chat import run_chat

        return run_chat(args.knowledge_dir, new_person=args.new)
    if args.command == "ask":
        from bot.commands.ask import run_ask

        return run_ask(args.question, as_json=args.json, knowledge_dir=args.knowledge_dir)
    if args.command == "eval":
        if args.safety:
            from bot.commands.evaluate_safety import run_safety_eval

            return run_safety_eval(args.file, knowledge_dir=args.knowledge_dir)
        from bot.commands.evaluate import run_eval

        return run_eval(args.file, minimum=args.minimum, knowledge_dir=args.knowledge_dir)
    if args.command == "db":
        from bot.commands.db import run_purge, run_upgrade

        return run_upgrade() if args.db_command == "upgrade" else run_purge(args.older_than)
    if args.command == "web":
        from bot.commands.web import run_web

        return run_web(args.host, args.port, args.metrics_port)
    if args.command == "run":
        from bot.commands.run import run_bot

        return run_bot(
            webhook=args.webhook, host=args.host, port=args.port, metrics_port=args.metrics_port
        )
    if args.command == "relay":
        from bot.commands.run import run_relay

        return run_relay(args.metrics_port)
    if args.command == "webhook":
        from bot.commands.run import set_webhook

        return set_webhook(args.url)
    if args.command == "hubs":
        from bot.commands.hubs import run_route

        return run_route(args.place, args.role)
    if args.command == "recruiters":
        from bot.commands.recruiters import run_recruiters

        return run_recruiters(args.recruiters_command, args.hub_id, getattr(args, "name", None))
    if args.command == "questions":
        from bot.commands.questions import run_report

        since = datetime.combine(args.since, time(), tzinfo=UTC) if args.since else None
        return run_report(since, args.fmt, args.limit)
    if args.command == "leads" and args.leads_command == "requeue":
        from bot.commands.hubs import run_requeue

        return run_requeue(args.status)
    if args.command == "leads" and args.leads_command == "pending":
        from bot.commands.hubs import run_pending

        return run_pending()
    if args.command == "leads":
        from bot.commands.leads import run_export

        since = datetime.combine(args.since, time(), tzinfo=UTC) if args.since else None
        return run_export(args.output_format, args.hub_id, since)
    return 2


if __name__ == "__main__":
    sys.exit(main())
