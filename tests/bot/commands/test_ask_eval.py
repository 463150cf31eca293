"""`carepath ask --json` keeps its contract; `carepath eval` scores and gates."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

SHARED_EVAL = Path(__file__).resolve().parents[4] / "shared" / "eval" / "questions.yaml"
HELDOUT_DIR = Path(__file__).parents[1]  # two sets written apart from the matcher


def carepath(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_ask_one_question_prints_one_json_object(capsys):
    assert main(["ask", "nursing associate pay", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) == {"question", "text", "buttons", "match", "offer"}
    assert record["question"] == "nursing associate pay" and record["offer"] is None
    assert "Band 4" in record["text"]
    assert "How to get in" in record["buttons"]
    match = record["match"]
    assert set(match) == {"kind", "id", "aspect", "score"}
    assert (match["kind"], match["id"], match["aspect"]) == ("role", "nursing-associate", "pay")
    assert 0 <= match["score"] <= 100


def test_ask_without_a_confident_answer_has_null_match(capsys):
    for question in ("hello", "recommend a pizza place"):
        assert main(["ask", question, "--json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert record["match"] is None and record["text"]


def test_ask_reads_stdin_one_question_per_line_in_order():
    questions = ["what is ST0006", "", "hello", "jobs in southend", "what is ST0006"]
    result = carepath("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == questions
    assert records[0] == records[4]  # each answered independently of the others
    assert records[0]["match"]["id"] == "lead-adult-care-worker-l3"
    assert records[1]["match"] is None
    assert records[3]["match"]["kind"] == "hub"


def test_eval_prints_failures_and_accuracy_and_gates_on_min(tmp_path, capsys):
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "- q: nursing associate pay\n  expect: [band 4]\n"
        "- q: nursing associate pay\n  expect: [band 9|band 10]\n"
        "- q: asdkjhasd qwpoe\n  fallback: true\n"
        "- q: what is ST0006\n  fallback: true\n"
    )
    assert main(["eval", str(cases)]) == 0
    out = capsys.readouterr().out
    assert "FAIL 'nursing associate pay': missing 'band 9|band 10'" in out
    assert "FAIL 'what is ST0006': answered confidently (lead-adult-care-worker-l3)" in out
    assert out.strip().splitlines()[-1] == "accuracy: 2/4 (50.0%)"
    assert main(["eval", str(cases), "--min", "60"]) == 1


def test_eval_reports_a_broken_file_without_a_traceback(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("- expect: [x]\n")
    result = carepath("eval", str(broken))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "case 1 needs a 'q'" in result.stderr


@pytest.mark.skipif(not SHARED_EVAL.exists(), reason="../shared/eval is not beside this clone")
def test_development_questions_score_100_percent_with_no_false_answers(capsys):
    assert main(["eval", str(SHARED_EVAL), "--min", "100"]) == 0
    out = capsys.readouterr().out
    assert "answered confidently" not in out


@pytest.mark.parametrize("name", ["eval_heldout.yaml", "eval_heldout_2.yaml"])
def test_the_earlier_held_out_questions_do_not_drop(name, capsys):
    assert main(["eval", str(HELDOUT_DIR / name), "--min", "100"]) == 0
    assert "answered confidently" not in capsys.readouterr().out


def test_the_understanding_held_out_split_scores_at_least_92_percent(capsys):
    path = HELDOUT_DIR / "eval_understanding_heldout.yaml"
    assert main(["eval", str(path), "--min", "92"]) == 0


def test_the_understanding_development_set_scores_at_least_90_percent(capsys):
    path = HELDOUT_DIR / "eval_understanding_dev.yaml"
    assert main(["eval", str(path), "--min", "90"]) == 0


def test_the_new_roles_facts_and_routes_are_answered_with_their_facts():
    assert main(["eval", str(HELDOUT_DIR / "eval_new_roles.yaml"), "--min", "100"]) == 0


def test_the_facts_brought_up_to_date_in_2026_are_answered_with_their_figures():
    assert main(["eval", str(HELDOUT_DIR / "eval_facts_2026.yaml"), "--min", "100"]) == 0
