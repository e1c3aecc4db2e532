/*
 * test_info.c - what `info` reports (model/info.c: xbr_info_run) and how it is written
 * (present/write_info.c: xbr_info_write). The network is built by hand; the counts and the
 * text lines below are read off it and the column widths of the format (type 14 wide, count 6
 * wide, right-aligned); the JSON is checked by parsing it back with cJSON.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/analysis.h"

/* CN: factories F1, F2 and seaport P; US: market M. F1>P truck, P>M sea (closed), F2>M post. */
static xbr_network_t *tiny(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int us = fx_add_country(net, "US");
    net->countries[cn].name = fx_strdup("China");
    fx_add_node(net, "F1", XBR_NODE_FACTORY, cn);
    fx_add_node(net, "F2", XBR_NODE_FACTORY, cn);
    fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    fx_add_node(net, "M", XBR_NODE_MARKET, us);
    fx_add_link(net, 0, 2, XBR_MODE_TRUCK, 1);
    int sea = fx_add_link(net, 2, 3, XBR_MODE_SEA, 20);
    fx_add_link(net, 1, 3, XBR_MODE_POST, 9);
    net->links[sea].closed = true;
    net->name = fx_strdup("tiny");
    assert_int_equal(xbr__network_index(net), XBR_OK);
    return net;
}

static void test_counts_and_unreachable(void **state)
{
    (void)state;
    xbr_network_t *net = tiny();
    xbr_info_t *info = NULL;
    assert_int_equal(xbr_info_run(net, &info), XBR_OK);
    assert_int_equal(info->nodes_by_type[XBR_NODE_FACTORY], 2);
    assert_int_equal(info->nodes_by_type[XBR_NODE_SEAPORT], 1);
    assert_int_equal(info->nodes_by_type[XBR_NODE_WAREHOUSE], 0);
    assert_int_equal(info->closed_nodes, 0);
    assert_int_equal(info->links_by_mode[XBR_MODE_SEA], 1);
    assert_int_equal(info->closed_links_by_mode[XBR_MODE_SEA], 1);
    assert_int_equal(info->closed_links, 1);
    assert_int_equal(info->nodes_by_country[0], 3);
    assert_int_equal(info->nodes_by_country[1], 1);
    /* F1's only way to M is the closed sea link */
    assert_int_equal(info->n_unreachable, 1);
    assert_int_equal(info->unreachable[0].factory, 0);
    assert_int_equal(info->unreachable[0].market, 3);
    xbr_info_free(info);
    xbr_info_free(NULL);
    xbr_network_free(net);
}

static void test_text(void **state)
{
    (void)state;
    xbr_network_t *net = tiny();
    xbr_info_t *info = NULL;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_info_run(net, &info), XBR_OK);
    assert_int_equal(xbr_info_write(&b, info, "t.json", net, NULL, XBR_FORMAT_TEXT), XBR_OK);
    /* the file named, as the network has no path of its own */
    assert_true(strncmp(b.data, "network    tiny (t.json)\ncurrency   USD\nsources    0\n\n", 53) ==
                0);
    assert_non_null(strstr(b.data, "\nnode type       count\n"));
    assert_non_null(strstr(b.data, "\nfactory             2\n"));
    assert_non_null(strstr(b.data, "\ntotal               4  (0 closed)\n"));
    assert_non_null(strstr(b.data, "\nsea                 1      1\n"));
    assert_non_null(strstr(b.data, "\nCN            3  China\n"));
    assert_non_null(strstr(b.data, "\nUS            1  \n"));
    assert_non_null(strstr(b.data, "no path over open links): 1 pairs\n  F1 -> M\n"));
    xbr_buf_destroy(&b);
    xbr_info_free(info);
    xbr_network_free(net);
}

static void test_json_and_scenario_products(void **state)
{
    (void)state;
    xbr_scenario_t *sc = fx_scenario_new(tiny(), 0); /* product p from F1 */
    xbr_network_t *net = sc->network;
    sc->products[0].demand_per_week[3] = 40.0;
    sc->products[0].max_days[3] = 12.0;
    sc->markets = malloc(sizeof(int));
    assert_non_null(sc->markets);
    sc->markets[0] = 3;
    sc->n_markets = 1;
    xbr_info_t *info = NULL;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_info_run(net, &info), XBR_OK);
    assert_int_equal(xbr_info_write(&b, info, "s.json", net, sc, XBR_FORMAT_JSON), XBR_OK);
    cJSON *root = cJSON_Parse(b.data);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "schema")->valuestring, "xbroute.info/1");
    assert_string_equal(cJSON_GetObjectItem(root, "kind")->valuestring, "scenario");
    const cJSON *n = cJSON_GetObjectItem(root, "network");
    assert_string_equal(cJSON_GetObjectItem(n, "file")->valuestring, "s.json");
    const cJSON *links = cJSON_GetObjectItem(n, "links");
    assert_int_equal(cJSON_GetObjectItem(links, "total")->valueint, 3);
    const cJSON *sea = cJSON_GetObjectItem(cJSON_GetObjectItem(links, "by_mode"), "sea");
    assert_int_equal(cJSON_GetObjectItem(sea, "closed")->valueint, 1);
    const cJSON *un = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "unreachable"), 0);
    assert_string_equal(cJSON_GetObjectItem(un, "factory")->valuestring, "F1");
    const cJSON *p = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "products"), 0);
    const cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItem(p, "markets"), 0);
    assert_string_equal(cJSON_GetObjectItem(m, "market")->valuestring, "M");
    assert_close(cJSON_GetObjectItem(m, "demand_per_week")->valuedouble, 40.0);
    assert_close(cJSON_GetObjectItem(m, "max_days")->valuedouble, 12.0);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(m, "reachable"))); /* F1 cannot reach M */
    cJSON_Delete(root);
    xbr_buf_destroy(&b);
    /* the text marks the market the product cannot reach */
    assert_int_equal(xbr_info_write(&b, info, "s.json", net, sc, XBR_FORMAT_TEXT), XBR_OK);
    assert_non_null(strstr(b.data, "scenario    (s.json)\n")); /* no name: empty */
    assert_non_null(strstr(b.data, " M=40(UNREACHABLE)\n"));
    xbr_buf_destroy(&b);
    xbr_info_free(info);
    xbr_scenario_free(sc);
}

static void test_unsupported_format_and_failed_buffer(void **state)
{
    (void)state;
    xbr_network_t *net = tiny();
    xbr_info_t *info = NULL;
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_info_run(net, &info), XBR_OK);
    assert_int_equal(xbr_info_write(&b, info, "t.json", net, NULL, XBR_FORMAT_CSV), XBR_EINPUT);
    assert_int_equal(b.len, 0);
    b.failed = 1;
    assert_int_equal(xbr_info_write(&b, info, "t.json", net, NULL, XBR_FORMAT_JSON), XBR_ENOMEM);
    xbr_buf_destroy(&b);
    xbr_info_free(info);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_and_unreachable),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_json_and_scenario_products),
        cmocka_unit_test(test_unsupported_format_and_failed_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
