"""Readable reports in Swedish and English, as Markdown or self-contained HTML.

Each report exists as a function returning text (``structure_report``,
``analysis_report``, ``followup_report``, ``rsa_report``) and as one returning the
:class:`Document` behind it, for callers that render it their own way.

>>> from samverkan_model import Structure
>>> from samverkan_model.reports import structure_report
>>> print(structure_report(Structure("Tom"), lang="en").splitlines()[0])
# Collaboration structure: Tom
"""

from samverkan_model.reports._document import Document, render
from samverkan_model.reports._text import format_date
from samverkan_model.reports.analysis import analysis_document, analysis_report
from samverkan_model.reports.followup import followup_document, followup_report
from samverkan_model.reports.rsa import rsa_document, rsa_report
from samverkan_model.reports.structure import structure_document, structure_report

__all__ = [
    "Document",
    "analysis_document",
    "analysis_report",
    "followup_document",
    "followup_report",
    "format_date",
    "render",
    "rsa_document",
    "rsa_report",
    "structure_document",
    "structure_report",
]
