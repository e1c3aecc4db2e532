/*
 * test_picture.c - the picture writers (src/lib/svg_chart.c, svg_map.c, geojson.c, dot.c,
 * land_110m.c): projection and chart geometry against hand calculations, GeoJSON parsed back
 * with cJSON, DOT structure, XML well-formedness with xmllint (skipped when it is absent),
 * escaping of user text, determinism.
 *
 * The pictures are also written to <build>/test_picture_out/ so a person can look at them.
 *
 * Fixture network (coordinates rounded from /work/shared/data: seaports.csv for CNSHA and
 * USLAX; the others are plain city-centre points):
 *   F1    factory    Shenzhen     114.06  22.54  CN
 *   CNSHA seaport    Shanghai     121.5   31.2   CN   name "Shanghai <&\"> port" (escaping)
 *   USLAX seaport    Los Angeles -118.2   33.7   US
 *   W1    warehouse  Ontario CA  -117.6   34.06  US
 *   M1    market     LA market   -118.25  34.05  US
 *   DEHAM seaport    Hamburg        9.99  53.55  DE
 * Links: L0 F1>CNSHA truck, L1 CNSHA>USLAX sea, L2 USLAX>W1 truck, L3 W1>M1 last_mile,
 *        L4 CNSHA>DEHAM sea (closed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/internal.h"
#include "present/internal.h"
#include "xbroute/load.h"
#include "xbroute/picture.h"

#define NASTY "Shanghai <&\"> port"
#define NASTY_XML "Shanghai &lt;&amp;&quot;&gt; port"

/* ---- fixture ---- */

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    assert_non_null(q);
    return q;
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    assert_non_null(d);
    return d;
}

static int add_country(xbr_network_t *net, const char *code, const char *name)
{
    net->countries = xrealloc(net->countries, (net->n_countries + 1) * sizeof *net->countries);
    xbr_country_t *c = &net->countries[net->n_countries];
    memset(c, 0, sizeof *c);
    c->code = xstrdup(code);
    c->name = xstrdup(name);
    return (int)net->n_countries++;
}

static int add_node(xbr_network_t *net, const char *id, const char *name, xbr_node_type_t type,
                    int country, double lon, double lat)
{
    net->nodes = xrealloc(net->nodes, (net->n_nodes + 1) * sizeof *net->nodes);
    xbr_node_t *n = &net->nodes[net->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = xstrdup(id);
    n->name = xstrdup(name);
    n->type = type;
    n->country = country;
    n->lon = lon;
    n->lat = lat;
    n->capacity_m3 = INFINITY;
    return (int)net->n_nodes++;
}

static int add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days, bool closed)
{
    char id[64];
    net->links = xrealloc(net->links, (net->n_links + 1) * sizeof *net->links);
    xbr_link_t *l = &net->links[net->n_links];
    memset(l, 0, sizeof *l);
    snprintf(id, sizeof id, "L%zu", net->n_links);
    l->id = xstrdup(id);
    l->from = from;
    l->to = to;
    l->mode = mode;
    l->days.min = l->days.mode = l->days.max = days;
    l->cost.per_kg = 1.5;
    l->capacity_kg_per_week = INFINITY;
    l->closed = closed;
    return (int)net->n_links++;
}

static xbr_network_t *fixture(void)
{
    xbr_network_t *net = xbr__network_new();
    assert_non_null(net);
    net->name = xstrdup("fixture");
    int cn = add_country(net, "CN", "China");
    int us = add_country(net, "US", "United States");
    int de = add_country(net, "DE", "Germany");
    int f1 = add_node(net, "F1", "Shenzhen factory", XBR_NODE_FACTORY, cn, 114.06, 22.54);
    int sha = add_node(net, "CNSHA", NASTY, XBR_NODE_SEAPORT, cn, 121.5, 31.2);
    int lax = add_node(net, "USLAX", "Los Angeles", XBR_NODE_SEAPORT, us, -118.2, 33.7);
    int w1 = add_node(net, "W1", "Ontario CA", XBR_NODE_WAREHOUSE, us, -117.6, 34.06);
    int m1 = add_node(net, "M1", "LA market", XBR_NODE_MARKET, us, -118.25, 34.05);
    int ham = add_node(net, "DEHAM", "Hamburg", XBR_NODE_SEAPORT, de, 9.99, 53.55);
    add_link(net, f1, sha, XBR_MODE_TRUCK, 2, false);
    add_link(net, sha, lax, XBR_MODE_SEA, 18, false);
    add_link(net, lax, w1, XBR_MODE_TRUCK, 1, false);
    add_link(net, w1, m1, XBR_MODE_LAST_MILE, 2, false);
    add_link(net, sha, ham, XBR_MODE_SEA, 35, true);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    return net;
}

static const int ROUTE_LINKS[] = {0, 1, 2, 3};
static const double LEG_DAYS[] = {2, 18, 1, 2};
static const double LEG_COST[] = {0.5, 1.25, 0.3, 2.0};

static xbr_pic_route_t fixture_route(void)
{
    xbr_pic_route_t r;
    memset(&r, 0, sizeof r);
    r.n_links = 4;
    r.links = ROUTE_LINKS;
    r.route_class = "warehouse-sea";
    r.regime = "9810";
    r.cost = 4.05;
    r.days = 2.0;
    r.co2e_kg = 0.8;
    r.leg_days = LEG_DAYS;
    r.leg_cost = LEG_COST;
    return r;
}

/* ---- files and tools ---- */

static void out_path(char *path, size_t size, const char *name)
{
    snprintf(path, size, "%s/test_picture_out", XBR_BINARY_DIR);
    if (mkdir(path, 0777) != 0)
        assert_int_equal(errno, EEXIST);
    snprintf(path, size, "%s/test_picture_out/%s", XBR_BINARY_DIR, name);
}

static void save(const xbr_buf_t *b, const char *name, char *path, size_t size)
{
    out_path(path, size, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

static bool have_tool(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* Saves the SVG and checks it with `xmllint --noout` (skipped with a message if absent). */
static void check_svg(const xbr_buf_t *b, const char *name)
{
    char path[1024], cmd[1200];
    assert_false(b->failed);
    save(b, name, path, sizeof path);
    assert_non_null(strstr(b->data, "viewBox=\""));
    if (!have_tool("xmllint")) {
        print_message("xmllint not installed: %s not checked for well-formedness\n", name);
        return;
    }
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", path);
    assert_int_equal(system(cmd), 0);
}

static size_t count_substr(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ---- projection and map ---- */

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
    xbr_network_t *net = fixture();
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
    check_svg(&b, "map_fit_china.svg");
    xbr_buf_free(&b);
    xbr_network_free(net);
}

static void test_world_map_draws_nodes_routes_and_escapes_names(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    /* route 1: the fixture route; route 2: F1 > CNSHA > DEHAM by sea, with a label */
    static const int to_hamburg[] = {0, 4};
    xbr_pic_route_t r[2] = {fixture_route(), fixture_route()};
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
    assert_int_equal(count_substr(b.data, "<circle cx"), 6 + 4); /* 6 nodes + 4 types in legend */
    assert_int_equal(count_substr(b.data, "class=\"route\""), 2);
    assert_non_null(strstr(b.data, "stroke=\"#56B4E9\"")); /* warehouse class colour */
    assert_non_null(strstr(b.data, "stroke=\"#0072B2\"")); /* sea class colour */
    /* a label is the whole legend text: no number in front */
    assert_non_null(strstr(b.data, ">sea to Hamburg &lt;closed&gt;</text>"));
    assert_non_null(strstr(b.data, NASTY_XML));
    assert_null(strstr(b.data, NASTY));
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
    check_svg(&b, "map_world.svg");
    /* deterministic: same input, same bytes */
    assert_int_equal(xbr_svg_map(&b2, &opts, net, r, 2, NULL), XBR_OK);
    assert_int_equal(b.len, b2.len);
    assert_memory_equal(b.data, b2.data, b.len);
    xbr_buf_free(&b);
    xbr_buf_free(&b2);
    xbr_network_free(net);
}

static void test_broken_route_is_rejected(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    static const int gap[] = {0, 2}; /* F1>CNSHA then USLAX>W1: not consecutive */
    static const int bad[] = {0, 99};
    xbr_pic_route_t r = fixture_route();
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_t b;
    xbr_buf_init(&b);
    r.n_links = 2;
    r.links = gap;
    assert_int_equal(xbr_svg_map(&b, NULL, net, &r, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    r.links = bad;
    assert_int_equal(xbr_geojson_routes(&b, net, &r, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 2);
    assert_non_null(strstr(diags.items[1].what, "out of range"));
    xbr_buf_free(&b);
    xbr_diags_destroy(&diags);
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

/* ---- charts ---- */

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
    check_svg(&b, "frontier.svg");
    xbr_buf_free(&b);
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
    check_svg(&b, "frontier2.svg");
    xbr_buf_free(&b);

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    static const double nan1[] = {NAN};
    xbr_chart_series_t empty = {"x", 1, nan1, nan1, XBR_SERIES_POINTS};
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_scatter(&b, &opts, &empty, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    xbr_buf_free(&b);
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
    assert_int_equal(count_substr(b.data, "</title></rect>"), 11);
    check_svg(&b, "bars_horizontal.svg");
    xbr_buf_free(&b);
    opts.x_title = NULL;
    opts.y_title = "cost per unit (USD)";
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_stacked_bars(&b, &opts, cats, 3, comps, 4, v, false, NULL), XBR_OK);
    check_svg(&b, "bars_vertical.svg");
    xbr_buf_free(&b);

    static const double negative[] = {1.0, -0.5};
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_stacked_bars(&b, &opts, cats, 1, comps, 2, negative, true, NULL),
                     XBR_EINPUT);
    xbr_buf_free(&b);
}

/* Routes sharing a label share one legend row: three routes, two labelled "air", one "sea"
 * gives two route rows, so the map is one row (22 px) shorter than with three labels. */
static void test_map_legend_merges_routes_with_the_same_label(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    static const int to_hamburg[] = {0, 4};
    xbr_pic_route_t r[3] = {fixture_route(), fixture_route(), fixture_route()};
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
    assert_int_equal(count_substr(merged.data, ">air</text>"), 1);
    assert_int_equal(count_substr(merged.data, ">sea</text>"), 1);
    assert_int_equal(count_substr(merged.data, "class=\"route\""), 3); /* all routes drawn */
    double h1 = 0, h2 = 0;
    assert_int_equal(sscanf(strstr(merged.data, "height=\"") + 8, "%lf", &h1), 1);
    assert_int_equal(sscanf(strstr(distinct.data, "height=\"") + 8, "%lf", &h2), 1);
    assert_true(fabs((h2 - h1) - 22.0) < 1e-9);
    xbr_buf_free(&merged);
    xbr_buf_free(&distinct);
    xbr_network_free(net);
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
    assert_int_equal(count_substr(b.data, "class=\"step\""), 4);
    check_svg(&b, "waterfall.svg");
    xbr_buf_free(&b);

    /* the six-link teaching chain, with a discount step */
    xbr_waterfall_step_t chain[] = {{"exporter markup", 1.5},    {"sea freight", 0.8},
                                    {"import duty + VAT", 2.9},  {"importer markup", 2.2},
                                    {"wholesaler markup", 3.6},  {"retailer markup", 9.0},
                                    {"promotion discount", -1.0}};
    xbr_buf_init(&b);
    assert_int_equal(
        xbr_svg_waterfall(&b, &opts, "factory price", 6.0, chain, 7, "consumer price", NULL),
        XBR_OK);
    check_svg(&b, "waterfall_chain.svg");
    xbr_buf_free(&b);
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
    assert_int_equal(count_substr(b.data, "</title></rect>"), 5);
    assert_non_null(strstr(b.data, "3 to 4 days: 3 (37.5%)"));
    assert_non_null(strstr(b.data, "promise 3 d: 75.0% on time"));
    check_svg(&b, "histogram_small.svg");
    xbr_buf_free(&b);

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
    check_svg(&b, "histogram.svg");
    xbr_buf_free(&b);
}

/* ---- GeoJSON ---- */

/* Every position in a coordinates array of any depth must be [lon, lat] in range; every
 * segment of a line at most 180 degrees of longitude. Returns the number of positions. */
static size_t check_positions(const cJSON *c)
{
    assert_true(cJSON_IsArray(c));
    const cJSON *first = cJSON_GetArrayItem(c, 0);
    if (cJSON_IsNumber(first)) {
        assert_int_equal(cJSON_GetArraySize(c), 2);
        double lon = cJSON_GetArrayItem(c, 0)->valuedouble;
        double lat = cJSON_GetArrayItem(c, 1)->valuedouble;
        assert_true(lon >= -180.0 && lon <= 180.0);
        assert_true(lat >= -90.0 && lat <= 90.0);
        return 1;
    }
    size_t n = 0;
    const cJSON *prev = NULL, *it;
    cJSON_ArrayForEach(it, c)
    {
        n += check_positions(it);
        if (prev != NULL && cJSON_IsNumber(cJSON_GetArrayItem(it, 0)))
            assert_true(fabs(cJSON_GetArrayItem(it, 0)->valuedouble -
                             cJSON_GetArrayItem(prev, 0)->valuedouble) <= 180.0);
        prev = it;
    }
    return n;
}

static const cJSON *feature_by_id(const cJSON *fc, const char *id)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(fc, "features"))
    {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, "id");
        if (cJSON_IsString(v) && strcmp(v->valuestring, id) == 0)
            return f;
    }
    return NULL;
}

/* Latitude where the great circle through (lon1, lat1) and (lon2, lat2) meets longitude
 * `lon` (E. Williams, Aviation Formulary, "Latitude of point on a great circle"). */
static double gc_lat_at(double lon1, double lat1, double lon2, double lat2, double lon)
{
    const double r = 3.14159265358979323846 / 180.0;
    lon1 *= r, lat1 *= r, lon2 *= r, lat2 *= r, lon *= r;
    return atan(
               (sin(lat1) * cos(lat2) * sin(lon - lon2) - sin(lat2) * cos(lat1) * sin(lon - lon1)) /
               (cos(lat1) * cos(lat2) * sin(lon1 - lon2))) /
           r;
}

static void test_geojson_network_lon_first_and_split_at_antimeridian(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_network(&b, net, NULL), XBR_OK);
    save(&b, "network.geojson", path, sizeof path);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(fc, "type")->valuestring,
                        "FeatureCollection");
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(fc, "features");
    assert_int_equal(cJSON_GetArraySize(features), 6 + 5);
    const cJSON *f;
    cJSON_ArrayForEach(f, features)
    {
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        assert_true(check_positions(cJSON_GetObjectItemCaseSensitive(g, "coordinates")) >= 1);
    }
    /* Shanghai: lon 121.5 first, lat 31.2 second; the name survives JSON escaping */
    const cJSON *sha = feature_by_id(fc, "CNSHA");
    assert_non_null(sha);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(sha, "geometry"), "coordinates");
    assert_float_equal(cJSON_GetArrayItem(c, 0)->valuedouble, 121.5, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(c, 1)->valuedouble, 31.2, 1e-12);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(sha, "properties");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "name")->valuestring, NASTY);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "country")->valuestring, "CN");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "type")->valuestring, "seaport");

    /* Shanghai -> Los Angeles crosses the antimeridian: two parts, the first ending at lon 180
     * and the second starting at -180 at the same latitude, which is where the great circle
     * meets longitude 180 (independent formula above; 0.05 degree tolerance for the 2 degree
     * densification) */
    const cJSON *l1 = feature_by_id(fc, "L1");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(l1, "geometry");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring,
                        "MultiLineString");
    c = cJSON_GetObjectItemCaseSensitive(g, "coordinates");
    assert_int_equal(cJSON_GetArraySize(c), 2);
    const cJSON *p0 = cJSON_GetArrayItem(c, 0), *p1 = cJSON_GetArrayItem(c, 1);
    const cJSON *a0 = cJSON_GetArrayItem(p0, 0);
    const cJSON *a1 = cJSON_GetArrayItem(p0, cJSON_GetArraySize(p0) - 1);
    const cJSON *b0 = cJSON_GetArrayItem(p1, 0);
    const cJSON *b1 = cJSON_GetArrayItem(p1, cJSON_GetArraySize(p1) - 1);
    assert_float_equal(cJSON_GetArrayItem(a0, 0)->valuedouble, 121.5, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(a1, 0)->valuedouble, 180.0, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(b0, 0)->valuedouble, -180.0, 1e-12);
    assert_float_equal(cJSON_GetArrayItem(b1, 0)->valuedouble, -118.2, 1e-12);
    double cross = gc_lat_at(121.5, 31.2, -118.2, 33.7, 180.0);
    assert_true(cross > 40.0 && cross < 60.0); /* the great circle bows north */
    assert_float_equal(cJSON_GetArrayItem(a1, 1)->valuedouble, cross, 0.05);
    assert_float_equal(cJSON_GetArrayItem(b0, 1)->valuedouble, cross, 0.05);
    /* a link that does not cross is a LineString; the closed one says so */
    const cJSON *l4 = feature_by_id(fc, "L4");
    g = cJSON_GetObjectItemCaseSensitive(l4, "geometry");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring, "LineString");
    props = cJSON_GetObjectItemCaseSensitive(l4, "properties");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "status")->valuestring, "closed");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(props, "mode")->valuestring, "sea");
    assert_float_equal(cJSON_GetObjectItemCaseSensitive(props, "days")->valuedouble, 35.0, 0.0);
    cJSON_Delete(fc);
    xbr_buf_free(&b);
    xbr_network_free(net);
}

static void test_geojson_routes_legs_and_whole_path(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    xbr_pic_route_t r = fixture_route();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_routes(&b, net, &r, 1, NULL), XBR_OK);
    save(&b, "routes.geojson", path, sizeof path);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(fc, "features");
    assert_int_equal(cJSON_GetArraySize(features), 4 + 1); /* 4 legs + the route */
    const cJSON *f;
    int leg = 0;
    cJSON_ArrayForEach(f, features)
    {
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(f, "geometry");
        check_positions(cJSON_GetObjectItemCaseSensitive(g, "coordinates"));
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(f, "properties");
        const char *kind = cJSON_GetObjectItemCaseSensitive(p, "kind")->valuestring;
        assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "route")->valueint, 1);
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "class")->valuestring,
                            "warehouse-sea");
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "regime")->valuestring, "9810");
        if (strcmp(kind, "leg") == 0) {
            assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "leg")->valueint, leg + 1);
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "days")->valuedouble,
                               LEG_DAYS[leg], 0.0);
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "cost")->valuedouble,
                               LEG_COST[leg], 0.0);
            leg++;
        } else {
            assert_string_equal(kind, "route");
            assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "type")->valuestring,
                                "MultiLineString");
            /* one line from Shenzhen to Shanghai to 180, one from -180 on to the market */
            const cJSON *c = cJSON_GetObjectItemCaseSensitive(g, "coordinates");
            assert_int_equal(cJSON_GetArraySize(c), 2);
            const cJSON *first = cJSON_GetArrayItem(cJSON_GetArrayItem(c, 0), 0);
            assert_float_equal(cJSON_GetArrayItem(first, 0)->valuedouble, 114.06, 1e-12);
            assert_float_equal(cJSON_GetArrayItem(first, 1)->valuedouble, 22.54, 1e-12);
            const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(p, "nodes");
            assert_int_equal(cJSON_GetArraySize(nodes), 5);
            assert_string_equal(cJSON_GetArrayItem(nodes, 4)->valuestring, "M1");
            assert_float_equal(cJSON_GetObjectItemCaseSensitive(p, "cost")->valuedouble, 4.05, 0.0);
        }
    }
    assert_int_equal(leg, 4);
    cJSON_Delete(fc);
    xbr_buf_free(&b);
    xbr_network_free(net);
}

/* ---- DOT ---- */

static void test_dot_one_line_per_node_and_balanced(void **state)
{
    (void)state;
    xbr_network_t *net = fixture();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_dot_network(&b, net, NULL), XBR_OK);
    save(&b, "network.dot", path, sizeof path);
    long depth = 0;
    bool in_string = false;
    for (const char *p = b.data; *p; p++) {
        if (*p == '\\' && in_string && p[1] != '\0') {
            p++;
            continue;
        }
        if (*p == '"')
            in_string = !in_string;
        else if (!in_string && *p == '{')
            depth++;
        else if (!in_string && *p == '}')
            depth--;
        assert_true(depth >= 0);
    }
    assert_false(in_string);
    assert_int_equal(depth, 0);
    /* one node line per node: a line that is a quoted id followed by " [shape=" */
    for (size_t i = 0; i < net->n_nodes; i++) {
        char needle[128];
        snprintf(needle, sizeof needle, "\"%s\" [shape=", net->nodes[i].id);
        assert_int_equal(count_substr(b.data, needle), 1);
    }
    assert_int_equal(count_substr(b.data, "[shape="), net->n_nodes);
    assert_int_equal(count_substr(b.data, " -> "), net->n_links);
    assert_int_equal(count_substr(b.data, "subgraph \"cluster_"), 3);
    assert_int_equal(count_substr(b.data, "style=dashed"), 1); /* L4 is closed */
    assert_non_null(strstr(b.data, "label=\"Shanghai <&\\\"> port\\nseaport\""));
    if (have_tool("dot")) {
        char cmd[2200];
        snprintf(cmd, sizeof cmd, "dot -Tsvg '%s' -o '%s.svg'", path, path);
        assert_int_equal(system(cmd), 0);
    } else {
        print_message("graphviz dot not installed: DOT layout not checked\n");
    }
    xbr_buf_free(&b);
    xbr_network_free(net);
}

/* ---- the shipped network, for a look and for robustness ---- */

static void test_shipped_network_renders(void **state)
{
    (void)state;
    xbr_network_t *net = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_network_load(XBR_SOURCE_DIR "/networks/china-export.json", &net, &diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        print_message("networks/china-export.json did not load (%s): skipped\n",
                      xbr_status_name(st));
        skip();
    }
    xbr_buf_t b;
    char path[1024];
    xbr_map_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = net->name;
    xbr_buf_init(&b);
    assert_int_equal(xbr_svg_map(&b, &opts, net, NULL, 0, NULL), XBR_OK);
    check_svg(&b, "china_export_world.svg");
    xbr_buf_free(&b);
    xbr_buf_init(&b);
    assert_int_equal(xbr_geojson_network(&b, net, NULL), XBR_OK);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(fc, "features"))
    {
        check_positions(cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(f, "geometry"), "coordinates"));
    }
    cJSON_Delete(fc);
    save(&b, "china_export.geojson", path, sizeof path);
    xbr_buf_free(&b);
    xbr_buf_init(&b);
    assert_int_equal(xbr_dot_network(&b, net, NULL), XBR_OK);
    assert_int_equal(count_substr(b.data, "[shape="), net->n_nodes);
    save(&b, "china_export.dot", path, sizeof path);
    xbr_buf_free(&b);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_projection_maps_hand_computed_points),
        cmocka_unit_test(test_map_fit_keeps_degrees_square),
        cmocka_unit_test(test_world_map_draws_nodes_routes_and_escapes_names),
        cmocka_unit_test(test_broken_route_is_rejected),
        cmocka_unit_test(test_land_polygons_lie_in_range),
        cmocka_unit_test(test_frontier_points_land_on_hand_computed_pixels),
        cmocka_unit_test(test_frontier_with_two_series_and_no_points_fails),
        cmocka_unit_test(test_stacked_bars_both_orientations),
        cmocka_unit_test(test_map_legend_merges_routes_with_the_same_label),
        cmocka_unit_test(test_waterfall_labels_steps_with_share),
        cmocka_unit_test(test_histogram_counts_on_time_share),
        cmocka_unit_test(test_geojson_network_lon_first_and_split_at_antimeridian),
        cmocka_unit_test(test_geojson_routes_legs_and_whole_path),
        cmocka_unit_test(test_dot_one_line_per_node_and_balanced),
        cmocka_unit_test(test_shipped_network_renders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
