"""A setting with a value that is not a number shows its own message on the page, never a traceback."""

from __future__ import annotations

import pytest

from apptest_support import run_app


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(("variable", "value"), [("STORYSCOPE_MAX_UPLOAD_MB", "inf"), ("STORYSCOPE_MAX_UPLOAD_MB", "lots")])
def test_a_limit_that_is_no_number_is_named_on_the_library_page(library, monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    at = run_app("app_pages/library.py")  # fails on an exception
    assert any(f"{variable}='{value}' is not a" in e.value.replace("\\", "") for e in at.error)
