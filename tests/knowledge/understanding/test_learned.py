"""The learned layer: messages as n-gram vectors, a linear model trained from examples, the
same model from the same examples every time, and kept on disk once built."""

import numpy as np
import pytest

from knowledge.understanding.features import features, tokens
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.model_cache import fingerprint, load_or_build
from knowledge.understanding.training import fit, out_of_fold, shared_workers
from knowledge.understanding.vectors import Vocabulary

TEXTS = [
    "how much do carers get paid",
    "carer pay per hour",
    "what do care workers earn",
    "how do i become a nurse",
    "nursing degree entry requirements",
    "what do i need to be a nurse",
]
LABELS = ["pay", "pay", "pay", "entry", "entry", "entry"]


def test_text_speak_and_apostrophes_are_read_as_people_type_them():
    assert tokens("I CAN'T sleep, Wot's up?") == ["i", "cant", "sleep", "wots", "up"]
    words, chars = features("kms")
    assert words and chars  # a three-letter word still has character n-grams


def test_a_typo_shares_most_of_its_character_ngrams_with_the_word():
    vocabulary = Vocabulary.of(["suicidal"])
    columns, values = vocabulary.vector("sucidal")
    assert len(columns) > 5 and np.isclose(np.linalg.norm(values), 1.0)


def test_unknown_words_carry_nothing():
    vocabulary = Vocabulary.of(TEXTS)
    assert len(vocabulary.vector("zzzz qqqq")[0]) == 0


def test_the_model_learns_and_its_probabilities_sum_to_one():
    model = fit(TEXTS, LABELS)
    pay = model.probabilities("how much would a carer earn an hour")
    assert pay["pay"] > pay["entry"] and sum(pay.values()) == pytest.approx(1.0)
    assert max(model.probabilities("how to become a nurse").items(), key=lambda kv: kv[1])[0] == (
        "entry"
    )


def test_the_same_examples_give_the_same_model():
    first, second = fit(TEXTS, LABELS), fit(TEXTS, LABELS)
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.vocabulary.hashes, second.vocabulary.hashes)
    assert out_of_fold(TEXTS * 2, LABELS * 2) == out_of_fold(TEXTS * 2, LABELS * 2)


def test_a_model_fitted_in_the_shared_workers_is_the_one_fitted_here():
    here = fit(TEXTS * 3, LABELS * 3)
    with shared_workers(2):
        there = fit(TEXTS * 3, LABELS * 3)
        folds = out_of_fold(TEXTS * 2, LABELS * 2)
    assert np.array_equal(here.weights, there.weights)
    assert folds == out_of_fold(TEXTS * 2, LABELS * 2)


def test_a_saved_model_loads_the_same(tmp_path):
    model = fit(TEXTS, LABELS)
    with (tmp_path / "m.npz").open("wb") as file:
        model.save(file)
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert loaded.classes == model.classes
    assert loaded.probabilities("carer pay") == pytest.approx(model.probabilities("carer pay"))


def test_the_cache_builds_once_reuses_rebuilds_on_change_and_when_corrupt(tmp_path):
    built = []

    def build(texts=TEXTS, labels=LABELS):
        built.append(1)
        return fit(texts, labels)

    key = fingerprint(TEXTS, LABELS)
    load_or_build("demo", key, build, tmp_path)
    load_or_build("demo", key, build, tmp_path)
    assert len(built) == 1  # built, then reused
    changed = [*TEXTS, "nurse salary band 5"]
    new_key = fingerprint(changed, [*LABELS, "pay"])
    assert new_key != key
    load_or_build("demo", new_key, lambda: build(changed, [*LABELS, "pay"]), tmp_path)
    assert len(built) == 2  # rebuilt after a change
    assert {p.name for p in tmp_path.glob("demo-*.npz")} == {
        f"demo-{key}.npz",
        f"demo-{new_key}.npz",
    }
    (tmp_path / f"demo-{new_key}.npz").write_bytes(b"not a model")
    model = load_or_build("demo", new_key, lambda: build(changed, [*LABELS, "pay"]), tmp_path)
    assert len(built) == 3 and model.classes == ("entry", "pay")  # corrupt: rebuilt
    assert LinearModel.load(tmp_path / f"demo-{new_key}.npz").classes == ("entry", "pay")


def test_the_cache_keeps_a_few_recent_builds_for_checkouts_that_share_it(tmp_path):
    from knowledge.base.built_files import KEEP

    for number in range(KEEP + 3):
        texts = [*TEXTS, f"extra question {number}"]
        labels = [*LABELS, "pay"]
        load_or_build(
            "demo", fingerprint(texts, labels), lambda t=texts, y=labels: fit(t, y), tmp_path
        )
    assert len(list(tmp_path.glob("demo-*.npz"))) == KEEP
