# Declarations for the compiled build only (see candidates.pxd): functions here that declare a variable a token or
# a span (``@cython.locals`` in grouping.py) read its fields directly, and the methods of the lookup and the
# groups read their own fields directly (every field a Python object, as in the source).
from analysis.nlp.entities.candidates cimport _Span, _Tok

cdef class _Tally:
    cdef public object counted, counts, order, best

cdef class _Lookup:
    cdef public object groups, exact, partial, surnames, longest, _counts, stops

cdef class _Groups:
    cdef public object inflected, parent, spans, nicknames
