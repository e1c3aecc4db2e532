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
  * each segment's length is the haversine distance of its ends (R = 6371.0088 km, 0 across
    the antimeridian), as the CSV's length_km was, computed as the library's
    xbr_great_circle_km computes it and written as a hexadecimal float (the exact double), so
    the library does not compute 15,935 haversines each time it starts;
  * a contraction hierarchy of the graph (see hierarchy() below), written as the library
    searches it (each segment and shortcut once, at its lower-ranked end, with its length and
    the tags it crosses) and the shortcuts, each with the two arcs it joins and its ends, so
    the library finds a shortest lane by two small searches instead of a Dijkstra over the
    whole ocean, and builds nothing when it starts.
Output: C arrays the library builds its search graph from (src/lib/model/sealanes.c).
Deterministic: the same input gives the same bytes, which tests/cli/test_regen.sh checks.
"""
import csv
import heapq
import math
import os
import sys

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                             "marnet_edges.csv")
SKIP = {"northwest"}
# Tags that never close: the only ones a shortcut may join freely (see hierarchy()).
OPEN_TAGS = {"", "antimeridian"}
# A witness search settles at most this many nodes; past it the shortcut is kept.
WITNESS_LIMIT = 60


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


def haversine_km(lat1, lon1, lat2, lon2):
    """The library's xbr_great_circle_km, operation for operation (the same libm calls in the
    same order, so the same doubles)."""
    r_km = 6371.0088
    rad = 3.14159265358979323846 / 180.0
    dlat = (lat2 - lat1) * rad
    dlon = (lon2 - lon1) * rad
    a = (math.sin(dlat / 2) * math.sin(dlat / 2) +
         math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin(dlon / 2) * math.sin(dlon / 2))
    if a > 1.0:
        a = 1.0
    return 2.0 * r_km * math.asin(math.sqrt(a))


def edge_lengths(nodes, edges, tags):
    """Each edge's length in km: haversine of its ends, 0 for the antimeridian joins."""
    return [0.0 if tags[t] == "antimeridian" else
            haversine_km(nodes[a][1] / 1e6, nodes[a][0] / 1e6, nodes[b][1] / 1e6, nodes[b][0] / 1e6)
            for a, b, t in edges]


def hierarchy(nodes, edges, tags, lengths):
    """A contraction hierarchy of the lane graph whose searches may avoid any set of passages.

    Nodes are contracted one at a time, in order of a priority (shortcuts the contraction adds,
    minus the arcs it removes, plus neighbours already contracted; recomputed when a node comes
    up, and the node put back if it is no longer the least). Contracting v joins every two arcs
    u-v, v-w of the remaining graph by a shortcut u-w (length the sum, passage tags the union)
    unless a witness exists: a path from u to w of the remaining graph that avoids v, is no
    longer, and crosses only tags of the two arcs (found by a Dijkstra that settles at most
    WITNESS_LIMIT nodes; when it gives up, the shortcut is kept).

    Why a search that avoids a set B of passages stays exact: take a shortest path of the
    graph without B's segments and its interior node v contracted first, with neighbours u, w
    on the path. Both arcs avoid B, so either their shortcut was added (it avoids B too) or a
    witness was found whose tags are among theirs (it avoids B too) and is no longer. Repeating
    this gives a path of the same length that goes up in rank and then down, which is what the
    library's two upward searches find. Tags that never close (OPEN_TAGS) are not tracked.
    `lengths` are the edges' lengths (edge_lengths()).

    Returns (rank, arcs, shortcuts): rank[v] the order in which v was contracted; arcs a list
    of (a, b, km, tag mask), the segments in order and then the shortcuts; shortcuts a list of
    (i, j), where shortcut m (arc len(edges) + m) joins arc i, from its end a to a middle node,
    and arc j, from there to its end b (so every shortcut follows its parts). Deterministic: no
    set or hash order decides anything."""
    n = len(nodes)
    arcs = []  # (a, b, km, tag mask)
    adj = [{} for _ in range(n)]  # v -> {u: [arcs joining v and u]}

    def add(a, b, km, mask):
        arcs.append((a, b, km, mask))
        adj[a].setdefault(b, []).append(len(arcs) - 1)
        adj[b].setdefault(a, []).append(len(arcs) - 1)

    if len(tags) > 32:
        raise ValueError("%d passage tags: an arc's tag mask has 32 bits" % len(tags))
    for (a, b, t), km in zip(edges, lengths):
        add(a, b, km, 0 if tags[t] in OPEN_TAGS else 1 << t)
    done = [False] * n
    contracted_neighbours = [0] * n

    def witness(u, v, mask, bound, targets):
        """Distances from u over remaining nodes other than v, on arcs within `mask`."""
        dist = {u: 0.0}
        heap = [(0.0, u)]
        left = set(targets)
        settled = 0
        while heap:
            d, x = heapq.heappop(heap)
            if d > dist[x]:
                continue
            if d > bound:
                break
            left.discard(x)
            settled += 1
            if not left or settled > WITNESS_LIMIT:
                break
            for y, ids in adj[x].items():
                if y == v or done[y]:
                    continue
                for i in ids:
                    if arcs[i][3] & ~mask:
                        continue
                    nd = d + arcs[i][2]
                    if nd < dist.get(y, math.inf):
                        dist[y] = nd
                        heapq.heappush(heap, (nd, y))
        return dist

    def shortcuts(v):
        """The shortcuts contracting v would add, and the number of arcs it removes."""
        inc = [(u, i) for u, ids in adj[v].items() if not done[u] for i in ids]
        by_start = {}  # (u, tag mask) -> [(w, km, i, j)]
        for u, i in inc:
            for w, j in inc:
                if w > u:
                    by_start.setdefault((u, arcs[i][3] | arcs[j][3]), []).append(
                        (w, arcs[i][2] + arcs[j][2], i, j))
        out = []
        for (u, mask), cands in by_start.items():
            dist = witness(u, v, mask, max(c[1] for c in cands), [c[0] for c in cands])
            out += [(u, w, km, mask, i, j) for w, km, i, j in cands
                    if not dist.get(w, math.inf) <= km]
        return out, len(inc)

    def priority(v):
        sc, removed = shortcuts(v)
        return len(sc) - removed + contracted_neighbours[v], sc

    queue = [(priority(v)[0], v) for v in range(n)]
    heapq.heapify(queue)
    rank = [0] * n
    joined = []
    next_rank = 0
    while queue:
        _, v = heapq.heappop(queue)
        if done[v]:
            continue
        p, sc = priority(v)
        if queue and p > queue[0][0]:
            heapq.heappush(queue, (p, v))
            continue
        for u, w, km, mask, i, j in sc:
            add(u, w, km, mask)
            joined.append((i, j))
        done[v] = True
        rank[v] = next_rank
        next_rank += 1
        for u in adj[v]:
            if not done[u]:
                contracted_neighbours[u] += 1
    return rank, arcs, joined


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
    w("const unsigned xbr__lane_n_tags = %d;\n\n" % len(tags))
    lengths = edge_lengths(nodes, edges, tags)
    w("/* Each edge's length in km (haversine; exact doubles). */\n")
    w("const double xbr__lane_km[%d] = {\n" % len(edges))
    write_rows(w, [" %s," % km.hex() for km in lengths])
    w("};\n")
    rank, arcs, joined = hierarchy(nodes, edges, tags, lengths)
    # the search graph: each arc once, at its lower-ranked end, in arc order
    up = [[] for _ in nodes]
    for k, (a, b, km, mask) in enumerate(arcs):
        lo, hi = (a, b) if rank[a] < rank[b] else (b, a)
        up[lo].append((km, hi, k, mask))
    start = [0]
    for lst in up:
        start.append(start[-1] + len(lst))
    w("/* The contraction hierarchy (hierarchy() in tools/gen_sealanes.py) as the library searches\n"
      " * it: arc k is edge k for k < xbr__lane_n_edges, shortcut k - xbr__lane_n_edges after;\n"
      " * each arc once, from its lower-ranked end u, in xbr__lane_up[xbr__lane_up_start[u] ..\n"
      " * xbr__lane_up_start[u + 1] - 1]: length (exact double), higher-ranked end, arc, and the\n"
      " * tags it crosses (bit t: xbr__lane_tag[t]; \"\" and \"antimeridian\" not kept). */\n")
    w("const int32_t xbr__lane_up_start[%d] = {\n" % len(start))
    write_rows(w, [" %d," % x for x in start])
    w("};\n")
    w("const struct xbr__lane_arc xbr__lane_up[%d] = {\n" % len(arcs))
    write_rows(w, [" {%s,%d,%d,%d}," % (km.hex(), hi, k, mask)
                   for lst in up for km, hi, k, mask in lst])
    w("};\n")
    w("/* %d shortcuts: shortcut m joins arc [4m], from end [4m + 2] to the middle node, and arc\n"
      " * [4m + 1], from there to end [4m + 3]. */\n" % len(joined))
    w("const int32_t xbr__lane_shortcut[%d] = {\n" % (4 * len(joined)))
    e = len(edges)
    write_rows(w, [" %d,%d,%d,%d," % (i, j, arcs[e + m][0], arcs[e + m][1])
                   for m, (i, j) in enumerate(joined)])
    w("};\n")
    w("const unsigned xbr__lane_n_shortcuts = %d;\n" % len(joined))
    w("/* clang-format on */\n")
    return "".join(out)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    sys.stdout.buffer.write(generate(src).encode("utf-8"))


if __name__ == "__main__":
    main()
