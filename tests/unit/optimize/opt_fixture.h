/*
 * opt_fixture.h - what the optimize tests (tests/unit/optimize/test_opt_*.c) share: scenarios
 * built in code with route_fixture.h and solved by hand in the comments, and a one-call solve.
 * Header-only (static inline) because the unit test build compiles each test file alone with
 * the common helpers.
 *
 * The instances have one country (no duty, clearance or VAT), holding rate 0 (no capital or
 * in-transit cost), demand_cv 0 (finish()) and no departures, so a stocked route's average
 * stock is the cycle stock d R / 2 = (demand / 7) x 14 / 2 = demand units.
 */
#ifndef XBR_TEST_OPT_FIXTURE_H
#define XBR_TEST_OPT_FIXTURE_H

#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/optimize.h"
#include "xbroute/route.h"

/* Adds a product like fixture's "p" (2 kg, 0.01 m3, value 100) with id `id` from `origin`. */
static inline int add_product(xbr_scenario_t *sc, const char *id, int origin)
{
    size_t n_nodes = sc->network->n_nodes;
    sc->products = fx_realloc(sc->products, (sc->n_products + 1) * sizeof *sc->products);
    xbr_product_t *p = &sc->products[sc->n_products];
    *p = sc->products[0];
    p->id = fx_strdup(id);
    p->name = NULL;
    p->category = fx_strdup("toys");
    p->origins = fx_realloc(NULL, sizeof(int));
    p->origins[0] = origin;
    p->n_origins = 1;
    p->demand_per_week = calloc(n_nodes, sizeof(double));
    p->max_days = fx_realloc(NULL, n_nodes * sizeof(double));
    assert_non_null(p->demand_per_week);
    for (size_t i = 0; i < n_nodes; i++)
        p->max_days[i] = INFINITY;
    return (int)sc->n_products++;
}

/* Sets cv 0 for every product and the scenario's market list from the demands. */
static inline void finish(xbr_scenario_t *sc)
{
    size_t n = sc->network->n_nodes;
    free(sc->markets);
    sc->markets = fx_realloc(NULL, (n + 1) * sizeof(int));
    sc->n_markets = 0;
    for (size_t i = 0; i < n; i++) {
        bool any = false;
        for (size_t p = 0; p < sc->n_products; p++)
            any |= sc->products[p].demand_per_week[i] > 0;
        if (any)
            sc->markets[sc->n_markets++] = (int)i;
    }
    for (size_t p = 0; p < sc->n_products; p++)
        sc->products[p].demand_cv = 0.0;
}

static inline int link_cost(xbr_network_t *net, int a, int b, xbr_mode_t mode, double days,
                            double per_unit)
{
    int l = fx_add_link(net, a, b, mode, days);
    net->links[l].cost.per_unit = per_unit;
    return l;
}

/* xbr_optimize_run() with the defaults and single_source; fails the test unless XBR_OK. */
static inline xbr_optimize_t *solve(const xbr_scenario_t *sc, bool single_source)
{
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.single_source = single_source;
    xbr_optimize_t *res = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_status_t st = xbr_optimize_run(sc, &o, &res, &d);
    if (st != XBR_OK && d.count > 0)
        fprintf(stderr, "%s\n", d.items[0].what);
    xbr_diags_destroy(&d);
    assert_int_equal(st, XBR_OK);
    assert_non_null(res);
    return res;
}

/*
 * F -> M express, 3 per unit, 2 days; F -> W truck 0.5 per unit, 1 day; W -> M last mile 0.5,
 * 1 day; W has a fixed cost of 100 per week, no storage cost. Per unit: direct 3, via W 1.
 * Product p, 40 units/week: direct 120 < via W 40 + 100 = 140: W stays closed, total 120.
 * Products p and b, 40 each: all direct 240; both via W 80 + 100 = 180; one via W 40 + 100 +
 * 120 = 260: W opens, total 180, of which 100 fixed and 80 transport.
 * Nodes: F 0, W 1, M 2; links: F>M 0, F>W 1, W>M 2.
 */
static inline xbr_scenario_t *shared_warehouse(bool second_product)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, c);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, c);
    net->nodes[w].fixed_cost_per_week = 100.0;
    link_cost(net, f, m, XBR_MODE_EXPRESS, 2, 3.0);
    link_cost(net, f, w, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w, m, XBR_MODE_LAST_MILE, 1, 0.5);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 40.0;
    if (second_product) {
        int b = add_product(sc, "b", f);
        sc->products[b].demand_per_week[m] = 40.0;
    }
    finish(sc);
    return sc;
}

/*
 * Two parallel express links F -> M: A (link 0) 1 per unit, 2 days, capacity cap_kg kg/week
 * (120 = 60 units of 2 kg); B (link 1) 2 per unit, 3 days. B is dominated by A in the same
 * class, so it is in no Pareto set and only column generation finds it. 100 units/week
 * promised in `promise` days. With capacity 120: 60 on A, 40 on B = 60 + 80 = 140; single
 * source cannot split: all 100 on B = 200. Nodes: F 0, M 1.
 */
static inline xbr_scenario_t *split_instance(double cap_kg, double promise)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, c);
    int a = link_cost(net, f, m, XBR_MODE_EXPRESS, 2, 1.0);
    link_cost(net, f, m, XBR_MODE_EXPRESS, 3, 2.0);
    net->links[a].capacity_kg_per_week = cap_kg;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 100.0;
    sc->products[0].max_days[m] = promise;
    finish(sc);
    return sc;
}

#endif
