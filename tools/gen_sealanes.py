#!/usr/bin/env python3
"""Generate src/lib/model/sealanes_data.c, the global sea-lane network, from
tools/data/marnet_edges.csv.

Usage (from the repository root; `cmake --build build --target regen` does the same):
    python3 tools/gen_sealanes.py [CSV] > src/lib/model/sealanes_data.c

Input: the Eurostat "marnet" sea-lane network as straight segments (lon1, lat1, lon2, lat2,
length_km, passage), as cut out of searoute-py's marnet_searoute.geojson (Apache-2.0; the lanes
go back to Eurostat SeaRoute, EUPL-1.2, and the ORNL global shipping lane network; see
tools/data/README.md).

What it does (the same graph tools/data/sea_distances.csv was computed on):
  * nodes are the segment ends with coordinates rounded to 6 decimals, numbered in order of
    first appearance, and stored as integer microdegrees (exact);
  * segments tagged `northwest` (the Northwest Passage) are left out: searoute-py never uses
    them by default, and neither does xbroute;
  * a segment repeated (same two ends, either direction) is kept once, with the passage tag
    of any of its copies that has one;
  * nodes at longitude -180 and +180 with the same latitude are joined by an edge with the
    tag "antimeridian" (length 0), so routes cross the Pacific;
  * segment lengths are not stored: the library computes each as the haversine distance of
    its ends (R = 6371.0088 km), as the CSV's length_km was.
Output: C arrays the library builds its adjacency from (src/lib/model/sealanes.c).
Deterministic: the same input gives the same bytes, which tests/cli/test_regen.sh checks.
"""
import csv
import os
import sys

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                             "marnet_edges.csv")
SKIP = {"northwest"}


def micro(s):
    return int(round(float(s) * 1e6))


def read_graph(path):
    """(nodes, edges, tags): nodes a list of (lon, lat) microdegrees, edges (a, b, tag index),
    tags the list of tag names, "" first."""
    nodes, index = [], {}
    tags, tag_index = [""], {"": 0}
    edges, seen = [], {}

    def node(lon, lat):
        k = (micro(lon), micro(lat))
        if k not in index:
            index[k] = len(nodes)
            nodes.append(k)
        return index[k]

    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            tag = row["passage"].strip()
            if tag in SKIP:
                continue
            a = node(row["lon1"], row["lat1"])
            b = node(row["lon2"], row["lat2"])
            key = (min(a, b), max(a, b))
            if a == b:
                continue
            if tag not in tag_index:
                tag_index[tag] = len(tags)
                tags.append(tag)
            if key in seen:
                k = seen[key]
                if edges[k][2] == 0:  # a repeat that names a passage: keep the name
                    edges[k] = (edges[k][0], edges[k][1], tag_index[tag])
                continue
            seen[key] = len(edges)
            edges.append((a, b, tag_index[tag]))
    # antimeridian stitching
    east = {lat: i for i, (lon, lat) in enumerate(nodes) if lon == 180000000}
    west = [(i, lat) for i, (lon, lat) in enumerate(nodes) if lon == -180000000]
    tag_index["antimeridian"] = len(tags)
    tags.append("antimeridian")
    for i, lat in west:
        j = east.get(lat)
        if j is not None and (min(i, j), max(i, j)) not in seen:
            seen[(min(i, j), max(i, j))] = len(edges)
            edges.append((i, j, tag_index["antimeridian"]))
    return nodes, edges, tags


HEADER = """\
/*
 * sealanes_data.c - GENERATED FILE, do not edit by hand.
 *
 * The global sea-lane network "marnet" of Eurostat SeaRoute (EUPL-1.2; after the ORNL/CTA
 * Global Shipping Lane Network, enriched with AIS-based lanes), as shipped by searoute-py
 * (Apache-2.0) and cut into straight segments in tools/data/marnet_edges.csv (see
 * tools/data/README.md). Northwest Passage segments are left out; the two sides of the
 * antimeridian are joined. Coordinates in integer microdegrees.
 *
 * Regenerate from the repository root with `cmake --build build --target regen`, or:
 *   python3 tools/gen_sealanes.py > src/lib/model/sealanes_data.c
 */
#include "model/internal.h"

/* Generated data: one line per row of numbers, not clang-format's layout. */
/* clang-format off */
"""


def write_rows(w, items):
    line = "   "
    for item in items:
        if len(line) + len(item) > 99:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n")


def generate(path=DEFAULT_INPUT):
    """The text of sealanes_data.c for the CSV file at `path`."""
    nodes, edges, tags = read_graph(path)
    out = [HEADER]
    w = out.append
    w("/* %d nodes: lon, lat pairs in microdegrees. */\n" % len(nodes))
    w("const int32_t xbr__lane_node[%d] = {\n" % (2 * len(nodes)))
    write_rows(w, [" %d,%d," % p for p in nodes])
    w("};\n")
    w("const unsigned xbr__lane_n_nodes = %d;\n\n" % len(nodes))
    w("/* %d undirected edges: node a, node b, tag (index into xbr__lane_tag). */\n" % len(edges))
    w("const int32_t xbr__lane_edge[%d] = {\n" % (3 * len(edges)))
    write_rows(w, [" %d,%d,%d," % e for e in edges])
    w("};\n")
    w("const unsigned xbr__lane_n_edges = %d;\n\n" % len(edges))
    w("/* The passage tags of marnet (\"\" = none). */\n")
    w("const char *const xbr__lane_tag[%d] = {\n" % len(tags))
    write_rows(w, [' "%s",' % t for t in tags])
    w("};\n")
    w("const unsigned xbr__lane_n_tags = %d;\n" % len(tags))
    w("/* clang-format on */\n")
    return "".join(out)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    sys.stdout.buffer.write(generate(src).encode("utf-8"))


if __name__ == "__main__":
    main()
