"""Fixtures shared by the whole suite: the seed article, read once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis import native

# In process, the suite runs the analysis from its Python source: the growth tests count the Python lines run.
# Subprocesses (the CLI, the dashboard, Dask workers) take the compiled modules when built; test_native.py
# checks that they give the same analyses.
native.prefer_source()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # tests/ is not a package: its support modules by name
SEED_PATH = next((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text):
    from analysis.reading.text import parse_article

    return parse_article(seed_text, filename=SEED_PATH.name)


@pytest.fixture(scope="session")
def seed_analysis(seed_article):
    from analysis.pipeline import analyze

    return analyze(seed_article)


def _docx_of(title: str, paragraphs: list[str]) -> bytes:
    """A Word document with ``title`` as its first heading, then one paragraph per string."""
    import io

    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def docx_of():
    """Makes .docx bytes to upload: ``docx_of(title, paragraphs)``."""
    return _docx_of
