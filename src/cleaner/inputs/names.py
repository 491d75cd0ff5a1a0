"""Output names: stable, collision-free, and unable to leave the output folder.

An input's output name is a relative POSIX path built only from safe components: no
``..``, no absolute paths, no control characters, no component longer than a file system
allows. :class:`NameBook` hands out each name once (case-insensitively, for macOS and
Windows file systems), adding ``~2``, ``~3``... to later inputs that would collide.

>>> safe_component("..")
'_'
>>> safe_component("..hidden")
'_hidden'
>>> safe_name("/abs/./dir/../x.html")
'abs/dir/_/x.html'
>>> record_component("<urn:uuid:0a1b-2c>")
'urn-uuid-0a1b-2c'
>>> book = NameBook()
>>> [book.claim("a/X.html"), book.claim("a/x.html"), book.claim("a/x.html")]
['a/X.html', 'a/x~2.html', 'a/x~3.html']
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

__all__ = ["MAX_COMPONENT_BYTES", "NameBook", "record_component", "safe_component", "safe_name"]

#: Longest file-name component (in UTF-8 bytes) kept as it is; most file systems allow 255
#: and the output adds a suffix (``.json``, ``~2``), so longer names are cut and hashed.
MAX_COMPONENT_BYTES = 200
#: Size of the fingerprint :class:`NameBook` keeps per name handed out.
NAME_DIGEST_BYTES = 8
#: Characters of the hash appended to a name that had to be cut.
NAME_HASH_CHARS = 12

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")
_RECORD_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_component(part: str) -> str:
    """One path component made safe: no separators, control characters, ``.`` or ``..``."""
    part = _UNSAFE.sub("_", part)
    if part in ("", ".", ".."):
        return "_"
    if part.startswith(".."):
        part = "_" + part.lstrip(".")
    encoded = part.encode("utf-8")
    if len(encoded) > MAX_COMPONENT_BYTES:
        digest = hashlib.sha1(encoded).hexdigest()[:NAME_HASH_CHARS]
        head = encoded[: MAX_COMPONENT_BYTES - NAME_HASH_CHARS - 1].decode("utf-8", "ignore")
        part = f"{head}~{digest}"
    return part


def safe_name(path: str) -> str:
    """A relative POSIX path made of safe components (``.`` parts and empty parts dropped)."""
    parts = [p for p in re.split(r"[/\\]+", path) if p not in ("", ".")]
    return "/".join(safe_component(p) for p in parts) or "_"


def record_component(record_id: str) -> str:
    """A file name for a container record (``<urn:uuid:...>`` -> ``urn-uuid-...``)."""
    return safe_component(_RECORD_UNSAFE.sub("-", record_id).strip("-") or "record")


def _fingerprint(name: str) -> int:
    digest = hashlib.blake2b(name.casefold().encode("utf-8"), digest_size=NAME_DIGEST_BYTES)
    return int.from_bytes(digest.digest(), "big")


class NameBook:
    """Hands out output names, each once; the caller owns it (one per run).

    It keeps a 64-bit fingerprint per name, not the name (a run over 100,000 files holds a
    few megabytes, not tens); two different names sharing one is a 1-in-10^9 event at that
    scale, and would only add a ``~2`` to one of them.
    """

    def __init__(self) -> None:
        self._taken: set[int] = set()

    def claim(self, name: str) -> str:
        """Return ``name``, or ``name`` with ``~N`` before its suffix when already taken."""
        candidate, n = name, 1
        path = PurePosixPath(name)
        while _fingerprint(candidate) in self._taken:
            n += 1
            stem, dot, rest = path.name.partition(".")
            candidate = str(path.with_name(f"{stem}~{n}{dot}{rest}"))
        self._taken.add(_fingerprint(candidate))
        return candidate
