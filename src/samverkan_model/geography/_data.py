"""Loading and querying the shipped county and municipality table."""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

import attrs

__all__ = ["County", "Municipality", "counties", "county", "municipalities", "municipality"]


@attrs.frozen
class County:
    """A Swedish county (län), identified by its two-digit official code.

    Attributes:
        code: The official county code, e.g. ``"01"`` for Stockholms län.
        name: The official name, e.g. ``"Stockholms län"``.
    """

    code: str
    name: str

    def municipalities(self) -> tuple[Municipality, ...]:
        """The county's municipalities, ordered by code."""
        return municipalities(self.code)


@attrs.frozen
class Municipality:
    """A Swedish municipality (kommun), identified by its four-digit official code.

    Attributes:
        code: The official municipality code, e.g. ``"0180"`` for Stockholm.
        name: The official name, e.g. ``"Stockholm"``.
        county_code: The code of the county the municipality lies in.
    """

    code: str
    name: str
    county_code: str

    @property
    def county(self) -> County:
        """The county the municipality lies in."""
        return county(self.county_code)


@attrs.frozen
class _Table:
    counties: dict[str, County]
    municipalities: dict[str, Municipality]
    by_county: dict[str, tuple[Municipality, ...]]


@functools.cache
def _table() -> _Table:
    text = resources.files(__package__).joinpath("data", "kommuner.csv").read_text("utf-8")
    counties_: dict[str, County] = {}
    municipalities_: dict[str, Municipality] = {}
    for row in csv.DictReader(io.StringIO(text)):
        counties_.setdefault(row["county_code"], County(row["county_code"], row["county_name"]))
        municipalities_[row["municipality_code"]] = Municipality(
            row["municipality_code"], row["municipality_name"], row["county_code"]
        )
    by_county: dict[str, list[Municipality]] = {code: [] for code in counties_}
    for m in sorted(municipalities_.values(), key=lambda m: m.code):
        by_county[m.county_code].append(m)
    return _Table(
        counties=dict(sorted(counties_.items())),
        municipalities=dict(sorted(municipalities_.items())),
        by_county={code: tuple(ms) for code, ms in by_county.items()},
    )


def counties() -> tuple[County, ...]:
    """All 21 counties, ordered by code."""
    return tuple(_table().counties.values())


def county(code: str) -> County:
    """The county with official code *code* (two digits, e.g. ``"14"``).

    Raises:
        KeyError: if no county has that code; the message names the code.
    """
    try:
        return _table().counties[code]
    except KeyError:
        msg = f"no county with code {code!r} (county codes are two digits, 01-25)"
        raise KeyError(msg) from None


def municipalities(county: str | County | None = None) -> tuple[Municipality, ...]:
    """All 290 municipalities, or those of one county, ordered by code.

    Args:
        county: A county or county code; ``None`` for the whole country.

    Raises:
        KeyError: if *county* is an unknown county code.
    """
    table = _table()
    if county is None:
        return tuple(table.municipalities.values())
    code = county.code if isinstance(county, County) else county
    if code not in table.by_county:
        msg = f"no county with code {code!r} (county codes are two digits, 01-25)"
        raise KeyError(msg)
    return table.by_county[code]


def municipality(code: str) -> Municipality:
    """The municipality with official code *code* (four digits, e.g. ``"0180"``).

    Raises:
        KeyError: if no municipality has that code; the message names the code.
    """
    try:
        return _table().municipalities[code]
    except KeyError:
        msg = f"no municipality with code {code!r} (municipality codes are four digits)"
        raise KeyError(msg) from None
