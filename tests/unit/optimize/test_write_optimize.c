/*
 * test_write_optimize.c - the writers of a plan and its frontier (src/lib/present/
 * write_optimize.c): the text, JSON and CSV of the plan of shared_warehouse(true) (opt_fixture.h:
 * both products via W, 2 x 40 units at 1 per unit plus W's 100: 180 per week), of an infeasible
 * result, and of a frontier made by hand; the SVG chart; the error paths. Expected lines are
 * the documented layouts filled with the hand-computed figures.
 */
#include "opt_fixture.h"

/* The text of `format` for res (and pts when frontier): a NUL-terminated copy to free. */
static char *written(const xbr_scenario_t *sc, const xbr_optimize_t *res,
                     const xbr_frontier_point_t *pts, size_t n, bool frontier, xbr_format_t format)
{
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_status_t st = frontier ? xbr_optimize_frontier_write(&b, sc, res, pts, n, format)
                               : xbr_optimize_write(&b, sc, res, format);
    assert_int_equal(st, XBR_OK);
    char *s = fx_strdup(b.data ? b.data : "");
    xbr_buf_destroy(&b);
    return s;
}

static void test_plan_as_text(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_t *res = solve(sc, false);
    char *t = written(sc, res, NULL, 0, false, XBR_FORMAT_TEXT);
    char head[128];
    snprintf(head, sizeof head, "pairs, money in %s per week\n\n",
             sc->network->currency ? sc->network->currency : "USD");
    assert_non_null(strstr(t, "optimize: scenario , 2 product x market pairs"));
    assert_non_null(strstr(t, head));
    assert_non_null(strstr(t, "status                optimal\n"));
    assert_non_null(strstr(t, "total cost per week   180.00\n"));
    assert_non_null(strstr(t, "gap                   0.0000%\n"));
    assert_non_null(strstr(t, "  transport                 80.00\n"));
    assert_non_null(strstr(t, "  warehouse_fixed          100.00\n"));
    assert_non_null(strstr(t, "  total                    180.00\n"));
    assert_null(strstr(t, "  handling")); /* zero components are left out */
    assert_non_null(
        strstr(t, "  W                open          100.00          0.8            -\n"));
    assert_non_null(strstr(t, "  1.000      40.00       1.00    1.00  F >"));
    assert_null(strstr(t, "link utilisation")); /* no capacitated link */
    assert_null(strstr(t, "frontier"));
    free(t);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

static void test_plan_as_csv_and_json(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_t *res = solve(sc, false);
    char *c = written(sc, res, NULL, 0, false, XBR_FORMAT_CSV);
    const char *header = "product,market,class,regime,share,units_per_week,cost_per_unit,days,"
                         "stock_at,nodes\n";
    assert_int_equal(strncmp(c, header, strlen(header)), 0);
    const char *row = c + strlen(header);
    assert_int_equal(strncmp(row, "p,M,", 4), 0);
    const char *end = strstr(row, ",1,40,1,1,W,F>W>M\n");
    assert_non_null(end);
    assert_non_null(strstr(end + 1, "b,M,"));
    assert_non_null(strstr(strstr(end + 1, "b,M,"), ",1,40,1,1,W,F>W>M\n"));
    free(c);

    char *j = written(sc, res, NULL, 0, false, XBR_FORMAT_JSON);
    assert_non_null(strstr(j, "\"schema\": \"xbroute.optimize/1\""));
    assert_non_null(strstr(j, "\"status\": \"optimal\""));
    assert_non_null(strstr(j, "\"total_cost_per_week\": 180"));
    assert_non_null(strstr(j, "\"open_warehouses\""));
    assert_null(strstr(j, "\"frontier\""));
    /* the components in XBR_COST_COMPONENT_LIST order, then total */
    const char *at = strstr(j, "\"cost_by_component\"");
    assert_non_null(at);
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        char key[64];
        snprintf(key, sizeof key, "\"%s\": ", xbr_cost_component_name((xbr_cost_component_t)k));
        const char *next = strstr(at, key);
        assert_non_null(next);
        at = next;
        if (k == XBR_COST_TRANSPORT)
            assert_int_equal(strncmp(next + strlen(key), "80,", 3), 0);
        if (k == XBR_COST_WAREHOUSE_FIXED)
            assert_int_equal(strncmp(next + strlen(key), "100,", 4), 0);
    }
    assert_non_null(strstr(at, "\"total\": 180"));
    free(j);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* An infeasible result: its reasons as "why:" and nothing of a plan. */
static void test_infeasible_as_text(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, 1.5);
    xbr_optimize_t *res = solve(sc, false);
    char *t = written(sc, res, NULL, 0, false, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "status                infeasible\n  why: product p to market M"));
    assert_null(strstr(t, "total cost per week"));
    assert_null(strstr(t, "flows"));
    free(t);
    char *j = written(sc, res, NULL, 0, false, XBR_FORMAT_JSON);
    assert_non_null(strstr(j, "\"kind\": \"promise\""));
    assert_non_null(strstr(j, "\"total_cost_per_week\": null"));
    free(j);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* A frontier by hand: 1 day 140 with W open, 2 days infeasible, none 120. */
static const xbr_frontier_point_t frontier[3] = {
    {1.0, XBR_OPT_OPTIMAL, 140.0, 0.0, 1.0, 1},
    {2.0, XBR_OPT_INFEASIBLE, NAN, NAN, NAN, 0},
    {INFINITY, XBR_OPT_OPTIMAL, 120.0, 0.0, 2.0, 0},
};

static void test_frontier_in_three_formats(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_t *res = solve(sc, false);
    char *c = written(sc, res, frontier, 3, true, XBR_FORMAT_CSV);
    assert_string_equal(c, "max_days,status,total_cost_per_week,mean_days,open_warehouses,gap\n"
                           "1,optimal,140,1,1,0\n"
                           "2,infeasible,,,,\n"
                           ",optimal,120,2,0,0\n");
    free(c);
    char *t = written(sc, res, frontier, 3, true, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "status                optimal\n")); /* the plan first */
    assert_non_null(strstr(t, "\nfrontier (one promise for every product and market)\n"
                              "    max days status             cost/week  mean days   open\n"
                              "        1.00 optimal               140.00       1.00      1\n"
                              "        2.00 infeasible                 -          -      -\n"
                              "        none optimal               120.00       2.00      0\n"));
    free(t);
    char *j = written(sc, res, frontier, 3, true, XBR_FORMAT_JSON);
    assert_non_null(strstr(j, "\"schema\": \"xbroute.optimize/1\""));
    const char *f = strstr(j, "\"frontier\": [");
    assert_non_null(f);
    assert_non_null(strstr(f, "\"max_days\": 1,"));
    assert_non_null(strstr(f, "\"max_days\": null,"));
    assert_non_null(strstr(f, "\"status\": \"infeasible\""));
    assert_non_null(strstr(f, "\"open_warehouses\": 1"));
    free(j);
    j = written(sc, res, NULL, 0, true, XBR_FORMAT_JSON); /* no frontier found: no key */
    assert_null(strstr(j, "\"frontier\""));
    free(j);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

static void test_frontier_chart(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_optimize_frontier_chart(&b, sc, frontier, 3, &d), XBR_OK);
    assert_non_null(strstr(b.data, "<svg"));
    assert_non_null(strstr(b.data, "Cost versus delivery promise"));
    assert_non_null(strstr(b.data, "total landed cost per week ("));
    xbr_buf_destroy(&b);
    xbr_buf_init(&b);
    assert_int_equal(xbr_optimize_frontier_chart(&b, sc, &frontier[1], 1, &d), XBR_EINPUT);
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&d);
    xbr_scenario_free(sc);
}

static void test_errors(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_t *res = solve(sc, false);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_optimize_write(&b, sc, res, XBR_FORMAT_COUNT), XBR_EINPUT);
    assert_int_equal(xbr_optimize_frontier_write(&b, sc, res, frontier, 3, XBR_FORMAT_COUNT),
                     XBR_EINPUT);
    b.failed = 1; /* a buffer that ran out of memory */
    assert_int_equal(xbr_optimize_write(&b, sc, res, XBR_FORMAT_TEXT), XBR_ENOMEM);
    assert_int_equal(xbr_optimize_frontier_write(&b, sc, res, frontier, 3, XBR_FORMAT_CSV),
                     XBR_ENOMEM);
    xbr_buf_destroy(&b);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_as_text),       cmocka_unit_test(test_plan_as_csv_and_json),
        cmocka_unit_test(test_infeasible_as_text), cmocka_unit_test(test_frontier_in_three_formats),
        cmocka_unit_test(test_frontier_chart),     cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
