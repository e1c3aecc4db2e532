/*
 * test_map.c - the SVG world map (src/lib/present/map.c, land_110m.c): projection and view
 * against hand calculations, nodes, routes and legends on the page, escaping of names, the
 * route cut at the antimeridian, determinism, the land polygons, and the shipped network drawn
 * whole. Pictures are saved to <build>/test_picture_out/ and checked with xmllint when present.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture_fixture.h"
#include "present/internal.h"
#include "xbroute/picture.h"

static void test_projection_maps_hand_computed_points(void **state)
{
    (void)state;
    /* Whole world, 1000 px wide: the view is 1000 x 500 px below the 44 px title band. */
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    xbr_map_view_t v;
    assert_int_equal(xbr_map_view(&opts, NULL, NULL, 0, &v), XBR_OK);
    assert_true(v.left == 0.0 && v.top == 44.0 && v.width == 1000.0 && v.height == 500.0);
    double x, y;
    /* lon 0, lat 0 -> centre: (0 + 1000/2, 44 + 500/2) = (500, 294) */
    xbr_map_project(&v, 0.0, 0.0, &x, &y);
    assert_float_equal(x, 500.0, 1e-9);
    assert_float_equal(y, 294.0, 1e-9);
    /* lon 180 -> right edge x = 1000; lon -180, lat 90 -> top-left (0, 44) */
    xbr_map_project(&v, 180.0, 0.0, &x, &y);
    assert_float_equal(x, 1000.0, 1e-9);
    xbr_map_project(&v, -180.0, 90.0, &x, &y);
    assert_float_equal(x, 0.0, 1e-9);
    assert_float_equal(y, 44.0, 1e-9);
    /* lon 90, lat -45: x = (90 + 180) / 360 * 1000 = 750; y = 44 + (90 + 45) / 180 * 500 =
     * 44 + 375 = 419 */
    xbr_map_project(&v, 90.0, -45.0, &x, &y);
    assert_float_equal(x, 750.0, 1e-9);
    assert_float_equal(y, 419.0, 1e-9);
}

static void test_map_fit_keeps_degrees_square(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    /* A route F1 -> CNSHA only: lon 114.06..121.5, lat 22.54..31.2. With the 5 degree margin:
     * lon 109.06..126.5 (span 17.44), lat 17.54..36.2 (span 18.66). Taller than wide, so lon
     * widens by (18.66 - 17.44) / 2 = 0.61 per side: 108.45..127.11. Height = 1000 x 18.66 /
     * 18.66 = 1000 px. CNSHA: x = (121.5 - 108.45) / 18.66 x 1000 = 699.357; y = 44 + (36.2 -
     * 31.2) / 18.66 x 1000 = 311.953. */
    static const int one[] = {0};
    xbr_pic_route_t r;
    memset(&r, 0, sizeof r);
    r.n_links = 1;
    r.links = one;
    r.route_class = "road";
    r.cost = r.days = r.co2e_kg = NAN;
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.fit_to_nodes = true;
    xbr_map_view_t v;
    assert_int_equal(xbr_map_view(&opts, net, &r, 1, &v), XBR_OK);
    assert_float_equal(v.lon_min, 108.45, 1e-9);
    assert_float_equal(v.lon_max, 127.11, 1e-9);
    assert_float_equal(v.lat_min, 17.54, 1e-9);
    assert_float_equal(v.lat_max, 36.2, 1e-9);
    assert_float_equal(v.height, 1000.0, 1e-6);

    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_map(&b, &opts, net, &r, 1, NULL), XBR_OK);
    assert_non_null(strstr(b.data, "<circle cx=\"699.36\" cy=\"311.95\""));
    pf_check_svg(&b, "map_fit_china.svg");
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

static void test_world_map_draws_nodes_routes_and_escapes_names(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    /* route 1: the fixture route; route 2: F1 > CNSHA > DEHAM by sea, with a label */
    static const int to_hamburg[] = {0, 4};
    xbr_pic_route_t r[2] = {pf_route(), pf_route()};
    r[1].n_links = 2;
    r[1].links = to_hamburg;
    r[1].route_class = "sea";
    r[1].label = "sea to Hamburg <closed>";
    r[1].leg_days = r[1].leg_cost = NULL;
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Routes <to> LA & more";
    xbr_buf_t b, b2;
    xbr_buf_init(&b);
    xbr_buf_init(&b2);
    assert_int_equal(xbr_svg_map(&b, &opts, net, r, 2, NULL), XBR_OK);
    /* CNSHA at (121.5, 31.2): x = (121.5 + 180) / 360 x 1000 = 837.5, y = 44 + (90 - 31.2) /
     * 180 x 500 = 44 + 163.333 = 207.33 */
    assert_non_null(strstr(b.data, "<circle cx=\"837.5\" cy=\"207.33\""));
    assert_int_equal(pf_count(b.data, "<circle cx"), 6 + 4); /* 6 nodes + 4 types in legend */
    assert_int_equal(pf_count(b.data, "class=\"route\""), 2);
    assert_non_null(strstr(b.data, "stroke=\"#56B4E9\"")); /* warehouse class colour */
    assert_non_null(strstr(b.data, "stroke=\"#0072B2\"")); /* sea class colour */
    /* a label is the whole legend text: no number in front */
    assert_non_null(strstr(b.data, ">sea to Hamburg &lt;closed&gt;</text>"));
    assert_non_null(strstr(b.data, PF_NASTY_XML));
    assert_null(strstr(b.data, PF_NASTY));
    assert_non_null(strstr(b.data, "Routes &lt;to&gt; LA &amp; more"));
    /* the legend line of the route: "1. warehouse-sea, 4.05 per unit, 2.0 days" */
    assert_non_null(strstr(b.data, "1. warehouse-sea, 4.05 per unit, 2.0 days"));
    /* the route crosses the antimeridian: its path has two "M" moves, none spanning the map */
    const char *route = strstr(b.data, "class=\"route\"");
    const char *d = strstr(route, " d=\"");
    const char *end = strchr(d + 4, '"');
    size_t moves = 0;
    for (const char *p = d + 4; p < end; p++)
        moves += *p == 'M';
    assert_int_equal(moves, 2);
    pf_check_svg(&b, "map_world.svg");
    /* deterministic: same input, same bytes */
    assert_int_equal(xbr_svg_map(&b2, &opts, net, r, 2, NULL), XBR_OK);
    assert_int_equal(b.len, b2.len);
    assert_memory_equal(b.data, b2.data, b.len);
    xbr_buf_destroy(&b);
    xbr_buf_destroy(&b2);
    xbr_network_free(net);
}

/* Routes sharing a label share one legend row: three routes, two labelled "air", one "sea"
 * gives two route rows, so the map is one row (22 px) shorter than with three labels. */
static void test_map_legend_merges_routes_with_the_same_label(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    static const int to_hamburg[] = {0, 4};
    xbr_pic_route_t r[3] = {pf_route(), pf_route(), pf_route()};
    r[2].n_links = 2;
    r[2].links = to_hamburg;
    r[2].route_class = "sea";
    r[2].leg_days = r[2].leg_cost = NULL;
    r[0].label = "air";
    r[1].label = "air";
    r[2].label = "sea";
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    xbr_buf_t merged, distinct;
    xbr_buf_init(&merged);
    xbr_buf_init(&distinct);
    assert_int_equal(xbr_svg_map(&merged, &opts, net, r, 3, NULL), XBR_OK);
    r[1].label = "air too";
    assert_int_equal(xbr_svg_map(&distinct, &opts, net, r, 3, NULL), XBR_OK);
    assert_int_equal(pf_count(merged.data, ">air</text>"), 1);
    assert_int_equal(pf_count(merged.data, ">sea</text>"), 1);
    assert_int_equal(pf_count(merged.data, "class=\"route\""), 3); /* all routes drawn */
    double h1 = 0, h2 = 0;
    assert_int_equal(sscanf(strstr(merged.data, "height=\"") + 8, "%lf", &h1), 1);
    assert_int_equal(sscanf(strstr(distinct.data, "height=\"") + 8, "%lf", &h2), 1);
    assert_true(fabs((h2 - h1) - 22.0) < 1e-9);
    xbr_buf_destroy(&merged);
    xbr_buf_destroy(&distinct);
    xbr_network_free(net);
}

static void test_land_polygons_lie_in_range(void **state)
{
    (void)state;
    assert_true(xbr__land_n_rings > 100); /* Natural Earth 110m land has 127 polygons */
    size_t pts = 0;
    for (unsigned r = 0; r < xbr__land_n_rings; r++) {
        assert_true(xbr__land_ring_count[r] >= 3);
        for (unsigned i = 0; i < xbr__land_ring_count[r]; i++) {
            float lon = xbr__land_lonlat[2 * (xbr__land_ring_start[r] + i)];
            float lat = xbr__land_lonlat[2 * (xbr__land_ring_start[r] + i) + 1];
            assert_true(lon >= -180.0f && lon <= 180.0f);
            assert_true(lat >= -90.0f && lat <= 90.0f);
            pts++;
        }
        if (r + 1 < xbr__land_n_rings)
            assert_int_equal(xbr__land_ring_start[r + 1],
                             xbr__land_ring_start[r] + xbr__land_ring_count[r]);
    }
    assert_true(pts > 4000);
}

/* The options that leave layers out: no network links, no labels; the route and nodes stay. */
static void test_map_hides_links_and_labels_when_asked(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_pic_route_t r = pf_route();
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    xbr_buf_t all, bare;
    xbr_buf_init(&all);
    xbr_buf_init(&bare);
    assert_int_equal(xbr_svg_map(&all, &opts, net, &r, 1, NULL), XBR_OK);
    opts.hide_links = true;
    opts.hide_labels = true;
    assert_int_equal(xbr_svg_map(&bare, &opts, net, &r, 1, NULL), XBR_OK);
    /* two link paths (open, closed) and one label group when shown */
    assert_int_equal(pf_count(all.data, "class=\"links\""), 2);
    assert_int_equal(pf_count(all.data, "class=\"labels\""), 1);
    assert_int_equal(pf_count(bare.data, "class=\"links\""), 0);
    assert_int_equal(pf_count(bare.data, "class=\"labels\""), 0);
    assert_int_equal(pf_count(bare.data, "class=\"route\""), 1);
    assert_int_equal(pf_count(bare.data, "</title></circle>"), net->n_nodes);
    /* the default title */
    assert_non_null(strstr(bare.data, "<title>Network map</title>"));
    pf_check_svg(&bare, "map_bare.svg");
    xbr_buf_destroy(&all);
    xbr_buf_destroy(&bare);
    xbr_network_free(net);
}

/* No network: an input error with a diagnostic, nothing drawn. */
static void test_map_without_network_fails(void **state)
{
    (void)state;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_map(&b, NULL, NULL, NULL, 0, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
}

static void test_shipped_network_map(void **state)
{
    (void)state;
    xbr_network_t *net = pf_shipped_network();
    if (net == NULL)
        skip();
    xbr_buf_t b;
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = net->name;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_map(&b, &opts, net, NULL, 0, NULL), XBR_OK);
    pf_check_svg(&b, "china_export_world.svg");
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

/* A trans-Pacific route fitted: Shenzhen (114.06 E) by sea to Los Angeles (118.2 W) and on to
 * the market. The drawn longitudes run from 114.06 E east over 180 to about 117.6 W; the widest
 * gap is the other way round (through Europe and the Atlantic), so the view starts west of
 * Shenzhen and ends past 180 (at 360 - 117.6 = 242.4 plus the margin), less than a turn wide,
 * and the route is drawn as one line with no jump across the map. */
static void test_trans_pacific_map_is_centred_on_the_pacific(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_pic_route_t r = pf_route();
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.fit_to_nodes = true;
    xbr_map_view_t v;
    assert_int_equal(xbr_map_view(&opts, net, &r, 1, &v), XBR_OK);
    assert_true(v.lon_min < 114.06);
    assert_true(v.lon_max > 242.4);
    assert_true(v.lon_max - v.lon_min < 360.0);
    double x1, y1, x2, y2;
    xbr_map_project(&v, 121.5, 31.2, &x1, &y1);  /* Shanghai */
    xbr_map_project(&v, -118.2, 33.7, &x2, &y2); /* Los Angeles: east of Shanghai on the page */
    assert_true(x1 > v.left && x2 > x1 && x2 < v.left + v.width);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_map(&b, &opts, net, &r, 1, NULL), XBR_OK);
    const char *route = strstr(b.data, "class=\"route\"");
    assert_non_null(route);
    const char *d = strstr(route, " d=\"");
    const char *end = strchr(d + 4, '"');
    size_t moves = 0;
    for (const char *p = d + 4; p < end; p++)
        moves += *p == 'M';
    assert_int_equal(moves, 1 + 1); /* the line, and the new part the antimeridian cut starts
                                       at the same place on the page */
    pf_check_svg(&b, "map_pacific.svg");
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_projection_maps_hand_computed_points),
        cmocka_unit_test(test_map_fit_keeps_degrees_square),
        cmocka_unit_test(test_world_map_draws_nodes_routes_and_escapes_names),
        cmocka_unit_test(test_map_legend_merges_routes_with_the_same_label),
        cmocka_unit_test(test_land_polygons_lie_in_range),
        cmocka_unit_test(test_map_hides_links_and_labels_when_asked),
        cmocka_unit_test(test_map_without_network_fails),
        cmocka_unit_test(test_shipped_network_map),
        cmocka_unit_test(test_trans_pacific_map_is_centred_on_the_pacific),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
