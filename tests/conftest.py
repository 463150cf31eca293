"""Fixtures shared by every test package."""

import shutil
from pathlib import Path

import pytest

KNOWLEDGE_FIXTURES = Path(__file__).parent / "knowledge" / "fixtures"


@pytest.fixture
def good_kb(tmp_path: Path) -> Path:
    """A copy of the small, valid test knowledge base that a test may change."""
    target = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE_FIXTURES / "good", target)
    return target
