"""Shortcuts of the candidate finders (a hand-written tokeniser, substring tests before regex
searches, regexes tried only where they can match) against the regexes they stand for."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine import periods, sentences, sums
from service.engine.cues import ASCII_LOOKALIKES, may_contain, words
from service.engine.wording import direction_word, multiple_in
from service.loader import default_engine

# The definition `words` implements (its docstring says why it does not call it).
WORD = re.compile(r"[a-z]+(?:\.(?=\s|$))?|[;,]")

# Characters the tokeniser treats differently, and some whose lower case is not one character
# or is an ASCII letter ("İ" lowers to "i" and a combining dot, the Kelvin sign to "k").
_TRICKY = "aZz.;,: \t\n\x0b\x1c\xa0\u2028$%()5-'İıſKΣé"


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=40))
def test_words_are_the_regex_matches(text):
    assert words(text) == WORD.findall(text.lower())


def test_words_of_a_window():
    assert words("Exports rose vs. the U.S. total; down,up.") == [
        "exports", "rose", "vs.", "the", "u", "s.", "total", ";", "down", ",", "up."
    ]  # fmt: skip


def test_the_ascii_lookalikes_are_all_there_are():
    letter = re.compile("[a-z]", re.IGNORECASE)
    others = "".join(chr(code) for code in range(128, sys.maxunicode + 1))
    assert sorted(letter.findall(others)) == sorted(ASCII_LOOKALIKES)


_SUM_PATTERNS = (sums._SPLIT, sums._INCLUDING, sums._TOTALLING, sums._OUT_OF)


_SUM_WORDS = sums._SPLIT_WORDS + sums._INCLUDING_WORDS + sums._TOTALLING_WORDS + sums._OUT_OF_WORDS


def test_every_sum_word_has_a_key():
    assert all(any(key in word for key in sums._SUM_KEYS) for word in _SUM_WORDS)
    assert "out of" in sums._OUT_OF.pattern


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(_SUM_WORDS)
        | st.text(alphabet=st.sampled_from("OUTincludTOTAL ofwhich İıſK5$,"), max_size=6),
        max_size=6,
    ).map("".join),
    st.data(),
)
def test_a_sentence_without_a_sum_word_has_no_window_with_one(sentence, data):
    start = data.draw(st.integers(0, len(sentence)))
    window = sentence[start : data.draw(st.integers(start, len(sentence)))]
    if any(pattern.search(window) for pattern in _SUM_PATTERNS):
        assert may_contain(sentence, sums._SUM_KEYS)


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from('aA. !?\n\t\xa0"”’)“‘(•5,'), max_size=40))
def test_sentence_boundaries_are_the_regex_matches(text):
    expected = [m.span() for m in sentences._BOUNDARY.finditer(text)]
    assert [m.span() for m in sentences._boundaries(text)] == expected


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(("Jan", "march", "SEP", "-", " to ", "through", "ſep", "İ", "é", " ", "x")),
        max_size=10,
    ).map("".join)
)
def test_month_spans_are_the_regex_matches(text):
    expected = [m.span() for m in periods._SPAN.finditer(text)]
    assert [m.span() for m in periods._month_spans(text)] == expected


def _direction_word_by_regex(window, cues):
    """`direction_word` as it was written with a regex, as (text, start, end)."""
    for match in reversed(list(re.finditer(r"[A-Za-z]+", window))):
        word = match.group(0).lower()
        if cues.direction_of(word) is not None:
            return match.group(0), match.start(), match.end()
        if word not in cues.filler and word not in ("to", "at", "from"):
            return None
    return None


_WINDOW_WORDS = ("rose", "Fell", "to", "the", "from", "at", "sales", "UP", "roseé", "5", "İ")


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(_WINDOW_WORDS) | st.text(alphabet=" ,.$-é", max_size=2), max_size=8
    ).map("".join)
)
def test_direction_word_reads_the_words_the_regex_did(window):
    cues = default_engine().cues
    found = direction_word(window, 7, cues)
    expected = _direction_word_by_regex(window, cues)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, found.start - 7, found.end - 7) == expected


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(("doubled", "Two-Fold", "nearly ", "HALVED", "tripled", "ı", "x", " ")),
        max_size=6,
    ).map("".join)
)
def test_a_window_without_a_multiple_word_has_no_multiple(window):
    cues = default_engine().cues
    if cues.multiple_pattern.search(window):
        assert may_contain(window, cues.multiple_words)


_MULTIPLE_PIECES = [
    "doubled", "Doubled", "DOUBLED", "redoubled", "two-fold", "halved", "more than", "almost",
    "nearly", "over", "at least", " ", "  ", "\t", "\n", "x", "5", ",", "İ", "ſ", "K",
]  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_MULTIPLE_PIECES), max_size=8).map("".join))
def test_multiple_search_from_its_earliest_start_finds_the_full_search_match(window):
    cues = default_engine().cues
    found = multiple_in(window, 0, cues)
    match = cues.multiple_pattern.search(window)
    span = (found.start, found.end) if found else None
    assert span == (match.span() if match else None)
