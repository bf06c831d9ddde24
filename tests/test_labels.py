from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    LANGUAGES,
    AgreementKind,
    AreaKind,
    BodyKind,
    DecisionKind,
    GovernanceLevel,
    LabelledEnum,
    Mode,
    OrganisationKind,
    RelationKind,
    Role,
    Severity,
)
from samverkan_model._labels import check_lang
from samverkan_model._validators import SLUG_PATTERN

ENUMS: tuple[type[LabelledEnum], ...] = (
    AgreementKind,
    AreaKind,
    BodyKind,
    DecisionKind,
    GovernanceLevel,
    Mode,
    OrganisationKind,
    RelationKind,
    Role,
    Severity,
)
MEMBERS = [member for enum in ENUMS for member in enum]


class TestCheckLang:
    @pytest.mark.parametrize("lang", ["sv", "en"])
    def test_known_languages_pass(self, lang: str) -> None:
        """The two supported language codes are returned unchanged."""
        assert check_lang(lang) == lang

    @given(st.text().map(lambda s: s + "x"))
    def test_other_codes_are_refused(self, lang: str) -> None:
        """Any other code is a ValueError that names it and the valid codes."""
        with pytest.raises(ValueError, match="unknown language") as info:
            check_lang(lang)
        assert repr(lang) in str(info.value)
        assert "sv, en" in str(info.value)


class TestLabelledEnum:
    @pytest.mark.parametrize("member", MEMBERS, ids=repr)
    def test_labels_are_capitalised_text(self, member: LabelledEnum) -> None:
        """Every member has a non-empty Swedish and English label that starts in upper case."""
        for lang in LANGUAGES:
            label = member.label(lang)
            assert label.strip() == label
            assert label[:1].isupper()

    @pytest.mark.parametrize("member", MEMBERS, ids=repr)
    def test_values_are_stable_identifiers(self, member: LabelledEnum) -> None:
        """Values are lowercase ASCII identifiers, usable in data files."""
        assert SLUG_PATTERN.match(member.value)

    @pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
    def test_values_and_labels_are_unique(self, enum: type[LabelledEnum]) -> None:
        """No two members of one enum share a value or a label."""
        members = list(enum)
        assert len({m.value for m in members}) == len(members)
        for lang in LANGUAGES:
            assert len({m.label(lang) for m in members}) == len(members)

    def test_label_defaults_to_swedish(self) -> None:
        """label() without a language gives the Swedish label."""
        assert GovernanceLevel.SUBREGIONAL.label() == "Delregional nivå"
        assert GovernanceLevel.SUBREGIONAL.label("en") == "Sub-regional level"

    def test_label_refuses_unknown_language(self) -> None:
        """An unknown language code is a ValueError, not a silent fallback."""
        with pytest.raises(ValueError, match="unknown language 'de'"):
            Role.CHAIR.label("de")  # type: ignore[arg-type]

    @pytest.mark.parametrize("member", MEMBERS, ids=repr)
    def test_from_value_and_call_find_the_member(self, member: LabelledEnum) -> None:
        """from_value() and the enum call both look members up by value."""
        enum = type(member)
        assert enum.from_value(member.value) is member
        assert enum(member.value) is member

    def test_from_value_lists_valid_values(self) -> None:
        """An unknown value is a ValueError listing every valid value."""
        with pytest.raises(ValueError, match="'normall' is not one of normal, activated"):
            Mode.from_value("normall")

    def test_repr_is_qualified_name(self) -> None:
        """repr() is the Python expression naming the member."""
        assert repr(BodyKind.ISF_SUPPORT) == "BodyKind.ISF_SUPPORT"
