/*
 * present/test_write_info.c - xbr_info_write() (src/lib/present/write_info.c): what `info`
 * counts in a network, and a scenario's products, as text and JSON.
 *
 * The network "tiny", built here (countries CN "China" and US, no name):
 *   nodes  F1, F2 factories, P seaport (CN); W warehouse (closed), M, M2, M3 markets (US)
 *   links  L0 F1>P truck, L1 P>M sea (closed), L2 F2>M post, L3 F2>W air, L4 W>M2 last_mile,
 *          L5 F2>M3 express
 * Counts: factory 2, seaport 1, warehouse 1, market 3, the six other types 0: 7 nodes, 1
 * closed; truck, sea, air, express, post, last_mile 1 each, rail 0: 6 links, 1 closed (sea);
 * CN 3 nodes, US 4.
 * Unreachable over open links and nodes, by factory id then market id: F1 reaches only P (its
 * way on to M is the closed sea link): F1 -> M, F1 -> M2, F1 -> M3; F2 reaches M and M3, and
 * M2 only through the closed W: F2 -> M2. 4 pairs.
 * The scenario "demo": product p (toys) from F1 and F2, 0.15 kg, 0.00062 m3, worth 12.3456;
 * 40 a week at M within 12 days, 25 at M2 with no promise, none at M3 (listed, not shown).
 * M is reachable (from F2), M2 from neither origin.
 * Text: counts %6zu after names %-14s; unit kg %10.3f (0.150), m3 %10.4f (0.0006), value
 * %12.2f (12.35).
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "model/internal.h"
#include "route_fixture.h"
#include "writer_check.h"
#include "xbroute/analysis.h"

typedef struct {
    xbr_scenario_t *sc; /* owns the network */
    xbr_info_t *info;
    const char *file;
    bool scenario; /* write the scenario, or only its network */
} inputs_t;

/* The network and scenario above, counted; `sources` sources, a path, a currency when given. */
static void build(inputs_t *x, size_t sources, const char *path, const char *currency)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    net->countries[cn].name = fx_strdup("China");
    int f1 = fx_add_node(net, "F1", XBR_NODE_FACTORY, cn);
    int f2 = fx_add_node(net, "F2", XBR_NODE_FACTORY, cn);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, us);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    int m2 = fx_add_node(net, "M2", XBR_NODE_MARKET, us);
    int m3 = fx_add_node(net, "M3", XBR_NODE_MARKET, us);
    fx_add_link(net, f1, p, XBR_MODE_TRUCK, 1);
    int sea = fx_add_link(net, p, m, XBR_MODE_SEA, 20);
    fx_add_link(net, f2, m, XBR_MODE_POST, 9);
    fx_add_link(net, f2, w, XBR_MODE_AIR, 3);
    fx_add_link(net, w, m2, XBR_MODE_LAST_MILE, 1);
    fx_add_link(net, f2, m3, XBR_MODE_EXPRESS, 4);
    net->links[sea].closed = true;
    net->nodes[w].closed = true;
    net->name = fx_strdup("tiny");
    if (path != NULL)
        net->path = fx_strdup(path);
    if (currency != NULL)
        net->currency = fx_strdup(currency);
    net->n_sources = sources;
    net->sources = calloc(sources ? sources : 1, sizeof *net->sources);
    assert_non_null(net->sources);
    x->sc = fx_scenario_new(net, f1);
    x->sc->name = fx_strdup("demo");
    fx_add_origin(x->sc, f2);
    xbr_product_t *prod = &x->sc->products[0];
    prod->unit_kg = 0.15;
    prod->unit_m3 = 0.00062;
    prod->unit_value = 12.3456;
    afx_set_demand(x->sc, m, 40, 12);
    afx_set_demand(x->sc, m2, 25, INFINITY);
    afx_set_demand(x->sc, m3, 0, INFINITY);
    x->info = NULL;
    assert_int_equal(xbr_info_run(net, &x->info), XBR_OK);
    x->file = "t.json";
    x->scenario = false;
}

static void destroy(inputs_t *x)
{
    xbr_info_free(x->info);
    xbr_scenario_free(x->sc);
}

/* In *state: the network alone, named "t.json", with no path, currency or sources of its own. */
static int setup_network(void **state)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    build(x, 0, NULL, NULL);
    *state = x;
    return 0;
}

/* In *state: the scenario "s.json", its network from nets/tiny.json in EUR with 2 sources. */
static int setup_scenario(void **state)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    build(x, 2, "nets/tiny.json", "EUR");
    x->file = "s.json";
    x->scenario = true;
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    destroy(*state);
    free(*state);
    return 0;
}

static xbr_status_t write_inputs(xbr_buf_t *b, const void *inputs, xbr_format_t format)
{
    const inputs_t *x = inputs;
    return xbr_info_write(b, x->info, x->file, x->sc->network, x->scenario ? x->sc : NULL, format);
}

/* A network: its name and file (the one named, as it has no path), currency and sources, then
 * the tables of node types, link modes and countries, then the unreachable pairs. */
static void test_text_network_tables(void **state)
{
    xbr_buf_t b;
    char lanes[256], expect[2048];
    double snap;
    /* The sea link L1 joins P and M, both at (0, 0): both snap to the same lane node, so the
     * lane is 0 km long, the given distance (0) stays, no passage is crossed; the snap distance
     * is that node's distance from (0, 0) (the snap itself is checked in test_sealanes.c). */
    assert_true(xbr__sealanes_snap(0.0, 0.0, &snap) >= 0);
    snprintf(lanes, sizeof lanes,
             "\n%-28s %9s %9s %7s %7s  %s\n"
             "L1                                   0         0 %7.1f %7.1f  -  (closed)\n",
             "sea link (lane)", "lane km", "dist km", "snap A", "snap B", "passages", snap, snap);
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    snprintf(expect, sizeof expect, "%s%s%s",
             "network    tiny (t.json)\n"
             "currency   USD\n"
             "sources    0\n"
             "\n"
             "node type       count\n"
             "factory             2\n"
             "exporter            0\n"
             "importer            0\n"
             "wholesaler          0\n"
             "retailer            0\n"
             "seaport             1\n"
             "airport             0\n"
             "rail_terminal       0\n"
             "warehouse           1\n"
             "market              3\n"
             "total               7  (1 closed)\n"
             "\n"
             "link mode       count closed\n"
             "truck               1      0\n"
             "rail                0      0\n"
             "sea                 1      1\n"
             "air                 1      0\n"
             "express             1      0\n"
             "post                1      0\n"
             "last_mile           1      0\n"
             "total               6      1\n"
             "\n"
             "country   nodes  name\n"
             "CN            3  China\n"
             "US            4  \n",
             lanes,
             "\n"
             "unreachable (factory -> market, no path over open links): 4 pairs\n"
             "  F1 -> M\n"
             "  F1 -> M2\n"
             "  F1 -> M3\n"
             "  F2 -> M2\n");
    assert_string_equal(b.data, expect);
    xbr_buf_destroy(&b);
}

/* A scenario: its name and file first; the network's own path, currency and sources; after the
 * tables its product with the markets it has demand in, M2 marked unreachable. */
static void test_text_scenario_products(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "scenario   demo (s.json)\n"
                         "network    tiny (nets/tiny.json)\n"
                         "currency   EUR\n"
                         "sources    2\n\n");
    wc_assert_has(&b, "\n  F2 -> M2\n"
                      "\nproduct          category          unit kg    unit m3   unit value  "
                      "markets (units/week)\n"
                      "p                toys                0.150     0.0006        12.35  M=40 "
                      "M2=25(UNREACHABLE)\n");
    wc_assert_lacks(&b, "M3=");
    xbr_buf_destroy(&b);
}

/* Every pair reachable: "none". F -> M by truck in a network of its own. */
static void test_text_nothing_unreachable(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    fx_add_link(net, f, m, XBR_MODE_TRUCK, 1);
    inputs_t x = {fx_scenario_new(net, f), NULL, "n.json", false};
    assert_int_equal(xbr_info_run(net, &x.info), XBR_OK);
    xbr_buf_t b;
    wc_render(&b, write_inputs, &x, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "network     (n.json)\n"); /* no name: empty */
    wc_assert_ends(&b, "\nunreachable (factory -> market, no path over open links): none\n");
    xbr_buf_destroy(&b);
    cJSON *d = wc_render_json(write_inputs, &x);
    assert_string_equal(wc_str(d, "kind"), "network");
    wc_assert_null(d, "network/name");
    assert_int_equal(wc_size(d, "unreachable"), 0);
    cJSON_Delete(d);
    destroy(&x);
}

/* The xbroute.info/1 document of a network: no "scenario" nor "products". */
static void test_json_network(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "schema"), "xbroute.info/1");
    assert_string_equal(wc_str(d, "file"), "t.json");
    assert_string_equal(wc_str(d, "kind"), "network");
    assert_false(wc_has(d, "scenario"));
    assert_false(wc_has(d, "products"));
    assert_string_equal(wc_str(d, "network/name"), "tiny");
    assert_string_equal(wc_str(d, "network/file"), "t.json");
    assert_string_equal(wc_str(d, "network/currency"), "USD");
    assert_int_equal((int)wc_num(d, "network/sources"), 0);
    assert_int_equal((int)wc_num(d, "network/nodes/total"), 7);
    assert_int_equal((int)wc_num(d, "network/nodes/closed"), 1);
    assert_int_equal(wc_size(d, "network/nodes/by_type"), XBR_NODE_TYPE_COUNT);
    static const struct {
        const char *key;
        int n;
    } types[] = {{"factory", 2},       {"exporter", 0},  {"seaport", 1}, {"airport", 0},
                 {"rail_terminal", 0}, {"warehouse", 1}, {"market", 3}};
    char path[64];
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        snprintf(path, sizeof path, "network/nodes/by_type/%s", types[i].key);
        assert_int_equal((int)wc_num(d, path), types[i].n);
    }
    assert_int_equal((int)wc_num(d, "network/links/total"), 6);
    assert_int_equal((int)wc_num(d, "network/links/closed"), 1);
    assert_int_equal(wc_size(d, "network/links/by_mode"), XBR_MODE_COUNT);
    assert_int_equal((int)wc_num(d, "network/links/by_mode/sea/total"), 1);
    assert_int_equal((int)wc_num(d, "network/links/by_mode/sea/closed"), 1);
    assert_int_equal((int)wc_num(d, "network/links/by_mode/rail/total"), 0);
    assert_int_equal((int)wc_num(d, "network/links/by_mode/last_mile/total"), 1);
    assert_int_equal((int)wc_num(d, "network/links/by_mode/last_mile/closed"), 0);
    assert_int_equal(wc_size(d, "network/countries"), 2);
    assert_string_equal(wc_str(d, "network/countries/0/code"), "CN");
    assert_string_equal(wc_str(d, "network/countries/0/name"), "China");
    assert_int_equal((int)wc_num(d, "network/countries/0/nodes"), 3);
    wc_assert_null(d, "network/countries/1/name");
    assert_int_equal((int)wc_num(d, "network/countries/1/nodes"), 4);
    assert_int_equal(wc_size(d, "unreachable"), 4);
    static const char *const pairs[4][2] = {{"F1", "M"}, {"F1", "M2"}, {"F1", "M3"}, {"F2", "M2"}};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "unreachable/%d/factory", i);
        assert_string_equal(wc_str(d, path), pairs[i][0]);
        snprintf(path, sizeof path, "unreachable/%d/market", i);
        assert_string_equal(wc_str(d, path), pairs[i][1]);
    }
    cJSON_Delete(d);
}

/* The document of a scenario: its name and products; no promise (INFINITY) is null. */
static void test_json_scenario_products(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "file"), "s.json");
    assert_string_equal(wc_str(d, "kind"), "scenario");
    assert_string_equal(wc_str(d, "scenario"), "demo");
    assert_string_equal(wc_str(d, "network/file"), "nets/tiny.json");
    assert_string_equal(wc_str(d, "network/currency"), "EUR");
    assert_int_equal((int)wc_num(d, "network/sources"), 2);
    assert_int_equal(wc_size(d, "products"), 1);
    assert_string_equal(wc_str(d, "products/0/id"), "p");
    assert_string_equal(wc_str(d, "products/0/category"), "toys");
    assert_int_equal(wc_size(d, "products/0/origins"), 2);
    assert_string_equal(wc_str(d, "products/0/origins/0"), "F1");
    assert_string_equal(wc_str(d, "products/0/origins/1"), "F2");
    assert_close(wc_num(d, "products/0/unit_kg"), 0.15);
    assert_close(wc_num(d, "products/0/unit_m3"), 0.00062);
    assert_close(wc_num(d, "products/0/unit_value"), 12.3456);
    assert_int_equal(wc_size(d, "products/0/markets"), 2); /* M3 has no demand */
    assert_string_equal(wc_str(d, "products/0/markets/0/market"), "M");
    assert_close(wc_num(d, "products/0/markets/0/demand_per_week"), 40.0);
    assert_close(wc_num(d, "products/0/markets/0/max_days"), 12.0);
    assert_true(wc_bool(d, "products/0/markets/0/reachable"));
    assert_string_equal(wc_str(d, "products/0/markets/1/market"), "M2");
    assert_close(wc_num(d, "products/0/markets/1/demand_per_week"), 25.0);
    wc_assert_null(d, "products/0/markets/1/max_days");
    assert_false(wc_bool(d, "products/0/markets/1/reachable"));
    cJSON_Delete(d);
}

/* Text and JSON only: CSV and the out-of-range formats are XBR_EINPUT (as
 * xbroute/analysis.h documents) and append nothing. */
static void test_other_formats_refused(void **state)
{
    wc_check_refused(write_inputs, *state, WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON),
                     XBR_EINPUT);
}

static void test_failed_buffer_is_out_of_memory(void **state)
{
    wc_check_failed_buffer(write_inputs, *state,
                           WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON));
}

/* A test of the network alone; one of the scenario. */
#define NETWORK(test)                                                                              \
    {                                                                                              \
#test " (network)", test, setup_network, teardown, NULL                                    \
    }
#define SCENARIO(test)                                                                             \
    {                                                                                              \
#test " (scenario)", test, setup_scenario, teardown, NULL                                  \
    }

int main(void)
{
    const struct CMUnitTest tests[] = {
        NETWORK(test_text_network_tables),
        SCENARIO(test_text_scenario_products),
        cmocka_unit_test(test_text_nothing_unreachable),
        NETWORK(test_json_network),
        SCENARIO(test_json_scenario_products),
        NETWORK(test_other_formats_refused),
        SCENARIO(test_other_formats_refused),
        NETWORK(test_failed_buffer_is_out_of_memory),
        SCENARIO(test_failed_buffer_is_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
