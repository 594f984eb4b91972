"""The store: the SQLite library of articles (``library``) and the cache of their analyses (``codec``)."""
