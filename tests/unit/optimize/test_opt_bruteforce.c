/*
 * test_opt_bruteforce.c - the network design MILP (xbroute/optimize.h) on random small instances
 * against an independent exhaustive solve: every subset of open warehouses x every assignment of
 * one route per pair among ALL valid simple routes (xbr_routes_k_best with a large k), with the
 * capacities checked by this file's own arithmetic. (The glpsol cross-check of the written model
 * is in tests/cli/test_optimize.sh.)
 *
 * Instances are built in code (opt_fixture.h): one country, holding rate 0, demand_cv 0, so a
 * stocked route's average stock is the cycle stock d R / 2 = demand units.
 */
#include "opt_fixture.h"

#include "base/internal.h"

/* ---- random instances against exhaustive enumeration ---- */

/* A splitmix64 stream (base/rng.c), state passed explicitly. */
typedef struct {
    uint64_t s;
} rng_t;

/* Uniform on [lo, hi). */
static double unif(rng_t *r, double lo, double hi)
{
    return lo + (hi - lo) * xbr__splitmix64_unit(&r->s);
}

/*
 * F -> hubs H1, H2 (truck) -> markets (express) and -> warehouses W1, W2 (truck) -> markets
 * (last mile); F -> markets by post. Random per-unit tariffs and days; warehouses with random
 * fixed costs, sometimes a capacity; some links with a capacity.
 */
static xbr_scenario_t *random_instance(rng_t *r, bool capacities, int n_products, int n_markets)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int h[2], w[2], m[3];
    h[0] = fx_add_node(net, "H1", XBR_NODE_AIRPORT, c);
    h[1] = fx_add_node(net, "H2", XBR_NODE_AIRPORT, c);
    w[0] = fx_add_node(net, "W1", XBR_NODE_WAREHOUSE, c);
    w[1] = fx_add_node(net, "W2", XBR_NODE_WAREHOUSE, c);
    char id[16];
    for (int i = 0; i < n_markets; i++) {
        snprintf(id, sizeof id, "M%d", i + 1);
        m[i] = fx_add_node(net, id, XBR_NODE_MARKET, c);
    }
    for (int k = 0; k < 2; k++) {
        net->nodes[w[k]].fixed_cost_per_week = unif(r, 0, 150);
        if (capacities && unif(r, 0, 1) < 0.5)
            net->nodes[w[k]].capacity_m3 = unif(r, 0.1, 0.8);
    }
    for (int k = 0; k < 2; k++) {
        int l = link_cost(net, f, h[k], XBR_MODE_TRUCK, unif(r, 0.5, 2), unif(r, 0.1, 1));
        if (capacities && unif(r, 0, 1) < 0.5)
            net->links[l].capacity_kg_per_week = unif(r, 40, 200);
        link_cost(net, h[k], w[k], XBR_MODE_TRUCK, unif(r, 0.5, 2), unif(r, 0.1, 1));
        if (unif(r, 0, 1) < 0.5)
            link_cost(net, h[k], w[1 - k], XBR_MODE_TRUCK, unif(r, 0.5, 2), unif(r, 0.1, 1));
    }
    for (int i = 0; i < n_markets; i++) {
        link_cost(net, f, m[i], XBR_MODE_POST, unif(r, 4, 10), unif(r, 1, 5));
        for (int k = 0; k < 2; k++) {
            int l = link_cost(net, h[k], m[i], XBR_MODE_EXPRESS, unif(r, 1, 4), unif(r, 1, 6));
            if (capacities && unif(r, 0, 1) < 0.5)
                net->links[l].capacity_kg_per_week = unif(r, 20, 120);
            if (unif(r, 0, 1) < 0.8)
                link_cost(net, w[k], m[i], XBR_MODE_LAST_MILE, unif(r, 0.5, 2), unif(r, 0.2, 2));
        }
    }
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    for (int p = 1; p < n_products; p++) {
        snprintf(id, sizeof id, "p%d", p + 1);
        add_product(sc, id, f);
    }
    for (int p = 0; p < n_products; p++)
        for (int i = 0; i < n_markets; i++) {
            sc->products[p].demand_per_week[m[i]] = unif(r, 10, 60);
            sc->products[p].max_days[m[i]] = unif(r, 0, 1) < 0.3 ? unif(r, 3, 8) : INFINITY;
        }
    finish(sc);
    return sc;
}

typedef struct {
    xbr_route_set_t *routes; /* every valid route of the pair within the promise */
    int product, market;
    double demand;
} ex_pair_t;

typedef struct {
    const xbr_scenario_t *sc;
    size_t n_pairs;
    ex_pair_t pairs[6];
    int *choice;
    double best;
} ex_t;

static bool is_bin(const xbr_node_t *n)
{
    return n->type == XBR_NODE_WAREHOUSE &&
           (n->fixed_cost_per_week > 0 || isfinite(n->capacity_m3));
}

/* The plan's weekly cost, or INFINITY when it breaks a capacity. Open warehouses are exactly
 * the binary warehouses the chosen routes enter (opening more only adds fixed cost). */
static double ex_cost(const ex_t *ex)
{
    const xbr_network_t *net = ex->sc->network;
    double cost = 0.0;
    double kg[64] = {0}, m3[16] = {0};
    bool open[16] = {false};
    for (size_t i = 0; i < ex->n_pairs; i++) {
        const ex_pair_t *p = &ex->pairs[i];
        const xbr_route_t *rt = &p->routes->routes[ex->choice[i]];
        const xbr_product_t *prod = &ex->sc->products[p->product];
        cost += p->demand * (rt->cost.total - rt->cost.warehouse_fixed);
        for (size_t e = 0; e < rt->n_links; e++)
            kg[rt->links[e]] += p->demand * prod->unit_kg;
        for (size_t e = 1; e <= rt->n_links; e++)
            if (is_bin(&net->nodes[rt->nodes[e]]))
                open[rt->nodes[e]] = true;
        if (rt->stock_at >= 0) /* cycle stock d R / 2 with d = demand / 7 per day */
            m3[rt->stock_at] += p->demand / 7.0 * ex->sc->review_days / 2.0 * prod->unit_m3;
    }
    for (size_t l = 0; l < net->n_links; l++)
        if (kg[l] > net->links[l].capacity_kg_per_week * (1 + 1e-9))
            return INFINITY;
    for (size_t v = 0; v < net->n_nodes; v++) {
        if (m3[v] > net->nodes[v].capacity_m3 * (1 + 1e-9))
            return INFINITY;
        if (open[v])
            cost += net->nodes[v].fixed_cost_per_week;
    }
    return cost;
}

static void ex_search(ex_t *ex, size_t i)
{
    if (i == ex->n_pairs) {
        double c = ex_cost(ex);
        if (c < ex->best)
            ex->best = c;
        return;
    }
    for (size_t k = 0; k < ex->pairs[i].routes->count; k++) {
        ex->choice[i] = (int)k;
        ex_search(ex, i + 1);
    }
}

/* The single-source optimum by enumeration; INFINITY when infeasible. */
static double exhaustive(const xbr_scenario_t *sc)
{
    ex_t ex;
    memset(&ex, 0, sizeof ex);
    ex.sc = sc;
    ex.best = INFINITY;
    for (size_t p = 0; p < sc->n_products; p++)
        for (size_t mi = 0; mi < sc->n_markets; mi++) {
            int m = sc->markets[mi];
            if (!(sc->products[p].demand_per_week[m] > 0))
                continue;
            ex_pair_t *ep = &ex.pairs[ex.n_pairs++];
            ep->product = (int)p;
            ep->market = m;
            ep->demand = sc->products[p].demand_per_week[m];
            xbr_route_set_t *all = NULL;
            assert_int_equal(xbr_routes_k_best(sc, NULL, (int)p, sc->products[p].origins[0], m,
                                               100000, &all, NULL),
                             XBR_OK);
            /* keep those within the promise */
            size_t keep = 0;
            for (size_t k = 0; k < all->count; k++) {
                if (all->routes[k].days <= sc->products[p].max_days[m] + 1e-9)
                    all->routes[keep++] = all->routes[k];
                else
                    xbr_route_destroy(&all->routes[k]);
            }
            all->count = keep;
            ep->routes = all;
        }
    int choice[6];
    ex.choice = choice;
    bool empty = false;
    for (size_t i = 0; i < ex.n_pairs; i++)
        empty |= ex.pairs[i].routes->count == 0;
    if (!empty)
        ex_search(&ex, 0);
    for (size_t i = 0; i < ex.n_pairs; i++)
        xbr_route_set_free(ex.pairs[i].routes);
    return ex.best;
}

/*
 * Without capacities the candidates are exact (optimize.h), so the MILP optimum must equal the
 * exhaustive one, single source or not (without capacities, shares are never split in an
 * optimum: each pair takes its cheapest route through the open warehouses).
 */
static void test_random_uncapacitated_match_exhaustive(void **state)
{
    (void)state;
    rng_t r = {20261124};
    for (int t = 0; t < 60; t++) {
        xbr_scenario_t *sc = random_instance(&r, false, 1 + t % 2, 1 + t % 3);
        double best = exhaustive(sc);
        for (int ss = 0; ss < 2; ss++) {
            xbr_optimize_t *res = solve(sc, ss == 1);
            if (isinf(best)) {
                assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
            } else {
                assert_int_equal(res->status, XBR_OPT_OPTIMAL);
                if (fabs(res->total_cost_per_week - best) > 1e-6 * fmax(1, best))
                    fail_msg("instance %d single_source %d: optimize %.9g, exhaustive %.9g", t, ss,
                             res->total_cost_per_week, best);
            }
            xbr_optimize_free(res);
        }
        xbr_scenario_free(sc);
    }
}

/*
 * With capacities the MILP runs over generated columns (price-and-branch), so it is checked
 * as a bound sandwich: its best bound <= the exhaustive optimum <= its plan's cost; and where
 * the gap is 0 they are equal. Single source only (the exhaustive solve enumerates
 * assignments). Its plan must also pass this file's own capacity check.
 */
static void test_random_capacitated_against_exhaustive(void **state)
{
    (void)state;
    rng_t r = {4242};
    int equal = 0, feasible = 0, binding = 0;
    for (int t = 0; t < 60; t++) {
        xbr_scenario_t *sc = random_instance(&r, true, 1 + t % 2, 1 + t % 3);
        double best = exhaustive(sc);
        xbr_optimize_t *res = solve(sc, true);
        if (isinf(best)) {
            assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
            assert_true(res->n_reasons >= 1);
        } else {
            feasible++;
            /* optimal = proven over all routes; feasible = not proven (gap above 1e-6) */
            if (res->status != XBR_OPT_OPTIMAL &&
                !(res->status == XBR_OPT_FEASIBLE && !(res->gap <= 1e-6)))
                fail_msg("instance %d: status %s gap %g, exhaustive %.9g", t,
                         xbr_optimize_status_name(res->status), res->gap, best);
            if (res->status == XBR_OPT_OPTIMAL &&
                fabs(res->total_cost_per_week - best) > 1e-6 * fmax(1, best))
                fail_msg("instance %d: proven optimal %.9g but the optimum is %.9g", t,
                         res->total_cost_per_week, best);
            double tol = 1e-6 * fmax(1, best);
            if (res->total_cost_per_week < best - tol)
                fail_msg("instance %d: plan %.9g below the optimum %.9g", t,
                         res->total_cost_per_week, best);
            if (!isnan(res->best_bound) && res->best_bound > best + tol)
                fail_msg("instance %d: bound %.9g above the optimum %.9g", t, res->best_bound,
                         best);
            if (fabs(res->total_cost_per_week - best) <= tol)
                equal++;

            if (fabs(res->total_cost_per_week - best) > tol && !isnan(res->gap))
                assert_true(res->gap > 1e-9);
        }
        xbr_optimize_free(res);
        /* do the capacities matter? the exhaustive optimum without them */
        xbr_network_t *net = sc->network;
        for (size_t l = 0; l < net->n_links; l++)
            net->links[l].capacity_kg_per_week = INFINITY;
        for (size_t v = 0; v < net->n_nodes; v++)
            net->nodes[v].capacity_m3 = INFINITY;
        binding += exhaustive(sc) < best - 1e-6 * fmax(1, best);
        xbr_scenario_free(sc);
    }
    printf("capacitated: %d feasible instances, %d solved to the exhaustive optimum, %d with a "
           "cheaper optimum without capacities\n",
           feasible, equal, binding);
    assert_true(feasible >= 20);
    assert_true(binding >= 5); /* the capacities matter in these instances */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_uncapacitated_match_exhaustive),
        cmocka_unit_test(test_random_capacitated_against_exhaustive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
