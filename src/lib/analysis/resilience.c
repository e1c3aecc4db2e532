/*
 * resilience.c - cuts, disjoint routes, hubs and the cost of closures (xbroute/resilience.h).
 *
 * Three graphs of the open network (open links whose end nodes are open; node i is vertex i):
 *   G  directed, edge k = open link link_of[k]: disjoint paths and betweenness;
 *   U  the same edges undirected: igraph's articulation points and bridges are notions of
 *      undirected connectivity (igraph ignores edge directions for them), so they are reported
 *      as what they are, the undirected view. They do not answer the planner's question: a
 *      node can cut every directed path from a factory to a market and still leave the
 *      undirected view connected (a return link elsewhere closes the cycle), and an undirected
 *      articulation point may separate nothing a factory ships to. So which of them matter is
 *      checked against directed reachability;
 *   S  G with every link subdivided (link k becomes vertex n + k, edges from -> n+k -> to).
 *      A node or link v cuts market m off from factory f exactly when every directed path
 *      f -> m passes v, i.e. v dominates m in the flow graph rooted at f. On S the dominators
 *      of m are its node cuts and, as link vertices, its link cuts: one dominator tree per
 *      factory finds every directed cut, which is the removal-and-reachability check done for
 *      all nodes and links at once. The tree is computed here (dominator_tree(), the iterative
 *      algorithm of Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm", 2001) on S
 *      kept as two adjacency lists, not with igraph_dominator_tree: in igraph 0.10.2 the
 *      depth-first search behind it does not check its lazy adjacency list's allocations, so
 *      running out of memory there crashed the process (an assertion or a segfault) instead
 *      of returning IGRAPH_ENOMEM.
 *
 * Memory: one analysis keeps its temporaries in a work_t. work_init() puts every member in an
 * empty state first (NULL arrays, igraph graphs without vertices, vectors without elements), so
 * xbr_resilience_run() has one cleanup path, work_destroy(), whatever step failed. igraph's own
 * temporaries are unwound by its error handler (xbr__network_igraph_init), so its FINALLY stack is
 * empty when we return.
 */
#include "xbroute/resilience.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "xbroute/compare.h"

static xbr_status_t igraph_failed(xbr_diags_t *diags, const char *call, igraph_error_t rc)
{
    if (rc == IGRAPH_ENOMEM)
        return XBR_ENOMEM;
    if (diags != NULL) {
        char what[160];
        snprintf(what, sizeof what, "resilience: igraph %s failed: %s", call, igraph_strerror(rc));
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, what, "igraph success");
    }
    return XBR_EINTERNAL;
}

/* Calls igraph; on failure returns its status (the work_t keeps every temporary). */
#define IGRAPH_TRY(call, name)                                                                     \
    do {                                                                                           \
        igraph_error_t rc_ = (call);                                                               \
        if (rc_ != IGRAPH_SUCCESS)                                                                 \
            return igraph_failed(diags, name, rc_);                                                \
    } while (0)

/* ---- ordering helpers (ids make the output deterministic) -------------------------------- */

static int cmp_pair(const xbr_network_t *net, const xbr_resil_pair_t *a, const xbr_resil_pair_t *b)
{
    int c = strcmp(net->nodes[a->factory].id, net->nodes[b->factory].id);
    if (c != 0)
        return c;
    return strcmp(net->nodes[a->market].id, net->nodes[b->market].id);
}

static void sort_pairs(const xbr_network_t *net, xbr_resil_pair_t *p, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && cmp_pair(net, &p[k - 1], &p[k]) > 0; k--) {
            xbr_resil_pair_t t = p[k];
            p[k] = p[k - 1];
            p[k - 1] = t;
        }
}

typedef struct {
    double key; /* sorted descending */
    const char *id;
    int index;
} keyed_t;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed_t *a = x, *b = y;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Sorts indices by the id of the node (links == false) or link they name. */
static xbr_status_t sort_by_id(const xbr_network_t *net, int *x, size_t n, bool links)
{
    keyed_t *k = malloc((n ? n : 1) * sizeof *k);
    if (k == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < n; i++)
        k[i] = (keyed_t){0.0, links ? net->links[x[i]].id : net->nodes[x[i]].id, x[i]};
    qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n; i++)
        x[i] = k[i].index;
    free(k);
    return XBR_OK;
}

static const char *item_id(const xbr_network_t *net, const xbr_resil_item_t *it)
{
    return it->kind == XBR_RESIL_NODE ? net->nodes[it->index].id : net->links[it->index].id;
}

static int cmp_item(const xbr_network_t *net, const xbr_resil_item_t *a, const xbr_resil_item_t *b)
{
    if (a->cut_off_demand_per_week != b->cut_off_demand_per_week)
        return a->cut_off_demand_per_week > b->cut_off_demand_per_week ? -1 : 1;
    if (a->weekly_cost_increase != b->weekly_cost_increase)
        return a->weekly_cost_increase > b->weekly_cost_increase ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind == XBR_RESIL_NODE ? -1 : 1;
    return strcmp(item_id(net, a), item_id(net, b));
}

/* ---- closures ------------------------------------------------------------------------------ */

/* The row's best route: the winner, else the cheapest route of any class; NULL when none. */
static const xbr_route_t *best_route(const xbr_compare_row_t *row, const char **class_name)
{
    if (row->winner >= 0) {
        *class_name = row->classes[row->winner].class_name;
        return &row->classes[row->winner].route;
    }
    const xbr_class_result_t *best = NULL;
    for (size_t k = 0; k < row->n_classes; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        if (c->has_route && (best == NULL || c->route.cost.total < best->route.cost.total))
            best = c;
    }
    *class_name = best ? best->class_name : "";
    return best ? &best->route : NULL;
}

/* Fills *im, the effect on one product x market of going from row `b` (before the closure) to
 * row `a` (after), and adds it to the item's totals. */
static void add_impact(xbr_resil_item_t *it, const xbr_compare_row_t *b, const xbr_compare_row_t *a,
                       xbr_resil_impact_t *im)
{
    const char *bname = "", *aname = "";
    const xbr_route_t *br = best_route(b, &bname), *ar = best_route(a, &aname);
    im->product = b->product;
    im->market = b->market;
    im->demand_per_week = b->demand_per_week;
    im->base_served = br != NULL;
    snprintf(im->base_class, sizeof im->base_class, "%s", bname);
    im->base_cost = br ? br->cost.total : NAN;
    im->base_days = br ? br->days : NAN;
    im->served = ar != NULL;
    snprintf(im->class_name, sizeof im->class_name, "%s", aname);
    im->cost = ar ? ar->cost.total : NAN;
    im->days = ar ? ar->days : NAN;
    im->cut_off = br != NULL && ar == NULL;
    im->delta_cost = NAN;
    im->delta_days = NAN;
    if (im->cut_off) {
        it->n_cut_off++;
        it->cut_off_demand_per_week += im->demand_per_week;
    } else if (br != NULL && ar != NULL) {
        im->delta_cost = im->cost - im->base_cost;
        im->delta_days = im->days - im->base_days;
        it->weekly_cost_increase += im->demand_per_week * im->delta_cost;
        if (im->delta_days > it->max_delta_days)
            it->max_delta_days = im->delta_days;
    }
}

/* Compares `sc` with one node or link closed against `base`, filling the item's impacts. The
 * copy is a variant of `sc` (model/internal.h): only the node and link arrays are its own. */
static xbr_status_t close_and_compare(const xbr_scenario_t *sc, const xbr_compare_t *base,
                                      xbr_resil_item_t *it, xbr_diags_t *diags)
{
    xbr__variant_t *v = xbr__variant_new(sc);
    xbr_compare_t *cmp = NULL;
    xbr_status_t st = XBR_OK;
    it->impacts = calloc(base->n_rows ? base->n_rows : 1, sizeof *it->impacts);
    if (v == NULL || it->impacts == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    if (it->kind == XBR_RESIL_NODE)
        v->net.nodes[it->index].closed = true;
    else
        v->net.links[it->index].closed = true;
    st = xbr_compare_run(&v->sc, &cmp, diags);
    if (st == XBR_OK && cmp->n_rows != base->n_rows)
        st = XBR_EINTERNAL;
    for (size_t i = 0; st == XBR_OK && i < base->n_rows; i++) {
        const xbr_compare_row_t *b = &base->rows[i], *a = &cmp->rows[i];
        if (a->product != b->product || a->market != b->market)
            st = XBR_EINTERNAL;
        else
            add_impact(it, b, a, &it->impacts[it->n_impacts++]);
    }
out:
    xbr_compare_free(cmp);
    xbr__variant_free(v);
    return st;
}

/* Closes each item in turn against the comparison of `sc` as it is. */
static xbr_status_t close_each(const xbr_scenario_t *sc, xbr_resilience_t *res, xbr_diags_t *diags)
{
    xbr_compare_t *base = NULL;
    xbr_status_t st = xbr_compare_run(sc, &base, diags);
    if (st != XBR_OK)
        return st;
    res->n_rows = base->n_rows;
    for (size_t i = 0; i < res->n_items && st == XBR_OK; i++)
        st = close_and_compare(sc, base, &res->items[i], diags);
    xbr_compare_free(base);
    return st;
}

/* ---- the analysis ------------------------------------------------------------------------- */

void xbr_resilience_free(xbr_resilience_t *res)
{
    if (res == NULL)
        return;
    free(res->pairs);
    free(res->articulation);
    free(res->articulation_cuts);
    free(res->bridges);
    free(res->bridge_cuts);
    free(res->hubs);
    free(res->hub_betweenness);
    for (size_t i = 0; i < res->n_items; i++)
        free(res->items[i].impacts);
    free(res->items);
    free(res);
}

/* Collects the factory x market pairs: each product's origins x its markets with demand. */
static xbr_status_t collect_pairs(const xbr_scenario_t *sc, xbr_resilience_t *res)
{
    const xbr_network_t *net = sc->network;
    size_t cap = 0;
    for (size_t p = 0; p < sc->n_products; p++)
        cap += sc->products[p].n_origins * sc->n_markets;
    res->pairs = calloc(cap ? cap : 1, sizeof *res->pairs);
    if (res->pairs == NULL)
        return XBR_ENOMEM;
    for (size_t p = 0; p < sc->n_products; p++) {
        const xbr_product_t *prod = &sc->products[p];
        for (size_t o = 0; o < prod->n_origins; o++)
            for (size_t mi = 0; mi < sc->n_markets; mi++) {
                int f = prod->origins[o], m = sc->markets[mi];
                if (!(prod->demand_per_week[m] > 0))
                    continue;
                bool dup = false;
                for (size_t k = 0; k < res->n_pairs && !dup; k++)
                    dup = res->pairs[k].factory == f && res->pairs[k].market == m;
                if (!dup)
                    res->pairs[res->n_pairs++] = (xbr_resil_pair_t){f, m, false, 0};
            }
    }
    sort_pairs(net, res->pairs, res->n_pairs);
    return XBR_OK;
}

/*
 * The temporaries of one analysis. Arrays are NULL and igraph objects empty until a step fills
 * them; work_destroy() frees every member in any state.
 */
typedef struct {
    size_t n;                      /* nodes: vertex i of G, U and S is node i */
    size_t e;                      /* open links: edge k of G and U */
    int *link_of;                  /* edge k -> link index (vertex n + k of S) */
    size_t *node_cuts, *link_cuts; /* factory x market pairs each node / link cuts */
    double *betw;                  /* directed betweenness of each node */
    igraph_t g, u;                 /* directed, undirected */
    igraph_vector_int_t edges;     /* G's and U's edge list: edge k is edges[2k] -> edges[2k+1] */
    size_t *out_start, *in_start;  /* S: the open links out of / into node i are */
    int *out_k, *in_k;             /*    out_k[out_start[i] .. out_start[i+1]) (in_k alike) */
    int *dom;                      /* a dominator tree of S: immediate dominator of each vertex */
    int *po, *order, *stack;       /* S: postorder number, vertices in postorder, DFS stack */
    size_t *next;                  /* S: the DFS's next successor of each stacked vertex */
    igraph_vector_int_t ivec;      /* articulation points, then bridges */
    igraph_vector_t bvec;          /* betweenness */
} work_t;

/* The igraph members of `w`, empty. On failure igraph has unwound the ones made (its FINALLY
 * stack) and none is left to destroy. */
static igraph_error_t work_init_igraph(work_t *w)
{
    IGRAPH_CHECK(igraph_empty(&w->g, 0, IGRAPH_DIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &w->g);
    IGRAPH_CHECK(igraph_empty(&w->u, 0, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &w->u);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&w->edges, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&w->ivec, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&w->bvec, 0);
    IGRAPH_FINALLY_CLEAN(5);
    return IGRAPH_SUCCESS;
}

/* Puts every member of `w` in its empty state; on failure nothing is left to destroy. */
static xbr_status_t work_init(work_t *w, const xbr_network_t *net, xbr_diags_t *diags)
{
    memset(w, 0, sizeof *w);
    w->n = net->n_nodes;
    xbr__network_igraph_init();
    igraph_error_t rc = work_init_igraph(w);
    return rc == IGRAPH_SUCCESS ? XBR_OK : igraph_failed(diags, "init", rc);
}

static void work_destroy(work_t *w)
{
    igraph_destroy(&w->g);
    igraph_destroy(&w->u);
    igraph_vector_int_destroy(&w->edges);
    igraph_vector_int_destroy(&w->ivec);
    igraph_vector_destroy(&w->bvec);
    free(w->link_of);
    free(w->node_cuts);
    free(w->link_cuts);
    free(w->betw);
    free(w->out_start);
    free(w->in_start);
    free(w->out_k);
    free(w->in_k);
    free(w->dom);
    free(w->po);
    free(w->order);
    free(w->stack);
    free(w->next);
}

/* S as adjacency lists: the open links out of and into each node, and the DFS arrays. */
static xbr_status_t build_s(work_t *w)
{
    size_t n = w->n, e = w->e, v = n + e;
    w->out_start = calloc(n + 1, sizeof *w->out_start);
    w->in_start = calloc(n + 1, sizeof *w->in_start);
    w->out_k = malloc((e ? e : 1) * sizeof *w->out_k);
    w->in_k = malloc((e ? e : 1) * sizeof *w->in_k);
    w->dom = malloc((v ? v : 1) * sizeof *w->dom);
    w->po = malloc((v ? v : 1) * sizeof *w->po);
    w->order = malloc((v ? v : 1) * sizeof *w->order);
    w->stack = malloc((v ? v : 1) * sizeof *w->stack);
    w->next = malloc((v ? v : 1) * sizeof *w->next);
    if (w->out_start == NULL || w->in_start == NULL || w->out_k == NULL || w->in_k == NULL ||
        w->dom == NULL || w->po == NULL || w->order == NULL || w->stack == NULL || w->next == NULL)
        return XBR_ENOMEM;
    /* counts, then where each list ends, then filled from the back: each start[i] moves down
     * to where list i begins, and each list keeps link order */
    for (size_t k = 0; k < e; k++) {
        w->out_start[VECTOR(w->edges)[2 * k]]++;
        w->in_start[VECTOR(w->edges)[2 * k + 1]]++;
    }
    for (size_t i = 1; i < n; i++) {
        w->out_start[i] += w->out_start[i - 1];
        w->in_start[i] += w->in_start[i - 1];
    }
    w->out_start[n] = w->in_start[n] = e;
    for (size_t k = e; k-- > 0;) {
        w->out_k[--w->out_start[VECTOR(w->edges)[2 * k]]] = (int)k;
        w->in_k[--w->in_start[VECTOR(w->edges)[2 * k + 1]]] = (int)k;
    }
    return XBR_OK;
}

/* The open links (open, between open nodes) and the three graphs G, U and S on them. */
static xbr_status_t build_graphs(const xbr_network_t *net, work_t *w, xbr_diags_t *diags)
{
    w->link_of = malloc((net->n_links ? net->n_links : 1) * sizeof *w->link_of);
    w->node_cuts = calloc(w->n ? w->n : 1, sizeof *w->node_cuts);
    w->link_cuts = calloc(net->n_links ? net->n_links : 1, sizeof *w->link_cuts);
    if (w->link_of == NULL || w->node_cuts == NULL || w->link_cuts == NULL)
        return XBR_ENOMEM;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed)
            w->link_of[w->e++] = (int)j;
    }
    IGRAPH_TRY(igraph_vector_int_resize(&w->edges, (igraph_integer_t)(2 * w->e)), "vector_resize");
    for (size_t k = 0; k < w->e; k++) {
        const xbr_link_t *l = &net->links[w->link_of[k]];
        VECTOR(w->edges)[2 * k] = l->from;
        VECTOR(w->edges)[2 * k + 1] = l->to;
    }
    igraph_integer_t n = (igraph_integer_t)w->n;
    IGRAPH_TRY(igraph_add_vertices(&w->g, n, NULL), "add_vertices");
    IGRAPH_TRY(igraph_add_edges(&w->g, &w->edges, NULL), "add_edges");
    IGRAPH_TRY(igraph_add_vertices(&w->u, n, NULL), "add_vertices");
    IGRAPH_TRY(igraph_add_edges(&w->u, &w->edges, NULL), "add_edges");
    return build_s(w);
}

/* Successor (`in` false) or predecessor (`in` true) number j of vertex v of S; -1 past the last.
 * Node i leads to the link vertices n + k of its open links k out; link vertex n + k leads to
 * the node its link goes to. */
static int s_adj(const work_t *w, bool in, int v, size_t j)
{
    if ((size_t)v < w->n) {
        const size_t *start = in ? w->in_start : w->out_start;
        const int *ks = in ? w->in_k : w->out_k;
        size_t a = start[v] + j;
        return a < start[v + 1] ? (int)w->n + ks[a] : -1;
    }
    return j == 0 ? (int)VECTOR(w->edges)[2 * ((size_t)v - w->n) + (in ? 0 : 1)] : -1;
}

/* The common dominator of a and b (Cooper, Harvey & Kennedy's "intersect"). */
static int intersect(const work_t *w, int a, int b)
{
    while (a != b) {
        while (w->po[a] < w->po[b])
            a = w->dom[a];
        while (w->po[b] < w->po[a])
            b = w->dom[b];
    }
    return a;
}

/* The dominator tree of S rooted at `root` into w->dom, as igraph 0.10 numbers it: the
 * immediate dominator of each vertex reached, -1 for the root, -2 for a vertex not reached.
 * A depth-first search numbers the vertices reached in postorder; then, in reverse postorder
 * until nothing changes, each vertex's dominator becomes the common dominator of its processed
 * predecessors. Allocates nothing. */
static void dominator_tree(work_t *w, int root)
{
    size_t nv = w->n + w->e, sp = 0, cnt = 0;
    for (size_t v = 0; v < nv; v++) {
        w->po[v] = -1; /* not reached */
        w->dom[v] = -2;
    }
    w->po[root] = -3; /* on the stack */
    w->stack[sp] = root;
    w->next[sp++] = 0;
    while (sp > 0) {
        int v = w->stack[sp - 1];
        int s = s_adj(w, false, v, w->next[sp - 1]++);
        if (s < 0) {
            w->po[v] = (int)cnt;
            w->order[cnt++] = v;
            sp--;
        } else if (w->po[s] == -1) {
            w->po[s] = -3;
            w->stack[sp] = s;
            w->next[sp++] = 0;
        }
    }
    w->dom[root] = root;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = cnt - 1; i-- > 0;) { /* reverse postorder; the root (last) excepted */
            int v = w->order[i], d = -2, p;
            for (size_t j = 0; (p = s_adj(w, true, v, j)) >= 0; j++)
                if (w->po[p] >= 0 && w->dom[p] != -2)
                    d = d == -2 ? p : intersect(w, p, d);
            if (d != w->dom[v]) {
                w->dom[v] = d;
                changed = true;
            }
        }
    }
    w->dom[root] = -1;
}

/* Directed cuts and edge-disjoint paths of every pair, one dominator tree per factory: counts
 * in w->node_cuts and w->link_cuts the pairs each node and link cuts. */
static xbr_status_t directed_cuts(const xbr_network_t *net, xbr_resilience_t *res, work_t *w,
                                  xbr_diags_t *diags)
{
    for (size_t i = 0; i < res->n_pairs; i++) {
        int f = res->pairs[i].factory;
        if (i == 0 || res->pairs[i - 1].factory != f)
            dominator_tree(w, f);
        xbr_resil_pair_t *pr = &res->pairs[i];
        int m = pr->market;
        /* dom[root] = -1, dom[unreachable] = -2 */
        pr->reachable = !net->nodes[f].closed && !net->nodes[m].closed && m != f && w->dom[m] >= 0;
        if (!pr->reachable)
            continue;
        for (int v = w->dom[m]; v >= 0 && v != f; v = w->dom[v]) {
            if ((size_t)v < w->n)
                w->node_cuts[v]++;
            else
                w->link_cuts[w->link_of[(size_t)v - w->n]]++;
        }
        igraph_integer_t paths = 0;
        IGRAPH_TRY(igraph_edge_disjoint_paths(&w->g, &paths, f, m), "edge_disjoint_paths");
        pr->disjoint_paths = (long)paths;
    }
    return XBR_OK;
}

/*
 * Copies the vertices (links == false) or edges (links == true, mapped to link indices by
 * `link_of`) in `ivec` to a new array *out of *n, sorted by id, and whether each cuts some pair
 * (cuts[index] > 0) to a new array *out_cuts. The arrays belong to the result.
 */
static xbr_status_t take_sorted(const xbr_network_t *net, const igraph_vector_int_t *ivec,
                                const int *link_of, const size_t *cuts, size_t *n, int **out,
                                bool **out_cuts)
{
    *n = (size_t)igraph_vector_int_size(ivec);
    *out = malloc((*n ? *n : 1) * sizeof **out);
    *out_cuts = calloc(*n ? *n : 1, sizeof **out_cuts);
    if (*out == NULL || *out_cuts == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < *n; i++)
        (*out)[i] = (int)(link_of != NULL ? link_of[VECTOR(*ivec)[i]] : VECTOR(*ivec)[i]);
    xbr_status_t st = sort_by_id(net, *out, *n, link_of != NULL);
    for (size_t i = 0; st == XBR_OK && i < *n; i++)
        (*out_cuts)[i] = cuts[(*out)[i]] > 0;
    return st;
}

/* The undirected view: articulation points and bridges of U, and which of them cut a pair. */
static xbr_status_t undirected_view(const xbr_network_t *net, xbr_resilience_t *res, work_t *w,
                                    xbr_diags_t *diags)
{
    IGRAPH_TRY(igraph_articulation_points(&w->u, &w->ivec), "articulation_points");
    xbr_status_t st = take_sorted(net, &w->ivec, NULL, w->node_cuts, &res->n_articulation,
                                  &res->articulation, &res->articulation_cuts);
    if (st != XBR_OK)
        return st;
    IGRAPH_TRY(igraph_bridges(&w->u, &w->ivec), "bridges");
    return take_sorted(net, &w->ivec, w->link_of, w->link_cuts, &res->n_bridges, &res->bridges,
                       &res->bridge_cuts);
}

/* Hubs: the directed betweenness of every node (kept in w->betw) and the `top_hubs` highest
 * above 0, ties by id. */
static xbr_status_t find_hubs(const xbr_network_t *net, xbr_resilience_t *res, work_t *w,
                              size_t top_hubs, xbr_diags_t *diags)
{
    IGRAPH_TRY(igraph_betweenness(&w->g, &w->bvec, igraph_vss_all(), true, NULL), "betweenness");
    size_t n = w->n;
    w->betw = malloc((n ? n : 1) * sizeof *w->betw);
    keyed_t *byb = malloc((n ? n : 1) * sizeof *byb);
    if (w->betw == NULL || byb == NULL) {
        free(byb);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        w->betw[i] = VECTOR(w->bvec)[i];
        byb[i] = (keyed_t){w->betw[i], net->nodes[i].id, (int)i};
    }
    qsort(byb, n, sizeof *byb, cmp_keyed); /* highest first, ties by id */
    size_t n_hubs = 0;
    while (n_hubs < top_hubs && n_hubs < n && byb[n_hubs].key > 0.0)
        n_hubs++;
    res->hubs = malloc((n_hubs ? n_hubs : 1) * sizeof *res->hubs);
    res->hub_betweenness = malloc((n_hubs ? n_hubs : 1) * sizeof *res->hub_betweenness);
    xbr_status_t st = XBR_ENOMEM;
    if (res->hubs != NULL && res->hub_betweenness != NULL) {
        st = XBR_OK;
        res->n_hubs = n_hubs;
        for (size_t i = 0; i < n_hubs; i++) {
            res->hubs[i] = byb[i].index;
            res->hub_betweenness[i] = byb[i].key;
        }
    }
    free(byb);
    return st;
}

/* The items: every node or link that cuts some pair, and the hubs (unsorted). */
static xbr_status_t collect_items(const xbr_network_t *net, xbr_resilience_t *res, const work_t *w)
{
    size_t cap = res->n_hubs;
    for (size_t i = 0; i < w->n; i++)
        cap += w->node_cuts[i] > 0;
    for (size_t j = 0; j < net->n_links; j++)
        cap += w->link_cuts[j] > 0;
    res->items = calloc(cap ? cap : 1, sizeof *res->items);
    if (res->items == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < w->n; i++) {
        bool hub = false;
        for (size_t h = 0; h < res->n_hubs; h++)
            hub |= res->hubs[h] == (int)i;
        if (w->node_cuts[i] == 0 && !hub)
            continue;
        xbr_resil_item_t *it = &res->items[res->n_items++];
        *it = (xbr_resil_item_t){.kind = XBR_RESIL_NODE,
                                 .index = (int)i,
                                 .hub = hub,
                                 .betweenness = w->betw[i],
                                 .n_cut_pairs = w->node_cuts[i]};
        for (size_t a = 0; a < res->n_articulation; a++)
            it->articulation |= res->articulation[a] == (int)i;
    }
    for (size_t j = 0; j < net->n_links; j++) {
        if (w->link_cuts[j] == 0)
            continue;
        xbr_resil_item_t *it = &res->items[res->n_items++];
        *it = (xbr_resil_item_t){.kind = XBR_RESIL_LINK,
                                 .index = (int)j,
                                 .betweenness = NAN,
                                 .n_cut_pairs = w->link_cuts[j]};
        for (size_t b = 0; b < res->n_bridges; b++)
            it->bridge |= res->bridges[b] == (int)j;
    }
    return XBR_OK;
}

/* Ranks the items: cut-off demand, weekly cost increase (both descending), nodes first, id. */
static void sort_items(const xbr_network_t *net, xbr_resilience_t *res)
{
    for (size_t i = 1; i < res->n_items; i++)
        for (size_t k = i; k > 0 && cmp_item(net, &res->items[k - 1], &res->items[k]) > 0; k--) {
            xbr_resil_item_t t = res->items[k];
            res->items[k] = res->items[k - 1];
            res->items[k - 1] = t;
        }
}

xbr_status_t xbr_resilience_run(const xbr_scenario_t *sc, size_t top_hubs, bool closures,
                                xbr_resilience_t **out, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    xbr_resilience_t *res = NULL;
    work_t w;
    *out = NULL;
    xbr_status_t st = work_init(&w, net, diags);
    if (st != XBR_OK)
        return st;
    res = calloc(1, sizeof *res);
    if (res == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    res->closures = closures;
    st = collect_pairs(sc, res);
    if (st == XBR_OK)
        st = build_graphs(net, &w, diags);
    if (st == XBR_OK)
        st = directed_cuts(net, res, &w, diags);
    if (st == XBR_OK)
        st = undirected_view(net, res, &w, diags);
    if (st == XBR_OK)
        st = find_hubs(net, res, &w, top_hubs, diags);
    if (st == XBR_OK)
        st = collect_items(net, res, &w);
    if (st == XBR_OK && closures)
        st = close_each(sc, res, diags);
    if (st != XBR_OK)
        goto out;
    sort_items(net, res);
    *out = res;
    res = NULL;
out:
    work_destroy(&w);
    xbr_resilience_free(res);
    return st;
}
