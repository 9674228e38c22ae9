"""The checkpoint that lets `--resume` continue an interrupted audit and write identical bytes.

Beside ``OUT`` the run keeps ``OUT.econcheck-checkpoint``, a small JSON file replaced atomically
after each checkpointed batch: how many input records are done, the byte offset of the partial
output after them, the verdict counts so far, and a fingerprint of the input and every option that
changes the output. Resuming re-reads and skips the done records (cheap next to checking them),
truncates the partial output to the offset and goes on; a fingerprint that differs is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from service.audit.errors import ResumeError

CHECKPOINT_SUFFIX = ".econcheck-checkpoint"


@dataclass(slots=True)
class Progress:
    rows: int = 0
    offset: int = 0
    counts: dict[str, int] = field(default_factory=dict)


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
        done = Progress(int(body["rows"]), int(body["offset"]), dict(body["counts"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResumeError(f"the checkpoint {path} cannot be read ({exc}); delete it") from exc
    if body.get("fingerprint") != json.loads(json.dumps(fingerprint, sort_keys=True)):
        raise ResumeError(
            f"the checkpoint {path} is for another input or other options; delete it or run "
            "without --resume"
        )
    if not partial.exists() or partial.stat().st_size < done.offset:
        raise ResumeError(f"the partial output {partial} is missing or shorter than its checkpoint")
    return done


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)
