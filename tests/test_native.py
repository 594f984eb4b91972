"""analysis/native.py: compiled modules run only when built from today's source, and give the same analyses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis import native

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = __import__("importlib.machinery").machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "mod.py").write_text("def twice(x):\n    return 2 * x\n", encoding="utf-8")
    return package


def _manifest(path: Path, modules: dict[str, str]) -> Path:
    path.write_text(json.dumps({"modules": modules}), encoding="utf-8")
    return path


def test_a_module_with_no_build_is_read_from_its_source(tmp_path):
    package = _package(tmp_path)
    finder = native.SourceUnlessBuilt(("pkg.mod",), package, tmp_path / "absent.json")
    spec = finder.find_spec("pkg.mod")
    assert spec.origin == str(package / "mod.py")
    assert finder.find_spec("pkg.other") is None  # modules not compiled are not its business


def test_an_extension_built_from_this_source_is_left_to_python(tmp_path):
    package = _package(tmp_path)
    (package / f"mod{EXTENSION}").write_bytes(b"")
    manifest = _manifest(tmp_path / "m.json", {"pkg.mod": native.digest(package / "mod.py")})
    finder = native.SourceUnlessBuilt(("pkg.mod",), package, manifest)
    assert finder.find_spec("pkg.mod") is None
    assert finder.compiled == {"pkg.mod"}


def test_an_edited_source_wins_over_its_stale_extension(tmp_path):
    package = _package(tmp_path)
    (package / f"mod{EXTENSION}").write_bytes(b"")
    manifest = _manifest(tmp_path / "m.json", {"pkg.mod": native.digest(package / "mod.py")})
    (package / "mod.py").write_text("def twice(x):\n    return x + x\n", encoding="utf-8")
    finder = native.SourceUnlessBuilt(("pkg.mod",), package, manifest)
    assert finder.find_spec("pkg.mod").origin == str(package / "mod.py")
    assert not finder.compiled


def test_pure_mode_and_a_broken_manifest_read_the_source(tmp_path, monkeypatch):
    package = _package(tmp_path)
    (package / f"mod{EXTENSION}").write_bytes(b"")
    good = _manifest(tmp_path / "m.json", {"pkg.mod": native.digest(package / "mod.py")})
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert native.SourceUnlessBuilt(("pkg.mod",), package, good).find_spec("pkg.mod").origin.endswith("mod.py")
    monkeypatch.delenv(native.PURE_ENV)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert native.SourceUnlessBuilt(("pkg.mod",), package, broken).find_spec("pkg.mod").origin.endswith("mod.py")


def _declared_package(tmp_path: Path) -> Path:
    """A package whose module ``mod`` has Cython declarations that cimport a type of its module ``base``."""
    package = _package(tmp_path)
    (package / "base.py").write_text("class Box:\n    pass\n", encoding="utf-8")
    (package / "base.pxd").write_text("cdef class Box:\n    cdef public object value\n", encoding="utf-8")
    (package / "mod.pxd").write_text("from pkg.base cimport Box\n", encoding="utf-8")
    (package / "other.py").write_text("", encoding="utf-8")
    return package


def test_a_module_without_declarations_is_known_by_its_source_alone(tmp_path):
    package = _package(tmp_path)
    assert native.digest(package / "mod.py") == __import__("hashlib").sha256((package / "mod.py").read_bytes()).hexdigest()


@pytest.mark.parametrize("edited, changes", [
    ("mod.py", True), ("mod.pxd", True),  # the module's own source and declarations
    ("base.py", True), ("base.pxd", True),  # a module it cimports: its types are compiled into mod
    ("other.py", False),  # nothing mod is compiled from
])
def test_declarations_and_the_modules_they_cimport_are_part_of_the_digest(tmp_path, edited, changes):
    package = _declared_package(tmp_path)
    before = native.digest(package / "mod.py")
    with open(package / edited, "a", encoding="utf-8") as file:
        file.write("\n# edited\n")
    assert (native.digest(package / "mod.py") != before) is changes


def test_an_extension_built_with_older_declarations_is_not_used(tmp_path):
    """Edited declarations (or those of a module it cimports) make the extension stale, as an edited source does:
    the module is read from source until the next build."""
    package = _declared_package(tmp_path)
    (package / f"mod{EXTENSION}").write_bytes(b"")
    manifest = _manifest(tmp_path / "m.json", {"pkg.mod": native.digest(package / "mod.py")})
    assert native.SourceUnlessBuilt(("pkg.mod",), package, manifest).find_spec("pkg.mod") is None
    (package / "base.pxd").write_text("cdef class Box:\n    cdef public object value, other\n", encoding="utf-8")
    spec = native.SourceUnlessBuilt(("pkg.mod",), package, manifest).find_spec("pkg.mod")
    assert spec.origin == str(package / "mod.py")


def test_cimports_that_loop_are_followed_once(tmp_path):
    package = _declared_package(tmp_path)
    (package / "base.pxd").write_text("from pkg.mod cimport Thing\ncdef class Box:\n    pass\n", encoding="utf-8")
    assert len(native.digest(package / "mod.py")) == 64


def test_modules_with_declarations_run_as_python_without_cython():
    """Read from source, a module with Cython declarations takes the stand-in, which leaves its functions as they
    are (the test suite reads every module from source: see conftest.py)."""
    from analysis.nlp import scorers
    from analysis.nlp.entities import candidates, extract, grouping, typing

    for module in (candidates, extract, grouping, typing, scorers):
        assert module.__file__.endswith(".py")
        assert module.cython is native.cython_declarations
        assert native.source_of(module.__name__).with_suffix(".pxd").is_file()

    def function():
        return 1

    assert native.cython_declarations.locals(x=int)(function) is function


def test_every_listed_module_exists_and_none_is_read_back_by_inspect():
    for module in native.MODULES:
        source = native.source_of(module)
        assert source.is_file(), module
        assert "inspect.getsource" not in source.read_text(encoding="utf-8"), module


def _compiler_or_skip() -> None:
    pytest.importorskip("Cython", reason="Cython is not installed (scripts/setup installs it)")
    import shutil
    import sysconfig

    if not (shutil.which("cc") or shutil.which("gcc")) or not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        pytest.skip("no C compiler or Python headers: the analysis runs as plain Python here")


@pytest.mark.slow
def test_a_real_build_is_imported_compiled_until_its_source_changes(tmp_path):
    _compiler_or_skip()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_native
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    package = _package(tmp_path)
    manifest = tmp_path / "pkg" / "native-build.json"
    assert build_native.build(("pkg.mod",), package, manifest) == ["pkg.mod"]
    assert build_native.build(("pkg.mod",), package, manifest) == []  # nothing changed: nothing compiled
    probe = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(tmp_path)!r})
        from pathlib import Path
        from analysis import native
        sys.meta_path.insert(0, native.SourceUnlessBuilt(("pkg.mod",), Path({str(package)!r}), Path({str(manifest)!r})))
        import pkg.mod
        print(Path(pkg.mod.__file__).name, pkg.mod.twice(21))
    """)

    def imported() -> str:
        env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                              env=env).stdout.split()

    assert imported() == [f"mod{EXTENSION}", "42"]
    (package / "mod.py").write_text("def twice(x):\n    return x * 2 + 1\n", encoding="utf-8")
    assert imported() == ["mod.py", "43"]


ANALYSE_ALL = """
import json, sys
from analysis import native
from analysis.cli.common import load_path
from analysis.pipeline import analysis_dict
out = {"compiled": native.compiled_modules(), "analyses": [analysis_dict(load_path(p)) for p in sys.argv[1:]]}
json.dump(out, sys.stdout, sort_keys=True)
"""


@pytest.mark.slow
def test_the_compiled_modules_give_the_same_analyses_as_the_source():
    """Every article of the development corpus and the seed, analysed by this checkout's compiled modules in a
    subprocess, gives JSON identical to the analysis from source in this process."""
    built = native.install().built()
    fresh = [m for m in native.MODULES if built.get(m) == native.digest(native.source_of(m))
             and native._has_extension(native.source_of(m))]
    if not fresh:
        pytest.skip("no module of this checkout is compiled from its current source (run scripts/build_native.py)")
    paths = sorted(str(p) for p in (ROOT / "tests" / "data" / "news").glob("*.txt")) + sorted(
        str(p) for p in (ROOT / "seeds").glob("*.txt"))
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    done = subprocess.run([sys.executable, "-c", ANALYSE_ALL, *paths], capture_output=True, text=True, check=True,
                          cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)})
    compiled = json.loads(done.stdout)
    assert compiled["compiled"] and set(compiled["compiled"]) <= set(fresh)
    from analysis.cli.common import load_path
    from analysis.pipeline import analysis_dict

    assert not set(native.compiled_modules())  # this process reads the source (conftest)
    expected = json.loads(json.dumps([analysis_dict(load_path(p)) for p in paths], sort_keys=True))
    assert compiled["analyses"] == expected


@pytest.mark.slow
def test_every_module_with_declarations_translates_with_cython(tmp_path):
    """A declared variable can make Cython refuse code that Python runs (a generator expression that reads a typed
    variable of its function: "local variable 's' referenced before assignment"); the build then falls back to
    plain Python for every module it was compiling. Cython's translation to C (no C compiler needed) shows it."""
    pytest.importorskip("Cython", reason="Cython is not installed (scripts/setup installs it)")
    from Cython.Build import cythonize
    from setuptools import Extension

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_native import DIRECTIVES
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    declared = [m for m in native.MODULES if native.source_of(m).with_suffix(".pxd").is_file()]
    assert declared
    cwd = os.getcwd()
    os.chdir(ROOT)  # (as scripts/build_native.py does: the cimports are found from the package's parent)
    try:
        cythonize([Extension(m, [str(native.source_of(m).relative_to(ROOT))]) for m in declared],
                  compiler_directives=DIRECTIVES, build_dir=str(tmp_path), quiet=True, force=True)
    finally:
        os.chdir(cwd)


def _declared_fields(pxd: str) -> dict[str, set[str]]:
    """The fields each ``cdef class`` of a .pxd declares (``cdef public object a, b``)."""
    import re

    fields: dict[str, set[str]] = {}
    current = None
    for line in pxd.splitlines():
        head = re.match(r"cdef class (\w+)", line)
        if head:
            current = fields.setdefault(head.group(1), set())
        elif current is not None and (field := re.match(r"\s+cdef public object (.+)", line)):
            current.update(name.strip() for name in field.group(1).split(","))
        elif line and not line[0].isspace():
            current = None
    return fields


def test_every_field_a_declared_class_sets_is_declared():
    """A class declared ``cdef class`` in a .pxd has only the fields declared there once compiled: setting another
    (``self.new = ...``) raises AttributeError in the compiled analysis only, which the tests (run from source)
    would not see. Every ``self.name =`` in such a class's methods, and every name in its __slots__, is declared."""
    import ast

    checked = 0
    for module in native.MODULES:
        source = native.source_of(module)
        pxd = source.with_suffix(".pxd")
        if not pxd.is_file():
            continue
        declared = _declared_fields(pxd.read_text(encoding="utf-8"))
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name not in declared:
                continue
            set_here = {
                target.attr
                for sub in ast.walk(node)
                for target in (sub.targets if isinstance(sub, ast.Assign) else [sub.target]
                               if isinstance(sub, (ast.AnnAssign, ast.AugAssign)) else [])
                for target in (target.elts if isinstance(target, ast.Tuple) else [target])
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
            }
            slots = {
                elt.value for sub in node.body if isinstance(sub, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in sub.targets)
                for elt in sub.value.elts
            }
            assert set_here | slots <= declared[node.name], (module, node.name, (set_here | slots) - declared[node.name])
            checked += 1
    assert checked >= 5  # _Tok, _Span, _Extractor, _Lookup, _Groups (and _Tally)
