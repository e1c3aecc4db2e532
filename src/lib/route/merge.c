/*
 * route/merge.c - routes over all of a product's origins: the Pareto set and the k best of
 * every origin merged into one answer (xbr_routes_pareto_all_origins(),
 * xbr_routes_k_best_all_origins()), and the routes result of one product into one market
 * (xbr_routes_run()) that xbr_routes_write() shows.
 *
 * Why merging per-origin answers is exact. A route that no route from any origin dominates is
 * dominated by no route of its own origin either, so the union of the per-origin Pareto sets of
 * search.c holds a route of every non-dominated criteria vector; a route is in the k best over
 * all origins only if fewer than k routes of its own origin come before it, so the union of the
 * per-origin k best holds the k best overall. The merge then applies to the union the one rule
 * the one-origin search applies to the routes it finds (route/internal.h): a route goes when
 * another dominates it; of routes with equal criteria the one first by node ids stays; the rest
 * are listed by figures, then node ids. So the answer has one route per non-dominated criteria
 * vector over all the origins, ties between origins going to the node ids, and for a product
 * with one origin it is that origin's answer as it is.
 *
 * Cost: one search per origin through one router (its bounds are shared across origins, see
 * search.c), then O(n^2) comparisons for the n routes of the union (tens, in practice).
 */
#include <stdlib.h>
#include <string.h>

#include "route/internal.h"
#include "xbroute/route.h"

/* The figures of a found route, as the search compared them (route/internal.h). */
static xbr__figures_t route_figures(const xbr_route_t *r)
{
    xbr__figures_t f = {r->cost.total, r->days, r->co2e_kg, r->generalised_cost};
    return f;
}

static int route_path_cmp(const xbr_network_t *net, const xbr_route_t *a, const xbr_route_t *b)
{
    return xbr__path_cmp(net, a->nodes, a->n_links + 1, b->nodes, b->n_links + 1);
}

/* The searches' order of found routes: figures (Pareto or k best), then node ids. */
static int route_cmp(const xbr_network_t *net, const xbr_route_t *a, const xbr_route_t *b,
                     bool kbest)
{
    xbr__figures_t fa = route_figures(a), fb = route_figures(b);
    int c = xbr__figures_cmp(&fa, &fb, kbest);
    return c != 0 ? c : route_path_cmp(net, a, b);
}

/* Sorts `set` by route_cmp(), stably (insertion sort: the sets are short and mostly sorted). */
static void sort_routes(const xbr_network_t *net, xbr_route_set_t *set, bool kbest)
{
    for (size_t i = 1; i < set->count; i++) {
        xbr_route_t x = set->routes[i];
        size_t j = i;
        while (j > 0 && route_cmp(net, &x, &set->routes[j - 1], kbest) < 0) {
            set->routes[j] = set->routes[j - 1];
            j--;
        }
        set->routes[j] = x;
    }
}

/*
 * True when route a (at index ia of the union) removes route b (at ib) from a Pareto set: a
 * dominates b and, when their criteria are equal, a comes first by node ids (by place in the
 * union when even those are equal). Among routes of equal criteria exactly one is removed by
 * none, and the relation is transitive, so the survivors do not depend on the order of removal.
 */
static bool removes(const xbr_network_t *net, const xbr_route_t *a, size_t ia, const xbr_route_t *b,
                    size_t ib, bool co2e)
{
    xbr__figures_t fa = route_figures(a), fb = route_figures(b);
    if (!xbr__dominates(&fa, &fb, co2e))
        return false;
    if (!xbr__dominates(&fb, &fa, co2e))
        return true;
    int c = route_path_cmp(net, a, b);
    return c < 0 || (c == 0 && ia < ib);
}

/* Drops from `set` every route another one removes (removes()); keeps the order of the rest.
 * XBR_OK or XBR_ENOMEM (set unchanged). O(n^2). */
static xbr_status_t keep_pareto(const xbr_network_t *net, xbr_route_set_t *set, bool co2e)
{
    bool *drop = calloc(set->count > 0 ? set->count : 1, sizeof *drop);
    if (drop == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < set->count; i++)
        for (size_t k = 0; k < set->count && !drop[i]; k++)
            drop[i] = k != i && removes(net, &set->routes[k], k, &set->routes[i], i, co2e);
    size_t kept = 0;
    for (size_t i = 0; i < set->count; i++) {
        if (drop[i])
            xbr_route_destroy(&set->routes[i]);
        else
            set->routes[kept++] = set->routes[i];
    }
    set->count = kept;
    free(drop);
    return XBR_OK;
}

/* Moves the routes of `from` to the end of `to`, whose array has room for *cap routes; `from`
 * is left empty. XBR_OK or XBR_ENOMEM (nothing moved). */
static xbr_status_t take_routes(xbr_route_set_t *to, size_t *cap, xbr_route_set_t *from)
{
    if (from->count == 0)
        return XBR_OK;
    if (to->count + from->count > *cap) {
        size_t n = 2 * (to->count + from->count);
        xbr_route_t *p = realloc(to->routes, n * sizeof *p);
        if (p == NULL)
            return XBR_ENOMEM;
        to->routes = p;
        *cap = n;
    }
    memcpy(to->routes + to->count, from->routes, from->count * sizeof *from->routes);
    to->count += from->count;
    from->count = 0;
    return XBR_OK;
}

/*
 * The union, in the order of the product's origins, of every origin's Pareto set on `criteria`
 * (or, when `kbest`, its k best) into a new set *out (the caller frees it). `router` may be
 * NULL: one is built for all the origins. XBR_EINPUT for a bad product or market, with a
 * diagnostic; XBR_ENOMEM; or the first failing search's status. *out is NULL on error.
 */
static xbr_status_t collect(const xbr_scenario_t *sc, xbr_router_t *router, int product, int market,
                            xbr_criteria_t criteria, bool kbest, size_t k, xbr_route_set_t **out,
                            xbr_diags_t *diags)
{
    xbr_router_t *own = NULL;
    xbr_route_set_t *all = NULL, *one = NULL;
    size_t cap = 0;
    xbr_status_t status = XBR_OK;

    *out = NULL;
    if (!xbr__route_query_ok(sc, product, -1, market))
        return xbr__route_query_error(diags);
    all = calloc(1, sizeof *all);
    if (all == NULL)
        return XBR_ENOMEM;
    if (router == NULL) {
        status = xbr_router_new(sc, &own);
        router = own;
    }
    const xbr_product_t *p = &sc->products[product];
    for (size_t o = 0; o < p->n_origins && status == XBR_OK; o++) {
        int origin = p->origins[o];
        status =
            kbest ? xbr_routes_k_best(sc, router, product, origin, market, k, &one, diags)
                  : xbr_routes_pareto(sc, router, product, origin, market, criteria, &one, diags);
        if (status == XBR_OK)
            status = take_routes(all, &cap, one);
        xbr_route_set_free(one);
        one = NULL;
    }
    if (status == XBR_OK) {
        *out = all;
        all = NULL;
    }
    xbr_route_set_free(all);
    xbr_router_free(own);
    return status;
}

xbr_status_t xbr_routes_pareto_all_origins(const xbr_scenario_t *sc, xbr_router_t *router,
                                           int product, int market, xbr_criteria_t criteria,
                                           xbr_route_set_t **out, xbr_diags_t *diags)
{
    xbr_status_t status = collect(sc, router, product, market, criteria, false, 0, out, diags);
    if (status == XBR_OK)
        status = keep_pareto(sc->network, *out, criteria == XBR_CRITERIA_COST_DAYS_CO2E);
    if (status == XBR_OK) {
        sort_routes(sc->network, *out, false);
    } else {
        xbr_route_set_free(*out);
        *out = NULL;
    }
    return status;
}

xbr_status_t xbr_routes_k_best_all_origins(const xbr_scenario_t *sc, xbr_router_t *router,
                                           int product, int market, size_t k, xbr_route_set_t **out,
                                           xbr_diags_t *diags)
{
    xbr_status_t status =
        collect(sc, router, product, market, XBR_CRITERIA_COST_DAYS, true, k, out, diags);
    if (status != XBR_OK)
        return status;
    sort_routes(sc->network, *out, true);
    while ((*out)->count > k)
        xbr_route_destroy(&(*out)->routes[--(*out)->count]);
    return XBR_OK;
}

/* ---- the routes result ------------------------------------------------------------------- */

void xbr_routes_free(xbr_routes_t *routes)
{
    if (routes == NULL)
        return;
    xbr_route_set_free(routes->pareto);
    xbr_route_set_free(routes->alternatives);
    free(routes);
}

xbr_status_t xbr_routes_run(const xbr_scenario_t *sc, xbr_router_t *router, int product, int origin,
                            int market, xbr_criteria_t criteria, size_t k, xbr_routes_t **out,
                            xbr_diags_t *diags)
{
    xbr_router_t *own = NULL;
    xbr_routes_t *res = NULL;
    xbr_status_t status = XBR_OK;

    *out = NULL;
    if (!xbr__route_query_ok(sc, product, origin, market))
        return xbr__route_query_error(diags);
    res = calloc(1, sizeof *res);
    if (res == NULL)
        return XBR_ENOMEM;
    *res = (xbr_routes_t){
        .product = product, .market = market, .origin = origin, .criteria = criteria, .k = k};
    if (router == NULL) {
        status = xbr_router_new(sc, &own);
        router = own;
    }
    if (status == XBR_OK)
        status = origin >= 0 ? xbr_routes_pareto(sc, router, product, origin, market, criteria,
                                                 &res->pareto, diags)
                             : xbr_routes_pareto_all_origins(sc, router, product, market, criteria,
                                                             &res->pareto, diags);
    if (status == XBR_OK && k == 0) {
        res->alternatives = calloc(1, sizeof *res->alternatives); /* none asked for */
        if (res->alternatives == NULL)
            status = XBR_ENOMEM;
    } else if (status == XBR_OK) {
        status = origin >= 0 ? xbr_routes_k_best(sc, router, product, origin, market, k,
                                                 &res->alternatives, diags)
                             : xbr_routes_k_best_all_origins(sc, router, product, market, k,
                                                             &res->alternatives, diags);
    }
    if (status == XBR_OK) {
        res->design = xbr__router_design(router);
        *out = res;
        res = NULL;
    }
    xbr_routes_free(res);
    xbr_router_free(own);
    return status;
}
