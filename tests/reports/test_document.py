from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model.reports._document import (
    BulletList,
    Document,
    Heading,
    Note,
    Paragraph,
    Table,
    render,
)

DOC = Document(
    "Rapport",
    "sv",
    (
        Heading("Del", 2),
        Paragraph("Text <med> & tecken"),
        Note("Skriv här"),
        BulletList(("a", "b")),
        Table(("A", "B"), (("1", "x|y"),)),
    ),
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


class TestMarkdown:
    def test_blocks(self) -> None:
        """Every block kind renders to its Markdown form."""
        md = render(DOC, "md")
        assert md.startswith("# Rapport\n\n## Del\n")
        assert "> **Skriv här**" in md
        assert "- a\n- b" in md
        assert "| A | B |\n|---|---|\n| 1 | x\\|y |" in md
        assert md.endswith("\n")
        assert not md.endswith("\n\n")


class TestHtml:
    def test_escapes_and_parses(self) -> None:
        """HTML output escapes text and parses as a complete document."""
        page = render(DOC, "html")
        parser = _Collect()
        parser.feed(page)
        assert "Text <med> & tecken" in "".join(parser.text)
        assert {"html", "head", "style", "body", "h1", "h2", "ul", "table"} <= set(parser.tags)
        assert '<html lang="sv">' in page

    @given(st.text())
    def test_any_text_roundtrips_through_escaping(self, text: str) -> None:
        """Whatever a paragraph says comes back out of the HTML unchanged."""
        page = render(Document("t", "en", (Paragraph(text),)), "html")
        parser = _Collect()
        parser.feed(page)
        parser.close()
        assert (
            text.replace("\r\n", "\n").replace("\r", "\n")
            in "".join(parser.text).replace("\r\n", "\n").replace("\r", "\n")
            or text.strip() == ""
        )


def test_unknown_format() -> None:
    """An unknown format is a ValueError naming the choices."""
    with pytest.raises(ValueError, match="not one of md, html, fragment"):
        render(DOC, "pdf")  # type: ignore[arg-type]


def test_fragment_has_no_page_wrapper() -> None:
    """The notebook fragment is a div with the title and blocks, without <html>."""
    fragment = render(DOC, "fragment")
    assert fragment.startswith("<div>\n<h3>Rapport</h3>")
    assert "<html" not in fragment
    assert "<table>" in fragment
