"""One-off importer: reference tables -> our own definitions in codegen/definitions/.

Run once (already done; the JSON files it wrote are checked in and are the
generator's input)::

    python -m codegen.import_tsv ../shared/protocol/definitions/messages-1.8.tsv

It reads the 1.8 message table (requests, responses, events with parameters in
wire order) and writes one JSON file per service plus ``responses.json`` and
``events.json``. Types are normalised into a small grammar the generator
understands: primitives (``boolean byte int long String Data byte[] long[]``),
custom type names (``Address Member UUID Xid EntryView ...``), ``List<T>`` and
``Entry<K,V>``; no spaces.
"""
import csv
import json
import os
import re
import sys
from typing import Dict, List

_SINCE = re.compile(r'@Since\s*\(\s*(?:value\s*=\s*)?"([0-9.]+)"\s*\)')

_TYPE_RENAMES = [
    ("Map.Entry<", "Entry<"),
    ("SimpleEntryView<Data,Data>", "EntryView"),
    ("StackTraceElement[]", "List<StackTraceElement>"),
]
_BOXED = {"Integer": "int", "Long": "long", "Boolean": "boolean"}


def normalise_type(java_type: str) -> str:
    """Java-ish parameter type -> the generator's compact type grammar."""
    t = java_type.replace(" ", "")
    for old, new in _TYPE_RENAMES:
        t = t.replace(old, new)
    return re.sub(r"\b(Integer|Long|Boolean)\b", lambda m: _BOXED[m.group(1)], t)


def parse_params(text: str, message_since: str) -> List[Dict]:
    params = []
    for raw in text.split(" | "):
        raw = raw.strip()
        if not raw:
            continue
        since_match = _SINCE.search(raw)
        since = since_match.group(1) if since_match else message_since
        raw = _SINCE.sub("", raw)
        nullable = "@Nullable" in raw
        contains_nullable = "@ContainsNullable" in raw
        raw = raw.replace("@Nullable", "").replace("@ContainsNullable", "").strip()
        java_type, name = raw.rsplit(" ", 1)
        param = {"name": name, "type": normalise_type(java_type), "since": since}
        if nullable:
            param["nullable"] = True
        if contains_nullable:
            param["contains_nullable"] = True
        params.append(param)
    return params


def main(argv: List[str]) -> int:
    source = argv[1] if len(argv) > 1 else "../shared/protocol/definitions/messages-1.8.tsv"
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "definitions")
    os.makedirs(out_dir, exist_ok=True)
    services: Dict[str, Dict] = {}
    responses, events = [], []
    with open(source, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            params = parse_params(row["params"], row["since"])
            if row["kind"] == "REQUEST":
                service = services.setdefault(row["service"], {
                    "service": row["service"], "id": int(row["service_id"]), "messages": []})
                service["messages"].append({
                    "name": row["method"],
                    "id": int(row["method_id"]),
                    "since": row["since"],
                    "retryable": row["retryable"] == "true",
                    "response": row["response_const"],
                    "events": [e for e in row["events"].split(",") if e],
                    "partition": row["partitionIdentifier"] or None,
                    "acquires_resource": row["acquiresResource"] == "true",
                    "params": params,
                })
            else:
                target = responses if row["kind"] == "RESPONSE" else events
                target.append({"const": row["response_const"], "id": int(row["response_id"]),
                               "name": row["method"], "since": row["since"], "params": params})
    for service in services.values():
        snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_",
                       service["service"]).lower()
        _write(os.path.join(out_dir, "service_%s.json" % snake), service)
    _write(os.path.join(out_dir, "responses.json"), {"responses": responses})
    _write(os.path.join(out_dir, "events.json"), {"events": events})
    return 0


def _write(path: str, obj: Dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
