/*
 * bench_routes.c - times the Pareto route searches on a (generated) scenario against a
 * single-criterion Dijkstra over the same graph, in the same run (tests/bench/README.md).
 *
 *   bench_routes SCENARIO [--origins N] [--markets M] [--reps R] [--header]
 *
 * Origins: the products' origins in product order, then factories by id, up to N (100).
 * Markets: market nodes by id with demand > 0 for some product, up to M (200); each pair
 * (origin, market) is searched for the first product that lists the origin (else product 0).
 * Timed with CLOCK_MONOTONIC, the median of R repetitions (3) of:
 *   (a) xbr_routes_pareto on (cost, days) for every pair, origin by origin, through one new
 *       router per repetition (its bounds cache starts cold);
 *   (b) the same with xbr_routes_pareto_by_class;
 *   (c) igraph_distances_dijkstra (igraph 0.10) from each origin to all nodes over the open
 *       links, weighted by a per-kg charge (per_kg + per_unit + per_shipment / 100);
 *   (d) the same one-to-all searches with a plain Dijkstra of this file: the open links in
 *       compressed rows (CSR) by tail node, a binary heap of (distance, node) with lazy
 *       deletion - the textbook fast single-criterion peer, which igraph's general routine
 *       (vertex selectors, a result matrix, its indexed heap) is not. Its distances must equal
 *       igraph's (same checksum), else the run fails.
 * Prints one Markdown table row (--header: the header first). Never asserts on time; exits
 * non-zero only when the scenario does not load or a search fails.
 */
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "xbroute/load.h"
#include "xbroute/route.h"

#define MAX_REPS 15

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

typedef struct {
    const char *id;
    int node;
} node_ref_t;

static int cmp_node_id(const void *a, const void *b)
{
    return strcmp(((const node_ref_t *)a)->id, ((const node_ref_t *)b)->id);
}

/* The node indices in id order (malloc'ed), or NULL. */
static node_ref_t *nodes_by_id(const xbr_network_t *net)
{
    node_ref_t *by_id = malloc((net->n_nodes > 0 ? net->n_nodes : 1) * sizeof *by_id);
    if (by_id == NULL)
        return NULL;
    for (size_t v = 0; v < net->n_nodes; v++)
        by_id[v] = (node_ref_t){net->nodes[v].id, (int)v};
    qsort(by_id, net->n_nodes, sizeof *by_id, cmp_node_id);
    return by_id;
}

static int product_of(const xbr_scenario_t *sc, int origin)
{
    for (size_t p = 0; p < sc->n_products; p++)
        for (size_t i = 0; i < sc->products[p].n_origins; i++)
            if (sc->products[p].origins[i] == origin)
                return (int)p;
    return 0;
}

static int pick_origins(const xbr_scenario_t *sc, int *origins, int want)
{
    const xbr_network_t *net = sc->network;
    int n = 0;
    char *taken = calloc(net->n_nodes, 1);
    node_ref_t *by_id = nodes_by_id(net);
    if (taken == NULL || by_id == NULL) {
        free(taken);
        free(by_id);
        return -1;
    }
    for (size_t p = 0; p < sc->n_products && n < want; p++)
        for (size_t i = 0; i < sc->products[p].n_origins && n < want; i++) {
            int o = sc->products[p].origins[i];
            if (!taken[o]) {
                taken[o] = 1;
                origins[n++] = o;
            }
        }
    for (size_t k = 0; k < net->n_nodes && n < want; k++) {
        int v = by_id[k].node;
        if (net->nodes[v].type == XBR_NODE_FACTORY && !taken[v]) {
            taken[v] = 1;
            origins[n++] = v;
        }
    }
    free(taken);
    free(by_id);
    return n;
}

static int pick_markets(const xbr_scenario_t *sc, int *markets, int want)
{
    const xbr_network_t *net = sc->network;
    node_ref_t *by_id = nodes_by_id(net);
    if (by_id == NULL)
        return -1;
    int n = 0;
    for (size_t k = 0; k < net->n_nodes && n < want; k++) {
        int v = by_id[k].node;
        if (net->nodes[v].type != XBR_NODE_MARKET)
            continue;
        bool demand = false;
        for (size_t p = 0; p < sc->n_products && !demand; p++)
            demand = sc->products[p].demand_per_week[v] > 0.0;
        if (demand)
            markets[n++] = v;
    }
    free(by_id);
    return n;
}

/* One pass over all pairs, origin by origin, with a new router (so its bounds cache starts
 * cold; building it is timed too); returns seconds, or a negative value on failure. */
static double time_pareto(const xbr_scenario_t *sc, const int *origins, int n_o, const int *markets,
                          int n_m, bool by_class, size_t *n_routes)
{
    *n_routes = 0;
    double t0 = now_s();
    xbr_router_t *router = NULL;
    if (xbr_router_new(sc, &router) != XBR_OK)
        return -1.0;
    for (int i = 0; i < n_o; i++) {
        int product = product_of(sc, origins[i]);
        for (int j = 0; j < n_m; j++) {
            xbr_route_set_t *set = NULL;
            xbr_status_t st =
                by_class ? xbr_routes_pareto_by_class(sc, router, product, origins[i], markets[j],
                                                      XBR_CRITERIA_COST_DAYS, &set, NULL)
                         : xbr_routes_pareto(sc, router, product, origins[i], markets[j],
                                             XBR_CRITERIA_COST_DAYS, &set, NULL);
            if (st != XBR_OK) {
                xbr_router_free(router);
                return -1.0;
            }
            *n_routes += set->count;
            xbr_route_set_free(set);
        }
    }
    xbr_router_free(router);
    return now_s() - t0;
}

/* The open links as an igraph graph with per-kg-ish weights; false on failure. */
static bool build_graph(const xbr_network_t *net, igraph_t *g, igraph_vector_t *w)
{
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS)
        return false;
    if (igraph_vector_init(w, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&edges);
        return false;
    }
    bool ok = true;
    for (size_t j = 0; j < net->n_links && ok; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->closed || net->nodes[l->from].closed || net->nodes[l->to].closed)
            continue;
        double cost = l->cost.per_kg + l->cost.per_unit + l->cost.per_shipment / 100.0;
        ok = igraph_vector_int_push_back(&edges, l->from) == IGRAPH_SUCCESS &&
             igraph_vector_int_push_back(&edges, l->to) == IGRAPH_SUCCESS &&
             igraph_vector_push_back(w, cost >= 0.0 ? cost : 0.0) == IGRAPH_SUCCESS;
    }
    ok = ok && igraph_create(g, &edges, (igraph_integer_t)net->n_nodes, IGRAPH_DIRECTED) ==
                   IGRAPH_SUCCESS;
    igraph_vector_int_destroy(&edges);
    if (!ok)
        igraph_vector_destroy(w);
    return ok;
}

/* One pass of one-to-all Dijkstras from every origin; seconds, or negative on failure. */
static double time_dijkstra(const igraph_t *g, const igraph_vector_t *w, const int *origins,
                            int n_o, const int *markets, int n_m, double *checksum)
{
    igraph_matrix_t res;
    if (igraph_matrix_init(&res, 0, 0) != IGRAPH_SUCCESS)
        return -1.0;
    *checksum = 0.0;
    double t0 = now_s();
    for (int i = 0; i < n_o; i++) {
        if (igraph_distances_dijkstra(g, &res, igraph_vss_1(origins[i]), igraph_vss_all(), w,
                                      IGRAPH_OUT) != IGRAPH_SUCCESS) {
            igraph_matrix_destroy(&res);
            return -1.0;
        }
        for (int j = 0; j < n_m; j++) {
            double d = MATRIX(res, 0, markets[j]);
            if (d < IGRAPH_INFINITY)
                *checksum += d;
        }
    }
    double t = now_s() - t0;
    igraph_matrix_destroy(&res);
    return t;
}

/* The open links in compressed rows by tail node, with the weights of build_graph(). */
typedef struct {
    int n;
    int *start; /* n + 1 offsets into head/w */
    int *head;
    double *w;
} csr_t;

static void csr_free(csr_t *c)
{
    free(c->start);
    free(c->head);
    free(c->w);
}

static bool csr_build(const xbr_network_t *net, csr_t *c)
{
    c->n = (int)net->n_nodes;
    c->start = calloc(net->n_nodes + 1, sizeof *c->start);
    c->head = malloc((net->n_links + 1) * sizeof *c->head);
    c->w = malloc((net->n_links + 1) * sizeof *c->w);
    if (c->start == NULL || c->head == NULL || c->w == NULL) {
        csr_free(c);
        return false;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < net->n_links; j++) {
            const xbr_link_t *l = &net->links[j];
            if (l->closed || net->nodes[l->from].closed || net->nodes[l->to].closed)
                continue;
            if (pass == 0) {
                c->start[l->from + 1]++;
                continue;
            }
            double cost = l->cost.per_kg + l->cost.per_unit + l->cost.per_shipment / 100.0;
            int at = c->start[l->from]++;
            c->head[at] = l->to;
            c->w[at] = cost >= 0.0 ? cost : 0.0;
        }
        if (pass == 0)
            for (int v = 0; v < c->n; v++)
                c->start[v + 1] += c->start[v];
        else /* each start[v] moved to start[v + 1]: shift back */
            for (int v = c->n; v > 0; v--)
                c->start[v] = c->start[v - 1];
    }
    c->start[0] = 0;
    return true;
}

typedef struct {
    double d;
    int v;
} entry_t;

/* One-to-all Dijkstra from s into dist (n entries), with heap room `heap` (links + 1). */
static void csr_dijkstra(const csr_t *c, int s, double *dist, entry_t *heap)
{
    for (int v = 0; v < c->n; v++)
        dist[v] = HUGE_VAL;
    size_t n = 0;
    dist[s] = 0.0;
    heap[n++] = (entry_t){0.0, s};
    while (n > 0) {
        entry_t top = heap[0];
        entry_t last = heap[--n];
        size_t i = 0; /* sift the last entry down from the root */
        for (;;) {
            size_t k = 2 * i + 1;
            if (k >= n)
                break;
            if (k + 1 < n && heap[k + 1].d < heap[k].d)
                k++;
            if (!(heap[k].d < last.d))
                break;
            heap[i] = heap[k];
            i = k;
        }
        if (n > 0)
            heap[i] = last;
        if (top.d > dist[top.v])
            continue; /* a stale entry */
        for (int e = c->start[top.v]; e < c->start[top.v + 1]; e++) {
            double nd = top.d + c->w[e];
            int u = c->head[e];
            if (!(nd < dist[u]))
                continue;
            dist[u] = nd;
            size_t j = n++; /* sift up */
            while (j > 0 && nd < heap[(j - 1) / 2].d) {
                heap[j] = heap[(j - 1) / 2];
                j = (j - 1) / 2;
            }
            heap[j] = (entry_t){nd, u};
        }
    }
}

/* One pass of (d) from every origin; seconds, or negative on failure. */
static double time_csr(const csr_t *c, size_t n_links, const int *origins, int n_o,
                       const int *markets, int n_m, double *checksum)
{
    double *dist = malloc((size_t)c->n * sizeof *dist);
    entry_t *heap = malloc((n_links + 2) * sizeof *heap);
    if (dist == NULL || heap == NULL) {
        free(dist);
        free(heap);
        return -1.0;
    }
    *checksum = 0.0;
    double t0 = now_s();
    for (int i = 0; i < n_o; i++) {
        csr_dijkstra(c, origins[i], dist, heap);
        for (int j = 0; j < n_m; j++)
            if (dist[markets[j]] < HUGE_VAL)
                *checksum += dist[markets[j]];
    }
    double t = now_s() - t0;
    free(dist);
    free(heap);
    return t;
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int want_o = 100, want_m = 200, reps = 3;
    bool header = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--origins") == 0 && i + 1 < argc)
            want_o = atoi(argv[++i]);
        else if (strcmp(argv[i], "--markets") == 0 && i + 1 < argc)
            want_m = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--header") == 0)
            header = true;
        else if (path == NULL && argv[i][0] != '-')
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (path == NULL || want_o < 1 || want_m < 1 || reps < 1 || reps > MAX_REPS) {
        fprintf(stderr,
                "usage: bench_routes SCENARIO [--origins N] [--markets M] "
                "[--reps 1..%d] [--header]\n",
                MAX_REPS);
        return 2;
    }

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_scenario_t *sc = NULL;
    double t_load = now_s();
    xbr_status_t st = xbr_scenario_load(path, &sc, &diags);
    t_load = now_s() - t_load;
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "bench_routes: %s does not load (status %d)\n", path, (int)st);
        return 1;
    }
    const xbr_network_t *net = sc->network;
    int *origins = malloc((size_t)want_o * sizeof(int));
    int *markets = malloc((size_t)want_m * sizeof(int));
    xbr_router_t *router = NULL;
    igraph_t g;
    igraph_vector_t w;
    bool have_graph = false, have_csr = false;
    csr_t csr;
    int rc = 1;
    if (origins == NULL || markets == NULL)
        goto out;
    int n_o = pick_origins(sc, origins, want_o);
    int n_m = pick_markets(sc, markets, want_m);
    if (n_o <= 0 || n_m <= 0) {
        fprintf(stderr, "bench_routes: no origins or markets\n");
        goto out;
    }
    double t_router = now_s();
    if (xbr_router_new(sc, &router) != XBR_OK)
        goto out;
    t_router = now_s() - t_router;
    if (!build_graph(net, &g, &w))
        goto out;
    have_graph = true;
    if (!csr_build(net, &csr))
        goto out;
    have_csr = true;

    double tp[MAX_REPS], tc[MAX_REPS], td[MAX_REPS], tq[MAX_REPS];
    size_t routes = 0, class_routes = 0;
    double checksum = 0.0, checksum_csr = 0.0;
    for (int r = 0; r < reps; r++) {
        tp[r] = time_pareto(sc, origins, n_o, markets, n_m, false, &routes);
        tc[r] = time_pareto(sc, origins, n_o, markets, n_m, true, &class_routes);
        td[r] = time_dijkstra(&g, &w, origins, n_o, markets, n_m, &checksum);
        tq[r] = time_csr(&csr, net->n_links, origins, n_o, markets, n_m, &checksum_csr);
        if (tp[r] < 0.0 || tc[r] < 0.0 || td[r] < 0.0 || tq[r] < 0.0) {
            fprintf(stderr, "bench_routes: a search failed\n");
            goto out;
        }
    }
    if (fabs(checksum - checksum_csr) > 1e-9 * fmax(1.0, fabs(checksum))) {
        fprintf(stderr, "bench_routes: the two Dijkstras disagree: %.17g vs %.17g\n", checksum,
                checksum_csr);
        goto out;
    }
    double p = median(tp, reps), c = median(tc, reps), d = median(td, reps), q = median(tq, reps);
    size_t pairs = (size_t)n_o * (size_t)n_m;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (header) {
        printf("| links | nodes | pairs | load s | Pareto s | per pair ms | by class s | "
               "igraph Dijkstra s | CSR Dijkstra s | Pareto / igraph | Pareto / CSR | routes | "
               "class routes | peak RSS MB |\n");
        printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }
    printf(
        "| %zu | %zu | %zu | %.2f | %.3f | %.4f | %.3f | %.4f | %.4f | %.1f | %.1f | %zu | %zu | "
        "%.0f |\n",
        net->n_links, net->n_nodes, pairs, t_load, p, p * 1000.0 / (double)pairs, c, d, q,
        d > 0.0 ? p / d : 0.0, q > 0.0 ? p / q : 0.0, routes, class_routes,
        (double)ru.ru_maxrss / 1024.0);
    fprintf(stderr,
            "bench_routes: %d origins x %d markets, router %.3f s, reps %d, Dijkstra checksum "
            "%.6g\n",
            n_o, n_m, t_router, reps, checksum);
    rc = 0;
out:
    if (have_graph) {
        igraph_destroy(&g);
        igraph_vector_destroy(&w);
    }
    if (have_csr)
        csr_free(&csr);
    xbr_router_free(router);
    free(origins);
    free(markets);
    xbr_scenario_free(sc);
    return rc;
}
