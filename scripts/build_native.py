"""Compiles the analysis's hot modules with Cython, in place (see ``analysis/native.py``). Run by ``scripts/setup``.

    .venv/bin/python scripts/build_native.py [--force] [--strict]

Only the modules whose source changed since the last build are compiled again; nothing to do takes a few
milliseconds. Without Cython or a C compiler it says so and leaves the analysis in plain Python (exit 0, or 1 with
``--strict``). The manifest ``analysis/native-build.json`` is written last, with the digest of each source as it
was when compiled, so an interrupted build or a source edited meanwhile is never taken for a good one. Cython reads
a module's declarations (a ``.pxd`` beside it) itself; the digest covers them and the modules they cimport
(``native.digest``), so editing either compiles the module again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["STORYSCOPE_PURE_PYTHON"] = "1"  # this process never needs the compiled modules

from analysis import native  # noqa: E402

DIRECTIVES = {
    "language_level": 3,
    "binding": True,  # functions keep their Python signatures, names and introspection
    "annotation_typing": False,  # annotations stay documentation: same semantics as CPython (dict subclasses ...)
}


def build(modules: tuple[str, ...], root: Path, manifest: Path, force: bool = False) -> list[str]:
    """Compiles those of ``modules`` (sources under the package folder ``root``) whose digest differs from
    ``manifest``; returns the names compiled. Raises on a failed build (the manifest is then unchanged)."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("modules", {})
    except (OSError, ValueError):
        recorded = {}
    digests = {m: native.digest(native.source_of(m, root)) for m in modules}
    todo = [m for m in modules if force or recorded.get(m) != digests[m] or not native._has_extension(
        native.source_of(m, root))]
    kept = {m: d for m, d in recorded.items() if m in digests and m not in todo}
    if todo:
        print(f"Compiling {len(todo)} of the analysis's modules with Cython (once; about a minute for all)...",
              flush=True)
        base = root.parent
        # -O1: as fast as -O3 on these modules (news_and_vader 0.10 s either way) and half the compile time
        extensions = [Extension(m, [str(native.source_of(m, root).relative_to(base))], extra_compile_args=["-O1"])
                      for m in todo]
        cwd = os.getcwd()
        os.chdir(base)
        try:
            compiled = cythonize(extensions, compiler_directives=DIRECTIVES, build_dir="build/cython", quiet=True,
                                 force=True, nthreads=os.cpu_count() or 1)
            dist = Distribution({"ext_modules": compiled, "script_args": ["-q", "build_ext", "--inplace", "--parallel",
                                                                          str(os.cpu_count() or 1)]})
            dist.parse_command_line()
            dist.run_commands()
        finally:
            os.chdir(cwd)
    kept.update({m: digests[m] for m in todo})
    manifest.write_text(json.dumps({"cython": _cython_version(), "python": sysconfig.get_config_var("SOABI"),
                                    "modules": dict(sorted(kept.items()))}, indent=1) + "\n", encoding="utf-8")
    return todo


def _cython_version() -> str:
    import Cython

    return Cython.__version__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile every module again")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the modules cannot be compiled")
    args = parser.parse_args()
    fallback = "the analysis runs as plain Python (correct, about a fifth slower)."
    try:
        import Cython  # noqa: F401
    except ImportError:
        print(f"Cython is not installed: {fallback}", file=sys.stderr)
        return 1 if args.strict else 0
    start = time.perf_counter()
    try:
        done = build(native.MODULES, native.ROOT, native.MANIFEST, force=args.force)
    except Exception as error:  # a missing compiler or headers: a working, slower analysis is the answer
        print(f"Could not compile the analysis's hot modules ({type(error).__name__}: {error}); {fallback} "
              "Install a C compiler and Python's headers (apt-get install gcc python3-dev) and run "
              "scripts/setup again.", file=sys.stderr)
        return 1 if args.strict else 0
    if done:
        print(f"Compiled {len(done)} analysis modules with Cython in {time.perf_counter() - start:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
