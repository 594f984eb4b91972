"""The analysis's hot modules, compiled with Cython when the machine can, and always correct when it cannot.

``scripts/build_native.py`` (run by ``scripts/setup``) compiles the modules in :data:`MODULES` in place: each
``name.py`` gets a ``name.cpython-*.so`` beside it, made from the same source with no change of meaning (Cython
in pure-Python mode, no type declarations). It then writes :data:`MANIFEST`, the SHA-256 of each source it
compiled. The Python files stay the one source of truth:

- a compiled module is imported only while its source is byte for byte the one it was built from; edit the
  ``.py`` and that module is read from source until the next build (no stale extension ever runs);
- no compiler, no Cython, or a failed build: no manifest entry, and every module is read from source;
- ``STORYSCOPE_PURE_PYTHON=1`` in the environment, or :func:`prefer_source` before the first import, reads
  every module from source (the test suite does this, so its line-counting growth tests see Python lines;
  ``tests/test_native.py`` checks that the compiled modules give the same analyses).

:func:`install` (called by ``analysis/__init__.py``) puts the finder in front of Python's own. Compiled, the full
analysis costs about a fifth less CPU (``benchmarks/bench_analysis.py``).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent  # the ``analysis`` package folder
MANIFEST = ROOT / "native-build.json"
PURE_ENV = "STORYSCOPE_PURE_PYTHON"

# The modules the full analysis spends its time in (bench_analysis.py's stages). Not compiled: modules whose
# functions are read back with ``inspect.getsource`` (entities/lexicon.py keys its cache on their source).
MODULES = (
    "analysis.pipeline",
    "analysis.reading.text",
    "analysis.reading.clutter",
    "analysis.reading.language",
    "analysis.nlp.terms",
    "analysis.nlp.sentiment",
    "analysis.nlp.news_sentiment",
    "analysis.nlp.scorers",
    "analysis.nlp.entities.extract",
    "analysis.nlp.entities.candidates",
    "analysis.nlp.entities.grouping",
    "analysis.nlp.entities.typing",
    "analysis.nlp.entities.cues",
    "analysis.nlp.entities.edits",
)


def source_of(module: str, root: Path = ROOT) -> Path:
    """The ``.py`` file of a dotted module name under the package folder ``root``."""
    return root.joinpath(*module.split(".")[1:]).with_suffix(".py")


def digest(path: Path) -> str:
    """SHA-256 of what the module ``path`` (a ``.py``) is compiled from: the source alone, or with its Cython
    declarations (a ``.pxd`` beside it) also the ``.pxd`` and the digest of each module whose declarations it
    cimports (their types are compiled into it: a module compiled against another's old declarations must not
    run beside that module's new source)."""
    return _digest(path, frozenset())


def _digest(path: Path, outer: frozenset[Path]) -> str:
    data = path.read_bytes()
    declarations = path.with_suffix(".pxd")
    if not declarations.is_file():
        return hashlib.sha256(data).hexdigest()
    pxd = declarations.read_bytes()
    parts = [data, b"\0pxd\0", pxd]
    for dependency in _cimported(pxd.decode("utf-8"), path):
        if dependency not in outer:  # (a cycle of cimports: each file counted once on the way)
            parts += [b"\0cimports\0", _digest(dependency, outer | {path}).encode()]
    return hashlib.sha256(b"".join(parts)).hexdigest()


_CIMPORT_RE = re.compile(r"^\s*(?:from\s+([\w.]+)\s+cimport\b|cimport\s+([\w.]+))", re.M)


def _cimported(declarations: str, path: Path) -> list[Path]:
    """The ``.py`` files of the package's modules that the declarations of ``path`` cimport (``from a.b cimport
    X``, ``cimport a.b``; a name ``a.b`` is found under the ancestor folder of ``path`` named ``a``)."""
    found = []
    for match in _CIMPORT_RE.finditer(declarations):
        name = (match.group(1) or match.group(2)).split(".")
        package = next((folder for folder in path.parents if folder.name == name[0]), None)
        if package is None:  # Cython's own (cython, libc, cpython): not part of the package
            continue
        source = package.joinpath(*name[1:]).with_suffix(".py")
        if source.is_file() and source != path:
            found.append(source)
    return found


class SourceUnlessBuilt:
    """A meta-path finder for ``modules``: it leaves a module to Python's own finders (which take the compiled
    extension first) only when ``manifest`` records the current source's digest; otherwise it returns the
    source file's spec itself."""

    def __init__(self, modules: tuple[str, ...], root: Path, manifest: Path) -> None:
        self.modules = frozenset(modules)
        self.root = root
        self.manifest = manifest
        self.pure = bool(os.environ.get(PURE_ENV))
        self._built: dict[str, str] | None = None
        self.compiled: set[str] = set()

    def built(self) -> dict[str, str]:
        if self._built is None:
            try:
                data = json.loads(self.manifest.read_text(encoding="utf-8"))
                self._built = {str(k): str(v) for k, v in data.get("modules", {}).items()}
            except (OSError, ValueError, AttributeError):
                self._built = {}
        return self._built

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname not in self.modules:
            return None
        source = source_of(fullname, self.root)
        if not self.pure:
            recorded = self.built().get(fullname)
            if recorded is not None and _has_extension(source) and recorded == digest(source):
                self.compiled.add(fullname)
                return None  # Python's own path finder: the extension module comes first
        return importlib.util.spec_from_file_location(fullname, source)

    def invalidate_caches(self) -> None:
        self._built = None


def _has_extension(source: Path) -> bool:
    stem = source.with_suffix("")
    return any(Path(f"{stem}{suffix}").is_file() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


_FINDER: SourceUnlessBuilt | None = None


def install() -> SourceUnlessBuilt:
    """Puts the finder first on ``sys.meta_path`` (once per process)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = SourceUnlessBuilt(MODULES, ROOT, MANIFEST)
        sys.meta_path.insert(0, _FINDER)
    return _FINDER


def prefer_source() -> None:
    """Read every module of :data:`MODULES` imported from now on from its ``.py`` (tests, profiling)."""
    install().pure = True


def compiled_modules() -> list[str]:
    """The modules of :data:`MODULES` this process imported compiled."""
    return sorted(install().compiled & set(sys.modules))


#: False: a module with Cython declarations (a ``.pxd`` beside it, and ``@cython.locals`` on its hot functions)
#: writes ``if native.COMPILING: import cython else: ... cython_declarations as cython``. Cython reads its
#: ``import cython`` whatever the branch, and Python takes the stand-in below (no import of Cython at run time).
COMPILING = False


class cython_declarations:  # noqa: N801 (stands for the ``cython`` module)
    """What a module with Cython declarations calls ``cython`` when run as Python: the declarations are for the
    compiled build only (typed variables read a token's or a span's fields directly) and do nothing here."""

    Py_ssize_t = int  # (the C types a declaration may name)
    Py_UCS4 = str
    bint = bool

    @staticmethod
    def locals(**types):
        return lambda function: function
