/*
 * model/sealanes.c - sea links routed on the global sea-lane network (model/internal.h,
 * docs/formats.md, "Sea lanes").
 *
 * The lane network is the generated table of sealanes_data.c (marnet: 9,693 nodes, 15,935
 * undirected segments, some tagged with the passage they pass through). Its adjacency (CSR,
 * segment lengths by haversine) is built once per process, on first use, and only read after.
 *
 * Every sea link gets a lane (struct xbr_lane): each end snaps to the nearest lane node (by
 * haversine; the snap distance is kept but not added to the length, as tools/data's
 * sea_distances.csv was computed), and the path is the shortest one between them (Dijkstra)
 * over the segments whose passage is not avoided. A link avoids the passages its network has
 * closed and, when its file states `via`, the route choices (suez, babalmandab, panama, cape)
 * it does not name: a stated via says which service the link is. Links are routed in groups of
 * the same start node and avoided set, one full Dijkstra per group, so n links from k ports
 * cost k searches of O(E log V).
 *
 * What the lane sets on the link: distance_km (the lane length when the file gave none; a
 * given distance is scaled by new length / first length when a closure re-routes the link),
 * via when the file left it out (the passages crossed), and for a link that gives knots its
 * days: port_days + distance_km / (knots x 1.852 km/h x 24 h).
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

#define ROUTE_CHOICES                                                                              \
    ((1u << XBR_PASSAGE_SUEZ) | (1u << XBR_PASSAGE_BABALMANDAB) | (1u << XBR_PASSAGE_PANAMA) |     \
     (1u << XBR_PASSAGE_CAPE))

/* A segment as seen from one of its ends: what a search reads of it, side by side (the search
 * reads every segment of a node it settles: one cache line holds four). */
typedef struct {
    double km;    /* length */
    int to;       /* the other end */
    unsigned bit; /* its passage's bit (0 when not one of xbr_passage_t) */
} arc_t;

typedef struct {
    int n;
    int *start;        /* segments at node u: start[u] .. start[u + 1] - 1 */
    arc_t *arc;        /* each segment from each end */
    double *lat, *lon; /* degrees */
} lanes_t;

static lanes_t lanes;
static int lanes_ok;
static pthread_mutex_t lanes_lock = PTHREAD_MUTEX_INITIALIZER;

static int passage_of_tag(const char *tag)
{
    if (strcmp(tag, "ormuz") == 0)
        return XBR_PASSAGE_HORMUZ;
    if (strcmp(tag, "south_africa") == 0)
        return XBR_PASSAGE_CAPE;
    return xbr_passage_parse(tag);
}

static void lanes_build(void)
{
    int n = (int)xbr__lane_n_nodes, e = (int)xbr__lane_n_edges;
    lanes.n = n;
    lanes.start = calloc((size_t)n + 1, sizeof *lanes.start);
    lanes.arc = malloc(2 * (size_t)e * sizeof *lanes.arc);
    unsigned *tag_bit = calloc(xbr__lane_n_tags, sizeof *tag_bit); /* each tag's passage bit */
    lanes.lat = malloc((size_t)n * sizeof *lanes.lat);
    lanes.lon = malloc((size_t)n * sizeof *lanes.lon);
    int *fill = calloc((size_t)n + 1, sizeof *fill);
    if (lanes.start == NULL || lanes.arc == NULL || tag_bit == NULL || lanes.lat == NULL ||
        lanes.lon == NULL || fill == NULL) {
        free(fill);
        free(lanes.start);
        free(lanes.arc);
        free(tag_bit);
        free(lanes.lat);
        free(lanes.lon);
        memset(&lanes, 0, sizeof lanes);
        return; /* lanes_ok stays 0: this use reports XBR_ENOMEM, the next one tries again */
    }
    for (unsigned t = 0; t < xbr__lane_n_tags; t++) {
        int p = passage_of_tag(xbr__lane_tag[t]);
        tag_bit[t] = p >= 0 ? 1u << p : 0u;
    }
    for (int i = 0; i < n; i++) {
        lanes.lon[i] = xbr__lane_node[2 * i] / 1e6;
        lanes.lat[i] = xbr__lane_node[2 * i + 1] / 1e6;
    }
    for (int k = 0; k < e; k++) {
        lanes.start[xbr__lane_edge[3 * k] + 1]++;
        lanes.start[xbr__lane_edge[3 * k + 1] + 1]++;
    }
    for (int i = 0; i < n; i++)
        lanes.start[i + 1] += lanes.start[i];
    memcpy(fill, lanes.start, ((size_t)n + 1) * sizeof *fill);
    for (int k = 0; k < e; k++) {
        int a = xbr__lane_edge[3 * k], b = xbr__lane_edge[3 * k + 1];
        unsigned char t = (unsigned char)xbr__lane_edge[3 * k + 2];
        double km =
            strcmp(xbr__lane_tag[t], "antimeridian") == 0
                ? 0.0
                : xbr_great_circle_km(lanes.lat[a], lanes.lon[a], lanes.lat[b], lanes.lon[b]);
        int i = fill[a]++, j = fill[b]++;
        lanes.arc[i] = (arc_t){km, b, tag_bit[t]};
        lanes.arc[j] = (arc_t){km, a, tag_bit[t]};
    }
    free(fill);
    free(tag_bit);
    lanes_ok = 1;
}

/* The adjacency, built by the first call that needs it (under a lock, so threads loading
 * networks in parallel build it once; a build that ran out of memory is tried again by the next
 * call). Read-only once built; it lives as long as the process. */
static const lanes_t *get_lanes(void)
{
    pthread_mutex_lock(&lanes_lock);
    if (!lanes_ok)
        lanes_build();
    int ok = lanes_ok;
    pthread_mutex_unlock(&lanes_lock);
    return ok ? &lanes : NULL;
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
    const lanes_t *L = get_lanes();
    int best = -1;
    double bd = INFINITY;
    if (L == NULL)
        return -1;
    /* a cheap lower bound (latitude difference alone) skips most haversines */
    for (int i = 0; i < L->n; i++) {
        double dlat = fabs(L->lat[i] - lat) * (6371.0088 * 3.14159265358979323846 / 180.0);
        if (dlat >= bd)
            continue;
        double d = xbr_great_circle_km(lat, lon, L->lat[i], L->lon[i]);
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

/* ---- Dijkstra with a binary heap and lazy deletion ---- */

typedef struct {
    double *dist;
    int *prev; /* adjacency slot used to reach the node, -1 at the source */
    double *hk;
    int *hv;
    size_t hn, hcap;
    int src;
    unsigned char *wanted; /* per node: a target of the search not yet settled */
    size_t n_wanted;       /* how many are marked */
} search_t;

static int heap_push(search_t *s, double k, int v)
{
    if (s->hn == s->hcap) {
        size_t cap = s->hcap ? 2 * s->hcap : 1024;
        double *hk = realloc(s->hk, cap * sizeof *hk);
        if (hk == NULL)
            return -1;
        s->hk = hk;
        int *hv = realloc(s->hv, cap * sizeof *hv);
        if (hv == NULL)
            return -1;
        s->hv = hv;
        s->hcap = cap;
    }
    size_t i = s->hn++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (s->hk[p] <= k)
            break;
        s->hk[i] = s->hk[p];
        s->hv[i] = s->hv[p];
        i = p;
    }
    s->hk[i] = k;
    s->hv[i] = v;
    return 0;
}

static void heap_pop(search_t *s, double *k, int *v)
{
    *k = s->hk[0];
    *v = s->hv[0];
    double lk = s->hk[--s->hn];
    int lv = s->hv[s->hn];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= s->hn)
            break;
        if (c + 1 < s->hn && s->hk[c + 1] < s->hk[c])
            c++;
        if (s->hk[c] >= lk)
            break;
        s->hk[i] = s->hk[c];
        s->hv[i] = s->hv[c];
        i = c;
    }
    s->hk[i] = lk;
    s->hv[i] = lv;
}

/*
 * Shortest distances from `src` over segments whose passage is not in `avoid`, until every node
 * marked in s->wanted is settled (all of them, when none is). Stopping there is exact for those
 * nodes: a node's distance and the slot it was reached by are final once it is popped (the
 * lengths are >= 0, and a later push needs a strictly shorter distance), and every node on its
 * path was popped before it; the search pops the same nodes in the same order as a full one up
 * to that point. A lane graph search from a port used to cover the whole ocean for a target a
 * few seas away: half the time of validating a 10,000-link network.
 */
static xbr_status_t dijkstra(const lanes_t *L, search_t *s, int src, unsigned avoid)
{
    for (int i = 0; i < L->n; i++) {
        s->dist[i] = INFINITY;
        s->prev[i] = -1;
    }
    s->hn = 0;
    s->src = src;
    s->dist[src] = 0.0;
    if (heap_push(s, 0.0, src) != 0)
        return XBR_ENOMEM;
    while (s->hn > 0) {
        double d;
        int u;
        heap_pop(s, &d, &u);
        if (d > s->dist[u])
            continue;
        if (s->wanted[u]) {
            s->wanted[u] = 0;
            if (--s->n_wanted == 0)
                break;
        }
        for (int k = L->start[u]; k < L->start[u + 1]; k++) {
            const arc_t *a = &L->arc[k];
            if (a->bit & avoid)
                continue;
            int v = a->to;
            double nd = d + a->km;
            if (nd < s->dist[v]) {
                s->dist[v] = nd;
                s->prev[v] = k;
                if (heap_push(s, nd, v) != 0)
                    return XBR_ENOMEM;
            }
        }
    }
    return XBR_OK;
}

/* The node a slot leads from (the slot is in the range of its tail). */
static int slot_tail(const lanes_t *L, int k)
{
    int lo = 0, hi = L->n - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (L->start[mid] <= k)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* Fills lane's path, km and via from the search; km NAN and n 0 when there is no path. */
static xbr_status_t extract(const lanes_t *L, const search_t *s, struct xbr_lane *lane)
{
    int t = lane->to_node;
    free(lane->path);
    lane->path = NULL;
    lane->n = 0;
    lane->via = 0;
    if (!isfinite(s->dist[t])) {
        lane->km = NAN;
        return XBR_OK;
    }
    size_t n = 1;
    for (int v = t; v != s->src; v = slot_tail(L, s->prev[v]))
        n++;
    lane->path = malloc(n * sizeof *lane->path);
    if (lane->path == NULL)
        return XBR_ENOMEM;
    size_t i = n;
    int v = t;
    lane->path[--i] = v;
    while (v != s->src) {
        int k = s->prev[v];
        lane->via |= L->arc[k].bit;
        v = slot_tail(L, k);
        lane->path[--i] = v;
    }
    lane->n = n;
    lane->km = s->dist[t];
    return XBR_OK;
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

/* Routes the links of `jobs` (each with a lane whose ends and avoided set are set). */
static xbr_status_t route_jobs(const lanes_t *L, xbr_network_t *net, job_t *jobs, size_t n)
{
    search_t s = {0};
    xbr_status_t st = XBR_OK;
    if (n == 0)
        return XBR_OK;
    s.dist = malloc((size_t)L->n * sizeof *s.dist);
    s.prev = malloc((size_t)L->n * sizeof *s.prev);
    s.wanted = calloc((size_t)L->n, 1);
    if (s.dist == NULL || s.prev == NULL || s.wanted == NULL)
        st = XBR_ENOMEM;
    qsort(jobs, n, sizeof *jobs, cmp_jobs);
    /* one search for each group of links of one start and avoided set (jobs[i, j)): it runs
     * until the ends of all of them are settled */
    for (size_t i = 0, j; i < n && st == XBR_OK; i = j) {
        s.n_wanted = 0;
        for (j = i; j < n && jobs[j].from == jobs[i].from && jobs[j].avoid == jobs[i].avoid; j++) {
            int t = net->links[jobs[j].link].lane->to_node;
            s.n_wanted += !s.wanted[t];
            s.wanted[t] = 1;
        }
        st = dijkstra(L, &s, jobs[i].from, jobs[i].avoid);
        for (size_t k = i; k < j; k++) {
            struct xbr_lane *lane = net->links[jobs[k].link].lane;
            s.wanted[lane->to_node] = 0; /* the marks of ends never reached */
            if (st == XBR_OK)
                st = extract(L, &s, lane);
        }
    }
    free(s.wanted);
    free(s.dist);
    free(s.prev);
    free(s.hk);
    free(s.hv);
    return st;
}

/* Routes `jobs`; a pinned link with no path under its pin is routed again with only the
 * network's closures avoided. */
static xbr_status_t route_with_fallback(const lanes_t *L, xbr_network_t *net, job_t *jobs, size_t n)
{
    xbr_status_t st = route_jobs(L, net, jobs, n);
    size_t m = 0;
    for (size_t i = 0; i < n && st == XBR_OK; i++) {
        struct xbr_lane *lane = net->links[jobs[i].link].lane;
        if (!isfinite(lane->km) && lane->avoid != net->closed_passages) {
            lane->avoid = net->closed_passages;
            jobs[m] = jobs[i];
            jobs[m++].avoid = lane->avoid;
        }
    }
    return st == XBR_OK ? route_jobs(L, net, jobs, m) : st;
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
    const lanes_t *L = NULL;
    job_t *jobs = NULL;
    int *snap = NULL;
    double *snap_km = NULL;
    size_t n = 0;
    xbr_status_t st = XBR_OK;
    for (size_t j = 0; j < net->n_links; j++)
        n += net->links[j].mode == XBR_MODE_SEA && net->links[j].lane == NULL;
    if (n > 0) {
        L = get_lanes();
        jobs = malloc(n * sizeof *jobs);
        snap = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *snap);
        snap_km = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *snap_km);
        if (L == NULL || jobs == NULL || snap == NULL || snap_km == NULL)
            st = XBR_ENOMEM;
        for (size_t i = 0; i < net->n_nodes && st == XBR_OK; i++)
            snap[i] = -2;
    }
    n = 0;
    for (size_t j = 0; j < net->n_links && st == XBR_OK && L != NULL; j++) {
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
        st = route_with_fallback(L, net, jobs, n);
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
    const lanes_t *L = NULL;
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
    L = get_lanes();
    jobs = malloc(n * sizeof *jobs);
    if (L == NULL || jobs == NULL) {
        free(jobs);
        return XBR_ENOMEM;
    }
    n = 0;
    for (size_t j = 0; j < net->n_links; j++) {
        xbr_link_t *l = &net->links[j];
        if (l->mode != XBR_MODE_SEA || l->lane == NULL || (l->lane->pinned && (l->via & bit)) ||
            !(l->lane->via & bit))
            continue;
        l->lane->avoid = avoid_of(net, l);
        jobs[n++] = (job_t){.from = l->lane->from_node, .avoid = l->lane->avoid, .link = j};
    }
    st = route_with_fallback(L, net, jobs, n);
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
