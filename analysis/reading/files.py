"""Reading an article file named by a path (the command line), safely: what it is and how big, before reading.

Only regular files are read: a FIFO would wait forever, a device (``/dev/zero``) never ends, and a symbolic
link to a file its owner could not read (a root-only file, say) would hand someone else's file to the library.
The size is checked from the file's metadata before a byte is read, and reading stops one byte past the limit
whatever the metadata said (files in ``/proc`` report a size of 0).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from analysis.errors import FileTooLargeError, InputError
from analysis.reading.document import size_text

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_path(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, or an InputError naming it and saying what is wrong.

    ``max_bytes`` defaults to :func:`analysis.reading.readers.max_upload_bytes`. Raises ``InputError`` for a
    missing path, a folder, anything that is not a regular file (FIFO, device, socket), a symbolic link to a
    file that the link's owner may not read, or an unreadable file; ``FileTooLargeError`` over the limit.
    """
    from analysis.reading.readers import MAX_UPLOAD_ENV, max_upload_bytes

    name = str(path)
    file = Path(path)
    try:
        info = file.stat()  # follows symbolic links: the kind and size of what would be read
    except FileNotFoundError:
        raise InputError(name, "no such file; check the path.") from None
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror}); check its permissions.") from err
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a folder, not a file; name the article files inside it.")
    link = file.is_symlink()
    via = f"a symbolic link to {os.path.realpath(file)}, " if link else ""
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise InputError(name, f"is {via}{kind}, not a regular file; save the article as a file and name that.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, f"is {via}not a regular file; save the article as a file and name that.")
    if link and not _link_owner_may_read(file, info):
        raise InputError(
            name, f"is {via}a file that only its owner may read; copy the article to a file of your own and name that."
        )
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    too_large = FileTooLargeError(
        name, f"is over the {size_text(limit)} limit; upload a smaller file (or raise the limit with {MAX_UPLOAD_ENV})."
    )
    if info.st_size > limit:
        raise FileTooLargeError(
            name, f"is {size_text(info.st_size)}, over the {size_text(limit)} limit; upload a smaller file "
            f"(or raise the limit with {MAX_UPLOAD_ENV}).",
        )
    try:
        with open(file, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror}); check its permissions.") from err
    if len(data) > limit:
        raise too_large
    return data


def _link_owner_may_read(link: Path, target: os.stat_result) -> bool:
    """Whether the owner of symbolic link ``link`` could read ``target`` by its permission bits."""
    owner = link.lstat().st_uid
    if target.st_uid == owner:
        return bool(target.st_mode & stat.S_IRUSR)
    return bool(target.st_mode & stat.S_IROTH) or (
        bool(target.st_mode & stat.S_IRGRP) and target.st_gid in _groups_of(owner)
    )


def _groups_of(uid: int) -> set[int]:
    try:
        import grp
        import pwd

        user = pwd.getpwuid(uid)
    except (ImportError, KeyError):
        return set()
    return {user.pw_gid} | {g.gr_gid for g in grp.getgrall() if user.pw_name in g.gr_mem}


__all__ = ["read_path"]
