/*
 * present/test_write_chain.c - xbr_chain_write(), xbr_chain_waterfall() and xbr_chain_svg()
 * (src/lib/present/write_chain.c): the three ways from the factory to the consumer as text,
 * JSON and stacked SVG waterfalls, on the chain fixture of analysis_fixture.h (named "demo").
 *
 * No fees, taxes, handling or holding cost: a step adds its link's per-unit charge and the
 * markup of the node it reaches, on a price compounding from the factory's 100 (worked out in
 * tests/unit/analysis/test_chain.c). Links L0 F>E, L1 E>I, L2 I>W, L3 W>R, L4 R>M, L5 E>R,
 * L6 F>R2, L7 R2>M, L8 F>M.
 *
 *   traditional (regime 0110) F -truck-> E -sea-> I -truck-> W -truck-> R -last_mile-> M
 *     step  days (leg/total)  price                 landed  added
 *     0 F   0 / 0             100                   0       factory gate
 *     1 E   1 / 1             x1.10 = 110           11      transport 1, markup 10
 *     2 I  20 / 21            x1.20 = 132           37      transport 4, markup 22
 *     3 W   1 / 22            x1.25 = 165           71      transport 1, markup 33
 *     4 R   1 / 23            x1.50 = 247.50        154.50  transport 1, markup 82.50
 *     5 M   1 / 24            247.50                155     transport 0.50
 *     consumer pays 100 + 155 = 255 after 24 days; factory share 100 / 255 = 39%
 *   b2b2c (9710) F -air-> R2 (3 days, 5 + markup 30% of 100 = 35) -last_mile-> M (1 day,
 *     0.50): 35.50, consumer price 135.50 after 4 days, share 100 / 135.5 = 74%
 *   direct (9610) F -express-> M: 12 in 4 days, 112, share 100 / 112 = 89%
 * Text: days %6.1f and %7.1f, money %8.2f, components above half a cent as "%s %.2f".
 * No promise at M: the routes' promise_days and meets_promise are null in JSON.
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
#include "xbroute/chain.h"

typedef struct {
    xbr_scenario_t *sc;
    xbr_chain_t *ch;
} inputs_t;

static int node(const xbr_scenario_t *sc, const char *id)
{
    int i = xbr_network_find_node(sc->network, id);
    assert_true(i >= 0);
    return i;
}

/* The fixture named "demo", the chain of p into M, in *state; with `no_exporter` E is closed
 * (no traditional way is left) and the factory charges 0.25 a unit of handling at its gate. */
static int setup(void **state, bool no_exporter)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    x->sc = afx_chain_scenario();
    x->sc->name = fx_strdup("demo");
    if (no_exporter) {
        x->sc->network->nodes[node(x->sc, "E")].closed = true;
        x->sc->network->nodes[node(x->sc, "F")].handling.cost_per_unit = 0.25;
    }
    assert_int_equal(xbr_chain_run(x->sc, 0, node(x->sc, "M"), &x->ch, NULL), XBR_OK);
    assert_int_equal(x->ch->n_found, no_exporter ? 2 : 3);
    *state = x;
    return 0;
}

static int setup_fixture(void **state)
{
    return setup(state, false);
}

static int setup_no_exporter(void **state)
{
    return setup(state, true);
}

static int teardown(void **state)
{
    inputs_t *x = *state;
    xbr_chain_free(x->ch);
    xbr_scenario_free(x->sc);
    free(x);
    return 0;
}

static xbr_status_t write_inputs(xbr_buf_t *b, const void *inputs, xbr_format_t format)
{
    const inputs_t *x = inputs;
    return xbr_chain_write(b, x->sc, x->ch, format);
}

/* The heading and the traditional way step by step (%-4zu step, %-18s node, %-10s mode,
 * %6.1f leg days, %7.1f days, %8.2f price, %8.2f landed, what the step added). */
static void test_text_traditional_step_by_step(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_starts(
        &b, "chain: p into M, factory price 100.00 USD per unit\n"
            "\n1. traditional chain: factory -> exporter -> importer -> wholesaler -> retailer -> "
            "consumer\n"
            "   class traditional, regime 0110\n"
            "   step node               by           days days so far price so far landed cost so "
            "far  added at "
            "this step\n"
            "   0    F                  -             0.0         0.0       100.00               "
            "0.00  factory gate\n"
            "   1    E                  truck         1.0         1.0       110.00              "
            "11.00  transport "
            "1.00, markup 10.00\n"
            "   2    I                  sea          20.0        21.0       132.00              "
            "37.00  transport "
            "4.00, markup 22.00\n"
            "   3    W                  truck         1.0        22.0       165.00              "
            "71.00  transport "
            "1.00, markup 33.00\n"
            "   4    R                  truck         1.0        23.0       247.50             "
            "154.50  transport "
            "1.00, markup 82.50\n"
            "   5    M                  last_mile     1.0        24.0       247.50             "
            "155.00  transport "
            "0.50\n"
            "   consumer pays 255.00 USD after 24.0 days; the factory gets 39% of it\n");
    xbr_buf_destroy(&b);
}

/* The two shortcuts, then the three ways side by side (%14zu links, %14.1f days, %14.2f
 * money, %13.0f%% share). */
static void test_text_shortcuts_side_by_side(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_has(&b, "\n2. B2B2C: factory -> foreign retailer -> consumer\n"
                      "   class b2b2c, regime 9710\n");
    wc_assert_has(
        &b,
        "\n   1    R2                 air           3.0         3.0       130.00              "
        "35.00  "
        "transport 5.00, markup 30.00\n"
        "   2    M                  last_mile     1.0         4.0       130.00              35.50  "
        "transport 0.50\n"
        "   consumer pays 135.50 USD after 4.0 days; the factory gets 74% of it\n");
    wc_assert_has(&b, "\n3. B2C: factory -> consumer\n   class express, regime 9610\n");
    wc_assert_has(&b, "\n   1    M                  express       4.0         4.0       100.00     "
                      "         12.00  "
                      "transport 12.00\n"
                      "   consumer pays 112.00 USD after 4.0 days; the factory gets 89% of it\n");
    const char *side = strstr(b.data, "\nside by side\n");
    assert_non_null(side);
    /* the side-by-side table, then who keeps what (test_chain.c checks that) */
    const char *want = "\nside by side\n"
                       "                             traditional          b2b2c         "
                       "direct\n"
                       "   links                               5              2          "
                       "    1\n"
                       "   days to the consumer             24.0            4.0          "
                       "  4.0\n"
                       "   intermediary markups           147.50          30.00          "
                       " 0.00\n"
                       "   consumer price                 255.00         135.50         "
                       "112.00\n"
                       "   factory share                     39%            74%          "
                       "  89%\n\nwho keeps what of a consumer price of 255.00 USD";
    assert_int_equal(strncmp(side, want, strlen(want)), 0);
    xbr_buf_destroy(&b);
}

/* E closed: no traditional way ("-" in its column); the factory gate's handling 0.25 shows on
 * step 0 and is in every landed cost after it: b2b2c 0.25 + 35 = 35.25, then 35.75, consumer
 * price 135.75, share 100 / 135.75 = 74%. */
static void test_text_missing_way_and_gate_handling(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_has(&b, "\n1. traditional chain: factory -> exporter -> importer -> wholesaler -> "
                      "retailer -> consumer\n   no such route in the network\n\n2. B2B2C");
    wc_assert_has(
        &b,
        "\n   class b2b2c, regime 9710\n"
        "   step node               by           days days so far price so far landed cost so far  "
        "added at this step\n"
        "   0    F                  -             0.0         0.0       100.00               0.25  "
        "factory gate (handling 0.25)\n"
        "   1    R2                 air           3.0         3.0       130.00              35.25  "
        "transport 5.00, markup 30.00\n"
        "   2    M                  last_mile     1.0         4.0       130.00              35.75  "
        "transport 0.50\n"
        "   consumer pays 135.75 USD after 4.0 days; the factory gets 74% of it\n");
    wc_assert_has(&b, "\n   links                               -              2              "
                      "1\n");
    wc_assert_has(&b, "\n   factory share                       -            74%            "
                      "89%\n");
    xbr_buf_destroy(&b);
}

/* True when s is one of the documented phases. */
static bool is_phase(const char *s)
{
    static const char *const phases[] = {"parcel", "bulk", "retailed", "stocked"};
    for (size_t i = 0; i < 4; i++)
        if (strcmp(s, phases[i]) == 0)
            return true;
    return false;
}

/* The xbroute.chain/1 document: the three ways with their routes and steps. */
static void test_json_three_ways(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "schema"), "xbroute.chain/1");
    assert_string_equal(wc_str(d, "scenario"), "demo");
    assert_string_equal(wc_str(d, "product"), "p");
    assert_string_equal(wc_str(d, "market"), "M");
    assert_string_equal(wc_str(d, "currency"), "USD");
    assert_close(wc_num(d, "unit_value"), 100.0);
    assert_int_equal(wc_size(d, "chains"), 3);
    static const char *const kinds[] = {"traditional", "b2b2c", "direct"};
    static const char *const classes[] = {"traditional", "b2b2c", "express"};
    static const double total[] = {155.0, 35.5, 12.0};
    static const int steps[] = {6, 3, 2};
    char path[64];
    for (int k = 0; k < 3; k++) {
        snprintf(path, sizeof path, "chains/%d/kind", k);
        assert_string_equal(wc_str(d, path), kinds[k]);
        snprintf(path, sizeof path, "chains/%d/found", k);
        assert_true(wc_bool(d, path));
        snprintf(path, sizeof path, "chains/%d/route/class", k);
        assert_string_equal(wc_str(d, path), classes[k]);
        snprintf(path, sizeof path, "chains/%d/route/cost/total", k);
        assert_close(wc_num(d, path), total[k]);
        snprintf(path, sizeof path, "chains/%d/route/consumer_price", k);
        assert_close(wc_num(d, path), 100.0 + total[k]);
        snprintf(path, sizeof path, "chains/%d/route/promise_days", k);
        wc_assert_null(d, path); /* no promise: INFINITY */
        snprintf(path, sizeof path, "chains/%d/route/meets_promise", k);
        wc_assert_null(d, path);
        snprintf(path, sizeof path, "chains/%d/steps", k);
        assert_int_equal(wc_size(d, path), steps[k]);
        for (int i = 0; i < steps[k]; i++) {
            snprintf(path, sizeof path, "chains/%d/steps/%d/phase", k, i);
            assert_true(is_phase(wc_str(d, path)));
        }
    }
    assert_string_equal(wc_str(d, "chains/0/route/regime"), "0110");
    assert_int_equal(wc_size(d, "chains/0/route/nodes"), 6);
    assert_close(wc_num(d, "chains/0/route/cost/markup"), 147.5);
    /* 10 significant digits: 100 / 255 to within 5e-11 */
    assert_near(wc_num(d, "chains/0/route/factory_share"), 100.0 / 255.0, 1e-10);
    /* the factory gate: no link, no mode, nothing landed yet */
    assert_string_equal(wc_str(d, "chains/0/steps/0/node"), "F");
    wc_assert_null(d, "chains/0/steps/0/link");
    wc_assert_null(d, "chains/0/steps/0/mode");
    assert_close(wc_num(d, "chains/0/steps/0/days"), 0.0);
    assert_close(wc_num(d, "chains/0/steps/0/price"), 100.0);
    assert_close(wc_num(d, "chains/0/steps/0/landed_cost/total"), 0.0);
    /* the importer: by L1, sea, 21 days in, price 132, landed 37: transport 1 + 4 = 5,
     * markup 10 + 22 = 32 */
    assert_string_equal(wc_str(d, "chains/0/steps/2/node"), "I");
    assert_string_equal(wc_str(d, "chains/0/steps/2/link"), "L1");
    assert_string_equal(wc_str(d, "chains/0/steps/2/mode"), "sea");
    assert_close(wc_num(d, "chains/0/steps/2/days"), 21.0);
    assert_close(wc_num(d, "chains/0/steps/2/price"), 132.0);
    assert_close(wc_num(d, "chains/0/steps/2/landed_cost/total"), 37.0);
    assert_close(wc_num(d, "chains/0/steps/2/landed_cost/transport"), 5.0);
    assert_close(wc_num(d, "chains/0/steps/2/landed_cost/markup"), 32.0);
    assert_close(wc_num(d, "chains/0/steps/5/landed_cost/total"), 155.0);
    assert_string_equal(wc_str(d, "chains/1/steps/1/link"), "L6");
    assert_close(wc_num(d, "chains/1/steps/1/price"), 130.0);
    assert_string_equal(wc_str(d, "chains/2/steps/1/mode"), "express");
    assert_close(wc_num(d, "chains/2/steps/1/days"), 4.0);
    cJSON_Delete(d);
}

/* A way not found has "found": false and neither route nor steps. */
static void test_json_missing_way(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_int_equal(wc_size(d, "chains"), 3);
    assert_string_equal(wc_str(d, "chains/0/kind"), "traditional");
    assert_false(wc_bool(d, "chains/0/found"));
    assert_false(wc_has(d, "chains/0/route"));
    assert_false(wc_has(d, "chains/0/steps"));
    assert_true(wc_bool(d, "chains/1/found"));
    assert_close(wc_num(d, "chains/1/steps/0/landed_cost/total"), 0.25);
    assert_close(wc_num(d, "chains/1/route/cost/total"), 35.75);
    cJSON_Delete(d);
}

/* One way's waterfall: from the factory price through a bar per link ("<mode> to <node>") to
 * the consumer price. */
static void test_waterfall_of_one_way(void **state)
{
    const inputs_t *x = *state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_waterfall(&b, x->sc, x->ch, XBR_CHAIN_TRADITIONAL, "t", NULL),
                     XBR_OK);
    pf_check_svg(&b, "write_chain_waterfall.svg");
    static const char *const labels[] = {"factory price", "truck to E", "sea to I",
                                         "truck to W",    "truck to R", "last_mile to M",
                                         "consumer price"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        wc_assert_has(&b, labels[i]);
    xbr_buf_destroy(&b);
}

/* A way not found (E closed: traditional) or out of range is XBR_EINPUT with one error each,
 * and nothing is drawn. */
static void test_waterfall_of_a_way_not_found(void **state)
{
    const inputs_t *x = *state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_buf_puts(&b, "kept");
    assert_int_equal(xbr_chain_waterfall(&b, x->sc, x->ch, XBR_CHAIN_TRADITIONAL, "t", &d),
                     XBR_EINPUT);
    assert_int_equal(xbr_chain_waterfall(&b, x->sc, x->ch, XBR_CHAIN_KIND_COUNT, "t", &d),
                     XBR_EINPUT);
    assert_int_equal(d.n_errors, 2);
    assert_string_equal(b.data, "kept");
    xbr_diags_destroy(&d);
    xbr_buf_destroy(&b);
}

/* The first and last tick of the value axis in the chart text [at, end): their x and the last
 * tick's label (the ticks are the 12 px middle-anchored texts). */
static void axis_ends(const char *at, const char *end, double *x0, double *x1, char *last)
{
    const char *key = "text-anchor=\"middle\" font-size=\"12\">";
    *x0 = *x1 = -1;
    for (const char *p = at; (p = strstr(p, key)) != NULL && p < end; p++) {
        const char *t = p;
        while (t > at && strncmp(t, "<text x=\"", 9) != 0)
            t--;
        double x = -1;
        assert_int_equal(sscanf(t, "<text x=\"%lf\"", &x), 1);
        if (*x0 < 0)
            *x0 = x;
        *x1 = x;
        assert_int_equal(sscanf(p + strlen(key), "%15[^<]", last), 1);
    }
}

/*
 * The charts stacked (E closed: b2b2c, then direct): first who keeps what as stacked bars,
 * then each way's waterfall, each nested whole: chart i sits at y_i, y_0 = 0,
 * y_(i+1) = y_i + h_i + 20, and the document is y_last + h_last + 20 high. The waterfalls share
 * one scale: the same first and last tick at the same x.
 */
static void test_svg_stacks_the_found_ways(void **state)
{
    const inputs_t *x = *state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_svg(&b, x->sc, x->ch, NULL), XBR_OK);
    pf_check_svg(&b, "write_chain_stack.svg");
    static const char *const titles[] = {"who keeps what of a consumer price of ",
                                         "b2b2c: p into M", "direct: p into M"};
    double y = 0, ax0[3] = {0}, ax1[3] = {0};
    char last[3][16];
    const char *at = b.data;
    for (size_t i = 0; i < 3; i++) {
        at = strstr(at, "<g transform=\"translate(0,");
        assert_non_null(at);
        double ty = -1, nh = -1;
        assert_int_equal(sscanf(at,
                                "<g transform=\"translate(0,%lf)\"><svg x=\"0\" y=\"0\" "
                                "width=\"900\" height=\"%lf\"",
                                &ty, &nh),
                         2);
        assert_close(ty, y);
        const char *end = strstr(at, "</svg></g>");
        assert_non_null(end);
        const char *title = strstr(at, titles[i]);
        assert_true(title != NULL && title < end);
        axis_ends(at, end, &ax0[i], &ax1[i], last[i]);
        y += nh + 20;
        at++;
    }
    assert_null(strstr(at, "<g transform=")); /* no fourth chart */
    assert_close(ax0[1], ax0[2]);
    assert_close(ax1[1], ax1[2]);
    assert_string_equal(last[1], last[2]);
    double width = 0, height = 0;
    assert_int_equal(sscanf(b.data,
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%lf\" "
                            "height=\"%lf\"",
                            &width, &height),
                     2);
    assert_close(width, 900.0);
    assert_close(height, y);
    xbr_buf_destroy(&b);
}

/* Text and JSON only: CSV and the out-of-range formats are XBR_EINPUT and append nothing. */
static void test_other_formats_refused(void **state)
{
    wc_check_refused(write_inputs, *state, WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON),
                     XBR_EINPUT);
}

static void test_failed_buffer_is_out_of_memory(void **state)
{
    const inputs_t *x = *state;
    wc_check_failed_buffer(write_inputs, x,
                           WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON));
    xbr_buf_t b;
    xbr_buf_init(&b);
    b.failed = 1;
    assert_int_equal(xbr_chain_svg(&b, x->sc, x->ch, NULL), XBR_ENOMEM);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
}

/* A test on the fixture as it is; one with E closed and handling at the factory gate. */
#define ALL_WAYS(test) cmocka_unit_test_setup_teardown(test, setup_fixture, teardown)
#define NO_EXPORTER(test) cmocka_unit_test_setup_teardown(test, setup_no_exporter, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        ALL_WAYS(test_text_traditional_step_by_step),
        ALL_WAYS(test_text_shortcuts_side_by_side),
        NO_EXPORTER(test_text_missing_way_and_gate_handling),
        ALL_WAYS(test_json_three_ways),
        NO_EXPORTER(test_json_missing_way),
        ALL_WAYS(test_waterfall_of_one_way),
        NO_EXPORTER(test_waterfall_of_a_way_not_found),
        NO_EXPORTER(test_svg_stacks_the_found_ways),
        ALL_WAYS(test_other_formats_refused),
        ALL_WAYS(test_failed_buffer_is_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
