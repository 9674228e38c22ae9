"""The scanner: every figure in a text, in order, as `Quantity` values.

A pass over the characters finds where a figure may start (a digit, a vulgar fraction or a
number word); from there each reader makes short anchored matches forwards and in a small
window backwards, and the scan resumes after whatever was consumed, so the work is linear in
the length of the text. Non-amount readers (dates, fiscal years, codes) go first so that
"2025-26" is never a subtraction and "COVID-19" never a negative. The scanner never raises.
"""

from __future__ import annotations

from typing import Final

from service.engine.numbers import amounts, dates
from service.engine.numbers.chars import is_digit_at, last_token, letters_end
from service.engine.numbers.core import VULGAR, Core, read_digit_core, spelled_core
from service.engine.numbers.lexicon import Lexicon
from service.engine.numbers.normalise import is_mixed_script, normalise, script_note
from service.engine.numbers.ranges import link_ranges
from service.engine.numbers.site import Site
from service.engine.numbers.spelled import read_spelled
from service.engine.numbers.split import mark_split_figures
from service.engine.quantity import Kind, Quantity


def read_quantities(text: object, lexicon: Lexicon) -> list[Quantity]:
    """Every figure in `text`, in text order and non-overlapping; never raises on a str.

    Spans index the original text: `text[q.start:q.end] == q.text`.
    """
    if not isinstance(text, str) or not text:
        return []
    norm = normalise(text)
    found: list[Quantity] = []
    pos = floor = 0
    if _number_word_first(norm, lexicon):
        pos = _step(text, norm, 0, True, floor, lexicon, found)
        floor = pos
    while True:
        start, is_word = _next_start(norm, pos, lexicon)
        if start < 0:
            break
        pos = _step(text, norm, start, is_word, floor, lexicon, found)
        if found and found[-1].end > floor:
            floor = found[-1].end
    return mark_split_figures(norm, link_ranges(text, found))


def _next_start(norm: str, pos: int, lex: Lexicon) -> tuple[int, bool]:
    """Where the next figure may start from `pos` on, and whether it is a number word; -1 when
    none does.

    A figure starts at a digit or a vulgar fraction, or at a number word right after a space,
    a hyphen, a bracket or a quote ("(two", "twenty-five"). Compiled, this loop costs a few
    instructions a character, a fraction of a regex search that stops at every space.
    """
    i, end = pos, len(norm)
    word = -1  # where the letters after a space (or another lead) start, while in them
    while i < end:
        code = ord(norm[i])
        if ord("a") <= code <= ord("z") or ord("A") <= code <= ord("Z"):  # most characters
            i += 1
            continue
        if word >= 0 and _is_number_word(norm, word, i, lex):  # the letters end here
            return word, True
        word = -1
        if ord("0") <= code <= ord("9") or (code > 127 and norm[i] in _VULGAR):
            return i, False
        if code == ord(" ") or norm[i] in _WORD_LEADS:
            word = i + 1
        i += 1
    if word >= 0 and _is_number_word(norm, word, end, lex):
        return word, True
    return -1, False


# characters after which a number word may start (`Final`: compiled, read without a lookup)
_WORD_LEADS: Final = frozenset(" \n\t(-\"“‘'/[—–")
_VULGAR: Final = frozenset(VULGAR)


def _number_word_first(norm: str, lex: Lexicon) -> bool:
    """Whether the text starts with a number word, in any case ("Two", "TWO"), as the lexicon's
    word regex matches it; the regex runs only when the first word may be one (most texts
    start otherwise)."""
    end = letters_end(norm, 0)
    # next to a non-ASCII character case folding may match a letter: only the regex can tell
    if (end < len(norm) and ord(norm[end]) > 127) or lex.may_be_number_word(norm, 0, end):
        return lex.word_at_re.match(norm, 0) is not None
    return False


def _is_number_word(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the letters norm[start:end] are a number word that no digit follows."""
    return (
        lex.may_be_number_word(norm, start, end)
        and not is_digit_at(norm, end)
        and norm[start:end] in lex.number_words
    )


def _step(
    text: str, norm: str, start: int, is_word: bool, floor: int, lex: Lexicon, out: list[Quantity]
) -> int:
    """Read at one candidate; append what was read and return where to resume."""
    try:
        quantity, resume = _read_at(text, norm, start, is_word, floor, lex)
    except (ArithmeticError, ValueError, IndexError, KeyError):
        return start + 1
    if quantity is not None:
        out.append(quantity)
        resume = quantity.end
    return resume if resume > start else start + 1


def _read_at(
    text: str, norm: str, pos: int, is_word: bool, floor: int, lex: Lexicon
) -> tuple[Quantity | None, int]:
    if is_word:
        spelled = read_spelled(norm, pos, floor, lex)
        if spelled is None:
            return None, pos + 1
        if spelled.ordinal:
            q = dates.marker(text, pos, spelled.end, Kind.ORDINAL, value=int(spelled.count))
            return q, spelled.end
        token = last_token(norm, spelled.start, floor)
        return _amount(text, norm, spelled_core(spelled), floor, lex, token), spelled.end
    site = Site(text, norm, pos, floor)
    if site.may_be_special(lex):
        special = _special(site, lex)
        if special is not None:
            return special, special.end
    core = read_digit_core(norm, pos)
    if isinstance(core, int):
        return _unreadable(text, norm, pos, core), core
    # `normalise` returns an ASCII text itself, and then no figure can mix digit scripts
    if text is not norm and is_mixed_script(text[core.start : core.end]):
        q = dates.marker(text, core.start, core.end, Kind.CODE)
        return q.with_changes(notes=("mixed digit scripts",)), core.end
    return _amount(text, norm, core, floor, lex, site.token), core.end


def _special(site: Site, lex: Lexicon) -> Quantity | None:
    """A date, fiscal year or code at the site, tried in that order."""
    return dates.read_date(site, lex) or dates.read_fiscal(site) or dates.read_code(site, lex)


def _unreadable(text: str, norm: str, pos: int, end: int) -> Quantity | None:
    """A digit token that is not a number ("1.2.3", a 10,000-digit run): a CODE, never converted."""
    if end - pos < 2:
        return None
    return dates.marker(text, pos, end, Kind.CODE)


def _amount(text: str, norm: str, core: Core, floor: int, lex: Lexicon, token: str) -> Quantity:
    found = amounts.read_prefix(norm, core, floor, lex, token)
    ordinal_end = amounts.is_ordinal(norm, core, found)
    if ordinal_end is not None and not core.spelled:
        return dates.marker(
            text, core.start, ordinal_end, Kind.ORDINAL, value=int(core.number), digits=core.plain
        )
    amounts.read_suffix(norm, found, core, lex)
    if _glued_letters(norm, found, core):
        return dates.marker(text, core.start, dates.code_end(norm, found.end), Kind.CODE)
    note = script_note(text[core.start : core.end]) if text is not norm else None
    if note:
        found.notes.append(note)
    return amounts.build(text, core, found)


def _glued_letters(norm: str, found: amounts.Affixes, core: Core) -> bool:
    """True for "7MFY26", "3D", "1990s": letters glued to the digits that no suffix explains;
    and for "one-off", "one-time": a number word hyphened to a word that is no unit."""
    if found.end != core.end or found.end >= len(norm):
        return False
    if core.spelled:
        return norm[found.end] == "-" and _hyphened_word(norm, found.end + 1) not in _NUMBER_TAILS
    return norm[found.end].isalpha() or norm[found.end] == "_"


# what may follow a number word after a hyphen and keep it a number ("two-fold", "two-thirds");
# "" is no word at all ("a two- or three-year plan")
_NUMBER_TAILS: Final = frozenset({"", "fold", "third", "thirds", "quarter", "quarters", "half"})


def _hyphened_word(norm: str, start: int) -> str:
    end = start
    while end < len(norm) and norm[end].isalpha():
        end += 1
    return norm[start:end].lower()
