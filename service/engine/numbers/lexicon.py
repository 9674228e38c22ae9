"""The frozen vocabulary of the number lexer, built once from `rules/lexicon.toml` data.

The lexer itself holds no words: scale words, currency markers, rate and unit words, hedges,
number words and month names all come from the TOML file, parsed by `service.rulebook` and
handed here as plain dicts (the engine does no I/O). Construction compiles every regex the
scanner needs, so scanning never compiles anything; alternations are sorted longest first
so that "percentage points" wins over "percent" and "no more than" over "more than".
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from service.engine.errors import LexiconError
from service.engine.numbers.chars import is_digit_at, letters_end
from service.engine.quantity import Hedge, Kind


class AffixKind(StrEnum):
    """What a word next to a figure does to it."""

    SCALE = "scale"
    RATE = "rate"
    CURRENCY = "currency"
    UNIT = "unit"


@dataclass(frozen=True, slots=True)
class Affix:
    """One vocabulary entry: its role and what it carries (a multiplier, a kind, a code)."""

    kind: AffixKind
    multiplier: Decimal = Decimal(1)
    rate: Kind | None = None
    code: str | None = None
    alternatives: tuple[str, ...] = ()
    note: str | None = None

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        kind: AffixKind,
        multiplier: Decimal = Decimal(1),
        rate: Kind | None = None,
        code: str | None = None,
        alternatives: tuple[str, ...] = (),
        note: str | None = None,
    ) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "multiplier", multiplier)
        object.__setattr__(self, "rate", rate)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "alternatives", alternatives)
        object.__setattr__(self, "note", note)


_BOUNDARY: Final = r"(?![A-Za-z0-9])"


def _alternation(forms: Iterable[str], *, bounded: bool = True) -> str:
    """A regex alternation of literal forms, longest first, each with a word end if it needs one.

    Forms are grouped by their first character, so that the engine tests a few dozen branches
    instead of hundreds when nothing matches (the common case after a figure).
    """
    groups: dict[str, list[str]] = {}
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        tail = _BOUNDARY if bounded and form[-1].isalnum() else ""
        rest = re.escape(form[1:]).replace(r"\ ", "[ ]+") + tail
        groups.setdefault(form[0], []).append(rest)
    parts = [f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return "|".join(parts) or "(?!)"


def _decimal(value: object, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError as exc:
        raise LexiconError(f"{where}: {value!r} is not a number") from exc


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled vocabulary. Build it with `Lexicon.from_toml(data)`."""

    words: Mapping[str, Affix]  # case-insensitive suffix words, keyed lower-case
    plain_words: Mapping[str, Affix]  # the keys of `words` that are their own normal form
    exact: Mapping[str, Affix]  # case-sensitive suffix abbreviations and letters
    suffix_re: re.Pattern[str]
    suffix_heads: SuffixHeads
    prefixes: dict[str, Affix]
    prefix_re: re.Pattern[str]
    # last word of a marker of several words -> the words before it ("$": ("US", "U.S."))
    prefix_heads: dict[str, tuple[str, ...]]
    prefix_marks: frozenset[str]  # last characters of symbol markers ("$", "€")
    prefix_words: frozenset[str]  # last words of letter markers ("EUR", "Rs.")
    # dicts, not Mappings: compiled, `.get` on a Mapping is a Python method call
    hedges: dict[str, Hedge]
    hedge_re: re.Pattern[str]
    hedge_last_words: frozenset[str]
    # last word -> the words that may stand before it in a hedge ("to": ("close", "up"))
    hedge_penults: dict[str, tuple[str, ...]]
    # verbs after which "up to" is a movement to the figure, not an upper bound ("ticked up to")
    movement_verbs: frozenset[str]
    cardinals: Mapping[str, int]
    multipliers: Mapping[str, int]
    ordinals: Mapping[str, int]
    leads: Mapping[str, Decimal]
    lead_re: re.Pattern[str]
    spelled_word_re: re.Pattern[str]
    months: dict[str, int]
    month_after_re: re.Pattern[str]
    code_prefix_re: re.Pattern[str]
    code_words: frozenset[str]
    number_prefixes: frozenset[str]
    number_words: frozenset[str]  # as the scanner finds them: "two", "Two"
    # their lengths by their first two letters (`may_be_number_word`)
    number_word_lengths: tuple[int, ...]
    word_at_re: re.Pattern[str]

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build the lexicon from the parsed `lexicon.toml` mapping."""
        try:
            return _build(data)
        except (KeyError, TypeError) as exc:
            raise LexiconError(f"lexicon data malformed: {exc!r}") from exc

    def match_suffix(self, norm: str, pos: int) -> SuffixMatch | None:
        """The vocabulary word glued, spaced or hyphenated after position `pos`, if any.

        The first word after the gap mostly tells the answer (see `SuffixHeads`); only when it
        does not does the suffix regex run.
        """
        start = pos
        # the gap, as the regex takes it (`ord` compiles to a plain comparison, no object)
        if start < len(norm) and ord(norm[start]) == ord(" "):
            start += 1
            if start < len(norm) and ord(norm[start]) == ord(" "):
                start += 1
        elif start < len(norm) and ord(norm[start]) == ord("-"):
            start += 1
        end, upper = _read_head(norm, start)
        if end == _UNSURE:
            return self._match_suffix_re(norm, pos)
        heads = self.suffix_heads
        head = norm[start:end]
        folded = head.lower() if upper else head
        if folded in heads.word_heads:
            affix, letter = heads.words.get(folded), False
        elif head in heads.exact_heads:
            affix, letter = heads.exact.get(head), head in heads.letters
        else:
            return None  # no form starts with this word ("from", "in"): most figures
        if affix is None:
            return self._match_suffix_re(norm, pos)
        return SuffixMatch(affix, head, norm[pos:start], letter, end)

    def may_be_number_word(self, text: str, start: int, end: int) -> bool:
        """Whether the ASCII letters text[start:end] may be a number word, in any case.

        It may say True wrongly (a set lookup then decides) but never False wrongly. A table
        read and a mask: the scanner asks at every word ("the", "for", "fiscal" fail it), and a
        set lookup costs three times as much compiled (the word must be cut out and hashed).
        """
        if end <= start:
            return False
        lengths = self.number_word_lengths[_pair_index(text, start, end)]
        return (lengths >> (end - start)) & 1 == 1

    def is_month(self, word: str) -> bool:
        """Whether `word` is a month name, with or without dots after it ("Oct.", "October")."""
        return word in self.months or (word.endswith(".") and word.rstrip(".") in self.months)

    def _match_suffix_re(self, norm: str, pos: int) -> SuffixMatch | None:
        m = self.suffix_re.match(norm, pos)
        if not m:
            return None
        group = m.lastgroup  # "w", "x" or "l": the gap group closes before them
        if group is None:  # not reached: a match always ends in one of them
            return None
        form = m[group]
        if group == "w":
            # most words are written as listed ("billion"): skip normalising those
            affix = self.plain_words.get(form)
            if affix is None:
                affix = self.words.get(" ".join(form.lower().split()))
        else:
            affix = self.exact.get(form)
        if affix is None:
            return None
        return SuffixMatch(affix, form, m["gap"], group == "l", m.end())


def _pair_index(text: str, start: int, end: int) -> int:
    """The index of the ASCII letters text[start:end] in `Lexicon.number_word_lengths`: their
    first two letters in either case, by the low five bits of their codes (1 to 26; 0 as the
    second of a one-letter word)."""
    second = ord(text[start + 1]) & 31 if end - start > 1 else 0
    return (ord(text[start]) & 31) << 5 | second


def _number_word_lengths(words: Iterable[str]) -> tuple[int, ...]:
    lengths = [0] * (27 << 5)
    for word in words:
        lengths[_pair_index(word, 0, len(word))] |= 1 << len(word)
    return tuple(lengths)


_UNSURE: Final = -1


def _read_head(norm: str, start: int) -> tuple[int, bool]:
    """The end of the head (see `SuffixHeads`) at `start` and whether it has a capital letter.

    The end is `_UNSURE` where the heads cannot tell what the regex would read: next to a
    non-ASCII character (case folding may match it to a letter) or before a digit (which fails
    the end of a word).
    """
    end = letters_end(norm, start)
    if end == start:  # no letter: the head is one character, or none at the end of the text
        if start < len(norm) and ord(norm[start]) > 127:
            return _UNSURE, False
        return min(start + 1, len(norm)), False
    if end < len(norm) and (ord(norm[end]) > 127 or is_digit_at(norm, end)):
        return _UNSURE, False
    return end, _has_capital(norm, start, end)


def _has_capital(text: str, start: int, end: int) -> bool:
    return any(ord(text[i]) <= ord("Z") for i in range(start, end))  # in a run of letters


@dataclass(slots=True)  # not frozen: built once per figure, and frozen init is slower
class SuffixMatch:
    """A vocabulary word found after a figure."""

    affix: Affix
    form: str  # as written
    gap: str  # "", " " or "-"
    letter: bool  # a single-letter form ("m", "bn" is not)
    end: int

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        affix: Affix,
        form: str,
        gap: str,
        letter: bool,
        end: int,
    ) -> None:
        self.affix = affix
        self.form = form
        self.gap = gap
        self.letter = letter
        self.end = end


@dataclass(frozen=True, slots=True)
class SuffixHeads:
    """The suffix vocabulary by the first word of each form, to read a suffix without the regex.

    A form's head is its leading run of ASCII letters, or its first character when it has none
    ("%"). A word after a figure that is no form's head starts no suffix ("from", "in": most
    figures), and a head that is a whole form and starts no other form ("billion", "mn", "%")
    is that form; only the other heads ("per", of "per cent" and "per-cent") need the regex.
    """

    word_heads: frozenset[str]  # heads of the case-insensitive forms, lower-case
    exact_heads: frozenset[str]  # heads of the case-sensitive forms (abbreviations, letters)
    words: dict[str, Affix]  # lower-case heads that are a whole form and start no other
    exact: dict[str, Affix]  # the same among the case-sensitive forms
    letters: frozenset[str]  # those of `exact` that are single-letter forms


def _suffix_heads(
    entries: list[tuple[str, str, Affix]], words: Mapping[str, Affix], exact: Mapping[str, Affix]
) -> SuffixHeads:
    forms_by_head: dict[tuple[bool, str], set[tuple[str, str]]] = {}
    for mode, form, _ in entries:
        _check_head(mode, form)
        insensitive = mode == "words"
        head = _form_head(form)
        key = (insensitive, head.lower() if insensitive else head)
        forms_by_head.setdefault(key, set()).add((mode, form.lower() if insensitive else form))
    whole = {
        key: mode
        for key, forms in forms_by_head.items()
        for mode, form in forms
        if forms == {(mode, key[1])} and not key[1].isdigit()
    }
    return SuffixHeads(
        word_heads=frozenset(head for insensitive, head in forms_by_head if insensitive),
        exact_heads=frozenset(head for insensitive, head in forms_by_head if not insensitive),
        words={head: words[head] for (insensitive, head) in whole if insensitive},
        exact={head: exact[head] for (insensitive, head) in whole if not insensitive},
        letters=frozenset(head for (_, head), mode in whole.items() if mode == "letters"),
    )


def _form_head(form: str) -> str:
    return form[: letters_end(form, 0)] or form[:1]


def _check_head(mode: str, form: str) -> None:
    """Refuse a form whose head `match_suffix` could misjudge: one starting with a gap character,
    or with a non-ASCII character after its letters that case folding matches to a letter."""
    if form[:1] in ("", " ", "-"):
        raise LexiconError(f"suffix form {form!r} must start with a letter or a symbol")
    after = form[letters_end(form, 0) :][:1]
    flags = re.IGNORECASE if mode == "words" else 0
    if not after.isascii() and any(
        re.fullmatch(re.escape(after), letter, flags) for letter in string.ascii_letters
    ):
        raise LexiconError(f"suffix form {form!r}: {after!r} folds to an ASCII letter")


def _suffix_entries(data: Mapping[str, Any]) -> list[tuple[str, str, Affix]]:
    """Every suffix form as (mode, form, entry); mode is "words", "exact" or "letters"."""
    entries: list[tuple[str, str, Affix]] = []
    for scale in data.get("scale", []):
        affix = Affix(AffixKind.SCALE, multiplier=_decimal(scale["multiplier"], "scale"))
        entries += _forms(scale, affix)
    rate_kinds = {
        "percent": Kind.PERCENT,
        "percentage_points": Kind.PERCENTAGE_POINTS,
        "basis_points": Kind.BASIS_POINTS,
    }
    for key, kind in rate_kinds.items():
        rate = Affix(AffixKind.RATE, rate=kind)
        entries += [("words", form, rate) for form in data.get("rates", {}).get(key, [])]
    for unit in data.get("unit", []):
        entries += _forms(unit, Affix(AffixKind.UNIT, code=unit["code"]))
    for cur in data.get("currency", []):
        affix = _currency_affix(cur)
        for form in cur.get("suffixes", []):
            entries.append(("words" if form.islower() else "exact", form, affix))
    return entries


def _forms(table: Mapping[str, Any], affix: Affix) -> list[tuple[str, str, Affix]]:
    modes = {"words": "words", "abbreviations": "exact", "letters": "letters"}
    return [(mode, form, affix) for key, mode in modes.items() for form in table.get(key, [])]


def _currency_affix(cur: Mapping[str, Any]) -> Affix:
    alternatives = tuple(cur.get("alternatives", ()))
    if alternatives:
        alternatives = (cur["code"], *alternatives)
    return Affix(
        AffixKind.CURRENCY, code=cur["code"], alternatives=alternatives, note=cur.get("note")
    )


def _suffix_regex(entries: list[tuple[str, str, Affix]]) -> re.Pattern[str]:
    words = [form for mode, form, _ in entries if mode == "words"]
    exact = [form for mode, form, _ in entries if mode == "exact"]
    letters = [form for mode, form, _ in entries if mode == "letters"]
    return re.compile(
        r"(?P<gap>[ ]{1,2}|-|)"  # glued, spaced or hyphenated ("2,611-kilometer")
        rf"(?:(?P<w>(?i:{_alternation(words)}))"
        rf"|(?P<x>{_alternation(exact)})"
        rf"|(?P<l>{_alternation(letters)}))"
    )


def _prefix_regex(prefixes: Iterable[str]) -> re.Pattern[str]:
    # Searched in a short window that ends where the figure starts ("US$4.7", "EUR 3.3").
    return re.compile(rf"(?<![A-Za-z])(?P<p>{_alternation(prefixes, bounded=False)})[ ]{{0,2}}\Z")


def _prefix_heads(prefixes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    heads: dict[str, set[str]] = {}
    for form in prefixes:
        head, _, last = form.rpartition(" ")
        if head:
            heads.setdefault(last, set()).add(head.split(" ")[-1])
    return {last: tuple(sorted(words)) for last, words in heads.items()}


def _hedge_map(data: Mapping[str, Any]) -> dict[str, Hedge]:
    hedges: dict[str, Hedge] = {}
    for key, forms in data.get("hedges", {}).items():
        for form in forms:
            hedges[form.lower()] = Hedge(key)
    return hedges


def _build(data: Mapping[str, Any]) -> Lexicon:
    entries = _suffix_entries(data)
    prefixes = {
        form: _currency_affix(cur) for cur in data.get("currency", []) for form in cur["prefixes"]
    }
    hedges = _hedge_map(data)
    spelled = data.get("spelled", {})
    cardinals = {k.lower(): int(v) for k, v in spelled.get("cardinals", {}).items()}
    multipliers = {k.lower(): int(v) for k, v in spelled.get("multipliers", {}).items()}
    ordinals = {k.lower(): int(v) for k, v in spelled.get("ordinals", {}).items()}
    leads = {k.lower(): _decimal(v, "spelled.leads") for k, v in spelled.get("leads", {}).items()}
    months = {k: int(v) for k, v in data.get("months", {}).items()}
    codes = data.get("codes", {})
    month_alt = _alternation(months, bounded=True)
    number_words = [*cardinals, *multipliers, *ordinals]
    scanned = _scanned_words(number_words)
    words = {form.lower(): a for mode, form, a in entries if mode == "words"}
    exact = {form: a for mode, form, a in entries if mode != "words"}
    return Lexicon(
        words=words,
        plain_words={form: a for form, a in words.items() if " ".join(form.split()) == form},
        exact=exact,
        suffix_re=_suffix_regex(entries),
        suffix_heads=_suffix_heads(entries, words, exact),
        prefixes=prefixes,
        prefix_re=_prefix_regex(prefixes),
        prefix_heads=_prefix_heads(prefixes),
        prefix_marks=frozenset(p[-1] for p in prefixes if not p[-1].isalnum() and p[-1] != "."),
        prefix_words=frozenset(p.split()[-1] for p in prefixes if p[-1].isalnum() or p[-1] == "."),
        hedges=hedges,
        hedge_re=_hedge_regex(hedges),
        hedge_last_words=frozenset(h.split()[-1] for h in hedges),
        hedge_penults=_hedge_penults(hedges),
        movement_verbs=frozenset(w.lower() for w in data.get("movement", {}).get("verbs", [])),
        cardinals=cardinals,
        multipliers=multipliers,
        ordinals=ordinals,
        leads=leads,
        lead_re=re.compile(rf"(?<![A-Za-z])(?P<lead>(?i:{_alternation(leads)}))[ ]+\Z"),
        spelled_word_re=re.compile(
            rf"(?P<gap>[ ]+(?:and[ ]+)?|-)(?P<word>(?i:{_alternation(number_words)}))"
        ),
        months=months,
        month_after_re=re.compile(rf"[ ]{{1,2}}(?P<month>{month_alt})\.?"),
        code_prefix_re=re.compile(
            rf"(?<![A-Za-z])(?P<code>{_alternation(codes.get('prefixes', []))})[ ]\Z"
        ),
        code_words=frozenset(codes.get("prefixes", [])),
        number_prefixes=frozenset(w.lower() for w in codes.get("number_prefixes", [])),
        number_words=scanned,
        number_word_lengths=_number_word_lengths(scanned),
        word_at_re=re.compile(rf"(?P<w>(?i:{_alternation(number_words)}))"),
    )


def _hedge_regex(hedges: Mapping[str, Hedge]) -> re.Pattern[str]:
    spaced = [h for h in hedges if h[-1].isalnum() or h.endswith(".")]
    glued = [h for h in hedges if h not in spaced]
    return re.compile(
        rf"(?:(?<![A-Za-z])(?P<h>(?i:{_alternation(spaced)}))[ ]{{1,2}}"
        rf"|(?P<g>{_alternation(glued, bounded=False)})[ ]?)\Z"
    )


def _hedge_penults(hedges: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The words before the last one, for last words that only end multi-word hedges.

    "to" ends "up to" and "close to" only, so before "to" one of "up" or "close" must stand;
    "over" also ends the one-word "over" and is left out (its hedge search always runs), as are
    glued forms ("~") and forms with gaps other than spaces, which this shortcut does not model.
    """
    penults: dict[str, set[str]] = {}
    single: set[str] = set()
    for hedge in hedges:
        words = hedge.split()
        glued = not (hedge[-1].isalnum() or hedge.endswith("."))
        if len(words) == 1 or glued or len(hedge.split(" ")) != len(words):
            single.add(words[-1])
        else:
            penults.setdefault(words[-1], set()).add(words[-2])
    return {last: tuple(sorted(p)) for last, p in penults.items() if last not in single}


def _scanned_words(number_words: Iterable[str]) -> frozenset[str]:
    """The number words as the scanner finds them: as listed, or with a capital first letter.

    The scanner reads a word as a run of ASCII letters (`chars.letters_end`), so the lexicon
    may list no other kind.
    """
    words = set(number_words)
    for word in words:
        if not word or letters_end(word, 0) != len(word):
            raise LexiconError(f"number word {word!r} must be ASCII letters only")
    return frozenset(form for word in words for form in (word, word[0].upper() + word[1:]))
