/*
 * test_sealanes_hierarchy.c - the lane search (model/sealanes.c: two upward searches in the
 * contraction hierarchy that tools/gen_sealanes.py ships) against a plain Dijkstra written
 * here over the same generated segments, for many starts, every lane node as an end, and
 * several sets of avoided passages.
 *
 * The reference is independent of the hierarchy: it reads only the segments (xbr__lane_edge,
 * xbr__lane_km, xbr__lane_tag) and maps tags to passages itself (ormuz = hormuz, south_africa =
 * cape, the other xbroute passages by name). The generated lengths are first checked against
 * xbr_great_circle_km of the segment's ends (0 across the antimeridian): the generator uses its
 * formula, so with the same libm they are the same doubles, and within 1e-9 km with any other.
 * For every pair, the hierarchy's lane must
 *   - have the reference's length exactly (the same double: both add the segments in path
 *     order from the start), or no path exactly when the reference reaches no path;
 *   - be a path: from the start to the end, each step a segment whose passage is not avoided;
 *   - have the length and the passages of its own steps.
 * Paths themselves may differ where two are exactly as long (the lane nodes at longitude -180
 * and +180 are twins joined at 0 km, so some routes across the Pacific have two).
 */
#include "xbr_test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

typedef struct {
    int n, m;      /* nodes, segments */
    int *start;    /* segments at node u: adj[start[u] .. start[u + 1] - 1] */
    int *adj;      /* segment index */
    double *km;    /* per segment */
    unsigned *bit; /* per segment: passage bit */
} graph_t;

static graph_t g;

static unsigned tag_passage_bit(const char *tag)
{
    if (strcmp(tag, "ormuz") == 0)
        return 1u << XBR_PASSAGE_HORMUZ;
    if (strcmp(tag, "south_africa") == 0)
        return 1u << XBR_PASSAGE_CAPE;
    int p = xbr_passage_parse(tag);
    return p >= 0 ? 1u << p : 0u;
}

static int seg_a(int k)
{
    return xbr__lane_edge[3 * k];
}

static int seg_b(int k)
{
    return xbr__lane_edge[3 * k + 1];
}

static void graph_build(void)
{
    g.n = (int)xbr__lane_n_nodes;
    g.m = (int)xbr__lane_n_edges;
    g.start = calloc((size_t)g.n + 1, sizeof *g.start);
    g.adj = malloc(2 * (size_t)g.m * sizeof *g.adj);
    g.km = malloc((size_t)g.m * sizeof *g.km);
    g.bit = malloc((size_t)g.m * sizeof *g.bit);
    int *fill = malloc(((size_t)g.n + 1) * sizeof *fill);
    assert_non_null(g.start);
    assert_non_null(g.adj);
    assert_non_null(g.km);
    assert_non_null(g.bit);
    assert_non_null(fill);
    for (int k = 0; k < g.m; k++) {
        int a = seg_a(k), b = seg_b(k);
        const char *tag = xbr__lane_tag[xbr__lane_edge[3 * k + 2]];
        g.km[k] = xbr__lane_km[k];
        g.bit[k] = tag_passage_bit(tag);
        g.start[a + 1]++;
        g.start[b + 1]++;
    }
    for (int i = 0; i < g.n; i++)
        g.start[i + 1] += g.start[i];
    memcpy(fill, g.start, ((size_t)g.n + 1) * sizeof *fill);
    for (int k = 0; k < g.m; k++) {
        g.adj[fill[seg_a(k)]++] = k;
        g.adj[fill[seg_b(k)]++] = k;
    }
    free(fill);
}

static void graph_free(void)
{
    free(g.start);
    free(g.adj);
    free(g.km);
    free(g.bit);
}

/* Dijkstra from src avoiding `avoid`: a binary heap of (distance, node) with stale entries
 * skipped; dist[v] is the sum of the segments' lengths in path order from src. */
typedef struct {
    double d;
    int v;
} entry_t;

static void reference(int src, unsigned avoid, double *dist, entry_t *heap)
{
    size_t hn = 0;
    for (int i = 0; i < g.n; i++)
        dist[i] = INFINITY;
    dist[src] = 0.0;
    heap[hn++] = (entry_t){0.0, src};
    while (hn > 0) {
        entry_t top = heap[0], last = heap[--hn];
        size_t i = 0;
        for (size_t c; (c = 2 * i + 1) < hn; i = c) { /* sift `last` down from the root */
            if (c + 1 < hn && heap[c + 1].d < heap[c].d)
                c++;
            if (heap[c].d >= last.d)
                break;
            heap[i] = heap[c];
        }
        heap[i] = last;
        if (top.d > dist[top.v])
            continue;
        int u = top.v;
        for (int p = g.start[u]; p < g.start[u + 1]; p++) {
            int k = g.adj[p];
            if (g.bit[k] & avoid)
                continue;
            int v = seg_a(k) == u ? seg_b(k) : seg_a(k);
            double nd = dist[u] + g.km[k];
            if (nd < dist[v]) {
                dist[v] = nd;
                size_t j = hn++; /* sift up */
                while (j > 0 && heap[(j - 1) / 2].d > nd) {
                    heap[j] = heap[(j - 1) / 2];
                    j = (j - 1) / 2;
                }
                heap[j] = (entry_t){nd, v};
            }
        }
    }
}

/* The segment joining a and b that `avoid` allows (-1: none). */
static int segment_between(int a, int b, unsigned avoid)
{
    for (int p = g.start[a]; p < g.start[a + 1]; p++) {
        int k = g.adj[p];
        if (!(g.bit[k] & avoid) && (seg_a(k) == b || seg_b(k) == b))
            return k;
    }
    return -1;
}

/* Checks the lane from src to every node against the reference; returns pairs with a path. */
static int check_start(int src, unsigned avoid, int step)
{
    double *dist = malloc((size_t)g.n * sizeof *dist);
    entry_t *heap = malloc((2 * (size_t)g.m + 1) * sizeof *heap); /* a push per relaxation */
    assert_non_null(dist);
    assert_non_null(heap);
    reference(src, avoid, dist, heap);
    int found = 0;
    for (int t = 0; t < g.n; t += step) {
        struct xbr_lane lane = {0};
        assert_int_equal(xbr__sealanes_path(src, t, avoid, &lane), XBR_OK);
        if (!isfinite(dist[t])) {
            if (!isnan(lane.km) || lane.n != 0)
                fail_msg("%d -> %d avoiding %#x: reference has no path, lane has %zu nodes", src, t,
                         avoid, lane.n);
            free(lane.path);
            continue;
        }
        found++;
        if (lane.km != dist[t])
            fail_msg("%d -> %d avoiding %#x: lane %.17g km, reference %.17g km", src, t, avoid,
                     lane.km, dist[t]);
        assert_true(lane.n >= 1);
        assert_int_equal(lane.path[0], src);
        assert_int_equal(lane.path[lane.n - 1], t);
        double km = 0.0;
        unsigned via = 0;
        for (size_t i = 1; i < lane.n; i++) {
            int k = segment_between(lane.path[i - 1], lane.path[i], avoid);
            if (k < 0)
                fail_msg("%d -> %d avoiding %#x: step %zu (%d -> %d) is no allowed segment", src, t,
                         avoid, i, lane.path[i - 1], lane.path[i]);
            km += g.km[k];
            via |= g.bit[k];
        }
        assert_true(km == lane.km);
        assert_int_equal(via, lane.via);
        free(lane.path);
    }
    free(dist);
    free(heap);
    return found;
}

static void test_hierarchy_equals_dijkstra(void **state)
{
    (void)state;
    const unsigned suez = 1u << XBR_PASSAGE_SUEZ, bab = 1u << XBR_PASSAGE_BABALMANDAB,
                   panama = 1u << XBR_PASSAGE_PANAMA, cape = 1u << XBR_PASSAGE_CAPE,
                   malacca = 1u << XBR_PASSAGE_MALACCA, gib = 1u << XBR_PASSAGE_GIBRALTAR,
                   hormuz = 1u << XBR_PASSAGE_HORMUZ;
    /* none; the Red Sea closed; the pins of a cape, a suez and a panama service (the route
     * choices not named); everything closed */
    const unsigned avoids[] = {0u,
                               suez | bab,
                               suez | bab | panama,
                               cape | panama,
                               suez | bab | cape,
                               suez | bab | panama | cape | malacca | gib | hormuz};
    const int n_avoids = (int)(sizeof avoids / sizeof avoids[0]);
    /* under valgrind, every 16th end; else every end */
    int step = getenv("XBR_UNDER_VALGRIND") != NULL ? 16 : 1;
    int starts = getenv("XBR_UNDER_VALGRIND") != NULL ? 2 : 4;
    graph_build();
    unsigned seed = 12345u;
    long pairs = 0;
    for (int a = 0; a < n_avoids; a++)
        for (int s = 0; s < starts; s++) {
            seed = seed * 1103515245u + 12345u;
            int src = (int)((seed >> 8) % (unsigned)g.n);
            pairs += check_start(src, avoids[a], step);
        }
    /* the lanes are one ocean: nearly every end is reached from every start */
    assert_true(pairs > (long)n_avoids * starts * (g.n / step) / 2);
    graph_free();
}

/* The generated lengths are the haversine of the segments' ends. */
static void test_lengths_are_haversine(void **state)
{
    (void)state;
    for (unsigned k = 0; k < xbr__lane_n_edges; k++) {
        int a = xbr__lane_edge[3 * k], b = xbr__lane_edge[3 * k + 1];
        double alat = xbr__lane_node[2 * a + 1] / 1e6, alon = xbr__lane_node[2 * a] / 1e6;
        double blat = xbr__lane_node[2 * b + 1] / 1e6, blon = xbr__lane_node[2 * b] / 1e6;
        double want = strcmp(xbr__lane_tag[xbr__lane_edge[3 * k + 2]], "antimeridian") == 0
                          ? 0.0
                          : xbr_great_circle_km(alat, alon, blat, blon);
        if (!(fabs(xbr__lane_km[k] - want) <= 1e-9))
            fail_msg("segment %u: generated %.17g km, haversine %.17g km", k, xbr__lane_km[k],
                     want);
    }
}

/* A start is its own end (one node, 0 km); an end that no allowed segment reaches has none. */
static void test_trivial_and_cut_off(void **state)
{
    (void)state;
    struct xbr_lane lane = {0};
    assert_int_equal(xbr__sealanes_path(42, 42, 0u, &lane), XBR_OK);
    assert_int_equal(lane.n, 1);
    assert_int_equal(lane.path[0], 42);
    assert_true(lane.km == 0.0);
    assert_int_equal(lane.via, 0);
    free(lane.path);
    lane.path = NULL;
    /* A lane node whose every segment crosses Suez (the canal's interior), reached from the
     * open sea with Suez avoided: no path. */
    graph_build();
    unsigned suez = 1u << XBR_PASSAGE_SUEZ;
    int inside = -1;
    for (int v = 0; v < g.n && inside < 0; v++) {
        int all = g.start[v + 1] > g.start[v];
        for (int p = g.start[v]; p < g.start[v + 1]; p++)
            all &= (g.bit[g.adj[p]] & suez) != 0;
        if (all)
            inside = v;
    }
    assert_true(inside >= 0);
    int outside = inside == 0 ? 1 : 0;
    assert_int_equal(xbr__sealanes_path(outside, inside, suez, &lane), XBR_OK);
    assert_true(isnan(lane.km));
    assert_int_equal(lane.n, 0);
    assert_null(lane.path);
    graph_free();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lengths_are_haversine),
        cmocka_unit_test(test_hierarchy_equals_dijkstra),
        cmocka_unit_test(test_trivial_and_cut_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
