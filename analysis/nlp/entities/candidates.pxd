# Declarations for the compiled build only (scripts/build_native.py; see analysis/native.py): Cython reads this
# file beside candidates.py. A token and a span are C structs of Python objects, so code that knows a variable
# is one (``cython.locals``) reads their fields directly instead of through the attribute lookup.
import cython

cdef class _Tok:
    cdef public object text, start, end, key, shape, possessive, initial, joined, dotted

cdef class _Span:
    cdef public object par, text, toks, start, end, surface, keys, form, partials, person_shaped
    cdef public object initial, headline, title_before, nickname, defined, group, key, affiliation
