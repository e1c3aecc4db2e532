/*
 * model/sealanes.c - sea links routed on the global sea-lane network (model/internal.h,
 * docs/formats.md, "Sea lanes").
 *
 * The lane network is the generated table of sealanes_data.c (marnet: 9,693 nodes, 15,935
 * undirected segments, some tagged with the passage they pass through, with their lengths),
 * with a contraction hierarchy that tools/gen_sealanes.py computed for it: 22,245 shortcuts,
 * each joining two arcs (segments or shortcuts) at a middle node, and the search graph (each
 * arc once, at its lower-ranked end, with its length and the tags it crosses). All of it is
 * constant data: nothing is built when the library starts, and threads share it freely.
 *
 * Every sea link gets a lane (struct xbr_lane): each end snaps to the nearest lane node (by
 * haversine; the snap distance is kept but not added to the length, as tools/data's
 * sea_distances.csv was computed), and the path is the shortest one between them over the
 * segments whose passage is not avoided. A link avoids the passages its network has closed
 * and, when its file states `via`, the route choices (suez, babalmandab, panama, cape) it does
 * not name: a stated via says which service the link is.
 *
 * The shortest path is found in the hierarchy: an upward search (Dijkstra over arcs to
 * higher-ranked nodes) from the start, run to the end once per group of links of the same
 * start and avoided set, and one from each link's end, stopped once its keys reach the best
 * meeting; the path is the meeting's two halves with every shortcut unpacked into its
 * segments. A shortcut crosses the passages of its parts, and the generator leaves one out
 * only for a path that is no longer and crosses no passage its parts do not (gen_sealanes.py,
 * hierarchy(): why this is exact for any avoided set), so the search may skip an arc that
 * crosses an avoided passage as a Dijkstra over the segments skips the segment. Each search settles
 * about 120 nodes where a Dijkstra settles thousands (it covers the ocean up to the target: half
 * the time of validating a 10,000-link network, before). The length is the sum of the path's
 * segments in order from the start, the same double a Dijkstra from the start computes for
 * that path; tests/unit/model/test_sealanes_hierarchy.c checks lengths, passages and paths
 * against a plain Dijkstra for every lane node as an end. Where two paths are exactly as long
 * (the twin nodes at longitude -180 and +180 are joined at 0 km) either may come out.
 *
 * What the lane sets on the link: distance_km (the lane length when the file gave none; a
 * given distance is scaled by new length / first length when a closure re-routes the link),
 * via when the file left it out (the passages crossed), and for a link that gives knots its
 * days: port_days + distance_km / (knots x 1.852 km/h x 24 h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

#define ROUTE_CHOICES                                                                              \
    ((1u << XBR_PASSAGE_SUEZ) | (1u << XBR_PASSAGE_BABALMANDAB) | (1u << XBR_PASSAGE_PANAMA) |     \
     (1u << XBR_PASSAGE_CAPE))

static int passage_of_tag(const char *tag)
{
    if (strcmp(tag, "ormuz") == 0)
        return XBR_PASSAGE_HORMUZ;
    if (strcmp(tag, "south_africa") == 0)
        return XBR_PASSAGE_CAPE;
    return xbr_passage_parse(tag);
}

int xbr__sealanes_n_nodes(void)
{
    return (int)xbr__lane_n_nodes;
}

void xbr__sealanes_node(int i, double *lat, double *lon)
{
    *lon = xbr__lane_node[2 * i] / 1e6;
    *lat = xbr__lane_node[2 * i + 1] / 1e6;
}

int xbr__sealanes_snap(double lat, double lon, double *km)
{
    int best = -1;
    double bd = INFINITY;
    /* a cheap lower bound (latitude difference alone) skips most haversines */
    for (int i = 0; i < (int)xbr__lane_n_nodes; i++) {
        double nlat, nlon;
        xbr__sealanes_node(i, &nlat, &nlon);
        double dlat = fabs(nlat - lat) * (6371.0088 * 3.14159265358979323846 / 180.0);
        if (dlat >= bd)
            continue;
        double d = xbr_great_circle_km(lat, lon, nlat, nlon);
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    if (km != NULL)
        *km = bd;
    return best;
}

void xbr__sealanes_lane_free(struct xbr_lane *lane)
{
    if (lane != NULL)
        free(lane->path);
    free(lane);
}

/* ---- Upward searches (Dijkstra, binary heap with lazy deletion) ---- */

/* A heap entry of an upward search: a node and its distance then. */
typedef struct {
    double d;
    int v;
} entry_t;

static bool entry_less(const entry_t *a, const entry_t *b)
{
    return a->d < b->d;
}

XBR_MIN_HEAP(entry_heap, entry_t, entry_less)

/* One side of a query: the nodes an upward search reached, by stamp (a node's dist and prev
 * hold for this search only when stamp[node] == gen, so no search clears n entries). */
typedef struct {
    double *dist;
    int *prev; /* the arc the node was reached by, -1 at the start */
    unsigned *stamp;
    unsigned gen;
    entry_t *heap;
    size_t hn, hcap;
} side_t;

typedef struct {
    side_t s, t;          /* from the link's start, from its end */
    unsigned tag_bit[32]; /* each lane tag's passage bit (0: not an xbroute passage) */
    int *work;            /* arcs to unpack (a stack) */
    size_t wcap;
    int *up; /* the start side's arcs, from the start up to the meeting */
    size_t ucap;
    int *path; /* the path being unpacked: its nodes */
    int *seg;  /* and the segment before each node but the first */
    size_t pn, pcap, scap;
} query_t;

static int side_init(side_t *s)
{
    s->dist = malloc(xbr__lane_n_nodes * sizeof *s->dist);
    s->prev = malloc(xbr__lane_n_nodes * sizeof *s->prev);
    s->stamp = calloc(xbr__lane_n_nodes, sizeof *s->stamp);
    return s->dist != NULL && s->prev != NULL && s->stamp != NULL ? 0 : -1;
}

static void side_free(side_t *s)
{
    free(s->dist);
    free(s->prev);
    free(s->stamp);
    free(s->heap);
}

static double side_dist(const side_t *s, int v)
{
    return s->stamp[v] == s->gen ? s->dist[v] : INFINITY;
}

/* The lane tags whose passage is in `avoid` (passage bits), as the arcs' tag bits. */
static unsigned avoid_tags(const query_t *q, unsigned avoid)
{
    unsigned tags = 0;
    for (unsigned t = 0; t < xbr__lane_n_tags; t++)
        if (q->tag_bit[t] & avoid)
            tags |= 1u << t;
    return tags;
}

/*
 * Upward Dijkstra from `src` over the arcs that cross no tag of `avoid` (avoid_tags()). With
 * other == NULL it runs to the end (the start side of a query: what every end of the group
 * meets). Otherwise it stops once its next key is no less than the best meeting found (a node
 * settled at distance d meets the other side at >= d), and returns that meeting node in *meet
 * (-1: none) and the length in *best.
 */
static xbr_status_t upward(side_t *s, int src, unsigned avoid, const side_t *other, int *meet,
                           double *best)
{
    if (++s->gen == 0) { /* the stamps wrapped: clear them once */
        memset(s->stamp, 0, xbr__lane_n_nodes * sizeof *s->stamp);
        s->gen = 1;
    }
    s->hn = 0;
    s->stamp[src] = s->gen;
    s->dist[src] = 0.0;
    s->prev[src] = -1;
    if (meet != NULL) {
        *meet = -1;
        *best = INFINITY;
    }
    if (entry_heap_push(&s->heap, &s->hn, &s->hcap, (entry_t){0.0, src}) != XBR_OK)
        return XBR_ENOMEM;
    while (s->hn > 0) {
        entry_t top = entry_heap_pop(s->heap, &s->hn);
        double d = top.d;
        int u = top.v;
        if (d > s->dist[u])
            continue;
        if (other != NULL) {
            if (d >= *best)
                break;
            double o = side_dist(other, u);
            if (d + o < *best) {
                *best = d + o;
                *meet = u;
            }
        }
        for (int k = xbr__lane_up_start[u]; k < xbr__lane_up_start[u + 1]; k++) {
            const struct xbr__lane_arc *a = &xbr__lane_up[k];
            if (a->tags & avoid)
                continue;
            int v = a->to;
            double nd = d + a->km;
            if (s->stamp[v] != s->gen || nd < s->dist[v]) {
                s->stamp[v] = s->gen;
                s->dist[v] = nd;
                s->prev[v] = a->arc;
                if (entry_heap_push(&s->heap, &s->hn, &s->hcap, (entry_t){nd, v}) != XBR_OK)
                    return XBR_ENOMEM;
            }
        }
    }
    return XBR_OK;
}

/* The end of arc k other than v. */
static int other_end(int k, int v)
{
    const int32_t *ends = k < (int)xbr__lane_n_edges
                              ? &xbr__lane_edge[3 * k]
                              : &xbr__lane_shortcut[4 * (k - (int)xbr__lane_n_edges) + 2];
    return ends[0] == v ? ends[1] : ends[0];
}

/* Room for `need` ints in *a (xbr__grow); 0, or -1 when out of memory (*a untouched). */
static int grow_ints(int **a, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0; /* (xbr__grow would give back *a, which is NULL while *cap is 0) */
    int *p = xbr__grow(*a, cap, need, sizeof *p, 64);
    if (p == NULL)
        return -1;
    *a = p;
    return 0;
}

/* Appends to q->path the lane nodes after `from` along arc k (its segments, in order). */
static xbr_status_t unpack(query_t *q, int k, int from)
{
    size_t top = 0;
    if (grow_ints(&q->work, &q->wcap, 2) != 0)
        return XBR_ENOMEM;
    q->work[top++] = k;
    q->work[top++] = from;
    while (top > 0) {
        int u = q->work[--top];
        int a = q->work[--top];
        if (a < (int)xbr__lane_n_edges) {
            if (grow_ints(&q->path, &q->pcap, q->pn + 1) != 0 ||
                grow_ints(&q->seg, &q->scap, q->pn + 1) != 0)
                return XBR_ENOMEM;
            q->seg[q->pn] = a;
            q->path[q->pn++] = other_end(a, u);
            continue;
        }
        /* shortcut m: part [4m] from end [4m + 2] to the middle, part [4m + 1] on to [4m + 3] */
        const int32_t *sc = &xbr__lane_shortcut[4 * (a - (int)xbr__lane_n_edges)];
        int first = sc[2] == u ? sc[0] : sc[1], second = sc[2] == u ? sc[1] : sc[0];
        if (grow_ints(&q->work, &q->wcap, top + 4) != 0)
            return XBR_ENOMEM;
        q->work[top++] = second; /* popped second: from the middle node */
        q->work[top++] = other_end(first, u);
        q->work[top++] = first;
        q->work[top++] = u;
    }
    return XBR_OK;
}

/*
 * The lane from the start side's source to `to`, once the end side has searched from `to`
 * and met it at `meet`: unpacks start..meet (the start side's arcs, walked back from meet and
 * then forward) and meet..to (the end side's arcs, walked from meet), then sums the segments'
 * lengths in path order, as a Dijkstra from the start adds them, and collects their passages.
 */
static xbr_status_t extract(query_t *q, int from, int to, int meet, struct xbr_lane *lane)
{
    free(lane->path);
    lane->path = NULL;
    lane->n = 0;
    lane->via = 0;
    lane->km = NAN;
    if (meet < 0)
        return XBR_OK;
    size_t n_up = 0; /* the start side's arcs, meet back to from */
    for (int v = meet; v != from; v = other_end(q->s.prev[v], v))
        n_up++;
    if (grow_ints(&q->up, &q->ucap, n_up) != 0 || grow_ints(&q->path, &q->pcap, 1) != 0)
        return XBR_ENOMEM;
    size_t i = n_up;
    for (int v = meet; v != from; v = other_end(q->s.prev[v], v))
        q->up[--i] = q->s.prev[v];
    xbr_status_t st = XBR_OK;
    q->pn = 0;
    q->path[q->pn++] = from;
    for (i = 0; i < n_up && st == XBR_OK; i++)
        st = unpack(q, q->up[i], q->path[q->pn - 1]);
    for (int v = meet; v != to && st == XBR_OK; v = other_end(q->t.prev[v], v))
        st = unpack(q, q->t.prev[v], v);
    if (st != XBR_OK)
        return st;
    lane->path = malloc(q->pn * sizeof *lane->path);
    if (lane->path == NULL)
        return XBR_ENOMEM;
    memcpy(lane->path, q->path, q->pn * sizeof *lane->path);
    lane->n = q->pn;
    double km = 0.0;
    unsigned via = 0;
    for (size_t p = 1; p < q->pn; p++) {
        km += xbr__lane_km[q->seg[p]];
        via |= q->tag_bit[xbr__lane_edge[3 * q->seg[p] + 2]];
    }
    lane->km = km;
    lane->via = via;
    return XBR_OK;
}

static int query_init(query_t *q)
{
    memset(q, 0, sizeof *q);
    for (unsigned t = 0; t < xbr__lane_n_tags; t++) {
        int p = passage_of_tag(xbr__lane_tag[t]);
        q->tag_bit[t] = p >= 0 ? 1u << p : 0u;
    }
    return side_init(&q->s) == 0 && side_init(&q->t) == 0 ? 0 : -1;
}

static void query_free(query_t *q)
{
    side_free(&q->s);
    side_free(&q->t);
    free(q->work);
    free(q->up);
    free(q->path);
    free(q->seg);
}

/* The lane to `to` once q->s holds the upward search from `from` under `tags`. */
static xbr_status_t route_to(query_t *q, int from, int to, unsigned tags, struct xbr_lane *lane)
{
    int meet;
    double best;
    xbr_status_t st = upward(&q->t, to, tags, &q->s, &meet, &best);
    return st == XBR_OK ? extract(q, from, to, meet, lane) : st;
}

xbr_status_t xbr__sealanes_path(int from, int to, unsigned avoid, struct xbr_lane *lane)
{
    query_t q;
    xbr_status_t st = query_init(&q) == 0 ? XBR_OK : XBR_ENOMEM;
    unsigned tags = avoid_tags(&q, avoid);
    if (st == XBR_OK)
        st = upward(&q.s, from, tags, NULL, NULL, NULL);
    if (st == XBR_OK)
        st = route_to(&q, from, to, tags, lane);
    query_free(&q);
    return st;
}

/* The passages link l must avoid in `net`. */
static unsigned avoid_of(const xbr_network_t *net, const xbr_link_t *l)
{
    unsigned a = net->closed_passages;
    if (l->lane->pinned)
        a |= ROUTE_CHOICES & ~l->via;
    return a;
}

/* One link to route: its start node and avoided set, the sort key. */
typedef struct {
    int from;
    unsigned avoid;
    size_t link;
} job_t;

static int cmp_jobs(const void *pa, const void *pb)
{
    const job_t *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->avoid != b->avoid)
        return a->avoid < b->avoid ? -1 : 1;
    return a->link < b->link ? -1 : a->link > b->link;
}

/* Routes the links of `jobs` (each with a lane whose ends and avoided set are set): one
 * upward search for each group of the same start and avoided set, one per link from its end. */
static xbr_status_t route_jobs(xbr_network_t *net, job_t *jobs, size_t n)
{
    query_t q;
    unsigned tags = 0;
    if (n == 0)
        return XBR_OK;
    xbr_status_t st = query_init(&q) == 0 ? XBR_OK : XBR_ENOMEM;
    qsort(jobs, n, sizeof *jobs, cmp_jobs);
    for (size_t i = 0; i < n && st == XBR_OK; i++) {
        if (i == 0 || jobs[i].from != jobs[i - 1].from || jobs[i].avoid != jobs[i - 1].avoid) {
            tags = avoid_tags(&q, jobs[i].avoid);
            st = upward(&q.s, jobs[i].from, tags, NULL, NULL, NULL);
        }
        struct xbr_lane *lane = net->links[jobs[i].link].lane;
        if (st == XBR_OK)
            st = route_to(&q, jobs[i].from, lane->to_node, tags, lane);
    }
    query_free(&q);
    return st;
}

/* Routes `jobs`; a pinned link with no path under its pin is routed again with only the
 * network's closures avoided. */
static xbr_status_t route_with_fallback(xbr_network_t *net, job_t *jobs, size_t n)
{
    xbr_status_t st = route_jobs(net, jobs, n);
    size_t m = 0;
    for (size_t i = 0; i < n && st == XBR_OK; i++) {
        struct xbr_lane *lane = net->links[jobs[i].link].lane;
        if (!isfinite(lane->km) && lane->avoid != net->closed_passages) {
            lane->avoid = net->closed_passages;
            jobs[m] = jobs[i];
            jobs[m++].avoid = lane->avoid;
        }
    }
    return st == XBR_OK ? route_jobs(net, jobs, m) : st;
}

/* Sets the link's distance and (unless stated) via from its lane, when it has a path. */
static void speed_days(xbr_link_t *l)
{
    if (l->knots > 0.0) { /* 1 knot = 1.852 km/h = 44.448 km a day */
        double d = l->port_days + l->distance_km / (l->knots * 1.852 * 24.0);
        l->days.min = l->days.mode = l->days.max = d;
    }
}

static void apply(xbr_network_t *net, xbr_link_t *l)
{
    struct xbr_lane *lane = l->lane;
    if (!isfinite(lane->km)) { /* no lane: the great circle x detour distance stands */
        speed_days(l);
        return;
    }
    if (isnan(lane->km0))
        lane->km0 = lane->km;
    if (l->distance_given) {
        l->distance_km = lane->km0 > 0.0 ? lane->given_km * lane->km / lane->km0 : lane->given_km;
    } else {
        const xbr_node_t *a = &net->nodes[l->from], *b = &net->nodes[l->to];
        double gc = xbr_great_circle_km(a->lat, a->lon, b->lat, b->lon);
        l->distance_km = lane->km > gc ? lane->km : gc;
    }
    if (!lane->pinned)
        l->via = lane->via;
    speed_days(l);
}

xbr_status_t xbr__sealanes_route_new(xbr_network_t *net)
{
    job_t *jobs = NULL;
    int *snap = NULL;
    double *snap_km = NULL;
    size_t n = 0;
    xbr_status_t st = XBR_OK;
    for (size_t j = 0; j < net->n_links; j++)
        n += net->links[j].mode == XBR_MODE_SEA && net->links[j].lane == NULL;
    if (n > 0) {
        jobs = malloc(n * sizeof *jobs);
        snap = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *snap);
        snap_km = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *snap_km);
        if (jobs == NULL || snap == NULL || snap_km == NULL)
            st = XBR_ENOMEM;
        for (size_t i = 0; i < net->n_nodes && st == XBR_OK; i++)
            snap[i] = -2;
    }
    n = 0;
    for (size_t j = 0; j < net->n_links && st == XBR_OK; j++) { /* none when n was 0 */
        xbr_link_t *l = &net->links[j];
        if (l->mode != XBR_MODE_SEA || l->lane != NULL)
            continue;
        struct xbr_lane *lane = calloc(1, sizeof *lane);
        if (lane == NULL) {
            st = XBR_ENOMEM;
            break;
        }
        int ends[2] = {l->from, l->to};
        for (int e = 0; e < 2; e++)
            if (snap[ends[e]] == -2) {
                const xbr_node_t *nd = &net->nodes[ends[e]];
                snap[ends[e]] = xbr__sealanes_snap(nd->lat, nd->lon, &snap_km[ends[e]]);
            }
        lane->from_node = snap[l->from];
        lane->to_node = snap[l->to];
        lane->snap_from_km = snap_km[l->from];
        lane->snap_to_km = snap_km[l->to];
        lane->pinned = l->via != 0;
        lane->given_km = l->distance_given ? l->distance_km : NAN;
        lane->km = lane->km0 = NAN;
        l->lane = lane;
        lane->avoid = avoid_of(net, l);
        jobs[n++] = (job_t){.from = lane->from_node, .avoid = lane->avoid, .link = j};
    }
    if (st == XBR_OK)
        st = route_with_fallback(net, jobs, n);
    for (size_t j = 0; j < net->n_links && st == XBR_OK; j++)
        if (net->links[j].lane != NULL)
            apply(net, &net->links[j]);
    free(jobs);
    free(snap);
    free(snap_km);
    return st;
}

xbr_status_t xbr__sealanes_close_passage(xbr_network_t *net, int passage,
                                         void (*no_path)(void *ctx, size_t link), void *ctx)
{
    unsigned bit = 1u << passage;
    size_t n = 0;
    job_t *jobs = NULL;
    xbr_status_t st = XBR_OK;
    net->closed_passages |= bit;
    for (size_t j = 0; j < net->n_links; j++) {
        xbr_link_t *l = &net->links[j];
        if (l->mode != XBR_MODE_SEA)
            continue;
        if (l->lane == NULL || (l->lane->pinned && (l->via & bit)))
            l->closed |= (l->via & bit) != 0; /* the service through it stops */
        else if (l->lane->via & bit)
            n++;
    }
    if (n == 0)
        return XBR_OK;
    jobs = malloc(n * sizeof *jobs);
    if (jobs == NULL)
        return XBR_ENOMEM;
    n = 0;
    for (size_t j = 0; j < net->n_links; j++) {
        xbr_link_t *l = &net->links[j];
        if (l->mode != XBR_MODE_SEA || l->lane == NULL || (l->lane->pinned && (l->via & bit)) ||
            !(l->lane->via & bit))
            continue;
        l->lane->avoid = avoid_of(net, l);
        jobs[n++] = (job_t){.from = l->lane->from_node, .avoid = l->lane->avoid, .link = j};
    }
    st = route_with_fallback(net, jobs, n);
    for (size_t i = 0; i < n && st == XBR_OK; i++) {
        xbr_link_t *l = &net->links[jobs[i].link];
        if (isfinite(l->lane->km))
            apply(net, l);
        else {
            l->closed = true;
            if (no_path != NULL)
                no_path(ctx, jobs[i].link);
        }
    }
    free(jobs);
    return st;
}
