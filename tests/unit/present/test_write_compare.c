/*
 * present/test_write_compare.c - xbr_compare_write() (src/lib/present/write_compare.c): a
 * comparison as text, JSON and CSV, with and without a simulation, against figures worked out
 * by hand from the comparison fixture of analysis_fixture.h (named "demo" here).
 *
 * The fixture: factory F (CN), markets M, M2, M3 (US), 10 units a week each, product p worth
 * 100; no fees or taxes, 0 km links (so 0 kg CO2e), every route one link of the "9610" regime.
 *   M,  promise 5: express 8 a unit in 3 days wins (the cheapest within 5 days); air 10 in 2 is
 *       too costly by 10 - 8 = +2.00 (+2 / 8 = +25%); sea 3 in 30 is too slow; post only
 *       through a closed link; the six other standard classes have no route.
 *   M2, no promise: no link reaches it (unserved).
 *   M3, promise 5: only sea, 30 days: too slow (late).
 * Factory shares 100 / (100 + cost): express 100 / 108 = 0.925926 (93%), air 100 / 110 =
 * 0.909091, sea 100 / 103 = 0.970874.
 *
 * Only chosen keys, lines and substrings are checked, so the output may grow (new keys, new
 * verdicts) without these tests changing.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "route_fixture.h"
#include "writer_check.h"
#include "xbroute/compare.h"
#include "xbroute/simulate.h"

typedef struct {
    xbr_scenario_t *sc;
    xbr_compare_t *cmp;
    const xbr_sim_t *sim; /* what is written: NULL, or &hand */
    xbr_sim_t hand;       /* the simulation made by hand below (with M3 without a promise) */
    xbr_sim_row_t rows[4];
} inputs_t;

/*
 * A simulation as one of routes with variable days could come out, made by hand for figures
 * with decimals, of the comparison built with M3 without a promise: rows 0 (M) classes 0
 * express, 1 air, 2 sea; row 2 (M3) class 0 sea, whose on-time share is NAN (no promise).
 * Text: P90 %7.1f, on time %7.1f%%: 3.64 -> "3.6", 87.5%; 2.46 -> "2.5", 0.9999 -> 99.99 ->
 * "100.0"%; 33.17 -> "33.2", 0.0%; 32.04 -> "32.0", NAN -> "-".
 */
static void hand_sim(inputs_t *x)
{
    static const struct {
        size_t row, klass;
        const char *name;
        double mean, p50, p90, p95, on_time;
    } r[] = {{0, 0, "express", 3.1, 3.05, 3.64, 3.9, 0.875},
             {0, 1, "air", 2.2, 2.1, 2.46, 2.7, 0.9999},
             {0, 2, "sea", 31.0, 30.8, 33.17, 34.0, 0.0},
             {2, 0, "sea", 30.5, 30.2, 32.04, 33.0, NAN}};
    for (size_t i = 0; i < 4; i++) {
        xbr_sim_row_t *s = &x->rows[i];
        memset(s, 0, sizeof *s);
        s->row = r[i].row;
        s->klass = r[i].klass;
        strcpy(s->class_name, r[i].name);
        s->stats.runs = 1000;
        s->stats.mean = r[i].mean;
        s->stats.p50 = r[i].p50;
        s->stats.p90 = r[i].p90;
        s->stats.p95 = r[i].p95;
        s->stats.on_time_share = r[i].on_time;
        s->stats.stockout_share = NAN;
    }
    x->hand = (xbr_sim_t){.runs = 1000, .seed = 7, .n_rows = 4, .rows = x->rows};
}

/* The fixture named "demo", compared, in *state; with `m3_promise` false M3 has no promise
 * (then sea, the only class reaching it, wins there as the cheapest: "cheapest (no promise)")
 * and the simulation made by hand is written with it. */
static int setup(void **state, bool m3_promise)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->sc = afx_compare_scenario();
    x->sc->name = fx_strdup("demo");
    if (!m3_promise) {
        x->sc->products[0].max_days[xbr_network_find_node(x->sc->network, "M3")] = INFINITY;
        hand_sim(x);
        x->sim = &x->hand;
    }
    assert_int_equal(xbr_compare_run(x->sc, &x->cmp, NULL), XBR_OK);
    *state = x;
    return 0;
}

static int setup_fixture(void **state)
{
    return setup(state, true);
}

static int setup_m3_open(void **state)
{
    return setup(state, false);
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
    return xbr_compare_write(b, x->sc, x->cmp, x->sim, format);
}

/* The heading, a table per row with a line per class (%-16s class, %6s regime, %10.2f cost,
 * %7.1f days, %8.3f CO2e, the verdict, why), the winning route or its absence, and the
 * summary (cost %10.2f, days %7.1f, factory share %13.0f%%). */
static void test_text_tables_and_summary(void **state)
{
    inputs_t *x = *state;
    free(x->sc->network->currency);
    x->sc->network->currency = fx_strdup("EUR");
    xbr_buf_t b;
    wc_render(&b, write_inputs, x, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "compare: scenario demo, 3 product x market pairs, costs per unit in "
                         "EUR\n");
    /* the verdict column's width is left open: a longer verdict may widen it */
    wc_assert_has(&b, "\np -> M  (10 units/week, promise 5 days)\n"
                      "  class            regime  cost/unit    days  CO2e kg  verdict");
    wc_assert_line(&b, "  class            regime  cost/unit    days  CO2e kg  verdict", " why");
    wc_assert_line(&b, "  express            9610       8.00     3.0    0.000  WINNER ",
                   " cheapest within the promise");
    wc_assert_line(&b, "  air                9610      10.00     2.0    0.000  too costly ",
                   " +2.00 per unit (+25%) against express");
    wc_assert_line(&b, "  sea                9610       3.00    30.0    0.000  too slow ",
                   " fastest 30.0 days > promise 5");
    wc_assert_line(&b, "  post                  -          -       -        -  closed ",
                   " its routes use closed links or nodes");
    wc_assert_has(&b, "\n  winning route: F >express> M\n");
    wc_assert_has(&b, "\np -> M2  (10 units/week, no promise)\n");
    wc_assert_line(&b, "  rail                  -          -       -        -  no route ",
                   " the network has no route of this class");
    wc_assert_has(&b, "\np -> M3  (10 units/week, promise 5 days)\n");
    /* no winner at M2 nor M3 */
    const char *no_winner = "  no route meets the promise\n";
    const char *first = strstr(b.data, no_winner);
    assert_non_null(first);
    assert_non_null(strstr(first + 1, no_winner));
    wc_assert_has(&b, "\nsummary\n"
                      "  product        market         winner            cost/unit    days  "
                      "factory share\n"
                      "  p              M              express                8.00     3.0     "
                      "       93%\n"
                      "  p              M2             (none in time)            -       -     "
                      "         -\n");
    wc_assert_has(&b, "\n1 pairs have no route within the promise; 1 have no route at all\n");
    /* without a simulation, no simulation columns */
    wc_assert_lacks(&b, "P90");
    xbr_buf_destroy(&b);
}

/* With a simulation: P90 and on-time columns after CO2e; "-" for a class with no simulated
 * route (post) and for an on-time share without a promise (M3). */
static void test_text_simulation_columns(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "compare: scenario demo, 3 product x market pairs, costs per unit in "
                         "USD\n");
    wc_assert_line(
        &b, "  class            regime  cost/unit    days  CO2e kg      P90  on time  verdict",
        " why");
    wc_assert_line(
        &b, "  express            9610       8.00     3.0    0.000      3.6    87.5%  WINNER ",
        " cheapest within the promise");
    wc_assert_line(
        &b, "  air                9610      10.00     2.0    0.000      2.5   100.0%  too costly ",
        " +2.00 per unit (+25%) against express");
    wc_assert_line(
        &b, "  sea                9610       3.00    30.0    0.000     33.2     0.0%  too slow ",
        " fastest 30.0 days > promise 5");
    wc_assert_line(
        &b, "  post                  -          -       -        -        -        -  closed ",
        " its routes use closed links or nodes");
    wc_assert_has(&b, "\np -> M3  (10 units/week, no promise)\n");
    wc_assert_line(
        &b, "  sea                9610       3.00    30.0    0.000     32.0        -  WINNER ",
        " cheapest (no promise)");
    wc_assert_line(
        &b, "  air                   -          -       -        -        -        -  no route ",
        " the network has no route of this class");
    wc_assert_has(&b, "\n  winning route: F >sea> M3\n");
    /* M3 is served now: sea 3.00 in 30.0 days, 100 / 103 = 97% */
    wc_assert_has(&b, "\n  p              M3             sea                    3.00    30.0     "
                      "       97%\n");
    wc_assert_has(&b, "\n0 pairs have no route within the promise; 1 have no route at all\n");
    xbr_buf_destroy(&b);
}

/* The xbroute.compare/1 document without a simulation: no "simulation" key anywhere. */
static void test_json_rows_classes_and_summary(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "schema"), "xbroute.compare/1");
    assert_string_equal(wc_str(d, "scenario"), "demo");
    assert_string_equal(wc_str(d, "currency"), "USD");
    assert_int_equal(wc_size(d, "rows"), 3);
    assert_string_equal(wc_str(d, "rows/0/product"), "p");
    assert_string_equal(wc_str(d, "rows/0/market"), "M");
    assert_close(wc_num(d, "rows/0/demand_per_week"), 10.0);
    assert_close(wc_num(d, "rows/0/promise_days"), 5.0);
    assert_string_equal(wc_str(d, "rows/0/winner"), "express");
    assert_string_equal(wc_str(d, "rows/0/classes/0/class"), "express");
    assert_string_equal(wc_str(d, "rows/0/classes/0/verdict"), "winner");
    assert_string_equal(wc_str(d, "rows/0/classes/0/why"), "cheapest within the promise");
    assert_string_equal(wc_str(d, "rows/0/classes/0/route/class"), "express");
    assert_string_equal(wc_str(d, "rows/0/classes/0/route/regime"), "9610");
    assert_close(wc_num(d, "rows/0/classes/0/route/cost/total"), 8.0);
    assert_close(wc_num(d, "rows/0/classes/0/route/cost/transport"), 8.0);
    assert_close(wc_num(d, "rows/0/classes/0/route/days"), 3.0);
    /* written with 10 significant digits: 100 / 108 to within 5e-11 */
    assert_near(wc_num(d, "rows/0/classes/0/route/factory_share"), 100.0 / 108.0, 1e-10);
    assert_true(wc_bool(d, "rows/0/classes/0/route/meets_promise"));
    assert_false(wc_has(d, "rows/0/classes/0/simulation"));
    assert_string_equal(wc_str(d, "rows/0/classes/1/verdict"), "too costly");
    assert_string_equal(wc_str(d, "rows/0/classes/1/why"), "+2.00 per unit (+25%) against express");
    assert_string_equal(wc_str(d, "rows/0/classes/2/verdict"), "too slow");
    assert_false(wc_bool(d, "rows/0/classes/2/route/meets_promise")); /* 30 > 5 */
    assert_string_equal(wc_str(d, "rows/0/classes/3/class"), "post");
    assert_string_equal(wc_str(d, "rows/0/classes/3/verdict"), "closed");
    wc_assert_null(d, "rows/0/classes/3/route");
    /* M2: no promise (INFINITY) and no winner are null */
    assert_string_equal(wc_str(d, "rows/1/market"), "M2");
    wc_assert_null(d, "rows/1/promise_days");
    wc_assert_null(d, "rows/1/winner");
    assert_string_equal(wc_str(d, "rows/1/classes/0/verdict"), "no route");
    wc_assert_null(d, "rows/1/classes/0/route");
    assert_string_equal(wc_str(d, "rows/2/market"), "M3");
    wc_assert_null(d, "rows/2/winner");
    assert_string_equal(wc_str(d, "rows/2/classes/0/class"), "sea");
    assert_string_equal(wc_str(d, "rows/2/classes/0/why"), "fastest 30.0 days > promise 5");
    assert_int_equal((int)wc_num(d, "summary/pairs"), 3);
    assert_int_equal((int)wc_num(d, "summary/late"), 1);
    assert_int_equal((int)wc_num(d, "summary/unserved"), 1);
    assert_int_equal(wc_size(d, "summary/winners"), 1);
    assert_int_equal((int)wc_num(d, "summary/winners/express"), 1);
    cJSON_Delete(d);
}

/* With a simulation: each class's "simulation" object, null for a class with no simulated
 * route; the NAN on-time share and the INFINITY promise of M3 are null. */
static void test_json_simulation_and_null_for_nan(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_int_equal((int)wc_num(d, "rows/0/classes/0/simulation/runs"), 1000);
    assert_close(wc_num(d, "rows/0/classes/0/simulation/mean"), 3.1);
    assert_close(wc_num(d, "rows/0/classes/0/simulation/p50"), 3.05);
    assert_close(wc_num(d, "rows/0/classes/0/simulation/p90"), 3.64);
    assert_close(wc_num(d, "rows/0/classes/0/simulation/p95"), 3.9);
    assert_close(wc_num(d, "rows/0/classes/0/simulation/on_time_share"), 0.875);
    assert_close(wc_num(d, "rows/0/classes/1/simulation/on_time_share"), 0.9999);
    assert_close(wc_num(d, "rows/0/classes/2/simulation/on_time_share"), 0.0);
    wc_assert_null(d, "rows/0/classes/3/simulation"); /* post: no route, no simulation */
    wc_assert_null(d, "rows/1/classes/0/simulation");
    wc_assert_null(d, "rows/2/promise_days");
    assert_string_equal(wc_str(d, "rows/2/winner"), "sea");
    assert_string_equal(wc_str(d, "rows/2/classes/0/why"), "cheapest (no promise)");
    assert_close(wc_num(d, "rows/2/classes/0/simulation/p90"), 32.04);
    wc_assert_null(d, "rows/2/classes/0/simulation/on_time_share");
    wc_assert_null(d, "rows/2/classes/0/route/promise_days");
    wc_assert_null(d, "rows/2/classes/0/route/meets_promise");
    /* winners by class: express at M, sea at M3 */
    assert_int_equal(wc_size(d, "summary/winners"), 2);
    assert_int_equal((int)wc_num(d, "summary/winners/express"), 1);
    assert_int_equal((int)wc_num(d, "summary/winners/sea"), 1);
    assert_int_equal((int)wc_num(d, "summary/late"), 0);
    cJSON_Delete(d);
}

/* The header, a line per class of every row (3 rows x 10 standard classes here), numbers %.6g,
 * empty fields for no promise and no route, the reason quoted. */
static void test_csv_a_line_per_class(void **state)
{
    const inputs_t *x = *state;
    size_t classes = 0;
    for (size_t i = 0; i < x->cmp->n_rows; i++)
        classes += x->cmp->rows[i].n_classes;
    assert_int_equal(x->cmp->rows[0].n_classes, 10);
    xbr_buf_t b;
    wc_render(&b, write_inputs, x, XBR_FORMAT_CSV);
    wc_csv_shape(&b,
                 "product,market,demand_per_week,promise_days,class,regime,verdict,cost_total,"
                 "days,lead_time_days,co2e_kg,factory_share,why",
                 classes);
    wc_assert_has(&b, "\np,M,10,5,express,9610,winner,8,3,0,0,0.925926,"
                      "\"cheapest within the promise\"\n");
    wc_assert_has(&b, "\np,M,10,5,air,9610,too costly,10,2,0,0,0.909091,"
                      "\"+2.00 per unit (+25%) against express\"\n");
    wc_assert_has(&b, "\np,M,10,5,sea,9610,too slow,3,30,0,0,0.970874,"
                      "\"fastest 30.0 days > promise 5\"\n");
    wc_assert_has(&b, "\np,M,10,5,post,,closed,,,,,,\"its routes use closed links or nodes\"\n");
    wc_assert_has(&b,
                  "\np,M2,10,,rail,,no route,,,,,,\"the network has no route of this class\"\n");
    wc_assert_has(&b, "\np,M3,10,5,sea,9610,too slow,3,30,0,0,0.970874,"
                      "\"fastest 30.0 days > promise 5\"\n");
    xbr_buf_destroy(&b);
}

/* The simulation is not part of the CSV: the same bytes with it and without it. */
static void test_csv_leaves_out_the_simulation(void **state)
{
    inputs_t *x = *state;
    xbr_buf_t with_sim, without;
    wc_render(&with_sim, write_inputs, x, XBR_FORMAT_CSV);
    x->sim = NULL;
    wc_render(&without, write_inputs, x, XBR_FORMAT_CSV);
    assert_string_equal(with_sim.data, without.data);
    wc_assert_has(&without, "\np,M3,10,,sea,9610,winner,3,30,0,0,0.970874,"
                            "\"cheapest (no promise)\"\n");
    xbr_buf_destroy(&with_sim);
    xbr_buf_destroy(&without);
}

/*
 * Figures with more digits than shown: express at 8.1234567 a unit (link L1). Text %10.2f
 * 8.12; air is dearer by 10 - 8.1234567 = 1.8765433 -> "+1.88", 1.8765433 / 8.1234567 =
 * 23.1% -> "+23%"; factory share 100 / 108.1234567 = 0.9248694 -> "92%" in text, %.6g
 * 0.924869 in CSV, where the cost is 8.12346; JSON keeps 10 significant digits: 8.1234567.
 */
static void test_figures_at_their_precision(void **state)
{
    inputs_t *x = *state;
    xbr_compare_free(x->cmp);
    x->cmp = NULL;
    x->sc->network->links[1].cost.per_unit = 8.1234567;
    assert_int_equal(xbr_compare_run(x->sc, &x->cmp, NULL), XBR_OK);
    xbr_buf_t b;
    wc_render(&b, write_inputs, x, XBR_FORMAT_TEXT);
    wc_assert_line(&b, "  express            9610       8.12     3.0    0.000  WINNER ",
                   " cheapest within the promise");
    wc_assert_line(&b, "  air                9610      10.00     2.0    0.000  too costly ",
                   " +1.88 per unit (+23%) against express");
    wc_assert_has(&b, "\n  p              M              express                8.12     3.0     "
                      "       92%\n");
    xbr_buf_destroy(&b);
    wc_render(&b, write_inputs, x, XBR_FORMAT_CSV);
    wc_assert_has(&b, "\np,M,10,5,express,9610,winner,8.12346,3,0,0,0.924869,"
                      "\"cheapest within the promise\"\n");
    xbr_buf_destroy(&b);
    cJSON *d = wc_render_json(write_inputs, x);
    assert_close(wc_num(d, "rows/0/classes/0/route/cost/total"), 8.1234567);
    cJSON_Delete(d);
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

/* A test on the fixture as it is; one on M3 without a promise, with the simulation. */
#define PLAIN(test) cmocka_unit_test_setup_teardown(test, setup_fixture, teardown)
#define WITH_SIM(test)                                                                             \
    {                                                                                              \
#test " (M3 open, simulated)", test, setup_m3_open, teardown, NULL                         \
    }

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAIN(test_text_tables_and_summary),
        WITH_SIM(test_text_simulation_columns),
        PLAIN(test_json_rows_classes_and_summary),
        WITH_SIM(test_json_simulation_and_null_for_nan),
        PLAIN(test_csv_a_line_per_class),
        WITH_SIM(test_csv_leaves_out_the_simulation),
        PLAIN(test_figures_at_their_precision),
        PLAIN(test_other_formats_refused),
        WITH_SIM(test_other_formats_refused),
        PLAIN(test_failed_buffer_is_out_of_memory),
        WITH_SIM(test_failed_buffer_is_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
