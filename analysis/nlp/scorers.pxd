# Declarations for the compiled build only (scripts/build_native.py; see analysis/native.py). scorers.py declares
# the C types of the hot loops' variables itself (``@cython.locals`` on _scan, vader_compound_of_facts and
# _vader_of_facts: entries and facts as tuples, positions as C integers); this file, empty of declarations, marks
# the module as declared, so tests/test_native.py translates it with Cython (a typed variable read in a generator
# expression would make Cython refuse the module, and the build would fall back to plain Python).
