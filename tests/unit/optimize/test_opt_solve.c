/*
 * test_opt_solve.c - one solve (src/lib/optimize/solve.c) on instances solved by hand in the
 * comments (opt_fixture.h): a fixed cost that pays off only when shared, a warehouse capacity
 * that splits the stock, the empty plan, and the shortcut when the capacities do not bind.
 */
#include "opt_fixture.h"

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

/*
 * split_instance with capacity 1000 kg/week: all 100 units on A weigh 200 kg, so the plan of
 * the MILP without capacity rows keeps the capacity and is the answer, without column
 * generation: 100 x 1 = 100, bound 100, gap 0. The model recorded is the real one: x_A, its
 * demand row and A's capacity row.
 */
static void test_capacity_that_does_not_bind_takes_the_shortcut(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(1000.0, INFINITY);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_near(res->total_cost_per_week, 100.0, 1e-6);
    assert_near(res->lp_bound, 100.0, 1e-6);
    assert_near(res->best_bound, 100.0, 1e-6);
    assert_near(res->gap, 0.0, 1e-12);
    assert_int_equal(res->stats.cg_rounds, 0);
    assert_int_equal(res->stats.n_columns, 1);
    assert_int_equal(res->stats.n_rows, 2);
    assert_int_equal(res->n_links, 1);
    assert_near(res->links[0].used_kg_per_week, 200.0, 1e-6);
    assert_int_equal(res->n_reasons, 0);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_cost_pays_off_only_when_shared),
        cmocka_unit_test(test_warehouse_capacity_splits_stock),
        cmocka_unit_test(test_no_demand_is_the_empty_plan),
        cmocka_unit_test(test_capacity_that_does_not_bind_takes_the_shortcut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
