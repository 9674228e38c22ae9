"""Turns a number core and the words around it into one `Quantity` (DOMAIN.md §B.1, §C).

Before the core, nearest first: a sign ("-3%"), a currency marker ("US$", "EUR "), a sign before
the marker ("-$5m"), accounting parentheses ("(3.2)") or "minus", then a hedge word ("nearly",
"more than") that is recorded but left out of the surface. After the core: at most one scale
word and then one rate, currency or unit word ("3.3 mln euro", "19.92 million liters").
The kind follows from what was found; a bare four-digit 1800–2100 is a YEAR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Context, Decimal
from typing import Final

from service.engine.numbers.chars import ends_with, is_space_at, last_token, token_end
from service.engine.numbers.core import ONE, Core
from service.engine.numbers.dates import YEAR_MAX, YEAR_MIN
from service.engine.numbers.grouping import MAX_DIGITS
from service.engine.numbers.lexicon import Affix, AffixKind, Lexicon, SuffixMatch
from service.engine.quantity import Hedge, Kind, Quantity, is_amount, is_rate

_SIGNS: Final = "-–"
_SIGN_CHARS: Final = frozenset(_SIGNS)
_NOT_BEFORE_SIGN: Final = ".,-–/%)'’"
_MINUS_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?i:minus)[ ]{1,2}\Z")
_ORDINAL_SUFFIX: Final = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z0-9])")
# a product in a context wide enough that it never rounds; the method is bound once, as a
# call through the Context looks the method up again each time (a slow attribute lookup)
_EXACT_PRODUCT: Final = Context(prec=200, Emax=999999, Emin=-999999).multiply
# 10 ** n for the n trailing zeros of a figure's digits (fewer than MAX_DIGITS), made once
_POWERS_OF_TEN: Final = tuple(ONE.scaleb(n) for n in range(MAX_DIGITS + 1))
_ORDINAL_STARTS: Final = frozenset("snrt")
_BOUNDS: Final = frozenset({Hedge.OVER, Hedge.AT_LEAST, Hedge.UNDER, Hedge.AT_MOST})
_AMOUNTS: Final = frozenset(kind for kind in Kind if is_amount(kind))


@dataclass(slots=True)
class Affixes:
    """What was found around a core; filled in by the prefix and suffix readers."""

    start: int
    end: int
    negative: bool = False
    parentheses: bool = False
    currency: Affix | None = None
    scale: SuffixMatch | None = None
    tail: SuffixMatch | None = None  # the rate, currency or unit word
    hedge_form: str | None = None
    hedge: Hedge | None = None
    notes: list[str] = field(default_factory=list)

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        start: int,
        end: int,
        negative: bool = False,
        parentheses: bool = False,
        currency: Affix | None = None,
        scale: SuffixMatch | None = None,
        tail: SuffixMatch | None = None,
        hedge_form: str | None = None,
        hedge: Hedge | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.negative = negative
        self.parentheses = parentheses
        self.currency = currency
        self.scale = scale
        self.tail = tail
        self.hedge_form = hedge_form
        self.hedge = hedge
        self.notes = [] if notes is None else notes


def read_prefix(norm: str, core: Core, floor: int, lex: Lexicon, token: str) -> Affixes:
    """Sign, currency marker, parentheses and hedge before the core.

    `token` is the word just before the core (see `last_token`), computed once by the scanner.
    """
    found = Affixes(core.start, core.end)
    before = norm[core.start - 1] if core.start > floor else ""
    if before in _SIGN_CHARS:
        _take_sign(norm, found, floor)
        if found.start != core.start:
            token = last_token(norm, found.start, floor)
    currency = _take_currency(norm, found, floor, lex, token)
    if currency and not found.negative:
        _take_sign(norm, found, floor)
    if before == "(" or currency:  # "(" must stand right before the core or its currency
        _take_parentheses(norm, core, found, floor)
    if found.start != core.start:
        token = last_token(norm, found.start, floor)
    token = token.lower()
    if token == "minus" and not found.negative:
        minus = _MINUS_BEFORE.search(norm, max(floor, found.start - 8), found.start)
        if minus:
            found.negative, found.start = True, minus.start()
            token = last_token(norm, found.start, floor).lower()
    if (
        token in lex.hedge_last_words and _hedge_possible(norm, found.start, floor, token, lex)
    ) or (token.endswith("~")):
        _take_hedge(norm, found, floor, lex)
    return found


def _hedge_possible(norm: str, pos: int, floor: int, token: str, lex: Lexicon) -> bool:
    """False when no hedge can end in `token` before `pos`, so the hedge search can be skipped.

    "to" and "of" stand before most figures, and both only end multi-word hedges ("up to",
    "shy of"): checking the word before them costs far less than searching 24 characters.
    The check may say True wrongly (the search then decides) but never False wrongly.
    """
    penults = lex.hedge_penults.get(token)
    if penults is None:
        return True  # a one-word hedge ends so: only the search can tell
    end = pos
    while end > floor and norm[end - 1] == " ":
        end -= 1
    end -= len(token)
    while end > floor and norm[end - 1] == " ":
        end -= 1
    before = norm[max(floor, end - 24) : end]  # the hedge search looks no further back
    # the search is case-insensitive, and a few non-ASCII letters match ASCII ones there
    return not before.isascii() or before.lower().endswith(penults)


def _take_currency(norm: str, found: Affixes, floor: int, lex: Lexicon, token: str) -> bool:
    """A currency marker right before the figure ("$", "US$", "EUR "), as the prefix regex finds
    it in the 8 characters before; True when there is one."""
    if not token or not (
        token[-1] in lex.prefix_marks or token.lstrip("([\"'“‘") in lex.prefix_words
    ):
        return False
    pos = found.start
    start = token_end(norm, pos, floor) - len(token)
    affix = lex.prefixes.get(token)
    if affix is None or not _is_whole_marker(norm, start, pos, floor, lex.prefix_heads.get(token)):
        match = lex.prefix_re.search(norm, max(floor, pos - 8), pos)
        if match is None:
            return False
        start, affix = match.start(), lex.prefixes[match["p"]]
    found.currency, found.start = affix, start
    return True


def _is_whole_marker(
    norm: str, start: int, pos: int, floor: int, heads: tuple[str, ...] | None
) -> bool:
    """Whether the prefix regex would find the marker that the word at `start` is: the word lies
    in the regex's window after a space or at the start of the text, and the word before it is
    none that a marker of several words puts there (`heads`: "US" and "U.S." before "$")."""
    if start < max(floor, pos - 8) or (start > 0 and not is_space_at(norm, start - 1)):
        return False
    if heads is None:  # the common case: "EUR", "US$"
        return True
    before = start
    while before > floor and ord(norm[before - 1]) == ord(" "):
        before -= 1
    return not any(ends_with(norm, head, floor, before) for head in heads)


def _take_hedge(norm: str, found: Affixes, floor: int, lex: Lexicon) -> None:
    hedge = lex.hedge_re.search(norm, max(floor, found.start - 24), found.start)
    if hedge:
        form = hedge["h"] or hedge["g"]
        if " ".join(form.lower().split()) == "up to" and _moved(norm, hedge.start(), floor, lex):
            return  # "the rate ticked up to 3.9%": a rise to the figure, not a bound
        found.hedge_form = form
        found.hedge = lex.hedges.get(" ".join(found.hedge_form.lower().split()))


def _moved(norm: str, start: int, floor: int, lex: Lexicon) -> bool:
    """Whether the word before `start` is a verb of movement ("went", "ticked")."""
    words = norm[max(floor, start - 16) : start].split()
    return bool(words) and words[-1].lower() in lex.movement_verbs


def _take_sign(norm: str, found: Affixes, floor: int) -> None:
    """A minus glued to the figure at a word start ("-3%", "–0.2"), never inside "2025-26"."""
    at = found.start - 1
    if at < floor or norm[at] not in _SIGNS:
        return
    if at > 0 and (norm[at - 1].isalnum() or norm[at - 1] in _NOT_BEFORE_SIGN):
        return
    found.negative, found.start = True, at


def _take_parentheses(norm: str, core: Core, found: Affixes, floor: int) -> None:
    """Accounting negatives "(3.2)", "(2.4)%": only for figures with a point, commas or currency."""
    before, after = found.start - 1, core.end
    if before < floor or after >= len(norm) or found.negative:
        return
    if norm[before] != "(" or norm[after] != ")":
        return
    if core.integer and not core.grouped and found.currency is None:
        return
    found.parentheses, found.negative = True, True
    found.start, found.end = before, after + 1


def read_suffix(norm: str, found: Affixes, core: Core, lex: Lexicon) -> None:
    """At most one scale word, then one rate, currency or unit word."""
    for _ in range(2):
        match = lex.match_suffix(norm, found.end)
        if match is None or not _allowed(match, found, core):
            return
        if match.affix.kind is AffixKind.SCALE:
            found.scale, found.end = match, match.end
            continue
        if match.affix.kind is AffixKind.RATE and found.scale is not None:
            return
        found.tail, found.end = match, match.end
        return


def _allowed(match: SuffixMatch, found: Affixes, core: Core) -> bool:
    if match.affix.kind is AffixKind.SCALE and (found.scale or core.scale):
        return False
    if match.affix.kind is AffixKind.CURRENCY and found.currency is not None:
        return False
    if found.parentheses and match.affix.kind is not AffixKind.RATE:
        return False
    if match.letter and match.gap:
        return match.gap == " " and found.currency is not None and found.scale is None
    return True


def is_ordinal(norm: str, core: Core, found: Affixes) -> int | None:
    """The end of an ordinal suffix ("21st"), or None."""
    if norm[core.end : core.end + 1] not in _ORDINAL_STARTS:
        return None
    if not core.integer or core.grouped or found.currency or found.negative:
        return None
    m = _ORDINAL_SUFFIX.match(norm, core.end)
    return m.end() if m else None


def build(text: str, core: Core, found: Affixes) -> Quantity:
    """The quantity for a core and its affixes."""
    if found.tail is None and found.currency is None:
        kind, currency, unit = Kind.NUMBER, None, None  # what `_kind` says, without the call
    else:
        kind, currency, unit = _kind(found)
    if found.scale is None:
        # `core.multiplier * 1` would be the same Decimal, digit for digit
        scale_word, multiplier = core.scale, core.multiplier
    else:
        scale_word = found.scale.form
        multiplier = core.multiplier * found.scale.affix.multiplier
    if kind is Kind.NUMBER and _is_year(core, found, scale_word):
        kind = Kind.YEAR
    if multiplier is ONE:  # most figures: a product with 1 would be the same Decimal
        value, step = core.number, core.step
    else:
        value = _EXACT_PRODUCT(core.number, multiplier)
        step = _EXACT_PRODUCT(core.step, multiplier)
    if found.negative:
        value = -value
    amount = kind in _AMOUNTS
    hedged = amount and found.hedge is not None
    bounded = hedged and found.hedge in _BOUNDS
    # the guards spare a call per figure: most have no trailing zero, notes or ambiguity
    lenient = _lenient_step(core, multiplier) if amount and core.plain[-1:] == "0" else None
    ambiguous = _ambiguous(core, found, kind)  # before the notes: it may add one
    notes = _notes(core, found) if found.notes else core.notes
    # positional, in field order: keyword arguments cost a third more on this hot path
    return Quantity(
        text[found.start : found.end],
        found.start,
        found.end,
        value,
        step,
        kind,
        lenient,
        currency,
        unit,
        scale_word,
        multiplier,
        found.hedge_form if hedged and not bounded else None,  # approximator
        found.hedge_form if bounded else None,  # bound
        found.hedge if hedged else None,
        ambiguous,
        core.plain,  # digits
        notes,
    )


def _kind(found: Affixes) -> tuple[Kind, str | None, str | None]:
    tail = found.tail.affix if found.tail else None
    currency = found.currency or (tail if tail and tail.kind is AffixKind.CURRENCY else None)
    if currency is not None and currency.note:
        found.notes.append(currency.note)
    if tail is not None and tail.kind is AffixKind.RATE and tail.rate is not None:
        if found.currency is not None:
            found.notes.append("currency marker before a rate (source typo?)")
        return tail.rate, None, None
    if currency is not None:
        return Kind.CURRENCY, currency.code, None
    if tail is not None and tail.kind is AffixKind.UNIT:
        return Kind.UNIT, None, tail.code
    return Kind.NUMBER, None, None


def _is_year(core: Core, found: Affixes, scale: str | None) -> bool:
    if scale or found.negative or core.grouped or not core.integer or core.spelled:
        return False
    return len(core.plain) == 4 and YEAR_MIN <= int(core.plain) <= YEAR_MAX


def _lenient_step(core: Core, multiplier: Decimal) -> Decimal | None:
    """For "2,600" the unit of its last non-zero digit (100); None without trailing zeros."""
    if not core.integer or core.spelled:
        return None
    stripped = core.plain.rstrip("0")
    zeros = len(core.plain) - len(stripped)
    if not zeros or not stripped:
        return None
    if multiplier is ONE:  # a product with 1 would be the same Decimal
        return _POWERS_OF_TEN[zeros]
    return _EXACT_PRODUCT(_POWERS_OF_TEN[zeros], multiplier)


def _notes(core: Core, found: Affixes) -> tuple[str, ...]:
    if not found.notes:
        return core.notes
    return tuple(dict.fromkeys([*core.notes, *found.notes]))


def _ambiguous(core: Core, found: Affixes, kind: Kind) -> tuple[str, ...]:
    alternatives = found.currency.alternatives if found.currency is not None else ()
    if not (core.ambiguous or core.dot_three or found.parentheses or alternatives):
        return ()
    readings: list[str] = list(core.ambiguous)
    if core.dot_three and found.scale is None and not is_rate(kind):
        readings += [core.plain, core.plain.replace(".", "")]
        found.notes.append("a dot before three digits may be a thousands separator")
    if found.parentheses:
        # "(2.4)%" puts the sign outside the brackets: only an accounting negative reads so.
        if not is_rate(kind):
            readings += [f"-{core.plain}", core.plain]
        found.notes.append("accounting parentheses read as negative")
    readings += list(alternatives)
    return tuple(dict.fromkeys(readings))
