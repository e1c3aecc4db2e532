#!/usr/bin/env bash
# test_man.sh - the manual page and the shell completion made from the help texts
# (tools/gen_man.sh, tools/gen_completion.sh): a section per command with its options, a page
# that man renders without a warning, and completion of commands and of each command's
# options from its option table (`xbroute CMD --list-options`).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

sh "$SRC/tools/gen_man.sh" "$XBR" >"$TMP/xbroute.1" 2>"$TMP/man.err"
[[ $? == 0 && ! -s "$TMP/man.err" ]] && pass || fail "gen_man.sh: $(cat "$TMP/man.err")"
cmds=$("$XBR" --help | sed -n '/^Commands:/,/^$/p' | sed -e '1d' -e '/^$/d' | awk '{print $1}')
[[ $(echo "$cmds" | wc -l) -ge 15 ]] && pass || fail "the command list"
for c in $cmds; do
  up=$(echo "$c" | tr a-z A-Z)
  grep -q "^\.SH \"XBROUTE $up\"" "$TMP/xbroute.1" && pass || fail "man section for $c"
done
grep -q -- '--summary' "$TMP/xbroute.1" && grep -q -- '--set PATH=FROM:TO:STEP' "$TMP/xbroute.1" &&
  pass || fail "options in the man page"
if command -v man >/dev/null; then
  MANWIDTH=80 man --warnings -l "$TMP/xbroute.1" >"$TMP/man.txt" 2>"$TMP/man.warn"
  [[ -s "$TMP/man.txt" && ! -s "$TMP/man.warn" ]] && pass ||
    fail "man renders the page without warnings: $(head -5 "$TMP/man.warn")"
  grep -q "XBROUTE SWEEP" "$TMP/man.txt" && pass || fail "the rendered page"
else
  echo "note: man is absent: the page was not rendered"
fi

# Completion, as bash calls it.
sh "$SRC/tools/gen_completion.sh" "$XBR" >"$TMP/xbroute.bash"
complete_words() { # words...: prints COMPREPLY for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _xbroute_complete; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$TMP/xbroute.bash" "$@"
}
[[ $(complete_words xbroute comp) == compare ]] && pass || fail "completes a command"
[[ $(complete_words xbroute sw) == sweep ]] && pass || fail "completes sweep"
[[ $(complete_words xbroute compare --sum) == --summary ]] && pass || fail "completes an option"
[[ $(complete_words xbroute sweep --se) == --set ]] && pass || fail "completes sweep's --set"
complete_words xbroute compare --sh | grep -q . && fail "no option --sh* in compare" || pass
# every option a command's table lists is accepted by the command (a wrong table would offer a
# word the command refuses): each is at least recognised (no "unknown option")
for c in $cmds; do
  for o in $("$XBR" "$c" --list-options); do
    run "$c" "$o" 2>/dev/null
    grep -q "unknown option" "$err" && fail "$c lists $o but does not know it" || pass
  done
done
finish
