"""Sphinx configuration for the samverkan_model documentation.

Build with warnings as errors, then run every example::

    sphinx-build --fail-on-warning --keep-going -b html docs docs/_build/html
    sphinx-build --fail-on-warning --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import samverkan_model

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "samverkan_model"
author = "The samverkan_model contributors"
copyright = "the samverkan_model contributors"
release = samverkan_model.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "myst_parser",
    "samverkan_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]

# -- MyST ----------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ------------------------------------------------------------------
# Each public name is documented once, on the reference page of the subpackage that
# exports it (see docs/reference/structure.md); types go into the descriptions so that
# annotations written under ``from __future__ import annotations`` never need resolving
# in signatures.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
autodoc_default_options = {"no-value": True}
add_module_names = False
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -------------------------------------------------------------------------------
# Examples in the pages are ``{doctest}`` blocks and import what they use. Docstring
# examples in the source are run by pytest, so plain ``>>>`` blocks pulled in by autodoc
# are not run a second time here.
doctest_test_doctest_blocks = ""
# Exception messages are part of what the examples show, so they are compared too.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

# -- HTML ----------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"samverkan_model {release}"
html_static_path: list[str] = []
