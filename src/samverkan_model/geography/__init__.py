"""Sweden's counties (län) and municipalities (kommuner) with their official codes.

The reference data ships with the package and is read once, on first use.

>>> from samverkan_model import geography
>>> len(geography.counties()), len(geography.municipalities())
(21, 290)
>>> geography.municipality("1384").name, geography.municipality("1384").county.name
('Kungsbacka', 'Hallands län')
>>> len(geography.municipalities(county="01"))
26
"""

from samverkan_model.geography._area import Area, AreaKind
from samverkan_model.geography._data import (
    County,
    Municipality,
    counties,
    county,
    municipalities,
    municipality,
)

__all__ = [
    "Area",
    "AreaKind",
    "County",
    "Municipality",
    "counties",
    "county",
    "municipalities",
    "municipality",
]
