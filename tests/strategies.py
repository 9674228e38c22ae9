"""One home for the hypothesis strategies: consistent change claims rendered as prose."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import strategies as st

SCALES = [
    ("million", Decimal(10) ** 6),
    ("mn", Decimal(10) ** 6),
    ("mln", Decimal(10) ** 6),
    ("billion", Decimal(10) ** 9),
    ("bn", Decimal(10) ** 9),
]
CURRENCIES = ["$", "US$", "USD ", "Rs ", "€", "EUR "]
SUBJECTS = ["Exports", "Net sales", "Remittances", "Operating profit", "Revenue"]


@dataclass(frozen=True)
class ChangeFigures:
    """Levels and percent rounded from exact underlying values, so consistent by construction."""

    old: str
    new: str
    percent: str
    change: str
    rising: bool
    true_percent: Decimal


def _round(value: Decimal, places: int) -> str:
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@st.composite
def change_figures(draw: st.DrawFn) -> ChangeFigures:
    old = Decimal(draw(st.integers(10_000, 9_999_999))) / 1000
    factor = Decimal(draw(st.integers(500, 1_900))) / 1000  # −50 % … +90 %
    if factor == 1:
        factor = Decimal("1.001")
    new = old * factor
    level_places = draw(st.integers(1, 3))
    percent_places = draw(st.integers(0, 2))
    true_percent = (new - old) / old * 100
    return ChangeFigures(
        old=_round(old, level_places),
        new=_round(new, level_places),
        percent=_round(abs(true_percent), percent_places),
        change=_round(abs(new - old), level_places),
        rising=new > old,
        true_percent=true_percent,
    )


TEMPLATES = [
    "{subject} {verb} {p} percent to {cur}{new} {scale} from {cur}{old} {scale}.",
    "{subject} reached {cur}{new} {scale}, {updown} {p}% from {cur}{old} {scale} a year earlier.",
    "{subject} {verb} {p} pct to {new} {scale} dlrs from {old} {scale} dlrs.",
    "{subject} {verb} {cur}{change} {scale}, or {p}%, to {cur}{new} {scale} from {cur}{old} {scale}.",
    "{subject} were {cur}{new} {scale}, compared to {cur}{old} {scale} last year, {updown} {p}%.",
]


@st.composite
def consistent_sentences(draw: st.DrawFn) -> str:
    figures = draw(change_figures())
    template = draw(st.sampled_from(TEMPLATES))
    scale, _ = draw(st.sampled_from(SCALES))
    return template.format(
        subject=draw(st.sampled_from(SUBJECTS)),
        verb="rose" if figures.rising else "fell",
        updown="up" if figures.rising else "down",
        p=figures.percent,
        cur=draw(st.sampled_from(CURRENCIES)),
        new=figures.new,
        old=figures.old,
        change=figures.change,
        scale=scale,
    )
