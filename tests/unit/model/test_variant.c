/*
 * test_variant.c - editable variants of a scenario (model/variant.c): closing, opening and
 * changing numbers of the variant's nodes and links leaves the original untouched, while
 * everything else (ids, maps, graph, products) is shared.
 */
#include "xbr_test.h"

#include "model/internal.h"
#include "route_fixture.h"

static xbr_scenario_t *small(void)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    fx_add_node(net, "W", XBR_NODE_WAREHOUSE, cn);
    fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    fx_add_link(net, 0, 1, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 1, 2, XBR_MODE_LAST_MILE, 2);
    return fx_scenario_new(net, 0);
}

static void test_edits_do_not_touch_the_original(void **state)
{
    (void)state;
    xbr_scenario_t *sc = small();
    xbr_network_t *net = sc->network;
    net->nodes[1].fixed_cost_per_week = 500.0;
    xbr__variant_t *v = xbr__variant_new(sc);
    assert_non_null(v);
    assert_ptr_equal(v->sc.network, &v->net);
    assert_true(v->net.nodes != net->nodes && v->net.links != net->links);
    v->net.nodes[1].closed = true;
    v->net.nodes[1].fixed_cost_per_week = 0.0;
    v->net.links[0].closed = true;
    v->net.links[1].cost.per_unit = 9.0;
    assert_false(net->nodes[1].closed);
    assert_close(net->nodes[1].fixed_cost_per_week, 500.0);
    assert_false(net->links[0].closed);
    assert_close(net->links[1].cost.per_unit, 0.0);
    /* what is shared: strings, maps, graph, products */
    assert_ptr_equal(v->net.nodes[2].id, net->nodes[2].id);
    assert_ptr_equal(v->net.graph, net->graph);
    assert_ptr_equal(v->sc.products, sc->products);
    assert_int_equal(xbr_network_find_link(&v->net, "L1"), 1);
    /* a second variant starts from the original, not from the first */
    xbr__variant_t *w = xbr__variant_new(sc);
    assert_non_null(w);
    assert_false(w->net.nodes[1].closed);
    xbr__variant_free(w);
    xbr__variant_free(v);
    xbr__variant_free(NULL);
    /* the original is whole after the variants are gone */
    assert_string_equal(net->nodes[2].id, "M");
    xbr_scenario_free(sc);
}

static void test_variant_of_an_empty_network(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    fx_add_country(net, "CN");
    fx_add_node(net, "F", XBR_NODE_FACTORY, 0);
    xbr_scenario_t *sc = fx_scenario_new(net, 0); /* no links at all */
    xbr__variant_t *v = xbr__variant_new(sc);
    assert_non_null(v);
    assert_int_equal(v->net.n_links, 0);
    xbr__variant_free(v);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edits_do_not_touch_the_original),
        cmocka_unit_test(test_variant_of_an_empty_network),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
