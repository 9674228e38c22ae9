"""The doctests in the audit modules are part of their spec, and the public surface is explicit."""

from __future__ import annotations

import doctest

import pytest

import service.audit
from service.audit import options, sink, source


@pytest.mark.parametrize("module", [options, sink, source], ids=lambda m: m.__name__)
def test_doctests_pass(module: object) -> None:
    failures, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert tried > 0 and failures == 0


def test_exported_members_exist() -> None:
    assert all(hasattr(service.audit, name) for name in service.audit.__all__)


def test_columns_mapping_rejects_unknown_roles() -> None:
    with pytest.raises(service.audit.ColumnError, match="unknown role 'prev'"):
        service.audit.parse_columns("prev=prev_value")
