"""The lexer's shortcuts read what the regexes they stand in for would read.

For speed the scanner finds figures with a loop over the characters, reads most suffixes from
a table of first words (`SuffixHeads`), and most currency markers and the month of a date
from the word before the figure; a regex states each of them more plainly. These
tests hold the shortcuts to those regexes on generated text full of the hard cases: gaps,
capitals, digits and non-ASCII letters glued to words, and forms that share a first word.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.errors import LexiconError
from service.engine.numbers import Lexicon
from service.engine.numbers.amounts import Affixes, _take_currency
from service.engine.numbers.chars import last_token
from service.engine.numbers.core import VULGAR
from service.engine.numbers.dates import _month_start
from service.engine.numbers.lexer import _WORD_LEADS, _next_start
from service.engine.numbers.lexicon import _alternation
from service.engine.numbers.site import Site
from service.lexicon_loader import default_lexicon
from service.rulebook import read_toml

LEXICON = default_lexicon()
SUFFIX_FORMS = sorted({*LEXICON.words, *LEXICON.exact, "Billion", "PER  CENT", "pct points"})
# characters that end or continue a word in surprising ways: digits, hyphens, Unicode letters
# that case folding matches to ASCII ones (Kelvin sign, long s, dotless i), a curly quote
ODD = [" ", "  ", "   ", "-", ".", ",", "5", "s", "é", "\u212a", "ſ", "ı", "İ", "“", "\n", ")"]
WORDS = ["from", "to", "in", "per", "a", "pc", "%", "mn", "bn", "m", "M"]


def _pieces(forms: list[str]) -> st.SearchStrategy[str]:
    cased = st.sampled_from(forms).flatmap(
        lambda f: st.sampled_from([f, f.upper(), f.capitalize(), f[: len(f) // 2]])
    )
    return st.lists(st.one_of(cased, st.sampled_from(ODD + WORDS)), max_size=5).map("".join)


def _read(match: object) -> object:
    if match is None:
        return None
    return (match.affix, match.form, match.gap, match.letter, match.end)  # type: ignore[attr-defined]


@settings(max_examples=3000, deadline=None)
@given(_pieces(SUFFIX_FORMS))
def test_suffix_heads_read_what_the_suffix_regex_reads(text: str) -> None:
    """At every position, `match_suffix` gives exactly what the suffix regex alone gives."""
    for pos in range(len(text) + 1):
        assert _read(LEXICON.match_suffix(text, pos)) == _read(
            LEXICON._match_suffix_re(text, pos)
        ), (text, pos)


def _reference_start(norm: str, pos: int) -> tuple[int, bool]:
    """The next figure start as one regex finds it: a digit or vulgar fraction, or a number
    word after a lead character and before no letter or digit."""
    words = "|".join(sorted(LEXICON.number_words, key=len, reverse=True))
    leads = "".join(re.escape(c) for c in sorted(_WORD_LEADS))
    found = re.compile(rf"[0-9{''.join(VULGAR)}]|[{leads}](?P<w>{words})(?![A-Za-z0-9])").search(
        norm, pos
    )
    if found is None:
        return -1, False
    return (found.start("w"), True) if found["w"] else (found.start(), False)


NUMBER_WORDS = sorted(LEXICON.number_words)


@settings(max_examples=2000, deadline=None)
@given(_pieces([*NUMBER_WORDS, "¼", "2", "Seventeen", "twentyfive", "one2"]))
def test_scanner_finds_the_starts_the_reference_regex_finds(text: str) -> None:
    """From every position, the scanner stops where the reference regex first matches."""
    for pos in range(len(text) + 1):
        assert _next_start(text, pos, LEXICON) == _reference_start(text, pos), (text, pos)


PREFIX_FORMS = sorted({*LEXICON.prefixes, "US", "U.S.", "BUS", "Rs", "(", "“"})


@settings(max_examples=2000, deadline=None)
@given(_pieces(PREFIX_FORMS), st.integers(0, 12))
def test_currency_marker_is_the_one_the_prefix_regex_finds(text: str, back: int) -> None:
    """Before a figure, the marker read from the word before is the one the prefix regex finds
    searching the 8 characters before (leftmost, so "US $" rather than "$")."""
    text += "5"
    pos = len(text) - 1
    floor = max(0, pos - back)
    token = last_token(text, pos, floor)
    found = Affixes(pos, pos + 1)
    read = (
        (found.start, found.currency)
        if _take_currency(text, found, floor, LEXICON, token)
        else None
    )
    marker = LEXICON.prefix_re.search(text, max(floor, pos - 8), pos)
    wanted = (marker.start(), LEXICON.prefixes[marker["p"]]) if marker else None
    marks, words = LEXICON.prefix_marks, LEXICON.prefix_words
    if not token or not (token[-1] in marks or token.lstrip("([\"'“‘") in words):
        wanted = None  # the word before rules a marker out before any search
    assert read == wanted, (text, floor)


MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<month>{_alternation(LEXICON.months)})\.?[ ]{{1,2}}\Z")


@settings(max_examples=2000, deadline=None)
@given(
    _pieces(["x", "Oct", "("]),
    st.sampled_from(sorted(LEXICON.months)),
    st.sampled_from(["", ".", ".."]),
    st.sampled_from(["", " ", "  ", "   "]),
    st.integers(0, 14),
)
def test_month_before_a_day_is_where_the_month_regex_finds_it(
    before: str, month: str, dots: str, spaces: str, back: int
) -> None:
    """Where the word before a figure is a month name, the date starts where a search for the
    month, a dot and one or two spaces before the figure finds it."""
    text = f"{before}{month}{dots}{spaces}12"
    pos = len(text) - 2
    site = Site(text, text, pos, max(0, pos - back))
    if not site.token or not LEXICON.is_month(site.token):
        return
    found = MONTH_BEFORE.search(text, max(site.floor, pos - 16), pos)
    assert _month_start(site) == (found.start() if found else -1), (text, site.floor)


@pytest.mark.parametrize(
    ("table", "form", "message"),
    [
        ("unit", " tonnes", "must start with a letter or a symbol"),
        ("unit", "-tonnes", "must start with a letter or a symbol"),
        ("unit", "mil\u212a", "folds to an ASCII letter"),
    ],
)
def test_a_suffix_form_the_heads_could_misread_is_refused(
    table: str, form: str, message: str
) -> None:
    """A form that would make the first-word table disagree with the regex is refused at load."""
    data = read_toml("lexicon.toml")
    data[table] = [*data[table], {"code": "x", "words": [form]}]
    with pytest.raises(LexiconError, match=message):
        Lexicon.from_toml(data)


def test_a_number_word_the_scanner_cannot_see_is_refused() -> None:
    """Number words are runs of ASCII letters: the scanner reads no other kind."""
    data = read_toml("lexicon.toml")
    data["spelled"] = {**data["spelled"], "cardinals": {**data["spelled"]["cardinals"], "a-b": 3}}
    with pytest.raises(LexiconError, match="ASCII letters only"):
        Lexicon.from_toml(data)
