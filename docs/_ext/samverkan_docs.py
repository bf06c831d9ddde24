"""Sphinx helpers for the samverkan_model documentation.

* ``{public-api}`` renders the table of every name in ``samverkan_model.__all__``, each
  linked to the one reference page that documents it.
* ``{enum-glossary}`` renders the Swedish and English label of every member of every public
  enumeration (and of the public label tables such as ``WORK_AREAS``), so no term is
  written twice: the labels in the code are the glossary.
* autodoc hooks append a member table to every enumeration, give re-exported constants the
  docstring written next to their definition, and stop napoleon from reading the first
  words of a property docstring such as ``"Height of the level: ..."`` as a type.
* after reading, every public name must be documented exactly once; anything else is a
  warning, and the docs build treats warnings as errors.
"""

from __future__ import annotations

import importlib
import inspect
import logging as logging_
import pkgutil
import re
import sys
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

PACKAGE = "samverkan_model"
logger = logging.getLogger(__name__)


# -- what is public ------------------------------------------------------------------------


@cache
def public_modules() -> tuple[Any, ...]:
    """The package and its importable public subpackages and modules, package first."""
    package = importlib.import_module(PACKAGE)
    found = [package]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        try:
            found.append(importlib.import_module(f"{PACKAGE}.{info.name}"))
        except ImportError:  # an optional dependency is missing: nothing to list from it
            continue
    return tuple(found)


def exported(module: Any) -> list[str]:
    return [name for name in getattr(module, "__all__", ()) if not name.startswith("__")]


def home_module(name: str, obj: object) -> str:
    """The module a public name is documented in: the shortest public module exporting it."""
    homes = [
        m.__name__
        for m in public_modules()[1:]
        if name in exported(m) and getattr(m, name, None) is obj
    ]
    return min(homes, key=lambda h: (h.count("."), h)) if homes else PACKAGE


@cache
def attribute_docs(modname: str) -> dict[str, list[str]]:
    """Docstrings written below module-level assignments in *modname*, by name."""
    try:
        analyzer = ModuleAnalyzer.for_module(modname)
        docs = analyzer.find_attr_docs()
    except PycodeError:
        return {}
    return {name: list(lines) for (scope, name), lines in docs.items() if scope == ""}


def data_doc(name: str, obj: object) -> list[str] | None:
    """The docstring written next to the definition of a module-level constant."""
    for modname in sorted(sys.modules):
        if modname != PACKAGE and not modname.startswith(PACKAGE + "."):
            continue
        module = sys.modules[modname]
        if getattr(module, name, None) is obj and name in attribute_docs(modname):
            return attribute_docs(modname)[name]
    return None


def summary(name: str, obj: object) -> str:
    """The first line of the documentation of a public object."""
    if inspect.isclass(obj) or inspect.isroutine(obj):
        doc = inspect.getdoc(obj) or ""
    else:
        doc = "\n".join(data_doc(name, obj) or [])
        if not doc.strip() and len(repr(obj)) < 60:
            doc = f"``{obj!r}``"
    return doc.strip().split("\n", 1)[0]


def is_labelled_enum(obj: object) -> bool:
    return (
        inspect.isclass(obj)
        and issubclass(obj, Enum)
        and callable(getattr(obj, "label", None))
        and any(isinstance(m.value, str) for m in obj)
    )


def is_label_table(obj: object) -> bool:
    """A public ``{slug: (Swedish label, English label)}`` table such as ``WORK_AREAS``."""
    return (
        isinstance(obj, dict)
        and bool(obj)
        and all(
            isinstance(k, str)
            and isinstance(v, tuple)
            and len(v) == 2
            and all(isinstance(x, str) for x in v)
            for k, v in obj.items()
        )
    )


def public_objects() -> list[tuple[str, str, object]]:
    """``(home module, name, object)`` for every name exported by a public module, once."""
    seen: set[int] = set()
    out: list[tuple[str, str, object]] = []
    for module in public_modules():
        for name in exported(module):
            obj = getattr(module, name, None)
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            out.append((home_module(name, obj), name, obj))
    return out


# -- small node builders -------------------------------------------------------------------

_INLINE = re.compile(r":[\w:]+:`~?([^`]+)`|``([^`]+)``|`([^`]+)`")


def inline(text: str) -> list[nodes.Node]:
    """Text with reST roles and literals turned into plain text and literal nodes."""
    out: list[nodes.Node] = []
    pos = 0
    for match in _INLINE.finditer(text):
        out.append(nodes.Text(text[pos : match.start()]))
        role_target, literal, plain = match.groups()
        if role_target is not None:
            shown = role_target.rsplit(".", 1)[-1] if "~" in match.group(0) else role_target
            out.append(nodes.literal(shown, shown))
        elif literal is not None:
            out.append(nodes.literal(literal, literal))
        else:
            out.append(nodes.Text(plain))
        pos = match.end()
    out.append(nodes.Text(text[pos:]))
    return out


def py_ref(target: str, shown: str) -> addnodes.pending_xref:
    """A link to a documented Python object, found by the end of its dotted name."""
    ref = addnodes.pending_xref(
        "",
        nodes.literal(shown, shown, classes=["xref", "py", "py-obj"]),
        refdomain="py",
        reftype="obj",
        reftarget=target,
        refspecific=True,
        refexplicit=True,
        refwarn=False,
    )
    ref["py:module"] = None
    ref["py:class"] = None
    return ref


def table(headers: list[str], widths: list[int], rows: list[list[list[nodes.Node]]]) -> nodes.table:
    tbl = nodes.table(classes=["colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph(header, header))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", *cell))
        body += row
    return tbl


# -- directives ----------------------------------------------------------------------------


class PublicApi(SphinxDirective):
    """Every name in ``samverkan_model.__all__``, grouped by the module documenting it."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        package = importlib.import_module(PACKAGE)
        groups: dict[str, list[list[list[nodes.Node]]]] = {}
        for name in sorted(package.__all__, key=str.lower):
            if name.startswith("__"):
                continue
            obj = getattr(package, name)
            home = home_module(name, obj)
            groups.setdefault(home, []).append(
                [[py_ref(f"{home}.{name}", name)], inline(summary(name, obj))]
            )
        out: list[nodes.Node] = []
        for home in sorted(groups, key=lambda h: (h != PACKAGE, h)):
            rubric = nodes.rubric("", "Documented in ")
            rubric += py_ref(home, home)
            out += [rubric, table(["Name", "What it is"], [25, 75], groups[home])]
        return out


class EnumGlossary(SphinxDirective):
    """The labels of every public enumeration and label table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        ordered = sorted(
            public_objects(), key=lambda item: (not is_labelled_enum(item[2]), item[1].lower())
        )
        for home, name, obj in ordered:
            if is_labelled_enum(obj):
                cls: Any = obj
                rows = [
                    [
                        [nodes.Text(m.label("sv"))],
                        [nodes.Text(m.label("en"))],
                        [py_ref(f"{home}.{name}", f"{name}.{m.name}")],
                        [nodes.literal(m.value, m.value)],
                    ]
                    for m in cls
                ]
                first = summary(name, obj)
            elif is_label_table(obj):
                table_: dict[str, tuple[str, str]] = obj  # type: ignore[assignment]
                rows = [
                    [
                        [nodes.Text(sv)],
                        [nodes.Text(en)],
                        [py_ref(f"{home}.{name}", name)],
                        [nodes.literal(key, key)],
                    ]
                    for key, (sv, en) in table_.items()
                ]
                first = summary(name, obj)
            else:
                continue
            rubric = nodes.rubric("", "")
            rubric += py_ref(f"{home}.{name}", name)
            if first:
                rubric += nodes.Text(" — ")
                rubric += inline(first.rstrip("."))
            out += [
                rubric,
                table(["Svenska", "English", "Identifier", "Value"], [25, 25, 30, 20], rows),
            ]
        return out


# -- autodoc hooks -------------------------------------------------------------------------


def _looks_like_type(text: str) -> bool:
    """Whether *text* reads like ``int`` or ``dict[str, Period] | None``, not like prose."""
    compact = re.sub(r"\s*\|\s*", "|", re.sub(r",\s+", ",", text.strip()))
    return re.fullmatch(r"[\w.\[\],|~`:]+", compact) is not None


def keep_property_summary(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Runs after napoleon: a first line like ``"Height of the level: 0 ..."`` is prose.

    Napoleon reads ``"type: description"`` on the first line of a property or constant
    docstring and moves the part before the colon into a ``:type:`` field. When that part
    reads like words rather than a type, put the sentence back together.
    """
    if what not in {"property", "attribute", "data"}:
        return
    for index in range(len(lines) - 1, -1, -1):
        match = re.fullmatch(r":type: (.+)", lines[index])
        if match is None:
            continue
        if _looks_like_type(match.group(1)):
            return
        del lines[index]
        if index > 0 and not lines[index - 1].strip():
            del lines[index - 1]
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            lines.insert(0, match.group(1) + ".")
        else:
            lines[first] = f"{match.group(1)}: {lines[first]}"
        return


def constant_docs(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """A re-exported constant gets the docstring written at its definition.

    Without this, autodoc shows the docstring of ``str`` or ``dict`` for a constant that
    a package re-exports from one of its modules.
    """
    if what != "data":
        return
    doc = data_doc(name.rsplit(".", 1)[-1], obj)
    type_doc = inspect.getdoc(type(obj)) or ""
    if doc is not None:
        lines[:] = [*doc, ""]
    elif type_doc and " ".join(lines).split() == type_doc.split():
        lines[:] = []


def _escape(text: str) -> str:
    return re.sub(r"([\\*`|_])", r"\\\1", text)


def enum_members(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Append a table of members, values and labels to every labelled enumeration."""
    if what != "class" or not is_labelled_enum(obj):
        return
    cls: Any = obj
    lines += ["", ".. list-table:: Members", "   :header-rows: 1", ""]
    lines += ["   * - Member", "     - Value", "     - Svenska", "     - English"]
    for member in cls:
        lines += [
            f"   * - ``{member.name}``",
            f'     - ``"{member.value}"``',
            f"     - {_escape(member.label('sv'))}",
            f"     - {_escape(member.label('en'))}",
        ]
    lines.append("")


def enum_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Enumerations are looked up by value, not built: hide their ``(value)`` signature."""
    if what == "class" and inspect.isclass(obj) and issubclass(obj, Enum):
        return "", return_annotation
    return None


def keep_documented_constants(
    app: Sphinx, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    """A constant a module exports and documents at its definition is not skipped."""
    if (
        skip
        and what == "module"
        and not name.startswith("_")
        and not (inspect.isclass(obj) or inspect.isroutine(obj) or inspect.ismodule(obj))
        and data_doc(name, obj) is not None
    ):
        return False
    return None


# -- links to re-exported names ------------------------------------------------------------


def link_public_name(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve ``samverkan_model.Structure`` and similar to where the name is documented.

    Names are documented once, in the subpackage that exports them, but users (and
    docstrings in other modules) write the name they import. The end of the dotted name is
    matched against the documented objects; a one-part name only matches a module-level
    object, so ``period`` never links to some class's attribute of that name.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip(".~")
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    parts = target.split(".")
    for cut in range(len(parts)):
        tail = ".".join(parts[cut:])
        matches = [
            fullname
            for fullname, entry in objects.items()
            if fullname.startswith(PACKAGE)
            and (fullname == tail or fullname.endswith("." + tail))
            and not entry.aliased
            and (cut < len(parts) - 1 or inspect.ismodule(resolve(fullname.rsplit(".", 1)[0])))
        ]
        if len(matches) == 1:
            entry = objects[matches[0]]
            return make_refnode(
                app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, matches[0]
            )
        if matches:
            return None
    return None


# -- every public name documented once -----------------------------------------------------


def resolve(fullname: str) -> object:
    """The Python object a documented dotted name refers to (``None`` if it does not)."""
    parts = fullname.split(".")
    for cut in range(len(parts), 0, -1):
        modname = ".".join(parts[:cut])
        module = sys.modules.get(modname)
        if module is None:
            continue
        obj: object = module
        for attr in parts[cut:]:
            obj = getattr(obj, attr, None)
        return obj
    return None


def same(found: object, obj: object) -> bool:
    """Whether a documented object is *obj* (``__version__`` is an equal, new string)."""
    return found is obj or (isinstance(obj, str) and found == obj)


def check_public_names(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about public names the reference documents nowhere, or in two places."""
    package = importlib.import_module(PACKAGE)
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    for name in package.__all__:
        obj = getattr(package, name)
        places = sorted(
            fullname
            for fullname, entry in objects.items()
            if fullname.rsplit(".", 1)[-1] == name
            and entry.objtype != "module"
            and not entry.aliased
            and same(resolve(fullname), obj)
        )
        if not places:
            logger.warning(
                "public name %s.%s is not documented in docs/reference "
                "(document it on the reference page of %s)",
                PACKAGE,
                name,
                home_module(name, obj),
                type="samverkan",
                subtype="undocumented",
            )
        elif len(places) > 1:
            logger.warning(
                "public name %s.%s is documented more than once: %s (keep one, add "
                ":no-index: to the others)",
                PACKAGE,
                name,
                ", ".join(places),
                type="samverkan",
                subtype="duplicate",
            )


class AllowEmptyGlob(logging_.Filter):
    """Drop the warning about a glob toctree that matches no page.

    Section pages glob their folder so new pages are picked up; a section without pages
    yet is not an error. Sphinx logs this warning without a type, so ``suppress_warnings``
    cannot name it.
    """

    def filter(self, record: logging_.LogRecord) -> bool:
        return getattr(record, "subtype", None) != "empty_glob"


def setup(app: Sphinx) -> dict[str, Any]:
    logging_.getLogger("sphinx.sphinx.directives.other").addFilter(AllowEmptyGlob())
    app.setup_extension("sphinx.ext.autodoc")
    app.add_directive("public-api", PublicApi)
    app.add_directive("enum-glossary", EnumGlossary)
    app.connect("autodoc-process-docstring", keep_property_summary, priority=600)
    app.connect("autodoc-process-docstring", constant_docs, priority=400)
    app.connect("autodoc-process-docstring", enum_members, priority=600)
    app.connect("autodoc-process-signature", enum_signature)
    app.connect("autodoc-skip-member", keep_documented_constants)
    app.connect("env-check-consistency", check_public_names)
    app.connect("missing-reference", link_public_name)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
