"""Data files: documents as JSON, TOML or YAML, with schema versions and JSON Schemas.

One document per file; the suffix (``.json``, ``.toml``, ``.yaml``/``.yml``) says the
format. Every document starts with ``format`` and ``version``:

>>> from samverkan_model import Structure
>>> from samverkan_model.io import dumps, loads
>>> text = dumps(Structure("Exempel"))
>>> print(text, end="")
{
  "format": "samverkan-model/structure",
  "version": 1,
  "name": "Exempel"
}
>>> loads(text, Structure) == Structure("Exempel")
True

Every problem of a bad document is reported at once, each with its path:

>>> loads('{"format": "samverkan-model/structure", "version": 1, "nme": "x"}')
Traceback (most recent call last):
...
samverkan_model.io.errors.LoadError: 2 problems
  name: required key is missing
  unknown key 'nme' (did you mean 'name'?)

:func:`load_matrix_library` and :func:`dumps_matrix_library` read and write risk matrices
in the open risk-matrix-library YAML layout. :data:`converter` is the cattrs converter
behind all of this, for embedding the library's types in your own attrs classes.
"""

from samverkan_model.io._api import dumps, from_data, load, loads, save, to_data
from samverkan_model.io._converter import converter, make_converter
from samverkan_model.io._formats import FORMATS, SUFFIXES, Format
from samverkan_model.io.documents import DOCUMENT_KINDS, MIGRATIONS, DocumentKind, Migration
from samverkan_model.io.errors import LoadError, Problem
from samverkan_model.io.matrix_library import dumps_matrix_library, load_matrix_library
from samverkan_model.io.schema import json_schema

__all__ = [
    "DOCUMENT_KINDS",
    "FORMATS",
    "MIGRATIONS",
    "SUFFIXES",
    "DocumentKind",
    "Format",
    "LoadError",
    "Migration",
    "Problem",
    "converter",
    "dumps",
    "dumps_matrix_library",
    "from_data",
    "json_schema",
    "load",
    "load_matrix_library",
    "loads",
    "make_converter",
    "save",
    "to_data",
]
