/*
 * test_opt_extract.c - reading a solution into the result (src/lib/optimize/extract.c): the
 * cost by component and its total worked out by hand, the order of flows, warehouses and links
 * by id (not by index), and the plan helpers on results made by hand.
 */
#include "opt_fixture.h"

#include "optimize/internal.h"

/* shared_warehouse(true): both products via W: transport 2 x 40 units x (0.5 + 0.5) = 80, W's
 * fixed cost 100, nothing else (no handling, storage, capital or carbon cost in the fixture):
 * total 180, and every component is in the sum. */
static void test_cost_by_component_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_t *res = solve(sc, false);
    const xbr_cost_breakdown_t *cb = &res->cost_by_component;
    assert_near(cb->transport, 80.0, 1e-9);
    assert_close(cb->warehouse_fixed, 100.0);
    double sum = 0.0;
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        double v = xbr_cost_component(cb, (xbr_cost_component_t)k);
        if (k != XBR_COST_TRANSPORT && k != XBR_COST_WAREHOUSE_FIXED)
            assert_true(v == 0.0);
        sum += v;
    }
    assert_close(cb->total, sum);
    assert_near(cb->total, 180.0, 1e-9);
    assert_true(res->total_cost_per_week == cb->total);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * F -> MB and F -> MA by express (1 per unit, 2 days; the links named LB and LA, capacities
 * 1000 kg/week that never bind), 10 units/week each; warehouses WB and WA with a fixed cost and
 * no link: both binary, both closed, both reported. Nodes and links are made in B, A order, so
 * every list in id order comes out A first.
 */
static void test_lists_in_id_order(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int mb = fx_add_node(net, "MB", XBR_NODE_MARKET, c);
    int ma = fx_add_node(net, "MA", XBR_NODE_MARKET, c);
    int wb = fx_add_node(net, "WB", XBR_NODE_WAREHOUSE, c);
    int wa = fx_add_node(net, "WA", XBR_NODE_WAREHOUSE, c);
    net->nodes[wb].fixed_cost_per_week = 5.0;
    net->nodes[wa].fixed_cost_per_week = 5.0;
    int lb = link_cost(net, f, mb, XBR_MODE_EXPRESS, 2, 1.0);
    int la = link_cost(net, f, ma, XBR_MODE_EXPRESS, 2, 1.0);
    free(net->links[lb].id);
    net->links[lb].id = fx_strdup("LB");
    free(net->links[la].id);
    net->links[la].id = fx_strdup("LA");
    net->links[lb].capacity_kg_per_week = 1000.0;
    net->links[la].capacity_kg_per_week = 1000.0;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[mb] = 10.0;
    sc->products[0].demand_per_week[ma] = 10.0;
    finish(sc);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_near(res->total_cost_per_week, 20.0, 1e-9);
    assert_int_equal(res->n_flows, 2);
    assert_int_equal(res->flows[0].market, ma);
    assert_int_equal(res->flows[1].market, mb);
    assert_int_equal(res->n_warehouses, 2);
    assert_int_equal(res->warehouses[0].node, wa);
    assert_int_equal(res->warehouses[1].node, wb);
    assert_false(res->warehouses[0].open);
    assert_int_equal(res->n_links, 2);
    assert_int_equal(res->links[0].link, la);
    assert_int_equal(res->links[1].link, lb);
    assert_near(res->links[0].used_kg_per_week, 20.0, 1e-9); /* 10 units x 2 kg */
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* Capacities are kept up to a relative 1e-9; an unlimited capacity is always kept. */
static void test_within_capacities(void **state)
{
    (void)state;
    xbr_link_use_t link = {0, 100.0, 100.0};
    xbr_warehouse_use_t wh = {1, true, true, 0.0, 5.0, INFINITY};
    xbr_optimize_t res;
    memset(&res, 0, sizeof res);
    res.links = &link;
    res.n_links = 1;
    res.warehouses = &wh;
    res.n_warehouses = 1;
    assert_true(xbr__opt_within_capacities(&res));
    link.used_kg_per_week = 100.0 * (1 + 1e-10);
    assert_true(xbr__opt_within_capacities(&res));
    link.used_kg_per_week = 100.1;
    assert_false(xbr__opt_within_capacities(&res));
    link.used_kg_per_week = 50.0;
    wh.capacity_m3 = 4.0;
    assert_false(xbr__opt_within_capacities(&res));
}

/* Clearing a plan frees it and leaves a result to fill again: no flows, no uses, costs 0,
 * total unknown; the reasons stay. */
static void test_clear_plan(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_t *res = solve(sc, false);
    assert_true(res->n_flows > 0);
    xbr__opt_add_note(res, "kept");
    xbr__opt_clear_plan(res);
    assert_null(res->flows);
    assert_null(res->warehouses);
    assert_null(res->links);
    assert_int_equal(res->n_flows + res->n_warehouses + res->n_links, 0);
    assert_true(res->cost_by_component.total == 0.0);
    assert_true(res->cost_by_component.warehouse_fixed == 0.0);
    assert_true(isnan(res->total_cost_per_week));
    assert_int_equal(res->n_reasons, 1);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cost_by_component_by_hand),
        cmocka_unit_test(test_lists_in_id_order),
        cmocka_unit_test(test_within_capacities),
        cmocka_unit_test(test_clear_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
