"""Figures that are not amounts: dates, fiscal years and codes (DOMAIN.md §C.1, §C.7).

"October 12, 2025", "FY 2025-26", "2012–13", "COVID-19", "Q1FY26" and phone numbers all contain
digits, and a reader that took them for amounts would see ranges and subtractions everywhere.
Each reader here is tried at a digit before the amount reader; it returns one `Quantity` of a
non-amount kind covering the whole form, or None. Years standing alone and ordinals are decided
by the amount reader, which knows whether a currency, scale or unit word is attached.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from service.engine.numbers.chars import is_ascii_letter_at, is_digit_at, token_end
from service.engine.numbers.lexicon import AffixKind, Lexicon
from service.engine.numbers.site import Site
from service.engine.quantity import Kind, Quantity

YEAR_MIN: Final = 1800
YEAR_MAX: Final = 2100
_LOOKBACK: Final = 16
_ONE: Final = Decimal(1)

_DAY_YEAR: Final = re.compile(
    r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z]|\.[0-9])"  # "12", "1st", not "5.2"
    r"(?:,?[ ]{1,2}(?P<year>[0-9]{4})(?![0-9]))?"  # ", 2025"
)
_DAY_FIRST: Final = re.compile(r"(?P<day>[0-9]{1,2})(?:/(?P<day2>[0-9]{1,2}))?(?:st|nd|rd|th)?")
_YEAR_AFTER: Final = re.compile(r",?[ ]{1,2}(?P<year>[0-9]{4})(?![0-9])")
_ISO: Final = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
_NUMERIC: Final = re.compile(
    r"(?P<a>[0-9]{1,2})([/.])(?P<b>[0-9]{1,2})\2(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
)
_FISCAL: Final = re.compile(r"(?P<a>[0-9]{4})[-–/](?P<b>[0-9]{4}|[0-9]{2})(?![0-9]|[-–/][0-9])")
_FY_BEFORE: Final = re.compile(r"(?<![A-Za-z])FY[ ]?'?\Z")
_FY_AFTER: Final = re.compile(
    r"(?:[0-9]{4}|[0-9]{2})(?:[-–/](?:[0-9]{4}|[0-9]{2}))?(?![0-9A-Za-z])"
)
_LETTERS_BEFORE: Final = re.compile(
    r"(?<![A-Za-z0-9])(?P<letters>[A-Za-z]{1,12})"  # "COVID", "Q", "mid"
    r"(?P<hyphen>-?)\Z"
)
_CODE_TAIL: Final = re.compile(r"[0-9A-Za-z]*")
_PHONE_PLUS: Final = re.compile(r"[0-9]{1,4}(?:[ -][0-9]{2,5}){2,8}(?![0-9])")
_PHONE: Final = re.compile(r"(?:[0-9]{3,5}-[0-9]{6,8}|[0-9]{3}-[0-9]{3}-[0-9]{4})(?![0-9])")


def marker(
    text: str, start: int, end: int, kind: Kind, *, digits: str = "", value: int = 0
) -> Quantity:
    """A non-amount quantity covering text[start:end]."""
    return Quantity(text[start:end], start, end, Decimal(value), _ONE, kind, digits=digits)


def read_date(site: Site, lex: Lexicon) -> Quantity | None:
    """A date that contains the digit at `pos`: ISO, "Oct. 12, 2025", "11/12 Oct 2025"."""
    text, norm, pos = site.text, site.norm, site.pos
    if site.next in ("-", "/", ".") and (
        found := _iso(text, norm, pos) or _numeric(text, norm, pos)
    ):
        return found
    if lex.is_month(site.token) and (found := _month_first(site, lex)):
        return found
    after = site.norm[site.run_end + 1 : site.run_end + 2]
    if site.run_length <= 2 and (site.next == "/" or (site.next == " " and after.isupper())):
        return _day_first(text, norm, pos, lex)
    return None


def _iso(text: str, norm: str, pos: int) -> Quantity | None:
    m = _ISO.match(norm, pos)
    if not m or not _valid(int(m["y"]), int(m["m"]), int(m["d"])):
        return None
    return marker(text, pos, m.end(), Kind.DATE, digits=m.group())


def _valid(year: int, month: int, day: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX and 1 <= month <= 12 and 1 <= day <= 31


def _month_first(site: Site, lex: Lexicon) -> Quantity | None:
    text, norm, pos = site.text, site.norm, site.pos
    start = _month_start(site)
    if start < 0:
        return None
    token = site.token
    month = lex.months[token[:-1] if token.endswith(".") else token]
    if site.run_length == 4 and not _decimal_follows(norm, site.run_end):
        year = int(norm[pos : site.run_end])
        if YEAR_MIN <= year <= YEAR_MAX:
            iso = f"{year}-{_two_digits(month)}"
            return marker(text, start, site.run_end, Kind.DATE, digits=iso)
    m = _DAY_YEAR.match(norm, pos)
    if not m:
        return None
    day, end = int(m["day"]), m.end()
    if not 1 <= day <= 31 or _amount_follows(norm, end, lex):
        return None
    return marker(text, start, end, Kind.DATE, digits=_iso_string(m["year"], month, day))


def _month_start(site: Site) -> int:
    """Where the month name before the figure starts, -1 when none stands there as a date's.

    The caller knows that the word before is a month name with or without dots after it; a
    date asks besides for at most one dot ("Oct."), one or two spaces before the figure and no
    letter glued before the name.
    """
    norm, token = site.norm, site.token
    end = token_end(norm, site.pos, site.floor)
    start = end - len(token)
    if end == site.pos or token.endswith(".."):
        return -1
    if start < max(site.floor, site.pos - _LOOKBACK) or is_ascii_letter_at(norm, start - 1):
        return -1
    return start


def _decimal_follows(norm: str, end: int) -> bool:
    """Whether ".5" or ",5" continues the digits: "2025.5" is no year."""
    return end < len(norm) and norm[end] in ".," and is_digit_at(norm, end + 1)


def _amount_follows(norm: str, end: int, lex: Lexicon) -> bool:
    """True when a rate or scale word follows ("March 5%" is not a date)."""
    found = lex.match_suffix(norm, end)
    return found is not None and found.affix.kind in (AffixKind.RATE, AffixKind.SCALE)


def _iso_string(year: str | None, month: int, day: int) -> str:
    if not year or not YEAR_MIN <= int(year) <= YEAR_MAX:
        return ""
    return f"{year}-{_two_digits(month)}-{_two_digits(day)}"


def _two_digits(n: int) -> str:
    """`f"{n:02d}"` for 0 <= n < 100, without the format call (a tenth of the cost compiled)."""
    return str(n) if n >= 10 else "0" + str(n)


def _day_first(text: str, norm: str, pos: int, lex: Lexicon) -> Quantity | None:
    m = _DAY_FIRST.match(norm, pos)
    if not m or not 1 <= int(m["day"]) <= 31:
        return None
    month_m = lex.month_after_re.match(norm, m.end())
    if not month_m:
        return None
    end = month_m.end()
    year = _YEAR_AFTER.match(norm, end)
    if year and YEAR_MIN <= int(year["year"]) <= YEAR_MAX:
        end = year.end()
    day = int(m["day2"] or m["day"])
    iso = _iso_string(year["year"] if year else None, lex.months[month_m["month"]], day)
    return marker(text, pos, end, Kind.DATE, digits="" if m["day2"] else iso)


def _numeric(text: str, norm: str, pos: int) -> Quantity | None:
    m = _NUMERIC.match(norm, pos)
    if not m or not (1 <= int(m["a"]) <= 31 and 1 <= int(m["b"]) <= 31):
        return None
    return marker(text, pos, m.end(), Kind.DATE)


def read_fiscal(site: Site) -> Quantity | None:
    """A fiscal year: "FY26", "FY 2025-26", "2025-26", "2012–13", "2006-2007", "2025/26"."""
    text, norm, pos, floor = site.text, site.norm, site.pos, site.floor
    if "FY" in site.token or site.token.endswith("FY'"):
        fy = _FY_BEFORE.search(norm, max(floor, pos - 4), pos)
        m = _FY_AFTER.match(norm, pos)
        if fy and m:
            value = int(m.group()[:4]) if site.run_length == 4 else 0
            return marker(
                text, fy.start(), m.end(), Kind.FISCAL_YEAR, digits=m.group(), value=value
            )
    if site.run_length != 4 or site.next not in ("-", "–", "/"):
        return None
    m = _FISCAL.match(norm, pos)
    if not m:
        return None
    first, second = int(m["a"]), int(m["b"])
    if not YEAR_MIN <= first <= YEAR_MAX:
        return None
    if second not in (first + 1, (first + 1) % 100):
        return None
    digits = f"{first}-{m['b']}"
    return marker(text, pos, m.end(), Kind.FISCAL_YEAR, digits=digits, value=first)


def read_code(site: Site, lex: Lexicon) -> Quantity | None:
    """An identifier: "Q3", "COVID-19", "G20", "A320", "ISO 9001", a phone number."""
    text, norm, pos, floor = site.text, site.norm, site.pos, site.floor
    if site.prev.isalpha() or site.prev == "-":
        letters = _LETTERS_BEFORE.search(norm, max(floor, pos - 13), pos)
        if letters and not _number_prefix(letters["letters"], letters["hyphen"], lex):
            return marker(text, letters.start(), code_end(norm, pos), Kind.CODE)
    if site.token in lex.code_words:
        named = lex.code_prefix_re.search(norm, max(floor, pos - 14), pos)
        if named:
            return marker(text, named.start(), code_end(norm, pos), Kind.CODE)
    if site.prev == "+" or site.next == "-":
        return _phone(text, norm, pos)
    return None


def code_end(norm: str, pos: int) -> int:
    """The end of the letters and digits of an identifier that continues at `pos`."""
    m = _CODE_TAIL.match(norm, pos)
    return m.end() if m else pos


def _number_prefix(letters: str, hyphen: str, lex: Lexicon) -> bool:
    """True when the letters before a figure leave it a number ("mid-2025", "Rs16")."""
    if letters in lex.prefixes:
        return True
    return bool(hyphen) and letters.lower() in lex.number_prefixes


def _phone(text: str, norm: str, pos: int) -> Quantity | None:
    if pos > 0 and norm[pos - 1] == "+":
        m = _PHONE_PLUS.match(norm, pos)
        if m:
            return marker(text, pos - 1, m.end(), Kind.CODE)
    m = _PHONE.match(norm, pos)
    return marker(text, pos, m.end(), Kind.CODE) if m else None
