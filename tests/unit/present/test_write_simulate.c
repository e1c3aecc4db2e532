/*
 * present/test_write_simulate.c - xbr_simulate_write() and xbr_simulate_histogram()
 * (src/lib/present/write_simulate.c): a simulation of a comparison as text, JSON and CSV, and
 * the histogram of one simulated route as SVG.
 *
 * The comparison is that of analysis_fixture.h's fixture (named "demo"), M3 without a promise:
 *   row 0, M (promise 5): express wins, then air, sea;  row 1, M2 (no promise): no route;
 *   row 2, M3 (no promise): sea wins as the cheapest.
 * The simulation of it is made by hand, with figures such as routes of variable days could
 * give, so that every column shows its precision; the writer takes them as given (it marks air
 * stocked, with a stock-out share, to show that column). Seed 2^64 - 1 = 18446744073709551615
 * (more than a double holds exactly: JSON writes it as a string).
 *
 *   row class   model (sd)  mean       sd      min   p50    p90    p95     max    on time stock-out
 *   0   express  3 (0.5)    3.0412345  0.5123  2.1   3.006  3.678  3.891   5.25   0.9931   NAN
 *   0   air      2 (0.25)   2.004      0.2468  1.5   1.98   2.333  2.4449  3.1    1        0.0512
 *   0   sea     30 (2)     30.12       1.987  25.5  30.01  32.6   33.3    36.75   0        NAN
 *   2   sea     30 (2)     29.96       2      24.8  29.9   32.5   33.25   37      NAN      NAN
 *
 * Text: days %7.2f (3.0412345 -> 3.04, 0.5123 -> 0.51, 3.006 -> 3.01, 2.4449 -> 2.44), shares
 * as %7.1f%% (0.9931 -> 99.3%, 0.0512 -> 5.1%), NAN as "-". CSV: %.6g (3.0412345 -> 3.04123),
 * NAN and no promise as empty fields.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "picture_fixture.h"
#include "route_fixture.h"
#include "writer_check.h"
#include "xbroute/compare.h"
#include "xbroute/simulate.h"

typedef struct {
    xbr_scenario_t *sc;
    xbr_compare_t *cmp;
    xbr_sim_t sim;
    xbr_sim_row_t rows[4];
} inputs_t;

static void hand_row(xbr_sim_row_t *r, size_t row, size_t klass, const char *name,
                     const double f[11])
{
    memset(r, 0, sizeof *r);
    r->row = row;
    r->klass = klass;
    strcpy(r->class_name, name);
    r->model_days = f[0];
    r->model_sd = f[1];
    r->stats = (xbr_sim_stats_t){.runs = 1000,
                                 .mean = f[2],
                                 .sd = f[3],
                                 .min = f[4],
                                 .p50 = f[5],
                                 .p90 = f[6],
                                 .p95 = f[7],
                                 .max = f[8],
                                 .on_time_share = f[9],
                                 .stockout_share = f[10]};
}

/* The comparison and the hand-made simulation above, in *state. */
static int setup(void **state)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->sc = afx_compare_scenario();
    x->sc->name = fx_strdup("demo");
    int m = xbr_network_find_node(x->sc->network, "M");
    int m3 = xbr_network_find_node(x->sc->network, "M3");
    x->sc->products[0].max_days[m3] = INFINITY;
    assert_int_equal(xbr_compare_run(x->sc, &x->cmp, NULL), XBR_OK);
    assert_int_equal(x->cmp->n_rows, 3);
    static const double express[] = {3,     0.5,   3.0412345, 0.5123, 2.1, 3.006,
                                     3.678, 3.891, 5.25,      0.9931, NAN};
    static const double air[] = {2, 0.25, 2.004, 0.2468, 1.5, 1.98, 2.333, 2.4449, 3.1, 1, 0.0512};
    static const double sea[] = {30, 2, 30.12, 1.987, 25.5, 30.01, 32.6, 33.3, 36.75, 0, NAN};
    static const double sea3[] = {30, 2, 29.96, 2, 24.8, 29.9, 32.5, 33.25, 37, NAN, NAN};
    hand_row(&x->rows[0], 0, 0, "express", express);
    hand_row(&x->rows[1], 0, 1, "air", air);
    hand_row(&x->rows[2], 0, 2, "sea", sea);
    hand_row(&x->rows[3], 2, 0, "sea", sea3);
    x->rows[0].winner = x->rows[3].winner = true;
    x->rows[1].stocked = true;
    for (size_t i = 0; i < 4; i++) {
        x->rows[i].product = 0;
        x->rows[i].market = i < 3 ? m : m3;
        x->rows[i].promise_days = i < 3 ? 5.0 : INFINITY;
    }
    x->sim = (xbr_sim_t){.runs = 1000, .seed = UINT64_MAX, .n_rows = 4, .rows = x->rows};
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    inputs_t *x = *state;
    xbr_compare_free(x->cmp);
    xbr_scenario_free(x->sc);
    free(x);
    return 0;
}

static xbr_status_t write_inputs(xbr_buf_t *b, const void *inputs, xbr_format_t format)
{
    const inputs_t *x = inputs;
    return xbr_simulate_write(b, x->sc, x->cmp, &x->sim, format);
}

/* The heading, a table per comparison row (class %-16s with " *" for the winner, six columns
 * of days %7.2f, on time %7.1f%%, stock-out %8.1f%%), "no route of any class" for M2, and the
 * note under it. */
static void test_text_table_per_pair(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "simulate: scenario demo, 3 product x market pairs, 1000 runs per route, "
                         "seed 18446744073709551615\n");
    wc_assert_has(&b, "\np -> M  (promise 5 days)\n"
                      "  class              model    mean      sd     P50     P90     P95  on time "
                      "stock-out\n"
                      "  express *           3.00    3.04    0.51    3.01    3.68    3.89    99.3%"
                      "         -\n"
                      "  air                 2.00    2.00    0.25    1.98    2.33    2.44   100.0%"
                      "      5.1%\n"
                      "  sea                30.00   30.12    1.99   30.01   32.60   33.30     0.0%"
                      "         -\n"
                      "\np -> M2  (no promise)\n  no route of any class\n"
                      "\np -> M3  (no promise)\n"
                      "  class              model    mean      sd     P50     P90     P95  on time "
                      "stock-out\n"
                      "  sea *              30.00   29.96    2.00   29.90   32.50   33.25        -"
                      "         -\n"
                      "\n* the winner under the promise (xbroute compare). Days are "
                      "consumer-facing");
    xbr_buf_destroy(&b);
}

/* The xbroute.simulate/1 document: a row per comparison row (M2 with no classes), a class per
 * simulated route; the seed as a string; NAN shares and the INFINITY promises null. */
static void test_json_rows_and_classes(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "schema"), "xbroute.simulate/1");
    assert_string_equal(wc_str(d, "scenario"), "demo");
    assert_int_equal((int)wc_num(d, "runs"), 1000);
    assert_string_equal(wc_str(d, "seed"), "18446744073709551615");
    assert_int_equal(wc_size(d, "rows"), 3);
    assert_string_equal(wc_str(d, "rows/0/product"), "p");
    assert_string_equal(wc_str(d, "rows/0/market"), "M");
    assert_close(wc_num(d, "rows/0/promise_days"), 5.0);
    assert_string_equal(wc_str(d, "rows/0/winner"), "express");
    assert_int_equal(wc_size(d, "rows/0/classes"), 3);
    static const char *const keys[] = {"model_days", "model_sd", "mean", "sd", "min",
                                       "p50",        "p90",      "p95",  "max"};
    static const double express[] = {3, 0.5, 3.0412345, 0.5123, 2.1, 3.006, 3.678, 3.891, 5.25};
    char path[64];
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        snprintf(path, sizeof path, "rows/0/classes/0/%s", keys[k]);
        assert_close(wc_num(d, path), express[k]);
    }
    assert_string_equal(wc_str(d, "rows/0/classes/0/class"), "express");
    assert_true(wc_bool(d, "rows/0/classes/0/winner"));
    assert_false(wc_bool(d, "rows/0/classes/0/stocked"));
    assert_close(wc_num(d, "rows/0/classes/0/on_time_share"), 0.9931);
    wc_assert_null(d, "rows/0/classes/0/stockout_share");
    assert_false(wc_bool(d, "rows/0/classes/1/winner"));
    assert_true(wc_bool(d, "rows/0/classes/1/stocked"));
    assert_close(wc_num(d, "rows/0/classes/1/on_time_share"), 1.0);
    assert_close(wc_num(d, "rows/0/classes/1/stockout_share"), 0.0512);
    assert_close(wc_num(d, "rows/0/classes/2/on_time_share"), 0.0);
    assert_string_equal(wc_str(d, "rows/1/market"), "M2");
    wc_assert_null(d, "rows/1/promise_days");
    wc_assert_null(d, "rows/1/winner");
    assert_int_equal(wc_size(d, "rows/1/classes"), 0);
    wc_assert_null(d, "rows/2/promise_days");
    assert_string_equal(wc_str(d, "rows/2/winner"), "sea");
    assert_int_equal(wc_size(d, "rows/2/classes"), 1);
    assert_close(wc_num(d, "rows/2/classes/0/p95"), 33.25);
    wc_assert_null(d, "rows/2/classes/0/on_time_share");
    wc_assert_null(d, "rows/2/classes/0/stockout_share");
    cJSON_Delete(d);
}

/* The header and a line per simulated route (none for M2), %.6g, flags as 1/0, empty fields
 * for no promise and NAN shares. */
static void test_csv_a_line_per_simulated_route(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_CSV);
    wc_csv_shape(&b,
                 "product,market,promise_days,class,winner,stocked,runs,model_days,mean,sd,min,"
                 "p50,p90,p95,max,on_time_share,stockout_share",
                 4);
    wc_assert_has(&b, "\np,M,5,express,1,0,1000,3,3.04123,0.5123,2.1,3.006,3.678,3.891,5.25,"
                      "0.9931,\n"
                      "p,M,5,air,0,1,1000,2,2.004,0.2468,1.5,1.98,2.333,2.4449,3.1,1,0.0512\n"
                      "p,M,5,sea,0,0,1000,30,30.12,1.987,25.5,30.01,32.6,33.3,36.75,0,\n"
                      "p,M3,,sea,1,0,1000,30,29.96,2,24.8,29.9,32.5,33.25,37,,\n");
    wc_assert_lacks(&b, "M2");
    xbr_buf_destroy(&b);
}

/* Text, JSON and CSV are the formats: any other is XBR_EINPUT and appends nothing. */
static void test_other_formats_refused(void **state)
{
    wc_check_refused(write_inputs, *state, ~0u, XBR_EINPUT);
}

static void test_failed_buffer_is_out_of_memory(void **state)
{
    wc_check_failed_buffer(write_inputs, *state,
                           WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON) |
                               WC_FORMAT(XBR_FORMAT_CSV));
}

/*
 * The histogram re-simulates one route of a real simulation of the comparison (50 runs, seed
 * 1): rows express, air, sea of M, then sea of M3. Its title names the pair, the class and the
 * runs ("->" escaped in SVG); a row past the last is XBR_EINPUT with one error and nothing
 * drawn.
 */
static void test_histogram_of_one_route(void **state)
{
    const inputs_t *x = *state;
    xbr_sim_t *sim = NULL;
    assert_int_equal(xbr_simulate_compare(x->sc, x->cmp, 50, 1, 1, &sim, NULL), XBR_OK);
    assert_int_equal(sim->n_rows, 4);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_simulate_histogram(&b, x->sc, x->cmp, sim, 3, NULL), XBR_OK);
    pf_check_svg(&b, "write_simulate_histogram.svg");
    wc_assert_has(&b, "p -&gt; M3, sea: delivery days (50 runs)");
    wc_assert_has(&b, "consumer-facing delivery days");
    wc_assert_has(&b, "share of runs (%)");
    xbr_buf_destroy(&b);

    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_buf_puts(&b, "kept");
    assert_int_equal(xbr_simulate_histogram(&b, x->sc, x->cmp, sim, 4, &d), XBR_EINPUT);
    assert_int_equal(d.n_errors, 1);
    assert_string_equal(b.data, "kept");
    assert_int_equal(xbr_simulate_histogram(&b, x->sc, x->cmp, sim, 4, NULL), XBR_EINPUT);
    assert_string_equal(b.data, "kept");
    xbr_diags_destroy(&d);
    xbr_buf_destroy(&b);
    xbr_simulate_free(sim);
}

#define CASE(test) cmocka_unit_test_setup_teardown(test, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        CASE(test_text_table_per_pair),
        CASE(test_json_rows_and_classes),
        CASE(test_csv_a_line_per_simulated_route),
        CASE(test_other_formats_refused),
        CASE(test_failed_buffer_is_out_of_memory),
        CASE(test_histogram_of_one_route),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
