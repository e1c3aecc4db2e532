#!/usr/bin/env bash
# The library's layers (docs/internals.md): a layer includes the internal headers of layers below
# it only; the CLI includes no internal header at all; GLPK is reached only through
# src/lib/optimize/glpk.c (once that adaptor exists: before, only optimize/ may include it);
# cJSON only inside the loader and the batch record reader; every library source is listed in
# src/lib/CMakeLists.txt and every listed file exists.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lib="$SRC/src/lib"

rank() {
  case "$1" in
    base) echo 0 ;; model) echo 1 ;; load | generate) echo 2 ;; route) echo 3 ;;
    analysis | optimize) echo 4 ;; present) echo 5 ;; *) echo 99 ;;
  esac
}
# generate sits beside load: it may use base and model only, and nothing uses it but present.
allowed() { # allowed FROM TO
  local from=$1 to=$2
  [[ $from == "$to" ]] && return 0
  [[ $to == generate ]] && return 1
  [[ $from == generate && $to == load ]] && return 1
  [[ $from == load && $to == generate ]] && return 1
  [[ $from == analysis && $to == optimize ]] && return 1
  [[ $from == optimize && $to == analysis ]] && return 1
  (($(rank "$to") < $(rank "$from")))
}

for dir in "$lib"/*/; do
  layer=$(basename "$dir")
  [[ $(rank "$layer") == 99 ]] && { fail "unknown layer folder src/lib/$layer"; continue; }
  [[ -f "$dir/internal.h" ]] && pass || fail "src/lib/$layer has no internal.h"
  head -20 "$dir/internal.h" 2>/dev/null | grep -qi "own" && pass \
    || fail "src/lib/$layer/internal.h does not open by saying what the layer owns"
  for f in "$dir"*.[ch]; do
    while read -r inc; do
      to=${inc%%/*}
      if allowed "$layer" "$to"; then pass; else fail "${f#$SRC/} includes $inc: $layer may not use $to"; fi
    done < <(sed -n 's/^#include "\([a-z]*\/internal\.h\)".*/\1/p' "$f")
  done
done

bad=$(grep -l '#include "[a-z]*/internal.h"' "$SRC"/src/cli/*.[ch] 2>/dev/null || true)
[[ -z "$bad" ]] && pass || fail "the CLI includes library internals: $bad"

glpk=$(grep -l '#include <glpk.h>' -r "$lib" | sed "s|$lib/||" | sort | tr '\n' ' ')
if [[ -f "$lib/optimize/glpk.c" ]]; then
  [[ "$glpk" == "optimize/glpk.c " ]] && pass || fail "glpk.h is included outside optimize/glpk.c: $glpk"
else
  [[ "$glpk" =~ ^(optimize/[a-z_]*\.[ch] )+$ ]] && pass || fail "glpk.h is included outside optimize/: $glpk"
fi
cjson=$(grep -l 'cjson/cJSON.h' -r "$lib" | sed "s|$lib/||" | grep -v '^load/' | grep -v '^analysis/batch' || true)
[[ -z "$cjson" ]] && pass || fail "cJSON is used outside the loader: $cjson"
grep -rqE '#include <(igraph|glpk|cjson)|\b(igraph_[a-z_]+_t|glp_prob|cJSON)\b' "$SRC"/include/xbroute/*.h && fail "a public header uses an igraph, GLPK or cJSON type" || pass

# Every library source is listed, and every listed one exists.
listed=$(sed -e ':a' -e '/^set(XBR_[A-Z]*_SOURCES[^)]*$/{N;ba' -e '}' "$lib/CMakeLists.txt" \
  | tr '\n' ' ' | grep -o 'set(XBR_[A-Z]*_SOURCES [^)]*)' \
  | sed 's/^set(XBR_\([A-Z]*\)_SOURCES \(.*\))$/\1 \2/' \
  | while read -r layer files; do for f in $files; do echo "${layer,,}/$f"; done; done | sort)
present=$(cd "$lib" && ls */*.c | sort)
if [[ "$listed" == "$present" ]]; then pass; else
  fail "src/lib/CMakeLists.txt and the .c files differ:"; diff <(echo "$listed") <(echo "$present") || true
fi
finish
