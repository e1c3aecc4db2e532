#!/usr/bin/env bash
# test_lesson.sh - the worked lesson docs/lesson-six-links.md (#16 item 5) holds: every
# "$ xbroute ..." of its code blocks is run by tools/readme_check.py (from a scratch folder that
# links to the repository, so the paths are the repository's) and every output line the lesson
# shows must appear in the real output, in order ("..." marks lines left out). A figure that
# moves with the model or the data: `python3 tools/readme_check.py --update docs/lesson-six-links.md`,
# then reread the lesson's prose, which quotes some of them.
set -uo pipefail
XBR="$1"
SRC="$2"
python3 "$SRC/tools/readme_check.py" --xbroute "$XBR" "$SRC/docs/lesson-six-links.md" || exit 1
# The check must bite: a lesson whose shown line the program does not print fails.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
sed 's/-0.65 through the six-link chain/-0.66 through the six-link chain/' \
    "$SRC/docs/lesson-six-links.md" >"$TMP/lesson.md"
if python3 "$SRC/tools/readme_check.py" --xbroute "$XBR" "$TMP/lesson.md" >"$TMP/out" 2>&1; then
    echo "FAIL: a wrong line in the lesson was not caught"
    exit 1
fi
grep -q "lesson.md:[0-9]*: .* does not print" "$TMP/out" || { echo "FAIL: mismatch not named"; cat "$TMP/out"; exit 1; }
echo "ok: the lesson's examples hold, and a wrong one is caught"
