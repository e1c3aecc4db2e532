#!/usr/bin/env bash
# test_regen.sh - the committed generated files are exactly what their generators make of
# tools/data: runs tools/regen.py into a temporary tree and compares each file it lists with
# the committed one, byte for byte; also checks .gitattributes marks each as generated.
# Arguments as for every CLI test: XBROUTE (unused here) and the source dir.
# Without python3 it prints a note and passes: the glob in tests/CMakeLists.txt registers it
# with no SKIP_RETURN_CODE, so the usual "skipped" code 77 would count as a failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "NOTE: python3 not found: the generated files were NOT checked against tools/data"
    exit 0
fi

files=$(python3 "$SRC/tools/regen.py" --list)
[[ -n $files ]] && pass || fail "regen.py --list printed nothing"

set +e
PYTHONDONTWRITEBYTECODE=1 python3 "$SRC/tools/regen.py" --into "$TMP/tree" >"$out" 2>"$err"
rc=$?
set -e
expect_rc 0 "regen.py --into a temporary tree"

for f in $files; do
    if cmp "$SRC/$f" "$TMP/tree/$f" >"$out" 2>&1; then
        pass
    else
        diff -u "$SRC/$f" "$TMP/tree/$f" 2>&1 | head -40 >"$err" || true
        fail "$f differs from what tools/regen.py makes of tools/data (run: cmake --build BUILD --target regen, then commit)"
    fi
    if grep -qE "^/?$f .*linguist-generated" "$SRC/.gitattributes" 2>/dev/null; then
        pass
    else
        fail "$f is not marked linguist-generated in .gitattributes"
    fi
done

finish
