"""``import samverkan_model`` stays light: organisation-number checks load python-stdnum late."""

from __future__ import annotations

import subprocess
import sys

from samverkan_model import Actor, GovernanceLevel, OrganisationKind

PROBE = (
    "import sys, samverkan_model\n"
    "print(sorted({m.split('.')[0] for m in sys.modules} & {'stdnum', 'ssl'}))\n"
)


class TestImportWeight:
    def test_import_does_not_load_stdnum(self) -> None:
        """python-stdnum (and the ssl module it pulls in) waits for first use."""
        result = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"

    def test_org_numbers_are_still_checked(self) -> None:
        """An organisation number is validated and normalised once stdnum is loaded."""
        actor = Actor(
            "solna",
            "Solna stad",
            OrganisationKind.MUNICIPALITY,
            GovernanceLevel.LOCAL,
            org_number="2120000142",
        )
        assert actor.org_number == "212000-0142"
