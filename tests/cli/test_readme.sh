#!/usr/bin/env bash
# test_readme.sh - the examples of the README and of docs/tutorial.md hold: every "$ xbroute ..." of its code blocks that
# names files of the repository is run (tools/readme_check.py, from a scratch folder) and every
# output line the README shows must appear in the real output, in order. When the model or the
# shipped data change, `python3 tools/readme_check.py --update` rewrites the figures that moved.
set -uo pipefail
XBR="$1"
SRC="$2"
python3 "$SRC/tools/readme_check.py" --xbroute "$XBR" "$SRC/README.md" &&
  python3 "$SRC/tools/readme_check.py" --xbroute "$XBR" "$SRC/docs/tutorial.md"
