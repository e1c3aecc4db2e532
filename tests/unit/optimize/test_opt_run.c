/*
 * test_opt_run.c - the entry points (src/lib/optimize/optimize.c): the options' defaults, the
 * outcome names, one promise for every pair, the statistics, and the error paths (no scenario,
 * a model file that cannot be written).
 */
#include <errno.h>
#include <string.h>

#include "opt_fixture.h"

#include "optimize/internal.h"

static void test_defaults_and_names(void **state)
{
    (void)state;
    xbr_optimize_opts_t o;
    memset(&o, 0xff, sizeof o);
    xbr_optimize_opts_init(&o);
    assert_false(o.single_source);
    assert_true(o.time_limit_s == 0.0);
    assert_true(o.mip_gap == 0.0);
    assert_int_equal(o.column_generation, -1);
    assert_true(isnan(o.max_days));
    assert_null(o.model_path);
    assert_int_equal(o.max_warehouse_copies, 0);
    assert_string_equal(xbr_optimize_status_name(XBR_OPT_OPTIMAL), "optimal");
    assert_string_equal(xbr_optimize_status_name(XBR_OPT_FEASIBLE), "feasible");
    assert_string_equal(xbr_optimize_status_name(XBR_OPT_INFEASIBLE), "infeasible");
    assert_string_equal(xbr_optimize_status_name(XBR_OPT_NO_SOLUTION), "no_solution");
    assert_string_equal(xbr_optimize_status_name(XBR_OPT_STATUS_COUNT), "unknown");
    assert_string_equal(xbr_optimize_status_name((xbr_opt_status_t)-1), "unknown");
}

static void test_bad_input(void **state)
{
    (void)state;
    xbr_optimize_t dummy;
    xbr_optimize_t *res = &dummy;
    assert_int_equal(xbr_optimize_run(NULL, NULL, &res, NULL), XBR_EINPUT);
    assert_null(res);
    xbr_scenario_t empty;
    memset(&empty, 0, sizeof empty);
    assert_int_equal(xbr_optimize_run(&empty, NULL, &res, NULL), XBR_EINPUT);
    assert_null(res);
    xbr_optimize_free(NULL);
}

/* A model path in a directory that does not exist: XBR_EIO, a diagnostic naming the path, no
 * result. */
static void test_unwritable_model(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.model_path = "/nonexistent-dir/model.lp";
    xbr_optimize_t *res = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_optimize_run(sc, &o, &res, &d), XBR_EIO);
    assert_null(res);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "/nonexistent-dir/model.lp");
    /* written as every output is (xbr_write_file_atomic): no temporary file can be made in a
     * folder that does not exist */
    assert_string_equal(d.items[0].what, "cannot write");
    assert_string_equal(d.items[0].expected, strerror(ENOENT));
    xbr_diags_destroy(&d);
    xbr_scenario_free(sc);
}

/*
 * split_instance(no capacity, promise 1.5 days) is infeasible (route A takes 2 days); one
 * promise of 2.5 days for every pair makes A qualify: 100 units x 1 = 100, and the flow carries
 * the promise in force. NULL options are the defaults.
 */
static void test_one_promise_for_every_pair(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, 1.5);
    xbr_optimize_t *res = NULL;
    assert_int_equal(xbr_optimize_run(sc, NULL, &res, NULL), XBR_OK);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    xbr_optimize_free(res);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.max_days = 2.5;
    assert_int_equal(xbr_optimize_run(sc, &o, &res, NULL), XBR_OK);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_near(res->total_cost_per_week, 100.0, 1e-6);
    assert_int_equal(res->n_flows, 1);
    assert_true(res->flows[0].promise_days == 2.5);
    assert_true(sc->products[0].max_days[1] == 1.5); /* the scenario is untouched */
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* The statistics: one pair, its candidates, the time split into its parts. */
static void test_statistics(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_t *res = solve(sc, false);
    const xbr_optimize_stats_t *s = &res->stats;
    assert_int_equal(s->n_pairs, 1);
    assert_true(s->n_candidates >= 2); /* express, and via W */
    assert_true(s->candidates_exact);
    assert_int_equal(s->n_binaries, 1); /* y_W; x continuous */
    assert_true(s->seed_seconds >= 0.0);
    assert_true(s->cg_seconds >= 0.0);
    assert_true(s->seconds >= s->seed_seconds + s->cg_seconds);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* The clock of a run: no limit is INT_MAX ms and never out of time; a limit already spent
 * leaves 1 ms and is out of time. */
static void test_time_limit_clock(void **state)
{
    (void)state;
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    memset(&cx, 0, sizeof cx);
    cx.opts = &o;
    clock_gettime(CLOCK_MONOTONIC, &cx.t0);
    assert_int_equal(xbr__opt_remaining_ms(&cx), 0x7fffffff);
    assert_false(xbr__opt_out_of_time(&cx));
    o.time_limit_s = 1e-12;
    while (!(xbr__opt_elapsed(&cx) > 1e-9))
        ;
    assert_int_equal(xbr__opt_remaining_ms(&cx), 1);
    assert_true(xbr__opt_out_of_time(&cx));
    o.time_limit_s = 3600.0;
    int left = xbr__opt_remaining_ms(&cx);
    assert_true(left > 3590000 && left <= 3600000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_names),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_unwritable_model),
        cmocka_unit_test(test_one_promise_for_every_pair),
        cmocka_unit_test(test_statistics),
        cmocka_unit_test(test_time_limit_clock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
