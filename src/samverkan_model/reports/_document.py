"""A tiny document model rendered to Markdown or to self-contained HTML.

Reports are built once as a list of blocks and rendered by format, so the Markdown and
HTML versions of a report always say the same thing.
"""

from __future__ import annotations

import html
from typing import Literal

import attrs

__all__ = [
    "Block",
    "BulletList",
    "Document",
    "Format",
    "Heading",
    "Note",
    "Paragraph",
    "Table",
    "render",
]

Format = Literal["md", "html", "fragment"]
"""Markdown, a complete HTML page, or an HTML fragment (for notebooks)."""


@attrs.frozen
class Heading:
    """A heading of *level* 1 to 4."""

    text: str
    level: int = 2


@attrs.frozen
class Paragraph:
    """A paragraph of plain text."""

    text: str


@attrs.frozen
class Note:
    """A highlighted note, e.g. where a person must write the text."""

    text: str


@attrs.frozen
class BulletList:
    """An unordered list of plain-text items."""

    items: tuple[str, ...]


@attrs.frozen
class Table:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Note | BulletList | Table


@attrs.frozen
class Document:
    """A titled sequence of blocks in one language."""

    title: str
    lang: str
    blocks: tuple[Block, ...]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(doc: Document) -> str:
    out = [f"# {doc.title}", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * block.level} {block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Note):
            out += [f"> **{block.text}**", ""]
        elif isinstance(block, BulletList):
            out += [f"- {item}" for item in block.items] + [""]
        else:
            out.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
            out.append("|" + "|".join("---" for _ in block.header) + "|")
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}"
    "th{background:#eef2f5}.note{border-left:4px solid #d98c00;background:#fff6e5;"
    "padding:.5rem 1rem}"
)


def _html_blocks(doc: Document) -> list[str]:
    e = html.escape
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Note):
            out.append(f'<p class="note"><strong>{e(block.text)}</strong></p>')
        elif isinstance(block, BulletList):
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
        else:
            head = "".join(f"<th>{e(h)}</th>" for h in block.header)
            body = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return out


def _html(doc: Document) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(doc.lang)}">',
        '<head><meta charset="utf-8">',
        f"<title>{e(doc.title)}</title>",
        f"<style>{_CSS}</style></head>",
        "<body>",
        f"<h1>{e(doc.title)}</h1>",
        *_html_blocks(doc),
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _fragment(doc: Document) -> str:
    title = [f"<h3>{html.escape(doc.title)}</h3>"] if doc.title else []
    return "\n".join(["<div>", *title, *_html_blocks(doc), "</div>"]) + "\n"


_RENDERERS = {"md": _markdown, "html": _html, "fragment": _fragment}


def render(doc: Document, fmt: Format = "md") -> str:
    """Render *doc* as Markdown, a self-contained HTML page or an HTML fragment.

    The formats are ``"md"``, ``"html"`` and ``"fragment"`` (for notebook display).

    Raises:
        ValueError: for any other format.
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        msg = f"format: {fmt!r} is not one of md, html, fragment"
        raise ValueError(msg)
    return renderer(doc)
