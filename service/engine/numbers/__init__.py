"""Reads every figure in a text as an exact `Quantity` (DOMAIN.md §B.1, §C).

    >>> from service.engine.numbers import Lexicon, read_quantities
    >>> from service.rulebook import read_toml
    >>> lexicon = Lexicon.from_toml(read_toml("lexicon.toml"))
    >>> for q in read_quantities("up 19.78pc to $2.61 billion", lexicon):
    ...     print(q.text, q.kind.value, q.value, q.step, q.currency)
    19.78pc percent 19.78 0.01 None
    $2.61 billion currency 2.61E+9 1E+7 USD

The package is pure: the vocabulary arrives as parsed TOML data (see `service.lexicon_loader`
for the cached default). Modules, in scanning order: `normalise` (digit scripts, minus signs,
spaces), `lexicon` (the compiled vocabulary), `chars` (character tests by code point, for the
compiled scan), `site` (what can stand at a candidate figure), `dates` (dates, fiscal years,
codes), `grouping` and `core` (the digits), `spelled` (number words), `amounts` (affixes and
kinds), `ranges` (shared suffixes), `split` (figures cut by a stray space) and `lexer` (the scan
loop).
"""

from service.engine.errors import LexiconError
from service.engine.numbers.lexer import read_quantities
from service.engine.numbers.lexicon import Lexicon

__all__ = ["Lexicon", "LexiconError", "read_quantities"]
