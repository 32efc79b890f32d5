"""The repository's layout is the design card's, and every page is defined once."""

from __future__ import annotations

import ast
import re
import subprocess

import pytest

from partners import paths, site

CARD = {"pyproject.toml", "README.md", "dashboard.py", "data", "pages", "tests"}
# What a Python project of this kind needs besides: the pure package, builders, benchmarks,
# served files, configuration, CI, docs, the data package, the lock file, the system packages
# Community Cloud installs (packages.txt: a font for the map's PNG), and what the ecosystem
# expects of a published project: a licence for the code and a citation file.
PROJECT = {
    "partners",
    "scripts",
    "bench",
    "static",
    ".streamlit",
    ".ci",
    "docs",
    "datapackage.json",
    "uv.lock",
    "packages.txt",
    ".gitignore",
    "LICENSE",
    "CITATION.cff",
}


def test_the_top_level_is_the_design_cards_and_what_the_project_needs():
    if not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout: what is tracked is unknown")
    files = subprocess.run(
        ["git", "ls-files"], cwd=paths.ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    tracked = {name.split("/")[0] for name in files}
    assert tracked == CARD | PROJECT


def test_every_page_script_exists_and_pages_holds_no_other_script():
    for page in site.PAGES:
        assert (paths.ROOT / page.script).is_file(), page.script
    in_folder = {f"pages/{p.name}" for p in (paths.ROOT / "pages").glob("*.py")}
    assert in_folder == {p.script for p in site.PAGES if p.script.startswith("pages/")}


def test_each_url_path_is_the_one_streamlit_derives_from_the_file_name():
    """In folder-based mode Streamlit names a page's URL after its file (numbers stripped)."""
    from streamlit.source_util import page_icon_and_name  # the rule Streamlit itself applies

    for page in site.PAGES:
        if page is not site.MAP:
            _, derived = page_icon_and_name(paths.ROOT / page.script)
            assert derived == page.url_path, page.script


def test_page_paths_and_urls_are_written_only_in_the_site_module():
    """No other module spells a page's script path or builds a country URL by hand."""
    offenders = []
    scripts = "|".join(re.escape(p.script) for p in site.PAGES if p is not site.MAP)
    pattern = re.compile(rf"{scripts}|country\?iso3=|app_pages")
    sources = [paths.ROOT / "dashboard.py", *(paths.ROOT / "pages").rglob("*.py")]
    sources += list((paths.ROOT / "partners").glob("*.py"))
    for source in sources:
        if source.name == "site.py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            # The country page's help text shows readers what a link looks like: not a link.
            if isinstance(text, str) and pattern.search(text) and "three-letter" not in text:
                offenders.append(f"{source.name}: {text[:60]!r}")
    assert offenders == []


def test_citation_cff_agrees_with_the_cite_this_atlas_block(package):
    text = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    atlas, article = package.descriptor, package.article()
    for line in (
        f'title: "{atlas["title"]}"',
        f'version: "{atlas["version"]}"',
        f'date-released: "{atlas["created"][:10]}"',
        f'name: "{atlas["contributors"][0]["title"]}"',
        f'title: "{article["article_title"]}"',
        f'name: "{article["publisher"]}"',
        f"year: {article['issued'][:4]}",
    ):
        assert line in text, line


def test_the_deploy_guides_nginx_config_is_the_one_the_scaling_test_runs():
    guide = (paths.ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = guide.split("```nginx\n", 1)[1].split("```", 1)[0].strip()
    tested = (paths.ROOT / "docs" / "nginx" / "atlas.conf").read_text(encoding="utf-8").strip()
    assert block == tested


def test_the_benchmark_guide_shows_the_results_in_bench_results():
    from bench import report

    guide = report.DOC.read_text(encoding="utf-8")
    assert report.with_results(guide, report.results()) == guide, "run: python -m bench.report"
