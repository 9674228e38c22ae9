"""The default number lexicon, read once from `rules/lexicon.toml`.

The engine is pure and takes a `Lexicon` as an argument; this module is the one place that
does the I/O to build the default one, cached for the life of the process.
"""

from __future__ import annotations

from functools import cache

from service.engine.numbers import Lexicon
from service.rulebook import read_toml


@cache
def default_lexicon() -> Lexicon:
    """The lexicon built from the packaged `lexicon.toml` (read and compiled once)."""
    return Lexicon.from_toml(read_toml("lexicon.toml"))
