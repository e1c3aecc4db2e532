#!/usr/bin/env bash
# The habits every command shares (src/cli/main.c, src/cli/cli_options.c): `help CMD`, did-you-mean
# for commands and options, --opt=value, `--` before a file name, -V, and usage errors as exit 1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
S="$SRC/scenarios/baseline.json"

run compare --help; cp "$out" "$TMP/direct"
run help compare; expect_rc 0 "help compare"
cmp -s "$out" "$TMP/direct" && pass || fail "'help compare' differs from 'compare --help'"
run help comapre; expect_rc 1 "help of an unknown command"
expect_err "did you mean 'compare'" "help suggests the command"

run comapre "$S"; expect_rc 1 "unknown command"
expect_err "unknown command 'comapre'; did you mean 'compare'\?" "command suggestion"
run -V; expect_rc 0 "-V"; expect_out "^xbroute [0-9]+\.[0-9]+\.[0-9]+$" "-V prints the version"
run --version; expect_rc 0 "--version"

run compare "$S" --format json; cp "$out" "$TMP/spaced"
run compare "$S" --format=json; expect_rc 0 "--format=json"
cmp -s "$out" "$TMP/spaced" && pass || fail "--format=json differs from --format json"
run compare --format json -- "$S"; expect_rc 0 "-- before the file"
cmp -s "$out" "$TMP/spaced" && pass || fail "-- FILE differs from FILE"
run compare "$S" --formt json; expect_rc 1 "misspelt option"
expect_err "unknown option '--formt'; did you mean '--format'\?" "option suggestion"
run compare "$S" --format yaml; expect_rc 1 "unknown format"
run compare "$S" --simulate 0; expect_rc 1 "--simulate 0"
expect_err "--simulate wants a positive integer, not '0'" "range message names the option"
run compare "$S" --simulate; expect_rc 1 "missing value"
expect_err "--simulate needs a value" "missing value message"
run compare "$S" "$S"; expect_rc 1 "two scenarios"
run compare; expect_rc 1 "no scenario"; expect_err "no scenario given" "no scenario message"
run compare -- -missing.json; expect_rc 2 "a file named like an option after --"
# One name per concept: the market is --market or --to in routes, chain and sweep alike
run routes "$DATA/hand-scenario.json" --product widget --market M
expect_rc 0 "routes --market (the alias of --to)"
run chain "$DATA/hand-scenario.json" --product widget --to M
expect_rc 0 "chain --to (the alias of --market)"
finish
