/*
 * test_optimize.c - the network design MILP (xbroute/optimize.h) on instances solved by hand in
 * the comments, and on random small instances against an independent exhaustive solve: every
 * subset of open warehouses x every assignment of one route per pair among ALL valid simple
 * routes (xbr_routes_k_best with a large k), with the capacities checked by this file's own
 * arithmetic.
 *
 * Instances are built in code with route_fixture.h: one country (no duty, clearance or VAT),
 * holding rate 0 (no capital or in-transit cost), demand_cv 0 and no departures, so a stocked
 * route's average stock is the cycle stock d R / 2 = (demand / 7) x 14 / 2 = demand units.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/load.h"
#include "xbroute/optimize.h"
#include "xbroute/route.h"

/* ---- building scenarios ---- */

/* Adds a product like fixture's "p" (2 kg, 0.01 m3, value 100) with id `id` from `origin`. */
static int add_product(xbr_scenario_t *sc, const char *id, int origin)
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
static void finish(xbr_scenario_t *sc)
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

static int link_cost(xbr_network_t *net, int a, int b, xbr_mode_t mode, double days,
                     double per_unit)
{
    int l = fx_add_link(net, a, b, mode, days);
    net->links[l].cost.per_unit = per_unit;
    return l;
}

static xbr_optimize_t *solve(const xbr_scenario_t *sc, bool single_source)
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

/* ---- hand-solved instances ---- */

/*
 * F -> M express, 3 per unit, 2 days; F -> W truck 0.5 per unit, 1 day; W -> M last mile 0.5,
 * 1 day; W has a fixed cost of 100 per week, no storage cost. Per unit: direct 3, via W 1.
 * Product a, 40 units/week: direct 120 < via W 40 + 100 = 140: W stays closed, total 120.
 * Products a and b, 40 each: all direct 240; both via W 80 + 100 = 180; one via W 40 + 100 +
 * 120 = 260: W opens, total 180, of which 100 fixed and 80 transport.
 */
static xbr_scenario_t *shared_warehouse(bool second_product)
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

static void test_fixed_cost_pays_off_only_when_shared(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_true(fabs(res->total_cost_per_week - 120.0) < 1e-6);
    assert_int_equal(res->n_flows, 1);
    assert_int_equal(res->flows[0].route.stock_at, -1);
    assert_int_equal(res->n_warehouses, 1);
    assert_false(res->warehouses[0].open);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);

    sc = shared_warehouse(true);
    res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_true(fabs(res->total_cost_per_week - 180.0) < 1e-6);
    assert_true(fabs(res->cost_by_component.warehouse_fixed - 100.0) < 1e-9);
    assert_true(fabs(res->cost_by_component.transport - 80.0) < 1e-6);
    assert_int_equal(res->n_flows, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(res->flows[i].route.stock_at, 1);
        assert_true(fabs(res->flows[i].share - 1.0) < 1e-9);
        assert_true(fabs(res->flows[i].units_per_week - 40.0) < 1e-9);
        assert_true(fabs(res->flows[i].cost_per_unit - 1.0) < 1e-9);
    }
    assert_true(res->warehouses[0].open);
    /* stock: 40 units each (cycle stock, see the file comment) x 0.01 m3 */
    assert_true(fabs(res->warehouses[0].used_m3 - 0.8) < 1e-9);
    assert_true(fabs(res->gap) < 1e-9);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * Two parallel express links F -> M: A 1 per unit, 2 days, capacity 120 kg/week (60 units of
 * 2 kg); B 2 per unit, 3 days. B is dominated by A in the same class, so it is in no Pareto set
 * and only column generation finds it. 100 units/week: 60 on A, 40 on B = 60 + 80 = 140.
 * Single source cannot split: all 100 on B = 200.
 */
static xbr_scenario_t *split_instance(double cap_kg, double promise)
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

static void test_link_capacity_forces_a_split(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(120.0, INFINITY);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_true(fabs(res->total_cost_per_week - 140.0) < 1e-6);
    assert_int_equal(res->n_flows, 2);
    assert_true(fabs(res->flows[0].share - 0.6) < 1e-9); /* larger share first */
    assert_true(fabs(res->flows[0].cost_per_unit - 1.0) < 1e-9);
    assert_true(fabs(res->flows[1].units_per_week - 40.0) < 1e-6);
    assert_true(res->stats.cg_columns >= 1);
    assert_true(res->stats.cg_certified);
    assert_true(fabs(res->lp_bound - 140.0) < 1e-6);
    assert_int_equal(res->n_links, 1);
    assert_true(fabs(res->links[0].used_kg_per_week - 120.0) < 1e-6);
    xbr_optimize_free(res);

    res = solve(sc, true);
    assert_true(fabs(res->total_cost_per_week - 200.0) < 1e-6);
    /* 200 is optimal, but the best bound over all routes is the split plan's LP value 140:
     * gap (200 - 140) / 200 = 0.3, so the plan is reported feasible, not proven optimal */
    assert_int_equal(res->status, XBR_OPT_FEASIBLE);
    assert_true(fabs(res->gap - 0.3) < 1e-6);
    assert_int_equal(res->reasons[res->n_reasons - 1].kind, XBR_WHY_NOTE);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* Promise 1.5 days: the fastest route (A) takes 2 days. */
static void test_infeasible_promise_names_pair_and_fastest(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, 1.5);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    assert_int_equal(res->n_reasons, 1);
    assert_int_equal(res->reasons[0].kind, XBR_WHY_PROMISE);
    assert_int_equal(res->reasons[0].market, 1);
    assert_true(fabs(res->reasons[0].limit - 1.5) < 1e-12);
    assert_true(fabs(res->reasons[0].needed - 2.0) < 1e-12);
    assert_non_null(strstr(res->reasons[0].text, "promise 1.5 days"));
    assert_non_null(strstr(res->reasons[0].text, "2.00 days"));
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * Promise 2.5 days: only link A (2 days) qualifies, capacity 120 kg/week, demand 100 units x
 * 2 kg = 200 kg: exceeded by 80 kg/week.
 */
static void test_capacity_infeasibility_is_explained(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(120.0, 2.5);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    assert_int_equal(res->n_reasons, 1);
    assert_int_equal(res->reasons[0].kind, XBR_WHY_LINK);
    assert_int_equal(res->reasons[0].object, 0);
    assert_true(fabs(res->reasons[0].limit - 120.0) < 1e-9);
    assert_true(fabs(res->reasons[0].needed - 200.0) < 1e-6);
    assert_non_null(strstr(res->reasons[0].text, "raise it by 80 kg/week"));
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * Two warehouses W1 (via 0.5 + 0.5 per unit, capacity 0.5 m3) and W2 (0.5 + 1.5), no fixed
 * costs. 70 units/week: stock = 70 units (file comment) x 0.01 = 0.7 m3 at full demand, so W1
 * takes at most 0.5 / 0.7 of the demand = 50 units: 50 x 1 + 20 x 2 = 90.
 */
static void test_warehouse_capacity_splits_stock(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int w1 = fx_add_node(net, "W1", XBR_NODE_WAREHOUSE, c);
    int w2 = fx_add_node(net, "W2", XBR_NODE_WAREHOUSE, c);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, c);
    net->nodes[w1].capacity_m3 = 0.5;
    link_cost(net, f, w1, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w1, m, XBR_MODE_LAST_MILE, 1, 0.5);
    link_cost(net, f, w2, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w2, m, XBR_MODE_LAST_MILE, 1, 1.5);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    finish(sc);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_true(fabs(res->total_cost_per_week - 90.0) < 1e-6);
    assert_int_equal(res->n_flows, 2);
    assert_int_equal(res->flows[0].route.stock_at, w1);
    assert_true(fabs(res->flows[0].units_per_week - 50.0) < 1e-6);
    for (size_t i = 0; i < res->n_warehouses; i++)
        if (res->warehouses[i].node == w1)
            assert_true(fabs(res->warehouses[i].used_m3 - 0.5) < 1e-6);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* No demand at all: the empty plan. */
static void test_no_demand_is_the_empty_plan(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, INFINITY);
    sc->products[0].demand_per_week[1] = 0.0;
    finish(sc);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_true(res->total_cost_per_week == 0.0);
    assert_int_equal(res->n_flows, 0);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* The model file is written and names the variables readably. */
static void test_write_model_names_variables(void **state)
{
    (void)state;
    char path[] = "/tmp/xbr_opt_model_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.model_path = path;
    xbr_optimize_t *res = NULL;
    assert_int_equal(xbr_optimize_run(sc, &o, &res, NULL), XBR_OK);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    assert_non_null(strstr(buf, "y_0_W"));
    assert_non_null(strstr(buf, "x_0_"));
    assert_non_null(strstr(buf, "d_1_b_M"));
    remove(path);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * The frontier of shared_warehouse(false): product a, 40 units/week; express 3/unit in 2 days,
 * via W 1/unit in 1 consumer day (the last mile) plus W's 100/week. Promise 1 day: only W,
 * 40 + 100 = 140; 2 days: express 120 beats it; no promise: 120. Steps at the distinct route
 * days from the fastest feasible (1): 1, 2, then none.
 */
static void test_frontier_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_frontier_point_t *pts = NULL;
    size_t n = 0;
    assert_int_equal(xbr_optimize_frontier(sc, NULL, 0, &pts, &n, NULL), XBR_OK);
    assert_int_equal(n, 3);
    assert_true(pts[0].max_days == 1.0 && fabs(pts[0].total_cost_per_week - 140.0) < 1e-6);
    assert_int_equal(pts[0].n_open, 1);
    assert_true(fabs(pts[0].mean_days - 1.0) < 1e-9);
    assert_true(pts[1].max_days == 2.0 && fabs(pts[1].total_cost_per_week - 120.0) < 1e-6);
    assert_int_equal(pts[1].n_open, 0);
    assert_true(isinf(pts[2].max_days) && fabs(pts[2].total_cost_per_week - 120.0) < 1e-6);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(pts[i].status, XBR_OPT_OPTIMAL);
    free(pts);
    xbr_scenario_free(sc);
}

/* ---- random instances against exhaustive enumeration ---- */

typedef struct {
    uint64_t s;
} rng_t;

static uint64_t rng_next(rng_t *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double unif(rng_t *r, double lo, double hi)
{
    return lo + (hi - lo) * (double)(rng_next(r) >> 11) * 0x1.0p-53;
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
                         xbr_opt_status_name(res->status), res->gap, best);
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
        cmocka_unit_test(test_fixed_cost_pays_off_only_when_shared),
        cmocka_unit_test(test_link_capacity_forces_a_split),
        cmocka_unit_test(test_infeasible_promise_names_pair_and_fastest),
        cmocka_unit_test(test_capacity_infeasibility_is_explained),
        cmocka_unit_test(test_warehouse_capacity_splits_stock),
        cmocka_unit_test(test_no_demand_is_the_empty_plan),
        cmocka_unit_test(test_write_model_names_variables),
        cmocka_unit_test(test_frontier_by_hand),
        cmocka_unit_test(test_random_uncapacitated_match_exhaustive),
        cmocka_unit_test(test_random_capacitated_against_exhaustive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
