/*
 * route/test_search.c - Pareto and k-best route searches (src/lib/route/search.c) on small
 * networks whose answers are worked out by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "route/internal.h"
#include "xbroute/generate.h"
#include "xbroute/load.h"
#include "xbroute/route.h"

/*
 * The base network: CN factory F, CN seaport P, US seaport Q, US market M. No fees or taxes.
 *   air      F -> M   10 per unit, 3 days, 10000 km at 602 g/tkm: 0.002 t x 10000 x 602 g
 *                     = 12.04 kg CO2e
 *   express  F -> M   15 per unit, 4 days, 10000 km at 100 g/tkm: 2.0 kg
 *   sea      F -> P truck 0.5, 1 day; P -> Q sea 0.5, 25 days, 10000 km at 16 g/tkm: 0.32 kg;
 *            Q -> M last mile free, 4 days: total 1 per unit, 30 days, 0.32 kg
 */
typedef struct {
    xbr_scenario_t *sc;
    int f, p, q, m;
    int air, express, fp, pq, qm;
} base_t;

static int priced_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double per_unit,
                       double days, double km, double g_per_tkm)
{
    int l = fx_add_link(net, from, to, mode, days);
    net->links[l].cost.per_unit = per_unit;
    net->links[l].distance_km = km;
    net->links[l].co2e_g_per_tkm = g_per_tkm;
    return l;
}

static void base_network(base_t *b, bool with_warehouse, double fixed_per_week)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    b->f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    b->p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    b->q = fx_add_node(net, "Q", XBR_NODE_SEAPORT, us);
    b->m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    b->air = priced_link(net, b->f, b->m, XBR_MODE_AIR, 10, 3, 10000, 602);
    b->express = priced_link(net, b->f, b->m, XBR_MODE_EXPRESS, 15, 4, 10000, 100);
    b->fp = priced_link(net, b->f, b->p, XBR_MODE_TRUCK, 0.5, 1, 0, 0);
    b->pq = priced_link(net, b->p, b->q, XBR_MODE_SEA, 0.5, 25, 10000, 16);
    b->qm = priced_link(net, b->q, b->m, XBR_MODE_LAST_MILE, 0, 4, 0, 0);
    if (with_warehouse) {
        int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, us);
        net->nodes[w].fixed_cost_per_week = fixed_per_week;
        priced_link(net, b->q, w, XBR_MODE_TRUCK, 0, 1, 0, 0);
        priced_link(net, w, b->m, XBR_MODE_LAST_MILE, 1, 1, 0, 0);
    }
    b->sc = fx_scenario_new(net, b->f);
    b->sc->products[0].demand_per_week[b->m] = 70.0;
}

static xbr_route_set_t *pareto(const base_t *b, xbr_criteria_t criteria)
{
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto(b->sc, NULL, 0, b->f, b->m, criteria, &set, NULL), XBR_OK);
    assert_non_null(set);
    return set;
}

static void assert_route(const xbr_route_t *r, double cost, double days, const char *klass)
{
    assert_close(r->cost.total, cost);
    assert_close(r->days, days);
    assert_string_equal(r->class_name, klass);
}

static void test_pareto_keeps_fast_dear_and_slow_cheap_drops_dominated(void **state)
{
    (void)state;
    base_t b;
    base_network(&b, false, 0);
    /* sea (1, 30) and air (10, 3); express (15, 4) is dominated by air. Ordered by cost. */
    xbr_route_set_t *set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 1.0, 30.0, "sea");
    assert_int_equal(set->routes[0].n_links, 3);
    assert_int_equal(set->routes[0].nodes[1], b.p);
    assert_route(&set->routes[1], 10.0, 3.0, "air");
    assert_int_equal(set->routes[1].links[0], b.air);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

static void test_warehouse_route_wins_on_days(void **state)
{
    (void)state;
    base_t b;
    /* stocked at W (no holding, storage or fixed cost): 0.5 + 0.5 + 0 + 1 = 2, consumer days
     * only W -> M = 1. It dominates air (10, 3); sea (1, 30) stays. */
    base_network(&b, true, 0);
    xbr_route_set_t *set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 1.0, 30.0, "sea");
    assert_route(&set->routes[1], 2.0, 1.0, "warehouse-sea");
    assert_int_equal(set->routes[1].stock_at, 4);
    /* lead time: truck 1 + sea 25 + truck 1 = 27 */
    assert_close(set->routes[1].lead_time_days, 27.0);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);

    /* a fixed cost of 700 a week over 70 units adds 10: (12, 1) no longer beats air */
    base_network(&b, true, 700);
    set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 3);
    assert_route(&set->routes[0], 1.0, 30.0, "sea");
    assert_route(&set->routes[1], 10.0, 3.0, "air");
    assert_route(&set->routes[2], 12.0, 1.0, "warehouse-sea");
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

static void test_co2e_criterion_keeps_the_cleaner_route(void **state)
{
    (void)state;
    base_t b;
    base_network(&b, false, 0);
    /* express (15, 4, 2.0 kg) beats air (10, 3, 12.04 kg) on CO2e and sea (1, 30, 0.32) on
     * days: all three are Pareto-optimal on (cost, days, CO2e). */
    xbr_route_set_t *set = pareto(&b, XBR_CRITERIA_COST_DAYS_CO2E);
    assert_int_equal(set->count, 3);
    assert_route(&set->routes[0], 1.0, 30.0, "sea");
    assert_close(set->routes[0].co2e_kg, 0.32);
    assert_route(&set->routes[1], 10.0, 3.0, "air");
    assert_close(set->routes[1].co2e_kg, 12.04);
    assert_route(&set->routes[2], 15.0, 4.0, "express");
    assert_close(set->routes[2].co2e_kg, 2.0);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

static void test_closed_links_and_nodes_are_never_used(void **state)
{
    (void)state;
    base_t b;
    base_network(&b, false, 0);
    b.sc->network->links[b.air].closed = true;
    /* without air: sea (1, 30) and express (15, 4) */
    xbr_route_set_t *set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 1.0, 30.0, "sea");
    assert_route(&set->routes[1], 15.0, 4.0, "express");
    xbr_route_set_free(set);
    /* port P closed too: express alone */
    b.sc->network->nodes[b.p].closed = true;
    set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 1);
    assert_route(&set->routes[0], 15.0, 4.0, "express");
    xbr_route_set_free(set);
    /* the origin closed: nothing */
    b.sc->network->nodes[b.f].closed = true;
    set = pareto(&b, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(set->count, 0);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

static xbr_route_set_t *by_class(const xbr_scenario_t *sc, int origin, int market)
{
    xbr_route_set_t *set = NULL;
    assert_int_equal(
        xbr_routes_pareto_by_class(sc, NULL, 0, origin, market, XBR_CRITERIA_COST_DAYS, &set, NULL),
        XBR_OK);
    assert_non_null(set);
    return set;
}

static void test_by_class_keeps_the_best_of_each_class(void **state)
{
    (void)state;
    base_t b;
    /* The base network with the free warehouse: the plain front is sea (1, 30) and
     * warehouse-sea (2, 1), which dominates air (10, 3) and express (15, 4). By class each
     * class is alone, so each keeps its one route; ordered by class name. */
    base_network(&b, true, 0);
    xbr_route_set_t *set = by_class(b.sc, b.f, b.m);
    assert_int_equal(set->count, 4);
    assert_route(&set->routes[0], 10.0, 3.0, "air");
    assert_route(&set->routes[1], 15.0, 4.0, "express");
    assert_route(&set->routes[2], 1.0, 30.0, "sea");
    assert_route(&set->routes[3], 2.0, 1.0, "warehouse-sea");
    assert_int_equal(set->routes[3].stock_at, 4);
    assert_int_equal(set->routes[0].class_mode, XBR_MODE_AIR);
    assert_int_equal(set->routes[3].class_mode, XBR_MODE_SEA);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

/*
 * A label whose class is still open must not be beaten by one that fixed its class in a loop.
 * CN: factory F, seaports U and W; US: airport V, market M. No demand (parcels only).
 *   F -> U truck 1, F -> W truck 2, U -> V air 1, W -> V air 1, V -> U truck 1, U -> M sea 1;
 *   every link 1 day but U -> M, 10 days. No V -> M link.
 * Routes (simple paths): F U M sea (2, 11); F W V U M air (5, 13) - its first border is
 * W -> V by air. F U V U M is not simple. Plain front: sea (2, 11) only, as it dominates.
 * By class: air (5, 13) and sea (2, 11). The trap: at V, F U V (2, 2, "air so far") dominates
 * F W V (3, 2, "air so far"), but the only completion of F U V goes back to U, where its
 * class was still open; skipping that loop gives F U M, of class sea.
 */
static void test_by_class_is_not_fooled_by_a_loop_that_fixes_the_class(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int u = fx_add_node(net, "U", XBR_NODE_SEAPORT, cn);
    int w = fx_add_node(net, "W", XBR_NODE_SEAPORT, cn);
    int v = fx_add_node(net, "V", XBR_NODE_AIRPORT, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    priced_link(net, f, u, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, f, w, XBR_MODE_TRUCK, 2, 1, 0, 0);
    priced_link(net, u, v, XBR_MODE_AIR, 1, 1, 0, 0);
    priced_link(net, w, v, XBR_MODE_AIR, 1, 1, 0, 0);
    priced_link(net, v, u, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, u, m, XBR_MODE_SEA, 1, 10, 0, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);

    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto(sc, NULL, 0, f, m, XBR_CRITERIA_COST_DAYS, &set, NULL),
                     XBR_OK);
    assert_int_equal(set->count, 1);
    assert_route(&set->routes[0], 2.0, 11.0, "sea");
    xbr_route_set_free(set);

    set = by_class(sc, f, m);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 5.0, 13.0, "air");
    assert_int_equal(set->routes[0].n_links, 4);
    assert_int_equal(set->routes[0].nodes[1], w);
    assert_route(&set->routes[1], 2.0, 11.0, "sea");
    xbr_route_set_free(set);
    xbr_scenario_free(sc);
}

/*
 * The trade analogue: the trader flags decide between traditional and short-chain. From the US
 * port U a truck goes to the importer I and back; the only way to pass an exporter, an importer
 * and a wholesaler is the walk F X U I U WS R M, which repeats U. Simple routes: F X U R M
 * (exporter only) and F X U WS R M (exporter, wholesaler): both short-chain, the first cheaper
 * and faster (4 links of 1 and 1 day against 5). So per class: one short-chain route, and no
 * traditional route at all (the walk must not be returned, nor make one up).
 */
static void test_by_class_trade_flags_do_not_leak_through_a_loop(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int x = fx_add_node(net, "X", XBR_NODE_EXPORTER, cn);
    int u = fx_add_node(net, "U", XBR_NODE_SEAPORT, us);
    int i = fx_add_node(net, "I", XBR_NODE_IMPORTER, us);
    int ws = fx_add_node(net, "WS", XBR_NODE_WHOLESALER, us);
    int r = fx_add_node(net, "R", XBR_NODE_RETAILER, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    priced_link(net, f, x, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, x, u, XBR_MODE_SEA, 1, 1, 0, 0);
    priced_link(net, u, i, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, i, u, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, u, ws, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, ws, r, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, u, r, XBR_MODE_TRUCK, 1, 1, 0, 0);
    priced_link(net, r, m, XBR_MODE_LAST_MILE, 1, 1, 0, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;

    xbr_route_set_t *set = by_class(sc, f, m);
    assert_int_equal(set->count, 1);
    assert_string_equal(set->routes[0].class_name, "short-chain");
    assert_int_equal(set->routes[0].n_links, 4);
    assert_int_equal(set->routes[0].nodes[3], r);
    xbr_route_set_free(set);
    xbr_scenario_free(sc);
}

static void test_k_best_by_generalised_cost(void **state)
{
    (void)state;
    base_t b;
    base_network(&b, false, 0);
    b.sc->value_of_time_per_day = 1.0;
    /* generalised cost = cost + 1 x days: air 13, express 19, sea 31 */
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_k_best(b.sc, NULL, 0, b.f, b.m, 2, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 2);
    assert_close(set->routes[0].generalised_cost, 13.0);
    assert_string_equal(set->routes[0].class_name, "air");
    assert_close(set->routes[1].generalised_cost, 19.0);
    assert_string_equal(set->routes[1].class_name, "express");
    xbr_route_set_free(set);
    /* k larger than the number of routes: all three */
    assert_int_equal(xbr_routes_k_best(b.sc, NULL, 0, b.f, b.m, 10, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 3);
    assert_close(set->routes[2].generalised_cost, 31.0);
    xbr_route_set_free(set);
    /* k = 0: none */
    assert_int_equal(xbr_routes_k_best(b.sc, NULL, 0, b.f, b.m, 0, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 0);
    xbr_route_set_free(set);
    xbr_scenario_free(b.sc);
}

/*
 * A port visited in bulk and again after stocking. All in CN, no fees. Demand 70.
 *   F -> U truck 1 per unit, 10 days     F -> X truck 2, 20 days
 *   U -> W, X -> W truck free, 1 day     W -> V free, 1 day;  V -> U free, 1 day
 *   U -> M last mile free, 1 day
 * Routes: direct F U M: (1, 11). Stocked at W: F X W V U M: cost 2, consumer days W V U M = 3.
 * F U W V U M is not simple. The label F U W dominates F X W on every figure, but its path
 * holds U, which the only continuation needs: the search must keep F X W and find (2, 3).
 */
static void test_stocked_route_may_revisit_no_node_but_is_still_found(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int u = fx_add_node(net, "U", XBR_NODE_SEAPORT, cn);
    int x = fx_add_node(net, "X", XBR_NODE_SEAPORT, cn);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, cn);
    int v = fx_add_node(net, "V", XBR_NODE_RAIL_TERMINAL, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    priced_link(net, f, u, XBR_MODE_TRUCK, 1, 10, 0, 0);
    priced_link(net, f, x, XBR_MODE_TRUCK, 2, 20, 0, 0);
    priced_link(net, u, w, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, x, w, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, w, v, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, v, u, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, u, m, XBR_MODE_LAST_MILE, 0, 1, 0, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto(sc, NULL, 0, f, m, XBR_CRITERIA_COST_DAYS, &set, NULL),
                     XBR_OK);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 1.0, 11.0, "domestic");
    assert_route(&set->routes[1], 2.0, 3.0, "warehouse");
    assert_int_equal(set->routes[1].nodes[1], x);
    xbr_route_set_free(set);
    xbr_scenario_free(sc);
}

/*
 * The same trap in bulk phase. All in CN, no fees, demand 70.
 *   F -> U 1 per unit, 10 days    F -> X 2, 20 days    U -> V, X -> V free, 1 day
 *   V -> W free, 1 day            W -> U free, 1 day   U -> M last mile free, 1 day
 * Direct F U M: (1, 11). Stocked F X V W U M: cost 2, consumer days W U M = 2. The bulk label
 * F U V dominates F X V on every figure but holds U, which the stocked continuation needs.
 */
static void test_bulk_label_holding_a_needed_node_does_not_prune(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int u = fx_add_node(net, "U", XBR_NODE_SEAPORT, cn);
    int x = fx_add_node(net, "X", XBR_NODE_SEAPORT, cn);
    int v = fx_add_node(net, "V", XBR_NODE_RAIL_TERMINAL, cn);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    priced_link(net, f, u, XBR_MODE_TRUCK, 1, 10, 0, 0);
    priced_link(net, f, x, XBR_MODE_TRUCK, 2, 20, 0, 0);
    priced_link(net, u, v, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, x, v, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, v, w, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, w, u, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, u, m, XBR_MODE_LAST_MILE, 0, 1, 0, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto(sc, NULL, 0, f, m, XBR_CRITERIA_COST_DAYS, &set, NULL),
                     XBR_OK);
    assert_int_equal(set->count, 2);
    assert_route(&set->routes[0], 1.0, 11.0, "domestic");
    assert_route(&set->routes[1], 2.0, 2.0, "warehouse");
    assert_int_equal(set->routes[1].nodes[1], x);
    assert_int_equal(set->routes[1].stock_at, w);
    xbr_route_set_free(set);
    xbr_scenario_free(sc);
}

/*
 * A cheaper label with a higher price can lose later. Countries without fees; demand 70.
 *   F -> E1 (exporter, markup 50 %) free; F -> E2 (exporter, markup 0) 55 per unit;
 *   E1 -> P, E2 -> P free; P -> R (retailer, markup 100 %) free; R -> M free; 1 day each.
 * At P: via E1 cost 50, price 150; via E2 cost 55, price 100. At R the markup doubles the
 * price: via E1 50 + 150 = 200, via E2 55 + 100 = 155. Same days (4): only 155 is optimal.
 */
static void test_dominance_compares_the_price_after_markups(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int e1 = fx_add_node(net, "E1", XBR_NODE_EXPORTER, cn);
    int e2 = fx_add_node(net, "E2", XBR_NODE_EXPORTER, cn);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    net->nodes[e1].markup_pct = 50.0;
    net->nodes[rt].markup_pct = 100.0;
    priced_link(net, f, e1, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, f, e2, XBR_MODE_TRUCK, 55, 1, 0, 0);
    priced_link(net, e1, p, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, e2, p, XBR_MODE_TRUCK, 0, 1, 0, 0);
    priced_link(net, p, rt, XBR_MODE_SEA, 0, 1, 0, 0);
    priced_link(net, rt, m, XBR_MODE_LAST_MILE, 0, 1, 0, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto(sc, NULL, 0, f, m, XBR_CRITERIA_COST_DAYS, &set, NULL),
                     XBR_OK);
    assert_int_equal(set->count, 1);
    assert_route(&set->routes[0], 155.0, 4.0, "short-chain");
    assert_close(set->routes[0].cost.markup, 100.0);
    assert_close(set->routes[0].consumer_price, 255.0);
    assert_int_equal(set->routes[0].nodes[1], e2);
    xbr_route_set_free(set);
    xbr_scenario_free(sc);
}

static void test_found_routes_match_the_evaluator(void **state)
{
    (void)state;
    base_t b;
    base_network(&b, true, 700);
    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(b.sc, &router), XBR_OK);
    xbr_route_set_t *set = NULL;
    assert_int_equal(
        xbr_routes_pareto(b.sc, router, 0, b.f, b.m, XBR_CRITERIA_COST_DAYS, &set, NULL), XBR_OK);
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *r = &set->routes[i];
        xbr_route_t e;
        assert_int_equal(
            xbr_route_evaluate(b.sc, 0, b.m, r->links, r->n_links, r->stock_at, &e, NULL), XBR_OK);
        assert_true(e.cost.total == r->cost.total);
        assert_true(e.days == r->days);
        assert_string_equal(e.class_name, r->class_name);
        xbr_route_destroy(&e);
    }
    /* the router is reusable: the same answer again */
    xbr_route_set_t *again = NULL;
    assert_int_equal(
        xbr_routes_pareto(b.sc, router, 0, b.f, b.m, XBR_CRITERIA_COST_DAYS, &again, NULL), XBR_OK);
    assert_int_equal(again->count, set->count);
    for (size_t i = 0; i < set->count; i++) {
        assert_true(again->routes[i].cost.total == set->routes[i].cost.total);
        assert_int_equal(again->routes[i].n_links, set->routes[i].n_links);
    }
    xbr_route_set_free(again);
    xbr_route_set_free(set);
    xbr_router_free(router);
    xbr_scenario_free(b.sc);
}

static void test_bad_arguments_are_input_errors(void **state)
{
    (void)state;
    base_t b, other;
    base_network(&b, false, 0);
    base_network(&other, false, 0);
    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(other.sc, &router), XBR_OK);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_route_set_t *set = NULL;
    /* the "market" is a seaport */
    assert_int_equal(
        xbr_routes_pareto(b.sc, NULL, 0, b.f, b.q, XBR_CRITERIA_COST_DAYS, &set, &diags),
        XBR_EINPUT);
    assert_null(set);
    /* unknown product */
    assert_int_equal(xbr_routes_k_best(b.sc, NULL, 3, b.f, b.m, 1, &set, &diags), XBR_EINPUT);
    /* a router of another scenario */
    assert_int_equal(
        xbr_routes_pareto(b.sc, router, 0, b.f, b.m, XBR_CRITERIA_COST_DAYS, &set, &diags),
        XBR_EINPUT);
    assert_int_equal(diags.n_errors, 3);
    xbr_diags_destroy(&diags);
    xbr_router_free(router);
    xbr_scenario_free(b.sc);
    xbr_scenario_free(other.sc);
}

static void write_file(const char *path, const xbr_buf_t *b)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

/* Two route sets are the same routes, figure for figure, in the same order. */
static void assert_same_sets(const xbr_route_set_t *a, const xbr_route_set_t *b)
{
    assert_int_equal(a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        const xbr_route_t *x = &a->routes[i], *y = &b->routes[i];
        assert_true(x->cost.total == y->cost.total && x->days == y->days);
        assert_int_equal(x->n_links, y->n_links);
        assert_memory_equal(x->links, y->links, x->n_links * sizeof(int));
        assert_int_equal(x->stock_at, y->stock_at);
        assert_string_equal(x->class_name, y->class_name);
    }
}

/*
 * On a generated realistic network (xbr_generate, 3000 links): every factory reaches every
 * market (the generator guarantees it); the Pareto routes are mutually non-dominated, ordered
 * and re-evaluate to the same figures; and the best generalised cost from k-best equals the
 * least cost + value_of_time x days over the Pareto set - an independent identity, since the
 * generalised cost grows with cost and days, so its minimum lies on the (cost, days) front.
 * The shared router caches the bounds of every product x market (searched here in interleaved
 * order); a fresh router per search, and one whose cache holds only 3 entries (so it is
 * emptied again and again), must give the very same sets, plain and by class.
 */
static void test_generated_network_fronts_agree_with_k_best(void **state)
{
    (void)state;
    xbr_generate_params_t params = {0};
    params.links = 3000;
    params.seed = 7;
    params.network_ref = "test_route_search_network.json";
    xbr_buf_t nb, sb;
    xbr_buf_init(&nb);
    xbr_buf_init(&sb);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_generate(&params, &nb, &sb, NULL, &diags), XBR_OK);
    write_file(XBR_BINARY_DIR "/test_route_search_network.json", &nb);
    write_file(XBR_BINARY_DIR "/test_route_search_scenario.json", &sb);
    xbr_buf_destroy(&nb);
    xbr_buf_destroy(&sb);
    xbr_scenario_t *sc = NULL;
    assert_int_equal(
        xbr_scenario_load(XBR_BINARY_DIR "/test_route_search_scenario.json", &sc, &diags), XBR_OK);
    sc->value_of_time_per_day = 2.0;
    xbr_router_t *router = NULL, *small = NULL;
    assert_int_equal(xbr_router_new(sc, &router), XBR_OK);
    /* a router whose cache holds 3 entries: emptied again and again below */
    assert_int_equal(xbr_router_new(sc, &small), XBR_OK);
    xbr__router_limit_bounds(small, 3);
    size_t checked = 0;
    for (size_t pi = 0; pi < sc->n_products; pi++) {
        const xbr_product_t *prod = &sc->products[pi];
        for (size_t oi = 0; oi < prod->n_origins; oi++) {
            for (size_t mi = 0; mi < sc->n_markets; mi += 1 + sc->n_markets / 8) {
                int o = prod->origins[oi], m = sc->markets[mi];
                xbr_route_set_t *front = NULL, *best = NULL;
                assert_int_equal(xbr_routes_pareto(sc, router, (int)pi, o, m,
                                                   XBR_CRITERIA_COST_DAYS, &front, &diags),
                                 XBR_OK);
                assert_true(front->count > 0);
                xbr_route_set_t *fresh = NULL, *cls = NULL;
                assert_int_equal(xbr_routes_pareto(sc, NULL, (int)pi, o, m, XBR_CRITERIA_COST_DAYS,
                                                   &fresh, &diags),
                                 XBR_OK);
                assert_same_sets(front, fresh);
                xbr_route_set_free(fresh);
                assert_int_equal(xbr_routes_pareto(sc, small, (int)pi, o, m, XBR_CRITERIA_COST_DAYS,
                                                   &fresh, &diags),
                                 XBR_OK);
                assert_same_sets(front, fresh);
                xbr_route_set_free(fresh);
                assert_int_equal(xbr_routes_pareto_by_class(sc, router, (int)pi, o, m,
                                                            XBR_CRITERIA_COST_DAYS, &cls, &diags),
                                 XBR_OK);
                assert_int_equal(xbr_routes_pareto_by_class(sc, NULL, (int)pi, o, m,
                                                            XBR_CRITERIA_COST_DAYS, &fresh, &diags),
                                 XBR_OK);
                assert_same_sets(cls, fresh);
                /* every plain front route is on its class front */
                assert_true(cls->count >= front->count);
                xbr_route_set_free(fresh);
                xbr_route_set_free(cls);
                double least = INFINITY;
                for (size_t i = 0; i < front->count; i++) {
                    const xbr_route_t *r = &front->routes[i];
                    least = fmin(least, r->cost.total + 2.0 * r->days);
                    assert_int_equal(r->nodes[0], o);
                    assert_int_equal(r->nodes[r->n_links], m);
                    if (i > 0) {
                        /* ordered by cost; on a front, days then strictly fall */
                        assert_true(front->routes[i - 1].cost.total <= r->cost.total);
                        assert_true(front->routes[i - 1].days > r->days);
                    }
                    xbr_route_t e;
                    assert_int_equal(xbr_route_evaluate(sc, (int)pi, m, r->links, r->n_links,
                                                        r->stock_at, &e, &diags),
                                     XBR_OK);
                    assert_true(e.cost.total == r->cost.total && e.days == r->days);
                    xbr_route_destroy(&e);
                }
                assert_int_equal(xbr_routes_k_best(sc, router, (int)pi, o, m, 3, &best, &diags),
                                 XBR_OK);
                assert_true(best->count > 0);
                assert_close(best->routes[0].generalised_cost, least);
                for (size_t i = 1; i < best->count; i++)
                    assert_true(best->routes[i - 1].generalised_cost <=
                                best->routes[i].generalised_cost);
                xbr_route_set_free(best);
                xbr_route_set_free(front);
                checked++;
            }
        }
    }
    assert_true(checked >= 10);
    xbr_router_free(small);
    xbr_router_free(router);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pareto_keeps_fast_dear_and_slow_cheap_drops_dominated),
        cmocka_unit_test(test_warehouse_route_wins_on_days),
        cmocka_unit_test(test_co2e_criterion_keeps_the_cleaner_route),
        cmocka_unit_test(test_closed_links_and_nodes_are_never_used),
        cmocka_unit_test(test_k_best_by_generalised_cost),
        cmocka_unit_test(test_stocked_route_may_revisit_no_node_but_is_still_found),
        cmocka_unit_test(test_bulk_label_holding_a_needed_node_does_not_prune),
        cmocka_unit_test(test_dominance_compares_the_price_after_markups),
        cmocka_unit_test(test_found_routes_match_the_evaluator),
        cmocka_unit_test(test_bad_arguments_are_input_errors),
        cmocka_unit_test(test_by_class_keeps_the_best_of_each_class),
        cmocka_unit_test(test_by_class_is_not_fooled_by_a_loop_that_fixes_the_class),
        cmocka_unit_test(test_by_class_trade_flags_do_not_leak_through_a_loop),
        cmocka_unit_test(test_generated_network_fronts_agree_with_k_best),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
