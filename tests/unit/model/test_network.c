/*
 * test_network.c - networks and scenarios in the model (model/network.c): indexing (ids,
 * the igraph graph, distances from the great circle and the detour factor; the loader's maps
 * taken over), lookups, duty by category, interned file names, and what indexing refuses.
 * Networks are built in code with the shared fixture; distances are worked out by hand.
 */
#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"

static const double pi = 3.14159265358979323846;
static const double r_km = 6371.0088; /* IUGG mean Earth radius, as model.h says */

static void test_great_circle(void **state)
{
    (void)state;
    assert_close(xbr_great_circle_km(0, 0, 0, 0), 0.0);
    /* a quarter of the equator, and half: pi/2 R and pi R */
    assert_close(xbr_great_circle_km(0, 0, 0, 90), pi / 2 * r_km);
    assert_close(xbr_great_circle_km(0, 0, 0, 180), pi * r_km);
    /* pole to pole along a meridian */
    assert_close(xbr_great_circle_km(90, 0, -90, 0), pi * r_km);
    /* symmetric, and across the antimeridian the short way: 2 degrees of the equator */
    assert_close(xbr_great_circle_km(0, 179, 0, -179), 2.0 * pi / 180 * r_km);
    assert_close(xbr_great_circle_km(10, 20, 30, 40), xbr_great_circle_km(30, 40, 10, 20));
}

static xbr_network_t *three_nodes(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int us = fx_add_country(net, "US");
    fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    fx_add_node(net, "M", XBR_NODE_MARKET, us);
    net->nodes[1].lon = 90.0; /* F at (0, 0), P at (0, 90), M at (0, 0) */
    fx_add_link(net, 0, 1, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 1, 2, XBR_MODE_SEA, 20);
    return net;
}

static void test_index_maps_ids_and_builds_graph(void **state)
{
    (void)state;
    xbr_network_t *net = three_nodes();
    net->links[0].distance_given = false; /* from the great circle x the truck's 1.30 */
    net->links[1].distance_km = 12345.0;  /* given: kept */
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_int_equal(xbr_network_find_node(net, "P"), 1);
    assert_int_equal(xbr_network_find_node(net, "Q"), -1);
    assert_int_equal(xbr_network_find_link(net, "L1"), 1);
    assert_int_equal(xbr_network_find_country(net, "US"), 1);
    assert_int_equal(xbr_network_find_country(net, "DE"), -1);
    assert_close(net->links[0].distance_km, pi / 2 * r_km * 1.30);
    assert_close(net->links[1].distance_km, 12345.0);
    /* vertex i is node i, edge j is link j */
    assert_int_equal(igraph_vcount(&net->graph->g), 3);
    assert_int_equal(igraph_ecount(&net->graph->g), 2);
    igraph_integer_t from, to;
    igraph_edge(&net->graph->g, 1, &from, &to);
    assert_int_equal(from, 1);
    assert_int_equal(to, 2);
    /* indexing again (after an edit) gives the same maps */
    net->detour_factor[XBR_MODE_TRUCK] = 2.0;
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_close(net->links[0].distance_km, pi / 2 * r_km * 2.0);
    assert_int_equal(xbr_network_find_node(net, "M"), 2);
    xbr_network_free(net);
}

static void test_index_refuses_repeats_and_dangling_links(void **state)
{
    (void)state;
    xbr_network_t *net = three_nodes();
    free(net->nodes[2].id);
    net->nodes[2].id = fx_strdup("F"); /* two nodes "F" */
    assert_int_equal(xbr__network_index(net), XBR_EINPUT);
    xbr_network_free(net);

    net = three_nodes();
    free(net->links[1].id);
    net->links[1].id = fx_strdup("L0");
    assert_int_equal(xbr__network_index(net), XBR_EINPUT);
    xbr_network_free(net);

    net = three_nodes();
    net->links[1].to = 3; /* no node 3 */
    assert_int_equal(xbr__network_index(net), XBR_EINPUT);
    net->links[1].to = -1;
    assert_int_equal(xbr__network_index(net), XBR_EINPUT);
    xbr_network_free(net);

    net = three_nodes();
    fx_add_country(net, "CN");
    assert_int_equal(xbr__network_index(net), XBR_EINPUT);
    xbr_network_free(net);
}

/* The caller's maps are taken when each holds its array's ids; a map short of one is not, and
 * all three are built anew (the lookups are the same either way). */
static void test_index_adopts_the_loader_maps(void **state)
{
    (void)state;
    xbr_network_t *net = three_nodes();
    xbr__strmap_t nodes, links, countries;
    xbr__strmap_init(&nodes);
    xbr__strmap_init(&links);
    xbr__strmap_init(&countries);
    for (size_t i = 0; i < net->n_nodes; i++)
        assert_int_equal(xbr__strmap_put(&nodes, net->nodes[i].id, (int)i), XBR_OK);
    for (size_t j = 0; j < net->n_links; j++)
        assert_int_equal(xbr__strmap_put(&links, net->links[j].id, (int)j), XBR_OK);
    for (size_t i = 0; i < net->n_countries; i++)
        assert_int_equal(xbr__strmap_put(&countries, net->countries[i].code, (int)i), XBR_OK);
    const char **node_keys = nodes.keys;
    assert_int_equal(xbr__network_index_adopt(net, &nodes, &links, &countries), XBR_OK);
    assert_ptr_equal(net->graph->node_ids.keys, node_keys); /* moved, not copied */
    assert_null(nodes.keys);
    assert_int_equal(nodes.count, 0);
    assert_int_equal(links.count, 0);
    assert_int_equal(countries.count, 0);
    assert_int_equal(xbr_network_find_node(net, "M"), 2);
    assert_int_equal(xbr_network_find_link(net, "L1"), 1);
    assert_int_equal(xbr_network_find_country(net, "US"), 1);
    assert_int_equal(igraph_ecount(&net->graph->g), 2);
    xbr_network_free(net);

    net = three_nodes();
    xbr__strmap_init(&nodes); /* short of node "M" */
    assert_int_equal(xbr__strmap_put(&nodes, net->nodes[0].id, 0), XBR_OK);
    assert_int_equal(xbr__strmap_put(&nodes, net->nodes[1].id, 1), XBR_OK);
    assert_int_equal(xbr__network_index_adopt(net, &nodes, &links, &countries), XBR_OK);
    assert_int_equal(nodes.count, 2); /* not taken: still the caller's */
    assert_int_equal(xbr_network_find_node(net, "M"), 2);
    assert_int_equal(xbr_network_find_link(net, "L0"), 0);
    assert_int_equal(xbr_network_find_country(net, "CN"), 0);
    xbr__strmap_destroy(&nodes);
    xbr_network_free(net);
}

static void test_duty_by_category(void **state)
{
    (void)state;
    char *cats[] = {"toys", "apparel"};
    double pcts[] = {0.0, 12.0};
    xbr_country_t c = {0};
    c.duty_pct_default = 4.0;
    c.n_duty = 2;
    c.duty_category = cats;
    c.duty_pct = pcts;
    assert_close(xbr_country_duty_pct(&c, "apparel"), 12.0);
    assert_close(xbr_country_duty_pct(&c, "toys"), 0.0); /* listed 0 is 0, not the default */
    assert_close(xbr_country_duty_pct(&c, "home"), 4.0);
    assert_close(xbr_country_duty_pct(&c, NULL), 4.0);
}

static void test_intern_keeps_one_copy(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    char name[] = "a.json";
    const char *a = xbr__network_intern(net, name);
    name[0] = 'b';
    const char *b = xbr__network_intern(net, name);
    const char *a2 = xbr__network_intern(net, "a.json");
    assert_string_equal(a, "a.json");
    assert_string_equal(b, "b.json");
    assert_ptr_equal(a, a2);
    assert_null(xbr__network_intern(net, NULL));
    assert_int_equal(net->strings->count, 2);
    xbr_network_free(net);
}

static void test_scenario_products_and_free(void **state)
{
    (void)state;
    xbr_scenario_t *sc = fx_scenario_new(three_nodes(), 0);
    assert_int_equal(xbr_scenario_find_product(sc, "p"), 0);
    assert_int_equal(xbr_scenario_find_product(sc, "q"), -1);
    assert_int_equal(xbr_scenario_find_product(sc, NULL), -1);
    xbr_scenario_free(sc); /* frees the network too (ASan checks) */
    xbr_scenario_free(NULL);
    xbr_network_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_great_circle),
        cmocka_unit_test(test_index_maps_ids_and_builds_graph),
        cmocka_unit_test(test_index_refuses_repeats_and_dangling_links),
        cmocka_unit_test(test_index_adopts_the_loader_maps),
        cmocka_unit_test(test_duty_by_category),
        cmocka_unit_test(test_intern_keeps_one_copy),
        cmocka_unit_test(test_scenario_products_and_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
