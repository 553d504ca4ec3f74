"""Describe the user-facing API of an installed ``hazelcast`` package as JSON.

Run by tests/compat/test_api_conformance.py inside the virtualenv that holds the
official ``hazelcast-python-client==3.12.3`` (``python introspect.py > api.json``);
the same describe functions are imported by the test to describe this checkout's
package, so both sides are measured with one ruler.

This file must stay importable by a bare interpreter: standard library only, and it
must not import this checkout's package when run as a script.
"""
import ast
import importlib
import inspect
import json
import os
import pkgutil
import sys
from typing import Any, Dict, List, Optional

# Values we compare: what a user writes in a comparison or passes as an argument.
_PLAIN = (bool, int, float, str, type(None))


def alias_collections_abcs() -> None:
    """3.12.3 imports the ABCs from ``collections`` (removed in 3.10): alias them there,
    in this process only, before the package is imported (its files are not touched)."""
    import collections
    import collections.abc
    for abc_name in collections.abc.__all__:
        if not hasattr(collections, abc_name):
            setattr(collections, abc_name, getattr(collections.abc, abc_name))


def plain_value(value: Any) -> Any:
    """A JSON-able form of a constant, or None when it is not a plain constant."""
    if isinstance(value, _PLAIN):
        if isinstance(value, float) and value != value:
            return None
        if isinstance(value, float) and value in (float("inf"), float("-inf")):
            return {"float": repr(value)}
        return {"value": value}
    if isinstance(value, tuple) and all(isinstance(v, _PLAIN) for v in value):
        return {"value": list(value)}
    return None


def describe_signature(func: Any) -> Optional[List[Dict[str, Any]]]:
    """[{name, kind, default?}] for a function or method; None if it has no signature."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    params = []
    for p in sig.parameters.values():
        entry = {"name": p.name, "kind": p.kind.name}
        if p.default is not inspect.Parameter.empty:
            entry["default"] = plain_value(p.default) or {"repr": "<object>"}
        params.append(entry)
    return params


def _assigned_self_attributes(cls: type) -> List[str]:
    """Public ``self.x = ...`` attributes set in the methods of ``cls`` (its own body)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return []
    try:
        tree = ast.parse(_dedent(source))
    except SyntaxError:
        return []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                and isinstance(node.value, ast.Name) and node.value.id == "self" \
                and not node.attr.startswith("_"):
            names.add(node.attr)
    return sorted(names)


def _dedent(source: str) -> str:
    import textwrap
    return textwrap.dedent(source)


def instance_attributes(cls: type, package: str) -> List[str]:
    """Attributes instances of ``cls`` get in ``__init__``/methods of the package's classes."""
    names = set()
    for klass in inspect.getmro(cls):
        if (getattr(klass, "__module__", "") or "").split(".")[0] == package:
            names.update(_assigned_self_attributes(klass))
        names.update(n for n in getattr(klass, "__slots__", ()) if not n.startswith("_"))
        names.update(n for n in getattr(klass, "__dataclass_fields__", {}) if not n.startswith("_"))
    return sorted(names)


def _defined_in_package(cls: type, name: str, package: str) -> bool:
    """Whether the class that provides ``cls.<name>`` belongs to the package (not to
    ``object``, ``Exception`` or another library)."""
    for klass in inspect.getmro(cls):
        if name in vars(klass):
            return (getattr(klass, "__module__", "") or "").split(".")[0] == package
    return False


def describe_class(cls: type, package: str) -> Dict[str, Any]:
    members: Dict[str, Any] = {}
    for name in dir(cls):
        if name.startswith("_") and name != "__init__":
            continue
        if not _defined_in_package(cls, name, package):
            continue
        try:
            raw = inspect.getattr_static(cls, name)
        except AttributeError:
            continue
        value = getattr(cls, name, None)
        if isinstance(raw, (staticmethod, classmethod)) or inspect.isfunction(raw):
            members[name] = {"kind": "method", "params": describe_signature(value)}
        elif isinstance(raw, property):
            members[name] = {"kind": "attribute"}
        elif inspect.isclass(value):
            members[name] = {"kind": "class"}
        elif callable(value):
            members[name] = {"kind": "method", "params": describe_signature(value)}
        elif value is None:
            # a class-level placeholder for an instance attribute (``key = None``)
            members[name] = {"kind": "attribute"}
        else:
            entry = {"kind": "constant"}
            plain = plain_value(value)
            if plain is not None:
                entry.update(plain)
            members[name] = entry
    for name in instance_attributes(cls, package):
        members.setdefault(name, {"kind": "attribute"})
    return {"kind": "class", "members": members, "bases": base_names(cls)}


def base_names(cls: type) -> List[str]:
    """Dotted paths of the classes ``cls`` derives from (``object`` left out)."""
    return ["%s.%s" % (b.__module__, b.__qualname__) for b in inspect.getmro(cls)[1:] if b is not object]


def describe_object(value: Any, package: str, name: str = "") -> Dict[str, Any]:
    if inspect.ismodule(value):
        return {"kind": "module"}
    if inspect.isclass(value) and name and name != value.__name__ and name[0].islower():
        # a lower-case alias of a class (``sql = SqlPredicate``): user code calls it
        return {"kind": "function", "params": describe_signature(value)}
    if inspect.isclass(value):
        return describe_class(value, package)
    if callable(value):
        return {"kind": "function", "params": describe_signature(value)}
    entry = {"kind": "constant"}
    plain = plain_value(value)
    if plain is not None:
        entry.update(plain)
    return entry


# module attributes with underscores that user code reads
_DUNDER_API = ("__version__", "__version_info__")


def reexports(node: ast.ImportFrom) -> List[str]:
    return [alias.asname or alias.name for alias in node.names if alias.name != "*"]


def reexported_names(module: Any) -> List[str]:
    """Names a package's ``__init__`` imports from elsewhere (empty for a plain module)."""
    if not hasattr(module, "__path__"):
        return []
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return []
    return [n for node in tree.body if isinstance(node, ast.ImportFrom) for n in reexports(node)]


def top_level_names(module: Any) -> List[str]:
    """Public names a module defines itself (classes, functions, assignments), by its source:
    what it imports from elsewhere is described where it is defined, except that a
    package's ``__init__`` re-exports (see :func:`describe_package`)."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return []
    names = []
    is_package = hasattr(module, "__path__")

    def visit(body: List[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names.append(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        names.append(target.id)
                    elif isinstance(target, ast.Tuple):
                        names.extend(e.id for e in target.elts if isinstance(e, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.append(node.target.id)
            elif isinstance(node, ast.ImportFrom) and is_package:
                # a package's __init__ re-exports names for ``from package import X``
                names.extend(reexports(node))
            elif isinstance(node, ast.If):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)

    visit(ast.parse(source).body)
    seen = set()
    return [n for n in names if (not n.startswith("_") or n in _DUNDER_API)
            and not (n in seen or seen.add(n))]


def describe_package(package: str = "hazelcast") -> Dict[str, Any]:
    root = importlib.import_module(package)
    modules: Dict[str, Any] = {}
    failures: Dict[str, str] = {}
    names = [package] + sorted(m.name for m in pkgutil.walk_packages(root.__path__, package + "."))
    for mod_name in names:
        if any(part.startswith("_") for part in mod_name.split(".")):
            continue
        try:
            module = importlib.import_module(mod_name)
        except Exception as exc:  # an optional dependency missing: record it, go on
            failures[mod_name] = "%s: %s" % (type(exc).__name__, exc)
            continue
        described = {}
        imported = set(reexported_names(module))
        for name in top_level_names(module):
            if not hasattr(module, name):
                continue
            value = getattr(module, name)
            defined_at = "%s.%s" % (getattr(value, "__module__", ""), getattr(value, "__qualname__", ""))
            if inspect.ismodule(value):
                continue  # modules are compared by the module tally
            if name in imported and (inspect.isclass(value) or inspect.isfunction(value)):
                # a re-export (``from hazelcast.core import X`` in a package): the same object
                # must be reachable here too; its members are compared where it is defined
                described[name] = {"kind": "alias", "of": defined_at}
            else:
                described[name] = describe_object(value, package, name)
        modules[mod_name] = described
    return {"modules": modules, "import_failures": failures}


def attributes_after_import(package: str = "hazelcast") -> List[str]:
    """Submodules reachable as attributes after a bare ``import <package>`` (fresh process)."""
    root = importlib.import_module(package)
    found = []
    stack = [(package, root)]
    while stack:
        prefix, module = stack.pop()
        for name, value in vars(module).items():
            if inspect.ismodule(value) and value.__name__ == prefix + "." + name:
                found.append(value.__name__)
                stack.append((value.__name__, value))
    return sorted(found)


if __name__ == "__main__":
    if sys.version_info >= (3, 10):
        alias_collections_abcs()
    here = os.path.dirname(os.path.abspath(__file__))
    # never describe this checkout by accident: drop the repo from sys.path
    repo = os.path.dirname(os.path.dirname(here))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) not in (repo, here)]
    if sys.argv[1:] == ["--attributes"]:
        print(json.dumps(attributes_after_import()))
    else:
        result = describe_package()
        import hazelcast
        result["origin"] = os.path.dirname(hazelcast.__file__)
        print(json.dumps(result, indent=1, sort_keys=True))
