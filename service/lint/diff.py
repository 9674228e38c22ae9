"""`--diff BASE`: the lines changed since a git revision, so a review sees only its own claims.

Reads `git diff -U0 BASE` (the working tree against BASE, staged or not): each hunk header
`@@ -a,b +c,d @@` adds lines c … c+d−1 of the new file. Files git does not track yet are new in
full. Paths come back absolute, to be compared with the checked files' resolved paths.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_FILE = re.compile(r"^\+\+\+ (?:b/)?(?P<path>.+?)\t?$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


class DiffError(ValueError):
    """git could not tell what changed (not a repository, unknown revision)."""


@dataclass(frozen=True, slots=True)
class ChangedLines:
    """Changed line numbers per absolute path; `None` means the whole file is new."""

    files: dict[Path, frozenset[int] | None]

    def lines_for(self, path: Path) -> frozenset[int] | None:
        """The changed lines of one file: empty when it did not change, None when all are new."""
        return self.files.get(path.resolve(), frozenset())


def changed_lines(base: str, cwd: Path | None = None) -> ChangedLines:
    folder = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    diff = _git(["diff", "--no-color", "--no-ext-diff", "-U0", base, "--"], top)
    files: dict[Path, frozenset[int] | None] = dict(parse_unified_diff(diff, top))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            files[(top / name).resolve()] = None
    return ChangedLines(files)


def parse_unified_diff(diff: str, top: Path) -> dict[Path, frozenset[int]]:
    """Added or changed line numbers per file, from `git diff -U0` output.

    >>> text = "+++ b/a.md\\n@@ -3,0 +4,2 @@\\n+x\\n+y\\n@@ -9 +11 @@\\n-z\\n+w\\n"
    >>> sorted(parse_unified_diff(text, Path("/r"))[Path("/r/a.md")])
    [4, 5, 11]
    """
    files: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            match = _FILE.match(line)
            name = match.group("path") if match else "/dev/null"
            current = (
                None if name == "/dev/null" else files.setdefault((top / name).resolve(), set())
            )
        elif line.startswith("@@") and current is not None:
            hunk = _HUNK.match(line)
            if hunk:
                start, count = int(hunk.group("start")), int(hunk.group("count") or 1)
                current.update(range(start, start + count))
    return {path: frozenset(lines) for path, lines in files.items()}


def _git(args: list[str], cwd: Path) -> str:
    command = ["git", "-c", "core.quotePath=false", *args]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        raise DiffError(f"git {args[0]}: {message}")
    return done.stdout
