#!/usr/bin/env bash
# schema_check.sh - validates every shipped network and scenario against its JSON Schema
# (draft 2020-12) and checks that every `source` id a network, or a scenario, refers to is
# defined in that file's `sources`.
#
# Usage: tests/cli/schema_check.sh [REPO_ROOT]      (default: the repository of this script)
# Needs python3 with the jsonschema module (Debian: apt-get install python3-jsonschema; 4.10
# and later work). Exit status: 0 all valid, 1 a file failed, 77 jsonschema is missing (the
# CTest/automake "skipped" code).
set -euo pipefail

root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

# Prefer an interpreter that has jsonschema (the system one on Debian).
py=""
for cand in python3 /usr/bin/python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import jsonschema' 2>/dev/null; then
        py="$cand"
        break
    fi
done
if [ -z "$py" ]; then
    echo "schema_check: python3 module jsonschema not found (apt-get install python3-jsonschema)" >&2
    exit 77
fi

exec "$py" - "$root" <<'PYEOF'
import glob
import json
import os
import sys

import jsonschema

root = sys.argv[1]
net_schema_path = os.path.join(root, "networks", "network.schema.json")
sc_schema_path = os.path.join(root, "scenarios", "scenario.schema.json")


def reject_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError("duplicate key(s): " + ", ".join(dups))
    return dict(pairs)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=reject_duplicates)


net_schema = load(net_schema_path)
sc_schema = load(sc_schema_path)
Validator = jsonschema.Draft202012Validator
Validator.check_schema(net_schema)
Validator.check_schema(sc_schema)

# The scenario schema refers to the network schema by its $id: make it resolvable offline.
try:
    from referencing import Registry, Resource  # jsonschema >= 4.18

    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (net_schema, sc_schema)])
    net_validator = Validator(net_schema, registry=registry)
    sc_validator = Validator(sc_schema, registry=registry)
except ImportError:  # older jsonschema (Debian bookworm ships 4.10)
    store = {s["$id"]: s for s in (net_schema, sc_schema)}
    net_validator = Validator(
        net_schema, resolver=jsonschema.RefResolver.from_schema(net_schema, store=store))
    sc_validator = Validator(
        sc_schema, resolver=jsonschema.RefResolver.from_schema(sc_schema, store=store))


def source_refs(obj):
    s = obj.get("source") if isinstance(obj, dict) else None
    if s is None:
        return []
    return [s] if isinstance(s, str) else list(s)


def inherited_sources(path, doc, depth=0):
    """Source ids of the scenarios this one extends (their `sources` are concatenated)."""
    parent = doc.get("extends") if isinstance(doc, dict) else None
    if not isinstance(parent, str) or depth > 32:
        return []
    ppath = os.path.join(os.path.dirname(path), parent)
    try:
        pdoc = load(ppath)
    except (ValueError, OSError):
        return []
    return [s.get("id") for s in pdoc.get("sources", [])] + inherited_sources(ppath, pdoc, depth + 1)


def check_sources(path, doc, objects):
    ids = [s.get("id") for s in doc.get("sources", [])]
    bad = 0
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        print("%s: duplicate source id %r" % (path, dup))
        bad += 1
    known = set(ids) | set(inherited_sources(path, doc))
    for what, obj in objects:
        for ref in source_refs(obj):
            if ref not in known:
                print("%s: %s refers to unknown source %r" % (path, what, ref))
                bad += 1
    return bad


def network_objects(doc):
    for n in doc.get("nodes", []):
        yield "node %s" % n.get("id"), n
    for l in doc.get("links", []):
        yield "link %s" % l.get("id", "%s>%s:%s" % (l.get("from"), l.get("to"), l.get("mode"))), l
    for code, c in doc.get("countries", {}).items():
        yield "country %s" % code, c
    for code, r in doc.get("regimes", {}).items():
        yield "regime %s" % code, r


def scenario_objects(doc):
    for p in doc.get("products", []):
        yield "product %s" % p.get("id"), p
    for i, ch in enumerate(doc.get("changes", [])):
        yield "change %d (%s)" % (i, ch.get("op")), ch
        for n in ch.get("nodes", []):
            yield "added node %s" % n.get("id"), n
        for l in ch.get("links", []):
            yield "added link %s" % l.get("id"), l


def validate(path, validator, objects):
    try:
        doc = load(path)
    except (ValueError, OSError) as e:
        print("%s: %s" % (path, e))
        return 1
    bad = 0
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        print("%s: %s: %s" % (path, where, err.message[:300]))
        bad += 1
    bad += check_sources(path, doc, objects(doc))
    return bad


failed = 0
checked = 0
for path in sorted(glob.glob(os.path.join(root, "networks", "*.json"))):
    if path.endswith(".schema.json"):
        continue
    checked += 1
    n = validate(path, net_validator, network_objects)
    failed += n > 0
    print("%s %s" % ("FAIL" if n else "ok  ", os.path.relpath(path, root)))
for path in sorted(glob.glob(os.path.join(root, "scenarios", "*.json"))):
    if path.endswith(".schema.json"):
        continue
    checked += 1
    n = validate(path, sc_validator, scenario_objects)
    failed += n > 0
    print("%s %s" % ("FAIL" if n else "ok  ", os.path.relpath(path, root)))

if checked == 0:
    print("schema_check: no network or scenario files found under %s" % root)
    sys.exit(1)
print("schema_check: %d file(s), %d failed" % (checked, failed))
sys.exit(1 if failed else 0)
PYEOF
