/*
 * test_reach.c - reachability (model/reach.c): the one search over open links into open nodes,
 * and the unreachable (factory, market) pairs, on small hand-built graphs whose answers are
 * read off the drawing in each test.
 */
#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/analysis.h"

/*
 *   F1 -> A -> M1        node ids sort as A, B, F1, F2, M1, M2
 *         |              links: F1>A (0), A>M1 (1), A>B (2), B>M2 (3), F2>B (4), M2>A (5)
 *         v
 *   F2 -> B -> M2 -> A   (a cycle through A)
 */
static xbr_network_t *graph(void)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    fx_add_node(net, "M2", XBR_NODE_MARKET, c);   /* 0 */
    fx_add_node(net, "F1", XBR_NODE_FACTORY, c);  /* 1 */
    fx_add_node(net, "A", XBR_NODE_SEAPORT, c);   /* 2 */
    fx_add_node(net, "M1", XBR_NODE_MARKET, c);   /* 3 */
    fx_add_node(net, "B", XBR_NODE_WAREHOUSE, c); /* 4 */
    fx_add_node(net, "F2", XBR_NODE_FACTORY, c);  /* 5 */
    fx_add_link(net, 1, 2, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 2, 3, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 2, 4, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 4, 0, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 5, 4, XBR_MODE_TRUCK, 1);
    fx_add_link(net, 0, 2, XBR_MODE_TRUCK, 1);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    return net;
}

static void expect_seen(xbr__reach_t *r, int from, const char *want)
{
    unsigned char seen[6];
    memset(seen, 7, sizeof seen); /* every byte is written */
    xbr__reach_from(r, from, seen);
    char got[7];
    for (int i = 0; i < 6; i++)
        got[i] = seen[i] ? '1' : '0';
    got[6] = '\0';
    assert_string_equal(got, want);
}

static void test_search_follows_open_links_into_open_nodes(void **state)
{
    (void)state;
    xbr_network_t *net = graph();
    xbr__reach_t r;
    assert_int_equal(xbr__reach_init(&r, net), XBR_OK);
    /* nodes in index order M2 F1 A M1 B F2 */
    expect_seen(&r, 1, "111110"); /* F1 reaches A, M1, B, M2 */
    expect_seen(&r, 5, "101111"); /* F2: itself, B, M2, then A and M1 through the cycle */
    expect_seen(&r, 3, "000100"); /* a market with no way out: itself only */
    /* closing link A>B cuts F1 from B and M2; F2 still goes round */
    net->links[2].closed = true;
    expect_seen(&r, 1, "011100");
    expect_seen(&r, 5, "101111");
    /* closing node B: F2 reaches nothing; a closed start still counts as reached */
    net->links[2].closed = false;
    net->nodes[4].closed = true;
    expect_seen(&r, 5, "000001");
    expect_seen(&r, 4, "101110");
    xbr__reach_destroy(&r);
    xbr_network_free(net);
}

static void test_unreachable_pairs_sorted_by_ids(void **state)
{
    (void)state;
    xbr_network_t *net = graph();
    xbr_pair_t *pairs = NULL;
    size_t n = 99;
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n), XBR_OK);
    assert_int_equal(n, 0);
    assert_null(pairs);
    /* close B>M2, M2's only way in: F1 loses M2; F2, whose way to A went through M2, loses
     * M1 and M2 */
    net->links[3].closed = true;
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n), XBR_OK);
    assert_int_equal(n, 3);
    static const char *const cut[3][2] = {{"F1", "M2"}, {"F2", "M1"}, {"F2", "M2"}};
    for (size_t k = 0; k < 3; k++) {
        assert_string_equal(net->nodes[pairs[k].factory].id, cut[k][0]);
        assert_string_equal(net->nodes[pairs[k].market].id, cut[k][1]);
    }
    free(pairs);
    /* a closed factory reaches nothing; a closed market is reached by no one */
    net->links[3].closed = false;
    net->nodes[5].closed = true; /* F2 */
    net->nodes[3].closed = true; /* M1 */
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n), XBR_OK);
    /* F1 -> M1; F2 -> M1, F2 -> M2: factory id order, then market id order */
    assert_int_equal(n, 3);
    static const char *const want[3][2] = {{"F1", "M1"}, {"F2", "M1"}, {"F2", "M2"}};
    for (size_t k = 0; k < 3; k++) {
        assert_string_equal(net->nodes[pairs[k].factory].id, want[k][0]);
        assert_string_equal(net->nodes[pairs[k].market].id, want[k][1]);
    }
    free(pairs);
    xbr_network_free(net);
}

static void test_no_links_no_nodes(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    xbr_pair_t *pairs = NULL;
    size_t n = 5;
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n), XBR_OK);
    assert_int_equal(n, 0);
    fx_add_country(net, "CN");
    fx_add_node(net, "F", XBR_NODE_FACTORY, 0);
    fx_add_node(net, "M", XBR_NODE_MARKET, 0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n), XBR_OK);
    assert_int_equal(n, 1);
    free(pairs);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_follows_open_links_into_open_nodes),
        cmocka_unit_test(test_unreachable_pairs_sorted_by_ids),
        cmocka_unit_test(test_no_links_no_nodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
