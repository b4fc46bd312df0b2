"""The error catalogue: one message per code, documented, and every code raised in src/ in it."""

from __future__ import annotations

import ast
import importlib.util
import string
from pathlib import Path

import pytest

from bilan import errors
from bilan.errors import CATALOGUE, EXIT_INPUT, EXIT_USAGE, InputError, UsageError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "src" / "bilan").rglob("*.py"))

def _errors_table():
    spec = importlib.util.spec_from_file_location("errors_table",
                                                  ROOT / "tools" / "errors_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shape(template: str) -> str:
    """A message with every replacement field as `{}`: how the f-string at a raise site and
    the catalogue's template are compared."""
    return "".join(text + ("{}" if field is not None else "")
                   for text, field, _, _ in string.Formatter().parse(template))


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _literal(node: ast.expr) -> str | None:
    """The message of a raise site as a template, None when it is not written there."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value.replace("{", "{{").replace("}", "}}")
            if isinstance(part, ast.Constant) else "{}"
            for part in node.values
        )
    return None


def _problems(path: Path) -> list[str]:
    """Every raise site of `path` whose code is not catalogued, or whose class, message or
    fields disagree with the catalogue."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        where = f"{shown}:{node.lineno}"
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "of" \
                and isinstance(func.value, ast.Name) and hasattr(errors, func.value.id):
            code = node.args[0].value
            entry = CATALOGUE.get(code)
            if entry is None:
                problems.append(f"{where}: {code} is not in the catalogue")
            elif not issubclass(entry.kind, getattr(errors, func.value.id)):
                problems.append(f"{where}: {code} is a {entry.kind.__name__}")
            elif {k.arg for k in node.keywords} != _fields(entry.template):
                problems.append(f"{where}: {code} fills {sorted(k.arg for k in node.keywords)}, "
                                f"its message has {sorted(_fields(entry.template))}")
            continue
        name = func.id if isinstance(func, ast.Name) else None
        if name is not None and isinstance(getattr(errors, name, None), type) \
                and issubclass(getattr(errors, name), errors.BilanError) and node.args:
            kind = getattr(errors, name)
            keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
            if keyword is not None and not isinstance(keyword, ast.Constant):
                continue  # an error passed on with its own code
            code = keyword.value if keyword is not None else kind.code
            message = node.args[0]
            if CATALOGUE.get(code) is not None and not issubclass(CATALOGUE[code].kind, kind) \
                    and not issubclass(kind, CATALOGUE[code].kind):
                problems.append(f"{where}: {code} is a {CATALOGUE[code].kind.__name__}")
        else:
            continue
        entry = CATALOGUE.get(code)
        template = _literal(message)
        if entry is None:
            problems.append(f"{where}: {code} is not in the catalogue")
        elif template is not None and _shape(template) != _shape(entry.template):
            problems.append(f"{where}: {code} says {template!r}, the catalogue "
                            f"{entry.template!r}")
    return problems


@pytest.mark.parametrize(
    "path",
    SOURCES,
    ids=lambda path: path.relative_to(ROOT / "src" / "bilan").as_posix(),
)
def test_every_error_raised_is_catalogued_with_its_message(path):
    assert _problems(path) == []


def test_the_check_finds_an_uncatalogued_code_and_a_changed_message(tmp_path):
    # The scan above would pass vacuously if it missed raise sites: it must see these.
    tmp = tmp_path / "probe.py"
    tmp.write_text(
        'raise InputError(f"{name}: no such file", code="E120")\n'
        'raise InputError(f"{name}: gone", code="E120")\n'
        'raise InputError("x", code="E999")\n'
        'raise QueryError(f"limit {limit}: too big")\n'
        'raise InputError.of("E120", path=name)\n',
        encoding="utf-8",
    )
    found = _problems(tmp)
    assert [problem.split(": ", 1)[1].split(" ", 1)[0] for problem in found] == [
        "E120", "E999", "E104", "E120"]


def test_each_message_has_one_code():
    shapes = {}
    for entry in CATALOGUE.values():
        shape = _shape(entry.template)
        assert shape not in shapes, (entry.code, shapes.get(shape))
        shapes[shape] = entry.code


def test_docs_are_generated_from_the_catalogue():
    table = _errors_table()
    assert table.DOC.read_text(encoding="utf-8") == table.render(), \
        "docs/errors.md is out of date: run python tools/errors_table.py"
    for code in CATALOGUE:
        assert f"| {code} |" in table.render()


def test_of_fills_the_message_with_the_class_and_exit_code_of_the_entry():
    error = InputError.of("E120", name="rapport.txt")
    assert str(error) == "[E120] rapport.txt: no such file"
    assert error.exit_code == EXIT_INPUT and error.status == 400
    usage = UsageError.of("E113", spec="text=a,text=b", field="text")
    assert usage.exit_code == EXIT_USAGE
    assert usage.detail == "--csv-columns text=a,text=b: the field text is mapped twice"


def test_of_gives_the_subclass_the_entry_names():
    assert type(InputError.of("E101", name="vide.txt")) is errors.EmptyInputError


def test_of_refuses_a_class_the_entry_is_not():
    with pytest.raises(TypeError):
        UsageError.of("E120", name="rapport.txt")


def test_of_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        InputError.of("E999")
