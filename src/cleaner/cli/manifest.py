"""The run manifest (``OUT/manifest.jsonl``): one line per finished document.

Each line says which input (and record) it was, where its output went, the input's size
and SHA-256, the status, and the reason for a failure. A line is appended, in one system
call, as each document finishes (after its output is complete), so after a crash or
``kill -9`` it lists exactly the documents whose outputs are complete; ``--resume`` skips
them. A line cut short (by a power cut, say) is dropped when the manifest is next opened.

>>> e = Entry("a.html", None, "a.html.json", 12, "ab", "ok", None)
>>> Entry.from_json(e.to_json()) == e
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator
from typing import Any

__all__ = [
    "MANIFEST_NAME",
    "Done",
    "Entry",
    "Key",
    "LineFile",
    "ManifestWriter",
    "key_print",
    "load",
    "read_records",
    "repair_tail",
]

#: The manifest's file name inside the output folder.
MANIFEST_NAME = "manifest.jsonl"
#: Permissions of new files before the umask (as ``open()`` creates them).
FILE_MODE = 0o666
#: Size of the fingerprint kept per finished input when resuming.
KEY_DIGEST_BYTES = 8
#: Bytes read at a time when looking for the last complete line of a file.
TAIL_CHUNK_BYTES = 65536

Key = tuple[str, str | None]


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One finished document."""

    input: str
    record: str | None
    output: str | None
    size: int | None
    sha256: str | None
    status: str
    reason: str | None

    @property
    def key(self) -> Key:
        return (self.input, self.record)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str | bytes) -> Entry:
        return cls.from_obj(json.loads(line))

    @classmethod
    def from_obj(cls, obj: dict[str, Any]) -> Entry:
        """An entry from a decoded manifest line (or an output record)."""
        size = obj.get("size")
        return cls(
            input=str(obj["input"]),
            record=_text(obj.get("record")),
            output=_text(obj.get("output")),
            size=size if isinstance(size, int) else None,
            sha256=_text(obj.get("sha256")),
            status=str(obj.get("status")),
            reason=_text(obj.get("reason")),
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def repair_tail(path: str) -> None:
    """Cut a file after its last newline (drop a line a kill left unfinished)."""
    try:
        with open(path, "rb+") as stream:
            end = stream.seek(0, os.SEEK_END)
            pos = end
            while pos > 0:
                start = max(0, pos - TAIL_CHUNK_BYTES)
                stream.seek(start)
                chunk = stream.read(pos - start)
                newline = chunk.rfind(b"\n")
                if newline >= 0:
                    cut = start + newline + 1
                    break
                pos = start
            else:
                cut = 0
            if cut != end:
                stream.truncate(cut)
    except FileNotFoundError:
        pass


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file, skipping lines that do not parse."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, generator-safe
    except FileNotFoundError:
        return
    with stream:
        for line in stream:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get("input"), str):
                yield obj


def key_print(key: Key) -> int:
    """A 64-bit fingerprint of an input key (what a resumed run keeps per finished input).

    >>> key_print(("a.html", None)) == key_print(("a.html", None)) != key_print(("a.html", ""))
    True
    """
    text = key[0] + ("\0" + key[1] if key[1] is not None else "")
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=KEY_DIGEST_BYTES)
    return int.from_bytes(digest.digest(), "big")


#: What a resumed run remembers of one finished input: (size as found, whether it failed).
Done = tuple[int | None, bool]


def load(path: str) -> dict[int, Done]:
    """The finished inputs of a manifest, by :func:`key_print` (the last line wins).

    Only a fingerprint, the size and the outcome are kept: a few dozen bytes per input.
    """
    done: dict[int, Done] = {}
    for obj in read_records(path):
        entry = Entry.from_obj(obj)
        done[key_print(entry.key)] = (entry.size, entry.status == "error")
    return done


class LineFile:
    """A JSONL file written one whole line per ``write`` system call, so that a process
    killed at any moment leaves only complete lines (a buffered file could flush half a
    line). ``fresh`` truncates; otherwise a line cut short earlier is dropped first."""

    def __init__(self, path: str, *, fresh: bool) -> None:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        if not fresh:
            repair_tail(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if fresh else 0)
        self._fd = os.open(path, flags, FILE_MODE)

    def write(self, line: str) -> None:
        """Append ``line`` (which ends in a newline)."""
        data = memoryview(line.encode("utf-8", "surrogatepass"))
        while data:
            data = data[os.write(self._fd, data):]

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> LineFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ManifestWriter(LineFile):
    """Appends entries to a manifest, one complete line each."""

    def add(self, entry: Entry) -> None:
        self.write(entry.to_json() + "\n")

    def __enter__(self) -> ManifestWriter:
        return self
