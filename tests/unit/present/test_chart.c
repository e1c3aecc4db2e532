/*
 * test_chart.c - the SVG charts (src/lib/present/chart.c): the scatter layout and the pixels of
 * frontier points against hand calculations, stacked bars in both orientations, the waterfall's
 * amounts and shares, the histogram's bins and on-time share, and the error paths. Pictures are
 * saved to <build>/test_picture_out/ and checked with xmllint when present.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture_fixture.h"
#include "xbroute/picture.h"

static void test_frontier_points_land_on_hand_computed_pixels(void **state)
{
    (void)state;
    /* Three frontier points (days, cost): (5, 900), (12, 400), (30, 150), one labelled series.
     * Layout (defaults 720 x 480): plot_left 80, plot_top 56, plot_width 720 - 80 - 24 - 176 =
     * 440, plot_height 480 - 56 - 64 = 360.
     * x axis: data 5..30, padded by 5% of 25 = 1.25 -> 3.75..31.25, span 27.5, a fifth is 5.5
     * -> step 5 (5.5 < 7.07); floor(3.75/5) x 5 = 0, ceil(31.25/5) x 5 = 35 -> 0..35.
     * y axis: data 150..900, pad 37.5 -> 112.5..937.5, span 825, a fifth 165 = 1.65 x 100 ->
     * step 200 (1.41 <= 1.65 < 3.16); 0..1000.
     * Pixels: px = 80 + x / 35 x 440, py = 56 + 360 - y / 1000 x 360:
     *   (5, 900)  -> (142.857, 92)   (12, 400) -> (230.857, 272)   (30, 150) -> (457.143, 362)
     */
    static const double x[] = {12, 5, 30}; /* unsorted on purpose: the step sorts by x */
    static const double y[] = {400, 900, 150};
    xbr_chart_series_t s = {"sea <&\"> air", 3, x, y, XBR_SERIES_STEP};
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Cost versus delivery days";
    opts.x_title = "delivery days (mean)";
    opts.y_title = "landed cost per unit (USD)";
    xbr_chart_layout_t L;
    assert_int_equal(xbr_chart_scatter_layout(&opts, &s, 1, &L), XBR_OK);
    assert_float_equal(L.plot_width, 440.0, 1e-9);
    assert_float_equal(L.plot_height, 360.0, 1e-9);
    assert_float_equal(L.x_min, 0.0, 1e-9);
    assert_float_equal(L.x_max, 35.0, 1e-9);
    assert_float_equal(L.x_step, 5.0, 1e-9);
    assert_float_equal(L.y_min, 0.0, 1e-9);
    assert_float_equal(L.y_max, 1000.0, 1e-9);
    assert_float_equal(L.y_step, 200.0, 1e-9);

    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_scatter(&b, &opts, &s, 1, NULL), XBR_OK);
    assert_non_null(strstr(b.data, "<circle cx=\"142.86\" cy=\"92\""));
    assert_non_null(strstr(b.data, "<circle cx=\"230.86\" cy=\"272\""));
    assert_non_null(strstr(b.data, "<circle cx=\"457.14\" cy=\"362\""));
    /* step: from (5, 900) across to x = 12 at y = 900, then down to (12, 400) */
    assert_non_null(strstr(b.data, "M142.86 92L230.86 92L230.86 272L457.14 272L457.14 362"));
    assert_non_null(strstr(b.data, "sea &lt;&amp;&quot;&gt; air"));
    assert_non_null(strstr(b.data, ">1000</text>")); /* top y tick */
    assert_non_null(strstr(b.data, ">35</text>"));   /* last x tick */
    pf_check_svg(&b, "frontier.svg");
    xbr_buf_destroy(&b);
}

static void test_frontier_with_two_series_and_no_points_fails(void **state)
{
    (void)state;
    static const double x1[] = {3, 6, 9, 25, 40}, y1[] = {14.2, 9.8, 7.5, 4.1, 3.3};
    static const double x2[] = {4, 10, 30}, y2[] = {12.5, 8.0, 3.9};
    xbr_chart_series_t s[2] = {{"direct B2C (9610)", 5, x1, y1, XBR_SERIES_STEP},
                               {"warehouse (9810)", 3, x2, y2, XBR_SERIES_STEP}};
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Pareto frontier: Shenzhen to Los Angeles";
    opts.x_title = "consumer delivery days (mean)";
    opts.y_title = "landed cost per unit (USD)";
    opts.y_from_zero = true;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_scatter(&b, &opts, s, 2, NULL), XBR_OK);
    pf_check_svg(&b, "frontier2.svg");
    xbr_buf_destroy(&b);

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    static const double nan1[] = {NAN};
    xbr_chart_series_t empty = {"x", 1, nan1, nan1, XBR_SERIES_POINTS};
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_scatter(&b, &opts, &empty, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
}

static void test_stacked_bars_both_orientations(void **state)
{
    (void)state;
    static const char *const cats[] = {"air", "sea <&\"> rail", "warehouse-sea"};
    static const char *const comps[] = {"transport", "duty", "VAT", "in-transit"};
    static const double v[] = {8.0, 0.0, 2.0, 0.1, /* air: total 10.10 */
                               1.2, 0.5, 2.1, 0.4, /* sea: total 4.20 */
                               0.9, 0.6, 2.2, 0.8};
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Landed cost by route class";
    opts.x_title = "cost per unit (USD)";
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_stacked_bars(&b, &opts, cats, 3, comps, 4, v, true, NULL), XBR_OK);
    assert_non_null(strstr(b.data, ">10.10</text>"));
    assert_non_null(strstr(b.data, ">4.20</text>"));
    assert_non_null(strstr(b.data, "sea &lt;&amp;&quot;&gt; rail"));
    /* 11 non-zero segments, each a rect with a tooltip */
    assert_int_equal(pf_count(b.data, "</title></rect>"), 11);
    pf_check_svg(&b, "bars_horizontal.svg");
    xbr_buf_destroy(&b);
    opts.x_title = NULL;
    opts.y_title = "cost per unit (USD)";
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_stacked_bars(&b, &opts, cats, 3, comps, 4, v, false, NULL), XBR_OK);
    pf_check_svg(&b, "bars_vertical.svg");
    xbr_buf_destroy(&b);

    static const double negative[] = {1.0, -0.5};
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_stacked_bars(&b, &opts, cats, 1, comps, 2, negative, true, NULL),
                     XBR_EINPUT);
    xbr_buf_destroy(&b);
}

static void test_waterfall_labels_steps_with_share(void **state)
{
    (void)state;
    /* 10.00 factory + 5.00 freight + 2.50 duty = 17.50 consumer price. Shares of the end:
     * 10 / 17.5 = 57.1%, 5 / 17.5 = 28.6%, 2.5 / 17.5 = 14.3%, 17.5 / 17.5 = 100.0%. */
    xbr_waterfall_step_t steps[] = {{"freight & <handling>", 5.0}, {"duty", 2.5}};
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Price build-up";
    opts.x_title = "price per unit (USD)";
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(
        xbr_svg_waterfall(&b, &opts, "factory price", 10.0, steps, 2, "consumer price", NULL),
        XBR_OK);
    assert_non_null(strstr(b.data, ">10.00 (57.1%)</text>"));
    assert_non_null(strstr(b.data, ">+5.00 (28.6%)</text>"));
    assert_non_null(strstr(b.data, ">+2.50 (14.3%)</text>"));
    assert_non_null(strstr(b.data, ">17.50 (100.0%)</text>"));
    assert_non_null(strstr(b.data, "freight &amp; &lt;handling&gt;"));
    assert_int_equal(pf_count(b.data, "class=\"step\""), 4);
    pf_check_svg(&b, "waterfall.svg");
    xbr_buf_destroy(&b);

    /* the six-link teaching chain, with a discount step */
    xbr_waterfall_step_t chain[] = {{"exporter markup", 1.5},    {"sea freight", 0.8},
                                    {"import duty + VAT", 2.9},  {"importer markup", 2.2},
                                    {"wholesaler markup", 3.6},  {"retailer markup", 9.0},
                                    {"promotion discount", -1.0}};
    xbr_buf_init(&b);
    assert_int_equal(
        xbr_svg_waterfall(&b, &opts, "factory price", 6.0, chain, 7, "consumer price", NULL),
        XBR_OK);
    pf_check_svg(&b, "waterfall_chain.svg");
    xbr_buf_destroy(&b);
}

static void test_histogram_counts_on_time_share(void **state)
{
    (void)state;
    /* 8 samples, bins of 1 day: [1,2) 1, [2,3) 2, [3,4) 3, [4,5) 1, [10,11) 1 -> 5 bars.
     * Promise 3 days: samples <= 3 are 1, 2, 2, 3, 3, 3 = 6 of 8 = 75.0%. */
    static const double d[] = {1, 2, 2, 3, 3, 3, 4, 10, NAN};
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_histogram(&b, NULL, d, 9, 1.0, 3.0, NULL), XBR_OK);
    assert_int_equal(pf_count(b.data, "</title></rect>"), 5);
    assert_non_null(strstr(b.data, "3 to 4 days: 3 (37.5%)"));
    assert_non_null(strstr(b.data, "promise 3 d: 75.0% on time"));
    pf_check_svg(&b, "histogram_small.svg");
    xbr_buf_destroy(&b);

    /* a bigger, deterministic pseudo-random sample: sum of three uniforms (LCG) x 6 + 14 */
    double many[2000];
    uint32_t s = 12345u;
    for (size_t i = 0; i < 2000; i++) {
        double u = 0.0;
        for (int k = 0; k < 3; k++) {
            s = s * 1664525u + 1013904223u;
            u += (double)(s >> 8) / 16777216.0;
        }
        many[i] = 14.0 + 6.0 * u;
    }
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Simulated delivery days, sea via LA warehouse";
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_histogram(&b, &opts, many, 2000, 0.0, 30.0, NULL), XBR_OK);
    pf_check_svg(&b, "histogram.svg");
    xbr_buf_destroy(&b);
}

/* The histogram's automatic bin: samples 0 and 20 span 20 days; a twentieth of that is 1, a
 * nice step, so bins are 1 day wide from 0: two bars of 1 sample (50%) each. Without a promise
 * there is no promise line. */
static void test_histogram_picks_a_bin_width(void **state)
{
    (void)state;
    static const double d[] = {0, 20};
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_histogram(&b, NULL, d, 2, 0.0, INFINITY, NULL), XBR_OK);
    assert_int_equal(pf_count(b.data, "</title></rect>"), 2);
    assert_non_null(strstr(b.data, ">0 to 1 days: 1 (50.0%)</title>"));
    assert_non_null(strstr(b.data, ">20 to 21 days: 1 (50.0%)</title>"));
    assert_null(strstr(b.data, "promise"));
    /* the default axis titles */
    assert_non_null(strstr(b.data, ">delivery days</text>"));
    assert_non_null(strstr(b.data, ">share of simulations (%)</text>"));
    pf_check_svg(&b, "histogram_auto.svg");
    xbr_buf_destroy(&b);
}

/* Each chart refuses what it cannot draw, with one diagnostic each. */
static void test_charts_reject_bad_input(void **state)
{
    (void)state;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t b;
    xbr_buf_init(&b);
    /* a series with points but no arrays */
    xbr_chart_series_t no_arrays = {"x", 2, NULL, NULL, XBR_SERIES_LINE};
    assert_int_equal(xbr_svg_scatter(&b, NULL, &no_arrays, 1, &diags), XBR_EINPUT);
    /* bars: nothing to plot; a NaN segment */
    static const char *const cats[] = {"a"}, *const comps[] = {"c"};
    static const double nan1[] = {NAN};
    assert_int_equal(xbr_svg_stacked_bars(&b, NULL, cats, 0, comps, 1, nan1, true, &diags),
                     XBR_EINPUT);
    assert_int_equal(xbr_svg_stacked_bars(&b, NULL, cats, 1, comps, 1, nan1, false, &diags),
                     XBR_EINPUT);
    /* waterfall: a NaN start, a NaN step, steps missing */
    xbr_waterfall_step_t bad_step = {"x", NAN};
    assert_int_equal(xbr_svg_waterfall(&b, NULL, "s", NAN, NULL, 0, "e", &diags), XBR_EINPUT);
    assert_int_equal(xbr_svg_waterfall(&b, NULL, "s", 1.0, &bad_step, 1, "e", &diags), XBR_EINPUT);
    assert_int_equal(xbr_svg_waterfall(&b, NULL, "s", 1.0, NULL, 2, "e", &diags), XBR_EINPUT);
    /* histogram: no finite sample; a negative bin width; too many bins */
    static const double days[] = {1.0, 2.0};
    assert_int_equal(xbr_svg_histogram(&b, NULL, nan1, 1, 0.0, NAN, &diags), XBR_EINPUT);
    assert_int_equal(xbr_svg_histogram(&b, NULL, days, 2, -1.0, NAN, &diags), XBR_EINPUT);
    assert_int_equal(xbr_svg_histogram(&b, NULL, days, 2, 1e-5, NAN, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 9);
    assert_non_null(strstr(diags.items[8].what, "too many bins"));
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
}

/* A series labelled with a route class takes the class's colour, as on the map (sea: Okabe-Ito
 * blue #0072B2; warehouse-air: indigo #332288), whatever its position; any other label the
 * palette by position (the first: blue too, so the second, "other", is vermillion #D55E00). */
static void test_class_series_keep_the_class_colour(void **state)
{
    (void)state;
    static const double x[] = {1.0, 2.0}, y[] = {3.0, 4.0};
    xbr_chart_series_t series[3] = {
        {"warehouse-air", 2, x, y, XBR_SERIES_POINTS},
        {"other", 2, x, y, XBR_SERIES_POINTS},
        {"sea", 2, x, y, XBR_SERIES_POINTS},
    };
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_scatter(&b, &opts, series, 3, NULL), XBR_OK);
    const char *s0 = strstr(b.data, "data-series=\"0\"");
    const char *s1 = strstr(b.data, "data-series=\"1\"");
    const char *s2 = strstr(b.data, "data-series=\"2\"");
    assert_non_null(s0);
    assert_non_null(s1);
    assert_non_null(s2);
    assert_true(strstr(s0, "#332288") != NULL && strstr(s0, "#332288") < s1);
    assert_true(strstr(s1, "#D55E00") != NULL && strstr(s1, "#D55E00") < s2);
    assert_non_null(strstr(s2, "#0072B2"));
    assert_string_equal(xbr_route_class_colour("sea"), "#0072B2");
    xbr_buf_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frontier_points_land_on_hand_computed_pixels),
        cmocka_unit_test(test_frontier_with_two_series_and_no_points_fails),
        cmocka_unit_test(test_stacked_bars_both_orientations),
        cmocka_unit_test(test_waterfall_labels_steps_with_share),
        cmocka_unit_test(test_histogram_counts_on_time_share),
        cmocka_unit_test(test_histogram_picks_a_bin_width),
        cmocka_unit_test(test_charts_reject_bad_input),
        cmocka_unit_test(test_class_series_keep_the_class_colour),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
