"""The dependency rules of design.md, enforced."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "openimr"
APPS = sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "core")


PUBLIC = {"services", "selectors", "domain"}
# Modules an app offers besides services and selectors: pure codecs and renderers that
# need no database and so are not "reads" or "writes".
EXTRA_PUBLIC = {
    "cases": {"interchange", "intake_schema", "simulation"},
    "letters": {"rendering", "render", "parsing"},
    "programs": {"loader"},
    "reviewers": {"panel_format", "match_input", "index", "specialty_data"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(pattern: str) -> list[Path]:
    return sorted(
        p for p in ROOT.glob(pattern) if "tests" not in p.parts and "migrations" not in p.parts
    )


@pytest.mark.parametrize(
    "path",
    _modules("*/domain/*.py") + _modules("core/case*.py") + _modules("core/errors.py"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_domain_modules_import_only_the_standard_library_and_core(path):
    import sys

    allowed = set(sys.stdlib_module_names)
    own = {f"openimr.{app}.domain" for app in APPS}
    for name in _imports(path):
        top = name.split(".")[0]
        ok = (
            top in allowed
            or name.startswith("openimr.core")
            or any(name.startswith(o) for o in own)
        )
        assert ok, f"{path.relative_to(ROOT)} imports {name}"


@pytest.mark.parametrize("path", _modules("**/*.py"), ids=lambda p: str(p.relative_to(ROOT)))
def test_an_app_reaches_another_only_through_services_selectors_or_domain(path):
    app = path.relative_to(ROOT).parts[0]
    for name in _imports(path):
        parts = name.split(".")
        if len(parts) < 3 or parts[0] != "openimr" or parts[1] in {app, "core"}:
            continue
        assert parts[2] in PUBLIC | EXTRA_PUBLIC.get(parts[1], set()), (
            f"{path.relative_to(ROOT)} reaches into {name}"
        )
