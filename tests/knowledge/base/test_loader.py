"""The loader: a good knowledge base loads; every kind of bad input is reported by file and line."""

import re
import time
from datetime import date
from pathlib import Path

import pytest

from knowledge.base.loader import MAX_FILE_BYTES, check, load
from knowledge.base.problems import KnowledgeError

TODAY = date(2026, 11, 22)


def only_error(directory: Path) -> str:
    report = check(directory, today=TODAY)
    assert report.knowledge is None
    assert len(report.errors) == 1, [str(e) for e in report.errors]
    return str(report.errors[0])


def test_good_knowledge_base_loads_indexed_and_immutable(good_dir):
    knowledge = load(good_dir, today=TODAY)
    assert knowledge.counts() == {
        "roles": 2,
        "apprenticeships": 1,
        "pathways": 1,
        "faqs": 1,
        "hubs": 2,
        "smalltalk": 1,
        "eligibility": 0,
        "safety": 0,
        "help_offers": 0,
        "nations": 0,
        "other_languages": 0,
        "pay_awards": 0,
        "minimum_wages": 0,
        "safety_examples": 0,
        "phrasings": 0,
    }
    assert knowledge.roles["care-worker"].title == "Care worker"
    assert knowledge.by_code("st0005").id == "adult-care-worker-l2"
    assert knowledge.national_hub.id == "national-desk"
    assert knowledge.kind_of("dbs-cost") == "faqs"
    with pytest.raises(TypeError):
        knowledge.roles["x"] = knowledge.roles["care-worker"]
    with pytest.raises(ValueError):
        knowledge.roles["care-worker"].title = "Changed"


def test_yaml_syntax_error_names_file_and_line(with_bad, good_dir):
    path = with_bad("syntax_error.yaml")
    message = only_error(good_dir)
    assert message.startswith(f"{path}:")
    assert "YAML syntax error" in message


def test_wrong_type_names_the_field_and_its_line(with_bad, good_dir):
    path = with_bad("wrong_type.yaml")
    assert only_error(good_dir).startswith(
        f"{path}:5: lead-adult-care-worker-l3: level: Input should be a valid integer"
    )


def test_missing_required_field(with_bad, good_dir):
    path = with_bad("missing_field.yaml")
    assert only_error(good_dir) == (
        f"{path}:2: care-certificate: answer: is required but missing; add it"
    )


def test_unknown_field_lists_the_known_ones(with_bad, good_dir):
    path = with_bad("unknown_field.yaml")
    message = only_error(good_dir)
    assert message.startswith(f"{path}:5: thanks: mood: is not a known field")
    assert "phrasings" in message


def test_duplicate_id_points_at_the_first(with_bad, good_dir):
    path = with_bad("duplicate_id.yaml")  # read first: files load in name order
    assert only_error(good_dir) == (
        f"{good_dir / 'faqs.yaml'}:2: dbs-cost: id: duplicate id, already used at {path}:2; "
        "give one of them another id"
    )


def test_dangling_reference_suggests_the_close_id(with_bad, good_dir):
    path = with_bad("dangling_reference.yaml")
    assert only_error(good_dir) == (
        f"{path}:8: becoming-a-carer: related.0: refers to an entry 'care-wroker' that does not "
        "exist; did you mean 'care-worker'?"
    )


def test_two_hubs_claiming_one_district(with_bad, good_dir):
    path = with_bad("two_hubs_one_district.yaml")
    message = only_error(good_dir)
    assert message.startswith(f"{path}:15: sherwood-hub: postcode_districts.1: 'NG18' is already")
    assert "mansfield-hub" in message


def test_district_inside_another_hubs_area_is_more_specific_and_allowed(with_bad, good_dir):
    with_bad("more_specific_district.yaml")
    assert load(good_dir, today=TODAY).hubs["mansfield-hub"].postcode_districts == ["NG18", "NG19"]


def test_empty_file(with_bad, good_dir):
    path = with_bad("empty.yaml")
    assert only_error(good_dir).startswith(f"{path}:1: -: -: file is empty")


def test_file_that_is_not_utf8(with_bad, good_dir):
    path = with_bad("not_utf8.yaml")
    assert only_error(good_dir) == (
        f"{path}:2: -: -: is not UTF-8 text (byte 0xe9); save the file with UTF-8 encoding"
    )


def test_directory_with_no_yaml(tmp_path):
    (tmp_path / "notes.txt").write_text("not yaml")
    assert only_error(tmp_path).endswith("has no .yaml files; add roles.yaml, faqs.yaml ...")


def test_huge_file_is_rejected_quickly_without_parsing(good_dir):
    path = good_dir / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"faqs:\n")
        handle.write(b"  - id: x\n" * (20 * 1024 * 1024 // 10))
    assert path.stat().st_size > MAX_FILE_BYTES
    started = time.perf_counter()
    message = only_error(good_dir)
    assert time.perf_counter() - started < 1.0  # parsing 20 MB of YAML would take many seconds
    assert message.startswith(f"{path}:1: -: -: file is 20.0 MB, over the 5 MB limit")


def test_alias_shared_with_another_entry(with_bad, good_dir):
    path = with_bad("shared_alias.yaml")
    assert only_error(good_dir).startswith(
        f"{path}:5: home-carer: aliases.0: the alias 'Carer' already names 'care-worker'"
    )


def test_malformed_standard_code(with_bad, good_dir):
    path = with_bad("bad_code.yaml")
    assert only_error(good_dir) == (
        f"{path}:3: made-up-l2: code: 'ST123' is not a standard code: write ST followed by "
        "four digits"
    )


def test_figure_written_into_prose_is_refused(with_bad, good_dir):
    path = with_bad("loose_figure.yaml")
    assert only_error(good_dir).startswith(
        f"{path}:5: cook: summary: contains a money figure or percentage"
    )


def test_every_problem_is_reported_not_just_the_first(with_bad, good_dir):
    for name in ("wrong_type.yaml", "missing_field.yaml", "unknown_field.yaml", "bad_code.yaml"):
        with_bad(name)
    report = check(good_dir, today=TODAY)
    assert {Path(p.file).name for p in report.errors} == {
        "wrong_type.yaml",
        "missing_field.yaml",
        "unknown_field.yaml",
        "bad_code.yaml",
    }
    with pytest.raises(KnowledgeError) as raised:
        load(good_dir, today=TODAY)
    assert len(raised.value.problems) == 4


def test_stale_figure_is_a_warning_with_its_line(with_bad, good_dir):
    path = with_bad("stale_figure.yaml")
    report = check(good_dir, today=TODAY)
    assert report.errors == []
    stale = [str(w) for w in report.warnings if "old-levy" in str(w)]
    assert stale == [
        f"{path}:6: old-levy: as_of: as_of 2017-04 is 115 months old and renewed every year; "
        "check the figure against its source and update it and as_of (or record `checked` "
        "with today's date if the source has nothing newer)"
    ]


def test_fresh_figures_give_no_warning(good_dir):
    assert check(good_dir, today=date(2025, 6, 1)).warnings == []


def test_a_file_that_fails_to_parse_is_reported_first_and_alone(good_kb):
    roles = good_kb / "roles.yaml"
    roles.write_text(roles.read_text().replace("roles:", "roles:\n  - id: [unclosed", 1))
    message = only_error(good_kb)
    assert "roles.yaml" in message and "YAML syntax error" in message


def test_a_missing_file_is_one_problem_not_one_per_reference(good_kb):
    (good_kb / "roles.yaml").unlink()
    message = only_error(good_kb)
    assert "no roles at all: is roles.yaml missing or empty?" in message


def test_a_figure_dated_in_the_future_is_an_error(good_kb):
    roles = good_kb / "roles.yaml"
    roles.write_text(re.sub(r"as_of: .*", 'as_of: "2027-01"', roles.read_text(), count=1))
    message = only_error(good_kb)
    assert "as_of 2027-01 is after today (2026-11-22)" in message
