"""Dates as the site writes them for readers."""

from __future__ import annotations

import datetime as dt

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def gov_date(day: dt.date) -> str:
    """A date in GOV.UK style: 18 September 2016."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not %B: that follows the machine's locale
