"""``python -m samverkan_model``: the same as the ``samverkan`` command."""

from samverkan_model.cli import main

raise SystemExit(main())
