"""`carepath kb check` and `kb show` as a curator uses them."""

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from bot.cli import main

FIXTURES = Path(__file__).parents[2] / "knowledge" / "fixtures"
ON_DAY = ["--today", "2026-05-15"]  # the fixture figures are then fresh but for the DBS fee


def test_check_good_directory_prints_one_summary_line(good_kb, capsys):
    assert main(["kb", "check", str(good_kb), *ON_DAY]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        "knowledge base OK: 2 roles, 1 apprenticeships, 1 pathways, 1 faqs, 2 hubs, 1 smalltalk,"
        " 0 eligibility, 0 safety, 0 help_offers, 0 nations, 0 other_languages, 0 pay_awards,"
        " 0 minimum_wages, 0 safety_examples, 0 phrasings"
        " (1 warning(s) above)"
    ]


def test_check_json_gives_counts_and_warnings(good_kb, capsys):
    assert main(["kb", "check", str(good_kb), "--json", *ON_DAY]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["roles"] == 2 and result["hubs"] == 2 and result["ok"] is True
    assert len(result["warnings"]) == 1 and "dbs-cost: as_of" in result["warnings"][0]


def test_strict_turns_warnings_into_errors(good_kb, capsys):
    assert main(["kb", "check", str(good_kb), "--strict", *ON_DAY]) == 1
    err = capsys.readouterr().err
    assert "dbs-cost: as_of: as_of 2024-12-02 is 17 months old and renewed every year" in err


def test_bad_directory_lists_every_problem_and_exits_1(good_kb, capsys):
    for name in ("wrong_type.yaml", "bad_code.yaml", "empty.yaml"):
        shutil.copyfile(FIXTURES / "bad" / name, good_kb / name)
    assert main(["kb", "check", str(good_kb), *ON_DAY]) == 1
    err = capsys.readouterr().err
    assert "wrong_type.yaml:5: lead-adult-care-worker-l3: level:" in err
    assert "bad_code.yaml:3: made-up-l2: code:" in err
    assert "empty.yaml:1: -: -: file is empty" in err
    assert "3 problem(s) found" in err


def test_console_script_never_shows_a_traceback(good_kb):
    shutil.copyfile(FIXTURES / "bad" / "syntax_error.yaml", good_kb / "syntax_error.yaml")
    shutil.copyfile(FIXTURES / "bad" / "not_utf8.yaml", good_kb / "not_utf8.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "kb", "check", str(good_kb)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not_utf8.yaml:2:" in result.stderr and "syntax_error.yaml:" in result.stderr


def test_shipped_knowledge_base_passes_with_the_required_counts(capsys):
    assert main(["kb", "check", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["roles"] >= 28
    assert counts["apprenticeships"] >= 20
    assert counts["pathways"] >= 8
    assert counts["faqs"] >= 40
    assert counts["hubs"] == 5


def test_show_prints_a_role_as_a_person_reads_it(good_kb, capsys):
    assert main(["kb", "show", "care-worker", "--dir", str(good_kb)]) == 0
    out = capsys.readouterr().out
    assert "Care worker: A care worker helps people" in out
    assert "£12.71 an hour (April 2026)" in out
    assert "https://www.gov.uk/national-minimum-wage-rates" in out
    assert "Senior care worker: via Level 3 Diploma in Adult Care, typically 18 months" in out


def test_show_unknown_id_says_so(good_kb, capsys):
    assert main(["kb", "show", "astronaut", "--dir", str(good_kb)]) == 1
    assert "no entry with id 'astronaut'" in capsys.readouterr().err


def test_kb_stale_lists_every_dated_figure_oldest_first_and_marks_what_is_due(good_kb, capsys):
    assert main(["kb", "stale", str(good_kb), *ON_DAY]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("DUE   17 months  2024-12-02  dbs-cost: as_of")
    assert lines[-1] == "5 dated figure(s); 1 due for an update (DUE)"
    assert main(["kb", "stale", str(good_kb), "--format", "csv", *ON_DAY]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    months = [int(row["months"]) for row in rows]
    assert months == sorted(months, reverse=True) and rows[0]["due"] == "yes"
    assert all(row["source"].startswith("https://") for row in rows)


def test_kb_refresh_lists_what_is_due_with_its_source_what_to_check_and_the_line(good_kb, capsys):
    (good_kb / "roles.yaml").write_text(
        (good_kb / "roles.yaml")
        .read_text()
        .replace(
            "    registration: Not registered with a regulator.\n",
            "      - text: At least £13.00 an hour\n"
            "        as_of: 2026-01\n"
            "        effective_from: 2026-04\n"
            "        source: https://www.gov.uk/national-minimum-wage-rates\n"
            "    registration: Not registered with a regulator.\n",
            1,
        )
    )
    assert main(["kb", "refresh", str(good_kb), *ON_DAY]) == 0
    out = capsys.readouterr().out
    assert "== Figures renewed every year (1)" in out
    assert f"{good_kb / 'faqs.yaml'}:5  dbs-cost: answer" in out
    assert "    now:   An enhanced DBS check costs £49.50." in out
    assert "    why:   renewed every year, and 17 months have passed since 2 December 2024" in out
    assert "    check: https://www.gov.uk/government/news/dbs-fees" in out
    assert "== Announced figures now in force (1)" in out and "care-worker: pay.1.text" in out
    assert out.strip().endswith("2 item(s) due for renewal on 2026-05-15.")


def test_kb_refresh_markdown_is_a_checklist_and_nothing_due_says_so(good_kb, capsys):
    assert main(["kb", "refresh", str(good_kb), "--format", "markdown", *ON_DAY]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "# CarePath: due for renewal on 2026-05-15"
    assert "## Figures renewed every year (1)" in lines
    item = next(line for line in lines if line.startswith("- [ ] "))
    assert item.startswith("- [ ] **dbs-cost** `answer` in `") and item.endswith("faqs.yaml:5`  ")
    assert any(
        line.startswith("  Check <https://www.gov.uk/government/news/dbs-fees>:") for line in lines
    )
    faqs = good_kb / "faqs.yaml"
    faqs.write_text(faqs.read_text().replace("as_of: 2024-12-02", "as_of: 2026-04-01"))
    assert main(["kb", "refresh", str(good_kb), *ON_DAY]) == 0
    assert "Nothing is due for renewal on 2026-05-15." in capsys.readouterr().out


def test_kb_refresh_on_the_shipped_base_lists_the_nhs_pay_and_the_unlinked_standards(capsys):
    assert main(["kb", "refresh", "--today", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "== Pay a newer award replaced (" in out
    assert "healthcare-support-worker: pay.0.text" in out
    assert "never worked out from the award's percentage" in out
    assert "== Apprenticeships not linked to their live version (" in out
    assert "== Figures renewed every year" not in out, "nothing is overdue on the audit day"
