"""The analyses of one article: ``terms`` (tokens, frequencies, keyness), ``sentiment`` (per paragraph, with the
exact library scorers in ``scorers``) and ``entities`` (people, organisations, places and their aliases)."""
