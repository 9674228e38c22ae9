"""Loads the engine's data (lexicon, cue words, rules) from `rules/` once per process."""

from __future__ import annotations

from functools import cache

from service import rulebook
from service.engine.cues import Cues
from service.engine.document import Engine
from service.engine.numbers import Lexicon
from service.engine.rules import RuleSet, ruleset_from_toml
from service.version import __version__


@cache
def default_engine() -> Engine:
    """The engine built from the bundled rule files (cached: they never change at run time)."""
    return Engine(
        lexicon=Lexicon.from_toml(rulebook.read_toml("lexicon.toml")),
        cues=Cues.from_toml(rulebook.read_toml("cues.toml")),
        rules=default_rules(),
    )


@cache
def default_rules() -> RuleSet:
    return ruleset_from_toml(rulebook.read_folder("checks"), version=__version__)
