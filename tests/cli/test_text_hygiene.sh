#!/usr/bin/env bash
# test_text_hygiene.sh - text hygiene (issue #13 item 6; README "Reliability"): what xbroute
# prints or writes is valid UTF-8 with control characters escaped (an id holding a terminal's
# escape sequence never reaches the terminal raw), ids are cut between characters, a key
# holding \u0000 is rejected, product ids obey the rules of node and link ids, and no string
# the loader reads (names, descriptions) holds a control character.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
H="$SRC/tests/data/hygiene"

# utf8_clean FILE: valid UTF-8, and no control character but newline and tab (C0, DEL, C1).
utf8_clean() {
  python3 - "$1" <<'EOF'
import sys, re
b = open(sys.argv[1], 'rb').read()
try:
    t = b.decode('utf-8')
except UnicodeDecodeError as e:
    sys.exit('invalid UTF-8: %s' % e)
m = re.search('[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]', t)
if m:
    sys.exit('control character U+%04X at %d' % (ord(m.group()), m.start()))
EOF
}
expect_clean() { if utf8_clean "$1"; then pass; else fail "$2"; fi; }

# An id holding ESC [2J (clear the screen) and an OSC title sequence: an error naming it, the
# escapes shown as \x1b, nothing raw on the terminal.
run validate "$H/esc-id-network.json"
expect_rc 2 "an id with escape sequences is invalid"
expect_err 'a control character in the string \(node M2\\x1b\[2J\\x1b\]0;pwned\\x07, field id\)' "the escapes are shown escaped"
expect_clean "$err" "validate's message holds no raw control character"

# The same with a C1 control character (U+009B, CSI of 8-bit terminals).
run validate "$H/c1-id-network.json"
expect_rc 2 "an id with a C1 control is invalid"
expect_err 'a control character in the string \(node M2\\u009b31m, field id\)' "the C1 control is shown escaped"
expect_clean "$err" "no raw C1 control"

# An id of 81 bytes (x and 40 e-acute): the message quotes 64 bytes at most, cut between
# characters: x and 31 e-acute (1 + 62 bytes; a 32nd would need bytes 64 and 65).
run validate "$H/long-id-network.json"
expect_rc 2 "an id longer than 64 bytes is invalid"
expect_err "invalid node id \"x(é){31}\" " "the id is cut before the character that does not fit"
expect_clean "$err" "the message is valid UTF-8"

# A product id with ESC and too long: refused like a node id; batch's error record is valid
# UTF-8 and JSON, with the escape written as text.
run validate "$H/esc-product-scenario.json"
expect_rc 2 "a product id with ESC is invalid"
expect_err "invalid product id" "named as a product id"
expect_clean "$err" "validate's message is clean"
run batch "$H/esc-product-scenario.json" --out "$TMP/o.jsonl" --jobs 1
expect_rc 2 "batch: the scenario is an error record"
expect_clean "$TMP/o.jsonl" "the record is valid UTF-8 without raw controls"
if python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).readline()); assert "\\x1b" in r["error"], r' "$TMP/o.jsonl"; then pass; else fail "the record is JSON and its error says \\x1b"; fi

# A scenario name holding an OSC title sequence and ESC [2J: compare printed it raw in its
# heading; now every string the loader reads is refused with a control character in it.
run compare "$H/esc-name-scenario.json"
expect_rc 2 "a name with escape sequences is invalid"
expect_err "esc-name-scenario.json:2:10: error: a control character in the string \(field name\)" "named at its place"
expect_clean "$out" "nothing printed raw"
expect_clean "$err" "the message is clean"

# A key holding \u0000 (cJSON would keep "name\u0000" as "name", a second "name" the duplicate
# check would not see): rejected at the escape, column 51.
run validate "$H/nul-key-network.json"
expect_rc 2 "a key holding NUL"
expect_err 'nul-key-network.json:1:51: error: a key holding \\u0000' "rejected at the escape"
finish
