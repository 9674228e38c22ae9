"""econcheck as a linter for draft articles kept in a repository.

The engine checks plain text. Drafts are Markdown, plain text or HTML, live in folders with a
configuration file, carry suppression comments and are reviewed a diff at a time. This package is
the adapter between the two: it turns each file into a *checked text* of the same length (markup,
code, front matter and link targets blanked by spaces) so every engine offset is an offset in the
file as written, then keeps only the findings the configuration, the suppressions and `--diff` ask
for. The rendering of the results lives in `service.reports`.
"""

from __future__ import annotations

from service.lint.config import ConfigError, LintConfig, find_config
from service.lint.extract import checked_text, kind_for_path
from service.lint.runner import LintResult, lint_text

__all__ = [
    "ConfigError",
    "LintConfig",
    "LintResult",
    "checked_text",
    "find_config",
    "kind_for_path",
    "lint_text",
]
