/*
 * pool.c - the candidate pool of a run (optimize/internal.h): the product x market pairs, the
 * binary warehouses, and per pair the candidate routes the model may use as columns.
 *
 * Seeding (xbroute/optimize.h, "Why the candidate set does not cut off the optimum"): per
 * pair, the per-class Pareto routes (cost, days) of every origin on copies of the network with
 * every fixed cost zeroed, so the searched cost is c_r: with all binary warehouses open, with
 * all closed, and with one open at a time (each searched only for the markets it reaches).
 * Every route is re-evaluated on the scenario as given before it joins the pool, and a pool
 * holds a route once. Column generation (colgen.c) and the k-best fallback add to it later.
 *
 * Invariants: pairs are in product order, then in the scenario's market order; a candidate's
 * stock_m3 is I_r unit_m3 at full demand (the formula of xbroute/route.h); `enter` lists the
 * binary warehouses the route enters (stocking or passing), each once (a route is a simple
 * path).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optimize/internal.h"

xbr__variant_t *xbr__opt_copy_new(const xbr_scenario_t *sc)
{
    xbr__variant_t *nc = xbr__variant_new(sc);
    for (size_t i = 0; nc != NULL && i < nc->net.n_nodes; i++)
        nc->net.nodes[i].fixed_cost_per_week = 0.0;
    return nc;
}

void xbr__opt_cand_destroy(xbr__opt_cand_t *c)
{
    xbr_route_destroy(&c->route);
    free(c->enter);
    memset(c, 0, sizeof *c);
}

void xbr__opt_pool_free(xbr__opt_t *cx)
{
    for (size_t i = 0; i < cx->n_pairs; i++) {
        xbr__opt_pair_t *p = &cx->pairs[i];
        for (size_t k = 0; k < p->n; k++)
            xbr__opt_cand_destroy(&p->c[k]);
        free(p->c);
        free(p->lk_bin);
        free(p->lk_row);
    }
    free(cx->pairs);
    free(cx->bin_node);
    free(cx->bin_of);
    free(cx->link_row);
    free(cx->link_slack);
    free(cx->wh_row);
    free(cx->wh_slack);
    free(cx->y_col);
    cx->pairs = NULL;
    cx->n_pairs = 0;
}

static bool is_binary_warehouse(const xbr_node_t *n)
{
    return n->type == XBR_NODE_WAREHOUSE && !n->closed &&
           (n->fixed_cost_per_week > 0 || isfinite(n->capacity_m3));
}

/* The per-node and per-link arrays of cx, and the binary warehouses; XBR_ENOMEM. */
static xbr_status_t index_arrays_init(xbr__opt_t *cx, size_t n_pairs)
{
    const xbr_network_t *net = cx->sc->network;
    size_t n_nodes = net->n_nodes ? net->n_nodes : 1, n_links = net->n_links ? net->n_links : 1;
    cx->pairs = calloc(n_pairs ? n_pairs : 1, sizeof *cx->pairs);
    cx->bin_of = malloc(n_nodes * sizeof(int));
    cx->bin_node = malloc(n_nodes * sizeof(int));
    cx->link_row = calloc(n_links, sizeof(int));
    cx->link_slack = calloc(n_links, sizeof(int));
    cx->wh_row = calloc(n_nodes, sizeof(int));
    cx->wh_slack = calloc(n_nodes, sizeof(int));
    cx->y_col = calloc(n_nodes, sizeof(int));
    if (!cx->pairs || !cx->bin_of || !cx->bin_node || !cx->link_row || !cx->link_slack ||
        !cx->wh_row || !cx->wh_slack || !cx->y_col)
        return XBR_ENOMEM;
    for (size_t i = 0; i < net->n_nodes; i++) {
        cx->bin_of[i] = -1;
        if (is_binary_warehouse(&net->nodes[i])) {
            cx->bin_of[i] = (int)cx->n_bin;
            cx->bin_node[cx->n_bin++] = (int)i;
        }
    }
    return XBR_OK;
}

xbr_status_t xbr__opt_pool_init(xbr__opt_t *cx)
{
    const xbr_scenario_t *sc = cx->sc;
    size_t n_pairs = 0;
    for (size_t p = 0; p < sc->n_products; p++)
        for (size_t mi = 0; mi < sc->n_markets; mi++)
            if (sc->products[p].demand_per_week[sc->markets[mi]] > 0)
                n_pairs++;
    xbr_status_t st = index_arrays_init(cx, n_pairs);
    if (st != XBR_OK)
        return st;
    for (size_t p = 0; p < sc->n_products; p++) {
        for (size_t mi = 0; mi < sc->n_markets; mi++) {
            int m = sc->markets[mi];
            if (!(sc->products[p].demand_per_week[m] > 0))
                continue;
            xbr__opt_pair_t *pr = &cx->pairs[cx->n_pairs++];
            pr->product = (int)p;
            pr->market = m;
            pr->demand = sc->products[p].demand_per_week[m];
            pr->promise = sc->products[p].max_days[m];
            pr->fastest_days = INFINITY;
            pr->lk_bin = malloc((cx->n_bin ? cx->n_bin : 1) * sizeof(int));
            pr->lk_row = malloc((cx->n_bin ? cx->n_bin : 1) * sizeof(int));
            if (pr->lk_bin == NULL || pr->lk_row == NULL)
                return XBR_ENOMEM;
        }
    }
    cx->z = xbr_normal_quantile(sc->service_level);
    return XBR_OK;
}

static bool same_route(const xbr_route_t *a, const xbr_route_t *b)
{
    return a->stock_at == b->stock_at && a->n_links == b->n_links && a->origin == b->origin &&
           memcmp(a->links, b->links, a->n_links * sizeof *a->links) == 0;
}

int xbr__opt_pair_find(const xbr__opt_pair_t *pr, const xbr_route_t *r)
{
    for (size_t k = 0; k < pr->n; k++)
        if (same_route(&pr->c[k].route, r))
            return (int)k;
    return -1;
}

/* Average stock I_r (units) of a stocked route at full demand (route.h's formula). */
static double route_stock_units(const xbr__opt_t *cx, const xbr__opt_pair_t *pr,
                                const xbr_route_t *r)
{
    if (r->stock_at < 0)
        return 0.0;
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    double d = pr->demand / 7.0;
    double sd = prod->demand_cv * pr->demand / sqrt(7.0);
    double ss = cx->z * sqrt(r->lead_time_days * sd * sd + d * d * r->lead_time_var);
    return d * r->interval_days / 2.0 + (ss > 0 ? ss : 0.0);
}

/* Room for one more candidate in the pair; XBR_ENOMEM. */
static xbr_status_t pair_grow(xbr__opt_pair_t *pr)
{
    xbr__opt_cand_t *c = xbr__grow(pr->c, &pr->cap, pr->n + 1, sizeof *c, 8);
    if (c == NULL)
        return XBR_ENOMEM;
    pr->c = c;
    return XBR_OK;
}

/* Fills the model figures of a candidate whose route is evaluated; XBR_ENOMEM. */
static xbr_status_t cand_init(const xbr__opt_t *cx, const xbr__opt_pair_t *pr, xbr__opt_cand_t *c)
{
    c->c = c->route.cost.total - c->route.cost.warehouse_fixed;
    c->stock_bin = c->route.stock_at >= 0 ? cx->bin_of[c->route.stock_at] : -1;
    c->stock_m3 = route_stock_units(cx, pr, &c->route) * cx->sc->products[pr->product].unit_m3;
    c->enter = malloc((c->route.n_links + 1) * sizeof(int));
    if (c->enter == NULL)
        return XBR_ENOMEM;
    for (size_t i = 1; i <= c->route.n_links; i++) {
        int b = cx->bin_of[c->route.nodes[i]];
        if (b >= 0)
            c->enter[c->n_enter++] = b;
    }
    return XBR_OK;
}

xbr_status_t xbr__opt_pool_add(xbr__opt_t *cx, xbr__opt_pair_t *pr, const xbr_route_t *found,
                               int *index)
{
    *index = xbr__opt_pair_find(pr, found);
    if (*index >= 0)
        return XBR_OK;
    xbr_status_t st = pair_grow(pr);
    if (st != XBR_OK)
        return st;
    xbr__opt_cand_t *c = &pr->c[pr->n];
    memset(c, 0, sizeof *c);
    st = xbr_route_evaluate(cx->sc, pr->product, pr->market, found->links, found->n_links,
                            found->stock_at, &c->route, NULL);
    if (st == XBR_EINPUT)
        return XBR_OK;
    if (st != XBR_OK)
        return st;
    st = cand_init(cx, pr, c);
    if (st != XBR_OK) {
        xbr_route_destroy(&c->route);
        return st;
    }
    if (c->route.days < pr->fastest_days) {
        pr->fastest_days = c->route.days;
        snprintf(pr->fastest_class, sizeof pr->fastest_class, "%s", c->route.class_name);
    }
    *index = (int)pr->n++;
    return XBR_OK;
}

/* Adds every route of `set` to the pair's pool and frees the set. */
static xbr_status_t pool_add_set(xbr__opt_t *cx, xbr__opt_pair_t *pr, xbr_route_set_t *set)
{
    xbr_status_t st = XBR_OK;
    for (size_t k = 0; k < set->count && st == XBR_OK; k++) {
        int idx;
        st = xbr__opt_pool_add(cx, pr, &set->routes[k], &idx);
    }
    xbr_route_set_free(set);
    return st;
}

/* Searches every origin of the pair on `nc` and adds all per-class Pareto routes. */
static xbr_status_t seed_pair(xbr__opt_t *cx, xbr__variant_t *nc, xbr_router_t *router,
                              xbr__opt_pair_t *pr)
{
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    for (size_t o = 0; o < prod->n_origins; o++) {
        xbr_route_set_t *set = NULL;
        xbr_status_t st =
            xbr_routes_pareto_by_class(&nc->sc, router, pr->product, prod->origins[o], pr->market,
                                       XBR_CRITERIA_COST_DAYS, &set, cx->diags);
        if (st == XBR_OK)
            st = pool_add_set(cx, pr, set);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

/* Searches the pairs whose market is in only_reach (all when it is NULL) on `nc`. */
static xbr_status_t seed_copy(xbr__opt_t *cx, xbr__variant_t *nc, const unsigned char *only_reach)
{
    xbr_router_t *router = NULL;
    xbr_status_t st = xbr_router_new(&nc->sc, &router);
    for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++) {
        if (only_reach != NULL && !only_reach[cx->pairs[i].market])
            continue;
        st = seed_pair(cx, nc, router, &cx->pairs[i]);
    }
    xbr_router_free(router);
    return st;
}

xbr_status_t xbr__opt_pool_seed(xbr__opt_t *cx)
{
    const xbr_network_t *net = cx->sc->network;
    xbr__variant_t *nc = xbr__opt_copy_new(cx->sc);
    unsigned char *seen = malloc(net->n_nodes ? net->n_nodes : 1);
    xbr__reach_t reach = {0};
    xbr_status_t st = (nc && seen) ? XBR_OK : XBR_ENOMEM;
    if (st == XBR_OK)
        st = xbr__reach_init(&reach, &nc->net);
    size_t max_copies = cx->opts->max_warehouse_copies ? cx->opts->max_warehouse_copies : 4096;
    cx->candidates_exact = cx->n_bin <= max_copies;
    size_t copies = 1 + (cx->n_bin > 0) + (cx->n_bin > 1 && cx->candidates_exact ? cx->n_bin : 0);
    xbr__opt_progress(cx, "candidate routes", 0, copies);
    if (st == XBR_OK) /* all binary warehouses open */
        st = seed_copy(cx, nc, NULL);
    xbr__opt_progress(cx, "candidate routes", 1, copies);
    if (st == XBR_OK && cx->n_bin > 0) { /* all closed */
        for (size_t b = 0; b < cx->n_bin; b++)
            nc->net.nodes[cx->bin_node[b]].closed = true;
        st = seed_copy(cx, nc, NULL);
        xbr__opt_progress(cx, "candidate routes", 2, copies);
    }
    if (cx->n_bin > 1 && cx->candidates_exact) { /* one open at a time */
        for (size_t b = 0; b < cx->n_bin && st == XBR_OK; b++) {
            int w = cx->bin_node[b];
            nc->net.nodes[w].closed = false;
            xbr__reach_from(&reach, w, seen);
            st = seed_copy(cx, nc, seen);
            nc->net.nodes[w].closed = true;
            xbr__opt_progress(cx, "candidate routes", 3 + b, copies);
        }
    }
    free(seen);
    xbr__reach_destroy(&reach);
    xbr__variant_free(nc);
    return st;
}

xbr_status_t xbr__opt_pool_k_best(xbr__opt_t *cx, size_t k, bool *complete)
{
    *complete = true;
    xbr__variant_t *nc = xbr__opt_copy_new(cx->sc);
    xbr_router_t *router = NULL;
    xbr_status_t st = nc ? xbr_router_new(&nc->sc, &router) : XBR_ENOMEM;
    for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++) {
        xbr__opt_pair_t *pr = &cx->pairs[i];
        const xbr_product_t *prod = &cx->sc->products[pr->product];
        for (size_t o = 0; o < prod->n_origins && st == XBR_OK; o++) {
            xbr_route_set_t *set = NULL;
            st = xbr_routes_k_best(&nc->sc, router, pr->product, prod->origins[o], pr->market, k,
                                   &set, cx->diags);
            if (st != XBR_OK)
                break;
            if (set->count >= k)
                *complete = false;
            st = pool_add_set(cx, pr, set);
        }
    }
    xbr_router_free(router);
    xbr__variant_free(nc);
    return st;
}
