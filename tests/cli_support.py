"""Running ``python -m analysis`` for the CLI tests: in-process (fast) for behaviour, in a subprocess for the
few tests that check the command as a user runs it (interpreter start, ``__main__``, exit status)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_in_process(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``analysis.cli.main(args)`` with stdout and stderr captured and ``env`` set for the call only; the result
    looks like :func:`subprocess.run`'s (argparse's usage errors give their exit status too)."""
    from analysis.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = {key: os.environ.get(key) for key in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse: usage errors and --help
                code = exit.code if isinstance(exit.code, int) else 2
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(["python", "-m", "analysis", *args], code, out.getvalue(), err.getvalue())


def run_subprocess(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m analysis ARGS`` in a new interpreter, from the project root, with ``env`` added."""
    full = {**os.environ, **(env or {})}
    full["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full, timeout=300)
