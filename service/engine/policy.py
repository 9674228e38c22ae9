"""The tolerance policy of DOMAIN.md §B.5 and §A.19 as one value, so callers can change it.

Every threshold marked UNSURE in the domain report lives here with its default, and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Policy:
    # §B.1: integers with trailing zeros are read as rounded ("2,600" ±50) unless strict.
    strict_zeros: bool = False
    # §B.5 tier 2: a derived figure that fits only when read as truncated is a minor discrepancy.
    truncation: bool = True
    # §B.5 tier 3: the noise floor, in percentage points for rates and relative for levels.
    minor_points: Decimal = Decimal("0.1")
    minor_relative: Decimal = Decimal("0.005")
    minor_steps: Decimal = Decimal(5)  # …and at most five units of the level's last digit
    # §A.19: "about" accepts ±10 %, "nearly" down to 10 % below.
    about: Decimal = Decimal("0.10")
    # "approximately $3.3 million" as the base of a relation: ±5 %. The ±10 % above is for the
    # figure being checked; on an input the tolerance compounds through the relation, and the
    # development corpus (README rule 4) reads hedged inputs at ±5 %.
    about_input: Decimal = Decimal("0.05")
    nearly: Decimal = Decimal("0.10")
    # §B.5 rule 4: a computed range wider than this proves little ("weak").
    weak_points: Decimal = Decimal("2")
    weak_relative: Decimal = Decimal("0.10")
    # A converted figure ("300 feet (90 metres)") may be rounded to its last non-zero digit, but
    # by no more than 5 %: "124 km (100 miles)" is wrong, not rounded.
    conversion_relative: Decimal = Decimal("0.05")
    # Multiples ("doubled") are approximate words: ±5 % around the factor (corpus policy).
    multiple: Decimal = Decimal("0.05")


DEFAULT_POLICY = Policy()
