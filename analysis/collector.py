"""Pausing Python's cycle collector while one pass builds many small objects.

An analysis makes a few objects per word (tokens, spans, rows) and keeps most of them until it ends. Each time
allocations outnumber frees by 700, CPython's cycle collector runs, and every so often it walks every object
alive: on a long article that is the article's own objects again and again, a cost that grows faster than the
article (a quarter of the entity pass's time at a million words, issue 11). Nothing in a pass needs a cycle
collected before it ends, so the collector waits until then; the objects of a finished pass are freed by
reference counting as before, and a cycle it leaves is collected at the next run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector off, then put it back as it was (a nested pause, or a caller
    that had switched it off, leaves it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
