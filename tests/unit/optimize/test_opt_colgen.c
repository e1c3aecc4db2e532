/*
 * test_opt_colgen.c - column generation (src/lib/optimize/colgen.c) on split_instance
 * (opt_fixture.h): a route on no Pareto set is needed because the cheap link is full; pricing
 * finds it, certifies the LP and gives its value as the bound over all routes; without column
 * generation the same instance looks infeasible.
 */
#include "opt_fixture.h"

#include "optimize/internal.h"

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

typedef struct {
    xbr__opt_t *cx;
    xbr_optimize_t *res;
    double global_lb;
} colgen_t;

static xbr_status_t colgen_in_glpk(void *arg)
{
    colgen_t *c = arg;
    xbr_status_t st = xbr__opt_colgen(c->cx, c->res, &c->global_lb);
    xbr__lp_free(c->cx->lp);
    c->cx->lp = NULL;
    return st;
}

/*
 * The column generation alone: the pool starts with route A only. In the first master, A's link
 * is over its capacity (the slack carries 80 kg), so its dual is positive and route B prices
 * below zero: it is added, and it is all the instance has. The second master (60 on A, 40 on
 * B: 140) prices nothing below zero, so it is certified and its value is the bound over all
 * routes: 2 rounds, 1 column.
 */
static void test_pricing_adds_the_missing_route(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(120.0, INFINITY);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    assert_int_equal(xbr__opt_start(&cx, sc, &o, NULL), XBR_OK);
    xbr__opt_set_limits(&cx, NAN);
    assert_int_equal(cx.pairs[0].n, 1);
    xbr_optimize_t res;
    memset(&res, 0, sizeof res);
    res.lp_bound = NAN;
    colgen_t c = {&cx, &res, 0.0};
    assert_int_equal(xbr__glp_run(colgen_in_glpk, &c, NULL), XBR_OK);
    assert_int_equal(cx.pairs[0].n, 2);
    assert_int_equal(res.stats.cg_columns, 1);
    assert_int_equal(res.stats.cg_rounds, 2);
    assert_true(res.stats.cg_certified);
    assert_near(c.global_lb, 140.0, 1e-6);
    assert_near(res.lp_bound, 140.0, 1e-6);
    const xbr_route_t *b = &cx.pairs[0].c[1].route;
    assert_int_equal(b->n_links, 1);
    assert_int_equal(b->links[0], 1);
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/* Without column generation only route A is a column: its link cannot carry 200 kg, so the
 * plan is declared infeasible with the link to grow by 80 kg/week. */
static void test_without_colgen_the_split_is_missed(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(120.0, INFINITY);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.column_generation = 0;
    xbr_optimize_t *res = NULL;
    assert_int_equal(xbr_optimize_run(sc, &o, &res, NULL), XBR_OK);
    assert_int_equal(res->status, XBR_OPT_INFEASIBLE);
    assert_int_equal(res->stats.cg_rounds, 0);
    assert_int_equal(res->n_reasons, 1);
    assert_int_equal(res->reasons[0].kind, XBR_WHY_LINK);
    assert_near(res->reasons[0].needed, 200.0, 1e-6);
    xbr_optimize_free(res);
    o.column_generation = 1;
    assert_int_equal(xbr_optimize_run(sc, &o, &res, NULL), XBR_OK);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_near(res->total_cost_per_week, 140.0, 1e-6);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* Column generation on an instance without capacities (forced on): the Pareto pool is already
 * complete, so the first round certifies; the plan is the direct route A, 100 x 1. */
static void test_forced_on_without_capacities(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(INFINITY, INFINITY);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    o.column_generation = 1;
    xbr_optimize_t *res = NULL;
    assert_int_equal(xbr_optimize_run(sc, &o, &res, NULL), XBR_OK);
    assert_int_equal(res->status, XBR_OPT_OPTIMAL);
    assert_near(res->total_cost_per_week, 100.0, 1e-6);
    assert_int_equal(res->stats.cg_rounds, 1);
    assert_int_equal(res->stats.cg_columns, 0);
    assert_true(res->stats.cg_certified);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_capacity_forces_a_split),
        cmocka_unit_test(test_pricing_adds_the_missing_route),
        cmocka_unit_test(test_without_colgen_the_split_is_missed),
        cmocka_unit_test(test_forced_on_without_capacities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
