"""Shortcuts of cue finding (a hand-written tokeniser, substring tests before regex searches)
against the regexes they stand for."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine import sums
from service.engine.cues import words

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
    assert sorted(letter.findall(others)) == sorted(sums._ASCII_LOOKALIKES)


_SUM_PATTERNS = (sums._SPLIT, sums._INCLUDING, sums._TOTALLING, sums._OUT_OF)


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(sums._SUM_WORDS)
        | st.text(alphabet=st.sampled_from("OUTincludTOTAL ofwhich İıſK5$,"), max_size=6),
        max_size=6,
    ).map("".join),
    st.data(),
)
def test_a_sentence_without_a_sum_word_has_no_window_with_one(sentence, data):
    start = data.draw(st.integers(0, len(sentence)))
    window = sentence[start : data.draw(st.integers(start, len(sentence)))]
    if any(pattern.search(window) for pattern in _SUM_PATTERNS):
        assert sums._may_say(sentence, sums._SUM_WORDS)
