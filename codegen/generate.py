"""Generate hazelcast/protocol/codec/ from codegen/definitions/.

Usage::

    python -m codegen           # (re)write hazelcast/protocol/codec/
    python -m codegen --check   # exit 1 if regenerating would change anything

Output: one ``<service>_<method>_codec.py`` per request, plus ``responses.py``
(one decoder per response id), ``events.py`` (one decoder per event id) and
``__init__.py`` (an index of the request codecs). See ``hazelcast/protocol/codec``
docstring for the module contract.
"""
import glob
import json
import keyword
import os
import sys
import textwrap
from typing import Dict, List, Tuple

from codegen.typemap import Imports, annotation, decode_expr, encode_lines, nullable_lines, parse, snake

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFINITIONS = os.path.join(ROOT, "codegen", "definitions")
OUTPUT = os.path.join(ROOT, "hazelcast", "protocol", "codec")
PROTOCOL = "1.8"
_GENERATED = ("# GENERATED FILE - DO NOT EDIT. Source: codegen/definitions/%s (Open Client Protocol "
              + PROTOCOL + ").\n# Regenerate with: python -m codegen\n")


def _version(text: str) -> Tuple[int, int]:
    major, minor = text.split(".")
    return int(major), int(minor)


def _pyname(name: str) -> str:
    s = snake(name)
    return s + "_" if keyword.iskeyword(s) else s


def _camel(name: str) -> str:
    return name[0].upper() + name[1:]


def _import_block(imports: Imports, extra: List[str]) -> List[str]:
    lines = []
    if imports.typing:
        lines.append("from typing import %s" % ", ".join(sorted(imports.typing)))
    if imports.uuid:
        lines.append("from uuid import UUID")
    if lines:
        lines.append("")
    if imports.core:
        lines.append("from hazelcast.core import %s" % ", ".join(sorted(imports.core)))
    if imports.errors:
        lines.append("from hazelcast.errors import %s" % ", ".join(sorted(imports.errors)))
    lines.extend(extra)
    if imports.types:
        names = sorted(imports.types)
        lines.append("from hazelcast.protocol.types import (\n    %s,\n)" % ",\n    ".join(names)
                     if len(names) > 3 else "from hazelcast.protocol.types import %s"
                     % ", ".join(names))
    if imports.data:
        lines.append("from hazelcast.serialization.data import Data")
    return lines


def _field_exprs(params: List[Dict], since: str, imports: Imports) -> List[Tuple[str, str, str]]:
    """(python name, decode expression, annotation) per field; a field newer than ``since``
    may be absent (None)."""
    out = []
    for p in params:
        expr = decode_expr(parse(p["type"]), imports, p.get("contains_nullable", False))
        if p.get("nullable"):
            expr = "None if msg.read_bool() else " + expr
        out.append((_pyname(p["name"]), expr, _field_annotation(p, since, imports)))
    return out


def _field_annotation(p: Dict, since: str, imports: Imports) -> str:
    """The decoded type of field ``p`` of a message that exists since ``since``."""
    annot = annotation(parse(p["type"]), imports, p.get("contains_nullable", False))
    if p.get("nullable") or _version(p["since"]) > _version(since):
        imports.typing.add("Optional")
        annot = "Optional[%s]" % annot
    return annot


def _decoder_body(params: List[Dict], since: str, fields, result: str) -> List[str]:
    """Read fields in order; each newer @Since group only if bytes remain."""
    lines = []
    base = _version(since)
    late = [i for i, p in enumerate(params) if _version(p["since"]) > base]
    if late:
        lines.append("    " + " = ".join(fields[i][0] for i in late) + " = None")
    current = None
    for i, (name, expr, _) in enumerate(fields):
        indent = "    "
        if i in late:
            if params[i]["since"] != current:
                current = params[i]["since"]
                lines.append("    if msg.has_remaining():  # fields added in %s" % current)
            indent = "        "
        lines.append("%s%s = %s" % (indent, name, expr))
    lines.append("    return " + result)
    return lines


# --- responses.py / events.py -------------------------------------------------

def _responses(responses: List[Dict]) -> str:
    imports = Imports()
    imports.typing.add("NamedTuple")
    body: List[str] = []
    for r in responses:
        fn = "decode_%s_response" % r["const"].lower()
        params = r["params"]
        fields = _field_exprs(params, r["since"], imports)
        doc = '    """Response %d (%s)' % (r["id"], r["const"])
        if not params:
            body += ["", "", "def %s(msg: ClientMessage) -> None:" % fn, doc + ': no fields."""',
                     "    return None"]
            continue
        if r["const"] == "ENTRY_VIEW":
            # max_idle (1.7) travels after the nullable EntryView; we fold it into the view.
            body += ["", "", "def %s(msg: ClientMessage) -> Optional[EntryView]:" % fn,
                     doc + ': the EntryView (max_idle folded in, -1 if absent) or None."""',
                     "    view = %s" % fields[0][1],
                     "    if view is not None and msg.has_remaining():",
                     "        view.max_idle = msg.read_long()",
                     "    return view"]
            continue
        if len(params) == 1:
            body += ["", "", "def %s(msg: ClientMessage) -> %s:" % (fn, fields[0][2]),
                     doc + '."""', "    return " + fields[0][1]]
            continue
        cls = _camel(r["name"]) + ("" if r["name"].endswith("Response") else "Response")
        body += ["", "", "class %s(NamedTuple):" % cls,
                 '    """Fields of response %s; @Since fields absent from the frame are None."""'
                 % r["const"]]
        body += ["    %s: %s" % (name, annot) for name, _, annot in fields]
        body += ["", "", "def %s(msg: ClientMessage) -> %s:" % (fn, cls), doc + '."""']
        body += _decoder_body(params, r["since"], fields,
                              "%s(%s)" % (cls, ", ".join(f[0] for f in fields)))
    header = ['"""Decoders of the response messages (ids 100-132).',
              "",
              "A single-field response decodes to the value itself; a multi-field one to a",
              "NamedTuple. Fields added by a later protocol version (@Since) that an older",
              'member does not send decode as None. Trailing extra bytes are ignored.', '"""']
    return _module("responses.json", header, imports, ["from hazelcast.protocol.message import "
                                                       "ClientMessage"], body)


def _events(events: List[Dict]) -> str:
    imports = Imports()
    imports.typing.add("Tuple")
    body: List[str] = []
    for e in events:
        fields = _field_exprs(e["params"], e["since"], imports)
        body += ["", "", "def decode_%s(msg: ClientMessage) -> %s:" % (e["const"].lower(), _event_type(fields)),
                 '    """Event %d (%s): (%s); absent @Since fields are None."""'
                 % (e["id"], e["const"], ", ".join(f[0] for f in fields))]
        result = "(%s,)" % fields[0][0] if len(fields) == 1 else ", ".join(f[0] for f in fields)
        body += _decoder_body(e["params"], e["since"], fields, result)
    header = ['"""Decoders of the event messages (ids 200-217): each returns the event\'s',
              "fields as a tuple in wire order, ready for ``handler(*fields)``.", '"""']
    return _module("events.json", header, imports, ["from hazelcast.protocol.message import "
                                                    "ClientMessage"], body)


def _event_type(fields: List[Tuple[str, str, str]]) -> str:
    """The annotation of an event's decoded fields: a tuple in wire order."""
    return "Tuple[%s]" % ", ".join(annot for _, _, annot in fields)


def _module(source: str, header: List[str], imports: Imports, extra: List[str],
            body: List[str]) -> str:
    lines = [_GENERATED % source.rstrip()] + header + _import_block(imports, extra) + body
    return "\n".join(lines).replace("\n\n\n\n", "\n\n\n") + "\n"


# --- request codecs -------------------------------------------------------------

def _request(service: Dict, m: Dict, responses: Dict[str, Dict], source: str) -> Tuple[str, str]:
    imports = Imports()
    module = "%s_%s_codec" % (snake(service["service"]), snake(m["name"]))
    type_id = (service["id"] << 8) | m["id"]
    params = m["params"]
    names = [_pyname(p["name"]) for p in params]
    annots, encode = [], []
    for p, name in zip(params, names):
        node = parse(p["type"])
        contains_nullable = p.get("contains_nullable", False)
        annot = annotation(node, imports, contains_nullable)
        lines = encode_lines(node, name, imports, contains_nullable)
        if p.get("nullable"):
            imports.typing.add("Optional")
            annot = "Optional[%s]" % annot
            lines = nullable_lines(name, lines)
        annots.append(annot)
        encode.append(lines)
    response = responses[m["response"]]
    event_names = [e.lower().replace("event_", "", 1) for e in m["events"]]
    extra = ["from hazelcast.protocol.codec.responses import decode_%s_response as decode_response"
             % response["const"].lower()]
    if event_names:
        extra.append("from hazelcast.protocol.codec.events import (\n%s\n)" % "\n".join(
            "    decode_event_%s," % e for e in event_names))
    extra.append("from hazelcast.protocol.message import ClientMessage")
    signature = ", ".join("%s: %s" % (n, a) for n, a in zip(names, annots))
    since_groups = sorted({p["since"] for p in params if _version(p["since"]) > _version(m["since"])},
                          key=_version)
    body = ["def encode_request(%s) -> ClientMessage:" % signature,
            '    """The finished request frame (correlation id 0, partition id -1)."""']
    if since_groups:
        # one body for both: every field of the newest protocol version
        body += ["    return encode_request_for(%r, %s)" % (_version(PROTOCOL), ", ".join(names)),
                 "", ""]
    else:
        body.append("    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)")
        for lines in encode:
            body += ["    " + line for line in lines]
        body += ["    return msg.finish()", "", ""]
    imports.typing.add("Tuple")
    late = [_version(p["since"]) > _version(m["since"]) for p in params]
    if since_groups:
        # a field the given version does not know may be left out (None)
        imports.typing.add("Optional")
        late_sig = ", ".join("%s: %s" % (n, "Optional[%s] = None" % a if not a.startswith(
            "Optional") else a + " = None") if is_late else "%s: %s" % (n, a)
            for n, a, is_late in zip(names, annots, late))
        body += ["def encode_request_for(version: Tuple[int, int], %s) -> ClientMessage:" % late_sig,
                 '    """Like encode_request, but leaves out the fields that protocol `version`',
                 "    (e.g. (1, 2) for a 3.7 member) does not know (added in %s)." % ", ".join(
                     since_groups), '    """',
                 "    msg = ClientMessage.for_request(REQUEST_TYPE, RETRYABLE)"]
        current = None
        for p, name, lines, is_late in zip(params, names, encode, late):
            indent = "    "
            if is_late:
                if p["since"] != current:
                    current = p["since"]
                    body.append("    if version >= %r:" % (_version(current),))
                indent = "        "
                if not p.get("nullable"):
                    # the version knows the field: None cannot go on the wire
                    imports.errors.add("IllegalArgumentError")
                    body += [indent + "if %s is None:" % name,
                             indent + "    raise IllegalArgumentError(\"%s: %s is required by protocol "
                             "%%d.%%d\" %% version)" % (module, name)]
            body += [indent + line for line in lines]
        body += ["    return msg.finish()", "", ""]
    else:
        body += ["def encode_request_for(version: Tuple[int, int], %s) -> ClientMessage:" % signature
                 if signature else "def encode_request_for(version: Tuple[int, int]) -> ClientMessage:",
                 '    """All fields of this request exist since %s: same as encode_request."""'
                 % m["since"], "    return encode_request(%s)" % ", ".join(names), "", ""]
    exported = ["REQUEST_TYPE", "RESPONSE_TYPE", "RETRYABLE", "PARTITION_IDENTIFIER",
                "ACQUIRES_RESOURCE", "SINCE", "EVENTS", "encode_request", "encode_request_for",
                "decode_response"]
    if event_names:
        imports.typing.add("Callable")
        imports.typing.add("Optional")
        handlers = []
        for e in event_names:
            event = _EVENTS[_event_const(e)]
            handlers.append("handle_event_%s: Optional[Callable[[%s], object]] = None" % (e, ", ".join(
                _field_annotation(p, event["since"], imports) for p in event["params"])))
        body += ["def handle(msg: ClientMessage, %s) -> None:" % ", ".join(handlers),
                 '    """Decode an event frame and call the matching handler with its fields."""',
                 "    message_type = msg.message_type"]
        for e in event_names:
            body += ["    if message_type == %d and handle_event_%s is not None:" % (_event_id(e), e),
                     "        handle_event_%s(*decode_event_%s(msg))" % (e, e), "        return"]
        exported += ["handle"] + ["decode_event_%s" % e for e in event_names]
    doc = ['"""%s.%s (0x%04x), since protocol %s. Response: %s (%d)%s.' % (
        service["service"], m["name"], type_id, m["since"], response["const"], response["id"],
        "; events: " + ", ".join(m["events"]) if m["events"] else ""), '"""']
    pid = m["partition"]
    consts = ["", "REQUEST_TYPE = 0x%04x" % type_id, "RESPONSE_TYPE = %d" % response["id"],
              "RETRYABLE = %s" % m["retryable"],
              "PARTITION_IDENTIFIER = %s" % (json.dumps(pid) if pid else "None"),
              "ACQUIRES_RESOURCE = %s" % m["acquires_resource"],
              "SINCE = %r" % (_version(m["since"]),),
              "EVENTS = (%s)" % "".join("%d, " % _event_id(e) for e in m["events"]).rstrip(" "),
              "", ""]
    # the module's contract; also re-exports decode_response and the event decoders
    consts = [""] + textwrap.wrap("__all__ = [%s]" % ", ".join(json.dumps(n) for n in exported), 100,
                                  subsequent_indent="    ", break_on_hyphens=False) + consts
    out = doc + _import_block(imports, extra) + consts + body
    text = _GENERATED % source + "\n".join(out).rstrip() + "\n"
    return module, text


_EVENTS: Dict[str, Dict] = {}


def _event_const(name: str) -> str:
    return name.upper() if name.upper() in _EVENTS else "EVENT_" + name.upper()


def _event_id(name: str) -> int:
    return int(_EVENTS[_event_const(name)]["id"])


def generate() -> Dict[str, str]:
    """Every output file: relative name -> content."""
    with open(os.path.join(DEFINITIONS, "responses.json"), encoding="utf-8") as f:
        responses = json.load(f)["responses"]
    with open(os.path.join(DEFINITIONS, "events.json"), encoding="utf-8") as f:
        events = json.load(f)["events"]
    _EVENTS.update({e["const"]: e for e in events})
    by_const = {r["const"]: r for r in responses}
    files = {"responses.py": _responses(responses), "events.py": _events(events)}
    index = []
    for path in sorted(glob.glob(os.path.join(DEFINITIONS, "service_*.json"))):
        with open(path, encoding="utf-8") as f:
            service = json.load(f)
        for m in service["messages"]:
            module, text = _request(service, m, by_const, os.path.basename(path))
            if module + ".py" in files:
                raise ValueError("two messages map to module " + module)
            files[module + ".py"] = text
            index.append(((service["id"] << 8) | m["id"], service["service"] + _camel(m["name"]),
                          module))
    index.sort()
    init = [_GENERATED % "*.json",
            '"""Generated codecs, one module per request message of protocol %s.' % PROTOCOL,
            "",
            "Each ``<service>_<method>_codec`` module has REQUEST_TYPE, RESPONSE_TYPE,",
            "RETRYABLE, PARTITION_IDENTIFIER, ACQUIRES_RESOURCE, SINCE, EVENTS,",
            "``encode_request(...)`` (all 1.8 fields), ``encode_request_for(version, ...)``",
            "(only the fields that protocol version knows), ``decode_response(msg)`` and, for",
            "listener registrations, ``handle(msg, handle_event_<name>=None, ...)`` plus",
            "``decode_<event>(msg)``. See responses.py and events.py for decoded shapes.",
            '"""', "",
            "# request type -> (codec name as in the member's registry, module name)",
            "CODECS = {"]
    init += ["    0x%04x: (%s, %s)," % (t, json.dumps(n), json.dumps(mod)) for t, n, mod in index]
    init += ["}"]
    files["__init__.py"] = "\n".join(init) + "\n"
    return files


def main(argv: List[str]) -> int:
    check = "--check" in argv
    files = generate()
    existing = {os.path.basename(p) for p in glob.glob(os.path.join(OUTPUT, "*.py"))}
    changed = []
    for name, text in sorted(files.items()):
        path = os.path.join(OUTPUT, name)
        try:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        if not same:
            changed.append(name)
            if not check:
                os.makedirs(OUTPUT, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    stale = sorted(existing - set(files))
    for name in stale:
        changed.append(name + " (stale)")
        if not check:
            os.remove(os.path.join(OUTPUT, name))
    if check:
        if changed:
            print("codegen --check: %d file(s) out of date, run `python -m codegen`:\n  %s"
                  % (len(changed), "\n  ".join(changed[:20])))
            return 1
        print("codegen --check: %d files up to date" % len(files))
        return 0
    print("codegen: wrote %d of %d files into %s" % (len(changed), len(files),
                                                     os.path.relpath(OUTPUT, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
