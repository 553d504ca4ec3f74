"""Compare the official 3.12.3 API description (JSON from introspect.py run in its
virtualenv) with this checkout's ``hazelcast`` package.

Three tallies, each "matched / checked":
- modules: every public official module not excluded imports here at the same path;
- names: every public class, function, constant (top-level, or a member of a class:
  methods, attributes, enum members) exists here at the same path, with the same value
  where the official one is a plain constant (int, str, float, bool, None, tuple);
- signatures: every official function and method has here the same parameter names,
  in the same order, with the same defaults; extra parameters here must come after the
  official ones and be optional.
"""
import fnmatch
import importlib
import inspect
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from tests.compat import introspect


@dataclass
class Tally:
    checked: int = 0
    matched: int = 0
    excluded: int = 0


@dataclass
class Report:
    modules: Tally = field(default_factory=Tally)
    names: Tally = field(default_factory=Tally)
    signatures: Tally = field(default_factory=Tally)
    # (path, what is wrong)
    problems: List[Tuple[str, str]] = field(default_factory=list)
    known_gaps_hit: List[str] = field(default_factory=list)

    def summary(self) -> str:
        return ("compat with hazelcast-python-client 3.12.3: modules %d/%d, names %d/%d, "
                "signatures %d/%d (excluded: %d modules, %d names)"
                % (self.modules.matched, self.modules.checked, self.names.matched,
                   self.names.checked, self.signatures.matched, self.signatures.checked,
                   self.modules.excluded, self.names.excluded))


def matches(path: str, table: Dict[str, str]) -> Optional[str]:
    for pattern, reason in table.items():
        if fnmatch.fnmatchcase(path, pattern):
            return reason
    return None


def _resolve(path: str) -> Any:
    """What the dotted ``path`` ("module.Name" or "module.Class.attr") names here, or None."""
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            value = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            value = getattr(value, part, None)
            if value is None:
                return None
        return value
    return None


def _derives_from(cls: type, base_path: str) -> bool:
    """Whether ``cls`` is a subclass of what ``base_path`` names here, so that
    ``isinstance``/``except`` written for 3.12.3's hierarchy still hold."""
    base = _resolve(base_path)
    return inspect.isclass(base) and issubclass(cls, base)


def _is_data_descriptor(cls: type, name: str) -> bool:
    raw = inspect.getattr_static(cls, name, None)
    return hasattr(type(raw), "__set__") and hasattr(type(raw), "__get__")


def _same_value(ours: Any, theirs: Dict[str, Any]) -> bool:
    if "float" in theirs:
        return ours == float(theirs["float"])
    want = theirs["value"]
    if isinstance(want, list):
        return isinstance(ours, (tuple, list)) and list(ours) == want
    if isinstance(want, bool) or want is None:
        return ours is want or ours == want
    return ours == want and (isinstance(ours, (int, float)) == isinstance(want, (int, float)))


def _compare_params(theirs: List[Dict[str, Any]], ours: List[Dict[str, Any]]) -> Optional[str]:
    """None when ``ours`` accepts every call written against ``theirs`` the same way."""
    for i, want in enumerate(theirs):
        if i >= len(ours):
            return "missing parameter %r" % want["name"]
        have = ours[i]
        if i == 0 and want["name"] == have["name"] == "self":
            continue  # how ``self`` is declared makes no difference to a call
        if have["name"] != want["name"] or have["kind"] != want["kind"]:
            return "parameter %d is %s %r, 3.12.3 has %s %r" % (
                i, have["kind"], have["name"], want["kind"], want["name"])
        if "default" in want:
            if "default" not in have:
                return "parameter %r has no default, 3.12.3 defaults it" % want["name"]
            w, h = want["default"], have["default"]
            if "repr" not in w and ("repr" in h or not _same_value(_default_value(h), w)):
                return "parameter %r defaults to %s, 3.12.3 to %s" % (
                    want["name"], _show(h), _show(w))
    for extra in ours[len(theirs):]:
        if extra["kind"] in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            continue
        if "default" not in extra:
            return "extra required parameter %r" % extra["name"]
    return None


def _default_value(entry: Dict[str, Any]) -> Any:
    if "float" in entry:
        return float(entry["float"])
    return entry.get("value")


def _show(entry: Dict[str, Any]) -> str:
    if "repr" in entry:
        return entry["repr"]
    return repr(_default_value(entry))


class Comparer:
    def __init__(self, official: Dict[str, Any], excluded_modules: Dict[str, str],
                 excluded_names: Dict[str, str], known_gaps: Dict[str, str]):
        self.official = official
        self.excluded_modules = excluded_modules
        self.excluded_names = excluded_names
        self.known_gaps = known_gaps
        self.report = Report()

    def _problem(self, path: str, text: str) -> None:
        if matches(path, self.known_gaps) is not None:
            self.report.known_gaps_hit.append(path)
        else:
            self.report.problems.append((path, text))

    def run(self) -> Report:
        for mod_name, names in sorted(self.official["modules"].items()):
            if matches(mod_name, self.excluded_modules) is not None:
                self.report.modules.excluded += 1
                continue
            self.report.modules.checked += 1
            try:
                module = importlib.import_module(mod_name)
            except ImportError as exc:
                self._problem(mod_name, "module does not import here: %s" % exc)
                continue
            self.report.modules.matched += 1
            for name, desc in sorted(names.items()):
                self._check_name(mod_name + "." + name, module, name, desc)
        return self.report

    def _excluded(self, path: str) -> bool:
        if matches(path, self.excluded_names) is not None:
            self.report.names.excluded += 1
            return True
        return False

    def _check_name(self, path: str, owner: Any, name: str, desc: Dict[str, Any],
                    attributes: Optional[List[str]] = None) -> None:
        if self._excluded(path):
            return
        self.report.names.checked += 1
        if desc["kind"] == "attribute":
            if hasattr(owner, name) or name in (attributes or ()):
                self.report.names.matched += 1
            else:
                self._problem(path, "attribute missing")
            return
        if not hasattr(owner, name):
            self._problem(path, "missing")
            if desc.get("params") is not None:
                self.report.signatures.checked += 1
            return
        value = getattr(owner, name)
        kind = desc["kind"]
        if kind == "alias":
            target = _resolve(desc["of"])
            if target is not None and value is not target:
                self._problem(path, "is not %s here" % desc["of"])
            else:
                self.report.names.matched += 1
            return
        if kind == "constant" and inspect.isclass(owner) and _is_data_descriptor(owner, name):
            # 3.12.3's class-level initial value of what is per-instance state here
            # (a property): there is no class-level value to compare
            self.report.names.matched += 1
            return
        if kind == "constant":
            if "value" in desc or "float" in desc:
                if not _same_value(value, desc):
                    self._problem(path, "value %r, 3.12.3 has %r"
                                  % (value, desc.get("value", desc.get("float"))))
                    return
            self.report.names.matched += 1
            return
        if kind == "class":
            if not inspect.isclass(value):
                self._problem(path, "not a class here (%s)" % type(value).__name__)
                return
            missing_bases = [b for b in desc["bases"] if not _derives_from(value, b)
                             and not matches(path + "(" + b + ")", self.excluded_names)]
            if missing_bases:
                self._problem(path, "does not derive from %s" % ", ".join(missing_bases))
            else:
                self.report.names.matched += 1
            attrs = introspect.instance_attributes(value, "hazelcast")
            for member, mdesc in sorted(desc["members"].items()):
                self._check_name(path + "." + member, value, member, mdesc, attrs)
            return
        if kind in ("function", "method"):
            if not callable(value):
                self._problem(path, "not callable here")
                if desc.get("params") is not None:
                    self.report.signatures.checked += 1
                return
            self.report.names.matched += 1
            if desc.get("params") is None:
                return
            self.report.signatures.checked += 1
            ours = introspect.describe_signature(value)
            if ours is None:
                self._problem(path, "signature not introspectable here")
                return
            theirs = desc["params"]
            if name == "__init__" and inspect.isclass(owner):
                # how the class is called (``__new__`` of a NamedTuple, ``__init__``, ...)
                ours = introspect.describe_signature(owner) or []
                theirs = theirs[1:]
            elif kind == "method" and inspect.isclass(owner):
                raw = inspect.getattr_static(owner, name, None)
                ours_static = isinstance(raw, staticmethod)
                theirs_self = bool(theirs) and theirs[0]["name"] in ("self", "cls")
                # a static method here for a 3.12.3 method (or the reverse) still takes the
                # same call through an instance: compare without the bound first argument
                if ours_static and theirs_self:
                    theirs = theirs[1:]
            wrong = _compare_params(theirs, ours)
            if wrong is None:
                self.report.signatures.matched += 1
            else:
                self._problem(path, "signature: " + wrong)
            return
        # a module attribute (kind "module") is checked by the module tally
        self.report.names.matched += 1
