"""Reading: file bytes -> text + metadata -> :class:`analysis.models.Article`.

``readers`` turns each file format into text and metadata, ``text`` normalises it, splits it into paragraphs
and types each one (title, byline, heading, body, boilerplate), ``language`` says which language it is in.
"""
