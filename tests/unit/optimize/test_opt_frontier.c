/*
 * test_opt_frontier.c - the promise sweep (src/lib/optimize/frontier.c) on instances solved by
 * hand (opt_fixture.h): its steps, the fewest points, and no frontier when a pair has no route.
 */
#include "opt_fixture.h"

/*
 * The frontier of shared_warehouse(false): product p, 40 units/week; express 3/unit in 2 days,
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

/* At most 2 points: both ends, the fastest feasible promise (1 day, 140) and none (120); the
 * 2-day step in between is left out. */
static void test_two_points_are_both_ends(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_frontier_point_t *pts = NULL;
    size_t n = 0;
    assert_int_equal(xbr_optimize_frontier(sc, NULL, 2, &pts, &n, NULL), XBR_OK);
    assert_int_equal(n, 2);
    assert_true(pts[0].max_days == 1.0);
    assert_near(pts[0].total_cost_per_week, 140.0, 1e-6);
    assert_true(isinf(pts[1].max_days));
    assert_near(pts[1].total_cost_per_week, 120.0, 1e-6);
    assert_near(pts[1].mean_days, 2.0, 1e-9);
    assert_near(pts[1].gap, 0.0, 1e-12);
    free(pts);
    xbr_scenario_free(sc);
}

/* The scenario's promise and a model path in the options are ignored: the sweep sets its own
 * promise and writes no model. */
static void test_options_promise_and_model_ignored(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.max_days = 0.25;
    o.model_path = "/nonexistent-dir/model.lp";
    xbr_frontier_point_t *pts = NULL;
    size_t n = 0;
    assert_int_equal(xbr_optimize_frontier(sc, &o, 0, &pts, &n, NULL), XBR_OK);
    assert_int_equal(n, 3);
    assert_near(pts[0].total_cost_per_week, 140.0, 1e-6);
    free(pts);
    xbr_scenario_free(sc);
}

/* A pair with no route at all: no frontier (no point, no error). */
static void test_no_route_no_frontier(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, INFINITY);
    sc->network->links[0].closed = true;
    sc->network->links[1].closed = true;
    xbr_frontier_point_t dummy;
    xbr_frontier_point_t *pts = &dummy;
    size_t n = 7;
    assert_int_equal(xbr_optimize_frontier(sc, NULL, 0, &pts, &n, NULL), XBR_OK);
    assert_null(pts);
    assert_int_equal(n, 0);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frontier_by_hand),
        cmocka_unit_test(test_two_points_are_both_ends),
        cmocka_unit_test(test_options_promise_and_model_ignored),
        cmocka_unit_test(test_no_route_no_frontier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
