"""The rating rule: 0 to 5 in half stars."""

from decimal import Decimal


def is_half_star(value: Decimal) -> bool:
    return value.is_finite() and 0 <= value <= 5 and not (value * 2) % 1
