/*
 * test_opt_explain.c - the reasons of a result (src/lib/optimize/explain.c): a pair with no
 * route, a pair whose fastest route misses the promise, a link and a warehouse that must grow
 * (amounts worked out by hand), and notes.
 */
#include "opt_fixture.h"

#include "optimize/internal.h"

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

/* Both links closed: the pair has no route at all. */
static void test_no_route_at_all(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, INFINITY);
    sc->network->links[0].closed = true;
    sc->network->links[1].closed = true;
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    assert_int_equal(res->n_reasons, 1);
    const xbr_why_t *w = &res->reasons[0];
    assert_int_equal(w->kind, XBR_WHY_NO_ROUTE);
    assert_int_equal(w->product, 0);
    assert_int_equal(w->market, 1);
    assert_int_equal(w->object, -1);
    assert_true(isinf(w->needed));
    assert_string_equal(w->text, "product p cannot reach market M by any open route: open a link "
                                 "or a node on the way");
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/*
 * F -> W1 -> M only, W1 holding 0.5 m3; 70 units/week stock 70 units x 0.01 = 0.7 m3
 * (opt_fixture.h): W1 must grow by 0.2 m3, 40% of its capacity.
 */
static void test_warehouse_that_must_grow(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int w1 = fx_add_node(net, "W1", XBR_NODE_WAREHOUSE, c);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, c);
    net->nodes[w1].capacity_m3 = 0.5;
    link_cost(net, f, w1, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w1, m, XBR_MODE_LAST_MILE, 1, 0.5);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    finish(sc);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    assert_int_equal(res->n_reasons, 1);
    const xbr_why_t *w = &res->reasons[0];
    assert_int_equal(w->kind, XBR_WHY_WAREHOUSE);
    assert_int_equal(w->object, w1);
    assert_int_equal(w->product, -1);
    assert_close(w->limit, 0.5);
    assert_near(w->needed, 0.7, 1e-9);
    assert_string_equal(w->text, "warehouse W1: the plan with the least excess stocks 0.7 m3, "
                                 "capacity 0.5: raise it by 0.2 m3 (40.0%)");
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* The fastest route of 2 days misses a promise of 1.5 days; the promise to relax to is the
 * fastest days rounded up to the hundredth: 2.00. */
static void test_promise_reason_text(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, 1.5);
    xbr_optimize_t *res = solve(sc, false);
    assert_int_equal(res->n_reasons, 1);
    char want[256];
    snprintf(want, sizeof want,
             "product p to market M: promise 1.5 days, but the fastest route (%s) takes 2.00 "
             "days: relax the promise to 2.00 days or add a faster route",
             res->reasons[0].fastest_class);
    assert_string_equal(res->reasons[0].text, want);
    assert_true(res->reasons[0].fastest_class[0] != '\0');
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* A note is about no pair and no object and carries the formatted text. */
static void test_add_note(void **state)
{
    (void)state;
    xbr_optimize_t *res = calloc(1, sizeof *res);
    assert_non_null(res);
    assert_int_equal(xbr__opt_add_note(res, "time limit of %g s", 2.5), XBR_OK);
    assert_int_equal(xbr__opt_add_note(res, "second"), XBR_OK);
    assert_int_equal(res->n_reasons, 2);
    assert_int_equal(res->reasons[0].kind, XBR_WHY_NOTE);
    assert_int_equal(res->reasons[0].product, -1);
    assert_int_equal(res->reasons[0].market, -1);
    assert_int_equal(res->reasons[0].object, -1);
    assert_string_equal(res->reasons[0].text, "time limit of 2.5 s");
    assert_string_equal(res->reasons[1].text, "second");
    xbr_optimize_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_infeasible_promise_names_pair_and_fastest),
        cmocka_unit_test(test_capacity_infeasibility_is_explained),
        cmocka_unit_test(test_no_route_at_all),
        cmocka_unit_test(test_warehouse_that_must_grow),
        cmocka_unit_test(test_promise_reason_text),
        cmocka_unit_test(test_add_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
