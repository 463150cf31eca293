"""The examples the learned layer trains on are checked like every other field: labels that
exist, each message once, messages of a sensible length, and enough ways of asking each entry."""

import shutil
from datetime import date

from knowledge.base.loader import DEFAULT_DIR, check

TODAY = date(2026, 12, 3)


def write(directory, name, text):
    (directory / name).write_text(text, encoding="utf-8")


def errors(directory) -> list[str]:
    return [str(problem) for problem in check(directory, today=TODAY).errors]


def test_a_safety_example_must_name_a_concern_that_exists(good_dir):
    shutil.copyfile(DEFAULT_DIR / "safety.yaml", good_dir / "safety.yaml")
    write(
        good_dir,
        "safety_examples.yaml",
        "safety_examples:\n  - id: plans\n    concern: suicide-or-selfharm\n"
        "    written_from: C-SSRS screener\n    sources: [https://example.org/cssrs]\n"
        "    examples: [bb, cc, dd, ee, ff]\n",
    )
    [found] = errors(good_dir)
    assert "safety_examples.yaml:3: plans: concern: refers to a safety" in found
    assert "did you mean 'suicide-or-self-harm'?" in found


def test_a_safety_example_too_short_to_be_a_message_is_refused(good_dir):
    write(
        good_dir,
        "safety_examples.yaml",
        "safety_examples:\n  - id: plans\n    concern: none\n"
        "    written_from: C-SSRS screener\n    sources: [https://example.org/cssrs]\n"
        "    examples: [a, bb, cc, dd, ee]\n",
    )
    [found] = errors(good_dir)
    assert "safety_examples.yaml:6: plans: examples: 'a' should be a message of 2 to 500" in found


def test_an_example_in_two_groups_is_refused_with_where_it_first_was(good_dir):
    write(
        good_dir,
        "phrasings.yaml",
        "phrasings:\n"
        "  - id: asked-care-worker\n    about: care-worker\n"
        "    examples:\n      pay: [carer pay, how much do carers earn]\n"
        "  - id: asked-dbs\n    about: dbs-cost\n"
        "    examples:\n      about: [Carer  pay, dbs price]\n",
    )
    [found] = errors(good_dir)
    assert "phrasings.yaml:9: asked-dbs: examples.about.0" in found
    assert "already an example in 'asked-care-worker'" in found


def test_a_phrasing_must_be_about_an_entry_or_a_kind_of_question(good_dir):
    write(
        good_dir,
        "phrasings.yaml",
        "phrasings:\n  - id: asked-carer\n    about: care-workers\n"
        "    examples:\n      about: [what do carers do]\n"
        "  - id: asked-routes\n    about: route\n    examples:\n      next: [hca to nurse how]\n"
        "  - id: asked-odd\n    about: out-of-scope\n    examples:\n      salary: [whats 2+2]\n",
    )
    found = errors(good_dir)
    assert any("asked-carer: about: refers to an entry 'care-workers'" in e for e in found)
    assert any("asked-odd: examples.salary" in e for e in found)  # not an aspect
    assert not any("asked-routes" in e for e in found)


def test_an_entry_with_too_few_phrasings_is_warned_about(good_dir):
    write(
        good_dir,
        "phrasings.yaml",
        "phrasings:\n  - id: asked-care-worker\n    about: care-worker\n"
        "    examples:\n      about: [what do carers do, whats a csw]\n",
    )
    report = check(good_dir, today=TODAY)
    assert report.knowledge is not None
    warned = [str(w) for w in report.warnings if "example phrasings" in str(w)]
    assert any("care-worker: id: has 2 example phrasings; add at least 12" in w for w in warned)


def test_a_move_that_leads_to_names_but_no_step_plans_is_warned_about(good_dir):
    (good_dir / "pathways.yaml").unlink()
    report = check(good_dir, today=TODAY)
    assert report.knowledge is not None
    warned = [str(w) for w in report.warnings if "no pathway step plans" in str(w)]
    assert any("care-worker: leads_to.0: names 'senior-care-worker'" in w for w in warned)


def test_every_move_the_shipped_base_names_is_planned_or_listed_for_curators():
    report = check(DEFAULT_DIR, today=TODAY)
    unplanned = [str(w) for w in report.warnings if "no pathway step plans" in str(w)]
    # Moves with no published typical length; the route reply says so and shows the way in.
    assert len(unplanned) <= 7, unplanned
