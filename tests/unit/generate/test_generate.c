/*
 * test_generate.c - the synthetic network generator (xbroute/generate.h).
 *
 * Every generated file is checked through the strict loader (an independent reader): it must
 * load with no error and no warning, hold exactly the requested number of links, every node
 * type and every mode, and connect every factory to every market (xbr_network_unreachable,
 * igraph BFS). Expected counts of sea lanes are worked out by hand from the port tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xbroute/analysis.h"
#include "xbroute/generate.h"
#include "xbroute/load.h"
#include "xbroute/model.h"
#include "xbroute/output.h"

typedef struct {
    xbr_buf_t net;
    xbr_buf_t sc;
    xbr_generate_stats_t stats;
} gen_t;

static xbr_status_t gen(gen_t *g, size_t links, uint64_t seed)
{
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    p.links = links;
    p.seed = seed;
    xbr_buf_init(&g->net);
    xbr_buf_init(&g->sc);
    return xbr_generate(&p, &g->net, &g->sc, &g->stats, NULL);
}

static void gen_free(gen_t *g)
{
    xbr_buf_destroy(&g->net);
    xbr_buf_destroy(&g->sc);
}

/* Parses the network with the strict loader; fails the test on any diagnostic. */
static xbr_network_t *load(const gen_t *g)
{
    xbr_diags_t diags;
    xbr_network_t *net = NULL;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_network_parse(g->net.data, g->net.len, "generated", &net, &diags);
    for (size_t i = 0; i < diags.count; i++) {
        char line[512];
        xbr_diag_format(&diags.items[i], line, sizeof line);
        print_message("%s\n", line);
    }
    assert_int_equal(st, XBR_OK);
    assert_int_equal(diags.n_errors, 0);
    assert_int_equal(diags.n_warnings, 0);
    xbr_diags_destroy(&diags);
    assert_non_null(net);
    return net;
}

static void test_loads_clean_with_exact_link_count(void **state)
{
    (void)state;
    /* the brief asks for +-5%; the generator promises the exact count */
    static const size_t sizes[] = {1000, 1234, 5000, 20000, 60000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        gen_t g;
        assert_int_equal(gen(&g, sizes[i], 7), XBR_OK);
        xbr_network_t *net = load(&g);
        assert_int_equal(net->n_links, sizes[i]);
        assert_true(fabs((double)net->n_links - (double)sizes[i]) <= 0.05 * (double)sizes[i]);
        assert_int_equal(net->n_nodes, g.stats.nodes);
        xbr_network_free(net);
        gen_free(&g);
    }
}

static void test_about_twenty_links_per_node(void **state)
{
    (void)state;
    /* header promise: about links/20 nodes once markets dominate (200,000 <-> 10,000) */
    gen_t g;
    assert_int_equal(gen(&g, 60000, 3), XBR_OK);
    xbr_network_t *net = load(&g);
    assert_true(net->n_nodes >= 2850 && net->n_nodes <= 3150);
    xbr_network_free(net);
    gen_free(&g);
}

static void test_every_node_type_and_mode_present(void **state)
{
    (void)state;
    gen_t g;
    assert_int_equal(gen(&g, 1000, 1), XBR_OK);
    xbr_network_t *net = load(&g);
    size_t types[XBR_NODE_TYPE_COUNT] = {0}, modes[XBR_MODE_COUNT] = {0};
    for (size_t i = 0; i < net->n_nodes; i++)
        types[net->nodes[i].type]++;
    for (size_t j = 0; j < net->n_links; j++)
        modes[net->links[j].mode]++;
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        assert_true(types[t] > 0);
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        assert_true(modes[m] > 0);
    /* fixed infrastructure: 8 CN + 13 overseas seaports, 9 + 20 airports, 5 + 4 terminals */
    assert_int_equal(types[XBR_NODE_SEAPORT], 21);
    assert_int_equal(types[XBR_NODE_AIRPORT], 29);
    assert_int_equal(types[XBR_NODE_RAIL_TERMINAL], 9);
    /* air: 9 CN x 20 overseas airports; rail: 5 CN x 4 EU terminals */
    assert_int_equal(modes[XBR_MODE_AIR], 9 * 20);
    assert_int_equal(modes[XBR_MODE_RAIL], 5 * 4);
    xbr_network_free(net);
    gen_free(&g);
}

static void test_sea_lanes_via_suez_and_cape(void **state)
{
    (void)state;
    gen_t g;
    assert_int_equal(gen(&g, 1000, 1), XBR_OK);
    xbr_network_t *net = load(&g);
    size_t sea = 0, suez = 0, cape = 0, panama = 0;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->mode != XBR_MODE_SEA)
            continue;
        sea++;
        suez += (l->via >> XBR_PASSAGE_SUEZ) & 1u;
        cape += (l->via >> XBR_PASSAGE_CAPE) & 1u;
        panama += (l->via >> XBR_PASSAGE_PANAMA) & 1u;
        /* a lane never uses both */
        assert_false((l->via >> XBR_PASSAGE_SUEZ & 1u) && (l->via >> XBR_PASSAGE_CAPE & 1u));
    }
    /* 8 CN ports x 13 destination ports = 104 lanes; a Cape alternative for the 5 European
     * ports (RTM, ANR, HAM, FXT, VLC) and the 2 US East Coast ports (NYC, SAV): 8 x 7 = 56 */
    assert_int_equal(sea, 104 + 56);
    assert_int_equal(suez, 8 * 5);
    assert_int_equal(panama, 8 * 2);
    assert_int_equal(cape, 8 * 7);

    /* Shanghai -> Rotterdam via Suez: 10,589 nm (sea_distances.csv) x 1.852 = 19,610.8 km;
     * round the Cape 13,909 nm x 1.852 = 25,759.5 km */
    int sha = -1, rtm = -1;
    for (size_t i = 0; i < net->n_nodes; i++) {
        if (net->nodes[i].code && strcmp(net->nodes[i].code, "CNSHA") == 0)
            sha = (int)i;
        if (net->nodes[i].code && strcmp(net->nodes[i].code, "NLRTM") == 0)
            rtm = (int)i;
    }
    assert_true(sha >= 0 && rtm >= 0);
    assert_int_equal(net->nodes[sha].type, XBR_NODE_SEAPORT);
    /* key_seaports.csv: CNSHA lat 31.400091 */
    assert_true(fabs(net->nodes[sha].lat - 31.400091) < 1e-9);
    int found = 0;
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->from != sha || l->to != rtm)
            continue;
        found++;
        if (l->via & (1u << XBR_PASSAGE_SUEZ))
            assert_true(fabs(l->distance_km - 19610.8) < 0.051);
        else
            assert_true(fabs(l->distance_km - 25759.5) < 0.051);
        /* 16 kn = 384 nm/day: 10,589 / 384 = 27.6 days at sea; the mode is 25% more */
        if (l->via & (1u << XBR_PASSAGE_SUEZ))
            assert_true(fabs(l->days.mode - 34.5) < 0.051);
    }
    assert_int_equal(found, 2);
    xbr_network_free(net);
    gen_free(&g);
}

static void test_magnitudes_in_documented_ranges(void **state)
{
    (void)state;
    gen_t g;
    assert_int_equal(gen(&g, 5000, 11), XBR_OK);
    xbr_network_t *net = load(&g);
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        const xbr_node_t *to = &net->nodes[l->to];
        if (l->mode == XBR_MODE_EXPRESS && to->type == XBR_NODE_MARKET) {
            assert_true(l->cost.per_kg >= 15 && l->cost.per_kg <= 30);
            assert_true(l->days.mode >= 3.5 && l->days.mode <= 4.5);
        } else if (l->mode == XBR_MODE_AIR) {
            assert_true(l->cost.per_kg >= 3.2 * 0.8 - 0.01 && l->cost.per_kg <= 5.5 * 1.25 + 0.01);
        } else if (l->mode == XBR_MODE_SEA) {
            assert_true(l->cost.per_m3 >= 20 && l->cost.per_m3 <= 125);
            assert_true(l->departures_per_week >= 1 && l->departures_per_week <= 3);
        } else if (l->mode == XBR_MODE_RAIL) {
            assert_true(l->days.min >= 12 && l->days.max <= 22);
        } else if (l->mode == XBR_MODE_LAST_MILE) {
            assert_true(l->cost.per_unit >= 4 && l->cost.per_unit <= 12);
        }
        assert_true(l->days.min <= l->days.mode && l->days.mode <= l->days.max);
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        const xbr_node_t *n = &net->nodes[i];
        if (n->type == XBR_NODE_WAREHOUSE) {
            assert_true(n->storage_cost_per_m3_day > 0 && isfinite(n->capacity_m3));
            assert_true(n->fixed_cost_per_week > 0);
        }
        if (n->type == XBR_NODE_RETAILER)
            assert_true(n->markup_pct >= 40 && n->markup_pct <= 90);
    }
    xbr_network_free(net);
    gen_free(&g);
}

static void test_readable_ids(void **state)
{
    (void)state;
    gen_t g;
    assert_int_equal(gen(&g, 1000, 1), XBR_OK);
    xbr_network_t *net = load(&g);
    assert_true(xbr_network_find_node(net, "F00001") >= 0);
    assert_true(xbr_network_find_node(net, "P0001") >= 0);
    assert_true(xbr_network_find_node(net, "A0001") >= 0);
    assert_true(xbr_network_find_node(net, "W0001") >= 0);
    assert_true(xbr_network_find_node(net, "M00001") >= 0);
    int f = xbr_network_find_node(net, "F00001");
    assert_int_equal(net->nodes[f].type, XBR_NODE_FACTORY);
    xbr_network_free(net);
    gen_free(&g);
}

static void test_same_seed_same_bytes(void **state)
{
    (void)state;
    gen_t a, b, c;
    assert_int_equal(gen(&a, 3000, 42), XBR_OK);
    assert_int_equal(gen(&b, 3000, 42), XBR_OK);
    assert_int_equal(gen(&c, 3000, 43), XBR_OK);
    assert_int_equal(a.net.len, b.net.len);
    assert_memory_equal(a.net.data, b.net.data, a.net.len);
    assert_int_equal(a.sc.len, b.sc.len);
    assert_memory_equal(a.sc.data, b.sc.data, a.sc.len);
    assert_false(a.net.len == c.net.len && memcmp(a.net.data, c.net.data, a.net.len) == 0);
    assert_false(a.sc.len == c.sc.len && memcmp(a.sc.data, c.sc.data, a.sc.len) == 0);
    gen_free(&a);
    gen_free(&b);
    gen_free(&c);
}

static void test_every_market_reachable(void **state)
{
    (void)state;
    static const size_t sizes[] = {1000, 20000};
    for (size_t i = 0; i < 2; i++) {
        gen_t g;
        assert_int_equal(gen(&g, sizes[i], 5), XBR_OK);
        xbr_network_t *net = load(&g);
        xbr_pair_t *pairs = NULL;
        size_t n_pairs = 99;
        assert_int_equal(xbr_network_unreachable(net, &pairs, &n_pairs), XBR_OK);
        assert_int_equal(n_pairs, 0); /* every factory reaches every market */
        free(pairs);
        xbr_network_free(net);
        gen_free(&g);
    }
}

static void write_file(const char *path, const xbr_buf_t *b)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

static void test_scenario_loads_with_its_network(void **state)
{
    (void)state;
    char dir[] = "/tmp/xbr_test_generate_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char np[96], sp[96];
    snprintf(np, sizeof np, "%s/network.json", dir);
    snprintf(sp, sizeof sp, "%s/scenario.json", dir);
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    p.links = 20000;
    p.products = 12;
    gen_t g;
    xbr_buf_init(&g.net);
    xbr_buf_init(&g.sc);
    assert_int_equal(xbr_generate(&p, &g.net, &g.sc, &g.stats, NULL), XBR_OK);
    write_file(np, &g.net);
    write_file(sp, &g.sc);

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_scenario_t *sc = NULL;
    xbr_status_t st = xbr_scenario_load(sp, &sc, &diags);
    for (size_t i = 0; i < diags.count; i++) {
        char line[512];
        xbr_diag_format(&diags.items[i], line, sizeof line);
        print_message("%s\n", line);
    }
    assert_int_equal(st, XBR_OK);
    assert_int_equal(diags.count, 0);
    xbr_diags_destroy(&diags);
    assert_int_equal(sc->n_products, 12);
    const xbr_network_t *net = sc->network;
    for (size_t i = 0; i < sc->n_products; i++) {
        const xbr_product_t *pr = &sc->products[i];
        assert_true(pr->n_origins >= 1 && pr->n_origins <= 3);
        for (size_t o = 0; o < pr->n_origins; o++)
            assert_int_equal(net->nodes[pr->origins[o]].type, XBR_NODE_FACTORY);
        size_t markets = 0;
        for (size_t m = 0; m < net->n_nodes; m++) {
            if (pr->demand_per_week[m] > 0) {
                markets++;
                assert_int_equal(net->nodes[m].type, XBR_NODE_MARKET);
                assert_true(pr->demand_per_week[m] >= 1 && pr->demand_per_week[m] <= 200);
            }
        }
        /* 20,000 links give about 1,000 nodes, so more than 200 markets: exactly 200 */
        assert_int_equal(markets, 200);
        assert_true(pr->unit_kg > 0 && pr->unit_m3 > 0 && pr->unit_value > 0);
    }
    assert_true(fabs(sc->service_level - 0.95) < 1e-12);
    assert_true(fabs(sc->review_days - 14) < 1e-12);
    xbr_scenario_free(sc);
    gen_free(&g);
    unlink(np);
    unlink(sp);
    rmdir(dir);
}

static void test_bad_parameters_are_usage_errors(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr_buf_t a, b;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_init(&a);
    xbr_buf_init(&b);

    xbr_generate_params_init(&p);
    p.links = 999;
    assert_int_equal(xbr_generate(&p, &a, &b, NULL, &diags), XBR_EUSAGE);
    assert_int_equal(diags.n_errors, 1);

    /* 100,000 markets need more than 300,000 last-mile links alone */
    xbr_generate_params_init(&p);
    p.links = 5000;
    p.markets = 100000;
    assert_int_equal(xbr_generate(&p, &a, &b, NULL, &diags), XBR_EUSAGE);
    assert_int_equal(diags.n_errors, 2);

    /* 10 factories x 20 markets allow at most 200 direct links; 20,000 links need more */
    xbr_generate_params_init(&p);
    p.links = 20000;
    p.factories = 10;
    p.markets = 20;
    assert_int_equal(xbr_generate(&p, &a, &b, NULL, &diags), XBR_EUSAGE);
    assert_int_equal(diags.n_errors, 3);
    assert_int_equal(a.len, 0); /* nothing written on a usage error */

    xbr_generate_params_init(&p);
    p.factories = 1;
    assert_int_equal(xbr_generate(&p, &a, &b, NULL, NULL), XBR_EUSAGE);

    xbr_buf_destroy(&a);
    xbr_buf_destroy(&b);
    xbr_diags_destroy(&diags);
}

static void test_given_counts_are_kept(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    p.links = 8000;
    p.factories = 40;
    p.markets = 300;
    p.warehouses = 3;
    gen_t g;
    xbr_buf_init(&g.net);
    xbr_buf_init(&g.sc);
    assert_int_equal(xbr_generate(&p, &g.net, &g.sc, &g.stats, NULL), XBR_OK);
    xbr_network_t *net = load(&g);
    size_t types[XBR_NODE_TYPE_COUNT] = {0};
    for (size_t i = 0; i < net->n_nodes; i++)
        types[net->nodes[i].type]++;
    assert_int_equal(types[XBR_NODE_FACTORY], 40);
    assert_int_equal(types[XBR_NODE_MARKET], 300);
    assert_int_equal(types[XBR_NODE_WAREHOUSE], 3);
    assert_int_equal(net->n_links, 8000);
    xbr_pair_t *pairs = NULL;
    size_t n_pairs = 99;
    assert_int_equal(xbr_network_unreachable(net, &pairs, &n_pairs), XBR_OK);
    assert_int_equal(n_pairs, 0);
    free(pairs);
    xbr_network_free(net);
    gen_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_clean_with_exact_link_count),
        cmocka_unit_test(test_about_twenty_links_per_node),
        cmocka_unit_test(test_every_node_type_and_mode_present),
        cmocka_unit_test(test_sea_lanes_via_suez_and_cape),
        cmocka_unit_test(test_magnitudes_in_documented_ranges),
        cmocka_unit_test(test_readable_ids),
        cmocka_unit_test(test_same_seed_same_bytes),
        cmocka_unit_test(test_every_market_reachable),
        cmocka_unit_test(test_scenario_loads_with_its_network),
        cmocka_unit_test(test_bad_parameters_are_usage_errors),
        cmocka_unit_test(test_given_counts_are_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
