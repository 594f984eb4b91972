# Declarations for the compiled build only (see candidates.pxd): functions here that declare a variable a token or
# a span (``@cython.locals`` in extract.py) read its fields directly, and so do the extractor's methods with its
# own fields (every one a Python object, as in the source; a field it does not declare cannot be set).
from analysis.nlp.entities.candidates cimport _Span, _Tok

cdef class _Extractor:
    cdef public object all_spans, article, capitals, clutter_names, cues, elisions, english
    cdef public object institution_adjectives, links, lower_fields, lower_heads, lower_words, nouns_capitalised, paragraphs
    cdef public object particle_endings, repeated_starts, sentence_case, single_keys, stops, tables, texts
    cdef public object the_acronyms, title_given
