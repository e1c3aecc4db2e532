#!/usr/bin/env python3
"""Generate src/lib/present/land_110m.c from the Natural Earth 1:110m land polygons.

Usage (from the repository root; `cmake --build build --target regen` does the same):
    python3 tools/gen_land_110m.py [GEOJSON] > src/lib/present/land_110m.c

Input: one GeoJSON FeatureCollection whose features are (Multi)Polygons in lon/lat degrees;
by default tools/data/land-110m.geojson (decoded from world-atlas 2.0.2 land-110m.json, Natural
Earth data, public domain; see tools/data/README.md).

What it does, so the C side can draw rings as plain polygons on an equirectangular map:
  * every ring is "unwrapped" so consecutive points never jump by more than 180 degrees of
    longitude (rings that touch the antimeridian continue past +-180);
  * a ring whose unwrapped longitudes wind once around the globe (Antarctica) is closed
    through the nearer pole, so that it encloses the right area on the flat map;
  * each unwrapped ring is then clipped (Sutherland-Hodgman, one half-plane at a time) to
    the windows [-180 + 360k, 180 + 360k] it reaches, and each piece shifted back by -360k,
    so every stored ring lies inside [-180, 180] x [-90, 90].
Output: flat float arrays of lon/lat pairs, ring start offsets and counts, as C that
clang-format leaves alone (the data sits between clang-format off/on). Deterministic: the same
input gives the same bytes, which tests/cli/test_regen.sh checks.
"""
import json
import os
import sys

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                             "land-110m.geojson")
def unwrap(ring):
    out = [list(ring[0])]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        while lon - prev > 180.0:
            lon -= 360.0
        while lon - prev < -180.0:
            lon += 360.0
        out.append([lon, lat])
    return out


def clip_half(ring, keep, cross):
    """Sutherland-Hodgman against one half-plane; keep(p) says inside, cross(a, b) the
    intersection of segment a-b with the boundary."""
    out = []
    n = len(ring)
    for i in range(n):
        cur = ring[i]
        prev = ring[i - 1]
        if keep(cur):
            if not keep(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif keep(prev):
            out.append(cross(prev, cur))
    return out


def cross_lon(x):
    def f(a, b):
        t = (x - a[0]) / (b[0] - a[0])
        return [x, a[1] + t * (b[1] - a[1])]
    return f


def area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i - 1]
        x2, y2 = ring[i]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def process_ring(ring):
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    u = unwrap(ring)
    # winding in longitude: closing segment from last back to first
    last = u[-1][0]
    first = ring[0][0]
    close = first - last
    while close > 180.0:
        close -= 360.0
    while close < -180.0:
        close += 360.0
    wind = (last + close) - u[0][0]
    if abs(wind) > 180.0:
        # encircles a pole: go down (or up) to the pole and back
        mean_lat = sum(p[1] for p in u) / len(u)
        pole = -90.0 if mean_lat < 0 else 90.0
        end_lon = last + close
        u = u + [[end_lon, pole], [u[0][0], pole]]
    lo = min(p[0] for p in u)
    hi = max(p[0] for p in u)
    pieces = []
    k_lo = int((lo + 180.0) // 360.0)
    k_hi = int((hi + 180.0) // 360.0)
    for k in range(k_lo, k_hi + 1):
        left = -180.0 + 360.0 * k
        right = 180.0 + 360.0 * k
        r = clip_half(u, lambda p: p[0] >= left, cross_lon(left))
        if len(r) >= 3:
            r = clip_half(r, lambda p: p[0] <= right, cross_lon(right))
        if len(r) >= 3 and abs(area(r)) > 1e-9:
            pieces.append([[p[0] - 360.0 * k, max(-90.0, min(90.0, p[1]))] for p in r])
    return pieces


def read_rings(path):
    """The land rings of the GeoJSON file at `path`, each a plain polygon inside
    [-180, 180] x [-90, 90] (see process_ring). Raises OSError or ValueError on a bad file."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    polys = []
    for feat in doc["features"]:
        g = feat["geometry"]
        if g["type"] == "Polygon":
            polys.append(g["coordinates"])
        elif g["type"] == "MultiPolygon":
            polys.extend(g["coordinates"])
    rings = []
    for poly in polys:
        for ring in poly:
            rings.extend(process_ring(ring))
    return rings


HEADER = """\
/*
 * land_110m.c - GENERATED FILE, do not edit by hand.
 *
 * Natural Earth 1:110m land polygons (public domain, naturalearthdata.com), as packaged
 * in the npm package world-atlas 2.0.2 (file land-110m.json, ISC licence, by Mike
 * Bostock), decoded to GeoJSON in tools/data/land-110m.geojson (see tools/data/README.md).
 * Rings crossing the antimeridian are split and the Antarctic ring is closed through the
 * pole, so every ring is a plain polygon inside [-180, 180] x [-90, 90] degrees.
 *
 * Regenerate from the repository root with `cmake --build build --target regen`, or:
 *   python3 tools/gen_land_110m.py > src/lib/present/land_110m.c
 */
#include "present/internal.h"

/* Generated data: one line per row of numbers, not clang-format's layout. */
/* clang-format off */
"""


def generate(path=DEFAULT_INPUT):
    """The text of land_110m.c for the GeoJSON file at `path`."""
    rings = read_rings(path)
    pts = []
    starts = []
    counts = []
    for r in rings:
        starts.append(len(pts))
        counts.append(len(r))
        pts.extend(r)
    out = [HEADER]
    w = out.append
    w("/* %d rings, %d points; lon, lat pairs in degrees. */\n" % (len(rings), len(pts)))
    w("const float xbr__land_lonlat[%d] = {\n" % (2 * len(pts)))
    write_rows(w, [" %sf, %sf," % (fmt(lon), fmt(lat)) for lon, lat in pts])
    w("};\n\n")
    w("const unsigned xbr__land_ring_start[%d] = {\n" % len(rings))
    write_rows(w, [" %d," % v for v in starts])
    w("};\n\n")
    w("const unsigned xbr__land_ring_count[%d] = {\n" % len(rings))
    write_rows(w, [" %d," % v for v in counts])
    w("};\n\n")
    w("const unsigned xbr__land_n_rings = %d;\n" % len(rings))
    w("/* clang-format on */\n")
    return "".join(out)


def fmt(v):
    s = "%.4f" % v
    s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    if "." not in s:
        s += ".0"
    return s


def write_rows(w, items):
    """Writes `items` (each a string starting with a space) as rows indented by four spaces
    and at most 99 characters long, one newline after each row."""
    line = "   "
    for item in items:
        if len(line) + len(item) > 99:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    sys.stdout.buffer.write(generate(src).encode("utf-8"))


if __name__ == "__main__":
    main()
