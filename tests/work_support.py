"""Counting work instead of timing it: growth tests compare how many lines of Python run, which is steady."""

from __future__ import annotations

import sys


def lines_run(function, *args) -> int:
    """How many lines of Python run while ``function(*args)`` runs (a count of work, steady unlike time)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return count
