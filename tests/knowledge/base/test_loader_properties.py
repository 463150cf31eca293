"""Property test: any mutation of a valid knowledge-base file is reported, never raised."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.base.loader import check
from knowledge.base.problems import Problem

GOOD = Path(__file__).parents[1] / "fixtures" / "good"
FILES = sorted(path.name for path in GOOD.glob("*.yaml"))


@st.composite
def mutated(draw) -> tuple[str, str]:
    """A file of the good knowledge base with a few random edits of the kinds people make."""
    name = draw(st.sampled_from(FILES))
    lines = (GOOD / name).read_text().splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "replace", "cut"]))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "indent":
            lines[at] = "  " + lines[at]
        elif kind == "dedent":
            lines[at] = lines[at].lstrip()
        elif kind == "cut":
            lines = lines[:at]
        else:
            line = lines[at]
            spot = draw(st.integers(0, len(line)))
            lines[at] = line[:spot] + draw(st.text(max_size=8)) + line[spot + 1 :]
    return name, "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(change=mutated())
def test_any_mutation_of_a_valid_file_is_reported_not_raised(change):
    name, text = change
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for path in GOOD.glob("*.yaml"):
            shutil.copy(path, root / path.name)
        (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        report = check(root)
    assert report.knowledge is not None or report.errors
    assert all(isinstance(problem, Problem) for problem in report.errors + report.warnings)
