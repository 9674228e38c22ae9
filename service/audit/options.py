"""What an audit run is asked to do, as one frozen value shared by the CLI, the API and the workers.

Only what changes the *output bytes* lives here (it is also what a checkpoint fingerprints); how the
run is executed (jobs, engine, progress) is passed separately.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from service.audit.errors import ColumnError, OptionError
from service.engine.structured import ROLES

ADDED_COLUMNS = ("verdict", "claims", "findings", "error")
DEFAULT_MAX_FIELD = 1024 * 1024  # characters; a longer field makes its row an error row
DIRECTION_COLUMN = "direction"
KIND_COLUMN = "kind"  # keeps only the findings of rules of this kind, as `POST /v1/claims` does
EXTRA_COLUMNS = (DIRECTION_COLUMN, KIND_COLUMN)
UNUSABLE_DELIMITERS = frozenset('"\r\n')


@dataclass(frozen=True, slots=True)
class AuditOptions:
    text_column: str = "text"
    # role → input column; empty means free text, unless the header has role columns and no text
    columns: tuple[tuple[str, str], ...] = field(default=())
    encoding: str = "utf-8-sig"
    delimiter: str | None = None  # None: sniffed from the first lines
    sanitize_input: bool = False
    strict_zeros: bool = False
    max_field: int = DEFAULT_MAX_FIELD

    def __post_init__(self) -> None:
        """Refuses values no run could use, for the CLI and the API alike."""
        if self.delimiter is not None and (
            len(self.delimiter) != 1 or self.delimiter in UNUSABLE_DELIMITERS
        ):
            raise OptionError(
                "delimiter",
                f"the delimiter must be one character other than a quote or a line break, "
                f"not {self.delimiter!r}",
            )
        if self.max_field < 1:
            raise OptionError(
                "max_field", f"the field-size limit must be at least 1, not {self.max_field}"
            )

    def fingerprint(self) -> dict[str, object]:
        return asdict(self)


def parse_columns(spec: str) -> tuple[tuple[str, str], ...]:
    """Reads ``old=prev_value,new=value`` into ((role, column), …) in the order given.

    >>> parse_columns("old=prev,new=value")
    (('old', 'prev'), ('new', 'value'))
    >>> parse_columns("percent")
    (('percent', 'percent'),)
    """
    pairs: list[tuple[str, str]] = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        role, _, column = item.partition("=")
        role, column = role.strip(), (column.strip() or role.strip())
        if role not in ROLES and role not in EXTRA_COLUMNS:
            raise ColumnError(
                role,
                f"unknown role {role!r} in --columns; expected one of "
                f"{', '.join((*ROLES, *EXTRA_COLUMNS))}",
            )
        if any(role == given for given, _ in pairs):
            raise ColumnError(role, f"the role {role!r} is given twice in --columns")
        pairs.append((role, column))
    if not pairs:
        raise ColumnError("", "--columns names no column")
    return tuple(pairs)
