from __future__ import annotations

from samverkan_model import Structure, catalog


class TestCatalogPackage:
    def test_all_is_sorted_and_complete(self) -> None:
        """The public names are listed, sorted, and each builds a structure."""
        assert catalog.__all__ == sorted(catalog.__all__)
        for name in catalog.__all__:
            assert name in dir(catalog)

    def test_builders_return_structures(self) -> None:
        """Every structure builder returns a Structure with a name."""
        builders = (
            catalog.stockholm_region,
            catalog.vastra_gotaland_reception,
            catalog.stockholm_refugee_coordination_2015,
        )
        names = [builder().name for builder in builders]
        assert all(isinstance(builder(), Structure) for builder in builders)
        assert len(set(names)) == 3
