#!/usr/bin/env bash
# `cmake --install` puts the binary, the headers, the library and a pkg-config file in place;
# a program built with `pkg-config --cflags --libs xbroute` against the installed copy runs; and
# every public header compiles on its own.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$(dirname "$XBR")
prefix="$TMP/prefix"

cmake --install "$build" --prefix "$prefix" >"$TMP/install.log" 2>&1 && pass || fail "cmake --install"
for f in bin/xbroute include/xbroute/xbroute.h lib/libxbroute.a lib/pkgconfig/xbroute.pc \
         share/xbroute/networks/china-export.json; do
  [[ -e "$prefix/$f" ]] && pass || fail "installed $f"
done

# A sanitizer build's library needs the sanitizer runtimes at link time.
extra=""
if nm "$prefix/lib/libxbroute.a" 2>/dev/null | grep __asan >/dev/null; then
  extra="-fsanitize=address,undefined"
fi
cat >"$TMP/use.c" <<'C'
#include <stdio.h>
#include <xbroute/xbroute.h>
int main(void)
{
    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_network_t *net = NULL;
    xbr_status_t st = xbr_network_load(XBR_DATA "/networks/china-export.json", &net, &d);
    printf("%s %zu\n", xbr_status_name(st), net ? net->n_nodes : 0);
    xbr_network_free(net);
    xbr_diags_destroy(&d);
    return st == XBR_OK ? 0 : 1;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
if cc -std=c11 $extra -DXBR_DATA="\"$prefix/share/xbroute\"" "$TMP/use.c" -o "$TMP/use" \
     $(pkg-config --cflags --libs xbroute) 2>"$TMP/cc.log"; then
  pass
  "$TMP/use" >"$TMP/use.out" 2>&1 && grep -q "^XBR_OK [1-9]" "$TMP/use.out" && pass || { fail "program using the installed library"; cat "$TMP/use.out"; }
else
  fail "compile against installed library"; cat "$TMP/cc.log"
fi

for h in "$prefix"/include/xbroute/*.h; do
  name=$(basename "$h")
  echo "#include <xbroute/$name>" >"$TMP/h.c"
  cc -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" "$TMP/h.c" 2>"$TMP/h.log" \
    && pass || { fail "header $name compiles alone"; cat "$TMP/h.log"; }
done
out="$TMP/out"; err="$TMP/err"; : >"$out"; : >"$err"
finish
