"""The house rules of the code's layout (ARCHITECTURE.md): a newcomer finds any room in one look."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "knowledge", "storage")
MAX_LINES = 320
MAX_TOP_LEVEL_BOT_MODULES = 8


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_bot_top_level_holds_few_modules_beside_its_packages():
    top = [p.name for p in (ROOT / "bot").glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= MAX_TOP_LEVEL_BOT_MODULES, sorted(top)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_is_too_long_to_hold_one_idea(package):
    long = {
        str(p.relative_to(ROOT)): n
        for p in modules(package)
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert not long, f"split these (over {MAX_LINES} lines): {long}"


@pytest.mark.parametrize("package", ["knowledge", "storage"])
def test_knowledge_and_storage_never_import_bot_or_each_other(package):
    other = {"knowledge": "storage", "storage": "knowledge"}[package]
    for path in modules(package):
        for name in imported(path):
            top = name.split(".")[0]
            assert top not in ("bot", other), f"{path.relative_to(ROOT)} imports {name}"


def test_only_the_telegram_channel_imports_telegram():
    for package in PACKAGES:
        for path in modules(package):
            if path.parent.name == "channels" and path.name.startswith("telegram"):
                continue
            telegram = [n for n in imported(path) if n.split(".")[0] == "telegram"]
            assert not telegram, f"{path.relative_to(ROOT)} imports {telegram}"


def test_no_catch_all_modules():
    for package in PACKAGES:
        for path in modules(package):
            assert path.stem not in ("utils", "helpers", "common", "misc"), path


def test_imports_point_one_way():
    """channels -> engine -> flows -> knowledge, storage; the hub side is handed a sender."""
    for path in modules("bot"):
        names = imported(path)
        where = path.relative_to(ROOT).parts
        if where[1] in ("flows", "answers", "hubs"):
            assert not any(n.startswith(("bot.channels", "bot.engine")) for n in names), path
        if where[1] == "hubs":
            assert not any(n.startswith("bot.flows") for n in names), path


KNOWLEDGE_LAYERS = {  # what each part of knowledge/ may import of the others
    "base": set(),
    "guidance": {"base"},
    "understanding": {"base", "guidance"},
}


def test_knowledge_is_grouped_by_what_each_part_serves():
    loose = [p.name for p in (ROOT / "knowledge").glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"put these in base/, understanding/ or guidance/: {loose}"
    for part, allowed in KNOWLEDGE_LAYERS.items():
        for path in (ROOT / "knowledge" / part).rglob("*.py"):
            for name in imported(path):
                parts = name.split(".")
                if parts[0] == "knowledge" and len(parts) > 1 and parts[1] != part:
                    assert parts[1] in allowed, f"{path.relative_to(ROOT)} imports {name}"


def test_no_module_imports_itself_round_a_circle():
    graph = {}
    for package in PACKAGES:
        for path in modules(package):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            graph[module.removesuffix(".__init__")] = {
                name for name in imported(path) if name.split(".")[0] in PACKAGES
            }

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for target in graph.get(start, ()):
            if target == goal or (target not in seen and reaches(target, goal, seen | {target})):
                return True
        return False

    circles = sorted(module for module in graph if reaches(module, module, {module}))
    assert circles == [], f"these modules import themselves round a circle: {circles}"
