"""The checked knowledge base is kept and read back, and never trusted once anything changed."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from knowledge.base.loader import DEFAULT_DIR, load
from knowledge.base.problems import KnowledgeError

TODAY = date(2026, 12, 3)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CAREPATH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DIR, copy)
    return copy


def _kept(cache: Path) -> list[Path]:
    return sorted(cache.glob("knowledge-*.pickle"))


def test_a_second_load_reads_the_kept_knowledge(cache: Path, data: Path) -> None:
    first = load(data, today=TODAY)
    assert len(_kept(cache)) == 1
    second = load(data, today=TODAY)
    assert second is not first and second.counts() == first.counts()
    assert second.roles["care-worker"] == first.roles["care-worker"]
    with pytest.raises(TypeError):  # still read-only once read back
        second.roles["nurse"] = second.roles["care-worker"]  # type: ignore[index]


def test_an_edited_file_is_loaded_afresh(cache: Path, data: Path) -> None:
    load(data, today=TODAY)
    roles = data / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Care worker", "title: Care assistant", 1))
    assert load(data, today=TODAY).roles["care-worker"].title == "Care assistant"
    assert len(_kept(cache)) == 2


def test_another_day_is_checked_again(cache: Path, data: Path) -> None:
    load(data, today=TODAY)
    load(data, today=date(2026, 12, 4))  # figures may have gone stale overnight
    assert len(_kept(cache)) == 2


def test_a_damaged_kept_file_is_never_trusted(cache: Path, data: Path) -> None:
    load(data, today=TODAY)
    (kept,) = _kept(cache)
    kept.write_bytes(b"not a pickle")
    assert load(data, today=TODAY).roles["care-worker"].title == "Care worker"
    assert kept.read_bytes() != b"not a pickle"  # written again, whole


def test_a_knowledge_base_with_errors_is_never_kept(cache: Path, data: Path) -> None:
    (data / "roles.yaml").write_text("roles: [")
    for _ in range(2):
        with pytest.raises(KnowledgeError):
            load(data, today=TODAY)
    assert _kept(cache) == []
