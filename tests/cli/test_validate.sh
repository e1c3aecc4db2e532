#!/usr/bin/env bash
# CLI tests of `xbroute validate`: exit codes and the FILE:LINE:COL diagnostics.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

run validate "$DATA/tiny-network.json"
expect_rc 0 "valid network"
expect_out "tiny-network.json: ok: network \"tiny\", 8 nodes, 8 links, 3 countries" "valid network summary"

run validate "$DATA/tiny-scenario.json" "$DATA/tiny-network.json"
expect_rc 0 "valid scenario and network"
expect_out "tiny-scenario.json: ok: scenario" "scenario summary"

# broken-two-errors.json has two errors; both must be reported, with the line and column of the
# offending value. The columns are found here independently with grep/awk, not copied.
bad="$DATA/broken-two-errors.json"
col_type=$(awk 'NR==5 { print index($0, "\"factry\"") }' "$bad")
col_lat=$(awk 'NR==6 { print index($0, "95") }' "$bad")
run validate "$bad"
expect_rc 2 "invalid network"
expect_err "broken-two-errors.json:5:$col_type: error: .*\(node F_A, field type\)" "unknown node type position"
expect_err "broken-two-errors.json:6:$col_lat: error: .*\(node P_X, field lat\)" "latitude out of range position"
expect_err "factory" "expected node types listed"

run validate "$TMP/does-not-exist.json"
expect_rc 2 "missing file"
expect_err "does-not-exist.json" "missing file named"

# One bad file among good ones: exit 2, the good one still reported ok.
run validate "$DATA/tiny-network.json" "$bad"
expect_rc 2 "mixed files"
expect_out "tiny-network.json: ok" "good file still checked"

# the option table: -q, --max-errors=N, "--" before file names, did-you-mean
run validate -q "$DATA/tiny-network.json"
expect_rc 0 "quiet valid file"
if [[ -s "$out" ]]; then fail "--quiet printed a summary"; else pass; fi
run validate --max-errors=1 "$bad"
expect_rc 2 "--max-errors=1"
[[ $(grep -c ": error: " "$err") == 1 ]] && pass || fail "--max-errors=1 lists one error"
expect_err "only the first 1 of each" "says the list was cut"
run validate --max-errors 0 "$bad"
expect_rc 1 "--max-errors 0 is a usage error"
run validate --quiett "$DATA/tiny-network.json"
expect_rc 1 "misspelt option"
expect_err "did you mean '--quiet'" "suggests the option"
run validate -- "$DATA/tiny-network.json"
expect_rc 0 "file after --"

run validate
expect_rc 1 "no file is a usage error"
run validate --bogus "$DATA/tiny-network.json"
expect_rc 1 "unknown option is a usage error"
run validate --help
expect_rc 0 "help"
expect_out "Usage: xbroute validate" "help text"
run frobnicate
expect_rc 1 "unknown command"
run --help
expect_rc 0 "global help"
expect_out "validate" "global help lists commands"

# A product category that no country's duty_pct or tariff names: a warning with "did you mean"
# (exit 0), an error under --strict (exit 2) (issue #11 item 6).
cat_file="$SRC/tests/data/good/scn_unknown_category.json"
col_cat=$(awk 'NR==6 { print index($0, "\"aparel\"") }' "$cat_file")
run validate "$cat_file"
expect_rc 0 "unknown category: a warning only"
expect_err "scn_unknown_category.json:6:$col_cat: warning: .*did you mean \"apparel\"" "unknown category warned with a suggestion"
run validate --strict "$cat_file"
expect_rc 2 "unknown category under --strict"

# Dated thresholds whose dates meet, and an exclusion whose until is not after its from: exit 2
# at the threshold's object and at the "until" value (issue #11); columns found with awk.
th="$SRC/tests/data/bad/n_threshold_overlap.json"
col_th=$(awk 'NR==7 { print index($0, "{\"id\": \"new\"") }' "$th")
run validate "$th"
expect_rc 2 "overlapping thresholds"
expect_err "n_threshold_overlap.json:7:$col_th: error: threshold \"new\" overlaps \"old\"" "threshold overlap position"
ex="$SRC/tests/data/bad/n_exclusion_dates_order.json"
col_ex=$(awk 'NR==7 { print index($0, "\"2025-11-30\"") }' "$ex")
run validate "$ex"
expect_rc 2 "inverted exclusion dates"
expect_err "n_exclusion_dates_order.json:7:$col_ex: error: until 2025-11-30 is not after from 2026-11-10" "exclusion dates position"

finish
