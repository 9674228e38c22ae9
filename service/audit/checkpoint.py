"""The checkpoint that lets `--resume` continue an interrupted audit and write identical bytes.

Beside ``OUT`` the run keeps ``OUT.econcheck-checkpoint``, a small JSON file replaced atomically
after each checkpointed batch: how many input records are done, the byte offset of the partial
output after them and the SHA-256 of those bytes, the verdict counts so far, and a fingerprint of
the input and every option that changes the output. Resuming re-reads and skips the done records
(cheap next to checking them), truncates the partial output to the offset and goes on.

A checkpoint is refused, with the reason, when its fingerprint differs, when its fields do not
hold together (counts that do not add up to the rows, a negative offset) or when the partial
output no longer has the bytes it describes (another program wrote to it, or a power cut lost
what the checkpoint had counted on): resuming then could only write a wrong file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.audit.errors import ResumeError
from service.audit.progress import OUTCOMES

DIGEST_LENGTH = 64  # a SHA-256 in hex

CHECKPOINT_SUFFIX = ".econcheck-checkpoint"


@dataclass(slots=True)
class Progress:
    rows: int = 0
    offset: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    digest: str = ""  # SHA-256 (hex) of the partial output's first `offset` bytes


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + CHECKPOINT_SUFFIX)


def input_identity(path: str) -> dict[str, object]:
    if path == "-":
        return {"path": "-"}  # stdin: checkpoints are kept, but cannot be resumed
    stat = os.stat(path)
    return {"path": str(Path(path).resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def save(path: Path, fingerprint: dict[str, object], done: Progress) -> None:
    body = {
        "fingerprint": fingerprint,
        "rows": done.rows,
        "offset": done.offset,
        "counts": done.counts,
        "digest": done.digest,
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(body, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def load(path: Path, fingerprint: dict[str, object], partial: Path) -> Progress | None:
    """The progress to resume from, None when there is no checkpoint, or a `ResumeError`."""
    if not path.exists():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        done = _progress(body)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResumeError(
            f"the checkpoint {path} cannot be read ({exc}); run without --resume to start again"
        ) from exc
    if body.get("fingerprint") != json.loads(json.dumps(fingerprint, sort_keys=True)):
        raise ResumeError(
            f"the checkpoint {path} is for another input or other options; run without "
            "--resume to start again"
        )
    if not partial.exists() or partial.stat().st_size < done.offset:
        raise ResumeError(
            f"the partial output {partial} is missing or shorter than its checkpoint; run "
            "without --resume to start again"
        )
    return done


def _progress(body: Any) -> Progress:
    """The checkpoint's progress, or a `ValueError` saying which field does not hold."""
    if not isinstance(body, dict):
        raise ValueError("not a JSON object")
    missing = [key for key in ("rows", "offset", "counts", "digest") if key not in body]
    if missing:
        raise ValueError(f"no {missing[0]!r} field")
    rows, offset, counts, digest = body["rows"], body["offset"], body["counts"], body["digest"]
    if not _whole(rows) or not _whole(offset):
        raise ValueError("rows and offset must be whole numbers, not negative")
    if not isinstance(counts, dict) or not all(
        name in OUTCOMES and _whole(count) for name, count in counts.items()
    ):
        raise ValueError("counts must give a whole number for each outcome")
    if sum(counts.values()) != rows:
        raise ValueError(f"its counts add up to {sum(counts.values())} rows, not {rows}")
    if not isinstance(digest, str) or len(digest) != DIGEST_LENGTH:
        raise ValueError("no digest of the partial output")
    return Progress(rows, offset, dict(counts), digest)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)
