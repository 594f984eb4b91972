# Declarations for the compiled build only (see candidates.pxd): functions here that declare a variable a token or
# a span (``@cython.locals`` in grouping.py) read its fields directly.
from analysis.nlp.entities.candidates cimport _Span, _Tok
