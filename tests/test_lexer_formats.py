"""Number formats the lexer must read (DOMAIN.md §C), one named table per family.

Each row gives a text, the surface of the figure under test, and what it must be read as: value,
rounding interval (low, high), kind, currency or unit, and any other field that matters. Known
gaps are `xfail(strict=True)`, so fixing one is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from service.engine.numbers import read_quantities
from service.engine.quantity import Hedge, Kind, Quantity
from service.lexicon_loader import default_lexicon

D = Decimal


@dataclass(frozen=True)
class Expect:
    """What the figure with surface `surface` must be read as (None: not checked)."""

    surface: str
    kind: Kind
    value: str | None = None
    low: str | None = None
    high: str | None = None
    currency: str | None = None
    unit: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def row(text: str, expect: Expect, id: str, *, gap: str | None = None) -> Any:
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(text, expect, id=id, marks=marks)


def amount(surface: str, kind: Kind, value: str, low: str, high: str, **kw: Any) -> Expect:
    currency, unit = kw.pop("currency", None), kw.pop("unit", None)
    return Expect(surface, kind, value, low, high, currency, unit, kw)


def usd(surface: str, value: str, low: str, high: str, **kw: Any) -> Expect:
    return amount(surface, Kind.CURRENCY, value, low, high, currency="USD", **kw)


def pct(surface: str, value: str, low: str, high: str, **kw: Any) -> Expect:
    return amount(surface, Kind.PERCENT, value, low, high, **kw)


def num(surface: str, value: str, low: str, high: str, **kw: Any) -> Expect:
    return amount(surface, Kind.NUMBER, value, low, high, **kw)


def other(surface: str, kind: Kind, **kw: Any) -> Expect:
    return Expect(surface, kind, fields=kw)


SCALE_WORDS = [
    row(
        "to $2.61 billion.",
        usd("$2.61 billion", "2.61E9", "2.605E9", "2.615E9", step=D("1E7"), scale="billion"),
        "billion",
    ),
    row(
        "$374 million,",
        usd("$374 million", "374E6", "373.5E6", "374.5E6", scale="million"),
        "million",
    ),
    row(
        "EUR 3.3 mn",
        amount("EUR 3.3 mn", Kind.CURRENCY, "3.3E6", "3.25E6", "3.35E6", currency="EUR"),
        "mn",
    ),
    row(
        "3.3 mln euro",
        amount("3.3 mln euro", Kind.CURRENCY, "3.3E6", "3.25E6", "3.35E6", currency="EUR"),
        "mln-euro-suffix",
    ),
    row("$1.8 bln", usd("$1.8 bln", "1.8E9", "1.75E9", "1.85E9"), "bln"),
    row("$728 mil", usd("$728 mil", "728E6", "727.5E6", "728.5E6"), "mil"),
    row("USD34.6m", usd("USD34.6m", "34.6E6", "34.55E6", "34.65E6"), "glued-m"),
    row("£5m", amount("£5m", Kind.CURRENCY, "5E6", "4.5E6", "5.5E6", currency="GBP"), "pound-m"),
    row(
        "$10K bonus", usd("$10K", "10E3", "9.5E+3", "1.05E+4", lenient_step=D("1E4")), "K-thousand"
    ),
    row(
        "Rs1.086tr",
        amount("Rs1.086tr", Kind.CURRENCY, "1.086E12", "1.0855E12", "1.0865E12", currency="PKR"),
        "tr-trillion",
    ),
    row(
        "Rs16,189-crore",
        amount(
            "Rs16,189-crore", Kind.CURRENCY, "161.89E9", "161.885E9", "161.895E9", currency="PKR"
        ),
        "hyphen-crore",
    ),
    row(
        "Rs 5 lakh",
        amount("Rs 5 lakh", Kind.CURRENCY, "5E5", "4.5E5", "5.5E5", currency="PKR"),
        "lakh",
    ),
    row("$3 tn", usd("$3 tn", "3E12", "2.5E12", "3.5E12"), "tn"),
    row("$4.5B", usd("$4.5B", "4.5E9", "4.45E9", "4.55E9"), "glued-B"),
    row(
        "27.4 billion",
        num("27.4 billion", "27.4E9", "27.35E9", "27.45E9", scale="billion"),
        "no-currency-scale",
    ),
    row("USD 7.2 m )", usd("USD 7.2 m", "7.2E6", "7.15E6", "7.25E6"), "spaced-m-after-currency"),
    row(
        "EUR 1,027.0 mn",
        amount(
            "EUR 1,027.0 mn", Kind.CURRENCY, "1027.0E6", "1026.95E6", "1027.05E6", currency="EUR"
        ),
        "grouped-mn",
    ),
]

CURRENCIES = [
    row("$ 2.61 billion", usd("$ 2.61 billion", "2.61E9", "2.605E9", "2.615E9"), "dollar-space"),
    row("US$4.7 billion", usd("US$4.7 billion", "4.7E9", "4.65E9", "4.75E9"), "US-dollar"),
    row("US $ 15mn", usd("US $ 15mn", "15E6", "14.5E6", "15.5E6"), "US-space-dollar-space"),
    row(
        "U.S. $ 163 million",
        usd("U.S. $ 163 million", "163E6", "162.5E6", "163.5E6"),
        "U.S.-dollar",
    ),
    row("USD34.6 million", usd("USD34.6 million", "34.6E6", "34.55E6", "34.65E6"), "USD-glued"),
    row("88.4 mln dlrs", usd("88.4 mln dlrs", "88.4E6", "88.35E6", "88.45E6"), "dlrs"),
    row(
        "PKR 5bn",
        amount("PKR 5bn", Kind.CURRENCY, "5E9", "4.5E9", "5.5E9", currency="PKR", notes=()),
        "PKR",
    ),
    row(
        "₹40 crore",
        amount("₹40 crore", Kind.CURRENCY, "40E7", "3.95E+8", "4.05E+8", currency="INR"),
        "rupee-sign",
    ),
    row(
        "Tk 500 crore",
        amount("Tk 500 crore", Kind.CURRENCY, "500E7", "4.995E+9", "5.005E+9", currency="BDT"),
        "taka",
    ),
    row(
        "€3.3m",
        amount("€3.3m", Kind.CURRENCY, "3.3E6", "3.25E6", "3.35E6", currency="EUR"),
        "euro-sign",
    ),
    row(
        "EURO 128.7 million",
        amount(
            "EURO 128.7 million", Kind.CURRENCY, "128.7E6", "128.65E6", "128.75E6", currency="EUR"
        ),
        "EURO-caps",
    ),
    row(
        "12.49 million euros",
        amount(
            "12.49 million euros", Kind.CURRENCY, "12.49E6", "12.485E6", "12.495E6", currency="EUR"
        ),
        "euros-suffix",
    ),
    row(
        "A$2.5 billion",
        amount("A$2.5 billion", Kind.CURRENCY, "2.5E9", "2.45E9", "2.55E9", currency="AUD"),
        "aussie",
    ),
    row(
        "HK$12 million",
        amount("HK$12 million", Kind.CURRENCY, "12E6", "11.5E6", "12.5E6", currency="HKD"),
        "hong-kong",
    ),
    row(
        "SEK 1.5 bn",
        amount("SEK 1.5 bn", Kind.CURRENCY, "1.5E9", "1.45E9", "1.55E9", currency="SEK"),
        "krona",
    ),
    row(
        "Ls 578,100",
        amount("Ls 578,100", Kind.CURRENCY, "578100", "578099.5", "578100.5", currency="LVL"),
        "lats",
    ),
    row(
        "SAR 3 billion",
        amount("SAR 3 billion", Kind.CURRENCY, "3E9", "2.5E9", "3.5E9", currency="SAR"),
        "riyal-code",
    ),
    row(
        "500 million dirhams",
        amount(
            "500 million dirhams", Kind.CURRENCY, "500E6", "4.995E+8", "5.005E+8", currency="AED"
        ),
        "dirhams",
    ),
    row(
        "Rs 20 billion",
        amount(
            "Rs 20 billion",
            Kind.CURRENCY,
            "20E9",
            "1.95E+10",
            "2.05E+10",
            currency="PKR",
            notes=("Rs may be PKR, INR, LKR or NPR; read as PKR",),
        ),
        "Rs-ambiguous-noted",
    ),
    row(
        "¥5bn",
        amount(
            "¥5bn", Kind.CURRENCY, "5E9", "4.5E9", "5.5E9", currency="JPY", ambiguous=("JPY", "CNY")
        ),
        "yen-sign-ambiguous",
    ),
    row(
        "$1,049,000",
        usd("$1,049,000", "1049000", "1048999.5", "1049000.5", lenient_step=D("1000")),
        "grouped-dollars",
    ),
    row("-$5m", usd("-$5m", "-5E6", "-5.5E6", "-4.5E6"), "minus-before-dollar"),
]

DIGIT_GROUPING = [
    row(
        "1,50,000",
        num("1,50,000", "150000", "149999.5", "150000.5", notes=("Indian digit grouping",)),
        "indian-lakh",
    ),
    row(
        "12,34,567.89",
        num("12,34,567.89", "1234567.89", "1234567.885", "1234567.895"),
        "indian-decimal",
    ),
    row(
        "Rs3,25,84,729.25",
        amount(
            "Rs3,25,84,729.25",
            Kind.CURRENCY,
            "32584729.25",
            "32584729.245",
            "32584729.255",
            currency="PKR",
        ),
        "indian-rupees",
    ),
    row(
        "816 000 tonnes",
        amount("816 000 tonnes", Kind.UNIT, "816000", "815999.5", "816000.5", unit="t"),
        "space-grouping",
    ),
    row("8\u00a0000 jobs", num("8\u00a0000", "8000", "7999.5", "8000.5"), "nbsp-grouping"),
    row("8\u202f000 jobs", num("8\u202f000", "8000", "7999.5", "8000.5"), "narrow-nbsp-grouping"),
    row(
        "1.234,5", num("1.234,5", "1234.5", "1234.45", "1234.55", ambiguous=()), "european-decimal"
    ),
    row(
        "1.234.567",
        num("1.234.567", "1234567", "1234566.5", "1234567.5", ambiguous=()),
        "european-grouping",
    ),
    row("1'234'567.89", num("1'234'567.89", "1234567.89", "1234567.885", "1234567.895"), "swiss"),
    row(
        "2,600",
        num("2,600", "2600", "2599.5", "2600.5", step=D(1), lenient_step=D(100)),
        "lenient-hundreds",
    ),
    row(
        "$29,998,000",
        usd("$29,998,000", "29998000", "29997999.5", "29998000.5", lenient_step=D(1000)),
        "lenient-thousands",
    ),
    row(
        "250,000",
        num("250,000", "250000", "249999.5", "250000.5", lenient_step=D(10000)),
        "lenient-ten-thousands",
    ),
    row(
        "2.10",
        num("2.10", "2.10", "2.095", "2.105", step=D("0.01"), lenient_step=None),
        "trailing-decimal-zero",
    ),
]

DIGIT_SCRIPTS = [
    row("١٢٣٫٤", num("١٢٣٫٤", "123.4", "123.35", "123.45", digits="123.4"), "arabic-indic"),
    row("۱۲۳", num("۱۲۳", "123", "122.5", "123.5"), "extended-arabic-indic"),
    row("३५०", num("३५०", "350", "349.5", "350.5"), "devanagari"),
    row("১,২৩,৪৫৬", num("১,২৩,৪৫৬", "123456", "123455.5", "123456.5"), "bengali-indian-grouping"),
    row("１２３％", pct("１２３％", "123", "122.5", "123.5"), "fullwidth"),
    row("1٢3", other("1٢3", Kind.CODE), "mixed-scripts-are-no-number"),
]

SPELLED_OUT = [
    row("eight pct", pct("eight pct", "8", "7.5", "8.5"), "eight-pct"),
    row("a million", num("a million", "1E6", "0.5E6", "1.5E6", step=D("1E6")), "a-million"),
    row("half a million", num("half a million", "5E5", "2.5E5", "7.5E5"), "half-a-million"),
    row("twenty-five", num("twenty-five", "25", "24.5", "25.5", step=D(1)), "twenty-five"),
    row("one hundred", num("one hundred", "100", "99.5", "100.5"), "one-hundred"),
    row("seven", num("seven", "7", "6.5", "7.5"), "seven"),
    row("Two million", num("Two million", "2E6", "1.5E6", "2.5E6"), "capitalised"),
    row(
        "roughly a million freelancers",
        num("a million", "1E6", "0.5E6", "1.5E6", approximator="roughly", hedge=Hedge.ABOUT),
        "hedged-words",
    ),
    row("7-3/4", num("7-3/4", "7.75", "7.625", "7.875", step=D("0.25")), "mixed-fraction"),
    row("4¼%", pct("4¼%", "4.25", "4.125", "4.375"), "vulgar-fraction"),
    row(
        "one and a half million",
        num("one and a half million", "1.5E6", "1E6", "2E6"),
        "one-and-a-half",
        gap="lead phrase split by the cardinal 'one'",
    ),
    row(
        "two-thirds",
        num("two-thirds", "0.6666", "0.6", "0.7"),
        "two-thirds",
        gap="fraction words not read",
    ),
]

NEGATIVES = [
    row("-3%", pct("-3%", "-3", "-3.5", "-2.5"), "hyphen-minus"),
    row("\u22123%", pct("\u22123%", "-3", "-3.5", "-2.5"), "minus-sign"),
    row("fell \u20130.2%", pct("\u20130.2%", "-0.2", "-0.25", "-0.15"), "en-dash-minus"),
    row("minus 0.2%", pct("minus 0.2%", "-0.2", "-0.25", "-0.15"), "minus-word"),
    row("(3.2)", num("(3.2)", "-3.2", "-3.25", "-3.15", ambiguous=("-3.2", "3.2")), "accounting"),
    row(
        "to (2.4)% in",
        # The % outside the brackets leaves only the accounting reading: not ambiguous.
        pct("(2.4)%", "-2.4", "-2.45", "-2.35"),
        "accounting-percent",
    ),
]

RANGES = [
    row("5-6%", pct("5", "5", "4.5", "5.5"), "range-first-inherits-percent"),
    row("5-6%", pct("6%", "6", "5.5", "6.5"), "range-second"),
    row("5m-6m", num("5m", "5E6", "4.5E6", "5.5E6"), "range-scaled"),
    row("$12-14 million", usd("$12", "12E6", "11.5E6", "12.5E6"), "range-inherits-scale"),
    row("$12-14 million", usd("14 million", "14E6", "13.5E6", "14.5E6"), "range-inherits-currency"),
    row("$12 million to $14 million", usd("$14 million", "14E6", "13.5E6", "14.5E6"), "to-range"),
    row("between 5.25% and 5.5%", pct("5.25%", "5.25", "5.245", "5.255"), "between"),
    row("between 12 and 15 percent", pct("12", "12", "11.5", "12.5"), "between-inherits"),
    row(
        "2,611-kilometer (1,622-mile)",
        amount("2,611-kilometer", Kind.UNIT, "2611", "2610.5", "2611.5", unit="km"),
        "km",
    ),
    row(
        "2,611-kilometer (1,622-mile)",
        amount("1,622-mile", Kind.UNIT, "1622", "1621.5", "1622.5", unit="mi"),
        "mile",
    ),
    row(
        "to 3.4 mln tonnes from 3.1 mln",
        amount("3.4 mln tonnes", Kind.UNIT, "3.4E6", "3.35E6", "3.45E6", unit="t"),
        "tonnes",
    ),
    row(
        "to 3.4 mln tonnes from 3.1 mln",
        num("3.1 mln", "3.1E6", "3.05E6", "3.15E6", unit=None),
        "no-unit-of-its-own",
    ),
]

AMBIGUOUS_FORMS = [
    row(
        "3.350", num("3.350", "3.350", "3.3495", "3.3505", ambiguous=("3.350", "3350")), "dot-three"
    ),
    row("1,5", num("1,5", "1.5", "1.45", "1.55", ambiguous=("1.5", "1 and 5")), "decimal-comma"),
    row(
        "$3.394 million",
        usd("$3.394 million", "3.394E6", "3.3935E6", "3.3945E6", ambiguous=()),
        "scale-makes-dot-decimal",
    ),
    row(
        "$391.570 m",
        usd("$391.570 m", "391.570E6", "391.5695E6", "391.5705E6", ambiguous=()),
        "scale-m-makes-dot-decimal",
    ),
    row(
        "3.350%",
        pct("3.350%", "3.350", "3.3495", "3.3505", ambiguous=()),
        "percent-makes-dot-decimal",
    ),
]

NOT_AMOUNTS = [
    row("in 2021.", other("2021", Kind.YEAR), "year"),
    row("since 2021, when", other("2021", Kind.YEAR), "year-comma"),
    row(
        "2,021 people",
        amount("2,021 people", Kind.UNIT, "2021", "2020.5", "2021.5", unit="people"),
        "grouped-is-no-year",
    ),
    row("FY2025-26", other("FY2025-26", Kind.FISCAL_YEAR), "fy-glued"),
    row("FY 2025-26", other("FY 2025-26", Kind.FISCAL_YEAR, digits="2025-26"), "fy-spaced"),
    row("FY26", other("FY26", Kind.FISCAL_YEAR), "fy-short"),
    row("2025-26", other("2025-26", Kind.FISCAL_YEAR), "fiscal-hyphen"),
    row("2012–13", other("2012–13", Kind.FISCAL_YEAR), "fiscal-en-dash"),
    row("2006-2007", other("2006-2007", Kind.FISCAL_YEAR), "fiscal-long"),
    row("2025/26", other("2025/26", Kind.FISCAL_YEAR), "fiscal-slash"),
    row(
        "on October 12, 2025.", other("October 12, 2025", Kind.DATE, digits="2025-10-12"), "date-us"
    ),
    row(
        "Updated 12 October 2025",
        other("12 October 2025", Kind.DATE, digits="2025-10-12"),
        "date-uk",
    ),
    row("by Oct. 12 or", other("Oct. 12", Kind.DATE), "date-abbrev"),
    row("by Nov. 1 that year", other("Nov. 1", Kind.DATE), "date-nov"),
    row("night of 11/12 Oct 2025,", other("11/12 Oct 2025", Kind.DATE), "date-night-of"),
    row("June 30, 2022", other("June 30, 2022", Kind.DATE, digits="2022-06-30"), "date-june"),
    row("2025-10-12", other("2025-10-12", Kind.DATE, digits="2025-10-12"), "date-iso"),
    row("in January 2026,", other("January 2026", Kind.DATE, digits="2026-01"), "month-year"),
    row("the 1st and", other("1st", Kind.ORDINAL, value=D(1)), "ordinal"),
    row("the 21st century", other("21st", Kind.ORDINAL), "ordinal-21st"),
    row("the third quarter", other("third", Kind.ORDINAL), "ordinal-word"),
    row("in Q3,", other("Q3", Kind.CODE), "quarter"),
    row("in H1 2025", other("H1", Kind.CODE), "half"),
    row("COVID-19 cases", other("COVID-19", Kind.CODE), "covid"),
    row("ISO 9001 standard", other("ISO 9001", Kind.CODE), "iso"),
    row("the G20 summit", other("G20", Kind.CODE), "g20"),
    row("an A320 jet", other("A320", Kind.CODE), "a320"),
    row("in 7MFY26", other("7MFY26", Kind.CODE), "period-tag"),
    row("in 1HFY26", other("1HFY26", Kind.CODE), "half-year-tag"),
    row("in Q1FY26", other("Q1FY26", Kind.CODE), "quarter-tag"),
    row("call +92 21 111 222 333 now", other("+92 21 111 222 333", Kind.CODE), "phone-plus"),
    row("call 021-1234567 now", other("021-1234567", Kind.CODE), "phone-hyphen"),
    row("after 9/11 the", other("9/11", Kind.CODE), "nine-eleven"),
    row("by mid-2025", other("2025", Kind.YEAR), "mid-year"),
]

KNOWN_TRAPS = [
    row("rose 19.78pc to", pct("19.78pc", "19.78", "19.775", "19.785"), "pc-glued"),
    row("5.1 pct", pct("5.1 pct", "5.1", "5.05", "5.15"), "pct"),
    row("44.0 %", pct("44.0 %", "44.0", "43.95", "44.05"), "spaced-percent"),
    row("a 3.3-percent increase", pct("3.3-percent", "3.3", "3.25", "3.35"), "hyphen-percent"),
    row("4.5 per cent", pct("4.5 per cent", "4.5", "4.45", "4.55"), "per-cent"),
    row(
        "1.8 percentage points",
        amount("1.8 percentage points", Kind.PERCENTAGE_POINTS, "1.8", "1.75", "1.85"),
        "pp-long",
    ),
    row("up 2.5pp", amount("2.5pp", Kind.PERCENTAGE_POINTS, "2.5", "2.45", "2.55"), "pp"),
    row(
        "120 basis points",
        amount("120 basis points", Kind.BASIS_POINTS, "120", "119.5", "120.5"),
        "bp-long",
    ),
    row("cut 25 bps", amount("25 bps", Kind.BASIS_POINTS, "25", "24.5", "25.5"), "bps"),
    row(
        "1,394,036 pounds",
        amount("1,394,036 pounds", Kind.UNIT, "1394036", "1394035.5", "1394036.5", unit="lb"),
        "pounds-weight",
    ),
    row(
        "19.92 million liters",
        amount("19.92 million liters", Kind.UNIT, "19.92E6", "19.915E6", "19.925E6", unit="L"),
        "liters",
    ),
    row(
        "about 100 kilometers ( 60 miles )",
        amount(
            "100 kilometers",
            Kind.UNIT,
            "100",
            "99.5",
            "100.5",
            unit="km",
            approximator="about",
            hedge=Hedge.ABOUT,
        ),
        "about-km",
    ),
    row(
        "nearly 20 percent",
        pct("20 percent", "20", "19.5", "20.5", approximator="nearly", hedge=Hedge.NEARLY),
        "nearly",
    ),
    row(
        "generating over $3 billion",
        usd("$3 billion", "3E9", "2.5E9", "3.5E9", bound="over", hedge=Hedge.OVER),
        "over-bound",
    ),
    row(
        "more than 200 fighters",
        num("200", "200", "199.5", "200.5", bound="more than", hedge=Hedge.OVER),
        "more-than",
    ),
    row("up to 5%", pct("5%", "5", "4.5", "5.5", bound="up to", hedge=Hedge.AT_MOST), "up-to"),
    row(
        "at least 12 people",
        amount("12 people", Kind.UNIT, "12", "11.5", "12.5", unit="people", hedge=Hedge.AT_LEAST),
        "at-least",
    ),
    row(
        "some 1,300 participants",
        num("1,300", "1300", "1299.5", "1300.5", approximator="some", hedge=Hedge.ABOUT),
        "some",
    ),
    row("~5%", pct("5%", "5", "4.5", "5.5", approximator="~", hedge=Hedge.ABOUT), "tilde"),
    row(
        "exactly 7%",
        pct("7%", "7", "6.5", "7.5", approximator="exactly", hedge=Hedge.EXACT),
        "exactly",
    ),
    row(
        "$2.61 billion.", usd("$2.61 billion", "2.61E9", "2.605E9", "2.615E9"), "trailing-full-stop"
    ),
    row("million, 31%to", pct("31%", "31", "30.5", "31.5"), "typo-percent-to"),
    row("or $69%, to", pct("$69%", "69", "68.5", "69.5"), "typo-dollar-percent"),
    row(
        "EUR 3.3 mn in 2004 .",
        amount("EUR 3.3 mn", Kind.CURRENCY, "3.3E6", "3.25E6", "3.35E6", currency="EUR"),
        "finphrase-spacing",
    ),
    row("85°F", amount("85°F", Kind.UNIT, "85", "84.5", "85.5", unit="degF"), "fahrenheit"),
    row(
        "the 5 m tall wall",
        num("5", "5", "4.5", "5.5", scale=None),
        "spaced-m-without-currency-is-not-million",
    ),
    row(
        "12 metres",
        amount("12 metres", Kind.UNIT, "12", "11.5", "12.5", unit="m_len"),
        "metres-spelled",
    ),
    row(
        "rose 300 points",
        amount("300 points", Kind.PERCENTAGE_POINTS, "300", "250", "350"),
        "points-bare",
        gap="bare 'points' is ambiguous with index points; not read",
    ),
]


def read_one(text: str, surface: str) -> Quantity:
    found = [q for q in read_quantities(text, default_lexicon()) if q.text == surface]
    assert len(found) == 1, [q.text for q in read_quantities(text, default_lexicon())]
    return found[0]


def check(text: str, expect: Expect) -> None:
    q = read_one(text, expect.surface)
    assert text[q.start : q.end] == q.text
    assert q.kind is expect.kind
    if expect.value is not None:
        assert q.value == D(expect.value)
        assert isinstance(q.value, Decimal)
    if expect.low is not None:
        interval = q.interval(strict_zeros=True)  # the lexer's part; lenient policy is Quantity's
        assert (interval.low, interval.high) == (D(expect.low), D(expect.high))
    if expect.kind is Kind.CURRENCY or expect.currency:
        assert q.currency == expect.currency
    if expect.kind is Kind.UNIT or expect.unit:
        assert q.unit == expect.unit
    for name, wanted in expect.fields.items():
        assert getattr(q, name) == wanted, name


@pytest.mark.parametrize(("text", "expect"), SCALE_WORDS)
def test_scale_words_multiply_value_and_step(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), CURRENCIES)
def test_currency_markers_give_iso_codes(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), DIGIT_GROUPING)
def test_digit_grouping_styles(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), DIGIT_SCRIPTS)
def test_digits_in_other_scripts(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), SPELLED_OUT)
def test_spelled_out_numbers(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), NEGATIVES)
def test_negative_forms(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), RANGES)
def test_ranges_give_two_figures_sharing_a_suffix(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), AMBIGUOUS_FORMS)
def test_ambiguous_forms_list_their_readings(text: str, expect: Expect) -> None:
    check(text, expect)


@pytest.mark.parametrize(("text", "expect"), NOT_AMOUNTS)
def test_dates_years_ordinals_and_codes_are_not_amounts(text: str, expect: Expect) -> None:
    check(text, expect)
    assert not read_one(text, expect.surface).kind.is_amount or expect.kind.is_amount


@pytest.mark.parametrize(("text", "expect"), KNOWN_TRAPS)
def test_known_traps(text: str, expect: Expect) -> None:
    check(text, expect)


# Claim strings from the development corpus (../shared/corpus/dev), copied because the corpus is
# not shipped: each must be read as exactly one amount, inside its sentence and alone.
FROM_DEV_CORPUS = [
    (
        "Net interest income increased by 4.5 % to EUR 31.4 mn from EUR 30.0 mn in 2004 .",
        ["4.5 %", "EUR 31.4 mn", "EUR 30.0 mn"],
    ),
    (
        "Operating profit improved by 44.0 % to ER 4.7 mn from EUR 3.3 mn in 2004 .",
        ["44.0 %", "4.7 mn", "EUR 3.3 mn"],
    ),
    (
        "operating margin decreased 410 basis points to (2.4)% in fiscal 2023 as compared to 1.7% in fiscal 2022.",
        ["410 basis points", "(2.4)%", "1.7%"],
    ),
    (
        "The sale of antimony during 2022 was 1,394,036 pounds compared to 911,079 pounds in 2021, an increase of 53.0%.",
        ["1,394,036", "911,079", "53.0%"],
    ),
    (
        "in Lahti , about 100 kilometers ( 60 miles ) north of Helsinki .",
        ["about 100 kilometers", "60 miles"],
    ),
    (
        "were EURO 128.7 million about U.S. $ 163 million , a 3.3-percent increase compared with EURO 124.6 million",
        ["EURO 128.7 million", "3.3-percent", "EURO 124.6 million"],
    ),
    (
        "increased by $124.3 million, or $69%, to $303.2 million in fiscal 2022 from $178.9 million in fiscal 2021.",
        ["$124.3 million", "$69%", "$303.2 million", "$178.9 million"],
    ),
    (
        "Net sales increased $3.5 billion, or 17.1%, from $20.6 billion for fiscal 2022 to $24.1 billion for fiscal 2023.",
        ["$3.5 billion", "17.1%", "$20.6 billion", "$24.1 billion"],
    ),
    (
        "sales rose to 12.49 million euros from 15.04 million euros , and output to 245.92 million litres",
        ["12.49 million euros", "15.04 million euros", "245.92 million litres"],
    ),
    (
        "revenue of approximately $2.3 million and 2,105 employees",
        ["approximately $2.3 million", "2,105 employees"],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "claims"), FROM_DEV_CORPUS, ids=[c[1][0] for c in FROM_DEV_CORPUS]
)
def test_dev_corpus_claim_strings_are_one_figure_each(sentence: str, claims: list[str]) -> None:
    lexicon = default_lexicon()
    figures = read_quantities(sentence, lexicon)
    for claim in claims:
        alone = read_quantities(claim, lexicon)
        assert len(alone) == 1 and alone[0].kind.is_amount, claim
        at = sentence.index(claim)
        inside = [q for q in figures if q.start < at + len(claim) and q.end > at]
        assert len(inside) == 1 and inside[0].value == alone[0].value, claim
