"""Maintenance commands of the data-file layer.

``python -m samverkan_model.io schemas [DIRECTORY]`` writes the JSON Schema of every
document kind (by default into the package's own ``schemas`` folder, where they ship).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from samverkan_model.io.schema import write_schemas

__all__ = ["main"]

_USAGE = "usage: python -m samverkan_model.io schemas [DIRECTORY]\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run a maintenance command; return the exit code (0: done, 2: bad usage)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "schemas" or len(args) > 2:
        sys.stderr.write(_USAGE)
        return 2
    default = Path(__file__).resolve().parent.parent / "schemas"
    target = Path(args[1]) if len(args) == 2 else default
    for path in write_schemas(target):
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
