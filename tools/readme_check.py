#!/usr/bin/env python3
"""readme_check.py [--update] [--xbroute PATH] [README] - the README's examples, run.

README is README.md by default; any markdown file of the repository works the same way (e.g.
docs/lesson-six-links.md, checked by tests/cli/test_lesson.sh): its commands run from the
scratch folder, so their paths are relative to the repository's root, not to the file.

Every fenced block of README.md holds commands ("$ xbroute ...") each followed by the output
the README shows for it. This runs each command whose files are in the repository (from a
scratch folder that links to the repository's scenarios, networks, tests and examples, so that
outputs the command writes land there and nowhere else) and checks that every line the README
shows appears in the real output (standard output, then standard error), in order; a line
"..." marks where the README leaves lines out. With --update, an example shown whole (no "...")
that does not hold is replaced by the real output, and in an excerpt a shown line that no
longer appears is replaced by the real line of the same shape (the same text once every number
is set aside); then the README is rewritten. Commands that name a file the repository does not hold
(a file the reader makes, e.g. tiny-scenario.json), write under /tmp, or build the 200k-link
benchmark network are not run. Exit 0 when every example holds, 1 otherwise (each mismatch
named with its README line).
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINKED = ["scenarios", "networks", "tests", "examples", "tools", "docs"]
OUTPUT_OPTS = {"-o", "--output", "--out", "--svg", "--geojson", "--csv", "--dot",
               "--write-model", "--network", "--scenario"}
NUM = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?%?")


def shape(line):
    return NUM.sub("#", line.rstrip())


def blocks(lines):
    """(command, command line index, [(index, expected line)]) for every example."""
    out, in_block, cur, indent = [], False, None, 0
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            if in_block and cur:
                out.append(cur)
            in_block, cur = not in_block, None
            indent = len(line) - len(line.lstrip())  # a fence in a list item is indented
            continue
        if not in_block:
            continue
        line = line[indent:] if line[:indent].strip() == "" else line
        if line.startswith("$ "):
            if cur:
                out.append(cur)
            cur = (line[2:].split("#")[0].strip(), i, [], indent) if line.startswith("$ xbroute ") \
                else None
        elif cur is not None:
            cur[2].append((i, line.rstrip("\n")))
    return out


def runnable(args):
    prev = None
    for a in args[1:]:
        if "/tmp" in a or a == "200000" or a == "200k":
            return False
        if prev not in OUTPUT_OPTS and (a.endswith(".json") or a.endswith(".jsonl")) \
                and "*" not in a and not os.path.exists(os.path.join(ROOT, a)):
            return False
        if "*" in a:
            return False
        prev = a
    return True


def run(xbroute, args, scratch):
    r = subprocess.run([xbroute] + args[1:], cwd=scratch, capture_output=True, text=True,
                       timeout=600)
    return (r.stdout + r.stderr).splitlines()


def check(expected, actual, update):
    """Returns (problems, new lines by README index)."""
    problems, fixes, pos = [], {}, 0
    for idx, e in expected:
        if e.strip() in ("...", "") or e.startswith("#"):
            continue
        e = e.rstrip()
        hit = next((k for k in range(pos, len(actual)) if actual[k].rstrip() == e), None)
        if hit is not None:
            pos = hit + 1
            continue
        same = next((k for k in range(pos, len(actual)) if shape(actual[k]) == shape(e)), None)
        if update and same is not None:
            fixes[idx] = actual[same].rstrip()
            pos = same + 1
        else:
            problems.append((idx, e))
    return problems, fixes


def main():
    args = sys.argv[1:]
    update = "--update" in args
    args = [a for a in args if a != "--update"]
    xbroute = os.path.join(ROOT, "build", "xbroute")
    if "--xbroute" in args:
        k = args.index("--xbroute")
        xbroute = os.path.abspath(args[k + 1])
        del args[k:k + 2]
    readme = args[0] if args else os.path.join(ROOT, "README.md")
    lines = open(readme, encoding="utf-8").read().split("\n")
    bad = ran = 0
    whole = []  # (first index, last index + 1, new lines) of whole examples to replace
    with tempfile.TemporaryDirectory() as scratch:
        for d in LINKED:
            os.symlink(os.path.join(ROOT, d), os.path.join(scratch, d))
        for cmd, at, expected, indent in blocks(lines):
            argv = shlex.split(cmd)
            if not runnable(argv):
                continue
            ran += 1
            actual = run(xbroute, argv, scratch)
            problems, fixes = check(expected, actual, update)
            excerpt = any(e.strip() == "..." for _, e in expected)
            pad = " " * indent
            if update and problems and not excerpt and expected:
                whole.append((expected[0][0], expected[-1][0] + 1,
                              [(pad + a).rstrip() for a in actual]))
                continue
            for idx, new in fixes.items():
                lines[idx] = pad + new
            for idx, e in problems:
                bad += 1
                print("%s:%d: `%s` does not print:\n    %s"
                      % (os.path.basename(readme), idx + 1, cmd, e))
    for first, end, new in sorted(whole, reverse=True):
        while end > first and lines[end - 1].strip() == "":
            end -= 1  # keep the blank line before a following command
        lines[first:end] = new
    if update:
        open(readme, "w", encoding="utf-8").write("\n".join(lines))
    print("readme_check: %d examples run, %d lines that do not hold" % (ran, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
