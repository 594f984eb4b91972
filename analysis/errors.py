"""Every error Storyscope raises on purpose derives from :class:`StoryscopeError`.

Messages are written for the person using the tool: they name the file (when there is one),
say what is wrong and how to fix it. Third-party errors are re-raised as ours with ``from err``.
"""

from __future__ import annotations


class StoryscopeError(Exception):
    """Root of every error Storyscope raises on purpose."""


class InvalidOptionError(StoryscopeError, ValueError):
    """An option was given a value outside the allowed set."""

    def __init__(self, name: str, value: object, allowed: object) -> None:
        super().__init__(f"`{name}` value = {value!r} is invalid; value must be one of {allowed!r}.")


class InputError(StoryscopeError):
    """A file or text could not be turned into an article."""

    def __init__(self, filename: str | None, problem: str) -> None:
        self.filename = filename
        self.problem = problem
        where = f"{filename}: " if filename else ""
        super().__init__(f"{where}{problem}")


class EmptyInputError(InputError):
    """The file or text holds no readable words."""


class BinaryInputError(InputError):
    """The file holds binary data where text was expected."""


class UndecodableInputError(InputError):
    """The file's bytes could not be decoded as text in any common encoding."""


class UnsupportedFormatError(InputError):
    """The file's extension is not one Storyscope reads."""


class FileTooLargeError(InputError):
    """The file is larger than the configured upload limit."""


class ArticleTooLongError(InputError):
    """The article has more words than the configured limit for one article."""


class CorruptFileError(InputError):
    """A PDF or DOCX file is truncated, damaged or not what its extension says."""


class EncryptedFileError(InputError):
    """A PDF is encrypted and cannot be read without its password."""


class NoTextLayerError(InputError):
    """A PDF has no text layer (a scan): there is nothing to read."""


class NotFoundError(StoryscopeError, LookupError):
    """No article with that id or path exists."""


class SeedArticleError(StoryscopeError):
    """Seed articles are part of the library and cannot be deleted."""


class StoreError(StoryscopeError):
    """The article library could not be opened or written."""
