/*
 * test_render.c - routes as JSON, text, picture records and GeoJSON (src/lib/present/render.c).
 * The JSON of a hand-built route is written out by hand from the contract in xbroute/render.h;
 * the picture records of an evaluated route are checked against the links' own days and
 * per-unit charges (a network with nothing else to pay).
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route_fixture.h"
#include "xbroute/render.h"

/* F (factory) > P (seaport) > M (market), all in CN; L0 truck 2 days, L1 last_mile 3 days, each
 * charging a plain amount per unit (1 and 0.5). One product "p" from F; promise 14 days at M. */
static xbr_scenario_t *scenario(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    int l0 = fx_add_link(net, f, p, XBR_MODE_TRUCK, 2.0);
    int l1 = fx_add_link(net, p, m, XBR_MODE_LAST_MILE, 3.0);
    net->links[l0].cost.per_unit = 1.0;
    net->links[l1].cost.per_unit = 0.5;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].max_days[m] = 14.0;
    return sc;
}

static const int LINKS[] = {0, 1};
static const int NODES[] = {0, 1, 2};

/* A route over L0 L1 with figures chosen to be exact in binary. */
static xbr_route_t hand_route(void)
{
    xbr_route_t r;
    memset(&r, 0, sizeof r);
    r.product = 0;
    r.origin = 0;
    r.market = 2;
    r.n_links = 2;
    r.links = (int *)LINKS;
    r.nodes = (int *)NODES;
    r.stock_at = -1;
    snprintf(r.class_name, sizeof r.class_name, "domestic");
    r.regime = XBR_REGIME_9610;
    r.cost.transport = 1.5;
    r.cost.duty = 0.25;
    r.cost.vat = 0.125;
    r.cost.total = 1.875;
    r.days = 12.5;
    r.days_var = 4.0;
    r.co2e_kg = 0.5;
    r.consumer_price = 101.875;
    r.factory_share = 0.8;
    r.generalised_cost = 1.875;
    r.domestic_sale = true; /* a domestic route: the consumer buys in the origin's country */
    return r;
}

static void test_route_json_follows_the_contract(void **state)
{
    (void)state;
    xbr_scenario_t *sc = scenario();
    xbr_route_t r = hand_route();
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_LINE, -1);
    xbr_route_write_json(&j, NULL, sc, &r);
    assert_string_equal(
        b.data,
        "{\"product\": \"p\", \"origin\": \"F\", \"market\": \"M\", \"nodes\": [\"F\", \"P\", "
        "\"M\"], \"links\": [\"L0\", \"L1\"], \"modes\": [\"truck\", \"last_mile\"], \"class\": "
        "\"domestic\", \"regime\": \"9610\", \"stock_at\": null, \"sale\": \"domestic\", \"cost\": "
        "{\"total\": 1.875, "
        "\"transport\": 1.5, \"handling\": 0, \"clearance\": 0, \"duty\": 0.25, \"vat\": 0.125, "
        "\"markup\": 0, \"in_transit\": 0, \"origin_stock\": 0, \"storage\": 0, \"capital\": 0, "
        "\"warehouse_fixed\": "
        "0, \"carbon\": 0}, \"days\": 12.5, \"days_sd\": 2, \"lead_time_days\": 0, "
        "\"interval_days\": 0, \"interval_economic\": false, \"co2e_kg\": "
        "0.5, \"consumer_price\": 101.875, \"factory_share\": 0.8, \"generalised_cost\": 1.875, "
        "\"promise_days\": 14, \"meets_promise\": true}\n");
    /* stocked at P every 28 days (an economic interval), slower than a promise, then no promise
     * at all */
    r.stock_at = 1;
    r.days = 15.0;
    r.interval_days = 28.0;
    r.interval_economic = true;
    xbr_buf_destroy(&b);
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_LINE, -1);
    xbr_route_write_json(&j, NULL, sc, &r);
    assert_non_null(strstr(b.data, "\"stock_at\": \"P\""));
    assert_non_null(strstr(b.data, "\"interval_days\": 28, \"interval_economic\": true"));
    assert_non_null(strstr(b.data, "\"promise_days\": 14, \"meets_promise\": false}"));
    sc->products[0].max_days[2] = INFINITY;
    xbr_buf_destroy(&b);
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_LINE, -1);
    xbr_route_write_json(&j, NULL, sc, &r);
    assert_non_null(strstr(b.data, "\"promise_days\": null, \"meets_promise\": null}"));
    xbr_buf_destroy(&b);
    xbr_scenario_free(sc);
}

static void test_cost_json_lists_every_component(void **state)
{
    (void)state;
    xbr_cost_breakdown_t c;
    memset(&c, 0, sizeof c);
    c.in_transit = 0.5;
    c.warehouse_fixed = 2.0;
    c.total = 2.5;
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init_layout(&j, &b, XBR_JSON_COMPACT, -1);
    xbr_json_object_begin(&j, NULL);
    xbr_cost_write_json(&j, "cost", &c);
    xbr_json_object_end(&j);
    assert_string_equal(b.data, "{\"cost\":{\"total\":2.5,\"transport\":0,\"handling\":0,"
                                "\"clearance\":0,\"duty\":0,\"vat\":0,\"markup\":0,"
                                "\"in_transit\":0.5,\"origin_stock\":0,\"storage\":0,\"capital\":0,"
                                "\"warehouse_fixed\":2,\"carbon\":0}}\n");
    xbr_buf_destroy(&b);
}

static void test_path_text_and_promise(void **state)
{
    (void)state;
    xbr_scenario_t *sc = scenario();
    xbr_route_t r = hand_route();
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_route_path_text(&b, sc->network, &r);
    assert_string_equal(b.data, "F >truck> P >last_mile> M");
    r.n_links = 0;
    xbr_buf_destroy(&b);
    xbr_buf_init(&b);
    xbr_route_path_text(&b, sc->network, &r);
    assert_int_equal(b.len, 0); /* a route of no links writes nothing */
    xbr_buf_destroy(&b);
    r = hand_route();
    assert_close(xbr_route_promise_days(sc, &r), 14.0);
    r.product = 7; /* no such product */
    assert_true(isinf(xbr_route_promise_days(sc, &r)));
    r.product = -1;
    assert_true(isinf(xbr_route_promise_days(sc, &r)));
    xbr_scenario_free(sc);
}

/* Picture records of an evaluated route: per leg, the link's days and its charge per unit. */
static void test_pictures_carry_leg_days_and_cost(void **state)
{
    (void)state;
    xbr_scenario_t *sc = scenario();
    xbr_route_t r;
    assert_int_equal(xbr_route_evaluate(sc, 0, 2, LINKS, 2, -1, &r, NULL), XBR_OK);
    xbr_pic_route_t *pics = xbr_route_pictures(sc, &r, 1);
    assert_non_null(pics);
    assert_int_equal(pics[0].n_links, 2);
    assert_ptr_equal(pics[0].links, r.links);
    assert_string_equal(pics[0].route_class, r.class_name);
    assert_string_equal(pics[0].regime, xbr_regime_name(r.regime));
    assert_null(pics[0].label);
    assert_close(pics[0].cost, r.cost.total);
    assert_close(pics[0].days, r.days);
    assert_non_null(pics[0].leg_days);
    assert_non_null(pics[0].leg_cost);
    assert_close(pics[0].leg_days[0], 2.0);
    assert_close(pics[0].leg_days[1], 3.0);
    assert_close(pics[0].leg_cost[0], 1.0);
    assert_close(pics[0].leg_cost[1], 0.5);
    xbr_route_pictures_free(pics, 1);
    xbr_route_pictures_free(NULL, 0);

    /* the same as GeoJSON: two legs and the route */
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_route_write_geojson(&b, sc, &r, 1, NULL), XBR_OK);
    cJSON *fc = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(fc);
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(fc, "features");
    assert_int_equal(cJSON_GetArraySize(features), 3);
    const cJSON *leg2 =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(features, 1), "properties");
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(leg2, "link")->valuestring, "L1");
    assert_close(cJSON_GetObjectItemCaseSensitive(leg2, "days")->valuedouble, 3.0);
    assert_close(cJSON_GetObjectItemCaseSensitive(leg2, "cost")->valuedouble, 0.5);
    cJSON_Delete(fc);
    xbr_buf_destroy(&b);

    /* a route that does not fit the network is an input error */
    static const int bad[] = {1, 0};
    xbr_route_t broken = r;
    broken.links = (int *)bad;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_init(&b);
    assert_int_equal(xbr_route_write_geojson(&b, sc, &broken, 1, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route_json_follows_the_contract),
        cmocka_unit_test(test_cost_json_lists_every_component),
        cmocka_unit_test(test_path_text_and_promise),
        cmocka_unit_test(test_pictures_carry_leg_days_and_cost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
