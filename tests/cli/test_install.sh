#!/usr/bin/env bash
# `cmake --install` puts the binary, the headers, the libraries and a pkg-config file in place;
# a program built with `pkg-config --cflags --libs xbroute` against the installed shared library
# runs, and so does one linked statically (`pkg-config --static`); the shared library exports
# exactly the functions the public headers mark XBR_API (no internal xbr__ symbol, nothing
# unmarked); and every public header compiles on its own.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$(dirname "$XBR")
prefix="$TMP/prefix"

cmake --install "$build" --prefix "$prefix" >"$TMP/install.log" 2>&1 && pass || fail "cmake --install"
for f in bin/xbroute include/xbroute/xbroute.h lib/libxbroute.a lib/libxbroute.so lib/pkgconfig/xbroute.pc \
         share/xbroute/networks/china-export.json share/man/man1/xbroute.1 \
         share/bash-completion/completions/xbroute share/xbroute/xbroute.zsh; do
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
  LD_LIBRARY_PATH="$prefix/lib" "$TMP/use" >"$TMP/use.out" 2>&1 && grep -q "^XBR_OK [1-9]" "$TMP/use.out" && pass || { fail "program using the installed shared library"; cat "$TMP/use.out"; }
  LD_LIBRARY_PATH="$prefix/lib" ldd "$TMP/use" >"$TMP/ldd.out" 2>&1 || true
  grep -q "$prefix/lib/libxbroute.so" "$TMP/ldd.out" && pass || { fail "the program uses the installed libxbroute.so"; cat "$TMP/ldd.out"; }
else
  fail "compile against installed shared library"; cat "$TMP/cc.log"
fi
static_libs=$(pkg-config --static --libs-only-l xbroute | sed 's/-lxbroute//')
if cc -std=c11 $extra -DXBR_DATA="\"$prefix/share/xbroute\"" "$TMP/use.c" -o "$TMP/use-static" \
     $(pkg-config --cflags xbroute) "$prefix/lib/libxbroute.a" $static_libs 2>"$TMP/cc.log"; then
  pass
  "$TMP/use-static" >"$TMP/use.out" 2>&1 && grep -q "^XBR_OK [1-9]" "$TMP/use.out" && pass || { fail "program using the installed static library"; cat "$TMP/use.out"; }
else
  fail "compile against installed static library"; cat "$TMP/cc.log"
fi

# The exported symbols are exactly the functions marked XBR_API in the public headers.
nm -D --defined-only "$prefix/lib/libxbroute.so" | awk '$2 ~ /^[TDBR]$/ {print $3}' \
  | grep -v '^_' | sort -u >"$TMP/exported"
sed -n 's/^\(extern \)\{0,1\}XBR_API [^(]*[ *]\(xbr_[a-z0-9_]*\)[[(].*/\2/p' "$prefix"/include/xbroute/*.h \
  | sort -u >"$TMP/declared"
[[ -s "$TMP/declared" ]] && pass || fail "no XBR_API declaration found"
if diff "$TMP/declared" "$TMP/exported" >"$TMP/sym.diff"; then
  pass
else
  fail "exported symbols differ from the XBR_API declarations (< declared only, > exported only)"
  cat "$TMP/sym.diff"
fi
grep -q '^xbr__' "$TMP/exported" && fail "an internal xbr__ symbol is exported" || pass

for h in "$prefix"/include/xbroute/*.h; do
  name=$(basename "$h")
  printf "#include <xbroute/%s>\nint xbr_header_check_;\n" "$name" >"$TMP/h.c"
  cc -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" "$TMP/h.c" 2>"$TMP/h.log" \
    && pass || { fail "header $name compiles alone"; cat "$TMP/h.log"; }
done
out="$TMP/out"; err="$TMP/err"; : >"$out"; : >"$err"
finish
