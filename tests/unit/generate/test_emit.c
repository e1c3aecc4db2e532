/*
 * test_emit.c - the generated network file's JSON (generate/emit.c): the document's shape
 * (pretty top level, sources and regimes one per line with spaces, countries, nodes and links
 * one per line without), numbers with the decimals they were rounded to, zeros left out where
 * the format's default is 0. Expected lines are written by hand from the records below and
 * the reference tables' figures.
 */
#include "xbr_test.h"

#include <string.h>

#include "generate/internal.h"

/* The network document of three nodes and two links (the document's text into *b). */
static void write_sample(xbr_buf_t *b)
{
    xbr__gen_node_t nodes[3];
    memset(nodes, 0, sizeof nodes);
    nodes[0] = (xbr__gen_node_t){.id = "F00001",
                                 .name = "A factory 1",
                                 .type = XBR_NODE_FACTORY,
                                 .country = C_CN,
                                 .lat = 22.5,
                                 .lon = 114.25,
                                 .h_unit = 0.31,
                                 .h_days = 1.4};
    nodes[1] = (xbr__gen_node_t){.id = "W0001",
                                 .name = "B overseas warehouse 1",
                                 .type = XBR_NODE_WAREHOUSE,
                                 .country = C_US,
                                 .lat = 40.0,
                                 .lon = -74.1234,
                                 .h_unit = 2.5,
                                 .h_days = 1.0,
                                 .storage = 0.87,
                                 .fixed = 1200,
                                 .capacity = 5000,
                                 .source = "x"};
    nodes[2] = (xbr__gen_node_t){.id = "M00001",
                                 .name = "Z zone 1",
                                 .type = XBR_NODE_MARKET,
                                 .country = C_US,
                                 .lat = -33.8688,
                                 .lon = 151.2093};
    xbr__gen_plan_t plan;
    memset(&plan, 0, sizeof plan);
    plan.n_nodes = 3;
    plan.nodes = nodes;
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    p.links = 1000;
    p.seed = 7;
    static const char *const cape[] = {"cape", NULL};
    xbr__gen_link_t express = {.from = 0,
                               .to = 2,
                               .mode = XBR_MODE_EXPRESS,
                               .per_kg = 15.5,
                               .min_charge = 25,
                               .dmin = 3.2,
                               .dmode = 4,
                               .dmax = 5.4};
    xbr__gen_link_t sea = {.id = "S1",
                           .from = 0,
                           .to = 1,
                           .mode = XBR_MODE_SEA,
                           .per_m3 = 83.86,
                           .per_shipment = 430,
                           .dmin = 15.8,
                           .dmode = 18.8,
                           .dmax = 24.4,
                           .departures = 1,
                           .distance_km = 10674.9,
                           .capacity = 2e6,
                           .via = cape,
                           .source = "searoute"};
    xbr__emit_t e;
    xbr_buf_init(b);
    xbr__emit_begin(&e, b, &plan, &p);
    xbr__emit_link(&e, &express);
    xbr__emit_link(&e, &sea);
    xbr__emit_end(&e);
    assert_int_equal(e.links, 2);
}

static void test_header_sections(void **state)
{
    (void)state;
    xbr_buf_t b;
    write_sample(&b);
    const char *s = b.data;
    static const char head[] = "{\n  \"format\": \"xbroute.network/1\",\n"
                               "  \"name\": \"synthetic-1000-links-seed-7\",\n"
                               "  \"description\": \"Synthetic cross-border network";
    assert_true(strncmp(s, head, sizeof head - 1) == 0);
    assert_non_null(strstr(s, "\n  \"currency\": \"USD\",\n  \"sources\": [\n    {\"id\": "
                              "\"generator\", \"what\": \"every rate,"));
    assert_non_null(strstr(s, "\n  ],\n  \"countries\": {\n"
                              "    \"CN\": {\"name\":\"China\",\"source\":\"generator\"},\n"
                              "    \"US\": {\"name\":\"United States\",\"de_minimis\":0,"
                              "\"vat_de_minimis\":0,\"duty_pct\":{\"default\":5,"
                              "\"electronics\":25,\"apparel\":16,\"home\":7,\"toys\":0,"
                              "\"beauty\":5,\"sports\":6},\"vat_pct\":0,\"clearance_days\":2,"
                              "\"clearance_fee_per_shipment\":35,\"inspection_prob\":0.05,"
                              "\"inspection_days\":3,\"source\":\"generator\"},\n"));
    assert_non_null(strstr(s, "\"customs_union\":\"EU\"")); /* the EU members */
    assert_non_null(strstr(s, "\n  },\n  \"regimes\": {\n    \"9610\": {\"clearance_days\": 0.5, "
                              "\"fee_per_shipment\": 0, \"source\": \"generator\"},\n"));
    assert_non_null(strstr(s, "    \"0110\": {\"clearance_days\": 2, \"fee_per_shipment\": 60, "
                              "\"source\": \"generator\"}\n  },\n"));
    xbr_buf_destroy(&b);
}

static void test_nodes_and_links_one_per_line(void **state)
{
    (void)state;
    xbr_buf_t b;
    write_sample(&b);
    static const char tail[] =
        "  \"nodes\": [\n"
        "    {\"id\":\"F00001\",\"type\":\"factory\",\"name\":\"A factory 1\",\"country\":\"CN\","
        "\"lat\":22.5,\"lon\":114.25,\"handling\":{\"cost_per_unit\":0.31,\"days\":1.4}},\n"
        "    {\"id\":\"W0001\",\"type\":\"warehouse\",\"name\":\"B overseas warehouse 1\","
        "\"country\":\"US\",\"lat\":40,\"lon\":-74.1234,\"handling\":{\"cost_per_unit\":2.5,"
        "\"days\":1},\"storage_cost_per_m3_day\":0.87,\"fixed_cost_per_week\":1200,"
        "\"capacity_m3\":5000,\"source\":\"x\"},\n"
        "    {\"id\":\"M00001\",\"type\":\"market\",\"name\":\"Z zone 1\",\"country\":\"US\","
        "\"lat\":-33.8688,\"lon\":151.2093}\n"
        "  ],\n"
        "  \"links\": [\n"
        "    {\"from\":\"F00001\",\"to\":\"M00001\",\"mode\":\"express\",\"cost\":{\"per_kg\":15.5,"
        "\"min_charge\":25},\"days\":{\"min\":3.2,\"mode\":4,\"max\":5.4}},\n"
        "    {\"id\":\"S1\",\"from\":\"F00001\",\"to\":\"W0001\",\"mode\":\"sea\","
        "\"cost\":{\"per_m3\":83.86,\"per_shipment\":430},\"days\":{\"min\":15.8,\"mode\":18.8,"
        "\"max\":24.4},\"departures_per_week\":1,\"distance_km\":10674.9,"
        "\"capacity_kg_per_week\":2000000,\"via\":[\"cape\"],\"source\":\"searoute\"}\n"
        "  ]\n"
        "}\n";
    assert_true(b.len > sizeof tail);
    assert_string_equal(b.data + b.len - (sizeof tail - 1), tail);
    xbr_buf_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_sections),
        cmocka_unit_test(test_nodes_and_links_one_per_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
