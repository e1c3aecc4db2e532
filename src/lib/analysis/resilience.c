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
 *      f -> m passes v, i.e. v dominates m in the flow graph rooted at f (Lengauer & Tarjan
 *      1979, igraph_dominator_tree). On S the dominators of m are its node cuts and, as link
 *      vertices, its link cuts: one dominator tree per factory finds every directed cut,
 *      which is the removal-and-reachability check done for all nodes and links at once.
 *
 * igraph objects are initialised at the top, destroyed at `out` on every path; igraph's own
 * temporaries are unwound by its error handler (xbr__igraph_init), so its FINALLY stack is
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

#define IGRAPH_TRY(call, name)                                                                     \
    do {                                                                                           \
        igraph_error_t rc_ = (call);                                                               \
        if (rc_ != IGRAPH_SUCCESS) {                                                               \
            st = igraph_failed(diags, name, rc_);                                                  \
            goto out;                                                                              \
        }                                                                                          \
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
    if (st != XBR_OK)
        goto out;
    if (cmp->n_rows != base->n_rows) {
        st = XBR_EINTERNAL;
        goto out;
    }
    for (size_t i = 0; i < base->n_rows; i++) {
        const xbr_compare_row_t *b = &base->rows[i], *a = &cmp->rows[i];
        xbr_resil_impact_t *im = &it->impacts[it->n_impacts++];
        if (a->product != b->product || a->market != b->market) {
            st = XBR_EINTERNAL;
            goto out;
        }
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
out:
    xbr_compare_free(cmp);
    xbr__variant_free(v);
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

xbr_status_t xbr_resilience_run(const xbr_scenario_t *sc, size_t top_hubs, bool closures,
                                xbr_resilience_t **out, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    size_t n = net->n_nodes;
    xbr_status_t st = XBR_OK;
    xbr_resilience_t *res = NULL;
    int *link_of = NULL;
    size_t *node_cuts = NULL, *link_cuts = NULL;
    double *betw = NULL;
    int *order = NULL;
    xbr_compare_t *base = NULL;
    igraph_t g, u, s;
    bool have_g = false, have_u = false, have_s = false;
    igraph_vector_int_t edges, sedges, dom, ivec;
    igraph_vector_t bvec;
    bool have_edges = false, have_sedges = false, have_dom = false, have_ivec = false;
    bool have_bvec = false;

    *out = NULL;
    xbr__igraph_init();
    res = calloc(1, sizeof *res);
    link_of = malloc((net->n_links ? net->n_links : 1) * sizeof *link_of);
    node_cuts = calloc(n ? n : 1, sizeof *node_cuts);
    link_cuts = calloc(net->n_links ? net->n_links : 1, sizeof *link_cuts);
    if (res == NULL || link_of == NULL || node_cuts == NULL || link_cuts == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    st = collect_pairs(sc, res);
    if (st != XBR_OK)
        goto out;

    /* The open links, and the three graphs. */
    size_t e = 0;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed)
            link_of[e++] = (int)j;
    }
    IGRAPH_TRY(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * e)), "vector_int_init");
    have_edges = true;
    IGRAPH_TRY(igraph_vector_int_init(&sedges, (igraph_integer_t)(4 * e)), "vector_int_init");
    have_sedges = true;
    for (size_t k = 0; k < e; k++) {
        const xbr_link_t *l = &net->links[link_of[k]];
        igraph_integer_t mid = (igraph_integer_t)(n + k);
        VECTOR(edges)[2 * k] = l->from;
        VECTOR(edges)[2 * k + 1] = l->to;
        VECTOR(sedges)[4 * k] = l->from;
        VECTOR(sedges)[4 * k + 1] = mid;
        VECTOR(sedges)[4 * k + 2] = mid;
        VECTOR(sedges)[4 * k + 3] = l->to;
    }
    IGRAPH_TRY(igraph_create(&g, &edges, (igraph_integer_t)n, IGRAPH_DIRECTED), "create");
    have_g = true;
    IGRAPH_TRY(igraph_create(&u, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED), "create");
    have_u = true;
    IGRAPH_TRY(igraph_create(&s, &sedges, (igraph_integer_t)(n + e), IGRAPH_DIRECTED), "create");
    have_s = true;
    IGRAPH_TRY(igraph_vector_int_init(&dom, 0), "vector_int_init");
    have_dom = true;
    IGRAPH_TRY(igraph_vector_int_init(&ivec, 0), "vector_int_init");
    have_ivec = true;
    IGRAPH_TRY(igraph_vector_init(&bvec, 0), "vector_init");
    have_bvec = true;

    /* Directed cuts and disjoint paths, one dominator tree per factory. */
    for (size_t i = 0; i < res->n_pairs; i++) {
        int f = res->pairs[i].factory;
        if (i == 0 || res->pairs[i - 1].factory != f) {
            IGRAPH_TRY(igraph_dominator_tree(&s, f, &dom, NULL, NULL, IGRAPH_OUT),
                       "dominator_tree");
        }
        xbr_resil_pair_t *pr = &res->pairs[i];
        int m = pr->market;
        /* igraph 0.10: dom[root] = -1, dom[unreachable] = -2 */
        pr->reachable =
            !net->nodes[f].closed && !net->nodes[m].closed && m != f && VECTOR(dom)[m] >= 0;
        if (!pr->reachable)
            continue;
        for (igraph_integer_t v = VECTOR(dom)[m]; v >= 0 && v != f; v = VECTOR(dom)[v]) {
            if ((size_t)v < n)
                node_cuts[v]++;
            else
                link_cuts[link_of[(size_t)v - n]]++;
        }
        igraph_integer_t paths = 0;
        IGRAPH_TRY(igraph_edge_disjoint_paths(&g, &paths, f, m), "edge_disjoint_paths");
        pr->disjoint_paths = (long)paths;
    }

    /* The undirected view. */
    IGRAPH_TRY(igraph_articulation_points(&u, &ivec), "articulation_points");
    res->n_articulation = (size_t)igraph_vector_int_size(&ivec);
    res->articulation = malloc((res->n_articulation ? res->n_articulation : 1) * sizeof(int));
    res->articulation_cuts = calloc(res->n_articulation ? res->n_articulation : 1, sizeof(bool));
    if (res->articulation == NULL || res->articulation_cuts == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < res->n_articulation; i++)
        res->articulation[i] = (int)VECTOR(ivec)[i];
    st = sort_by_id(net, res->articulation, res->n_articulation, false);
    if (st != XBR_OK)
        goto out;
    for (size_t i = 0; i < res->n_articulation; i++)
        res->articulation_cuts[i] = node_cuts[res->articulation[i]] > 0;

    IGRAPH_TRY(igraph_bridges(&u, &ivec), "bridges");
    res->n_bridges = (size_t)igraph_vector_int_size(&ivec);
    res->bridges = malloc((res->n_bridges ? res->n_bridges : 1) * sizeof(int));
    res->bridge_cuts = calloc(res->n_bridges ? res->n_bridges : 1, sizeof(bool));
    if (res->bridges == NULL || res->bridge_cuts == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < res->n_bridges; i++)
        res->bridges[i] = link_of[VECTOR(ivec)[i]];
    st = sort_by_id(net, res->bridges, res->n_bridges, true);
    if (st != XBR_OK)
        goto out;
    for (size_t i = 0; i < res->n_bridges; i++)
        res->bridge_cuts[i] = link_cuts[res->bridges[i]] > 0;

    /* Hubs: directed betweenness of every node, highest first, ties by id. */
    IGRAPH_TRY(igraph_betweenness(&g, &bvec, igraph_vss_all(), true, NULL), "betweenness");
    betw = malloc((n ? n : 1) * sizeof *betw);
    order = malloc((n ? n : 1) * sizeof *order);
    keyed_t *byb = malloc((n ? n : 1) * sizeof *byb);
    if (betw == NULL || order == NULL || byb == NULL) {
        free(byb);
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        betw[i] = VECTOR(bvec)[i];
        byb[i] = (keyed_t){betw[i], net->nodes[i].id, (int)i};
    }
    qsort(byb, n, sizeof *byb, cmp_keyed); /* highest first, ties by id */
    for (size_t i = 0; i < n; i++)
        order[i] = byb[i].index;
    free(byb);
    size_t n_hubs = 0;
    while (n_hubs < top_hubs && n_hubs < n && betw[order[n_hubs]] > 0.0)
        n_hubs++;
    res->hubs = malloc((n_hubs ? n_hubs : 1) * sizeof *res->hubs);
    res->hub_betweenness = malloc((n_hubs ? n_hubs : 1) * sizeof *res->hub_betweenness);
    if (res->hubs == NULL || res->hub_betweenness == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    res->n_hubs = n_hubs;
    for (size_t i = 0; i < n_hubs; i++) {
        res->hubs[i] = order[i];
        res->hub_betweenness[i] = betw[order[i]];
    }

    /* The items: every directed cut, node or link, and the hubs. */
    size_t cap = n_hubs;
    for (size_t i = 0; i < n; i++)
        cap += node_cuts[i] > 0;
    for (size_t j = 0; j < net->n_links; j++)
        cap += link_cuts[j] > 0;
    res->items = calloc(cap ? cap : 1, sizeof *res->items);
    if (res->items == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        bool hub = false;
        for (size_t h = 0; h < n_hubs; h++)
            hub |= res->hubs[h] == (int)i;
        if (node_cuts[i] == 0 && !hub)
            continue;
        xbr_resil_item_t *it = &res->items[res->n_items++];
        it->kind = XBR_RESIL_NODE;
        it->index = (int)i;
        it->hub = hub;
        it->betweenness = betw[i];
        it->n_cut_pairs = node_cuts[i];
        for (size_t a = 0; a < res->n_articulation; a++)
            it->articulation |= res->articulation[a] == (int)i;
    }
    for (size_t j = 0; j < net->n_links; j++) {
        if (link_cuts[j] == 0)
            continue;
        xbr_resil_item_t *it = &res->items[res->n_items++];
        it->kind = XBR_RESIL_LINK;
        it->index = (int)j;
        it->betweenness = NAN;
        it->n_cut_pairs = link_cuts[j];
        for (size_t b = 0; b < res->n_bridges; b++)
            it->bridge |= res->bridges[b] == (int)j;
    }

    /* Close each in turn and compare. */
    if (closures) {
        st = xbr_compare_run(sc, &base, diags);
        if (st != XBR_OK)
            goto out;
        res->n_rows = base->n_rows;
        for (size_t i = 0; i < res->n_items && st == XBR_OK; i++)
            st = close_and_compare(sc, base, &res->items[i], diags);
        if (st != XBR_OK)
            goto out;
    }
    for (size_t i = 1; i < res->n_items; i++)
        for (size_t k = i; k > 0 && cmp_item(net, &res->items[k - 1], &res->items[k]) > 0; k--) {
            xbr_resil_item_t t = res->items[k];
            res->items[k] = res->items[k - 1];
            res->items[k - 1] = t;
        }
    *out = res;
    res = NULL;
out:
    if (have_g)
        igraph_destroy(&g);
    if (have_u)
        igraph_destroy(&u);
    if (have_s)
        igraph_destroy(&s);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    if (have_sedges)
        igraph_vector_int_destroy(&sedges);
    if (have_dom)
        igraph_vector_int_destroy(&dom);
    if (have_ivec)
        igraph_vector_int_destroy(&ivec);
    if (have_bvec)
        igraph_vector_destroy(&bvec);
    xbr_compare_free(base);
    free(link_of);
    free(node_cuts);
    free(link_cuts);
    free(betw);
    free(order);
    xbr_resilience_free(res);
    return st;
}
