"""Declare what you import: every package Storyscope's code loads comes from a requirement in pyproject.toml
(directly, or as a plain requirement of one — never only through another package's extra, which older pip
versions do not resolve), and nothing declared goes unused.

The fast tests read the installed packages' metadata; the slow one asks the oldest pip the README allows
(the one Python 3.11 ships) to resolve ``pip install .`` from scratch.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DECLARED = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]

#: One sample per reader: what each format's reader loads when it reads a file.
READ_EACH_FORMAT = r"""
import io, json, sys
before = set(sys.modules)
from pathlib import Path
from analysis.reading.readers import read_document
import docx, pypdf
document = docx.Document(); document.add_paragraph("Harbour reopens"); out = io.BytesIO(); document.save(out)
writer = pypdf.PdfWriter(); writer.add_blank_page(200, 200); pdf = io.BytesIO(); writer.write(pdf)
data = Path(sys.argv[1])
read_document((data / "council-budget.html").read_bytes(), "page.html")
read_document((data / "harbour-report.md").read_bytes(), "notes.md")
read_document((data / "cafe-cp1252.txt").read_bytes(), "cafe.txt")
read_document(out.getvalue(), "roof.docx")
try:
    read_document(pdf.getvalue(), "blank.pdf")  # no text layer: an InputError, after pypdf has read it
except Exception:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in set(sys.modules) - before})))
"""


@cache
def closure(requirements: tuple[Requirement, ...] = tuple(DECLARED)) -> frozenset[str]:
    """The distributions ``pip install .`` brings: the declared requirements and, recursively, their plain
    requirements (markers evaluated for this Python, extras not followed)."""
    seen: set[str] = set()
    todo = [r for r in requirements if r.marker is None or r.marker.evaluate()]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(requirement.name) or []:
            nested = Requirement(line)
            if nested.marker is None or nested.marker.evaluate({"extra": ""}):
                todo.append(nested)
    return frozenset(seen)


def modules_loaded_by_the_readers() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", READ_EACH_FORMAT, str(ROOT / "tests" / "data" / "readers")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_package_the_readers_load_is_declared_or_a_plain_requirement_of_one():
    owners = metadata.packages_distributions()
    missing = {}
    for module in modules_loaded_by_the_readers():
        for distribution in owners.get(module, []):  # stdlib and our own modules have none
            if canonicalize_name(distribution) not in closure() and module != "analysis":
                missing[module] = distribution
    assert not missing, f"loaded but not declared in pyproject.toml: {missing}"


def imported_top_level_modules() -> set[str]:
    """The top-level modules ``import``ed anywhere in analysis/ and dashboard/."""
    names = set()
    for folder in ("analysis", "dashboard"):
        for path in (ROOT / folder).rglob("*.py"):
            for match in re.finditer(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", path.read_text(encoding="utf-8"), re.M):
                names.add(match.group(1))
    return names


#: Imported by the code for the compiled build only: Cython reads ``import cython`` when scripts/build_native.py
#: compiles a module with declarations, and Python never runs it (``if native.COMPILING``); declared in the extra.
COMPILE_TIME_ONLY = {"cython": "native"}


def test_every_third_party_import_of_the_code_is_declared_directly():
    owners = metadata.packages_distributions()
    declared = {canonicalize_name(r.name) for r in DECLARED}
    for module, extra in COMPILE_TIME_ONLY.items():
        assert declared.isdisjoint(canonicalize_name(d) for d in owners.get(module, [module])) and any(
            canonicalize_name(Requirement(r).name) in {canonicalize_name(d) for d in owners.get(module, [module])}
            for r in PYPROJECT["project"]["optional-dependencies"][extra]
        ), module
    undeclared = {
        module: owners[module]
        for module in imported_top_level_modules() - set(sys.stdlib_module_names) - {"analysis", "dashboard"}
        - set(COMPILE_TIME_ONLY)
        if module in owners and not declared & {canonicalize_name(d) for d in owners[module]}
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


#: Declared without an import of their own, each for a reason.
NEEDED_WITHOUT_AN_IMPORT = {
    "lxml-html-clean": "trafilatura's HTML cleaning loads it; lxml only pulls it in through an extra",
    "dask": "the batch path's task graphs, run through distributed's client (the version it was built on)",
    "cryptography": "pypdf opens AES-encrypted PDFs with it",
}


def test_every_declared_package_is_used():
    owners = metadata.packages_distributions()
    imported = {canonicalize_name(d) for m in imported_top_level_modules() for d in owners.get(m, [])}
    tests_and_tools = set()
    for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]:
        for match in re.finditer(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", path.read_text(encoding="utf-8"), re.M):
            tests_and_tools |= {canonicalize_name(d) for d in owners.get(match.group(1), [])}
    unused = {
        canonicalize_name(r.name) for r in DECLARED
        if canonicalize_name(r.name) not in imported | tests_and_tools | set(NEEDED_WITHOUT_AN_IMPORT)
    }
    assert not unused, f"declared in pyproject.toml but imported nowhere: {sorted(unused)}"


@pytest.mark.slow
def test_the_oldest_pip_the_readme_allows_resolves_every_reader_dependency(tmp_path):
    """The pip bundled with Python 3.11 (the oldest the README allows), resolving pyproject.toml's requirement
    lines for the packages the readers load (a dry run: only metadata is fetched), brings every distribution
    of their plain requirement tree the readers load -- nothing left to other packages' extras, which it does
    not resolve. (The fast test above checks that the whole declared tree holds everything the readers load.)"""
    owners = metadata.packages_distributions()
    needed = {canonicalize_name(d) for m in modules_loaded_by_the_readers() for d in owners.get(m, [])} - {"storyscope"}
    chosen = [(line, r) for line, r in zip(PYPROJECT["project"]["dependencies"], DECLARED)
              if canonicalize_name(r.name) in needed]
    lines = [line for line, _ in chosen]
    needed &= closure(tuple(r for _, r in chosen))  # what these lines bring (the rest comes with the dashboard's)
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    version = subprocess.run([*pip, "--version"], capture_output=True, text=True, timeout=60).stdout
    report = tmp_path / "report.json"
    resolved = subprocess.run(
        [*pip, "install", "--dry-run", "--quiet", "--ignore-installed", "--report", str(report), *lines],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )
    if resolved.returncode != 0 and re.search(r"(?i)connection|network|resolve host|no matching distribution",
                                              resolved.stderr) and os.environ.get("CI") != "true":
        pytest.skip(f"no package registry reachable for {version.strip()}: {resolved.stderr[-300:]}")
    assert resolved.returncode == 0, resolved.stderr[-2000:]
    installed = {canonicalize_name(item["metadata"]["name"]) for item in json.loads(report.read_text())["install"]}
    assert needed <= installed, f"{version.strip()} leaves out {sorted(needed - installed)}"
