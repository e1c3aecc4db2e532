#!/bin/sh
# tools/gen_man.sh XBROUTE - writes the xbroute(1) manual page (roff, man macros) to standard
# output, made from the program's own help texts: the global usage, then each command's
# `xbroute help COMMAND`, so the page says what the program says. Run by the build (target
# `man`, CMakeLists.txt) and installed by `cmake --install`; needs only sh, sed and the binary.
set -eu
X="$1"
version=$("$X" -V | sed -n '1s/^xbroute //p')
# roff-escape a text: backslashes, and lines starting with . or ' (control characters)
esc() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
cat <<HEAD
.TH XBROUTE 1 "" "xbroute $version" "User Commands"
.SH NAME
xbroute \\- cross-border logistics route planner: landed cost and delivery delay by class, network design
.SH SYNOPSIS
.B xbroute
.I COMMAND
[\\fIOPTIONS\\fR] ...
.SH DESCRIPTION
HEAD
"$X" --help | sed -n '3,5p' | esc
echo '.SH COMMANDS'
"$X" --help | sed -n '/^Commands:/,/^$/p' | sed -e '1d' -e '/^$/d' | while read -r cmd summary; do
  printf '.TP\n.B %s\n' "$cmd"
  printf '%s\n' "$summary" | esc
done
"$X" --help | sed -n '/^Commands:/,/^$/p' | sed -e '1d' -e '/^$/d' | while read -r cmd summary; do
  printf '.SH "XBROUTE %s"\n.nf\n' "$(echo "$cmd" | tr a-z A-Z)"
  "$X" help "$cmd" | esc
  printf '.fi\n'
done
cat <<TAIL
.SH "EXIT STATUS"
0 ok, 1 usage, 2 bad input, 3 infeasible or nothing reachable, 4 internal error.
.SH FILES
Networks and scenarios are JSON files (xbroute.network/1, xbroute.scenario/1); the README of
the distribution describes the formats, the cost model and every JSON output.
TAIL
