#!/usr/bin/env python3
"""regen.py - rewrites every generated file of the repository from tools/data.

Usage (from anywhere):
    python3 tools/regen.py              rewrite the generated files in this repository
    python3 tools/regen.py --into ROOT  write them under ROOT instead (same relative paths)
    python3 tools/regen.py --list       print their paths, one per line; write nothing

GENERATED below is the one list of generated files: `cmake --build build --target regen` runs
this script with no argument, and tests/cli/test_regen.sh runs it with --into a temporary
directory and compares the result with the committed files byte for byte.

A file whose bytes are already right is left untouched (so make does not rebuild it); any
other is written to a temporary file beside it and renamed over it. A generator that fails
raises (exit status 1, with a traceback), and the files already written stay written.
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS)

import gen_china_export  # noqa: E402
import gen_land_110m  # noqa: E402
import gen_sealanes  # noqa: E402

ROOT = os.path.dirname(TOOLS)

# (path relative to the repository root, function returning the file's text)
GENERATED = [
    ("src/lib/present/land_110m.c", gen_land_110m.generate),
    ("src/lib/model/sealanes_data.c", gen_sealanes.generate),
    ("networks/china-export.json", gen_china_export.generate),
]


def write_if_changed(path, data):
    """Writes the bytes `data` to `path` unless it already holds them; returns True if it
    wrote. Creates missing parent directories."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def main(argv):
    if argv == ["--list"]:
        for rel, _ in GENERATED:
            print(rel)
        return 0
    if argv and (len(argv) != 2 or argv[0] != "--into"):
        sys.stderr.write("usage: regen.py [--into ROOT | --list]\n")
        return 2
    root = argv[1] if argv else ROOT
    for rel, generate in GENERATED:
        wrote = write_if_changed(os.path.join(root, rel), generate().encode("utf-8"))
        print("regen: %s %s" % (rel, "rewritten" if wrote else "unchanged"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
