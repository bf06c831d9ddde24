"""Readable reports in Swedish and English, as Markdown or self-contained HTML.

>>> from samverkan_model import Structure
>>> from samverkan_model.reports import structure_report
>>> print(structure_report(Structure("Tom"), lang="en").splitlines()[0])
# Collaboration structure: Tom
"""

from samverkan_model.reports._document import Document, render
from samverkan_model.reports._text import format_date
from samverkan_model.reports.structure import structure_document, structure_report

__all__ = ["Document", "format_date", "render", "structure_document", "structure_report"]
