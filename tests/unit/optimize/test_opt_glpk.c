/*
 * test_opt_glpk.c - the GLPK adaptor (src/lib/optimize/glpk.c): small problems solved by hand,
 * the names of the GLP_E* codes, a solver failure named in the diagnostic, and a GLPK fatal
 * error (a misuse GLPK answers with abort()) that comes back as XBR_EINTERNAL, prints nothing,
 * leaves the process running and the GLPK environment clean.
 *
 * This test includes <glpk.h> itself, to count GLPK's memory and to name its codes; the library
 * reaches GLPK only through the adaptor.
 */
#include "xbr_test.h"

#include <glpk.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "optimize/internal.h"

/*
 * min x + 2 y  s.t.  x + y = 1,  x, y >= 0.  Optimum x = 1, y = 0, value 1; the dual of the row
 * is 1 (raising the right-hand side by one adds one unit of x).
 */
static xbr_status_t small_lp(void *arg)
{
    xbr_diags_t *d = arg;
    xbr__lp_t *lp = xbr__lp_new("small");
    int x = xbr__lp_add_col(lp, "x"), y = xbr__lp_add_col(lp, "y");
    xbr__lp_set_col_bounds(lp, x, 0.0, INFINITY);
    xbr__lp_set_col_bounds(lp, y, 0.0, INFINITY);
    xbr__lp_set_obj_coef(lp, x, 1.0);
    xbr__lp_set_obj_coef(lp, y, 2.0);
    int r = xbr__lp_add_row(lp, "r");
    xbr__lp_set_row_bounds(lp, r, 1.0, 1.0);
    int ind[3] = {0, x, y};
    double val[3] = {0, 1.0, 1.0};
    xbr__lp_set_row(lp, r, 2, ind, val);
    xbr__lp_status_t status = XBR__LP_UNDEF;
    assert_int_equal(xbr__lp_simplex(lp, 0x7fffffff, &status, d), XBR_OK);
    assert_int_equal(status, XBR__LP_OPT);
    assert_close(xbr__lp_obj_val(lp), 1.0);
    assert_close(xbr__lp_col_prim(lp, x), 1.0);
    assert_close(xbr__lp_col_prim(lp, y), 0.0);
    assert_close(xbr__lp_row_dual(lp, r), 1.0);
    assert_int_equal(xbr__lp_num_cols(lp), 2);
    assert_int_equal(xbr__lp_num_rows(lp), 1);
    assert_int_equal(xbr__lp_num_bin(lp), 0);
    xbr__lp_free(lp);
    return XBR_OK;
}

static void test_lp_by_hand(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__glp_run(small_lp, &d, &d), XBR_OK);
    assert_int_equal(d.count, 0);
    xbr_diags_destroy(&d);
}

/*
 * min 3 a + 2 b + 4 c  s.t.  a + b + c >= 2,  a, b, c binary: the two cheapest, a and b, value 5
 * (the LP relaxation has the same optimum). Then a + b + c >= 4 has no binary solution.
 */
static xbr_status_t small_mip(void *arg)
{
    (void)arg;
    xbr__lp_t *lp = xbr__lp_new("mip");
    const double cost[3] = {3.0, 2.0, 4.0};
    const char *names[3] = {"a", "b", "c"};
    int ind[4] = {0};
    double val[4] = {0};
    for (int k = 0; k < 3; k++) {
        ind[k + 1] = xbr__lp_add_col(lp, names[k]);
        val[k + 1] = 1.0;
        xbr__lp_set_col_kind(lp, ind[k + 1], true);
        xbr__lp_set_obj_coef(lp, ind[k + 1], cost[k]);
    }
    int r = xbr__lp_add_row(lp, "cover");
    xbr__lp_set_row_bounds(lp, r, 2.0, INFINITY);
    xbr__lp_set_row(lp, r, 3, ind, val);
    assert_int_equal(xbr__lp_num_bin(lp), 3);
    xbr__lp_status_t status = XBR__LP_UNDEF;
    bool timed_out = true;
    xbr__lp_bound_t mb = {0, false};
    assert_int_equal(xbr__lp_intopt(lp, 0x7fffffff, 0.0, &status, &timed_out, &mb, NULL), XBR_OK);
    assert_int_equal(status, XBR__LP_OPT);
    assert_false(timed_out);
    assert_close(xbr__lp_mip_obj_val(lp), 5.0);
    assert_close(xbr__lp_mip_col_val(lp, ind[1]), 1.0);
    assert_close(xbr__lp_mip_col_val(lp, ind[2]), 1.0);
    assert_close(xbr__lp_mip_col_val(lp, ind[3]), 0.0);
    xbr__lp_set_row_bounds(lp, r, 4.0, INFINITY);
    assert_int_equal(xbr__lp_intopt(lp, 0x7fffffff, 0.0, &status, &timed_out, &mb, NULL), XBR_OK);
    assert_int_equal(status, XBR__LP_NOFEAS);
    xbr__lp_free(lp);
    return XBR_OK;
}

static void test_mip_by_hand(void **state)
{
    (void)state;
    assert_int_equal(xbr__glp_run(small_mip, NULL, NULL), XBR_OK);
}

/* A double-bounded column with lo > hi: glp_simplex cannot start (GLP_EBOUND), twice. */
static xbr_status_t bad_bounds(void *arg)
{
    xbr__lp_t *lp = xbr__lp_new("bad");
    int x = xbr__lp_add_col(lp, "x");
    xbr__lp_set_col_bounds(lp, x, 2.0, 1.0);
    xbr__lp_status_t status = XBR__LP_OPT;
    xbr_status_t st = xbr__lp_simplex(lp, 0x7fffffff, &status, arg);
    xbr__lp_free(lp);
    return st;
}

static void test_solver_failure_names_the_code(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr__glp_run(bad_bounds, &d, &d), XBR_EINTERNAL);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].what, "GLPK glp_simplex failed with GLP_EBOUND");
    xbr_diags_destroy(&d);
}

static void test_code_names(void **state)
{
    (void)state;
    assert_string_equal(xbr__glp_code_name(0), "0");
    assert_string_equal(xbr__glp_code_name(GLP_EBOUND), "GLP_EBOUND");
    assert_string_equal(xbr__glp_code_name(GLP_ETMLIM), "GLP_ETMLIM");
    assert_string_equal(xbr__glp_code_name(GLP_EMIPGAP), "GLP_EMIPGAP");
    assert_string_equal(xbr__glp_code_name(GLP_ENOPFS), "GLP_ENOPFS");
    assert_string_equal(xbr__glp_code_name(12345), "GLP_E(unknown)");
}

/* A misuse GLPK stops on: the objective coefficient of column 5 of a problem with none. The
 * problem is not freed here: after the fatal error it went with the environment. */
static xbr_status_t misuse(void *arg)
{
    int *reached = arg;
    xbr__lp_t *lp = xbr__lp_new("misuse");
    xbr__lp_set_obj_coef(lp, 5, 1.0);
    *reached = 1; /* never: GLPK does not return from a fatal error */
    xbr__lp_free(lp);
    return XBR_OK;
}

/* Runs fn under the guard with stdout sent to a temporary file; *printed gets how many bytes
 * reached it. */
static xbr_status_t run_quietly(xbr_status_t (*fn)(void *), void *arg, xbr_diags_t *d,
                                long *printed)
{
    fflush(stdout);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    int saved = dup(STDOUT_FILENO);
    assert_true(saved >= 0);
    assert_true(dup2(fileno(tmp), STDOUT_FILENO) >= 0);
    xbr_status_t st = xbr__glp_run(fn, arg, d);
    fflush(stdout);
    assert_true(dup2(saved, STDOUT_FILENO) >= 0);
    close(saved);
    fseek(tmp, 0, SEEK_END);
    *printed = ftell(tmp);
    fclose(tmp);
    return st;
}

static void test_fatal_error_is_a_status(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    int reached = 0;
    long printed = -1;
    assert_int_equal(run_quietly(misuse, &reached, &d, &printed), XBR_EINTERNAL);
    assert_int_equal(reached, 0);
    assert_int_equal(printed, 0); /* GLPK's message went to the diagnostic, not the terminal */
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].severity, XBR_SEV_ERROR);
    assert_non_null(strstr(d.items[0].what, "GLPK stopped with a fatal error"));
    assert_non_null(strstr(d.items[0].what, "glp_set_obj_coef"));
    assert_null(strchr(d.items[0].what, '\n'));
    xbr_diags_destroy(&d);

    /* the environment was freed: a fresh one holds no memory block of the failed run */
    int count = -1;
    size_t total = 1;
    glp_mem_usage(&count, NULL, &total, NULL);
    assert_int_equal(count, 0);
    assert_int_equal(total, 0);
    glp_free_env();

    /* and GLPK works again, also without a place for diagnostics */
    reached = 0;
    assert_int_equal(xbr__glp_run(misuse, &reached, NULL), XBR_EINTERNAL);
    xbr_diags_init(&d);
    assert_int_equal(xbr__glp_run(small_lp, &d, &d), XBR_OK);
    assert_int_equal(d.count, 0);
    xbr_diags_destroy(&d);
}

/* What fn returns comes back unchanged, errors included, and the environment is freed. */
static xbr_status_t returns_eio(void *arg)
{
    (void)arg;
    xbr__lp_t *lp = xbr__lp_new("kept");
    (void)lp; /* left for the environment to free */
    return XBR_EIO;
}

static void test_status_of_fn_passes_through(void **state)
{
    (void)state;
    assert_int_equal(xbr__glp_run(returns_eio, NULL, NULL), XBR_EIO);
    int count = -1;
    glp_mem_usage(&count, NULL, NULL, NULL);
    assert_int_equal(count, 0);
    glp_free_env();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lp_by_hand),
        cmocka_unit_test(test_mip_by_hand),
        cmocka_unit_test(test_solver_failure_names_the_code),
        cmocka_unit_test(test_code_names),
        cmocka_unit_test(test_fatal_error_is_a_status),
        cmocka_unit_test(test_status_of_fn_passes_through),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
