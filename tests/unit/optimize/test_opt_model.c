/*
 * test_opt_model.c - the rows and columns of the MILP (src/lib/optimize/model.c): their number
 * for each kind of model worked out by hand or from the pool, which candidates become columns
 * under a promise, the names in a written model, and the capacity and penalty helpers.
 */
#include "opt_fixture.h"

#include <unistd.h>

#include "optimize/internal.h"

/* What one build of the model holds. */
typedef struct {
    xbr__opt_t *cx;
    xbr__opt_model_t kind;
    bool integer;
    size_t cols, rows, bins;
} build_t;

static xbr_status_t build_in_glpk(void *arg)
{
    build_t *b = arg;
    xbr_status_t st = xbr__opt_build_model(b->cx, b->kind, b->integer, 1e6);
    b->cols = xbr__lp_num_cols(b->cx->lp);
    b->rows = xbr__lp_num_rows(b->cx->lp);
    b->bins = xbr__lp_num_bin(b->cx->lp);
    xbr__lp_free(b->cx->lp);
    b->cx->lp = NULL;
    return st;
}

static build_t build(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer)
{
    build_t b = {cx, kind, integer, 0, 0, 0};
    assert_int_equal(xbr__glp_run(build_in_glpk, &b, NULL), XBR_OK);
    return b;
}

static void start(xbr__opt_t *cx, const xbr_scenario_t *sc, const xbr_optimize_opts_t *o,
                  double max_days)
{
    assert_int_equal(xbr__opt_start(cx, sc, o, NULL), XBR_OK);
    xbr__opt_set_limits(cx, max_days);
}

/*
 * split_instance(120, no promise): the pool holds route A only (B is dominated). The MILP: x_A
 * and its demand row and the capacity row of link 0 (A's link): 1 column, 2 rows; binary only
 * with single source. The penalty and phase-one models add one slack column. Without the
 * capacity rows (the relaxation) only the demand row is left.
 */
static void test_sizes_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = split_instance(120.0, INFINITY);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o, NAN);
    assert_int_equal(cx.pairs[0].n, 1);
    build_t b = build(&cx, XBR__MODEL_REAL, true);
    assert_int_equal(b.cols, 1);
    assert_int_equal(b.rows, 2);
    assert_int_equal(b.bins, 0);
    assert_int_equal(cx.link_row[0], 1); /* the link row comes before the demand row */
    assert_int_equal(cx.pairs[0].row, 2);
    assert_int_equal(cx.link_row[1], 0);
    assert_int_equal(cx.link_slack[0], 0);
    b = build(&cx, XBR__MODEL_PENALTY, false);
    assert_int_equal(b.cols, 2);
    assert_int_equal(cx.link_slack[0], 1); /* slacks come before the x columns */
    assert_int_equal(cx.pairs[0].c[0].col, 2);
    b = build(&cx, XBR__MODEL_PHASE1, true);
    assert_int_equal(b.cols, 2);
    assert_int_equal(b.rows, 2);
    cx.no_caps = true;
    b = build(&cx, XBR__MODEL_REAL, true);
    assert_int_equal(b.rows, 1);
    assert_int_equal(cx.link_row[0], 0);
    cx.no_caps = false;
    xbr__opt_pool_free(&cx);
    o.single_source = true;
    start(&cx, sc, &o, NAN);
    b = build(&cx, XBR__MODEL_REAL, true);
    assert_int_equal(b.bins, 1);
    b = build(&cx, XBR__MODEL_REAL, false); /* the LP relaxation: no binaries */
    assert_int_equal(b.bins, 0);
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/*
 * shared_warehouse(true) from the pool's own figures: one y column for W plus one x column per
 * candidate within the promise; one demand row per pair plus a linking row per pair that has
 * such a candidate entering W. Under a promise of 1.5 days the express route (2 days) is no
 * column; under 0.5 days no candidate is.
 */
static void test_columns_follow_the_promise(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    const double promises[] = {NAN, 1.5, 0.5};
    for (size_t t = 0; t < 3; t++) {
        start(&cx, sc, &o, promises[t]);
        size_t cols = 1, rows = 0;
        for (size_t i = 0; i < cx.n_pairs; i++) {
            bool enters = false;
            rows++;
            for (size_t k = 0; k < cx.pairs[i].n; k++) {
                const xbr__opt_cand_t *c = &cx.pairs[i].c[k];
                double limit = isnan(promises[t]) ? INFINITY : promises[t];
                if (!(c->route.days <= limit + 1e-9))
                    continue;
                cols++;
                enters |= c->n_enter > 0;
                if (t == 1)
                    assert_true(c->route.stock_at == 1);
            }
            rows += enters;
        }
        build_t b = build(&cx, XBR__MODEL_REAL, true);
        assert_int_equal(b.cols, cols);
        assert_int_equal(b.rows, rows);
        assert_int_equal(b.bins, 1);
        if (t == 1)
            assert_int_equal(cols, 1 + 2);
        if (t == 2)
            assert_int_equal(cols, 1);
        for (size_t i = 0; i < cx.n_pairs; i++)
            for (size_t k = 0; k < cx.pairs[i].n; k++)
                assert_int_equal(cx.pairs[i].c[k].col != 0,
                                 xbr__opt_cand_active(&cx.pairs[i], &cx.pairs[i].c[k]));
        xbr__opt_pool_free(&cx);
    }
    xbr_scenario_free(sc);
}

/* The model file is written and names the variables readably. */
static void test_write_model_names_variables(void **state)
{
    (void)state;
    char path[] = "/tmp/xbr_opt_model_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
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

/* Characters CPLEX LP names forbid become '_': warehouse "W-1 x" is "y_0_W_1_x"; the linking
 * row of pair 1 and W is "o_1_0_b_M_W_1_x". */
static void test_names_are_sanitised(void **state)
{
    (void)state;
    char path[] = "/tmp/xbr_opt_names_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    xbr_scenario_t *sc = shared_warehouse(true);
    free(sc->network->nodes[1].id);
    sc->network->nodes[1].id = fx_strdup("W-1 x");
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
    assert_non_null(strstr(buf, "y_0_W_1_x"));
    assert_non_null(strstr(buf, "o_1_0_b_M_W_1_x"));
    assert_null(strstr(buf, "W-1"));
    remove(path);
    xbr_optimize_free(res);
    xbr_scenario_free(sc);
}

/* Finite capacities on open links and binary warehouses count; a closed link's does not. */
static void test_any_finite_capacity(void **state)
{
    (void)state;
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    xbr_scenario_t *sc = split_instance(120.0, INFINITY);
    start(&cx, sc, &o, NAN);
    assert_true(xbr__opt_any_finite_capacity(&cx));
    sc->network->links[0].closed = true;
    assert_false(xbr__opt_any_finite_capacity(&cx));
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
    sc = shared_warehouse(false);
    start(&cx, sc, &o, NAN);
    assert_false(xbr__opt_any_finite_capacity(&cx));
    sc->network->nodes[1].capacity_m3 = 5.0;
    assert_true(xbr__opt_any_finite_capacity(&cx));
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/* shared_warehouse(false): 1 + 40 units x the dearest candidate (express, 3) + W's 100 =
 * 221, times 1000. */
static void test_big_penalty_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o, NAN);
    assert_close(xbr__opt_big_penalty(&cx), 221000.0);
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes_by_hand),
        cmocka_unit_test(test_columns_follow_the_promise),
        cmocka_unit_test(test_write_model_names_variables),
        cmocka_unit_test(test_names_are_sanitised),
        cmocka_unit_test(test_any_finite_capacity),
        cmocka_unit_test(test_big_penalty_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
