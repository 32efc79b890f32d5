"""The data package stays pure: it never imports streamlit, directly or through a dependency."""

from __future__ import annotations

import ast
import subprocess
import sys

from partners import paths, site


def test_no_module_of_the_package_imports_streamlit_in_its_source():
    offenders = []
    for module in sorted((paths.ROOT / "partners").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module.name}: {n}" for n in names if n.split(".")[0] == "streamlit"]
    assert offenders == []


def test_streamlit_is_imported_only_by_the_pages_and_their_glue_modules():
    glue = {str(p.relative_to(paths.ROOT)) for p in (paths.ROOT / "pages" / "_shared").glob("*.py")}
    allowed = {page.script for page in site.PAGES} | glue
    importers = set()
    for module in paths.ROOT.rglob("*.py"):
        relative = str(module.relative_to(paths.ROOT))
        if relative.startswith((".venv", "tests/", "bench/")):
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                names += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
                if any(n.split(".")[0] == "streamlit" for n in names):
                    importers.add(relative)
    assert {page.script for page in site.PAGES} <= importers, "the scan sees the pages"
    assert importers <= allowed


def test_importing_every_module_of_the_package_loads_no_streamlit():
    modules = sorted(p.stem for p in (paths.ROOT / "partners").glob("*.py"))
    code = (
        "import sys\n"
        + "".join(f"import partners.{m}\n" for m in modules)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
