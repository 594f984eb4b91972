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
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
