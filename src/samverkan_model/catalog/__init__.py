"""Embedded example models built from public descriptions of real collaboration structures.

Each builder returns an immutable :class:`~samverkan_model.Structure`; it is built on the
first call and the same object is returned afterwards.
:func:`social_risk_example` is the exception: it returns a fictional social-risk
:class:`~samverkan_model.Analysis` whose actors are those of :func:`stockholm_region`.

>>> from samverkan_model import catalog
>>> region = catalog.stockholm_region()
>>> region.body("samordningskansliet").kind.label("en")
'Coordination office'
"""

from samverkan_model.catalog.refugee_2015 import stockholm_refugee_coordination_2015
from samverkan_model.catalog.social_risk import social_risk_example
from samverkan_model.catalog.stockholm import stockholm_region
from samverkan_model.catalog.vastra_gotaland import vastra_gotaland_reception

__all__ = [
    "social_risk_example",
    "stockholm_refugee_coordination_2015",
    "stockholm_region",
    "vastra_gotaland_reception",
]
